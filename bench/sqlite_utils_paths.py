"""Each write path of the store, as written (raw sqlite3), beside the same write through
sqlite-utils, and what importing sqlite-utils costs a command.

Every pair runs on the same rows, into the same factcheck schema (a fresh store per round),
in the same transaction shape, round-robin so the machine's drift hits both alike; the
ratio is factcheck's time over sqlite-utils' (below 1: factcheck's is faster), the median
of the rounds. The rows are prepared outside the timing: only the writes are compared.

- article: ``Store.insert_article`` (one executemany of the claims, their full-text rows
  added with the texts in hand) against ``insert`` + ``insert_all`` of the same rows, and
  against sqlite-utils' usual full-text set-up, a trigger per row (``enable_fts`` with
  ``create_triggers=True``), which migration 4 took out of the schema.
- sources: ``upsert_sources`` (staged chunks, merged field by field, one INSERT … SELECT
  per chunk) against ``upsert_all`` keyed on the canonical URL.
- archive: ``import_records`` (row by row: an id and a URL that name two entries are
  refused) against ``upsert_all`` keyed on the id, which cannot see that conflict.
- start-up: ``python -c "import factcheck.cli"`` with and without ``import sqlite_utils``,
  in fresh processes.

    .venv/bin/python bench/sqlite_utils_paths.py [--quick] [--repeats 5]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

import sqlite_utils  # noqa: E402
from common import generate_article, machine_line, quick_requested, result_row  # noqa: E402
from suggest_speed import synthetic  # noqa: E402

from factcheck.analysis.pipeline import build_claims  # noqa: E402
from factcheck.matching.archive import parse as archive_parse  # noqa: E402
from factcheck.matching.archive import service as archive_service  # noqa: E402
from factcheck.matching.sources import records as source_records  # noqa: E402
from factcheck.matching.sources import repo as source_repo  # noqa: E402
from factcheck.store import Store, json_text, now  # noqa: E402
from factcheck.text.document import content_hash  # noqa: E402

SEED = BENCH.parent / "factcheck" / "demo" / "meta-ai-talent.fr.txt"
CLAIMS_AI = ("CREATE TRIGGER claims_ai AFTER INSERT ON claims BEGIN "
             "INSERT INTO claims_fts(rowid, text) VALUES (new.id, new.text); END")


# ---------------------------------------------------------------- articles

def prepared_articles(n: int) -> list[dict]:
    rng = random.Random(16)
    seed_text = SEED.read_text(encoding="utf-8")
    out = []
    for i in range(n):
        lang = "fr" if i % 5 < 3 else "en"
        text = generate_article(rng, lang, seed_text)
        rows = list(build_claims(text, lang))
        out.append({"text": text, "sha256": content_hash(text), "lang": lang, "rows": rows,
                    "facets_json": [json_text(r["facets"]) for r in rows]})
    return out


def articles_ours(store: Store, articles: list[dict]) -> int:
    for a in articles:
        store.insert_article(text=a["text"], sha256=a["sha256"], title="bench",
                             language=a["lang"], source=None, fmt="txt", encoding="utf-8",
                             url=None, editor="bench", claims=a["rows"],
                             facets_json=a["facets_json"])
    return store.claim_count()


def _article_row(a: dict) -> dict:
    return {"title": "bench", "language": a["lang"], "source": None, "format": "txt",
            "encoding": "utf-8", "url": None, "sha256": a["sha256"], "text": a["text"],
            "imported_at": now(), "imported_by": "bench"}


def _claim_rows(article_id: int, a: dict) -> list[dict]:
    return [{"article_id": article_id, "seq": i, "char_start": r["start"],
             "char_end": r["end"], "text": r["text"], "checkworthiness": r["checkworthiness"],
             "reasons": json_text(r["reasons"]), "facets": f}
            for i, (r, f) in enumerate(zip(a["rows"], a["facets_json"]), start=1)]


def articles_sqlite_utils(store: Store, articles: list[dict], trigger: bool = False) -> int:
    db = sqlite_utils.Database(store.conn)
    if trigger:
        store.conn.execute(CLAIMS_AI)
    for a in articles:
        with store.transaction():
            article_id = db["articles"].insert(_article_row(a)).last_pk
            db["claims"].insert_all(_claim_rows(article_id, a))
            if not trigger:
                db["claims_fts"].insert_all(
                    {"rowid": cid, "text": text} for cid, text in store.conn.execute(
                        "SELECT id, text FROM claims WHERE article_id = ? ORDER BY seq",
                        (article_id,)))
    return store.claim_count()


# ---------------------------------------------------------------- sources

def prepared_sources(n: int) -> list[dict]:
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in synthetic(n))
    _total, chunks = source_records.checked_chunks(data.encode("utf-8"), "bench.jsonl", None)
    return [r for chunk, _done in chunks for r in chunk]


def sources_ours(store: Store, records: list[dict]) -> int:
    return source_repo.upsert_sources(store, records)["added"]


def sources_sqlite_utils(store: Store, records: list[dict]) -> int:
    db = sqlite_utils.Database(store.conn)
    at = now()
    fields = ("original_url",) + source_records.FIELDS[1:]
    with store.transaction():
        db["sources"].upsert_all(
            ({"url": r["url"], **{f: r[f] for f in fields}, "added_at": at} for r in records),
            pk="url")
    return store.conn.execute("SELECT count(*) FROM sources").fetchone()[0]


# ---------------------------------------------------------------- archive

def prepared_archive(n: int) -> list[dict]:
    rng = random.Random(3)
    verdicts = ["False", "Mostly false", "True", "Trompeur", "Faux", "Misleading"]
    lines = []
    for i, s in enumerate(synthetic(n, seed=5)):
        lines.append(json.dumps({"id": f"fc-{i}", "claim": s["text"].split(".")[0] + ".",
                                 "title": s["title"], "verdict": rng.choice(verdicts),
                                 "url": f"https://checks.example/{i}",
                                 "published": s["published"], "language": s["language"],
                                 "publisher": s["publisher"]}, ensure_ascii=False))
    return archive_parse.parse_archive(("\n".join(lines) + "\n").encode("utf-8"),
                                       "bench.jsonl", "jsonl")


def archive_ours(store: Store, records: list[dict]) -> int:
    return archive_service.import_records(store, records, editor="bench")["added"]


def archive_sqlite_utils(store: Store, records: list[dict]) -> int:
    db = sqlite_utils.Database(store.conn)
    at = now()
    with store.transaction():
        db["archive"].upsert_all(
            ({"ext_id": r["id"], "claim": r["claim"], "title": r.get("title"),
              "verdict": r.get("verdict"), "url": r.get("url"),
              "published": r.get("published"), "language": r.get("language"),
              "publisher": r.get("publisher"), "imported_at": at, "imported_by": "bench"}
             for r in records), pk="ext_id")
    return store.conn.execute("SELECT count(*) FROM archive").fetchone()[0]


# ---------------------------------------------------------------- rounds

def paired(tmp: Path, label: str, repeats: int, stages: dict) -> dict[str, list[float]]:
    """Each stage into a fresh store, round-robin; {stage: timings}. Results must agree."""
    times: dict[str, list[float]] = {k: [] for k in stages}
    for i in range(repeats):
        results = {}
        for name, fn in stages.items():
            store = Store(tmp / f"{label}-{name}-{i}.db")
            try:
                t0 = time.perf_counter()
                results[name] = fn(store)
                times[name].append(time.perf_counter() - t0)
            finally:
                store.close()
        assert len(set(results.values())) == 1, (label, results)
    return times


def start_up(repeats: int) -> tuple[list[float], list[float]]:
    plain, with_lib = [], []
    for _ in range(repeats):
        for code, out in (("import factcheck.cli", plain),
                          ("import factcheck.cli, sqlite_utils", with_lib)):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True)
            out.append(time.perf_counter() - t0)
    return plain, with_lib


def ratio_row(name: str, ours: list[float], peer: list[float], peer_name: str, **extra):
    ratio = statistics.median(o / p for o, p in zip(ours, peer))
    result_row(name, round(statistics.median(ours) * 1000, 1), "ms",
               peer=round(statistics.median(peer) * 1000, 1), peer_name=peer_name,
               ratio=round(ratio, 2), target="info", ratio_by="median of rounds (ours/peer)",
               timings=[round(t * 1000, 1) for t in ours],
               peer_timings=[round(t * 1000, 1) for t in peer], **extra)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--repeats", type=int, default=None)
    args = parser.parse_args()
    quick = args.quick or quick_requested([])
    repeats = args.repeats or (3 if quick else 5)
    n_articles, n_sources, n_archive = (20, 10_000, 2_000) if quick else (60, 50_000, 10_000)
    print(machine_line())
    articles = prepared_articles(n_articles)
    n_claims = sum(len(a["rows"]) for a in articles)
    sources = prepared_sources(n_sources)
    archive = prepared_archive(n_archive)
    print(f"{n_articles} articles ({n_claims} claims), {len(sources)} sources, "
          f"{len(archive)} fact-checks; {repeats} rounds")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        t = paired(tmp, "articles", repeats, {
            "ours": lambda s: articles_ours(s, articles),
            "insert_all": lambda s: articles_sqlite_utils(s, articles),
            "trigger": lambda s: articles_sqlite_utils(s, articles, trigger=True)})
        ratio_row(f"article write, {n_claims} claims", t["ours"], t["insert_all"],
                  "sqlite-utils insert_all, same steps", claims=n_claims)
        ratio_row(f"article write, {n_claims} claims (FTS by trigger)", t["ours"],
                  t["trigger"], "sqlite-utils insert_all + a full-text trigger per row")
        t = paired(tmp, "sources", repeats, {
            "ours": lambda s: sources_ours(s, sources),
            "upsert_all": lambda s: sources_sqlite_utils(s, sources)})
        ratio_row(f"sources write, {len(sources)} records", t["ours"], t["upsert_all"],
                  "sqlite-utils upsert_all(pk=url)")
        t = paired(tmp, "archive", repeats, {
            "ours": lambda s: archive_ours(s, archive),
            "upsert_all": lambda s: archive_sqlite_utils(s, archive)})
        ratio_row(f"archive write, {len(archive)} fact-checks", t["ours"], t["upsert_all"],
                  "sqlite-utils upsert_all(pk=ext_id)")
    plain, with_lib = start_up(7 if quick else 15)
    extra = statistics.median(w - p for w, p in zip(with_lib, plain))
    result_row("start-up: import sqlite_utils on top of factcheck.cli",
               round(extra * 1000, 1), "ms", peer=round(statistics.median(plain) * 1000, 1),
               peer_name="python -c 'import factcheck.cli'",
               ratio=round(statistics.median(w / p for w, p in zip(with_lib, plain)), 2),
               target="info", timings=[round(t * 1000, 1) for t in with_lib],
               peer_timings=[round(t * 1000, 1) for t in plain])
    return 0


if __name__ == "__main__":
    sys.exit(main())
