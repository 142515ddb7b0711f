"""Which sources bear on a claim, and why: ranked suggestions with their evidence.

Candidates come from the full-text index (``sources_fts``): one OR query built
from what is distinctive in the claim (names, the digits of its figures, the
stems of its long words, which cross languages as cognates do), the best ~100
by bm25.  Only those are rescored, on four things:

* names the source shares with the claim (folded with ``facets.normalise_name``,
  rarer names weigh more);
* figures: the same quantity in any notation or language matches ("14,3
  milliards de dollars" == "$14.3 billion"); a different value of the same kind
  of quantity, in a sentence about the same names, conflicts ("$14.8 billion");
* words, compared by stem with rapidfuzz so that "frustré" meets "frustrated";
* the bm25 rank itself.

Each suggestion says what it found: ``numbers_matched``,
``numbers_conflicting`` and ``entities_matched`` (a suggestion whose
``numbers_conflicting`` is not empty contradicts a figure of the claim: the desk counts
them).

Only sources that **bear on** the claim are suggested: one that gives a figure of the
claim (the same value or another one of the same kind), or names someone or something
of the claim that not every source names (at most half of them: "Meta" in a store about
Meta says nothing), or covers at least half of the claim's words.  A claim that no source
bears on gets no suggestion, rather than the least unrelated pages.  A source that
contradicts a figure of the claim is ranked among the first: right after the best source,
with ``CONFLICT_BONUS`` added to its score; it is what the editor must see.
"""

from __future__ import annotations

import math
import re
import sqlite3
import threading
import weakref
from collections import OrderedDict
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from ...analysis import facets
from ...analysis.segment import segment
from ...store import Store
from ...text.language import detect_language
from ...text.normalise import fold_words
from ...text.words import SOURCE_STOP_WORDS
from .repo import get_sources

CANDIDATES = 100
REL_TOLERANCE = 0.01  # figures within 1% are the same figure
CONFLICT_RATIO = 4.0  # a rival value is within this factor of the claim's
NEAR_NAME_CHARS = 100  # a name this close to a figure in the claim is what the figure is about
WEIGHTS = {"entities": 0.35, "numbers": 0.30, "words": 0.25, "rank": 0.10}
WORDS_FLOOR = 0.5        # a source covering this share of the claim's words bears on it
DISTINCTIVE_SHARE = 0.5  # a name in at most this share of the sources tells them apart…
SMALL_STORE = 4          # …in a store of this many sources or fewer, every name does
CONFLICT_BONUS = 0.3     # added to the score of a source that contradicts a figure



# ---------------------------------------------------------------- text helpers

def _stems(folded: str) -> list[str]:
    seen: dict[str, None] = {}
    for w in folded.split():
        if len(w) >= 4 and not w.isdigit() and w not in SOURCE_STOP_WORDS and not w[0].isdigit():
            seen.setdefault(w[:7], None)
    return list(seen)


def _fts_string(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _close(a: float, b: float) -> bool:
    if a == b:
        return True
    return abs(a - b) <= REL_TOLERANCE * max(abs(a), abs(b))


def _mantissas(value: float) -> list[str]:
    """How a figure's number may be written: 14.3e9 -> '14 3' (14.3 / 14,3 billion), '14300'."""
    out: list[str] = []
    for scale in (1.0, 1e3, 1e6, 1e9, 1e12):
        m = value / scale
        if not (1 <= m < 100000) and not (scale == 1.0 and m > 0):
            continue
        if abs(m - round(m)) < 1e-9:
            digits = str(int(round(m)))
        else:
            digits = f"{m:.2f}".rstrip("0").rstrip(".")
            if abs(float(digits) - m) > 1e-6 * max(1.0, m):
                continue
        if len(digits.replace(".", "")) > 12:
            continue
        out.append(digits.replace(".", " "))
        if "." not in digits and len(digits) > 3:  # 1 500 / 1,500
            head = len(digits) % 3 or 3
            groups = [digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)]
            out.append(" ".join(groups))
    return list(dict.fromkeys(out))


# ---------------------------------------------------------------- profiles

@dataclass
class _Name:
    text: str  # as written in the claim
    tokens: tuple[str, ...]  # folded
    norm: str  # facets.normalise_name
    start: int = -1
    end: int = -1


@dataclass
class _ClaimProfile:
    text: str
    lang: str
    numbers: list[dict]  # facets numbers, with "start"/"end" found in the text
    names: list[_Name]
    stems: list[str]
    folded: str
    quotes: list[str] = field(default_factory=list)  # folded quoted phrases


class _SourceProfile:
    """What the ranking needs of a source; figures and sentences only when asked for."""

    __slots__ = ("text", "lang", "folded_padded", "token_set", "stems", "stem_set",
                 "_figures", "_sentences", "_sentence_folds")

    def __init__(self, source: dict):
        self.text = _source_text(source)
        hint = source.get("language") or ""
        # the language of the text itself decides how "1,500" or "billion" read
        self.lang = detect_language(self.text, default=hint[:2] if hint[:2] in ("fr", "en")
                                    else "en")
        with_url = f"{fold_words(self.text)} {fold_words(_url_words(source.get('url')))}".strip()
        self.folded_padded = f" {with_url} "
        self.token_set = frozenset(with_url.split())
        self.stems = _stems(with_url)
        self.stem_set = frozenset(self.stems)
        self._figures: list[facets.Figure] | None = None
        self._sentences: list[tuple[int, int]] | None = None
        self._sentence_folds: dict[int, str] = {}

    @property
    def figures(self) -> list[facets.Figure]:
        if self._figures is None:
            dates = facets.extract_dates(self.text)
            self._figures = facets.extract_figures(
                self.text, self.lang,
                masked=[(d["start"], d["end"]) for d in dates if not d["relative"]])
        return self._figures

    def sentence_at(self, pos: int) -> str:
        """The folded sentence around a position, padded with spaces."""
        if self._sentences is None:
            self._sentences = segment(self.text) if self.text else []
        for i, (a, b) in enumerate(self._sentences):
            if a <= pos < b:
                if i not in self._sentence_folds:
                    self._sentence_folds[i] = f" {fold_words(self.text[a:b])} "
                return self._sentence_folds[i]
        return self.folded_padded


def _name(text: str) -> _Name | None:
    tokens = tuple(fold_words(text).split())
    if not tokens:
        return None
    return _Name(text=text, tokens=tokens, norm=facets.normalise_name(text))


def _claim_profile(claim: dict, lang: str | None) -> _ClaimProfile:
    text = claim["text"]
    f = claim.get("facets") or {}
    lang = lang if lang in ("fr", "en") else detect_language(text)
    numbers = []
    cursor = 0
    for n in f.get("numbers", []):
        if not isinstance(n, dict) or n.get("value") is None:
            continue
        at = text.find(n.get("text", ""), cursor) if n.get("text") else -1
        if at < 0 and n.get("text"):
            at = text.find(n["text"])
        item = dict(n)
        item["start"], item["end"] = (at, at + len(n["text"])) if at >= 0 else (-1, -1)
        if at >= 0:
            cursor = at + len(n["text"])
        numbers.append(item)
    names = []
    seen = set()
    for e in f.get("entities", []):
        nm = _name(e) if isinstance(e, str) else None
        if nm is None or nm.norm in seen:
            continue
        seen.add(nm.norm)
        at = text.find(e)
        if at >= 0:
            nm.start, nm.end = at, at + len(e)
        names.append(nm)
    folded = fold_words(text)
    quotes = [q for q in (fold_words(next(g for g in m.groups() if g)) for m in _QUOTE.finditer(text))
              if len(q) >= 4]
    return _ClaimProfile(text=text, lang=lang, numbers=numbers, names=names,
                         stems=_stems(folded), folded=folded, quotes=quotes)


_QUOTE = re.compile(r"«\s*([^«»]{2,120}?)\s*»|“([^“”]{2,120}?)”|\"([^\"]{2,120}?)\"")


_CACHE: OrderedDict[tuple[str, str], _SourceProfile] = OrderedDict()
_CACHE_MAX = 20000
_CACHE_LOCK = threading.Lock()


def _source_text(source: dict) -> str:
    parts = [source.get("title") or "", source.get("text") or ""]
    return ".\n".join(p.strip() for p in parts if p and p.strip())


def _url_words(url: str | None) -> str:
    """The words of a URL's path (slugs often carry the headline)."""
    if not url:
        return ""
    path = re.sub(r"^https?://[^/]+", "", url)
    return " ".join(re.findall(r"[^\W\d_]{3,}", path))


def _source_profile(source: dict) -> _SourceProfile:
    key = (source.get("url") or "", _source_text(source), source.get("language") or "")
    with _CACHE_LOCK:
        hit = _CACHE.get(key)
        if hit is not None:
            _CACHE.move_to_end(key)
            return hit
    profile = _SourceProfile(source)
    with _CACHE_LOCK:
        _CACHE[key] = profile
        if len(_CACHE) > _CACHE_MAX:
            _CACHE.popitem(last=False)
    return profile


# ---------------------------------------------------------------- matching

def _name_credit(name: _Name, padded: str, tokens: frozenset[str]) -> tuple[float, str | None]:
    """(credit, what matched) for a claim name in a folded text.

    The whole name, or the name written as one word (normalise_name: "ScaleAI", "scale-ai"),
    counts fully; a person's family name alone counts in part.
    """
    if f" {' '.join(name.tokens)} " in padded or (name.norm and name.norm in tokens):
        return 1.0, name.text
    if len(name.tokens) > 1:
        last = name.tokens[-1]
        if len(last) >= 4 and last in tokens:
            words = name.text.split()
            return 0.6, words[-1] if words else name.text
    return 0.0, None


def _names_near(claim: _ClaimProfile, number: dict) -> list[_Name]:
    if number.get("start", -1) < 0:
        return claim.names
    s, e = number["start"], number["end"]
    near = [n for n in claim.names if n.start >= 0
            and min(abs(n.start - e), abs(s - n.end)) <= NEAR_NAME_CHARS]
    return near or claim.names


def _mentions(sentence: str, names: list[_Name]) -> bool:
    tokens = frozenset(sentence.split())
    return any(_name_credit(n, sentence, tokens)[0] > 0 for n in names)


def _numbers(claim: _ClaimProfile, src: _SourceProfile) -> tuple[float, list[dict], list[dict]]:
    """(score 0..1, matched, conflicting) for the claim's figures against a source's."""
    matched: list[dict] = []
    conflicting: list[dict] = []
    if not claim.numbers:
        return 0.0, matched, conflicting
    used: set[int] = set()
    credit = total = 0.0
    pending: list[dict] = []
    for n in claim.numbers:
        value, unit = float(n["value"]), n.get("unit")
        weight = 1.0 if unit else 0.5
        total += weight
        exact = next((i for i, g in enumerate(src.figures)
                      if unit and g.unit == unit and _close(value, g.value)), None)
        if exact is not None:
            used.add(exact)
            matched.append({"claim": n.get("text"), "source": src.figures[exact].text})
            credit += weight
            continue
        weak = next((i for i, g in enumerate(src.figures)
                     if (unit is None) != (g.unit is None) and value >= 10
                     and _close(value, g.value)), None)
        if weak is not None:
            used.add(weak)
            matched.append({"claim": n.get("text"), "source": src.figures[weak].text})
            credit += 0.5 * weight
            continue
        if unit:
            pending.append(n)
    for n in pending:
        value, unit = float(n["value"]), n["unit"]
        names = _names_near(claim, n)
        best, best_gap = None, None
        for i, g in enumerate(src.figures):
            if i in used or g.unit != unit or value <= 0 or g.value <= 0:
                continue
            gap = abs(math.log(g.value / value))
            if gap > math.log(CONFLICT_RATIO):
                continue
            sentence = src.sentence_at(g.start)
            if names and not _mentions(sentence, names):
                continue
            if best_gap is None or gap < best_gap:
                best, best_gap = i, gap
        if best is not None:
            used.add(best)
            conflicting.append({"claim": n.get("text"), "source": src.figures[best].text})
            credit += 0.8
    return (credit / total if total else 0.0), matched, conflicting


def _words(claim: _ClaimProfile, src: _SourceProfile) -> float:
    """Share of the claim's word stems found (fuzzily) in the source, longer words weighing more."""
    if not claim.stems or not src.stems:
        return 0.0
    have = src.stem_set
    got = total = 0.0
    for stem in claim.stems:
        w = len(stem)
        total += w
        if stem in have:
            got += w
            continue
        hit = process.extractOne(stem, src.stems, scorer=fuzz.ratio, score_cutoff=80)
        if hit:
            got += w * hit[1] / 100
    coverage = got / total if total else 0.0
    if not claim.quotes:
        return coverage
    # words the claim quotes are what it is about: a source that quotes them counts double
    quoted = sum(_quote_credit(q, src.folded_padded) for q in claim.quotes) / len(claim.quotes)
    return 0.5 * coverage + 0.5 * quoted


def _quote_credit(quote: str, padded: str) -> float:
    if f" {quote} " in padded:
        return 1.0
    if " " not in quote:
        return 0.0
    score = fuzz.partial_ratio(quote, padded, score_cutoff=75)
    return score / 100 if score else 0.0


def _entities(claim: _ClaimProfile, src: _SourceProfile,
              idf: dict[str, float]) -> tuple[float, list[str]]:
    matched: list[str] = []
    got = total = 0.0
    for name in claim.names:
        w = idf.get(name.norm, 1.0)
        total += w
        credit, what = _name_credit(name, src.folded_padded, src.token_set)
        if credit:
            got += w * credit
            matched.append(what)
    return (got / total if total else 0.0), matched


def _score(claim: _ClaimProfile, src: _SourceProfile, idf: dict[str, float],
           rank: float, distinctive: frozenset[str] | None = None
           ) -> tuple[float, dict, bool]:
    """(score, evidence, whether the source bears on the claim) — ``distinctive``: the
    claim's names (normalised) that tell sources apart; None: all of them."""
    e_score, ents = _entities(claim, src, idf)
    n_score, matched, conflicting = _numbers(claim, src)
    w_score = _words(claim, src)
    weights = dict(WEIGHTS)
    if not claim.numbers:
        weights["numbers"] = 0.0
    if not claim.names:
        weights["entities"] = 0.0
    total = sum(weights.values())
    score = (weights["entities"] * e_score + weights["numbers"] * n_score
             + weights["words"] * w_score + weights["rank"] * rank) / total
    evidence = {"numbers_matched": matched, "numbers_conflicting": conflicting,
                "entities_matched": ents}
    bears = bool(matched or conflicting) or w_score >= WORDS_FLOOR or any(
        (distinctive is None or name.norm in distinctive)
        and _name_credit(name, src.folded_padded, src.token_set)[0] > 0
        for name in claim.names)
    if conflicting:
        score = min(1.0, score + CONFLICT_BONUS)
    return score, evidence, bears


# ---------------------------------------------------------------- candidates

def _claim_language(store: Store, claim: dict) -> str | None:
    with store.lock:
        row = store.conn.execute("SELECT language FROM articles WHERE id = ?",
                                 (claim.get("article_id"),)).fetchone()
    return row[0] if row else None


def _query_terms(claim: _ClaimProfile) -> tuple[list[str], list[str]]:
    """(precise terms: names and figures, loose terms: word stems) as FTS5 strings."""
    precise: list[str] = []
    for name in claim.names:
        precise.append(_fts_string(" ".join(name.tokens)))
        if len(name.tokens) > 1 and len(name.tokens[-1]) >= 4:
            precise.append(_fts_string(name.tokens[-1]))
    for n in claim.numbers:
        try:
            value = abs(float(n["value"]))
        except (TypeError, ValueError):
            continue
        if not math.isfinite(value) or value == 0:
            continue
        for digits in _mantissas(value):
            if len(digits.replace(" ", "")) == 1 and " " not in digits:
                continue  # "2" would match half the store
            precise.append(_fts_string(digits) + "*")
    loose = []
    words = sorted({w for w in claim.folded.split()
                    if len(w) >= 6 and w not in SOURCE_STOP_WORDS and not w[0].isdigit()},
                   key=lambda w: (-len(w), w))
    for w in words[:16]:
        loose.append(_fts_string(w[:6]) + "*")
    return list(dict.fromkeys(precise)), list(dict.fromkeys(loose))


MATCH_BUDGET = 6000  # postings the candidate query may walk: rarest terms first
_VOCAB: "weakref.WeakKeyDictionary[Store, bool]" = weakref.WeakKeyDictionary()


def _has_vocab(store: Store) -> bool:
    """A TEMP fts5vocab table over sources_fts on this connection (no schema change)."""
    ready = _VOCAB.get(store)
    if ready is None:
        try:
            store.conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.sources_fts_vocab"
                               " USING fts5vocab(main, 'sources_fts', 'row')")
            ready = True
        except sqlite3.Error:
            ready = False
        _VOCAB[store] = ready
    return ready


def _doc_freq(store: Store, term: str) -> int:
    """About how many sources an FTS string matches (at most; a phrase by its rarest word)."""
    prefix = term.endswith("*")
    words = term.rstrip("*")[1:-1].replace('""', '"').split()
    best = None
    for i, w in enumerate(words):
        if prefix and i == len(words) - 1:
            row = store.conn.execute(
                "SELECT coalesce(sum(doc), 0) FROM temp.sources_fts_vocab"
                " WHERE term >= ? AND term < ?", (w, w + "\U0010ffff")).fetchone()
        else:
            row = store.conn.execute("SELECT doc FROM temp.sources_fts_vocab WHERE term = ?",
                                     (w,)).fetchone()
        n = row[0] if row else 0
        best = n if best is None else min(best, n)
    return best or 0


def _affordable(store: Store, terms: list[str], total: int) -> list[str]:
    """The terms worth asking the index for, in their order.

    In a big store a word found in thousands of sources makes the OR query rank all of
    them (bm25 for each) and hardly changes which hundred come first; the rarest terms
    are kept while their postings fit in MATCH_BUDGET (the rarest one always).  A small
    store keeps every term, so its ranking is exactly what it was.
    """
    if total <= MATCH_BUDGET or len(terms) <= 1 or not _has_vocab(store):
        return terms
    freq = {t: _doc_freq(store, t) for t in terms}
    keep: set[str] = set()
    spent = 0
    for t in sorted(terms, key=lambda t: freq[t]):
        if freq[t] == 0:
            continue  # matches nothing
        if keep and spent + freq[t] > MATCH_BUDGET:
            break
        keep.add(t)
        spent += freq[t]
    return [t for t in terms if t in keep]


def _candidates(store: Store, precise: list[str], loose: list[str],
                limit: int = CANDIDATES) -> dict[int, float]:
    """{source id: bm25 (lower is better)} from the full-text index."""
    sql = ("SELECT rowid, bm25(sources_fts, 3.0, 1.0, 1.0) AS r FROM sources_fts"
           " WHERE sources_fts MATCH ? ORDER BY r LIMIT ?")
    out: dict[int, float] = {}
    with store.lock:
        total = store.conn.execute("SELECT max(rowid) FROM sources").fetchone()[0] or 0
        terms = _affordable(store, precise + loose, total)
        if terms:
            for rowid, r in store.conn.execute(sql, (" OR ".join(terms), limit)):
                out[rowid] = r
        precise = _affordable(store, precise, total)
        if precise and loose:  # names and figures alone, so words never crowd them out
            for rowid, r in store.conn.execute(sql, (" OR ".join(precise), limit // 2)):
                out.setdefault(rowid, r)
    return out


def _idf(store: Store, names: list[_Name], total: int
         ) -> tuple[dict[str, float], frozenset[str] | None]:
    """(idf of each name, the names that tell sources apart: None when all of them do)."""
    out = {}
    distinctive = set()
    with store.lock:
        for name in names:
            df = store.conn.execute(
                "SELECT count(*) FROM sources_fts WHERE sources_fts MATCH ?",
                (_fts_string(" ".join(name.tokens)),)).fetchone()[0]
            out[name.norm] = math.log((total + 1) / (df + 0.5)) + 0.5
            if df <= DISTINCTIVE_SHARE * total:
                distinctive.add(name.norm)
    return out, (None if total <= SMALL_STORE else frozenset(distinctive))


def _source_rows(store: Store, ids: list[int]) -> dict[int, dict]:
    return get_sources(store, ids)


# ---------------------------------------------------------------- the API

def suggest(store: Store, claim_id: int, limit: int = 5,
            exclude_linked: bool = False) -> list[dict]:
    """The sources that bear on a claim, best first, with the evidence found; [] when none
    does (see the module docstring).

    ``[{"source_id", "url", "title", "score", "evidence": {"numbers_matched":
    [{"claim", "source"}], "numbers_conflicting": [{"claim", "source"}],
    "entities_matched": [name, …]}}]``; score is between 0 and 1.
    """
    claim = store.claim(claim_id)
    profile = _claim_profile(claim, _claim_language(store, claim))
    precise, loose = _query_terms(profile)
    bm25 = _candidates(store, precise, loose)
    if exclude_linked and bm25:
        with store.lock:
            linked = {r[0] for r in store.conn.execute(
                "SELECT source_id FROM claim_sources WHERE claim_id = ?", (claim_id,))}
        bm25 = {k: v for k, v in bm25.items() if k not in linked}
    if not bm25:
        return []
    with store.lock:
        total = store.conn.execute("SELECT max(rowid) FROM sources").fetchone()[0] or 0
    idf, distinctive = _idf(store, profile.names, total)
    rows = _source_rows(store, list(bm25))
    best = min(bm25.values())
    results = []
    for sid, raw in bm25.items():
        source = rows.get(sid)
        if source is None:
            continue
        rank = raw / best if best < 0 else 0.0
        score, evidence, bears = _score(profile, _source_profile(source), idf, rank,
                                        distinctive)
        if bears:
            results.append((score, sid, source, evidence))
    results.sort(key=lambda t: (-t[0], t[1]))
    # right after the best source, those that contradict a figure of the claim: what the
    # editor must see, even when more pages repeat the claim's words
    if len(results) > 2:
        head, rest = results[:1], results[1:]
        results = (head + [r for r in rest if r[3]["numbers_conflicting"]]
                   + [r for r in rest if not r[3]["numbers_conflicting"]])
    return [{"source_id": sid, "url": source["url"], "title": source["title"],
             "score": round(score, 3), "evidence": evidence}
            for score, sid, source, evidence in results[:max(0, limit)]]


def evidence_for(claim: dict, source: dict, lang: str | None = None) -> dict:
    """The evidence one source gives for one claim (as stored with a link)."""
    profile = _claim_profile(claim, lang)
    return _score(profile, _source_profile(source), {}, 0.0)[1]


def clear_cache() -> None:
    with _CACHE_LOCK:
        _CACHE.clear()
