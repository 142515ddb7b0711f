from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

import pytest

from factcheck.ingest import import_document

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_ARTICLE = SEEDS / "meta-ai-talent.fr.txt"

# Strings that have broken terminal apps and reports: every view must show them literally.
HOSTILE = [
    "[bold]not bold[/bold]",
    "claim [1] said [/foo]",
    "trailing [/",
    "[link=https://evil.example]click[/link]",
    "<script>alert(1)</script> <b>bold</b>",
    "=HYPERLINK(\"http://x\",\"y\")",
    "@SUM(1+1) +1 -1",
    "مرحبا بالعالم 👋🏽 עברית",
    "\u202eevil\u202c",
]


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_DB", str(tmp_path / "default.db"))
    monkeypatch.setenv("FACTCHECK_EDITOR", "tester")
    monkeypatch.delenv("FACTCHECK_DEBUG", raising=False)


@pytest.fixture
def db_path(tmp_path) -> str:
    return str(tmp_path / "fc.db")


@pytest.fixture
def seed_text() -> str:
    return SEED_ARTICLE.read_text(encoding="utf-8")


@pytest.fixture
def store(db_path):
    from factcheck.store import Store

    s = Store(db_path)
    yield s
    s.close()


@pytest.fixture
def seeded(store):
    from factcheck.text.document import parse_document

    doc = parse_document(SEED_ARTICLE.read_bytes(), SEED_ARTICLE.name)
    result = import_document(store, doc, title="Demo", source=str(SEED_ARTICLE))
    return store, result.article


def env_for_cli(db: str) -> dict:
    env = dict(os.environ)
    env["FACTCHECK_DB"] = db
    return env


# ------------------------------------------------------------ checked demos, for reports

FROZEN = datetime(2026, 12, 6, 9, 30, tzinfo=timezone.utc)

EN_ARTICLE = """The city council voted on Tuesday to move its 4,200 employees to a four-day week \
from 1 March 2026, the mayor's office said.

The trial will cost about £3.1 million in its first year, according to the council's finance \
committee.

Council leader Jane Porter said the change would cut sick leave by a third.

Critics argue the savings have been overstated, citing a similar scheme that was abandoned \
in 2019.

Union officials said they welcomed the plan.
"""


class _Frozen(datetime):
    @classmethod
    def now(cls, tz=None):
        return FROZEN if tz else FROZEN.replace(tzinfo=None)


@pytest.fixture
def frozen(monkeypatch):
    """Every timestamp the store and the report write is 6 December 2026, 09:30 UTC: the
    golden files hold dates as people read them, which a normalising pattern would miss."""
    import factcheck.store.db as db

    monkeypatch.setattr(db, "datetime", _Frozen)


@pytest.fixture
def demo(db_path, frozen):
    """The French demo, checked: sources linked, ratings, rationales, names for readers."""
    from factcheck.matching import sources
    from factcheck.store import Store, verdicts
    from factcheck.text.document import parse_document

    with Store(db_path) as store:
        import_document(store, parse_document(SEED_ARTICLE.read_bytes(), SEED_ARTICLE.name),
                              title="Meta : le carnet de chèques ouvert", language="fr",
                              source="seeds/meta-ai-talent.fr.txt",
                              url="https://example.org/meta-talents", editor="desk")
        sources.import_sources_file(store, str(SEEDS / "meta-ai-talent.sources.json"))
        claims = store.claims()
        scale, gross, bonus, llama = (claims[2]["id"], claims[3]["id"], claims[4]["id"],
                                      claims[6]["id"])
        ibt = sources.source_by_url(store, "https://www.ibtimes.com/meta-invests-143b-49-stake"
                                    "-scale-ai-boost-ai-capabilities-3775513")
        perigee = sources.source_by_url(store, "https://www.perigee.pro/news/meta-to-invest-"
                                        "nearly-15-billion-in-scale-ai")
        sources.link(store, scale, ibt["id"], "supports", note="Reuters figures",
                     editor="alice")
        sources.link(store, scale, perigee["id"], "refutes", editor="alice")
        store.mark(scale, "verified", editor="alice", note="14,3 Md$ confirmed by Reuters")
        verdicts.rate(store, scale, "plutot vrai", editor="alice")
        verdicts.explain(store, scale, "Reuters donne 14,3 milliards de dollars pour 49 %.\n"
                         "Perigee écrit « près de 15 milliards » : un arrondi.", editor="alice")
        store.mark(gross, "verified", editor="bob")
        store.mark(bonus, "disputed", editor="bob", note="Meta's CTO calls it dishonest")
        store.add_note(bonus, "Bosworth: total long-term pay", editor="bob")
        store.set_label(bonus, "Trompeur", editor="bob")
        verdicts.explain(store, bonus, "Les 100 millions de dollars cumulent plusieurs années"
                         " de rémunération, selon le directeur technique de Meta.",
                         editor="bob")
        verdicts.rate(store, llama, "Invérifiable", editor="alice")
        store.set_setting("org.name", "Le Desk")
        store.set_setting("org.url", "https://desk.example/verifications")
        store.set_setting("editor.alice.name", "Alice Martin")
    return db_path


@pytest.fixture
def demo_en(db_path, frozen):
    """An English article, checked the same way."""
    from factcheck.matching import sources
    from factcheck.store import Store, verdicts
    from factcheck.text.document import parse_document

    with Store(db_path) as store:
        import_document(store, parse_document(EN_ARTICLE.encode(), "council.txt"),
                        title="Council backs a four-day week", language="en",
                        source="council.txt", url="https://example.org/four-day-week",
                        editor="desk")
        claims = store.claims()
        by_text = {c["text"].split()[0] + c["text"].split()[1]: c["id"] for c in claims}
        src = sources.add_source(store, url="https://example.org/council/minutes-march",
                                 title="Minutes of the finance committee",
                                 publisher="City Council", published="2026-02-12",
                                 editor="alice")
        cost, porter = by_text["Thetrial"], by_text["Councilleader"]
        sources.link(store, cost, src["id"], "supports", editor="alice")
        verdicts.rate(store, cost, "true", editor="alice")
        verdicts.explain(store, cost, "The committee's minutes put the first year at"
                         " £3.07 million.", editor="alice")
        verdicts.rate(store, porter, "MOSTLY FALSE", editor="bob")
        verdicts.explain(store, porter, "No study backs a cut of a third.\n\nThe council's"
                         " own estimate is 12 %.", editor="bob")
        store.set_setting("org.name", "The Desk")
        store.set_setting("org.url", "https://desk.example/checks")
        store.set_setting("editor.alice.name", "Alice Martin")
        store.set_setting("editor.bob.name", "Bob Stone")
    return db_path


