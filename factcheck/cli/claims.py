"""Claims and verdicts: `factcheck claims`, `claim`, `mark`, `rate`, `explain`, `note`,
`label`."""

from __future__ import annotations

import sys

from ..errors import InputError
from ..store import STATUSES
from ..text.formatting import shorten
from .common import claim_id, emit, open_store

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
           f"{claim['status']}"
           + (f" ({claim['verdict_label']})" if claim.get("verdict_label") else "")
           + f", check-worthiness {claim['checkworthiness']:.2f}")
    yield claim["text"]
    for reason in claim["reasons"]:
        yield f"  {reason}"
    if claim.get("rationale"):
        r = claim["rationale"]
        yield f"rationale ({r['editor']}, {r['at']}):"
        for line in r["text"].split("\n"):
            yield f"  {line}"
    for e in claim["history"]:
        yield (f"  {e['at']}  {e['editor']}  {e['action']}  {e['from']} → {e['to']}"
               + (f"  «{' '.join(e['note'].split())}»" if e["note"] else ""))


def cmd_claim(args) -> int:
    from ..store.verdicts import rationale_of  # deferred: start-up

    with open_store(args) as store:
        claim = store.claim(args.claim_id)
        claim["history"] = store.history(args.claim_id)
    claim["rationale"] = rationale_of(claim["history"])
    return emit(args, claim, _claim_lines(claim))


def cmd_rate(args) -> int:
    from ..store import verdicts  # deferred: start-up

    with open_store(args, create=False) as store:
        done = verdicts.rate(store, args.claim_id, args.rating, editor=args.editor)
    change = (f", {done['from']} → {done['status']}" if done["from"] != done["status"]
              else f", stays {done['status']}")
    return emit(args, done, [f"claim {args.claim_id}: rated {done['rating']}{change}"
                             f" by {done['editor']}"])


def cmd_explain(args) -> int:
    from ..store import verdicts  # deferred: start-up

    if args.clear:
        if args.text is not None:
            raise InputError("give the rationale or --clear, not both")
        text = None
    elif args.text is None:
        raise InputError("give the rationale (or - to read it from standard input), or"
                         " --clear to remove it")
    elif args.text == "-":
        raw = sys.stdin.buffer.read(verdicts.MAX_RATIONALE * 4 + 1)
        if len(raw) > verdicts.MAX_RATIONALE * 4:
            raise InputError(f"a rationale holds at most {verdicts.MAX_RATIONALE} characters")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InputError("the rationale on standard input is not UTF-8 text") from None
        if verdicts.clean_rationale(text) is None:
            raise InputError("the rationale on standard input is empty (--clear removes it)")
    else:
        text = args.text
        if verdicts.clean_rationale(text) is None:
            raise InputError("the rationale is empty (--clear removes it)")
    with open_store(args, create=False) as store:
        event = verdicts.explain(store, args.claim_id, text, editor=args.editor)
    said = "cleared" if text is None else "written"
    return emit(args, event, [f"claim {args.claim_id}: rationale {said} by {event['editor']}"])


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
    with open_store(args, create=False) as store:
        event = store.set_label(args.claim_id, None if args.clear else args.label,
                                editor=args.editor)
    label = event["details"]["label"]
    return emit(args, event, [
        f"claim {args.claim_id}: verdict label {'cleared' if label is None else label}"])


def register(sub, *, common, editor, as_json) -> None:
    p = sub.add_parser("claims", parents=[common, as_json], help="list claims")
    p.add_argument("--article", type=int, help="only this article")
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

    p = sub.add_parser("rate", parents=[common, editor, as_json],
                       help="give a claim a rating of the scale (sets verified/disputed as the"
                            " scale maps it; `settings ratings` shows the scale)")
    p.add_argument("claim_id", type=claim_id)
    p.add_argument("rating", help="a rating's name, in any of its languages, case and accents"
                                  " aside: \"plutot vrai\", Misleading…")
    p.set_defaults(func=cmd_rate)

    p = sub.add_parser("explain", parents=[common, editor, as_json],
                       help="write the rationale readers see with a claim's verdict (kept in"
                            " its history)")
    p.add_argument("claim_id", type=claim_id)
    p.add_argument("text", nargs="?", help="the rationale; - reads it from standard input")
    p.add_argument("--clear", action="store_true", help="remove the rationale")
    p.set_defaults(func=cmd_explain)

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
