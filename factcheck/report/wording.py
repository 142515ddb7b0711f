"""The words of the reports for people, in French and in English, and dates as people
write them ("6 décembre 2026", "6 December 2026").

A report speaks one language throughout: every word that is not the article's own text,
a source's or an editor's comes from one of these tables. A language without a table
reads English.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..store.verdicts import decided_at
from ..text.display import printable

MONTHS = {
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}

NBSP = "\u00a0"  # French puts it before : and inside « »
NNBSP = "\u202f"  # and before %, between thousands

WORDS: dict[str, dict[str, str]] = {
    "en": {
        # both audiences
        "status.verified": "Verified", "status.disputed": "Disputed",
        "status.pending": "Pending",
        "sources": "Sources", "rationale": "Rationale", "rating": "Rating",
        "status": "Status", "no_claims": "No claims match.",
        "stance.supports": "supports", "stance.refutes": "refutes",
        "stance.context": "context",
        # the public report
        "fact_check": "Fact check", "title.public": "Fact check: {title}",
        "article_checked": "The article", "published_on": "published {date}",
        "report_of": "Updated {date}", "checked_by": "Checked by {names}",
        "checked_on": "Checked on {date}", "checked_by_on": "Checked by {name} on {date}",
        "claims_checked.one": "{n} claim checked", "claims_checked.many": "{n} claims checked",
        "not_checked": "Not checked yet", "nothing_checked": "No claim has been checked yet.",
        "our_scale": "Our ratings, from true to false", "scale.no_number": "no place on the scale",
        "listing": "What we checked",
        # the internal report
        "title.internal": "Verification report: {title}",
        "verification_report": "Verification report (internal)",
        "all_articles": "All articles",
        "language": "Language", "source": "source", "stdin": "standard input",
        "imported": "imported {date} by {editor}", "generated": "Generated {date}",
        "only_status": "only claims with status {status}",
        "summary": "Summary", "all_claims": "All claims",
        "conflicting_figures": "Conflicting figures",
        "share_checked": "{pct} of the claims checked.", "claims": "Claims",
        "worthiness": "check-worthiness {score}", "conflicts": "Conflicts",
        "notes": "Notes", "none_linked": "none linked", "same_figures": "same figures",
        "different_figures": "different figures", "same_fact": "Same fact elsewhere",
        "claim_n": "claim {id}", "source_n": "source {id}",
        "kind.duplicate": "duplicate", "kind.conflict": "conflict",
        "kind.suggestion": "suggestion",
        "when": "When", "who": "Who", "what": "What", "why": "Why", "history": "History",
        "action.note": "note", "action.link": "linked {source}",
        "action.unlink": "unlinked {source}", "action.undo": "{change} (undo)",
        "action.rating": "rated {rating}", "action.label": "label {label}",
        "action.label_cleared": "label cleared", "action.rationale": "rationale written",
        "action.rationale_cleared": "rationale cleared",
        "following": "following claim {id}", "note_by": "Note by {editor}, {date}",
        "rationale_by": "by {editor}, {date}", "last_changed": "last changed {date} by {editor}",
        "claims_with_conflicts": "Claims with conflicting figures: {n}.",
        "rating_stale": "{label} (no longer its status: {status})",
        "checked_share_line": "Checked: {pct} of the claims.",
    },
    "fr": {
        "status.verified": "Vérifié", "status.disputed": "Contesté",
        "status.pending": "En attente",
        "sources": "Sources", "rationale": "Justification", "rating": "Verdict",
        "status": "Statut", "no_claims": "Aucune affirmation ne correspond.",
        "stance.supports": "confirme", "stance.refutes": "contredit",
        "stance.context": "contexte",
        "fact_check": "Vérification", "title.public": "Vérification\u00a0: {title}",
        "article_checked": "L’article", "published_on": "publié le {date}",
        "report_of": "Mis à jour le {date}", "checked_by": "Vérifié par {names}",
        "checked_on": "Vérifié le {date}", "checked_by_on": "Vérifié par {name}, le {date}",
        "claims_checked.one": "{n} affirmation vérifiée",
        "claims_checked.many": "{n} affirmations vérifiées",
        "not_checked": "Pas encore vérifié",
        "nothing_checked": "Aucune affirmation n’a encore été vérifiée.",
        "our_scale": "Nos verdicts, du vrai au faux", "scale.no_number": "hors de l’échelle",
        "listing": "Ce que nous avons vérifié",
        "title.internal": "Rapport de vérification\u00a0: {title}",
        "verification_report": "Rapport de vérification (interne)",
        "all_articles": "Tous les articles",
        "language": "Langue", "source": "source", "stdin": "entrée standard",
        "imported": "importé le {date} par {editor}", "generated": "Produit le {date}",
        "only_status": "seulement les affirmations au statut {status}",
        "summary": "Synthèse", "all_claims": "Toutes les affirmations",
        "conflicting_figures": "Chiffres en conflit",
        "share_checked": "{pct} des affirmations tranchées.", "claims": "Affirmations",
        "worthiness": "intérêt à vérifier {score}", "conflicts": "Conflits",
        "notes": "Notes", "none_linked": "aucune liée", "same_figures": "mêmes chiffres",
        "different_figures": "chiffres différents", "same_fact": "Même fait ailleurs",
        "claim_n": "affirmation {id}", "source_n": "source {id}",
        "kind.duplicate": "doublon", "kind.conflict": "conflit",
        "kind.suggestion": "suggestion",
        "when": "Quand", "who": "Qui", "what": "Quoi", "why": "Pourquoi",
        "history": "Historique",
        "action.note": "note", "action.link": "source liée\u00a0: {source}",
        "action.unlink": "source retirée\u00a0: {source}",
        "action.undo": "{change} (annulation)",
        "action.rating": "verdict {rating}", "action.label": "étiquette {label}",
        "action.label_cleared": "étiquette retirée",
        "action.rationale": "justification rédigée",
        "action.rationale_cleared": "justification retirée",
        "following": "à la suite de l’affirmation {id}",
        "note_by": "Note de {editor}, le {date}", "rationale_by": "par {editor}, le {date}",
        "last_changed": "modifiée le {date} par {editor}",
        "claims_with_conflicts": "Affirmations aux chiffres en conflit\u00a0: {n}.",
        "rating_stale": "{label} (le statut a changé depuis\u00a0: {status})",
        "checked_share_line": "Tranchées\u00a0: {pct} des affirmations.",
    },
}


class Words:
    """One language's words and ways of writing dates and numbers."""

    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in WORDS else "en"
        self.table = WORDS[self.lang]

    def __call__(self, key: str, **values) -> str:
        text = self.table[key]
        return text.format(**values) if values else text

    def count(self, key: str, n: int) -> str:
        """``key.one`` or ``key.many`` with the number: French counts 0 and 1 as one."""
        one = n <= 1 if self.lang == "fr" else n == 1
        return self(f"{key}.{'one' if one else 'many'}", n=self.number(n))

    def status(self, status: str) -> str:
        return self.table.get(f"status.{status}", status)

    def number(self, n: int) -> str:
        text = f"{n:,}"
        return text.replace(",", NNBSP if self.lang == "fr" else ",")

    def decimal(self, x: float, places: int = 2) -> str:
        text = f"{x:.{places}f}"
        return text.replace(".", ",") if self.lang == "fr" else text

    @property
    def thousands(self) -> str:
        """Between groups of three digits: 14 300 000 000 (fr), 14,300,000,000 (en)."""
        return NNBSP if self.lang == "fr" else ","

    def percent(self, share: float) -> str:
        pct = f"{100 * share:.0f}"
        return f"{pct}{NNBSP}%" if self.lang == "fr" else f"{pct}%"

    def date(self, value: object) -> str:
        """An ISO date (or time) as people write it; anything else as it is, made safe."""
        text = printable("" if value is None else str(value), one_line=True).strip()
        m = _ISO.match(text)
        if not m:
            return text
        year, month, day = m.group(1), m.group(2), m.group(3)
        if month is None:
            return year
        if not 1 <= int(month) <= 12:
            return text
        name = MONTHS[self.lang][int(month) - 1]
        if day is None:
            return f"{name} {year}"
        d = int(day)
        if not 1 <= d <= 31:
            return text
        if self.lang == "fr":
            return f"{'1er' if d == 1 else d} {name} {year}"
        return f"{d} {name} {year}"

    def moment(self, value: object) -> str:
        """An ISO time as people write it, with its hour in UTC (the store's clock)."""
        text = "" if value is None else str(value)
        m = _ISO_TIME.match(text)
        if not m:
            return self.date(text)
        day = self.date(text[:10])
        return f"{day} à {m.group(1)} UTC" if self.lang == "fr" else f"{day}, {m.group(1)} UTC"

    def names(self, names: list[str]) -> str:
        """"A", "A and B", "A, B and C" (« et » in French)."""
        if len(names) <= 1:
            return "".join(names)
        last = " et " if self.lang == "fr" else " and "
        return ", ".join(names[:-1]) + last + names[-1]


_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")
_ISO_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T(\d{2}:\d{2})")


def history_row(e: dict, words: Words) -> tuple[str, str]:
    """(what happened, why) for one event of a claim's history, in the report's words."""
    details = e.get("details") or {}
    note = e.get("note") or ""
    if e["action"] in ("status", "undo"):
        change = f"{words.status(e['from'] or '')} → {words.status(e['to'] or '')}"
        what = words("action.undo", change=change) if e["action"] == "undo" else change
        if details.get("followed"):
            what += " · " + words("following", id=details["followed"])
        if "rating" in details:  # the status a rating set: the row before names the rating
            note = ""
        return what, note
    if e["action"] in ("link", "unlink"):
        source = e.get("source_title") or words("source_n", id=e.get("source_id"))
        return words(f"action.{e['action']}", source=source), note
    if "rationale" in details:
        if details["rationale"] == "set":
            return words("action.rationale"), note
        return words("action.rationale_cleared"), ""
    if "label" in details:
        label = details["label"]
        if label is None:
            return words("action.label_cleared"), ""
        key = "action.rating" if "rating" in details else "action.label"
        return words(key, rating=label, label=label), ""
    return words("action.note"), note


def checked_line(report, claim: dict, words: Words) -> str | None:
    """"Checked by Alice Martin on 6 December 2026" under a decided claim (the display name
    only: a login never reaches readers), or None when its decision has no date."""
    at, login = decided_at(claim["history"], claim["status"])
    if not at:
        return None
    name = report.editor_name(login)
    return (words("checked_by_on", name=name, date=words.date(at)) if name
            else words("checked_on", date=words.date(at)))


def source_title(src: dict) -> str:
    """What a source is called for readers: its title, else the site it is on."""
    title = " ".join(str(src.get("title") or "").split())
    if title and title != src.get("url"):
        return title
    try:
        host = urlsplit(str(src.get("url") or "")).hostname or ""
    except ValueError:
        host = ""
    return host.removeprefix("www.") or str(src.get("url") or "")


def verdict_tally(report, rated: list[tuple[dict, object]], words: Words
                  ) -> list[tuple[object, str, int]]:
    """(verdict, status, claims) per verdict given, in the order of the scale (truest
    first), the editors' own words after."""
    counts: dict[str, list] = {}
    for claim, verdict in rated:
        name = verdict.name or words.status(claim["status"])
        counts.setdefault(name, [verdict, claim["status"], 0])[2] += 1
    order = {r.name(words.lang): i for i, r in enumerate(
        sorted(report.scale.ratings, key=lambda r: (r.value is None, -(r.value or 0))))}
    ranked = sorted(counts.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))
    return [tuple(v) for _, v in ranked]
