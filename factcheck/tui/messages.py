"""What the desk's writer thread and workers tell the screen, one message per outcome.

They are posted from other threads (``post_message`` is thread-safe) and handled on the
screen's own, each by a small ``@on(...)`` handler of the app.  ``eq=False``: each post is
an event of its own, equal only to itself, as Textual's own messages are.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from textual.message import Message

# ------------------------------------------------------------ the writer's outcomes


@dataclass(eq=False)
class Marked(Message):
    """A claim's status change (a mark, a reused verdict or an undo) has committed."""
    claim_id: int
    article_id: int
    before: str
    after: str
    event_id: int
    undo: bool = False  # an undo is not itself taken back by u


@dataclass(eq=False)
class NoteSaved(Message):
    claim_id: int


@dataclass(eq=False)
class Linked(Message):
    claim_id: int
    source_id: int
    stance: str


@dataclass(eq=False)
class Unlinked(Message):
    claim_id: int
    source_id: int


@dataclass(eq=False)
class SourceAdded(Message):
    source_id: int
    claim_id: int | None  # the claim shown when it was added


@dataclass(eq=False)
class WriteRefused(Message):
    """The claim changed since the desk read it (another editor): nothing was written."""
    claim_id: int | None
    status_change: bool  # the write was one of the claim's status changes in flight
    current: dict  # the claim as stored now
    reason: str


@dataclass(eq=False)
class WriteFailed(Message):
    claim_id: int | None
    status_change: bool
    error: Exception


# ------------------------------------------------------------ the workers' findings


@dataclass(eq=False)
class SourcesFound(Message):
    """A claim's linked and suggested sources, and its match in the archive."""
    claim_id: int
    linked: list[dict]
    suggested: list[dict]
    checked: dict | None = None


@dataclass(eq=False)
class DuplicateMarks(Message):
    """(duplicates, conflicts) per claim of an article; claims left out have none."""
    article_id: int
    counts: dict[int, tuple[int, int]] = field(default_factory=dict)


@dataclass(eq=False)
class RowsChanged(Message):
    """The store's statuses, versions and link counts of an article's claims, read after
    another connection committed."""
    article_id: int
    states: list[tuple[int, str, int]]
    links: dict[int, int]


@dataclass(eq=False)
class Imported(Message):
    article_id: int
    created: bool  # False: the same text was imported before
    claims: int


@dataclass(eq=False)
class Exported(Message):
    path: str
    format: str
    claims: int


@dataclass(eq=False)
class Failed(Message):
    """A worker's task could not be done: said once, in a notification."""
    what: str  # "Import", "Export"
    error: Exception
