"""Near-duplicate claims: one verdict per fact, and the same fact with a different figure caught.

Two claims are compared by ``scorer`` on their prepared signatures (``signature``): what
they say (names with their aliases, figures in any notation, dates at their precision, the
attribution apart) and how (several rapidfuzz measures, word order included), weighed by a
model learned from public paraphrase data.  The score runs from 0 to 100.

Kinds, from the score and the two thresholds (see ``HIGH_THRESHOLD``/``LOW_THRESHOLD``):

* ``conflict``: score >= high and a figure differs;
* ``duplicate``: score >= high and the figures agree;
* ``suggestion``: low <= score < high, or a pair where a short claim (< 8 words) is not
  said in full by the other.

**Blocking** keeps it incremental, and its recall does not fall as the store grows: every
claim's keys go into ``dupe_keys`` (who holds them) and ``dupe_key_counts`` (how many):

* single keys: each actor's name (``n:``), figure (``f:``, whatever its notation), date
  (``d:`` a day, ``m:`` a month, ``y:`` a year) and content word (``t:``);
* combinations (``c:``): every pair of the claim's telling facts (a name with a figure,
  two names, a figure with a day, a name with a month…), and every three of its facts with
  the years when it has no figure nor day to pin it down; a claim with no fact at all
  combines its words two by two.  (A year with a name recurs too often to be a key of its
  own, and a day is keyed with its year: "Renault" on a 14 March is in many claims.)

A new claim is compared with every claim that shares one of its combinations held by at
most ``MAX_POSTINGS`` claims, or two such single keys: a combination is rare whatever the
frequency of each of its parts ("Renault" and "Lyon" are everywhere, "Renault" with
"3 650" is not), and the bound does not depend on the size of the store.  A key held by
more than ``MAX_POSTINGS`` claims can never be blocked on again (claims are never
deleted, so counts only grow): from then on it is neither posted nor counted (its count
stays at the first value over the bound).  Pairs scoring under ``STORE_FLOOR`` are not
kept: a candidate whose dates clash with the new claim's (capped under it) is dropped on its
stored dates alone, and one with little in common on a single rapidfuzz call, before the
scorer.  Pairs are written to ``claim_pairs`` in the import's own transaction.

This module never imports textual.
"""

from __future__ import annotations

import gc
import itertools
import json
import math
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

from ...analysis import facets as facets_mod
from ...errors import StoreError
from ...store import now
from ...text.language import detect_language
from . import lists as dupe_lists
from .scorer import DATE_CAP, Match, compare as _compare_prepared, dates_clash
from .signature import Prepared, figure_token, signature, word_count
from .thresholds import (
    HIGH_THRESHOLD,
    LOW_THRESHOLD,
    MAX_POSTINGS,
    MIN_SHARED,
    STORE_FLOOR,
    Thresholds,
    chunks,
    kind_of,
    thresholds,
)
from .verdicts import flows

__all__ = ["Match", "signature", "word_count"]

# ---------------------------------------------------------------- blocking keys

_MAX_FACTS = 7  # a claim's facts combined: the most telling ones (figures, days first)


def _date_key(value: str) -> tuple[int, str]:
    """(how telling, the key) of a date: a day (with its year, or "--MM-DD" without),
    a month, a year."""
    if len(value) == 10 or value.startswith("--") and len(value) == 7:
        return 1, "d:" + value
    if len(value) == 7 or value.startswith("--"):
        return 3, "m:" + value
    return 4, "y:" + value[:4]


def facts_of(p: Prepared) -> tuple[list[str], list[str]]:
    """(the claim's telling facts: figures, days, names, months; its weak ones: years) as
    keys, the most telling first, at most _MAX_FACTS in all."""
    ranked: list[tuple[int, str]] = []
    for _unit, value, _text in p.figures:
        ranked.append((0, "f:" + figure_token(value)[1:]))
    for d in p.dates:
        ranked.append(_date_key(d))
    for n in p.names:
        ranked.append((2, "n:" + n.joined))
        for acronym in sorted(n.acronyms):  # "Électricité de France" is also "edf"
            if len(acronym) >= 3:
                ranked.append((2, "n:" + acronym))
    ranked.sort()
    kept = list(dict.fromkeys(ranked))[:_MAX_FACTS]
    return [k for r, k in kept if r <= 3], [k for r, k in kept if r > 3]


def keys_of(sig: dict | Prepared) -> set[str]:
    """The blocking keys of a signature (see the module docstring)."""
    p = sig if isinstance(sig, Prepared) else Prepared(sig)
    if p.keys is not None:
        return set(p.keys)
    strong, weak = facts_of(p)
    keys = set(strong) | set(weak)
    keys.update("t:" + t for t in p.token_set if len(t) >= 3 and t[0] != "#")
    keys.update("c:" + "|".join(c) for c in itertools.combinations(sorted(strong), 2))
    if not any(k[0] in "fd" for k in strong) and len(strong) + len(weak) >= 3:
        # names, months and years alone: three of them together
        keys.update("c:" + "|".join(c)
                    for c in itertools.combinations(sorted(strong + weak), 3))
    if not strong and not weak:
        words = sorted({t for t in p.token_set if len(t) >= 3 and t[0] != "#"})[:12]
        keys.update("c:" + "|".join(c) for c in itertools.combinations(words, 2))
    p.keys = frozenset(keys)
    return keys


# ---------------------------------------------------------------- comparing two claims

def _prepare(sig: dict | Prepared) -> Prepared:
    return sig if isinstance(sig, Prepared) else Prepared(sig)


def compare(a: dict | Prepared, b: dict | Prepared) -> Match:
    """Score two signatures (or prepared ones): see ``scorer``."""
    return _compare_prepared(_prepare(a), _prepare(b))


def compare_texts(text_a: str, text_b: str, lang_a: str | None = None,
                  lang_b: str | None = None) -> dict:
    """Compare two bare texts (facets extracted here; a language not given is detected):
    the pair as `find_pairs` shows it, under the default thresholds."""
    lang_a = lang_a if lang_a in ("fr", "en") else detect_language(text_a, default="fr")
    lang_b = lang_b if lang_b in ("fr", "en") else detect_language(text_b, default=lang_a)
    sig_a = signature(text_a, facets_mod.extract(text_a, lang_a,
                                                 facets_mod.lower_vocabulary(text_a)), lang_a)
    sig_b = signature(text_b, facets_mod.extract(text_b, lang_b,
                                                 facets_mod.lower_vocabulary(text_b)), lang_b)
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


# Prepared signatures, by their stored JSON (so never stale, whatever changed in the
# store): an import meets again the claims the previous imports of the same process met,
# and the claims it indexes itself go in as they are written.
_DECODED: dict[str, Prepared] = {}
_DECODED_MAX = 20_000


def _remember(raw: str, p: Prepared) -> Prepared:
    if len(_DECODED) >= _DECODED_MAX:
        for stale in list(itertools.islice(_DECODED, _DECODED_MAX // 2)):
            del _DECODED[stale]
    _DECODED[raw] = p
    return p


def _decoded(raw: str) -> Prepared:
    p = _DECODED.get(raw)
    if p is None:
        p = _remember(raw, Prepared(json.loads(raw)))
    return p


def _dates_in(raw: str) -> list[str]:
    """The dates of a stored signature, read from its JSON text alone (``"d":[…]`` closes
    it: see signature.signature)."""
    at = raw.rfind('"d":[')
    return json.loads(raw[at + 4:-1]) if at >= 0 else json.loads(raw).get("d") or []


def _key_counts(conn: sqlite3.Connection, keys: Sequence[str]) -> dict[str, int]:
    """dupe_key_counts for these keys (absent ones left out), in one statement."""
    return dict(conn.execute(
        "SELECT key, n FROM dupe_key_counts WHERE key IN (SELECT value FROM json_each(?))",
        (json.dumps(list(keys), ensure_ascii=False),)).fetchall())


def index_claims(conn: sqlite3.Connection, claim_ids: Sequence[int],
                 sig_cache: dict | None = None) -> int:
    """Index these (not yet indexed) claims and score them against everything indexed.

    Cost: one look-up of the batch's key counts, one of the postings of its rare keys (each
    bounded by MAX_POSTINGS), the writes of its rare keys, and the scorer on the claims
    that share a rare combination or two rare keys; nothing grows with the size of the
    store.  ``sig_cache`` (claim id -> prepared signature) may be shared between calls.
    """
    if not claim_ids:
        return 0
    new: dict[int, tuple[str, Prepared]] = {}
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
_SIGNATURES: dict[tuple[str, str | None, str | None], tuple[str, Prepared]] = {}
_SIGNATURES_MAX = 10_000


def clear_caches() -> None:
    """Forget what this process worked out (signatures): a cold start, for benchmarks."""
    _DECODED.clear()
    _SIGNATURES.clear()


def _signature_of(text: str, facets_json: str | None, lang: str | None) -> tuple[str, Prepared]:
    key = (text, facets_json, lang)
    hit = _SIGNATURES.get(key)
    if hit is None:
        sig = signature(text, json.loads(facets_json) if facets_json else {}, lang)
        raw = _ENCODE(sig)
        p = _DECODED.get(raw) or _remember(raw, Prepared(sig))
        keys_of(p)
        if len(_SIGNATURES) >= _SIGNATURES_MAX:
            for stale in list(itertools.islice(_SIGNATURES, _SIGNATURES_MAX // 2)):
                del _SIGNATURES[stale]
        hit = _SIGNATURES[key] = (raw, p)
    return hit


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """For the length of a batch: no cyclic garbage collection.  The candidates' prepared
    signatures are thousands of small objects, none in a reference cycle; in a process that
    holds many (the desk, a benchmark), the collector walking them over and over took more
    time than the scoring."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _index(conn: sqlite3.Connection, new: dict[int, tuple[str, Prepared]],
           sig_cache: dict | None) -> int:
    """index_claims() on the new claims' signatures (claim id -> stored JSON, prepared)."""
    with _no_cyclic_gc():
        return _index_batch(conn, new, sig_cache)


def _index_batch(conn: sqlite3.Connection, new: dict[int, tuple[str, Prepared]],
                 sig_cache: dict | None) -> int:
    sigs = {cid: p for cid, (_raw, p) in new.items()}
    if sig_cache is not None:
        sig_cache.update(sigs)
    claim_keys = {cid: p.keys if p.keys is not None else frozenset(keys_of(p))
                  for cid, p in sigs.items()}
    batch_counts = Counter(k for ks in claim_keys.values() for k in ks)

    # how many claims already hold each key, and how many are indexed: one look-up
    before = _key_counts(conn, [*batch_counts, _TOTAL])
    before.pop(_TOTAL, None)
    # A key already held by more than MAX_POSTINGS claims can never be blocked on again
    # (claims are never deleted, so counts only grow): it is neither posted nor counted
    # any more.  Most word keys end there, and that saves most of the writes.
    df = {k: before.get(k, 0) + n for k, n in batch_counts.items()
          if before.get(k, 0) <= MAX_POSTINGS}
    # the keys to block on: held by another claim, and by few enough
    rare = {k for k, n in df.items() if 2 <= n <= MAX_POSTINGS}

    # who holds them: the store (read before this batch is written), then the batch itself
    postings: dict[str, list[int]] = {}
    held = sorted(k for k in rare if k in before)  # the others are the batch's alone
    for chunk in chunks(held, 5000):
        for key, cid in conn.execute(
                "SELECT key, claim_id FROM dupe_keys WHERE key IN (SELECT value FROM json_each(?))",
                (json.dumps(list(chunk), ensure_ascii=False),)):
            postings.setdefault(key, []).append(cid)
    for cid, ks in claim_keys.items():
        for k in ks & rare:
            postings.setdefault(k, []).append(cid)

    conn.executemany("INSERT OR REPLACE INTO dupe_claims (claim_id, signature) VALUES (?, ?)",
                     [(cid, raw) for cid, (raw, _p) in new.items()])
    conn.executemany("INSERT OR IGNORE INTO dupe_keys (key, claim_id) VALUES (?, ?)",
                     sorted((k, cid) for cid, ks in claim_keys.items() for k in ks if k in df))
    conn.executemany(
        "INSERT INTO dupe_key_counts (key, n) VALUES (?, ?)"
        " ON CONFLICT(key) DO UPDATE SET n = n + excluded.n",
        sorted([*((k, batch_counts[k]) for k in df), (_TOTAL, len(sigs))]))

    # candidates: a rare combination shared, or two rare single keys
    candidates: dict[int, set[int]] = {}
    need: set[int] = set()
    for cid, ks in claim_keys.items():
        mine = ks & rare
        if not mine:
            continue
        others: set[int] = set()
        singles: Counter = Counter()
        for k in mine:
            holders = postings.get(k, ())
            if k[0] == "c":
                others.update(holders)
            else:
                singles.update(holders)
        others.update(o for o, n in singles.items() if n >= MIN_SHARED)
        others.discard(cid)
        others = {o for o in others if not (o in sigs and o < cid)}  # a pair inside the batch: once
        if others:
            candidates[cid] = others
            need.update(o for o in others if o not in sigs)
    theirs_by_id: dict[int, Prepared] = {}
    raw_by_id: dict[int, str] = {}
    if sig_cache is not None:
        for o in need:
            p = sig_cache.get(o)
            if p is not None:
                theirs_by_id[o] = p
        need.difference_update(theirs_by_id)
    if need:
        for chunk in chunks(sorted(need), 5000):
            raw_by_id.update(conn.execute(
                "SELECT claim_id, signature FROM dupe_claims"
                " WHERE claim_id IN (SELECT value FROM json_each(?))",
                (json.dumps(list(chunk)),)))
    # another date of the same kind caps a pair under the store's floor: such a candidate
    # is dropped on its dates alone, before its signature is prepared (most candidates of
    # a store where the same names recur are another fact about them on another day)
    dates_first = DATE_CAP < STORE_FLOOR
    dates_of: dict[int, list] = {}

    found_at = now()
    rows = []
    for cid, others in candidates.items():
        mine = sigs[cid]
        for other in sorted(others):
            theirs = sigs.get(other) or theirs_by_id.get(other)
            if theirs is None:
                raw = raw_by_id.get(other)
                if raw is None:
                    continue
                p = _DECODED.get(raw)
                if p is None:
                    if dates_first and mine.dates:
                        d = dates_of.get(other)
                        if d is None:
                            d = dates_of[other] = _dates_in(raw)
                        if dates_clash(mine.dates, d):
                            continue
                    p = _remember(raw, Prepared(json.loads(raw)))
                theirs = theirs_by_id[other] = p
                if sig_cache is not None:
                    sig_cache[other] = p
            elif dates_first and dates_clash(mine.dates, theirs.dates):
                continue
            a, b, pa, pb = (cid, other, mine, theirs) if cid < other else (other, cid, theirs, mine)
            m = _compare_prepared(pa, pb, STORE_FLOOR)
            if m is not None and m.score >= STORE_FLOOR:
                rows.append((a, b, m.score, _ENCODE_CONFLICTS(m.conflicts) if m.conflicts
                             else "[]", m.relation, int(m.short), found_at))
    rows.sort()
    conn.executemany(
        "INSERT OR REPLACE INTO claim_pairs (a, b, score, conflicts, relation, short, found_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    if rows:  # the export's lists of both claims of each pair, in the same transaction
        dupe_lists.refresh(conn)
    return len(rows)


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


def forget(conn: sqlite3.Connection, claim_ids: Sequence[int]) -> None:
    """Take claims out of the near-duplicate search: their pairs and blocking keys go
    (their signature row stays, so the search does not take them for new claims to index).
    ``index_claims`` puts back what their text says now; a hidden claim stays out."""
    ids = json.dumps(list(claim_ids))
    conn.execute("UPDATE dupe_key_counts SET n = n - (SELECT count(*) FROM dupe_keys k"
                 " WHERE k.key = dupe_key_counts.key AND k.claim_id IN"
                 " (SELECT value FROM json_each(:ids))) WHERE key IN (SELECT key FROM"
                 " dupe_keys WHERE claim_id IN (SELECT value FROM json_each(:ids)))",
                 {"ids": ids})
    conn.execute("DELETE FROM dupe_keys WHERE claim_id IN (SELECT value FROM json_each(?))",
                 (ids,))
    conn.execute("DELETE FROM claim_pairs WHERE a IN (SELECT value FROM json_each(:ids))"
                 " OR b IN (SELECT value FROM json_each(:ids))", {"ids": ids})
