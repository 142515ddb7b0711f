"""The report as CSV: one row per claim, safe to open in a spreadsheet.

A cell that a spreadsheet would run as a formula (starting with =, +, -, @, or
a tab or carriage return) is neutralised with a leading apostrophe, as OWASP
recommends against CSV injection. Stored text is made printable first: no control
character or reading-order override reaches the file (``text.display.printable``).

CSV is the desk's own record (the internal audience): its columns are a data contract,
named in English; readers get the HTML or Markdown report.
"""

from __future__ import annotations

import csv
from typing import IO

from ..text.display import printable
from ..text.formatting import evidence_pair
from .model import Report, article_for

COLUMNS = [
    "article_id", "article_title", "claim_id", "seq", "status", "verdict_label", "rating",
    "rating_value", "rationale", "checkworthiness", "text", "figures", "names", "dates", "attribution", "hedges",
    "conflicts", "sources", "duplicates", "notes", "last_changed_by", "last_changed_at",
    "history",
]
_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe(value) -> str:
    text = printable("" if value is None else str(value))
    # spreadsheets skip leading blanks before reading a formula: "  =1+1" runs too
    if text.startswith(_TRIGGERS) or text.lstrip().startswith(_TRIGGERS):
        return "'" + text
    return text



def render(report: Report, out: IO[str], bom: bool = False, **_options) -> int:
    if bom:
        out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    n = 0
    for c in report.claims:
        n += 1
        f = c["facets"]
        sources = []
        for s in c["sources"]:
            item = f"{s['stance']}: {s.get('title') or ''} <{s['url']}>"
            ev = s.get("evidence") or {}
            if ev.get("numbers_conflicting"):
                item += " [different: " + ", ".join(evidence_pair(x) for x in ev["numbers_conflicting"]) + "]"
            sources.append(item)
        rating = c.get("rating") or {}
        row = [
            c["article_id"], article_for(report, c).get("title"), c["id"], c["seq"], c["status"],
            c.get("verdict_label"), rating.get("name"), rating.get("value"),
            (c.get("rationale") or {}).get("text"), f"{c['checkworthiness']:.3f}", c["text"],
            "; ".join(f"{x['text']} = {x['value']:g}{' ' + x['unit'] if x['unit'] else ''}"
                      for x in f["numbers"]),
            "; ".join(f["entities"]), "; ".join(d["text"] for d in f["dates"]),
            f.get("attribution"), "; ".join(f["hedges"]),
            "; ".join(f"{x['claim']} ≠ {x['other']} ({x['with']} {x['id']})"
                      for x in c["conflicts"]),
            " | ".join(sources),
            "; ".join(f"#{d['id']} {d['kind']} {d['score']} {d['status']}"
                      for d in c["duplicates"]),
            " | ".join(f"{x['at']} {x['editor']}: {x['note']}" for x in c["notes"]),
            c.get("updated_by"), c.get("updated_at"),
            " | ".join(f"{e['at']} {e['editor']} {e['action']} {e['from'] or ''}→{e['to'] or ''}"
                       + (f" [{e.get('source_title') or e['source_id']}]"
                          if e.get("source_id") else "")
                       + (f" ({e['note']})" if e.get("note") else "") for e in c["history"]),
        ]
        writer.writerow([safe(v) for v in row])
    return n
