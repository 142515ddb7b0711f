"""Attacks on the store: concurrent editors, kill -9, hostile inputs, bad databases."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from conftest import SEED_ARTICLE, env_for_cli
from factcheck.ingest import import_document
from factcheck.store.migrations import LATEST
from factcheck.store import Store, StoreError
from factcheck.text.document import parse_document


def cli(db, *args, check=True, timeout=120, stdin=None):
    proc = subprocess.run([sys.executable, "-m", "factcheck", *args, "--db", db],
                          capture_output=True, env=env_for_cli(db), timeout=timeout, input=stdin)
    if check and proc.returncode != 0:
        raise AssertionError(proc.stderr.decode())
    return proc


def integrity(db) -> str:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def demo(db_path):
    with Store(db_path) as store:
        import_document(store, parse_document(SEED_ARTICLE.read_bytes(), SEED_ARTICLE.name))
    return db_path


# ---------------------------------------------------------------- concurrent editors

MARKER = """
import sys, time
from factcheck.store import Store
db, who, claims = sys.argv[1], sys.argv[2], [int(x) for x in sys.argv[3].split(',')]
with Store(db) as store:
    for i, claim in enumerate(claims):
        store.mark(claim, ('verified', 'disputed')[i % 2], editor=who, note=f'{who} #{i}')
"""


@pytest.mark.slow
def test_four_processes_marking_at_once_lose_nothing(demo):
    procs = []
    for p in range(4):
        claims = ",".join(str(1 + (p * 6 + i) % 11) for i in range(6))
        procs.append(subprocess.Popen([sys.executable, "-c", MARKER, demo, f"ed{p}", claims],
                                      stderr=subprocess.PIPE))
    for proc in procs:
        assert proc.wait(timeout=120) == 0, proc.stderr.read().decode()
    conn = sqlite3.connect(demo)
    events = conn.execute("SELECT claim_id, editor, to_status, id FROM events").fetchall()
    assert len(events) == 24
    last = {}
    for claim_id, _, to_status, _ in sorted(events, key=lambda e: e[3]):
        last[claim_id] = to_status
    assert dict(conn.execute("SELECT id, status FROM claims WHERE id IN (%s)"
                             % ",".join(map(str, last)))) == last
    conn.close()


HOLDER = """
import sys, time, sqlite3
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute('BEGIN IMMEDIATE')
conn.execute("INSERT INTO events (claim_id, at, editor, action) VALUES (1, 'now', 'holder', 'note')")
print('locked', flush=True)
time.sleep(float(sys.argv[2]))
conn.execute('COMMIT')
"""


@pytest.mark.slow
def test_a_writer_holding_the_lock_for_seconds_does_not_fail_others(demo):
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, demo, "3"], stdout=subprocess.PIPE)
    assert holder.stdout.readline().strip() == b"locked"
    proc = cli(demo, "mark", "2", "verified", check=False)
    holder.wait(timeout=30)
    assert proc.returncode == 0, proc.stderr.decode()
    assert "locked" not in proc.stderr.decode()
    conn = sqlite3.connect(demo)
    order = [editor for (editor,) in conn.execute("SELECT editor FROM events ORDER BY id")]
    conn.close()
    assert order == ["holder", "tester"]  # it waited for the lock, then wrote: not instead


# ---------------------------------------------------------------- crashes


def _kill_at_random(args: list[str], db: str, delay: float) -> int:
    proc = subprocess.Popen([sys.executable, "-m", "factcheck", *args, "--db", db],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env_for_cli(db))
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    return proc.wait()


@pytest.mark.slow
def test_kill_9_during_imports_leaves_whole_articles_or_none(db_path, tmp_path):
    rng = random.Random(7)
    body = ("La société a versé 14,3 milliards de dollars à Paris. " * 8 + "\n") * 600
    with Store(db_path):
        pass
    for i in range(8):
        path = tmp_path / f"a{i}.txt"
        path.write_text(f"Article {i}.\n" + body, encoding="utf-8")
        _kill_at_random(["import", str(path)], db_path, rng.uniform(0.3, 2.5))
        assert integrity(db_path) == "ok"
        with Store(db_path) as store:
            for a in store.articles():
                expected = len(list(__import__("factcheck.analysis.segment", fromlist=["segment"])
                                    .segment(store.article(a["id"])["text"])))
                assert a["claims"] == expected  # whole, never half


@pytest.mark.slow
def test_kill_9_during_a_burst_of_marks_keeps_every_acknowledged_verdict(demo):
    code = """
import sys
from factcheck.store import Store
with Store(sys.argv[1]) as store:
    i = 0
    while True:
        claim = 1 + i % 11
        event = store.mark(claim, ('verified', 'disputed')[i % 2], editor='burst')
        print(event['id'], claim, event['to'], flush=True)
        i += 1
"""
    for delay in (0.01, 0.2, 0.7):
        proc = subprocess.Popen([sys.executable, "-c", code, demo], stdout=subprocess.PIPE)
        first = proc.stdout.readline().decode()  # the burst has started
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        out = (first + proc.communicate()[0].decode()).split("\n")
        acknowledged = [line.split() for line in out if line.strip()]
        assert integrity(demo) == "ok"
        conn = sqlite3.connect(demo)
        ids = {r[0] for r in conn.execute("SELECT id FROM events")}
        conn.close()
        assert acknowledged and all(int(a[0]) in ids for a in acknowledged)


# ---------------------------------------------------------------- hostile input


@pytest.mark.parametrize("name, content, ok", [
    ("mixed.txt", b"Une ligne.\r\nDeux lignes.\rTrois.\nQuatre.", True),
    ("rtl.txt", "مرحبا بالعالم. שלום עולם. Emoji 👩🏽‍💻 ok.".encode(), True),
    ("controls.txt", b"Texte\x07 avec\x1b[31m des contr\x08les.\x0c Fin.", True),
    ("markup.txt", b"[bold]Gras[/bold] et [/] et [link=x]y[/link].", True),
    ("nested.html", b"<div>" * 20000 + b"Profond." + b"</div>" * 5, True),
    ("broken.html", b"<html><p>Un <b>texte <i>mal</b> ferm\xc3\xa9.<p>Suite", True),
    ("script.html", b"<script>document.write('x')</script><style>p{}</style><p>Vrai.</p>", True),
    ("utf16.txt", "Élan vital. Été 2024.".encode("utf-16"), True),
    ("latin1.txt", "Élan vital à 30 000 €.".encode("cp1252"), True),
    ("empty.txt", b"", False),
    ("nul.txt", b"\x00\x00\x00abc", False),
    ("binary.txt", bytes(range(256)) * 10, False),
])
def test_hostile_files_import_soundly_or_are_refused_cleanly(db_path, tmp_path, name,
                                                              content, ok):
    path = tmp_path / f"with space {name}"
    path.write_bytes(content)
    proc = cli(db_path, "import", str(path), "--json", check=False)
    err = proc.stderr.decode()
    assert "Traceback" not in err
    if ok:
        assert proc.returncode == 0, err
        data = json.loads(proc.stdout)
        with Store(db_path) as store:
            article = store.article(data["article"]["id"])
            for c in store.claims(article_id=article["id"]):
                assert article["text"][c["start"]:c["end"]] == c["text"]
            assert "\x00" not in article["text"] and "\x1b" not in article["text"]
    else:
        assert proc.returncode == 2 and err.count("\n") == 1


def test_fts_and_sql_metacharacters_everywhere(demo):
    for text in ['"', "'", "AND", "OR", "NOT", "*", "NEAR(", "a:b", "^", "'; DROP TABLE claims;--",
                 "%", "_", "\\", "[/", "(", ")"]:
        with Store(demo) as store:
            store.search_claims(text)
            store.claims(text=text)
    for text in ['"', "NEAR(", "'; DROP TABLE claims;--", "[/"]:
        cli(demo, "note", "1", text)
    assert len(json.loads(cli(demo, "claims", "--json").stdout)) == 11
    assert integrity(demo) == "ok"


def test_unreadable_file():
    top = reachable_folder("factcheck-unreadable-")
    try:
        path = top / "secret article.txt"
        path.write_text("Texte secret.")
        path.chmod(0)
        db = top / "desk.db"
        code, _out, err = run_unprivileged(["import", str(path), "--db", str(db)])
        assert code == 2 and "permission denied" in err and "Traceback" not in err, err
        assert not db.exists()
    finally:
        shutil.rmtree(top, ignore_errors=True)


@pytest.mark.slow
def test_a_20_mb_single_line_neither_hangs_nor_explodes(db_path, tmp_path):
    big = tmp_path / "one line.txt"
    big.write_text(("mot " * 5_200_000).strip(), encoding="utf-8")  # ~20 MB, no punctuation
    code = (
        "import resource, sys; from factcheck.cli import main;"
        f"rc = main(['import', {str(big)!r}, '--db', {db_path!r}]);"
        "print(rc, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=600)
    rc, maxrss_kb = proc.stdout.decode().split()[-2:]
    assert rc == "0", proc.stderr.decode()
    assert int(maxrss_kb) < 1_500_000
    assert integrity(db_path) == "ok"
    with Store(db_path) as store:  # cut at a sane maximum claim length, nothing lost
        lengths = [len(c["text"]) for c in store.claims()]
    assert max(lengths) <= 1000 and sum(lengths) + len(lengths) - 1 >= 20_000_000


def reachable_folder(prefix: str) -> Path:
    """A new folder that an unprivileged user can reach, whatever the clone's place: a
    clone in root's home (mode 700, Debian's default) is not reachable, and neither may be
    $TMPDIR; /tmp and its like are."""
    for base in (tempfile.gettempdir(), "/tmp", "/var/tmp", "/dev/shm"):
        base = Path(base)
        if base.is_dir() and all(os.stat(p).st_mode & 0o001 for p in (base, *base.parents)):
            top = Path(tempfile.mkdtemp(prefix=prefix, dir=base))
            top.chmod(0o777)
            return top
    pytest.skip("no folder that an unprivileged user can reach")


def run_unprivileged(argv: list[str]) -> tuple[int, str, str]:
    """The command line run by an unprivileged user (root ignores file modes): in a forked
    child of this process that gives up root. Everything the command needs is imported
    before the fork, so the child reads nothing from the clone, which that user may not be
    allowed to reach."""
    import io

    from factcheck import cli, ingest, web  # noqa: F401 (loaded for the child)
    from factcheck.store import settings  # noqa: F401
    from factcheck.text import decode, document  # noqa: F401

    cli.build_parser()  # imports every command's module
    if os.geteuid() == 0 and not hasattr(os, "setresuid"):
        pytest.skip("cannot give up root here")
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns to pytest
        result = [99, "", ""]
        try:
            os.close(read_end)
            if os.geteuid() == 0:
                os.setgroups([])
                os.setresgid(65534, 65534, 65534)
                os.setresuid(65534, 65534, 65534)
            sys.stdout, sys.stderr = io.StringIO(), io.StringIO()
            try:
                result[0] = cli.main(argv)
            except SystemExit as exc:
                result[0] = exc.code
            result[1:] = [sys.stdout.getvalue(), sys.stderr.getvalue()]
        except BaseException as exc:  # reported to the parent, never raised here
            result[2] += f"{type(exc).__name__}: {exc}"
        finally:
            data = json.dumps(result).encode()
            while data:
                data = data[os.write(write_end, data):]
            os._exit(0)
    os.close(write_end)
    chunks = []
    while chunk := os.read(read_end, 65536):
        chunks.append(chunk)
    os.close(read_end)
    os.waitpid(pid, 0)
    code, out, err = json.loads(b"".join(chunks))
    return code, out, err


def test_read_only_database_reads_but_refuses_writes_clearly(demo):
    top = reachable_folder("factcheck-ro-")
    folder = top / "ro"
    folder.mkdir()
    db = folder / "desk.db"
    with Store(demo) as store:
        store.backup(str(db))
    db.chmod(0o444)
    folder.chmod(0o555)
    try:
        code, out, err = run_unprivileged(["claims", "--json", "--db", str(db)])
        assert code == 0, err
        assert len(json.loads(out)) == 11
        code, out, err = run_unprivileged(["mark", "1", "verified", "--db", str(db)])
        assert code == 1 and "read-only" in err and "Traceback" not in err, err
    finally:
        folder.chmod(0o755)
        db.chmod(0o644)
        shutil.rmtree(top, ignore_errors=True)


def test_a_full_database_refuses_the_import_whole(demo, monkeypatch):
    """SQLITE_FULL half-way through an import: clear error, nothing half-written."""
    import factcheck.store.db as store_mod

    real_connect = store_mod.Store._connect

    def tiny(self):
        conn = real_connect(self)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages + 3}")
        return conn

    monkeypatch.setattr(store_mod.Store, "_connect", tiny)
    body = ("La société a versé 14,3 milliards de dollars à Paris en 2024. " * 40 + "\n") * 200
    from factcheck.cli import main

    path = os.path.join(os.path.dirname(demo), "big.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write(body)
    assert main(["import", path, "--db", demo]) == 1
    monkeypatch.undo()
    assert integrity(demo) == "ok"
    with Store(demo) as store:
        assert len(store.articles()) == 1 and store.claim_count() == 11


@pytest.mark.slow
def test_kill_9_during_a_sources_import_leaves_all_or_nothing(demo, tmp_path):
    rows = [{"url": f"https://example.org/p{i}", "title": f"Page {i}", "publisher": "X",
             "text": f"Meta a versé {i},5 milliards de dollars à Scale AI."} for i in range(30000)]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    for delay in (0.5, 1.5):
        _kill_at_random(["sources", "import", str(feed)], demo, delay)
        assert integrity(demo) == "ok"
        with Store(demo) as store:
            n = store.conn.execute("SELECT count(*) FROM sources").fetchone()[0]
        assert n in (0, 30000)


def test_not_a_factcheck_database_and_garbage(tmp_path):
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    proc = cli(str(other), "claims", check=False)
    assert proc.returncode == 1 and "not a factcheck database" in proc.stderr.decode()
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"garbage" * 1000)
    proc = cli(str(junk), "claims", check=False)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr.decode()


def test_an_older_database_is_backed_up_then_migrated(db_path, tmp_path):
    from factcheck.store.migrations import MIGRATIONS

    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.executescript("BEGIN;" + MIGRATIONS[0][2]
                       + "INSERT INTO meta VALUES ('app', 'factcheck'); PRAGMA user_version = 1;"
                       + "COMMIT;")
    conn.execute("INSERT INTO articles (title, language, format, sha256, text, imported_at)"
                 " VALUES ('Old', 'fr', 'txt', 'abc', 'Ancien texte.', '2025-01-01T00:00:00Z')")
    conn.close()
    with Store(db_path) as store:
        assert store.schema_version() == LATEST
        assert store.articles()[0]["title"] == "Old"
    backups = list(tmp_path.glob("fc.db.bak-v1-*"))
    assert len(backups) == 1
    check = sqlite3.connect(backups[0])
    assert check.execute("PRAGMA user_version").fetchone()[0] == 1
    check.close()


def test_a_database_from_a_newer_version_is_refused(db_path):
    with Store(db_path) as store:
        store.conn.execute(f"PRAGMA user_version = {LATEST + 5}")
    with pytest.raises(StoreError, match="newer factcheck"):
        Store(db_path)


def test_backup_command_while_another_editor_writes(demo, tmp_path):
    code = """
import sys, time
from factcheck.store import Store
with Store(sys.argv[1]) as store:
    for i in range(200):
        store.mark(1 + i % 11, ('verified', 'disputed')[i % 2], editor='w')
"""
    writer = subprocess.Popen([sys.executable, "-c", code, demo])
    target = tmp_path / "copy of.db"
    cli(demo, "backup", str(target))
    writer.wait(timeout=60)
    assert integrity(str(target)) == "ok"
    with Store(str(target)) as copy:
        assert copy.claim_count() == 11
    proc = cli(demo, "backup", str(target), check=False)
    assert proc.returncode == 2 and "exists: pass --force" in proc.stderr.decode()


def test_no_command_reaches_the_network(demo, tmp_path):
    """Every command runs with sockets forbidden: none of them needs the network."""
    guard = tmp_path / "sitecustomize.py"
    guard.write_text("import socket\n"
                     "def _no(*a, **k):\n    raise RuntimeError('network access attempted')\n"
                     "socket.socket.connect = _no\nsocket.create_connection = _no\n"
                     "socket.getaddrinfo = _no\n")
    env = env_for_cli(demo) | {"PYTHONPATH": str(tmp_path)}
    for args in (["import", str(SEED_ARTICLE)], ["claims", "--json"], ["mark", "1", "verified"],
                 ["export", "--format", "html"],
                 ["export", "--format", "claimreview", "--org-name", "Desk",
                  "--org-url", "https://desk.example"]):
        proc = subprocess.run([sys.executable, "-m", "factcheck", *args, "--db", demo],
                              capture_output=True, env=env, timeout=120)
        assert proc.returncode == 0, proc.stderr.decode()
        assert b"network access attempted" not in proc.stderr


# ---------------------------------------------------------------- migrations under concurrency

OPENER = """
import os, sys, time
from factcheck.store import Store
db, go, claim = sys.argv[1], sys.argv[2], int(sys.argv[3])
print('ready', flush=True)
while not os.path.exists(go):
    time.sleep(0.001)
with Store(db) as store:
    store.mark(claim, 'verified', editor=f'p{claim}')
"""


def _old_store(path, version: int, wal: bool) -> None:
    """A store as a factcheck of schema ``version`` left it, with an article of 6 claims."""
    from factcheck.store.migrations import MIGRATIONS

    conn = sqlite3.connect(path, isolation_level=None)
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
    conn.executescript("BEGIN;" + "".join(m[2] for m in MIGRATIONS if m[0] <= version)
                       + "INSERT INTO meta VALUES ('app', 'factcheck');"
                       + f"PRAGMA user_version = {version}; COMMIT;")
    conn.execute("INSERT INTO articles (id, title, language, format, sha256, text, imported_at)"
                 " VALUES (1, 'Old', 'fr', 'txt', 'abc', 'Un. Deux.', '2025-01-01T00:00:00Z')")
    conn.executemany("INSERT INTO claims (article_id, seq, char_start, char_end, text)"
                     " VALUES (1, ?, 0, 3, 'Un.')", [(i,) for i in range(1, 7)])
    conn.close()


@pytest.mark.slow
@pytest.mark.parametrize("wal", [False, True, True])
def test_processes_opening_an_old_store_at_once_migrate_it_once(tmp_path, wal):
    """Six processes open a store of an older schema at the same moment: one backs it up
    and migrates it, the others wait for it and go on; none fails, nothing is left over."""
    db = tmp_path / "old.db"
    _old_store(db, 5, wal)
    go = tmp_path / "go"
    procs = [subprocess.Popen([sys.executable, "-c", OPENER, str(db), str(go), str(claim)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for claim in range(1, 7)]
    for proc in procs:
        assert proc.stdout.readline().strip() == b"ready"
    go.touch()
    for proc in procs:
        assert proc.wait(timeout=120) == 0, proc.stderr.read().decode()
        assert proc.stderr.read() == b""
    with Store(db) as store:
        assert store.schema_version() == LATEST
        assert {c["status"] for c in store.claims()} == {"verified"}
    backups = sorted(p.name for p in tmp_path.glob("old.db.bak-v5-*"))
    assert len(backups) == 1, backups
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
    with Store(tmp_path / backups[0], migrate=False) as before:
        assert before.schema_version() == 5 and before.claim_count() == 6
