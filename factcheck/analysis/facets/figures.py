"""Figures: numbers with their scale and unit, from French and English text.

"14,3 milliards de dollars", "$14.3bn" and "14.3 billion dollars" all become
``{"value": 14300000000.0, "unit": "USD"}``; "près de 30 000 personnes" is 30000 people,
approximate; "2:00.531" is 120.531 seconds, "10h30" the time 10.5.  Not figures: years (the
dates take them), ordinals (89e, 3rd), the number of a name ("Schalke 04") or of a section
("rubrique 5.1").
"""

from __future__ import annotations

import functools
import math
import operator
import re
from collections.abc import Iterator
from typing import NamedTuple

from .names import name_number_end
from .reading import _LOOKED_UP, Gate, Sentence, _scan, analyse, case_twin, finditer, folded

_SP = r"[ \u00a0\u202f\u2009\u2007]"
# A numeric literal, written in any of the usual French or English ways.
_NUM = (
    rf"(?:\d{{1,3}}(?:{_SP}\d{{3}})+(?:[.,]\d+)?"  # 30 000 / 1 500 000,50
    r"|\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?"  # 1.500.000
    r"|\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?"  # 1,500,000
    r"|\d+(?:\.\d+)?[eE][+-]?\d{1,4}(?![\w])"  # 1e308
    r"|\d+(?:[.,]\d+)?)"  # 14,3  3.5  1,500  1.500  2024
)
_SCALES = {
    "milliard": 1e9, "milliards": 1e9, "md": 1e9, "mds": 1e9, "mrd": 1e9, "mrds": 1e9,
    "billion": 1e9, "billions": 1e9, "bn": 1e9, "b": 1e9, "bln": 1e9,
    "trillion": 1e12, "trillions": 1e12, "tn": 1e12, "tr": 1e12,
    "million": 1e6, "millions": 1e6, "mn": 1e6, "mln": 1e6, "mio": 1e6, "m": 1e6,
    "mille": 1e3, "milles": 1e3, "thousand": 1e3, "thousands": 1e3, "k": 1e3,
}
# single letters are scales only beside a currency ($5m, 3 M€), never alone (5 m = metres)
_LETTER_SCALES = {"m", "b", "k"}
_SCALE_RE = (
    r"(?:milliards?|billions?|trillions?|millions?|milles?|thousands?|Mds?|mds?|Mrds?|mrds?"
    r"|md|bn|bln|tn|mln|mio|mn|M|m|k|K|B|b)"
)
_CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "dollars américains": "USD", "dollars us": "USD",
    "dollars canadiens": "CAD", "dollars australiens": "AUD", "euro": "EUR", "euros": "EUR",
    "livre": "GBP", "livres": "GBP", "livres sterling": "GBP", "pound": "GBP", "pounds": "GBP",
    "francs suisses": "CHF", "yuan": "CNY", "yuans": "CNY", "yen": "JPY", "yens": "JPY",
}
_CURRENCY_SIGNS = {
    "$": "USD", "us$": "USD", "us $": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "c$": "CAD",
    "a$": "AUD", "usd": "USD", "eur": "EUR", "gbp": "GBP", "chf": "CHF", "jpy": "JPY",
    "cny": "CNY", "cad": "CAD",
}
_CUR_PRE = r"(?:US\s?\$|C\$|A\$|\$|€|£|¥|\b(?:USD|EUR|GBP|CHF|JPY|CNY|CAD)\s?)"
_CUR_POST = (
    r"(?:\s+(?:de\s+|d['’]\s?)?(?:dollars?(?:\s+(?:américains|canadiens|australiens|US))?"
    r"|euros?|livres?(?:\s+sterling)?|pounds?|francs\s+suisses|yuans?|yens?)\b"
    rf"|{_SP}?(?:\$|€|£|¥)|\s(?:USD|EUR|GBP|CHF|JPY|CNY|CAD)\b)"
)
_PCT = (
    rf"(?:{_SP}?%|\s+pour\s?cent\b|\s+percent\b|\s+per\s+cent\b"
    r"|\s+points?\s+de\s+pourcentage\b|\s+percentage\s+points?\b)"
)
_PEOPLE = (
    r"personnes|people|persons|employés|employees|salariés|workers|travailleurs|habitants"
    r"|inhabitants|residents|chercheurs|researchers|ingénieurs|engineers|morts|dead|deaths"
    r"|décès|victimes|victims|patients|élèves|students|étudiants|utilisateurs|users|hommes"
    r"|femmes|enfants|adultes|men|women|children|adults|passagers|passengers|voyageurs"
    r"|travellers|travelers|manifestants|protesters|demonstrators|migrants|réfugiés|refugees"
    r"|blessés|injured|wounded|tués|killed|soldats|militaires|soldiers|troops|policiers"
    r"|gendarmes|pompiers|firefighters|agents|officers|électeurs|voters|clients|customers"
    r"|abonnés|subscribers|spectateurs|spectators|visiteurs|visitors|touristes|tourists"
    r"|joueurs|players|membres|members|fonctionnaires|médecins|doctors|infirmiers|infirmières"
    r"|nurses|enseignants|teachers|soignants|détenus|prisonniers|inmates|prisoners|civils"
    r"|civilians|volontaires|volunteers|survivants|survivors|artisans|astronautes|astronauts"
    r"|staff|fans|supporters|délégués|delegates|participants|candidats|candidates"
)
# The words of each unit, lower-cased, by the name a figure carries.  A unit is looked up
# in this table from the word after a figure (see _unit_after): one dictionary look-up,
# where an alternation of every unit's words would be tried after every number.
_UNIT_WORDS: dict[str, str] = {}
for _unit, _words in {
    "years": "ans années an year years", "months": "mois month months",
    "weeks": "semaine semaines week weeks", "days": "jours day days",
    "hours": "heure heures hour hours hr hrs h", "minutes": "minute minutes min mins",
    "seconds": "seconde secondes second seconds sec secs s", "people": _PEOPLE.replace("|", " "),
    "km/h": "km/h kph", "mph": "mph", "km": "km kilomètre kilomètres kilometre kilometres "
    "kilometer kilometers", "m2": "m² m2", "m3": "m³ m3", "cm": "cm centimètre centimètres "
    "centimetre centimetres centimeter centimeters", "mm": "mm millimètre millimètres "
    "millimetre millimetres millimeter millimeters", "m": "mètre mètres metre metres meter "
    "meters", "miles": "mile miles", "feet": "feet foot ft", "inches": "inch inches",
    "kg": "kg kilo kilos kilogramme kilogrammes kilogram kilograms", "mg": "mg milligramme "
    "milligrammes milligram milligrams", "g": "g gramme grammes gram grams",
    "tonnes": "tonne tonnes tons", "ml": "ml millilitre millilitres milliliter milliliters",
    "l": "l litre litres liter liters", "hectares": "hectare hectares ha",
    "acres": "acre acres", "barrels": "baril barils barrel barrels",
    "°C": "degré degrés degree degrees", "bp": "bp bps pb", "times": "fois times",
}.items():
    _UNIT_WORDS.update(dict.fromkeys(_words.split(), _unit))
# words of two that make another unit: "mètres carrés", "miles per hour", "degrees
# Fahrenheit", "points de base"
_UNIT_PAIRS = {
    ("m", "carrés"): "m2", ("m", "cubes"): "m3", ("square", "metres"): "m2",
    ("square", "meters"): "m2", ("cubic", "metres"): "m3", ("cubic", "meters"): "m3",
    ("km", "par heure"): "km/h", ("km", "heure"): "km/h", ("miles", "per hour"): "mph",
    ("miles", "an hour"): "mph", ("°C", "celsius"): "°C", ("°C", "fahrenheit"): "°F",
    ("points", "de base"): "bp", ("point", "de base"): "bp", ("basis", "points"): "bp",
    ("basis", "point"): "bp", ("years", "old"): "years",
}
_UNIT_FIRSTS = {"square", "cubic", "points", "point", "basis"}
_PAIRED_UNITS = {unit for unit, _ in _UNIT_PAIRS}
# single letters are units only written so: "4 h", "30 s", "1 g", "2 l", "1,5 L"
_LETTER_UNITS = {"h", "s", "g", "l", "L"}
# after a number word, only units that are words ("deux ans", "three hours"; not "deux m")
_WORD_ONLY_UNITS = frozenset(w for w in _UNIT_WORDS if len(w) > 2 or w in ("an", "km", "kg"))
# Between a figure and its unit: a space or a hyphen, and "de", "of", "d’" ("3,5
# millions d’abonnés", "1.3 million of them"); then a word, "°C" or "km/h"
_NO_UNIT_AFTER = frozenset(",.;:!?)]}»”\"'’/")
_UNIT_LEAD = re.compile(rf"(?:{_SP}|-)?(?:(?:de|of){_SP}+|d[’']{_SP}?)?")
_UNIT_TOKEN = re.compile(r"°\s?[CF](?![\w])|[^\W\d_]+(?:/[^\W\d_]+)?(?:[23²³](?![\w]))?")
_UNIT_NEXT = re.compile(r"[ \u00a0\-]+([^\W\d_]+(?:\s+[^\W\d_]+)?)")
_NOT_ADJECTIVE = frozenset("""
    des les aux the and ses leurs nos vos ces our their its his her other these those plus
    more de du of et ou or
""".split())
# ordinals are not figures: 89e, 2nd, 1er
_NOT_ORDINAL = r"(?!(?:e|er|re|ère|ème|eme|è|nd|rd|th|st)(?![\w]))"

# (see _scan) where a figure can open: a digit that _FIGURE's look-behind lets a number
# open on (not one after a letter, a digit, a dot or a comma), a currency sign, or a
# letter that opens a currency of _CUR_PRE (US$, USD, C$, CHF, CNY, CAD, A$, EUR, GBP,
# JPY) followed by the rest of its opening, not every U, C, A, E, G or J (most of those
# open words).  The class comes first: re skips to it quickly.
_FIGURE_OPENING = re.compile(r"[\d$€£¥UCAEGJ](?:(?<=[$€£¥])|(?<=\d)(?<![\w.,]\d)|(?<=U)S"
                             r"|(?<=C)[$HNA]|(?<=A)\$|(?<=E)UR|(?<=G)BP|(?<=J)PY)")
_FIGURE = re.compile(
    r"(?=[\d$€£¥UCAEGJ])"  # cheap rejection: every figure starts with a digit or a currency
    rf"(?P<pre>{_CUR_PRE})?"
    rf"(?<![\w.,])(?P<num>{_NUM})(?![\d]|[.,:]\d){_NOT_ORDINAL}"
    rf"(?:(?P<scale>{_SP}?{_SCALE_RE})(?![\w]))?"
    rf"(?P<post>{_CUR_POST})?"
    rf"(?P<pct>{_PCT})?"
)

assert list(_FIGURE.groupindex) == ["pre", "num", "scale", "post", "pct"] and _FIGURE.groups == 5

_WORD_UNITS = {
    "zéro": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
    "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13,
    "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30,
    "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100, "cents": 100,
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}
_WORD_BIG = {"mille": 1e3, "thousand": 1e3, "million": 1e6, "millions": 1e6,
             "milliard": 1e9, "milliards": 1e9, "billion": 1e9, "billions": 1e9}
_FRACTIONS = {
    "tiers": 1 / 3, "quart": 0.25, "quarts": 0.25, "third": 1 / 3, "thirds": 1 / 3,
    "quarter": 0.25, "quarters": 0.25,
}
_NUMBER_WORD = "|".join(sorted(list(_WORD_UNITS) + list(_WORD_BIG), key=len, reverse=True))
_WORD_FIGURE = re.compile(
    # the look-ahead for a number word's first letter only saves time
    rf"(?=[{''.join(sorted({w[0] for w in _WORD_UNITS.keys() | _WORD_BIG.keys()}))}])"
    rf"(?:(?<![\w’'-])|(?<=\bd’)|(?<=\bd'))(?P<words>(?:{_NUMBER_WORD})(?:(?:[\s-]|\s+et\s+|-et-|\s+and\s+)"
    rf"(?:{_NUMBER_WORD}))*)(?![\w’']|-(?!(?:tiers|quarts?|thirds?|quarters?)\b))"
    rf"(?:(?P<frac>[\s-](?:tiers|quarts?|thirds?|quarters?))\b)?"
    rf"(?P<post>{_CUR_POST})?(?P<pct>{_PCT})?",
    re.IGNORECASE,
)
_WORD_FIGURE_TWIN = case_twin(_WORD_FIGURE)
_NUMBER_WORD_SET = frozenset(_WORD_UNITS) | frozenset(_WORD_BIG)
_LOOKED_UP.update(_NUMBER_WORD_SET)
_HALF = folded(re.compile(
    r"\b(?:la\s+moitié|(?<!first\s)(?<!second\s)(?<!other\s)(?<!latter\s)half|a\s+half"
    r"|one\s+half|a\s+third|a\s+quarter)\b(?!-)", re.IGNORECASE))
_HALF_GATE = Gate("moitié half third quarter")
_HALF_VALUES = {"third": 100 / 3, "quarter": 25.0}
# Words too common to be figures unless a scale, currency or unit follows.
_WEAK_WORDS = {"un", "une", "one", "neuf", "sept", "cent", "second"}
# "un an", "une personne", "one year": an article, not a count
_ARTICLE_UNITS = {"years", "months", "weeks", "days", "hours", "minutes", "seconds", "people"}
_ARTICLES = {"un", "une", "one"}
# An approximate count: "une quinzaine d’États", "une centaine de salariés", "a dozen".
_APPROX_NOUNS = {
    "dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
    "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100,
    "millier": 1000, "dozen": 12,
}
_APPROX_NOUN = re.compile(
    r"\b(?:une|un|a)\s+(?P<noun>dizaine|douzaine|quinzaine|vingtaine|trentaine|quarantaine"
    r"|cinquantaine|soixantaine|centaine|millier|dozen)\b", re.IGNORECASE)
# Before a figure, words that make it approximate ("près de 30 000", "about 15"); bounds
# ("plus de", "more than", "up to") do not.  Phrases are looked up among the last words
# before a figure (see _words_before): cheaper than a pattern searched back from it.
_APPROX_BEFORE = frozenset(tuple(p.split()) for p in (
    "environ", "presque", "quelque", "approximativement", "about", "around", "approximately",
    "roughly", "nearly", "almost", "some", "circa", "vers", "estimated", "près de",
    "près des", "près du", "près d’", "près d'", "près de la", "autour de", "autour des",
    "autour du", "autour d’", "alentours de", "alentours des", "à peu près", "close to",
    "region of"))
_APPROX_LAST = frozenset(p[-1] for p in _APPROX_BEFORE)
_APPROX_AFTER = re.compile(r"\s*(?:environ|or\s+so)\b", re.IGNORECASE)
# Before a number, a word that makes it the number of a section, an item or a version,
# not a quantity ("rubrique 5.1", "article 49.3", "numéro 2", "No. 9", "ligne 18").
_SECTION_BEFORE = frozenset("""
    rubrique section article art. chapitre chapter paragraphe paragraph alinéa annexe annex
    clause tableau table figure fig. page p. pp. numéro n° no. nos. version étape step niveau
    level ligne line tome volume vol. livre acte scène saison season épisode episode titre
    title item phase round porte gate terminal quai platform route exit sortie lot règle rule
    amendement amendment décret résolution resolution number
""".split())
# A time of day before "h": "à 20 h", "vers 3 heures du matin"
_TIME_BEFORE = frozenset("à vers dès jusqu’à jusqu'à avant après at by until before after from"
                         .split())
_DAY_PART = re.compile(r"\s+(?:du\s+matin|du\s+soir|de\s+l[’']après-midi|de\s+la\s+nuit)\b")
# An age: "Thomas Müller, 35, scored", "aged between 8 and 12"
_AGED_BEFORE = frozenset(tuple(p.split()) for p in (
    "aged", "aged between", "âgé de", "âgée de", "âgés de", "âgées de", "âgés d’ entre",
    "âgées d’ entre", "âgés d' entre"))
# Before a figure that goes on from the one before it, and takes its unit
_INHERIT_BEFORE = frozenset(tuple(p.split()) for p in (
    "dont", "soit", "contre", "of which", "of whom", "including", "versus", "vs", "vs."))
# the last words of the phrases above: only after one is it worth reading further back
_CONTEXT_LAST = frozenset(p[-1] for p in _APPROX_BEFORE | _AGED_BEFORE | _INHERIT_BEFORE)
_SCALE_WORD = re.compile(r"(?:milliards?|millions?|billions?|trillions?)$", re.IGNORECASE)
_NAME_COMMA_BEFORE = re.compile(r"[A-ZÀ-ÖØ-Þ][\w’'-]+,\s*$")
# Clock and stop-watch readings (see _clock_figures)
_CLOCK = re.compile(
    r"(?<![\w.,:])(?:"
    r"(?P<h3>\d{1,2}):(?P<m3>\d{2}):(?P<s3>\d{2})(?:[.,](?P<f3>\d{1,3}))?"  # 2:05:33
    r"|(?P<m2>\d{1,2}):(?P<s2>\d{2})[.,](?P<f2>\d{1,3})"  # 1:29.708
    r"|(?P<h1>\d{1,2}):(?P<m1>\d{2})(?:\s?(?P<ampm1>[ap])\.?\s?m\b\.?)?"  # 9:45 a.m., 5:00
    r"|(?P<h4>\d{1,2})\s?[hH]\s?(?P<m4>\d{2})(?:\s?min)?(?:\s?(?P<s4>\d{1,2})\s?s\b)?"  # 10h30
    r"|(?P<mn5>\d{1,3})\s?min\s?(?P<s5>\d{1,2})\s?s\b"  # 26 min 11 s
    r"|(?P<h6>\d{1,2})\s?(?P<ampm6>[ap])\.?\s?m\b\.?"  # 9 a.m.
    r")(?![\d:])")
_CLOCK_HINT = re.compile(r"\d(?::\d|\s?(?:[hH]\s?\d|[ap]\.?\s?m\b|min\s?\d))")


class Figure(NamedTuple):
    """One figure (immutable: a named tuple is quicker to make than a frozen dataclass,
    and a claim may hold several)."""

    text: str
    value: float
    unit: str | None
    start: int
    end: int
    approximate: bool = False

    def as_dict(self) -> dict:
        # "approximate" only when true: the figures of older claims, stored without it,
        # read the same
        if self.approximate:
            return {"text": self.text, "value": self.value, "unit": self.unit,
                    "approximate": True}
        return {"text": self.text, "value": self.value, "unit": self.unit}


_SP_RE = re.compile(_SP)
_NON_DIGITS = re.compile(r"\D")
_YEAR_LIKE = re.compile(r"\d{4}")
_NUMBER_SPLIT = re.compile(r"[\s-]+")  # between the words of "quatre-vingt-douze"
_PREPOSITION = re.compile(r"^(?:de\s+|d['’]\s?)")
_SCALE_AFTER = re.compile(r"\s+(?:milliards?|millions?|billions?|mille|thousand)")


def parse_number(literal: str, lang: str = "fr") -> float | None:
    """Value of a numeric literal written the French or the English way."""
    if literal.isascii() and literal.isdigit():  # the usual case: 2024, 49, 300
        return float(literal) if len(literal) <= 30 else None
    s = _SP_RE.sub(" ", literal).strip()
    if "e" in s.lower():
        try:
            value = float(s)
        except ValueError:
            return None
        return value if math.isfinite(value) else None
    digits = _NON_DIGITS.sub("", s)
    if len(digits) > 30:
        return None
    if " " in s:  # space-grouped thousands; the decimal mark is whatever is left
        s = s.replace(" ", "").replace(",", ".")
    elif s.count(".") > 1:
        s = s.replace(".", "").replace(",", ".")
    elif s.count(",") > 1:
        s = s.replace(",", "")
    elif "," in s and "." in s:
        if s.rfind(",") > s.rfind("."):  # 1.500,5
            s = s.replace(".", "").replace(",", ".")
        else:  # 1,500.5
            s = s.replace(",", "")
    elif "," in s:
        head, tail = s.split(",")
        # 1,500 is a thousand and a half in English, one and a half in French
        if len(tail) == 3 and lang == "en" and head != "0":
            s = head + tail
        else:
            s = head + "." + tail
    elif "." in s:
        head, tail = s.split(".")
        if len(tail) == 3 and lang == "fr" and head != "0":
            s = head + tail
    try:
        value = float(s)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


@functools.lru_cache(maxsize=1024)  # a few ways of writing each currency
def _currency(pre: str | None, post: str | None) -> str | None:
    for part in (pre, post):
        if not part:
            continue
        key = " ".join(part.lower().split())
        key = _PREPOSITION.sub("", key).strip()
        if key in _CURRENCY_SIGNS:
            return _CURRENCY_SIGNS[key]
        if key in _CURRENCY_WORDS:
            return _CURRENCY_WORDS[key]
        key = key.replace(" ", "")
        if key in _CURRENCY_SIGNS:
            return _CURRENCY_SIGNS[key]
    return None


def _unit_after(text: str, pos: int, words_only: bool = False) -> tuple[str | None, int]:
    """The unit written right after a figure ending at pos, and where it ends; (None, pos)
    if none.  words_only: after a number word, only units written as words."""
    if pos >= len(text) or text[pos] in _NO_UNIT_AFTER:
        return None, pos  # "49,", "3.", "12)": nothing follows
    lead = _UNIT_LEAD.match(text, pos)
    at = lead.end()
    tok = _UNIT_TOKEN.match(text, at)
    if tok is None:
        return None, pos
    word = tok.group()
    end = tok.end()
    if word[0] == "°":
        if words_only:
            return None, pos
        unit = "°C" if word[-1] == "C" else "°F"
    elif word in _LETTER_UNITS or word in ("C", "F"):
        if words_only or (word in ("C", "F") and at != pos):
            return None, pos  # "45C" only attached; not "Plan C"
        unit = "°C" if word == "C" else "°F" if word == "F" else _UNIT_WORDS[word.lower()]
    elif len(word) == 1:
        return None, pos  # "5 S", "3 M": no unit
    else:
        low = word.lower()
        unit = _UNIT_WORDS.get(low)
        if unit is None or low in _UNIT_FIRSTS:
            nxt = _UNIT_NEXT.match(text, end)
            if nxt is not None:
                following = nxt.group(1).lower()
                # "square metres", "basis points"
                if low in _UNIT_FIRSTS:
                    for candidate in (following, following.split()[0]):
                        pair = _UNIT_PAIRS.get((low, candidate))
                        if pair:
                            return pair, nxt.start(1) + len(candidate)
                # "250,000 seasonal workers": an adjective before people
                if unit is None and low not in _NOT_ADJECTIVE and 3 <= len(low) <= 12 and \
                        low.isalpha() and low.islower() and \
                        _UNIT_WORDS.get(following.split()[0]) == "people":
                    return "people", nxt.start(1) + len(following.split()[0])
            if unit is None:
                return None, pos
        if words_only and low not in _WORD_ONLY_UNITS:
            return None, pos
    # words of two: "mètres carrés", "degrees Fahrenheit", "years old", "-year-old"
    nxt = _UNIT_NEXT.match(text, end) if unit in _PAIRED_UNITS else None
    if nxt is not None:
        following = nxt.group(1).lower()
        for candidate in (following, following.split()[0]):
            pair = _UNIT_PAIRS.get((unit, candidate))
            if pair:
                unit, end = pair, nxt.start(1) + len(candidate)
                break
    if end < len(text) and (text[end].isalnum() or text[end] == "_" or (
            text[end] in "’'" and end + 1 < len(text) and text[end + 1].isalpha())):
        return None, pos  # "15 % l’an": "l" is no litre
    return unit, end


def _words_value(words: str) -> float | None:
    total, current = 0.0, 0.0
    for w in _NUMBER_SPLIT.split(words.lower()):
        if w in ("et", "and", ""):
            continue
        if w in _WORD_BIG:
            current = max(current, 1) * _WORD_BIG[w]
            total += current
            current = 0
        elif w in ("cent", "cents", "hundred"):
            current = max(current, 1) * 100
        elif w in _WORD_UNITS:
            v = _WORD_UNITS[w]
            if w in ("vingt", "vingts") and current == 4:  # quatre-vingt(s)
                current = 80
            elif current >= 60 and current % 20 == 0 and v < 20 and current < 100:
                current += v  # soixante-dix, quatre-vingt-douze
            else:
                current += v
        else:
            return None
    return total + current


def extract_figures(text: str, lang: str = "fr", masked: list[tuple[int, int]] = (), *,
                    sentence: Sentence | None = None) -> list[Figure]:
    """Every figure in text, with value scaled and unit normalised.

    masked: spans already taken (dates): no figure overlaps them.
    """
    figures: list[Figure] = []
    taken: list[tuple[int, int]] = list(masked)
    if sentence is None:
        sentence = analyse(text)
    if sentence.has_digit and _CLOCK_HINT.search(text):
        for f in _clock_figures(text, taken):
            figures.append(f)
            taken.append((f.start, f.end))
    for m in _scan(_FIGURE, _FIGURE_OPENING, text) if sentence.has_digit else ():
        pre, num, scale, post, pct = m.groups()  # (_FIGURE has these five groups only)
        if not num:
            continue
        # taken already (a date, mostly): whatever follows the number, the figure would
        # overlap, so it is dropped before the work below
        if taken and _overlaps(taken, m.start(), m.end("num")):
            continue
        value = parse_number(num, lang)
        if value is None:
            continue
        start, end = m.span()
        currency = _currency(pre, post) if pre or post else None
        scale_key = scale.strip().lower() if scale else ""
        if scale_key in _LETTER_SCALES and not currency:
            # "5 m" is five metres, not five million; "5 M", "5 k" stay bare numbers
            scale_key = ""
            if scale.strip() == "m":
                unit = "m"
            else:
                end, unit = m.start("scale"), None
        elif pct:
            unit = "%"
        elif currency:
            unit = currency
        else:
            unit, end = _unit_after(text, end)
        if scale_key:
            factor = _SCALES.get(scale_key, 1.0)
            if scale_key in ("billion", "billions") and lang == "fr":
                factor = 1e12  # un billion, in French, is a million millions
            value *= factor
        if taken and _overlaps(taken, start, end):
            continue
        if unit is None and not scale_key:
            if _YEAR_LIKE.fullmatch(num) and 1800 <= int(num) <= 2100:
                continue  # a year: dates handle it
            if _last_word(text, start) in _SECTION_BEFORE:
                continue  # "rubrique 5.1", "numéro 2": a section, not a quantity
            if start and text[start - 1] == " " and name_number_end(text, start) is not None:
                continue  # "Schalke 04", "Renta 4": part of a name
        if not math.isfinite(value):
            continue
        if unit == "hours" and _is_time_of_day(text, start, end, value):
            unit = "time"
            if value < 12 and _DAY_PART.match(text, end) and "matin" not in text[end:end + 12]:
                value += 12
        figures.append(Figure(text[start:end].strip(), value, unit, start, end))
        taken.append((start, end))
    if len(figures) > 1:
        figures.sort(key=_START)
        _share_range_units(text, figures)
    # (through the twin: what is read from the groups below is read without regard to
    # case, and the figure's text is taken from the claim)
    for m in _word_figures(sentence, taken, twin=True):
        words = m.group("words")
        if taken and _overlaps(taken, m.start(), m.end()):
            continue
        rest = text[m.end("words"):m.end()].strip()
        low = words.lower()
        currency = _currency(None, m.group("post"))
        end = m.end()
        unit = currency or ("%" if m.group("pct") else None)
        if unit is None and not m.group("frac"):
            unit, end = _unit_after(text, end, words_only=True)
        if low in _WEAK_WORDS and not (rest or unit or _next_is_scale(text, m.end("words"))):
            continue
        if all(w.lower() in _WORD_BIG for w in _NUMBER_SPLIT.split(words) if w):
            continue  # "des milliards", "thousands": an order of magnitude, not a figure
        value = _words_value(words)
        if value is None:
            continue
        if m.group("frac"):
            # after its space or dash; a word the pattern matched only through case folding
            # ("tıers", "thirdſ") is not a fraction this table knows: no figure then
            share = _FRACTIONS.get(m.group("frac")[1:].lower())
            if share is None:
                continue
            value = value * share * 100
            unit = "%"
        elif low in _ARTICLES and unit in _ARTICLE_UNITS:
            continue  # "sur un an", "une personne": an article
        figures.append(Figure(text[m.start():end].strip(), value, unit, m.start(), end))
        taken.append((m.start(), end))
    if sentence.gated is False or "aine" in sentence.lowered or "millier" in sentence.lowered \
            or "dozen" in sentence.lowered:
        for m in _APPROX_NOUN.finditer(text):
            if not _overlaps(taken, m.start(), m.end()):
                value = _APPROX_NOUNS.get(m.group("noun").lower())
                if value is not None:
                    unit, end = _unit_after(text, m.end(), words_only=True)
                    figures.append(Figure(text[m.start():end].strip(), float(value), unit,
                                          m.start(), end, True))
                    taken.append((m.start(), end))
    for m in finditer(_HALF, sentence) if sentence.gates & _HALF_GATE.bit else ():
        if not _overlaps(taken, m.start(), m.end()):
            last = m.group().rsplit(None, 1)[-1].lower()
            figures.append(Figure(m.group(), _HALF_VALUES.get(last, 50.0), "%",
                                  m.start(), m.end()))
    if not figures:
        return figures
    if len(figures) > 1:
        figures.sort(key=_START)
    return _in_context(text, figures)


def _in_context(text: str, figures: list[Figure]) -> list[Figure]:
    """What the words around each figure say of it: approximate ("près de 30 000"), an age
    ("Thomas Müller, 35,", "aged 8 and 12"), the unit of the figure it goes on from ("18
    mois de prison, dont six ferme")."""
    out: list[Figure] = []
    previous_aged = False
    # "15 environ", "15 or so": looked for after each figure only if the claim has them
    said_after = "nviron" in text or "or so" in text
    for i, f in enumerate(figures):
        last = _last_word(text, f.start)
        words = _words_before(text, f.start) if last in _CONTEXT_LAST else [last]
        approximate = f.approximate or _is_approximate(text, f, words, said_after)
        unit = f.unit
        aged = False
        if unit is None and f.value == int(f.value) and 0 < f.value < 120:
            if _ends_with(words, _AGED_BEFORE) or (
                    previous_aged and _RANGE_GAP.match(text[figures[i - 1].end:f.start])):
                unit, aged = "years", True
            elif last.endswith(",") and text[f.end:f.end + 1] == "," and \
                    _NAME_COMMA_BEFORE.search(text, max(0, f.start - 24), f.start):
                unit = "years"
        if unit is None and out and out[-1].unit:
            # "18 mois de prison, dont six ferme", "9.3 million subscribers, bringing its
            # total to 270 million": the unit of the figure it goes on from
            previous = out[-1]
            scale = _SCALE_WORD.search(f.text)
            if _ends_with(words, _INHERIT_BEFORE) or (
                    scale and scale.group().lower().rstrip("s") in previous.text.lower()):
                unit = previous.unit
        previous_aged = aged
        if approximate != f.approximate or unit != f.unit:
            f = f._replace(approximate=approximate, unit=unit)
        out.append(f)
    return out


def _last_word(text: str, start: int) -> str:
    """The word right before text[start], lower-cased; after an elision, the elided word
    ("d’" in "près d’un", "article" in "l’article")."""
    parts = text[max(0, start - 24):start].rsplit(None, 1)  # (from the end: one split)
    if not parts:
        return ""
    word = parts[-1].lower()
    if ("’" in word or "'" in word) and word[-1] not in "’'":
        word = word.replace("'", "’").rsplit("’", 1)[1]
    return word


def _words_before(text: str, start: int) -> list[str]:
    """The last few words before text[start], lower-cased (the first may be cut), an
    elided "d’" or "l’" a word of its own."""
    return text[max(0, start - 32):start].lower().replace("’", "’ ").replace("'", "' ") \
        .split()[-4:]


def _ends_with(words: list[str], phrases: frozenset) -> bool:
    """Whether the words end with one of the phrases (tuples of words)."""
    return any(tuple(words[-n:]) in phrases for n in (1, 2, 3) if len(words) >= n)


def _is_approximate(text: str, f: Figure, words: list[str], said_after: bool = True) -> bool:
    """said_after: whether "nviron" or "or so" is anywhere in text."""
    if f.start and text[f.start - 1] in "~≈":
        return True
    if words and words[-1] in _APPROX_LAST and _ends_with(words, _APPROX_BEFORE):
        return True
    if not said_after:
        return False
    after = text[f.end:f.end + 10]
    return ("nviron" in after or "or so" in after) and _APPROX_AFTER.match(text, f.end) is not None


def _is_time_of_day(text: str, start: int, end: int, value: float) -> bool:
    """"à 20 h", "vers 3 heures du matin": a time, not a number of hours."""
    if not (0 <= value <= 24 and value == int(value)):
        return False
    return _last_word(text, start) in _TIME_BEFORE or _DAY_PART.match(text, end) is not None


def _clock_figures(text: str, taken: list[tuple[int, int]]) -> list[Figure]:
    """Readings of a clock or a stop-watch: "2:05:33" and "1:29.708" (seconds), "26 min
    11 s" (seconds), "3 h 15" (hours), "9:45 a.m.", "10h30", "à 22 h 30" (times)."""
    out = []
    for m in _CLOCK.finditer(text):
        start, end = m.span()
        if _overlaps(taken, start, end):
            continue
        g = m.groupdict()
        approx = False
        if g["h3"]:
            value = int(g["h3"]) * 3600 + int(g["m3"]) * 60 + int(g["s3"]) + _fraction(g["f3"])
            unit = "seconds"
        elif g["m2"]:
            value, unit = int(g["m2"]) * 60 + int(g["s2"]) + _fraction(g["f2"]), "seconds"
        elif g["mn5"]:
            value, unit = int(g["mn5"]) * 60 + int(g["s5"]), "seconds"
        elif g["h4"]:
            hours, minutes = int(g["h4"]), int(g["m4"])
            if minutes >= 60:
                continue
            if g["s4"]:
                value, unit = hours * 3600 + minutes * 60 + int(g["s4"]), "seconds"
            elif (" " not in m.group() and hours <= 23) or \
                    _last_word(text, start) in _TIME_BEFORE:
                value, unit = hours + minutes / 60, "time"
            else:
                value, unit = hours + minutes / 60, "hours"
        else:
            hours = int(g["h1"] or g["h6"])
            minutes = int(g["m1"] or 0)
            ampm = (g["ampm1"] or g["ampm6"] or "").lower()
            if minutes >= 60 or hours > (12 if ampm else 23):
                continue
            if ampm == "p" and hours < 12:
                hours += 12
            elif ampm == "a" and hours == 12:
                hours = 0
            value, unit = hours + minutes / 60, "time"
        out.append(Figure(m.group().strip(), float(value), unit, start, end, approx))
    return out


def _fraction(digits: str | None) -> float:
    return int(digits) / 10 ** len(digits) if digits else 0.0


_START = operator.attrgetter("start")


def _overlaps(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    """Whether [a, b) overlaps one of the (start, end) spans."""
    for s, e in spans:
        if a < e and b > s:
            return True
    return False


def _word_figures(s: Sentence, taken: list[tuple[int, int]] = (), twin: bool = False
                  ) -> Iterator[re.Match]:
    """_WORD_FIGURE.finditer(s.text), tried only where one of the claim's number words is.

    A match opens with a number word that stands alone (white space, a hyphen or nothing
    after it), so it starts where one of the claim's words that are number words starts:
    trying the pattern there, in order, finds what scanning the whole claim finds.
    taken: spans the caller drops every match overlapping; it stops looking once every
    word left opens inside one ("millions" in "7,4 millions d’euros", a figure already).
    twin: the matches may be the case-sensitive twin's on the lower-cased claim (their
    places are the pattern's; their groups are lower-cased).
    """
    text = s.text
    if not s.gated:  # the lower-cased text may not line up with the text
        yield from _WORD_FIGURE.finditer(text)
        return
    present = _NUMBER_WORD_SET.intersection(s.words)
    if not present:
        return
    lowered = s.lowered
    starts = set()
    for word in present:
        i = lowered.find(word)
        while i >= 0:
            # only where the pattern's look-behind lets a match open ("un" in "aucun" not,
            # "un" in "d’un" yes)
            if not i or not ((c := text[i - 1]).isalnum() or c in "_’'-") or (
                    c in "’'" and text[i - 2] == "d" and (i < 3 or not (
                        (b := text[i - 3]).isalnum() or b == "_"))):
                starts.add(i)
            i = lowered.find(word, i + 1)
    ordered = sorted(starts)
    # from which of them on each one opens inside a span taken
    dropped_from = len(ordered)
    while dropped_from and _within(taken, ordered[dropped_from - 1]):
        dropped_from -= 1
    match, within = (_WORD_FIGURE_TWIN.match, lowered) if twin else (_WORD_FIGURE.match, text)
    pos = 0
    for start in ordered[:dropped_from]:
        if start >= pos and (m := match(within, start)):
            yield m
            pos = m.end()


def _within(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether at is inside one of the (start, end) spans."""
    for s, e in spans:
        if s <= at < e:
            return True
    return False


def _next_is_scale(text: str, i: int) -> bool:
    return bool(_SCALE_AFTER.match(text[i:i + 20]))


_RANGE_GAP = re.compile(r"^\s*(?:à|a|to|-|–|et|and|ou|or)\s*$")


def _share_range_units(text: str, figures: list[Figure]) -> None:
    for i in range(len(figures) - 1):
        a, b = figures[i], figures[i + 1]
        if a.unit is None and b.unit and _RANGE_GAP.match(text[a.end:b.start]):
            scale = 1.0
            b_num = _FIGURE.match(text, b.start)
            if b_num and b_num.group("scale"):
                key = b_num.group("scale").strip().lower()
                if key not in _LETTER_SCALES or b.unit not in (None, "%"):
                    scale = _SCALES.get(key, 1.0)
            a_value = a.value if a.value >= scale or scale == 1.0 else a.value * scale
            figures[i] = Figure(a.text, a_value, b.unit, a.start, a.end)
