"""The SQLite store: articles, claims, their history, settings; sources and links live in
the same file but belong to ``matching.sources``.

This layer knows SQL and nothing of how claims are found or matched: it never imports
``analysis`` or ``matching`` (an import-linter contract in pyproject.toml keeps it so).
"""

from ..errors import NotFound, StaleEdit, StoreError
from .db import (
    BUSY_TIMEOUT_S,
    DEFAULT_DB,
    STATUSES,
    Store,
    check_status,
    default_db_path,
    default_editor,
    fts_query,
    json_text,
    now,
    schema_sql,
    status_clause,
)

__all__ = [
    "BUSY_TIMEOUT_S", "DEFAULT_DB", "STATUSES", "NotFound", "StaleEdit", "Store", "StoreError",
    "check_status", "default_db_path", "default_editor", "fts_query", "json_text", "now",
    "schema_sql", "status_clause",
]
