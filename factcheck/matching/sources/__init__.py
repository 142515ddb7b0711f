"""The source store and its links to claims, with ranked suggestions and their evidence.

``records`` reads files of sources, ``repo`` stores and searches them, ``suggest`` ranks
them for a claim, ``links`` ties a source to a claim with a stance.
"""

from .links import STANCES, link, linked_sources, sources_for_export, unlink
from .records import FIELDS, canonical_url, parse_sources
from .repo import (
    SOURCE_COLUMNS,
    Progress,
    add_source,
    count_sources,
    get_source,
    get_sources,
    import_sources_file,
    list_sources,
    quote_terms,
    search_sources,
    source_by_url,
    update_source,
    upsert_sources,
)
from .suggestions import clear_cache, evidence_for, suggest

__all__ = [
    "FIELDS", "SOURCE_COLUMNS", "STANCES", "Progress", "add_source", "canonical_url",
    "clear_cache", "count_sources", "evidence_for", "get_source", "get_sources",
    "import_sources_file", "link", "linked_sources", "list_sources", "parse_sources",
    "quote_terms", "search_sources", "source_by_url", "sources_for_export", "suggest",
    "unlink", "update_source", "upsert_sources",
]
