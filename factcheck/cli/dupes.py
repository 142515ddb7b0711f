"""`factcheck dupes`: near-duplicate claims and conflicting figures, on the command line."""

from __future__ import annotations

import argparse

from ..matching import dupes
from ..text.formatting import shorten as _short
from .common import EXIT_OK, article_id, open_store, print_json, say


def _threshold(value: str) -> float:
    try:
        n = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r} (0 to 100)") from None
    if not 0 <= n <= 100:
        raise argparse.ArgumentTypeError(f"out of range: {value!r} (0 to 100)")
    return n


def cmd_dupes(args) -> int:
    with open_store(args, create=False) as store:
        pairs = dupes.find_pairs(store, article_id=args.article, threshold=args.threshold)
        texts = {}
        if not args.json and pairs:
            ids = {p["a"] for p in pairs} | {p["b"] for p in pairs}
            texts = {cid: c["text"] for cid, c in dupes.claims_by_id(store, ids).items()}
    if args.json:
        print_json(pairs)
        return EXIT_OK
    if not pairs:
        say("no near-duplicate claims")
        return EXIT_OK
    for p in pairs:
        say(f"{p['kind']:<10}  {p['score']:>3}  claims {p['a']} and {p['b']}")
        say(f"    {p['a']:>6}  {_short(texts.get(p['a'], ''), 100)}")
        say(f"    {p['b']:>6}  {_short(texts.get(p['b'], ''), 100)}")
        for c in p["conflicts"]:
            say(f"    figures differ: {c['a']}  ≠  {c['b']}")
    return EXIT_OK


def register(sub, *, common, editor, as_json) -> None:
    t_high, t_low = dupes.HIGH_THRESHOLD, dupes.LOW_THRESHOLD
    p = sub.add_parser(
        "dupes", parents=[common, as_json],
        help="list near-duplicate claims and conflicting figures",
        description=(
            "List pairs of claims that say the same thing (duplicate), the same thing with a "
            "different figure (conflict), or might (suggestion). Scores run from 0 to 100: "
            f"at or above the high threshold ({t_high} unless the settings table's dupes.high "
            "says otherwise) a pair is a confident duplicate or conflict; from the low one "
            f"({t_low}, dupes.low) it is a suggestion. A claim under "
            f"{dupes.SHORT_WORDS} words is confident only when the other claim says all it "
            "says and no more. Scores weigh words (their order too), names with their "
            "aliases and acronyms, figures and dates; a pair about other actors in the same "
            "sentence, or at another date, is never listed."))
    p.add_argument("--article", type=article_id, help="only pairs with a claim of this article")
    p.add_argument("--threshold", type=_threshold, default=None,
                   help=f"list pairs from this score on (default: the low threshold, {t_low}; "
                        f"pairs under {dupes.STORE_FLOOR} are never kept)")
    p.set_defaults(func=cmd_dupes)
