"""How check-worthy a claim is, in [0, 1], with the reasons in plain words.

A logistic model learned from public labelled sentences (ClaimBuster's two-class release and
the CLEF CheckThat! 2019 transcripts) by bench/train_worthiness.py, shipped as
worthiness_model.json.gz beside this file and read on the first score.  It is linear, so
each feature's part of the score is its weight times its value, and the reasons are the
few parts that weighed most, said in words with the text that carried them.

The data is English.  An English claim is scored by the whole model: the facets and the
bilingual cues of cues.py, and the English words and letter n-grams.  Any other claim is
scored by a second model trained on the same sentences with the facets and cues alone,
the features that mean the same in French (see cues.py).
"""

from __future__ import annotations

import gzip
import json
import math
from itertools import compress
from operator import itemgetter
from pathlib import Path

from ..text.language import detect_language
from ..text.words import FUNCTION_WORDS
from . import cues as C
from .facets import Sentence

MODEL_FILE = Path(__file__).with_name("worthiness_model.json.gz")

# Reasons: a part of the score smaller than this is not worth a line; at most this many.
_SHOWN_FROM = 0.15
_SHOWN_AT_MOST = 4
# Words whose weights are kept worked out (about 100 bytes each).
_CACHED_WORDS = 200_000


class Model:
    """The weights, as read from the model file, and what it has worked out per word."""

    __slots__ = ("en_bias", "en_shared", "words", "pairs", "pairs_after", "grams", "bias",
                 "shared", "meta", "en_terms", "terms", "own", "gram_sum", "gram_count", "told")

    def __init__(self, data: dict) -> None:
        en, cross = data["english"], data["shared"]
        self.en_bias: float = en["bias"]
        self.en_shared: dict[str, float] = en["shared"]
        self.words: dict[str, float] = en["words"]
        self.pairs: dict[str, float] = en["pairs"]
        # the same, by first word then second: {"tax": {"cuts": 0.8, …}, …}
        self.pairs_after: dict[str, dict[str, float]] = {}
        for pair, w in self.pairs.items():
            first, second = pair.split(" ", 1)
            self.pairs_after.setdefault(first, {})[second] = w
        self.grams: dict[str, float] = en["grams"]
        self.bias: float = cross["bias"]
        self.shared: dict[str, float] = cross["shared"]
        self.meta: dict = data.get("meta", {})
        # each shared feature that weighs: (its weight, the group its reason speaks for),
        # one look-up per feature of a claim
        self.en_terms = {name: (w, _GROUP.get(name, name)) for name, w in self.en_shared.items()
                         if w}
        self.terms = {name: (w, _GROUP.get(name, name)) for name, w in self.shared.items() if w}
        # each word met so far: its own weight, the sum of its letter n-grams' weights and
        # their count (three tables, so that a claim's words are summed by map, in C)
        self.own: dict[str, float] = {}
        self.gram_sum: dict[str, float] = {}
        self.gram_count: dict[str, int] = {}
        self.told: dict[str, bool] = {}  # word pairs met so far: whether a reason may quote it

    def learn(self, words) -> None:
        """Work out the weights of words not met before."""
        for w in words:
            grams = C.word_grams(w)
            g = self.grams
            self.own[w] = self.words.get(w, 0.0)
            self.gram_sum[w] = sum(g.get(x, 0.0) for x in grams)
            self.gram_count[w] = len(grams)

    def clear(self) -> None:
        self.own.clear()
        self.gram_sum.clear()
        self.gram_count.clear()
        self.told.clear()


_MODEL: Model | None = None


def model() -> Model:
    """The model, read from its file on first use (importing this module reads nothing)."""
    global _MODEL
    if _MODEL is None:
        with gzip.open(MODEL_FILE, "rt", encoding="utf-8") as f:
            _MODEL = Model(json.load(f))
    return _MODEL


def loaded() -> bool:
    return _MODEL is not None


def clear_caches() -> None:
    """Forget each word's looked-up weights (the model itself stays loaded)."""
    if _MODEL is not None:
        _MODEL.clear()


def features(text: str, facets: dict, lowered: str | None = None,
             tokens: list[str] | None = None
             ) -> tuple[list[str], dict[str, list[str]], dict[str, float]]:
    """(words, cues found, shared features) of a claim: what training and scoring read.
    tokens: C.words(lowered), if the caller has them (Sentence.tokens)."""
    if tokens is None:
        tokens = C.words(text.lower() if lowered is None else lowered)
    found = C.cues(tokens)
    return tokens, found, C.shared(text, tokens, facets, found)


def score(text: str, facets: dict, *, sentence: Sentence | None = None,
          lang: str | None = None, weights: Model | None = None) -> tuple[float, list[str]]:
    """Return (check-worthiness in [0, 1], reasons), each reason signed + or −.

    sentence: facets.Sentence(text), if the caller has it; lang: the article's language
    ("fr", "en"), else guessed from the claim; weights: another model than the shipped one
    (the benchmark's, trained without its held-out part)."""
    # score_many's steps for one claim
    tokens = sentence.tokens if sentence is not None else C.words(text.lower())
    found = C.cues(tokens)
    past = C.past_tense(tokens)
    x = C.shared(text, tokens, facets, found, past)
    groups: dict[str, float] = {}
    lexical: dict[str, float] = {}
    total = logit(weights or model(), tokens, found, x, (lang or _language(text)) == "en",
                  groups, lexical)
    value = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))
    return _rounded(value), _reasons(facets, tokens, found, groups, lexical, past)


def score_many(texts: list[str], facets: list[dict], sentences: list[Sentence | None],
               lang: str | None = None, weights: Model | None = None
               ) -> list[tuple[float, list[str]]]:
    """score(text, facets, sentence=…, lang=lang, weights=weights) of each claim.

    Each step is taken for every claim before the next (see facets.extract_many)."""
    m = weights or model()
    # features(text, facets), with the past tense kept for the reason that quotes it
    all_tokens = [s.tokens if s is not None else C.words(t.lower())
                  for t, s in zip(texts, sentences)]
    all_found = list(map(C.cues, all_tokens))
    pasts = list(map(C.past_tense, all_tokens))
    xs = list(map(C.shared, texts, all_tokens, facets, all_found, pasts))
    parts = []
    for text, tokens, found, x in zip(texts, all_tokens, all_found, xs):
        groups: dict[str, float] = {}  # part of the logit of each group of features
        lexical: dict[str, float] = {}  # part of each English word and pair quoted
        total = logit(m, tokens, found, x, (lang or _language(text)) == "en", groups, lexical)
        value = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))
        parts.append((_rounded(value), groups, lexical))
    return [(value, _reasons(f, tokens, found, groups, lexical, past))
            for (value, groups, lexical), f, tokens, found, past
            in zip(parts, facets, all_tokens, all_found, pasts)]


def logit(m: Model, tokens: list[str], found: dict[str, list[str]], x: dict[str, float],
          english: bool, groups: dict[str, float] | None = None,
          lexical: dict[str, float] | None = None) -> float:
    """The model's log-odds for a claim's features; each group of features' part added
    into groups, and the part of each English word and pair that a reason may quote (see
    _telling) into lexical, when given."""
    terms, total = (m.en_terms, m.en_bias) if english else (m.terms, m.bias)
    if groups is None:
        for name, value in x.items():
            term = terms.get(name)
            if term is not None:
                total += term[0] * value
    else:
        part_of = groups.get
        for name, value in x.items():
            term = terms.get(name)
            if term is not None:
                w, group = term
                part = w * value
                total += part
                groups[group] = part_of(group, 0.0) + part
    if english and tokens:
        total += _english(m, tokens, lexical)
    if "boilerplate" in found:
        total += C.BOILERPLATE_WEIGHT
        if groups is not None:
            groups["cue_boilerplate"] = C.BOILERPLATE_WEIGHT
    return total


def _language(text: str) -> str:
    # a claim alone has few words to vote with: accented letters lean French on a tie
    return detect_language(text, default="en" if text.isascii() else "fr")


def _english(m: Model, tokens: list[str], lexical: dict[str, float] | None) -> float:
    """The English words' part of the logit: words, word pairs and letter n-grams, each
    kind's counts scaled by 1/sqrt(its total count) as in training (cues.lexical)."""
    try:
        counts = list(map(m.gram_count.__getitem__, tokens))
    except KeyError:  # words not met before (rarely, once the common ones are)
        new = set(tokens).difference(m.own)
        if len(m.own) + len(new) > _CACHED_WORDS:  # a bounded cache: start it again
            m.clear()
            new = set(tokens)
        m.learn(new)
        counts = list(map(m.gram_count.__getitem__, tokens))
    owns = list(map(m.own.__getitem__, tokens))
    grams = list(map(m.gram_sum.__getitem__, tokens))
    n = len(tokens)
    unit_scale = n ** -0.5
    gram_scale = sum(counts) ** -0.5
    total = unit_scale * sum(owns) + gram_scale * sum(grams)
    # the word pairs' weights, looked up by first word then second (no pair string made)
    seconds = list(map(m.pairs_after.get, tokens[:-1]))
    found = [after.get(b) if after else None for after, b in zip(seconds, tokens[1:])]
    pair_scale = (n - 1) ** -0.5 if n > 1 else 0.0
    total += pair_scale * sum(filter(None, found))
    if lexical is not None:
        add = lexical.get
        # only what a reason may quote: function words and numbers never are
        for w, own, gram in zip(tokens, owns, grams):
            if w not in _UNTOLD:
                lexical[w] = add(w, 0.0) + own * unit_scale + gram * gram_scale
        told = m.told
        for i in compress(range(n - 1), found):  # the pairs that weigh
            k = tokens[i] + " " + tokens[i + 1]
            said = told.get(k)
            if said is None:
                said = told[k] = _telling(k)
            if said:
                lexical[k] = add(k, 0.0) + found[i] * pair_scale
    return total


# ---------------------------------------------------------------- reasons

_GROUP = {
    "figures_2": "figure", "figure_money": "figure", "figure_percent": "figure",
    "figure_years": "figure", "figure_unit": "figure", "figure_bare": "figure",
    "names_more": "names",
    "speaker": "attributed",
    "short_1_3": "length", "short_4_6": "length", "short_7_12": "length",
    "long_26_up": "length",
    "first_person_plural": "first_person", "first_person_singular": "first_person",
}
_GROUP.update((f"cue_{cue}_2", f"cue_{cue}") for cue in C.CUES)


# Words that weigh in the model but tell an editor nothing when quoted as a reason.
_PLAIN = FUNCTION_WORDS | frozenset("""
    is are was were be been being am have has had do does did s t ll ve re d m can just
    of so to up out very well really going get got go make made say said there that's
""".split())


_UNTOLD = _PLAIN | {"0"}  # the words that _telling refuses


def _telling(w: str) -> bool:
    """A word or pair worth quoting: not "0", not only function words."""
    if " " in w:
        a, b = w.split(" ", 1)
        return not (a in _PLAIN and b in _PLAIN) and "0" not in (a, b)
    return w not in _PLAIN and w != "0"


def _quoted(items: list[str], limit: int = 3) -> str:
    if not items:
        return ""
    shown = "« " + " », « ".join(items[:limit]) + " »"
    return shown + ("…" if len(items) > limit else "")


def _listed(items: list[str], limit: int = 4) -> str:
    shown = ", ".join(items[:limit])
    return shown + ("…" if len(items) > limit else "")


def _reasons(facets: dict, tokens: list[str], found: dict[str, list[str]],
             groups: dict[str, float], lexical: dict[str, float],
             past: str | None) -> list[str]:
    """lexical: the words and pairs a reason may quote, with their parts (logit's)."""
    ups: list[tuple[float, str]] = []
    downs: list[tuple[float, str]] = []
    if lexical:
        # the English wording: the words and pairs that weighed most either way
        ups = [(-p, w) for w, p in lexical.items() if p >= 0.05]
        downs = [(p, w) for w, p in lexical.items() if p <= -0.05]
        if ups:
            ups.sort()
            groups["wording_up"] = -sum(map(_PART, ups[:3]))
        if downs:
            downs.sort()
            groups["wording_down"] = sum(map(_PART, downs[:3]))
    if not groups:
        return []
    shown = [(p, g) for g, p in groups.items() if p >= _SHOWN_FROM or p <= -_SHOWN_FROM]
    if len(shown) > _SHOWN_AT_MOST:
        shown.sort(key=_kept_first)
        del shown[_SHOWN_AT_MOST:]
    elif not shown:
        shown = [min(((p, g) for g, p in groups.items()), key=_weight_of)]
    shown.sort(reverse=True)
    said = _Said(facets, tokens, found, ups, downs, past)
    out = []
    for part, group in shown:
        say = _SAY.get(group)
        if say is None:
            say = _say_cue if group.startswith("cue_") else _say_hedge if group.startswith(
                "hedge_") else None
        words = say(said, group) if say is not None else ""
        if words:
            out.append(("+ " if part > 0 else "− ") + words)
    return out


_PART = itemgetter(0)  # of a (part, word) pair


def _weight_of(pg: tuple[float, str]) -> float:
    """Sort key: the larger a part either way, the earlier."""
    return -abs(pg[0])


def _kept_first(pg: tuple[float, str]) -> tuple[bool, float]:
    """Sort key of the reasons kept when there are too many: by weight, but what is missing
    ("no_facts") says least, and gives way to what the claim holds."""
    return pg[1] == "no_facts", -abs(pg[0])


class _Said:
    """What a claim's reasons quote from it."""

    __slots__ = ("facets", "tokens", "found", "ups", "downs", "past")

    def __init__(self, facets, tokens, found, ups, downs, past) -> None:
        self.facets, self.tokens, self.found = facets, tokens, found
        self.ups, self.downs, self.past = ups, downs, past


def _say_figure(s: _Said, group: str) -> str:
    numbers = s.facets.get("numbers") or []
    with_unit = [n["text"] for n in numbers if n.get("unit")]
    if with_unit:
        return (f"a figure with a unit: {with_unit[0]}" if len(with_unit) == 1 else
                f"{len(with_unit)} figures with units: {_listed(with_unit)}")
    plain = [n["text"] for n in numbers]
    return f"a figure: {plain[0]}" if len(plain) == 1 else f"figures: {_listed(plain)}"


def _say_names(s: _Said, group: str) -> str:
    names = s.facets.get("entities") or []
    return (f"a named actor: {names[0]}" if len(names) == 1 else
            f"{len(names)} named actors: {_listed(names)}")


def _say_date(s: _Said, group: str) -> str:
    relative = group == "date_relative"
    dates = [d["text"] for d in s.facets.get("dates") or [] if relative or not d.get("relative")]
    return ("a relative date: " if relative else "dated: ") + _listed(dates)


def _say_hedge(s: _Said, group: str) -> str:
    kind = group[len("hedge_"):]
    label = {"report": "an unconfirmed report", "speculation": "speculation"}.get(
        kind, f"hedged ({kind})")
    return f"{label}: {_quoted(s.facets.get('hedges') or [], 2)}"


def _say_past(s: _Said, group: str) -> str:
    said = s.past
    return f"the past tense: « {said} »" if said else "the past tense"


def _say_cue(s: _Said, group: str) -> str:
    cue, label = _CUE_SAID.get(group) or (group[len("cue_"):], None)
    if label is None:
        label = C.CUES[cue][0] if cue in C.CUES else cue.replace("_", " ")
    said = s.found.get(cue)
    return label + ": " + _quoted(said) if said is not None else label


_CUE_SAID = {f"cue_{cue}": (cue, label) for cue, (label, _) in C.CUES.items()}


def _say_first_person(s: _Said, group: str) -> str:
    said = next((w for w in s.tokens if w in C.PRONOUN_WORDS), "")
    return f"the speaker's own part: « {said} »" if said else "the speaker's own part"


def _say_length(s: _Said, group: str) -> str:
    n = len(s.tokens)
    return (f"very short ({n} word{'s' if n != 1 else ''})" if n <= 6 else
            f"short ({n} words)" if n <= 12 else f"long ({n} words)")


_SAY = {
    "figure": _say_figure, "names": _say_names, "date": _say_date, "date_relative": _say_date,
    "attributed": lambda s, g: f"attributed: {(s.facets.get('attribution') or '')[:80]}",
    "past": _say_past,
    "question": lambda s, g: "a question, not an assertion",
    "exclamation": lambda s, g: "an exclamation",
    "first_person": _say_first_person, "length": _say_length,
    "no_facts": lambda s, g: "nothing to check: no figure, name or date",
    "wording_up": lambda s, g: "wording of claims that get checked: " + _quoted(
        [w for _, w in s.ups]),
    "wording_down": lambda s, g: "wording of talk that is not checked: " + _quoted(
        [w for _, w in s.downs]),
}
_SAY.update(dict.fromkeys(_CUE_SAID, _say_cue))  # (a look-up, not a test of the prefix)


def _rounded(value: float) -> float:
    """The score as shown and stored: in [0, 1], three decimals."""
    return round(min(1.0, max(0.0, value)), 3)
