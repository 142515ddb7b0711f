"""Records in data files: a JSON array, JSON Lines, a CSV table, each item with its line.

The one reader behind the files of sources (``matching.sources.records``) and of past
fact-checks (``matching.archive.parse``). It names the line, and the column where it can,
of the first fault, with an ``InputError``; what a record must hold is for each caller to
check. Every reader here is one pass over the text.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable

from ..errors import InputError
from .decode import allow_long_csv_fields

_SPACE = re.compile(r"\s*")


def json_trouble(exc: BaseException) -> str:
    """What is wrong with a piece of JSON, in words."""
    if isinstance(exc, json.JSONDecodeError):
        return exc.msg
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    if "digits" in str(exc):  # int() refuses to convert more than 4 300 digits
        return "a number with more than 4 300 digits"
    return str(exc)


class LineCounter:
    """Line and column of increasing positions in one text, counted on from the last one
    (counting from the start each time costs the square of a file with many items)."""

    def __init__(self, text: str):
        self.text, self.pos, self.line = text, 0, 1

    def line_of(self, pos: int) -> int:
        if pos < self.pos:
            self.pos, self.line = 0, 1
        self.line += self.text.count("\n", self.pos, pos)
        self.pos = pos
        return self.line

    def where(self, pos: int) -> str:
        column = pos - (self.text.rfind("\n", 0, pos) + 1) + 1
        return f"line {self.line_of(pos)}, column {column}"


def json_array(text: str, name: str, start: int | None = None, *, noun: str = "item",
               whole: bool = True) -> list[tuple[int, dict]]:
    """(line, object) for each element of the JSON array that opens at ``start`` (else the
    first non-blank character). ``whole``: nothing but blanks may follow the array."""
    decoder = json.JSONDecoder()
    lines = LineCounter(text)

    def fail(at: int, what: str) -> InputError:
        return InputError(f"{name}, {lines.where(at)}: {what}")

    pos = _SPACE.match(text, 0).end() if start is None else start
    if text[pos:pos + 1] != "[":
        raise fail(pos, f"expected a JSON array of {noun}s ([{{…}}, …])")
    pos = _SPACE.match(text, pos + 1).end()
    out: list[tuple[int, dict]] = []
    if text[pos:pos + 1] == "]":
        pos += 1
    else:
        while True:
            try:
                obj, end = decoder.raw_decode(text, pos)
            except json.JSONDecodeError as exc:
                raise fail(exc.pos, f"not valid JSON ({exc.msg})") from None
            except (ValueError, RecursionError) as exc:  # a 5 000-digit number, deep nesting
                raise fail(pos, f"not readable JSON ({json_trouble(exc)})") from None
            if not isinstance(obj, dict):
                raise fail(pos, f"each {noun} must be a JSON object, not {type(obj).__name__}")
            out.append((lines.line_of(pos), obj))
            pos = _SPACE.match(text, end).end()
            c = text[pos:pos + 1]
            if c == ",":
                pos = _SPACE.match(text, pos + 1).end()
                continue
            if c == "]":
                pos += 1
                break
            raise fail(pos, f"expected , or ] after a {noun}" if c else
                       "the JSON array is not closed (missing ])")
    if whole:
        rest = _SPACE.match(text, pos).end()
        if rest != len(text):
            raise fail(rest, "unexpected text after the JSON array")
    return out


def json_lines(lines: Iterable[str], name: str, first: int = 1) -> list[tuple[int, dict]]:
    """(line, object) for each non-blank line of JSON Lines; ``first`` numbers the first."""
    loads = json.loads
    out = []
    for n, line in enumerate(lines, start=first):
        try:
            obj = loads(line)
        except json.JSONDecodeError as exc:
            if not line.strip():
                continue
            raise InputError(f"{name}, line {n}, column {exc.colno}: not valid JSON "
                             f"({exc.msg})") from None
        except (ValueError, RecursionError) as exc:
            raise InputError(f"{name}, line {n}: not readable JSON ({json_trouble(exc)})"
                             ) from None
        if obj.__class__ is not dict:
            raise InputError(f"{name}, line {n}: each line must be a JSON object, not "
                             f"{type(obj).__name__}")
        out.append((n, obj))
    return out


def csv_table(text: str, name: str, required: str, known: Iterable[str], *,
              needs: str, sniff: bool = False, exact: bool = True
              ) -> tuple[dict[str, int], list[tuple[int, dict[str, str | None]]]]:
    """A CSV file's header and rows: ({column: its 1-based place}, [(line, {column: cell})]).

    The header must name ``required`` (else ``needs`` says what the file should hold), a
    ``known`` column only once. Blank rows are skipped. A row with more cells than the
    header is refused; one with fewer too when ``exact``, else its missing cells are None.
    ``sniff`` guesses the delimiter (, ; or tab) from the header line."""
    allow_long_csv_fields()
    dialect: type[csv.Dialect] | csv.Dialect = csv.excel
    if sniff:
        try:
            dialect = csv.Sniffer().sniff(text[:4096].split("\n", 1)[0] + "\n",
                                          delimiters=",;\t")
        except csv.Error:
            pass
    reader = csv.reader(io.StringIO(text, newline=""), dialect, strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(f"{name} is empty") from None
    except csv.Error as exc:
        raise InputError(f"{name}, line 1: bad CSV header ({exc})") from None
    names = [h.strip().lstrip("\ufeff").lower() for h in header]
    if required not in names:
        found = ", ".join(h for h in names if h) or "none"
        raise InputError(f"{name}, line 1: {needs} (found: {found})")
    known = set(known)
    columns: dict[str, int] = {}
    for i, column in enumerate(names, start=1):
        if column in columns and column in known:
            raise InputError(f"{name}, line 1, column {i}: the column {column!r} appears twice")
        columns.setdefault(column, i)
    rows = []
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            col = _csv_error_column(text, start, dialect.delimiter)
            where = f"line {start}" + (f", column {col}" if col else "")
            raise InputError(f"{name}, {where}: bad CSV ({exc})") from None
        if not row or not any(cell.strip() for cell in row):
            continue
        if len(row) > len(names) or (exact and len(row) != len(names)):
            col = min(len(row), len(names)) + 1
            raise InputError(f"{name}, line {start}, column {col}: {len(row)} fields, "
                             f"the header has {len(names)}")
        cells = dict(zip(names, row))
        if len(row) < len(names):
            cells.update(dict.fromkeys(names[len(row):]))
        rows.append((start, cells))
    return columns, rows


def _csv_error_column(text: str, line_no: int, delimiter: str = ",") -> int | None:
    """The field (1-based) where a CSV row starting at line_no goes wrong, if we can tell."""
    lines = text.split("\n")
    if line_no - 1 >= len(lines):
        return None
    rest = "\n".join(lines[line_no - 1:])
    field, i, n = 1, 0, len(rest)
    ends = delimiter + "\r\n"
    while i < n:
        if rest[i] == '"':
            j = i + 1
            while True:
                j = rest.find('"', j)
                if j < 0:
                    return field  # the quote never closes
                if rest[j + 1:j + 2] == '"':
                    j += 2
                    continue
                break
            k = j + 1
            if k < n and rest[k] not in ends:
                return field  # text after a closing quote
            i = k
        else:
            while i < n and rest[i] not in ends:
                if rest[i] == '"':
                    return field  # a quote inside an unquoted field
                i += 1
        if i >= n or rest[i] in "\r\n":
            return None
        field += 1
        i += 1
    return None
