"""The desk: walk an article's claims by keyboard, each beside its sources."""

from __future__ import annotations

import gc
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import events, on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ..errors import FactcheckError, StaleEdit, StoreError
from ..store import STATUSES, Store, default_db_path, default_editor
from .services.collector import QuietCollector
from .services.lookup import Lookups
from .services.writer import Writer
from .widgets import panes
from .widgets.claim_list import ClaimList, ClaimRow
from .widgets.detail import DetailView, FixedSizeScrolling
from .widgets.keybar import KeyBar

MIN_WIDTH, MIN_HEIGHT = 60, 15
STATUS_FILTERS = (None, "pending", "verified", "disputed")
POLL_SECONDS = 1.0
# claims read before the desk's first paint; a longer article's rest is read right after
# it (10 000 claims take ~70 ms to read, which the first claim on screen need not wait for)
FIRST_ROWS = 200
DETAIL_DELAY = 0.15  # seconds the cursor rests before the detail pane is redrawn
DETAIL_TICK = 0.03  # how often the detail's deadline is looked at
LOOKUP_HELPER_AFTER = 2.0  # the sources' helper process starts once the desk is up


HELP = {
    "cursor_down": "next claim", "cursor_up": "previous claim", "first": "first claim",
    "last": "last claim", "page_down": "a page down", "page_up": "a page up",
    "mark('verified')": "mark verified, then go to the next claim",
    "mark('disputed')": "mark disputed, then go to the next claim",
    "mark('pending')": "mark pending, then go to the next claim",
    "undo": "undo this session's last change (again and again); kept in the history",
    "note": "add a note to the claim (Esc cancels)",
    "filter_text": "filter the claims by text",
    "cycle_status": "status filter: all → pending → verified → disputed",
    "toggle_sort": "sort by position or by check-worthiness",
    "articles": "switch article", "import_article": "import an article from a file",
    "reuse_verdict": "apply a verdict given before: same fact on the desk, else the archive",
    "export": "export the report: choose the format (h m c j r) and the file",
    "help": "this screen", "quit": "quit (every change is already saved)",
    "clear_filter": "clear the filters",
    "app.open_source": "show the highlighted source's full record",
    "app.add_source": "add a source by hand",
    "app.unlink_source": "unlink the highlighted linked source",
}


@dataclass
class Undo:
    claim_id: int
    article_id: int
    previous: str
    event_id: int


class DeskHeader(Widget):
    """Article title and counts per status, as literal text; one line, never re-laid out.

    It changes with every saved mark, so it draws its line itself (one strip of
    segments, cached until the text or the width changes) rather than going through
    Textual's text rendering each time.
    """

    DEFAULT_CSS = "DeskHeader { height: 1; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = Text()
        self._strip: tuple[int, Strip] | None = None

    def set_text(self, text: Text) -> None:
        if text.plain != self.text.plain:
            self.text = text
            self._strip = None
            self.refresh()

    def notify_style_update(self) -> None:
        self._strip = None
        super().notify_style_update()

    def render(self) -> Text:  # what the line says (painting goes through render_line)
        return self.text

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y:
            return Strip.blank(width, self.rich_style)
        if self._strip is None or self._strip[0] != width:
            segments = self.text.render(self.app.console, end="")
            line = Strip(list(segments)).apply_style(self.rich_style)
            self._strip = (width, line.crop_extend(0, width, self.rich_style))
        return self._strip[1]


class SourcesPane(FixedSizeScrolling, OptionList):
    """Linked and suggested sources; new ones repaint the pane, never the screen's layout."""

    BINDINGS = [
        Binding("o", "app.open_source", "Open source"),
        Binding("a", "app.add_source", "Add source"),
        Binding("x", "app.unlink_source", "Unlink"),
    ]


class FactcheckApp(App[int]):
    CSS_PATH = "desk.tcss"
    TITLE = "factcheck"
    BINDINGS = [
        Binding("v", "mark('verified')", "Verified", id="mark.verified"),
        Binding("d", "mark('disputed')", "Disputed", id="mark.disputed"),
        Binding("p", "mark('pending')", "Pending", id="mark.pending"),
        Binding("u", "undo", "Undo", id="undo"),
        Binding("n", "note", "Note", id="note"),
        Binding("slash", "filter_text", "Filter", id="filter"),
        Binding("f", "cycle_status", "Status", id="status_filter"),
        Binding("s", "toggle_sort", "Sort", id="sort"),
        Binding("r", "reuse_verdict", "Reuse", id="reuse"),
        Binding("e", "export", "Export", id="export"),
        Binding("A", "articles", "Articles", id="articles", show=False),
        Binding("i", "import_article", "Import", id="import"),
        Binding("question_mark", "help", "Help", id="help"),
        Binding("q", "quit", "Quit", id="quit"),
        Binding("escape", "clear_filter", "Clear filter", show=False, id="clear_filter"),
    ]

    def __init__(self, db: str | None = None, editor: str | None = None,
                 article_id: int | None = None) -> None:
        super().__init__()
        self.db_path = db or default_db_path()
        self.editor = editor or default_editor()
        self.requested_article = article_id
        self.reader: Store | None = None
        self.writer: Writer | None = None
        self.lookups: Lookups | None = None
        self.article: dict | None = None
        self._all_rows: list[ClaimRow] = []
        self._rest_of: int | None = None  # article whose rows after the first are unread
        self._rest_total = 0  # and how many rows it has in all
        self._list_partial = False  # the claim list holds only the first rows
        self.status_filter: str | None = None
        self.text_filter = ""
        self.sort = "position"
        self.undo_stack: list[Undo] = []
        self.inflight: dict[int, int] = {}
        self.data_version = 0
        self.shown_claim: int | None = None
        self.source_options: list[tuple[str, dict]] = []
        self.sources_claim: int | None = None  # the claim source_options belong to
        self.reusable: dict | None = None
        self.archive_match: dict | None = None
        self._detail_wanted_at: float | None = None
        self._detail_ticker = None
        self.watching = True  # follow other editors' changes
        self._focus_before_small: Widget | None = None  # see _check_size
        self._counts: dict[str, int] = {}
        self._counts_key: tuple | None = None
        self._by_id: dict[int, ClaimRow] = {}
        self._by_id_of: list[ClaimRow] | None = None
        self.collector = QuietCollector(self.set_timer, idle=2.0)

    # ------------------------------------------------------------ start and stop

    def compose(self) -> ComposeResult:
        yield DeskHeader(id="header")
        with Horizontal(id="main"):
            with Vertical(id="left"):
                # the text filter's box is mounted the first time / is pressed
                yield ClaimList(id="claims")
            with Vertical(id="right"):
                yield DetailView(id="detail")
                yield SourcesPane(id="sources")
        yield Static(Text("The terminal is too small for the desk.\n"
                          f"Make it at least {MIN_WIDTH}×{MIN_HEIGHT}.", justify="center"),
                     id="too-small")
        yield KeyBar(id="keys")

    @property
    def current_theme(self):
        # Textual looks the theme up by name (merging its registries) for every widget's
        # dark/light pseudo-class on every style update: hundreds of times at start-up.
        cached = getattr(self, "_theme_cache", None)
        if cached is None or cached[0] != self.theme:
            cached = self._theme_cache = (self.theme, App.current_theme.fget(self))
        return cached[1]

    @property
    def desk(self) -> Screen:
        """The main screen, whatever modal is on top of it."""
        return self.screen_stack[0] if self.screen_stack else self.screen

    def on_mount(self) -> None:
        try:
            self.reader = Store(self.db_path)
        except StoreError as exc:
            self.exit(1, message=f"factcheck: {exc}")
            return
        self.writer = Writer(self.db_path, self._write_done)
        self.lookups = Lookups(self.db_path)
        self.set_timer(LOOKUP_HELPER_AFTER, self._start_lookups)
        self.data_version = self.reader.data_version()
        # runs only while a detail is owed (see _schedule_detail)
        self._detail_ticker = self.set_interval(DETAIL_TICK, self._detail_tick, pause=True)
        article_id = self.requested_article
        if article_id is not None and self.reader.conn.execute(
                "SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is None:
            self.notify(f"no article {article_id}; showing the latest", severity="warning",
                        markup=False)
            article_id = None
        if article_id is None:
            article_id = self.reader.latest_article_id()
        self.load_article(article_id, first_paint=True)
        self.desk.query_one(ClaimList).focus()
        self.set_interval(POLL_SECONDS, self._poll)
        self._check_size()
        self.call_after_refresh(self._first_frame_shown)

    def _first_frame_shown(self) -> None:
        # what start-up built lives as long as the app: keep the collector from walking it
        # again and again (a full collection over it is a visible pause while marking); the
        # command line held collections back until now (factcheck/__main__.py)
        gc.freeze()
        gc.enable()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent) and not event.is_forwarded:
            if self._list_partial:
                self._finish_first_rows()
            self.collector.typing()  # no full collection in the middle of a burst of keys
        await super().on_event(event)

    def on_unmount(self) -> None:
        self.collector.release()
        if self.lookups:
            self.lookups.close()
        if self.writer:
            self.writer.close()
        if self.reader:
            self.reader.close()

    # ------------------------------------------------------------ loading

    @property
    def all_rows(self) -> list[ClaimRow]:
        """Every claim of the open article, in article order."""
        if self._rest_of is not None:  # asked for before the rest came: read it now
            self._read_rest()
        return self._all_rows

    @all_rows.setter
    def all_rows(self, rows: list[ClaimRow]) -> None:
        self._rest_of, self._list_partial = None, False
        self._all_rows = rows

    def load_article(self, article_id: int | None, keep_claim: int | None = None, *,
                     first_paint: bool = False) -> None:
        claims = self.desk.query_one(ClaimList)
        if article_id is None:
            self.article = None
            self.all_rows = []
            claims.set_rows([])
            self._update_header()
            self._show_empty_store()
            return
        self.article = self.reader.article(article_id)
        if first_paint and keep_claim is None and not (
                self.status_filter or self.text_filter or self.sort != "position"):
            first = self._read_rows(article_id, limit=FIRST_ROWS)
            if len(first) == FIRST_ROWS:  # a long article: its first rows, the rest soon
                self._show_first_rows(article_id, first)
                return
            self.all_rows = first
        else:
            self.all_rows = self._read_rows(article_id)
        self._load_marks_soon(article_id, self.all_rows)
        self._apply_filters(keep_claim)
        self._update_header()

    def _show_first_rows(self, article_id: int, first: list[ClaimRow]) -> None:
        """The desk's first paint, before the rest of a long article is read: the list
        sized for every claim, the header without counts for a frame."""
        total = self.reader.conn.execute(
            "SELECT count(*) FROM claims WHERE article_id = ?", (article_id,)).fetchone()[0]
        self._all_rows, self._rest_of, self._rest_total = first, article_id, total
        self._list_partial = True
        self.desk.query_one(ClaimList).set_rows(first, total=total)
        self._title_list(total, total)
        self._update_header()
        self._schedule_detail()
        self.call_after_refresh(self._finish_first_rows)

    def _finish_first_rows(self) -> None:
        """The rest of the rows, into the list: right after the first paint, or before the
        first key or click if one comes sooner (typed ahead: G goes to the real end)."""
        if not self._list_partial:
            return
        self._list_partial = False
        if self._rest_of is not None:  # else already read, by whatever needed every row
            self._read_rest()
        self._apply_filters()
        self._update_header()

    def _read_rest(self) -> None:
        article_id, self._rest_of = self._rest_of, None
        first = self._all_rows
        # the rows already shown stay the same objects: a mark made on one meanwhile stays
        self._all_rows = first + self._read_rows(article_id, after_seq=first[-1].seq)
        self._load_marks_soon(article_id, self._all_rows)

    def _read_rows(self, article_id: int, *, limit: int = -1, after_seq: int = 0
                   ) -> list[ClaimRow]:
        sql = ("SELECT id, seq, status, checkworthiness, version, substr(text, 1, 400) AS text,"
               " (SELECT count(*) FROM claim_sources s WHERE s.claim_id = claims.id) AS sources"
               " FROM claims WHERE article_id = ? AND seq > ? ORDER BY seq LIMIT ?")
        return [ClaimRow(r[0], r[1], r[2], r[3], r[4], " ".join(r[5].split()), r[6])
                for r in self.reader.conn.execute(sql, (article_id, after_seq, limit))]

    def _load_marks_soon(self, article_id: int, rows: list[ClaimRow]) -> None:
        # after the first paint: start-up never waits for them
        ids = [r.id for r in rows]
        self.set_timer(0.25, lambda: self._load_duplicate_marks(article_id, ids))

    @work(thread=True, exclusive=True, group="marks", exit_on_error=False)
    def _load_duplicate_marks(self, article_id: int, ids: list[int]) -> None:
        """Duplicate and conflict marks arrive after the first paint: start-up never waits."""
        if not ids:
            return
        from ..matching import dupes  # deferred: start-up

        with Store(self.db_path) as store:
            found = dupes.duplicates_for_export(store, ids)
        counts = {cid: (len(pairs), sum(1 for p in pairs if p["kind"] == "conflict"))
                  for cid, pairs in found.items() if pairs}
        self.call_from_thread(self._apply_duplicate_marks, article_id, counts)

    def _apply_duplicate_marks(self, article_id: int, counts: dict[int, tuple[int, int]]
                               ) -> None:
        if self.article is None or self.article["id"] != article_id or not self.screen_stack:
            return
        shown = self._row_by_id(self.shown_claim)
        before = (shown.dupes, shown.conflicts) if shown else None
        for r in self.all_rows:
            r.dupes, r.conflicts = counts.get(r.id, (0, 0))
        self.desk.query_one(ClaimList).refresh()
        if shown and (shown.dupes, shown.conflicts) != before:
            self._schedule_detail()  # indexed meanwhile: the detail lists them now

    def _apply_filters(self, keep_claim: int | None = None) -> None:
        claims = self.desk.query_one(ClaimList)
        keep = keep_claim if keep_claim is not None else (
            claims.current.id if claims.current else None)
        rows = self.all_rows
        if self.status_filter:
            rows = [r for r in rows if r.status == self.status_filter]
        if self.text_filter:
            needle = self.text_filter.casefold()
            rows = [r for r in rows if needle in r.text.casefold()]
        if self.sort == "worthiness":
            rows = sorted(rows, key=lambda r: (-r.worth, r.seq))
        claims.set_rows(rows, keep_id=keep)
        self._title_list(len(rows), len(self.all_rows))
        if not rows:
            self._show_detail_message(
                "No claim matches the filters. f cycles the status filter, / edits the text"
                " filter, Esc clears both." if self.all_rows else
                "This article has no claims.")
        else:
            self._schedule_detail()

    def _title_list(self, shown: int, total: int) -> None:
        parts = [f"Claims {shown}/{total}",
                 self.status_filter or "all statuses",
                 "by check-worthiness" if self.sort == "worthiness" else "in article order"]
        if self.text_filter:
            parts.append("text filter on")
        self.desk.query_one("#left").border_title = " · ".join(parts)

    def _update_header(self) -> None:
        header = self.desk.query_one(DeskHeader)
        t = Text()
        t.append(" factcheck ", style="bold reverse")
        t.append("  ")
        if self.article:
            t.append(" ".join(self.article["title"].split()), style="bold")
            t.append(f"  ({self.article['language']})  ", style="dim")
            if self._rest_of is not None:  # the first paint of a long article
                t.append(f"{self._rest_total} claims, counting…", style="dim")
            else:
                self._append_counts(t)
        else:
            t.append("no article yet", style="dim")
        t.append(f"   editor: {self.editor}", style="dim")
        header.set_text(t)

    def _append_counts(self, t: Text) -> None:
        counts = self.status_counts()
        for status in STATUSES:
            t.append_text(panes.status_text(status))
            t.append(f" {counts[status]}   ")
        total = len(self.all_rows)
        if total:
            done = counts["verified"] + counts["disputed"]
            t.append(f"{100 * done / total:.0f}% checked", style="dim")

    def _row_by_id(self, claim_id: int | None) -> ClaimRow | None:
        """The open article's row for a claim, through an index rebuilt when the rows change."""
        if self._by_id_of is not self.all_rows:
            self._by_id = {r.id: r for r in self.all_rows}
            self._by_id_of = self.all_rows
        return self._by_id.get(claim_id)

    def status_counts(self) -> dict[str, int]:
        """Counts per status of the open article, recounted only when the rows change."""
        key = (id(self.all_rows), len(self.all_rows))
        if self._counts_key != key:
            self._counts = dict.fromkeys(STATUSES, 0)
            self._counts.update(Counter(r.status for r in self.all_rows))
            self._counts_key = key
        return self._counts

    def _show_empty_store(self) -> None:
        self._show_detail_message(
            "The store has no article yet.\n\nPress i to import one (.txt, .md or .html), or"
            " run `factcheck import PATH` in a shell; `make run` opens the demo article.")

    def _show_detail_message(self, message: str) -> None:
        self.shown_claim = None
        self.desk.query_one(DetailView).show(Text(message, style="dim"))
        self._set_sources_options([], "")

    # ------------------------------------------------------------ the selected claim

    @on(ClaimList.Highlighted)
    def _highlighted(self, event: ClaimList.Highlighted) -> None:
        self._schedule_detail()

    def _schedule_detail(self) -> None:
        """Render the detail once the cursor rests: holding j or v never queues up work."""
        # a deadline checked by one steady ticker, not a timer per key: a timer (an asyncio
        # task and its event) outlives the young collections and dies old, and a thousand
        # of them made the full collection at the next pause take 120 ms
        self._detail_wanted_at = time.monotonic() + DETAIL_DELAY
        if self._detail_ticker is not None:
            self._detail_ticker.resume()

    def _detail_tick(self) -> None:
        due = self._detail_wanted_at
        if due is None or time.monotonic() >= due:
            self._detail_wanted_at = None
            self._detail_ticker.pause()  # nothing owed: no wake-ups while the desk is idle
            if due is not None:
                self._detail_due()

    def _detail_due(self) -> None:
        # after the paint already owed (a key's rows, a scroll of the list), not with it:
        # one frame holding both would be two frames' work
        self.call_after_refresh(self._show_current)

    def _show_current(self) -> None:
        if self._detail_wanted_at is not None:
            return  # the cursor moved meanwhile: shown when it rests again
        lists = self.desk.query(ClaimList) if self.screen_stack else None
        if lists:  # none while the app is closing
            self._show_claim(lists.first().current)

    def _show_claim(self, row: ClaimRow | None) -> None:
        if row is None or self.article is None:
            return
        try:
            claim = self.reader.claim(row.id)
        except StoreError:
            return
        again = self.shown_claim == row.id  # redrawn after a change: stay where the reader is
        self.shown_claim = row.id
        self.archive_match = None
        history = self.reader.history(row.id)
        duplicates = self._duplicates(row.id)
        from ..matching.dupes import reusable_verdict  # deferred: start-up

        self.reusable = reusable_verdict(duplicates)
        claims = self.desk.query_one(ClaimList)
        position = f"{claims.cursor + 1} of {len(claims.rows)} shown · #{claim['seq']} in article"
        body = panes.claim_detail(self.article["text"], claim, history, position, duplicates,
                                  reusable=self.reusable)
        # drawn now, its sources when they come: neither pane's content moves anything else
        # on the screen, so each is a repaint of that pane alone (see detail.py)
        self.desk.query_one(DetailView).show(body, home=not again)
        self._load_sources(row.id)

    def action_reuse_verdict(self) -> None:
        """Apply a verdict given before: to the same fact on the desk, else in the archive."""
        claims = self.desk.query_one(ClaimList)
        row = claims.current
        if row is None or row.id != self.shown_claim:
            self.bell()
            return
        source = self.reusable
        if source is not None:
            note = (f"verdict of claim {source['claim_id']} ({source['status']} by "
                    f"{source.get('decided_by') or '?'} on {str(source.get('decided_at'))[:10]})")
            self._mark_row(row, source["status"], action="status", note=note,
                           details={"followed": source["claim_id"]})
        elif self.archive_match is not None:
            from ..matching import archive  # deferred: start-up

            status = archive.verdict_status(self.archive_match.get("verdict"))
            if status is None:
                self.notify(f"The archive's verdict «{self.archive_match.get('verdict')}» does"
                            " not map to verified or disputed; mark it by hand.", markup=False)
                return
            match = self.archive_match
            self._mark_row(row, status, action="status", custom=lambda st: archive.apply_match(
                st, row.id, match, editor=self.editor))
        else:
            self.notify("No verdict to reuse: nothing checked before matches this claim"
                        " closely enough.", markup=False)
            return
        claims.move_to(claims.cursor + 1)

    def _duplicates(self, claim_id: int) -> list[dict]:
        from ..matching import dupes  # deferred: start-up

        try:  # only reads: indexing (a write) happens in _load_duplicate_marks' thread
            return dupes.duplicates_of(self.reader, claim_id, index=False)
        except Exception:
            return []

    # ------------------------------------------------------------ sources pane

    @work(thread=True, group="lookups", exit_on_error=False)
    def _start_lookups(self) -> None:
        if self.lookups is not None:
            self.lookups.start()

    @work(thread=True, exclusive=True, group="sources", exit_on_error=False)
    def _load_sources(self, claim_id: int) -> None:
        if self.lookups is None:
            return
        # in the helper process once it runs: suggestions and the archive's match are tens
        # of milliseconds of Python that, in this process, would hold up the screen
        linked, suggested, checked = self.lookups.sources_for(claim_id)
        # painted in a frame of their own, not in the detail's (see _detail_due)
        self.call_from_thread(self.call_after_refresh, self._show_sources, claim_id, linked,
                              suggested, checked)

    def _show_sources(self, claim_id: int, linked: list[dict], suggested: list[dict],
                      checked: dict | None = None) -> None:
        if claim_id != self.shown_claim or not self.screen_stack:
            return  # the editor has moved on
        self.archive_match = checked
        options: list[tuple[str, dict]] = []
        if checked:
            options.append(("archive", checked))
        options += [("linked", s) for s in linked]
        options += [("suggested", s) for s in suggested]
        empty = "" if options else (
            "No source linked or suggested for this claim.\n"
            "a adds a source by hand; `factcheck sources import FILE` loads many.")
        self._set_sources_options(options, empty, len(linked), len(suggested), claim_id)

    def _set_sources_options(self, options: list[tuple[str, dict]], empty: str,
                             n_linked: int = 0, n_suggested: int = 0,
                             claim_id: int | None = None) -> None:
        pane = self.desk.query_one(SourcesPane)
        pane.clear_options()
        self.source_options = options
        self.sources_claim = claim_id
        items: list[Option] = []
        for i, (kind, s) in enumerate(options):
            prompt = (panes.linked_prompt(s) if kind == "linked" else
                      panes.archive_prompt(s) if kind == "archive" else
                      panes.suggestion_prompt(s))
            items.append(Option(prompt, id=str(i)))
        if items:
            pane.add_options(items)
            pane.highlighted = 0
        else:
            pane.add_option(Option(Text(empty, style="dim"), disabled=True))
        pane.border_title = (f"Sources · {n_linked} linked · {n_suggested} suggested"
                             if items else "Sources")

    def _selected_source(self) -> tuple[str, dict] | None:
        pane = self.desk.query_one(SourcesPane)
        if pane.highlighted is None or pane.highlighted >= len(self.source_options):
            return None
        if self.sources_claim != self.shown_claim:
            return None  # the previous claim's sources, until this one's arrive
        return self.source_options[pane.highlighted]

    @on(OptionList.OptionSelected, "#sources")
    def _source_chosen(self, event: OptionList.OptionSelected) -> None:
        from .screens import StanceScreen

        chosen = self._selected_source()
        if not chosen or self.shown_claim is None:
            return
        kind, src = chosen
        if kind == "linked":
            self.action_open_source()
            return
        if kind == "archive":
            self.action_reuse_verdict()
            return
        claim_id = self.shown_claim

        def linked(stance: str | None) -> None:
            if stance:
                from ..matching import sources  # deferred: start-up

                self._submit(lambda st: sources.link(st, claim_id, src["source_id"], stance,
                                                     editor=self.editor),
                             ("link", claim_id, None, stance))

        self.push_screen(StanceScreen(src.get("title") or src.get("url") or ""), linked)

    def action_open_source(self) -> None:
        from .screens import RecordScreen

        chosen = self._selected_source()
        if not chosen:
            self.notify("Highlight a source in the sources pane first (Tab moves there).",
                        markup=False)
            return
        from ..matching import sources  # deferred: start-up

        kind, src = chosen
        if kind == "archive":
            self.push_screen(RecordScreen({k: v for k, v in src.items() if k != "why"}))
            return
        source_id = src.get("source_id") or src.get("id")
        self.push_screen(RecordScreen(sources.get_source(self.reader, source_id)))

    def action_add_source(self) -> None:
        from .screens import AddSourceScreen

        from ..matching import sources  # deferred: start-up

        claim_id = self.shown_claim

        def added(values: dict | None) -> None:
            if values:
                def op(st: Store):
                    src = sources.add_source(st, editor=self.editor, **values)
                    return src

                self._submit(op, ("source-added", claim_id, None, None))

        self.push_screen(AddSourceScreen(), added)

    def action_unlink_source(self) -> None:
        chosen = self._selected_source()
        if not chosen or chosen[0] != "linked" or self.shown_claim is None:
            self.notify("Highlight a linked source to unlink it.", markup=False)
            return
        from ..matching import sources  # deferred: start-up

        claim_id, src = self.shown_claim, chosen[1]
        self._submit(lambda st: sources.unlink(st, claim_id, src["id"], editor=self.editor),
                     ("unlink", claim_id, None, None))

    # ------------------------------------------------------------ marking

    def action_mark(self, status: str) -> None:
        claims = self.desk.query_one(ClaimList)
        row = claims.current
        if row is None:
            self.bell()
            return
        self._mark_row(row, status, action="status")
        claims.move_to(claims.cursor + 1)

    def _mark_row(self, row: ClaimRow, status: str, action: str, note: str | None = None,
                  details: dict | None = None, custom=None) -> None:
        previous = row.status
        expected = row.version + self.inflight.get(row.id, 0)
        self.inflight[row.id] = self.inflight.get(row.id, 0) + 1
        row.saving = True
        self.desk.query_one(ClaimList).refresh_row(row.id)
        article_id = self.article["id"]
        operation = custom or (lambda st: st.mark(
            row.id, status, editor=self.editor, note=note, expected_version=expected,
            action=action, details=details))
        self._submit(operation, (action, row.id, previous, status, article_id))

    def _set_status(self, row: ClaimRow, status: str) -> None:
        if row.status != status:
            if self._counts_key is not None and self._counts_key[0] == id(self.all_rows):
                self._counts[row.status] -= 1
                self._counts[status] = self._counts.get(status, 0) + 1
            row.status = status

    def action_undo(self) -> None:
        if not self.undo_stack:
            self.notify("Nothing to undo in this session.", markup=False)
            return
        last = self.undo_stack.pop()
        if self.article is None or last.article_id != self.article["id"]:
            self.load_article(last.article_id, keep_claim=last.claim_id)
        row = self._select_claim(last.claim_id)
        if row is None:
            self.notify(f"claim {last.claim_id} is no longer listed", severity="warning",
                        markup=False)
            return
        self._mark_row(row, last.previous, action="undo",
                       note=f"undo of event #{last.event_id}")

    def _select_claim(self, claim_id: int) -> ClaimRow | None:
        claims = self.desk.query_one(ClaimList)
        index = claims.index_of(claim_id)
        if index is None and (self.status_filter or self.text_filter):
            self.status_filter, self.text_filter = None, ""
            self._empty_filter_box()
            self._apply_filters(keep_claim=claim_id)
            index = claims.index_of(claim_id)
        if index is None:
            return None
        claims.move_to(index)
        return claims.rows[index]

    def action_note(self) -> None:
        from .screens import NoteScreen

        row = self.desk.query_one(ClaimList).current
        if row is None:
            self.bell()
            return

        def save(note: str | None) -> None:
            if note:
                self._submit(lambda st: st.add_note(row.id, note, editor=self.editor),
                             ("note", row.id, None, None, self.article["id"]))

        self.push_screen(NoteScreen(row.text), save)

    # ------------------------------------------------------------ the writer

    def _submit(self, operation, tag) -> None:
        self.writer.submit(operation, tag)

    def _write_done(self, tag, result) -> None:
        """Called on the writer thread: hand over to the screen's thread."""
        try:
            self.call_from_thread(self._apply_write, tag, result)
        except RuntimeError:
            pass  # the app has stopped; the write is committed all the same

    def _apply_write(self, tag, result) -> None:
        if not self.screen_stack:
            return  # closing: the write is committed, there is nothing left to show
        action, claim_id = tag[0], tag[1]
        row = self._row_by_id(claim_id)
        if action in ("status", "undo"):
            self.inflight[claim_id] = max(0, self.inflight.get(claim_id, 1) - 1)
            if row:
                row.saving = self.inflight[claim_id] > 0
        if isinstance(result, StaleEdit):
            fresh = result.claim
            if row:
                self._set_status(row, fresh["status"])
                row.version = fresh["version"]
            self.notify(f"Not saved: {result}. Showing the current state.",
                        severity="warning", timeout=8, markup=False)
        elif isinstance(result, Exception):
            self.notify(f"Not saved: {result}", severity="error", timeout=10, markup=False)
        elif action in ("status", "undo"):
            previous, status = tag[2], tag[3]
            if row:
                self._set_status(row, status)
                row.version += 1
            if action == "status":
                self.undo_stack.append(Undo(claim_id, tag[4], previous, result["id"]))
        elif action == "note":
            if row:
                row.version += 1
            self.notify("Note saved.", markup=False)
        elif action in ("link", "unlink"):
            if row:
                row.sources = max(0, row.sources + (1 if action == "link" else -1))
            self.notify("Source linked." if action == "link" else "Source unlinked.",
                        markup=False)
        elif action == "source-added":
            self.notify(f"Source {result.get('id')} saved.", markup=False)
        self.desk.query_one(ClaimList).refresh_row(claim_id) if claim_id else None
        self._update_header()
        if claim_id is not None and claim_id == self.shown_claim:
            self._schedule_detail()
        self.data_version = self.reader.data_version()

    # ------------------------------------------------------------ other editors

    def _poll(self) -> None:
        """Another editor's commit changes data_version: reload what is shown."""
        if self.reader is None or not self.watching:
            return
        try:
            version = self.reader.data_version()
        except Exception:
            return
        if version == self.data_version:
            return
        self.data_version = version
        if self.writer and self.writer.pending:
            return  # our own writes are landing; reload once they are done
        if self.article is None:
            articles = self.reader.articles()
            if articles:
                self.load_article(articles[-1]["id"])
            return
        self._reload_rows()

    def _reload_rows(self) -> None:
        self._fetch_changes(self.article["id"])

    @work(thread=True, exclusive=True, group="reload", exit_on_error=False)
    def _fetch_changes(self, article_id: int) -> None:
        """Statuses, versions and link counts only: cheap even for 10 000 claims."""
        with Store(self.db_path) as store:
            states = store.conn.execute(
                "SELECT id, status, version FROM claims WHERE article_id = ?",
                (article_id,)).fetchall()
            links = dict(store.conn.execute(
                "SELECT claim_id, count(*) FROM claim_sources WHERE claim_id IN"
                " (SELECT id FROM claims WHERE article_id = ?) GROUP BY claim_id",
                (article_id,)).fetchall())
        self.call_from_thread(self._apply_changes, article_id, states, links)

    def _apply_changes(self, article_id: int, states: list[tuple], links: dict[int, int]
                       ) -> None:
        if self.article is None or self.article["id"] != article_id or not self.screen_stack:
            return
        fresh = {claim_id: (status, version) for claim_id, status, version in states}
        changed = False
        for row in self.all_rows:
            state = fresh.get(row.id)
            if state is None or row.saving:
                continue
            sources = links.get(row.id, 0)
            if (row.status, row.version, row.sources) != (state[0], state[1], sources):
                self._set_status(row, state[0])
                row.version, row.sources = state[1], sources
                changed = True
        if changed:
            claims = self.desk.query_one(ClaimList)
            claims.refresh()
            self._update_header()
            if claims.current is not None and claims.current.id == self.shown_claim:
                self._schedule_detail()

    # ------------------------------------------------------------ filters and sort

    def _filter_box(self) -> Input | None:
        """The text filter's box, once it has been opened (start-up does without it)."""
        found = self.desk.query("#filter")
        return found.first(Input) if found else None

    def _empty_filter_box(self) -> None:
        box = self._filter_box()
        if box is not None:
            box.value = ""

    def action_filter_text(self) -> None:
        box = self._filter_box()
        if box is None:
            box = Input(placeholder="filter claims by text (Enter: back to the list,"
                        " Esc: clear)", id="filter")
            self.desk.query_one("#left").mount(box, before=self.desk.query_one(ClaimList))
        box.add_class("shown")
        box.focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.text_filter = event.value.strip()
        self._apply_filters()

    @on(Input.Submitted, "#filter")
    def _filter_done(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            event.input.remove_class("shown")
        self.desk.query_one(ClaimList).focus()

    def action_clear_filter(self) -> None:
        box = self._filter_box()
        shown = box is not None and box.has_class("shown")
        if self.text_filter or self.status_filter or shown:
            self.text_filter, self.status_filter = "", None
            if box is not None:
                box.value = ""
                box.remove_class("shown")
            self._apply_filters()
            self.desk.query_one(ClaimList).focus()

    def action_cycle_status(self) -> None:
        i = STATUS_FILTERS.index(self.status_filter)
        self.status_filter = STATUS_FILTERS[(i + 1) % len(STATUS_FILTERS)]
        self._apply_filters()
        self.notify(f"Showing {self.status_filter or 'all'} claims", timeout=2, markup=False)

    def action_toggle_sort(self) -> None:
        self.sort = "worthiness" if self.sort == "position" else "position"
        self._apply_filters()

    # ------------------------------------------------------------ articles

    def action_articles(self) -> None:
        from .screens import ArticlePicker

        articles = self.reader.articles()
        if not articles:
            self.notify("No article yet: i imports one.", markup=False)
            return

        def chosen(article_id: int | None) -> None:
            if article_id is not None:
                self.status_filter, self.text_filter = None, ""
                self._empty_filter_box()
                self.load_article(article_id)
                self.desk.query_one(ClaimList).focus()

        self.push_screen(ArticlePicker(articles, self.article["id"] if self.article else None),
                         chosen)

    def action_import_article(self) -> None:
        from .screens import ImportScreen

        def chosen(answer: tuple[str, str | None] | None) -> None:
            if answer:
                self._import(*answer)

        self.push_screen(ImportScreen(), chosen)

    @work(thread=True, exclusive=True, group="import", exit_on_error=False)
    def _import(self, path: str, title: str | None) -> None:
        from ..ingest import import_document  # deferred: start-up
        from ..text.decode import read_article
        from ..text.document import parse_document

        try:
            data, name = read_article(str(Path(path).expanduser()))
            doc = parse_document(data, name)
            with Store(self.db_path) as store:
                result = import_document(store, doc, title=title, source=path,
                                         editor=self.editor)
        except FactcheckError as exc:
            self.call_from_thread(self.notify, f"Import failed: {exc}", severity="error",
                                  timeout=10, markup=False)
            return
        self.call_from_thread(self._imported, result.article["id"], result.created,
                              result.claims)

    def _imported(self, article_id: int, created: bool, count: int) -> None:
        self.load_article(article_id)
        self.desk.query_one(ClaimList).focus()
        self.notify(f"{'Imported' if created else 'Already imported'}: {count} claims.",
                    markup=False)

    # ------------------------------------------------------------ export

    def action_export(self) -> None:
        from .screens import ExportScreen

        if self.article is None:
            self.notify("Nothing to export yet.", markup=False)
            return
        from ..report import FORMATS  # deferred: start-up

        slug = "".join(ch if ch.isalnum() else "-" for ch in self.article["title"].lower())
        slug = "-".join(part for part in slug.split("-") if part)[:50] or "report"
        stem = str(Path("exports") / f"{slug}-report")

        def chosen(answer: tuple[str, str] | None) -> None:
            if answer:
                self._export(*answer)

        self.push_screen(ExportScreen(stem, {f.name: f.suffix for f in FORMATS.values()}), chosen)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def _export(self, fmt: str, path: str) -> None:
        from ..report import write_file  # deferred: start-up

        target = Path(path).expanduser()
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with Store(self.db_path) as store:
                n = write_file(store, str(target), fmt=fmt,
                                      article_id=self.article["id"],
                                      org_name=store.get_setting("org.name"),
                                      org_url=store.get_setting("org.url"))
        except (FactcheckError, OSError) as exc:
            self.call_from_thread(self.notify, f"Export failed: {exc}", severity="error",
                                  timeout=10, markup=False)
            return
        self.call_from_thread(self.notify, f"Exported {n} claims ({fmt}) to {target.resolve()}",
                              timeout=10, markup=False)

    # ------------------------------------------------------------ help, palette, size

    def help_rows(self) -> list[tuple[str, str, str]]:
        rows = []
        for where, bindings in (("Claims list", ClaimList.BINDINGS), ("Desk", self.BINDINGS),
                                ("Sources pane", SourcesPane.BINDINGS)):
            for b in bindings:
                keys = ", ".join(k.replace("question_mark", "?").replace("slash", "/")
                                 for k in b.key.split(","))
                rows.append((where, keys, HELP.get(b.action, b.description)))
        rows.append(("Everywhere", "tab / shift+tab", "move between the list, detail and sources"))
        rows.append(("Everywhere", "enter (sources)", "link a suggestion (asks s/r/c) or open"))
        rows.append(("Everywhere", "ctrl+p", "command palette"))
        return rows

    def action_help(self) -> None:
        from .screens import HelpScreen

        self.push_screen(HelpScreen(self.help_rows()))

    def get_system_commands(self, screen: Screen):
        yield from super().get_system_commands(screen)
        commands = [
            ("Mark verified", "Mark the selected claim verified and move on",
             lambda: self.action_mark("verified")),
            ("Mark disputed", "Mark the selected claim disputed and move on",
             lambda: self.action_mark("disputed")),
            ("Mark pending", "Mark the selected claim pending and move on",
             lambda: self.action_mark("pending")),
            ("Undo", "Undo the last change of this session", self.action_undo),
            ("Add a note", "Add a note to the selected claim", self.action_note),
            ("Filter by text", "Show only claims containing some text", self.action_filter_text),
            ("Cycle status filter", "all → pending → verified → disputed",
             self.action_cycle_status),
            ("Clear filters", "Show every claim", self.action_clear_filter),
            ("Toggle sort", "Article order or check-worthiness", self.action_toggle_sort),
            ("Switch article", "Pick another article", self.action_articles),
            ("Import article", "Import a .txt, .md or .html file", self.action_import_article),
            ("Add source", "Add a source by hand", self.action_add_source),
            ("Open source", "Show the highlighted source's full record",
             self.action_open_source),
            ("Export report", "Write the report as HTML, Markdown, CSV, JSON or ClaimReview",
             self.action_export),
            ("Keys", "Show every key", self.action_help),
        ]
        for title, help_text, callback in commands:
            yield SystemCommand(title, help_text, callback)

    def on_resize(self, event) -> None:
        self._check_size(event.size)

    def _check_size(self, size=None) -> None:
        size = size or self.size
        small = size.width < MIN_WIDTH or size.height < MIN_HEIGHT
        screen = self.screen
        was_small = screen.has_class("too-small")
        if small and not was_small:  # hidden widgets lose the focus: remember it
            self._focus_before_small = screen.focused
        screen.set_class(small, "too-small")
        if was_small and not small:  # and give it back, or the keys would go nowhere
            target = self._focus_before_small
            if target is None or not target.is_attached:
                target = self.desk.query_one(ClaimList) if screen is self.desk else None
            if target is not None:
                self.call_after_refresh(target.focus)


def run_app(db: str | None = None, editor: str | None = None, article_id: int | None = None
            ) -> int:
    app = FactcheckApp(db=db, editor=editor, article_id=article_id)
    result = app.run()
    return result if isinstance(result, int) else 0
