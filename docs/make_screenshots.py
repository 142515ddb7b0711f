"""Regenerate the README's pictures: the desk as SVG, the public HTML report as PNG (drawn
by headless Chromium, at a phone-and-a-half's width).

    .venv/bin/python docs/make_screenshots.py
"""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck import report  # noqa: E402
from factcheck.matching import sources  # noqa: E402
from factcheck.ingest import import_document  # noqa: E402
from factcheck.store import Store, verdicts  # noqa: E402
from factcheck.text.document import parse_document  # noqa: E402
from factcheck.tui.app import FactcheckApp  # noqa: E402


def demo_db(path: str) -> None:
    article = ROOT / "seeds" / "meta-ai-talent.fr.txt"
    with Store(path) as store:
        import_document(store, parse_document(article.read_bytes(), article.name),
                              title="Meta : le carnet de chèques ouvert de Zuckerberg",
                              language="fr", source="seeds/meta-ai-talent.fr.txt", editor="desk")
        sources.import_sources_file(store, str(ROOT / "seeds" / "meta-ai-talent.sources.json"))
        claims = store.claims()
        store.mark(claims[0]["id"], "verified", editor="alice", note="Les Echos, 1 July")
        store.mark(claims[1]["id"], "disputed", editor="alice")
        src = store.conn.execute("SELECT id FROM sources ORDER BY id LIMIT 1").fetchone()[0]
        sources.link(store, claims[2]["id"], src, "supports", editor="alice")
        store.mark(claims[2]["id"], "verified", editor="alice", note="Reuters: $14.3bn, 49 %")
        verdicts.rate(store, claims[2]["id"], "Vrai", editor="alice")
        verdicts.explain(store, claims[2]["id"], "Reuters et Les Echos donnent les mêmes"
                         " chiffres : 14,3 milliards de dollars pour 49 % de Scale AI.",
                         editor="alice")
        verdicts.rate(store, claims[4]["id"], "Trompeur", editor="bob")
        verdicts.explain(store, claims[4]["id"], "Sam Altman a bien cité 100 millions de"
                         " dollars, mais le directeur technique de Meta parle de"
                         " rémunérations étalées sur plusieurs années, pas de primes à la"
                         " signature.", editor="bob")
        verdicts.rate(store, claims[6]["id"], "Invérifiable", editor="bob")
        store.set_setting("org.name", "Le Desk")
        store.set_setting("org.url", "https://desk.example")
        store.set_setting("editor.alice.name", "Alice Martin")
        store.set_setting("editor.bob.name", "Bruno Okafor")


async def shoot(db: str) -> None:
    app = FactcheckApp(db=db, editor="alice")
    async with app.run_test(size=(140, 42)) as pilot:
        await pilot.press("j", "j")
        await app.workers.wait_for_complete()
        await pilot.pause(0.5)
        app.save_screenshot(str(ROOT / "docs" / "desk.svg"))


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "demo.db")
        demo_db(db)
        asyncio.run(shoot(db))
        page = Path(tmp) / "report.html"
        with Store(db) as store, open(page, "w", encoding="utf-8") as out:
            report.write(store, out, fmt="html", audience="public")
        chromium = shutil.which("chromium")
        if chromium:
            subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu",
                            "--disable-background-networking", "--disable-component-update",
                            "--disable-sync", "--no-first-run", f"--user-data-dir={tmp}/p",
                            "--hide-scrollbars", "--window-size=760,1500",
                            f"--screenshot={ROOT / 'docs' / 'report.png'}", page.as_uri()],
                           check=True, capture_output=True)


if __name__ == "__main__":
    main()
