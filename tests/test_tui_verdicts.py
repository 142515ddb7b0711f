"""The desk's verdicts for readers: t rates on the scale, w writes the rationale, e exports
for an audience and asks before replacing a file."""

from __future__ import annotations

import json

import pytest

import test_tui
from test_tui import detail_text, settle, shown
from factcheck.store import Store, verdicts
from factcheck.tui.app import FactcheckApp
from factcheck.tui.messages import Rated, RationaleSaved
from factcheck.tui.screens import ExportScreen, RatingScreen, RationaleScreen
from factcheck.tui.widgets.claim_list import ClaimList

demo_db = test_tui.demo_db  # the demo article in a fresh store


def claim_row(db: str, seq: int) -> dict:
    with Store(db) as store:
        claim = next(c for c in store.claims() if c["seq"] == seq)
        claim["history"] = store.history(claim["id"])
    return claim


async def test_t_opens_the_scale_and_a_digit_rates_the_claim(demo_db):
    posted = []
    app = FactcheckApp(db=demo_db, editor="alice")
    async with app.run_test(size=(120, 40), message_hook=posted.append) as pilot:
        await shown(app, pilot)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, RatingScreen)
        await pilot.press("3")  # Trompeur, the third rating of the default scale
        await settle(app, pilot)
        assert not isinstance(app.screen, RatingScreen)
        first = claim_row(demo_db, 1)
        assert (first["status"], first["verdict_label"]) == ("disputed", "Trompeur")
        assert app.query_one(ClaimList).current.seq == 2  # on to the next claim
        rated = [m for m in posted if isinstance(m, Rated)]
        assert [(m.before, m.after, m.rating) for m in rated] == [
            ("pending", "disputed", "Trompeur")]
        await pilot.press("k")
        await shown(app, pilot)
        assert "Rating   Trompeur" in detail_text(app)


async def test_v_and_d_ask_for_nothing_and_a_rating_from_the_list_works_too(demo_db):
    app = FactcheckApp(db=demo_db, editor="alice")
    async with app.run_test(size=(120, 40)) as pilot:
        await shown(app, pilot)
        await pilot.press("v", "d")
        await settle(app, pilot)
        assert app.screen is app.desk
        assert (claim_row(demo_db, 1)["status"], claim_row(demo_db, 2)["status"]) == (
            "verified", "disputed")
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("down", "enter")  # the second rating: Plutôt vrai
        await settle(app, pilot)
        assert claim_row(demo_db, 3)["verdict_label"] == "Plutôt vrai"
        await pilot.press("t", "escape")  # cancelled: nothing written
        await settle(app, pilot)
        assert claim_row(demo_db, 4)["history"] == []


async def test_u_takes_back_a_rating_with_its_label(demo_db):
    app = FactcheckApp(db=demo_db, editor="alice")
    async with app.run_test(size=(120, 40)) as pilot:
        await shown(app, pilot)
        await pilot.press("t", "5")  # Faux
        await settle(app, pilot)
        assert claim_row(demo_db, 1)["verdict_label"] == "Faux"
        await pilot.press("u")
        await settle(app, pilot)
        first = claim_row(demo_db, 1)
        assert (first["status"], first["verdict_label"]) == ("pending", None)
        assert first["history"][-1]["action"] == "undo"


async def test_w_edits_the_rationale_on_several_lines_and_escape_cancels(demo_db):
    posted = []
    app = FactcheckApp(db=demo_db, editor="alice")
    async with app.run_test(size=(120, 40), message_hook=posted.append) as pilot:
        await shown(app, pilot)
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, RationaleScreen)
        await pilot.press(*"cancelled", "escape")
        await pilot.pause()
        assert app.screen is app.desk
        await pilot.press("w")
        await pilot.pause()
        for key in [*"Selon", "space", *"[bold]", "enter", *"Insee."]:
            await pilot.press(key)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        claim = claim_row(demo_db, 1)
        assert verdicts.rationale_of(claim["history"])["text"] == "Selon [bold]\nInsee."
        assert [m.text for m in posted if isinstance(m, RationaleSaved)] == [
            "Selon [bold]\nInsee."]
        assert "Selon [bold]" in detail_text(app)
        await pilot.press("w")  # opens with the text to edit
        await pilot.pause()
        assert app.screen.query_one("#rationale-text").text == "Selon [bold]\nInsee."


async def test_ctrl_s_right_after_fast_typing_saves_every_character(demo_db):
    # Typed or pasted over SSH, the last characters may still wait in the editor's queue
    # when ctrl+s (a priority key, handled by the app at once) arrives: they were lost.
    from textual import events

    app = FactcheckApp(db=demo_db, editor="alice")
    async with app.run_test(size=(120, 40)) as pilot:
        await shown(app, pilot)
        await pilot.press("w")
        await pilot.pause()
        typed = "Confirmé par Reuters et Bloomberg."
        for ch in typed:  # all queued before the app handles any of them
            app.post_message(events.Key(ch if ch != " " else "space", ch))
        app.post_message(events.Key("ctrl+s", None))
        await settle(app, pilot)
        claim = claim_row(demo_db, 1)
        assert verdicts.rationale_of(claim["history"])["text"] == typed


@pytest.fixture
def long_title_db(demo_db):
    with Store(demo_db) as store:
        store.conn.execute("UPDATE articles SET title = 'Zuckerberg : le carnet de chèques"
                           " ouvert de Meta pour les talents de l’intelligence artificielle'")
    return demo_db


async def test_export_offers_audience_and_organisation_and_asks_before_replacing(
        long_title_db, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = FactcheckApp(db=long_title_db, editor="alice")
    async with app.run_test(size=(120, 40)) as pilot:
        await shown(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        path = dialog.query_one("#export-path").value
        # cut after a whole word, accents folded
        assert path == "exports/zuckerberg-le-carnet-de-cheques-ouvert-de-meta-report.html"
        assert dialog.audience == "public"
        dialog.query_one("#export-format").focus()
        await pilot.press("i")
        assert dialog.audience == "internal"
        await pilot.press("p")
        dialog.query_one("#export-org-name").value = "Le Desk"
        dialog.query_one("#export-org-url").value = "javascript:alert(1)"
        dialog.query_one("#export-path").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog  # refused: not a web address
        dialog.query_one("#export-org-url").value = "https://desk.example"
        dialog.query_one("#export-path").focus()
        await pilot.press("enter")
        await settle(app, pilot)
        await app.workers.wait_for_complete()
        page = tmp_path / path
        assert page.exists() and "Le Desk" in page.read_text(encoding="utf-8")
        with Store(long_title_db) as store:
            assert store.get_setting("org.name") == "Le Desk"
            assert store.get_setting("org.url") == "https://desk.example"
        page.write_text("keep me", encoding="utf-8")

        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert not dialog.query("#export-org-name")  # asked once: the settings have them
        dialog.query_one("#export-path").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog and page.read_text(encoding="utf-8") == "keep me"
        assert "exists" in str(dialog.query_one("#export-message").render())
        await pilot.press("enter")  # a second Enter replaces it
        await settle(app, pilot)
        await app.workers.wait_for_complete()
        assert "<!doctype html>" in page.read_text(encoding="utf-8")


async def test_claimreview_from_the_desk_uses_the_stored_organisation(demo_db, tmp_path,
                                                                      monkeypatch):
    monkeypatch.chdir(tmp_path)
    with Store(demo_db) as store:
        store.set_setting("org.name", "Le Desk")
        store.set_setting("org.url", "https://desk.example")
        verdicts.rate(store, store.claims()[0]["id"], "Vrai")
    app = FactcheckApp(db=demo_db, editor="alice")
    async with app.run_test(size=(120, 40)) as pilot:
        await shown(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#export-format").focus()
        await pilot.press("r")
        assert dialog.audience == "public"
        await pilot.press("enter")
        await settle(app, pilot)
        await app.workers.wait_for_complete()
    items = json.loads((tmp_path / "exports").glob("*.jsonld").__next__().read_text("utf-8"))
    assert items[0]["author"] == {"@type": "Organization", "name": "Le Desk",
                                  "url": "https://desk.example"}
