"""Near-duplicate claims: one verdict per fact, and the same fact with a different figure caught.

Two claims are compared on what they say, not on how:

* their **words**, folded (case, accents), stripped of function words and crudely stemmed,
  compared with rapidfuzz's ``token_set_ratio`` (word order does not matter, and a claim whose
  words all appear in a longer sentence scores 100: containment);
* their **facts**: the normalised figures (``14,3 milliards de dollars`` == ``$14.3bn``), the
  names and the dates that ``facets.extract`` found.  Facts carry across languages, so
  "Meta paid $14.3 billion for a 49% stake in Scale AI" meets the French sentence that says it.

The score (0-100) is the better of the two, then capped when the claims are about different
names (a template: "… à Lyon" against "… à Lille") or different dates.  A figure of the same
unit that differs while everything else matches is a **conflict**.

Kinds, from the score and the two thresholds (see ``HIGH_THRESHOLD``/``LOW_THRESHOLD``):

* ``conflict``: score >= high, a figure differs, neither claim is short;
* ``duplicate``: score >= high, figures agree, neither claim is short;
* ``suggestion``: low <= score < high, or any pair with a short claim (< 8 words).

Blocking keeps it incremental: every claim's keys (stems, name words, figures, years) go into
``dupe_keys`` with their counts in ``dupe_key_counts``; a new claim looks up only its
``BLOCK_KEYS`` rarest keys (each held by at most ``MAX_POSTINGS`` claims), and only the claims
sharing two of them are scored.  The cost of an import is proportional to its claims, not to the
store.  Pairs are written to ``claim_pairs`` in the import's own transaction.

A key held by more than ``MAX_POSTINGS`` claims can never be blocked on again (claims are never
deleted, so counts only grow): from then on it is neither posted in ``dupe_keys`` nor counted
in ``dupe_key_counts`` (its count stays at the first value over ``MAX_POSTINGS``).  Every key
that can still be chosen has all its holders posted, so the pairs found are the same; most word
keys end there, which saves most of the writes.  Each batch reads its key counts and the
postings of its chosen keys in one statement each; pairs that cannot reach ``STORE_FLOOR``
(their words score under it and no fact is shared) are not scored.

This module never imports textual.
"""

from __future__ import annotations

import itertools
import json
import math
import re
import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from ...analysis import facets as facets_mod
from ...errors import StoreError
from ...store import now
from ...text.normalise import fold, stem_prefix
from ...text.words import MATCH_STOP_WORDS
from . import lists as dupe_lists
from .thresholds import (
    BLOCK_KEYS,
    COMMON_SHARE,
    HIGH_THRESHOLD,
    LOW_THRESHOLD,
    MAX_POSTINGS,
    MIN_SHARED,
    PREFILTER,
    SHORT_WORDS,
    STORE_FLOOR,
    Thresholds,
    chunks,
    kind_of,
    thresholds,
)
from .verdicts import flows

# ---------------------------------------------------------------- signatures

_LETTERS = re.compile(r"[^\W\d_]+")
_WORDS = re.compile(r"\w+(?:[’'.,\-]\w+)*")


def word_count(text: str) -> int:
    return len(_WORDS.findall(text))


def _spans(text: str, needles: Iterable[str]) -> list[tuple[int, int]]:
    """Where each needle first occurs without overlapping the ones placed before it."""
    out: list[tuple[int, int]] = []
    for needle in needles:
        if not needle:
            continue
        start = 0
        while True:
            i = text.find(needle, start)
            if i < 0:
                break
            end = i + len(needle)
            for s, e in out:
                if end > s and i < e:
                    break
            else:
                out.append((i, end))
                break
            start = i + 1
    return out


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with these spans blanked out (a space in between what is left: the same
    words as blanking character by character, since folding never joins across a space)."""
    if not spans:
        return text
    pieces, at = [], 0
    for s, e in sorted(spans):
        pieces.append(text[at:s])
        at = e
    pieces.append(text[at:])
    return " ".join(pieces)


# folded word -> its stem, or "" for a function word or one of two letters or fewer; words
# recur from claim to claim, and the dict is emptied when it gets big
_STEM_OF: dict[str, str] = {}
_STEM_OF_MAX = 200_000


def _content_stems(folded: str) -> list[str]:
    """The stems of the content words of a folded text."""
    cache = _STEM_OF
    out = []
    for w in _LETTERS.findall(folded):
        s = cache.get(w)
        if s is None:
            if len(cache) >= _STEM_OF_MAX:
                cache.clear()
            s = cache[w] = stem_prefix(w) if len(w) > 2 and w not in MATCH_STOP_WORDS else ""
        if s:
            out.append(s)
    return out


def signature(text: str, facets: dict | None, lang: str | None = None) -> dict:
    """What a claim says, in the compact form that is stored and compared.

    ``w`` word count, ``l`` language, ``t`` stems of the content words (names, figures and
    dates taken out), ``n`` names as lists of folded words, ``f`` figures as
    ``[unit, value, text]``, ``d`` absolute dates (ISO prefixes).
    """
    facets = facets if facets is not None else facets_mod.extract(text, lang or "fr")
    numbers = facets.get("numbers") or []
    dates = facets.get("dates") or []
    names = facets.get("entities") or []
    # who said it and how hedged is not the fact: those words are left out (names stay names)
    said = [facets.get("attribution") or ""] + list(facets.get("hedges") or [])
    blanked = _blank(text, _spans(text, [n["text"] for n in numbers]
                                  + [d["text"] for d in dates] + list(names) + said))
    name_words = []
    for name in names:
        words = _LETTERS.findall(fold(name))
        if words and words not in name_words:
            name_words.append(words)
    figures = []
    for n in numbers:
        value = n.get("value")
        if value is not None and math.isfinite(value := float(value)):
            figures.append([n.get("unit") or "", value, n["text"]])
    return {
        "w": word_count(text),
        "l": lang or "",
        "t": _content_stems(fold(blanked)),
        "n": name_words,
        "f": figures,
        "d": sorted({d["value"] for d in dates if d.get("value") and not d.get("relative")}),
    }


def _figure_keys(sig: dict) -> list[str]:
    return [f"f:{unit}:{value:.6g}" for unit, value, _ in sig["f"]]


def keys_of(sig: dict) -> set[str]:
    """The blocking keys of a signature."""
    keys = {"t:" + s for s in sig["t"] if len(s) >= 3}
    facts = sig.get("_facts")  # a prepared signature has its figure keys already
    keys.update(facts[0] if facts is not None else _figure_keys(sig))
    for d in sig["d"]:
        if d[:4].isdigit():
            keys.add("d:" + d[:4])
    # a name with a kind of figure: two claims giving the same name a percentage share it,
    # whatever the percentage (that is how conflicts meet)
    if sig["n"]:
        units = {unit for unit, _, _ in sig["f"]}
        for name in sig["n"]:
            keys.update(["n:" + w for w in name if len(w) >= 2])
            if units:
                joined = "".join(name)
                keys.update([f"u:{joined}:{unit}" for unit in units])
    return keys


def _text_of(sig: dict) -> str:
    return " ".join(sig["t"] + [w for name in sig["n"] for w in name])


def _prepared(sig: dict) -> dict:
    """A signature with what comparing needs computed once (kept out of the stored JSON).

    ``_names`` pairs each name's words with their stems, ``_name_sets`` holds each name's
    words as a set (a name found as such on the other side needs no closer look),
    ``_facts`` the figure keys and the name words (a pair sharing both is always scored).
    """
    if "_text" not in sig:
        names = sig["n"]
        sig["_text"] = _text_of(sig)
        sig["_stems"] = set(sig["t"])
        sig["_names"] = [(frozenset(words), frozenset(stem_prefix(w) for w in words if len(w) > 2))
                         for words in names]
        sig["_name_sets"] = {words for words, _ in sig["_names"]}
        sig["_facts"] = (set(_figure_keys(sig)), {w for words in names for w in words})
    return sig


# ---------------------------------------------------------------- comparing two claims

@dataclass
class Match:
    score: int
    conflicts: list[dict]     # [{"a": figure text in a, "b": figure text in b}]
    relation: str             # equal | a_contains_b | b_contains_a | overlap
    short: bool


def _same_value(x: float, y: float) -> bool:
    return abs(x - y) <= 1e-6 * max(abs(x), abs(y), 1.0)


def _align_figures(fa: list, fb: list) -> tuple[int, list[dict], int, int]:
    """(matched, conflicts, figures only a has, figures only b has), unit by unit."""
    if not fa or not fb:
        return 0, [], len(fa), len(fb)
    if len(fa) == 1 and len(fb) == 1:  # the common case, as the general one below does it
        (ua, va, xa), (ub, vb, xb) = fa[0], fb[0]
        if (ua == ub or not ua or not ub) and _same_value(va, vb):
            return 1, [], 0, 0
        if ua == ub:
            return 0, [{"a": xa, "b": xb}], 0, 0
        return 0, [], 1, 1
    matched, conflicts, extra_a, extra_b = 0, [], 0, 0
    # a bare number meets the same value with a unit ("3 650" emplois, "3 650 salariés")
    fa, fb = list(fa), list(fb)
    for f in [f for f in fa if not f[0]]:
        hit = next((g for g in fb if _same_value(f[1], g[1])), None)
        if hit is not None:
            fa.remove(f)
            fb.remove(hit)
            matched += 1
    for g in [g for g in fb if not g[0]]:
        hit = next((f for f in fa if _same_value(f[1], g[1])), None)
        if hit is not None:
            fa.remove(hit)
            fb.remove(g)
            matched += 1
    units = list(dict.fromkeys([f[0] for f in fa] + [f[0] for f in fb]))
    for unit in units:
        left = [f for f in fa if f[0] == unit]
        right = [f for f in fb if f[0] == unit]
        rest_left = []
        for f in left:
            hit = next((i for i, g in enumerate(right) if _same_value(f[1], g[1])), None)
            if hit is None:
                rest_left.append(f)
            else:
                matched += 1
                right.pop(hit)
        for f, g in zip(rest_left, right):
            conflicts.append({"a": f[2], "b": g[2]})
        n = min(len(rest_left), len(right))
        extra_a += len(rest_left) - n
        extra_b += len(right) - n
    return matched, conflicts, extra_a, extra_b


def _lost_names(a: dict, b: dict) -> int:
    """How many of a's names b lacks.  A name is found as the same name, as one with more
    or fewer words, or as all its stems among b's words."""
    their_sets = b["_name_sets"]
    if a["_name_sets"] <= their_sets:
        return 0  # no name, or every one found as such (the common case)
    their_words, their_stems, their_names = b["_facts"][1], b["_stems"], b["_names"]
    lost = 0
    for words, stems in a["_names"]:
        if words in their_sets or stems and stems <= their_stems:
            continue
        if (not words or not words.isdisjoint(their_words)) and any(  # else none can match
                words <= theirs or theirs <= words for theirs, _ in their_names):
            continue
        lost += 1
    return lost


def _dates_compatible(x: str, y: str) -> bool:
    return x.startswith(y) or y.startswith(x)


def compare(a: dict, b: dict) -> Match:
    """Score two signatures (see the module docstring)."""
    return _compare(_prepared(a), _prepared(b))


def _compare(a: dict, b: dict, text: float | None = None, floor: int = 0,
             min_text: float = 0) -> Match | None:
    """compare() on prepared signatures; ``text`` is their token_set_ratio when known.

    With a ``floor``, None as soon as the score is sure to be under it: the caps (different
    dates, different names) are looked at before the words, the figures only when the
    score can reach it.  With ``min_text``, None when the words score under it.  Any pair
    it keeps gets exactly what compare() gives.
    """
    da, db = a["d"], b["d"]
    if da == db:  # the common case: none, or the same
        date_clash = extra_da = extra_db = False
        dates_matched = bool(da)
    else:
        dates_matched = any(_dates_compatible(x, y) for x in da for y in db)
        date_clash = bool(da and db) and not dates_matched
        if date_clash and floor > 45:
            return None  # capped at 45 below
        extra_da = any(not any(_dates_compatible(x, y) for y in db) for x in da)
        extra_db = any(not any(_dates_compatible(x, y) for x in da) for y in db)
    lost_a = _lost_names(a, b)
    lost_b = _lost_names(b, a)
    if lost_a and lost_b and floor > 40:
        return None  # capped at 40 below
    if text is None:
        ta, tb = a["_text"], b["_text"]
        text = fuzz.token_set_ratio(ta, tb, score_cutoff=min_text) if ta and tb else 0.0
    if text < min_text:
        return None

    # Facts: every fact of one side (names, figures) is found on the other, and they share
    # at least a name and a figure: 2 shared facts score 65, 3 score 82.5, 4 score 91…
    # A differing figure counts for half a shared one, an agreeing date for one.
    names_matched = min(len(a["n"]) - lost_a, len(b["n"]) - lost_b)
    fa, fb = a["f"], b["f"]
    if text < floor - 0.5 and not (
            names_matched >= 1 and any(_same_value(f[1], g[1]) for f in fa for g in fb)):
        return None  # no figure in common, so no fact scores: the words alone, under the floor
    matched_figs, conflicts, extra_fa, extra_fb = _align_figures(fa, fb)
    fact = 0.0
    covered_a = not lost_a and not extra_fa
    covered_b = not lost_b and not extra_fb
    if (covered_a or covered_b) and names_matched >= 1 and matched_figs >= 1:
        k = names_matched + matched_figs + 0.5 * len(conflicts) + dates_matched
        fact = 100.0 - 35.0 * 0.5 ** (k - 2)
    score = max(text, fact)
    if fact and text > 60:
        score = min(100.0, score + (text - 60) / 4)  # the words agree too
    if lost_a and lost_b:
        score = min(score, 40.0)  # about different names: a template, not the same fact
    if date_clash:
        score = min(score, 45.0)  # a different date: another fact (or a series)
        conflicts = []
    score = int(round(score))
    if score < floor:
        return None

    same_lang = a["l"] == b["l"] or not a["l"] or not b["l"]

    # Which says more: facts first (a name, figure or date the other lacks), then words
    # (a clear surplus on one side only; both rewording each other is a paraphrase).
    facts_a = bool(lost_a or extra_fa or extra_da)
    facts_b = bool(lost_b or extra_fb or extra_db)
    if facts_a or facts_b:
        more_a, more_b = facts_a, facts_b
    elif same_lang:
        sa, sb = a["_stems"], b["_stems"]
        more_a = len(sa - sb) >= max(3, math.ceil(0.4 * len(sa)))
        more_b = len(sb - sa) >= max(3, math.ceil(0.4 * len(sb)))
        if more_a and more_b:
            more_a = more_b = False
    else:
        more_a = more_b = False
    relation = ("equal" if not (more_a or more_b) else "overlap" if more_a and more_b
                else "a_contains_b" if more_a else "b_contains_a")
    short = a["w"] < SHORT_WORDS or b["w"] < SHORT_WORDS
    return Match(score, conflicts, relation, short)


def compare_texts(text_a: str, text_b: str, lang_a: str = "fr", lang_b: str | None = None
                  ) -> dict:
    """Compare two bare texts (facets extracted here): the pair as `find_pairs` shows it."""
    lang_b = lang_b or lang_a
    sig_a = signature(text_a, facets_mod.extract(text_a, lang_a, facets_mod.lower_vocabulary(text_a)),
                      lang_a)
    sig_b = signature(text_b, facets_mod.extract(text_b, lang_b, facets_mod.lower_vocabulary(text_b)),
                      lang_b)
    m = compare(sig_a, sig_b)
    t = Thresholds(HIGH_THRESHOLD, LOW_THRESHOLD)
    return {"score": m.score, "kind": kind_of(m.score, m.conflicts, m.short, t),
            "conflicts": m.conflicts, "relation": m.relation, "short": m.short}


# ---------------------------------------------------------------- the index

_TOTAL = "#claims"  # in dupe_key_counts: how many claims are indexed (never a claim's key)
# the stored JSON of a signature (one encoder, not one per claim; the same text as json.dumps)
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_ENCODE_CONFLICTS = json.JSONEncoder(ensure_ascii=False).encode  # as claim_pairs has them


def index_article(conn: sqlite3.Connection, article_id: int,
                  claims: Sequence[tuple[str, str, str | None]] | None = None) -> int:
    """Index a newly imported article's claims and record their pairs; returns pairs written.

    Meant to run in a transaction of the store's connection ``conn``, right after the
    import. ``claims``, when the import hands them over, are the article's claims in order
    as (text, facets JSON, language): what would otherwise be read back from the store.
    """
    rows = conn.execute(
        "SELECT id, seq FROM claims WHERE article_id = ? AND id NOT IN"
        " (SELECT claim_id FROM dupe_claims) ORDER BY seq", (article_id,)).fetchall()
    if claims is None:
        return index_claims(conn, [cid for cid, _ in rows])
    return _index(conn, {cid: _signature_of(*claims[seq - 1]) for cid, seq in rows}, None)


# Decoded signatures, by their stored JSON (so never stale, whatever changed in the store):
# an import meets again the claims the previous imports of the same process met, and the
# claims it indexes itself go in as they are written.
_DECODED: dict[str, dict] = {}
_DECODED_MAX = 20_000


def _remember(raw: str, sig: dict) -> dict:
    if len(_DECODED) >= _DECODED_MAX:
        for stale in list(itertools.islice(_DECODED, _DECODED_MAX // 2)):
            del _DECODED[stale]
    _DECODED[raw] = sig
    return sig


def _decoded(raw: str) -> dict:
    sig = _DECODED.get(raw)
    if sig is None:
        sig = _remember(raw, _prepared(json.loads(raw)))
    return sig


def _key_counts(conn: sqlite3.Connection, keys: Sequence[str]) -> dict[str, int]:
    """dupe_key_counts for these keys (absent ones left out), in one statement."""
    return dict(conn.execute(
        "SELECT key, n FROM dupe_key_counts WHERE key IN (SELECT value FROM json_each(?))",
        (json.dumps(list(keys), ensure_ascii=False),)).fetchall())


def index_claims(conn: sqlite3.Connection, claim_ids: Sequence[int],
                 sig_cache: dict | None = None) -> int:
    """Index these (not yet indexed) claims and score them against everything indexed.

    Cost: one look-up of the batch's key counts, one of the postings of the keys it blocks
    on (each bounded by MAX_POSTINGS), the writes of its rare keys, and rapidfuzz on the few
    claims that share two rare keys; nothing grows with the size of the store.
    ``sig_cache`` (claim id -> signature) may be shared between calls to save decoding.
    """
    if not claim_ids:
        return 0
    new: dict[int, tuple[str, dict]] = {}
    for chunk in chunks(list(claim_ids)):
        for cid, text, facets_json, lang in conn.execute(
                "SELECT c.id, c.text, c.facets, a.language FROM claims c"
                " JOIN articles a ON a.id = c.article_id"
                f" WHERE c.id IN ({','.join('?' * len(chunk))})", list(chunk)):
            new[cid] = _signature_of(text, facets_json, lang)
    return _index(conn, new, sig_cache)


# Signatures by what they are computed from (claim text, stored facets, language), as
# (stored JSON, prepared signature): a sentence that recurs from article to article (wire
# copy, a quotation, a boilerplate line) is worked out once per process.
_SIGNATURES: dict[tuple[str, str | None, str | None], tuple[str, dict]] = {}
_SIGNATURES_MAX = 10_000


def clear_caches() -> None:
    """Forget what this process worked out (stems, signatures): a cold start, for benchmarks."""
    _STEM_OF.clear()
    _DECODED.clear()
    _SIGNATURES.clear()


def _signature_of(text: str, facets_json: str | None, lang: str | None) -> tuple[str, dict]:
    key = (text, facets_json, lang)
    hit = _SIGNATURES.get(key)
    if hit is None:
        sig = signature(text, json.loads(facets_json) if facets_json else {}, lang)
        raw = _ENCODE(sig)  # before _prepared adds to it
        sig = _DECODED.get(raw) or _remember(raw, _prepared(sig))
        if "_keys" not in sig:
            sig["_keys"] = keys_of(sig)
        if len(_SIGNATURES) >= _SIGNATURES_MAX:
            for stale in list(itertools.islice(_SIGNATURES, _SIGNATURES_MAX // 2)):
                del _SIGNATURES[stale]
        hit = _SIGNATURES[key] = (raw, sig)
    return hit


def _index(conn: sqlite3.Connection, new: dict[int, tuple[str, dict]],
           sig_cache: dict | None) -> int:
    """index_claims() on the new claims' signatures (claim id -> stored JSON, signature)."""

    sigs = {cid: sig for cid, (_raw, sig) in new.items()}
    if sig_cache is not None:
        sig_cache.update(sigs)
    claim_keys = {cid: sig["_keys"] for cid, sig in sigs.items()}
    batch_counts = Counter(k for ks in claim_keys.values() for k in ks)

    # how many claims already hold each key, and how many are indexed: one look-up
    before = _key_counts(conn, [*batch_counts, _TOTAL])
    total = before.pop(_TOTAL, 0) + len(sigs)
    cap = min(MAX_POSTINGS, max(20, int(total * COMMON_SHARE)))
    # A key already held by more than MAX_POSTINGS claims can never be blocked on again
    # (claims are never deleted, so counts only grow): it is neither posted nor counted
    # any more.  Most word keys end there, and that saves most of the writes.
    df = {k: before.get(k, 0) + n for k, n in batch_counts.items()
          if before.get(k, 0) <= MAX_POSTINGS}

    # the rarest keys of each new claim
    # keys only this claim holds lead nowhere; facts (names, figures) before words
    rank = {k: (k[0] == "t", n, k) for k, n in df.items() if 2 <= n <= cap}
    chosen: dict[int, list[str]] = {}
    wanted: set[str] = set()
    for cid, ks in claim_keys.items():
        usable = sorted(ks & rank.keys(), key=rank.__getitem__)[:BLOCK_KEYS]
        chosen[cid] = usable
        wanted.update(usable)
    # who holds them: the store (read before this batch is written), then the batch itself
    postings: dict[str, list[int]] = {}
    if wanted:
        held = sorted(k for k in wanted if k in before)  # the others are the batch's alone
        if held:
            for key, cid in conn.execute(
                    "SELECT key, claim_id FROM dupe_keys"
                    " WHERE key IN (SELECT value FROM json_each(?))",
                    (json.dumps(held, ensure_ascii=False),)):
                postings.setdefault(key, []).append(cid)
        for cid, ks in claim_keys.items():
            for k in ks & wanted:
                postings.setdefault(k, []).append(cid)

    conn.executemany("INSERT OR REPLACE INTO dupe_claims (claim_id, signature) VALUES (?, ?)",
                     [(cid, raw) for cid, (raw, _sig) in new.items()])
    conn.executemany("INSERT OR IGNORE INTO dupe_keys (key, claim_id) VALUES (?, ?)",
                     sorted((k, cid) for cid, ks in claim_keys.items() for k in ks if k in df))
    conn.executemany(
        "INSERT INTO dupe_key_counts (key, n) VALUES (?, ?)"
        " ON CONFLICT(key) DO UPDATE SET n = n + excluded.n",
        sorted([*((k, batch_counts[k]) for k in df), (_TOTAL, len(sigs))]))

    # candidates: claims sharing at least MIN_SHARED of the chosen keys
    candidates: dict[int, list[int]] = {}
    need: set[int] = set()
    for cid, usable in chosen.items():
        if not usable:
            continue
        shared = Counter(itertools.chain.from_iterable(postings.get(k, ()) for k in usable))
        shared.pop(cid, None)
        floor = min(MIN_SHARED, len(usable))
        others = [o for o, n in shared.items() if n >= floor
                  and not (o in sigs and o < cid)]  # a pair inside the batch: once
        if others:
            candidates[cid] = others
            need.update(o for o in others if o not in sigs)
    theirs_by_id: dict[int, dict] = {}
    if sig_cache is not None:
        for o in need:
            sig = sig_cache.get(o)
            if sig is not None:
                theirs_by_id[o] = sig
        need.difference_update(theirs_by_id)
    if need:
        for chunk in chunks(sorted(need), 5000):
            for cid, raw in conn.execute(
                    "SELECT claim_id, signature FROM dupe_claims"
                    " WHERE claim_id IN (SELECT value FROM json_each(?))",
                    (json.dumps(list(chunk)),)):
                theirs_by_id[cid] = _decoded(raw)
        if sig_cache is not None:
            sig_cache.update((o, theirs_by_id[o]) for o in need if o in theirs_by_id)

    found_at = now()
    rows = []
    for cid, others in candidates.items():
        mine = sigs[cid]
        figs, names = mine["_facts"]
        for other in others:
            theirs = sigs.get(other) or theirs_by_id.get(other)
            if theirs is None:
                continue
            a, b, sa, sb = (cid, other, mine, theirs) if cid < other else (other, cid, theirs, mine)
            their_figs, their_names = theirs["_facts"]
            # a candidate sharing no figure and name must have close words to be scored
            shares = not figs.isdisjoint(their_figs) and not names.isdisjoint(their_names)
            m = _compare(sa, sb, floor=STORE_FLOOR, min_text=0 if shares else PREFILTER)
            if m is not None:
                rows.append((a, b, m.score, _ENCODE_CONFLICTS(m.conflicts) if m.conflicts
                             else "[]", m.relation, int(m.short), found_at))
    rows.sort()
    conn.executemany(
        "INSERT OR REPLACE INTO claim_pairs (a, b, score, conflicts, relation, short, found_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    if rows:  # the export's lists of both claims of each pair, in the same transaction

        dupe_lists.refresh(conn)
    return len(rows)


# meta keys 'dupes.pending:<article id>': written with an import's claims, deleted in the
# transaction that indexes them, so a crash in between leaves a note to finish the job
PENDING = "dupes.pending:"
_PENDING_RANGE = "key >= 'dupes.pending:' AND key < 'dupes.pending;'"


def ensure_indexed(store) -> int:
    """Index the claims no import indexed: older ones, or an import cut short after its
    claims were in. Cheap when there are none (a few index lookups)."""
    conn = store.conn
    with store.lock:
        backfilled = conn.execute(
            "SELECT 1 FROM meta WHERE key = 'dupes.backfilled'").fetchone()
        if backfilled:
            # every import indexes its own claims or leaves a note that it did not, so once
            # the older claims are done, the notes and the newest id tell it all
            missing = conn.execute(
                f"SELECT EXISTS (SELECT 1 FROM meta WHERE {_PENDING_RANGE})"
                " OR coalesce((SELECT max(id) FROM claims), 0)"
                " > coalesce((SELECT max(claim_id) FROM dupe_claims), 0)").fetchone()[0]
        else:
            missing = conn.execute(
                "SELECT (SELECT count(*) FROM claims) - (SELECT count(*) FROM dupe_claims)"
            ).fetchone()[0]
    if getattr(store, "readonly", False):
        return 0
    if not missing:
        if not backfilled:
            with store.transaction() as conn:
                conn.execute("INSERT OR IGNORE INTO meta(key, value)"
                             " VALUES ('dupes.backfilled', '1')")
        return 0
    written = 0
    with store.transaction() as conn:
        ids = [r[0] for r in conn.execute(
            "SELECT id FROM claims WHERE id NOT IN (SELECT claim_id FROM dupe_claims)"
            " ORDER BY id")]
        cache: dict[int, dict] = {}
        for chunk in chunks(ids, 2000):
            written += index_claims(conn, chunk, cache)
        conn.execute(f"DELETE FROM meta WHERE {_PENDING_RANGE}")
    return written


# ---------------------------------------------------------------- reading pairs

def _pair_rows(store, where: str = "", params: Sequence = ()) -> list[tuple]:
    with store.lock:
        return store.conn.execute(
            "SELECT a, b, score, conflicts, relation, short FROM claim_pairs"
            + (f" WHERE {where}" if where else "") + " ORDER BY a, b", list(params)).fetchall()


def _check_threshold(threshold) -> int | None:
    if threshold is None:
        return None

    try:
        value = float(threshold)
    except (TypeError, ValueError):
        raise StoreError(f"threshold {threshold!r} is not a number from 0 to 100") from None
    if not 0 <= value <= 100:
        raise StoreError(f"threshold {threshold!r} is not a number from 0 to 100")
    return int(math.ceil(value))


_ORDER = {"conflict": 0, "duplicate": 1, "suggestion": 2}


def find_pairs(store, article_id: int | None = None, threshold: float | None = None
               ) -> list[dict]:
    """Near-duplicate pairs, conflicts first, then by score.

    Each: ``{"a", "b", "score", "kind", "conflicts"}`` with a < b.  ``article_id`` keeps the
    pairs that touch that article; ``threshold`` replaces the low threshold (pairs under
    STORE_FLOOR are never kept, so a threshold below it lists no more).
    """
    ensure_indexed(store)
    t = thresholds(store.conn)
    low = _check_threshold(threshold)
    if low is not None:
        t = Thresholds(high=max(t.high, low), low=low)
    if article_id is not None:
        store.article(article_id)  # NotFound for a bad id
        rows = _pair_rows(
            store, "a IN (SELECT id FROM claims WHERE article_id = ?)"
                   " OR b IN (SELECT id FROM claims WHERE article_id = ?)",
            (article_id, article_id))
    else:
        rows = _pair_rows(store)
    out = []
    for a, b, score, conflicts_json, _relation, short in rows:
        conflicts = json.loads(conflicts_json)
        kind = kind_of(score, conflicts, bool(short), t)
        if kind is None:
            continue
        out.append({"a": a, "b": b, "score": score, "kind": kind, "conflicts": conflicts})
    out.sort(key=lambda p: (_ORDER[p["kind"]], -p["score"], p["a"], p["b"]))
    return out


def _flip(conflicts: list[dict]) -> list[dict]:
    return [{"a": c["b"], "b": c["a"]} for c in conflicts]


def _relation_from(claim_id: int, a: int, relation: str) -> str:
    """The relation seen from claim_id: equal | contains | contained | overlap."""
    if relation in ("equal", "overlap"):
        return relation
    mine_contains = (relation == "a_contains_b") == (claim_id == a)
    return "contains" if mine_contains else "contained"


def _pairs_of(store, claim_ids: Sequence[int]) -> dict[int, list[dict]]:
    """Every kept pair of these claims that is listed under the thresholds in force."""
    t = thresholds(store.conn)
    out: dict[int, list[dict]] = {cid: [] for cid in claim_ids}
    seen: set[tuple[int, int]] = set()
    for chunk in chunks(list(dict.fromkeys(claim_ids))):
        marks = ",".join("?" * len(chunk))
        rows = _pair_rows(store, f"a IN ({marks}) OR b IN ({marks})", list(chunk) * 2)
        for a, b, score, conflicts_json, relation, short in rows:
            if score < t.low:
                continue
            conflicts = json.loads(conflicts_json) if conflicts_json != "[]" else []
            kind = kind_of(score, conflicts, bool(short), t)
            for me, other in ((a, b), (b, a)):
                if me in out and (me, other) not in seen:
                    seen.add((me, other))
                    out[me].append({
                        "claim_id": other, "kind": kind, "score": score,
                        "conflicts": conflicts if me == a else _flip(conflicts),
                        "relation": _relation_from(me, a, relation),
                    })
    for pairs in out.values():
        pairs.sort(key=lambda p: (_ORDER[p["kind"]], -p["score"], p["claim_id"]))
    return out


def claims_by_id(store, ids: Iterable[int]) -> dict[int, dict]:
    out: dict[int, dict] = {}
    ids = list(dict.fromkeys(ids))
    for chunk in chunks(ids):
        with store.lock:
            rows = store.conn.execute(
                "SELECT c.id, c.article_id, c.seq, c.text, c.status, c.version, a.title"
                " FROM claims c JOIN articles a ON a.id = c.article_id"
                f" WHERE c.id IN ({','.join('?' * len(chunk))})", list(chunk)).fetchall()
        for cid, art, seq, text, status, version, title in rows:
            out[cid] = {"id": cid, "article_id": art, "seq": seq, "text": text,
                        "status": status, "version": version, "article_title": title}
    return out


def last_decisions(store, ids: Iterable[int]) -> dict[int, dict]:
    """The status event that set each claim's current verdict: who, when, note."""
    out: dict[int, dict] = {}
    ids = list(dict.fromkeys(ids))
    for chunk in chunks(ids):
        with store.lock:
            rows = store.conn.execute(
                "SELECT e.claim_id, e.at, e.editor, e.note, e.details FROM events e"
                " JOIN (SELECT claim_id, max(id) AS id FROM events WHERE action IN"
                " ('status', 'undo') AND claim_id IN"
                f" ({','.join('?' * len(chunk))}) GROUP BY claim_id) last ON last.id = e.id",
                list(chunk)).fetchall()
        for cid, at, editor, note, details in rows:
            out[cid] = {"at": at, "editor": editor, "note": note,
                        "details": json.loads(details) if details else None}
    return out


def duplicates_of(store, claim_id: int, index: bool = True) -> list[dict]:
    """The claims that say the same as this one (or conflict with it), for the desk.

    Each: ``claim_id`` (the other), ``kind``, ``score``, ``conflicts`` (``a`` = the figure in
    this claim, ``b`` = in the other), ``relation`` (``equal``, ``contains``: this claim says
    more, ``contained``: the other says more, ``overlap``), ``flows`` (whether
    ``mark_with_duplicates`` on this claim would carry a verified verdict to it), the other's
    ``status``, ``text``, ``article_id``, ``article_title``, ``seq``, ``version``, and
    ``decided_by``/``decided_at``/``decided_note`` when it is verified or disputed.
    ``index=False`` only reads: the claims not indexed yet are left for later (the desk
    asks from its screen's thread, which must never write or wait on a lock).
    """
    store.claim(claim_id)  # NotFound for a bad id
    if index:
        ensure_indexed(store)
    pairs = _pairs_of(store, [claim_id])[claim_id]
    claims = claims_by_id(store, [p["claim_id"] for p in pairs])
    decided = last_decisions(store, [c for c, row in claims.items()
                                      if row["status"] != "pending"])
    out = []
    for p in pairs:
        other = claims.get(p["claim_id"])
        if other is None:
            continue
        entry = dict(p)
        entry["flows"] = flows(p, "verified")
        entry.update({k: other[k] for k in ("status", "text", "article_id", "article_title",
                                            "seq", "version")})
        d = decided.get(p["claim_id"])
        entry["decided_by"] = d["editor"] if d and other["status"] != "pending" else None
        entry["decided_at"] = d["at"] if d and other["status"] != "pending" else None
        entry["decided_note"] = d["note"] if d and other["status"] != "pending" else None
        out.append(entry)
    return out


def duplicates_for_export(store, claim_ids: Sequence[int]) -> dict[int, list[dict]]:
    """For the export's per-claim ``duplicates`` key: every asked id, maybe with []."""
    ensure_indexed(store)
    pairs = _pairs_of(store, list(claim_ids))
    others = {p["claim_id"] for ps in pairs.values() for p in ps}
    claims = claims_by_id(store, others)
    out: dict[int, list[dict]] = {}
    for cid, ps in pairs.items():
        out[cid] = [{"id": p["claim_id"], "kind": p["kind"], "score": p["score"],
                     "conflicts": p["conflicts"], "relation": p["relation"],
                     "status": claims[p["claim_id"]]["status"]}
                    for p in ps if p["claim_id"] in claims]
    return out
