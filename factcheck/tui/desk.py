"""What the desk knows, apart from how it is drawn.

The open article's rows, what the list shows of them (status and text filters, sort),
the counts per status, the session's undo stack and the writes still in flight per claim.
Plain Python: the app says what happened (an article opened, a filter typed, a write
committed, another editor's change read) and draws what the state then holds.

Whatever changes which rows are listed (opening, filtering, sorting, the rest of a long
article coming in) lists them again and calls ``on_listed`` once; nothing else does.  A row
whose status changes stays listed under a status filter it no longer matches until the
next such change, so the list never moves under the editor's cursor while they mark.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NamedTuple, Protocol

from ..store import STATUSES

STATUS_FILTERS = (None, "pending", "verified", "disputed")
SORTS = ("position", "worthiness")


@dataclass(slots=True)
class ClaimRow:
    id: int
    seq: int
    status: str
    worth: float
    version: int
    text: str  # the start of the claim, on one line (whitespace runs collapsed)
    sources: int = 0
    dupes: int = 0
    conflicts: int = 0
    saving: bool = False

    @classmethod
    def from_record(cls, r: Sequence) -> ClaimRow:
        """A row from the store's ``claim_rows`` tuple."""
        return cls(r[0], r[1], r[2], r[3], r[4], " ".join(r[5].split()), r[6])


class Undo(NamedTuple):
    """A status change of this session, as u takes it back."""
    claim_id: int
    article_id: int
    previous: str
    event_id: int
    label: tuple[str | None] | None = None  # a rating: (the label it replaced,)


class RowSource(Protocol):
    """Where the rows come from (the store's reads of the same names)."""

    def claim_rows(self, article_id: int, *, limit: int = -1, after_seq: int = 0
                   ) -> list[tuple]: ...

    def claim_count(self, article_id: int) -> int: ...


class DeskState:
    """The open article's rows and what the desk's list shows of them.

    ``on_listed(keep_claim)`` is called each time ``visible`` is worked out again:
    ``keep_claim`` is the claim the cursor should stay on (None: where it was).
    ``on_all_read(article_id, rows)`` is called once every row of an article is in.
    """

    def __init__(self, source: RowSource | None,
                 on_listed: Callable[[int | None], None] | None = None,
                 on_all_read: Callable[[int, list[ClaimRow]], None] | None = None) -> None:
        self.source = source  # set once the store is open
        self._on_listed = on_listed or (lambda keep: None)
        self._on_all_read = on_all_read or (lambda article_id, rows: None)
        self.article: dict | None = None
        self._rows: list[ClaimRow] = []
        self._unread_total: int | None = None  # rows of the article not read yet: their total
        self.partial = False  # the list shows the first rows only
        self.status_filter: str | None = None
        self.text_filter = ""
        self.sort = "position"
        self.visible: list[ClaimRow] = []
        self._counts: dict[str, int] | None = None
        self._by_id: dict[int, ClaimRow] | None = None
        self._undo: list[Undo] = []
        self._in_flight: dict[int, int] = {}

    # ------------------------------------------------------------ the article's rows

    @property
    def rows(self) -> list[ClaimRow]:
        """Every row of the open article, in article order (the rest of a long article is
        read the first time it is asked for)."""
        if self._unread_total is not None:
            self._read_rest()
        return self._rows

    @property
    def counting(self) -> bool:
        """Only the first rows of a long article are read so far."""
        return self._unread_total is not None

    @property
    def total(self) -> int:
        """How many rows the article has, read or not."""
        return self._unread_total if self._unread_total is not None else len(self._rows)

    @property
    def listed_total(self) -> int:
        """How many rows the list holds once every row is read."""
        return self.total if self.partial else len(self.visible)

    @property
    def filtering(self) -> bool:
        return bool(self.status_filter or self.text_filter) or self.sort != "position"

    def open(self, article: dict | None, *, keep_claim: int | None = None,
             first_rows: int | None = None, reset_filters: bool = False) -> None:
        """Open an article (None: there is none) and list its rows.

        With ``first_rows`` and nothing to filter or sort, a long article lists its first
        rows at once and reads the rest when ``finish_reading`` (or anything that needs
        every row) comes."""
        if reset_filters:
            self.status_filter, self.text_filter = None, ""
        if article is None:
            self.load(None, [], keep_claim)
            return
        read = self.source.claim_rows
        if first_rows and keep_claim is None and not self.filtering:
            first = [ClaimRow.from_record(r) for r in read(article["id"], limit=first_rows)]
            if len(first) == first_rows:  # a long article: its first rows, the rest soon
                self.article = article
                self._set_rows(first)
                self._unread_total = self.source.claim_count(article["id"])
                self.partial = True
                self.visible = first
                self._on_listed(None)
                return
            rows = first
        else:
            rows = [ClaimRow.from_record(r) for r in read(article["id"])]
        self._on_all_read(article["id"], rows)
        self.load(article, rows, keep_claim)

    def load(self, article: dict | None, rows: list[ClaimRow],
             keep_claim: int | None = None) -> None:
        """List rows already read as the open article's (``open`` reads them)."""
        self.article = article
        self._set_rows(rows)
        self.partial = False
        self._list(keep_claim)

    def finish_reading(self) -> None:
        """The rest of a long article, into the list (nothing to do once it is there)."""
        if not self.partial:
            return
        self.partial = False
        self._list(None)  # reads the rest if nothing has yet

    def _read_rest(self) -> None:
        self._unread_total = None
        first = self._rows
        after = first[-1].seq if first else 0
        # the rows already shown stay the same objects: a mark made on one meanwhile stays
        self._set_rows(first + [ClaimRow.from_record(r) for r in
                                self.source.claim_rows(self.article["id"], after_seq=after)])
        self._on_all_read(self.article["id"], self._rows)

    def _set_rows(self, rows: list[ClaimRow]) -> None:
        self._rows = rows
        self._unread_total = None
        self._counts = None
        self._by_id = None

    def row(self, claim_id: int | None) -> ClaimRow | None:
        """The open article's row for a claim."""
        if self._by_id is None:
            self._by_id = {r.id: r for r in self.rows}
        return self._by_id.get(claim_id)

    # ------------------------------------------------------------ filters and sort

    def _list(self, keep_claim: int | None) -> None:
        rows = self.rows
        if self.status_filter:
            rows = [r for r in rows if r.status == self.status_filter]
        if self.text_filter:
            needle = self.text_filter.casefold()
            rows = [r for r in rows if needle in r.text.casefold()]
        if self.sort == "worthiness":
            rows = sorted(rows, key=lambda r: (-r.worth, r.seq))
        self.visible = rows
        self._on_listed(keep_claim)

    def set_text_filter(self, text: str) -> None:
        self.text_filter = text.strip()
        self._list(None)

    def cycle_status(self) -> str | None:
        """all → pending → verified → disputed → all; returns the new filter."""
        i = STATUS_FILTERS.index(self.status_filter)
        self.status_filter = STATUS_FILTERS[(i + 1) % len(STATUS_FILTERS)]
        self._list(None)
        return self.status_filter

    def toggle_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self._list(None)

    def clear_filters(self, keep_claim: int | None = None) -> None:
        """Status and text filters off (the sort stays)."""
        self.status_filter, self.text_filter = None, ""
        self._list(keep_claim)

    # ------------------------------------------------------------ counts

    def counts(self) -> dict[str, int]:
        """Rows per status, recounted only when the rows are replaced."""
        if self._counts is None:
            self._counts = dict.fromkeys(STATUSES, 0)
            self._counts.update(Counter(r.status for r in self.rows))
        return self._counts

    def set_status(self, row: ClaimRow, status: str) -> None:
        if row.status != status:
            if self._counts is not None:
                self._counts[row.status] -= 1
                self._counts[status] = self._counts.get(status, 0) + 1
            row.status = status

    # ------------------------------------------------------------ writes and their outcome

    def in_flight(self, claim_id: int) -> int:
        """Status changes of the claim asked for and not answered yet."""
        return self._in_flight.get(claim_id, 0)

    def begin_write(self, row: ClaimRow) -> int:
        """A status change of the row is on its way: the version it expects to find."""
        expected = row.version + self._in_flight.get(row.id, 0)
        self._in_flight[row.id] = self._in_flight.get(row.id, 0) + 1
        row.saving = True
        return expected

    def end_write(self, claim_id: int) -> ClaimRow | None:
        """One status change of the claim has come back, done or not."""
        left = self._in_flight[claim_id] = max(0, self._in_flight.get(claim_id, 1) - 1)
        row = self.row(claim_id)
        if row:
            row.saving = left > 0
        return row

    def committed(self, claim_id: int, status: str) -> None:
        row = self.row(claim_id)
        if row:
            self.set_status(row, status)
            row.version += 1

    def refused(self, claim_id: int, current: dict) -> None:
        """A write met a newer version: the row takes the claim as stored."""
        row = self.row(claim_id)
        if row:
            self.set_status(row, current["status"])
            row.version = current["version"]

    def note_saved(self, claim_id: int) -> None:
        row = self.row(claim_id)
        if row:
            row.version += 1

    def links_changed(self, claim_id: int, change: int) -> None:
        row = self.row(claim_id)
        if row:
            row.sources = max(0, row.sources + change)

    def push_undo(self, undo: Undo) -> None:
        self._undo.append(undo)

    def pop_undo(self) -> Undo | None:
        return self._undo.pop() if self._undo else None

    # ------------------------------------------------------------ what others changed

    def merge(self, states: list[tuple[int, str, int]], links: dict[int, int]) -> bool:
        """Statuses, versions and link counts as read from the store, for every row that
        has no write of ours in flight; True if any row changed."""
        fresh = {claim_id: (status, version) for claim_id, status, version in states}
        changed = False
        for row in self.rows:
            state = fresh.get(row.id)
            if state is None or row.saving:
                continue
            sources = links.get(row.id, 0)
            if (row.status, row.version, row.sources) != (state[0], state[1], sources):
                self.set_status(row, state[0])
                row.version, row.sources = state[1], sources
                changed = True
        return changed

    def set_duplicate_marks(self, counts: dict[int, tuple[int, int]]) -> None:
        """(duplicates, conflicts) per claim; a claim left out has none."""
        for row in self.rows:
            row.dupes, row.conflicts = counts.get(row.id, (0, 0))
