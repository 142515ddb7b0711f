"""Commands for the archive of past fact-checks: `factcheck archive import|match|apply`.

Registered by ``cli.build_parser`` through ``register``; errors follow the CLI's
conventions (one line on stderr; 2 for bad input, 1 for the rest).
"""

from __future__ import annotations


from ..errors import InputError
from ..files import MAX_DATA_BYTES
from ..matching import archive
from ..text.decode import read_article
from ..text.formatting import shorten as _short
from .common import EXIT_OK, EXIT_USAGE, CliError, claim_id, open_store, positive, print_json, \
    say


def cmd_archive_import(args) -> int:
    with open_store(args, create=True) as store:
        counts = archive.import_file(store, args.file, editor=args.editor, fmt=args.format)
        total = archive.count(store)
    counts["archive"] = total
    if args.json:
        print_json(counts)
    else:
        say(f"{args.file}: {counts['added']} fact-checks added, {counts['updated']} updated, "
            f"{counts['unchanged']} unchanged ({total} in the archive)")
    return EXIT_OK


def cmd_archive_match(args) -> int:
    given = [x for x in (args.text, args.claim, args.queries) if x is not None]
    if len(given) != 1:
        raise CliError("give one of --text TEXT, --claim ID or --queries FILE.tsv", EXIT_USAGE)
    if args.queries is not None:
        data, name = read_article(args.queries, MAX_DATA_BYTES, "a file of queries", None)
        queries = archive.read_queries(data, name or "queries")
    with open_store(args, create=False) as store:
        if args.text is not None:
            if not args.text.strip():
                raise InputError("--text is empty")
            out = [{"query": args.text, "matches": archive.match_text(store, args.text,
                                                                      args.limit)}]
        elif args.claim is not None:
            out = [{"query": args.claim, "matches": archive.match_claim(store, args.claim,
                                                                        args.limit)}]
        else:
            out = archive.match_queries(store, queries, args.limit)
    if args.json:
        print_json(out)
        return EXIT_OK
    for item in out:
        say(f"{item['query'] if args.queries else _short(str(item['query']), 90)}")
        if not item["matches"]:
            say("    no match in the archive")
        for m in item["matches"]:
            say(f"  {m['score']:>6.2f}  {_short(str(m['id']), 24):<24} "
                f"{m.get('verdict') or '?':<14} "
                f"{_short(m.get('title') or m.get('claim') or '', 70)}")
            if m.get("url") and m["url"] != m["id"]:
                say(f"          {m['url']}")
            for c in m.get("conflicts") or ():
                say(f"          figures differ: {c['a']}  ≠  {c['b']}")
    return EXIT_OK


def cmd_archive_apply(args) -> int:
    with open_store(args, create=False) as store:
        if args.entry:
            found = [m for m in archive.match_claim(store, args.claim_id, limit=50)
                     if args.entry in (m["id"], m.get("entry_key"), m.get("url"))]
            if not found:
                raise CliError(f"{args.entry} is not among the archive matches of claim "
                               f"{args.claim_id}")
            match = found[0]
        else:
            match = archive.strong_match(store, args.claim_id)
            if match is None:
                raise CliError(f"claim {args.claim_id} has no confident archive match; "
                               "name one with --entry ID (see `archive match --claim`)")
        event = archive.apply_match(store, args.claim_id, match, editor=args.editor)
    if args.json:
        print_json(event)
    else:
        say(f"claim {args.claim_id}: {event['from']} → {event['to']} by {event['editor']} "
            f"({event['note']})")
    return EXIT_OK


def register(sub, *, common, editor, as_json) -> None:
    p = sub.add_parser("archive", help="past fact-checks: import them, match claims against them",
                       description="The archive of past fact-checks (imported, and the desk's "
                                   "own verified or disputed claims).")
    asub = p.add_subparsers(dest="archive_command", metavar="ARCHIVE_COMMAND", required=True)

    q = asub.add_parser("import", parents=[common, editor, as_json],
                        help="import fact-checks: ClaimReview JSON-LD (.json, .jsonld, or an HTML"
                             " page), JSONL or CSV with a `claim` column",
                        description="Import past fact-checks, all or nothing; unique by id, "
                                    "else by url (a re-import updates).")
    q.add_argument("file")
    q.add_argument("--format", choices=["json", "jsonl", "csv", "html"], default=None,
                   help="input format (default: from the file name, else sniffed)")
    q.set_defaults(func=cmd_archive_import)

    q = asub.add_parser("match", parents=[common, as_json],
                        help="rank archive entries for a text, a claim, or a TSV of queries",
                        description="Each match gives the id the entry was imported with (its "
                                    "id field, else its URL) as `id`, the store's own key as "
                                    "`entry_key`, and the figures of the query it gives "
                                    "another value of as `conflicts`.")
    q.add_argument("--text", help="the claim to look up")
    q.add_argument("--claim", type=claim_id, help="a claim of the desk (never matches itself)")
    q.add_argument("--queries", metavar="FILE.tsv",
                   help="id<TAB>text lines (header optional), answered in one process")
    q.add_argument("--limit", type=positive, default=5, help="matches per query (default 5)")
    q.set_defaults(func=cmd_archive_match)

    q = asub.add_parser("apply", parents=[common, editor, as_json],
                        help="mark a claim with the verdict of its archive match")
    q.add_argument("claim_id", type=claim_id)
    q.add_argument("--entry", help="the archive entry to follow, by the id it was imported "
                                  "with or its URL (default: the strong match)")
    q.set_defaults(func=cmd_archive_apply)
