"""Ranking quality of `factcheck suggest` on the demo: is a right source first, or in the top 3?

The demo sources carry an `about` field, a hint for people saying which claim of the article each
page bears on. The ranking never reads it; this script does, to judge the ranking. Each `about`
is tied to the demo claim it describes by a phrase of that claim.

    .venv/bin/python bench/suggest_quality.py [--json] [--quick]

Prints RESULT lines (bench/run_all.py's protocol): top-1, top-3 (target 100% each) and
whether exactly the two $14.8 billion pages are flagged as conflicting with the 14,3
milliards claim.  --quick changes nothing (the demo is small); it is accepted for run_all.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from common import result_row  # noqa: E402

from factcheck.matching import sources  # noqa: E402
from factcheck.matching.sources import suggestions as suggest  # noqa: E402
from factcheck.ingest import import_document  # noqa: E402
from factcheck.store import Store  # noqa: E402
from factcheck.text.document import parse_document  # noqa: E402

SEEDS = ROOT / "seeds"
# about (from the seed file) -> a phrase of the demo claim it describes
ABOUT_TO_CLAIM = {
    "Experts call Meta's approach an 'open chequebook'": "carnet de chèques ouvert",
    "Meta paid $14.3 billion for 49% of Scale AI": "14,3 milliards de dollars",
    "Alexandr Wang (28) leads Meta's superintelligence team": "Alexandr Wang",
    "Meta hired SSI chief Daniel Gross": "Daniel Gross",
    "Meta hired ex-GitHub CEO Nat Friedman": "Nat Friedman",
    "Zuckerberg failed to buy SSI from Ilya Sutskever": "Ilya Sutskever",
    "Altman: Meta offered OpenAI staff up to $100M signing bonuses": "100 millions de dollars",
    "Meta took a stake in NFDG (Gross and Friedman's fund)": "NFDG",
    "Zuckerberg frustrated with Llama's performance": "Llama",
    "LeCun sceptical that LLMs lead to superintelligence": "Yann LeCun",
}


def evaluate(store: Store) -> dict:
    seed = json.loads((SEEDS / "meta-ai-talent.sources.json").read_text(encoding="utf-8"))
    claims = store.claims()
    expected: dict[int, set[str]] = {}
    for record in seed:
        phrase = ABOUT_TO_CLAIM[record["about"]]
        claim = next(c for c in claims if phrase in c["text"])
        expected.setdefault(claim["id"], set()).add(sources.canonical_url(record["url"]))
    rows = []
    for claim in claims:
        if claim["id"] not in expected:
            continue
        ranked = suggest.suggest(store, claim["id"], limit=10)
        urls = [s["url"] for s in ranked]
        right = expected[claim["id"]]
        rows.append({
            "claim": claim["id"], "text": claim["text"][:70],
            "expected": len(right),
            "top1": bool(urls[:1]) and urls[0] in right,
            "top3": any(u in right for u in urls[:3]),
            # how many of the first len(right) suggestions are right ones
            "first_k_right": sum(u in right for u in urls[:len(right)]),
            # rank of each right source; 99 when not in the top 10
            "ranks": sorted(urls.index(u) + 1 if u in urls else 99 for u in right),
        })
    n = len(rows)
    figure_claim = next(c for c in claims if "14,3 milliards" in c["text"])
    flagged = sorted({s["url"].split("/")[2]
                      for s in suggest.suggest(store, figure_claim["id"], limit=20)
                      if s["evidence"]["numbers_conflicting"]})
    return {"claims": rows, "flagged_14_8": flagged,
            "top1": sum(r["top1"] for r in rows) / n, "top3": sum(r["top3"] for r in rows) / n,
            "all_right_first": sum(r["first_k_right"] for r in rows)
            / sum(r["expected"] for r in rows)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--quick", action="store_true", help="accepted; the demo is quick")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "q.db") as store:
        article = SEEDS / "meta-ai-talent.fr.txt"
        import_document(store, parse_document(article.read_bytes(), article.name),
                              language="fr", source=str(article))
        sources.import_sources_file(store, str(SEEDS / "meta-ai-talent.sources.json"))
        result = evaluate(store)
    if args.json:
        json.dump(result, sys.stdout, indent=2, ensure_ascii=False)
        print()
        return 0
    _results(result)
    print(f"{'claim':>5}  {'top1':<5} {'top3':<5} {'right in first k':<17} ranks of right sources")
    for r in result["claims"]:
        top1, top3 = ("yes" if r[k] else "NO" for k in ("top1", "top3"))
        print(f"{r['claim']:>5}  {top1:<5} {top3:<5} {r['first_k_right']}/{r['expected']:<15}"
              f" {r['ranks']}  {r['text']}…")
    print(f"top-1 {result['top1']:.0%}   top-3 {result['top3']:.0%}   "
          f"right sources ranked first: {result['all_right_first']:.0%}")
    return 0


def _results(result: dict) -> None:
    n = len(result["claims"])
    result_row("demo top-1", round(100 * result["top1"], 1), "%", target="100%",
               ok=result["top1"] == 1.0, claims=n)
    result_row("demo top-3", round(100 * result["top3"], 1), "%", target="100%",
               ok=result["top3"] == 1.0, claims=n)
    result_row("demo right sources ranked first", round(100 * result["all_right_first"], 1),
               "%")
    want = ["thesun.my", "www.perigee.pro"]
    result_row("demo $14.8bn pages flagged", len(result["flagged_14_8"]), "pages",
               target=" + ".join(want), ok=result["flagged_14_8"] == want,
               flagged=result["flagged_14_8"])


if __name__ == "__main__":
    sys.exit(main())
