"""The desk under the editor's hand (issue 21): claim edits, undo of everything, the small
things an editor expects, and the dialogs that must never vanish."""

from __future__ import annotations

import sqlite3
import time

import pytest

import test_snapshots
import test_tui
from factcheck.matching import archive, sources
from factcheck.store import Store
from factcheck.tui.app import FactcheckApp
from factcheck.tui.messages import Failed, Imported, WriteRefused
from factcheck.tui.screens import (
    ConfirmScreen,
    Dialog,
    HelpScreen,
    ImportScreen,
    StanceScreen,
    parse_date,
)
from factcheck.tui.widgets.claim_list import ClaimList
from factcheck.tui.widgets.header import DeskHeader
from factcheck.tui.widgets.keybar import KeyBar
from factcheck.tui.widgets.sources import SourcesPane

demo_db = test_tui.demo_db
demo_with_sources = test_tui.demo_with_sources
settle, shown, workers_done = test_tui.settle, test_tui.shown, test_tui.workers_done
detail_text, list_text = test_tui.detail_text, test_tui.list_text


async def until(pilot, condition, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition() and time.monotonic() < deadline:
        await pilot.pause(0.05)
    assert condition()


def notices(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


def texts(db: str) -> list[str]:
    with Store(db) as store:
        return [c["text"] for c in store.claims()]


async def typed(pilot, text: str) -> None:
    await pilot.press(*[{" ": "space", "+": "plus", ".": "full_stop"}.get(ch, ch)
                        for ch in text])


# ---------------------------------------------------------------- claims under the hand

async def test_edit_split_merge_hide_and_add_from_the_desk_each_undone(demo_db):
    app = FactcheckApp(db=demo_db, editor="alice")
    async with app.run_test(size=(120, 40)) as pilot:
        await shown(app, pilot)
        claims = app.query_one(ClaimList)
        before = texts(demo_db)
        # E: the text, edited
        await pilot.press("j", "j", "E")
        await pilot.pause()
        box = app.screen.query_one("#claim-text")
        box.value = "Meta a investi 14,8 milliards de dollars dans Scale AI."
        await pilot.press("enter")
        await settle(app, pilot)
        await until(pilot, lambda: texts(demo_db)[2].startswith("Meta a investi 14,8"))
        assert claims.current.seq == 3 and "14,8" in claims.current.text
        assert any("u undoes it" in n for n in notices(app))
        await pilot.press("u")
        await settle(app, pilot)
        await until(pilot, lambda: texts(demo_db) == before)
        # S: split where the cursor is put
        await pilot.press("S")
        await pilot.pause()
        box = app.screen.query_one("#split-text")
        box.cursor_position = box.value.index("pour acquérir")
        await pilot.press("enter")
        await settle(app, pilot)
        await until(pilot, lambda: len(texts(demo_db)) == 12)
        assert len(app.state.rows) == 12 and claims.current.seq == 3
        assert app.state.rows[3].text.startswith("pour acquérir")
        await pilot.press("u")
        await settle(app, pilot)
        await until(pilot, lambda: texts(demo_db) == before)
        assert len(app.state.rows) == 11
        # M: merged with the next; the notification says how to take it back
        await pilot.press("M")
        await settle(app, pilot)
        await until(pilot, lambda: len(texts(demo_db)) == 10)
        assert any("merged" in n and "u undoes it" in n for n in notices(app))
        await pilot.press("u")
        await settle(app, pilot)
        await until(pilot, lambda: texts(demo_db) == before)
        # H: hidden as not a claim, out of the counts; the cursor goes on to the next
        await pilot.press("g", "H")
        await settle(app, pilot)
        await until(pilot, lambda: len(app.state.rows) == 10)
        assert claims.current.seq == 2
        header = app.query_one(DeskHeader).line(160).plain
        assert "pending 10" in header
        # . lists it again, dimmed and marked (with the split-off claim the undo withdrew)
        await pilot.press("full_stop")
        await pilot.pause()
        assert len(app.state.rows) == 12 and "·hidden·" in list_text(app)
        assert [r.hidden for r in app.state.rows if r.hidden] == ["not a claim", "withdrawn"]
        await pilot.press("full_stop", "u")
        await settle(app, pilot)
        await until(pilot, lambda: len(app.state.rows) == 11)
        assert claims.current.seq == 1  # back on the claim shown again
        # +: a claim the segmenter missed
        await pilot.press("plus")
        await pilot.pause()
        await typed(pilot, "Une phrase oubliée, 3 milliards.")
        await pilot.press("enter")
        await settle(app, pilot)
        await until(pilot, lambda: len(texts(demo_db)) == 12)
        assert claims.current.text == "Une phrase oubliée, 3 milliards."
        await shown(app, pilot)
        assert "no span in the article" in detail_text(app)
        with Store(demo_db) as store:
            actions = [e["action"] for c in store.claims(hidden=True)
                       for e in store.history(c["id"])]
        assert {"edit", "split", "merge", "hide", "unhide", "add"} <= set(actions)


async def test_another_editors_claim_edit_shows_within_two_seconds(demo_db):
    from factcheck import editing

    app = FactcheckApp(db=demo_db, editor="bob")
    async with app.run_test(size=(120, 40)) as pilot:
        await shown(app, pilot)
        with Store(demo_db) as store:
            first, second = store.claims()[:2]
            editing.hide(store, first["id"], editor="alice")
            editing.edit(store, second["id"], "Une autre phrase, 12 %.", editor="alice")
        deadline = time.monotonic() + 2.0
        while time.monotonic() < deadline and len(app.state.rows) != 10:
            await pilot.pause(0.1)
        assert len(app.state.rows) == 10
        await until(pilot, lambda: app.state.rows[0].text == "Une autre phrase, 12 %.", 2.0)


# ---------------------------------------------------------------- undo for everything

async def test_notes_links_unlinks_and_labels_are_undone_and_each_undo_recorded(
        demo_with_sources):
    app = FactcheckApp(db=demo_with_sources, editor="alice")
    async with app.run_test(size=(140, 45)) as pilot:
        await pilot.press("j", "j")
        await shown(app, pilot)
        claim_id = app.query_one(ClaimList).current.id
        await pilot.press("n")
        await pilot.pause()
        await typed(pilot, "vu chez Reuters")
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("L")
        await pilot.pause()
        await typed(pilot, "Trompeur")
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("tab", "tab", "enter")  # link the first suggestion
        await pilot.pause()
        assert isinstance(app.screen, StanceScreen)
        await pilot.press("c")
        await settle(app, pilot)
        await workers_done(app)
        await pilot.pause(0.3)
        pane = app.query_one(SourcesPane)
        linked_id = next(s["id"] for k, s in pane.entries if k == "linked")
        assert pane.selected()[1].get("id") == linked_id  # the highlight stayed on it
        await pilot.press("x")
        await settle(app, pilot)
        assert any("u links it again" in n for n in notices(app))
        with Store(demo_with_sources) as store:
            assert sources.linked_sources(store, claim_id) == []
        for _ in range(4):  # unlink, link, label, note: each taken back in turn
            await pilot.press("u")
            await settle(app, pilot)
            await workers_done(app)
        with Store(demo_with_sources) as store:
            history = store.history(claim_id)
            claim = store.claim(claim_id)
        actions = [e["action"] for e in history]
        assert actions == ["note", "note", "link", "unlink", "link", "unlink", "note",
                           "retract"]
        assert claim["verdict_label"] is None and "link" in actions
        await pilot.press("u")
        await settle(app, pilot)
        assert any("Nothing to undo" in n for n in notices(app))


async def test_marking_with_the_status_it_has_records_nothing_and_cannot_be_undone(demo_db):
    app = FactcheckApp(db=demo_db, editor="alice")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p")
        await settle(app, pilot)
        assert app.query_one(ClaimList).cursor == 1  # it walks on all the same
        with Store(demo_db) as store:
            assert store.history(store.claims()[0]["id"]) == []
        assert app.state.pop_undo() is None
        assert any("Already pending" in n for n in notices(app))


async def test_a_refused_verdict_leaves_the_cursor_on_the_claim(demo_db):
    seen: list = []
    app = FactcheckApp(db=demo_db, editor="bob")
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        app.watching = False
        await shown(app, pilot)
        claim_id = app.state.rows[0].id
        with Store(demo_db) as store:
            store.mark(claim_id, "verified", editor="alice")
        await pilot.press("d")
        await until(pilot, lambda: any(isinstance(m, WriteRefused) for m in seen))
        await pilot.pause()
        assert app.query_one(ClaimList).current.id == claim_id
        assert app.state.row(claim_id).status == "verified"


# ---------------------------------------------------------------- small things

async def test_the_text_filter_ignores_case_and_accents(demo_db):
    app = FactcheckApp(db=demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"depense", "enter")
        await pilot.pause()
        assert [r.seq for r in app.query_one(ClaimList).rows] == [1]  # « dépense »
        await pilot.press("escape", "slash", *"SCALE", "enter")
        await pilot.pause()
        assert [r.seq for r in app.query_one(ClaimList).rows] == [3]


async def test_j_k_move_in_the_sources_pane_and_pane_keys_hint_in_the_list(
        demo_with_sources):
    app = FactcheckApp(db=demo_with_sources)
    async with app.run_test(size=(140, 45)) as pilot:
        await pilot.press("j", "j")
        await shown(app, pilot)
        await pilot.press("o")
        await pilot.pause()
        assert any("works in the sources pane" in n for n in notices(app))
        await pilot.press("tab", "tab")
        pane = app.query_one(SourcesPane)
        assert app.focused is pane and pane.highlighted == 0
        await pilot.press("j", "j", "k")
        assert pane.highlighted == 1


async def test_conflicting_sources_first_counted_and_their_evidence_kept_when_linked(
        demo_with_sources):
    app = FactcheckApp(db=demo_with_sources, editor="alice")
    async with app.run_test(size=(140, 45)) as pilot:
        await pilot.press("j", "j")
        await shown(app, pilot)
        pane = app.query_one(SourcesPane)
        clashing = [s for k, s in pane.entries if (s.get("evidence") or {}).get(
            "numbers_conflicting")]
        assert clashing and pane.entries[0][1] is clashing[0]
        assert f"{len(clashing)} conflicting" in pane.border_title
        await pilot.press("tab", "tab", "enter", "c")  # linked as context
        await settle(app, pilot)
        await workers_done(app)
        await pilot.pause(0.3)
        kind, linked = pane.entries[0]
        assert kind == "linked" and linked["stance"] == "context"
        assert "≠" in pane.get_option_at_index(0).prompt.plain


async def test_an_untitled_source_shows_its_publisher_and_a_short_url(demo_db):
    long_url = "https://www.example.org/" + "/".join(["rubrique"] * 12) + "/rapport-2025"
    with Store(demo_db) as store:  # as a third-party sources file may hold it
        with store.transaction() as conn:
            conn.execute("INSERT INTO sources (url, publisher, text, added_at) VALUES"
                         " (?, 'Le Monde', 'Meta a investi 14,3 milliards de dollars.', 'x')",
                         (long_url,))
        src_id = store.conn.execute("SELECT max(id) FROM sources").fetchone()[0]
        claim_id = store.claims()[2]["id"]
        sources.link(store, claim_id, src_id, "supports", editor="alice")
    app = FactcheckApp(db=demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "j")
        await shown(app, pilot)
        await pilot.pause(0.3)
        prompt = app.query_one(SourcesPane).get_option_at_index(0).prompt.plain
        assert "Le Monde · example.org/…/rapport-2025" in prompt
        assert long_url not in prompt


async def test_help_explains_every_mark(demo_db):
    app = FactcheckApp(db=demo_db)
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = test_snapshots.screen_text(app)
        body = app.screen.query_one("#help-body")
        while body.scroll_offset.y < body.max_scroll_y:
            body.scroll_page_down(animate=False)
            await pilot.pause()
            text += test_snapshots.screen_text(app)
        for mark in ("⚠", "≈", "§", "○", "✔", "✘", "…", "·hidden·", "≠", "∅"):
            assert mark in text, mark


@pytest.mark.parametrize("typed_date, iso", [
    ("2025-06-13", "2025-06-13"), ("13/06/2025", "2025-06-13"), ("13 juin 2025", "2025-06-13"),
    ("1er juin 2025", "2025-06-01"), ("June 13, 2025", "2025-06-13"), ("13 août 2025",
                                                                      "2025-08-13"),
    ("2025-06", "2025-06"), ("31/02/2025", None), ("demain", None)])
def test_the_source_form_reads_dates_as_editors_type_them(typed_date, iso):
    assert parse_date(typed_date) == iso


# ---------------------------------------------------------------- every terminal size

async def test_at_80_by_24_the_list_header_and_key_bar_keep_what_matters(demo_db):
    app = FactcheckApp(db=demo_db, editor="alice")
    async with app.run_test(size=(80, 24)) as pilot:
        await shown(app, pilot)
        assert app.screen.has_class("narrow")
        first = app.query_one(ClaimList).render_line(0).text
        assert len(first.split("  ", 3)[-1].strip().rstrip("…")) >= 40, first
        header = app.query_one(DeskHeader).render_line(0).text
        assert "○ 11" in header and "alice" in header and header.startswith(" factcheck")
        bar = app.query_one(KeyBar).render().plain
        for words in ("v Verified", "d Disputed", "u Undo", "e Export", "i Import", "? Help",
                      "q Quit"):
            assert words in bar
        await pilot.press("z")  # the list alone
        await pilot.pause()
        assert not app.query_one("#right").display
        await pilot.press("z")
        await pilot.pause()
        assert app.query_one("#right").display


async def test_a_long_editor_name_stays_whole_at_160_columns(demo_db):
    app = FactcheckApp(db=demo_db, editor="Marie-Christine de La Villemarqué")
    async with app.run_test(size=(160, 45)) as pilot:
        await shown(app, pilot)
        header = app.query_one(DeskHeader).render_line(0).text
        assert "editor: Marie-Christine de La Villemarqué" in header
        assert "pending 11" in header


# ---------------------------------------------------------------- the import dialog

async def test_a_dialog_dismissed_twice_takes_only_itself_off(demo_db, tmp_path):
    """Textual's dismiss pops whatever screen is on top: Enter pressed twice in the import
    dialog, or its dismissal while another screen was over it, took the wrong screen off
    (and a second dismissal had nothing but the desk left to pop)."""
    app = FactcheckApp(db=demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ImportScreen)
        app.push_screen(HelpScreen([]))  # something over it
        await pilot.pause()
        dialog.dismiss(None)
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)  # not taken off in its place
        await pilot.press("escape")
        await pilot.pause(0.3)
        assert app.screen is app.desk and dialog not in app.screen_stack
        assert app.focused is app.query_one(ClaimList)
        await pilot.press("i")
        await pilot.pause()
        second = app.screen
        second.dismiss(None)
        second.dismiss(None)  # twice: the desk stays
        await pilot.pause()
        assert app.screen is app.desk and len(app.screen_stack) == 1
        assert app.focused is app.query_one(ClaimList)


async def test_the_desk_comes_back_whole_when_the_terminal_grows_under_a_dialog(demo_db):
    app = FactcheckApp(db=demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.resize_terminal(40, 10)
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause(0.3)
        assert not app.desk.has_class("too-small")
        assert app.focused is app.query_one(ClaimList)
        await pilot.press("j")
        assert app.query_one(ClaimList).cursor == 1


async def test_an_import_that_lands_while_a_dialog_is_open_leaves_it_the_keys(demo_db,
                                                                             tmp_path):
    second = tmp_path / "second.txt"
    second.write_text("La ville a dépensé 3 millions d’euros en 2024.", encoding="utf-8")
    seen: list = []
    app = FactcheckApp(db=demo_db)
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        await pilot.press("i")
        await pilot.pause()
        await typed(pilot, str(second))
        await pilot.press("enter", "enter", "n")  # a note dialog opens before it lands
        await until(pilot, lambda: any(isinstance(m, Imported) for m in seen))
        await pilot.pause(0.2)
        assert isinstance(app.screen, Dialog) and app.focused.id == "note-input"
        await typed(pilot, "ok")
        assert app.focused.value == "ok"


async def test_the_import_says_why_it_failed(demo_db, tmp_path):
    seen: list = []
    app = FactcheckApp(db=demo_db)
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        for target in ("/dev/zero", str(tmp_path)):
            await pilot.press("i")
            await pilot.pause()
            await typed(pilot, target)
            await pilot.press("enter", "enter")
            await until(pilot, lambda: sum(isinstance(m, Failed) for m in seen) >= 1)
        await until(pilot, lambda: sum(isinstance(m, Failed) for m in seen) == 2)
        failed = [str(m.error) for m in seen if isinstance(m, Failed)]
        assert "not a regular file" in failed[0] and "folder" in failed[1]
        assert any("Import failed" in n for n in notices(app))


async def test_the_import_dialog_takes_a_url_and_respects_offline(demo_db, monkeypatch):
    from web_fixtures.server import serve

    monkeypatch.delenv("FACTCHECK_OFFLINE", raising=False)
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)
    seen: list = []
    with serve() as base:
        app = FactcheckApp(db=demo_db)
        async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
            await pilot.press("i")
            await pilot.pause()
            await typed(pilot, f"{base}/news/inflation-mai")
            await pilot.press("enter", "enter")
            await until(pilot, lambda: any(isinstance(m, Imported) for m in seen), 15)
            await pilot.pause(0.2)
            assert app.state.article["url"].startswith(base)
            await pilot.press("i")
            await pilot.pause()
            await typed(pilot, f"{base}/status/404")
            await pilot.press("enter", "enter")
            await until(pilot, lambda: any(isinstance(m, Failed) for m in seen), 15)
            assert "404" in str(next(m for m in seen if isinstance(m, Failed)).error)
            monkeypatch.setenv("FACTCHECK_OFFLINE", "1")
            await pilot.press("i")
            await pilot.pause()
            await typed(pilot, f"{base}/news/avignon-record")
            await pilot.press("enter")
            await pilot.pause()
            assert "offline" in str(app.screen.query_one("#import-error").render())


async def test_a_source_is_fetched_from_its_url_into_the_form(demo_db, monkeypatch):
    from web_fixtures.server import serve

    monkeypatch.delenv("FACTCHECK_OFFLINE", raising=False)
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)
    with serve() as base:
        app = FactcheckApp(db=demo_db, editor="alice")
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("a")
            await pilot.pause()
            await typed(pilot, f"{base}/news/inflation-mai")
            await pilot.press("enter")
            await until(pilot, lambda: app.screen.query_one("#src-title").value != "", 15)
            assert app.screen.query_one("#src-publisher").value
            app.screen.query_one("#src-text").focus()
            await pilot.press("enter", "s")
            await settle(app, pilot)
            await workers_done(app)
        with Store(demo_db) as store:
            claim_id = store.claims()[0]["id"]
            linked = sources.linked_sources(store, claim_id)
            assert [s["stance"] for s in linked] == ["supports"]
            assert store.snapshots(source_id=linked[0]["id"])  # the page as it was linked


# ---------------------------------------------------------------- nothing dropped, nothing obeyed

async def test_quitting_with_a_verdict_waiting_for_the_lock_says_so_and_asks(demo_db,
                                                                              monkeypatch):
    import factcheck.store.db as db

    monkeypatch.setattr(db, "BUSY_TIMEOUT_S", 0.2)
    holder = sqlite3.connect(demo_db, isolation_level=None)
    app = FactcheckApp(db=demo_db, editor="alice")
    async with app.run_test(size=(120, 40)) as pilot:
        await shown(app, pilot)
        holder.execute("BEGIN IMMEDIATE")  # another process holds the write lock
        await pilot.press("v")
        await pilot.pause(0.3)
        assert app.writer.pending == 1
        await pilot.press("q")
        await pilot.pause(0.2)
        assert app.is_running and any("1 change waiting for the database" in n
                                      for n in notices(app))
        await pilot.press("q")
        await pilot.pause(0.2)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # keep waiting
        holder.execute("COMMIT")  # the lock is let go: the verdict is written, then it quits
        deadline = time.monotonic() + 15
        while app.is_running and time.monotonic() < deadline:
            await pilot.pause(0.1)
        assert not app.is_running
    holder.close()
    assert test_tui.statuses(demo_db)[1] == "verified"


HOSTILE_TERMINAL = ["\x1b]52;c;aGVsbG8=\x07", "\x1b[2J", "\x9b31m", "\u202eevil\u202c",
                    "bell\x07"]


async def test_stored_text_never_reaches_the_terminal_as_a_command(db_path, tmp_path):
    """An escape sequence in an article's title or text, a note, an editor's name, a label,
    a source or an archive entry is shown as visible stand-ins in every view."""
    from factcheck.ingest import import_document
    from factcheck.text.document import parse_document

    bad = "".join(HOSTILE_TERMINAL)
    with Store(db_path) as store:
        result = import_document(store, parse_document(
            f"Meta a investi 14,3 milliards de dollars {bad} dans Scale AI.".encode(),
            "t.txt"), title=f"Titre {bad}")
        claim_id = store.claims()[0]["id"]
        store.add_note(claim_id, f"note {bad}", editor=f"ed{bad}")
        store.set_label(claim_id, f"label {bad}", editor=f"ed{bad}")
        src = sources.add_source(store, url="https://example.org/a", title="T",
                                 publisher="P", text=f"Meta 14,3 milliards {bad}")
        with store.transaction() as conn:  # refused at the door today; an older store may
            conn.execute("UPDATE sources SET title = ?, publisher = ? WHERE id = ?",  # hold it
                         (f"T {bad}", f"P {bad}", src["id"]))
        sources.link(store, claim_id, src["id"], "supports", note=f"n {bad}", editor="x")
        feed = tmp_path / "archive.jsonl"
        feed.write_text('{"id": "a1", "claim": "Meta a investi 14,3 milliards de dollars'
                        ' dans Scale AI \\u001b[2J", "verdict": "Faux \\u001b]52;c;x\\u0007",'
                        ' "url": "https://factuel.example/x", "title": "t \\u001b[2J"}\n',
                        encoding="utf-8")
        archive.import_file(store, str(feed))
    assert result.created
    app = FactcheckApp(db=db_path, editor=f"me{bad}")
    async with app.run_test(size=(160, 50)) as pilot:
        await shown(app, pilot)
        await pilot.pause(0.5)
        views = [app.query_one(DeskHeader).render_line(0).text, list_text(app),
                 detail_text(app)]
        pane = app.query_one(SourcesPane)
        views += [pane.get_option_at_index(i).prompt.plain for i in range(pane.option_count)
                  if isinstance(pane.get_option_at_index(i).prompt, object)
                  and hasattr(pane.get_option_at_index(i).prompt, "plain")]
        await pilot.press("tab", "tab", "o")
        await pilot.pause()
        views.append(str(app.screen.query_one("Static").render()))
        await pilot.press("escape", "A")
        await pilot.pause()
        picker = app.screen.query_one("#article-list")
        views.append(picker.get_option_at_index(0).prompt.plain)
        for view in views:
            for ch in ("\x1b", "\x07", "\x9b", "\u202e"):
                assert ch not in view, (ch, view)
        assert "␛" in "".join(views)
        svg = app.export_screenshot()
        assert "\x1b" not in svg and "\x07" not in svg
