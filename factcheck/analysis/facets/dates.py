"""Dates: absolute ("le 3 juillet 2025", "July 3", "en 2024", "les 4 et 5 mai") and relative
("la semaine dernière", "vendredi", "on Friday", "en septembre", "three days ago")."""

from __future__ import annotations

import operator
import re

from ...text.words import FUNCTION_WORDS
from .reading import (_DIGIT, _LOOKED_UP, Gate, Sentence, _scan, analyse, case_twin, finditer,
                      folded)

_MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
              "septembre", "octobre", "novembre", "décembre"]
_MONTHS_EN = ["january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december"]
_WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
             "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH_NUM = {m: i + 1 for i, m in enumerate(_MONTHS_FR)}
_MONTH_NUM.update({m: i + 1 for i, m in enumerate(_MONTHS_EN)})
_MONTH_NUM.update({"fevrier": 2, "aout": 8, "decembre": 12, "sept": 9, "jan": 1, "feb": 2,
                   "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
                   "nov": 11, "dec": 12, "janv": 1, "févr": 2, "avr": 4, "juil": 7,
                   "déc": 12})
_MONTH = "|".join(sorted(_MONTH_NUM, key=len, reverse=True))
# Each pattern opens with a look-ahead for the characters a match can start with: it
# changes nothing in what matches, but spares trying the whole pattern everywhere else.
_MONTH_INITIALS = "".join(sorted({m[0] for m in _MONTH_NUM}))
_DAY = r"(?:1er|\d{1,2})(?:st|nd|rd|th)?"
_DATE_PATTERNS = [
    # 2025-07-03
    re.compile(r"(?=\d)\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
    # le 3 juillet 2025, 3 July 2025, 1er mai; a range of days is one date: les 4 et 5 mai,
    # du 4 au 6 mai 2025, 4-5 May
    re.compile(rf"(?=[ldfb\d])\b(?:(?:le|les|du|from|between)\s+)?(?P<d>{_DAY})"
               rf"(?:\s*(?:et|au|à|-|–|and|to)\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)?"
               rf"\s+(?P<mon>{_MONTH})\.?(?:\s+(?P<y>\d{{4}}))?\b", re.I),
    # July 3, 2025 / July 3 / May 4 and 5, May 4-5
    re.compile(rf"(?=[{_MONTH_INITIALS}])\b(?P<mon>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
               rf"(?:\s*(?:and|to|through|-|–)\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b)?"
               rf"(?:,?\s+(?P<y>\d{{4}}))?\b", re.I),
    # juin 2025 / June 2025 / fin juin 2025
    re.compile(rf"(?=[dmfel{_MONTH_INITIALS}])"
               rf"\b(?:(?:début|mi|fin|early|mid|late)[\s-]+)?(?P<mon>{_MONTH})\s+(?P<y>\d{{4}})\b",
               re.I),
    # en 2024, in 2024, depuis 2019, 2024: the year first, its preposition looked up after
    re.compile(r"(?=[12])(?<![\d,.])\b(?P<y>1[89]\d{2}|20\d{2}|2100)\b(?![\d,.]\d|\s?%)"),
]
_ISO_DATE, _YEAR = _DATE_PATTERNS[0], _DATE_PATTERNS[-1]
_YEAR_OPENING = re.compile(r"[12]")  # (see _scan)
for _pattern in _DATE_PATTERNS[1:-1]:
    folded(_pattern)
_YEAR_PREPOSITION = re.compile(
    r"(?i)\b(?:en|in|depuis|since|dès|d[’']ici(?:\s+à)?|by|until|jusqu[’']en|au\s+cours\s+de"
    r"|à\s+l[’']horizon|à\s+partir\s+de|fin|début|mi-)\s+$")
_YEAR_PREPOSITION_TWIN = case_twin(_YEAR_PREPOSITION)
# how each of those ends, lower-cased: the words before a year end so if one is there
_PREPOSITION_ENDS = ("en", "in", "depuis", "since", "dès", "ici", "à", "by", "until", "de",
                     "horizon", "fin", "début", "mi-")
# what every ISO date holds
_ISO_HINT = re.compile(r"\d{4}-\d{2}-\d{2}")
# A month alone ("en septembre", "in July"): written in lower case in French and with a
# capital in English, so that "Mars" (the planet) and "may" (the verb) stay what they are.
_MONTH_ALONE = re.compile(
    r"(?:\b(?i:en|dès|depuis|jusqu[’']en|fin|début|courant|au\s+mois\s+de|le\s+mois\s+de"
    r"|dès\s+le\s+mois\s+de|in|since|by|until|from|through|in\s+early|in\s+late|early|late"
    r"|mid)[\s-]+)?\b(?P<mon>janvier|février|mars|avril|mai|juin|juillet|août|septembre"
    r"|octobre|novembre|décembre|January|February|March|April|May|June|July|August"
    r"|September|October|November|December)\b")
# A weekday: "vendredi", "mardi soir", "on Friday", "le samedi"
_WEEKDAY = re.compile(
    r"(?i:\b(?:on|le|ce|this|last|next|dès|depuis|since|by|until|early\s+on|late\s+on)\s+)?"
    r"\b(?i:(?P<wd>lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday"
    r"|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:soir|matin|après-midi|midi"
    r"|morning|afternoon|evening|night))?)\b")
# a capitalised word right before a month: "Theresa May", not a month
_NAME_BEFORE = re.compile(r"([A-ZÀ-ÖØ-Þ][\w’'-]*)\s$")
_RELATIVE = re.compile(
    r"\b(?:ces\s+dernières\s+(?:semaines|années|heures)|ces\s+derniers\s+(?:jours|mois|temps)"
    r"|la\s+semaine\s+(?:dernière|prochaine)|le\s+mois\s+(?:dernier|prochain)"
    r"|l[’']an(?:née)?\s+(?:dernier|dernière|prochain|prochaine|passé|passée)|cette\s+année"
    r"|cette\s+semaine"
    r"|ce\s+mois-ci|hier|aujourd[’']hui|demain|avant-hier|récemment|dernièrement"
    r"|plus\s+tôt\s+cette\s+année|l[’'](?:été|hiver|automne)\s+(?:dernier|prochain)"
    r"|le\s+printemps\s+(?:dernier|prochain)|cet\s+(?:été|hiver|automne)"
    r"|(?:last|next|this)\s+(?:week|month|year|summer|winter|spring|autumn|fall|weekend)"
    r"|yesterday|today|tomorrow|recently"
    r"|earlier\s+this\s+(?:year|month|week)|in\s+recent\s+(?:weeks|months|years)"
    r"|(?:il\s+y\s+a|voici)\s+\w+\s+(?:jours|semaines|mois|ans)"
    r"|\w+\s+(?:days|weeks|months|years)\s+ago)\b",
    re.IGNORECASE,
)
folded(_RELATIVE)
# one word of each alternative of _RELATIVE (or a phrase, for "cette année", "il y a"…)
_RELATIVE_GATE = Gate(
    "dernières derniers dernière dernièr dernier prochaine prochain hier aujourd demain récemment"
    " dernièrement tôt week month year yesterday today tomorrow recently earlier recent voici"
    " ago passé passée été hiver automne printemps summer winter spring autumn fall weekend",
    fragments=("cette année", "cette semaine", "ce mois-ci", "il y a"))
_MONTH_WORDS = frozenset(_MONTH_NUM)
_WEEKDAY_WORDS = frozenset(_WEEKDAYS)
_LOOKED_UP.update(_MONTH_WORDS, _WEEKDAY_WORDS)


def extract_dates(text: str) -> list[dict]:
    return [d | {"start": s, "end": e} for s, e, d in _find_dates(text, analyse(text))]


def _find_dates(text: str, sentence: Sentence) -> list[tuple[int, int, dict]]:
    """(start, end, {"text", "value", "relative"}) of each date, in order."""
    found: list[tuple[int, int, dict]] = []

    def free(a: int, b: int) -> bool:
        for s, e, _ in found:
            if a < e and b > s:
                return False
        return True

    no_month = sentence.gated and _MONTH_WORDS.isdisjoint(sentence.words)
    patterns = _DATE_PATTERNS if sentence.has_digit else ()
    if patterns and no_month:
        patterns = (_ISO_DATE, _YEAR)  # no month named: ISO dates, years
    for pattern in patterns:
        if pattern is _ISO_DATE and ("-" not in text or _ISO_HINT.search(text) is None):
            continue
        if pattern is _YEAR and not ("20" in text or "19" in text or "18" in text
                                     or "21" in text):
            continue
        for m in (_scan(_YEAR, _YEAR_OPENING, text) if pattern is _YEAR
                  else _scan(_ISO_DATE, _DIGIT, text) if pattern is _ISO_DATE
                  else finditer(pattern, sentence)):
            start = m.start()
            # "en 2024": the preposition ends with white space right before the year
            if pattern is _YEAR and start and text[start - 1].isspace():
                if not sentence.gated:
                    prep = _YEAR_PREPOSITION.search(text, max(0, start - 24), start)
                elif sentence.lowered[max(0, start - 24):start].rstrip().endswith(
                        _PREPOSITION_ENDS):
                    prep = _YEAR_PREPOSITION_TWIN.search(sentence.lowered, max(0, start - 24),
                                                         start)
                else:
                    prep = None
                if prep:
                    start = prep.start()
            if not free(start, m.end()):
                continue
            groups = m.groupdict()
            year, month, day = groups.get("y"), groups.get("mon") or groups.get("m"), groups.get("d")
            if month and not month.isdigit():
                month = _MONTH_NUM.get(month.lower().rstrip("."))
                if month is None:
                    continue
                # "may" and "mars" are words too: demand a day or a year with them
                if groups.get("mon", "").lower() in ("may", "mars", "mar") and not (
                        year or (day and groups.get("mon")[0].isupper())):
                    continue
            value = _iso(year, month, day)
            if groups.get("d2"):
                value += "/" + _iso(year, month, groups["d2"])
            found.append((start, m.end(), {"text": text[start:m.end()].strip(), "value": value,
                                          "relative": False}))
    if not no_month or not sentence.gated:
        for m in _near(_MONTH_ALONE, text, sentence, _MONTH_WORDS, 28, 1):
            mon = m.group("mon")
            if not free(m.start(), m.end()):
                continue
            name = _NAME_BEFORE.search(text, max(0, m.start("mon") - 30), m.start("mon"))
            if name and name.group(1).lower() not in FUNCTION_WORDS:
                continue
            found.append((m.start(), m.end(), {"text": m.group(), "relative": True,
                                              "value": _iso(None, _MONTH_NUM[mon.lower()], None)}))
    if not sentence.gated or not _WEEKDAY_WORDS.isdisjoint(sentence.words):
        for m in _near(_WEEKDAY, text, sentence, _WEEKDAY_WORDS, 16, 16):
            if free(m.start(), m.end()):
                found.append((m.start(), m.end(), {"text": m.group(), "value": None,
                                                  "relative": True}))
    for m in finditer(_RELATIVE, sentence) if sentence.gates & _RELATIVE_GATE.bit else ():
        if free(m.start(), m.end()):
            found.append((m.start(), m.end(), {"text": m.group(), "value": None,
                                              "relative": True}))
    if len(found) > 1:
        found.sort(key=_FIRST)
    return found


def _near(pattern: re.Pattern, text: str, sentence: Sentence, words: frozenset,
          before: int, after: int) -> list[re.Match]:
    """pattern's matches around the claim's words among `words` (a month, a weekday), each
    once: searched in a window around each word, not through the whole claim."""
    if not sentence.gated:
        return list(pattern.finditer(text))
    lowered = sentence.lowered
    out: dict[int, re.Match] = {}
    for word in words.intersection(sentence.words):
        i = lowered.find(word)
        while i >= 0:
            m = pattern.search(text, max(0, i - before), i + len(word) + after)
            while m is not None and m.end() <= i:  # a match before the word: look on
                m = pattern.search(text, m.end(), i + len(word) + after)
            if m is not None and m.start() <= i:
                out[m.start()] = m
            i = lowered.find(word, i + 1)
    return [out[k] for k in sorted(out)]


def _iso(year: str | None, month: int | str | None, day: str | None) -> str:
    """2025-07-03, 2025-07, 2025, --07-03, --07."""
    if day:  # "1er" (French), "3rd", "21st" (English): the number alone
        day = day.rstrip("eErRsStTnNdDhH") or day
    parts = [f"{int(year):04d}"] if year else ["-"]
    if month:
        parts.append(f"{int(month):02d}")
        if day:
            parts.append(f"{int(day):02d}")
    return "-".join(parts)


_FIRST = operator.itemgetter(0)
