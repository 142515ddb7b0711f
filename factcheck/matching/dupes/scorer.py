"""How sure we are that two claims state the same fact: a score from 0 to 100.

Several rapidfuzz measures on the prepared claims (``signature.Prepared``) -- token_set_ratio
and ratio letter by letter on the content words; word by word, the common words whatever
their order (token_sort), in order, every word in order (function words carry who did what
to whom: "Lyon beat Paris" is not "Paris beat Lyon"), the shorter claim's best place in the
longer one (partial_ratio), how much of each side the other covers (the containment
direction) -- and the desk's facts: the actors' names (with their aliases, acronyms and
spelling variants) kept apart from the source of an attribution, figures that agree or
conflict, dates that agree at their precision.  A logistic model weighs them, with weights
of its own for each kind of pair (``regime``: two languages, a passage, a short claim, the
same words in order, the same words moved, other words); the weights are learned from
public paraphrase data by ``bench/train_dupes.py`` (the same data gives the same weights)
and ship in ``weights.json``.

Rules stay above the model, because they say what the desk means by "the same fact":

* the facts alone can vouch for a pair (``fact_score``): the same names, amounts and day
  are the same fact in any words or language;
* the same sentence about another actor (a template: "… à Lyon" / "… à Lille") is capped
  under the low threshold (``same_slot``), and so are two dates of the same kind that
  differ (another fact, or a series), and two sentences in one language with little in
  common (``little_in_common``);
* a figure of the same kind that differs while the rest agrees is a **conflict**: the
  figures are listed with the pair.
"""

from __future__ import annotations

import json
import math
import re
from operator import mul as _mul
from dataclasses import dataclass
from typing import NamedTuple
from importlib import resources

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel, LCSseq

from ...text.words import MATCH_STOP_WORDS
from ..figures import same_value, specific
from .signature import NAME_PARTICLES, Name, Prepared
from .thresholds import SHORT_WORDS

NAMES_CAP = 40           # about different actors on each side: at most this
DATE_CAP = 45            # another date: at most this

FEATURES = (
    "bias", "token_set", "ratio", "token_sort", "word_order", "all_words", "partial", "order",
    "cover_high", "cover_low", "length", "short", "substituted", "added",
    "names_matched", "names_order", "names_lost", "names_lost_both", "figures_matched",
    "figures_conflict",
    "figures_extra", "dates_matched", "dates_clash", "dates_extra", "sources_differ",
)


class Match(NamedTuple):
    score: int
    conflicts: list[dict]     # [{"a": figure text in a, "b": figure text in b}]
    relation: str             # equal | a_contains_b | b_contains_a | overlap
    short: bool               # a suggestion at most: a short claim not said in full by the
                              # other, or other actors named (see compare)


# ---------------------------------------------------------------- the weights

_WEIGHTS: dict[str, list[float]] | None = None


def weights() -> dict[str, list[float]]:
    """{"same": [...], "cross": [...]}: one weight per FEATURES, for pairs in one language
    and pairs in two."""
    global _WEIGHTS
    if _WEIGHTS is None:
        raw = json.loads(resources.files(__package__).joinpath("weights.json")
                         .read_text(encoding="utf-8"))
        if tuple(raw["features"]) != FEATURES:
            raise RuntimeError("weights.json was trained on other features: "
                               "run bench/train_dupes.py --write")
        _WEIGHTS = {k: [float(x) for x in v] for k, v in raw["weights"].items()}
    return _WEIGHTS


def use_weights(w: dict[str, list[float]] | None) -> None:
    """Score with these weights (the training script's), or the shipped ones again (None)."""
    global _WEIGHTS
    _WEIGHTS = w


# ---------------------------------------------------------------- facts

_COUNTS = frozenset(("", "people"))
def align_figures(fa: list, fb: list) -> tuple[list, list[dict], list, int, int]:
    """(a's figures matched, conflicts, a's figures in conflict, figures only a has, figures
    only b has).  A figure meets the same value in the other claim (a bare number meets it
    with a unit: "3 650" emplois, "3 650 salariés"); what is left of one unit on both sides
    conflicts, in order ("14,3 milliards de dollars" / "$14.8 billion"), and so does a
    bare number left on one side with a count of people on the other ("24 334 emplois" /
    "24 617 salariés")."""
    if not fa or not fb:
        return [], [], [], len(fa), len(fb)
    if len(fa) == 1 and len(fb) == 1:  # the common case, as the general one below does it
        (ua, va, xa), (ub, vb, xb) = fa[0], fb[0]
        if (ua == ub or not ua or not ub) and same_value(va, vb):
            return [fa[0]], [], [], 0, 0
        if ua == ub or {ua, ub} <= _COUNTS:
            return [], [{"a": xa, "b": xb}], [fa[0]], 0, 0
        return [], [], [], 1, 1
    free = list(fb)
    matched, left_a = [], []
    for f in fa:
        uf, vf = f[0], f[1]
        for j, g in enumerate(free):
            if (uf == g[0] or not uf or not g[0]) and same_value(vf, g[1]):
                matched.append(f)
                del free[j]
                break
        else:
            left_a.append(f)
    conflicts: list[dict] = []
    conflicting: list = []
    if not left_a or not free:
        return matched, conflicts, conflicting, len(left_a), len(free)
    counts_a = [f for f in left_a if f[0] in _COUNTS]
    counts_b = [g for g in free if g[0] in _COUNTS]
    if len(counts_a) == 1 and len(counts_b) == 1 and counts_a[0][0] != counts_b[0][0]:
        f, g = counts_a[0], counts_b[0]
        left_a.remove(f)
        free.remove(g)
        conflicts.append({"a": f[2], "b": g[2]})
        conflicting.append(f)
    extra_a = 0
    for f in left_a:
        j = next((j for j, g in enumerate(free) if g[0] == f[0]), None)
        if j is None:
            extra_a += 1
        else:
            conflicts.append({"a": f[2], "b": free.pop(j)[2]})
            conflicting.append(f)
    return matched, conflicts, conflicting, extra_a, len(free)


def dates_clash(da: list[str], db: list[str]) -> bool:
    """Both claims give dates and none of one agrees with one of the other."""
    if not da or not db or da == db:
        return False
    return not any(dates_agree(x, y) for x in da for y in db)


def dates_agree(x: str, y: str) -> bool:
    """Two dates that may be the same day: "2004" and "2004-01-01", "--01-01" (January 1st,
    no year) and "2004-01-01"."""
    if x.startswith(y) or y.startswith(x):
        return True
    if x.startswith("--") or y.startswith("--"):
        mx = x[2:] if x.startswith("--") else x[5:]
        my = y[2:] if y.startswith("--") else y[5:]
        return not mx or not my or mx.startswith(my) or my.startswith(mx)
    return False


def _name_found(n: Name, other: Prepared, spoken_acronyms: frozenset[str] = frozenset()
                ) -> bool:
    """Whether the other claim names this one: its words, run together, as an acronym
    (either way), one name inside the other, or a spelling variant."""
    words = other.word_set
    if n.words <= words or n.joined in words or not n.acronyms.isdisjoint(words):
        return True
    if n.stems and n.stems <= other.token_set:
        return True
    joined = n.joined
    if joined in other.name_joined or joined in other.name_acronyms:
        return True
    if not n.acronyms.isdisjoint(other.name_joined):
        return True
    if not n.words.isdisjoint(other.name_words):  # one name inside the other
        for m in other.any_names:
            if n.words <= m.words or m.words <= n.words:
                return True
    if len(joined) >= 5:  # a spelling variant ("Alexandr" / "Alexander")
        for m in other.names_by_initial.get(joined[0], ()):
            if abs(len(m) - len(joined)) <= 3 and fuzz.ratio(joined, m, score_cutoff=90):
                return True
    # an acronym whose name the other claim spells out (where the name finder may have
    # cut it in pieces: "Banque nationale de Paris")
    if (n.joined in spoken_acronyms and n.joined[0] in other.word_set_initials
            and _spelled_out(n.joined, other.words)):
        return True
    return False


def _spelled_out(acronym: str, words: list[str]) -> set[str]:
    """The words of every run in ``words`` whose initials spell ``acronym`` (all of them, or
    leaving out the small words): "bnp" in "… de banque nationale de paris …"."""
    out: set[str] = set()
    n = len(acronym)
    for i, w in enumerate(words):
        if w[0] != acronym[0] or w in NAME_PARTICLES:
            continue
        for skip in (True, False):
            got, j = 0, i
            while j < len(words) and got < n:
                x = words[j]
                if skip and x in NAME_PARTICLES:
                    j += 1
                    continue
                if x[0] != acronym[got]:
                    break
                got += 1
                j += 1
            if got == n:
                out.update(words[i:j])
                break
    return out


def _acronym_words(a: Prepared, b: Prepared) -> frozenset[str]:
    """a's words that b's acronyms stand for (b says "BNP" where a spells the name out)."""
    out: set[str] = set()
    for acronym in b.acronyms:
        if len(acronym) >= 3 and acronym[0] in a.word_set_initials:
            out |= _spelled_out(acronym, a.words)
    return frozenset(out)


def _lost(a: Prepared, b: Prepared) -> list[Name]:
    """a's actors that b does not name (as an actor, a source, a word, or the acronym of
    the words of a that make up the name)."""
    words = b.word_set
    if a.actor_words <= words:
        return _NONE  # every word of every actor is there (the common case)
    lost = []
    spelled = None
    for n in a.names:
        if n.words <= words or _name_found(n, b, a.acronyms):
            continue
        if not b.acronyms:
            lost.append(n)
            continue
        if spelled is None:
            spelled = _acronym_words(a, b)
        if not n.words <= spelled:
            lost.append(n)
    return lost


def _names_order(a: Prepared, b: Prepared) -> float:
    """How much the names both claims give keep their order (1: all of them): "Paris beat
    Lyon" against "Lyon beat Paris" is 0.5."""
    shared = a.name_keys & b.name_keys
    if len(shared) < 2:
        return 1.0
    sa = [k for k in a.name_order if k in shared]
    sb = [k for k in b.name_order if k in shared]
    return _lcs(sa, sb) / len(shared)


def _context(n: Name, words: list[str], skip: frozenset[str] = frozenset()
             ) -> tuple[str, str] | None:
    """The words right before and right after a name where it stands ("^"/"$" at the
    ends), passing over the words of ``skip`` (the other names swapped with it: "Loin
    devant [Monta], [Kagalsar Group] contrôle")."""
    try:
        i = words.index(n.first)
    except ValueError:
        return None
    try:
        j = words.index(n.last, i)
    except ValueError:
        j = i
    i -= 1
    while i >= 0 and words[i] in skip:
        i -= 1
    j += 1
    while j < len(words) and words[j] in skip:
        j += 1
    return (words[i] if i >= 0 else "^", words[j] if j < len(words) else "$")


_SLOT_WORDS = 8  # the longest run of words that may stand for a name in the other claim


TEMPLATE_REST = 0.85  # how alike the rest of two sentences is when only a name differs


def same_slot(a: Prepared, b: Prepared, lost_a: list[Name], lost_b: list[Name]) -> bool:
    """Whether the claims are one sentence about two different actors: a name of one claim
    and something else in the other stand between the same words, and the rest of the
    two sentences is the same ("le chômage à Lyon a atteint 7,2 %" / "le chômage à Lille a
    atteint 7,2 %").  The something else is another name, or a run of capitalised words
    the first claim does not have (a name the name finder missed: "Société nationale des
    chemins de fer français a racheté" / "Airbus a racheté").  A rest that differs too
    (other words, another figure) is more often the same actor named two ways ("the
    United States wants the measure passed" / "the Bush administration wants the measure
    approved"), and is left to the model."""
    skip_a = frozenset(w for n in lost_a for w in n.words)
    skip_b = frozenset(w for n in lost_b for w in n.words)
    slots = {}
    for n in lost_a:
        slot = _context(n, a.words, skip_a)
        if slot is not None:
            slots.setdefault(slot, n)
    for n in lost_b:
        m = slots.get(_context(n, b.words, skip_b))
        if m is not None and _rest_alike(a, b, skip_a, skip_b):
            return True
    for n in lost_b:
        span = _stands_in(_context(n, b.words), a, b)
        if span and _rest_alike(a, b, span, n.words):
            return True
    for n in lost_a:
        span = _stands_in(_context(n, a.words), b, a)
        if span and _rest_alike(a, b, n.words, span):
            return True
    return False


def _rest_alike(a: Prepared, b: Prepared, out_a, out_b) -> bool:
    """Whether the two sentences are the same but for these words (and their figures)."""
    rest_a = [w for w in a.words if w not in out_a and w[0] != "#"]
    rest_b = [w for w in b.words if w not in out_b and w[0] != "#"]
    return _indel_similarity(rest_a, rest_b) >= TEMPLATE_REST


def _stands_in(slot: tuple[str, str] | None, a: Prepared, b: Prepared) -> frozenset[str]:
    """The words of a run in a, between the words of this slot (taken from b), that b does
    not have (but for the small words of names), opening with a capital; empty if none."""
    if slot is None:
        return frozenset()
    before, after = slot
    words, theirs = a.words, b.word_set
    starts = [0] if before == "^" else [i + 1 for i, w in enumerate(words) if w == before]
    for i in starts:
        if i >= len(words) or words[i] not in a.capitalised or words[i] in MATCH_STOP_WORDS:
            continue  # a name the name finder missed starts with a capital (not "The")
        for j in range(i, min(len(words), i + _SLOT_WORDS)):
            if words[j] in theirs and words[j] not in NAME_PARTICLES:
                break
            if (after == "$" and j == len(words) - 1) or (
                    j + 1 < len(words) and words[j + 1] == after):
                return frozenset(words[i:j + 1])
    return frozenset()


# ---------------------------------------------------------------- the features

class Facts(NamedTuple):
    lost_a: int
    lost_b: int
    conflicts: list[dict]
    extra_fa: int
    extra_fb: int
    date_clash: bool
    extra_da: bool
    extra_db: bool
    cover_a: float   # share of a's content tokens that b has
    cover_b: float
    names_matched: int
    figures_matched: list     # a's figures that b gives too
    figures_conflicting: list  # a's figures that b gives another value of
    day_matched: bool         # they agree on a day (not only a year or a month)
    lost_names_a: list        # a's actors b does not name
    lost_names_b: list


_DAY = re.compile(r"(?:\d{4}|-)-\d\d-\d\d")
_NONE: list = []
_indel = Indel.distance
_indel_similarity = Indel.normalized_similarity
_lcs = LCSseq.similarity
_ratio = fuzz.ratio
_token_set = fuzz.token_set_ratio
_partial = fuzz.partial_ratio


def features(a: Prepared, b: Prepared) -> tuple[list[float], Facts]:
    """The model's inputs for a pair (in the order of FEATURES), and the facts behind them.

    Letter by letter (rapidfuzz on the content words as text): token_set_ratio, ratio.
    Word by word (rapidfuzz on one character per word): the content words sorted (their
    common part, whatever the order), in order, every word in order (function words carry
    who did what to whom), the shorter claim's best place in the longer one (partial), and
    how much of the common words keep their order.
    """
    ta, tb = a.text, b.text
    sa, sb = a.seq, b.seq
    la, lb = len(sa), len(sb)
    if la and lb:
        token_set = _token_set(ta, tb) / 100
        ratio = _ratio(ta, tb) / 100
        common = (la + lb - _indel(a.sorted_seq, b.sorted_seq)) // 2  # as a multiset
        in_order = _lcs(sa, sb)
        word_order = 2 * in_order / (la + lb)
        token_sort = 2 * common / (la + lb)
        order = in_order / common if common >= 3 else 0.0  # (too few to have an order)
        # the shorter claim's best place in the longer one; for two claims of about the
        # same length, their alignment as a whole
        if 5 * la < 4 * lb:
            partial = _partial(sa, sb) / 100
        elif 5 * lb < 4 * la:
            partial = _partial(sb, sa) / 100
        else:
            partial = word_order
        cover_a, cover_b = common / la, common / lb
    else:
        token_set = ratio = word_order = token_sort = order = partial = 0.0
        cover_a = cover_b = 0.0
        common = 0
    wa, wb = a.all_seq, b.all_seq
    all_words = 1 - _indel(wa, wb) / (len(wa) + len(wb)) if wa and wb else 0.0
    ca, cb = a.count or 1, b.count or 1
    length = ca / cb if ca <= cb else cb / ca
    short = 1.0 if ca < SHORT_WORDS or cb < SHORT_WORDS else 0.0
    only_a, only_b = la - common, lb - common
    substituted = min(only_a, only_b, 3) / 3
    added = min(abs(only_a - only_b), 10) / 10

    lost_names_a = _lost(a, b) if a.names else _NONE
    lost_names_b = _lost(b, a) if b.names else _NONE
    lost_a, lost_b = len(lost_names_a), len(lost_names_b)
    names_matched = min(len(a.names) - lost_a, len(b.names) - lost_b)
    fa, fb = a.figures, b.figures
    if fa or fb:
        matched, conflicts, conflicting, extra_fa, extra_fb = align_figures(fa, fb)
        matched_figs = len(matched)
    else:
        matched, conflicts, conflicting, extra_fa, extra_fb = (), [], (), 0, 0
        matched_figs = 0
    da, db = a.dates, b.dates
    if da == db:
        dates_matched, date_clash, extra_da, extra_db = bool(da), False, False, False
    else:
        dates_matched = any(dates_agree(x, y) for x in da for y in db)
        date_clash = bool(da and db) and not dates_matched
        extra_da = any(not any(dates_agree(x, y) for y in db) for x in da)
        extra_db = any(not any(dates_agree(x, y) for x in da) for y in db)
    sources_differ = bool(a.sources and b.sources) and not any(
        _name_found(n, b) for n in a.sources)

    x = [
        1.0, token_set, ratio, token_sort, word_order, all_words, partial, order,
        cover_a if cover_a >= cover_b else cover_b, cover_b if cover_a >= cover_b else cover_a,
        length, short, substituted, added,
        min(names_matched, 3) / 3, _names_order(a, b) if names_matched >= 2 else 1.0,
        1.0 if lost_a or lost_b else 0.0,
        1.0 if lost_a and lost_b else 0.0,
        min(matched_figs, 3) / 3, 1.0 if conflicts else 0.0,
        1.0 if extra_fa or extra_fb else 0.0,
        1.0 if dates_matched else 0.0, 1.0 if date_clash else 0.0,
        1.0 if extra_da or extra_db else 0.0, 1.0 if sources_differ else 0.0,
    ]
    return x, Facts(lost_a, lost_b, conflicts, extra_fa, extra_fb, date_clash, extra_da,
                    extra_db, cover_a, cover_b, names_matched, matched, conflicting,
                    dates_matched and not a.days.isdisjoint(b.days), lost_names_a,
                    lost_names_b)


SAME_WORDS = 0.8  # token_sort from which two claims use mostly the same words


def regime(x: list[float], cross: bool, passage: bool) -> str:
    """Which weights score a pair: two languages, a passage (a fact-check's summary against
    a tweet), a short claim, two claims with mostly the same words in the same order, the
    same words moved (a clause moved, or who did what to whom swapped: PAWS-X is made of
    both), or other words."""
    if cross:
        return "cross"
    if passage:
        return "passage"
    if x[_SHORT]:
        return "short"
    if x[_TOKEN_SORT] < SAME_WORDS:
        return "other_words"
    return "moved_words" if x[_ORDER] < KEPT_ORDER or x[_NAMES_ORDER] < 1 else "same_words"


def is_passage(p: Prepared) -> bool:
    """A text of several sentences and many words: a fact-check's summary, a tweet thread,
    what the archive holds rather than a claim of an article (see Prepared.passage)."""
    return p.passage


_SHORT = FEATURES.index("short")
_TOKEN_SORT = FEATURES.index("token_sort")
_ORDER = FEATURES.index("order")
_NAMES_ORDER = FEATURES.index("names_order")
KEPT_ORDER = 0.9  # "order" from which the common words of two claims keep their order


def logit(x: list[float], which: str) -> float:
    return sum(map(_mul, weights()[which], x))


def as_score(z: float) -> float:
    """A logit as a score from 0 to 100."""
    if z < -30:
        return 0.0
    return 100.0 / (1.0 + math.exp(-z))


# ---------------------------------------------------------------- the score

@dataclass
class Parts:
    """A pair as the score is made of it: the model's inputs, its regime, the facts, what
    the facts alone give (floor) and the most the rules allow (cap)."""
    x: list[float]
    regime: str
    facts: Facts
    floor: float
    cap: float


TEMPLATE_WORDS = 0.5     # token_sort from which other actors in one slot make a template
LITTLE_IN_COMMON = 0.3   # token_sort under which two claims in one language…
LITTLE_CAP = 59          # …that share no figure nor day score at most this


def little_in_common(a: Prepared, b: Prepared) -> bool:
    """Two sentences (not passages) in one language sharing under LITTLE_IN_COMMON of their
    content words, and no figure or day: whatever the model makes of them, not the same
    fact.  Cheap (one rapidfuzz call on a few characters): the index asks it first."""
    if a.lang != b.lang and a.lang and b.lang:
        return False
    la, lb = len(a.seq), len(b.seq)
    if not la or not lb:
        return False
    # (la + lb - indel) is twice the words in common: token_sort times (la + lb)
    if la + lb - _indel(a.sorted_seq, b.sorted_seq) >= LITTLE_IN_COMMON * (la + lb):
        return False
    if not a.figure_keys.isdisjoint(b.figure_keys) or not a.days.isdisjoint(b.days):
        return False
    return not (is_passage(a) or is_passage(b))


def parts(a: Prepared, b: Prepared) -> Parts:
    x, facts = features(a, b)
    which, floor, cap = _rules(a, b, x, facts)
    return Parts(x, which, facts, floor, cap)


def _rules(a: Prepared, b: Prepared, x: list[float], facts: Facts
           ) -> tuple[str, float, float]:
    """(the regime, what the facts alone give, the most the rules allow) of a pair."""
    cross = bool(a.lang and b.lang and a.lang != b.lang)
    passage = a.passage or b.passage
    token_sort = x[_TOKEN_SORT]
    which = ("cross" if cross else "passage" if passage else "short" if x[_SHORT]
             else "other_words" if token_sort < SAME_WORDS
             else "moved_words" if x[_ORDER] < KEPT_ORDER or x[_NAMES_ORDER] < 1
             else "same_words")
    cap = 100.0
    if (token_sort < LITTLE_IN_COMMON and not cross and not passage
            and a.figure_keys.isdisjoint(b.figure_keys) and a.days.isdisjoint(b.days)):
        cap = LITTLE_CAP  # little in common (as little_in_common says)
    # the same sentence about other actors: a template, not the same fact (a sentence
    # with half of its words or more in common)
    elif ((facts.lost_a or facts.lost_b) and (token_sort >= TEMPLATE_WORDS or cross)
          and same_slot(a, b, facts.lost_names_a, facts.lost_names_b)):
        cap = NAMES_CAP
    elif facts.lost_a and facts.lost_b and not passage and (
            facts.conflicts or facts.extra_fa and facts.extra_fb
            or cross and facts.names_matched == 0):
        # other actors on each side, and other figures (or, across languages, no name in
        # common): another fact (a passage names many more)
        cap = NAMES_CAP
    if facts.date_clash:
        cap = min(cap, DATE_CAP)  # another date: another fact (or a series)
    floor = fact_score(facts) if facts.names_matched else 0.0
    return which, floor, cap


def final_score(z: float, floor: float, cap: float) -> int:
    return int(round(min(cap, max(as_score(z), floor))))


def compare(a: Prepared, b: Prepared, floor: int = 0) -> Match | None:
    """Score two prepared claims (see the module docstring).  With a ``floor`` over
    LITTLE_CAP, None at once for a pair with little in common (what the index asks)."""
    if floor > LITTLE_CAP and little_in_common(a, b):
        return None
    x, facts = features(a, b)
    which, fact_floor, cap = _rules(a, b, x, facts)
    z = sum(map(_mul, (_WEIGHTS or weights())[which], x))
    score = 100.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0
    if fact_floor > score:
        score = fact_floor
    score = int(round(cap if cap < score else score))
    conflicts = [] if facts.date_clash else facts.conflicts
    relation = _relation(a, b, facts, which == "cross")
    # a short claim is confident only when each side says all the other does
    short = x[_SHORT] > 0 and not (
        facts.cover_a == 1.0 and facts.cover_b == 1.0 and not facts.lost_a
        and not facts.lost_b and not facts.extra_fa and not facts.extra_fb)
    # other actors on each side ("Firpol leads, ahead of Terrinyor" / "Tamdragal leads,
    # ahead of Firpol"; "X a été acquis par Y" / "Z leads, ahead of Y"): the same subject,
    # perhaps not the same fact, so no verdict flows; the pair stays listed, as a
    # suggestion.  (One side naming more, as a long claim does, is left to the score.)
    other_actors = bool(facts.lost_a and facts.lost_b)
    return Match(score, conflicts, relation, short or other_actors)


def fact_score(facts: Facts) -> float:
    """What the facts alone say, whatever the words: when every fact of one claim is found
    in the other (no actor, no figure of its own) and they share a name and a figure that
    pins a fact down (``specific``), the same fact is stated, in any words or language.

    With k the facts shared, the score is 100 - 35 * 0.5 ** (k - 2): a name counts one
    (up to three), a day that agrees one, a specific figure one and a half (an amount or a
    share pins a fact far more than a name does).  A name and an amount give 75, two names
    and an amount 87.6, a name and two amounts 91.  A specific figure given another value
    (the same quantity reported differently: a conflict) counts one next to a specific
    figure that agrees, half next to a day that agrees, nothing on its own: names recur,
    and the same names with another figure are as often another fact ("Kering rachète
    72 % de Vinci" / "… 14 % de Vinci").  Small
    figures ("two years") and bare years do not count: claims that only share those and
    their names may say opposite things ("Paris beat Lyon in 1998")."""
    if facts.names_matched < 1 or not (facts.figures_matched or facts.figures_conflicting):
        return 0.0
    if (facts.lost_a or facts.extra_fa) and (facts.lost_b or facts.extra_fb):
        return 0.0
    figures = sum(1 for f in facts.figures_matched if specific(f))
    if not figures and not (facts.day_matched and facts.figures_conflicting):
        return 0.0
    conflicting = any(specific(f) for f in facts.figures_conflicting)
    k = (min(facts.names_matched, 3) + 1.5 * figures + facts.day_matched
         + (1.0 if figures else 0.5) * conflicting)
    return 100.0 - 35.0 * 0.5 ** (k - 2)


def _relation(a: Prepared, b: Prepared, facts: Facts, cross: bool) -> str:
    """Which says more: facts first (a name, figure or date the other lacks), then words
    (a clear surplus on one side only; both rewording each other is a paraphrase)."""
    facts_a = bool(facts.lost_a or facts.extra_fa or facts.extra_da)
    facts_b = bool(facts.lost_b or facts.extra_fb or facts.extra_db)
    if facts_a or facts_b:
        more_a, more_b = facts_a, facts_b
    elif not cross:
        # the words of names are left out: a name written out on one side and as an
        # acronym on the other is no surplus
        sa, sb = a.plain_tokens - b.name_word_tokens, b.plain_tokens - a.name_word_tokens
        more_a = len(sa - sb) >= max(3, math.ceil(0.4 * len(sa)))
        more_b = len(sb - sa) >= max(3, math.ceil(0.4 * len(sb)))
        if more_a and more_b:
            more_a = more_b = False
    else:
        more_a = more_b = False
    return ("equal" if not (more_a or more_b) else "overlap" if more_a and more_b
            else "a_contains_b" if more_a else "b_contains_a")
