"""Claims and verdicts: `factcheck claims`, `claim`, `mark`, `note`, `label`."""

from __future__ import annotations

from ..store import STATUSES
from ..text.formatting import shorten
from .common import EXIT_USAGE, CliError, article_id, claim_id, emit, open_store

_CLAIM_FIELDS = ("id", "article_id", "seq", "text", "start", "end", "status", "checkworthiness",
                 "reasons", "facets", "version", "updated_at", "updated_by")


def cmd_claims(args) -> int:
    with open_store(args) as store:
        if args.article is not None:
            store.article(args.article)
        rows = store.claims(article_id=args.article, status=args.status,
                            order="worthiness" if args.sort == "worthiness" else "position")
    lines = (f"{c['id']:>6}  {c['status']:<8}  {c['checkworthiness']:.2f}  "
             f"{shorten(c['text'], 100)}" for c in rows) if rows else ["no claims match"]
    return emit(args, [{k: c[k] for k in _CLAIM_FIELDS} for c in rows], lines)


def _claim_lines(claim: dict):
    yield (f"claim {claim['id']} (article {claim['article_id']}, #{claim['seq']}): "
           f"{claim['status']}, check-worthiness {claim['checkworthiness']:.2f}")
    yield claim["text"]
    for reason in claim["reasons"]:
        yield f"  {reason}"
    for e in claim["history"]:
        yield (f"  {e['at']}  {e['editor']}  {e['action']}  {e['from']} → {e['to']}"
               + (f"  «{e['note']}»" if e["note"] else ""))


def cmd_claim(args) -> int:
    with open_store(args) as store:
        claim = store.claim(args.claim_id)
        claim["history"] = store.history(args.claim_id)
    return emit(args, claim, _claim_lines(claim))


def cmd_mark(args) -> int:
    if args.with_duplicates:
        from ..matching import dupes  # deferred: start-up

        with open_store(args, create=False) as store:
            events = dupes.mark_with_duplicates(store, args.claim_id, args.status,
                                                editor=args.editor, note=args.note)
        return emit(args, events, (
            f"claim {e['claim_id']}: {e['from']} → {e['to']} by {e['editor']}"
            + (f" (followed claim {args.claim_id})" if e["claim_id"] != args.claim_id else "")
            for e in events))
    with open_store(args, create=False) as store:
        event = store.mark(args.claim_id, args.status, editor=args.editor, note=args.note)
    return emit(args, event, [
        f"claim {args.claim_id}: {event['from']} → {event['to']} by {event['editor']}"])


def cmd_note(args) -> int:
    with open_store(args, create=False) as store:
        event = store.add_note(args.claim_id, args.text, editor=args.editor)
    return emit(args, event, [f"claim {args.claim_id}: note added by {event['editor']}"])


def cmd_label(args) -> int:
    if args.clear == (args.label is not None and bool(args.label.strip())):
        raise CliError("give the label (factcheck label ID WORDS) or --clear to remove it, "
                       "not both" if args.clear else
                       "say the label: factcheck label ID WORDS (or --clear to remove it)",
                       EXIT_USAGE)
    with open_store(args, create=False) as store:
        event = store.set_label(args.claim_id, None if args.clear else args.label,
                                editor=args.editor)
    label = event["details"]["label"]
    return emit(args, event, [
        f"claim {args.claim_id}: verdict label {'cleared' if label is None else label}"])


def register(sub, *, common, editor, as_json) -> None:
    p = sub.add_parser("claims", parents=[common, as_json], help="list claims")
    p.add_argument("--article", type=article_id, help="only this article")
    p.add_argument("--status", choices=STATUSES, help="only claims with this status")
    p.add_argument("--sort", choices=["position", "worthiness"], default="position")
    p.set_defaults(func=cmd_claims)

    p = sub.add_parser("claim", parents=[common, as_json], help="show one claim and its history")
    p.add_argument("claim_id", type=claim_id)
    p.set_defaults(func=cmd_claim)

    p = sub.add_parser("mark", parents=[common, editor, as_json],
                       help="set a claim's status: verified, disputed or pending")
    p.add_argument("claim_id", type=claim_id)
    p.add_argument("status", choices=STATUSES)
    p.add_argument("--note", help="why (kept in the claim's history)")
    p.add_argument("--with-duplicates", action="store_true",
                   help="apply the verdict to the claim's confident duplicates too (never to "
                        "conflicts; verified never flows up to a longer claim that says more)")
    p.set_defaults(func=cmd_mark)

    p = sub.add_parser("note", parents=[common, editor, as_json], help="add a note to a claim")
    p.add_argument("claim_id", type=claim_id)
    p.add_argument("text")
    p.set_defaults(func=cmd_note)

    p = sub.add_parser("label", parents=[common, editor, as_json],
                       help="set a finer verdict word for a claim (e.g. Trompeur, Mostly true)")
    p.add_argument("claim_id", type=claim_id)
    p.add_argument("label", nargs="?", default=None)
    p.add_argument("--clear", action="store_true", help="remove the label")
    p.set_defaults(func=cmd_label)
