"""The desk's settings: what each key means, what it accepts, and its default.

A value is checked before it is stored (``check_setting``, called by ``Store.set_setting``),
so a bad one is refused at the door with one line and never reaches the commands that read
it (``dupes.high abc`` once broke every export and duplicate search). Keys factcheck does not
know are kept as plain text, without control characters: other tools may share the table.
"""

from __future__ import annotations

import math
import os
import re
import sqlite3
from collections import namedtuple
from urllib.parse import quote, urlsplit

from ..errors import InputError
from ..files import MAX_ARTICLE_BYTES, MB, size_text
from ..text.display import has_controls, printable

MAX_VALUE_CHARS = 10_000
_SIZE = re.compile(r"^\s*(\d{1,15})\s*(b|bytes?|k|kb|kib|m|mb|mib|g|gb|gib)?\s*$", re.I)
_UNITS = {"": 1, "b": 1, "byte": 1, "bytes": 1, "k": 1024, "kb": 1024, "kib": 1024,
          "m": MB, "mb": MB, "mib": MB, "g": 1024 * MB, "gb": 1024 * MB, "gib": 1024 * MB}
MIN_ARTICLE_BYTES, MAX_ARTICLE_CAP = 1024, 1024 * MB


# A key, what it means, its default (None: unset), and its check: (key, value) -> the value
# to store, or an InputError. (A named tuple from collections: typing's costs start-up.)
Setting = namedtuple("Setting", "key meaning default check")


def _number_0_100(key: str, value: str) -> str:
    try:
        n = float(value.strip().replace(",", "."))
    except ValueError:
        n = math.nan
    if not 0 <= n <= 100:
        raise InputError(f"{key} must be a number from 0 to 100, not {_shown(value)}")
    return f"{n:g}"


def _web_address(key: str, value: str) -> str:
    url = value.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        parts = None
    if (has_controls(url) or re.search(r"\s", url) or parts is None
            or parts.scheme.lower() not in ("http", "https") or not parts.hostname):
        raise InputError(f"{key} must be a web address starting with http:// or https://, "
                         f"not {_shown(value)}")
    return url


def _one_line(key: str, value: str) -> str:
    text = " ".join(value.split())
    if has_controls(value.replace("\n", " ").replace("\t", " ")):
        raise InputError(f"{key} must be plain text on one line, without control "
                         f"characters: {_shown(value)}")
    if not text:
        raise InputError(f"{key} cannot be empty (use --unset to remove it)")
    if len(text) > 200:
        raise InputError(f"{key} is longer than 200 characters")
    return text


def _byte_size(key: str, value: str) -> str:
    m = _SIZE.match(value)
    n = int(m.group(1)) * _UNITS[(m.group(2) or "").lower()] if m else -1
    if not MIN_ARTICLE_BYTES <= n <= MAX_ARTICLE_CAP:
        raise InputError(f"{key} must be a size from {size_text(MIN_ARTICLE_BYTES)} to "
                         f"{size_text(MAX_ARTICLE_CAP)} (e.g. 20MB or 20971520), "
                         f"not {_shown(value)}")
    return str(n)


SETTINGS: dict[str, Setting] = {s.key: s for s in (
    Setting("org.name", "the desk's name, in reports and ClaimReview", None, _one_line),
    Setting("org.url", "the desk's web address, for ClaimReview (http or https)", None,
            _web_address),
    # the defaults of matching/dupes/thresholds.py (a test keeps them equal)
    Setting("dupes.high", "score from which a pair of claims is a confident duplicate "
            "(0-100)", "85", _number_0_100),
    Setting("dupes.low", "score from which a pair of claims is suggested (0-100)", "70",
            _number_0_100),
    Setting("import.max_bytes", "the largest article file an import reads, in bytes",
            str(MAX_ARTICLE_BYTES), _byte_size),
)}
_KEY = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*$")
# editor.LOGIN.name: the name public reports give an editor (store/verdicts.py reads it)
_EDITOR_NAME = re.compile(r"^editor\.[^.]+\.name$")


def describe(key: str) -> str:
    """What a key is for, known or not."""
    if key in SETTINGS:
        return SETTINGS[key].meaning
    if key == "ratings":
        return "the newsroom's rating scale, as JSON (see `factcheck settings ratings`)"
    if _EDITOR_NAME.match(key):
        return f"the name public reports give the editor {key.split('.')[1]}"
    return "not a setting factcheck reads"


def check_setting(key: str, value: str) -> str:
    """The value to store for ``key``, or an ``InputError`` that says what is accepted."""
    if not _KEY.match(key or "") or len(key) > 100:
        raise InputError(f"not a setting name: {_shown(key)} (letters, digits, dots, e.g. "
                         "org.name)")
    if not isinstance(value, str):
        raise InputError(f"{key} must be text")
    if len(value) > MAX_VALUE_CHARS:
        raise InputError(f"{key} is longer than {MAX_VALUE_CHARS} characters")
    known = SETTINGS.get(key)
    if known is not None:
        return known.check(key, value)
    if _EDITOR_NAME.match(key):
        return _one_line(key, value)
    if printable(value) != value:  # tabs and line breaks aside
        raise InputError(f"{key}: control characters are not accepted in a setting: "
                         f"{_shown(value)}")
    return value


def _shown(value: str) -> str:
    """A value quoted for an error message, its controls visible, cut if long."""
    text = printable(value, one_line=True)
    return repr(text if len(text) <= 80 else text[:79] + "…")


def article_limit(value: str | None) -> int:
    """The article size cap that the stored ``import.max_bytes`` value gives (the default
    when it is missing or, in a store written before the check, not a sane size)."""
    if value is None:
        return MAX_ARTICLE_BYTES
    try:
        return int(_byte_size("import.max_bytes", value))
    except InputError:
        return MAX_ARTICLE_BYTES


def read_setting(path: str, key: str) -> str | None:
    """One setting of the database at ``path``, read without opening a ``Store`` (nothing is
    created, migrated or locked); None when the file, the table or the key is missing."""
    if not path or path == ":memory:":
        return None
    if not os.path.isfile(path):
        return None
    try:
        conn = sqlite3.connect("file:" + quote(os.path.abspath(path)) + "?mode=ro", uri=True,
                               timeout=5)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return row[0] if row else None
