"""`factcheck export`: the verification report, through the report registry."""

from __future__ import annotations

import sys

from ..store import STATUSES
from .common import EXIT_OK, article_id, open_store, say_err

FORMAT_NAMES = ("json", "md", "html", "csv", "claimreview")  # report.FORMATS, without importing it


def cmd_export(args) -> int:
    from .. import report  # deferred: start-up

    with open_store(args, create=False) as store:
        if args.article is not None:
            store.article(args.article)
        kwargs = dict(fmt=args.format, article_id=args.article, status=args.status,
                      require_complete=args.require_complete, bom=args.bom,
                      org_name=args.org_name or store.get_setting("org.name"),
                      org_url=args.org_url or store.get_setting("org.url"))
        if args.output and args.output != "-":
            n = report.write_file(store, args.output, force=args.force, **kwargs)
            say_err(f"exported {n} claims as {args.format} to {args.output}")
        else:
            report.write(store, sys.stdout, **kwargs)
    return EXIT_OK


def register(sub, *, common, editor, as_json) -> None:
    p = sub.add_parser("export", parents=[common],
                       help="export the verification report (json, md, html, csv, claimreview)")
    p.add_argument("--article", type=article_id, help="only this article")
    p.add_argument("--status", choices=STATUSES, help="only claims with this status")
    p.add_argument("--format", choices=FORMAT_NAMES, default="json")
    p.add_argument("-o", "--output", help="file to write (default, or -: standard output); "
                                          "never the database, a directory, a device or a link")
    p.add_argument("--force", action="store_true", help="replace the file if it exists")
    p.add_argument("--require-complete", action="store_true",
                   help="refuse to export while claims are still pending")
    p.add_argument("--org-name", help="the desk's name for ClaimReview (default: settings)")
    p.add_argument("--org-url", help="the desk's URL for ClaimReview (default: settings)")
    p.add_argument("--bom", action="store_true", help="CSV: start with a UTF-8 BOM for Excel")
    p.set_defaults(func=cmd_export)
