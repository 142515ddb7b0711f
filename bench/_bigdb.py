"""A store at newsroom scale for the benchmarks, built once and cached in bench/out/.

``big_db(claims)`` imports generated French and English articles of 10 000 claims each
through the real import path (segmentation, facets, near-duplicate indexing), so the
database is what an editor's would be after that many imports.

    python bench/_bigdb.py --claims 100000     # build (or reuse) and print the path
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from common import generate_article  # noqa: E402

from factcheck.matching.dupes import lists as dupe_lists  # noqa: E402
from factcheck.analysis.segment import segment  # noqa: E402
from factcheck.ingest import import_document  # noqa: E402
from factcheck.store import Store  # noqa: E402
from factcheck.text.document import parse_document  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"
PER_ARTICLE = 10_000
SEED = Path(__file__).resolve().parent.parent / "seeds" / "meta-ai-talent.fr.txt"


def article_text(rng: random.Random, claims: int) -> str:
    """One long article: generated paragraphs until it holds about `claims` sentences."""
    seed_text = SEED.read_text(encoding="utf-8")
    parts, count = [], 0
    while count < claims:
        lang = "fr" if rng.random() < 0.6 else "en"
        body = generate_article(rng, lang, seed_text)
        parts.append(body)
        count += len(segment(body))
    return "\n\n".join(parts)


def big_db(claims: int = 100_000, per_article: int = PER_ARTICLE, log=print) -> str:
    OUT.mkdir(exist_ok=True)
    path = OUT / f"big-{claims}.db"
    if path.exists():
        with Store(str(path)) as store:
            if store.claim_count() >= claims * 0.95:
                # a store cached before the export's duplicate lists existed gets them now,
                # once, as its first import or export after the upgrade would render them
                dupe_lists.ensure_current(store)
                return str(path)
        path.unlink()
    rng = random.Random(claims)
    tmp = OUT / f"big-{claims}.db.building"
    for suffix in ("", "-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    start = time.perf_counter()
    with Store(str(tmp)) as store:
        n = 0
        while store.claim_count() < claims * 0.95:
            text = article_text(rng, min(per_article, claims - store.claim_count()))
            doc = parse_document(text.encode("utf-8"), f"big-{n}.txt")
            import_document(store, doc, title=f"Generated article {n + 1}", editor="bench")
            n += 1
            log(f"# bigdb: {store.claim_count()} claims after {n} articles, "
                f"{time.perf_counter() - start:.0f}s")
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    tmp.rename(path)
    return str(path)


def demo_db() -> str:
    """The demo article alone, as `make run` would leave it."""
    OUT.mkdir(exist_ok=True)
    path = OUT / "demo.db"
    if not path.exists():
        with Store(str(path)) as store:
            import_document(store, parse_document(SEED.read_bytes(), SEED.name),
                                  title="Demo", language="fr")
    return str(path)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--claims", type=int, default=100_000)
    print(big_db(ap.parse_args().claims))
