"""The verification report and its formats: one registry that every face calls.

``FORMATS`` maps a format's name to how it is rendered, the suffix of its file and the
audiences it speaks to; the command line's ``export`` and the desk's export dialog both go
through ``write`` (to a stream) or ``write_file`` (to a file, atomically), so a format
added here is offered by both.

Two audiences: **public**, what readers are shown (html and md by default; ClaimReview is
nothing else), and **internal**, the desk's whole audit (json and csv are nothing else:
the data contract, every score and event).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import IO

from ..errors import IncompleteReport, InputError, UnknownFormat
from ..files import output
from ..store import Store
from . import claimreview, csv, html, markdown
from .json import write_json
from .model import Report, build, pending_count, select


AUDIENCES = ("public", "internal")
LANGUAGES = ("fr", "en")


@dataclass(frozen=True)
class Format:
    name: str
    suffix: str
    label: str  # what the desk's export dialog calls it
    render: Callable[..., int]  # (report, out, store=, article_id=, status=, **options) -> claims
    audiences: tuple[str, ...] = AUDIENCES  # the first is the default

    def audience(self, asked: str | None) -> str:
        """The audience to write for; InputError if this format does not speak to it."""
        if asked is None:
            return self.audiences[0]
        if asked not in AUDIENCES:
            raise InputError(f"unknown audience {asked!r}: use public or internal")
        if asked not in self.audiences:
            raise InputError(
                f"{self.name} is for the {self.audiences[0]} audience only"
                + (" (the desk's whole record): readers get --format html or md"
                   if self.audiences[0] == "internal" else
                   " (what search engines show readers): the desk's record is --format"
                   " json, csv, or html/md with --audience internal"))
        return asked


def _json(report: Report, out: IO[str], *, store: Store, article_id: int | None,
          status: str | None, **_options) -> int:
    return write_json(report, out, store, article_id, status)


def _renderer(render: Callable[..., int]) -> Callable[..., int]:
    """A format that needs only the report and its own options."""
    def call(report: Report, out: IO[str], *, store: Store, article_id: int | None,
             status: str | None, **options) -> int:
        return render(report, out, **options)
    return call


FORMATS: dict[str, Format] = {
    "json": Format("json", ".json", "JSON (the full contract)", _json, ("internal",)),
    "md": Format("md", ".md", "Markdown", _renderer(markdown.render)),
    "html": Format("html", ".html", "HTML page", _renderer(html.render)),
    "csv": Format("csv", ".csv", "CSV", _renderer(csv.render), ("internal",)),
    "claimreview": Format("claimreview", ".jsonld", "ClaimReview (schema.org JSON-LD)",
                          _renderer(claimreview.render), ("public",)),
}


def format_of(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        raise UnknownFormat(f"unknown format {name!r}: use one of {', '.join(FORMATS)}"
                            ) from None


def write(store: Store, out: IO[str], fmt: str = "json", article_id: int | None = None,
          status: str | None = None, require_complete: bool = False,
          audience: str | None = None, lang: str | None = None, **options) -> int:
    """Write a report in one of ``FORMATS``; returns the number of claims written.

    ``audience`` (public or internal; None: the format's own) and ``lang`` (fr or en;
    None: the articles') choose what a report for people says and in which words."""
    chosen = format_of(fmt)
    options["audience"] = chosen.audience(audience)
    if lang is not None and lang not in LANGUAGES:
        raise InputError(f"reports are written in {' or '.join(LANGUAGES)}, not {lang!r}")
    options["lang"] = lang
    if require_complete:
        pending = pending_count(store, article_id)
        if pending:
            raise IncompleteReport(pending)
    report = select(store, article_id, status)
    return chosen.render(report, out, store=store, article_id=article_id, status=status,
                         **options)


def write_file(store: Store, path: str, *, force: bool = False, **kwargs) -> int:
    """Write a report to a file through the safe writer (``factcheck.files.output``): never
    over the store's own database or any SQLite file, a directory, a device or a link; over
    an existing file only with ``force``; whole or not at all. Returns the claims written."""
    with output(path, force=force, protect=[store.path]) as out:
        return write(store, out, **kwargs)


__all__ = ["AUDIENCES", "FORMATS", "Format", "LANGUAGES", "Report", "build", "format_of",
           "pending_count", "select", "write", "write_file"]
