"""What the detail and sources panes show, as Rich ``Text`` built piece by piece.

Article and source text is appended as plain strings to ``Text`` objects: it
is never parsed as markup, so "[bold]" or "[/" in an article shows as typed.  Every stored
string goes through ``printable`` (``p`` and ``p1`` here): an escape sequence or a control
character in an article, a source or a name is shown, never sent to the terminal.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from rich.text import Text

from ...store.verdicts import Verdict, is_verdict_event, rationale_of
from ...text.display import printable
from ...text.formatting import evidence_pair, facet_rows, shorten
from .claim_list import STATUS_SYMBOL


def p(text) -> str:
    """Stored text, made safe to show (newlines kept)."""
    return printable(text)


def p1(text) -> str:
    """Stored text, made safe to show on one line."""
    return printable(text, one_line=True)


def short_url(url: str | None, width: int = 48) -> str:
    """A URL people can read on one line: host and the end of the path, never cut
    mid-word by the terminal (``example.org/…/rapport-2025``)."""
    if not url:
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return shorten(p1(url), width)
    host = parts.netloc.removeprefix("www.")
    path = parts.path.rstrip("/")
    out = host + path
    if len(out) > width:
        last = path.rsplit("/", 1)[-1]
        out = f"{host}/…/{last}" if last else host
        if len(out) > width:
            out = out[:width - 1] + "…"
    return p1(out)


def source_name(s: dict) -> str:
    """What to call a source: its title, else its publisher and its URL shortened."""
    title = s.get("title")
    if title and title.strip() and title.strip() != s.get("url"):
        return p1(" ".join(title.split()))
    publisher = p1(s.get("publisher") or "")
    url = short_url(s.get("url"))
    return " · ".join(x for x in (publisher, url) if x) or "(a source with no title nor URL)"

STATUS_STYLE = {"pending": "yellow", "verified": "green", "disputed": "red"}
MAX_PARAGRAPH = 1200  # characters of context around a claim in a giant paragraph


def status_text(status: str) -> Text:
    return Text(f"{STATUS_SYMBOL.get(status, '?')} {status}", style=f"bold {STATUS_STYLE.get(status, '')}")


def claim_detail(article_text: str, claim: dict, history: list[dict], position: str,
                 duplicates: list[dict] | None = None, archive: list[dict] | None = None,
                 reusable: dict | None = None, verdict: Verdict | None = None
                 ) -> tuple[Text, int]:
    """The detail pane's text, and the offset in it where the claim's own words begin (a
    short pane scrolls there, so that the paragraph around it never hides it)."""
    out = Text()
    if reusable and reusable.get("status") != claim["status"]:
        where = reusable.get("article_title") or f"article {reusable.get('article_id')}"
        out.append(f" Already {reusable['status']} ", style="bold reverse "
                   + STATUS_STYLE.get(reusable["status"], ""))
        out.append(f" on {str(reusable.get('decided_at') or '')[:10]} by "
                   f"{p1(reusable.get('decided_by') or '?')} in «{p1(where)}» (claim "
                   f"{reusable.get('claim_id')}): r applies it\n\n")
    out.append(f"Claim {claim['id']}", style="bold")
    out.append(f" · {position} · ")
    if claim.get("hidden"):
        out.append(f"hidden ({claim['hidden']}) · ", style="bold reverse")
    out.append_text(status_text(claim["status"]))
    if claim.get("updated_by") and claim["status"] != "pending":
        out.append(f" by {p1(claim['updated_by'])} at {claim.get('updated_at')}", style="dim")
    out.append(f" · check-worthiness {claim['checkworthiness']:.2f}\n")
    _verdict_lines(out, claim, history, verdict)
    out.append("\n")

    from ...analysis.segment import paragraph_of  # deferred: start-up (its patterns compile)

    start, end = claim["start"], claim["end"]
    said = article_text[start:end]
    anchor = len(out)
    if start == end:  # written by hand: the article does not say it word for word
        out.append("∅ written by hand, no span in the article:\n", style="dim")
        out.append(p(claim["text"]), style="bold reverse")
        out.append("\n\n")
    elif said != claim["text"]:  # edited: the claim, then the words the article has
        out.append(p(claim["text"]), style="bold reverse")
        out.append("\n\nedited; the article says:\n", style="dim")
    if start != end:
        lo, hi = paragraph_of(article_text, start, end)
        lo = max(lo, start - MAX_PARAGRAPH // 2)
        hi = min(hi, end + MAX_PARAGRAPH // 2)
        if lo > 0 and article_text[lo - 1] != "\n":
            out.append("… ", style="dim")
        out.append(p(article_text[lo:start]), style="dim")
        if said == claim["text"]:
            anchor = len(out)
        out.append(p(said), style="bold reverse" if said == claim["text"] else "bold")
        out.append(p(article_text[end:hi]), style="dim")
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
                    t.append(p1(item.aside), style="bold")
                    t.append("  ")
                t.append(f"«{p1(item.text)}»", style=styles[key])
            else:
                t.append(p1(item.text), style=styles[key])
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
        out.append(f"  {p1(reason)}\n", style=style)

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
                           f" by {p1(decided)}", style="dim")
            where = d.get("article_title") or f"article {d.get('article_id')}"
            out.append(f"  claim {d.get('claim_id', d.get('id'))} in «{p1(where)}»\n",
                       style="dim")
            out.append("    «" + shorten(p1(d.get("text", "")), 160) + "»\n")
            for c in d.get("conflicts") or []:
                out.append(f"    {p1(c.get('a'))}  ≠  {p1(c.get('b'))}\n", style="bold red")

    if archive:
        out.append("\nChecked before\n", style="bold underline")
        for a in archive:
            out.append(f"  {p1(a.get('verdict') or '?')}", style="bold")
            out.append(f"  {p1(a.get('published') or '')}  {p1(a.get('title') or '')}\n")
            if a.get("url"):
                out.append(f"    {short_url(a['url'], 80)}\n", style="dim")

    out.append("\nHistory\n", style="bold underline")
    if not history:
        out.append("  nothing yet: v verified, d disputed, n note\n", style="dim")
    for e in history:
        _history_line(out, e)
    return out, anchor


def _history_line(out: Text, e: dict) -> None:
    d = e.get("details") or {}
    out.append(f"  {e['at']}  ", style="dim")
    out.append(f"{p1(e['editor'])}  ", style="bold")
    action = e["action"]
    if action in ("status", "undo"):
        out.append(f"{e['from']} → ")
        out.append(e["to"] or "", style=STATUS_STYLE.get(e["to"] or "", ""))
        if action == "undo":
            out.append("  (undo)", style="dim")
    elif is_verdict_event(e):
        if "rationale" in d:
            out.append("rationale " + ("written" if d["rationale"] == "set" else "cleared"))
            if e.get("note"):
                out.append("  «" + shorten(p1(e["note"]), 80) + "»", style="italic")
        else:
            out.append("rating " if "rating" in d else "label ")
            out.append(p1(d.get("label") or "cleared"), style="bold")
        if d.get("undo_of"):
            out.append(f"  (undo of event #{d['undo_of']})", style="dim")
        out.append("\n")
        return
    elif action == "edit":
        out.append("edited", style="bold")
        out.append(f": «{shorten(p1(d.get('from', '')), 60)}» → «{shorten(p1(d.get('to', '')), 60)}»")
    elif action == "split":
        out.append("split", style="bold")
        if d.get("new_claim") is not None:
            out.append(f": the rest is claim {d['new_claim']}")
    elif action == "merge":
        out.append("merged", style="bold")
        out.append(f" with claim {d.get('merged')}")
    elif action in ("hide", "unhide"):
        out.append("hidden" if action == "hide" else "shown again", style="bold")
        if d.get("reason"):
            out.append(f" ({d['reason']})")
    elif action == "add":
        out.append("added", style="bold")
        if d.get("split_from"):
            out.append(f", split off claim {d['split_from']}")
        elif not d.get("span"):
            out.append(" by hand (no span)")
    elif action == "retract":
        out.append("note taken back", style="bold")
        if d.get("note"):
            out.append(f": «{shorten(p1(d['note']), 60)}»", style="dim")
    else:
        out.append(action)
        if e.get("source_id"):
            out.append(f" source {e['source_id']}")
            if d.get("stance"):
                out.append(f" ({d['stance']})")
    if d.get("undo_of"):
        out.append(f"  (undo of event #{d['undo_of']})", style="dim")
    if d.get("followed"):
        out.append(f"  following claim {d['followed']}", style="dim")
    if e.get("note"):
        out.append("  «")
        out.append(p1(e["note"]), style="italic")
        out.append("»")
    out.append("\n")


def _verdict_lines(out: Text, claim: dict, history: list[dict],
                   verdict: Verdict | None) -> None:
    """The rating readers will see, and the rationale, under the claim's status."""
    out.append("Rating   ", style="bold")
    if verdict is not None and verdict.chosen:
        out.append(p1(verdict.name or ""), style="bold " + STATUS_STYLE.get(claim["status"], ""))
    elif claim.get("verdict_label"):
        out.append(p1(claim["verdict_label"]), style="strike dim")
        out.append(f"  no longer its status ({claim['status']}): t rates it again",
                   style="dim")
    elif verdict is not None and verdict.name:
        out.append(p1(verdict.name), style=STATUS_STYLE.get(claim["status"], ""))
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
        out.append(("" if i == 0 else " " * 9) + p1(line) + "\n")
    out.append(" " * 9 + f"by {p1(rationale['editor'])} at {rationale['at']}\n", style="dim")


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
    t = Text(no_wrap=True, overflow="ellipsis")  # a long line is cut, never wrapped to the margin
    t.append(f"{src['stance']:<8} ", style=f"bold {STANCE_STYLE.get(src['stance'], '')}")
    t.append(shorten(source_name(src), 120), style="bold")
    meta = " · ".join(p1(x) for x in (src.get("publisher"), src.get("published")) if x)
    if meta and src.get("title"):
        t.append(f"\n         {meta}", style="dim")
    if src.get("note"):
        t.append("\n         «" + shorten(p1(src["note"]), 100) + "»", style="italic")
    # the evidence found when it was linked stays with it, whatever its stance
    t.append_text(evidence_text(src.get("evidence") or {}, indent="         "))
    return t


def conflicting(s: dict) -> bool:
    """Does this source give one of the claim's figures differently?"""
    return bool((s.get("evidence") or {}).get("numbers_conflicting"))


def evidence_text(evidence: dict, indent: str = "      ") -> Text:
    t = Text()
    for n in evidence.get("numbers_matched", []):
        t.append(f"\n{indent}= ", style="green")
        t.append(p1(evidence_pair(n, "  vs  ")), style="green")
    for n in evidence.get("numbers_conflicting", []):
        t.append(f"\n{indent}≠ ", style="bold red")
        t.append(p1(evidence_pair(n, "  vs  ")), style="bold red")
    names = evidence.get("entities_matched", [])
    if names:
        t.append(f"\n{indent}names: ", style="dim")
        t.append(", ".join(p1(n) for n in names[:6]), style="magenta")
    return t




def suggestion_prompt(s: dict) -> Text:
    t = Text(no_wrap=True, overflow="ellipsis")  # a long line is cut, never wrapped to the margin
    t.append(f"{s.get('score', 0):>5.2f}  ", style="bold red" if conflicting(s) else "bold")
    t.append(shorten(source_name(s), 110))
    if s.get("title") and (s.get("publisher") or s.get("url")):
        t.append("\n       " + " · ".join(x for x in (p1(s.get("publisher") or ""),
                                                     short_url(s.get("url"))) if x),
                 style="dim")
    t.append_text(evidence_text(s.get("evidence") or {}, indent="       "))
    return t


def archive_prompt(m: dict) -> Text:
    """A strong match in the archive: checked before, with verdict, date and link."""
    t = Text(no_wrap=True, overflow="ellipsis")
    t.append("checked before ", style="bold reverse yellow")
    t.append(f" {p1(m.get('verdict') or '?')}", style="bold")
    if m.get("published"):
        t.append(f" · {p1(m['published'])}", style="dim")
    if m.get("kind") == "desk" and m.get("editor"):
        t.append(f" · by {p1(m['editor'])}", style="dim")
    t.append("  r applies it\n   ", style="dim")
    t.append(shorten(p1(m.get("claim") or m.get("title") or ""), 140), style="italic")
    if m.get("url"):
        t.append(f"\n   {short_url(m['url'], 80)}", style="dim underline")
    return t
