"""Run every benchmark in bench/ and print one table, with the date and the machine.

    python bench/run_all.py                 # or: make bench
    BENCH_QUICK=1 python bench/run_all.py   # every script gets --quick (also: --quick here)
    python bench/run_all.py import suggest  # only scripts whose name contains a word given

THE PROTOCOL (for anyone adding a bench/*.py script)
----------------------------------------------------
1. Which scripts run: every ``bench/*.py`` except ``common.py``, ``run_all.py``, names
   starting with ``_``, and -- unless the name ends in ``_speed.py`` -- files without an
   ``if __name__ == "__main__":`` block (helper modules).  Each runs as its own process,
   ``python bench/<script>.py [--quick]``, from the repository root, with the root and
   bench/ on PYTHONPATH (so ``import common`` and ``from bench.common import ...`` both
   work).  ``--quick`` is passed when BENCH_QUICK is set; a script should accept it and
   then finish within a few seconds to a minute (a script that rejects --quick with
   argparse's "unrecognized arguments" is run again without it).  Exit status 0 means the run worked
   (a missed target is not a failure of the run).  Time limit per script: BENCH_TIMEOUT
   seconds (default 900).
2. What to print: any human-readable text, plus one line per result of the form

       RESULT {"name": "...", "measured": 1.23, "unit": "MB/s", ...}

   i.e. the word RESULT, one space, then a JSON object on the same line.  Keys:
       name      (required) short label of what was measured
       measured  number (or null), in ``unit``
       unit      e.g. "MB/s", "ms", "claims/s"
       peer      the number it is compared with: a peer tool or a floor (optional)
       peer_name e.g. "pysbd", "floor"; peer_unit if the peer's unit differs
       ratio     how measured compares with peer, written as "2.00x" (optional)
       target    human text of the goal, e.g. ">= 2x pysbd", "< 50 ms" (optional)
       ok        true / false / null: was the target met
   Anything else in the object is kept in the --json output.  ``common.result_row(...)``
   prints such a line (and a readable row) for you.
3. A script that prints no RESULT line still runs: its output is shown as it is,
   under the table, so nothing is lost.

``--json FILE`` also writes everything (machine, rows, raw output of scripts without
RESULT lines, exit statuses) as JSON.  The exit status is 1 if a script failed or timed
out, else 0 -- a missed target alone does not fail the run (use --strict for that).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
from common import RESULT_PREFIX, format_row, machine_info, machine_line, print_table  # noqa: E402

# train_worthiness.py is a tool that rewrites the shipped weights, not a benchmark (its
# model's quality on held-out data is worthiness_quality.py's table)
SKIP = {"common.py", "run_all.py", "__init__.py", "conftest.py", "train_worthiness.py"}
MAIN_GUARD = re.compile(r"""^if\s+__name__\s*==\s*['"]__main__['"]\s*:""", re.M)


def discover(words: list[str]) -> list[Path]:
    out = []
    for p in sorted(BENCH.glob("*.py")):
        if p.name in SKIP or p.name.startswith("_"):
            continue
        if words and not any(w in p.stem for w in words):
            continue
        if not p.name.endswith("_speed.py"):
            try:
                if not MAIN_GUARD.search(p.read_text(encoding="utf-8", errors="replace")):
                    continue  # a helper module, not a script
            except OSError:
                continue
        out.append(p)
    # the *_speed.py benchmarks first, then the rest, each alphabetically
    return sorted(out, key=lambda p: (not p.name.endswith("_speed.py"), p.name))


def run_script(path: Path, quick: bool, timeout: float) -> dict:
    r = _run(path, quick, timeout)
    if (quick and r["status"] == 2 and not r["rows"]
            and "unrecognized arguments: --quick" in r["stderr"]):
        r = _run(path, False, timeout)  # the script has no --quick; BENCH_QUICK stays set
        r["note"] = "rejected --quick: ran without it (BENCH_QUICK still set)"
    return r


def _run(path: Path, quick: bool, timeout: float) -> dict:
    cmd = [sys.executable, str(path)] + (["--quick"] if quick else [])
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT), str(BENCH)] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
    env.setdefault("PYTHONUNBUFFERED", "1")
    if quick or os.environ.get("BENCH_QUICK"):
        env["BENCH_QUICK"] = env.get("BENCH_QUICK") or "1"
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True,
                              timeout=timeout)
        stdout, stderr, status = proc.stdout, proc.stderr, proc.returncode
    except subprocess.TimeoutExpired as exc:
        def _s(b):
            return b.decode("utf-8", "replace") if isinstance(b, bytes) else (b or "")
        stdout, stderr, status = _s(exc.stdout), _s(exc.stderr), "timeout"
    elapsed = time.perf_counter() - t0
    rows, bad = [], []
    for line in stdout.splitlines():
        if line.startswith(RESULT_PREFIX):
            try:
                r = json.loads(line[len(RESULT_PREFIX):])
                if not isinstance(r, dict):
                    raise ValueError("not an object")
                r.setdefault("name", "?")
                r["script"] = path.name
                rows.append(r)
            except ValueError as exc:
                bad.append(f"{line[:200]}  <- unreadable RESULT: {exc}")
    return {"script": path.name, "command": " ".join(cmd[1:]), "status": status,
            "seconds": round(elapsed, 2), "rows": rows, "bad_lines": bad,
            "stdout": stdout, "stderr": stderr}


def tail(text: str, n: int) -> str:
    lines = text.rstrip("\n").splitlines()
    if len(lines) <= n:
        return "\n".join(lines)
    return f"... ({len(lines) - n} lines above not shown)\n" + "\n".join(lines[-n:])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Run every bench/*.py benchmark, one table.")
    ap.add_argument("only", nargs="*", help="run only scripts whose name contains one of these")
    ap.add_argument("--quick", action="store_true", help="pass --quick (as BENCH_QUICK does)")
    ap.add_argument("--json", metavar="FILE", help="also write all results as JSON")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    ap.add_argument("--list", action="store_true", help="list the scripts that would run")
    args = ap.parse_args(argv)
    quick = args.quick or os.environ.get("BENCH_QUICK", "") not in ("", "0")
    timeout = float(os.environ.get("BENCH_TIMEOUT", "900"))

    scripts = discover(args.only)
    if args.list:
        print("\n".join(p.name for p in scripts))
        return 0
    info = machine_info()
    print(f"# factcheck benchmarks{' (quick)' if quick else ''}: {machine_line(info)}")
    if not scripts:
        print("no benchmark scripts found in bench/")
        return 1

    runs = []
    for p in scripts:
        print(f"# running {p.name}{' --quick' if quick else ''} ...", flush=True)
        r = run_script(p, quick, timeout)
        print(f"#   {p.name}: exit {r['status']}, {r['seconds']:.1f}s, "
              f"{len(r['rows'])} result rows"
              + (f" ({r['note']})" if r.get("note") else ""), flush=True)
        runs.append(r)

    table = []
    for r in runs:
        for row in r["rows"]:
            table.append([r["script"]] + format_row(row))
        if not r["rows"]:
            table.append([r["script"], "(no RESULT lines: raw output below)", "", "", "", "",
                          "" if r["status"] == 0 else f"exit {r['status']}"])
        elif r["status"] != 0:
            table.append([r["script"], f"(exit {r['status']}: see output below)",
                          "", "", "", "", "NO"])

    print()
    print(f"date    {info['date']}")
    print(f"machine {info['cpu']}, {info['usable_cores']}/{info['cores']} cores, "
          f"{info['python']}, {info['platform']}")
    print(f"mode    {'quick' if quick else 'full'}; total "
          f"{sum(r['seconds'] for r in runs):.0f}s")
    print()
    print_table(table, header=("script", "name", "measured", "peer/floor", "ratio", "target",
                               "ok"))

    for r in runs:
        if r["rows"] and r["status"] == 0 and not r["bad_lines"]:
            continue
        print(f"\n===== {r['script']} (exit {r['status']}, {r['seconds']:.1f}s): "
              f"{'raw output' if not r['rows'] else 'problems'} =====")
        if not r["rows"]:
            print(tail(r["stdout"], 80) or "(no output)")
        for b in r["bad_lines"]:
            print(b)
        if r["status"] != 0 and r["stderr"].strip():
            print("--- stderr:")
            print(tail(r["stderr"], 30))

    failed = [r["script"] for r in runs if r["status"] != 0]
    missed = [f"{row['script']}: {row['name']}" for r in runs for row in r["rows"]
              if row.get("ok") is False]
    if missed:
        print("\ntargets missed: " + "; ".join(missed))
    if failed:
        print("scripts failed: " + ", ".join(failed))

    if args.json:
        Path(args.json).write_text(json.dumps({
            "machine": info, "quick": quick,
            "runs": [{k: v for k, v in r.items() if k != "stdout" or not r["rows"]}
                     for r in runs],
        }, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
        print(f"\nJSON written to {args.json}")
    return 1 if failed or (args.strict and missed) else 0


if __name__ == "__main__":
    sys.exit(main())
