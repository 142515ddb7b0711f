"""`factcheck doctor`: check a database file without changing it.

It does not migrate: an older file is reported as such and left for the next command that
writes. The exit code is 0 when nothing is wrong (notes included), 1 when a check found a
problem, so a cron job or CI step can watch a shared database.
"""

from __future__ import annotations

from ..store import Store
from ..store.health import PROBLEM, diagnose
from .common import EXIT_FAIL, EXIT_OK, print_json, say

MARKS = {"ok": "ok     ", "note": "note   ", "problem": "PROBLEM"}


def cmd_doctor(args) -> int:
    # not checked on opening (check=False): a damaged file is what doctor is there to name
    with Store(args.db, create=False, migrate=False, check=False) as store:
        findings = diagnose(store)
    failed = any(f.level == PROBLEM for f in findings)
    if args.json:
        print_json({"db": args.db, "ok": not failed,
                    "findings": [f.as_dict() for f in findings]})
    else:
        say(args.db)
        for f in findings:
            say(f"  {MARKS[f.level]}  {f.check}: {f.detail}")
    return EXIT_FAIL if failed else EXIT_OK


def register(sub, *, common, editor, as_json) -> None:
    p = sub.add_parser("doctor", parents=[common, as_json],
                       help="check a database: integrity, schema, full-text indexes "
                            "(changes nothing)")
    p.set_defaults(func=cmd_doctor)
