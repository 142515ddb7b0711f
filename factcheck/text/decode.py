"""Bytes → text, and reading them from a file or standard input.

Two policies, one module:

* ``decode_bytes`` reads an *article*: a BOM decides first (UTF-8, UTF-16, UTF-32), then
  strict UTF-8, then cp1252, then Latin-1. Text that still looks binary is refused, and so
  are formats that are certainly not articles (PDF, images, archives, databases).
* ``decode_records`` reads a *data file* (sources, archive): UTF-8 with or without BOM, or
  UTF-16 with its BOM, nothing else; the line of the first bad byte is named.

Both raise ``InputError`` with a one-line reason.
"""

from __future__ import annotations

import codecs
import csv
import re
import sys
from pathlib import Path

from ..errors import InputError
from .. import files
from ..files import MAX_ARTICLE_BYTES, MAX_DATA_BYTES, read_capped, read_stream

ARTICLE_SETTING = "import.max_bytes"

# Leading bytes of formats that are certainly not articles.
_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"PK\x03\x04": "a ZIP archive (or a .docx/.odt document)",
    b"\x7fELF": "an executable",
    b"SQLite format 3\x00": "a SQLite database",
    b"\x1f\x8b": "a gzip archive",
}

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# C0 and C1 controls other than tab and newline; DEL too.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) or raise InputError with a one-line reason."""
    if not data:
        raise InputError("the file is empty")
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"this is {what}, not a text article")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.replace("-sig", "") + " (BOM)"
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"the file starts with a {encoding} byte-order mark but is not valid "
                    f"{encoding} (byte {exc.start})"
                ) from None
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(f"the file contains NUL bytes (first at byte {nul}): binary, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text, encoding = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        text, encoding = data.decode("latin-1"), "latin-1"
    # A real Latin-1 text has letters, not C1 controls; many controls mean binary.
    controls = len(CONTROL_CHARS.findall(text))
    if controls > max(2, len(text) // 200):
        raise InputError(
            "the file is not readable text (not UTF-8, UTF-16 or Latin-1/cp1252): "
            f"{controls} control bytes"
        )
    return text, encoding


def decode_records(data: bytes, name: str, what: str = "JSON, JSONL or CSV") -> str:
    """A data file's text: UTF-8 (BOM or not) or UTF-16 with a BOM; refused otherwise."""
    if not data.strip():
        raise InputError(f"{name} is empty")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{name} is not valid utf-16 text: {exc.reason}") from None
    if b"\x00" in data[:4096]:
        raise InputError(f"{name} looks like a binary file, not {what}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise InputError(f"{name}, line {line}: not UTF-8 text") from None


def allow_long_csv_fields() -> None:
    """Let the csv module read a field as long as a data file may be (its default stops at
    131 072 characters, where JSON has no limit); each field's own check says if it is too
    long for what it holds."""
    if csv.field_size_limit() < MAX_DATA_BYTES:
        csv.field_size_limit(MAX_DATA_BYTES)


def read_file(path: str, what: str = "an article file", limit: int | None = None) -> bytes:
    """The bytes of a file (or a FIFO, a device), or an InputError that says plainly why
    not; more than ``limit`` bytes (default: ``files.MAX_DATA_BYTES``) is refused while
    reading, never read to the end."""
    return read_capped(path, files.MAX_DATA_BYTES if limit is None else limit, what)


def read_article(path: str, limit: int = MAX_ARTICLE_BYTES, what: str = "an article",
                 setting: str | None = ARTICLE_SETTING) -> tuple[bytes, str | None]:
    """Read a path ('-' is standard input) and return its bytes and a display name; more
    than ``limit`` bytes (the setting import.max_bytes) is refused while reading."""
    if path == "-":
        return read_stream(sys.stdin.buffer, limit, "standard input", what, setting), None
    return read_capped(path, limit, what, setting), Path(path).name
