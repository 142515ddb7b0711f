"""Export of 100 000 claims against a raw `sqlite3 -json` dump of the claims table.

Both run as commands on the same database in the same run, alternately, median of N.
Target: the JSON export (the full contract: facets, sources, duplicates, history) at most
4x the raw dump.  The other formats are reported beside it.

    python bench/export_speed.py [--quick] [--runs N] [--claims N] [--breakdown]

--breakdown adds where the time of one JSON export goes, measured in this process under
cProfile (which inflates Python-level work: read it as proportions, not as a timing).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from _bigdb import big_db  # noqa: E402
from common import machine_line, quick_requested, result_row  # noqa: E402


def timed(argv: list[str], stdout=None) -> float:
    start = time.perf_counter()
    done = subprocess.run(argv, stdout=stdout, stderr=subprocess.PIPE, text=True)
    if done.returncode:
        raise SystemExit(f"{' '.join(argv[1:4])} … failed: {done.stderr.strip()}")
    return time.perf_counter() - start


BREAKDOWN = [  # (function name, what it is), summed by cumulative time
    ("select", "header: articles, counts, conflicted claims"),
    ("_raw_pages", "claim rows (SQL + fetch)"),
    ("histories", "histories"),
    ("sources_for_export", "linked sources"),
    ("read", "duplicate lists, as stored (factcheck.dupe_lists)"),
    ("_with_statuses", "duplicate lists: the other claims' statuses"),
    ("_conflicts_json", "conflicts key (claims with sources or conflicts)"),
    ("<method 'write' of '_io.TextIOWrapper' objects>", "writing (encoding included)"),
]


def breakdown(db: str) -> None:
    import cProfile
    import pstats

    from factcheck import report
    from factcheck.store import Store

    profile = cProfile.Profile()
    with tempfile.TemporaryDirectory() as tmp, Store(db) as store:
        with open(Path(tmp) / "r.json", "w", encoding="utf-8", newline="") as out:
            profile.runcall(report.write, store, out, fmt="json")
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    total = sum(tt for _, _, tt, _, _ in stats.values())
    print(f"# breakdown of one JSON export in process, under cProfile: {total:.2f} s")
    parts = 0.0
    for name, what in BREAKDOWN:
        t = sum(ct for (_, _, fn), (_, _, _, ct, _) in stats.items() if fn == name)
        parts += t
        print(f"#   {what:48s} {t:6.2f} s  {t / total:4.0%}")
    rest = total - parts
    print(f"#   {'the rest: claim lines in Python, set-up':48s} {rest:6.2f} s  {rest / total:4.0%}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--runs", type=int)
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--breakdown", action="store_true",
                    help="also show where the time of one JSON export goes (cProfile)")
    args = ap.parse_args()
    quick = args.quick or quick_requested([])
    runs = args.runs or (2 if quick else 3)
    sqlite3 = shutil.which("sqlite3")
    print(f"# export_speed: {machine_line()}")
    db = big_db(args.claims, log=lambda m: print(m, file=sys.stderr))
    formats = ["json"] if quick else ["json", "csv", "md", "html"]
    with tempfile.TemporaryDirectory() as tmp:
        times: dict[str, list[float]] = {k: [] for k in ["raw", *formats]}
        for _ in range(runs):
            if sqlite3:
                with open(Path(tmp) / "raw.json", "w") as out:
                    times["raw"].append(timed([sqlite3, "-json", db, "SELECT * FROM claims"],
                                              stdout=out))
            for fmt in formats:
                # --force: the runs after the first replace the file the first one wrote
                times[fmt].append(timed([sys.executable, "-m", "factcheck", "export", "--db", db,
                                         "--format", fmt, "-o", str(Path(tmp) / f"r.{fmt}"),
                                         "--force"]))
        sizes = {p.name: p.stat().st_size for p in Path(tmp).iterdir()}
    if not times["raw"]:
        print("# sqlite3 command-line shell not found: no floor to compare with")
        return 1
    raw = statistics.median(times["raw"])
    for fmt in formats:
        t = statistics.median(times[fmt])
        result_row(f"export: {args.claims // 1000}k claims as {fmt}", t, "s", peer=raw,
                   peer_name="sqlite3 -json dump", ratio=t / raw,
                   target="<= 4x raw dump" if fmt == "json" else "info",
                   ok=(t / raw <= 4) if fmt == "json" else None, higher_is_better=False,
                   bytes=sizes.get(f"r.{fmt}"), raw_bytes=sizes.get("raw.json"))
    if args.breakdown:
        breakdown(db)
    return 0


if __name__ == "__main__":
    sys.exit(main())
