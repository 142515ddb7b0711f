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
from . import actions
from .desk import ClaimRow, DeskState, Undo
from .messages import (
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
POLL_SECONDS = 1.0
# claims read before the desk's first paint; a longer article's rest is read right after
# it (10 000 claims take ~70 ms to read, which the first claim on screen need not wait for)
FIRST_ROWS = 200
DETAIL_DELAY = 0.15  # seconds the cursor rests before the detail pane is redrawn
DETAIL_TICK = 0.03  # how often the detail's deadline is looked at
LOOKUP_HELPER_AFTER = 2.0  # the sources' helper process starts once the desk is up
NO_SOURCES = ("No source linked or suggested for this claim.\n"
              "a adds a source by hand; `factcheck sources import FILE` loads many.")


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
        parts = [f"Claims {state.listed_total}/{state.total}",
                 state.status_filter or "all statuses",
                 "by check-worthiness" if state.sort == "worthiness" else "in article order"]
        if state.text_filter:
            parts.append("text filter on")
        self.desk.query_one("#left").border_title = " · ".join(parts)

    def _update_header(self) -> None:
        header = self.desk.query_one(DeskHeader)
        article = self.state.article
        t = Text()
        t.append(" factcheck ", style="bold reverse")
        t.append("  ")
        if article:
            t.append(" ".join(article["title"].split()), style="bold")
            t.append(f"  ({article['language']})  ", style="dim")
            if self.state.counting:  # the first paint of a long article
                t.append(f"{self.state.total} claims, counting…", style="dim")
            else:
                self._append_counts(t)
        else:
            t.append("no article yet", style="dim")
        t.append(f"   editor: {self.editor}", style="dim")
        header.set_text(t)

    def _append_counts(self, t: Text) -> None:
        counts = self.state.counts()
        for status in STATUSES:
            t.append_text(panes.status_text(status))
            t.append(f" {counts[status]}   ")
        total = len(self.state.rows)
        if total:
            done = counts["verified"] + counts["disputed"]
            t.append(f"{100 * done / total:.0f}% checked", style="dim")

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
        body = panes.claim_detail(article["text"], claim, history, position, duplicates,
                                  reusable=self.reusable, verdict=verdict)
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
        self.desk.query_one(SourcesPane).show_sources(
            found.claim_id, found.linked, found.suggested, found.checked,
            empty="" if some else NO_SOURCES)

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

        def linked(stance: str | None) -> None:
            if stance:
                from ..matching import sources  # deferred: start-up

                self.writer.submit(
                    lambda st: sources.link(st, claim_id, src["source_id"], stance,
                                            editor=self.editor),
                    lambda _: Linked(claim_id, src["source_id"], stance), claim_id=claim_id)

        self.push_screen(StanceScreen(src.get("title") or src.get("url") or ""), linked)

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
        from ..matching import sources  # deferred: start-up
        from .screens import AddSourceScreen  # deferred: start-up

        claim_id = self.shown_claim

        def added(values: dict | None) -> None:
            if values:
                self.writer.submit(
                    lambda st: sources.add_source(st, editor=self.editor, **values),
                    lambda source: SourceAdded(source["id"], claim_id), claim_id=claim_id)

        self.push_screen(AddSourceScreen(), added)

    def action_unlink_source(self) -> None:
        chosen = self._selected_source()
        if not chosen or chosen[0] != "linked" or self.shown_claim is None:
            self.notify("Highlight a linked source to unlink it.", markup=False)
            return
        from ..matching import sources  # deferred: start-up

        claim_id, source_id = self.shown_claim, chosen[1]["id"]
        self.writer.submit(
            lambda st: sources.unlink(st, claim_id, source_id, editor=self.editor),
            lambda _: Unlinked(claim_id, source_id), claim_id=claim_id)

    # ------------------------------------------------------------ marking

    def action_mark(self, status: str) -> None:
        claims = self.desk.query_one(ClaimList)
        row = claims.current
        if row is None:
            self.bell()
            return
        self._mark_row(row, status)
        claims.move_to(claims.cursor + 1)

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
        if row is None:
            self.notify(f"claim {last.claim_id} is no longer listed", severity="warning",
                        markup=False)
            return
        note = f"undo of event #{last.event_id}"
        custom = None
        if last.label is not None:  # a rating: its label goes back with the status
            from ..store.verdicts import take_back  # deferred: start-up

            expected = row.version + self.state.in_flight(row.id)

            def custom(st: Store) -> dict:
                return take_back(st, row.id, last.previous, last.label[0], editor=self.editor,
                                 note=note, expected_version=expected)
        self._mark_row(row, last.previous, undo=True, note=note, custom=custom)

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
                                   lambda _: NoteSaved(row.id), claim_id=row.id)

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
                lambda _: RationaleSaved(row.id, cleaned), claim_id=row.id)

        self.push_screen(RationaleScreen(row.text, before), save)

    # ------------------------------------------------------------ the writer's outcomes

    @on(Marked)
    def _marked(self, done: Marked) -> None:
        if not self.screen_stack:
            return  # closing: the write is committed, there is nothing left to show
        self.state.end_write(done.claim_id)
        self.state.committed(done.claim_id, done.after)
        if not done.undo:
            self.state.push_undo(Undo(done.claim_id, done.article_id, done.before,
                                      done.event_id))
        self._written(done.claim_id)

    @on(Rated)
    def _rated(self, done: Rated) -> None:
        if not self.screen_stack:
            return
        self.state.end_write(done.claim_id)
        self.state.committed(done.claim_id, done.after)
        self.state.push_undo(Undo(done.claim_id, done.article_id, done.before, done.event_id,
                                  label=(done.previous_label,)))
        self.notify(f"Rated {done.rating}" + (f": {done.before} → {done.after}"
                                              if done.before != done.after else "."),
                    markup=False)
        self._written(done.claim_id)

    @on(RationaleSaved)
    def _rationale_saved(self, saved: RationaleSaved) -> None:
        if not self.screen_stack:
            return
        self.state.note_saved(saved.claim_id)
        self.notify("Rationale saved." if saved.text else "Rationale removed.", markup=False)
        self._written(saved.claim_id)

    @on(WriteRefused)
    def _refused(self, refused: WriteRefused) -> None:
        if not self.screen_stack:
            return
        if refused.status_change:
            self.state.end_write(refused.claim_id)
        self.state.refused(refused.claim_id, refused.current)
        self.notify(f"Not saved: {refused.reason}. Showing the current state.",
                    severity="warning", timeout=8, markup=False)
        self._written(refused.claim_id)

    @on(WriteFailed)
    def _failed_write(self, failed: WriteFailed) -> None:
        if not self.screen_stack:
            return
        if failed.status_change:
            self.state.end_write(failed.claim_id)
        self.notify(f"Not saved: {failed.error}", severity="error", timeout=10, markup=False)
        self._written(failed.claim_id)

    @on(NoteSaved)
    def _note_saved(self, saved: NoteSaved) -> None:
        if not self.screen_stack:
            return
        self.state.note_saved(saved.claim_id)
        self.notify("Note saved.", markup=False)
        self._written(saved.claim_id)

    @on(Linked)
    def _linked(self, linked: Linked) -> None:
        if not self.screen_stack:
            return
        self.state.links_changed(linked.claim_id, +1)
        self.notify("Source linked.", markup=False)
        self._written(linked.claim_id)

    @on(Unlinked)
    def _unlinked(self, unlinked: Unlinked) -> None:
        if not self.screen_stack:
            return
        self.state.links_changed(unlinked.claim_id, -1)
        self.notify("Source unlinked.", markup=False)
        self._written(unlinked.claim_id)

    @on(SourceAdded)
    def _source_added(self, added: SourceAdded) -> None:
        if not self.screen_stack:
            return
        self.notify(f"Source {added.source_id} saved.", markup=False)
        self._written(added.claim_id)

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
        self._fetch_changes(self.state.article["id"])

    @work(thread=True, exclusive=True, group="reload", exit_on_error=False)
    def _fetch_changes(self, article_id: int) -> None:
        """Statuses, versions and link counts only: cheap even for 10 000 claims."""
        with Store(self.db_path) as store:
            states = store.claim_states(article_id)
            links = store.link_counts(article_id)
        self.post_message(RowsChanged(article_id, states, links))

    @on(RowsChanged)
    def _rows_changed(self, changes: RowsChanged) -> None:
        if not self._showing(changes.article_id):
            return
        if self.state.merge(changes.states, changes.links):
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
        from ..ingest import import_document  # deferred: start-up
        from ..text.decode import read_article  # deferred: start-up
        from ..text.document import parse_document  # deferred: start-up

        try:
            data, name = read_article(str(Path(path).expanduser()))
            doc = parse_document(data, name)
            with Store(self.db_path) as store:
                result = import_document(store, doc, title=title, source=path,
                                         editor=self.editor)
        except FactcheckError as exc:
            self.post_message(Failed("Import", exc))
            return
        self.post_message(Imported(result.article["id"], result.created, result.claims))

    @on(Imported)
    def _imported(self, imported: Imported) -> None:
        self.load_article(imported.article_id)
        self.desk.query_one(ClaimList).focus()
        self.notify(f"{'Imported' if imported.created else 'Already imported'}:"
                    f" {imported.claims} claims.", markup=False)

    # ------------------------------------------------------------ export

    def action_export(self) -> None:
        from ..text.formatting import file_stem
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
                n = write_file(store, str(target), fmt=answer["format"], article_id=article_id,
                               audience=answer["audience"],
                               org_name=store.get_setting("org.name"),
                               org_url=store.get_setting("org.url"))
        except (FactcheckError, OSError) as exc:
            self.post_message(Failed("Export", exc))
            return
        self.post_message(Exported(str(target.resolve()), answer["format"], n))

    @on(Exported)
    def _exported(self, exported: Exported) -> None:
        self.notify(f"Exported {exported.claims} claims ({exported.format}) to {exported.path}",
                    timeout=10, markup=False)

    @on(Failed)
    def _failed(self, failed: Failed) -> None:
        self.notify(f"{failed.what} failed: {failed.error}", severity="error", timeout=10,
                    markup=False)

    # ------------------------------------------------------------ help, palette, size

    def help_rows(self) -> list[tuple[str, str, str]]:
        return actions.help_rows()

    def action_help(self) -> None:
        from .screens import HelpScreen  # deferred: start-up

        self.push_screen(HelpScreen(self.help_rows()))

    def get_system_commands(self, screen: Screen):
        ours = actions.palette_entries()
        titles = {entry.title for entry in ours}
        for command in super().get_system_commands(screen):
            if command.title not in titles:  # our Keys and Quit stand for Textual's own
                yield command
        for entry in ours:
            yield SystemCommand(entry.title, entry.palette_help,
                                partial(self._run_palette_entry, entry))

    async def _run_palette_entry(self, entry: actions.Action) -> None:
        target = self.desk.query_one(ClaimList) if entry.where == actions.CLAIMS else self
        await self.run_action(entry.action, target)

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
