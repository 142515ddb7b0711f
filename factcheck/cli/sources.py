"""Commands for sources: `factcheck sources …`, `link`, `unlink` and `suggest`.

Registered by ``cli.build_parser`` through ``register``; the errors follow the
CLI's conventions (one line on stderr; 2 for bad input, 1 for the rest).
"""

from __future__ import annotations

import argparse

from ..errors import StoreError
from ..matching import sources as src
from ..text.formatting import shorten as _short
from .articles import fetch_limits, timeout_seconds
from .common import (
    EXIT_OK,
    EXIT_USAGE,
    CliError,
    claim_id,
    open_store,
    positive,
    print_json,
    progress_bar,
    say,
    whole_number,
)

_source_id = whole_number("a source id")


def _line(s: dict) -> str:
    label = s.get("title") or s["url"]
    meta = "  ".join(x for x in (s.get("published") or "", s.get("language") or "",
                                  s.get("publisher") or "") if x)
    return f"{s['id']:>6}  {_short(label, 70)}" + (f"  ({meta})" if meta else "") + \
        (f"\n        {s['url']}" if s.get("title") else "")


# ---------------------------------------------------------------- commands

def cmd_sources_import(args) -> int:
    with open_store(args, create=True) as store:
        counts = src.import_sources_file(store, args.file,
                                          progress=progress_bar("importing sources"))
    if args.json:
        print_json(counts)
    else:
        say(f"{args.file}: {counts['added']} sources added, {counts['updated']} updated, "
            f"{counts['unchanged']} unchanged")
    return EXIT_OK


def cmd_sources_add(args) -> int:
    url = args.url_arg or args.url
    if args.url_arg and args.url and args.url_arg != args.url:
        raise CliError("give the source's URL once: as an argument or with --url", EXIT_USAGE)
    if not url:
        raise CliError("a source needs a URL: factcheck sources add URL [--fetch]", EXIT_USAGE)
    if args.fetch:
        return _add_fetched(args, url)
    if args.timeout is not None:
        raise CliError("--timeout is for --fetch", EXIT_USAGE)
    if not args.title:
        raise CliError("a source added by hand needs --title (or --fetch to read it from "
                       "the page)", EXIT_USAGE)
    with open_store(args, create=True) as store:
        try:
            source = src.add_source(store, url=url, title=args.title,
                                    publisher=args.publisher, published=args.published,
                                    language=args.language, text=args.text, editor=args.editor)
        except StoreError as exc:  # what was typed is wrong: a usage error
            raise CliError(str(exc), EXIT_USAGE) from None
    if args.json:
        print_json(source)
    else:
        say(f"source {source['id']}: {source['url']}")
    return EXIT_OK


def _add_fetched(args, url: str) -> int:
    from ..ingest import add_fetched_source, fetch_document  # deferred: start-up (httpx)

    # fetched before the store is opened: a failure leaves no trace, not even a file
    page, doc = fetch_document(url, fetch_limits(args))
    with open_store(args, create=True) as store:
        added = add_fetched_source(
            store, page, doc, title=args.title, publisher=args.publisher,
            published=args.published, language=args.language, text=args.text,
            editor=args.editor)
    source, snap = added.source, added.snapshot
    if args.json:
        print_json({**source, "notice": added.notice, "snapshot": snap})
        return EXIT_OK
    if added.notice:
        say(added.notice)
    say(f"source {source['id']}: {source['url']}")
    meta = "  ".join(x for x in (source.get("publisher"), source.get("published"),
                                  source.get("language")) if x)
    say(f"        {_short(source.get('title') or '', 90)}" + (f"  ({meta})" if meta else ""))
    say(f"        snapshot {snap['id']}: HTTP {snap['http_status']}, {snap['size']} bytes, "
        f"fetched {snap['fetched_at']}, sha256 {snap['sha256']}")
    return EXIT_OK


def cmd_sources_list(args) -> int:
    with open_store(args) as store:
        rows = src.list_sources(store, limit=args.limit)
    return _print_sources(args, rows,
                          "no sources yet: factcheck sources import FILE, or factcheck sources add")


def cmd_sources_search(args) -> int:
    with open_store(args) as store:
        rows = src.search_sources(store, args.query, limit=args.limit)
    return _print_sources(args, rows, "no sources match")


def _print_sources(args, rows: list[dict], empty: str) -> int:
    if args.json:
        print_json(rows)
        return EXIT_OK
    if not rows:
        say(empty)
    for s in rows:
        say(_line(s))
    return EXIT_OK


def cmd_sources_show(args) -> int:
    with open_store(args) as store:
        s = src.get_source(store, args.source_id)
    if args.json:
        print_json(s)
        return EXIT_OK
    for key in src.SOURCE_COLUMNS:
        if s.get(key) is not None:
            say(f"{key:>12}: {s[key]}")
    return EXIT_OK


def cmd_link(args) -> int:
    with open_store(args, create=False) as store:
        linked = src.link(store, args.claim_id, args.source_id, args.stance, note=args.note,
                          editor=args.editor)
    if args.json:
        print_json(linked)
    elif linked["event"] is None:
        say(f"claim {args.claim_id}: already linked to source {args.source_id} "
            f"({linked['stance']}); nothing changed")
    else:
        say(f"claim {args.claim_id}: source {args.source_id} linked ({linked['stance']}) "
            f"by {linked['linked_by']}")
    return EXIT_OK


def cmd_unlink(args) -> int:
    with open_store(args, create=False) as store:
        event = src.unlink(store, args.claim_id, args.source_id, editor=args.editor)
    if args.json:
        print_json(event)
    else:
        say(f"claim {args.claim_id}: source {args.source_id} unlinked by {event['editor']}")
    return EXIT_OK


def cmd_suggest(args) -> int:
    with open_store(args, create=False) as store:
        rows = src.suggest(store, args.claim_id, limit=args.limit)
    if args.json:
        print_json(rows)
        return EXIT_OK
    if not rows:
        say(f"no source in the store bears on this claim (claim {args.claim_id})")
    for r in rows:
        ev = r["evidence"]
        say(f"{r['score']:.3f}  source {r['source_id']:>5}  {_short(r['title'] or r['url'], 70)}")
        say(f"        {r['url']}")
        if ev["numbers_matched"]:
            say("        figures:   " + "; ".join(f"{m['claim']} = {m['source']}"
                                                  for m in ev["numbers_matched"]))
        if ev["numbers_conflicting"]:
            say("        CONFLICTS: " + "; ".join(f"{m['claim']} ≠ {m['source']}"
                                                  for m in ev["numbers_conflicting"]))
        if ev["entities_matched"]:
            say("        names:     " + ", ".join(ev["entities_matched"]))
    return EXIT_OK


# ---------------------------------------------------------------- parser

def register(sub, *, common, editor, as_json) -> None:
    p = sub.add_parser("sources", parents=[common], help="the source store: import, add, list, "
                       "search, show", description="Pages that bear on claims.")
    ssub = p.add_subparsers(dest="sources_command", metavar="SUBCOMMAND")
    p.set_defaults(func=lambda args, parser=p: _missing(parser))

    q = ssub.add_parser("import", parents=[common, as_json],
                        help="import a JSON array, JSONL or CSV file of sources",
                        description="Import sources; a page imported again is updated, not "
                                    "duplicated. A malformed file is refused whole.")
    q.add_argument("file", help="a .json (array), .jsonl or .csv file "
                               "(url,title,publisher,published,language,text)")
    q.set_defaults(func=cmd_sources_import)

    q = ssub.add_parser("add", parents=[common, editor, as_json],
                        help="add one source: by hand, or --fetch its page",
                        description="Add one source (a page already stored under the same "
                                    "URL is updated). With --fetch, the page is fetched: its "
                                    "title, publisher, date, language and text are read from "
                                    "it (options given override them), and the page is kept as "
                                    "fetched, with its SHA-256 (factcheck snapshot --source ID).")
    q.add_argument("url_arg", nargs="?", metavar="URL", help="the page's address")
    q.add_argument("--url", help="the page's address (the same as URL)")
    q.add_argument("--fetch", action="store_true",
                   help="fetch the page and read the source from it")
    q.add_argument("--title", help="the page's headline (required without --fetch)")
    q.add_argument("--publisher")
    q.add_argument("--published", help="date, e.g. 2025-06-13")
    q.add_argument("--language", help="e.g. fr or en")
    q.add_argument("--text", help="excerpt or summary")
    q.add_argument("--timeout", type=timeout_seconds, default=None, metavar="SECONDS",
                   help="with --fetch: connect and read timeout")
    q.set_defaults(func=cmd_sources_add)

    q = ssub.add_parser("list", parents=[common, as_json], help="list sources")
    q.add_argument("--limit", type=positive, default=None, help="at most N sources")
    q.set_defaults(func=cmd_sources_list)

    q = ssub.add_parser("search", parents=[common, as_json], help="full-text search")
    q.add_argument("query", help="words to find (any text is safe)")
    q.add_argument("--limit", type=positive, default=20)
    q.set_defaults(func=cmd_sources_search)

    q = ssub.add_parser("show", parents=[common, as_json], help="one source's full record")
    q.add_argument("source_id", type=_source_id)
    q.set_defaults(func=cmd_sources_show)

    p = sub.add_parser("link", parents=[common, editor, as_json],
                       help="link a source to a claim with a stance")
    p.add_argument("claim_id", type=claim_id)
    p.add_argument("source_id", type=_source_id)
    p.add_argument("--stance", required=True, choices=src.STANCES)
    p.add_argument("--note", help="why (kept in the claim's history)")
    p.set_defaults(func=cmd_link)

    p = sub.add_parser("unlink", parents=[common, editor, as_json],
                       help="remove a source from a claim (the history keeps both)")
    p.add_argument("claim_id", type=claim_id)
    p.add_argument("source_id", type=_source_id)
    p.set_defaults(func=cmd_unlink)

    p = sub.add_parser("suggest", parents=[common, as_json],
                       help="rank sources for a claim, with the evidence found")
    p.add_argument("claim_id", type=claim_id)
    p.add_argument("--limit", type=positive, default=5)
    p.set_defaults(func=cmd_suggest)


def _missing(parser: argparse.ArgumentParser) -> int:
    raise CliError(f"say what to do with sources: {parser.format_usage().strip()} "
                   "(import, add, list, search or show)", EXIT_USAGE)

