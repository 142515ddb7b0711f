"""A newsroom's verdicts: the rating scale, `rate`, the rationale (`explain`)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import env_for_cli
from factcheck.errors import InputError, StaleEdit
from factcheck.report.model import notes_of, pending_count
from factcheck.store import Store, verdicts


def cli(db: str, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "factcheck", *args, "--db", db],
                          capture_output=True, input=stdin, env=env_for_cli(db), timeout=60)


# ------------------------------------------------------------ the scale

def test_the_default_scale_in_french_and_english():
    scale = verdicts.DEFAULT
    assert [r.name("fr") for r in scale.ratings] == [
        "Vrai", "Plutôt vrai", "Trompeur", "Plutôt faux", "Faux", "Invérifiable"]
    assert [r.name("en") for r in scale.ratings] == [
        "True", "Mostly true", "Misleading", "Mostly false", "False", "Unverifiable"]
    assert [r.status for r in scale.ratings] == [
        "verified", "verified", "disputed", "disputed", "disputed", "pending"]
    assert [r.value for r in scale.ratings] == [5, 4, 3, 2, 1, None]
    assert (scale.worst, scale.best) == (1, 5)


@pytest.mark.parametrize("word, name", [("plutot VRAI", "Plutôt vrai"),
                                        ("  mostly-true ", "Plutôt vrai"),
                                        ("INVERIFIABLE", "Invérifiable"),
                                        ("misleading", "Trompeur")])
def test_a_rating_is_found_by_any_of_its_names_case_and_accents_aside(word, name):
    assert verdicts.DEFAULT.find(word).name("fr") == name


def test_what_a_status_says_when_no_rating_was_chosen():
    scale = verdicts.DEFAULT
    assert scale.verdict("verified", None, "fr").name == "Vrai"
    assert scale.verdict("disputed", None, "en").name == "False"
    assert scale.verdict("pending", None, "fr") is None
    # a rating the status no longer agrees with (v pressed after rating it false)
    assert scale.verdict("verified", "Faux", "fr") == scale.verdict("verified", None, "fr")
    own = scale.verdict("disputed", "Exagéré", "fr")  # the editor's own word
    assert own.name == "Exagéré" and own.chosen and own.rating.value == 1


@pytest.mark.parametrize("data, message", [
    ({"ratings": []}, "non-empty list"),
    ([{"name": "A", "status": "true", "value": 1}], "status must be one of"),
    ([{"name": "A", "status": "verified", "value": "5"}], "value must be a number"),
    ([{"name": {"f1": "A"}, "status": "verified", "value": 1}], "language code"),
    ([{"name": "A", "status": "verified", "value": 2},
      {"name": {"fr": "a"}, "status": "disputed", "value": 1}], "each name must find one"),
    ([{"name": "A", "status": "verified", "value": 2}], "at least two numbers"),
    ([{"name": "A", "status": "verified", "value": 2},
      {"name": "B", "status": "disputed", "value": 1},
      {"name": "C", "status": "disputed", "value": 1}], "share a value"),
    ([{"name": "True", "status": "verified", "value": 1},
      {"name": "False", "status": "disputed", "value": 5}], "truer than every disputed"),
    ([{"name": "A\x1b[2J", "status": "verified", "value": 2}], "one line"),
    ([{"name": "A", "status": "verified", "value": 2, "colour": "red"}], "unknown key"),
])
def test_a_scale_that_cannot_work_is_refused_with_one_line(data, message):
    with pytest.raises(InputError, match=message) as caught:
        verdicts.parse_scale(data)
    assert "\n" not in str(caught.value)


def test_cli_shows_the_scale_and_replaces_it_from_a_file(db_path, tmp_path):
    cli(db_path, "init")
    shown = cli(db_path, "settings", "ratings")
    assert shown.returncode == 0
    assert "Invérifiable / Unverifiable" in shown.stdout.decode() and "default" in \
        shown.stdout.decode()
    mine = tmp_path / "scale.json"
    mine.write_text(json.dumps({"ratings": [
        {"name": {"fr": "Juste", "en": "Right"}, "status": "verified", "value": 3},
        {"name": {"fr": "Exagéré", "en": "Overstated"}, "status": "disputed", "value": 2},
        {"name": {"fr": "Inexact", "en": "Wrong"}, "status": "disputed", "value": 1}]}),
        encoding="utf-8")
    done = cli(db_path, "settings", "ratings", "--file", str(mine), "--json")
    assert done.returncode == 0
    assert [r["name"]["fr"] for r in json.loads(done.stdout)["ratings"]] == [
        "Juste", "Exagéré", "Inexact"]
    with Store(db_path) as store:
        assert verdicts.load_scale(store).find("overstated").value == 2
    bad = tmp_path / "bad.json"
    bad.write_text('{"ratings": [{"name": "X", "status": "maybe", "value": 1}', "utf-8")
    refused = cli(db_path, "settings", "ratings", "--file", str(bad))
    assert refused.returncode == 2 and refused.stderr.count(b"\n") == 1
    assert b"not valid JSON" in refused.stderr
    again = cli(db_path, "settings", "ratings", "--unset", "--json")
    assert json.loads(again.stdout) == verdicts.DEFAULT.as_json()


# ------------------------------------------------------------ rate

def test_rating_sets_the_label_and_the_status_in_one_transaction(seeded):
    store, _article = seeded
    claim = store.claims()[0]
    done = verdicts.rate(store, claim["id"], "plutot faux", editor="alice")
    after = store.claim(claim["id"])
    assert (after["verdict_label"], after["status"]) == ("Plutôt faux", "disputed")
    assert after["version"] == claim["version"] + 1
    history = store.history(claim["id"])
    assert [(e["action"], e["from"], e["to"]) for e in history] == [
        ("note", "pending", "pending"), ("status", "pending", "disputed")]
    assert done["events"][1]["id"] == history[1]["id"]
    assert notes_of(history) == []  # a rating is not one of the notes
    # the same status: one event only
    verdicts.rate(store, claim["id"], "Faux", editor="alice")
    assert len(store.history(claim["id"])) == 3


def test_a_rating_is_stored_in_the_articles_language(tmp_path):
    from factcheck.ingest import import_document
    from factcheck.text.document import parse_document

    with Store(str(tmp_path / "en.db")) as store:
        import_document(store, parse_document(
            b"The council spent 3 million pounds on roads in 2024.", "a.txt"), language="en")
        claim = store.claims()[0]["id"]
        verdicts.rate(store, claim, "plutôt vrai")
        assert store.claim(claim)["verdict_label"] == "Mostly true"


def test_a_rating_on_a_stale_copy_is_refused(seeded):
    store, _ = seeded
    claim = store.claims()[0]
    store.mark(claim["id"], "verified", editor="bob")
    with pytest.raises(StaleEdit):
        verdicts.rate(store, claim["id"], "Faux", expected_version=claim["version"])
    assert store.claim(claim["id"])["verdict_label"] is None


def test_an_unknown_rating_names_the_scale(seeded):
    store, _ = seeded
    with pytest.raises(InputError, match="Mostly true"):
        verdicts.rate(store, store.claims()[0]["id"], "sort of")


def test_a_label_from_before_the_scale_reads_as_its_rating(seeded):
    """Old databases need no migration: `label` stored the same words."""
    store, _ = seeded
    claim = store.claims()[1]["id"]
    store.mark(claim, "disputed", editor="bob")
    store.set_label(claim, "trompeur", editor="bob")
    verdict = verdicts.load_scale(store).verdict("disputed", "trompeur", "en")
    assert (verdict.name, verdict.rating.value, verdict.chosen) == ("Misleading", 3, True)


def test_unverifiable_keeps_the_claim_pending_but_decided(seeded):
    store, article = seeded
    before = pending_count(store, article["id"])
    claim = store.claims()[2]["id"]
    verdicts.rate(store, claim, "Unverifiable", editor="alice")
    assert store.claim(claim)["status"] == "pending"
    assert pending_count(store, article["id"]) == before - 1


def test_cli_rate(seeded, db_path):
    store, _ = seeded
    claim = store.claims()[0]["id"]
    done = cli(db_path, "rate", str(claim), "MOSTLY TRUE", "--editor", "alice")
    assert done.returncode == 0
    assert done.stdout.decode().strip() == (f"claim {claim}: rated Plutôt vrai,"
                                            " pending → verified by alice")
    wrong = cli(db_path, "rate", str(claim), "sort of")
    assert wrong.returncode == 2 and b"not a rating of the scale" in wrong.stderr


# ------------------------------------------------------------ explain

def test_the_rationale_is_the_last_one_written_and_every_one_stays(seeded):
    store, _ = seeded
    claim = store.claims()[0]["id"]
    verdicts.explain(store, claim, "First try.", editor="alice")
    verdicts.explain(store, claim, "Le chiffre vient du rapport annuel.\r\n\r\nPage 12.  \n",
                     editor="bob")
    history = store.history(claim)
    assert verdicts.rationale_of(history) == {
        "text": "Le chiffre vient du rapport annuel.\n\nPage 12.", "at": history[-1]["at"],
        "editor": "bob"}
    assert [e["note"] for e in history] == ["First try.",
                                            "Le chiffre vient du rapport annuel.\n\nPage 12."]
    assert notes_of(history) == []
    verdicts.explain(store, claim, None, editor="bob")
    assert verdicts.rationale_of(store.history(claim)) is None
    assert len(store.history(claim)) == 3


def test_cli_explain_from_an_argument_or_standard_input(seeded, db_path):
    store, _ = seeded
    claim = str(store.claims()[0]["id"])
    assert cli(db_path, "explain", claim, "Selon l’Insee, 3 %.").returncode == 0
    piped = cli(db_path, "explain", claim, "-", stdin="Ligne 1\nLigne 2\n".encode())
    assert piped.returncode == 0
    shown = json.loads(cli(db_path, "claim", claim, "--json").stdout)
    assert shown["rationale"]["text"] == "Ligne 1\nLigne 2"
    assert cli(db_path, "explain", claim).returncode == 2
    assert cli(db_path, "explain", claim, "   ").returncode == 2
    assert cli(db_path, "explain", claim, "-", stdin=b"\xff\xfe\x00").returncode == 2
    cleared = cli(db_path, "explain", claim, "--clear")
    assert cleared.returncode == 0 and b"cleared" in cleared.stdout
    assert json.loads(cli(db_path, "claim", claim, "--json").stdout)["rationale"] is None
