"""The report as Markdown: reads well as plain text, renders cleanly."""

from __future__ import annotations

import re
from urllib.parse import quote
from typing import IO

from ..text.formatting import evidence_pair, format_value
from .model import Report, article_for

SYMBOL = {"verified": "✔", "disputed": "✘", "pending": "○"}
STANCE = {"supports": "supports", "refutes": "refutes", "context": "context"}
_SPECIAL = re.compile(r"[\\`*_{}\[\]<>()#+!|~]")
_LINE_START = re.compile(r"[-=]|\d+\.")  # a list item or a heading underline


def _escaped(m: re.Match) -> str:
    return "\\" + m.group()


def esc(text) -> str:
    """Escape Markdown and HTML so user text shows as typed, on one line."""
    text = " ".join(str(text if text is not None else "").split())
    if _SPECIAL.search(text):
        text = _SPECIAL.sub(_escaped, text)
    return "\\" + text if _LINE_START.match(text) else text



def render(report: Report, out: IO[str], **_options) -> int:
    h = report.header
    s = h["summary"]
    w = out.write
    w("# Verification report\n\n")
    for a in h["articles"]:
        w(f"**{esc(a['title'])}**  \n")
        where = a.get("url") or a.get("source") or "standard input"
        w(f"Language: {esc(a['language'])} · source: {esc(where)} · imported "
          f"{esc(a['imported_at'])} by {esc(a.get('imported_by') or '?')}  \n")
        w(f"SHA-256: `{a['sha256']}`\n\n")
    w(f"Generated {esc(h['generated_at'])}.")
    if h["filter"].get("status"):
        w(f" Only claims with status *{h['filter']['status']}*.")
    w("\n\n## Summary\n\n")
    w("| Status | Claims |\n|---|---:|\n")
    for status in ("verified", "disputed", "pending"):
        w(f"| {SYMBOL[status]} {status} | {s[status]} |\n")
    w(f"| **all** | **{s['claims']}** |\n\n")
    w(f"Checked: **{100 * s['checked_share']:.0f} %** of the claims. "
      f"Claims with conflicting figures: **{s['claims_with_conflicts']}**.\n\n")
    w("## Claims\n\n")
    n = 0
    for c in report.claims:
        n += 1
        art = article_for(report, c)
        label = f" ({esc(c['verdict_label'])})" if c.get("verdict_label") else ""
        w(f"### {c['seq']}. {SYMBOL.get(c['status'], '?')} {c['status'].upper()}{label}"
          f" · check-worthiness {c['checkworthiness']:.2f}")
        if len(h["articles"]) > 1:
            w(f" · {esc(art.get('title', ''))}")
        w("\n\n")
        w(f"> {esc(c['text'])}\n\n")
        f = c["facets"]
        if f["numbers"]:
            w("- Figures: " + "; ".join(f"{esc(x['text'])} (= {esc(format_value(x['value'], x['unit']))})"
                                         for x in f["numbers"]) + "\n")
        if f["entities"]:
            w("- Names: " + ", ".join(esc(e) for e in f["entities"]) + "\n")
        if f["dates"]:
            w("- Dates: " + ", ".join(esc(d["text"]) for d in f["dates"]) + "\n")
        if f.get("attribution"):
            w(f"- Attributed: {esc(f['attribution'])}\n")
        if f["hedges"]:
            w("- Hedges: " + ", ".join(esc(x) for x in f["hedges"]) + "\n")
        if c["conflicts"]:
            for x in c["conflicts"]:
                w(f"- **⚠ Conflict** with {x['with']} {x['id']}: {esc(x['claim'])} ≠ "
                  f"{esc(x['other'])}\n")
        if c["notes"]:
            for note in c["notes"]:
                w(f"- Note by {esc(note['editor'])} ({esc(note['at'])}): {esc(note['note'])}\n")
        if c["sources"]:
            w("- Sources:\n")
            for src in c["sources"]:
                title = esc(src.get("title") or src["url"])
                url = quote(str(src["url"]), safe=":/?#@!$&'*+,;=%~")
                w(f"  - *{STANCE.get(src['stance'], src['stance'])}*: [{title}](<{url}>)")
                meta = ", ".join(esc(x) for x in (src.get("publisher"), src.get("published"))
                                 if x)
                if meta:
                    w(f" — {meta}")
                ev = src.get("evidence") or {}
                if ev.get("numbers_matched"):
                    w(" · same figures: " + ", ".join(esc(evidence_pair(x)) for x in ev["numbers_matched"]))
                if ev.get("numbers_conflicting"):
                    w(" · **different figures**: " + ", ".join(
                        esc(evidence_pair(x)) for x in ev["numbers_conflicting"]))
                w("\n")
        else:
            w("- Sources: none linked\n")
        if c["duplicates"]:
            w("- Same fact elsewhere: " + "; ".join(
                f"claim {d['id']} ({d['kind']}, {d['score']}, {d['status']})"
                for d in c["duplicates"]) + "\n")
        if c["history"]:
            w("- History:\n")
            for e in c["history"]:
                what = (f"{e['from']} → {e['to']}" if e["action"] in ("status", "undo")
                        else e["action"])
                if e["action"] == "undo":
                    what += " (undo)"
                note = f": {esc(e['note'])}" if e.get("note") else ""
                w(f"  - {esc(e['at'])} · {esc(e['editor'])} · {esc(what)}{note}\n")
        w("\n")
    if n == 0:
        w("*No claims match.*\n")
    return n
