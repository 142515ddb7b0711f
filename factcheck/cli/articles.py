"""Articles in and out: `factcheck import`, `factcheck articles`."""

from __future__ import annotations

from .common import EXIT_OK, emit, open_store, print_json


def _public_article(article: dict) -> dict:
    return {k: v for k, v in article.items() if k != "text"}


def cmd_import(args) -> int:
    from ..ingest import import_document  # deferred: start-up (the desk never needs it)
    from ..text.decode import read_article
    from ..text.document import parse_document

    data, name = read_article(args.path)
    doc = parse_document(data, name, fmt=args.format)
    source = "-" if args.path == "-" else str(args.path)
    with open_store(args) as store:
        result = import_document(
            store, doc, title=args.title, language=None if args.lang == "auto" else args.lang,
            source=source, editor=args.editor, url=args.url)
    art = result.article
    if args.json:
        print_json({"created": result.created, "claims": result.claims,
                    "article": _public_article(art)})
    elif result.created:
        print(f"imported article {art['id']} «{art['title']}» ({art['language']}, "
              f"{doc.format}, {doc.encoding}): {result.claims} claims")
    else:
        print(f"already imported as article {art['id']} «{art['title']}» "
              f"({result.claims} claims); nothing added")
    return EXIT_OK


def cmd_articles(args) -> int:
    with open_store(args) as store:
        rows = store.articles()
    lines = (f"{a['id']:>4}  {a['language']}  {a['claims']:>5} claims  {a['pending']:>5} pending"
             f"  {a['title']}" for a in rows) if rows else ["no articles yet: factcheck import PATH"]
    return emit(args, rows, lines)


def register(sub, *, common, editor, as_json) -> None:
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
