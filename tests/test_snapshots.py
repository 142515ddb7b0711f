"""The desk's screens as text, at the smallest size it supports (80×24) and a large one
(160×45): the main screen, the help and the sources pane, compared with tests/snapshots/.

A change of layout shows here as a diff of the screen itself. After a deliberate change,
write the new screens with:

    FACTCHECK_UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/test_snapshots.py

(Text rather than SVG: the words and the box drawing are what the editor reads, and they
compare the same on every machine; pytest-textual-snapshot would pin pytest below 9.)
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from rich.console import Console

import test_tui
from factcheck.tui.app import FactcheckApp

SNAPSHOTS = Path(__file__).parent / "snapshots"
demo_with_sources = test_tui.demo_with_sources
demo_db = test_tui.demo_db


def screen_text(app: FactcheckApp) -> str:
    """What the terminal shows, as text (the lines of app.export_screenshot)."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True,
                      color_system=None, record=True, legacy_windows=False, safe_box=False)
    console.print(app.screen._compositor.render_update(
        full=True, screen_stack=app._background_screens))
    return "\n".join(line.rstrip() for line in console.export_text().splitlines()) + "\n"


def check(name: str, text: str) -> None:
    path = SNAPSHOTS / f"{name}.txt"
    if os.environ.get("FACTCHECK_UPDATE_SNAPSHOTS") or not path.exists():
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if not os.environ.get("FACTCHECK_UPDATE_SNAPSHOTS"):
            pytest.fail(f"{path.name} was missing: written, check it and run again")
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from {path}"


async def settled(app, pilot) -> None:
    await test_tui.shown(app, pilot)
    await pilot.pause(0.4)  # duplicate marks and sources come after the first paint
    await test_tui.workers_done(app)
    await pilot.pause(0.1)


SIZES = [(80, 24), (160, 45)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_main_screen(demo_with_sources, size):
    app = FactcheckApp(db=demo_with_sources, editor="alice")
    async with app.run_test(size=size) as pilot:
        await pilot.press("j", "j")
        await settled(app, pilot)
        check(f"main-{size[0]}x{size[1]}", screen_text(app))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_help_screen(demo_db, size):
    app = FactcheckApp(db=demo_db, editor="alice")
    async with app.run_test(size=size) as pilot:
        await settled(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause(0.2)
        check(f"help-{size[0]}x{size[1]}", screen_text(app))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_sources_pane(demo_with_sources, size):
    app = FactcheckApp(db=demo_with_sources, editor="alice")
    async with app.run_test(size=size) as pilot:
        await pilot.press("j", "j")
        await settled(app, pilot)
        await pilot.press("tab", "tab")
        if size[0] < 100:
            await pilot.press("z")  # a narrow terminal: the claim and its sources alone
        await pilot.press("j")
        await pilot.pause(0.2)
        check(f"sources-{size[0]}x{size[1]}", screen_text(app))


async def test_a_short_detail_pane_scrolls_to_the_claim_not_its_paragraph(demo_db):
    # at 80×24 the detail pane holds five lines: the header and the paragraph before the
    # claim would fill them, and the claim itself would be below the fold
    app = FactcheckApp(db=demo_db, editor="alice")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "j")
        await settled(app, pilot)
        detail = screen_text(app).splitlines()[10:17]
        assert any("L’entreprise a investi" in line for line in detail), "\n".join(detail)
        await pilot.press("k", "k")  # the first claim opens its paragraph: from the top
        await settled(app, pilot)
        assert "Claim 1 ·" in screen_text(app).splitlines()[11]
