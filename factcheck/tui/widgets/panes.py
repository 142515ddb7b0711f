"""What the detail and sources panes show, as Rich ``Text`` built piece by piece.

Article and source text is appended as plain strings to ``Text`` objects: it
is never parsed as markup, so "[bold]" or "[/" in an article shows as typed.
"""

from __future__ import annotations

from rich.text import Text

from ...store.verdicts import Verdict, is_verdict_event, rationale_of
from ...text.formatting import evidence_pair, facet_rows, shorten
from .claim_list import STATUS_SYMBOL

STATUS_STYLE = {"pending": "yellow", "verified": "green", "disputed": "red"}
MAX_PARAGRAPH = 1200  # characters of context around a claim in a giant paragraph


def status_text(status: str) -> Text:
    return Text(f"{STATUS_SYMBOL.get(status, '?')} {status}", style=f"bold {STATUS_STYLE.get(status, '')}")


def claim_detail(article_text: str, claim: dict, history: list[dict], position: str,
                 duplicates: list[dict] | None = None, archive: list[dict] | None = None,
                 reusable: dict | None = None, verdict: Verdict | None = None) -> Text:
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
    out.append(f" · check-worthiness {claim['checkworthiness']:.2f}\n")
    _verdict_lines(out, claim, history, verdict)
    out.append("\n")

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

    styles = {"numbers": "bold cyan", "entities": "bold magenta", "dates": "",
              "said": "italic", "hedges": "italic yellow"}
    for key, label, items in facet_rows(claim.get("facets") or {}, keep_empty=True):
        texts = []
        for item in items:
            t = Text()
            if key == "said":
                if item.aside:
                    t.append(item.aside, style="bold")
                    t.append("  ")
                t.append(f"«{item.text}»", style=styles[key])
            else:
                t.append(item.text, style=styles[key])
                if key == "numbers":
                    t.append(f"  = {item.aside}", style="dim")
                elif key == "dates":
                    t.append(f"  ({item.aside or 'relative'})")
            texts.append(t)
        if key == "entities" and texts:  # names on one line
            names = Text()
            for i, t in enumerate(texts):
                if i:
                    names.append(" · ", style="dim")
                names.append_text(t)
            texts = [names]
        _facet(out, label, texts)
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
        elif is_verdict_event(e):
            details = e["details"]
            if "rationale" in details:
                out.append("rationale " + ("written" if details["rationale"] == "set"
                                           else "cleared"))
                if e.get("note"):
                    out.append("  «" + shorten(e["note"], 80) + "»", style="italic")
            else:
                out.append("rating " if "rating" in details else "label ")
                out.append(details.get("label") or "cleared", style="bold")
            out.append("\n")
            continue
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


def _verdict_lines(out: Text, claim: dict, history: list[dict],
                   verdict: Verdict | None) -> None:
    """The rating readers will see, and the rationale, under the claim's status."""
    out.append("Rating   ", style="bold")
    if verdict is not None and verdict.chosen:
        out.append(verdict.name or "", style="bold " + STATUS_STYLE.get(claim["status"], ""))
    elif claim.get("verdict_label"):
        out.append(f"{claim['verdict_label']}", style="strike dim")
        out.append(f"  no longer its status ({claim['status']}): t rates it again",
                   style="dim")
    elif verdict is not None and verdict.name:
        out.append(verdict.name, style=STATUS_STYLE.get(claim["status"], ""))
        out.append(f"  (what {claim['status']} says; t chooses a rating)", style="dim")
    else:
        out.append("—  t rates it on the scale", style="dim")
    out.append("\n")
    rationale = rationale_of(history)
    out.append("Why      ", style="bold")
    if rationale is None:
        out.append("—  w writes the rationale readers will see\n", style="dim")
        return
    for i, line in enumerate(rationale["text"].split("\n")):
        out.append(("" if i == 0 else " " * 9) + line + "\n")
    out.append(" " * 9 + f"by {rationale['editor']} at {rationale['at']}\n", style="dim")


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
