"""Check-worthiness on public data, side by side with a plain TF-IDF + logistic regression.

Both are trained here, in this run, on the same training part of the given data (see
bench/_worthiness_data.py for the split) and scored on the held-out part:

  ours      bench/train_worthiness.train(heldout=False), scored by factcheck's own
            worthiness.score on each sentence with its facets (facets.extract, "en"), the
            language guessed from the sentence as the desk does when it is not told
  shared    the same run's language-independent model alone (facets and bilingual cues,
            no English words): what a French claim is scored with
  baseline  scikit-learn TfidfVectorizer (words and word pairs, sublinear tf) +
            LogisticRegression (liblinear, C=1), the reference the issue names

Measures: ClaimBuster two-class held-out sentences, ROC-AUC; CheckThat! 2019 held-out
transcripts, MAP (each transcript ranked by score, ties in line order), with
R-precision and P@10.  Targets (issue 18): AUC >= 0.92, MAP >= 0.17.

Speed: 10,000 claims of the generated French and English news corpus (bench/common.py),
facets computed beforehand, scored by worthiness.score with the shipped model (loaded
before timing: its load is reported apart), against segmenting the same claims
(segment.segment on their text, one claim per line).  Target: under a second.

    python bench/worthiness_quality.py [--quick]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import _worthiness_data as data
import train_worthiness
from common import generate_corpus, interleaved_medians, quick_requested, result_row

from factcheck.analysis import worthiness
from factcheck.analysis.facets import extract
from factcheck.analysis.segment import segment, sentences

TARGET_AUC, TARGET_MAP = 0.92, 0.17


def roc_auc(scores: list[float], labels: list[int]) -> float:
    """The probability that a positive outranks a negative (ties count half)."""
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    ranks = [0.0] * len(scores)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    pos = sum(labels)
    neg = len(labels) - pos
    return (sum(r for r, y in zip(ranks, labels) if y) - pos * (pos + 1) / 2) / (pos * neg)


def ranking(scores: list[float], labels: list[int]) -> dict:
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    relevant = sum(labels)
    return {"AP": data.average_precision(scores, labels),
            "R-prec": sum(labels[i] for i in order[:relevant]) / relevant if relevant else 0.0,
            "P@10": sum(labels[i] for i in order[:10]) / 10}


def evaluate(score_fn, cb: list[dict], ct: dict[str, list[dict]]) -> dict:
    out = {"AUC": roc_auc([score_fn(r["text"]) for r in cb], [r["label"] for r in cb])}
    per = {name: ranking([score_fn(r["text"]) for r in lines], [r["label"] for r in lines])
           for name, lines in ct.items()}
    for k in ("AP", "R-prec", "P@10"):
        out["MAP" if k == "AP" else k] = statistics.fmean(p[k] for p in per.values())
    out["per_transcript"] = {name: round(p["AP"], 4) for name, p in per.items()}
    return out


def baseline(train: list[dict]):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)
    X = vec.fit_transform([e["text"] for e in train])
    lr = LogisticRegression(C=1.0, solver="liblinear").fit(X, [e["label"] for e in train])
    cache: dict[str, float] = {}

    def score_fn(text: str) -> float:
        if text not in cache:
            cache[text] = float(lr.decision_function(vec.transform([text]))[0])
        return cache[text]
    return score_fn


def quality() -> None:
    t0 = time.perf_counter()
    model = worthiness.Model(train_worthiness.train(heldout=False))
    print(f"# our model trained on the training part in {time.perf_counter() - t0:.1f}s")
    cb = [r for r in data.claimbuster() if r["heldout"]]
    ct = {n: lines for n, lines in data.checkthat().items() if lines[0]["heldout"]}
    facets: dict[str, dict] = {}

    def facets_of(text: str) -> dict:
        if text not in facets:
            facets[text] = extract(text, "en")
        return facets[text]

    def ours(text: str) -> float:
        return worthiness.score(text, facets_of(text), weights=model)[0]

    def shared(text: str) -> float:
        return worthiness.score(text, facets_of(text), weights=model, lang="fr")[0]

    runs = {"ours": evaluate(ours, cb, ct), "shared only": evaluate(shared, cb, ct),
            "TF-IDF + LR": evaluate(baseline(train_worthiness.examples(heldout=False)), cb, ct)}
    guessed_fr = sum(worthiness._language(r["text"]) != "en" for r in cb)
    print(f"# held out: ClaimBuster {len(cb)} sentences ({sum(r['label'] for r in cb)} "
          f"check-worthy; {guessed_fr} guessed not English); CheckThat! {len(ct)} transcripts, "
          f"{sum(len(v) for v in ct.values())} lines")
    print()
    print(f"{'':<14} {'CB ROC-AUC':>10} {'CT MAP':>8} {'CT R-prec':>9} {'CT P@10':>8}")
    for name, r in runs.items():
        print(f"{name:<14} {r['AUC']:>10.4f} {r['MAP']:>8.4f} {r['R-prec']:>9.4f} "
              f"{r['P@10']:>8.4f}")
    print()
    print(f"{'AP by transcript':<28} " + " ".join(f"{n:>12}" for n in runs))
    for t in ct:
        print(f"{t:<28} " + " ".join(f"{r['per_transcript'][t]:>12.4f}" for r in runs.values()))
    print()
    o, s, b = runs["ours"], runs["shared only"], runs["TF-IDF + LR"]
    result_row("check-worthiness: ClaimBuster held-out ROC-AUC", round(o["AUC"], 4), "AUC",
               peer=round(b["AUC"], 4), peer_name="TF-IDF+LR", target=f">= {TARGET_AUC}",
               ok=o["AUC"] >= TARGET_AUC, shared_only=round(s["AUC"], 4), sentences=len(cb))
    result_row("check-worthiness: CheckThat! 2019 held-out MAP", round(o["MAP"], 4), "MAP",
               peer=round(b["MAP"], 4), peer_name="TF-IDF+LR", target=f">= {TARGET_MAP}",
               ok=o["MAP"] >= TARGET_MAP, shared_only=round(s["MAP"], 4),
               transcripts=len(ct), per_transcript=o["per_transcript"],
               baseline_per_transcript=b["per_transcript"])


def speed(quick: bool) -> None:
    corpus = generate_corpus(1_200_000, seed=20250718)  # a little over 10,000 claims
    claims: list[tuple[str, dict, str]] = []
    for _, lang, text in corpus:
        for s in sentences(text):
            claims.append((s, extract(s, lang), lang))
            if len(claims) == 10_000:
                break
        if len(claims) == 10_000:
            break
    joined = "\n".join(s for s, _, _ in claims)
    t0 = time.perf_counter()
    worthiness._MODEL = None
    worthiness.model()
    load_ms = (time.perf_counter() - t0) * 1000

    def score_all():
        for s, f, lang in claims:
            worthiness.score(s, f, lang=lang)

    def clear():
        worthiness.clear_caches()  # each run starts with no word looked up

    timed = interleaved_medians({"score": score_all, "segment": lambda: segment(joined)},
                                repeats=3 if quick else 5, setups={"score": clear})
    score_s, segment_s = timed["score"][0], timed["segment"][0]
    result_row(f"check-worthiness: score {len(claims):,} claims", round(score_s, 3), "s",
               peer=round(segment_s, 3), peer_name="segmenting them",
               ratio=score_s / segment_s, target="< 1 s", ok=score_s < 1.0,
               higher_is_better=False, claims=len(claims), model_load_ms=round(load_ms, 1),
               model_bytes=worthiness.MODEL_FILE.stat().st_size)
    result_row("check-worthiness: model load (first score)", round(load_ms, 1), "ms",
               model_kib=round(worthiness.MODEL_FILE.stat().st_size / 1024))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer timing rounds")
    args = ap.parse_args(argv)
    quick = args.quick or quick_requested([])
    if data.available():
        quality()
    else:
        print(f"no check-worthiness data at {data.DATA}; set CHECKWORTHINESS_DATA")
    speed(quick)
    return 0


if __name__ == "__main__":
    sys.exit(main())
