"""ClaimReview that validates, and that is safe to embed in a page.

The properties are those Google Search Central documents for fact-check markup
("Fact check (ClaimReview) structured data",
https://developers.google.com/search/docs/appearance/structured-data/factcheck):

- ClaimReview: required claimReviewed (Text), reviewRating (Rating), url (URL);
  recommended author (Organization or Person), datePublished (Date), itemReviewed (Claim).
- Claim: recommended appearance (URL or CreativeWork), author (Organization or Person),
  datePublished (Date), firstAppearance (URL or CreativeWork).
- Rating: required alternateName (Text); recommended bestRating, ratingValue, worstRating
  (Number) and name (Text). ratingValue lies between worstRating and bestRating, best above
  worst, the higher the truer.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from urllib.parse import urlsplit

import pytest

from conftest import env_for_cli
from factcheck import report
from factcheck.errors import InputError
from factcheck.report.claimreview import claim_author
from factcheck.store import Store, verdicts

REQUIRED = {"ClaimReview": {"claimReviewed", "reviewRating", "url"},
            "Rating": {"alternateName"}}
RECOMMENDED = {"ClaimReview": {"author", "datePublished", "itemReviewed"},
               "Claim": {"appearance", "author", "datePublished", "firstAppearance"},
               "Rating": {"bestRating", "ratingValue", "worstRating", "name"}}
DATE = re.compile(r"\d{4}-\d{2}-\d{2}$")


def reviews(db: str, **options) -> list[dict]:
    out = io.StringIO()
    with Store(db) as store:
        report.write(store, out, fmt="claimreview", **options)
    return json.loads(out.getvalue())


def check_item(item: dict, claim: dict) -> set[str]:
    """Every required property there and well formed; returns the recommended ones left
    out, each of which the caller must account for."""
    missing: set[str] = set()
    assert item["@context"] == "https://schema.org" and item["@type"] == "ClaimReview"
    assert REQUIRED["ClaimReview"] <= item.keys()
    assert isinstance(item["claimReviewed"], str) and item["claimReviewed"].strip()
    assert urlsplit(item["url"]).scheme in ("http", "https") and urlsplit(item["url"]).netloc
    missing |= {f"ClaimReview.{p}" for p in RECOMMENDED["ClaimReview"] - item.keys()}
    author = item["author"]
    assert author["@type"] == "Organization" and author["name"].strip()
    assert urlsplit(author["url"]).netloc == urlsplit(item["url"]).netloc  # same site
    assert DATE.match(item["datePublished"])

    reviewed = item["itemReviewed"]
    assert reviewed["@type"] == "Claim"
    missing |= {f"Claim.{p}" for p in RECOMMENDED["Claim"] - reviewed.keys()}
    if "appearance" in reviewed:
        appearance = reviewed["appearance"]
        url = appearance if isinstance(appearance, str) else appearance["url"]
        assert urlsplit(url).scheme in ("http", "https")
    if "author" in reviewed:
        assert reviewed["author"]["@type"] in ("Person", "Organization")
        assert reviewed["author"]["name"].strip()
    if "datePublished" in reviewed:
        assert DATE.match(reviewed["datePublished"])

    rating = item["reviewRating"]
    assert rating["@type"] == "Rating" and REQUIRED["Rating"] <= rating.keys()
    assert rating["alternateName"].strip()
    missing |= {f"Rating.{p}" for p in RECOMMENDED["Rating"] - rating.keys()}
    numbers = {"ratingValue", "bestRating", "worstRating"} & rating.keys()
    assert numbers in (set(), {"ratingValue", "bestRating", "worstRating"})
    if numbers:
        assert all(isinstance(rating[k], (int, float)) for k in numbers)
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
        assert rating["worstRating"] < rating["bestRating"]
    return missing


def test_every_item_has_what_google_requires_and_recommends(demo):
    with Store(demo) as store:
        store.conn.execute("UPDATE articles SET published = '2025-06-20'")
        claims = {c["seq"]: c for c in store.claims()}
        scale = verdicts.load_scale(store)
    items = reviews(demo)
    assert len(items) == 4  # every rated or decided claim, and only those
    for item in items:
        seq = int(item["url"].rsplit("-", 1)[1])
        claim = claims[seq]
        missing = check_item(item, claim)
        # what may be left out, and why: where the claim first appeared is not known (the
        # article is where it appears); the speaker is not known to be a person or an
        # organisation in this store (its facets predate speaker_kind); a rating with no
        # number on the scale ("Invérifiable") gives its name only
        allowed = {"Claim.firstAppearance", "Claim.author"}
        if scale.find(claim["verdict_label"]) and scale.find(claim["verdict_label"]).value \
                is None:
            allowed |= {"Rating.ratingValue", "Rating.bestRating", "Rating.worstRating"}
        assert missing <= allowed, missing - allowed
        assert item["claimReviewed"] == " ".join(claim["text"].split())  # in full
        assert not item["claimReviewed"].endswith("…")
        assert item["itemReviewed"]["datePublished"] == "2025-06-20"
        assert item["itemReviewed"]["appearance"]["url"] == "https://example.org/meta-talents"
        assert item["url"] == f"https://desk.example/verifications#claim-{seq}"
    rated = [i["reviewRating"] for i in items]
    assert [(r["alternateName"], r.get("ratingValue")) for r in rated] == [
        ("Plutôt vrai", 4), ("Vrai", 5), ("Trompeur", 3), ("Invérifiable", None)]
    assert items[0]["reviewRating"]["ratingExplanation"].startswith("Reuters donne")


@pytest.mark.parametrize("facets, author", [
    ({"speaker": "Sam Altman", "speaker_kind": "person"},
     {"@type": "Person", "name": "Sam Altman"}),
    ({"speaker": "Les Echos", "speaker_kind": "organisation"},
     {"@type": "Organization", "name": "Les Echos"}),
    ({"speaker": "d'après un autre calcul", "speaker_kind": "unknown"}, None),
    ({"speaker": "Reuters"}, None),  # facets from before speaker_kind: not known
    ({"speaker": None, "speaker_kind": None}, None),
])
def test_the_claims_author_only_when_known_to_be_a_person_or_an_organisation(facets, author):
    assert claim_author(facets) == author


def test_the_speaker_kind_reaches_the_item(demo):
    with Store(demo) as store:
        bonus = store.claims()[4]
        facets = dict(bonus["facets"], speaker="Sam Altman", speaker_kind="person")
        store.conn.execute("UPDATE claims SET facets = ? WHERE id = ?",
                           (json.dumps(facets), bonus["id"]))
        gross = store.claims()[3]
        facets = dict(gross["facets"], speaker="un autre calcul", speaker_kind="unknown")
        store.conn.execute("UPDATE claims SET facets = ? WHERE id = ?",
                           (json.dumps(facets), gross["id"]))
    items = {i["url"].rsplit("-", 1)[1]: i for i in reviews(demo)}
    assert items["5"]["itemReviewed"]["author"] == {"@type": "Person", "name": "Sam Altman"}
    assert "author" not in items["4"]["itemReviewed"]


def test_the_json_is_safe_inside_a_script_element(demo):
    nasty = "</script><script>alert(1)</script> & <!-- \u2028\u2029 \u202eevil"
    with Store(demo) as store:
        claim = store.claims()[3]["id"]
        verdicts.explain(store, claim, nasty, editor="alice")
        store.set_setting("org.name", "Desk </script>")
    out = io.StringIO()
    with Store(demo) as store:
        report.write(store, out, fmt="claimreview")
    text = out.getvalue()
    for raw in ("<", ">", "&", "\u2028", "\u2029", "\u202e"):
        assert raw not in text
    assert "\\u003c/script\\u003e" in text
    items = json.loads(text)
    assert items[1]["reviewRating"]["ratingExplanation"] == " ".join(nasty.split())
    assert items[0]["author"]["name"] == "Desk </script>"


def test_without_an_organisation_there_is_no_valid_item(demo):
    with Store(demo) as store:
        store.set_setting("org.url", None)
    with pytest.raises(InputError, match="--org-url"):
        reviews(demo)
    assert reviews(demo, org_url="https://desk.example")[0]["url"].startswith(
        "https://desk.example#")
    page = reviews(demo, page_url="https://desk.example/2026/meta", org_url="https://desk.example")
    assert page[0]["url"] == "https://desk.example/2026/meta#claim-3"


def test_only_web_addresses_get_in(demo, tmp_path):
    env = env_for_cli(demo)

    def run(*args):
        return subprocess.run([sys.executable, "-m", "factcheck", *args, "--db", demo],
                              capture_output=True, env=env, timeout=60)

    article = tmp_path / "a.txt"
    article.write_text("Le budget atteint 3 milliards d’euros en 2025.", encoding="utf-8")
    for args in (("settings", "org.url", "javascript:alert(1)"),
                 ("export", "--format", "claimreview", "--org-url", "javascript:alert(1)"),
                 ("export", "--format", "claimreview", "--page-url", "data:text/html,x"),
                 ("import", str(article), "--url", "javascript:alert(document.domain)")):
        done = run(*args)
        assert done.returncode == 2, args
        assert b"http" in done.stderr
    with Store(demo) as store:  # one written behind the desk's back is still refused
        store.conn.execute("UPDATE settings SET value = 'javascript:alert(1)'"
                           " WHERE key = 'org.url'")
    with pytest.raises(InputError, match="http"):
        reviews(demo)
    out = io.StringIO()
    with Store(demo) as store:
        report.write(store, out, fmt="html")
    assert "javascript:" not in out.getvalue()
