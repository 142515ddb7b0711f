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

    assert cli.main(["init", "--db", db_path]) == 0
    was = gc.isenabled()
    gc.disable()
    try:
        assert cli.main(["articles", "--db", db_path]) == 0
        assert gc.isenabled()
    finally:
        gc.unfreeze()
        if not was:
            gc.disable()


# ---------------------------------------------------------------- the web (issue 22)

@pytest.fixture(scope="module")
def news():
    from web_fixtures.server import serve

    with serve() as base:
        yield base


def run_online(db, *args, env_extra: dict | None = None, check: bool = True):
    env = {k: v for k, v in env_for_cli(db).items()
           if k.lower() not in ("http_proxy", "https_proxy", "all_proxy", "factcheck_offline")}
    env.update(env_extra or {})
    proc = subprocess.run([sys.executable, "-m", "factcheck", *args, "--db", db],
                          capture_output=True, env=env, timeout=120)
    if check and proc.returncode != 0:
        raise AssertionError(proc.stderr.decode())
    return proc


def test_import_a_url_then_read_its_metadata_and_export_its_snapshot(db_path, tmp_path, news):
    from web_fixtures.pages import pages

    url = f"{news}/hop/1/news/inflation-mai"
    out = run_online(db_path, "import", url).stdout.decode()
    assert out.startswith("imported article 1 «L’inflation ralentit à 1,2 % sur un an en mai")
    assert "page kept as fetched: snapshot 1, HTTP 200" in out
    shown = run_online(db_path, "article", "1").stdout.decode()
    for line in ("author: Claire Dumoulin", "site: Le Quotidien du Soir",
                 "published: 2025-06-13", f"url: {news}/news/inflation-mai",
                 "text found as: article", f"asked {url}", f"got   {news}/news/inflation-mai"):
        assert line in shown
    page = pages()["inflation-mai"][1]
    assert run_online(db_path, "article", "1", "--snapshot").stdout == page
    target = tmp_path / "page.html"
    proc = run_online(db_path, "article", "1", "--snapshot", "-o", str(target))
    assert target.read_bytes() == page and b"written to" in proc.stderr
    data = json.loads(run_online(db_path, "article", "1", "--json").stdout)
    assert data["snapshots"][0]["final_url"] == f"{news}/news/inflation-mai"
    assert data["claims"] == len(json.loads(run_online(
        db_path, "claims", "--article", "1", "--json").stdout))


def test_a_file_imported_article_has_no_snapshot(db_path, tmp_path):
    run(db_path, "import", str(SEED_ARTICLE))
    proc = run(db_path, "article", "1", "--snapshot", check=False)
    assert proc.returncode == 2 and b"has no snapshot" in proc.stderr


@pytest.mark.parametrize("how", ["flag", "flag-first", "env"])
def test_offline_refuses_a_url_and_creates_nothing(tmp_path, news, how):
    db = str(tmp_path / "never.db")
    url = f"{news}/news/inflation-mai"
    args, env = {"flag": (["import", url, "--offline"], None),
                 "flag-first": (["--offline", "import", url], None),
                 "env": (["import", url], {"FACTCHECK_OFFLINE": "1"})}[how]
    proc = run_online(db, *args, env_extra=env, check=False)
    assert proc.returncode == 1
    assert proc.stderr.decode().strip() == (
        f"factcheck: offline: {url} was not fetched (--offline or FACTCHECK_OFFLINE is set)")
    assert not (tmp_path / "never.db").exists()


@pytest.mark.parametrize("path, words", [
    ("/status/404", "HTTP 404 Not Found"),
    ("/status/500", "HTTP 500 Internal Server Error"),
    ("/pdf", "it is application/pdf, not a web page"),
    ("/huge", "the page is 50 MB, larger than the 10 MB limit"),
    ("/bomb.br", "larger than the 10 MB limit once decompressed"),
    ("/loop/a", "too many redirects (more than 5) (a redirect loop)"),
    ("/slow-body", "timed out"),
    ("/scripts-only", "has no visible text"),
])
def test_a_network_error_is_one_line_exit_1_and_nothing_written(tmp_path, news, path, words):
    db = str(tmp_path / "never.db")
    proc = run_online(db, "import", news + path, "--timeout", "0.5", check=False)
    err = proc.stderr.decode()
    assert proc.returncode == 1 and err.count("\n") == 1 and words in err, err
    assert err.startswith("factcheck: cannot ") and "Traceback" not in err
    assert not (tmp_path / "never.db").exists()


def test_a_refused_connection_is_one_line(tmp_path):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = run_online(str(tmp_path / "x.db"), "import", f"http://127.0.0.1:{port}/a",
                      check=False)
    assert proc.returncode == 1
    assert proc.stderr.decode() == (f"factcheck: cannot fetch http://127.0.0.1:{port}/a: "
                                    f"connection refused by 127.0.0.1:{port}\n")


@pytest.mark.parametrize("url", ["http://", "https://exa mple.org/", "http://x.org:99999/"])
def test_a_malformed_url_is_a_usage_error(tmp_path, url):
    proc = run_online(str(tmp_path / "x.db"), "import", url, check=False)
    assert proc.returncode == 2 and b"not a web address" in proc.stderr


def test_the_fallback_to_visible_text_is_said(db_path, news):
    out = run_online(db_path, "import", f"{news}/no-article").stdout.decode()
    assert out.splitlines()[0] == "no article body found; imported the page's visible text"


def test_an_html_file_import_says_the_fallback_too(db_path, tmp_path):
    page = tmp_path / "plan.html"
    page.write_bytes(b"<html><body><footer><p>Le plan compte 1 200 pages.</p></footer></body>"
                     b"</html>")
    out = run(db_path, "import", str(page)).stdout.decode()
    assert out.startswith("no article body found; imported the page's visible text\n")


def test_sources_add_fetch_reads_the_page_and_keeps_its_snapshot(db_path, tmp_path, news):
    from web_fixtures.pages import pages

    url = f"{news}/news/winbuzzer-nfdg"
    out = run_online(db_path, "sources", "add", url, "--fetch").stdout.decode()
    assert out.startswith(f"source 1: {url}\n")
    assert "Meta Offers to Buy Stake in Venture Firm" in out and "WinBuzzer" in out
    assert "snapshot 1: HTTP 200" in out and "sha256 " in out
    source = json.loads(run_online(db_path, "sources", "show", "1", "--json").stdout)
    assert source["published"] == "2025-07-03" and source["language"] == "en"
    assert "Leave a Reply" not in source["text"] and "NFDG" in source["text"]
    listed = run_online(db_path, "snapshot", "--source", "1").stdout.decode()
    assert f"asked {url}" in listed and "sha256 " in listed
    target = tmp_path / "source.html"
    run_online(db_path, "snapshot", "1", "-o", str(target))
    assert target.read_bytes() == pages()["winbuzzer-nfdg"][1]
    info = json.loads(run_online(db_path, "snapshot", "1", "--info", "--json").stdout)
    assert info["source_id"] == 1 and "body" not in info


def test_sources_add_by_hand_still_needs_a_title(db_path):
    proc = run(db_path, "sources", "add", "https://x.example/a", check=False)
    assert proc.returncode == 2 and b"needs --title" in proc.stderr
    added = json.loads(run(db_path, "sources", "add", "https://x.example/a", "--title", "T",
                           "--json").stdout)
    assert added["title"] == "T"


def test_sources_add_fetch_offline_writes_nothing(tmp_path, news):
    proc = run_online(str(tmp_path / "s.db"), "--offline", "sources", "add",
                      f"{news}/news/vcpost-scale", "--fetch", check=False)
    assert proc.returncode == 1 and b"offline" in proc.stderr
    assert not (tmp_path / "s.db").exists()
