"""The verification report and its formats: one registry that every face calls.

``FORMATS`` maps a format's name to how it is rendered and the suffix of its file; the
command line's ``export`` and the desk's export dialog both go through ``write`` (to a
stream) or ``write_file`` (to a file, atomically), so a format added here is offered by
both.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import IO

from ..errors import IncompleteReport, UnknownFormat
from ..files import output
from ..store import Store
from . import claimreview, csv, html, markdown
from .json import write_json
from .model import Report, build, pending_count, select


@dataclass(frozen=True)
class Format:
    name: str
    suffix: str
    label: str  # what the desk's export dialog calls it
    render: Callable[..., int]  # (report, out, store=, article_id=, status=, **options) -> claims


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
    "json": Format("json", ".json", "JSON (the full contract)", _json),
    "md": Format("md", ".md", "Markdown", _renderer(markdown.render)),
    "html": Format("html", ".html", "HTML page", _renderer(html.render)),
    "csv": Format("csv", ".csv", "CSV", _renderer(csv.render)),
    "claimreview": Format("claimreview", ".jsonld", "ClaimReview (schema.org JSON-LD)",
                          _renderer(claimreview.render)),
}


def format_of(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        raise UnknownFormat(f"unknown format {name!r}: use one of {', '.join(FORMATS)}"
                            ) from None


def write(store: Store, out: IO[str], fmt: str = "json", article_id: int | None = None,
          status: str | None = None, require_complete: bool = False, **options) -> int:
    """Write a report in one of ``FORMATS``; returns the number of claims written."""
    chosen = format_of(fmt)
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


__all__ = ["FORMATS", "Format", "Report", "build", "format_of", "pending_count", "select",
           "write", "write_file"]
