"""Files out and in: nothing written over the desk, through a link or onto a device; nothing
read without a limit (issue 17, findings 1, 2 and 6)."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import stat
import subprocess
import sys
import threading

import pytest

from conftest import SEED_ARTICLE, env_for_cli
from factcheck import files
from factcheck.errors import FactcheckError, InputError
from factcheck.files import OutputExists, TooLarge, check_output, output, read_capped, \
    read_stream, write_bytes
from factcheck.ingest import import_document
from factcheck.store import Store
from factcheck.text.document import parse_document


def cli(db, *args, stdin=None, env=None, timeout=120):
    return subprocess.run([sys.executable, "-m", "factcheck", *args, "--db", str(db)],
                          capture_output=True, input=stdin, timeout=timeout,
                          env={**env_for_cli(str(db)), **(env or {})})


@pytest.fixture
def desk(tmp_path):
    db = tmp_path / "desk.db"
    with Store(db) as store:
        import_document(store, parse_document(SEED_ARTICLE.read_bytes(), SEED_ARTICLE.name))
    return db


def claim_count(db) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM claims").fetchone()[0]
    finally:
        conn.close()


def leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


# ---------------------------------------------------------------- the desk is never written over

def test_an_export_onto_the_open_database_is_refused_and_the_desk_survives(desk):
    for extra in ([], ["--force"]):
        proc = cli(desk, "export", "-o", str(desk), *extra)
        assert proc.returncode == 2, proc.stderr
        assert b"is the database in use" in proc.stderr
    assert claim_count(desk) == 11
    proc = cli(desk, "export", "-o", str(desk) + "-wal", "--force")
    assert proc.returncode == 2 and b"database in use" in proc.stderr
    assert leftovers(desk.parent) == []


def test_an_export_onto_any_sqlite_file_is_refused_even_with_force(desk, tmp_path):
    other = tmp_path / "colleague.db"
    with Store(other):
        pass
    proc = cli(desk, "export", "-o", str(other), "--force")
    assert proc.returncode == 2 and b"is a SQLite database" in proc.stderr
    assert other.read_bytes().startswith(files.SQLITE_HEADER)


def test_an_existing_file_is_replaced_only_with_force_and_keeps_its_mode(desk, tmp_path):
    report = tmp_path / "report.json"
    report.write_text("the editor's own notes")
    report.chmod(0o600)
    proc = cli(desk, "export", "-o", str(report))
    assert proc.returncode == 2 and b"exists: pass --force" in proc.stderr
    assert report.read_text() == "the editor's own notes"
    proc = cli(desk, "export", "-o", str(report), "--force")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(report.read_text())["summary"]["pending"] == 11
    assert stat.S_IMODE(report.stat().st_mode) == 0o600
    assert leftovers(tmp_path) == []


def test_links_devices_fifos_and_folders_are_never_written(desk, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("untouched")
    link = tmp_path / "report.json"
    link.symlink_to(victim)
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    for target, words in ((link, b"symbolic link"), ("/dev/null", b"a device"),
                          (fifo, b"a FIFO"), (tmp_path, b"is a directory")):
        proc = cli(desk, "export", "-o", str(target), "--force", timeout=30)
        assert proc.returncode == 2 and words in proc.stderr, (target, proc.stderr)
    assert victim.read_text() == "untouched" and link.is_symlink()
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_planted_temporary_link_is_not_followed(desk, tmp_path):
    """The temporary file has a random name and is created exclusively (O_EXCL): a link
    planted where the old writer put its `.part` file leads nowhere."""
    victim = tmp_path / "victim.txt"
    victim.write_text("untouched")
    for name in (".report.json.part", "report.json.part"):
        (tmp_path / name).symlink_to(victim)
    proc = cli(desk, "export", "-o", str(tmp_path / "report.json"))
    assert proc.returncode == 0, proc.stderr
    assert victim.read_text() == "untouched"
    assert json.loads((tmp_path / "report.json").read_text())["claims"]


def test_dash_is_standard_output(desk, tmp_path):
    proc = subprocess.run([sys.executable, "-m", "factcheck", "export", "-o", "-", "--db",
                           str(desk)], capture_output=True, cwd=tmp_path, timeout=60,
                          env=env_for_cli(str(desk)))
    assert proc.returncode == 0 and json.loads(proc.stdout)["claims"]
    assert not (tmp_path / "-").exists()


def test_a_failed_export_leaves_the_old_file_and_no_temporary_file(desk, tmp_path):
    report = tmp_path / "report.json"
    report.write_text("yesterday's report")
    proc = cli(desk, "export", "-o", str(report), "--force", "--require-complete")
    assert proc.returncode == 1 and b"still pending" in proc.stderr
    assert report.read_text() == "yesterday's report"
    assert leftovers(tmp_path) == []


def test_backup_is_never_written_over_the_desk_and_names_a_missing_folder(desk, tmp_path):
    proc = cli(desk, "backup", str(desk), "--force")
    assert proc.returncode == 2 and b"database in use" in proc.stderr
    assert claim_count(desk) == 11
    proc = cli(desk, "backup", str(tmp_path / "no such folder" / "copy.db"))
    err = proc.stderr.decode()
    assert proc.returncode == 2 and "there is no folder" in err and "no such folder" in err
    copy = tmp_path / "copy.db"
    assert cli(desk, "backup", str(copy)).returncode == 0
    assert cli(desk, "backup", str(copy), "--force").returncode == 0  # yesterday's backup
    assert claim_count(copy) == 11 and leftovers(tmp_path) == []


def test_backup_to_standard_output(desk, tmp_path):
    proc = cli(desk, "backup", "-")
    assert proc.returncode == 0 and proc.stdout.startswith(files.SQLITE_HEADER)
    (tmp_path / "streamed.db").write_bytes(proc.stdout)
    assert claim_count(tmp_path / "streamed.db") == 11


def test_a_backup_keeps_the_databases_own_permissions(desk, tmp_path):
    desk.chmod(0o600)
    with Store(desk) as store:
        store.backup(tmp_path / "copy.db")
    assert stat.S_IMODE((tmp_path / "copy.db").stat().st_mode) == 0o600


def test_the_desk_asks_before_replacing_a_file(tmp_path):
    """What the desk calls before writing: OutputExists means "ask", then force=True."""
    target = tmp_path / "report.md"
    assert check_output(target) == target  # nothing there: no question
    target.write_text("old")
    with pytest.raises(OutputExists) as asked:
        check_output(target)
    assert asked.value.path == str(target)
    assert check_output(target, force=True) == target
    with pytest.raises(InputError, match="database in use"):
        check_output(tmp_path / "desk.db", protect=[tmp_path / "desk.db"])


def test_the_writer_writes_whole_files_or_nothing(tmp_path):
    target = tmp_path / "page.html"
    write_bytes(target, b"<p>one</p>")
    with pytest.raises(RuntimeError):
        with output(target, force=True) as out:
            out.write("<p>half")
            raise RuntimeError("the disk went away")
    assert target.read_bytes() == b"<p>one</p>" and leftovers(tmp_path) == []
    with output(target, force=True) as out:
        out.write("ligne 1\r\nligne 2 — « ok »")
    assert target.read_bytes() == "ligne 1\r\nligne 2 — « ok »".encode()


def test_a_folder_we_may_not_write_is_one_clear_error(tmp_path, monkeypatch):
    def refused(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(files.os, "open", refused)
    with pytest.raises(FactcheckError, match="Permission denied"):
        write_bytes(tmp_path / "x.txt", b"x")


def test_an_article_snapshot_is_written_through_the_same_writer(desk, tmp_path):
    with pytest.raises(InputError, match="database in use"):
        write_bytes(desk, b"<html>", force=True, protect=[desk])
    assert claim_count(desk) == 11


# ---------------------------------------------------------------- reading with a cap

def test_dev_zero_is_refused_once_the_cap_is_passed(desk):
    proc = cli(desk, "import", "/dev/zero", timeout=60)
    err = proc.stderr.decode()
    assert proc.returncode == 2 and "larger than 20 MB" in err and "import.max_bytes" in err
    assert claim_count(desk) == 11


def test_the_cap_is_a_setting(desk, tmp_path):
    article = tmp_path / "long.txt"
    article.write_text("Le gouvernement a versé 3 milliards d’euros en 2024. " * 400)  # ~22 KB
    assert cli(desk, "settings", "import.max_bytes", "16KB").returncode == 0
    proc = cli(desk, "import", str(article))
    assert proc.returncode == 2 and b"larger than 16 KB" in proc.stderr
    assert cli(desk, "settings", "import.max_bytes", "--unset").returncode == 0
    assert cli(desk, "import", str(article)).returncode == 0


def test_standard_input_and_fifos_have_the_same_cap(tmp_path):
    with pytest.raises(TooLarge, match="larger than 1 KB"):
        read_stream(io.BytesIO(b"a" * 5000), 1024)
    assert read_stream(io.BytesIO(b"a" * 1024), 1024) == b"a" * 1024
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)

    def feed():
        try:
            with open(fifo, "wb", buffering=0) as f:
                for _ in range(100):
                    f.write(b"x" * 100_000)
        except BrokenPipeError:
            pass  # the reader stopped at the cap, as it should

    writer = threading.Thread(target=feed)
    writer.start()
    with pytest.raises(TooLarge):
        read_capped(fifo, 1024 * 1024)
    writer.join(timeout=30)
    assert not writer.is_alive()


def test_a_large_file_is_refused_from_its_size_without_reading_it(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.truncate(30 * files.MB)  # sparse: nothing to read
    read = []
    monkeypatch.setattr(files, "read_stream", lambda *a, **k: read.append(1))
    with pytest.raises(TooLarge, match="larger than 20 MB"):
        read_capped(big, files.MAX_ARTICLE_BYTES)
    assert read == []


def test_files_of_sources_and_fact_checks_are_capped_too(desk, monkeypatch):
    from factcheck.matching import archive, sources

    monkeypatch.setattr(files, "MAX_DATA_BYTES", 1024 * 1024)
    with Store(desk) as store:
        with pytest.raises(TooLarge, match="larger than 1 MB"):
            sources.import_sources_file(store, "/dev/zero")
        with pytest.raises(TooLarge, match="larger than 1 MB"):
            archive.import_file(store, "/dev/zero")


def test_reading_a_directory_or_a_missing_file_says_so(tmp_path):
    with pytest.raises(InputError, match="is a directory"):
        read_capped(tmp_path, 100)
    with pytest.raises(InputError, match="no such file"):
        read_capped(tmp_path / "nothing.txt", 100)
