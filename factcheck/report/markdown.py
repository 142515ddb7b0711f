"""The report as Markdown, for readers (public, the default) or for the desk (internal).

It reads as plain text and renders cleanly: stored text is made printable (no control
character or reading-order override survives) and escaped only where Markdown would
otherwise change it (a ``*`` that could start emphasis, a ``<b>`` tag, a ``#`` opening a
line…), so "(SSI)" and "event #1" stay as written. The two audiences hold what they hold
in HTML (see html.py).
"""

from __future__ import annotations

import re
from typing import IO

from ..store.verdicts import decided_at
from ..text.display import printable
from ..text.formatting import evidence_pair, facet_rows, web_url
from .model import Report, article_for
from .wording import Words, checked_line, history_row, source_title, verdict_tally

# Anywhere in a line: code spans and emphasis (`, *), a backslash before punctuation (it
# would escape it), HTML tags and autolinks (< then a letter, / ! or ?), entities (&amp;),
# GFM strikethrough (~), and a ] that would close a link (](, ][).
_ALWAYS = re.compile(r"[`*~]|\\(?=[!-/:-@\[-`{-~]|$)|<(?=[A-Za-z/!?])|&(?=#?\w+;)|\](?=[(\[])")
# _ opens or closes emphasis only at a word's edge (snake_case stays as it is)
_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
# At the start of a block: a heading, a quote, a list item, a numbered item, a rule, a
# link reference definition, a table or HTML block.
_HEADING = re.compile(r"#{1,6}(?=\s|$)")
_BULLET = re.compile(r"[-+](?=\s|$)")
_NUMBERED = re.compile(r"(\d{1,9})([.)])(?=\s|$)")
_RULE = re.compile(r"(?:(?:-\s*){3,}|(?:=\s*)+)$")
_DEFINITION = re.compile(r"\[[^\]]*\]:")


def _escaped(m: re.Match) -> str:
    return "\\" + m.group()


def esc(text, *, start: bool = False) -> str:
    """Stored text as Markdown that shows it as written, on one line.

    ``start``: the text opens a block (after "> " or at a line's start), where a few more
    characters mean something ("# ", "- ", "1. ", "> ").
    """
    text = printable(" ".join(("" if text is None else str(text)).split()), one_line=True)
    text = _ALWAYS.sub(_escaped, text)
    if "_" in text:
        text = _UNDERSCORE.sub(_escaped, text)
    if start and text:
        if _RULE.match(text) or _BULLET.match(text) or text[0] in ">|" or \
                _HEADING.match(text) or _DEFINITION.match(text):
            text = "\\" + text
        elif m := _NUMBERED.match(text):
            text = m.group(1) + "\\" + text[len(m.group(1)):]
    return text


def _link_text(text) -> str:
    """Text inside [...] of a link: every bracket escaped, so none closes it early."""
    return re.sub(r"(?<!\\)([\[\]])", r"\\\1", esc(text))


def _link(url, label=None) -> str:
    href = web_url(url)
    if not href:
        return esc(label or url)
    return f"[{_link_text(label or url)}](<{href.replace('>', '%3E').replace('<', '%3C')}>)"


def _paragraphs(text: str, prefix: str = "") -> str:
    """Multi-line text as Markdown paragraphs (each line kept as a line break)."""
    blocks = []
    for block in printable(text).replace("\t", " ").split("\n\n"):
        lines = [esc(line, start=True) for line in block.split("\n") if line.strip()]
        if lines:
            blocks.append("\\\n".join(prefix + line for line in lines))
    return f"\n{prefix.rstrip()}\n".join(blocks)


def render(report: Report, out: IO[str], audience: str = "public", lang: str | None = None,
           include_pending: bool = False, **_options) -> int:
    words = Words(report.language(lang))
    if audience == "internal":
        return _internal(report, out, words)
    return _public(report, out, words, include_pending)


def _colon(words: Words) -> str:
    return "\u00a0: " if words.lang == "fr" else ": "


# ------------------------------------------------------------ for readers


def _public(report: Report, out: IO[str], words: Words, include_pending: bool) -> int:
    h = report.header
    w = out.write
    lang = words.lang
    org = (report.settings.get("org.name") or "").strip()
    articles = h["articles"]
    single = articles[0] if len(articles) == 1 else None
    claims = [(c, v) for c in report.claims
              if (v := report.verdict(c, lang)) is not None or include_pending]
    checkers: list[str] = []
    for c, verdict in claims:
        if verdict is not None:
            name = report.editor_name(decided_at(c["history"], c["status"])[1])
            if name and name not in checkers:
                checkers.append(name)

    w(f"# {esc(single['title'] if single else org or words('fact_check'))}\n\n")
    w(f"*{esc((org + ' · ' if org else '') + words('fact_check'))}*\n\n")
    if single:
        line = _article_line(single, words)
        if line:
            w(line + "\n\n")
    byline = [words("checked_by", names=words.names(checkers))] if checkers else []
    byline.append(words("report_of", date=words.date(h["generated_at"])))
    w(esc(" · ".join(byline), start=True) + "\n\n")

    rated = [(c, v) for c, v in claims if v is not None]
    w(f"## {esc(words.count('claims_checked', len(rated)))}\n\n")
    tally = verdict_tally(report, rated, words)
    if tally:
        w(" · ".join(f"**{esc(v.name or words.status(st))}**{_colon(words)}{words.number(n)}"
                     for v, st, n in tally) + "\n\n")
    else:
        w(esc(words("nothing_checked"), start=True) + "\n\n")

    shown_article = single["id"] if single else None
    for c, verdict in claims:
        if c["article_id"] != shown_article:
            shown_article = c["article_id"]
            article = article_for(report, c)
            w(f"## {esc(article.get('title'))}\n\n")
            line = _article_line(article, words)
            if line:
                w(line + "\n\n")
        name = (verdict.name or words.status(c["status"])) if verdict else words("not_checked")
        w(f"### {esc(name)}\n\n")
        w(_paragraphs(c["text"], "> ") + "\n\n")
        if c.get("rationale"):
            w(_paragraphs(c["rationale"]["text"]) + "\n\n")
        if c["sources"]:
            w(f"{esc(words('sources'))}{_colon(words).rstrip()}\n\n")
            for src in c["sources"]:
                w(f"- {_cite(src, words)}\n")
            w("\n")
        line = checked_line(report, c, words) if verdict is not None else None
        if line:
            w(f"*{esc(line)}*\n\n")
    w(f"---\n\n{esc(words('our_scale'))}{_colon(words)}")
    w(", ".join(esc(r.name(lang)) for r in sorted(
        report.scale.ratings, key=lambda r: (r.value is None, -(r.value or 0)))) + ".\n")
    org_url = report.settings.get("org.url")
    if org or web_url(org_url):
        w("\n" + " · ".join(x for x in (esc(org) if org else "",
                                       _link(org_url) if web_url(org_url) else "") if x) + "\n")
    return len(claims)


def _article_line(article: dict, words: Words) -> str:
    parts = []
    if web_url(article.get("url")):
        parts.append(f"{esc(words('article_checked'))}{_colon(words)}{_link(article['url'])}")
    if article.get("published"):
        parts.append(esc(words("published_on", date=words.date(article["published"]))))
    return ", ".join(parts)


def _cite(src: dict, words: Words) -> str:
    parts = [_link(src.get("url"), source_title(src))]
    if src.get("publisher"):
        parts.append(esc(src["publisher"]))
    if src.get("published"):
        parts.append(esc(words.date(src["published"])))
    return ", ".join(parts)


# ------------------------------------------------------------ for the desk


def _internal(report: Report, out: IO[str], words: Words) -> int:
    h = report.header
    s = h["summary"]
    w = out.write
    colon = _colon(words)
    w(f"# {esc(words('verification_report'))}\n\n")
    for a in h["articles"]:
        w(f"**{esc(a['title'])}**  \n")
        where = _link(a["url"]) if web_url(a.get("url")) else esc(
            a.get("url") or a.get("source") or words("stdin"))
        w(f"{esc(words('language'))}{colon}{esc(a['language'])} · {esc(words('source'))}"
          f"{colon}{where} · "
          f"{esc(words('imported', date=words.moment(a['imported_at']), editor=a.get('imported_by') or '?'))}"
          "  \n")
        w(f"SHA-256{colon}`{esc(a['sha256'])}`\n\n")
    line = words("generated", date=words.moment(h["generated_at"]))
    if h["filter"].get("status"):
        line += " · " + words("only_status", status=words.status(h["filter"]["status"]))
    w(esc(line, start=True) + "\n\n")
    w(f"## {esc(words('summary'))}\n\n")
    w(f"| {esc(words('status'))} | {esc(words('claims'))} |\n|---|---:|\n")
    for status in ("verified", "disputed", "pending"):
        w(f"| {esc(words.status(status))} | {words.number(s[status])} |\n")
    w(f"| **{esc(words('all_claims'))}** | **{words.number(s['claims'])}** |\n\n")
    w(esc(words("checked_share_line", pct=words.percent(s["checked_share"])), start=True) + " "
      + esc(words("claims_with_conflicts", n=words.number(s["claims_with_conflicts"]))) + "\n\n")
    w(f"## {esc(words('claims'))}\n\n")
    n = 0
    for c in report.claims:
        n += 1
        _internal_claim(w, report, c, words, several=len(h["articles"]) > 1)
    if n == 0:
        w(f"*{esc(words('no_claims'))}*\n")
    return n


def _internal_claim(w, report: Report, c: dict, words: Words, several: bool) -> None:
    colon = _colon(words)
    verdict = report.verdict(c, words.lang)
    head = f"{c['seq']}. {words.status(c['status'])}"
    if verdict is not None and verdict.name and verdict.chosen:
        head += f" · {verdict.name}"
    elif c.get("verdict_label"):
        head += " · " + words("rating_stale", label=c["verdict_label"],
                              status=words.status(c["status"]))
    head += " · " + words("worthiness", score=words.decimal(c["checkworthiness"]))
    if several:
        head += f" · {article_for(report, c).get('title', '')}"
    w(f"### {esc(head)}\n\n")
    w(_paragraphs(c["text"], "> ") + "\n\n")
    if c.get("rationale"):
        r = c["rationale"]
        w(f"**{esc(words('rationale'))}** "
          f"({esc(words('rationale_by', editor=r['editor'], date=words.moment(r['at'])))})"
          f"{colon.rstrip()}\n\n{_paragraphs(r['text'])}\n\n")
    for key, label, items in facet_rows(c["facets"], words.lang, thousands=words.thousands):
        if key == "numbers":
            body = "; ".join(f"{esc(x.text)} (= {esc(x.aside)})" for x in items)
        elif key == "said":
            body = "; ".join(esc(x.text) + (f" ({esc(x.aside)})" if x.aside else "")
                             for x in items)
        else:
            body = ", ".join(esc(x.text) for x in items)
        w(f"- {esc(label)}{colon}{body}\n")
    for x in c["conflicts"]:
        other = words("source_n" if x["with"] == "source" else "claim_n", id=x["id"])
        w(f"- **⚠ {esc(words('conflicts'))}** ({esc(other)}){colon}{esc(x['claim'])} ≠ "
          f"{esc(x['other'])}\n")
    for note in c["notes"]:
        w(f"- {esc(words('note_by', editor=note['editor'], date=words.moment(note['at'])))}"
          f"{colon}{esc(note['note'])}\n")
    if c["sources"]:
        w(f"- {esc(words('sources'))}{colon.rstrip()}\n")
        for src in c["sources"]:
            w(f"  - *{esc(words('stance.' + src['stance']))}*{colon}{_cite(src, words)}")
            ev = src.get("evidence") or {}
            if ev.get("numbers_matched"):
                w(f" · {esc(words('same_figures'))}{colon}" + ", ".join(
                    esc(evidence_pair(x)) for x in ev["numbers_matched"]))
            if ev.get("numbers_conflicting"):
                w(f" · **{esc(words('different_figures'))}**{colon}" + ", ".join(
                    esc(evidence_pair(x)) for x in ev["numbers_conflicting"]))
            if src.get("note"):
                w(f" · {esc(src['note'])}")
            w("\n")
    else:
        w(f"- {esc(words('sources'))}{colon}{esc(words('none_linked'))}\n")
    if c["duplicates"]:
        w(f"- {esc(words('same_fact'))}{colon}" + "; ".join(
            f"{esc(words('claim_n', id=d['id']))} ("
            f"{esc(words.table.get('kind.' + d['kind'], d['kind']))}, {d['score']}, "
            f"{esc(words.status(d['status']))})" for d in c["duplicates"]) + "\n")
    if c["history"]:
        w(f"- {esc(words('history'))}{colon.rstrip()}\n")
        for e in c["history"]:
            what, why = history_row(e, words)
            why = f"{colon}{esc(why)}" if why else ""
            w(f"  - {esc(words.moment(e['at']))} · {esc(e['editor'])} · {esc(what)}{why}\n")
    w("\n")
