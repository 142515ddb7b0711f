"""The CLI end to end, as a script would drive it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import HOSTILE, SEED_ARTICLE, env_for_cli


def run(db, *args, stdin: bytes | None = None, check: bool = True):
    proc = subprocess.run([sys.executable, "-m", "factcheck", *args, "--db", db],
                          input=stdin, capture_output=True, env=env_for_cli(db), timeout=120)
    if check and proc.returncode != 0:
        raise AssertionError(proc.stderr.decode())
    return proc


def test_import_claims_mark_export_round_trip(db_path):
    out = json.loads(run(db_path, "import", str(SEED_ARTICLE), "--json").stdout)
    assert out["created"] is True and out["claims"] == 11
    article_id = out["article"]["id"]
    again = json.loads(run(db_path, "import", str(SEED_ARTICLE), "--json").stdout)
    assert again["created"] is False and again["article"]["id"] == article_id

    claims = json.loads(run(db_path, "claims", "--article", str(article_id), "--json").stdout)
    assert len(claims) == 11 and all(c["status"] == "pending" for c in claims)
    scale = next(c for c in claims if "Scale AI" in c["facets"]["entities"])

    run(db_path, "mark", str(scale["id"]), "verified", "--note", "Reuters", "--editor", "alice")
    verified = json.loads(run(db_path, "claims", "--status", "verified", "--json").stdout)
    assert [c["id"] for c in verified] == [scale["id"]]

    export = json.loads(run(db_path, "export", "--format", "json").stdout)
    assert set(export) >= {"generated_at", "articles", "summary", "claims"}
    assert export["articles"][0]["sha256"] == out["article"]["sha256"]
    assert export["summary"]["verified"] == 1 and export["summary"]["pending"] == 10
    claim = next(c for c in export["claims"] if c["id"] == scale["id"])
    assert claim["status"] == "verified"
    assert claim["history"][0] | {"at": None} == {
        "at": None, "editor": "alice", "action": "status", "from": "pending", "to": "verified",
        "note": "Reuters"}
    assert claim["facets"]["numbers"][0] == {"text": "14,3 milliards de dollars",
                                             "value": 14300000000.0, "unit": "USD"}
    assert [c["start"] for c in export["claims"]] == sorted(c["start"] for c in export["claims"])
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    for c in export["claims"]:
        assert text[c["start"]:c["end"]] == c["text"]


def test_export_to_a_file(db_path, tmp_path):
    run(db_path, "import", str(SEED_ARTICLE))
    target = tmp_path / "report with spaces.json"
    run(db_path, "export", "--format", "json", "-o", str(target))
    assert len(json.loads(target.read_text(encoding="utf-8"))["claims"]) == 11


def test_import_from_stdin_with_title_and_language(db_path):
    body = "The company paid $2bn. It hired 300 engineers in 2024.".encode()
    out = json.loads(run(db_path, "import", "-", "--title", "Stdin piece", "--lang", "auto",
                         "--json", stdin=body).stdout)
    assert out["article"]["title"] == "Stdin piece" and out["article"]["language"] == "en"
    assert out["claims"] == 2


def test_editor_defaults_to_the_environment(db_path):
    run(db_path, "import", str(SEED_ARTICLE))
    event = json.loads(run(db_path, "mark", "1", "disputed", "--json").stdout)
    assert event["editor"] == "tester"


@pytest.mark.parametrize("args, message", [
    (["mark", "999", "verified"], "no claim with id 999"),
    (["mark", "1", "maybe"], "invalid choice"),
    (["mark", "abc", "verified"], "not a claim id"),
    (["claims", "--article", "77"], "no article with id 77"),
])
def test_clear_errors_and_non_zero_exit(db_path, args, message):
    run(db_path, "import", str(SEED_ARTICLE))
    proc = run(db_path, *args, check=False)
    assert proc.returncode != 0
    err = proc.stderr.decode()
    assert message in err and "Traceback" not in err


@pytest.mark.parametrize("content", [b"", b"  \n ", b"a\x00b", b"\x7fELF\x02\x01"])
def test_bad_files_write_nothing(db_path, tmp_path, content):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    proc = run(db_path, "import", str(bad), check=False)
    err = proc.stderr.decode()
    assert proc.returncode == 2 and err.count("\n") == 1 and "Traceback" not in err
    import os
    assert not os.path.exists(db_path)  # not even an empty database


def test_missing_file(db_path):
    proc = run(db_path, "import", "/no/such/file.txt", check=False)
    assert proc.returncode == 2 and "no such file" in proc.stderr.decode()


def test_hostile_text_passes_through_untouched(db_path, tmp_path):
    article = tmp_path / "hostile.txt"
    article.write_text("\n".join(h + " est une phrase." for h in HOSTILE), encoding="utf-8")
    run(db_path, "import", str(article))
    export = json.loads(run(db_path, "export").stdout)
    joined = "\n".join(c["text"] for c in export["claims"])
    for h in HOSTILE:
        assert h.split()[0] in joined


def test_help_everywhere(db_path):
    for cmd in ["import", "claims", "mark", "export", "articles", "claim", "note", "tui", "demo"]:
        proc = run(db_path, cmd, "--help")
        assert b"--db" in proc.stdout


def test_collections_held_at_start_up_come_back_for_every_command(db_path):
    """`python -m factcheck` starts with the cycle collector off (start-up only builds);
    a command other than the desk gets it back, with start-up's objects frozen."""
    import gc

    from factcheck import cli

    was = gc.isenabled()
    gc.disable()
    try:
        assert cli.main(["articles", "--db", db_path]) == 0
        assert gc.isenabled()
    finally:
        gc.unfreeze()
        if not was:
            gc.disable()
