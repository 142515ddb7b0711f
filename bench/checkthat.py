"""Claim matching quality on CLEF CheckThat! "detecting previously fact-checked claims".

For each edition, the verified claims are written to a temporary JSONL file and imported with
`archive.import_file` into a fresh archive; each split's tweets are then matched with
`archive.match_queries` (the code path of `factcheck archive match --queries`).  MAP@5 (the
official measure, as trectools TrecEval.get_map(depth=5): the mean over the judged queries of
AP@5 = sum of P@k at each relevant rank k <= 5, divided by the number of relevant claims),
MAP@1, MRR (over the first 10) and P@1 are printed for ours and for a plain SQLite FTS5
bm25() baseline run on the same archive (the tweet's words ORed, ranked by bm25()).

    .venv/bin/python bench/checkthat.py [--quick] [--json]
    .venv/bin/python bench/checkthat.py --tune        # coordinate ascent on TRAIN splits only

The data stays in ../shared/data/checkthat (read-only); nothing of it is copied into the repo.
Reported splits: 2020 test, 2021 test, 2022 dev-test (= the 2021 test tweets against the 2022
claims).  Tuning uses the 2020 and 2021 train splits only; dev splits are for checking.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from common import result_row

from factcheck.matching import archive
from factcheck.store import Store, fts_query

DATA = Path(os.environ.get("CHECKTHAT_DATA", ROOT.parent / "shared" / "data" / "checkthat"))
csv.field_size_limit(10**7)


# ---------------------------------------------------------------- data

def _tsv(path: Path, header: bool) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t"))
    return rows[1:] if header else rows


def _qrels(path: Path) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for row in _tsv(path, False):
        if len(row) >= 4 and row[3].strip() != "0":
            out.setdefault(row[0].strip(), set()).add(row[2].strip())
    return out


def _queries(path: Path, header: bool) -> list[tuple[str, str]]:
    return [(r[0].strip(), r[1]) for r in _tsv(path, header) if len(r) >= 2]


def load_2020() -> dict:
    d = DATA / "ct2020_task2_en"
    claims = [{"id": r[0], "claim": r[1], "title": r[2] or None}
              for r in _tsv(d / "verified_claims.docs.tsv", True) if len(r) >= 3]
    splits = {}
    for split in ("train", "dev", "test"):
        splits[split] = (_queries(d / split / "tweets.queries.tsv", True),
                         _qrels(d / split / "tweet-vclaim-pairs.qrels"))
    return {"claims": claims, "splits": splits}


def _claims_2022() -> list[dict]:
    out = []
    with open(DATA / "ct2022_task2a_en" / "CT2022-Task2A-EN-vclaims.jsonl", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                out.append({"id": r["vclaim_id"], "claim": r["vclaim"],
                            "title": r.get("title") or None, "published": r.get("date") or None,
                            "url": r.get("page_url") or None, "publisher": "Snopes"})
    return out


def load_2021() -> dict:
    d = DATA / "ct2021_task2a_en"
    # The 2021 release shipped its verified claims as JSON files with title, subtitle, author
    # and date; our copy has only the TSV, so the dates come from the same claims (same ids)
    # in the 2022 release.  No query or qrel comes from there.
    dates = {c["id"]: c["published"] for c in _claims_2022()}
    claims = [{"id": r[0], "claim": r[1], "title": r[2] or None, "published": dates.get(r[0])}
              for r in _tsv(d / "CT2021-Task2A-EN-Verified_Claims.txt", True) if len(r) >= 3]
    qrels = _qrels(d / "EN-all_QRELs.txt")
    splits = {}
    for split in ("train", "dev", "test"):
        qs = _queries(d / f"EN_{split}_queries.tsv", True)
        splits[split] = (qs, {q: qrels[q] for q, _ in qs if q in qrels})
    return {"claims": claims, "splits": splits}


def load_2022() -> dict:
    d = DATA / "ct2022_task2a_en"
    trdev = _queries(d / "CT2022-Task2A-EN-Train-Dev_Queries.tsv", False)
    train_q, dev_q = _qrels(d / "CT2022-Task2A-EN-Train_QRELs.tsv"), \
        _qrels(d / "CT2022-Task2A-EN-Dev_QRELs.tsv")
    splits = {
        "train": ([q for q in trdev if q[0] in train_q], train_q),
        "dev": ([q for q in trdev if q[0] in dev_q], dev_q),
        "dev-test": (_queries(d / "CT2022-Task2A-EN-Dev-Test_Queries.tsv", True),
                     _qrels(d / "CT2022-Task2A-EN-Dev-Test_QRELs.tsv")),
    }
    return {"claims": _claims_2022(), "splits": splits}


EDITIONS = {"2020": load_2020, "2021": load_2021, "2022": load_2022}
REPORTED = [("2020", "test"), ("2021", "test"), ("2022", "dev-test")]


def build_store(tmp: str, edition: str, claims: list[dict]) -> Store:
    path = Path(tmp) / f"archive-{edition}.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(json.dumps({k: v for k, v in c.items() if v}, ensure_ascii=False) + "\n" for c in claims)
    store = Store(Path(tmp) / f"ct{edition}.db")
    archive.import_file(store, str(path), editor="bench")
    return store


# ---------------------------------------------------------------- metrics

def metrics(run: dict[str, list[str]], qrels: dict[str, set[str]]) -> dict:
    """MAP@5 / MAP@1 as trectools get_map(depth=k), MRR over the returned list, P@1."""
    def ap(ranked, rel, k):
        hits, total = 0, 0.0
        for i, d in enumerate(ranked[:k], start=1):
            if d in rel:
                hits += 1
                total += hits / i
        return total / len(rel)

    def rr(ranked, rel):
        return next((1 / i for i, d in enumerate(ranked, start=1) if d in rel), 0.0)

    qs = list(qrels)
    n = len(qs) or 1
    return {
        "MAP@5": sum(ap(run.get(q, []), qrels[q], 5) for q in qs) / n,
        "MAP@1": sum(ap(run.get(q, []), qrels[q], 1) for q in qs) / n,
        "MRR": sum(rr(run.get(q, []), qrels[q]) for q in qs) / n,
        "P@1": sum(1.0 for q in qs if run.get(q) and run[q][0] in qrels[q]) / n,
        "queries": len(qs),
    }


# ---------------------------------------------------------------- runs

def run_ours(store: Store, queries, ext: dict[str, str], limit: int = 10) -> tuple[dict, list]:
    run, times = {}, []
    for qid, text in queries:
        t0 = time.perf_counter()
        res = archive.match_queries(store, [(qid, text)], limit=limit)[0]
        times.append((time.perf_counter() - t0) * 1000)
        # `id` is the id given at import (the vclaim id): what the qrels name
        run[qid] = [m["id"] for m in res["matches"] if ext.get(m["entry_key"]) == m["id"]]
    return run, times


def run_fts(store: Store, queries, limit: int = 10) -> dict:
    run = {}
    for qid, text in queries:
        q = fts_query(text)
        rows = store.conn.execute(
            "SELECT a.ext_id FROM archive_fts JOIN archive a ON a.id = archive_fts.rowid"
            " WHERE archive_fts MATCH ? ORDER BY bm25(archive_fts) LIMIT ?",
            (q, limit)).fetchall() if q else []
        run[qid] = [r[0] for r in rows]
    return run


def ext_ids(store: Store) -> dict[str, str]:
    return {f"archive-{i}": e for i, e in store.conn.execute("SELECT id, ext_id FROM archive")}


# ---------------------------------------------------------------- tuning (train only)

def collect(store: Store, queries, ext) -> list[tuple[str, list[tuple[str, dict]]]]:
    ix = archive.indexes(store, desk=False)
    out = []
    for qid, text in queries:
        q = archive.Query(text)
        ranked = archive.rank(ix, q, limit=archive.CANDIDATES)
        out.append((qid, [(ext[e.key], f) for _, e, f in ranked]))
    return out


def score_run(collected, weights) -> dict:
    run = {}
    for qid, cands in collected:
        ranked = sorted(cands, key=lambda c: -sum(weights.get(k, 0) * v for k, v in c[1].items()))
        run[qid] = [d for d, _ in ranked[:10]]
    return run


def tune(data_by_edition: dict, tmp: str) -> dict:
    collected, qrels = [], {}
    for edition in ("2020", "2021"):
        data = data_by_edition[edition]
        store = build_store(tmp, edition, data["claims"])
        ext = ext_ids(store)
        queries, qr = data["splits"]["train"]
        collected += [(f"{edition}:{q}", c) for q, c in collect(store, queries, ext)]
        qrels.update({f"{edition}:{q}": r for q, r in qr.items()})
        store.close()
    weights = dict(archive.WEIGHTS)
    best = metrics(score_run(collected, weights), qrels)["MAP@5"]
    print(f"start MAP@5 on train {best:.4f}")
    steps = [2.0, 1.0, 0.5, 0.25, 0.1]
    for step in steps:
        improved = True
        while improved:
            improved = False
            for k in list(weights):
                for delta in (step, -step):
                    trial = dict(weights)
                    trial[k] = round(trial[k] + delta, 3)
                    m = metrics(score_run(collected, trial), qrels)["MAP@5"]
                    if m > best + 1e-6:
                        best, weights, improved = m, trial, True
            print(f"step {step}: train MAP@5 {best:.4f} {weights}")
    return weights


# ---------------------------------------------------------------- main

def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="only the 2021 edition")
    ap.add_argument("--json", action="store_true", help="print the table as JSON too")
    ap.add_argument("--tune", action="store_true", help="tune the weights on train splits")
    ap.add_argument("--splits", default="", help="also report these, e.g. 2021:dev,2020:dev")
    args = ap.parse_args()
    if not DATA.exists():
        print(f"no CheckThat! data at {DATA}; set CHECKTHAT_DATA")
        return 0
    quick = args.quick or os.environ.get("BENCH_QUICK", "") not in ("", "0")
    with tempfile.TemporaryDirectory() as tmp:
        if args.tune:
            data = {e: EDITIONS[e]() for e in ("2020", "2021")}
            weights = tune(data, tmp)
            print(json.dumps(weights))
            return 0
        reported = [(e, s) for e, s in REPORTED if not quick or e == "2021"]
        reported += [tuple(x.split(":")) for x in args.splits.split(",") if x]
        table, all_times = [], []
        for edition in dict.fromkeys(e for e, _ in reported):
            data = EDITIONS[edition]()
            t0 = time.perf_counter()
            store = build_store(tmp, edition, data["claims"])
            import_s = time.perf_counter() - t0
            ext = ext_ids(store)
            t0 = time.perf_counter()
            archive.indexes(store)
            index_s = time.perf_counter() - t0
            print(f"# {edition}: {len(ext)} verified claims imported in {import_s:.1f}s, "
                  f"index built in {index_s * 1000:.0f} ms")
            for ed, split in reported:
                if ed != edition:
                    continue
                queries, qrels = data["splits"][split]
                run, times = run_ours(store, queries, ext)
                all_times += times
                ours = metrics(run, qrels)
                base = metrics(run_fts(store, queries), qrels)
                table.append((edition, split, ours, base, len(ext)))
            store.close()
    print()
    print(f"{'split':<16} {'queries':>7}  {'MAP@5':>13}  {'MAP@1':>13}  {'MRR':>13}  {'P@1':>13}")
    print(f"{'':<16} {'':>7}  {'ours / FTS5':>13}  {'ours / FTS5':>13}  {'ours / FTS5':>13}  "
          f"{'ours / FTS5':>13}")
    for edition, split, ours, base, _ in table:
        print(f"{edition + ' ' + split:<16} {ours['queries']:>7}  "
              + "  ".join(f"{ours[k]:.3f} / {base[k]:.3f}" for k in ("MAP@5", "MAP@1", "MRR", "P@1")))
    print()
    for edition, split, ours, base, n in table:
        target = ">= 0.93 and > FTS5" if (edition, split) == ("2021", "test") else "> FTS5"
        ok = ours["MAP@5"] > base["MAP@5"] and (
            ours["MAP@5"] >= 0.93 if (edition, split) == ("2021", "test") else True)
        result_row(f"CheckThat! {edition} {split} MAP@5", round(ours["MAP@5"], 4), "MAP@5",
                   peer=round(base["MAP@5"], 4), peer_name="FTS5 bm25()", target=target, ok=ok,
                   **{f"ours_{k}": round(v, 4) for k, v in ours.items() if k != "queries"},
                   **{f"fts5_{k}": round(v, 4) for k, v in base.items() if k != "queries"},
                   queries=ours["queries"], archive_entries=n)
    if all_times:
        med = statistics.median(all_times)
        p95 = sorted(all_times)[int(0.95 * (len(all_times) - 1))]
        result_row("archive match latency (median)", round(med, 2), "ms", target="< 50 ms",
                   ok=med < 50, higher_is_better=False, p95_ms=round(p95, 2),
                   queries=len(all_times))
    if args.json:
        print(json.dumps([{"edition": e, "split": s, "ours": o, "fts5": b}
                          for e, s, o, b, _ in table], indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
