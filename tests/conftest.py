from __future__ import annotations

import os
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
