"""Record what the claim pipeline makes of a large sample, or compare with a record.

A differential check for work on the speed of factcheck.analysis: record the outputs of
one version of the code, change the code, compare.  Every output is kept as JSON text, so
a comparison is byte for byte (key order and float digits included):

* build_claims(text, lang) on the import bench's corpora (bench/common.py: the quick and
  full corpora of bench/import_speed.py, that of bench/worthiness_quality.py, two more
  seeds), on the demo article and on the Universal Dependencies development sentences
  (/work/shared/data/ud) joined into paragraphs;
* per sentence: facets.extract, facets.extract_hedges, worthiness.features and
  worthiness.score (the article's language, guessed, and "fr": the shared model) on the
  labelled facets set (tests/data/facets), the check-worthiness data (ClaimBuster and
  CheckThat! 2019, held-out parts included), the UD sentences, and the same sentences
  upper-cased and title-cased (the paths for text whose case folding is not plain).

    python tests/analysis_outputs.py record /tmp/base.jsonl.gz
    python tests/analysis_outputs.py compare /tmp/base.jsonl.gz

The shared data is found as bench/_worthiness_data.py finds it; a part whose data is
missing is left out of the record (and a comparison says so).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))


def _sources():
    """(part, kind, lang, text) for every input: kind "article" or "sentence"."""
    from common import generate_corpus

    import _worthiness_data as cw

    corpora = [(2_000_000, 20250701), (500_000, 20250701), (1_200_000, 20250718),
               (1_000_000, 7), (1_000_000, 1234)]
    for size, seed in corpora:
        for _, lang, text in generate_corpus(size, seed=seed):
            yield f"corpus-{size}-{seed}", "article", lang, text
    demo = ROOT / "factcheck" / "demo" / "meta-ai-talent.fr.txt"
    yield "demo", "article", "fr", demo.read_text(encoding="utf-8")
    sentences: list[tuple[str, str, str]] = []
    for line in (ROOT / "tests" / "data" / "facets" / "sentences.jsonl").read_text(
            encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            sentences.append(("facets-set", row["lang"], row["text"]))
    if cw.available():
        sentences += [("claimbuster", "en", r["text"]) for r in cw.claimbuster()]
        for rows in cw.checkthat().values():
            sentences += [("checkthat2019", "en", r["text"]) for r in rows]
    ud = cw.DATA.parent / "ud"
    for path in sorted(ud.glob("*.conllu")):
        lang = path.name[:2]
        sents = [" ".join(line[len("# text = "):].split())
                 for line in path.read_text(encoding="utf-8").splitlines()
                 if line.startswith("# text = ")]
        sents = [s for s in sents if s]
        for i in range(0, len(sents), 12):
            yield f"ud-{path.stem}", "article", lang, " ".join(sents[i:i + 12])
        sentences += [(f"ud-{path.stem}", lang, s) for s in sents]
    for part, lang, text in sentences:
        yield part, "sentence", lang, text
    # the same sentences in other cases: every fifth, to keep the record quick to make
    for i, (part, lang, text) in enumerate(sentences):
        if i % 5 == 0:
            yield part + "-upper", "sentence", lang, text.upper()
            yield part + "-title", "sentence", lang, text.title()


def _outputs(kind: str, lang: str, text: str) -> dict:
    from factcheck.analysis import facets, worthiness
    from factcheck.analysis.pipeline import build_claims

    if kind == "article":
        return {"claims": [[c["start"], c["end"], c["facets"], c["checkworthiness"],
                            c["reasons"]] for c in build_claims(text, lang)]}
    f = facets.extract(text, lang)
    tokens, found, x = worthiness.features(text, f)
    return {"facets": f, "hedges": facets.extract_hedges(text),
            "features": [tokens, found, x],
            "score": worthiness.score(text, f, lang=lang),
            "score_guessed": worthiness.score(text, f),
            "score_shared": worthiness.score(text, f, lang="fr")}


def _records():
    for part, kind, lang, text in _sources():
        try:
            out = _outputs(kind, lang, text)
        except Exception as exc:  # a fault is an output too: it must stay the same
            out = {"error": f"{type(exc).__name__}: {exc}"}
        yield json.dumps({"part": part, "lang": lang, "text": text, "out": out},
                         ensure_ascii=False)


def record(path: Path) -> int:
    n = 0
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for line in _records():
            f.write(line + "\n")
            n += 1
    print(f"recorded {n} inputs to {path}")
    return 0


def compare(path: Path, shown: int = 5) -> int:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        expected = [line.rstrip("\n") for line in f]
    parts: dict[str, list[int]] = {}  # part -> [inputs, differing]
    differing = order_only = 0
    got_count = 0
    for i, line in enumerate(_records()):
        got_count += 1
        part = json.loads(line)["part"]
        counts = parts.setdefault(part, [0, 0])
        counts[0] += 1
        if i < len(expected) and line != expected[i] and \
                json.loads(line) == json.loads(expected[i]):
            order_only += 1  # the same values, keys in another order
            if order_only <= shown:
                print(f"ORDER #{i} ({part}): {line[:300]}")
        if i >= len(expected) or line != expected[i]:
            counts[1] += 1
            differing += 1
            if differing <= shown:
                want = json.loads(expected[i]) if i < len(expected) else None
                got = json.loads(line)
                print(f"DIFFERS #{i} ({part}): {got['text'][:100]!r}")
                if want is not None:
                    for key in got["out"]:
                        if got["out"][key] != want["out"].get(key):
                            print(f"  {key}: want {json.dumps(want['out'].get(key), ensure_ascii=False)[:400]}")
                            print(f"  {key}:  got {json.dumps(got['out'][key], ensure_ascii=False)[:400]}")
    for part, (n, bad) in parts.items():
        print(f"  {part:<40} {n:>7} inputs, {bad} differ")
    if got_count != len(expected):
        print(f"inputs: recorded {len(expected)}, now {got_count}")
        differing += 1
    if order_only:
        print(f"{order_only} of them only in the order of dictionary keys")
    print("SAME" if not differing else f"{differing} inputs DIFFER")
    return 1 if differing else 0


def main(argv: list[str] | None = None) -> int:
    if os.environ.get("PYTHONHASHSEED") != "0":
        # the order of a set's items follows the hash seed (the pronouns of a claim, in
        # its features): one seed for every run, so that records compare byte for byte
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable, __file__, *(argv or sys.argv[1:])])
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("action", choices=("record", "compare"))
    ap.add_argument("path", type=Path)
    args = ap.parse_args(argv)
    return record(args.path) if args.action == "record" else compare(args.path)


if __name__ == "__main__":
    sys.exit(main())
