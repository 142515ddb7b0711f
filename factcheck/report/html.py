"""The report as one self-contained HTML page: inline CSS, no script, no external resource.

Every piece of user text goes through ``html.escape``, so ``<script>`` in an
article or a title shows as text.  The page reads on a phone and prints cleanly.
"""

from __future__ import annotations

from html import escape
from typing import IO

from ..text.formatting import evidence_pair, format_value
from .model import STATUS_WORDS, Report, article_for

NNBSP = "\u202f"  # thousands separator that never breaks a figure across lines
CSS = """
:root { --ok: #1b7f3b; --bad: #b42318; --wait: #8a6100; --ink: #1d2430; --muted: #5b6472;
        --line: #d8dde5; --soft: #f5f7fa; }
* { box-sizing: border-box; }
body { font: 16px/1.5 Georgia, 'Times New Roman', serif; color: var(--ink); margin: 0;
       background: #fff; }
main { max-width: 52rem; margin: 0 auto; padding: 1.5rem 1rem 4rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; border-bottom: 2px solid var(--ink); padding-bottom: .2rem;
     margin-top: 2rem; }
.meta, .small { color: var(--muted); font-size: .85rem; font-family: system-ui, sans-serif; }
.summary { display: grid; grid-template-columns: repeat(auto-fit, minmax(8rem, 1fr));
           gap: .5rem; margin: 1rem 0; font-family: system-ui, sans-serif; }
.tile { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .75rem; }
.tile b { display: block; font-size: 1.4rem; }
.bar { height: .6rem; background: var(--soft); border-radius: 3px; overflow: hidden;
       display: flex; margin: .25rem 0 1rem; }
.bar span { display: block; height: 100%; }
.claim { border: 1px solid var(--line); border-left-width: 6px; border-radius: 6px;
         padding: .75rem 1rem; margin: 1rem 0; break-inside: avoid; }
.claim.verified { border-left-color: var(--ok); }
.claim.disputed { border-left-color: var(--bad); }
.claim.pending { border-left-color: var(--wait); }
.claim h3 { font: 600 .9rem system-ui, sans-serif; margin: 0 0 .5rem; display: flex;
            flex-wrap: wrap; gap: .5rem; align-items: center; }
.badge { font: 700 .75rem system-ui, sans-serif; text-transform: uppercase;
         letter-spacing: .04em; padding: .1rem .5rem; border-radius: 999px; color: #fff; }
.badge.verified { background: var(--ok); } .badge.disputed { background: var(--bad); }
.badge.pending { background: var(--wait); }
blockquote { margin: .25rem 0 .75rem; padding: .25rem .75rem; background: var(--soft);
             border-radius: 4px; font-size: 1.05rem; }
dl { display: grid; grid-template-columns: 8rem 1fr; gap: .15rem .75rem; margin: .5rem 0;
     font-family: system-ui, sans-serif; font-size: .9rem; }
dt { color: var(--muted); } dd { margin: 0; overflow-wrap: anywhere; }
.conflict { color: var(--bad); font-weight: 700; }
.match { color: var(--ok); }
ul { margin: .25rem 0; padding-left: 1.2rem; }
table.history { border-collapse: collapse; width: 100%; font: .8rem system-ui, sans-serif; }
table.history td, table.history th { border-top: 1px solid var(--line); padding: .2rem .4rem;
                                     text-align: left; vertical-align: top; }
a { color: #1849a9; overflow-wrap: anywhere; }
@media (max-width: 600px) { dl { grid-template-columns: 1fr; } dt { margin-top: .3rem; }
                            body { font-size: 15px; } }
@media print { body { font-size: 11pt; } main { max-width: none; padding: 0; }
               a { color: inherit; } .claim { page-break-inside: avoid; } }
"""


def _e(value) -> str:
    return escape("" if value is None else str(value), quote=True)




def render(report: Report, out: IO[str], **_options) -> int:
    h = report.header
    s = h["summary"]
    lang = h["articles"][0]["language"] if len(h["articles"]) == 1 else "en"
    words = STATUS_WORDS.get(lang, STATUS_WORDS["en"])
    w = out.write
    title = h["articles"][0]["title"] if len(h["articles"]) == 1 else "Verification report"
    w("<!doctype html>\n")
    w(f'<html lang="{_e(lang)}"><head><meta charset="utf-8">'
      '<meta name="viewport" content="width=device-width, initial-scale=1">'
      f"<title>{_e('Verification report: ' + title)}</title>"
      f"<style>{CSS}</style></head><body><main>\n")
    w("<header><p class=\"meta\">Verification report</p>")
    for a in h["articles"]:
        w(f"<h1>{_e(a['title'])}</h1>")
        where = a.get("url") or a.get("source") or "standard input"
        link = (f'<a href="{_e(a["url"])}">{_e(a["url"])}</a>' if a.get("url") and
                str(a["url"]).startswith(("http://", "https://")) else _e(where))
        w(f"<p class=\"meta\">Language: {_e(a['language'])} · source: {link} · imported "
          f"{_e(a['imported_at'])} by {_e(a.get('imported_by') or '?')} · SHA-256 "
          f"<code>{_e(a['sha256'][:16])}…</code></p>")
    w(f"<p class=\"meta\">Generated {_e(h['generated_at'])}"
      + (f" · only claims with status {_e(h['filter']['status'])}" if h["filter"].get("status")
         else "") + "</p></header>\n")

    w("<section><h2>Summary</h2><div class=\"summary\">")
    for status in ("verified", "disputed", "pending"):
        w(f'<div class="tile"><span class="badge {status}">{_e(words[status])}</span>'
          f"<b>{s[status]}</b></div>")
    w(f'<div class="tile">All claims<b>{s["claims"]}</b></div>')
    w(f'<div class="tile">Conflicting figures<b class="{"conflict" if s["claims_with_conflicts"] else ""}">'
      f'{s["claims_with_conflicts"]}</b></div></div>')
    total = max(1, s["claims"])
    w('<div class="bar" role="img" aria-label="share checked">')
    for status, colour in (("verified", "var(--ok)"), ("disputed", "var(--bad)")):
        w(f'<span style="width:{100 * s[status] / total:.2f}%;background:{colour}"></span>')
    w(f"</div><p class=\"meta\">{100 * s['checked_share']:.0f} % of the claims checked.</p>"
      "</section>\n")

    w("<section><h2>Claims</h2>\n")
    n = 0
    for c in report.claims:
        n += 1
        status = c["status"]
        w(f'<article class="claim {status}" id="claim-{c["id"]}"><h3>'
          f'<span class="badge {status}">{_e(words.get(status, status))}</span>')
        if c.get("verdict_label"):
            w(f"<span>{_e(c['verdict_label'])}</span>")
        w(f"<span>#{c['seq']}</span><span class=\"small\">check-worthiness "
          f"{c['checkworthiness']:.2f}</span>")
        if len(h["articles"]) > 1:
            w(f"<span class=\"small\">{_e(article_for(report, c).get('title'))}</span>")
        w("</h3>")
        w(f"<blockquote>{_e(c['text'])}</blockquote><dl>")
        f = c["facets"]
        if f["numbers"]:
            w("<dt>Figures</dt><dd>" + "; ".join(
                f"{_e(x['text'])} <span class=\"small\">= {_e(format_value(x['value'], x['unit'], NNBSP))}</span>"
                for x in f["numbers"]) + "</dd>")
        if f["entities"]:
            w(f"<dt>Names</dt><dd>{_e(', '.join(f['entities']))}</dd>")
        if f["dates"]:
            w(f"<dt>Dates</dt><dd>{_e(', '.join(d['text'] for d in f['dates']))}</dd>")
        if f.get("attribution"):
            w(f"<dt>Attributed</dt><dd>{_e(f['attribution'])}</dd>")
        if f["hedges"]:
            w(f"<dt>Hedges</dt><dd>{_e(', '.join(f['hedges']))}</dd>")
        if c["conflicts"]:
            w("<dt class=\"conflict\">Conflicts</dt><dd><ul>")
            for x in c["conflicts"]:
                w(f"<li class=\"conflict\">{_e(x['claim'])} ≠ {_e(x['other'])} "
                  f"<span class=\"small\">({_e(x['with'])} {_e(x['id'])})</span></li>")
            w("</ul></dd>")
        if c["notes"]:
            w("<dt>Notes</dt><dd><ul>")
            for note in c["notes"]:
                w(f"<li>{_e(note['note'])} <span class=\"small\">{_e(note['editor'])}, "
                  f"{_e(note['at'])}</span></li>")
            w("</ul></dd>")
        w("<dt>Sources</dt><dd>")
        if c["sources"]:
            w("<ul>")
            for src in c["sources"]:
                url = str(src.get("url") or "")
                href = _e(url) if url.startswith(("http://", "https://")) else ""
                label = _e(src.get("title") or url)
                link = f'<a href="{href}">{label}</a>' if href else label
                meta = ", ".join(_e(x) for x in (src.get("publisher"), src.get("published")) if x)
                w(f"<li><b>{_e(src['stance'])}</b>: {link}"
                  + (f" <span class=\"small\">{meta}</span>" if meta else ""))
                ev = src.get("evidence") or {}
                if ev.get("numbers_matched"):
                    w("<br><span class=\"match\">same figures: " + _e(", ".join(
                        evidence_pair(x) for x in ev["numbers_matched"])) + "</span>")
                if ev.get("numbers_conflicting"):
                    w("<br><span class=\"conflict\">different figures: " + _e(", ".join(
                        evidence_pair(x) for x in ev["numbers_conflicting"])) + "</span>")
                w("</li>")
            w("</ul>")
        else:
            w("<span class=\"small\">none linked</span>")
        w("</dd>")
        if c["duplicates"]:
            w("<dt>Same fact</dt><dd><ul>")
            for d in c["duplicates"]:
                cls = ' class="conflict"' if d["kind"] == "conflict" else ""
                w(f"<li{cls}>claim {_e(d['id'])}: {_e(d['kind'])} ({_e(d['score'])}), "
                  f"{_e(words.get(d['status'], d['status']))}</li>")
            w("</ul></dd>")
        w("</dl>")
        if c["history"]:
            w("<table class=\"history\"><tr><th>When</th><th>Who</th><th>What</th>"
              "<th>Why</th></tr>")
            for e in c["history"]:
                what = (f"{e['from']} → {e['to']}" if e["action"] in ("status", "undo")
                        else e["action"])
                if e["action"] == "undo":
                    what += " (undo)"
                w(f"<tr><td>{_e(e['at'])}</td><td>{_e(e['editor'])}</td><td>{_e(what)}</td>"
                  f"<td>{_e(e.get('note') or '')}</td></tr>")
            w("</table>")
        w("</article>\n")
    if n == 0:
        w("<p class=\"meta\">No claims match.</p>")
    w("</section></main></body></html>\n")
    return n
