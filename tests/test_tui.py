"""The desk, driven through Textual's Pilot: every key and state of issue 3."""

from __future__ import annotations

import asyncio
import sqlite3
import time

import pytest

from conftest import HOSTILE, SEED_ARTICLE
from factcheck.ingest import import_document
from factcheck.store import Store
from factcheck.text.display import printable
from factcheck.text.document import parse_document
from factcheck.tui.app import FactcheckApp
from factcheck.tui.widgets.claim_list import ClaimList
from factcheck.tui.widgets.detail import DetailView
from factcheck.tui.widgets.header import DeskHeader
from factcheck.tui.widgets.sources import SourcesPane


@pytest.fixture
def demo_db(db_path):
    with Store(db_path) as store:
        import_document(store, parse_document(SEED_ARTICLE.read_bytes(), SEED_ARTICLE.name),
                              title="Demo [bold]title[/]")
    return db_path


async def settle(app: FactcheckApp, pilot, timeout: float = 30.0) -> None:
    """Wait until every write has landed and the screen has caught up (the timeout only
    bounds a test that would hang: a loaded machine takes longer, a fast one returns at once)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        await pilot.pause(0.05)
        if app.writer.pending == 0 and not any(r.saving for r in app.state.rows):
            break
    await shown(app, pilot, deadline)


async def shown(app: FactcheckApp, pilot, deadline: float | None = None) -> None:
    """Wait until the detail pane shows the claim under the cursor (it waits for rest)."""
    deadline = deadline or time.monotonic() + 30
    while time.monotonic() < deadline:
        current = app.desk.query_one(ClaimList).current
        # shown, and no redraw of it still owed (one is owed after a write of its claim)
        if (current is None or app.shown_claim == current.id) \
                and app._detail_wanted_at is None:
            break
        await pilot.pause(0.05)
    await workers_done(app)
    await pilot.pause(0.05)


async def workers_done(app: FactcheckApp) -> None:
    """Wait for the workers; one replaced by a newer one (exclusive) is not waited for."""
    from textual.worker import WorkerCancelled

    for _ in range(100):
        try:
            await app.workers.wait_for_complete()
            return
        except WorkerCancelled:
            await asyncio.sleep(0.02)


def statuses(db_path: str) -> dict[int, str]:
    conn = sqlite3.connect(db_path)
    try:
        return dict(conn.execute("SELECT seq, status FROM claims"))
    finally:
        conn.close()


def detail_text(app) -> str:
    return app.query_one("#detail", DetailView).text.plain


def sources_of(app) -> list[tuple[str, dict]]:
    """What the sources pane lists, as (kind, record)."""
    return app.query_one(SourcesPane).entries


def list_text(app) -> str:
    widget = app.query_one(ClaimList)
    return "\n".join(widget.render_line(y).text for y in range(widget.size.height))


async def test_opens_with_the_list_focused_on_the_first_claim(demo_db):
    app = FactcheckApp(db=demo_db, editor="alice")
    async with app.run_test(size=(120, 40)) as pilot:
        await shown(app, pilot)
        claims = app.query_one(ClaimList)
        assert app.focused is claims and claims.cursor == 0
        assert claims.current.seq == 1 and len(claims.rows) == 11
        assert "Mark Zuckerberg ne recule" in detail_text(app)
        assert "Demo [bold]title[/]" in str(app.query_one("#header").render())


async def test_moving_with_j_k_arrows_g_and_G(demo_db):
    app = FactcheckApp(db=demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        claims = app.query_one(ClaimList)
        await pilot.press("j", "j", "down")
        assert claims.cursor == 3
        await pilot.press("k", "up")
        assert claims.cursor == 1
        await pilot.press("G")
        assert claims.cursor == 10
        await pilot.press("g")
        assert claims.cursor == 0
        await pilot.press("up")
        assert claims.cursor == 0
        await shown(app, pilot)
        assert "Mark Zuckerberg" in detail_text(app)


async def test_v_d_p_mark_and_move_to_the_next_claim(demo_db):
    app = FactcheckApp(db=demo_db, editor="alice")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("v", "d", "p")
        await settle(app, pilot)
        assert app.query_one(ClaimList).cursor == 3
        assert [statuses(demo_db)[i] for i in (1, 2, 3)] == ["verified", "disputed", "pending"]
        with Store(demo_db) as store:
            history = store.history(store.claims()[0]["id"])
        assert history[0]["editor"] == "alice" and history[0]["to"] == "verified"
        assert "✔ verified 1" in str(app.query_one("#header").render())


async def test_undo_restores_selects_and_records(demo_db):
    app = FactcheckApp(db=demo_db, editor="alice")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("v", "v", "j", "d")
        await settle(app, pilot)
        assert [statuses(demo_db)[i] for i in (1, 2, 4)] == ["verified", "verified", "disputed"]
        await pilot.press("u")
        await settle(app, pilot)
        assert statuses(demo_db)[4] == "pending"
        assert app.query_one(ClaimList).current.seq == 4
        await pilot.press("u", "u")
        await settle(app, pilot)
        assert [statuses(demo_db)[i] for i in (1, 2, 4)] == ["pending", "pending", "pending"]
        assert app.query_one(ClaimList).current.seq == 1
        await pilot.press("u")  # nothing left: says so, changes nothing
        await settle(app, pilot)
        with Store(demo_db) as store:
            events = store.history(store.claims()[3]["id"])
        assert [e["action"] for e in events] == ["status", "undo"]
        assert events[1]["from"] == "disputed" and events[1]["to"] == "pending"
        assert "undo of event" in events[1]["note"]


async def test_note_modal_saves_and_escape_cancels(demo_db):
    app = FactcheckApp(db=demo_db, editor="alice")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"cancel me", "escape")
        await pilot.press("n")
        await pilot.pause()
        for ch in "Checked [bold] vs Reuters":
            await pilot.press(ch if ch != " " else "space")
        await pilot.press("enter")
        await settle(app, pilot)
        with Store(demo_db) as store:
            history = store.history(store.claims()[0]["id"])
        assert [e["note"] for e in history] == ["Checked [bold] vs Reuters"]
        assert "Checked [bold] vs Reuters" in detail_text(app)


async def test_filters_by_text_and_status_and_sorts(demo_db):
    app = FactcheckApp(db=demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        claims = app.query_one(ClaimList)
        await pilot.press("slash", *"Scale", "enter")
        await pilot.pause()
        assert [r.seq for r in claims.rows] == [3]
        assert app.focused is claims
        await pilot.press("escape")
        assert len(claims.rows) == 11
        await pilot.press("v", "v")
        await settle(app, pilot)
        await pilot.press("f")  # pending
        assert all(r.status == "pending" for r in claims.rows) and len(claims.rows) == 9
        await pilot.press("f")  # verified
        assert [r.seq for r in claims.rows] == [3, 4]  # the cursor stayed on claim 3
        await pilot.press("f", "f")  # disputed, then all
        assert len(claims.rows) == 11
        await pilot.press("s")
        worth = [r.worth for r in claims.rows]
        # on top: the Scale AI figures (claim 3) or the $100M bonuses (claim 5)
        assert worth == sorted(worth, reverse=True) and claims.rows[0].seq in (3, 5)
        await pilot.press("s")
        assert [r.seq for r in claims.rows] == list(range(1, 12))


async def test_help_lists_every_key_and_palette_has_every_action(demo_db):
    app = FactcheckApp(db=demo_db)
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        from factcheck.tui.screens import HelpScreen

        assert isinstance(app.screen, HelpScreen)
        shown = " ".join(k for _, k, _ in app.help_rows())
        for key in ["j", "k", "g", "G", "v", "d", "p", "u", "n", "/", "f", "s", "?", "q",
                    "A", "i", "o", "a"]:
            assert key in shown.split(", ") or f" {key}" in f" {shown}", key
        await pilot.press("escape")
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {"Mark verified", "Mark disputed", "Mark pending", "Undo", "Add a note",
                "Filter by text", "Cycle status filter", "Switch article",
                "Import article"} <= titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert "CommandPalette" in type(app.screen).__name__


async def test_tab_moves_between_panes(demo_db):
    app = FactcheckApp(db=demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        seen = []
        for _ in range(3):
            seen.append(app.focused.id)
            await pilot.press("tab")
        assert seen == ["claims", "detail", "sources"]


async def test_hostile_markup_is_shown_literally(db_path, tmp_path):
    article = tmp_path / "hostile.txt"
    article.write_text("\n".join(f"{h} est une phrase." for h in HOSTILE), encoding="utf-8")
    with Store(db_path) as store:
        import_document(store, parse_document(article.read_bytes(), article.name),
                              title="[link=x]t[/link] [/")
    app = FactcheckApp(db=db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        for i in range(len(HOSTILE)):
            await shown(app, pilot)
            # shown as typed; a reading-order override shown, not obeyed
            assert printable(HOSTILE[i].split()[0]) in detail_text(app)
            await pilot.press("j")
        listing = list_text(app)
        assert "[bold]not bold[/bold]" in listing and "[/foo]" in listing
        await pilot.press("n", *"[/", "enter")
        await settle(app, pilot)
        await pilot.press("question_mark", "escape", "f", "f", "f", "f")


async def test_small_sizes_and_back(demo_db):
    app = FactcheckApp(db=demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not app.screen.has_class("too-small")
        for size in [(40, 12), (10, 4), (1, 1), (59, 30), (200, 60), (80, 24)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.press("j")
        assert not app.screen.has_class("too-small")
        await pilot.resize_terminal(30, 10)
        await pilot.pause()
        assert app.screen.has_class("too-small")


async def test_keys_still_move_the_cursor_after_the_terminal_was_too_small(demo_db):
    app = FactcheckApp(db=demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        claims = app.query_one(ClaimList)
        await pilot.press("j")
        await pilot.resize_terminal(40, 10)
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert app.focused is claims
        await pilot.press("j")
        await pilot.pause()
        assert claims.cursor == 2


async def test_two_editors_see_each_other_and_stale_edits_are_caught(demo_db):
    alice = FactcheckApp(db=demo_db, editor="alice")
    bob = FactcheckApp(db=demo_db, editor="bob")
    async with alice.run_test(size=(120, 40)) as pa, bob.run_test(size=(120, 40)) as pb:
        await pa.press("v")
        await settle(alice, pa)
        # bob sees alice's verdict without restarting (the desk looks every second or so;
        # the deadline only stops a test that would wait for ever)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and bob.state.rows[0].status != "verified":
            await pb.pause(0.1)
        assert bob.state.rows[0].status == "verified"
        # bob's copy of claim 2 goes stale: alice changes it, bob marks before refreshing
        bob.watching = False  # freeze bob's view
        await pa.press("d")
        await settle(alice, pa)
        await pb.press("j", "v")
        await settle(bob, pb)
        assert statuses(demo_db)[2] == "disputed"  # alice's verdict was not overwritten
        assert bob.state.rows[1].status == "disputed"  # bob now sees the new state


async def test_switching_and_importing_articles(demo_db, tmp_path):
    second = tmp_path / "second.md"
    second.write_text("# Second piece\n\nThe firm paid $2bn in 2024. It hired 300 people.\n",
                      encoding="utf-8")
    app = FactcheckApp(db=demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        for ch in str(second):
            await pilot.press(ch)
        await pilot.press("enter", "enter")
        await settle(app, pilot)
        await workers_done(app)
        await pilot.pause(0.2)
        assert app.state.article["title"] == "Second piece"
        assert len(app.query_one(ClaimList).rows) == 3  # the heading and two sentences
        await pilot.press("A")
        await pilot.pause()
        await pilot.press("up", "enter")
        await pilot.pause()
        assert app.state.article["title"] == "Demo [bold]title[/]"


async def test_empty_store_says_what_to_do(db_path):
    app = FactcheckApp(db=db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "press i to import" in detail_text(app).lower()
        await pilot.press("v", "j", "u", "n")


async def test_a_large_article_stays_responsive(db_path):
    body = "\n".join(f"La société numéro {i} a versé {i},5 millions d’euros à Paris en 2024."
                     for i in range(10_000))
    with Store(db_path) as store:
        import_document(store, parse_document(body.encode(), "big.txt"), title="Big")
    app = FactcheckApp(db=db_path)  # how fast it opens is measured by bench/tui_speed.py
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert len(app.query_one(ClaimList).rows) == 10_000
        await pilot.press("G", "v", "g", *["v"] * 20)
        await settle(app, pilot, timeout=20)
        assert statuses(db_path)[10_000] == "verified"
        assert sum(1 for s in statuses(db_path).values() if s == "verified") == 21


async def test_a_long_article_shows_its_first_rows_then_the_rest(db_path, monkeypatch):
    """The first paint does not wait for every row of a long article; the rest comes
    before any key is handled, so a key typed ahead (G) acts on the whole article."""
    import factcheck.tui.app as desk

    body = "\n".join(f"La société {i} a versé {i},5 millions d’euros." for i in range(30))
    with Store(db_path) as store:
        import_document(store, parse_document(body.encode(), "long.txt"), title="Long")
        store.mark(store.claims(limit=1)[0]["id"], "verified", editor="bob")
    monkeypatch.setattr(desk, "FIRST_ROWS", 5)
    held: list[bool] = []  # the call after the first paint is held back; later ones run
    finish = FactcheckApp._finish_first_rows
    monkeypatch.setattr(FactcheckApp, "_finish_first_rows",
                        lambda self: finish(self) if held else held.append(True))
    app = FactcheckApp(db=db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        claims = app.query_one(ClaimList)
        assert held and len(claims.rows) == 5 and claims.virtual_size.height == 30
        header = app.query_one(DeskHeader).render_line(0).text
        assert "30 claims, counting…" in header
        assert "Claims 30/30" in app.query_one("#left").border_title
        await pilot.press("G")  # the rest comes with the first key
        await pilot.pause()
        assert len(claims.rows) == 30 and claims.current.seq == 30
        header = app.query_one(DeskHeader).render_line(0).text
        assert "pending 29" in header and "verified 1" in header
        # rows read before and after are the same objects: a mark on a first row stays
        assert app.state.rows[:5] == claims.rows[:5] and app.state.rows[0].status == "verified"
        await workers_done(app)


async def test_the_desk_turns_the_collector_back_on_after_its_first_frame(demo_db):
    import gc

    gc.disable()  # as factcheck/__main__.py leaves it
    try:
        app = FactcheckApp(db=demo_db)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert gc.isenabled()
            await workers_done(app)
    finally:
        gc.enable()


async def test_a_key_typed_before_the_desk_is_up_goes_to_the_list(demo_db):
    """No hidden text box takes keys: the filter's box exists only once / opens it."""
    app = FactcheckApp(db=demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        assert not app.query("#filter")
        await pilot.press("G")
        await pilot.pause()
        assert app.query_one(ClaimList).current.seq == 11 and not app.state.text_filter
        await pilot.press("slash", *"Scale")
        await pilot.pause()
        assert app.query("#filter") and app.state.text_filter == "Scale"
        await pilot.press("escape")
        await pilot.pause()
        assert not app.query_one("#filter").display and not app.state.text_filter
        await workers_done(app)


def test_the_writer_commits_before_anything_is_shown_done(demo_db):
    """A verdict shown as done is in the database for any other reader."""

    async def scenario():
        app = FactcheckApp(db=demo_db)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("v")
            await settle(app, pilot)
            assert not app.state.rows[0].saving and app.state.rows[0].status == "verified"
            assert statuses(demo_db)[1] == "verified"

    asyncio.run(scenario())


@pytest.fixture
def demo_with_sources(demo_db):
    from conftest import SEEDS
    from factcheck.matching import sources

    with Store(demo_db) as store:
        sources.import_sources_file(store, str(SEEDS / "meta-ai-talent.sources.json"))
    return demo_db


async def test_sources_pane_links_a_suggestion_with_its_stance(demo_with_sources):
    from factcheck.matching import sources
    from factcheck.tui.screens import RecordScreen, StanceScreen

    app = FactcheckApp(db=demo_with_sources, editor="alice")
    async with app.run_test(size=(140, 45)) as pilot:
        await pilot.press("j", "j")  # the Scale AI claim
        await shown(app, pilot)
        kinds = [k for k, _ in sources_of(app)]
        assert kinds and set(kinds) == {"suggested"}
        await pilot.press("tab", "tab")
        assert app.focused.id == "sources"
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, RecordScreen)
        await pilot.press("escape", "enter")
        await pilot.pause()
        assert isinstance(app.screen, StanceScreen)
        await pilot.press("s")
        await settle(app, pilot)
        await workers_done(app)
        await pilot.pause(0.2)
        with Store(demo_with_sources) as store:
            claim_id = store.claims()[2]["id"]
            linked = sources.linked_sources(store, claim_id)
            assert [s["stance"] for s in linked] == ["supports"]
            assert store.history(claim_id)[-1]["action"] == "link"
        assert [k for k, _ in sources_of(app)][0] == "linked"
        assert app.state.rows[2].sources == 1


async def test_adding_a_source_by_hand_validates_the_form(demo_with_sources):
    from factcheck.matching import sources

    app = FactcheckApp(db=demo_with_sources, editor="alice")
    async with app.run_test(size=(140, 45)) as pilot:
        await pilot.press("tab", "tab", "a")
        await pilot.pause()
        for ch in "not a url":
            await pilot.press(ch if ch != " " else "space")
        await pilot.press("enter")
        await pilot.pause()
        assert "URL must start" in str(app.screen.query_one("#src-error").render())
        app.screen.query_one("#src-url").value = "https://example.org/new-report"
        app.screen.query_one("#src-title").value = "A new report"
        app.screen.query_one("#src-published").value = "13/06/2025"
        app.screen.query_one("#src-text").focus()
        await pilot.press("enter")
        await pilot.pause()
        from factcheck.tui.screens import StanceScreen

        assert isinstance(app.screen, StanceScreen)  # linked to the claim: with what stance?
        await pilot.press("c")
        await settle(app, pilot)
        await workers_done(app)
        with Store(demo_with_sources) as store:
            added = sources.source_by_url(store, "https://example.org/new-report")
            assert added["title"] == "A new report" and added["published"] == "2025-06-13"
            claim_id = store.claims()[0]["id"]
            assert [(s["id"], s["stance"]) for s in sources.linked_sources(store, claim_id)] \
                == [(added["id"], "context")]
        await pilot.pause(0.3)
        pane = app.query_one(SourcesPane)
        assert pane.selected()[1]["id"] == added["id"]  # the highlight is on it


async def test_duplicates_are_marked_and_a_verdict_can_be_reused(db_path, tmp_path):
    with Store(db_path) as store:
        import_document(store, parse_document(SEED_ARTICLE.read_bytes(), SEED_ARTICLE.name))
        long_id = store.claims()[2]["id"]
        store.mark(long_id, "verified", editor="alice", note="Reuters")
        short = ("Meta a déboursé 14,3 milliards de dollars pour 49 % de Scale AI, afin de "
                 "recruter son fondateur Alexandr Wang.")
        conflicting = ("Meta a investi 14,8 milliards de dollars pour acquérir 49 % de la "
                       "startup Scale AI et faire venir son fondateur de 28 ans, Alexandr Wang.")
        import_document(store, parse_document((short + "\n" + conflicting).encode(), "b.txt"),
                              title="Second")
    app = FactcheckApp(db=db_path, editor="bob")
    async with app.run_test(size=(140, 45)) as pilot:
        await shown(app, pilot)
        await pilot.pause(0.3)
        rows = app.state.rows
        assert rows[0].dupes >= 1 and rows[1].conflicts >= 1
        assert "Already verified" in detail_text(app) and "alice" in detail_text(app)
        await pilot.press("r")
        await settle(app, pilot)
        with Store(db_path) as store:
            claim = store.claim(rows[0].id)
            event = store.history(rows[0].id)[-1]
        assert claim["status"] == "verified"
        assert event["details"] == {"followed": long_id} and "alice" in event["note"]
        await pilot.press("k")  # back on the short claim
        await shown(app, pilot)
        await pilot.press("j")
        await shown(app, pilot)
        assert "conflict" in detail_text(app)  # the 14,8 claim shows its conflict
        await pilot.press("r")  # a conflict never lends its verdict
        await settle(app, pilot)
        with Store(db_path) as store:
            assert store.claim(rows[1].id)["status"] == "pending"


async def test_a_claim_checked_before_in_the_archive_shows_it_and_r_applies_it(demo_db, tmp_path):
    from factcheck.matching import archive

    feed = tmp_path / "archive.jsonl"
    feed.write_text(
        '{"id": "afp-1", "claim": "Meta a investi 14,3 milliards de dollars pour acquérir 49 % de'
        ' la startup d’étiquetage de données Scale AI afin de faire venir son fondateur de 28'
        ' ans, Alexandr Wang, à la tête de son équipe superintelligence", "verdict": "Trompeur",'
        ' "url": "https://factuel.example/scale-ai", "published": "2025-06-20",'
        ' "title": "Non, Meta n’a pas racheté Scale AI"}\n', encoding="utf-8")
    with Store(demo_db) as store:
        archive.import_file(store, str(feed))
        scale_id = store.claims()[2]["id"]
        assert archive.strong_match(store, scale_id) is not None
    app = FactcheckApp(db=demo_db, editor="alice")
    async with app.run_test(size=(140, 45)) as pilot:
        await pilot.press("j", "j")
        await shown(app, pilot)
        assert sources_of(app)[0][0] == "archive"
        assert app.archive_match["verdict"] == "Trompeur"
        await pilot.press("r")
        await settle(app, pilot)
    with Store(demo_db) as store:
        claim = store.claim(scale_id)
        event = store.history(scale_id)[-1]
    assert claim["status"] == "disputed"
    assert event["details"]["archive"] and "factuel.example" in event["note"]


async def test_key_bar_lists_the_keys_and_a_click_presses_one(demo_db):
    from factcheck.tui.widgets.keybar import KeyBar
    from factcheck.tui.screens import HelpScreen

    app = FactcheckApp(db=demo_db, editor="alice")
    async with app.run_test(size=(160, 30)) as pilot:
        await shown(app, pilot)
        bar = app.query_one(KeyBar)
        line = bar.render().plain
        for words in ("v Verified", "d Disputed", "p Pending", "u Undo", "e Export", "q Quit"):
            assert words in line
        start = next(s for s, e, key in bar._hits if key == "question_mark")
        await pilot.click(KeyBar, offset=(start + 1, 0))
        await pilot.pause(0.1)
        assert isinstance(app.screen, HelpScreen)


async def test_the_detail_scrolls_with_keys_and_the_wheel_and_rewraps_on_resize(demo_db):
    from textual import events

    app = FactcheckApp(db=demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await shown(app, pilot)
        detail = app.query_one("#detail", DetailView)
        assert detail.virtual_size.height > detail.scrollable_content_region.height
        first = detail.render_line(0).text
        assert "Claim" in first
        await pilot.press("tab")
        assert app.focused is detail
        await pilot.press("down", "down")
        assert detail.scroll_offset.y == 2
        detail.post_message(events.MouseScrollDown(detail, 1, 1, 0, 1, 0, False, False, False))
        await pilot.pause()
        assert detail.scroll_offset.y > 2
        await pilot.press("home")
        assert detail.scroll_offset.y == 0 and detail.render_line(0).text == first
        # narrower: the same text on more lines, each as wide as the pane
        lines = detail.virtual_size.height
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert detail.virtual_size.height > lines
        assert len(detail.render_line(0).text) == detail.scrollable_content_region.width
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert "Mark Zuckerberg ne recule" in detail_text(app)
        # another claim is shown from its first line
        await pilot.press("end")
        await pilot.press("shift+tab", "j")
        await shown(app, pilot)
        assert detail.scroll_offset.y == 0 and "Claim" in detail.render_line(0).text


async def test_showing_claims_never_lays_the_screen_out_again(demo_with_sources):
    """The detail and the sources change size inside fixed panes: a repaint, not a layout."""
    from textual import messages

    layouts: list = []

    def hook(message) -> None:
        if isinstance(message, messages.Layout):
            layouts.append(message.widget)

    app = FactcheckApp(db=demo_with_sources)
    async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
        await shown(app, pilot)
        layouts.clear()
        for _ in range(4):
            await pilot.press("j")
            await shown(app, pilot)
            # each claim's sources came (a claim no source bears on has none to show)
            assert app.query_one(SourcesPane).claim_id == app.shown_claim
        await pilot.press("v", "v")
        await settle(app, pilot)
        assert layouts == []


def test_sources_are_looked_up_in_a_helper_process_like_here(demo_with_sources, monkeypatch):
    """The helper answers what the desk would find itself, and ends with the desk."""
    from factcheck.tui.services import lookup

    with Store(demo_with_sources) as store:
        claim_ids = [c["id"] for c in store.claims()][:4]
        here = [lookup.sources_for(store, cid) for cid in claim_ids]
    helper = lookup.Lookups(demo_with_sources)
    helper.start()
    try:
        deadline = time.monotonic() + 20
        while not helper._ready and time.monotonic() < deadline:  # looked up here meanwhile
            assert helper.sources_for(claim_ids[0])[1] == here[0][1]
            time.sleep(0.05)
        assert helper._ready
        there = [helper.sources_for(cid) for cid in claim_ids]
        proc = helper._proc
        assert proc is not None and proc.poll() is None
    finally:
        helper.close()
    assert proc.wait(timeout=5) is not None
    for (l1, s1, c1), (l2, s2, c2) in zip(here, there):
        assert [s["source_id"] for s in s1] == [s["source_id"] for s in s2]
        assert [s["score"] for s in s1] == [s["score"] for s in s2]
        assert [s["id"] for s in l1] == [s["id"] for s in l2]
        assert (c1 or {}).get("id") == (c2 or {}).get("id")
    assert any(s for _, s, _ in there)  # the demo's claims have suggestions
    # no helper (it cannot start): the look-up is done in the caller's thread
    def refuse(*args, **kwargs):
        raise OSError("no processes here")

    monkeypatch.setattr(lookup.subprocess, "Popen", refuse)
    alone = lookup.Lookups(demo_with_sources)
    alone.start()
    assert alone.sources_for(claim_ids[0])[1] == here[0][1]
    alone.close()
