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
from ..web import OFFLINE_ENV
from .common import EXIT_FAIL, EXIT_OK, EXIT_USAGE, CliError

# Modules with a `register(subparsers, common=, editor=, as_json=)` function.
CORE_MODULES = ("articles", "claims", "export", "admin")
COMMAND_MODULES = {"sources": "sources", "link": "sources", "unlink": "sources",
                   "suggest": "sources", "dupes": "dupes", "archive": "archive", "doctor": "doctor"}
CORE_COMMANDS = {"import", "articles", "article", "snapshot", "claims", "claim", "mark", "note",
                 "export", "label", "rate", "explain", "settings", "backup", "tui", "demo"}
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


def build_parser(plugins: bool = True) -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS,
                        help="database file (default: $FACTCHECK_DB or db/factcheck.db)")
    common.add_argument("--offline", action="store_true", default=argparse.SUPPRESS,
                        help=f"fetch nothing: refuse URLs (also: {OFFLINE_ENV}=1)")
    editor = argparse.ArgumentParser(add_help=False)
    editor.add_argument("--editor", default=argparse.SUPPRESS,
                        help="who is working (default: $FACTCHECK_EDITOR, then the login name)")
    as_json = argparse.ArgumentParser(add_help=False)
    as_json.add_argument("--json", action="store_true", help="print JSON")

    parser = argparse.ArgumentParser(
        prog="factcheck", parents=[common, editor],
        description="A keyboard-driven newsroom fact-checking desk. "
                    "With no command, opens the desk (same as `factcheck tui`).")
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    parser.add_argument("--article", type=int, default=argparse.SUPPRESS,
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
    args = parser.parse_args(argv)
    if not hasattr(args, "db"):
        args.db = default_db_path()
    args.editor = getattr(args, "editor", None)
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
        print(f"factcheck: {exc}", file=sys.stderr)
        return code
    except sqlite3.Error as exc:
        print(f"factcheck: database error on {args.db}: {_explain_sqlite(exc)}", file=sys.stderr)
        return EXIT_FAIL
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:
        where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
        print(f"factcheck: {exc.strerror or exc}{where}", file=sys.stderr)
        return EXIT_FAIL
    except KeyboardInterrupt:
        print("factcheck: interrupted; nothing half-written was kept", file=sys.stderr)
        return 130
    except Exception as exc:  # the last line of defence: one line, no traceback
        if os.environ.get("FACTCHECK_DEBUG"):
            raise
        print(f"factcheck: unexpected error: {type(exc).__name__}: {exc} "
              "(set FACTCHECK_DEBUG=1 for details)", file=sys.stderr)
        return EXIT_FAIL


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
