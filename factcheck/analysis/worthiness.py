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
from pathlib import Path

from ..text.language import detect_language
from . import cues as C
from .facets import Sentence

MODEL_FILE = Path(__file__).with_name("worthiness_model.json.gz")

# Reasons: a part of the score smaller than this is not worth a line; at most this many.
_SHOWN_FROM = 0.15
_SHOWN_AT_MOST = 5


class Model:
    """The weights, as read from the model file, and a cache of each word's weight."""

    __slots__ = ("en_bias", "en_shared", "words", "pairs", "grams", "bias", "shared",
                 "_cache", "meta")

    def __init__(self, data: dict) -> None:
        en, cross = data["english"], data["shared"]
        self.en_bias: float = en["bias"]
        self.en_shared: dict[str, float] = en["shared"]
        self.words: dict[str, float] = en["words"]
        self.pairs: dict[str, float] = en["pairs"]
        self.grams: dict[str, float] = en["grams"]
        self.bias: float = cross["bias"]
        self.shared: dict[str, float] = cross["shared"]
        self.meta: dict = data.get("meta", {})
        # word -> (its own weight, the sum of its letter n-grams' weights, how many)
        self._cache: dict[str, tuple[float, float, int]] = {}

    def word(self, w: str) -> tuple[float, float, int]:
        e = self._cache.get(w)
        if e is None:
            grams = C.word_grams(w)
            g = self.grams
            e = (self.words.get(w, 0.0), sum(g.get(x, 0.0) for x in grams), len(grams))
            if len(self._cache) < 200_000:
                self._cache[w] = e
        return e


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


def features(text: str, facets: dict, lowered: str | None = None
             ) -> tuple[list[str], dict[str, list[str]], dict[str, float]]:
    """(words, cues found, shared features) of a claim: what training and scoring read."""
    tokens = C.words(text.lower() if lowered is None else lowered)
    found = C.cues(tokens)
    return tokens, found, C.shared(text, tokens, facets, found)


def score(text: str, facets: dict, *, sentence: Sentence | None = None,
          lang: str | None = None, weights: Model | None = None) -> tuple[float, list[str]]:
    """Return (check-worthiness in [0, 1], reasons), each reason signed + or −.

    sentence: facets.Sentence(text), if the caller has it; lang: the article's language
    ("fr", "en"), else guessed from the claim; weights: another model than the shipped one
    (the benchmark's, trained without its held-out part)."""
    tokens, found, x = features(text, facets, sentence.lowered if sentence else None)
    english = (lang or _language(text)) == "en"
    parts: list[tuple[float, str]] = []  # (part of the logit, group of features)
    lexical: list[tuple[float, str]] = []  # (part of the logit, English word or pair)
    total = logit(weights or model(), tokens, found, x, english, parts, lexical)
    value = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))
    return _rounded(value), _reasons(facets, tokens, found, parts, lexical)


def logit(m: Model, tokens: list[str], found: dict[str, list[str]], x: dict[str, float],
          english: bool, parts: list[tuple[float, str]] | None = None,
          lexical: list[tuple[float, str]] | None = None) -> float:
    """The model's log-odds for a claim's features; each feature's part into parts (by
    group) and each English word's and pair's into lexical, when given."""
    table, total = (m.en_shared, m.en_bias) if english else (m.shared, m.bias)
    for name, value in x.items():
        w = table.get(name)
        if w:
            total += w * value
            if parts is not None:
                parts.append((w * value, _GROUP.get(name, name)))
    if english and tokens:
        total += _english(m, tokens, lexical)
    if "boilerplate" in found:
        total += C.BOILERPLATE_WEIGHT
        if parts is not None:
            parts.append((C.BOILERPLATE_WEIGHT, "cue_boilerplate"))
    return total


def _language(text: str) -> str:
    # a claim alone has few words to vote with: accented letters lean French on a tie
    return detect_language(text, default="en" if text.isascii() else "fr")


def _english(m: Model, tokens: list[str], lexical: list[tuple[float, str]] | None) -> float:
    """The English words' part of the logit: words, word pairs and letter n-grams, each
    kind's counts scaled by 1/sqrt(its total count) as in training (cues.lexical)."""
    word = m.word
    own = [word(w) for w in tokens]
    unit_scale = len(tokens) ** -0.5
    gram_scale = sum(e[2] for e in own) ** -0.5
    total = unit_scale * sum(e[0] for e in own) + gram_scale * sum(e[1] for e in own)
    if lexical is not None:
        lexical.extend((uw * unit_scale + gw * gram_scale, w)
                       for w, (uw, gw, _) in zip(tokens, own))
    if len(tokens) > 1:
        pair_scale = (len(tokens) - 1) ** -0.5
        get = m.pairs.get
        for a, b in zip(tokens, tokens[1:]):
            pw = get(a + " " + b)
            if pw:
                total += pw * pair_scale
                if lexical is not None:
                    lexical.append((pw * pair_scale, a + " " + b))
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


def _quoted(items: list[str], limit: int = 3) -> str:
    shown = ", ".join(f"« {i} »" for i in items[:limit])
    return shown + ("…" if len(items) > limit else "")


def _listed(items: list[str], limit: int = 4) -> str:
    shown = ", ".join(items[:limit])
    return shown + ("…" if len(items) > limit else "")


def _reasons(facets: dict, tokens: list[str], found: dict[str, list[str]],
             parts: list[tuple[float, str]], lexical: list[tuple[float, str]]) -> list[str]:
    groups: dict[str, float] = {}
    for part, group in parts:
        groups[group] = groups.get(group, 0.0) + part
    # the English wording: each word's parts added up, then the strongest either way
    by_word: dict[str, float] = {}
    for part, w in lexical:
        by_word[w] = by_word.get(w, 0.0) + part
    ups = sorted(((p, w) for w, p in by_word.items() if p >= 0.05 and w != "0"), reverse=True)
    downs = sorted((p, w) for w, p in by_word.items() if p <= -0.05 and w != "0")
    if ups:
        groups["wording_up"] = sum(p for p, _ in ups[:3])
    if downs:
        groups["wording_down"] = sum(p for p, _ in downs[:3])
    chosen = sorted(groups.items(), key=lambda kv: -abs(kv[1]))
    shown = [(g, p) for g, p in chosen if abs(p) >= _SHOWN_FROM][:_SHOWN_AT_MOST]
    if not shown and chosen:
        shown = chosen[:1]
    shown.sort(key=lambda gp: -gp[1])
    out = []
    for group, part in shown:
        words = _say(group, facets, tokens, found, ups, downs)
        if words:
            out.append(("+ " if part > 0 else "− ") + words)
    return out


def _say(group: str, facets: dict, tokens: list[str], found: dict[str, list[str]],
         ups: list[tuple[float, str]], downs: list[tuple[float, str]]) -> str:
    """One reason in words, with the text that carried it."""
    if group == "figure":
        numbers = facets.get("numbers") or []
        with_unit = [n["text"] for n in numbers if n.get("unit")]
        if with_unit:
            return (f"a figure with a unit: {with_unit[0]}" if len(with_unit) == 1 else
                    f"{len(with_unit)} figures with units: {_listed(with_unit)}")
        plain = [n["text"] for n in numbers]
        return f"a figure: {plain[0]}" if len(plain) == 1 else f"figures: {_listed(plain)}"
    if group == "names":
        names = facets.get("entities") or []
        return (f"a named actor: {names[0]}" if len(names) == 1 else
                f"{len(names)} named actors: {_listed(names)}")
    if group in ("date", "date_relative"):
        dates = [d["text"] for d in facets.get("dates") or []
                 if group == "date_relative" or not d.get("relative")]
        return ("dated: " if group == "date" else "a relative date: ") + _listed(dates)
    if group == "attributed":
        return f"attributed: {(facets.get('attribution') or '')[:80]}"
    if group.startswith("hedge_"):
        kind = group[len("hedge_"):]
        label = {"report": "an unconfirmed report", "speculation": "speculation"}.get(
            kind, f"hedged ({kind})")
        return f"{label}: {_quoted(facets.get('hedges') or [], 2)}"
    if group == "past":
        said = C.past_tense(tokens)
        return f"the past tense: « {said} »" if said else "the past tense"
    if group.startswith("cue_"):
        cue = group[len("cue_"):]
        label = C.CUES[cue][0] if cue in C.CUES else cue.replace("_", " ")
        return f"{label}: {_quoted(found[cue])}" if cue in found else label
    if group == "question":
        return "a question, not an assertion"
    if group == "exclamation":
        return "an exclamation"
    if group == "first_person":
        said = next((w for w in tokens if w in C.PRONOUN_WORDS), "")
        return f"the speaker's own part: « {said} »" if said else "the speaker's own part"
    if group == "length":
        n = len(tokens)
        return (f"very short ({n} word{'s' if n != 1 else ''})" if n <= 6 else
                f"short ({n} words)" if n <= 12 else f"long ({n} words)")
    if group == "wording_up":
        return "wording of claims that get checked: " + _quoted([w for _, w in ups])
    if group == "wording_down":
        return "wording of talk that is not checked: " + _quoted([w for _, w in downs])
    return ""


def _rounded(value: float) -> float:
    """The score as shown and stored: in [0, 1], three decimals."""
    return round(min(1.0, max(0.0, value)), 3)
