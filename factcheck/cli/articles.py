"""Articles in and out: `factcheck import`, `factcheck articles`, `factcheck article`, and the
pages kept as fetched: `factcheck snapshot`."""

from __future__ import annotations

import argparse
import sys

from .common import EXIT_OK, EXIT_USAGE, CliError, emit, http_url, one_line, open_store, \
    positive, print_json, say, say_err, whole_number
from .common import article_id as _article_id
_snapshot_id = whole_number("a snapshot id")


def _public_article(article: dict) -> dict:
    return {k: v for k, v in article.items() if k != "text"}


def timeout_seconds(value: str) -> float:
    """An argparse type for --timeout: seconds, more than 0."""
    try:
        seconds = float(value.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if not 0 < seconds <= 3600:
        raise argparse.ArgumentTypeError(f"a timeout is from 0 to 3600 seconds, not {value!r}")
    return seconds


def fetch_limits(args):
    """The fetch limits the command line asked for (--timeout), else the defaults."""
    from ..web.fetch import Limits  # deferred: start-up (httpx)

    timeout = getattr(args, "timeout", None)
    return Limits.with_timeout(timeout) if timeout else Limits()


def cmd_import(args) -> int:
    from ..ingest import fetch_document, import_document, import_fetched  # deferred: start-up
    from ..text.decode import read_article
    from ..text.document import parse_document
    from ..web import is_url

    if is_url(args.path):
        if args.format:
            raise CliError("--format is for files: a page's format is what the server says it "
                           "is", EXIT_USAGE)
        # fetched before the store is opened: a failure leaves no trace, not even a file
        page, doc = fetch_document(args.path, fetch_limits(args))
        with open_store(args, create=True) as store:
            result = import_fetched(store, page, doc, title=args.title,
                                    language=None if args.lang == "auto" else args.lang,
                                    editor=args.editor)
    else:
        from ..store.settings import article_limit, read_setting

        # read before the store is opened: a file refused leaves no trace, not even a file
        limit = article_limit(read_setting(args.db, "import.max_bytes"))
        data, name = read_article(args.path, limit)
        doc = parse_document(data, name, fmt=args.format, url=args.url)
        source = "-" if args.path == "-" else str(args.path)
        with open_store(args, create=True) as store:
            result = import_document(
                store, doc, title=args.title,
                language=None if args.lang == "auto" else args.lang,
                source=source, editor=args.editor, url=args.url)
    art = result.article
    if args.json:
        print_json({"created": result.created, "claims": result.claims,
                    "notice": result.notice, "snapshot": result.snapshot,
                    "article": _public_article(art)})
        return EXIT_OK
    if result.notice:
        say(result.notice)
    if result.created:
        say(f"imported article {art['id']} «{one_line(art['title'])}» ({art['language']}, "
            f"{art['format']}, {art['encoding']}): {result.claims} claims")
        if result.snapshot:
            snap = result.snapshot
            say(f"page kept as fetched: snapshot {snap['id']}, HTTP {snap['http_status']}, "
                f"{snap['size']} bytes, sha256 {snap['sha256']}")
    else:
        say(f"already imported as article {art['id']} «{one_line(art['title'])}» "
            f"({result.claims} claims); nothing added")
    return EXIT_OK


def cmd_articles(args) -> int:
    with open_store(args) as store:
        rows = store.articles()
    lines = (f"{a['id']:>4}  {a['language']}  {a['claims']:>5} claims  {a['pending']:>5} pending"
             f"  {one_line(a['title'])}" for a in rows) if rows else ["no articles yet: factcheck import PATH"]
    return emit(args, rows, lines)


_ARTICLE_FIELDS = (("title", "title"), ("language", "language"), ("author", "author"),
                   ("site_name", "site"), ("published", "published"), ("url", "url"),
                   ("source", "imported from"), ("format", "format"), ("encoding", "encoding"),
                   ("extraction", "text found as"), ("imported_at", "imported at"),
                   ("imported_by", "imported by"), ("sha256", "text sha256"))


def cmd_article(args) -> int:
    with open_store(args, create=False) as store:
        article = store.article(args.article_id)
        snapshots = store.snapshots(article_id=args.article_id)
        counts = store.counts(args.article_id)
        if args.snapshot:
            if not snapshots:
                raise CliError(f"article {args.article_id} was not fetched from the web: it "
                               "has no snapshot", EXIT_USAGE)
            page = store.snapshot(snapshots[-1]["id"])
            return _write_page(page, args.output, args.force, store.path)
    if args.output:
        raise CliError("-o writes the page as fetched: use it with --snapshot", EXIT_USAGE)
    data = {**_public_article(article), "claims": sum(counts.values()), "counts": counts,
            "snapshots": snapshots}
    lines = [f"{label:>14}: {one_line(article[key])}" for key, label in _ARTICLE_FIELDS
             if article.get(key) is not None]
    lines.append(f"{'claims':>14}: {sum(counts.values())} ("
                 + ", ".join(f"{n} {status}" for status, n in counts.items()) + ")")
    for snap in snapshots:
        lines += _snapshot_lines(snap)
    return emit(args, data, [f"{'article':>14}: {article['id']}"] + lines)


def _snapshot_lines(snap: dict) -> list[str]:
    lines = [f"{'snapshot':>14}: {snap['id']}, fetched {snap['fetched_at']}"
             + (f" by {snap['fetched_by']}" if snap.get("fetched_by") else ""),
             f"{'':>14}  HTTP {snap['http_status']}, {snap['content_type']}"
             + (f"; charset={snap['charset']}" if snap.get("charset") else "")
             + f", {snap['size']} bytes",
             f"{'':>14}  asked {snap['url']}"]
    if snap["final_url"] != snap["url"]:
        lines.append(f"{'':>14}  got   {snap['final_url']}")
    lines.append(f"{'':>14}  sha256 {snap['sha256']}")
    return lines


def _write_page(page: dict, output: str | None, force: bool, db: str) -> int:
    """The page's bytes as they were served: to a file (through the safe writer), or to
    standard output."""
    if output and output != "-":
        from ..files import write_bytes

        write_bytes(output, page["body"], force=force, protect=[db])
        say_err(f"snapshot {page['id']} ({page['size']} bytes, sha256 {page['sha256']}) "
                f"written to {output}")
        return EXIT_OK
    sys.stdout.flush()
    sys.stdout.buffer.write(page["body"])
    sys.stdout.buffer.flush()
    return EXIT_OK


def cmd_snapshot(args) -> int:
    with open_store(args, create=False) as store:
        if args.source is not None or args.list_article is not None:
            rows = (store.snapshots(source_id=args.source) if args.source is not None
                    else store.snapshots(article_id=args.list_article))
            owner = (f"source {args.source}" if args.source is not None
                     else f"article {args.list_article}")
            lines = [line for snap in rows for line in _snapshot_lines(snap)] or [
                f"{owner} has no snapshot: it was not fetched from the web"]
            return emit(args, rows, lines)
        if args.snapshot_id is None:
            raise CliError("say which snapshot: factcheck snapshot ID, or --source ID to list "
                           "a source's", EXIT_USAGE)
        page = store.snapshot(args.snapshot_id)
    if args.info:
        return emit(args, {k: v for k, v in page.items() if k != "body"}, _snapshot_lines(page))
    return _write_page(page, args.output, args.force, args.db)


def register(sub, *, common, editor, as_json) -> None:
    p = sub.add_parser("import", parents=[common, editor, as_json],
                       help="import an article (.txt, .md, .html, - for stdin, or a URL)",
                       description="Import an article and split it into claims. A URL "
                                   "(http:// or https://) is fetched, and the page is kept "
                                   "as fetched (see factcheck article ID --snapshot).")
    p.add_argument("path", help="file to import, - for standard input, or a URL")
    p.add_argument("--title", help="article title (default: found in the file, or its name)")
    p.add_argument("--lang", choices=["fr", "en", "auto"], default="auto",
                   help="article language (default: detected)")
    p.add_argument("--format", choices=["txt", "md", "html"], default=None,
                   help="input format (default: from the file name, else sniffed)")
    p.add_argument("--url", type=http_url, help="where a file's article was published")
    p.add_argument("--timeout", type=timeout_seconds, default=None, metavar="SECONDS",
                   help="for a URL: connect and read timeout (default 10 s to connect, 20 s "
                        "to read, 60 s in all)")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("articles", parents=[common, as_json], help="list articles")
    p.set_defaults(func=cmd_articles)

    p = sub.add_parser("article", parents=[common, as_json],
                       help="one article's metadata; --snapshot: the page as fetched",
                       description="An article's metadata (title, author, site, date, URL, how "
                                   "its text was found) and its snapshot. With --snapshot, "
                                   "the page as it was fetched, byte for byte.")
    p.add_argument("article_id", type=_article_id)
    p.add_argument("--snapshot", action="store_true",
                   help="print the page as fetched (or write it with -o)")
    p.add_argument("-o", "--output", metavar="FILE", help="with --snapshot: write it to FILE")
    p.add_argument("--force", action="store_true", help="with -o: replace FILE if it exists")
    p.set_defaults(func=cmd_article)

    p = sub.add_parser("snapshot", parents=[common, as_json],
                       help="a page kept as fetched, for an article or a source",
                       description="Print or export a snapshot (a page as fetched, checked "
                                   "against its SHA-256), or list a source's or an article's.")
    p.add_argument("snapshot_id", type=_snapshot_id, nargs="?")
    p.add_argument("-o", "--output", metavar="FILE", help="write the page to FILE")
    p.add_argument("--force", action="store_true", help="with -o: replace FILE if it exists")
    p.add_argument("--info", action="store_true", help="its record, not the page")
    p.add_argument("--source", type=positive, metavar="ID", help="list this source's snapshots")
    p.add_argument("--article", dest="list_article", type=positive, metavar="ID",
                   help="list this article's snapshots")
    p.set_defaults(func=cmd_snapshot)
