"""Ranking past fact-checks for a query: text → terms, a BM25F index, re-scoring features.

Lexical and structural, no model: a BM25F index held in memory (claim and headline weighted
apart) gives candidates through its postings lists, never a scan of every entry; the
candidates are then re-scored by a tuned linear combination of features that each say
something readable (``why``). The weights were tuned on the CLEF CheckThat! train splits
only (``bench/checkthat.py``).
"""

from __future__ import annotations

import heapq
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from datetime import date

from rapidfuzz import fuzz

from ...text.normalise import fold, stem_suffix
from ...text.words import BM25_STOP_WORDS
from .parse import parse_date

# ================================================================ text → terms


_URL_RE = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S+|\b\S+\.(?:com|org|net|ly)/\S*",
                     re.IGNORECASE)
_TRAILER_RE = re.compile(
    r"[—–-]\s*(?P<who>[^—–()\n]{0,80}?)\s*\(@(?P<handle>\w{1,30})\)\s*"
    r"(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4})\s*$")
_CAMEL_RE = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)"
                       r"|(?<=\d)(?=[A-Za-z])")
_HASHTAG_RE = re.compile(r"[#@](\w+)")
_THOUSANDS_RE = re.compile(r"(?<=\d)[,\u202f\u00a0 ](?=\d{3}\b)")
_KILO_RE = re.compile(r"\b(\d+(?:\.\d+)?)\s?([kK])\b")
_WORD_RE = re.compile(r"[a-z0-9]+")
_DIGIT_RE = re.compile(r"\d")
_GLUED_URL_RE = re.compile(r"(?<=\S)(https?://|pic\.twitter\.com/)")


_SHORTENERS = re.compile(r"(?:https?://)?(?:www\.)?(?:t\.co|pic\.twitter\.com|bit\.ly|ow\.ly"
                         r"|buff\.ly|goo\.gl|tinyurl\.com|fb\.me|dlvr\.it|youtu\.be)/", re.IGNORECASE)


def _url_words(m: re.Match) -> str:
    """A link's path words ('…/pnb-rock-death-hoax/' says a lot), none of a short link."""
    url = m.group(0)
    if _SHORTENERS.match(url):
        return " "
    path = re.sub(r"^(?:https?://)?[^/]*", "", url)
    words = [w for w in re.split(r"[/\-_.?=&+%]+", path)
             if w.isalpha() and 2 < len(w) < 25 and w.lower() not in ("html", "htm", "php",
                                                                      "amp", "index", "www")]
    return " " + " ".join(words) + " "


def split_tag(tag: str) -> str:
    """'#AustralianFires' → 'Australian Fires'; 'COVID19' → 'COVID 19'; '@JoeBiden' → 'Joe Biden'."""
    return _CAMEL_RE.sub(" ", tag.replace("_", " "))


def prepare(text: str) -> tuple[str, date | None]:
    """A tweet or a claim made plain: links, handles, hashtags, emoji and the
    '— Name (@handle) Month D, YYYY' signature line dealt with. Returns (text, its date)."""
    text = unicodedata.normalize("NFKC", text or "")
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    when = None
    m = _TRAILER_RE.search(text) if "(@" in text else None
    if m:
        when = parse_date(m.group("date"))
        text = text[: m.start()] + " " + m.group("who") + " @" + m.group("handle") + " "
    if "/" in text or "www" in text:
        text = _GLUED_URL_RE.sub(r" \1", text)  # '#Minecrafthttps://t.co/…'
        text = _URL_RE.sub(_url_words, text)
    if "#" in text or "@" in text:
        text = _HASHTAG_RE.sub(lambda mm: " " + split_tag(mm.group(1)) + " ", text)
    if _DIGIT_RE.search(text):
        text = _THOUSANDS_RE.sub("", text)
        text = _KILO_RE.sub(lambda mm: str(int(float(mm.group(1)) * 1000)), text)
    if not text.isascii():  # emoji and other symbols → space
        text = _SYMBOLS_RE.sub(" ", text)
    return " ".join(text.split()), when


_SYMBOLS_RE = re.compile("[\u2190-\u2bff\u2e80-\u2eff\u3000-\u303f\ufe0f\u200d\u20e3"
                         "\U0001f000-\U0001faff\U000e0000-\U000e007f]")


def terms(text: str) -> list[str]:
    """Folded, stop-word-free, stemmed words of already prepared text."""
    folded = fold(text).replace("'s ", " ").replace("'", "")
    return [stem_suffix(w) for w in _WORD_RE.findall(folded) if w not in BM25_STOP_WORDS]


_CAP_RE = re.compile(r"(?<![\w'])([A-Z][A-Za-z0-9]*)")
_SENTENCE_END = frozenset('.!?:"\'(—–')


def names_of(text: str) -> set[str]:
    """Stems of capitalised words that do not start a sentence (cheap proper names)."""
    out = set()
    for m in _CAP_RE.finditer(text):
        j = m.start() - 1
        while j >= 0 and text[j] == " ":
            j -= 1
        if j < 0 or text[j] in _SENTENCE_END:
            continue
        t = m.group(1).lower()
        if len(t) > 1 and t not in BM25_STOP_WORDS:
            out.add(stem_suffix(t))
    return out


_NUM_RE = re.compile(r"\b\d+(?:\.\d+)?\b")


def numbers_of(text: str) -> set[str]:
    """Figures (years included), thousands separators already removed by prepare()."""
    return {n.rstrip("0").rstrip(".") if "." in n else n for n in _NUM_RE.findall(text)}


# ================================================================ the index

K1, B = 1.2, 0.75
TITLE_WEIGHT = 0.7          # a headline word counts this much of a claim word (BM25F)
QTF = 0.0                   # weight of a query word repeated (1 + QTF·ln count)
CANDIDATES = 40             # re-scored per query
# Linear weights of the re-scoring features, tuned on CheckThat! train splits (bench/checkthat.py).
WEIGHTS = {
    "bm25": 2.4, "bm25_rel": 3.1, "cover_claim": 0.75, "cover_title": -0.5, "cover_query": -0.85,
    "pairs": 0.25, "fuzz": 0.1, "figures": -0.25, "figures_missing": 0.1, "names": -0.25,
    "date": 2.1, "date_far": -0.5, "bm25_claim": -1.0, "bm25_title": 2.0,
}
DATE_SCALE_DAYS = 30.0
# strong_match: the best match is shown as "checked before" when its score reaches this
# (and leads the next one); see strong_match() for how it was chosen.
STRONG_SCORE = 6.0
STRONG_MARGIN = 1.0


class Entry:
    __slots__ = (
        "claim",
        "claim_terms",
        "ext_id",
        "figures",
        "key",
        "kind",
        "language",
        "length",
        "names",
        "numbers",
        "pairs",
        "plain",
        "published",
        "publisher",
        "row_id",
        "title",
        "tf",
        "title_terms",
        "url",
        "verdict",
        "when",
    )

    def __init__(self, key, claim, title, verdict, url, published, kind, row_id,
                 language=None, publisher=None, ext_id=None):
        self.key, self.claim, self.title, self.verdict = key, claim, title, verdict
        self.ext_id = ext_id
        self.figures = None  # the figures of claim and title, when a match asks for them
        self.url, self.published, self.kind, self.row_id = url, published, kind, row_id
        self.language, self.publisher = language, publisher
        self.when = parse_date(published)
        c, _ = prepare(claim)
        t, _ = prepare(title or "")
        self.claim_terms = terms(c)
        self.title_terms = terms(t)
        self.names = names_of(c) | names_of(t)
        self.numbers = numbers_of(c) | numbers_of(t)
        self.pairs = set(zip(self.claim_terms, self.claim_terms[1:])) | set(
            zip(self.title_terms, self.title_terms[1:]))
        self.plain = " ".join(self.claim_terms)
        self.length = len(self.claim_terms) + TITLE_WEIGHT * len(self.title_terms)
        tf: Counter = Counter(self.claim_terms)
        for t in self.title_terms:
            tf[t] += TITLE_WEIGHT
        self.tf = dict(tf)  # term frequencies, the title's weighted


class Index:
    """An inverted index over entries: postings hold each entry's BM25F weight sans idf."""

    def __init__(self, entries: list[Entry]):
        self.entries = entries
        self.avgdl = (sum(e.length for e in entries) / len(entries)) if entries else 1.0
        self.avg_claim = (sum(len(e.claim_terms) for e in entries) / len(entries)
                          if entries else 1.0) or 1.0
        self.avg_title = (sum(len(e.title_terms) for e in entries) / len(entries)
                          if entries else 1.0) or 1.0
        self.postings: dict[str, list[tuple[int, float]]] = {}
        postings = self.postings
        for i, e in enumerate(entries):
            norm = _length_norm(e, self.avgdl)
            for t, f in e.tf.items():
                weight = (i, _tf_weight(f, norm))
                if t in postings:
                    postings[t].append(weight)
                else:
                    postings[t] = [weight]

    def df(self, term: str) -> int:
        return len(self.postings.get(term, ()))


def _length_norm(e: Entry, avgdl: float) -> float:
    return K1 * (1 - B + B * e.length / avgdl)


def _tf_weight(f: float, norm: float) -> float:
    """An entry's BM25F weight for a term it holds f times (sans idf)."""
    return f * (K1 + 1) / (f + norm)


class DeskIndex:
    """The desk's verified and disputed claims as an index that a verdict changes by one
    entry (Index is built whole: fine for the archive, which changes by import, but the
    desk's verdicts change with every key an editor presses).

    Entries are keyed by claim id, so ties go to the older claim as in Index. A term's
    postings are weighed when a query first asks for them, from the entries' term
    frequencies; the lengths are kept as totals. A change makes a new index (`updated`)
    and leaves this one whole for whoever is still reading it.
    """

    def __init__(self, entries: dict[int, Entry] | None = None,
                 holders: dict[str, frozenset[int]] | None = None,
                 totals: tuple[int, int] = (0, 0)):
        self.entries: dict[int, Entry] = entries or {}
        self.holders: dict[str, frozenset[int]] = holders or {}
        self._claim_terms, self._title_terms = totals
        n = len(self.entries)
        self.avgdl = ((self._claim_terms + TITLE_WEIGHT * self._title_terms) / n) if n else 1.0
        self.avg_claim = (self._claim_terms / n if n else 1.0) or 1.0
        self.avg_title = (self._title_terms / n if n else 1.0) or 1.0
        self.postings = _WeighedPostings(self)

    @classmethod
    def of(cls, entries: Iterable[Entry]) -> DeskIndex:
        return cls().updated([], entries)

    def updated(self, gone: Iterable[int], entries: Iterable[Entry]) -> DeskIndex:
        """A new index without the claims `gone`, with `entries` put in (or replaced)."""
        table = dict(self.entries)
        holders = dict(self.holders)
        claim_terms, title_terms = self._claim_terms, self._title_terms
        added: dict[str, set[int]] = {}
        removed: dict[str, set[int]] = {}
        fresh = {e.row_id: e for e in entries}
        for cid in set(gone) | fresh.keys():
            old = table.pop(cid, None)
            if old is not None:
                claim_terms -= len(old.claim_terms)
                title_terms -= len(old.title_terms)
                for t in old.tf:
                    removed.setdefault(t, set()).add(cid)
        for cid, e in fresh.items():
            table[cid] = e
            claim_terms += len(e.claim_terms)
            title_terms += len(e.title_terms)
            for t in e.tf:
                added.setdefault(t, set()).add(cid)
        for t in removed.keys() | added.keys():
            ids = (holders.get(t, frozenset()) - removed.get(t, set())) | added.get(t, set())
            if ids:
                holders[t] = frozenset(ids)
            else:
                holders.pop(t, None)
        return DeskIndex(table, holders, (claim_terms, title_terms))

    def df(self, term: str) -> int:
        return len(self.holders.get(term, ()))


class _WeighedPostings:
    """A DeskIndex's postings, (claim id, BM25F weight sans idf) by term, weighed on demand
    the way Index weighs them."""

    def __init__(self, index: DeskIndex):
        self._index = index
        self._weighed: dict[str, list[tuple[int, float]]] = {}

    def get(self, term: str, default=()):
        hit = self._weighed.get(term)
        if hit is None:
            ids = self._index.holders.get(term)
            if not ids:
                return default
            entries, avgdl = self._index.entries, self._index.avgdl
            hit = []
            for cid in sorted(ids):
                e = entries[cid]
                hit.append((cid, _tf_weight(e.tf[term], _length_norm(e, avgdl))))
            self._weighed[term] = hit
        return hit


class Query:
    def __init__(self, text: str):
        self.text = text
        plain, self.when = prepare(text)
        self.terms = terms(plain)
        self.unique = list(dict.fromkeys(self.terms))
        # a word the query repeats weighs more, with diminishing returns
        self.qtf = {t: 1.0 + QTF * math.log(c) for t, c in Counter(self.terms).items()}
        self.set = set(self.terms)
        self.pairs = set(zip(self.terms, self.terms[1:]))
        self.names = names_of(plain)
        self.numbers = numbers_of(plain)
        self.plain = " ".join(self.terms)


def _idf(n: int, df: int) -> float:
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


def rank(indexes: list[Index | DeskIndex], query: Query, limit: int = 5,
         exclude: set[str] = frozenset(), weights: dict | None = None,
         candidates: int = CANDIDATES) -> list[tuple[float, Entry, dict]]:
    """The best entries of several indexes for one query: (score, entry, features)."""
    weights = weights or WEIGHTS
    n = sum(len(ix.entries) for ix in indexes)
    if not n or not query.unique:
        return []
    idf = {t: _idf(n, sum(ix.df(t) for ix in indexes)) for t in query.unique}
    pool: list[tuple[float, int, int]] = []
    for k, ix in enumerate(indexes):
        acc: dict[int, float] = {}
        get = acc.get
        for t in query.unique:
            w = idf[t] * query.qtf[t]
            for i, c in ix.postings.get(t, ()):
                acc[i] = get(i, 0.0) + w * c
        # on equal scores the older entry (lower id) first, as FTS5 does
        pool.extend((s, k, i) for i, s in heapq.nsmallest(
            candidates + len(exclude), acc.items(), key=lambda x: (-x[1], x[0])))
    pool = heapq.nsmallest(candidates + len(exclude), pool, key=lambda x: (-x[0], x[1], x[2]))
    if not pool:
        return []
    top = pool[0][0]
    qidf = sum(idf.values()) or 1.0
    scored = []
    for s, k, i in pool:
        e = indexes[k].entries[i]
        if e.key in exclude:
            continue
        f = features(query, e, s, top, qidf, idf, n, indexes)
        ix = indexes[k]
        f["bm25_claim"] = _field_bm25(e.claim_terms, ix.avg_claim, idf) / qidf * 3.0
        f["bm25_title"] = _field_bm25(e.title_terms, ix.avg_title, idf) / qidf * 3.0
        score = sum(weights.get(name, 0.0) * v for name, v in f.items())
        scored.append((score, e, f))
    scored.sort(key=lambda x: -x[0])
    return scored[:limit]


def _field_bm25(doc_terms: list[str], avg: float, idf: dict) -> float:
    """BM25 of one field alone (what FTS5 sums column by column)."""
    if not doc_terms:
        return 0.0
    tf = Counter(t for t in doc_terms if t in idf)
    norm = K1 * (1 - B + B * len(doc_terms) / avg)
    return sum(idf[t] * f * (K1 + 1) / (f + norm) for t, f in tf.items())


def _cover(doc_terms, query_set, idf, n_all, indexes) -> float:
    if not doc_terms:
        return 0.0
    total = hit = 0.0
    for t in set(doc_terms):
        w = idf.get(t)
        if w is None:
            w = _idf(n_all, sum(ix.df(t) for ix in indexes))
        total += w
        if t in query_set:
            hit += w
    return hit / total if total else 0.0


def features(q: Query, e: Entry, bm25: float, top: float, qidf: float, idf: dict,
             n_all: int, indexes: list[Index]) -> dict:
    f = {
        "bm25": bm25 / qidf * 3.0,
        "bm25_rel": bm25 / top if top else 0.0,
        "cover_claim": _cover(e.claim_terms, q.set, idf, n_all, indexes),
        "cover_title": _cover(e.title_terms, q.set, idf, n_all, indexes),
        "cover_query": sum(idf[t] for t in q.unique
                           if t in e.claim_terms or t in e.title_terms) / qidf,
        "pairs": (len(e.pairs & q.pairs) / len(e.pairs)) if e.pairs else 0.0,
        "fuzz": fuzz.partial_ratio(e.plain, q.plain) / 100.0 if e.plain and q.plain else 0.0,
    }
    f["figures"] = float(len(e.numbers & q.numbers) > 0)
    f["figures_missing"] = float(bool(e.numbers) and not (e.numbers & q.numbers)
                                 and bool(q.numbers))
    f["names"] = (len(e.names & q.set) / len(e.names)) if e.names else 0.0
    if q.when and e.when:
        gap = abs((e.when - q.when).days)
        f["date"] = math.exp(-gap / DATE_SCALE_DAYS)
        f["date_far"] = float(gap > 365)
    else:
        f["date"] = f["date_far"] = 0.0
    return f


