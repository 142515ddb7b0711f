"""The report as schema.org ClaimReview JSON-LD: one review per rated or decided claim.

Each item holds what Google's fact-check markup documents as required (``claimReviewed``,
``reviewRating`` with its ``alternateName``, ``url``) and recommended (the reviewing
organisation as ``author``, ``datePublished``, ``itemReviewed``: a ``Claim`` with its
``appearance``, ``datePublished`` and ``author``; the rating's ``ratingValue``,
``bestRating``, ``worstRating`` and ``name``), with these choices:

- ``claimReviewed`` is the claim in full, on one line: never cut.
- The rating comes from the newsroom's scale (store.verdicts): its name in the report's
  language, its number, the scale's best and worst. A rating with no number on the scale
  ("Unverifiable") gives its name only: a number would say how true it is, and it is not.
- The claim's ``author`` is named only when the analysis knows the speaker is a person or
  an organisation (facets ``speaker_kind``); a reason, a count or an unnamed source is no
  author, and an author left out is better than a wrong one.
- ``url`` is the page the fact-check is published on (``page_url``, else the
  organisation's address) with the claim's anchor in the HTML report; without an http(s)
  address there is no valid item, and the export says so rather than write one.
- The JSON is safe inside ``<script type="application/ld+json">``: ``<``, ``>``, ``&``,
  U+2028/2029, C1 controls and reading-order overrides are written as ``\\uXXXX``.
"""

from __future__ import annotations

import json
import re
from typing import IO

from ..errors import InputError
from ..store.verdicts import Verdict, decided_at
from ..text.formatting import web_url
from .model import Report, article_for
from .wording import Words

AUTHOR_TYPES = {"person": "Person", "organisation": "Organization",
                "organization": "Organization"}
_UNSAFE_IN_SCRIPT = re.compile("[<>&\u2028\u2029\u0080-\u009f\u061c\u200e\u200f"
                               "\u202a-\u202e\u2066-\u2069]")


def _as_escape(m: re.Match) -> str:
    return f"\\u{ord(m.group()):04x}"


def dumps(item) -> str:
    """JSON that no HTML parser or JavaScript reader can take for anything but data."""
    return _UNSAFE_IN_SCRIPT.sub(_as_escape, json.dumps(item, ensure_ascii=False))


def claim_author(facets: dict) -> dict | None:
    """Who made the claim, when the analysis knows it is a person or an organisation."""
    speaker = " ".join(str(facets.get("speaker") or "").split())
    kind = AUTHOR_TYPES.get(str(facets.get("speaker_kind") or "").lower())
    if not speaker or kind is None:
        return None
    return {"@type": kind, "name": speaker}


def rating(verdict: Verdict, status: str, report: Report, words: Words) -> dict:
    name = verdict.name or words.status(status)
    out = {"@type": "Rating", "alternateName": name, "name": name}
    value = verdict.rating.value if verdict.rating else None
    if value is not None and report.scale.best is not None:
        out.update(ratingValue=value, bestRating=report.scale.best,
                   worstRating=report.scale.worst)
    return out


def review(claim: dict, article: dict, verdict: Verdict, report: Report, words: Words, *,
           org_name: str, org_url: str | None, page: str, anchor: str) -> dict:
    item: dict = {"@type": "Claim"}
    appearance = web_url(article.get("url"))
    if appearance:
        item["appearance"] = {"@type": "CreativeWork", "url": appearance,
                              "headline": " ".join(str(article.get("title") or "").split())}
    author = claim_author(claim.get("facets") or {})
    if author:
        item["author"] = author
    if article.get("published"):
        item["datePublished"] = str(article["published"])[:10]
    reviewed = rating(verdict, claim["status"], report, words)
    if claim.get("rationale"):
        reviewed["ratingExplanation"] = " ".join(claim["rationale"]["text"].split())
    at = decided_at(claim["history"], claim["status"])[0] or claim.get("updated_at")
    out = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"{page.split('#')[0]}#{anchor}",
        "claimReviewed": " ".join(claim["text"].split()),
        "itemReviewed": item,
        "author": {"@type": "Organization", "name": org_name,
                   **({"url": org_url} if org_url else {})},
        "datePublished": (at or "")[:10] or None,
        "reviewRating": reviewed,
        "inLanguage": words.lang,
    }
    if out["datePublished"] is None:
        del out["datePublished"]
    return out


def render(report: Report, out: IO[str], org_name: str | None = None,
           org_url: str | None = None, page_url: str | None = None,
           lang: str | None = None, **_options) -> int:
    org_name = " ".join(str(org_name or report.settings.get("org.name") or "").split())
    org_url = org_url or report.settings.get("org.url")
    if org_url and not web_url(org_url):
        raise InputError(f"the organisation's URL must be an http(s) address: {org_url!r}")
    if page_url and not web_url(page_url):
        raise InputError(f"the page's URL must be an http(s) address: {page_url!r}")
    page = web_url(page_url) or web_url(org_url)
    if not org_name or not page:
        raise InputError("ClaimReview names the organisation that checked the claims and the"
                         " page it publishes them on: give --org-name and --org-url (or set"
                         " org.name and org.url with `factcheck settings`)")
    words = Words(report.language(lang))
    out.write("[")
    n = 0
    for claim in report.claims:
        verdict = report.verdict(claim, words.lang)
        if verdict is None:
            continue
        item = review(claim, article_for(report, claim), verdict, report, words,
                      org_name=org_name, org_url=web_url(org_url), page=page,
                      anchor=report.anchor(claim))
        out.write(("\n  " if n == 0 else ",\n  ") + dumps(item))
        n += 1
    out.write("\n]\n" if n else "]\n")
    return n
