"""The desk and its upkeep: `factcheck tui`, `demo`, `init`, `settings`, `backup`."""

from __future__ import annotations

import os
import sys

from ..store.settings import SETTINGS, Setting, describe
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


def _known(key: str) -> Setting:
    return SETTINGS.get(key) or Setting(key, describe(key), None, None)


def cmd_init(args) -> int:
    """Make an empty store (the commands that only read never make one)."""
    existed = os.path.exists(args.db)
    with open_store(args, create=True) as store:
        version = store.schema_version()
    say(f"{args.db}: {'already a factcheck database' if existed else 'created'} "
        f"(schema {version})")
    return EXIT_OK


def cmd_settings(args) -> int:
    if args.key == "ratings":
        return _ratings(args)
    if args.file:
        raise CliError("--file is for `settings ratings` (a scale in a JSON file)",
                       EXIT_USAGE)
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
        stored = store.settings()
    keys = list(SETTINGS) + sorted(k for k in stored if k not in SETTINGS)
    if args.key:
        keys = [k for k in keys if k == args.key] or [args.key]
    rows = [{"key": k, "value": stored.get(k), "default": _known(k).default,
             "help": _known(k).meaning} for k in keys]

    def line(r: dict) -> str:
        value = r["value"] if r["value"] is not None else (
            f"{r['default']} (default)" if r["default"] is not None else "(not set)")
        default = (f"  [default {r['default']}]" if r["value"] is not None
                   and r["default"] is not None else "")
        return f"{r['key']} = {value}{default}  — {r['help']}"

    if getattr(args, "json", False):
        return emit(args, {r["key"]: {k: r[k] for k in ("value", "default")} for r in rows}, [])
    return emit(args, rows, (line(r) for r in rows))


def _ratings(args) -> int:
    """`settings ratings`: the scale, replaced from a JSON file or back to the default."""
    from ..store import verdicts  # deferred: start-up

    if args.value is not None:
        raise CliError("a scale is replaced from a JSON file: `factcheck settings ratings"
                       " --file scale.json` (--json shows the current one in that form)",
                       EXIT_USAGE)
    scale = verdicts.read_scale_file(args.file) if args.file else None
    with open_store(args) as store:
        if scale is not None or args.unset:
            verdicts.save_scale(store, scale)
        scale = verdicts.load_scale(store)
        custom = store.get_setting(verdicts.SETTING) is not None
    return emit(args, scale.as_json(), _scale_lines(scale, custom))


def _scale_lines(scale, custom: bool):
    yield ("ratings: the newsroom's scale" if custom else
           "ratings: the default scale (replace it: factcheck settings ratings --file FILE)")
    width = max(len(" / ".join(name for _, name in r.names)) for r in scale.ratings)
    for r in scale.ratings:
        names = " / ".join(name for _, name in r.names)
        value = "—" if r.value is None else f"{r.value:g}"
        yield f"  {names:<{width}}  {r.status:<8}  {value}"
    if scale.best is not None:
        yield (f"ClaimReview: ratingValue from {scale.worst:g} (worst) to {scale.best:g} (best);"
               " a rating without a number gives its name only")


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
                       help="show or set desk settings (org.name, org.url, editor.LOGIN.name,"
                            " dupes.high…); `settings ratings` shows the rating scale")
    p.add_argument("key", nargs="?")
    p.add_argument("value", nargs="?")
    p.add_argument("--unset", action="store_true",
                   help="remove the setting (ratings: back to the default scale)")
    p.add_argument("--file", help="ratings: replace the scale with the one in this JSON file"
                                  " (- reads standard input)")
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
