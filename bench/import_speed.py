"""Import throughput of factcheck against pysbd, side by side in one run.

On a generated corpus of distinct French and English news articles (bench/common.py),
measures in MB/s of UTF-8 input, median of several round-robin runs:

  (a) segmentation alone                     factcheck.analysis.segment.segment
  (b) segmentation + facets + worthiness     factcheck.analysis.pipeline.build_claims
  (c) the article stored: import_document(Store, parse_document(bytes)) into a fresh
      SQLite file, article after article, on the whole corpus (at most its first
      --import-mb, 0.5 MB by default), up to the commit of the article
      and its claims (decoding, segmentation, facets, worthiness, JSON, rows, full-text
      index), with the near-duplicate search that follows stubbed out
  (d) the whole import command: (c), then the near-duplicate search against everything in
      the store, in its own transaction (factcheck.matching.dupes.index_article)
  peer: pysbd French segmentation alone      pysbd.Segmenter(language="fr", clean=False),
        on the whole corpus, and on exactly the text (c) and (d) store when that is less

Target (issue 8: "on the same text, facets and storage included"): (c) at least 2x the
throughput of pysbd segmenting the same text.  The ratio is paired article by article:
each article is stored, then pysbd segments that article's text, and so on through the
corpus; a round's ratio is pysbd's total over the import's (its closing checkpoint
included), and the median of the rounds is reported.  The machine's speed moves by a
third within seconds here (one stage timed whole against another gave rounds from 1.5x
to 2.3x in one run); paired at the article, the same rounds agree within a few per cent.
(d) is timed in its own run after each paired one and set against that round's pysbd
total (not paired at the article); the duplicate search has its own figures in
bench/dupes_speed.py.  (a) and (b) have no target: they run round-robin before the paired
rounds, and when the whole corpus is stored their pysbd figure is the paired rounds' median.  Every timed run starts cold: the caches a
process keeps (signatures, stems) are emptied before it.
Also reports claims/s and how many segments each produced.

    python bench/import_speed.py            # ~2 MB corpus (0.5 MB stored), 5 runs
    python bench/import_speed.py --quick    # ~0.5 MB, all stored (also when BENCH_QUICK is set)
    python bench/import_speed.py --mb 5 --repeats 5
    python bench/import_speed.py --profile  # cProfile of build_claims instead of timing

Prints readable rows and `RESULT {json}` lines (protocol: see bench/run_all.py).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (corpus_bytes, generate_corpus, interleaved_medians,  # noqa: E402
                    machine_line, quick_requested, result_row)

from factcheck.analysis.segment import segment  # noqa: E402
from factcheck.analysis.pipeline import build_claims  # noqa: E402
from factcheck.ingest import import_document  # noqa: E402
from factcheck.store import Store  # noqa: E402
from factcheck.text.document import parse_document  # noqa: E402

TARGET_RATIO = 2.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="small corpus (~0.5 MB)")
    ap.add_argument("--mb", type=float, help="corpus size in MB (default 2, quick 0.5)")
    ap.add_argument("--repeats", type=int, default=5,
                    help="timed runs per stage (median; pysbd's own speed varies by 10-20%% "
                         "from run to run here)")
    ap.add_argument("--import-mb", type=float,
                    help="part of the corpus the SQLite import stages use (default: all of it, "
                         "at most 0.5 MB): the import also indexes near-duplicates against the "
                         "store, whose cost grows with the store; pysbd is timed on that same "
                         "text for the target's ratio")
    ap.add_argument("--seed", type=int, default=20250701)
    ap.add_argument("--profile", action="store_true",
                    help="profile build_claims and pysbd on the corpus, print the top functions")
    args = ap.parse_args(argv)
    quick = args.quick or quick_requested([])
    mb = args.mb or (0.5 if quick else 2.0)

    try:
        import pysbd
    except ImportError:
        print("pysbd is not installed: pip install -e '.[bench]'", file=sys.stderr)
        return 2

    corpus = generate_corpus(int(mb * 1_000_000), seed=args.seed)
    texts = [(name, lang, text) for name, lang, text in corpus]
    size_mb = corpus_bytes(corpus) / 1e6
    import_mb = args.import_mb or (size_mb if size_mb <= 0.5 else 0.5)
    blobs, acc = [], 0
    for name, _, text in corpus:
        if acc >= import_mb * 1e6:
            break
        blobs.append((name, text.encode("utf-8")))
        acc += len(blobs[-1][1])
    import_size_mb = acc / 1e6
    try:
        from factcheck.matching import dupes as dupes_mod
        has_dupes = hasattr(dupes_mod, "index_article")
    except ImportError:
        dupes_mod, has_dupes = None, False
    n_fr = sum(1 for _, lang, _ in corpus if lang == "fr")
    print(f"# import_speed: {machine_line()}")
    print(f"# corpus: {len(corpus)} articles ({n_fr} fr, {len(corpus) - n_fr} en), "
          f"{size_mb:.2f} MB UTF-8, seed {args.seed}; median of {args.repeats} runs")
    print(f"# SQLite import stages: first {len(blobs)} articles, {import_size_mb:.2f} MB, "
          f"each run into a fresh file"
          + ("; near-duplicate indexing (factcheck.matching.dupes) is part of the import" if has_dupes
             else ""))

    sbd = pysbd.Segmenter(language="fr", clean=False)

    if args.profile:
        return profile(texts, sbd)

    def stage_segment():
        return sum(len(segment(text)) for _, _, text in texts)

    def stage_claims():
        return sum(sum(1 for _ in build_claims(text, lang)) for _, lang, text in texts)

    tmpdirs: list[str] = []

    def cold() -> None:
        """Each timed run starts like a new process: what earlier runs worked out and kept
        (signatures, stems, per-word caches) is forgotten; compiled patterns stay, as
        pysbd's do."""
        import factcheck.matching.dupes.index
        import factcheck.analysis.facets
        import factcheck.analysis.segment
        import factcheck.analysis.worthiness

        for mod in (factcheck.matching.dupes.index, factcheck.analysis.facets, factcheck.analysis.segment,
                    factcheck.analysis.worthiness):
            if hasattr(mod, "clear_caches"):
                mod.clear_caches()
            for value in vars(mod).values():
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()

    def fresh_store():
        cold()
        d = tempfile.mkdtemp(prefix="fc-bench-")
        tmpdirs.append(d)
        return Store(Path(d) / "bench.db")

    import_texts = [data.decode("utf-8") for _, data in blobs]
    whole = len(blobs) == len(corpus)  # the stored text is the whole corpus

    def pysbd_segments(text: str) -> int:
        return sum(1 for s in sbd.segment(text) if s.strip())

    def run_import(store: Store, paired: bool) -> tuple[float, float, int, int]:
        """Store every article; with paired, pysbd segments each article's text right
        after it is stored.  Returns (import s, pysbd s, claims, pysbd segments)."""
        clock = time.perf_counter
        t_import = t_pysbd = 0.0
        claims = segs = 0
        try:
            for (name, data), text in zip(blobs, import_texts):
                t0 = clock()
                claims += import_document(store, parse_document(data, name), source=name,
                                                editor="bench").claims
                t1 = clock()
                t_import += t1 - t0
                if paired:
                    segs += pysbd_segments(text)
                    t_pysbd += clock() - t1
        finally:
            t0 = clock()
            store.close()  # its checkpoint is part of the storing
            t_import += clock() - t0
        return t_import, t_pysbd, claims, segs

    def without_dupes(fn):
        real = dupes_mod.index_article
        dupes_mod.index_article = lambda conn, article_id, claims=None: 0
        try:
            return fn()
        finally:
            dupes_mod.index_article = real

    def stage_pysbd():
        return sum(pysbd_segments(text) for _, _, text in texts)

    # warm-up: import paths, regex caches, pysbd's rule compilation
    warm = texts[:5]
    for _, lang, text in warm:
        segment(text)
        list(build_claims(text, lang))
        sbd.segment(text)

    stored_s, full_s, pysbd_same_s, rounds = [], [], [], []
    counts: dict[str, int] = {}
    try:
        stages = {"segment": stage_segment, "claims": stage_claims}
        setups = {"segment": cold, "claims": cold}
        if not whole:  # else the paired rounds time pysbd on the whole corpus
            stages["pysbd"] = stage_pysbd
        res = interleaved_medians(stages, repeats=args.repeats, setups=setups)
        for _ in range(args.repeats):
            store = fresh_store()
            if has_dupes:
                imp_s, sbd_s, n, segs = without_dupes(lambda: run_import(store, True))
                full, _, counts["import"], _ = run_import(fresh_store(), False)
                full_s.append(full)
            else:
                imp_s, sbd_s, n, segs = run_import(store, True)
                counts["import"] = n
            stored_s.append(imp_s)
            pysbd_same_s.append(sbd_s)
            rounds.append(sbd_s / imp_s)
            counts["stored"], counts["pysbd_same"] = n, segs
    finally:
        for d in tmpdirs:
            shutil.rmtree(d, ignore_errors=True)

    med = statistics.median
    if whole:
        res["pysbd"] = (med(pysbd_same_s), pysbd_same_s, counts["pysbd_same"])
    stored_ratio = med(rounds)
    mbps = {k: size_mb / v[0] for k, v in res.items()}
    mbps["stored"] = import_size_mb / med(stored_s)
    mbps["pysbd_same"] = import_size_mb / med(pysbd_same_s)
    if has_dupes:
        mbps["import"] = import_size_mb / med(full_s)
    else:
        full_s = stored_s
    counts.update({k: v[2] for k, v in res.items()})
    spread = {k: f"{min(v[1]):.2f}-{max(v[1]):.2f}s" for k, v in res.items()}
    print("# medians: " + ", ".join(f"{k} {v[0]:.2f}s ({spread[k]})" for k, v in res.items()))
    print(f"# stored {med(stored_s):.2f}s ({min(stored_s):.2f}-{max(stored_s):.2f}s), pysbd on "
          f"the same articles {med(pysbd_same_s):.2f}s ({min(pysbd_same_s):.2f}-"
          f"{max(pysbd_same_s):.2f}s)"
          + (f", with the duplicate search {med(full_s):.2f}s" if has_dupes else ""))
    print(f"# segments: factcheck {counts['segment']}, build_claims {counts['claims']}, "
          f"import {counts['import']} claims, pysbd {counts['pysbd']}")

    claims_s = res["claims"][0] * import_size_mb / size_mb  # build_claims on the import part
    line = (f"# article stored {med(stored_s):.2f}s = build_claims ~{claims_s:.2f}s"
            f" + parse/SQLite ~{med(stored_s) - claims_s:.2f}s")
    if has_dupes:
        imp = med(full_s)
        line += (f"; the near-duplicate search adds ~{imp - med(stored_s):.2f}s "
                 f"({100 * (imp - med(stored_s)) / imp:.0f}% of the whole import)")
    print(line)
    print("# stored vs pysbd on the same articles, round by round: "
          + " ".join(f"{r:.2f}x" for r in rounds) + f" (median {stored_ratio:.2f}x)")
    p = mbps["pysbd"]
    common = dict(unit="MB/s", peer=p, peer_name="pysbd", corpus_mb=round(size_mb, 3),
                  articles=len(corpus), repeats=args.repeats)
    result_row("import: segmentation alone", mbps["segment"], segments=counts["segment"],
               **common)
    result_row("import: segment+facets+worthiness", mbps["claims"], claims=counts["claims"],
               **common)
    common_imp = dict(common, peer=mbps["pysbd_same"], peer_name="pysbd, same text",
                      corpus_mb=round(import_size_mb, 3), articles=len(blobs))
    result_row("import: article stored (segment, facets, SQLite)", mbps["stored"],
               min_ratio=TARGET_RATIO, ratio=stored_ratio, claims=counts["stored"],
               rounds=[round(r, 3) for r in rounds],
               ratio_by="median of rounds paired article by article", **common_imp)
    if has_dupes:
        result_row("import: stored + near-duplicate search", mbps["import"], target="info",
                   ratio=med(p / t for p, t in zip(pysbd_same_s, full_s)),
                   claims=counts["import"], ratio_by="median of rounds", **common_imp)
    result_row("import: full, claims/s", counts["import"] / med(full_s), "claims/s",
               peer=counts["pysbd"] / res["pysbd"][0], peer_name="pysbd", peer_unit="segs/s")
    result_row("pysbd fr segmentation (peer)", p, "MB/s", segments=counts["pysbd"])
    result_row("pysbd fr on the stored text (peer)", mbps["pysbd_same"], "MB/s",
               segments=counts["pysbd_same"])
    result_row("segments: factcheck vs pysbd", counts["segment"], "segs",
               peer=counts["pysbd"], peer_name="pysbd", target="info")
    return 0


def profile(texts, sbd) -> int:
    for label, fn in (("build_claims", lambda: [list(build_claims(t, lang)) for _, lang, t in texts]),
                      ("pysbd", lambda: [sbd.segment(t) for _, _, t in texts])):
        prof = cProfile.Profile()
        prof.enable()
        fn()
        prof.disable()
        out = io.StringIO()
        st = pstats.Stats(prof, stream=out)
        print(f"\n## cProfile: {label}, total {st.total_tt:.2f}s")
        st.sort_stats("tottime").print_stats(18)
        print("\n".join(out.getvalue().splitlines()[4:]))
        if label == "build_claims":
            out = io.StringIO()
            pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(r"factcheck", 20)
            print("\n".join(out.getvalue().splitlines()[6:]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
