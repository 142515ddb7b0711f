"""Near-duplicate claims: one verdict per fact, and the same fact with another figure caught.

``index`` scores pairs and keeps them (blocking, ``claim_pairs``), ``lists`` renders each
claim's list for the export, ``thresholds`` says how sure a pair must be, ``verdicts`` when
a verdict may pass between two claims, ``follow`` passes it.
"""

from .follow import adopt_verdict, mark_with_duplicates, plan_with_duplicates
from .index import (
    PENDING,
    Match,
    claims_by_id,
    clear_caches,
    compare,
    compare_texts,
    duplicates_for_export,
    duplicates_of,
    ensure_indexed,
    find_pairs,
    forget,
    index_article,
    index_claims,
    keys_of,
    signature,
    word_count,
)
from .scorer import FEATURES
from .thresholds import (
    HIGH_THRESHOLD,
    KINDS,
    LOW_THRESHOLD,
    MAX_POSTINGS,
    SETTING_HIGH,
    SETTING_LOW,
    SHORT_WORDS,
    STORE_FLOOR,
    Thresholds,
    kind_of,
    thresholds,
)
from .verdicts import flows, reusable_verdict

__all__ = [
    "FEATURES", "HIGH_THRESHOLD", "KINDS", "LOW_THRESHOLD", "MAX_POSTINGS", "Match",
    "PENDING", "SETTING_HIGH", "SETTING_LOW", "SHORT_WORDS", "STORE_FLOOR", "Thresholds",
    "adopt_verdict", "claims_by_id", "clear_caches", "compare", "compare_texts",
    "duplicates_for_export", "duplicates_of", "ensure_indexed", "find_pairs", "flows",
    "forget", "index_article", "index_claims", "keys_of", "kind_of", "mark_with_duplicates",
    "plan_with_duplicates", "reusable_verdict", "signature", "thresholds", "word_count",
]
