"""How sure a pair must be: the two thresholds, and the kind of a scored pair."""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ...errors import StoreError

# ---------------------------------------------------------------- settings

# How they were chosen.  LOW (70) is fixed, and the scorer's weights are calibrated to it
# (bench/train_dupes.py shifts each regime's logit): at 70, each labelled set of the
# development data lists what it should -- the sum of their F1 (MRPC counted twice; for
# English-French pairs the lower of recall and precision) is best, on pairs scored out of
# fold.  HIGH (85) is where a listed pair becomes confident enough for a verdict to flow:
# on the held-out part (bench/dupes_quality.py), the pairs at or above it are right for
# 100 % of the templated newsroom pairs (96 % of them reach it), 96 % of ClaimMatch, 83 %
# of MRPC and 77 % of PAWS-X English (sets whose negatives are near-paraphrases on purpose);
# at 80, MRPC would be 79 % right (and the newsroom pairs as many), at 90 the newsroom's
# recall falls to 91 % for MRPC 87 % right.
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
        return "suggestion"  # (short: see scorer.Match)
    return "conflict" if conflicts else "duplicate"


def chunks(seq: Sequence, n: int = 500) -> Iterable[Sequence]:
    for i in range(0, len(seq), n):
        yield seq[i:i + n]


