"""Import throughput of factcheck against pysbd, side by side in one run.

On a generated corpus of distinct French and English news articles (bench/common.py),
measures in MB/s of UTF-8 input, median of several round-robin runs:

  (a) segmentation alone                     factcheck.segment.segment
  (b) segmentation + facets + worthiness     factcheck.store.build_claims
  (c) the article stored: Store.import_document(parse_document(bytes)) into a fresh
      SQLite file, article after article, on the whole corpus (at most its first
      --import-mb, 0.5 MB by default), up to the commit of the article
      and its claims (decoding, segmentation, facets, worthiness, JSON, rows, full-text
      index), with the near-duplicate search that follows stubbed out
  (d) the whole import command: (c), then the near-duplicate search against everything in
      the store, in its own transaction (factcheck.dupes.index_article)
  peer: pysbd French segmentation alone      pysbd.Segmenter(language="fr", clean=False),
        on the whole corpus, and on exactly the text (c) and (d) store when that is less

Target (issue 8: "on the same text, facets and storage included"): (c) at least 2x the
throughput of pysbd segmenting the same text.  The ratio is paired: each round times (c)
and pysbd on that text back to back, and the median of the rounds' ratios is reported, so
that the machine's drift (its speed moves by up to half between runs) hits both alike.
(d) is reported beside it; the duplicate search has its own figures in
bench/dupes_speed.py.  Every timed run starts cold: the caches a process keeps
(signatures, stems) are emptied before it.
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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (corpus_bytes, generate_corpus, interleaved_medians,  # noqa: E402
                    machine_line, quick_requested, result_row)

from factcheck.segment import segment  # noqa: E402
from factcheck.store import Store, build_claims  # noqa: E402
from factcheck.textio import parse_document  # noqa: E402

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
        from factcheck import dupes as dupes_mod
        has_dupes = hasattr(dupes_mod, "index_article")
    except ImportError:
        dupes_mod, has_dupes = None, False
    n_fr = sum(1 for _, lang, _ in corpus if lang == "fr")
    print(f"# import_speed: {machine_line()}")
    print(f"# corpus: {len(corpus)} articles ({n_fr} fr, {len(corpus) - n_fr} en), "
          f"{size_mb:.2f} MB UTF-8, seed {args.seed}; median of {args.repeats} runs")
    print(f"# SQLite import stages: first {len(blobs)} articles, {import_size_mb:.2f} MB, "
          f"each run into a fresh file"
          + ("; near-duplicate indexing (factcheck.dupes) is part of the import" if has_dupes
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
        import factcheck.dupes
        import factcheck.facets
        import factcheck.segment
        import factcheck.worthiness

        for mod in (factcheck.dupes, factcheck.facets, factcheck.segment,
                    factcheck.worthiness):
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

    def stage_import(store: Store):
        n = 0
        try:
            for name, data in blobs:
                res = store.import_document(parse_document(data, name), source=name,
                                            editor="bench")
                n += res.claims
        finally:
            store.close()
        return n

    def stage_import_nodupes(store: Store):
        real = dupes_mod.index_article
        dupes_mod.index_article = lambda conn, article_id, claims=None: 0
        try:
            return stage_import(store)
        finally:
            dupes_mod.index_article = real

    def stage_pysbd():
        return sum(sum(1 for s in sbd.segment(text) if s.strip()) for _, _, text in texts)

    import_texts = [data.decode("utf-8") for _, data in blobs]

    def stage_pysbd_same():  # the very text the import stages store
        return sum(sum(1 for s in sbd.segment(text) if s.strip()) for text in import_texts)

    # warm-up: import paths, regex caches, pysbd's rule compilation
    warm = texts[:5]
    for _, lang, text in warm:
        segment(text)
        list(build_claims(text, lang))
        sbd.segment(text)

    try:
        stages = {"segment": stage_segment, "claims": stage_claims, "import": stage_import}
        setups = {"segment": cold, "claims": cold, "import": fresh_store}
        if has_dupes:
            stages["import_nodupes"] = stage_import_nodupes
            setups["import_nodupes"] = fresh_store
        stages["pysbd"] = stage_pysbd
        if len(blobs) < len(corpus):  # else the whole corpus is the stored text
            stages["pysbd_same"] = stage_pysbd_same
        res = interleaved_medians(stages, repeats=args.repeats, setups=setups)
    finally:
        for d in tmpdirs:
            shutil.rmtree(d, ignore_errors=True)

    if "pysbd_same" not in res:
        res["pysbd_same"] = res["pysbd"]
    mbps = {k: (import_size_mb if k.startswith(("import", "pysbd_same")) else size_mb) / v[0]
            for k, v in res.items()}

    def paired(stage: str) -> tuple[float, list[float]]:
        """Round by round, pysbd's time on the stored text over the stage's time."""
        ratios = [p / t for p, t in zip(res["pysbd_same"][1], res[stage][1])]
        return statistics.median(ratios), ratios
    counts = {k: v[2] for k, v in res.items()}
    spread = {k: f"{min(v[1]):.2f}-{max(v[1]):.2f}s" for k, v in res.items()}
    print("# medians: " + ", ".join(f"{k} {v[0]:.2f}s ({spread[k]})" for k, v in res.items()))
    print(f"# segments: factcheck {counts['segment']}, build_claims {counts['claims']}, "
          f"import {counts['import']} claims, pysbd {counts['pysbd']}")

    claims_s = res["claims"][0] * import_size_mb / size_mb  # build_claims on the import part
    imp = res["import"][0]
    line = f"# full import {imp:.2f}s = build_claims ~{claims_s:.2f}s"
    if has_dupes:
        nd = res["import_nodupes"][0]
        line += (f" + parse/SQLite ~{nd - claims_s:.2f}s + near-duplicate indexing "
                 f"~{imp - nd:.2f}s ({100 * (imp - nd) / imp:.0f}% of the import)")
    else:
        line += f" + parse/SQLite ~{imp - claims_s:.2f}s"
    print(line)
    p = mbps["pysbd"]
    common = dict(unit="MB/s", peer=p, peer_name="pysbd", corpus_mb=round(size_mb, 3),
                  articles=len(corpus), repeats=args.repeats)
    stored = "import_nodupes" if has_dupes else "import"
    stored_ratio, stored_rounds = paired(stored)
    print(f"# stored vs pysbd on the same text, round by round: "
          + " ".join(f"{r:.2f}x" for r in stored_rounds) + f" (median {stored_ratio:.2f}x)")
    result_row("import: segmentation alone", mbps["segment"], segments=counts["segment"],
               **common)
    result_row("import: segment+facets+worthiness", mbps["claims"], claims=counts["claims"],
               **common)
    common_imp = dict(common, peer=mbps["pysbd_same"], peer_name="pysbd, same text",
                      corpus_mb=round(import_size_mb, 3), articles=len(blobs),
                      ratio_by="median of paired rounds")
    result_row("import: article stored (segment, facets, SQLite)", mbps[stored],
               min_ratio=TARGET_RATIO, ratio=stored_ratio, claims=counts[stored],
               rounds=[round(r, 3) for r in stored_rounds], **common_imp)
    if has_dupes:
        result_row("import: stored + near-duplicate search", mbps["import"], target="info",
                   ratio=paired("import")[0], claims=counts["import"], **common_imp)
    result_row("import: full, claims/s", counts["import"] / res["import"][0], "claims/s",
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
