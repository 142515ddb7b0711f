"""The report as schema.org ClaimReview JSON-LD: one review per checked claim.

Pending claims are left out.  The rating is a 1–5 scale (1: false, 5: true);
``alternateName`` carries the verdict in the article's language, or the finer
word the editor chose for the claim ("Trompeur", "Mostly true").
"""

from __future__ import annotations

import json
from typing import IO

from .model import Report, article_for

RATING = {"verified": 5, "disputed": 1}
VERDICT = {
    "fr": {"verified": "Vrai", "disputed": "Faux"},
    "en": {"verified": "True", "disputed": "False"},
}
MAX_CLAIM_CHARS = 280


def trim(text: str, limit: int = MAX_CLAIM_CHARS) -> str:
    """One line, at most `limit` characters, cut at a word with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit - 1)
    return text[: cut if cut > limit // 2 else limit - 1].rstrip(" ,;:") + "…"


def _decided_at(claim: dict) -> str | None:
    for e in reversed(claim["history"]):
        if e["action"] in ("status", "undo") and e["to"] == claim["status"]:
            return e["at"][:10]
    return (claim.get("updated_at") or "")[:10] or None


def review(claim: dict, article: dict, org_name: str, org_url: str | None) -> dict:
    lang = article.get("language") or "en"
    words = VERDICT.get(lang, VERDICT["en"])
    item: dict = {"@type": "Claim"}
    if article.get("url"):
        item["appearance"] = {"@type": "CreativeWork", "url": article["url"],
                              "headline": article.get("title")}
    facets = claim["facets"]
    if facets.get("speaker"):
        item["author"] = {"@type": "Person" if len(facets["speaker"].split()) >= 2
                          else "Organization", "name": facets["speaker"]}
    if article.get("published"):
        item["datePublished"] = article["published"]
    base = article.get("url") or org_url
    out = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": trim(claim["text"]),
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": RATING[claim["status"]],
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": claim.get("verdict_label") or words[claim["status"]],
        },
        "itemReviewed": item,
        "author": {"@type": "Organization", "name": org_name,
                   **({"url": org_url} if org_url else {})},
        "datePublished": _decided_at(claim),
        "inLanguage": lang,
    }
    if base:
        out["url"] = f"{base.split('#')[0]}#factcheck-claim-{claim['id']}"
    return out


def render(report: Report, out: IO[str], org_name: str | None = None,
           org_url: str | None = None, **_options) -> int:
    org_name = org_name or "factcheck desk"
    out.write("[")
    n = 0
    for claim in report.claims:
        if claim["status"] not in RATING:
            continue
        item = review(claim, article_for(report, claim), org_name, org_url)
        out.write(("\n  " if n == 0 else ",\n  ") + json.dumps(item, ensure_ascii=False))
        n += 1
    out.write("\n]\n" if n else "]\n")
    return n
