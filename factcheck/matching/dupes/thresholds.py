"""How sure a pair must be: the two thresholds, and the kind of a scored pair."""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ...errors import StoreError

# ---------------------------------------------------------------- settings

# The scorer's weights are calibrated (bench/train_dupes.py) so that LOW lists what each
# labelled set of the development data should list: the low threshold is where the sum of
# their F1 (MRPC counted twice; for English-French pairs the lower of recall and precision)
# is best, out of fold.  HIGH is where a listed pair becomes confident: on the held-out part
# (bench/dupes_quality.py), 99 % of the templated newsroom pairs at or above it are right,
# and every planted pair of the 100 000-claim store but the conflicts' paraphrases reaches
# it (bench/dupes_scale.py); on MRPC and PAWS-X, whose negatives are near-paraphrases on
# purpose, it keeps 85 % and 75 % of what it lists right.
HIGH_THRESHOLD = 85
LOW_THRESHOLD = 70
SHORT_WORDS = 8          # a claim with fewer words is confident only when said in full
STORE_FLOOR = 60         # pairs scoring below this are not kept (so --threshold < 60 finds none)
SETTING_HIGH, SETTING_LOW = "dupes.high", "dupes.low"

MAX_POSTINGS = 40        # a key held by more claims is too common to block on
MIN_SHARED = 2           # single keys (not combinations) a candidate shares at least

KINDS = ("duplicate", "conflict", "suggestion")


@dataclass(frozen=True)
class Thresholds:
    high: int
    low: int


def thresholds(conn: sqlite3.Connection) -> Thresholds:
    """The thresholds in force: the settings table's dupes.high/dupes.low, else the defaults."""
    values = {SETTING_HIGH: HIGH_THRESHOLD, SETTING_LOW: LOW_THRESHOLD}
    for key, raw in conn.execute("SELECT key, value FROM settings WHERE key IN (?, ?)",
                                 (SETTING_HIGH, SETTING_LOW)):
        try:
            value = float(raw)
        except (TypeError, ValueError):
            value = math.nan
        if not 0 <= value <= 100:
            raise StoreError(f"setting {key} is {raw!r}: it must be a number from 0 to 100")
        values[key] = int(round(value))
    high, low = values[SETTING_HIGH], values[SETTING_LOW]
    return Thresholds(high=max(high, low), low=min(high, low))


def kind_of(score: float, conflicts: Sequence, short: bool, t: Thresholds) -> str | None:
    """The kind of a scored pair under thresholds t, or None when it is below the low one."""
    if score < t.low:
        return None
    if short or score < t.high:
        return "suggestion"  # (short: a claim under SHORT_WORDS words not said in full)
    return "conflict" if conflicts else "duplicate"


def chunks(seq: Sequence, n: int = 500) -> Iterable[Sequence]:
    for i in range(0, len(seq), n):
        yield seq[i:i + n]


