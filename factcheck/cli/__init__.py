"""The command line: a thin face on the core. Every command takes --db.

Errors the user can act on print one line on stderr and exit non-zero (2 for bad input,
1 for the rest); no traceback reaches the terminal unless FACTCHECK_DEBUG is set.

Nothing touches the network unless a URL is given; ``--offline`` (anywhere on the line)
refuses even those, as FACTCHECK_OFFLINE=1 does: the option sets that variable, so the
desk and every process it starts are offline too.

Each group of commands lives in a module of its own with a ``register`` function. The
desk's modules (articles, claims, export, admin) are always registered; the others only
when their command is named (or for --help), so opening the desk pays for none of them.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sqlite3
import sys

from .. import __version__
from ..errors import FactcheckError, InputError
from ..store import default_db_path
from ..text.display import has_controls, printable
from ..web import OFFLINE_ENV
from .common import EXIT_FAIL, EXIT_OK, EXIT_USAGE, CliError, article_id

# Modules with a `register(subparsers, common=, editor=, as_json=)` function.
CORE_MODULES = ("articles", "claims", "export", "admin")
COMMAND_MODULES = {"sources": "sources", "link": "sources", "unlink": "sources",
                   "suggest": "sources", "dupes": "dupes", "archive": "archive", "doctor": "doctor"}
CORE_COMMANDS = {"import", "articles", "article", "snapshot", "claims", "claim", "mark", "note",
                 "export", "label", "rate", "explain", "settings", "backup", "tui", "demo",
                 "init"}
_VALUE_OPTIONS = {"--db", "--editor", "--article"}


def _command_word(argv: list[str]) -> str | None:
    """The sub-command named on the line, if any (skipping the top-level options' values)."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in _VALUE_OPTIONS:
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


class Parser(argparse.ArgumentParser):
    """argparse, with its messages shown safely: they quote what was typed, and what was
    typed may hold terminal commands."""

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {printable(message, one_line=True)}\n")


def build_parser(plugins: bool = True) -> argparse.ArgumentParser:
    common = Parser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS,
                        help="database file (default: $FACTCHECK_DB or db/factcheck.db)")
    common.add_argument("--offline", action="store_true", default=argparse.SUPPRESS,
                        help=f"fetch nothing: refuse URLs (also: {OFFLINE_ENV}=1)")
    editor = Parser(add_help=False)
    editor.add_argument("--editor", default=argparse.SUPPRESS,
                        help="who is working (default: $FACTCHECK_EDITOR, then the login name)")
    as_json = Parser(add_help=False)
    as_json.add_argument("--json", action="store_true", help="print JSON")

    parser = Parser(
        prog="factcheck", parents=[common, editor],
        description="A keyboard-driven newsroom fact-checking desk. "
                    "With no command, opens the desk (same as `factcheck tui`).")
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    parser.add_argument("--article", type=article_id, default=argparse.SUPPRESS,
                        help="open the desk on this article")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    names = list(CORE_MODULES) + (list(dict.fromkeys(COMMAND_MODULES.values()))
                                  if plugins else [])
    for name in names:
        module = importlib.import_module(f"{__name__}.{name}")
        module.register(sub, common=common, editor=editor, as_json=as_json)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    word = _command_word(argv)
    parser = build_parser(plugins=word not in CORE_COMMANDS
                          and not (word is None and "-h" not in argv and "--help" not in argv))
    bad = _not_utf8(argv)
    if bad is not None:
        return _fail(f"{bad} is not valid UTF-8 text: retype it, or rename the file",
                     EXIT_USAGE)
    args = parser.parse_args(argv)
    if not hasattr(args, "db"):
        args.db = default_db_path()
    args.editor = getattr(args, "editor", None)
    try:
        _check_door(args)
    except InputError as exc:
        return _fail(str(exc), EXIT_USAGE)
    if getattr(args, "offline", False):
        os.environ[OFFLINE_ENV] = "1"
    if args.command is None:
        from .admin import cmd_tui

        args.func, args.article = cmd_tui, getattr(args, "article", None)
    if args.command not in (None, "tui", "demo"):
        resume_gc()  # the desk resumes it after its first frame
    try:
        return args.func(args)
    except (FactcheckError, CliError) as exc:
        code = exc.code if isinstance(exc, CliError) else (
            EXIT_USAGE if isinstance(exc, InputError) else EXIT_FAIL)
        return _fail(str(exc), code)
    except sqlite3.Error as exc:
        return _fail(f"database error on {args.db}: {_explain_sqlite(exc)}", EXIT_FAIL)
    except BrokenPipeError:
        return EXIT_OK
    except RecursionError:
        return _fail("the input is nested too deeply to read", EXIT_USAGE)
    except OSError as exc:
        where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
        return _fail(f"{exc.strerror or exc}{where}", EXIT_FAIL)
    except KeyboardInterrupt:
        print("factcheck: interrupted; nothing half-written was kept", file=sys.stderr)
        return 130
    except Exception as exc:  # the last line of defence: one line, no traceback
        if os.environ.get("FACTCHECK_DEBUG"):
            raise
        return _fail(f"unexpected error: {type(exc).__name__}: {exc} "
                     "(set FACTCHECK_DEBUG=1 for details)", EXIT_FAIL)


def _fail(message: str, code: int) -> int:
    """One line on stderr, whatever the message quotes (a path, a title, a value)."""
    print(f"factcheck: {printable(message, one_line=True)}", file=sys.stderr)
    return code


def _not_utf8(argv: list[str]) -> str | None:
    """The first argument the system could not decode (its bytes are not UTF-8), shown."""
    for arg in argv:
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            return repr(arg.encode("utf-8", "surrogateescape").decode("utf-8", "replace"))
    return None


def _check_door(args) -> None:
    """What every command refuses before it starts: an empty --db, an editor name that is
    blank or holds control characters (in --editor or FACTCHECK_EDITOR)."""
    if not str(args.db).strip():
        raise InputError("--db needs a file name (or leave it out for the default, "
                         f"{default_db_path()})")
    if args.editor is not None:
        name = args.editor.strip()
        if not name:
            raise InputError("--editor cannot be blank: give the editor's name")
        if has_controls(name):
            raise InputError(f"--editor {printable(name, one_line=True)!r}: control "
                             "characters are not accepted in a name")
        args.editor = name
    env = os.environ.get("FACTCHECK_EDITOR", "")
    if env.strip() and has_controls(env.strip()):
        raise InputError(f"FACTCHECK_EDITOR={printable(env, one_line=True)!r}: control "
                         "characters are not accepted in a name")
    url = getattr(args, "url", None)
    if isinstance(url, str) and has_controls(url):
        raise InputError(f"--url {printable(url, one_line=True)!r}: control characters are "
                         "not accepted in a web address")


def _explain_sqlite(exc: sqlite3.Error) -> str:
    text = str(exc)
    if "readonly" in text:
        return "the database is read-only"
    if "locked" in text or "busy" in text:
        return "the database is locked by another process; try again"
    if "disk is full" in text or "full" in text:
        return "the disk is full; nothing was written"
    if "not a database" in text or "malformed" in text:
        return "the file is not a valid database"
    return text


def resume_gc() -> None:
    """End the start-up pause of the cycle collector (see ``entry``): what start-up built
    is frozen, so later full collections no longer walk it."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def entry() -> None:
    """The ``factcheck`` script and ``python -m factcheck``: start-up only allocates
    (modules, classes, the desk's widgets), so the cycle collector is held until the
    command is known, or until the desk's first frame."""
    gc.disable()
    sys.exit(main())
