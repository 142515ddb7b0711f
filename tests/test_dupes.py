"""Near-duplicate claims: what counts, verdicts that flow, import-time detection, the CLI."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

import pytest

from conftest import SEED_ARTICLE, env_for_cli
from factcheck.ingest import import_document
from factcheck.matching import dupes
from factcheck.text.document import parse_document
from factcheck.matching.dupes import index as dupes_index
from factcheck.text import normalise

ROOT = SEED_ARTICLE.parent.parent

SEED_LONG = ("L’entreprise a investi la somme colossale de 14,3 milliards de dollars pour acquérir "
             "49 % de la startup d’étiquetage de données Scale AI")
SHORT_FR = "Meta a déboursé 14,3 milliards de dollars pour 49 % de Scale AI"
SHORT_FR_CONFLICT = "Meta a déboursé 14,8 milliards de dollars pour 49 % de Scale AI"
SHORT_EN = "Meta paid $14.3 billion for a 49% stake in Scale AI"


def add(store, text: str, lang: str = "fr", title: str | None = None) -> list[dict]:
    """Import one article; returns its claims."""
    result = import_document(store, parse_document(text.encode("utf-8"), "a.txt"),
                                   title=title or text[:30], language=lang)
    return store.claims(article_id=result.article["id"])


def seed_claim(store) -> dict:
    return next(c for c in store.claims() if "Scale AI" in c["facets"]["entities"]
                and "14,3" in c["text"])


def pair(store, a: int, b: int) -> dict | None:
    lo, hi = sorted((a, b))
    return next((p for p in dupes.find_pairs(store) if (p["a"], p["b"]) == (lo, hi)), None)


# ---------------------------------------------------------------- what counts

def test_paraphrase_is_a_duplicate():
    r = dupes.compare_texts(
        "Meta a investi 14,3 milliards de dollars dans la startup Scale AI pour recruter son "
        "fondateur Alexandr Wang.",
        "Le groupe Meta a dépensé 14,3 milliards de dollars dans la jeune pousse Scale AI afin "
        "d’embaucher son fondateur Alexandr Wang.")
    assert r["kind"] == "duplicate" and r["relation"] == "equal"


def test_reordered_clauses_are_a_duplicate():
    r = dupes.compare_texts(
        "Le taux de chômage à Lyon a atteint 7,2 % en 2024, selon les chiffres de l’Insee.",
        "Selon les chiffres de l’Insee, le taux de chômage à Lyon a atteint 7,2 % en 2024.")
    assert r["kind"] == "duplicate" and r["relation"] == "equal"


def test_a_short_claim_contained_in_the_seed_sentence_is_a_duplicate(seeded):
    store, _ = seeded
    long = seed_claim(store)
    [short] = add(store, SHORT_FR + ".")
    p = pair(store, long["id"], short["id"])
    assert p is not None and p["kind"] == "duplicate" and p["conflicts"] == []
    assert p["score"] >= dupes.HIGH_THRESHOLD
    [d] = [d for d in dupes.duplicates_of(store, short["id"]) if d["claim_id"] == long["id"]]
    assert d["relation"] == "contained"  # the seed sentence says more


def test_a_different_figure_is_a_conflict_never_a_duplicate(seeded):
    store, _ = seeded
    long = seed_claim(store)
    [other] = add(store, SHORT_FR_CONFLICT + ".")
    p = pair(store, long["id"], other["id"])
    assert p["kind"] == "conflict"
    a_is_seed = p["a"] == long["id"]
    want = ({"a": "14,3 milliards de dollars", "b": "14,8 milliards de dollars"} if a_is_seed
            else {"a": "14,8 milliards de dollars", "b": "14,3 milliards de dollars"})
    assert p["conflicts"] == [want]


def test_cross_language_pairs_meet_through_figures_and_names(seeded):
    store, _ = seeded
    long = seed_claim(store)
    [en] = add(store, SHORT_EN + ".", lang="en")
    assert pair(store, long["id"], en["id"])["kind"] == "duplicate"
    [en_conflict] = add(store, "Meta paid $14.8 billion for a 49% stake in Scale AI.", lang="en")
    p = pair(store, long["id"], en_conflict["id"])
    assert p["kind"] == "conflict" and len(p["conflicts"]) == 1


@pytest.mark.parametrize("a, b", [
    # a template: the same words about another place
    ("Le taux de chômage à Lyon a atteint 7,2 % au deuxième trimestre selon l’Insee.",
     "Le taux de chômage à Lille a atteint 7,2 % au deuxième trimestre selon l’Insee."),
    ("Le taux de chômage à Lyon a atteint 7,2 % au deuxième trimestre selon l’Insee.",
     "Le taux de chômage à Lille a atteint 8,1 % au deuxième trimestre selon l’Insee."),
    # only a common name in common
    ("Meta a annoncé le lancement d’un nouveau casque de réalité virtuelle pour les joueurs.",
     "Meta a licencié des milliers d’employés dans sa division de réalité augmentée."),
    # only boilerplate in common
    ("Selon plusieurs sources proches du dossier, la situation reste très préoccupante pour le "
     "gouvernement.",
     "Selon plusieurs sources proches du dossier, le projet reste très incertain pour les "
     "investisseurs."),
    # the same sentence about another year: another fact
    ("Le taux de chômage à Lyon a atteint 7,2 % en 2023, selon les chiffres de l’Insee.",
     "Le taux de chômage à Lyon a atteint 7,5 % en 2024, selon les chiffres de l’Insee."),
])
def test_near_misses_are_not_listed(a, b):
    r = dupes.compare_texts(a, b)
    assert r["kind"] is None, r


def test_a_short_claim_said_in_full_on_both_sides_can_be_confident():
    r = dupes.compare_texts("Meta a racheté Scale AI.", "Meta a racheté Scale AI.")
    assert r["short"] is False and r["kind"] == "duplicate"
    r = dupes.compare_texts("Chômage à Lyon : 7,2 %.", "7,2 % de chômage à Lyon.")
    assert r["kind"] == "duplicate", r
    # the same short fact with another figure is a conflict, never a duplicate
    r = dupes.compare_texts("Chômage à Lyon : 7,2 %.", "8,1 % de chômage à Lyon.")
    assert r["kind"] in ("conflict", "suggestion", None) and r["kind"] != "duplicate"


def test_a_short_claim_inside_a_longer_one_is_not_automatically_a_duplicate():
    long = ("Alexandr Wang, le fondateur de Scale AI, a rejoint Meta en 2023 pour diriger son "
            "laboratoire de superintelligence.")
    r = dupes.compare_texts("Alexandr Wang en 2023.", long)
    assert r["score"] < 100 and r["kind"] != "duplicate"
    r = dupes.compare_texts("Alexandr Wang in 2023.", "Alexandr Wang, the founder of Scale AI, "
                            "joined Meta in 2023 to lead its superintelligence lab.")
    assert r["score"] < 100 and r["kind"] != "duplicate"


@pytest.mark.parametrize("a, b", [
    ("Paris beat Lyon 3-1 in the final of the national cup on Sunday evening.",
     "Lyon beat Paris 3-1 in the final of the national cup on Sunday evening."),
    ("Cook Pond, also known as the South Watuppa Pond, is located south east of Laurel Lake "
     "and west of the Taunton River.",
     "Cook Pond, also known as Laurel Lake, is located south east of the Taunton River and "
     "west of the South Watuppa Pond."),
])
def test_word_order_matters(a, b):
    r = dupes.compare_texts(a, b, "en")
    assert r["kind"] != "duplicate", r


def test_an_acronym_is_the_name_it_stands_for():
    r = dupes.compare_texts("The FBI arrested 312 people in Chicago on January 1, 2004.",
                            "The Federal Bureau of Investigation arrested 312 people in "
                            "Chicago on January 1, 2004.", "en")
    assert r["kind"] == "duplicate" and r["relation"] == "equal", r
    r = dupes.compare_texts("EDF va supprimer 3 650 emplois dans son usine de Lyon.",
                            "Électricité de France va supprimer 3 650 emplois dans son usine "
                            "de Lyon.")
    assert r["kind"] == "duplicate", r


def test_a_day_without_its_year_agrees_with_the_same_day_with_it():
    r = dupes.compare_texts(
        "Marie Dupont a été nommée directrice générale de Renault le 1er janvier.",
        "Marie Dupont a été nommée directrice générale de Renault le 1er janvier 2004.")
    assert r["kind"] == "duplicate", r
    r = dupes.compare_texts(
        "Marie Dupont a été nommée directrice générale de Renault le 1er janvier 2004.",
        "Marie Dupont a été nommée directrice générale de Renault le 1er février 2004.")
    assert r["kind"] is None, r


def test_the_source_of_an_attribution_is_not_an_actor():
    r = dupes.compare_texts(
        "Selon l’AFP, Renault a cédé 5 % de Nissan pour 1,2 milliard d’euros.",
        "Renault a cédé 5 % de Nissan pour 1,2 milliard d’euros, une opération qui rebat les "
        "cartes de l’alliance entre les deux constructeurs.")
    assert r["kind"] == "duplicate", r
    # a sentence-initial "Today" is a date, not a name on one side only
    r = dupes.compare_texts("Today, Apple sold 3 million iPhones in China, Reuters reported.",
                            "Apple sold 3 million iPhones in China, according to Reuters.",
                            "en")
    assert r["kind"] == "duplicate", r


def test_the_same_sentence_about_other_actors_is_capped_not_other_names_anywhere():
    # a template: the name in the same place, the rest the same
    r = dupes.compare_texts("Kering a été condamné à une amende de 360 millions d’euros par le "
                            "tribunal de Bordeaux.",
                            "Carrefour a été condamné à une amende de 360 millions d’euros par "
                            "le tribunal de Bordeaux.")
    assert r["kind"] is None and r["score"] <= 40
    # names that each side has elsewhere, not in each other's place, leave it to the model
    from factcheck.analysis import facets as facets_mod
    from factcheck.matching.dupes import scorer
    from factcheck.matching.dupes.signature import Prepared

    def prepared(text):
        return Prepared(dupes.signature(text, facets_mod.extract(text, "en"), "en"))

    parts = scorer.parts(
        prepared("Emmy and Golden Globe Award-winners James Brolin and Judy Davis star as "
                 "Ronald and Nancy Reagan in The Reagans."),
        prepared("James Brolin and Judy Davis play Ronald and Nancy Reagan in the CBS film."))
    assert parts.facts.lost_a and parts.facts.lost_b and parts.cap == 100


@pytest.mark.parametrize("a, la, b, lb", [
    # other actors on each side: the same template, perhaps not the same fact
    ("Firpol Systems now holds 37% of the European chip market, far ahead of its rival "
     "Terrinyor Systems.", "en",
     "Tamdragal Group now holds 37% of the European chip market, far ahead of its rival "
     "Firpol Systems.", "en"),
    # across languages, an actor one side names and the other does not
    ("Tradantra Labs a été acquis par Xerbarmon Group.", "fr",
     "Venquel Labs now holds 76% of the European chip market, far ahead of its rival "
     "Xerbarmon Group.", "en"),
])
def test_other_actors_make_a_suggestion_at_most(a, la, b, lb):
    pair = dupes.compare_texts(a, b, la, lb)
    assert pair["kind"] in (None, "suggestion"), pair


def test_the_demo_article_has_no_duplicates_of_itself(seeded):
    store, _ = seeded
    assert [p for p in dupes.find_pairs(store) if p["kind"] != "suggestion"] == []


# ---------------------------------------------------------------- import time, incremental

def test_import_finds_duplicates_against_the_store_in_the_same_transaction(seeded):
    store, _ = seeded
    before = store.conn.execute("SELECT count(*) FROM claim_pairs").fetchone()[0]
    [short] = add(store, SHORT_FR + ".")
    # written by the import itself: no dupes call was needed
    rows = store.conn.execute("SELECT a, b FROM claim_pairs WHERE b = ?", (short["id"],)).fetchall()
    assert rows and store.conn.execute("SELECT count(*) FROM claim_pairs").fetchone()[0] > before
    assert store.conn.execute("SELECT count(*) FROM dupe_claims").fetchone()[0] == \
        store.claim_count()


def test_claims_from_before_the_feature_are_indexed_on_first_use(seeded):
    store, _ = seeded
    store.conn.executescript("DELETE FROM claim_pairs; DELETE FROM dupe_keys;"
                             " DELETE FROM dupe_key_counts; DELETE FROM dupe_claims;")
    [short] = add(store, SHORT_FR + ".")  # only itself to compare with, for now
    assert dupes.find_pairs(store, article_id=short["article_id"])  # backfills, then finds
    assert store.conn.execute("SELECT count(*) FROM dupe_claims").fetchone()[0] == \
        store.claim_count()


def test_importing_one_more_article_costs_the_same_in_a_bigger_store(store, monkeypatch):
    """Counted, not timed: SQLite's virtual-machine steps and the text comparisons of one
    import, in a store of 5 articles and in one of 60 (a loaded machine slows seconds, not
    counts). The articles share their wording but no name or figure: the words are too
    common to block on, so nothing in the store is worth comparing with."""
    def article(i: int) -> str:
        return " ".join(f"La société Firme{i}x{j} a levé {i * 20 + j + 1} millions d’euros "
                        f"auprès du fonds Fonds{i}y{j} pour ouvrir une usine à Ville{i}z{j}."
                        for j in range(20))

    steps, compared = [0], [0]

    def step() -> int:
        steps[0] += 1
        return 0  # go on

    real = dupes_index._compare_prepared

    def counted(*args, **kwargs):
        compared[0] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(dupes_index, "_compare_prepared", counted)
    store.conn.set_progress_handler(step, 100)  # one step per 100 SQLite instructions

    def cost(i: int) -> tuple[int, int]:
        before = steps[0], compared[0]
        add(store, article(i))
        return steps[0] - before[0], compared[0] - before[1]

    small = [cost(i) for i in range(5)][-1]
    for i in range(5, 60):
        add(store, article(i))
    big = cost(60)
    store.conn.set_progress_handler(None, 0)
    assert store.claim_count() >= 1200
    assert big[0] < small[0] * 1.5 + 20, (small, big)  # no scan of every claim
    assert big[1] <= small[1], (small, big)  # nor a comparison with each of them


def _bench(name: str):
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # (its dataclasses look their module up)
    spec.loader.exec_module(module)
    return module


def test_generated_newsroom_store_recall_and_hard_negatives(tmp_path):
    bench = _bench("dupes_scale")
    claims, truth, negatives = bench.generate(1500)
    path = str(tmp_path / "bench.db")
    articles = bench.build_store(path, claims)
    from factcheck.store import Store

    with Store(path) as s:
        for aid in articles:
            with s.transaction() as conn:
                dupes.index_article(conn, aid)
        result = bench.evaluate(s, claims, truth, negatives)
    planted = {k: v for k, v in result["recall"].items() if k not in ("other-name", "other-date")}
    assert all(v >= 0.95 for v in planted.values()), result["recall"]
    assert result["recall"]["other-name"] == result["recall"]["other-date"] == 0
    assert result["conflicts_flagged"] == 1.0  # listed, with the figures that differ
    # what scores >= high when compared directly, the index found
    assert result["missed_high"] == []


# ---------------------------------------------------------------- verdicts that flow

def test_verifying_the_long_sentence_verifies_its_duplicates_with_history(seeded):
    store, _ = seeded
    long = seed_claim(store)
    [short] = add(store, SHORT_FR + ".")
    [en] = add(store, SHORT_EN + ".", lang="en")
    [conflict] = add(store, SHORT_FR_CONFLICT + ".")
    events = dupes.mark_with_duplicates(store, long["id"], "verified", editor="alice",
                                        note="Reuters")
    assert events[0]["claim_id"] == long["id"]
    followed = {e["claim_id"]: e for e in events[1:]}
    assert set(followed) == {short["id"], en["id"]}
    for cid in (short["id"], en["id"]):
        assert store.claim(cid)["status"] == "verified"
        [h] = store.history(cid)
        assert h["details"]["followed"] == long["id"] and h["editor"] == "alice"
        assert h["note"] == f"followed claim {long['id']}: Reuters"
    assert store.claim(conflict["id"])["status"] == "pending"  # conflicts are never changed
    assert store.history(conflict["id"]) == []


def test_verified_never_flows_up_from_a_short_claim_to_a_longer_one(seeded):
    store, _ = seeded
    long = seed_claim(store)
    [short] = add(store, SHORT_FR + ".")
    events = dupes.mark_with_duplicates(store, short["id"], "verified", editor="bob")
    assert [e["claim_id"] for e in events] == [short["id"]]
    assert store.claim(long["id"])["status"] == "pending"
    follow, skipped = dupes.plan_with_duplicates(store, short["id"], "verified")
    assert follow == [] and any(s["claim_id"] == long["id"] for s in skipped)


def test_a_colleagues_verdict_is_not_overwritten_and_pending_undoes_only_what_followed(seeded):
    store, _ = seeded
    long = seed_claim(store)
    [short] = add(store, SHORT_FR + ".")
    [en] = add(store, SHORT_EN + ".", lang="en")
    store.mark(en["id"], "disputed", editor="carol")
    dupes.mark_with_duplicates(store, long["id"], "verified", editor="alice")
    assert store.claim(en["id"])["status"] == "disputed"
    assert store.claim(short["id"])["status"] == "verified"
    dupes.mark_with_duplicates(store, long["id"], "pending", editor="alice")
    assert store.claim(short["id"])["status"] == "pending"
    assert store.claim(en["id"])["status"] == "disputed"


def test_duplicates_of_says_who_decided_and_export_lists_duplicates(seeded):
    store, _ = seeded
    long = seed_claim(store)
    [short] = add(store, SHORT_FR + ".")
    store.mark(long["id"], "verified", editor="alice")
    [d] = [d for d in dupes.duplicates_of(store, short["id"]) if d["claim_id"] == long["id"]]
    assert d["status"] == "verified" and d["decided_by"] == "alice" and d["decided_at"]
    assert d["text"] == long["text"] and d["article_id"] == long["article_id"]
    assert d["kind"] == "duplicate" and d["flows"] is False
    event = dupes.adopt_verdict(store, short["id"], long["id"], editor="bob")
    assert event["to"] == "verified" and event["details"]["followed"] == long["id"]
    out = dupes.duplicates_for_export(store, [short["id"], 1])
    assert out[1] == [] or all("status" in x for x in out[1])
    [x] = [x for x in out[short["id"]] if x["id"] == long["id"]]
    assert x == {"id": long["id"], "kind": "duplicate", "score": d["score"], "conflicts": [],
                 "relation": "contained", "status": "verified"}


def test_thresholds_come_from_the_settings_table(seeded):
    store, _ = seeded
    long = seed_claim(store)
    [short] = add(store, SHORT_FR + ".")
    score = pair(store, long["id"], short["id"])["score"]
    assert score < 100
    store.conn.execute("INSERT INTO settings (key, value) VALUES ('dupes.high', ?)",
                       (str(score + 1),))
    assert pair(store, long["id"], short["id"])["kind"] == "suggestion"
    store.conn.execute("UPDATE settings SET value = 'lots' WHERE key = 'dupes.high'")
    from factcheck.store import StoreError

    with pytest.raises(StoreError, match="dupes.high"):
        dupes.find_pairs(store)


# ---------------------------------------------------------------- the command line

def run(db, *args, check=True):
    proc = subprocess.run([sys.executable, "-m", "factcheck", *args, "--db", db],
                          capture_output=True, env=env_for_cli(db), timeout=120, text=True)
    if check and proc.returncode != 0:
        raise AssertionError(proc.stderr)
    return proc


def test_cli_dupes_json_shape_and_mark_with_duplicates(db_path, tmp_path):
    run(db_path, "import", str(SEED_ARTICLE))
    short = tmp_path / "short.txt"
    short.write_text(SHORT_FR + ". " + SHORT_FR_CONFLICT.replace("Meta", "Le groupe Meta") + ".",
                     encoding="utf-8")
    out = json.loads(run(db_path, "import", str(short), "--json").stdout)
    pairs = json.loads(run(db_path, "dupes", "--json").stdout)
    assert pairs and all(set(p) == {"a", "b", "score", "kind", "conflicts"} for p in pairs)
    assert all(p["a"] < p["b"] and 0 <= p["score"] <= 100 for p in pairs)
    assert {p["kind"] for p in pairs} >= {"duplicate", "conflict"}
    conflict = next(p for p in pairs if p["kind"] == "conflict")
    assert conflict["conflicts"] and set(conflict["conflicts"][0]) == {"a", "b"}
    only = json.loads(run(db_path, "dupes", "--article", str(out["article"]["id"]),
                          "--threshold", "99", "--json").stdout)
    assert all(p["score"] >= 99 for p in only)
    text = run(db_path, "dupes").stdout
    assert "figures differ: 14,3 milliards de dollars" in text or "figures differ" in text

    seed = next(c for c in json.loads(run(db_path, "claims", "--article", "1", "--json").stdout)
                if "14,3" in c["text"])
    events = json.loads(run(db_path, "mark", str(seed["id"]), "verified", "--with-duplicates",
                            "--editor", "alice", "--json").stdout)
    assert events[0]["claim_id"] == seed["id"] and len(events) >= 2
    assert all(e["details"]["followed"] == seed["id"] for e in events[1:])


def test_cli_errors_are_one_line(db_path):
    run(db_path, "import", str(SEED_ARTICLE))
    bad = run(db_path, "dupes", "--article", "99", check=False)
    assert bad.returncode != 0 and bad.stderr.count("\n") == 1 and "99" in bad.stderr
    bad = run(db_path, "dupes", "--threshold", "abc", check=False)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    assert "dupes" in run(db_path, "dupes", "--help").stdout


# ---------------------------------------------------------------- the index stays lean

def test_fold_matches_the_character_by_character_definition():
    import unicodedata

    def reference(text):
        decomposed = unicodedata.normalize("NFKD", text.casefold())
        return "".join(c for c in decomposed if not unicodedata.combining(c))

    samples = ["Déboursé ÉCOLE straße Œuvre ﬁn ½ İstanbul Ǆ ῼ ΐ", "plain ASCII", "a\u0301",
               "a\U0001D165b", "Ελληνικά ἄνθρωπος", "Việt Nam", "ﬀ™©"]
    samples += ["x" + chr(c) + "y" for c in range(0x80, 0x3000)]
    normalise._combining_marks()  # the fast way, whatever ran before
    assert [normalise.fold(t) for t in samples] == [reference(t) for t in samples]


def test_a_key_too_common_to_block_on_is_no_longer_posted_nor_counted(store):
    n = dupes.MAX_POSTINGS + 5
    text = " ".join(f"Le conseil municipal de Bourgvert{i} a voté le budget annuel de la "
                    f"commune numéro {i}." for i in range(n))
    add(store, text)
    conn = store.conn
    [(posted,)] = conn.execute("SELECT count(*) FROM dupe_keys WHERE key = 't:municip'")
    [(counted,)] = conn.execute("SELECT n FROM dupe_key_counts WHERE key = 't:municip'")
    assert posted == counted == n  # one batch: all posted, all counted
    add(store, "Le conseil municipal de Bourgneuf a voté le budget annuel de la commune.")
    assert conn.execute("SELECT count(*) FROM dupe_keys WHERE key = 't:municip'"
                        ).fetchone()[0] == n
    assert conn.execute("SELECT n FROM dupe_key_counts WHERE key = 't:municip'"
                        ).fetchone()[0] == n
    # a rare key of the same claim is posted and counted as ever
    assert conn.execute("SELECT n FROM dupe_key_counts WHERE key = 'n:bourgneuf'"
                        ).fetchone()[0] == 1
    assert conn.execute("SELECT n FROM dupe_key_counts WHERE key = '#claims'"
                        ).fetchone()[0] == store.claim_count()


def test_pairs_are_the_same_whether_indexed_by_article_or_all_at_once(tmp_path):
    bench = _bench("dupes_scale")
    claims, _truth, _negatives = bench.generate(600)
    from factcheck.store import Store

    found = []
    for how in ("articles", "cache"):
        path = str(tmp_path / f"{how}.db")
        articles = bench.build_store(path, claims)
        with Store(path) as s:
            cache: dict = {}
            for aid in articles:
                with s.transaction() as conn:
                    if how == "articles":
                        dupes.index_article(conn, aid)
                    else:
                        ids = [r[0] for r in conn.execute(
                            "SELECT id FROM claims WHERE article_id = ? ORDER BY id", (aid,))]
                        dupes.index_claims(conn, ids, cache)
            found.append(s.conn.execute("SELECT a, b, score, conflicts, relation, short"
                                        " FROM claim_pairs ORDER BY a, b").fetchall())
    assert found[0] and found[0] == found[1]


def test_the_desk_reads_duplicates_without_writing(store, monkeypatch):
    """duplicates_of(index=False), as the desk's screen thread calls it, never indexes."""
    monkeypatch.setattr(dupes, "index_article", lambda *a, **k: 0)
    for name, text in (("a.txt", "Meta a déboursé 14,3 milliards de dollars pour 49 % de"
                                 " Scale AI, selon le Financial Times, en juin 2025."),
                       ("b.txt", "Selon le Financial Times, Meta a déboursé 14,3 milliards"
                                 " de dollars pour 49 % de Scale AI en juin 2025.")):
        import_document(store, parse_document(text.encode(), name))
    monkeypatch.undo()
    first = store.claims()[0]["id"]
    assert dupes.duplicates_of(store, first, index=False) == []
    assert store.conn.execute("SELECT count(*) FROM dupe_claims").fetchone()[0] == 0
    assert [d["kind"] for d in dupes.duplicates_of(store, first)] == ["duplicate"]


def test_keys_of_a_prepared_signature_are_those_of_the_raw_one():
    """keys_of keeps the keys a prepared signature worked out: the same keys."""
    import copy

    from factcheck.analysis import facets as facets_mod
    from factcheck.matching.dupes.signature import Prepared

    texts = [("Meta a déboursé 14,3 milliards de dollars pour 49 % de Scale AI, selon "
              "Reuters, le 12 juin 2025.", "fr"),
             ("Meta paid $14.3 billion for a 49% stake in Scale AI; Sam Altman said Meta "
              "offered $100 million signing bonuses to OpenAI staff in 2025.", "en"),
             ("Une phrase sans chiffre ni nom.", "fr"), ("3 650 emplois, 3 650 salariés.", "fr")]
    for text, lang in texts:
        sig = dupes.signature(text, facets_mod.extract(text, lang), lang)
        raw = dupes.keys_of(copy.deepcopy(sig))
        prepared = Prepared(sig)
        assert dupes.keys_of(prepared) == raw == dupes.keys_of(prepared)
        assert any(k.startswith("t:") for k in raw)


def test_a_rare_combination_of_common_keys_is_blocked_on(store):
    """Names and figures that recur everywhere still meet when their combination is rare:
    the pair is found however common "Renault" and "Lyon" are on their own."""
    filler = " ".join(f"Renault a ouvert une agence numéro {i} à Lyon pour {i + 7} clients."
                      for i in range(dupes.MAX_POSTINGS + 10))
    add(store, filler)
    [first] = add(store, "Renault va supprimer 3 650 emplois dans son usine de Lyon, a annoncé "
                         "sa directrice le 3 mars 2024.")
    [second] = add(store, "Le 3 mars 2024, la directrice de Renault a indiqué que le groupe "
                          "comptait se séparer de 3 650 salariés sur son site de Lyon.")
    counts = dict(store.conn.execute(
        "SELECT key, n FROM dupe_key_counts WHERE key IN ('n:renault', 'n:lyon')").fetchall())
    assert min(counts.values()) > dupes.MAX_POSTINGS  # each one alone: too common
    p = pair(store, first["id"], second["id"])
    assert p is not None and p["kind"] == "duplicate"


def test_an_index_made_by_the_former_scorer_is_rebuilt_after_the_upgrade(db_path):
    """Migration 7 empties the index of the former scorer (signatures of version 1, its
    pairs and keys); the first duplicate search rebuilds it from the claims."""
    import sqlite3

    from factcheck.store import Store

    with Store(db_path) as store:
        [long] = add(store, SEED_LONG + ".")
        [short] = add(store, SHORT_FR + ".")
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.executescript(
        "DELETE FROM dupe_keys; DELETE FROM dupe_key_counts; DELETE FROM claim_pairs;"
        " UPDATE dupe_claims SET signature = '{\"w\":3,\"l\":\"fr\",\"t\":[],\"n\":[],"
        "\"f\":[],\"d\":[]}';"
        " INSERT INTO claim_pairs (a, b, score, conflicts, relation, short, found_at)"
        f" VALUES ({long['id']}, {short['id']}, 12, '[]', 'equal', 1, 'then');"
        " PRAGMA user_version = 6;")
    conn.close()
    with Store(db_path) as store:
        assert store.conn.execute("SELECT count(*) FROM dupe_claims").fetchone()[0] == 0
        p = pair(store, long["id"], short["id"])
        assert p is not None and p["kind"] == "duplicate" and p["score"] >= dupes.HIGH_THRESHOLD
        version = store.conn.execute("SELECT DISTINCT json_extract(signature, '$.v')"
                                     " FROM dupe_claims").fetchall()
        assert version == [(2,)]


def test_a_spelling_variant_of_a_name_is_the_same_name():
    r = dupes.compare_texts(
        "Meta a recruté Alexandr Wang, le fondateur de Scale AI, pour 14,3 milliards de dollars.",
        "Meta a recruté Alexander Wang, le fondateur de Scale AI, pour 14,3 milliards de "
        "dollars.")
    assert r["kind"] == "duplicate" and r["relation"] == "equal", r


def test_the_shipped_weights_fit_the_scorer():
    """weights.json is made by bench/train_dupes.py for these features and regimes (the
    script also checks that the same data gives the same file)."""
    from factcheck.matching.dupes import scorer

    w = scorer.weights()
    assert set(w) == {"cross", "passage", "short", "same_words", "moved_words", "other_words"}
    assert all(len(v) == len(scorer.FEATURES) for v in w.values())
