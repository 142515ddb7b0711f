"""What every command shares: exit codes, opening the store, printing, argument types."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable

from ..store import Store
from ..text.display import printable

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2
MAX_ID = 2**63 - 1  # SQLite's largest integer: a larger id cannot name a row
PROGRESS_MIN = 2000  # imports of fewer records get no progress bar


class CliError(Exception):
    """A command that cannot go on: the message is printed as one line, with this code."""

    def __init__(self, message: str, code: int = EXIT_FAIL):
        super().__init__(message)
        self.code = code


def open_store(args, create: bool = False) -> Store:
    """The store named by --db. Only the commands that bring something in (import, init,
    demo, the desk) create a missing one: a mistyped --db on any other command is refused
    (``no database at …``), not answered from a new empty store."""
    return Store(args.db, create=create)


def say(line: object = "") -> None:
    """Print a line for people: stored text may hold terminal commands (``ESC ] 52`` writes
    the clipboard), which ``printable`` shows instead of letting the terminal obey them."""
    print(printable(line))


def say_err(line: object) -> None:
    """A one-line message on stderr (what was done: "exported 11 claims to …"), shown safely."""
    print(printable(line, one_line=True), file=sys.stderr)


def one_line(value: object) -> str:
    """A stored value shown on its line: controls and line breaks visible (␊, ␛)."""
    return printable(value, one_line=True)


def print_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def emit(args, data, lines: Iterable[str]) -> int:
    """Print ``data`` as JSON under ``--json``, else the lines people read; EXIT_OK."""
    if getattr(args, "json", False):
        print_json(data)
    else:
        for line in lines:
            say(line)
    return EXIT_OK


def whole_number(what: str | None = None) -> Callable[[str], int]:
    """An argparse type for ids and counts: a whole number from 1 to SQLite's largest, with
    a clear message."""

    def parse(value: str) -> int:
        shown = repr(value if len(value) <= 30 else value[:30] + "…")
        digits = value.strip().lstrip("+")
        if digits.isascii() and digits.isdigit() and len(digits.lstrip("0")) > len(str(MAX_ID)):
            n = MAX_ID + 1  # not converted: a 5 000-digit number costs a ValueError in int()
        else:
            try:
                n = int(value)
            except ValueError:
                raise argparse.ArgumentTypeError(
                    f"not {what}: {shown} (a whole number)" if what
                    else f"not a whole number: {shown}") from None
        if n <= 0:
            raise argparse.ArgumentTypeError(
                f"not {what}: {shown} (ids start at 1)" if what
                else f"must be at least 1: {shown}")
        if n > MAX_ID:
            raise argparse.ArgumentTypeError(
                f"not {what}: {shown} is larger than any id ({MAX_ID})" if what
                else f"too large: {shown} (at most {MAX_ID})")
        return n

    return parse


def http_url(value: str) -> str:
    """An argparse type for addresses a report links to: http(s) only (javascript: and
    the like are refused at the door), with a host, no space or control character."""
    from ..text.formatting import web_url

    url = web_url(value)
    if url is None:
        raise argparse.ArgumentTypeError(f"not an http(s) address: {value!r}")
    return url


claim_id = whole_number("a claim id")
article_id = whole_number("an article id")
positive = whole_number()


def progress_bar(label: str) -> Callable[[int, int], None] | None:
    """A progress bar on stderr for a long import, only when stderr is a terminal."""
    stream = sys.stderr
    try:
        if not stream.isatty():
            return None
    except (AttributeError, ValueError):
        return None

    def show(done: int, total: int) -> None:
        if total < PROGRESS_MIN:
            return
        width = 30
        filled = int(width * done / total) if total else width
        stream.write(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done >= total:
            stream.write("\n")
        stream.flush()

    return show
