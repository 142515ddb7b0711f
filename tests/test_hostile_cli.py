"""The command line against hostile input and careless commands (issue 17, findings 4, 10-14).

Stored text reaches the terminal as text, never as commands; what cannot be right is
refused at the door with one line and exit 2; a mistyped --db creates nothing; a damaged
database is named and left alone.
"""

from __future__ import annotations

import json
import os
import sqlite3

import pytest

from conftest import SEED_ARTICLE
from factcheck import cli
from factcheck.ingest import import_document
from factcheck.store import Store
from factcheck.text.document import parse_document

OSC52 = "\x1b]52;c;ZXZpbA==\x07"  # writes the terminal's clipboard
CLEAR = "\x1b[2J"  # clears the screen
EVIL = f"Titre{OSC52}{CLEAR}\x9b31m\u202eevil"


def run(capsys, *args: str) -> tuple[int, str, str]:
    try:
        code = cli.main(list(args))
    except SystemExit as exc:  # argparse's own refusals
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def message_lines(err: str) -> list[str]:
    """stderr without argparse's usage lines: what the error itself says."""
    return [line for line in err.splitlines()
            if line.strip() and not line.startswith(("usage:", " "))]


def obeyed(text: str) -> bool:
    """Would a terminal obey something in this text (ESC, BEL, CSI, a BiDi override)?"""
    return any(c in text for c in "\x1b\x07\x9b\u202e")


@pytest.fixture
def desk(db_path):
    with Store(db_path) as store:
        import_document(store, parse_document(SEED_ARTICLE.read_bytes(), SEED_ARTICLE.name))
    return db_path


@pytest.fixture
def tainted(desk, tmp_path):
    """A desk whose stored text holds terminal commands, as third-party files bring them."""
    with Store(desk) as store:
        import_document(store, parse_document(
            "Le ministère a versé 3 milliards d’euros en 2024 à la région.".encode(), "a.txt"),
            title=EVIL)
        store.add_note(1, f"note {OSC52}", editor="tester")
        store.conn.execute("INSERT INTO settings (key, value) VALUES ('org.name', ?)", (EVIL,))
        store.conn.execute(
            "INSERT INTO sources (url, original_url, title, publisher, text, added_at)"
            " VALUES ('https://e.example/a', 'https://e.example/a', ?, ?, ?, '2025-01-01')",
            (f"Scale AI 14,3 milliards {EVIL}", f"Pub{CLEAR}", f"Meta Scale AI {OSC52}"))
    archive = tmp_path / "archive.jsonl"
    archive.write_text(json.dumps({"claim": f"Meta a investi 14,3 milliards dans Scale AI {EVIL}",
                                   "verdict": f"Faux{CLEAR}", "url": "https://e.example/x"}))
    assert cli.main(["archive", "import", str(archive), "--db", desk]) == 0
    return desk


# ---------------------------------------------------------------- what reaches the terminal

@pytest.mark.parametrize("args", [
    ["articles"], ["article", "2"], ["claims"], ["claim", "1"], ["settings"],
    ["sources", "list"], ["sources", "show", "1"], ["sources", "search", "Scale"],
    ["suggest", "1"], ["archive", "match", "--text", "Meta a investi 14,3 milliards Scale AI"],
    ["dupes"], ["doctor"],
])
def test_no_printer_lets_stored_text_command_the_terminal(tainted, capsys, args):
    code, out, err = run(capsys, *args, "--db", tainted)
    assert code == 0, err
    assert not obeyed(out) and not obeyed(err)


def test_what_was_stored_is_shown_with_visible_stand_ins(tainted, capsys):
    _, out, _ = run(capsys, "articles", "--db", tainted)
    assert "Titre␛]52;c;ZXZpbA==␇␛[2J\\x9b31m\\u202eevil" in out
    _, out, _ = run(capsys, "claim", "1", "--db", tainted)
    assert "note ␛]52;c;ZXZpbA==␇" in out


@pytest.mark.parametrize("args", [["articles"], ["claim", "1"], ["settings"], ["sources", "list"]])
def test_json_keeps_the_stored_text_exactly(tainted, capsys, args):
    code, out, _ = run(capsys, *args, "--json", "--db", tainted)
    assert code == 0
    assert any("\x1b" in text for text in _strings(json.loads(out)))
    assert "␛" not in out  # no stand-in: the data as it is


def _strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def test_json_of_a_stored_title_is_byte_exact(tainted, capsys):
    _, out, _ = run(capsys, "articles", "--json", "--db", tainted)
    assert json.loads(out)[1]["title"] == EVIL


def test_error_messages_and_argument_errors_show_what_was_typed_safely(desk, capsys):
    code, _, err = run(capsys, "sources", "show", f"1{CLEAR}", "--db", desk)
    assert code == 2 and not obeyed(err)
    code, _, err = run(capsys, "import", f"/nowhere/{OSC52}.txt", "--db", desk)
    assert code == 2 and "no such file" in err and not obeyed(err)
    code, _, err = run(capsys, "claims", f"stray{CLEAR}", "--db", desk)
    assert code == 2 and "unrecognized arguments" in err and not obeyed(err)


# ---------------------------------------------------------------- refused at the door

@pytest.mark.parametrize("args", [
    ["sources", "add", f"https://e.example/a{OSC52}", "--title", "t"],
    ["sources", "add", "--url", f"https://e.example/b{CLEAR}", "--title", "t"],
    ["sources", "add", "https://e.example/c", "--title", f"t{CLEAR}"],
    ["sources", "add", "https://e.example/d", "--title", "t", "--publisher", "p\x07"],
    ["sources", "add", "https://e.example/e", "--title", "t", "--published", "2025-99-99"],
    ["sources", "add", "https://e.example/f", "--title", "t", "--published", "2025-02-30"],
    ["import", str(SEED_ARTICLE), "--url", f"https://e.example/g{OSC52}"],
    ["mark", "1", "verified", "--editor", f"ed{CLEAR}"],
    ["mark", "1", "verified", "--editor", "   "],
    ["note", "1", "x", "--editor", ""],
    ["label", "1"],
    ["label", "1", "   "],
    ["label", "1", "Faux", "--clear"],
    ["settings", "dupes.high", "abc"],
    ["settings", "dupes.low", "150"],
    ["settings", "dupes.high", "nan"],
    ["settings", "org.url", "javascript:alert(1)"],
    ["settings", "org.url", "https://e.example/\x1b"],
    ["settings", "org.name", f"Desk{OSC52}"],
    ["settings", "import.max_bytes", "-5"],
    ["settings", "import.max_bytes", "lots"],
    ["settings", "my.own", f"x{CLEAR}"],
    ["claim", str(2**63)],
    ["claim", "9" * 5000],
    ["claims", "--article", str(2**64)],
    ["export", "--article", str(2**63)],
    ["sources", "show", str(2**63)],
    ["dupes", "--article", str(2**70)],
    ["mark", str(2**63), "verified"],
])
def test_bad_input_is_one_line_and_exit_2_and_nothing_is_written(desk, capsys, args):
    before = _state(desk)
    code, _, err = run(capsys, *args, "--db", desk)
    assert code == 2, err
    assert len(message_lines(err)) == 1 and "unexpected error" not in err
    assert "Traceback" not in err and not obeyed(err)
    assert _state(desk) == before


def _state(db: str) -> tuple:
    conn = sqlite3.connect(db)
    try:
        return (conn.execute("SELECT count(*) FROM events").fetchone()[0],
                conn.execute("SELECT count(*) FROM sources").fetchone()[0],
                tuple(conn.execute("SELECT key, value FROM settings ORDER BY key")),
                conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    finally:
        conn.close()


def test_an_editor_name_from_the_environment_is_checked_too(desk, capsys, monkeypatch):
    monkeypatch.setenv("FACTCHECK_EDITOR", "ed\x07")
    code, _, err = run(capsys, "mark", "1", "verified", "--db", desk)
    assert code == 2 and "FACTCHECK_EDITOR" in err and not obeyed(err)


def test_an_editor_name_is_stored_trimmed(desk, capsys):
    code, out, _ = run(capsys, "mark", "1", "verified", "--editor", "  Alice  ", "--json",
                       "--db", desk)
    assert code == 0 and json.loads(out)["editor"] == "Alice"


def test_arguments_that_are_not_utf8_are_refused(desk, capsys):
    bad = b"note \xff".decode("utf-8", "surrogateescape")
    code, _, err = run(capsys, "note", "1", bad, "--db", desk)
    assert code == 2 and "not valid UTF-8" in err


def test_good_settings_are_stored_in_their_plain_form(desk, capsys):
    for key, value, stored in (("dupes.high", "90,5", "90.5"), ("dupes.low", " 60 ", "60"),
                               ("org.url", "https://desk.example/", "https://desk.example/"),
                               ("org.name", "  Le   Desk ", "Le Desk"),
                               ("import.max_bytes", "5 MB", str(5 * 1024 * 1024)),
                               ("my.own", "free text", "free text")):
        assert run(capsys, "settings", key, value, "--db", desk)[0] == 0
        code, out, _ = run(capsys, "settings", key, "--json", "--db", desk)
        assert json.loads(out)[key]["value"] == stored
    assert run(capsys, "dupes", "--db", desk)[0] == 0  # the thresholds still read


def test_the_setting_defaults_are_the_ones_the_code_uses():
    from factcheck.files import MAX_ARTICLE_BYTES
    from factcheck.matching.dupes.thresholds import HIGH_THRESHOLD, LOW_THRESHOLD
    from factcheck.store.settings import SETTINGS

    assert SETTINGS["dupes.high"].default == str(HIGH_THRESHOLD)
    assert SETTINGS["dupes.low"].default == str(LOW_THRESHOLD)
    assert SETTINGS["import.max_bytes"].default == str(MAX_ARTICLE_BYTES)


def test_label_needs_a_word_or_clear(desk, capsys):
    assert run(capsys, "label", "1", "Trompeur", "--db", desk)[0] == 0
    assert run(capsys, "label", "1", "--db", desk)[0] == 2
    with Store(desk) as store:
        assert store.claim(1)["verdict_label"] == "Trompeur"
    assert run(capsys, "label", "1", "--clear", "--db", desk)[0] == 0
    with Store(desk) as store:
        assert store.claim(1)["verdict_label"] is None


# ---------------------------------------------------------------- files of sources and fact-checks

@pytest.mark.parametrize("record, words", [
    ({"url": "https://e.example/1", "title": "t\x00x"}, "control character (U+0000)"),
    ({"url": "https://e.example/1", "title": "t", "publisher": "P\x1b[31m"}, "publisher holds"),
    ({"url": f"https://e.example/1{OSC52}", "title": "t"}, "url holds a control character"),
    ({"url": "https://e.example/1", "title": "t", "published": "2025-99-99"}, "published must"),
    ({"url": "https://e.example/1", "title": "t", "published": "2025-13"}, "published must"),
    ({"url": "https://e.example/1", "title": "t", "published": "2025-06-13T25:00Z"},
     "published must"),
])
def test_a_sources_file_with_a_bad_field_is_refused_whole(desk, capsys, tmp_path, record, words):
    path = tmp_path / "sources.jsonl"
    path.write_text(json.dumps({"url": "https://e.example/ok", "title": "fine"}) + "\n"
                    + json.dumps(record) + "\n")
    code, _, err = run(capsys, "sources", "import", str(path), "--db", desk)
    assert code == 2 and "line 2" in err and words in err, err
    assert _state(desk)[1] == 0


def test_dates_that_exist_and_folded_line_breaks_are_accepted(desk, capsys, tmp_path):
    path = tmp_path / "sources.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in (
        {"url": "https://e.example/1", "title": "Deux\nlignes", "published": "2024-02-29"},
        {"url": "https://e.example/2", "title": "t", "published": "2025-06"},
        {"url": "https://e.example/3", "title": "t", "published": "2025-06-13T10:30:00+02:00"},
    )))
    assert run(capsys, "sources", "import", str(path), "--db", desk)[0] == 0
    with Store(desk) as store:
        assert store.conn.execute("SELECT title FROM sources WHERE url LIKE '%/1'"
                                  ).fetchone()[0] == "Deux lignes"


DEEP = "[" * 100_000 + "]" * 100_000
HUGE_NUMBER = "9" * 5000


@pytest.mark.parametrize("command, name, content", [
    ("sources", "deep.json", DEEP),
    ("sources", "deep.jsonl", DEEP + "\n"),
    ("sources", "deep2.json", '[{"url": "https://e.example/1", "title": ' + DEEP + "}]"),
    ("sources", "number.json", '[{"url": "https://e.example/1", "title": ' + HUGE_NUMBER + "}]"),
    ("sources", "number.jsonl", '{"url": "https://e.example/1", "title": ' + HUGE_NUMBER + "}\n"),
    ("archive", "deep.json", DEEP),
    ("archive", "deep.jsonl", '{"claim": ' + DEEP + "}\n"),
    ("archive", "number.json", '[{"claim": "x", "id": ' + HUGE_NUMBER + "}]"),
    ("archive", "number.jsonl", '{"claim": "x", "id": ' + HUGE_NUMBER + "}\n"),
    ("archive", "deep.html", '<script type="application/ld+json">' + DEEP + "</script>"),
])
def test_unreadable_json_is_one_line_and_exit_2(desk, capsys, tmp_path, command, name, content):
    path = tmp_path / name
    path.write_text(content)
    code, _, err = run(capsys, command, "import", str(path), "--db", desk)
    assert code == 2, err
    assert "unexpected" not in err and len(err.strip().splitlines()) == 1
    assert ("nested too deeply" in err or "4 300 digits" in err or "not valid JSON" in err
            or "expected a JSON" in err), err


@pytest.mark.parametrize("command, content", [
    ("sources", b"\xff\xfe" + '[{"url": "https://e.example/1"}]'.encode("utf-16-le") + b"\x00"),
    ("sources", b"\xff\xfe\x00\xd8" + "[]".encode("utf-16-le")),
    ("archive", b"\xfe\xff\xdc\x00" + "[]".encode("utf-16-be")),
])
def test_bad_utf16_is_one_line_and_exit_2(desk, capsys, tmp_path, command, content):
    path = tmp_path / "file.json"
    path.write_bytes(content)
    code, _, err = run(capsys, command, "import", str(path), "--db", desk)
    assert code == 2 and "utf-16" in err and "unexpected" not in err


def test_csv_fields_longer_than_the_csv_modules_default_are_read(desk, capsys, tmp_path):
    long_text = "mot " * 50_000  # 200 000 characters in one field
    sources = tmp_path / "sources.csv"
    sources.write_text(f'url,title,text\nhttps://e.example/long,Long,"{long_text}"\n')
    code, _, err = run(capsys, "sources", "import", str(sources), "--db", desk)
    assert code == 0, err
    archive = tmp_path / "archive.csv"
    archive.write_text(f'claim,url\n"{long_text}",https://e.example/q\n')
    code, _, err = run(capsys, "archive", "import", str(archive), "--db", desk)
    assert code == 2 and "longer than 5000 characters" in err  # its own limit, said plainly


def test_a_csv_cell_with_spaces_before_a_formula_is_neutralised():
    from factcheck.report.csv import safe

    assert safe("  =HYPERLINK(\"http://x\")") == "'  =HYPERLINK(\"http://x\")"
    assert safe(" \t@SUM(1)") == "' \t@SUM(1)"
    assert safe("a = b") == "a = b" and safe("  plain") == "  plain"


# ---------------------------------------------------------------- the database itself

@pytest.mark.parametrize("args", [
    ["articles"], ["claims"], ["claim", "1"], ["export"], ["settings"], ["sources", "list"],
    ["dupes"], ["archive", "match", "--text", "x"], ["backup", "copy.db"], ["mark", "1",
                                                                            "verified"],
])
def test_a_mistyped_db_is_refused_and_nothing_is_created(tmp_path, capsys, args):
    typo = tmp_path / "dsek.db"
    code, _, err = run(capsys, *args, "--db", str(typo))
    assert code == 1 and f"no database at {typo}: run factcheck init" in err
    assert list(tmp_path.iterdir()) == []


def test_init_makes_an_empty_store_and_then_the_reading_commands_work(tmp_path, capsys):
    db = str(tmp_path / "new.db")
    code, out, _ = run(capsys, "init", "--db", db)
    assert code == 0 and "created" in out
    assert run(capsys, "claims", "--json", "--db", db)[:2] == (0, "[]\n")
    code, out, _ = run(capsys, "init", "--db", db)
    assert code == 0 and "already a factcheck database" in out


def test_an_empty_db_option_is_refused(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "articles", "--db", "")
    assert code == 2 and "--db needs a file name" in err
    assert list(tmp_path.iterdir()) == []


def _damage(db: str) -> None:
    """Overwrite a b-tree page in the middle of the file, as a failing disk or a stray
    write would: the header stays valid, so only a structural check sees it."""
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode = DELETE")
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'claims'").fetchone()[0]
    conn.close()
    with open(db, "r+b") as f:
        f.seek((root - 1) * page + 8)
        f.write(b"\xff" * 200)


def test_a_damaged_database_is_named_and_never_written_or_backed_up(desk, capsys, tmp_path):
    with Store(desk):
        pass
    _damage(desk)
    size, mtime = os.path.getsize(desk), os.stat(desk).st_mtime_ns
    code, _, err = run(capsys, "mark", "1", "verified", "--db", desk)
    assert code == 1 and "is damaged" in err and "factcheck doctor" in err
    code, _, err = run(capsys, "backup", str(tmp_path / "copy.db"), "--db", desk)
    assert code == 1 and "is damaged" in err and not (tmp_path / "copy.db").exists()
    assert (os.path.getsize(desk), os.stat(desk).st_mtime_ns) == (size, mtime)
    code, out, _ = run(capsys, "doctor", "--db", desk)
    assert code == 1 and "PROBLEM  integrity" in out


def test_the_check_runs_only_when_the_file_changed(desk, monkeypatch):
    checks = []
    real = Store.check_integrity

    def counted(self, doing="opened"):
        checks.append(doing)
        return real(self, doing)

    monkeypatch.setattr(Store, "check_integrity", counted)
    with Store(desk) as store:
        store.mark(1, "verified", editor="ed")  # its own write: it signs the file again
    checks.clear()
    for _ in range(3):
        with Store(desk) as store:
            store.claims()
    assert checks == []
    os.utime(desk, ns=(0, os.stat(desk).st_mtime_ns + 10**9))  # another program wrote to it
    with Store(desk):
        pass
    with Store(desk):
        pass
    assert checks == ["opened"]
