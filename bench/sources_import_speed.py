"""Import speed of `factcheck sources import` with 100 000 JSONL sources, against a floor.

Generates the synthetic sources of bench/suggest_speed.py (English and French news-like
summaries with names, figures and tracking parameters in the URLs) as one JSONL file in a
temporary directory, then times ``sources.import_sources_file`` into a fresh database (no
subprocess: parse, check, canonical URLs, the write and the full-text index), median of 3.

The floor: the same rows, already parsed and in memory, written by the ``sqlite3`` module
with one ``executemany`` into a bare table (no index, no full-text index) in a fresh file,
then committed.  The ratio says how many floors the whole import costs.

    .venv/bin/python bench/sources_import_speed.py [--sources 100000] [--repeats 3] [--quick]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

from common import machine_line, quick_requested, result_row  # noqa: E402
from suggest_speed import synthetic  # noqa: E402

from factcheck import sources  # noqa: E402
from factcheck.store import Store  # noqa: E402

TARGET_S = 5.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=None)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="20 000 sources, as a smoke run")
    parser.add_argument("--profile", action="store_true", help="cProfile one import instead")
    args = parser.parse_args()
    quick = args.quick or quick_requested([])
    n = args.sources or (20_000 if quick else 100_000)
    print(machine_line())
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "sources.jsonl"
        records = list(synthetic(n))
        with open(feed, "w", encoding="utf-8") as out:
            for record in records:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        size_mb = feed.stat().st_size / 1e6

        if args.profile:
            import cProfile
            import pstats

            with Store(Path(tmp) / "profile.db") as store:
                prof = cProfile.Profile()
                prof.enable()
                sources.import_sources_file(store, str(feed))
                prof.disable()
            pstats.Stats(prof).sort_stats("cumulative").print_stats(30)
            return 0

        ours, floors = [], []
        counts = None
        fields = ("url", "original_url", "title", "publisher", "published", "language", "text")
        rows = [(r["url"], r["url"], r["title"], r["publisher"], r["published"], r["language"],
                 r["text"]) for r in records]
        for i in range(args.repeats):
            with Store(Path(tmp) / f"import-{i}.db") as store:
                t0 = time.perf_counter()
                counts = sources.import_sources_file(store, str(feed))
                ours.append(time.perf_counter() - t0)
            conn = sqlite3.connect(Path(tmp) / f"floor-{i}.db")
            conn.execute(f"CREATE TABLE bare ({', '.join(fields)})")
            t0 = time.perf_counter()
            conn.executemany(f"INSERT INTO bare VALUES ({', '.join('?' * len(fields))})", rows)
            conn.commit()
            floors.append(time.perf_counter() - t0)
            conn.close()
    assert counts and counts["added"] == n, counts
    med, floor = statistics.median(ours), statistics.median(floors)
    print(f"{n} sources ({size_mb:.1f} MB of JSONL): import "
          f"{', '.join(f'{t:.2f}' for t in ours)} s; floor {', '.join(f'{t:.2f}' for t in floors)} s")
    result_row(f"sources import {n // 1000}k JSONL", round(med, 3), "s",
               peer=round(floor, 3), peer_name="floor (sqlite3 executemany, bare table)",
               ratio=round(med / floor, 2),
               target=f"< {TARGET_S:g} s at 100k" if n >= 100_000 else "smoke run (quick)",
               ok=(med < TARGET_S) if n >= 100_000 else None,
               sources=n, timings=[round(t, 3) for t in ours],
               floor_timings=[round(t, 3) for t in floors])
    return 0


if __name__ == "__main__":
    sys.exit(main())
