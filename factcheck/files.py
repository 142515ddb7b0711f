"""Files in and out, with limits: what is read is capped, what is written lands whole.

Reading: an article, a file of sources or fact-checks is read with a cap on its size that
is checked *while* reading, so a device (``/dev/zero``), a FIFO, standard input or a huge
file is refused once the cap is passed, never read until memory runs out.

Writing: every file the program writes for the user (a report, a backup, a page as
fetched) goes through ``output``. It refuses what would destroy something else: the open
database or any SQLite file, a directory, a device, a FIFO or socket, a symbolic link
(written through, it would change the file it points at); it replaces an existing regular
file only when asked (``force``: ``--force`` on the command line, a yes in the desk, which
calls ``check_output`` first to know whether to ask). The bytes go to a temporary file
created exclusively (``O_EXCL``, a random name, in the same folder, never through a link),
are synced to disk, and are renamed over the target in one step: a reader sees the old file
or the new one, never half of one. A replaced file keeps its permissions.
"""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import FactcheckError, InputError

TYPE_CHECKING = False  # importing typing costs a command's start-up a few milliseconds
if TYPE_CHECKING:
    from typing import IO, BinaryIO

MB = 1024 * 1024
MAX_ARTICLE_BYTES = 20 * MB  # the default; the setting import.max_bytes changes it
MAX_DATA_BYTES = 256 * MB  # a file of sources or of fact-checks
SQLITE_HEADER = b"SQLite format 3\x00"
_READ_CHUNK = MB
# What SQLite keeps beside a database: writing over one of them damages the database too.
_SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


def size_text(n: int) -> str:
    """20 MB, 512 KB, 900 bytes: a size as people say it (binary units)."""
    if n >= MB and n % MB == 0:
        return f"{n // MB} MB"
    if n >= MB:
        return f"{n / MB:.1f} MB"
    if n >= 1024:
        return f"{n // 1024} KB"
    return f"{n} bytes"


# ================================================================ reading


class TooLarge(InputError):
    """Input over its cap; refused before more than the cap was read."""


def read_capped(path: str | os.PathLike, limit: int, what: str = "an article file",
                setting: str | None = None) -> bytes:
    """The bytes of a file, a FIFO or a device, or an ``InputError`` saying plainly why not.

    More than ``limit`` bytes is refused: a regular file from its size, anything else as
    soon as the cap is passed. ``setting`` names the setting that raises the cap, for the
    message.
    """
    name = os.fspath(path)
    try:
        fd = os.open(name, os.O_RDONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError(f"no such file: {name}") from None
    except IsADirectoryError:
        raise InputError(f"{name} is a directory, not {what}") from None
    except PermissionError:
        raise InputError(f"cannot read {name}: permission denied") from None
    except OSError as exc:
        raise InputError(f"cannot read {name}: {exc.strerror or exc}") from None
    info = os.fstat(fd)
    if stat.S_ISDIR(info.st_mode) or (stat.S_ISREG(info.st_mode) and info.st_size > limit):
        os.close(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{name} is a directory, not {what}")
        raise _too_large(name, limit, what, setting)
    with open(fd, "rb", buffering=0) as stream:
        try:
            return read_stream(stream, limit, name, what, setting)
        except TooLarge:
            raise
        except OSError as exc:
            raise InputError(f"cannot read {name}: {exc.strerror or exc}") from None


def read_stream(stream: BinaryIO, limit: int, name: str = "standard input",
                what: str = "an article", setting: str | None = None) -> bytes:
    """At most ``limit`` bytes of a stream, read in chunks; more is refused (``TooLarge``)."""
    buf = bytearray()
    while True:
        chunk = stream.read(min(_READ_CHUNK, limit + 1 - len(buf)))
        if not chunk:
            return bytes(buf)
        buf += chunk
        if len(buf) > limit:
            raise _too_large(name, limit, what, setting)


def _too_large(name: str, limit: int, what: str, setting: str | None) -> TooLarge:
    how = f" (the setting {setting} changes it)" if setting else ""
    return TooLarge(f"{name} is larger than {size_text(limit)}, the most factcheck reads for "
                    f"{what}{how}")


# ================================================================ writing


class OutputExists(InputError):
    """The file to write exists: it is replaced only when the caller says so (``force``)."""

    def __init__(self, path: str):
        self.path = path
        super().__init__(f"{path} exists: pass --force to replace it")


def is_sqlite_file(path: str | os.PathLike) -> bool:
    """Does the file start with SQLite's header? (False when it cannot be read.)"""
    try:
        with open(path, "rb") as f:
            return f.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _same_file(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def _protected(target: Path, info: os.stat_result | None,
               protect: Iterable[str | os.PathLike]) -> str | None:
    """The protected database that ``target`` is, or is a side file of; else None."""
    where = os.path.abspath(target)
    for db in protect:
        db = os.fspath(db)
        if not db or db == ":memory:":
            continue
        for suffix in ("", *_SQLITE_SIDE_FILES):
            candidate = db + suffix
            if os.path.abspath(candidate) == where:
                return db
            if info is not None:
                try:
                    if _same_file(os.stat(candidate), info):
                        return db
                except OSError:
                    continue
    return None


def check_output(path: str | os.PathLike, *, force: bool = False,
                 protect: Iterable[str | os.PathLike] = (),
                 replace_sqlite: bool = False) -> Path:
    """The path to write, after checking that writing it destroys nothing it should not.

    Raises ``InputError`` for what is never written (the databases in ``protect`` and their
    side files, any SQLite file unless ``replace_sqlite``, a directory, a device, a FIFO, a
    socket, a symbolic link, a missing folder) and ``OutputExists`` for an existing regular
    file when ``force`` is not set: the desk catches it to ask, then calls again with force.
    """
    name = os.fspath(path)
    if not name.strip():
        raise InputError("an output file needs a name")
    target = Path(name).expanduser()
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        info = None
    except NotADirectoryError:
        raise InputError(f"cannot write {name}: {target.parent} is not a folder") from None
    except OSError as exc:
        raise InputError(f"cannot write {name}: {exc.strerror or exc}") from None
    db = _protected(target, info if info is not None and not stat.S_ISLNK(info.st_mode)
                    else None, protect)
    if db is not None:
        which = "" if os.path.abspath(db) == os.path.abspath(target) else f" ({db})"
        raise InputError(f"{name} is the database in use{which}: it is never written over; "
                         "choose another file name")
    if info is None:
        folder = target.parent
        if not folder.exists():
            raise InputError(f"cannot write {name}: there is no folder {folder}")
        if not folder.is_dir():
            raise InputError(f"cannot write {name}: {folder} is not a folder")
        return target
    mode = info.st_mode
    if stat.S_ISLNK(mode):
        raise InputError(f"{name} is a symbolic link: factcheck does not write through links "
                         "(give the file's own path)")
    if stat.S_ISDIR(mode):
        raise InputError(f"{name} is a directory: give a file name")
    if not stat.S_ISREG(mode):
        kind = ("a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else
                "a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else
                "not a regular file")
        raise InputError(f"{name} is {kind}: factcheck writes only regular files")
    if not replace_sqlite and is_sqlite_file(target):
        raise InputError(f"{name} is a SQLite database: a report is never written over one "
                         "(choose another file name)")
    if not force:
        raise OutputExists(name)
    return target


def _exclusive_temp(folder: Path, name: str) -> tuple[int, Path]:
    """A new, empty file beside the target, created by us alone (never an existing file,
    never through a link), and its descriptor."""
    flags = (os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
             | getattr(os, "O_CLOEXEC", 0))
    for _ in range(100):
        tmp = folder / f".{name}.{os.urandom(6).hex()}.part"
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue
    raise FactcheckError(f"cannot create a temporary file in {folder}")


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (where the system allows it)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextmanager
def output_path(path: str | os.PathLike, *, force: bool = False,
                protect: Iterable[str | os.PathLike] = (), replace_sqlite: bool = False,
                mode: int | None = None, sync: bool = True) -> Iterator[Path]:
    """A temporary path to fill (by a library that wants a file name, like SQLite's backup);
    when the block ends without error it is synced and renamed over ``path``.

    The temporary file exists (empty) when the block starts. A replaced file's permissions
    are kept; a new file gets ``mode`` if given, else what the umask leaves of 0666.
    ``sync=False`` skips the two syncs to disk, for a file that is only a hint.
    """
    protect = tuple(protect)
    target = check_output(path, force=force, protect=protect, replace_sqlite=replace_sqlite)
    old = _regular_or_none(target)
    try:
        fd, tmp = _exclusive_temp(target.parent, target.name)
    except OSError as exc:
        raise FactcheckError(f"cannot write {os.fspath(path)}: {exc.strerror or exc}") from None
    try:
        try:
            if old is not None:
                os.fchmod(fd, stat.S_IMODE(old.st_mode))
            elif mode is not None:
                os.fchmod(fd, mode)
        finally:
            os.close(fd)
        yield tmp
        if sync:
            _fsync_path(tmp)
        # checked again at the last moment: the target may have changed meanwhile
        check_output(path, force=True, protect=protect, replace_sqlite=replace_sqlite)
        os.replace(tmp, target)
        if sync:
            _sync_folder(target.parent)
    except OSError as exc:
        _remove(tmp)
        raise FactcheckError(f"cannot write {os.fspath(path)}: {exc.strerror or exc}") from None
    except BaseException:
        _remove(tmp)
        raise


@contextmanager
def output(path: str | os.PathLike, *, binary: bool = False, force: bool = False,
           protect: Iterable[str | os.PathLike] = (), mode: int | None = None,
           sync: bool = True) -> Iterator[IO]:
    """A file to write in place of ``path``: text (UTF-8, newlines as written) or binary.

    Nothing is visible at ``path`` until the block ends without error; then the whole file
    replaces it at once. See ``check_output`` for what is refused.
    """
    with output_path(path, force=force, protect=protect, mode=mode, sync=sync) as tmp:
        flags = os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        raw = open(os.open(tmp, flags), "wb")
        stream: IO = raw if binary else io.TextIOWrapper(raw, encoding="utf-8", newline="")
        with stream:
            yield stream


def write_bytes(path: str | os.PathLike, data: bytes, **options) -> Path:
    """``data`` written to ``path`` whole (see ``output``); returns the path."""
    with output(path, binary=True, **options) as f:
        f.write(data)
    return Path(os.fspath(path)).expanduser()


def _regular_or_none(target: Path) -> os.stat_result | None:
    try:
        info = os.lstat(target)
    except OSError:
        return None
    return info if stat.S_ISREG(info.st_mode) else None


def _fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
