"""The command line: a thin face on the core.  Every command takes --db.

Errors the user can act on print one line on stderr and exit non-zero; no
traceback reaches the terminal unless FACTCHECK_DEBUG is set.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import os
import sqlite3
import sys
from pathlib import Path

from . import __version__
from .store import STATUSES, NotFound, StaleEdit, Store, StoreError, default_db_path
from .errors import InputError
from .formatting import shorten

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


class CliError(Exception):
    def __init__(self, message: str, code: int = EXIT_FAIL):
        super().__init__(message)
        self.code = code


def _print_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _open(args, create: bool = True) -> Store:
    return Store(args.db, create=create)


def _public_article(article: dict) -> dict:
    return {k: v for k, v in article.items() if k != "text"}


# ---------------------------------------------------------------- commands

def cmd_import(args) -> int:
    from .textio import parse_document, read_article

    data, name = read_article(args.path)
    doc = parse_document(data, name, fmt=args.format)
    source = "-" if args.path == "-" else str(args.path)
    with _open(args) as store:
        result = store.import_document(
            doc, title=args.title, language=None if args.lang == "auto" else args.lang,
            source=source, editor=args.editor, url=args.url)
    art = result.article
    if args.json:
        _print_json({"created": result.created, "claims": result.claims,
                     "article": _public_article(art)})
    elif result.created:
        print(f"imported article {art['id']} «{art['title']}» ({art['language']}, "
              f"{doc.format}, {doc.encoding}): {result.claims} claims")
    else:
        print(f"already imported as article {art['id']} «{art['title']}» "
              f"({result.claims} claims); nothing added")
    return EXIT_OK


def cmd_articles(args) -> int:
    with _open(args) as store:
        rows = store.articles()
    if args.json:
        _print_json(rows)
        return EXIT_OK
    if not rows:
        print("no articles yet: factcheck import PATH")
    for a in rows:
        print(f"{a['id']:>4}  {a['language']}  {a['claims']:>5} claims  {a['pending']:>5} pending"
              f"  {a['title']}")
    return EXIT_OK


def cmd_claims(args) -> int:
    with _open(args) as store:
        if args.article is not None:
            store.article(args.article)
        rows = store.claims(article_id=args.article, status=args.status,
                            order="worthiness" if args.sort == "worthiness" else "position")
    if args.json:
        _print_json([{k: c[k] for k in ("id", "article_id", "seq", "text", "start", "end",
                                         "status", "checkworthiness", "reasons", "facets",
                                         "version", "updated_at", "updated_by")} for c in rows])
        return EXIT_OK
    if not rows:
        print("no claims match")
    for c in rows:
        print(f"{c['id']:>6}  {c['status']:<8}  {c['checkworthiness']:.2f}  "
              f"{shorten(c['text'], 100)}")
    return EXIT_OK


def cmd_claim(args) -> int:
    with _open(args) as store:
        claim = store.claim(args.claim_id)
        claim["history"] = store.history(args.claim_id)
    if args.json:
        _print_json(claim)
        return EXIT_OK
    print(f"claim {claim['id']} (article {claim['article_id']}, #{claim['seq']}): "
          f"{claim['status']}, check-worthiness {claim['checkworthiness']:.2f}")
    print(claim["text"])
    for reason in claim["reasons"]:
        print(f"  {reason}")
    for e in claim["history"]:
        print(f"  {e['at']}  {e['editor']}  {e['action']}  {e['from']} → {e['to']}"
              + (f"  «{e['note']}»" if e["note"] else ""))
    return EXIT_OK


def cmd_mark(args) -> int:
    if getattr(args, "with_duplicates", False):
        from . import dupes

        with _open(args, create=False) as store:
            events = dupes.mark_with_duplicates(store, args.claim_id, args.status,
                                                editor=args.editor, note=args.note)
        if args.json:
            _print_json(events)
        else:
            for e in events:
                print(f"claim {e['claim_id']}: {e['from']} → {e['to']} by {e['editor']}"
                      + (f" (followed claim {args.claim_id})" if e["claim_id"] != args.claim_id
                         else ""))
        return EXIT_OK
    with _open(args, create=False) as store:
        event = store.mark(args.claim_id, args.status, editor=args.editor, note=args.note)
    if args.json:
        _print_json(event)
    else:
        print(f"claim {args.claim_id}: {event['from']} → {event['to']} by {event['editor']}")
    return EXIT_OK


def cmd_note(args) -> int:
    with _open(args, create=False) as store:
        event = store.add_note(args.claim_id, args.text, editor=args.editor)
    if args.json:
        _print_json(event)
    else:
        print(f"claim {args.claim_id}: note added by {event['editor']}")
    return EXIT_OK


EXTENSIONS = {"json": ".json", "md": ".md", "html": ".html", "csv": ".csv",
              "claimreview": ".jsonld"}


def cmd_export(args) -> int:
    from . import report

    with _open(args, create=False) as store:
        if args.article is not None:
            store.article(args.article)
        options = {
            "org_name": args.org_name or store.get_setting("org.name"),
            "org_url": args.org_url or store.get_setting("org.url"),
            "bom": args.bom,
        }
        kwargs = dict(fmt=args.format, article_id=args.article, status=args.status,
                      require_complete=args.require_complete, **options)
        if args.output and args.output != "-":
            n = write_report_file(store, args.output, **kwargs)
            print(f"exported {n} claims as {args.format} to {args.output}", file=sys.stderr)
        else:
            report.write(store, sys.stdout, **kwargs)
    return EXIT_OK


def write_report_file(store: Store, path: str, **kwargs) -> int:
    """Write a report next to its target, then rename: a reader never sees half a file."""
    from . import report

    target = Path(path).expanduser()
    if target.is_dir():
        raise CliError(f"{path} is a directory; give a file name")
    tmp = target.with_name(f".{target.name}.part")
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as out:
            n = report.write(store, out, **kwargs)
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise CliError(f"cannot write {path}: {exc.strerror or exc}") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return n


def cmd_label(args) -> int:
    with _open(args, create=False) as store:
        event = store.set_label(args.claim_id, None if args.clear else args.label,
                                editor=args.editor)
    if args.json:
        _print_json(event)
    else:
        label = event["details"]["label"]
        print(f"claim {args.claim_id}: verdict label {'cleared' if label is None else label}")
    return EXIT_OK


def cmd_settings(args) -> int:
    with _open(args) as store:
        if args.key and args.value is not None:
            store.set_setting(args.key, args.value)
        elif args.key and args.unset:
            store.set_setting(args.key, None)
        rows = store.settings()
    if args.key:
        rows = {k: v for k, v in rows.items() if k == args.key}
    if args.json:
        _print_json(rows)
    else:
        for k, v in rows.items():
            print(f"{k} = {v}")
    return EXIT_OK


def cmd_backup(args) -> int:
    target = Path(args.path).expanduser()
    if target.exists() and not args.force:
        raise CliError(f"{target} exists; choose another name or pass --force")
    if target.is_dir():
        raise CliError(f"{target} is a directory; give a file name")
    with _open(args, create=False) as store:
        store.backup(str(target))
    print(f"backed up {args.db} to {target}", file=sys.stderr)
    return EXIT_OK


def cmd_tui(args) -> int:
    from .tui.app import run_app

    return run_app(db=args.db, editor=args.editor, article_id=args.article)


def cmd_demo(args) -> int:
    """Import the demo article if it is missing, then open the desk on it."""
    from .textio import parse_document, read_article

    seeds = Path(args.seeds)
    article_path = seeds / "meta-ai-talent.fr.txt"
    data, name = read_article(str(article_path))
    doc = parse_document(data, name)
    with _open(args) as store:
        result = store.import_document(
            doc, title="Meta : le carnet de chèques ouvert de Zuckerberg pour les talents de l’IA",
            language="fr", source=str(article_path), editor=args.editor)
        _import_demo_sources(store, seeds)
    if args.print:
        args.article, args.status, args.sort, args.json = result.article["id"], None, None, False
        return cmd_claims(args)
    args.article = result.article["id"]
    return cmd_tui(args)


def _import_demo_sources(store: Store, seeds: Path) -> None:
    from .sources import import_sources_file

    path = seeds / "meta-ai-talent.sources.json"
    if path.exists():
        import_sources_file(store, str(path), only_if_empty=True)


# ---------------------------------------------------------------- parser

def whole_number(what: str | None = None):
    """An argparse type for ids and counts: a whole number from 1, with a clear message."""

    def parse(value: str) -> int:
        try:
            n = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"not {what}: {value!r} (a whole number)" if what
                else f"not a whole number: {value!r}") from None
        if n <= 0:
            raise argparse.ArgumentTypeError(
                f"not {what}: {value!r} (ids start at 1)" if what
                else f"must be at least 1: {value!r}")
        return n

    return parse


_claim_id = whole_number("a claim id")


CORE_COMMANDS = {"import", "articles", "claims", "claim", "mark", "note", "export", "label",
                 "settings", "backup", "tui", "demo"}
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

    p = sub.add_parser("import", parents=[common, editor, as_json],
                       help="import an article (.txt, .md, .html, or - for stdin)",
                       description="Import an article and split it into claims.")
    p.add_argument("path", help="file to import, or - for standard input")
    p.add_argument("--title", help="article title (default: found in the file, or its name)")
    p.add_argument("--lang", choices=["fr", "en", "auto"], default="auto",
                   help="article language (default: detected)")
    p.add_argument("--format", choices=["txt", "md", "html"], default=None,
                   help="input format (default: from the file name, else sniffed)")
    p.add_argument("--url", help="where the article was published")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("articles", parents=[common, as_json], help="list articles")
    p.set_defaults(func=cmd_articles)

    p = sub.add_parser("claims", parents=[common, as_json], help="list claims")
    p.add_argument("--article", type=int, help="only this article")
    p.add_argument("--status", choices=STATUSES, help="only claims with this status")
    p.add_argument("--sort", choices=["position", "worthiness"], default="position")
    p.set_defaults(func=cmd_claims)

    p = sub.add_parser("claim", parents=[common, as_json], help="show one claim and its history")
    p.add_argument("claim_id", type=_claim_id)
    p.set_defaults(func=cmd_claim)

    p = sub.add_parser("mark", parents=[common, editor, as_json],
                       help="set a claim's status: verified, disputed or pending")
    p.add_argument("claim_id", type=_claim_id)
    p.add_argument("status", choices=STATUSES)
    p.add_argument("--note", help="why (kept in the claim's history)")
    p.add_argument("--with-duplicates", action="store_true",
                   help="apply the verdict to the claim's confident duplicates too (never to "
                        "conflicts; verified never flows up to a longer claim that says more)")
    p.set_defaults(func=cmd_mark)

    p = sub.add_parser("note", parents=[common, editor, as_json], help="add a note to a claim")
    p.add_argument("claim_id", type=_claim_id)
    p.add_argument("text")
    p.set_defaults(func=cmd_note)

    p = sub.add_parser("export", parents=[common],
                       help="export the verification report (json, md, html, csv, claimreview)")
    p.add_argument("--article", type=int, help="only this article")
    p.add_argument("--status", choices=STATUSES, help="only claims with this status")
    p.add_argument("--format", choices=list(EXTENSIONS), default="json")
    p.add_argument("-o", "--output", help="file to write (default: standard output)")
    p.add_argument("--require-complete", action="store_true",
                   help="refuse to export while claims are still pending")
    p.add_argument("--org-name", help="the desk's name for ClaimReview (default: settings)")
    p.add_argument("--org-url", help="the desk's URL for ClaimReview (default: settings)")
    p.add_argument("--bom", action="store_true", help="CSV: start with a UTF-8 BOM for Excel")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("label", parents=[common, editor, as_json],
                       help="set a finer verdict word for a claim (e.g. Trompeur, Mostly true)")
    p.add_argument("claim_id", type=_claim_id)
    p.add_argument("label", nargs="?", default=None)
    p.add_argument("--clear", action="store_true", help="remove the label")
    p.set_defaults(func=cmd_label)

    p = sub.add_parser("settings", parents=[common, as_json],
                       help="show or set desk settings (org.name, org.url, dupes.high…)")
    p.add_argument("key", nargs="?")
    p.add_argument("value", nargs="?")
    p.add_argument("--unset", action="store_true", help="remove the setting")
    p.set_defaults(func=cmd_settings)

    p = sub.add_parser("backup", parents=[common],
                       help="copy the database with SQLite's online backup (safe while in use)")
    p.add_argument("path", help="the copy to write")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("tui", parents=[common, editor], help="open the desk (the default)")
    p.add_argument("--article", type=int, help="open on this article")
    p.set_defaults(func=cmd_tui)

    p = sub.add_parser("demo", parents=[common, editor],
                       help="import the demo article if missing and open the desk on it")
    p.add_argument("--seeds", default="seeds", help="folder with the demo files")
    p.add_argument("--print", action="store_true", help="print the claims instead of the desk")
    p.set_defaults(func=cmd_demo)

    # Each capability with commands of its own registers them from its own module; a core
    # command (the desk above all) does not pay for importing them.
    for name in COMMAND_MODULES if plugins else ():
        module = importlib.import_module(f"factcheck.{name}")
        module.register(sub, common=common, editor=editor, as_json=as_json)
    return parser


# Modules with a `register(subparsers, common=, editor=, as_json=)` function.
COMMAND_MODULES = ("sources_cli", "dupes_cli", "archive_cli")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    word = _command_word(argv)
    parser = build_parser(plugins=word not in CORE_COMMANDS
                          and not (word is None and "-h" not in argv and "--help" not in argv))
    args = parser.parse_args(argv)
    if not hasattr(args, "db"):
        args.db = default_db_path()
    args.editor = getattr(args, "editor", None)
    if args.command is None:
        args.func, args.article = cmd_tui, getattr(args, "article", None)
    if args.func not in (cmd_tui, cmd_demo):
        resume_gc()  # the desk resumes it after its first frame
    try:
        return args.func(args)
    except (InputError, CliError, StoreError, NotFound, StaleEdit) as exc:
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
    """End the start-up pause of the cycle collector (see ``__main__``): what start-up
    built is frozen, so later full collections no longer walk it."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def entry() -> None:
    gc.disable()  # as in __main__: nothing to collect while the program starts
    sys.exit(main())
