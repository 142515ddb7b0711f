"""The desk and its upkeep: `factcheck tui`, `demo`, `init`, `settings`, `backup`."""

from __future__ import annotations

import os
import sys

from .common import EXIT_OK, EXIT_USAGE, CliError, article_id, emit, open_store, say, \
    say_err


def cmd_tui(args) -> int:
    from ..tui.app import run_app  # deferred: start-up of the other commands

    return run_app(db=args.db, editor=args.editor, article_id=args.article)


def cmd_demo(args) -> int:
    """Import the demo article and its sources if they are missing, then open the desk."""
    from ..ingest import import_demo  # deferred: start-up

    with open_store(args, create=True) as store:
        result = import_demo(store, editor=args.editor)
    args.article = result.article["id"]
    if args.print:
        from .claims import cmd_claims

        args.status, args.sort, args.json = None, None, False
        return cmd_claims(args)
    return cmd_tui(args)


def cmd_init(args) -> int:
    """Make an empty store (the commands that only read never make one)."""
    existed = os.path.exists(args.db)
    with open_store(args, create=True) as store:
        version = store.schema_version()
    say(f"{args.db}: {'already a factcheck database' if existed else 'created'} "
        f"(schema {version})")
    return EXIT_OK


def cmd_settings(args) -> int:
    if args.unset and args.value is not None:
        raise CliError("give a value or --unset, not both", EXIT_USAGE)
    if args.unset and not args.key:
        raise CliError("say which setting to remove: factcheck settings KEY --unset",
                       EXIT_USAGE)
    with open_store(args) as store:
        if args.key and args.value is not None:
            store.set_setting(args.key, args.value)  # checked: a bad value is refused
        elif args.key and args.unset:
            store.set_setting(args.key, None)
        rows = store.settings()
    if args.key:
        rows = {k: v for k, v in rows.items() if k == args.key}
    return emit(args, rows, (f"{k} = {v}" for k, v in rows.items()))


def cmd_backup(args) -> int:
    with open_store(args) as store:
        if args.path == "-":
            return _backup_to_stdout(store)
        target = store.backup(os.path.expanduser(args.path), force=args.force)
    say_err(f"backed up {args.db} to {target}")
    return EXIT_OK


def _backup_to_stdout(store) -> int:
    """`backup -`: the copy is made in a private folder, then streamed (never to a terminal)."""
    import shutil  # deferred: start-up
    import tempfile

    if sys.stdout.isatty():
        raise CliError("backup - writes the database to standard output: redirect it to a "
                       "file (or give a file name)", EXIT_USAGE)
    with tempfile.TemporaryDirectory(prefix="factcheck-backup-") as folder:
        copy = store.backup(os.path.join(folder, "copy.db"))
        sys.stdout.flush()
        with open(copy, "rb") as f:
            shutil.copyfileobj(f, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    return EXIT_OK


def register(sub, *, common, editor, as_json) -> None:
    p = sub.add_parser("settings", parents=[common, as_json],
                       help="show or set desk settings (org.name, org.url, dupes.high…)")
    p.add_argument("key", nargs="?")
    p.add_argument("value", nargs="?")
    p.add_argument("--unset", action="store_true", help="remove the setting")
    p.set_defaults(func=cmd_settings)

    p = sub.add_parser("backup", parents=[common],
                       help="copy the database with SQLite's online backup (safe while in use)",
                       description="Copy the database (checked first) with SQLite's online "
                                   "backup. Never over the database itself, a directory, a "
                                   "device or a link; over an existing file only with --force.")
    p.add_argument("path", help="the copy to write (- for standard output)")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("init", parents=[common],
                       help="create an empty database (import and demo create one too)")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("tui", parents=[common, editor], help="open the desk (the default)")
    p.add_argument("--article", type=article_id, help="open on this article")
    p.set_defaults(func=cmd_tui)

    p = sub.add_parser("demo", parents=[common, editor],
                       help="import the demo article if missing and open the desk on it")
    p.add_argument("--print", action="store_true", help="print the claims instead of the desk")
    p.set_defaults(func=cmd_demo)
