"""Train the check-worthiness model that ships in factcheck/analysis/worthiness_model.json.gz.

    .venv/bin/python bench/train_worthiness.py            # retrain, write the shipped file
    .venv/bin/python bench/train_worthiness.py --check    # retrain, compare with the shipped file

Data: ClaimBuster's two-class train release and the CLEF CheckThat! 2019 Task 1 training
transcripts (bench/_worthiness_data.py reads them), all of it: the held-out parts the
benchmark reports on are left out only when the benchmark trains its own copy
(bench/worthiness_quality.py calls `train` with heldout=False).

The model is a logistic regression (scikit-learn's liblinear, L2, C=1) over the features of
factcheck/analysis/cues.py, read through worthiness.features exactly as the desk reads a
claim.  Two sets of weights come out of one run: the English model (facets, cues, English
words, word pairs and letter n-grams) and the shared model (facets and cues alone), which
scores every other language.  A feature "from CheckThat!" is on for the CheckThat! lines
while training and never when scoring: the two sets label at different rates (27% and
2.7% positive), and that feature takes the difference instead of the words.

Reproducible: the same data gives the same file, byte for byte (features in sorted order,
a deterministic solver, weights rounded to 4 decimals, gzip without a time stamp).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import _worthiness_data as data

from factcheck.analysis import cues, worthiness
from factcheck.analysis.facets import extract

OUT = worthiness.MODEL_FILE
C_REGULARISATION = 1.0
MIN_SENTENCES = 2     # an English n-gram seen in fewer training sentences is left out
KEEP_FROM = 0.05      # smaller weights are dropped: the file is half as big, the held-out
                      # figures move in the fourth decimal
SOURCE = "from_checkthat"


def examples(heldout: bool | None = None, limit: int | None = None) -> list[dict]:
    """Labelled sentences: heldout None = all, False = training part, True = held-out part."""
    out = [{"text": r["text"], "label": r["label"], "source": "claimbuster"}
           for r in data.claimbuster() if heldout is None or r["heldout"] == heldout]
    for lines in data.checkthat().values():
        out += [{"text": r["text"], "label": r["label"], "source": "checkthat"}
                for r in lines if heldout is None or r["heldout"] == heldout]
    if limit is not None:  # a slice of both sets, for tests
        cb = [e for e in out if e["source"] == "claimbuster"][:limit]
        ct = [e for e in out if e["source"] == "checkthat"][:limit]
        out = cb + ct
    return out


def featurise(text: str) -> tuple[dict[str, float], dict[str, float]]:
    """(shared features, English features) of one training sentence."""
    facets = extract(text, "en")
    tokens, _, shared = worthiness.features(text, facets)
    unigrams, pairs, grams = cues.lexical(tokens)
    english = {"w:" + k: v for k, v in unigrams.items()}
    english.update(("p:" + k, v) for k, v in pairs.items())
    english.update(("g:" + k, v) for k, v in grams.items())
    return shared, english


def _fit(rows: list[dict[str, float]], labels: list[int]):
    import numpy as np  # deferred: start-up (training only)
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer(sort=True)
    X = vec.fit_transform(rows)
    X.indices = X.indices.astype(np.int32)  # liblinear takes 32-bit indices only
    X.indptr = X.indptr.astype(np.int32)
    lr = LogisticRegression(C=C_REGULARISATION, solver="liblinear", max_iter=1000,
                            random_state=0)
    lr.fit(X, np.asarray(labels))
    names = vec.get_feature_names_out()
    weights = {str(n): float(w) for n, w in zip(names, lr.coef_[0])}
    return float(lr.intercept_[0]), weights


def _rounded(weights: dict[str, float]) -> dict[str, float]:
    return {k: round(w, 4) for k, w in sorted(weights.items()) if abs(w) >= KEEP_FROM}


def train(heldout: bool | None = None, limit: int | None = None, log=print) -> dict:
    """The model as the file holds it (a dict), trained on the chosen part of the data."""
    t0 = time.perf_counter()
    ex = examples(heldout, limit)
    feats = [featurise(e["text"]) for e in ex]
    labels = [e["label"] for e in ex]
    log(f"# {len(ex)} sentences ({sum(labels)} check-worthy) read in "
        f"{time.perf_counter() - t0:.1f}s")
    # English n-grams seen in at least MIN_SENTENCES sentences
    seen: dict[str, int] = {}
    for _, english in feats:
        for k in english:
            seen[k] = seen.get(k, 0) + 1
    kept = {k for k, n in seen.items() if n >= MIN_SENTENCES}
    source = [{SOURCE: 1.0} if e["source"] == "checkthat" else {} for e in ex]
    rows_en = [{**{"s:" + k: v for k, v in sh.items()}, **src,
                **{k: v for k, v in en.items() if k in kept}}
               for (sh, en), src in zip(feats, source)]
    t0 = time.perf_counter()
    bias_en, w_en = _fit(rows_en, labels)
    rows_shared = [{**{"s:" + k: v for k, v in sh.items()}, **src}
                   for (sh, _), src in zip(feats, source)]
    bias_sh, w_sh = _fit(rows_shared, labels)
    log(f"# fitted in {time.perf_counter() - t0:.1f}s on {len(kept)} English n-grams")

    def part(weights: dict[str, float], prefix: str) -> dict[str, float]:
        return _rounded({k[len(prefix):]: w for k, w in weights.items() if k.startswith(prefix)})

    return {
        "meta": {"trained_on": {"claimbuster": sum(e["source"] == "claimbuster" for e in ex),
                                "checkthat": sum(e["source"] == "checkthat" for e in ex)},
                 "part": {None: "all", False: "training part", True: "held-out part"}[heldout],
                 "C": C_REGULARISATION, "min_sentences": MIN_SENTENCES,
                 "char_sizes": list(cues.CHAR_SIZES)},
        "english": {"bias": round(bias_en, 4), "shared": part(w_en, "s:"),
                    "words": part(w_en, "w:"), "pairs": part(w_en, "p:"),
                    "grams": part(w_en, "g:")},
        "shared": {"bias": round(bias_sh, 4), "shared": part(w_sh, "s:")},
    }


def encode(model: dict) -> bytes:
    """The file's bytes: sorted JSON, gzip without a time stamp or a name."""
    text = json.dumps(model, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true",
                    help="retrain and say whether the shipped file is what comes out")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    if not data.available():
        print(f"no check-worthiness data at {data.DATA}; set CHECKWORTHINESS_DATA")
        return 2
    blob = encode(train())
    if args.check:
        same = args.out.exists() and args.out.read_bytes() == blob
        print(f"{args.out}: {'the same bytes' if same else 'DIFFERS from a fresh training'}")
        return 0 if same else 1
    args.out.write_bytes(blob)
    print(f"wrote {args.out} ({len(blob) / 1024:.0f} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
