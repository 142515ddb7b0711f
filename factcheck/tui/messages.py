"""What the desk's writer thread and workers tell the screen, one message per outcome.

They are posted from other threads (``post_message`` is thread-safe) and handled on the
screen's own, each by a small ``@on(...)`` handler of the app.

Each is a dataclass with only its ``__init__`` generated (generated methods are compiled
at import, on the desk's start-up): ``repr`` comes from Textual's rich repr of the fields,
and equality is identity, as for Textual's own messages (each post is an event of its own).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

import rich.repr
from textual.message import Message

desk_message = dataclass(eq=False, repr=False)


class DeskMessage(Message):
    """Shows its fields in Textual's log and in a failing test's output."""

    def __rich_repr__(self) -> rich.repr.Result:
        for f in fields(self):
            yield f.name, getattr(self, f.name)


# ------------------------------------------------------------ the writer's outcomes


@desk_message
class Marked(DeskMessage):
    """A claim's status change (a mark, a reused verdict or an undo) has committed."""
    claim_id: int
    article_id: int
    before: str
    after: str
    event_id: int
    undo: bool = False  # an undo is not itself taken back by u


@desk_message
class Rated(DeskMessage):
    """A rating of the scale, and the status it maps to, have committed."""
    claim_id: int
    article_id: int
    before: str  # the status before
    after: str
    previous_label: str | None  # what u puts back, with the status
    rating: str
    event_id: int  # the rating's last event


@desk_message
class NoteSaved(DeskMessage):
    """A note on a claim has committed."""
    claim_id: int
    event_id: int | None = None


@desk_message
class RationaleSaved(DeskMessage):
    """A claim's rationale has committed (None: it was removed); ``before`` is the one it
    replaced, what u puts back."""
    claim_id: int
    text: str | None
    before: str | None = None


@desk_message
class Linked(DeskMessage):
    """A source is linked to a claim with a stance."""
    claim_id: int
    source_id: int
    stance: str
    event_id: int | None = None  # None: it was linked so already, nothing changed
    title: str = ""


@desk_message
class Unlinked(DeskMessage):
    """A source is no longer linked to a claim."""
    claim_id: int
    source_id: int
    event_id: int | None = None
    title: str = ""


@desk_message
class SourceAdded(DeskMessage):
    """A source typed in by hand (or fetched from its URL) is in the store."""
    source_id: int
    claim_id: int | None  # the claim shown when it was added
    stance: str | None = None  # linked to that claim with this stance (None: not linked)
    event_id: int | None = None  # the link's event
    notice: str | None = None  # how its text was found, when it was fetched


@desk_message
class ClaimEdited(DeskMessage):
    """A claim was edited, split, merged, hidden, shown again or added (factcheck.editing):
    the article's rows are read again."""
    claim_id: int  # the claim edited (u brings the cursor back to it)
    article_id: int
    event_id: int | None  # None: nothing changed
    said: str  # what was done, as the notification says it
    reloads: bool = True  # the claims themselves changed: the rows are read again
    reverse: object = None  # how u takes it back (a store call); None: undo the event
    goto: int | None = None  # the claim the cursor goes to (None: the claim edited)


@desk_message
class Undone(DeskMessage):
    """An undo that is not a status change (a note, a link, a claim edit…) has committed."""
    claim_id: int
    article_id: int
    what: str
    reloads: bool
    result: object = None


@desk_message
class WriteRefused(DeskMessage):
    """The claim changed since the desk read it (another editor): nothing was written."""
    claim_id: int | None
    status_change: bool  # the write was one of the claim's status changes in flight
    current: dict  # the claim as stored now
    reason: str


@desk_message
class WriteFailed(DeskMessage):
    """A write could not be done (the error says why): nothing was written."""
    claim_id: int | None
    status_change: bool
    error: Exception


# ------------------------------------------------------------ the workers' findings


@desk_message
class SourcesFound(DeskMessage):
    """A claim's linked and suggested sources, and its match in the archive."""
    claim_id: int
    linked: list[dict]
    suggested: list[dict]
    checked: dict | None = None


@desk_message
class DuplicateMarks(DeskMessage):
    """(duplicates, conflicts) per claim of an article; claims left out have none."""
    article_id: int
    counts: dict[int, tuple[int, int]] = field(default_factory=dict)


@desk_message
class RowsChanged(DeskMessage):
    """The store's statuses, versions and link counts of an article's claims, read after
    another connection committed (and the texts of the claims whose version changed)."""
    article_id: int
    states: list[tuple[int, str, int, int]]
    links: dict[int, int]
    texts: dict[int, str] = field(default_factory=dict)
    rows: list[tuple] | None = None  # the claims changed (split, merged…): every row again


@desk_message
class Imported(DeskMessage):
    """An article read from a file is in the store, with its claims."""
    article_id: int
    created: bool  # False: the same text was imported before
    claims: int
    notice: str | None = None  # how the text was found, when the editor should know


@desk_message
class Exported(DeskMessage):
    """A report is written to a file."""
    path: str
    format: str
    claims: int


@desk_message
class Failed(DeskMessage):
    """A worker's task could not be done: said once, in a notification."""
    what: str  # "Import", "Export"
    error: Exception | str


@desk_message
class Fetched(DeskMessage):
    """A page fetched for the source form: what it says of itself."""
    url: str
    values: dict
    error: str | None = None

