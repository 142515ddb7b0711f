"""Claims and verdicts: `factcheck claims`, `claim` (show, edit, split, merge, hide, unhide,
add, undo), `mark`, `rate`, `explain`, `note`, `label`."""

from __future__ import annotations

import argparse
import sys

from ..errors import InputError
from ..store import STATUSES
from ..text.formatting import shorten
from .common import EXIT_USAGE, CliError, article_id, claim_id, emit, open_store, positive

_CLAIM_FIELDS = ("id", "article_id", "seq", "text", "start", "end", "status", "checkworthiness",
                 "reasons", "facets", "version", "updated_at", "updated_by")


def cmd_claims(args) -> int:
    with open_store(args) as store:
        if args.article is not None:
            store.article(args.article)
        rows = store.claims(article_id=args.article, status=args.status,
                            order="worthiness" if args.sort == "worthiness" else "position",
                            hidden=getattr(args, "hidden", False))
    lines = (f"{c['id']:>6}  {c['status']:<8}  {c['checkworthiness']:.2f}  "
             + (f"[hidden: {c['hidden']}] " if c.get("hidden") else "")
             + f"{shorten(c['text'], 100)}" for c in rows) if rows else ["no claims match"]
    fields = _CLAIM_FIELDS + (("hidden",) if getattr(args, "hidden", False) else ())
    return emit(args, [{k: c.get(k) for k in fields} for c in rows], lines)


def _claim_lines(claim: dict):
    from ..editing import EDIT_ACTIONS, describe  # deferred: start-up

    yield (f"claim {claim['id']} (article {claim['article_id']}, #{claim['seq']}): "
           f"{claim['status']}"
           + (f" ({claim['verdict_label']})" if claim.get("verdict_label") else "")
           + f", check-worthiness {claim['checkworthiness']:.2f}"
           + (f", hidden ({claim['hidden']})" if claim.get("hidden") else "")
           + ("" if claim.get("has_span", True) else ", written by hand (no span)"))
    yield claim["text"]
    for reason in claim["reasons"]:
        yield f"  {reason}"
    if claim.get("rationale"):
        r = claim["rationale"]
        yield f"rationale ({r['editor']}, {r['at']}):"
        for line in r["text"].split("\n"):
            yield f"  {line}"
    for e in claim["history"]:
        if e["action"] in EDIT_ACTIONS or e["action"] == "retract":
            yield f"  {e['at']}  {e['editor']}  event {e['id']}: {describe(e)}"
            continue
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


def _edited(args, change) -> int:
    """Run a claim edit and say what it did (and how to take it back)."""
    from .. import editing  # deferred: start-up

    with open_store(args, create=False) as store:
        event = change(store, editing)
    if event is None:
        return emit(args, None, ["nothing changed"])
    return emit(args, event, [editing.describe(event),
                              f"(event {event['id']}; `factcheck claim undo {event['id']}`"
                              " takes it back)"])


def cmd_claim_edit(args) -> int:
    return _edited(args, lambda st, ed: ed.edit(st, args.claim_id, args.text,
                                                editor=args.editor))


def cmd_claim_split(args) -> int:
    def change(store, editing):
        at = args.at
        if args.before is not None:
            text = store.claim(args.claim_id)["text"]
            at = text.find(args.before)
            if at <= 0:
                raise InputError(f"«{args.before}» is not inside claim {args.claim_id} "
                                 "after its first character")
        return editing.split(store, args.claim_id, at, editor=args.editor)
    return _edited(args, change)


def cmd_claim_merge(args) -> int:
    return _edited(args, lambda st, ed: ed.merge_next(st, args.claim_id, editor=args.editor))


def cmd_claim_hide(args) -> int:
    return _edited(args, lambda st, ed: ed.hide(st, args.claim_id, editor=args.editor))


def cmd_claim_unhide(args) -> int:
    return _edited(args, lambda st, ed: ed.unhide(st, args.claim_id, editor=args.editor))


def cmd_claim_add(args) -> int:
    return _edited(args, lambda st, ed: ed.add(st, args.article_id, args.text,
                                               after=args.after, editor=args.editor))


def cmd_claim_undo(args) -> int:
    return _edited(args, lambda st, ed: ed.undo(st, args.event_id, editor=args.editor))


class _ClaimVerbs(argparse._SubParsersAction):
    """`factcheck claim ID` stays the way to show a claim: a number where a verb is expected
    is taken as `show ID`."""

    class _Names(dict):
        def __contains__(self, key) -> bool:
            return super().__contains__(key) or (isinstance(key, str) and key.isdigit())

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._name_parser_map = self.choices = self._Names(self._name_parser_map)

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        if values and values[0].isdigit():
            values = ["show", *values]
        super().__call__(parser, namespace, values, option_string)


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
        if store.claim(args.claim_id)["status"] == args.status and not args.note:
            # the status it has: nothing to record, nothing to undo
            return emit(args, None, [f"claim {args.claim_id} is already {args.status}:"
                                     " nothing recorded"])
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
    p.add_argument("--hidden", action="store_true",
                   help="list hidden claims too (not a claim, merged, withdrawn), marked so")
    p.set_defaults(func=cmd_claims)

    p = sub.add_parser("claim", parents=[common, as_json], help="show one claim and its history (`claim ID`), or edit "
                       "it: edit, split, merge, hide, unhide, add, undo",
                       description="`factcheck claim ID` shows a claim and its history. The "
                       "other verbs correct what the segmenter got wrong; each change is an "
                       "event (who, when, from, to) that `claim undo EVENT` takes back.")
    verbs = p.add_subparsers(dest="verb", metavar="VERB", action=_ClaimVerbs, required=True)
    v = verbs.add_parser("show", parents=[common, as_json],
                         help="show one claim and its history (also: claim ID)")
    v.add_argument("claim_id", type=claim_id)
    v.set_defaults(func=cmd_claim)
    v = verbs.add_parser("edit", parents=[common, editor, as_json],
                         help="replace a claim's text (facets, check-worthiness and duplicates "
                              "worked out again; its span in the article stays)")
    v.add_argument("claim_id", type=claim_id)
    v.add_argument("text")
    v.set_defaults(func=cmd_claim_edit)
    v = verbs.add_parser("split", parents=[common, editor, as_json],
                         help="cut a claim in two; the second part becomes a new claim after it")
    v.add_argument("claim_id", type=claim_id)
    where = v.add_mutually_exclusive_group(required=True)
    where.add_argument("--at", type=positive, help="the character of the text to cut before")
    where.add_argument("--before", help="cut right before these words")
    v.set_defaults(func=cmd_claim_split)
    v = verbs.add_parser("merge", parents=[common, editor, as_json],
                         help="merge a claim with the next one (which is hidden as merged; its "
                              "sources come along)")
    v.add_argument("claim_id", type=claim_id)
    v.set_defaults(func=cmd_claim_merge)
    v = verbs.add_parser("hide", parents=[common, editor, as_json],
                         help="hide a claim as not a claim: out of counts and reports "
                              "(`claims --hidden` lists it)")
    v.add_argument("claim_id", type=claim_id)
    v.set_defaults(func=cmd_claim_hide)
    v = verbs.add_parser("unhide", parents=[common, editor, as_json],
                         help="show a hidden claim again")
    v.add_argument("claim_id", type=claim_id)
    v.set_defaults(func=cmd_claim_unhide)
    v = verbs.add_parser("add", parents=[common, editor, as_json],
                         help="add a sentence the segmenter missed (placed where the article "
                              "says it; else after --after, with no span)")
    v.add_argument("article_id", type=positive)
    v.add_argument("text")
    v.add_argument("--after", type=claim_id, help="the claim it comes after")
    v.set_defaults(func=cmd_claim_add)
    v = verbs.add_parser("undo", parents=[common, editor, as_json],
                         help="take back what an event did (a status, note, link, unlink or "
                              "claim edit), recorded as an event of its own")
    v.add_argument("event_id", type=positive)
    v.set_defaults(func=cmd_claim_undo)

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
