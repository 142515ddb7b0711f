"""Main-text extraction of news pages: boilerplate claims, article sentences kept, title and
date right, for three ways of reading the same pages, run side by side:

* visible text: every visible line of the page (text/document.html_to_text, the fallback
  and the only path before extraction) -- the plain baseline;
* trafilatura alone: trafilatura 2.3's bare_extraction, as a peer, with comments off;
* factcheck: what an HTML import stores (text/extract.py: trafilatura, plus pruning of
  in-article furniture, line rules, headline and standfirst on top).

The pages are the fixture news pages of tests/web_fixtures (16 written with the rules, six
of them rebuilding demo source pages; 3 held out: written after the rules were fixed and
reported apart, before and after the rules they showed missing). A claim is boilerplate
when its text is not part of the article (headline, standfirst, sub-headings, paragraphs);
an article sentence is kept when the stored text holds it whole.

    python bench/web_extract_quality.py [--quick]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from common import result_row  # noqa: E402

from factcheck.analysis.segment import segment  # noqa: E402
from factcheck.text.document import html_to_text, normalise, parse_document  # noqa: E402
from factcheck.text.extract import decode_html  # noqa: E402
from web_fixtures.heldout import held_out_pages  # noqa: E402
from web_fixtures.pages import pages  # noqa: E402


def flat(text: str) -> str:
    return " ".join(text.split())


def sentences(text: str) -> list[str]:
    return [flat(text[s:e]) for s, e in segment(text)]


def read_visible(data: bytes):
    raw, _ = decode_html(data)
    text, title = html_to_text(normalise(raw))
    return text, title, None


def read_trafilatura(data: bytes):
    import trafilatura

    raw, _ = decode_html(data)
    doc = trafilatura.bare_extraction(normalise(raw), with_metadata=True,
                                      include_comments=False)
    if doc is None:
        return "", None, None
    return doc.text or "", doc.title, doc.date


def read_factcheck(data: bytes):
    doc = parse_document(data, "page.html")
    return doc.text, doc.title, doc.published


METHODS = {"visible text": read_visible, "trafilatura alone": read_trafilatura,
           "factcheck": read_factcheck}


def score(article, data: bytes, read) -> dict:
    t0 = time.perf_counter()
    text, title, date = read(data)
    ms = (time.perf_counter() - t0) * 1000
    content = "\n".join(flat(c) for c in article.content())
    claims = sentences(text)
    boiler = [c for c in claims if c not in content]
    gold = [s for block in article.content()[1:] for s in sentences(block)]
    flat_text = flat(text)
    kept = sum(1 for s in gold if s in flat_text)
    return {"claims": len(claims), "boilerplate": len(boiler), "examples": boiler[:3],
            "gold": len(gold), "kept": kept, "title": title == article.title,
            "date": date == article.date, "ms": ms}


def run(group: dict, label: str, repeats: int) -> dict[str, dict]:
    totals = {}
    print(f"\n{label}: {len(group)} pages")
    print(f"{'page':24} " + "  ".join(f"{m:>28}" for m in METHODS))
    per_method = {m: [] for m in METHODS}
    for slug, (article, data) in group.items():
        cells = []
        for name, read in METHODS.items():
            runs = [score(article, data, read) for _ in range(repeats)]
            r = runs[-1]
            r["ms"] = statistics.median(x["ms"] for x in runs)
            per_method[name].append(r)
            cells.append(f"{r['boilerplate']:>3} junk {r['kept']:>3}/{r['gold']:<3} kept "
                         f"{'T' if r['title'] else '-'}{'D' if r['date'] else '-'}")
        print(f"{slug:24} " + "  ".join(f"{c:>28}" for c in cells))
    for name, rows in per_method.items():
        gold = sum(r["gold"] for r in rows)
        totals[name] = {
            "pages": len(rows), "boilerplate": sum(r["boilerplate"] for r in rows),
            "claims": sum(r["claims"] for r in rows),
            "kept": sum(r["kept"] for r in rows) / gold if gold else 0.0,
            "titles": sum(r["title"] for r in rows), "dates": sum(r["date"] for r in rows),
            "ms": statistics.median(r["ms"] for r in rows),
            "examples": [e for r in rows for e in r["examples"]][:4],
        }
    print()
    for name, t in totals.items():
        print(f"  {name:18} boilerplate claims {t['boilerplate']:>4} of {t['claims']:<4} "
              f"sentences kept {t['kept']:7.1%}  titles {t['titles']}/{t['pages']}  "
              f"dates {t['dates']}/{t['pages']}  median {t['ms']:.1f} ms/page")
        for ex in t["examples"]:
            print(f"      e.g. {ex[:90]!r}")
    return totals


def report(totals: dict[str, dict], group: str) -> None:
    ours, base, peer = totals["factcheck"], totals["visible text"], totals["trafilatura alone"]
    n = ours["pages"]
    result_row(name=f"web extraction, {group}: boilerplate claims", measured=ours["boilerplate"],
               unit="claims", peer=base["boilerplate"], peer_name="visible text",
               target="0", ok=ours["boilerplate"] == 0, trafilatura_alone=peer["boilerplate"])
    result_row(name=f"web extraction, {group}: article sentences kept",
               measured=round(100 * ours["kept"], 1), unit="%",
               peer=round(100 * base["kept"], 1), peer_name="visible text", target=">= 95 %",
               ok=ours["kept"] >= 0.95, trafilatura_alone=round(100 * peer["kept"], 1))
    result_row(name=f"web extraction, {group}: title and date right",
               measured=min(ours["titles"], ours["dates"]), unit=f"of {n} pages",
               peer=min(base["titles"], base["dates"]), peer_name="visible text",
               target=f"{n} of {n}", ok=ours["titles"] == ours["dates"] == n,
               titles=ours["titles"], dates=ours["dates"],
               trafilatura_alone=min(peer["titles"], peer["dates"]))
    result_row(name=f"web extraction, {group}: time per page", measured=round(ours["ms"], 1),
               unit="ms", peer=round(base["ms"], 1), peer_name="visible text",
               ratio=ours["ms"] / base["ms"] if base["ms"] else None,
               target="(reported)", ok=None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="one timing run per page")
    args = parser.parse_args()
    repeats = 1 if args.quick else 3
    report(run(pages(), "fixture pages (rules written on them)", repeats), "16 pages")
    report(run(held_out_pages(), "held-out pages", repeats), "3 held-out pages")


if __name__ == "__main__":
    main()
