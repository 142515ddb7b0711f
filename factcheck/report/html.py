"""The report as one self-contained HTML page, for readers (public) or for the desk
(internal): inline CSS, no script, nothing fetched.

A Content-Security-Policy of ``default-src 'none'`` says so to the browser too. Every piece
of stored text is made printable (``text.display.printable``: no control character or
reading-order override survives) and then escaped, so ``<script>`` in an article or a
title shows as text. Only http(s) addresses become links. The page reads on a phone and
prints; ``tests/test_browser.py`` opens it in headless Chromium to check.

**public** (the default): one language, the article's; the claims the desk rated or
decided, each with its verdict, the editor's rationale, the sources as readers cite them
and who checked it when (by display name, ``editor.<login>.name``; never a login). No
scores, hashes, internal ids or history.

**internal**: the whole audit, in the same language: scores, facets, conflicts, notes,
duplicates, every event of every claim's history.
"""

from __future__ import annotations

from html import escape
from typing import IO

from ..store.verdicts import Verdict, decided_at
from ..text.display import printable
from ..text.formatting import evidence_pair, facet_rows, web_url
from .model import Report, article_for
from .wording import Words, checked_line, history_row, source_title, verdict_tally

CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none';"
       " form-action 'none'")
CSS = """
:root { --true: #1b7f3b; --mixed: #a15c00; --false: #b42318; --none: #5b6472;
        --ink: #1d2430; --muted: #5b6472; --line: #d8dde5; --soft: #f5f7fa; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { font: 17px/1.55 Georgia, 'Times New Roman', serif; color: var(--ink); margin: 0;
       background: #fff; overflow-wrap: break-word; }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
main.internal { max-width: 56rem; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: .25rem 0 .5rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid var(--ink); padding-bottom: .2rem;
     margin: 2.25rem 0 1rem; }
h3 { font: 600 1rem system-ui, sans-serif; margin: 1rem 0 .25rem; }
.kicker { font: 700 .8rem system-ui, sans-serif; text-transform: uppercase;
          letter-spacing: .06em; color: var(--muted); margin: 0; }
.meta, .small, .byline { color: var(--muted); font: .875rem/1.5 system-ui, sans-serif; }
.meta { margin: .2rem 0; }
.badge { display: inline-block; font: 700 .8rem/1.4 system-ui, sans-serif;
         padding: .15rem .6rem; border-radius: 999px; color: #fff; background: var(--none); }
.v-true { background: var(--true); } .v-mixed { background: var(--mixed); }
.v-false { background: var(--false); } .v-none { background: var(--none); }
.tally { list-style: none; padding: 0; margin: .75rem 0; display: flex; flex-wrap: wrap;
         gap: .5rem 1rem; font: .95rem system-ui, sans-serif; }
.claim { border-top: 1px solid var(--line); padding: 1.25rem 0 .75rem; break-inside: avoid; }
.claim .verdict { margin: 0 0 .5rem; display: flex; flex-wrap: wrap; gap: .5rem;
                  align-items: center; font: .85rem system-ui, sans-serif; }
blockquote { margin: .25rem 0 .75rem; padding: .5rem .9rem; background: var(--soft);
             border-left: 4px solid var(--line); font-size: 1.05rem; }
blockquote p, .rationale p { margin: 0 0 .6rem; }
blockquote p:last-child, .rationale p:last-child { margin-bottom: 0; }
.rationale { margin: .75rem 0; }
ul { margin: .25rem 0; padding-left: 1.2rem; }
.sources li { margin: .15rem 0; font: .9rem/1.5 system-ui, sans-serif; }
.scale { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .4rem; }
footer { margin-top: 2.5rem; }
.rationale { border-left: 4px solid var(--ink); padding-left: .9rem; }
a { color: #1849a9; overflow-wrap: anywhere; }
.summary { display: grid; grid-template-columns: repeat(auto-fit, minmax(8rem, 1fr));
           gap: .5rem; margin: 1rem 0; font-family: system-ui, sans-serif; }
.tile { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .75rem; }
.tile b { display: block; font-size: 1.4rem; }
.bar { height: .6rem; background: var(--soft); border-radius: 3px; overflow: hidden;
       display: flex; margin: .25rem 0 1rem; }
.bar span { display: block; height: 100%; }
main.internal .claim { border: 1px solid var(--line); border-left-width: 6px;
                       border-radius: 6px; padding: .75rem 1rem; margin: 1rem 0; }
.claim.verified { border-left-color: var(--true); }
.claim.disputed { border-left-color: var(--false); }
.claim.pending { border-left-color: var(--mixed); }
dl { display: grid; grid-template-columns: minmax(0, 9rem) minmax(0, 1fr); gap: .15rem .75rem;
     margin: .5rem 0; font: .9rem system-ui, sans-serif; }
dt { color: var(--muted); } dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
.conflict { color: var(--false); font-weight: 700; }
.match { color: var(--true); }
.history-wrap { overflow-x: auto; }
table.history { border-collapse: collapse; width: 100%; font: .8rem system-ui, sans-serif;
                table-layout: fixed; }
table.history td, table.history th { border-top: 1px solid var(--line); padding: .2rem .4rem;
                                     text-align: left; vertical-align: top;
                                     overflow-wrap: anywhere; }
table.history th:first-child { width: 28%; } table.history th:nth-child(2) { width: 14%; }
code { overflow-wrap: anywhere; }
@media (max-width: 600px) { body { font-size: 16px; } h1 { font-size: 1.45rem; }
                            dl { grid-template-columns: minmax(0, 1fr); }
                            dt { margin-top: .3rem; } }
@media print { body { font-size: 11pt; } main { max-width: none; padding: 0; }
               a { color: inherit; } .claim { break-inside: avoid; }
               .badge { border: 1px solid #000; color: #000; background: none; } }
"""


def _e(value) -> str:
    """Stored text for the page: controls shown, not obeyed; then escaped."""
    return escape(printable("" if value is None else str(value)), quote=True)


def _e1(value) -> str:
    """The same, kept on one line (a title, a name)."""
    return escape(printable(" ".join(("" if value is None else str(value)).split()),
                            one_line=True), quote=True)


def _paragraphs(text: str) -> str:
    """Multi-line text as paragraphs: a blank line starts one, a line break stays one."""
    out = []
    for block in printable(text).replace("\t", " ").split("\n\n"):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if lines:
            out.append("<p>" + "<br>".join(escape(line, quote=True) for line in lines)
                       + "</p>")
    return "".join(out)


def _link(url, label: str | None = None) -> str:
    """A link when ``url`` is an http(s) address, else the label (or address) as text."""
    href = web_url(url)
    text = _e1(label if label else url)
    return f'<a href="{escape(href, quote=True)}">{text}</a>' if href else text


def _tone(verdict: Verdict | None, status: str, report: Report) -> str:
    """The badge's colour: where the verdict sits between the scale's false and true."""
    rating = verdict.rating if verdict else None
    if verdict is None or (rating is not None and rating.value is None):
        return "v-none"  # not checked yet, or a rating with no place on the scale
    if rating is None:
        return {"verified": "v-true", "disputed": "v-false"}.get(status, "v-none")
    best, worst = report.scale.best, report.scale.worst
    share = (rating.value - worst) / (best - worst) if best != worst else 1
    return "v-true" if share >= 0.75 else "v-false" if share <= 0.25 else "v-mixed"


def _badge(verdict: Verdict | None, status: str, report: Report, words: Words) -> str:
    name = verdict.name if verdict and verdict.name else (
        words.status(status) if verdict else words("not_checked"))
    return f'<span class="badge {_tone(verdict, status, report)}">{_e1(name)}</span>'


def _start(w, lang: str, title: str, audience: str) -> None:
    w("<!doctype html>\n")
    w(f'<html lang="{escape(lang, quote=True)}"><head><meta charset="utf-8">'
      f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
      '<meta name="viewport" content="width=device-width, initial-scale=1">'
      '<meta name="referrer" content="no-referrer">'
      f"<title>{_e1(title)}</title><style>{CSS}</style></head><body>"
      f'<main class="{audience}">\n')


def _cite(src: dict, words: Words) -> str:
    """A source as readers cite it: its title (a link), its publisher, its date."""
    parts = [_link(src.get("url"), source_title(src))]
    if src.get("publisher"):
        parts.append(_e1(src["publisher"]))
    if src.get("published"):
        parts.append(_e1(words.date(src["published"])))
    return ", ".join(parts)


def render(report: Report, out: IO[str], audience: str = "public", lang: str | None = None,
           include_pending: bool = False, **_options) -> int:
    if audience == "internal":
        return _internal(report, out, Words(report.language(lang)))
    return _public(report, out, Words(report.language(lang)), include_pending)


# ------------------------------------------------------------ for readers


def _public(report: Report, out: IO[str], words: Words, include_pending: bool) -> int:
    h = report.header
    w = out.write
    lang = words.lang
    articles = h["articles"]
    org = (report.settings.get("org.name") or "").strip()
    single = articles[0] if len(articles) == 1 else None
    title = words("title.public", title=" ".join(str(single["title"]).split())) if single \
        else (org or words("fact_check"))
    _start(w, lang, title, "public")

    claims = []
    for c in report.claims:
        verdict = report.verdict(c, lang)
        if verdict is None and not include_pending:
            continue
        claims.append((c, verdict))
    checkers = []
    for c, verdict in claims:
        if verdict is not None:
            name = report.editor_name(decided_at(c["history"], c["status"])[1])
            if name and name not in checkers:
                checkers.append(name)

    w("<header>")
    w(f'<p class="kicker">{_e1((org + " · " if org else "") + words("fact_check"))}</p>')
    if single:
        w(f"<h1>{_e1(single['title'])}</h1>")
        w(_article_line(single, words))
    else:
        w(f"<h1>{_e1(org or words('fact_check'))}</h1>")
    byline = [words("checked_by", names=words.names(checkers))] if checkers else []
    byline.append(words("report_of", date=words.date(h["generated_at"])))
    w(f'<p class="meta">{" · ".join(_e1(x) for x in byline)}</p>')
    w("</header>\n")

    rated = [(c, v) for c, v in claims if v is not None]
    w('<section aria-labelledby="tally">')
    w(f'<h2 id="tally">{_e1(words.count("claims_checked", len(rated)))}</h2>')
    tally = verdict_tally(report, rated, words)
    if tally:
        w('<ul class="tally">')
        for v, status, n in tally:
            w(f"<li>{_badge(v, status, report, words)} {words.number(n)}</li>")
        w("</ul>")
    else:
        w(f'<p class="meta">{_e1(words("nothing_checked"))}</p>')
    w("</section>\n")

    w(f'<section aria-label="{_e1(words("listing"))}">')
    shown_article = single["id"] if single else None
    for c, verdict in claims:
        if c["article_id"] != shown_article:
            shown_article = c["article_id"]
            article = article_for(report, c)
            w(f"<h2>{_e1(article.get('title'))}</h2>{_article_line(article, words)}")
        w(f'<article class="claim" id="{report.anchor(c)}">')
        w(f'<p class="verdict">{_badge(verdict, c["status"], report, words)}</p>')
        w(f"<blockquote>{_paragraphs(c['text'])}</blockquote>")
        if c.get("rationale"):
            w(f'<div class="rationale">{_paragraphs(c["rationale"]["text"])}</div>')
        if c["sources"]:
            w(f'<h3>{_e1(words("sources"))}</h3><ul class="sources">')
            for src in c["sources"]:
                w(f"<li>{_cite(src, words)}</li>")
            w("</ul>")
        line = checked_line(report, c, words) if verdict is not None else None
        if line:
            w(f'<p class="byline">{_e1(line)}</p>')
        w("</article>\n")
    w("</section>\n")

    w("<footer>")
    w(f'<h2>{_e1(words("our_scale"))}</h2><ul class="scale">')
    for rating in sorted(report.scale.ratings, key=lambda r: (r.value is None,
                                                              -(r.value or 0))):
        v = Verdict(rating.name(lang), rating, True)
        w(f"<li>{_badge(v, rating.status, report, words)}</li>")
    w("</ul>")
    org_url = report.settings.get("org.url")
    if org or web_url(org_url):
        w('<p class="meta">' + " · ".join(x for x in (_e1(org) if org else "",
                                                     _link(org_url) if web_url(org_url)
                                                     else "") if x) + "</p>")
    w("</footer></main></body></html>\n")
    return len(claims)


def _article_line(article: dict, words: Words) -> str:
    parts = []
    if web_url(article.get("url")):
        parts.append(f"{_e1(words('article_checked'))}\u00a0: {_link(article['url'])}"
                     if words.lang == "fr" else
                     f"{_e1(words('article_checked'))}: {_link(article['url'])}")
    if article.get("published"):
        parts.append(_e1(words("published_on", date=words.date(article["published"]))))
    return f'<p class="meta">{", ".join(parts)}</p>' if parts else ""


# ------------------------------------------------------------ for the desk


def _internal(report: Report, out: IO[str], words: Words) -> int:
    h = report.header
    s = h["summary"]
    w = out.write
    lang = words.lang
    articles = h["articles"]
    title = articles[0]["title"] if len(articles) == 1 else words("all_articles")
    _start(w, lang, words("title.internal", title=" ".join(str(title).split())), "internal")
    w(f'<header><p class="kicker">{_e1(words("verification_report"))}</p>')
    for a in articles:
        w(f"<h1>{_e1(a['title'])}</h1>")
        where = (_link(a["url"]) if web_url(a.get("url"))
                 else _e1(a.get("url") or a.get("source") or words("stdin")))
        w(f'<p class="meta">{_e1(words("language"))}: {_e1(a["language"])} · '
          f'{_e1(words("source"))}: {where} · '
          f'{_e1(words("imported", date=words.moment(a["imported_at"]), editor=a.get("imported_by") or "?"))}'
          f" · SHA-256 <code>{_e1(a['sha256'])}</code></p>")
    line = words("generated", date=words.moment(h["generated_at"]))
    if h["filter"].get("status"):
        line += " · " + words("only_status", status=words.status(h["filter"]["status"]))
    w(f'<p class="meta">{_e1(line)}</p></header>\n')

    w(f'<section><h2>{_e1(words("summary"))}</h2><div class="summary">')
    tones = {"verified": "v-true", "disputed": "v-false", "pending": "v-none"}
    for status in ("verified", "disputed", "pending"):
        w(f'<div class="tile"><span class="badge {tones[status]}">'
          f"{_e1(words.status(status))}</span><b>{words.number(s[status])}</b></div>")
    w(f'<div class="tile">{_e1(words("all_claims"))}<b>{words.number(s["claims"])}</b></div>')
    w(f'<div class="tile">{_e1(words("conflicting_figures"))}<b'
      f'{" class=conflict" if s["claims_with_conflicts"] else ""}>'
      f'{words.number(s["claims_with_conflicts"])}</b></div></div>')
    total = max(1, s["claims"])
    w(f'<div class="bar" role="img" aria-label="{_e1(words.percent(s["checked_share"]))}">')
    for status, colour in (("verified", "var(--true)"), ("disputed", "var(--false)")):
        w(f'<span style="width:{100 * s[status] / total:.2f}%;background:{colour}"></span>')
    w(f'</div><p class="meta">{_e1(words("share_checked", pct=words.percent(s["checked_share"])))}'
      "</p></section>\n")

    w(f'<section><h2>{_e1(words("claims"))}</h2>\n')
    n = 0
    for c in report.claims:
        n += 1
        _internal_claim(w, report, c, words, several=len(articles) > 1)
    if n == 0:
        w(f'<p class="meta">{_e1(words("no_claims"))}</p>')
    w("</section></main></body></html>\n")
    return n


def _internal_claim(w, report: Report, c: dict, words: Words, several: bool) -> None:
    status = c["status"]
    verdict = report.verdict(c, words.lang)
    w(f'<article class="claim {status}" id="claim-{c["id"]}"><p class="verdict">')
    w(f'<span class="badge {_tone(verdict, status, report)}">'
      f"{_e1(words.status(status))}</span>")
    if verdict is not None and verdict.name and verdict.chosen:
        w(f"<b>{_e1(verdict.name)}</b>")
    elif c.get("verdict_label"):
        w(f'<span class="small">{_e1(words("rating_stale", label=c["verdict_label"], status=words.status(status)))}</span>')
    w(f"<span>#{c['seq']}</span><span class=\"small\">"
      f"{_e1(words('worthiness', score=words.decimal(c['checkworthiness'])))}</span>")
    if several:
        w(f'<span class="small">{_e1(article_for(report, c).get("title"))}</span>')
    w(f"</p><blockquote>{_paragraphs(c['text'])}</blockquote>")
    if c.get("rationale"):
        r = c["rationale"]
        w(f'<div class="rationale">{_paragraphs(r["text"])}'
          f'<p class="small">{_e1(words("rationale_by", editor=r["editor"], date=words.moment(r["at"])))}'
          "</p></div>")
    w("<dl>")
    for key, label, items in facet_rows(c["facets"], words.lang, thousands=words.thousands):
        if key == "numbers":
            body = "; ".join(f'{_e1(x.text)} <span class="small">= {_e1(x.aside)}</span>'
                             for x in items)
        elif key == "said":
            body = "; ".join(_e1(x.text) + (f' <span class="small">({_e1(x.aside)})</span>'
                                             if x.aside else "") for x in items)
        else:
            body = _e1(", ".join(x.text for x in items))
        w(f"<dt>{_e1(label)}</dt><dd>{body}</dd>")
    if c["conflicts"]:
        w(f'<dt class="conflict">{_e1(words("conflicts"))}</dt><dd><ul>')
        for x in c["conflicts"]:
            other = words("source_n" if x["with"] == "source" else "claim_n", id=x["id"])
            w(f'<li class="conflict">{_e1(x["claim"])} ≠ {_e1(x["other"])} '
              f'<span class="small">({_e1(other)})</span></li>')
        w("</ul></dd>")
    if c["notes"]:
        w(f"<dt>{_e1(words('notes'))}</dt><dd><ul>")
        for note in c["notes"]:
            w(f"<li>{_e(note['note'])} <span class=\"small\">"
              f"{_e1(words('note_by', editor=note['editor'], date=words.moment(note['at'])))}"
              "</span></li>")
        w("</ul></dd>")
    w(f"<dt>{_e1(words('sources'))}</dt><dd>")
    if c["sources"]:
        w("<ul>")
        for src in c["sources"]:
            w(f"<li><b>{_e1(words('stance.' + src['stance']))}</b>: {_cite(src, words)}")
            ev = src.get("evidence") or {}
            if ev.get("numbers_matched"):
                w(f'<br><span class="match">{_e1(words("same_figures"))}: ' + _e1(", ".join(
                    evidence_pair(x) for x in ev["numbers_matched"])) + "</span>")
            if ev.get("numbers_conflicting"):
                w(f'<br><span class="conflict">{_e1(words("different_figures"))}: ' + _e1(
                    ", ".join(evidence_pair(x) for x in ev["numbers_conflicting"])) + "</span>")
            if src.get("note"):
                w(f'<br><span class="small">{_e(src["note"])}</span>')
            w("</li>")
        w("</ul>")
    else:
        w(f'<span class="small">{_e1(words("none_linked"))}</span>')
    w("</dd>")
    if c["duplicates"]:
        w(f"<dt>{_e1(words('same_fact'))}</dt><dd><ul>")
        for d in c["duplicates"]:
            cls = ' class="conflict"' if d["kind"] == "conflict" else ""
            w(f"<li{cls}>{_e1(words('claim_n', id=d['id']))}: "
              f"{_e1(words.table.get('kind.' + d['kind'], d['kind']))} ({_e1(d['score'])}), "
              f"{_e1(words.status(d['status']))}</li>")
        w("</ul></dd>")
    w("</dl>")
    if c["history"]:
        w(f'<div class="history-wrap"><table class="history"><tr><th>{_e1(words("when"))}</th>'
          f"<th>{_e1(words('who'))}</th><th>{_e1(words('what'))}</th>"
          f"<th>{_e1(words('why'))}</th></tr>")
        for e in c["history"]:
            what, why = history_row(e, words)
            w(f"<tr><td>{_e1(words.moment(e['at']))}</td><td>{_e1(e['editor'])}</td>"
              f"<td>{_e1(what)}</td><td>{_e(why)}</td></tr>")
        w("</table></div>")
    w("</article>\n")
