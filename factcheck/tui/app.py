"""The desk: walk an article's claims by keyboard, each beside its sources.

What the desk knows lives in ``DeskState`` (desk.py); the writer thread and the workers
report back with the messages of messages.py; every key is declared once in actions.py.
"""

from __future__ import annotations

import gc
import time
from functools import partial
from pathlib import Path

from rich.text import Text
from textual import events, on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static

from ..errors import FactcheckError, StoreError
from ..store import STATUSES, Store, default_db_path, default_editor
from ..text.display import printable
from ..text.formatting import counted, file_stem
from . import actions
from .desk import ClaimRow, DeskState, Undo
from .messages import (
    ClaimEdited,
    DuplicateMarks,
    Exported,
    Failed,
    Imported,
    Linked,
    Marked,
    NoteSaved,
    RationaleSaved,
    Rated,
    RowsChanged,
    SourceAdded,
    SourcesFound,
    Undone,
    Unlinked,
    WriteFailed,
    WriteRefused,
)
from .services.collector import QuietCollector
from .services.lookup import Lookups
from .services.writer import Writer
from .widgets import panes
from .widgets.claim_list import ClaimList
from .widgets.detail import DetailView
from .widgets.header import DeskHeader
from .widgets.keybar import KeyBar
from .widgets.sources import SourcesPane

MIN_WIDTH, MIN_HEIGHT = 60, 15
NARROW_BELOW = 100  # columns: below, the list and the claim are stacked, not side by side
POLL_SECONDS = 1.0
# claims read before the desk's first paint; a longer article's rest is read right after
# it (10 000 claims take ~70 ms to read, which the first claim on screen need not wait for)
FIRST_ROWS = 200
DETAIL_DELAY = 0.15  # seconds the cursor rests before the detail pane is redrawn
DETAIL_TICK = 0.03  # how often the detail's deadline is looked at
LOOKUP_HELPER_AFTER = 2.0  # the sources' helper process starts once the desk is up
NO_SOURCES = ("No source in the store bears on this claim.\n"
              "a adds one (typed, or fetched from its URL); `factcheck sources import FILE`"
              " loads many.")


class FactcheckApp(App[int]):
    CSS_PATH = "desk.tcss"
    TITLE = "factcheck"
    BINDINGS = actions.bindings(actions.DESK)

    def __init__(self, db: str | None = None, editor: str | None = None,
                 article_id: int | None = None) -> None:
        super().__init__()
        self.db_path = db or default_db_path()
        self.editor = editor or default_editor()
        self.requested_article = article_id
        self.reader: Store | None = None
        self.writer: Writer | None = None
        self.lookups: Lookups | None = None
        self.state = DeskState(None, on_listed=self._listed, on_all_read=self._load_marks_soon)
        self.data_version = 0
        self.shown_claim: int | None = None  # the claim in the detail pane
        self.reusable: dict | None = None  # its verdict to reuse from a duplicate
        self.archive_match: dict | None = None  # its match in the archive
        self._detail_wanted_at: float | None = None
        self._detail_ticker = None
        self.watching = True  # follow other editors' changes
        self._focus_before_small: Widget | None = None  # see _check_size
        self.collector = QuietCollector(self.set_timer, idle=2.0)
        self._moved_on: dict[int, int] = {}  # claim marked -> the claim the cursor went to
        self._keep_source: int | None = None  # the source to highlight when they come
        self._quit_asked = False  # q pressed while changes were still being saved
        self._failures = 0  # writes that failed, in this session
        self._failures_before_quit = 0

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
        self.state.source = self.reader
        self.writer = Writer(self.db_path, self.post_message)
        self.lookups = Lookups(self.db_path)
        self.set_timer(LOOKUP_HELPER_AFTER, self._start_lookups)
        self.data_version = self.reader.data_version()
        # runs only while a detail is owed (see _schedule_detail)
        self._detail_ticker = self.set_interval(DETAIL_TICK, self._detail_tick, pause=True)
        article_id = self.requested_article
        if article_id is not None and not self.reader.has_article(article_id):
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
            if self.state.partial:
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

    def load_article(self, article_id: int | None, keep_claim: int | None = None, *,
                     first_paint: bool = False, reset_filters: bool = False) -> None:
        """Open an article (None: the store has none); its rows are listed through
        ``_listed``.  On the first paint a long article shows its first rows only, and
        the rest comes right after (``_finish_first_rows``)."""
        article = self.reader.article(article_id) if article_id is not None else None
        if reset_filters:
            self._empty_filter_box()
        self.state.open(article, keep_claim=keep_claim, reset_filters=reset_filters,
                        first_rows=FIRST_ROWS if first_paint else None)
        self._update_header()
        if article is None:
            self._show_empty_store()
        elif self.state.partial:
            self.call_after_refresh(self._finish_first_rows)

    def _finish_first_rows(self) -> None:
        """The rest of the rows, into the list: right after the first paint, or before the
        first key or click if one comes sooner (typed ahead: G goes to the real end)."""
        if not self.state.partial:
            return
        self.state.finish_reading()
        self._update_header()

    def _listed(self, keep_claim: int | None) -> None:
        """The state has listed its rows again: the list shows them, the cursor stays on
        ``keep_claim`` (else on the claim it was on) if it is still listed."""
        claims = self.desk.query_one(ClaimList)
        state = self.state
        if keep_claim is None and claims.current is not None:
            keep_claim = claims.current.id
        claims.set_rows(state.visible, keep_id=keep_claim, total=state.listed_total)
        if state.article is None:
            return  # load_article says what to do
        self._title_list()
        if not state.visible:
            self._show_detail_message(
                "No claim matches the filters. f cycles the status filter, / edits the text"
                " filter, Esc clears both." if state.rows else
                "This article has no claims.")
        else:
            self._schedule_detail()

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
        self.post_message(DuplicateMarks(article_id, counts))

    @on(DuplicateMarks)
    def _duplicate_marks(self, found: DuplicateMarks) -> None:
        if not self._showing(found.article_id):
            return
        shown = self.state.row(self.shown_claim)
        before = (shown.dupes, shown.conflicts) if shown else None
        self.state.set_duplicate_marks(found.counts)
        self.desk.query_one(ClaimList).refresh()
        if shown and (shown.dupes, shown.conflicts) != before:
            self._schedule_detail()  # indexed meanwhile: the detail lists them now

    def _showing(self, article_id: int) -> bool:
        """Is this article still open (and the app not closing)?"""
        article = self.state.article
        return article is not None and article["id"] == article_id and bool(self.screen_stack)

    def _title_list(self) -> None:
        state = self.state
        parts = [f"Claims {state.listed_total}/{state.shown_total}",
                 state.status_filter or "all statuses",
                 "by check-worthiness" if state.sort == "worthiness" else "in article order"]
        if state.text_filter:
            parts.append("text filter on")
        if state.show_hidden:
            parts.append("hidden shown")
        self.desk.query_one("#left").border_title = " · ".join(parts)

    def _update_header(self) -> None:
        header = self.desk.query_one(DeskHeader)
        article = self.state.article
        title = Text()
        title.append(" factcheck ", style="bold reverse")
        title.append(" ")
        right, compact = Text(), Text()
        if article:
            title.append(printable(" ".join(article["title"].split()), one_line=True),
                         style="bold")
            title.append(f" ({article['language']})", style="dim")
            if self.state.counting:  # the first paint of a long article
                for t in (right, compact):
                    t.append(f"{self.state.total} claims, counting…", style="dim")
            else:
                self._append_counts(right, words=True)
                self._append_counts(compact, words=False)
        else:
            title.append("no article yet", style="dim")
        editor = printable(self.editor, one_line=True)
        right.append(f"  editor: {editor} ", style="dim")
        compact.append(f"  {editor} ", style="dim")
        header.set_parts(title, right, compact)

    def _append_counts(self, t: Text, words: bool = True) -> None:
        counts = self.state.counts()
        t.append("  ")
        for status in STATUSES:
            if words:
                t.append_text(panes.status_text(status))
            else:
                t.append(panes.STATUS_SYMBOL.get(status, "?"),
                         style=f"bold {panes.STATUS_STYLE.get(status, '')}")
            t.append(f" {counts[status]}  ")
        total = sum(counts.values())
        if total:
            done = counts["verified"] + counts["disputed"]
            t.append(f"{100 * done / total:.0f}%{' checked' if words else ''}", style="dim")
        hidden = sum(1 for r in self.state.rows if r.hidden) if self.state.show_hidden else 0
        if hidden:
            t.append(f"  {hidden} hidden", style="dim")

    def _show_empty_store(self) -> None:
        self._show_detail_message(
            "The store has no article yet.\n\nPress i to import one (.txt, .md or .html), or"
            " run `factcheck import PATH` in a shell; `make run` opens the demo article.")

    def _show_detail_message(self, message: str) -> None:
        self.shown_claim = None
        self.desk.query_one(DetailView).show(Text(message, style="dim"))
        self.desk.query_one(SourcesPane).show_sources(None, [], [])

    # ------------------------------------------------------------ the selected claim

    @on(ClaimList.Highlighted)
    def _highlighted(self, event: ClaimList.Highlighted) -> None:
        self._schedule_detail()

    def _schedule_detail(self) -> None:
        """Render the detail once the cursor rests: holding j or v never queues up work."""
        # a deadline checked by one steady ticker, not a timer per key: each timer (an
        # asyncio task and its event) outlives the young collections and dies old, and
        # many of them make the next full collection a visible pause
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
        article = self.state.article
        if row is None or article is None:
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
        verdict = self.scale().verdict(claim["status"], claim.get("verdict_label"),
                                       article["language"])
        body, said_at = panes.claim_detail(article["text"], claim, history, position,
                                           duplicates, reusable=self.reusable,
                                           verdict=verdict)
        # drawn now, its sources when they come: neither pane's content moves anything else
        # on the screen, so each is a repaint of that pane alone (see detail.py)
        self.desk.query_one(DetailView).show(body, home=not again, anchor=said_at)
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
            self._mark_row(row, source["status"], note=note,
                           details={"followed": source["claim_id"]})
        elif self.archive_match is not None:
            from ..matching import archive  # deferred: start-up

            status = archive.verdict_status(self.archive_match.get("verdict"))
            if status is None:
                self.notify(f"The archive's verdict «{self.archive_match.get('verdict')}» does"
                            " not map to verified or disputed; mark it by hand.", markup=False)
                return
            match = self.archive_match
            self._mark_row(row, status, custom=lambda st: archive.apply_match(
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
        self.post_message(SourcesFound(claim_id, linked, suggested, checked))

    @on(SourcesFound)
    def _sources_found(self, found: SourcesFound) -> None:
        # painted in a frame of their own, not in the detail's (see _detail_due)
        self.call_after_refresh(self._show_sources, found)

    def _show_sources(self, found: SourcesFound) -> None:
        if found.claim_id != self.shown_claim or not self.screen_stack:
            return  # the editor has moved on
        self.archive_match = found.checked
        some = found.checked or found.linked or found.suggested
        keep, self._keep_source = self._keep_source, None
        self.desk.query_one(SourcesPane).show_sources(
            found.claim_id, found.linked, found.suggested, found.checked,
            empty="" if some else NO_SOURCES, keep_source=keep)

    def _selected_source(self) -> tuple[str, dict] | None:
        pane = self.desk.query_one(SourcesPane)
        if pane.claim_id != self.shown_claim:
            return None  # the previous claim's sources, until this one's arrive
        return pane.selected()

    @on(OptionList.OptionSelected, "#sources")
    def _source_chosen(self, event: OptionList.OptionSelected) -> None:
        self.action_choose_source()

    def action_choose_source(self) -> None:
        """Enter on a source: link a suggestion (its stance asked), open a linked source,
        apply the archive's verdict."""
        from .screens import StanceScreen  # deferred: start-up

        chosen = self._selected_source()
        if not chosen or self.shown_claim is None:
            self.notify("Highlight a source in the sources pane first (Tab moves there).",
                        markup=False)
            return
        kind, src = chosen
        if kind == "linked":
            self.action_open_source()
            return
        if kind == "archive":
            self.action_reuse_verdict()
            return
        claim_id = self.shown_claim
        title = src.get("title") or src.get("publisher") or src.get("url") or ""

        def linked(stance: str | None) -> None:
            if stance:
                from ..matching import sources  # deferred: start-up

                self._keep_source = src["source_id"]
                self.writer.submit(
                    lambda st: sources.link(st, claim_id, src["source_id"], stance,
                                            editor=self.editor),
                    lambda out: Linked(claim_id, src["source_id"], stance,
                                       (out.get("event") or {}).get("id"), title),
                    claim_id=claim_id)

        self.push_screen(StanceScreen(title), linked)

    def action_open_source(self) -> None:
        from .screens import RecordScreen  # deferred: start-up

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
        """A source typed in (or fetched from its URL), then linked to the claim shown with
        the stance the editor gives (Esc: saved, not linked)."""
        from .screens import AddSourceScreen, StanceScreen  # deferred: start-up

        current = self.desk.query_one(ClaimList).current
        claim_id = current.id if current is not None else None
        editor = self.editor

        def added(form: dict | None) -> None:
            if not form:
                return
            values, fetched = form["values"], form.get("fetched")
            if claim_id is None:
                self._save_source(values, fetched, None, None, editor)
                return
            self.push_screen(StanceScreen(values.get("title") or values.get("url") or "",
                                          skip="Esc: save it without linking"),
                             lambda stance: self._save_source(values, fetched, claim_id,
                                                              stance, editor))

        self.push_screen(AddSourceScreen(), added)

    def _save_source(self, values: dict, fetched, claim_id: int | None, stance: str | None,
                     editor: str) -> None:
        def operation(st: Store) -> dict:
            from ..matching import sources  # deferred: start-up

            with st.transaction():
                notice = None
                if fetched is not None:
                    from ..ingest import add_fetched_source  # deferred: start-up

                    page, doc = fetched
                    out = add_fetched_source(st, page, doc, editor=editor, **{
                        k: v for k, v in values.items() if k != "url"})
                    source, notice = out.source, out.notice
                else:
                    source = sources.add_source(st, editor=editor, **values)
                event = None
                if stance and claim_id is not None:
                    event = sources.link(st, claim_id, source["id"], stance,
                                         editor=editor).get("event")
            return {"source": source, "event": event, "notice": notice}

        self.writer.submit(operation, lambda out: SourceAdded(
            out["source"]["id"], claim_id, stance if claim_id is not None else None,
            (out["event"] or {}).get("id"), out["notice"]), claim_id=claim_id)

    def action_unlink_source(self) -> None:
        chosen = self._selected_source()
        if not chosen or chosen[0] != "linked" or self.shown_claim is None:
            self.notify("Highlight a linked source to unlink it.", markup=False)
            return
        from ..matching import sources  # deferred: start-up

        claim_id, source_id = self.shown_claim, chosen[1]["id"]
        title = chosen[1].get("title") or chosen[1].get("url") or ""
        self.writer.submit(
            lambda st: sources.unlink(st, claim_id, source_id, editor=self.editor),
            lambda event: Unlinked(claim_id, source_id, event["id"], title),
            claim_id=claim_id)

    # ------------------------------------------------------------ marking

    def action_mark(self, status: str) -> None:
        claims = self.desk.query_one(ClaimList)
        row = claims.current
        if row is None:
            self.bell()
            return
        if row.hidden:
            self.notify("This claim is hidden: H shows it again before it can be marked.",
                        markup=False)
            return
        if row.status == status and not row.saving:
            # nothing to record, nothing to undo: the editor walks on
            self.notify(f"Already {status}: nothing recorded.", timeout=2, markup=False)
        else:
            self._mark_row(row, status)
        claims.move_to(claims.cursor + 1)
        if claims.current is not None and claims.current.id != row.id:
            self._moved_on[row.id] = claims.current.id

    def _mark_row(self, row: ClaimRow, status: str, *, undo: bool = False,
                  note: str | None = None, details: dict | None = None, custom=None) -> None:
        """Ask the writer for a status change; the row shows it as saving until then."""
        previous = row.status
        expected = self.state.begin_write(row)
        self.desk.query_one(ClaimList).refresh_row(row.id)
        article_id = self.state.article["id"]
        operation = custom or (lambda st: st.mark(
            row.id, status, editor=self.editor, note=note, expected_version=expected,
            action="undo" if undo else "status", details=details))
        self.writer.submit(
            operation,
            lambda event: Marked(row.id, article_id, previous, status, event["id"], undo=undo),
            claim_id=row.id, status_change=True)

    def action_undo(self) -> None:
        last = self.state.pop_undo()
        if last is None:
            self.notify("Nothing to undo in this session.", markup=False)
            return
        if self.state.article is None or last.article_id != self.state.article["id"]:
            self.load_article(last.article_id, keep_claim=last.claim_id)
        row = self._select_claim(last.claim_id)
        if last.previous is not None:  # a status change: shown as saving, like a mark
            if row is None:
                self.notify(f"claim {last.claim_id} is no longer listed", severity="warning",
                            markup=False)
                return
            note = f"undo of event #{last.event_id}"
            custom = None
            if last.reverse is not None:  # a rating: its label goes back with the status
                expected = row.version + self.state.in_flight(row.id)
                reverse = last.reverse

                def custom(st: Store) -> dict:
                    return reverse(st, note=note, expected_version=expected)
            self._mark_row(row, last.previous, undo=True, note=note, custom=custom)
            return
        self.writer.submit(
            last.reverse,
            lambda result: Undone(last.claim_id, last.article_id, last.what, last.reloads,
                                  result),
            claim_id=last.claim_id)

    def push_undo(self, claim_id: int, what: str, reverse=None, *, event_id: int | None = None,
                  reloads: bool = False, previous: str | None = None) -> None:
        """Put a change of this session on the undo stack: ``reverse(store)`` takes it back
        (run by the writer). Any change whose reverse is a store call can go there."""
        article = self.state.article
        self.state.push_undo(Undo(claim_id, article["id"] if article else 0, what, reverse,
                                  previous, event_id, reloads))

    def _undo_event(self, event_id: int):
        """The reverse of a recorded event (a note, a link, an unlink, a claim edit)."""
        editor = self.editor

        def reverse(store: Store):
            from .. import editing  # deferred: start-up

            return editing.undo(store, event_id, editor=editor)
        return reverse

    @on(Undone)
    def _undone(self, undone: Undone) -> None:
        if not self.screen_stack:
            return
        self.notify(f"Undone: {undone.what}.", markup=False)
        if undone.reloads:
            self._reload_rows(undone.claim_id)
        else:
            self._refresh_row_from_store(undone.claim_id)
            self._written(undone.claim_id)

    def _select_claim(self, claim_id: int) -> ClaimRow | None:
        claims = self.desk.query_one(ClaimList)
        index = claims.index_of(claim_id)
        if index is None and (self.state.status_filter or self.state.text_filter):
            self._empty_filter_box()
            self.state.clear_filters(keep_claim=claim_id)
            index = claims.index_of(claim_id)
        if index is None:
            return None
        claims.move_to(index)
        return claims.rows[index]

    def action_note(self) -> None:
        from .screens import NoteScreen  # deferred: start-up

        row = self.desk.query_one(ClaimList).current
        if row is None:
            self.bell()
            return

        def save(note: str | None) -> None:
            if note:
                self.writer.submit(lambda st: st.add_note(row.id, note, editor=self.editor),
                                   lambda event: NoteSaved(row.id, event["id"]),
                                   claim_id=row.id)

        self.push_screen(NoteScreen(row.text), save)

    def scale(self):
        """The newsroom's rating scale (the default one if the setting is unreadable)."""
        from ..store import verdicts  # deferred: start-up

        try:
            return verdicts.load_scale(self.reader)
        except StoreError:
            return verdicts.DEFAULT

    def action_rate(self) -> None:
        """t: the scale, then a digit picks the rating; the status follows it."""
        from .screens import RatingScreen  # deferred: start-up

        claims = self.desk.query_one(ClaimList)
        row = claims.current
        if row is None or self.state.article is None:
            self.bell()
            return
        scale = self.scale()
        lang = self.state.article["language"]
        try:
            label = self.reader.claim(row.id).get("verdict_label")
        except StoreError:
            label = None
        current = scale.find(label)
        ratings = [(r.name(lang), r.status, "—" if r.value is None else f"{r.value:g}")
                   for r in scale.ratings]
        index = scale.ratings.index(current) if current in scale.ratings else None

        def chosen(name: str | None) -> None:
            if name:
                self._rate_row(row, name, label)
                if claims.current is row:
                    claims.move_to(claims.cursor + 1)

        self.push_screen(RatingScreen(row.text, ratings, index), chosen)

    def _rate_row(self, row: ClaimRow, name: str, previous_label: str | None) -> None:
        from ..store import verdicts  # deferred: start-up

        previous = row.status
        expected = self.state.begin_write(row)
        self.desk.query_one(ClaimList).refresh_row(row.id)
        article_id = self.state.article["id"]
        self.writer.submit(
            lambda st: verdicts.rate(st, row.id, name, editor=self.editor,
                                     expected_version=expected),
            lambda done: Rated(row.id, article_id, previous, done["status"], previous_label,
                               done["rating"], done["events"][-1]["id"]),
            claim_id=row.id, status_change=True)

    def action_rationale(self) -> None:
        """w: the rationale in a multi-line editor; ctrl+s saves it."""
        from ..store.verdicts import rationale_of  # deferred: start-up
        from .screens import RationaleScreen  # deferred: start-up

        row = self.desk.query_one(ClaimList).current
        if row is None:
            self.bell()
            return
        current = rationale_of(self.reader.history(row.id))
        before = current["text"] if current else None

        def save(text: str | None) -> None:
            if text is None:
                return
            from ..store import verdicts  # deferred: start-up

            try:
                cleaned = verdicts.clean_rationale(text)
            except FactcheckError as exc:
                self.notify(f"Not saved: {exc}", severity="error", markup=False)
                return
            if cleaned == before:
                return
            self.writer.submit(
                lambda st: verdicts.explain(st, row.id, cleaned, editor=self.editor),
                lambda _: RationaleSaved(row.id, cleaned, before), claim_id=row.id)

        self.push_screen(RationaleScreen(row.text, before), save)

    def action_label(self) -> None:
        from .screens import LabelScreen  # deferred: start-up

        row = self.desk.query_one(ClaimList).current
        if row is None:
            self.bell()
            return
        previous = self.reader.claim(row.id).get("verdict_label")

        def save(label: str | None) -> None:
            if label is None or (label or None) == previous:
                return
            editor = self.editor

            article_id = self.state.article["id"]
            said = f"Label of claim {row.seq} {'set to ' + label if label else 'cleared'}"
            self.writer.submit(
                lambda st: st.set_label(row.id, label or None, editor=editor),
                lambda event: ClaimEdited(
                    row.id, article_id, event["id"], said, reloads=False,
                    reverse=lambda st: st.set_label(row.id, previous, editor=editor)),
                claim_id=row.id)

        self.push_screen(LabelScreen(row.text, previous or ""), save)

    # ------------------------------------------------------------ claims under the editor's hand

    def _editable_row(self) -> ClaimRow | None:
        row = self.desk.query_one(ClaimList).current
        if row is None:
            self.bell()
            return None
        if row.saving:
            self.notify("A change of this claim is still being saved; try again in a moment.",
                        markup=False)
            return None
        return row

    def _edit_claims(self, row: ClaimRow, operation, said, *, goto=None) -> None:
        """Ask the writer for a claim edit (factcheck.editing); ``said(event)`` says what it
        did, ``goto(event)`` is the claim the cursor goes to (else this one)."""
        article_id = self.state.article["id"]

        def done(event: dict | None) -> ClaimEdited:
            edited = event["claim_id"] if event else row.id
            return ClaimEdited(edited, article_id, event["id"] if event else None,
                               said(event) if event else "Nothing changed",
                               goto=goto(event) if (goto and event) else None)
        self.writer.submit(operation, done, claim_id=row.id)

    def action_edit_claim(self) -> None:
        from .screens import ClaimTextScreen  # deferred: start-up

        row = self._editable_row()
        if row is None:
            return
        full = self.reader.claim(row.id)["text"]
        editor, version = self.editor, row.version

        def chosen(text: str | None) -> None:
            if text is None:
                return
            from .. import editing  # deferred: start-up

            self._edit_claims(row, lambda st: editing.edit(
                st, row.id, text, editor=editor, expected_version=version),
                lambda ev: f"Claim {row.seq} edited")
        self.push_screen(ClaimTextScreen("Edit the claim (Enter saves, Esc cancels)", full),
                         chosen)

    def action_split_claim(self) -> None:
        from .screens import SplitScreen  # deferred: start-up

        row = self._editable_row()
        if row is None:
            return
        full = self.reader.claim(row.id)["text"]
        editor, version = self.editor, row.version

        def chosen(at: int | None) -> None:
            if at is None:
                return
            from .. import editing  # deferred: start-up

            self._edit_claims(row, lambda st: editing.split(
                st, row.id, at, editor=editor, expected_version=version),
                lambda ev: f"Claim {row.seq} split in two")
        self.push_screen(SplitScreen(full), chosen)

    def action_merge_claim(self) -> None:
        row = self._editable_row()
        if row is None:
            return
        from .. import editing  # deferred: start-up

        editor, version = self.editor, row.version
        self._edit_claims(row, lambda st: editing.merge_next(
            st, row.id, editor=editor, expected_version=version),
            lambda ev: f"Claim {row.seq} merged with the next claim")

    def action_hide_claim(self) -> None:
        row = self._editable_row()
        if row is None:
            return
        from .. import editing  # deferred: start-up

        editor, version = self.editor, row.version
        if row.hidden:
            self._edit_claims(row, lambda st: editing.unhide(
                st, row.id, editor=editor, expected_version=version),
                lambda ev: f"Claim {row.seq} shown again")
            return
        claims = self.desk.query_one(ClaimList)
        # the cursor goes on to the next claim listed (the hidden one leaves the list)
        rows = claims.rows
        after = (rows[claims.cursor + 1].id if claims.cursor + 1 < len(rows) else
                 rows[claims.cursor - 1].id if claims.cursor > 0 else row.id)
        self._edit_claims(row, lambda st: editing.hide(
            st, row.id, editor=editor, expected_version=version),
            lambda ev: f"Claim {row.seq} hidden as not a claim",
            goto=lambda ev: row.id if self.state.show_hidden else after)

    def action_add_claim(self) -> None:
        from .screens import ClaimTextScreen  # deferred: start-up

        article = self.state.article
        if article is None:
            self.notify("No article yet: i imports one.", markup=False)
            return
        row = self.desk.query_one(ClaimList).current
        editor = self.editor

        def chosen(text: str | None) -> None:
            if not text:
                return
            from .. import editing  # deferred: start-up

            anchor = row if row is not None else ClaimRow(0, 0, "pending", 0, 0, "")
            self._edit_claims(anchor, lambda st: editing.add(
                st, article["id"], text, after=row.id if row else None, editor=editor),
                lambda ev: "Claim added" + ("" if (ev.get("details") or {}).get("span")
                                            else " (the article does not say it word for"
                                                 " word: no span)"),
                goto=lambda ev: ev["claim_id"])
        self.push_screen(ClaimTextScreen("Add a claim the segmenter missed, after this one"
                                         " (Enter saves, Esc cancels)", ""), chosen)

    def action_toggle_hidden(self) -> None:
        current = self.desk.query_one(ClaimList).current
        shown = self.state.toggle_hidden(keep_claim=current.id if current else None)
        self._update_header()
        self.notify("Hidden claims listed (dimmed); . leaves them out." if shown else
                    "Hidden claims left out.", timeout=3, markup=False)

    @on(ClaimEdited)
    def _claim_edited(self, edited: ClaimEdited) -> None:
        if not self.screen_stack:
            return
        if edited.event_id is None:
            self.notify("Nothing changed.", markup=False)
            return
        if edited.reverse is not None:
            reverse = edited.reverse
        else:
            reverse = self._undo_event(edited.event_id)
        self.push_undo(edited.claim_id, edited.said[0].lower() + edited.said[1:], reverse,
                       event_id=edited.event_id, reloads=edited.reloads)
        self.notify(f"{edited.said}. u undoes it.", timeout=6, markup=False)
        if edited.reloads and self._showing(edited.article_id):
            self._reload_rows(edited.goto if edited.goto is not None else edited.claim_id)
        else:
            self._refresh_row_from_store(edited.claim_id)
            self._written(edited.claim_id)

    def _reload_rows(self, keep_claim: int | None) -> None:
        """Read the open article's rows again (its claims changed), the cursor on
        ``keep_claim``."""
        article = self.state.article
        if article is None:
            return
        self.state.open(article, keep_claim=keep_claim)
        claims = self.desk.query_one(ClaimList)
        if keep_claim is not None and claims.index_of(keep_claim) is None:
            self._select_claim(keep_claim)  # out of the filters: they are cleared
        self.shown_claim = None  # its text may have changed: drawn again
        self._update_header()
        self._schedule_detail()
        self.data_version = self.reader.data_version()

    # ------------------------------------------------------------ the writer's outcomes

    @on(Marked)
    def _marked(self, done: Marked) -> None:
        if not self.screen_stack:
            return  # closing: the write is committed, there is nothing left to show
        self.state.end_write(done.claim_id)
        self.state.committed(done.claim_id, done.after)
        if not done.undo:
            row = self.state.row(done.claim_id)
            where = f"claim {row.seq}" if row else f"claim {done.claim_id}"
            self.state.push_undo(Undo(done.claim_id, done.article_id,
                                      f"{where} back to {done.before}",
                                      previous=done.before, event_id=done.event_id))
        self._written(done.claim_id)

    @on(Rated)
    def _rated(self, done: Rated) -> None:
        if not self.screen_stack:
            return
        self.state.end_write(done.claim_id)
        self.state.committed(done.claim_id, done.after)
        editor, before, label = self.editor, done.before, done.previous_label

        def take_back(st: Store, **how) -> dict:
            from ..store.verdicts import take_back  # deferred: start-up

            return take_back(st, done.claim_id, before, label, editor=editor, **how)
        self.push_undo(done.claim_id, f"the rating {done.rating}", take_back,
                       event_id=done.event_id, previous=before)
        self.notify(f"Rated {done.rating}" + (f": {done.before} → {done.after}"
                                              if done.before != done.after else "."),
                    markup=False)
        self._written(done.claim_id)

    @on(RationaleSaved)
    def _rationale_saved(self, saved: RationaleSaved) -> None:
        if not self.screen_stack:
            return
        self.state.note_saved(saved.claim_id)
        editor, claim_id, before = self.editor, saved.claim_id, saved.before

        def put_back(st: Store) -> dict:
            from ..store import verdicts  # deferred: start-up

            return verdicts.explain(st, claim_id, before, editor=editor)
        self.push_undo(claim_id, "the rationale", put_back)
        self.notify(("Rationale saved." if saved.text else "Rationale removed.") + " u undoes it.",
                    markup=False)
        self._written(saved.claim_id)

    @on(WriteRefused)
    def _refused(self, refused: WriteRefused) -> None:
        if not self.screen_stack:
            return
        if refused.status_change:
            self.state.end_write(refused.claim_id)
            # the cursor had moved on with the verdict: it goes back to the claim refused
            moved_to = self._moved_on.pop(refused.claim_id, None)
            claims = self.desk.query_one(ClaimList)
            if claims.current is not None and claims.current.id == moved_to:
                self._select_claim(refused.claim_id)
        self.state.refused(refused.claim_id, refused.current)
        self.notify(f"Not saved: {printable(refused.reason)}. Showing the current state.",
                    severity="warning", timeout=8, markup=False)
        self._written(refused.claim_id)

    @on(WriteFailed)
    def _failed_write(self, failed: WriteFailed) -> None:
        if not self.screen_stack:
            return
        self._failures += 1
        if failed.status_change:
            self.state.end_write(failed.claim_id)
            row = self.state.row(failed.claim_id)
            if row is not None:
                row.failed = True  # shown as failed, never as done
        self.notify(f"Not saved: {printable(failed.error)}", severity="error", timeout=10,
                    markup=False)
        self._written(failed.claim_id)

    @on(NoteSaved)
    def _note_saved(self, saved: NoteSaved) -> None:
        if not self.screen_stack:
            return
        self.state.note_saved(saved.claim_id)
        self.notify("Note saved.", markup=False)
        if saved.event_id is not None:
            editor = self.editor
            self.push_undo(saved.claim_id, "the note",
                           lambda st: st.retract_note(saved.claim_id, saved.event_id,
                                                      editor=editor),
                           event_id=saved.event_id)
        self._written(saved.claim_id)

    @on(Linked)
    def _linked(self, linked: Linked) -> None:
        if not self.screen_stack:
            return
        if linked.event_id is None:
            self.notify("Already linked so: nothing changed.", markup=False)
        else:
            self._refresh_row_from_store(linked.claim_id)
            self.notify(f"Source linked as {linked.stance}. u unlinks it.", markup=False)
            self.push_undo(linked.claim_id, f"the link to «{linked.title or linked.source_id}»",
                           self._undo_event(linked.event_id), event_id=linked.event_id)
        self._keep_source = linked.source_id
        self._written(linked.claim_id)

    @on(Unlinked)
    def _unlinked(self, unlinked: Unlinked) -> None:
        if not self.screen_stack:
            return
        self.state.links_changed(unlinked.claim_id, -1)
        self.notify(f"Source unlinked: «{printable(unlinked.title, one_line=True)}». u links it"
                    " again.", timeout=6, markup=False)
        if unlinked.event_id is not None:
            self.push_undo(unlinked.claim_id, "the unlink", self._undo_event(unlinked.event_id),
                           event_id=unlinked.event_id)
        self._written(unlinked.claim_id)

    @on(SourceAdded)
    def _source_added(self, added: SourceAdded) -> None:
        if not self.screen_stack:
            return
        said = f"Source {added.source_id} saved"
        if added.stance and added.claim_id is not None:
            said += f" and linked as {added.stance}. u unlinks it"
            self._refresh_row_from_store(added.claim_id)
            if added.event_id is not None:
                self.push_undo(added.claim_id, f"the link to source {added.source_id}",
                               self._undo_event(added.event_id), event_id=added.event_id)
            self._keep_source = added.source_id
        if added.notice:
            said += f" ({printable(added.notice)})"
        self.notify(said + ".", markup=False)
        self._written(added.claim_id)

    def _refresh_row_from_store(self, claim_id: int) -> None:
        """A row's status, version and links as stored (after a write that changed them)."""
        row = self.state.row(claim_id)
        if row is None or row.saving:
            return
        if self.state.article is None:
            return
        found = self.reader.claim_rows(self.state.article["id"], ids=[claim_id], hidden=True)
        if found:
            fresh = ClaimRow.from_record(found[0])
            self.state.set_status(row, fresh.status)
            row.version, row.sources, row.failed = fresh.version, fresh.sources, False
            if fresh.text != row.text:
                row.text, row.folded = fresh.text, None

    def _written(self, claim_id: int | None) -> None:
        """After any write: its row, the header and, if its claim is shown, the detail."""
        if claim_id is not None:
            self.desk.query_one(ClaimList).refresh_row(claim_id)
        self._update_header()
        if claim_id is not None and claim_id == self.shown_claim:
            self._schedule_detail()
        # our own commit: not another editor's change for _poll to reload
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
        if self.state.article is None:
            articles = self.reader.articles()
            if articles:
                self.load_article(articles[-1]["id"])
            return
        known = [(r.id, r.seq, r.version) for r in self.state.rows]
        self._fetch_changes(self.state.article["id"], known, self.state.show_hidden)

    @work(thread=True, exclusive=True, group="reload", exit_on_error=False)
    def _fetch_changes(self, article_id: int, known: list[tuple[int, int, int]],
                       hidden: bool) -> None:
        """Statuses, versions and link counts, and the texts of the claims whose version
        changed: cheap even for 10 000 claims.  When claims were split, merged, hidden or
        added (the ids or their places differ), every row is read again."""
        with Store(self.db_path) as store:
            states = store.claim_states(article_id, hidden=hidden)
            links = store.link_counts(article_id)
            same = len(states) == len(known) and all(
                k[0] == s[0] and k[1] == s[3] for k, s in zip(known, states))
            if not same:
                rows = store.claim_rows(article_id, hidden=hidden)
                self.post_message(RowsChanged(article_id, states, links, rows=rows))
                return
            changed = [s[0] for k, s in zip(known, states) if k[2] != s[2]]
            texts = {r[0]: " ".join(r[5].split()) for r in store.claim_rows(
                article_id, ids=changed, hidden=hidden)} if changed else {}
        self.post_message(RowsChanged(article_id, states, links, texts))

    @on(RowsChanged)
    def _rows_changed(self, changes: RowsChanged) -> None:
        if not self._showing(changes.article_id):
            return
        claims = self.desk.query_one(ClaimList)
        if changes.rows is not None:  # another editor changed the claims themselves
            if self.writer and self.writer.pending:
                return  # read again once our own writes are in
            current = claims.current.id if claims.current else None
            rows = [ClaimRow.from_record(r) for r in changes.rows]
            self.state.load(self.state.article, rows, keep_claim=current)
            self._load_marks_soon(changes.article_id, rows)
            self.shown_claim = None
            self._update_header()
            self._schedule_detail()
            return
        if self.state.merge(changes.states, changes.links, changes.texts):
            claims.refresh()
            claims.forget_lines()
            self._update_header()
            if claims.current is not None and claims.current.id == self.shown_claim:
                self.shown_claim = None  # drawn again: its text may have changed
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
        self.state.set_text_filter(event.value)

    @on(Input.Submitted, "#filter")
    def _filter_done(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            event.input.remove_class("shown")
        self.desk.query_one(ClaimList).focus()

    def action_clear_filter(self) -> None:
        box = self._filter_box()
        shown = box is not None and box.has_class("shown")
        if self.state.text_filter or self.state.status_filter or shown:
            if box is not None:
                box.value = ""
                box.remove_class("shown")
            self.state.clear_filters()
            self.desk.query_one(ClaimList).focus()

    def action_cycle_status(self) -> None:
        status = self.state.cycle_status()
        self.notify(f"Showing {status or 'all'} claims", timeout=2, markup=False)

    def action_toggle_sort(self) -> None:
        self.state.toggle_sort()

    # ------------------------------------------------------------ articles

    def action_articles(self) -> None:
        from .screens import ArticlePicker  # deferred: start-up

        articles = self.reader.articles()
        if not articles:
            self.notify("No article yet: i imports one.", markup=False)
            return

        def chosen(article_id: int | None) -> None:
            if article_id is not None:
                self.load_article(article_id, reset_filters=True)
                self.desk.query_one(ClaimList).focus()

        current = self.state.article["id"] if self.state.article else None
        self.push_screen(ArticlePicker(articles, current), chosen)

    def action_import_article(self) -> None:
        from .screens import ImportScreen  # deferred: start-up

        def chosen(answer: tuple[str, str | None] | None) -> None:
            if answer:
                self._import(*answer)

        self.push_screen(ImportScreen(), chosen)

    @work(thread=True, exclusive=True, group="import", exit_on_error=False)
    def _import(self, path: str, title: str | None) -> None:
        """A file or a web page (fetched here, in the worker: the screen never waits on
        the network); any failure is said in one line, and nothing is written."""
        from ..web import is_url  # deferred: start-up

        try:
            if is_url(path):
                from ..ingest import fetch_document, import_fetched  # deferred: start-up

                page, doc = fetch_document(path.strip())  # offline: refused, said why
                with Store(self.db_path) as store:
                    result = import_fetched(store, page, doc, title=title, editor=self.editor)
            else:
                from ..ingest import import_document  # deferred: start-up
                from ..text.decode import read_article  # deferred: start-up
                from ..text.document import parse_document  # deferred: start-up

                target = str(Path(path).expanduser())
                _refuse_non_file(target)
                data, name = read_article(target)
                doc = parse_document(data, name)
                with Store(self.db_path) as store:
                    result = import_document(store, doc, title=title, source=path,
                                             editor=self.editor)
        except (FactcheckError, OSError, ValueError, MemoryError) as exc:
            self.post_message(Failed("Import", _reason(exc)))
            return
        except Exception as exc:  # never silent: the editor hears what went wrong
            self.post_message(Failed("Import", f"{type(exc).__name__}: {exc}"))
            return
        self.post_message(Imported(result.article["id"], result.created, result.claims,
                                   result.notice))

    @on(Imported)
    def _imported(self, imported: Imported) -> None:
        self.load_article(imported.article_id)
        if self.screen is self.desk:  # a dialog opened meanwhile keeps the keys
            self.desk.query_one(ClaimList).focus()
        said = (f"{'Imported' if imported.created else 'Already imported'}:"
                f" {imported.claims} claims.")
        if imported.notice:
            said += f" {printable(imported.notice)}"
        self.notify(said, markup=False)

    # ------------------------------------------------------------ export

    def action_export(self) -> None:
        from .screens import ExportScreen  # deferred: start-up

        article = self.state.article
        if article is None:
            self.notify("Nothing to export yet.", markup=False)
            return
        from ..report import FORMATS  # deferred: start-up

        stem = str(Path("exports") / f"{file_stem(article['title']) or 'article'}-report")

        def chosen(answer: dict | None) -> None:
            if answer:
                self._export(article["id"], answer)

        self.push_screen(ExportScreen(
            stem, {f.name: f.suffix for f in FORMATS.values()},
            {f.name: f.audiences for f in FORMATS.values()},
            self.reader.get_setting("org.name"), self.reader.get_setting("org.url")), chosen)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def _export(self, article_id: int, answer: dict) -> None:
        from ..report import write_file  # deferred: start-up

        target = Path(answer["path"]).expanduser()
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with Store(self.db_path) as store:
                for key in ("org_name", "org_url"):  # asked once: kept for the next time
                    if answer.get(key):
                        store.set_setting(key.replace("_", "."), answer[key])
                # the dialog asked before replacing a file; the writer still refuses the
                # database, a link, a device or a folder
                n = write_file(store, str(target), force=True, fmt=answer["format"],
                               article_id=article_id, audience=answer["audience"],
                               org_name=store.get_setting("org.name"),
                               org_url=store.get_setting("org.url"))
        except (FactcheckError, OSError) as exc:
            self.post_message(Failed("Export", exc))
            return
        self.post_message(Exported(str(target.resolve()), answer["format"], n))

    @on(Exported)
    def _exported(self, exported: Exported) -> None:
        self.notify(f"Exported {counted(exported.claims, 'claim')} ({exported.format}) to "
                    f"{exported.path}", timeout=10, markup=False)

    @on(Failed)
    def _failed(self, failed: Failed) -> None:
        self.notify(f"{failed.what} failed: {printable(failed.error)}", severity="error",
                    timeout=10, markup=False)

    # ------------------------------------------------------------ help, palette, size

    def help_rows(self) -> list[tuple[str, str, str]]:
        return actions.help_rows()

    def action_help(self) -> None:
        from .screens import HelpScreen  # deferred: start-up

        self.push_screen(HelpScreen(self.help_rows(), actions.MARKS))

    def get_system_commands(self, screen: Screen):
        ours = actions.palette_entries()
        # our help ("Keys and marks") and Quit stand for Textual's own Keys and Quit
        titles = {entry.title for entry in ours} | {"Keys", "Quit"}
        for command in super().get_system_commands(screen):
            if command.title not in titles:
                yield command
        for entry in ours:
            yield SystemCommand(entry.title, entry.palette_help,
                                partial(self._run_palette_entry, entry))

    async def _run_palette_entry(self, entry: actions.Action) -> None:
        target = (self.desk.query_one(ClaimList) if entry.where == actions.CLAIMS else
                  self.desk.query_one(SourcesPane) if entry.where == actions.SOURCES else self)
        await self.run_action(entry.action, target)

    # ------------------------------------------------------------ quitting

    async def action_quit(self) -> None:
        """Quit once every change is saved: a write waiting for the database (another
        process holds it) is never dropped in silence."""
        waiting = self.writer.pending if self.writer else 0
        if not waiting:
            self.exit(0)
            return
        if self._quit_asked:
            from .screens import ConfirmScreen  # deferred: start-up

            def answer(discard: bool | None) -> None:
                if discard:
                    self.writer.discard()
                    self.exit(1, message=f"factcheck: {self.writer.pending} change(s) not "
                                         "saved (the database stayed locked)")
            self.push_screen(ConfirmScreen(
                f"{_changes(waiting)} still waiting for the database. Quit without "
                f"{'it' if waiting == 1 else 'them'}? (y: quit and lose "
                f"{'it' if waiting == 1 else 'them'}, n: keep waiting)"), answer)
            return
        self._quit_asked = True
        self._failures_before_quit = self._failures
        self.notify(f"{_changes(waiting)} waiting for the database… the desk quits once "
                    f"{'it is' if waiting == 1 else 'they are'} saved; q again to quit "
                    "without.", timeout=10, markup=False)
        self.set_interval(0.25, self._quit_when_saved)

    def _quit_when_saved(self) -> None:
        if not self._quit_asked or self.writer.pending:
            return
        self._quit_asked = False
        if self._failures != self._failures_before_quit:
            self.notify("A change could not be saved (see above): the desk stays open; q"
                        " quits.", severity="error", timeout=10, markup=False)
            return
        self.exit(0)

    def dialog_closed(self) -> None:
        """Back on the desk: the keys go to a pane, never nowhere."""
        desk = self.desk
        if self.screen is desk and not desk.has_class("too-small"):
            focused = desk.focused
            if focused is None or not focused.is_attached or not focused.display:
                desk.query_one(ClaimList).focus()

    def action_zoom(self) -> None:
        """The focused pane alone (the list, or the claim with its sources), or all again."""
        desk = self.desk
        if desk.has_class("zoom-list") or desk.has_class("zoom-claim"):
            desk.remove_class("zoom-list", "zoom-claim")
            return
        focused = desk.focused
        in_list = focused is None or focused.id in ("claims", "filter")
        desk.add_class("zoom-list" if in_list else "zoom-claim")

    def on_resize(self, event) -> None:
        self._check_size(event.size)

    def _check_size(self, size=None) -> None:
        """Narrow: the panes stacked.  Too small: a message instead of the desk.  Both are
        classes of the desk's own screen, whatever dialog is on top of it: a class put on
        the dialog would leave the desk saying "too small" at full size once the dialog is
        gone, its list hidden and the keys going nowhere."""
        size = size or self.size
        desk = self.desk
        desk.set_class(size.width < NARROW_BELOW, "narrow")
        small = size.width < MIN_WIDTH or size.height < MIN_HEIGHT
        was_small = desk.has_class("too-small")
        if small and not was_small and self.screen is desk:
            self._focus_before_small = desk.focused  # hidden widgets lose the focus
        desk.set_class(small, "too-small")
        if was_small and not small and self.screen is desk:
            # give the focus back, or the keys would go nowhere
            target = self._focus_before_small
            if target is None or not target.is_attached or target.screen is not desk:
                target = desk.query_one(ClaimList)
            self.call_after_refresh(target.focus)


def _changes(n: int) -> str:
    return f"{n} change" + ("" if n == 1 else "s")


def _refuse_non_file(path: str) -> None:
    """A device, a pipe or a folder is not an article: say so rather than read it forever
    (/dev/zero never ends)."""
    import stat

    try:
        mode = Path(path).stat().st_mode
    except FileNotFoundError:
        raise FactcheckError(f"no file at {path}") from None
    if stat.S_ISDIR(mode):
        raise FactcheckError(f"{path} is a folder, not a file")
    if not stat.S_ISREG(mode):
        raise FactcheckError(f"{path} is not a regular file (a device or a pipe): nothing"
                             " was imported")


def _reason(exc: BaseException) -> str:
    """One line saying why something failed."""
    if isinstance(exc, MemoryError):
        return "the file is too large to import"
    if isinstance(exc, OSError):
        where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
        return f"{exc.strerror or exc}{where}"
    return str(exc) or type(exc).__name__


def run_app(db: str | None = None, editor: str | None = None, article_id: int | None = None
            ) -> int:
    app = FactcheckApp(db=db, editor=editor, article_id=article_id)
    result = app.run()
    return result if isinstance(result, int) else 0
