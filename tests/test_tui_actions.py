"""The desk's actions, declared once, and what its writer and workers report back."""

from __future__ import annotations

import time
from functools import partial

import test_tui
from factcheck.store import Store
from factcheck.tui import actions
from factcheck.tui.app import FactcheckApp
from factcheck.tui.messages import Failed, Marked, NoteSaved, WriteFailed, WriteRefused
from factcheck.tui.services.writer import Writer
from factcheck.tui.widgets.claim_list import ClaimList
from factcheck.tui.widgets.sources import SourcesPane

demo_db = test_tui.demo_db  # the demo article in a fresh store


async def until(pilot, condition, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition() and time.monotonic() < deadline:
        await pilot.pause(0.05)
    assert condition()


def every_binding():
    return [*FactcheckApp.BINDINGS, *ClaimList.BINDINGS, *SourcesPane.BINDINGS]


def test_the_bindings_are_the_tables_and_keep_their_keys():
    keys = {b.key: b.action for b in every_binding()}
    assert keys["v"] == "mark('verified')" and keys["down,j"] == "cursor_down"
    assert keys["x"] == "app.unlink_source" and keys["question_mark"] == "help"
    assert len(every_binding()) == sum(1 for a in actions.ACTIONS if a.bound)
    assert {b.id for b in FactcheckApp.BINDINGS} >= {"mark.verified", "undo", "quit"}


async def test_every_binding_is_in_the_palette_and_in_the_help(demo_db):
    app = FactcheckApp(db=demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        commands = list(app.get_system_commands(app.screen))
        titles = [c.title for c in commands]
        assert len(titles) == len(set(titles)), titles
        in_palette = {c.callback.args[0].action for c in commands
                      if isinstance(c.callback, partial)}
        help_rows = app.help_rows()
        for binding in every_binding():
            assert binding.action in in_palette, binding
            shown = ", ".join(actions.KEY_NAMES.get(k, k) for k in binding.key.split(","))
            assert any(keys == shown for _, keys, _ in help_rows), binding
        assert {"Unlink source", "Link source", "Reuse a verdict", "Keys and marks", "Quit",
                "Set verdict label", "Edit claim text", "Hide as not a claim"} <= set(titles)
        assert sum("Keys" in t for t in titles) == 1  # one help, not Textual's beside ours
        assert [where for where, _, _ in help_rows] == sorted(
            (where for where, _, _ in help_rows), key=actions.GROUPS.index)


async def test_a_palette_entry_runs_its_action_where_its_keys_work(demo_db):
    app = FactcheckApp(db=demo_db, editor="alice")
    async with app.run_test(size=(120, 40)) as pilot:
        claims = app.query_one(ClaimList)
        for title in ("Next claim", "Mark verified"):
            await pilot.press("ctrl+p")
            await pilot.pause()
            await pilot.press(*title)
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause(0.1)
        await until(pilot, lambda: app.writer.pending == 0 and not app.state.row(
            claims.rows[1].id).saving)
        assert claims.rows[1].status == "verified" and claims.cursor == 2


async def test_marks_and_their_undo_are_reported_as_messages(demo_db):
    seen: list = []
    app = FactcheckApp(db=demo_db, editor="alice")
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        def marked():
            return [m for m in seen if isinstance(m, Marked)]

        await pilot.press("v", "d")
        await until(pilot, lambda: len(marked()) == 2)
        first, second = marked()
        assert (first.before, first.after, first.undo) == ("pending", "verified", False)
        assert (second.before, second.after) == ("pending", "disputed")
        assert second.claim_id == app.state.rows[1].id and first.event_id < second.event_id
        await pilot.press("u")
        await until(pilot, lambda: len(marked()) == 3)
        undo = marked()[2]
        assert (undo.claim_id, undo.before, undo.after, undo.undo) == (
            second.claim_id, "disputed", "pending", True)
        assert app.state.pop_undo().claim_id == first.claim_id  # the undo is not undoable


async def test_a_mark_on_a_stale_copy_is_refused_with_the_claim_as_stored(demo_db):
    seen: list = []
    app = FactcheckApp(db=demo_db, editor="bob")
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        app.watching = False  # bob does not see alice's verdict come in
        await pilot.pause()
        claim_id = app.state.rows[0].id
        with Store(demo_db) as store:
            store.mark(claim_id, "verified", editor="alice")
        await pilot.press("d")
        await until(pilot, lambda: any(isinstance(m, WriteRefused) for m in seen))
        refused = next(m for m in seen if isinstance(m, WriteRefused))
        assert refused.claim_id == claim_id and refused.status_change
        assert refused.current["status"] == "verified" and "alice" in refused.reason
        row = app.state.row(claim_id)
        assert (row.status, row.saving) == ("verified", False)
        assert not any(isinstance(m, Marked) for m in seen)


async def test_an_import_that_fails_says_so_once(demo_db, tmp_path):
    seen: list = []
    app = FactcheckApp(db=demo_db)
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        await pilot.press("i")
        await pilot.pause()
        await pilot.press(*str(tmp_path / "missing.txt"), "enter", "enter")
        await until(pilot, lambda: any(isinstance(m, Failed) for m in seen))
        failed = [m for m in seen if isinstance(m, Failed)]
        assert len(failed) == 1 and failed[0].what == "Import"
        assert app.state.article["title"] == "Demo [bold]title[/]"


def test_the_writer_answers_each_write_in_order_with_one_message(demo_db):
    with Store(demo_db) as store:
        first, second = [c["id"] for c in store.claims()[:2]]
    posted: list = []
    writer = Writer(demo_db, posted.append)
    writer.submit(lambda st: st.mark(first, "verified", editor="a", expected_version=1),
                  lambda event: Marked(first, 1, "pending", "verified", event["id"]),
                  claim_id=first, status_change=True)
    writer.submit(lambda st: st.mark(first, "disputed", editor="a", expected_version=1),
                  lambda event: Marked(first, 1, "verified", "disputed", event["id"]),
                  claim_id=first, status_change=True)  # a stale copy: refused
    writer.submit(lambda st: st.add_note(second, "seen", editor="a"),
                  lambda _: NoteSaved(second), claim_id=second)
    writer.submit(lambda st: st.mark(999_999, "verified", editor="a"),
                  lambda event: Marked(999_999, 1, "pending", "verified", event["id"]))
    writer.close()
    assert [type(m) for m in posted] == [Marked, WriteRefused, NoteSaved, WriteFailed]
    assert posted[1].current["status"] == "verified" and posted[1].status_change
    assert posted[3].claim_id is None and "999999" in str(posted[3].error)
    assert writer.pending == 0
    with Store(demo_db) as store:
        assert store.claim(first)["status"] == "verified"
