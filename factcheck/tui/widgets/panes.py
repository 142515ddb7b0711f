"""What the detail and sources panes show, as Rich ``Text`` built piece by piece.

Article and source text is appended as plain strings to ``Text`` objects: it
is never parsed as markup, so "[bold]" or "[/" in an article shows as typed.
"""

from __future__ import annotations

from rich.text import Text

from ...text.formatting import evidence_pair, format_value, shorten
from .claim_list import STATUS_SYMBOL

STATUS_STYLE = {"pending": "yellow", "verified": "green", "disputed": "red"}
MAX_PARAGRAPH = 1200  # characters of context around a claim in a giant paragraph


def status_text(status: str) -> Text:
    return Text(f"{STATUS_SYMBOL.get(status, '?')} {status}", style=f"bold {STATUS_STYLE.get(status, '')}")


def claim_detail(article_text: str, claim: dict, history: list[dict], position: str,
                 duplicates: list[dict] | None = None, archive: list[dict] | None = None,
                 reusable: dict | None = None) -> Text:
    out = Text()
    if reusable and reusable.get("status") != claim["status"]:
        where = reusable.get("article_title") or f"article {reusable.get('article_id')}"
        out.append(f" Already {reusable['status']} ", style="bold reverse "
                   + STATUS_STYLE.get(reusable["status"], ""))
        out.append(f" on {str(reusable.get('decided_at') or '')[:10]} by "
                   f"{reusable.get('decided_by') or '?'} in «{where}» (claim "
                   f"{reusable.get('claim_id')}): r applies it\n\n")
    out.append(f"Claim {claim['id']}", style="bold")
    out.append(f" · {position} · ")
    out.append_text(status_text(claim["status"]))
    if claim.get("updated_by") and claim["status"] != "pending":
        out.append(f" by {claim['updated_by']} at {claim.get('updated_at')}", style="dim")
    out.append(f" · check-worthiness {claim['checkworthiness']:.2f}\n\n")

    from ...analysis.segment import paragraph_of  # deferred: start-up (its patterns compile)

    lo, hi = paragraph_of(article_text, claim["start"], claim["end"])
    lo = max(lo, claim["start"] - MAX_PARAGRAPH // 2)
    hi = min(hi, claim["end"] + MAX_PARAGRAPH // 2)
    if lo > 0 and article_text[lo - 1] != "\n":
        out.append("… ", style="dim")
    out.append(article_text[lo:claim["start"]], style="dim")
    out.append(article_text[claim["start"]:claim["end"]], style="bold reverse")
    out.append(article_text[claim["end"]:hi], style="dim")
    if hi < len(article_text) and article_text[hi] != "\n":
        out.append(" …", style="dim")
    out.append("\n\n")

    f = claim.get("facets") or {}
    _facet(out, "Figures", [
        Text.assemble((n["text"], "bold cyan"), (f"  = {format_value(n['value'], n['unit'])}",
                                                   "dim"))
        for n in f.get("numbers", [])])
    names = Text()
    for i, e in enumerate(f.get("entities", [])):
        if i:
            names.append(" · ", style="dim")
        names.append(e, style="bold magenta")
    _facet(out, "Names", [names] if names else [])
    _facet(out, "Dates", [Text(d["text"] + (f"  ({d['value']})" if d.get("value") else
                                            "  (relative)")) for d in f.get("dates", [])])
    if f.get("attribution"):
        said = Text()
        if f.get("speaker"):
            said.append(f["speaker"], style="bold")
            said.append("  ")
        said.append(f"«{f['attribution']}»", style="italic")
        _facet(out, "Said by", [said])
    _facet(out, "Hedges", [Text(h, style="italic yellow") for h in f.get("hedges", [])])
    out.append("\n")
    out.append("Why it ranks\n", style="bold underline")
    for reason in claim.get("reasons", []):
        style = "green" if reason.startswith("+") else ("red" if reason.startswith("−")
                                                         else "yellow")
        out.append(f"  {reason}\n", style=style)

    if duplicates:
        out.append("\nSame fact elsewhere\n", style="bold underline")
        for d in duplicates:
            kind = d.get("kind", "duplicate")
            style = "bold red" if kind == "conflict" else ("cyan" if kind == "duplicate"
                                                           else "dim")
            out.append(f"  {'⚠ ' if kind == 'conflict' else '≈ '}{kind} {d.get('score', 0):.0f}  ",
                       style=style)
            out.append_text(status_text(d.get("status", "pending")))
            decided = d.get("decided_by") or d.get("updated_by")
            if d.get("status") in ("verified", "disputed") and decided:
                out.append(f" on {str(d.get('decided_at') or d.get('updated_at') or '')[:10]}"
                           f" by {decided}", style="dim")
            where = d.get("article_title") or f"article {d.get('article_id')}"
            out.append(f"  claim {d.get('claim_id', d.get('id'))} in «{where}»\n", style="dim")
            out.append("    «" + shorten(d.get("text", ""), 160) + "»\n")
            for c in d.get("conflicts") or []:
                out.append(f"    {c.get('a')}  ≠  {c.get('b')}\n", style="bold red")

    if archive:
        out.append("\nChecked before\n", style="bold underline")
        for a in archive:
            out.append(f"  {a.get('verdict') or '?'}", style="bold")
            out.append(f"  {a.get('published') or ''}  {a.get('title') or ''}\n")
            if a.get("url"):
                out.append(f"    {a['url']}\n", style="dim")

    out.append("\nHistory\n", style="bold underline")
    if not history:
        out.append("  nothing yet: v verified, d disputed, n note\n", style="dim")
    for e in history:
        out.append(f"  {e['at']}  ", style="dim")
        out.append(f"{e['editor']}  ", style="bold")
        if e["action"] in ("status", "undo"):
            out.append(f"{e['from']} → ")
            out.append(e["to"] or "", style=STATUS_STYLE.get(e["to"] or "", ""))
            if e["action"] == "undo":
                out.append("  (undo)", style="dim")
        else:
            out.append(e["action"])
            if e.get("source_id"):
                out.append(f" source {e['source_id']}")
        if e.get("details") and e["details"].get("followed"):
            out.append(f"  following claim {e['details']['followed']}", style="dim")
        if e.get("note"):
            out.append("  «")
            out.append(e["note"], style="italic")
            out.append("»")
        out.append("\n")
    return out


def _facet(out: Text, label: str, items: list[Text]) -> None:
    out.append(f"{label:<9}", style="bold")
    if not items:
        out.append("—\n", style="dim")
        return
    for i, item in enumerate(items):
        if i:
            out.append("\n" + " " * 9)
        out.append_text(item)
    out.append("\n")


STANCE_STYLE = {"supports": "green", "refutes": "red", "context": "cyan"}


def linked_prompt(src: dict) -> Text:
    t = Text()
    t.append(f"{src['stance']:<8} ", style=f"bold {STANCE_STYLE.get(src['stance'], '')}")
    t.append(shorten(src.get("title") or src.get("url") or "", 120), style="bold")
    meta = " · ".join(x for x in (src.get("publisher"), src.get("published")) if x)
    if meta:
        t.append(f"\n         {meta}", style="dim")
    if src.get("note"):
        t.append("\n         «" + shorten(src["note"], 100) + "»", style="italic")
    return t


def evidence_text(evidence: dict, indent: str = "      ") -> Text:
    t = Text()
    for n in evidence.get("numbers_matched", []):
        t.append(f"\n{indent}= ", style="green")
        t.append(evidence_pair(n, "  vs  "), style="green")
    for n in evidence.get("numbers_conflicting", []):
        t.append(f"\n{indent}≠ ", style="bold red")
        t.append(evidence_pair(n, "  vs  "), style="bold red")
    names = evidence.get("entities_matched", [])
    if names:
        t.append(f"\n{indent}names: ", style="dim")
        t.append(", ".join(str(n) for n in names[:6]), style="magenta")
    return t




def suggestion_prompt(s: dict) -> Text:
    t = Text()
    t.append(f"{s.get('score', 0):>5.2f}  ", style="bold")
    t.append(shorten(s.get("title") or s.get("url") or "", 110))
    t.append_text(evidence_text(s.get("evidence") or {}))
    return t


def archive_prompt(m: dict) -> Text:
    """A strong match in the archive: checked before, with verdict, date and link."""
    t = Text()
    t.append("checked before ", style="bold reverse yellow")
    t.append(f" {m.get('verdict') or '?'}", style="bold")
    if m.get("published"):
        t.append(f" · {m['published']}", style="dim")
    if m.get("kind") == "desk" and m.get("editor"):
        t.append(f" · by {m['editor']}", style="dim")
    t.append("  r applies it\n   ", style="dim")
    t.append(shorten(m.get("claim") or m.get("title") or "", 140), style="italic")
    if m.get("url"):
        t.append(f"\n   {m['url']}", style="dim underline")
    return t
