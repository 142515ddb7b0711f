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
from typing import Any, Protocol

from ..store import STATUSES
from ..text.normalise import fold

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
    failed: bool = False  # its last change could not be saved
    hidden: str | None = None  # why the claim is hidden (listed only on demand)
    folded: str | None = None  # the text, case and accents folded, once filtered on

    @classmethod
    def from_record(cls, r: Sequence) -> ClaimRow:
        """A row from the store's ``claim_rows`` tuple."""
        return cls(r[0], r[1], r[2], r[3], r[4], " ".join(r[5].split()), r[6],
                   hidden=r[7] if len(r) > 7 else None)

    def matches(self, needle: str) -> bool:
        if self.folded is None:
            self.folded = fold(self.text)
        return needle in self.folded


@dataclass(slots=True)
class Undo:
    """One change of this session, as u takes it back.

    ``reverse`` is the write that takes it back, given the store (the writer thread runs
    it): any change whose reverse is a store call can go on the stack. A status change
    also names the status it goes back to (``previous``), so that the row shows it as
    saving, like any mark. ``what`` is said when it is taken back."""
    claim_id: int
    article_id: int
    what: str
    reverse: Callable[[Any], Any] | None = None
    previous: str | None = None  # a status change: the status it goes back to
    event_id: int | None = None
    reloads: bool = False  # the change touched the claims themselves: read them again


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
        self.show_hidden = False  # hidden claims listed too (dimmed, their reason shown)
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
        read = self._read
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
                                self._read(self.article["id"], after_seq=after)])
        self._on_all_read(self.article["id"], self._rows)

    def _read(self, article_id: int, **kwargs) -> list[tuple]:
        if self.show_hidden:
            kwargs["hidden"] = True
        return self.source.claim_rows(article_id, **kwargs)

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
        if self.text_filter:  # «depense» finds «dépense», «SCALE» finds «Scale»
            needle = fold(self.text_filter)
            rows = [r for r in rows if r.matches(needle)]
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

    def toggle_hidden(self, keep_claim: int | None = None) -> bool:
        """List the hidden claims too, or leave them out again; returns whether shown."""
        self.show_hidden = not self.show_hidden
        if self.article is not None:
            self.open(self.article, keep_claim=keep_claim)
        return self.show_hidden

    def toggle_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self._list(None)

    def clear_filters(self, keep_claim: int | None = None) -> None:
        """Status and text filters off (the sort stays)."""
        self.status_filter, self.text_filter = None, ""
        self._list(keep_claim)

    # ------------------------------------------------------------ counts

    def counts(self) -> dict[str, int]:
        """Rows per status (hidden ones left out), recounted only when the rows are
        replaced."""
        if self._counts is None:
            self._counts = dict.fromkeys(STATUSES, 0)
            self._counts.update(Counter(r.status for r in self.rows if not r.hidden))
        return self._counts

    @property
    def shown_total(self) -> int:
        """The article's claims, hidden ones left out."""
        return sum(self.counts().values()) if not self.counting else self.total

    def set_status(self, row: ClaimRow, status: str) -> None:
        if row.status != status:
            if self._counts is not None and not row.hidden:
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

    def same_claims(self, states: list[tuple[int, str, int, int]]) -> bool:
        """Do these (id, status, version, seq), in article order, list the claims the
        state lists, in the same places?  Not when a claim was split, merged, hidden or
        added: then the rows are read again."""
        rows = self.rows
        return len(rows) == len(states) and all(
            row.id == s[0] and row.seq == s[3] for row, s in zip(rows, states))

    def merge(self, states: list[tuple], links: dict[int, int],
              texts: dict[int, str] | None = None) -> bool:
        """Statuses, versions, link counts (and texts read again) from the store, for
        every row that has no write of ours in flight; True if any row changed."""
        fresh = {s[0]: (s[1], s[2]) for s in states}
        texts = texts or {}
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
            text = texts.get(row.id)
            if text is not None and text != row.text:
                row.text, row.folded = text, None
                changed = True
        return changed

    def set_duplicate_marks(self, counts: dict[int, tuple[int, int]]) -> None:
        """(duplicates, conflicts) per claim; a claim left out has none."""
        for row in self.rows:
            row.dupes, row.conflicts = counts.get(row.id, (0, 0))
