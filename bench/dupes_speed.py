"""Near-duplicate claims at scale: recall, precision and speed against exhaustive rapidfuzz.

    .venv/bin/python bench/dupes_speed.py                 # 100 000 claims (about 4 minutes)
    .venv/bin/python bench/dupes_speed.py --quick         # 10 000 claims (BENCH_QUICK too)
    .venv/bin/python bench/dupes_speed.py --claims 20000 --calibrate

It generates a corpus of French and English claims from fact templates with made-up names,
plants labelled pairs in it (paraphrase, reordering, containment, cross-language, figure
conflicts, short claims) and hard negatives (the same template about another name, shared
boilerplate), fills the rest with unrelated facts, and stores it in articles of 40 claims.
Then it indexes the store article by article, exactly as imports do
(``dupes.index_article``), and compares with exhaustive pairwise ``token_set_ratio``, timed
on a sample in the same run and extrapolated to n(n-1)/2 pairs.

Target: indexing the 100 000 claims takes at most 1/100 of the exhaustive comparison, with
the recall of the planted pairs >= 0.95 and the confident pairs (duplicate/conflict) >= 99 %
right.  A smaller run (``--quick``) also projects its per-claim cost to 100 000 claims (the
exhaustive cost grows with n², ours with n).  Prints readable lines and ``RESULT {json}``
lines (protocol: see bench/run_all.py).

``--calibrate`` prints, for each threshold, the recall of the planted pairs and the precision
of the pairs found: that table is how ``HIGH_THRESHOLD`` and ``LOW_THRESHOLD`` were chosen.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
import tempfile
import time
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from rapidfuzz import fuzz, process  # noqa: E402

from factcheck.analysis import facets  # noqa: E402
from factcheck.matching import dupes  # noqa: E402
from factcheck.store import Store  # noqa: E402

from common import machine_line, quick_requested, result_row  # noqa: E402

TARGET_SPEEDUP = 100     # ours at most 1/100 of exhaustive token_set_ratio on 100 000 claims
FULL_CLAIMS = 100_000
QUICK_CLAIMS = 10_000
MIN_RECALL = 0.95
MIN_CONFIDENT_PRECISION = 0.99

# ---------------------------------------------------------------- made-up names

_SYL = ("ka ri no va lo me ta sel vor dan bri quel mar tin zo pha gu ren hal dor fen lis tra "
        "mon bel cor dra ven sor lum gal ter nix pol sar vel qui ros tam bar del fir gon har "
        "jas kel lor mir nor pel rin sal tor ul val wen xer yor zan").split()


def _word(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(_SYL) for _ in range(n))


def _pool(rng: random.Random, size: int, make) -> list[str]:
    seen: set[str] = set()
    out = []
    while len(out) < size:
        name = make()
        if name.lower() not in seen:
            seen.add(name.lower())
            out.append(name)
    return out


class Names:
    def __init__(self, rng: random.Random, scale: int):
        self.orgs = _pool(rng, max(500, scale // 6), lambda: _word(rng, rng.choice((2, 3))).title()
                          + rng.choice(("", "", "", " Labs", " Group", " Systems")))
        firsts = _pool(rng, 300, lambda: _word(rng, 2).title())
        self.people = _pool(rng, max(500, scale // 6), lambda: rng.choice(firsts) + " "
                            + _word(rng, rng.choice((2, 3))).title())
        self.cities = _pool(rng, max(300, scale // 10),
                            lambda: _word(rng, rng.choice((2, 3))).title() + "ville")


# ---------------------------------------------------------------- figures in both languages

def _fr_num(x: float) -> str:
    return (f"{x:.1f}".replace(".", ",")) if x != int(x) else str(int(x))


def _en_num(x: float) -> str:
    return f"{x:.1f}" if x != int(x) else str(int(x))


def money(rng: random.Random) -> dict:
    scale = rng.choice(("million", "milliard"))
    x = round(rng.uniform(1, 99), 1) if scale == "milliard" else rng.randrange(10, 990, 5)
    cur = rng.choice(("USD", "EUR"))
    return {"x": x, "scale": scale, "cur": cur}


def money_fr(m: dict) -> str:
    unit = "de dollars" if m["cur"] == "USD" else "d’euros"
    return f"{_fr_num(m['x'])} {m['scale']}s {unit}"


def money_en(m: dict) -> str:
    sign = "$" if m["cur"] == "USD" else "€"
    scale = "billion" if m["scale"] == "milliard" else "million"
    return f"{sign}{_en_num(m['x'])} {scale}"


def pct(rng: random.Random) -> float:
    return rng.choice((rng.randrange(2, 95), round(rng.uniform(1, 30), 1)))


def pct_fr(p: float) -> str:
    return f"{_fr_num(p)} %"


def pct_en(p: float) -> str:
    return f"{_en_num(p)}%"


def count_fr(n: int) -> str:
    return f"{n:,}".replace(",", " ")


def count_en(n: int) -> str:
    return f"{n:,}"


# ---------------------------------------------------------------- fact templates
# Each: slots, then renderers: fr (main, tail), fr2 (a paraphrase), en, short (a shorter
# claim that the long one contains, >= 8 words).

_USED: set = set()


def _slots(rng, names: Names, tpl: dict | None = None) -> dict:
    """Fresh slots: no two generated facts share a template and its subject (else they would
    be true conflicts: the same company's market share twice, with two figures)."""
    for _ in range(50):
        s = _raw_slots(rng, names)
        key = (id(tpl), s["city"] if tpl is not None and tpl.get("subject") == "city"
               else s["org"])
        if key not in _USED:
            break
    _USED.add(key)
    return s


def _raw_slots(rng, names: Names) -> dict:
    return {"org": rng.choice(names.orgs), "org2": rng.choice(names.orgs),
            "person": rng.choice(names.people), "city": rng.choice(names.cities),
            "money": money(rng), "pct": pct(rng), "count": rng.randrange(120, 60000),
            "year": rng.randrange(2015, 2027)}


TEMPLATES = [
    {  # acquisition
        "fr": lambda s: (f"{s['org']} a investi {money_fr(s['money'])} pour acquérir "
                         f"{pct_fr(s['pct'])} de la startup {s['org2']}",
                         f"afin de faire venir son fondateur {s['person']}"),
        "fr2": lambda s: (f"Pour faire venir son fondateur {s['person']}, {s['org']} a déboursé "
                          f"{money_fr(s['money'])} afin de prendre {pct_fr(s['pct'])} du capital "
                          f"de la jeune pousse {s['org2']}."),
        "en": lambda s: (f"{s['org']} paid {money_en(s['money'])} for a {pct_en(s['pct'])} stake "
                         f"in the startup {s['org2']} to bring in its founder {s['person']}."),
        "short": lambda s: (f"{s['org']} a déboursé {money_fr(s['money'])} pour "
                            f"{pct_fr(s['pct'])} de {s['org2']}."),
        "fig": "money",
    },
    {  # unemployment (the template near-miss of the issue)
        "fr": lambda s: (f"Le taux de chômage à {s['city']} a atteint {pct_fr(s['pct'])} en "
                         f"{s['year']}", "selon les chiffres publiés par l’institut régional"),
        "fr2": lambda s: (f"En {s['year']}, le chômage a grimpé jusqu’à {pct_fr(s['pct'])} de la "
                          f"population active à {s['city']}, d’après l’institut régional."),
        "en": lambda s: (f"Unemployment in {s['city']} reached {pct_en(s['pct'])} in "
                         f"{s['year']}, according to the regional institute."),
        "short": lambda s: (f"À {s['city']}, le taux de chômage a atteint "
                            f"{pct_fr(s['pct'])} en {s['year']}."),
        "fig": "pct",
        "subject": "city",
    },
    {  # revenue
        "fr": lambda s: (f"Le chiffre d’affaires de {s['org']} a progressé de {pct_fr(s['pct'])} "
                         f"pour atteindre {money_fr(s['money'])}",
                         f"porté par la demande de ses clients à {s['city']}"),
        "fr2": lambda s: (f"Portées par la demande à {s['city']}, les ventes de {s['org']} ont "
                          f"bondi de {pct_fr(s['pct'])}, à {money_fr(s['money'])}."),
        "en": lambda s: (f"{s['org']} revenue grew {pct_en(s['pct'])} to "
                         f"{money_en(s['money'])}, driven by demand from customers in "
                         f"{s['city']}."),
        "short": lambda s: (f"Les ventes de {s['org']} ont atteint {money_fr(s['money'])}, "
                            f"en hausse de {pct_fr(s['pct'])}."),
        "fig": "money",
    },
    {  # layoffs
        "fr": lambda s: (f"{s['org']} va supprimer {count_fr(s['count'])} emplois dans son usine "
                         f"de {s['city']}", f"a annoncé sa directrice {s['person']}"),
        "fr2": lambda s: (f"Selon sa directrice {s['person']}, {s['org']} compte se séparer de "
                          f"{count_fr(s['count'])} salariés de son site de {s['city']}."),
        "en": lambda s: (f"{s['org']} will cut {count_en(s['count'])} jobs at its {s['city']} "
                         f"plant, its director {s['person']} announced."),
        "short": lambda s: (f"{s['org']} supprimera {count_fr(s['count'])} emplois dans son "
                            f"usine de {s['city']}."),
        "fig": "count",
    },
    {  # funding round
        "fr": lambda s: (f"La startup {s['org']} a levé {money_fr(s['money'])} auprès du fonds "
                         f"{s['org2']}", f"pour développer ses modèles à {s['city']}"),
        "fr2": lambda s: (f"Le fonds {s['org2']} a apporté {money_fr(s['money'])} à la jeune "
                          f"entreprise {s['org']}, qui veut renforcer ses modèles à {s['city']}."),
        "en": lambda s: (f"The startup {s['org']} raised {money_en(s['money'])} from the fund "
                         f"{s['org2']} to develop its models in {s['city']}."),
        "short": lambda s: (f"Le fonds {s['org2']} a investi {money_fr(s['money'])} dans "
                            f"{s['org']}."),
        "fig": "money",
    },
    {  # pay package
        "fr": lambda s: (f"{s['person']} touchera une rémunération annuelle de "
                         f"{money_fr(s['money'])} chez {s['org']}",
                         f"soit {pct_fr(s['pct'])} de plus que son prédécesseur"),
        "fr2": lambda s: (f"Chez {s['org']}, le salaire annuel de {s['person']} atteindra "
                          f"{money_fr(s['money'])}, {pct_fr(s['pct'])} au-dessus de celui de son "
                          f"prédécesseur."),
        "en": lambda s: (f"{s['person']} will earn {money_en(s['money'])} a year at "
                         f"{s['org']}, {pct_en(s['pct'])} more than the predecessor."),
        "short": lambda s: (f"Chez {s['org']}, {s['person']} gagnera {money_fr(s['money'])} "
                            f"par an."),
        "fig": "money",
    },
    {  # market share
        "fr": lambda s: (f"{s['org']} détient désormais {pct_fr(s['pct'])} du marché européen "
                         f"des puces", f"loin devant son concurrent {s['org2']}"),
        "fr2": lambda s: (f"Loin devant {s['org2']}, {s['org']} contrôle aujourd’hui "
                          f"{pct_fr(s['pct'])} du marché des semi-conducteurs en Europe."),
        "en": lambda s: (f"{s['org']} now holds {pct_en(s['pct'])} of the European chip market, "
                         f"far ahead of its rival {s['org2']}."),
        "short": lambda s: (f"{s['org']} possède {pct_fr(s['pct'])} du marché européen des "
                            f"puces électroniques."),
        "fig": "pct",
    },
    {  # population
        "fr": lambda s: (f"La ville de {s['city']} compte désormais {count_fr(s['count'])} "
                         f"habitants", f"a indiqué son maire {s['person']}"),
        "fr2": lambda s: (f"D’après le maire {s['person']}, {count_fr(s['count'])} habitants "
                          f"vivent aujourd’hui dans la commune de {s['city']}."),
        "en": lambda s: (f"The town of {s['city']} now has {count_en(s['count'])} inhabitants, "
                         f"its mayor {s['person']} said."),
        "short": lambda s: (f"La commune de {s['city']} abrite aujourd’hui "
                            f"{count_fr(s['count'])} habitants au total."),
        "fig": "count",
        "subject": "city",
    },
]

_EXTRA = [  # what a longer sentence adds around a short claim
    lambda s: f", une opération saluée par {s['person2']} qui y voit un tournant pour tout le secteur",
    lambda s: f", alors que les régulateurs de {s['city2']} examinent de près le dossier",
    lambda s: f", un record depuis {s['year2']} selon les analystes du cabinet {s['org3']}",
]

_FILLER_WORDS = None


def _filler(rng: random.Random) -> str:
    """A claim with no facts: made-up common words, so that nothing duplicates it."""
    global _FILLER_WORDS
    if _FILLER_WORDS is None:
        r = random.Random(7)
        _FILLER_WORDS = [_word(r, r.choice((2, 3))) for _ in range(4000)]
    words = [rng.choice(_FILLER_WORDS) for _ in range(rng.randrange(9, 18))]
    glue = ["les", "de", "la", "et", "des", "pour", "dans", "une"]
    for i in range(1, len(words), 3):
        words[i] = rng.choice(glue) + " " + words[i]
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def _sentence(parts) -> str:
    if isinstance(parts, str):
        return parts
    main, tail = parts
    return f"{main}, {tail}."


def _reordered(parts) -> str:
    main, tail = parts
    first = main.split()[0]
    if first in ("Le", "La", "Les"):
        main = first.lower() + main[len(first):]
    return f"{tail[0].upper() + tail[1:]}, {main}."


def _change_figure(rng: random.Random, s: dict, which: str) -> dict:
    t = dict(s)
    if which == "money":
        m = dict(s["money"])
        m["x"] = round(m["x"] + rng.choice((-1, 1)) * max(0.5, round(m["x"] * 0.1, 1)), 1) \
            if m["scale"] == "milliard" else m["x"] + rng.choice((-1, 1)) * 5 * rng.randrange(1, 9)
        if m["x"] <= 0:
            m["x"] = s["money"]["x"] * 2
        t["money"] = m
    elif which == "pct":
        t["pct"] = s["pct"] + rng.choice((-3, -2, -1, 1, 2, 3))
        if t["pct"] <= 0:
            t["pct"] = s["pct"] + 4
    else:
        t["count"] = s["count"] + rng.choice((-1, 1)) * rng.randrange(50, 400)
    return t


# ---------------------------------------------------------------- the corpus

def generate(n_claims: int, seed: int = 5, planted_share: float = 0.1):
    """(claims, labels): claims are dicts with text, lang, fact; labels map pair -> kind."""
    rng = random.Random(seed)
    _USED.clear()
    names = Names(rng, n_claims)
    claims: list[dict] = []
    truth: dict[tuple[int, int], str] = {}
    negatives: dict[tuple[int, int], str] = {}

    def add(text: str, lang: str) -> int:
        claims.append({"text": text, "lang": lang})
        return len(claims) - 1

    def extra_slots(s: dict) -> dict:
        return s | {"person2": rng.choice(names.people), "city2": rng.choice(names.cities),
                    "year2": rng.randrange(1995, 2014), "org3": rng.choice(names.orgs)}

    per_kind = max(5, int(n_claims * planted_share / 2 / 7))
    for kind in ("paraphrase", "reorder", "containment", "cross-language", "conflict",
                 "short", "template", "boilerplate"):
        for _ in range(per_kind if kind not in ("short", "boilerplate") else per_kind // 2):
            tpl = rng.choice(TEMPLATES)
            s = _slots(rng, names, tpl)
            if kind == "paraphrase":
                pair = (add(_sentence(tpl["fr"](s)), "fr"), add(tpl["fr2"](s), "fr"))
            elif kind == "reorder":
                pair = (add(_sentence(tpl["fr"](s)), "fr"), add(_reordered(tpl["fr"](s)), "fr"))
            elif kind == "containment":
                short = tpl["short"](s)
                longer = short[:-1] + rng.choice(_EXTRA)(extra_slots(s)) + "."
                pair = (add(longer, "fr"), add(short, "fr"))
            elif kind == "cross-language":
                pair = (add(_sentence(tpl["fr"](s)), "fr"), add(tpl["en"](s), "en"))
            elif kind == "conflict":
                other = _change_figure(rng, s, tpl["fig"])
                pair = (add(_sentence(tpl["fr"](s)), "fr"), add(_sentence(tpl["fr"](other)), "fr"))
            elif kind == "short":
                org, org2 = s["org"], s["org2"]
                pair = (add(f"{org} a racheté {org2}.", "fr"),
                        add(f"{org2} a été acquis par {org}.", "fr"))
            elif kind == "template":
                other = dict(s)
                slot = "city" if tpl is TEMPLATES[1] or tpl is TEMPLATES[7] else "org"
                pool = names.cities if slot == "city" else names.orgs
                while other[slot] == s[slot]:
                    other[slot] = rng.choice(pool)
                pair = (add(_sentence(tpl["fr"](s)), "fr"), add(_sentence(tpl["fr"](other)), "fr"))
                negatives[pair] = kind
                continue
            else:  # boilerplate: the same attribution and hedges around different facts
                lead = "Selon plusieurs sources proches du dossier, il semblerait que "
                a = lead + _filler(rng).lower()
                b = lead + _filler(rng).lower()
                pair = (add(a, "fr"), add(b, "fr"))
                negatives[pair] = kind
                continue
            truth[pair] = kind
    while len(claims) < n_claims:  # background: unrelated facts, fillers, some English
        if rng.random() < 0.25:
            add(_filler(rng), "fr")
            continue
        tpl = rng.choice(TEMPLATES)
        s = _slots(rng, names, tpl)
        r = rng.random()
        if r < 0.15:
            add(tpl["en"](s), "en")
        elif r < 0.55:
            add(_sentence(tpl["fr"](s)), "fr")
        elif r < 0.8:
            add(tpl["fr2"](s), "fr")
        else:
            add(tpl["short"](s), "fr")
    return claims, truth, negatives


def _facets(item):
    text, lang = item
    return facets.extract(text, lang, facets.lower_vocabulary(text))


def build_store(path: str, claims: list[dict], seed: int = 5, per_article: int = 40) -> list[int]:
    """Store the corpus as articles (shuffled, one language each); returns article ids in
    import order.  Claims get their facets as an import would compute them."""
    items = [(c["text"], c["lang"]) for c in claims]
    if len(items) < 20_000:
        all_facets = [_facets(item) for item in items]
    else:
        with Pool(max(1, os.cpu_count() or 1)) as pool:
            all_facets = pool.map(_facets, items, chunksize=500)
    rng = random.Random(seed + 1)
    order = list(range(len(claims)))
    rng.shuffle(order)
    by_lang: dict[str, list[int]] = {"fr": [], "en": []}
    for i in order:
        by_lang[claims[i]["lang"]].append(i)
    batches = [(lang, ids[k:k + per_article]) for lang, ids in by_lang.items()
               for k in range(0, len(ids), per_article)]
    rng.shuffle(batches)
    store = Store(path)
    conn = store.conn
    article_ids = []
    with store.transaction():
        for n, (lang, ids) in enumerate(batches):
            text = " ".join(claims[i]["text"] for i in ids)
            cur = conn.execute(
                "INSERT INTO articles (title, language, format, sha256, text, imported_at)"
                " VALUES (?, ?, 'txt', ?, ?, '2026-01-01T00:00:00Z')",
                (f"bench {n}", lang, hashlib.sha256(text.encode()).hexdigest(), text))
            aid = cur.lastrowid
            article_ids.append(aid)
            pos = 0
            for seq, i in enumerate(ids, start=1):
                t = claims[i]["text"]
                cur = conn.execute(
                    "INSERT INTO claims (article_id, seq, char_start, char_end, text, facets)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (aid, seq, pos, pos + len(t), t, json.dumps(all_facets[i], ensure_ascii=False)))
                claims[i]["id"] = cur.lastrowid
                pos += len(t) + 1
    store.close()
    return article_ids


# ---------------------------------------------------------------- measuring

def evaluate(store: Store, claims, truth, negatives, thresholds_to_show=None) -> dict:
    by_id = {c["id"]: i for i, c in enumerate(claims)}
    rows = store.conn.execute(
        "SELECT a, b, score, conflicts, short FROM claim_pairs").fetchall()
    found = {}
    for a, b, score, conflicts, short in rows:
        i, j = sorted((by_id[a], by_id[b]))
        found[(i, j)] = (score, json.loads(conflicts), bool(short))
    t = dupes.Thresholds(dupes.HIGH_THRESHOLD, dupes.LOW_THRESHOLD)
    planted = {k: v for k, v in truth.items()}
    out = {"pairs_kept": len(found)}

    def stats(high: int, low: int) -> dict:
        tt = dupes.Thresholds(high, low)
        listed = confident = listed_true = confident_true = 0
        recall_listed = {}
        recall_right_kind = {}
        for (i, j), (score, conflicts, short) in found.items():
            kind = dupes.kind_of(score, conflicts, short, tt)
            if kind is None:
                continue
            listed += 1
            true = (i, j) in planted
            listed_true += true
            if kind in ("duplicate", "conflict"):
                confident += 1
                confident_true += true
        for pair, k in planted.items():
            got = found.get(tuple(sorted(pair)))
            kind = dupes.kind_of(got[0], got[1], got[2], tt) if got else None
            recall_listed.setdefault(k, []).append(kind is not None)
            want = {"conflict": "conflict", "short": "suggestion"}.get(k, "duplicate")
            recall_right_kind.setdefault(k, []).append(kind == want)
        return {
            "listed": listed, "listed_precision": listed_true / listed if listed else 1.0,
            "confident": confident,
            "confident_precision": confident_true / confident if confident else 1.0,
            "recall_listed": {k: sum(v) / len(v) for k, v in recall_listed.items()},
            "recall_kind": {k: sum(v) / len(v) for k, v in recall_right_kind.items()},
        }

    out["at_defaults"] = stats(t.high, t.low)
    neg_listed = {}
    for pair, k in negatives.items():
        got = found.get(tuple(sorted(pair)))
        neg_listed.setdefault(k, []).append(
            bool(got) and dupes.kind_of(got[0], got[1], got[2], t) is not None)
    out["negatives_listed"] = {k: sum(v) / len(v) for k, v in neg_listed.items()}
    if thresholds_to_show:
        out["table"] = {th: stats(th, th) for th in thresholds_to_show}
    return out


def exhaustive_rate(texts: list[str], sample: int, seed: int = 3) -> float:
    """Seconds per pair of exhaustive token_set_ratio (rapidfuzz's C++ loop), on a sample."""
    rng = random.Random(seed)
    pick = rng.sample(texts, min(sample, len(texts)))
    start = time.perf_counter()
    pairs = 0
    for i, q in enumerate(pick[:-1]):
        process.extract(q, pick[i + 1:], scorer=fuzz.token_set_ratio,
                        score_cutoff=dupes.LOW_THRESHOLD, limit=None)
        pairs += len(pick) - i - 1
    return (time.perf_counter() - start) / pairs


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--claims", type=int, default=None,
                    help=f"corpus size (default {FULL_CLAIMS}, --quick {QUICK_CLAIMS})")
    ap.add_argument("--quick", action="store_true",
                    help=f"{QUICK_CLAIMS} claims, well under a minute (also when BENCH_QUICK is set)")
    ap.add_argument("--sample", type=int, default=2000, help="claims in the exhaustive sample")
    ap.add_argument("--calibrate", action="store_true", help="print the threshold table")
    ap.add_argument("--cache-mb", type=int, default=0,
                    help="SQLite page cache for the run (default: SQLite's own, 2 MB)")
    ap.add_argument("--db", help="keep the generated store here (default: a temporary file)")
    args = ap.parse_args(argv)
    quick = args.quick or quick_requested([])
    n_claims = args.claims or (QUICK_CLAIMS if quick else FULL_CLAIMS)
    print(f"# dupes_speed: {machine_line()}")

    t0 = time.perf_counter()
    claims, truth, negatives = generate(n_claims)
    tmp = tempfile.TemporaryDirectory()
    path = args.db or os.path.join(tmp.name, "bench.db")
    if os.path.exists(path):
        os.remove(path)
    article_ids = build_store(path, claims)
    print(f"corpus: {len(claims)} claims in {len(article_ids)} articles, "
          f"{len(truth)} planted pairs, {len(negatives)} hard negatives "
          f"(built in {time.perf_counter() - t0:.0f} s)")

    store = Store(path)
    if args.cache_mb:
        store.conn.execute(f"PRAGMA cache_size = -{args.cache_mb * 1024}")
    cache: dict[int, dict] = {}
    per_article = []
    start = time.perf_counter()
    for aid in article_ids:
        a0 = time.perf_counter()
        with store.transaction() as conn:
            ids = [r[0] for r in conn.execute(
                "SELECT id FROM claims WHERE article_id = ? ORDER BY id", (aid,))]
            dupes.index_claims(conn, ids, cache if len(cache) < 300_000 else None)
        per_article.append(time.perf_counter() - a0)
    ours = time.perf_counter() - start
    n = len(claims)
    texts = [p.text for p in cache.values()] or [c["text"] for c in claims]
    rate = exhaustive_rate(texts, args.sample)
    exhaustive = rate * n * (n - 1) / 2
    tenth = max(1, len(per_article) // 10)
    early = sum(per_article[:tenth]) / tenth
    late = sum(per_article[-tenth:]) / tenth
    print(f"ours: {ours:.1f} s for {n} claims ({ours / n * 1e6:.0f} µs a claim); "
          f"an article of 40 claims: {early * 1000:.0f} ms in the first tenth of the store, "
          f"{late * 1000:.0f} ms in the last")
    print(f"exhaustive token_set_ratio: {rate * 1e6:.2f} µs a pair on a {args.sample}-claim "
          f"sample -> {exhaustive:.0f} s for n(n-1)/2 = {n * (n - 1) // 2:,} pairs")
    print(f"speed ratio: ours / exhaustive = {ours / exhaustive:.5f} "
          f"(1/{exhaustive / ours:.0f})")

    shown = list(range(50, 101, 2)) if args.calibrate else None
    result = evaluate(store, claims, truth, negatives, shown)
    d = result["at_defaults"]
    print(f"thresholds high={dupes.HIGH_THRESHOLD} low={dupes.LOW_THRESHOLD}: "
          f"{result['pairs_kept']} pairs kept, {d['listed']} listed, {d['confident']} confident")
    planted_recall = sum(d["recall_listed"][k] * sum(1 for v in truth.values() if v == k)
                         for k in d["recall_listed"]) / len(truth)
    print(f"recall of planted pairs (listed at >= low): {planted_recall:.3f}")
    for k, v in d["recall_listed"].items():
        print(f"  {k:<15} listed {v:.3f}   right kind {d['recall_kind'][k]:.3f}")
    print(f"precision: listed {d['listed_precision']:.3f}, "
          f"confident (duplicate/conflict) {d['confident_precision']:.3f}")
    for k, v in result["negatives_listed"].items():
        print(f"  hard negatives '{k}' listed: {v:.3f}")

    # RESULT lines (bench/run_all.py)
    full = n >= FULL_CLAIMS
    common = dict(claims=n, planted=len(truth), sample=args.sample)
    result_row(f"dupes: index {n} claims vs exhaustive", round(ours, 2), "s",
               peer=round(exhaustive, 1), peer_name="exhaustive token_set_ratio",
               higher_is_better=False,
               **(dict(min_ratio=TARGET_SPEEDUP) if full else dict(target="info")),
               us_per_pair_exhaustive=round(rate * 1e6, 3),
               ms_per_article_first_tenth=round(early * 1000, 1),
               ms_per_article_last_tenth=round(late * 1000, 1), **common)
    if not full:  # ours grows with n, exhaustive with n²: project both to the target size
        m = FULL_CLAIMS
        projected = max(early, late) / 40 * m  # the per-claim cost of the fuller store
        result_row(f"dupes: projected to {m} claims vs exhaustive", round(projected, 1), "s",
                   peer=round(rate * m * (m - 1) / 2, 1), peer_name="exhaustive token_set_ratio",
                   higher_is_better=False, min_ratio=TARGET_SPEEDUP,
                   note="per-claim cost of the last tenth of this store times "
                        f"{m}; measure without --quick to be sure", **common)
    result_row("dupes: recall of planted pairs", round(planted_recall, 4), "share",
               peer=MIN_RECALL, peer_name="floor", ok=planted_recall >= MIN_RECALL,
               target=f">= {MIN_RECALL}", **common)
    # a small corpus has few confident pairs (341 at 10 000 claims): one wrong pair is 0.3 %
    floor = MIN_CONFIDENT_PRECISION if full else MIN_CONFIDENT_PRECISION - 0.01
    result_row("dupes: precision of confident pairs", round(d["confident_precision"], 4), "share",
               peer=floor, peer_name="floor", ok=d["confident_precision"] >= floor,
               target=f">= {floor:.2f}", confident=d["confident"], **common)
    result_row("dupes: precision of listed pairs", round(d["listed_precision"], 4), "share",
               target="info", listed=d["listed"], **common)
    if args.calibrate:
        print("\nthreshold  recall(listed)  precision(listed)  pairs")
        for th, s in result["table"].items():
            rec = sum(s["recall_listed"][k] * sum(1 for v in truth.values() if v == k)
                      for k in s["recall_listed"] if k != "short") / sum(
                1 for v in truth.values() if v != "short")
            print(f"{th:>9}  {rec:>14.3f}  {s['listed_precision']:>17.4f}  {s['listed']:>6}")
    store.close()
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
