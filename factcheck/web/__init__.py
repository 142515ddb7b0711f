"""The network: fetching a page the editor asked for, and nothing else.

``fetch`` (in ``web.fetch``, which loads httpx) is the only code of factcheck that opens a
connection. Only ``ingest`` and the faces (cli, tui) may use it: an import-linter contract
in pyproject.toml keeps the rest of the core off the network. This module itself loads
nothing, so a face can ask whether a text is a URL, or whether the desk is offline, for
free.
"""

from __future__ import annotations

import os
import re

OFFLINE_ENV = "FACTCHECK_OFFLINE"
_URL = re.compile(r"^https?://", re.IGNORECASE)


def is_url(text: str) -> bool:
    """Does the editor mean a web address (http:// or https://) rather than a file?"""
    return bool(_URL.match(text.strip()))


def offline_requested() -> bool:
    """True when ``--offline`` was given or FACTCHECK_OFFLINE is set (1, true, yes, on)."""
    return os.environ.get(OFFLINE_ENV, "").strip().lower() in ("1", "true", "yes", "on")
