"""Is it the same fact? The near-duplicate scorer on held-out paraphrase data, before and after.

    .venv/bin/python bench/dupes_quality.py            # every held-out set, and the speed
    .venv/bin/python bench/dupes_quality.py --quick    # the same (it takes a minute)

On the held-out part of each labelled set of ../shared/data/paraphrase (``paraphrase_data``:
never trained on), four scorers side by side:

* **after**: ``dupes.compare_texts`` of this code (facets extracted, the scorer's score),
  read at the low threshold ("listed": a suggestion or more) and at the high one
  ("duplicate or conflict");
* **before**: the same call on the code this branch started from (``BEFORE_REV``, taken
  from git into a temporary folder and run in a process of its own), at its thresholds;
* **token_set_ratio** and **ratio** of rapidfuzz on the sentences (lower-cased, punctuation
  out), each at the fixed threshold that does best *on this same held-out data*: an upper
  bound for one call and one threshold.

F1 of "the same meaning" for MRPC, PAWS-X (English, French), STS-B (>= 4.0) and ClaimMatch;
for PAWS-X English against French (sentence1 of the English file, sentence2 of the French
one), recall and precision of what is listed.  Then the speed of pair scoring on prepared
claims (MRPC, PAWS-X English and 500 STS-B pairs, CPU time of the process) against
token_set_ratio on the raw sentences.  Prints a table and RESULT lines
(protocol: bench/run_all.py).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from rapidfuzz import fuzz, utils  # noqa: E402

import paraphrase_data  # noqa: E402
from common import machine_line, result_row  # noqa: E402

from factcheck.analysis import facets  # noqa: E402
from factcheck.matching import dupes  # noqa: E402
from factcheck.matching.dupes import scorer  # noqa: E402
from factcheck.matching.dupes.signature import Prepared  # noqa: E402

MIN_PAIRS_PER_S = 50_000
PAWS_F1 = 0.70
CROSS_RECALL = CROSS_PRECISION = 0.60
SETS = ["mrpc", "pawsx_en", "pawsx_fr", "pawsx_cross", "stsb", "claimmatch"]
TITLES = {"mrpc": "MRPC", "pawsx_en": "PAWS-X English", "pawsx_fr": "PAWS-X French",
          "pawsx_cross": "PAWS-X English-French", "stsb": "STS-B (>= 4.0)",
          "claimmatch": "ClaimMatch (tweet / fact-check)"}

# ---------------------------------------------------------------- the code before

_BEFORE_SCRIPT = r"""
import json, sys, time
from factcheck.analysis import facets
from factcheck.matching import dupes
pairs = json.load(open(sys.argv[1], encoding="utf-8"))
t = dupes.Thresholds(dupes.HIGH_THRESHOLD, dupes.LOW_THRESHOLD)
scores = [dupes.compare_texts(a, b, la, lb)["score"] for a, b, la, lb in pairs]
sigs = [(dupes.signature(a, facets.extract(a, la, facets.lower_vocabulary(a)), la),
         dupes.signature(b, facets.extract(b, lb, facets.lower_vocabulary(b)), lb))
        for a, b, la, lb in pairs]
for x, y in sigs:
    dupes.compare(x, y)  # prepared once, as the index keeps them
timings = []
for _ in range(5):
    t0 = time.process_time()
    for x, y in sigs:
        dupes.compare(x, y)
    timings.append(time.process_time() - t0)
json.dump({"scores": scores, "high": t.high, "low": t.low,
           "pairs_per_s": len(sigs) / sorted(timings)[2]}, open(sys.argv[2], "w"))
"""


def before_rev() -> str | None:
    """The commit this branch started from: BEFORE_REV, else the parent of the commit that
    brought the learned scorer in."""
    if os.environ.get("BEFORE_REV"):
        return os.environ["BEFORE_REV"]
    try:
        first = subprocess.run(
            ["git", "log", "--diff-filter=A", "--format=%H", "--",
             "factcheck/matching/dupes/scorer.py"], cwd=ROOT, capture_output=True, text=True,
            check=True).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        return None
    return f"{first[-1]}^" if first else None


def before_scores(pairs: list, rev: str | None) -> dict | None:
    """The old code's scores of these pairs, its thresholds and its speed, or None."""
    if not rev:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        tar_path = Path(tmp) / "before.tar"
        try:
            with open(tar_path, "wb") as f:
                subprocess.run(["git", "archive", rev, "factcheck"], cwd=ROOT, stdout=f,
                               check=True)
        except (OSError, subprocess.CalledProcessError):
            return None
        code = Path(tmp) / "code"
        with tarfile.open(tar_path) as tar:
            tar.extractall(code, filter="data")
        inp, out = Path(tmp) / "pairs.json", Path(tmp) / "scores.json"
        inp.write_text(json.dumps([[p.a, p.b, p.lang_a, p.lang_b] for p in pairs]),
                       encoding="utf-8")
        env = dict(os.environ, PYTHONPATH=str(code))
        proc = subprocess.run([sys.executable, "-c", _BEFORE_SCRIPT, str(inp), str(out)],
                              cwd=code, env=env, capture_output=True, text=True)
        if proc.returncode != 0:
            print(f"(the code before could not run: {proc.stderr.strip()[-300:]})")
            return None
        return json.loads(out.read_text())


# ---------------------------------------------------------------- measures

def prf(scores, labels, threshold) -> tuple[float, float, float]:
    tp = sum(1 for s, y in zip(scores, labels) if s >= threshold and y)
    fp = sum(1 for s, y in zip(scores, labels) if s >= threshold and not y)
    fn = sum(1 for s, y in zip(scores, labels) if s < threshold and y)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return (2 * tp / (2 * tp + fp + fn) if tp else 0.0), p, r


def best_threshold(scores, labels) -> tuple[float, int]:
    return max((prf(scores, labels, t)[0], t) for t in range(101))


def best_recall_at_precision(scores, labels, precision) -> tuple[float, int]:
    out = (0.0, 101)
    for t in range(101):
        f, p, r = prf(scores, labels, t)
        if p >= precision and r > out[0]:
            out = (r, t)
    return out


def baseline(pairs, scorer_fn) -> list[float]:
    return [scorer_fn(p.a, p.b, processor=utils.default_process) for p in pairs]


def speed(pairs, rounds: int = 5) -> tuple[float, float]:
    """(our pairs/s on prepared claims, token_set_ratio pairs/s on the sentences), medians
    of interleaved rounds, in CPU time of this process (the machine is shared: time spent
    waiting for a core is not the scorer's)."""
    prepared = []
    for p in pairs:
        sa = dupes.signature(p.a, facets.extract(p.a, p.lang_a, facets.lower_vocabulary(p.a)),
                             p.lang_a)
        sb = dupes.signature(p.b, facets.extract(p.b, p.lang_b, facets.lower_vocabulary(p.b)),
                             p.lang_b)
        prepared.append((Prepared(sa), Prepared(sb)))
    for a, b in prepared:  # warm: the first pairs load the weights
        scorer.compare(a, b)
    ours, theirs = [], []
    for _ in range(rounds):
        t0 = time.process_time()
        for a, b in prepared:
            scorer.compare(a, b)
        ours.append(time.process_time() - t0)
        t0 = time.process_time()
        for p in pairs:
            fuzz.token_set_ratio(p.a, p.b, processor=utils.default_process)
        theirs.append(time.process_time() - t0)
    return len(pairs) / statistics.median(ours), len(pairs) / statistics.median(theirs)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="accepted for run_all (no change)")
    ap.add_argument("--no-before", action="store_true", help="leave the code before out")
    args = ap.parse_args(argv)
    print(f"# dupes_quality: {machine_line()}")
    if not paraphrase_data.available():
        print(f"no paraphrase data at {paraphrase_data.DATA}")
        return 0
    data = paraphrase_data.load()
    held = {name: data[name]["held"] for name in SETS}
    everything = [p for name in SETS for p in held[name]]
    t = dupes.Thresholds(dupes.HIGH_THRESHOLD, dupes.LOW_THRESHOLD)

    t0 = time.perf_counter()
    after = [dupes.compare_texts(p.a, p.b, p.lang_a, p.lang_b)["score"] for p in everything]
    print(f"after: {len(everything)} held-out pairs scored in {time.perf_counter() - t0:.0f} s")
    before = None if args.no_before else before_scores(everything, before_rev())
    if before:
        print(f"before ({before_rev()}): thresholds high={before['high']} low={before['low']}")

    rows, at = [], 0
    print()
    print(f"{'held-out set':<32} {'pairs':>5}  {'after listed/dup':>17}  "
          f"{'before listed/dup':>17}  {'token_set (thr)':>15}  {'ratio (thr)':>12}")
    for name in SETS:
        pairs = held[name]
        labels = [p.label for p in pairs]
        ours = after[at:at + len(pairs)]
        old = before["scores"][at:at + len(pairs)] if before else None
        at += len(pairs)
        ts, ra = baseline(pairs, fuzz.token_set_ratio), baseline(pairs, fuzz.ratio)
        r = {"set": name, "pairs": len(pairs), "positives": sum(labels)}
        if name == "pawsx_cross":
            for who, scores, low, high in (("after", ours, t.low, t.high),
                                           ("before", old, before and before["low"],
                                            before and before["high"])):
                if scores is None:
                    continue
                _, p, rec = prf(scores, labels, low)
                r[who] = {"recall": rec, "precision": p,
                          "recall_dup": prf(scores, labels, high)[2]}
            r["token_set"] = best_recall_at_precision(ts, labels, CROSS_PRECISION)
            r["ratio"] = best_recall_at_precision(ra, labels, CROSS_PRECISION)
            r["token_set_70"] = prf(ts, labels, 70)[2]
            a = r["after"]
            b = r.get("before")
            print(f"{TITLES[name]:<32} {len(pairs):>5}  "
                  f"{'R %.3f P %.3f' % (a['recall'], a['precision']):>17}  "
                  f"{('R %.3f P %.3f' % (b['recall'], b['precision'])) if b else '-':>17}  "
                  f"{'R %.3f (%d)' % r['token_set']:>15}  {'R %.3f (%d)' % r['ratio']:>12}"
                  f"   (recall at precision >= {CROSS_PRECISION}; token_set at 70: "
                  f"R {r['token_set_70']:.3f})")
        else:
            r["after"] = {"listed": prf(ours, labels, t.low)[0],
                          "duplicate": prf(ours, labels, t.high)[0]}
            if old is not None:
                r["before"] = {"listed": prf(old, labels, before["low"])[0],
                               "duplicate": prf(old, labels, before["high"])[0]}
            r["token_set"] = best_threshold(ts, labels)
            r["ratio"] = best_threshold(ra, labels)
            a, b = r["after"], r.get("before")
            print(f"{TITLES[name]:<32} {len(pairs):>5}  "
                  f"{'%.3f / %.3f' % (a['listed'], a['duplicate']):>17}  "
                  f"{('%.3f / %.3f' % (b['listed'], b['duplicate'])) if b else '-':>17}  "
                  f"{'%.3f (%d)' % r['token_set']:>15}  {'%.3f (%d)' % r['ratio']:>12}")
        rows.append(r)

    ours_speed, ts_speed = speed(held["mrpc"] + held["pawsx_en"] + held["stsb"][:500])
    old_speed = before["pairs_per_s"] if before else None
    print(f"\npair scoring on prepared claims: {ours_speed:,.0f} pairs/s (before: "
          f"{old_speed:,.0f} pairs/s); token_set_ratio on the sentences: {ts_speed:,.0f} pairs/s"
          if old_speed else f"\npair scoring: {ours_speed:,.0f} pairs/s; token_set_ratio "
          f"{ts_speed:,.0f} pairs/s")

    # RESULT lines: after (this code), before (the code this branch started from), and the
    # two rapidfuzz baselines at their best threshold on this data, one row each
    by = {r["set"]: r for r in rows}
    for name in ("mrpc", "pawsx_en", "pawsx_fr", "stsb", "claimmatch"):
        r = by[name]
        peer = max(r["token_set"][0], r["ratio"][0])
        baselines = (f"token_set_ratio {r['token_set'][0]:.3f} (at {r['token_set'][1]}), "
                     f"ratio {r['ratio'][0]:.3f} (at {r['ratio'][1]}): best")
        target = {"mrpc": "> token_set and ratio at their best threshold",
                  "pawsx_en": f">= {PAWS_F1}"}.get(name, "info")
        ok = (r["after"]["listed"] > peer if name == "mrpc" else
              r["after"]["listed"] >= PAWS_F1 if name == "pawsx_en" else None)
        result_row(f"dupes: {TITLES[name]} F1 listed (>= low)", round(r["after"]["listed"], 4),
                   "F1", peer=round(peer, 4), peer_name=baselines, target=target, ok=ok,
                   token_set=[round(r["token_set"][0], 4), r["token_set"][1]],
                   ratio_best=[round(r["ratio"][0], 4), r["ratio"][1]], pairs=r["pairs"])
        if name in ("mrpc", "pawsx_en"):
            result_row(f"dupes: {TITLES[name]} F1 duplicate (>= high)",
                       round(r["after"]["duplicate"], 4), "F1", peer=round(peer, 4),
                       peer_name=baselines, target="info", pairs=r["pairs"])
        if "before" in r:
            result_row(f"dupes: {TITLES[name]} F1 listed, before (duplicate "
                       f"{r['before']['duplicate']:.3f})", round(r["before"]["listed"], 4), "F1",
                       target="info", duplicate_f1=round(r["before"]["duplicate"], 4),
                       rev=before_rev(), pairs=r["pairs"])
    r = by["pawsx_cross"]
    a = r["after"]
    result_row("dupes: PAWS-X English-French recall listed", round(a["recall"], 4), "recall",
               peer=round(r["token_set"][0], 4),
               peer_name=f"token_set_ratio at precision >= {CROSS_PRECISION} "
                         f"(ratio {r['ratio'][0]:.3f}; token_set at 70: {r['token_set_70']:.3f})",
               target=f">= {CROSS_RECALL} at precision >= {CROSS_PRECISION}",
               ok=a["recall"] >= CROSS_RECALL and a["precision"] >= CROSS_PRECISION,
               precision=round(a["precision"], 4),
               token_set_recall_at_70=round(r["token_set_70"], 4), pairs=r["pairs"])
    result_row("dupes: PAWS-X English-French precision listed", round(a["precision"], 4),
               "precision", target=f">= {CROSS_PRECISION}",
               ok=a["precision"] >= CROSS_PRECISION, pairs=r["pairs"])
    if "before" in r:
        b = r["before"]
        result_row(f"dupes: PAWS-X English-French recall listed, before (precision "
                   f"{b['precision']:.3f})", round(b["recall"], 4), "recall", target="info",
                   precision=round(b["precision"], 4), rev=before_rev())
    result_row("dupes: pair scoring on prepared claims", round(ours_speed), "pairs/s",
               peer=round(ts_speed), peer_name="token_set_ratio on the sentences",
               target=f">= {MIN_PAIRS_PER_S:,} pairs/s", ok=ours_speed >= MIN_PAIRS_PER_S)
    if old_speed:
        result_row("dupes: pair scoring on prepared claims, before", round(old_speed),
                   "pairs/s", target="info", rev=before_rev())
    return 0


if __name__ == "__main__":
    sys.exit(main())
