"""`factcheck export`: the verification report, through the report registry."""

from __future__ import annotations

import sys

from ..store import STATUSES
from ..text.formatting import counted
from .common import EXIT_OK, article_id, http_url, open_store, say_err

FORMAT_NAMES = ("json", "md", "html", "csv", "claimreview")  # report.FORMATS, without importing it


def cmd_export(args) -> int:
    from .. import report  # deferred: start-up

    with open_store(args, create=False) as store:
        if args.article is not None:
            store.article(args.article)
        kwargs = dict(fmt=args.format, article_id=args.article, status=args.status,
                      require_complete=args.require_complete, bom=args.bom,
                      audience=args.audience, lang=args.lang,
                      include_pending=args.include_pending,
                      org_name=args.org_name or store.get_setting("org.name"),
                      org_url=args.org_url or store.get_setting("org.url"),
                      page_url=args.page_url)
        if args.output and args.output != "-":
            n = report.write_file(store, args.output, force=args.force, **kwargs)
            say_err(f"exported {counted(n, 'claim')} as {args.format} to {args.output}")
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
    p.add_argument("--audience", choices=("public", "internal"),
                   help="public: what readers see, in one language (html and md default to"
                        " it; claimreview is only that); internal: the desk's whole record,"
                        " scores and history (json and csv are only that)")
    p.add_argument("--lang", choices=("fr", "en"),
                   help="the report's language (default: the article's)")
    p.add_argument("--include-pending", action="store_true",
                   help="public report: also the claims not rated or decided yet")
    p.add_argument("--require-complete", action="store_true",
                   help="refuse to export while claims are still pending")
    p.add_argument("--org-name", help="the newsroom's name (default: setting org.name)")
    p.add_argument("--org-url", type=http_url,
                   help="the newsroom's http(s) address (default: setting org.url)")
    p.add_argument("--page-url", type=http_url,
                   help="ClaimReview: the page the fact-check is published on (default:"
                        " --org-url)")
    p.add_argument("--bom", action="store_true", help="CSV: start with a UTF-8 BOM for Excel")
    p.set_defaults(func=cmd_export)
