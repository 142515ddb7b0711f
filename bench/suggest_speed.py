"""Suggestion latency with 100 000 sources: the FTS5-candidate ranking against brute force.

Generates synthetic sources (English and French news-like summaries with names and figures)
into a temporary database, imports them through the normal import path (timed), adds the demo
article and sources, then times `suggest.suggest` per claim (median over ~20 claims; the
per-source facet cache is cleared before every call, so each one is cold) and brute-force
`rapidfuzz.process.extract` of the claim over every source's text (texts already in memory,
which flatters brute force). Process start and database set-up are not counted.

    .venv/bin/python bench/suggest_speed.py [--sources 100000] [--claims 20] [--json] [--quick]

--quick: 20 000 sources and 10 claims.  Prints RESULT lines (bench/run_all.py's protocol):
the suggest median (target <= 100 ms at 100k) with p95, and its ratio to brute force.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from rapidfuzz import process  # noqa: E402

from common import quick_requested, result_row  # noqa: E402

from factcheck.matching import sources  # noqa: E402
from factcheck.matching.sources import suggestions as suggest  # noqa: E402
from factcheck.ingest import import_document  # noqa: E402
from factcheck.store import Store  # noqa: E402
from factcheck.text.document import parse_document  # noqa: E402

NAMES = ["Meta", "OpenAI", "Google", "Anthropic", "Microsoft", "Apple", "Amazon", "Nvidia",
         "Scale AI", "Mistral", "Alexandr Wang", "Sam Altman", "Mark Zuckerberg", "Yann LeCun",
         "Daniel Gross", "Nat Friedman", "Ilya Sutskever", "Reuters", "Bloomberg", "Le Monde",
         "Emmanuel Macron", "Christine Lagarde", "Banque de France", "Airbus", "TotalEnergies",
         "Renault", "Sanofi", "Orange", "Tesla", "Elon Musk", "Satya Nadella", "Perplexity"]
EN = ("company invests billion stake startup hires chief executive talks deal revenue report "
      "says announced according sources investors market shares growth quarter profit loss "
      "regulators inquiry research model models language training compute chips datacenter "
      "lawsuit settlement merger acquisition offer bonus salary engineers researchers team "
      "launch product users subscribers valuation funding round").split()
FR = ("entreprise investit milliards participation startup recrute directeur général "
      "négociations accord chiffre affaires selon sources investisseurs marché actions "
      "croissance trimestre bénéfice perte régulateurs enquête recherche modèle langage "
      "puces centre données procès fusion acquisition offre prime salaire ingénieurs "
      "chercheurs équipe lancement produit utilisateurs valorisation levée fonds").split()


def _figure(rng: random.Random, lang: str) -> str:
    value = rng.choice([rng.randint(2, 99), round(rng.uniform(1, 50), 1)])
    if lang == "en":
        return rng.choice([f"${value} billion", f"${value}bn", f"{value}%", f"${value} million",
                           f"{value} employees"])
    shown = str(value).replace(".", ",")
    return rng.choice([f"{shown} milliards de dollars", f"{shown} %", f"{shown} millions d’euros",
                       f"{shown} salariés"])


def synthetic(n: int, seed: int = 7):
    rng = random.Random(seed)
    for i in range(n):
        lang = "en" if rng.random() < 0.7 else "fr"
        words = EN if lang == "en" else FR
        sentences = []
        for _ in range(rng.randint(2, 4)):
            parts = rng.sample(words, rng.randint(6, 12))
            parts.insert(rng.randrange(len(parts)), rng.choice(NAMES))
            if rng.random() < 0.7:
                parts.insert(rng.randrange(len(parts)), _figure(rng, lang))
            sentences.append(" ".join(parts).capitalize() + ".")
        title = " ".join([rng.choice(NAMES)] + rng.sample(words, 5)).capitalize()
        yield {"url": f"https://news{i % 97}.example/{lang}/{i}?utm_source=bench",
               "title": title, "publisher": f"News {i % 97}",
               "published": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
               "language": lang, "text": " ".join(sentences)}


def synthetic_claims(k: int, seed: int = 11) -> str:
    rng = random.Random(seed)
    out = []
    for _ in range(k):
        parts = rng.sample(FR, 9)
        parts.insert(2, rng.choice(NAMES))
        parts.insert(5, _figure(rng, "fr"))
        out.append(" ".join(parts).capitalize() + ".")
    return "\n".join(out) + "\n"


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(0.95 * len(ordered)) - 1)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=None, help="default 100 000")
    parser.add_argument("--claims", type=int, default=None, help="default 20")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--quick", action="store_true", help="20 000 sources, 10 claims")
    args = parser.parse_args()
    quick = args.quick or quick_requested([])
    args.sources = args.sources or (20_000 if quick else 100_000)
    args.claims = args.claims or (10 if quick else 20)
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "sources.jsonl"
        with open(feed, "w", encoding="utf-8") as out:
            for record in synthetic(args.sources):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        with Store(Path(tmp) / "speed.db") as store:
            t0 = time.perf_counter()
            counts = sources.import_sources_file(store, str(feed))
            import_s = time.perf_counter() - t0
            sources.import_sources_file(store, str(ROOT / "seeds/meta-ai-talent.sources.json"))
            article = ROOT / "seeds/meta-ai-talent.fr.txt"
            import_document(store, parse_document(article.read_bytes(), article.name),
                                  language="fr", source=str(article))
            extra = max(0, args.claims - store.claim_count())
            if extra:
                import_document(store, parse_document(synthetic_claims(extra).encode(), "s.txt"),
                                      language="fr", source="synthetic")
            claims = [c for c in store.claims() if c["facets"].get("entities")
                      or c["facets"].get("numbers")][:args.claims]
            texts = [s["text"] or "" for s in sources.list_sources(store)]
            ours, brute = [], []
            for c in claims:
                suggest.clear_cache()
                t = time.perf_counter()
                suggest.suggest(store, c["id"], limit=5)
                ours.append(time.perf_counter() - t)
                t = time.perf_counter()
                process.extract(c["text"], texts, limit=5)
                brute.append(time.perf_counter() - t)
    result = {"sources": len(texts), "claims": len(claims), "import_seconds": round(import_s, 2),
              "import_counts": counts,
              "suggest_median_ms": round(statistics.median(ours) * 1000, 1),
              "suggest_p95_ms": round(_p95(ours) * 1000, 1),
              "suggest_max_ms": round(max(ours) * 1000, 1),
              "brute_force_median_ms": round(statistics.median(brute) * 1000, 1),
              "ratio": round(statistics.median(ours) / statistics.median(brute), 4)}
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"{result['sources']} sources, imported in {result['import_seconds']} s")
        print(f"suggest: median {result['suggest_median_ms']} ms (max "
              f"{result['suggest_max_ms']} ms) over {result['claims']} claims")
        print(f"brute-force rapidfuzz.process.extract: median {result['brute_force_median_ms']} ms")
        print(f"ratio: {result['ratio']:.4f} (target <= 0.1)")
    k = f"{result['sources'] // 1000}k"
    result_row(f"suggest median at {k} sources", result["suggest_median_ms"], "ms",
               peer=result["brute_force_median_ms"], peer_name="brute force",
               ratio=result["ratio"], target="<= 100 ms at 100k",
               ok=result["suggest_median_ms"] <= 100 if result["sources"] >= 100_000 else None,
               p95_ms=result["suggest_p95_ms"], max_ms=result["suggest_max_ms"],
               claims=result["claims"])
    result_row(f"suggest / brute force at {k}", result["ratio"], "x",
               target="<= 0.1", ok=result["ratio"] <= 0.1)
    result_row(f"sources import at {k} (in suggest_speed)", result["import_seconds"], "s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
