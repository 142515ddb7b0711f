"""Past fact-checks, and the matcher that answers "has this been checked before?".

``parse`` reads ClaimReview, JSONL and CSV files, ``rank`` is the BM25F index and its
re-scoring, ``service`` keeps the archive in the store and matches claims against it and
against the desk's own verdicts.
"""

from .parse import FIELDS, parse_archive, parse_date, verdict_status
from .rank import CANDIDATES, WEIGHTS, DeskIndex, Index, Query, prepare, rank, split_tag
from .service import (
    apply_match,
    count,
    entry,
    import_file,
    import_records,
    indexes,
    match_claim,
    match_queries,
    match_text,
    read_queries,
    strong_match,
)

__all__ = [
    "CANDIDATES", "FIELDS", "WEIGHTS", "DeskIndex", "Index", "Query", "apply_match", "count",
    "entry", "import_file", "import_records", "indexes", "match_claim", "match_queries",
    "match_text", "parse_archive", "parse_date", "prepare", "rank", "read_queries",
    "split_tag", "strong_match", "verdict_status",
]
