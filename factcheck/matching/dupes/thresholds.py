"""How sure a pair must be: the two thresholds, and the kind of a scored pair."""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ...errors import StoreError

# ---------------------------------------------------------------- settings

# Chosen by measurement on the labelled corpus of bench/dupes_speed.py (100 000 claims, 3 927
# planted pairs, 1 071 hard negatives; run it with --calibrate for the whole table).
# HIGH 84: the lowest score where the confident pairs are >= 99.4 % right (82: 98.3 %), while
# 96.5 % of the planted pairs still reach it (88: 92 %; what misses it are cross-language pairs
# sharing only two names and one figure, which stay suggestions).  LOW 70: every planted pair
# (recall 1.000) is listed, and 79 % of what is listed is a planted pair (60: 50 %, 50: 14 %).
HIGH_THRESHOLD = 84
LOW_THRESHOLD = 70
SHORT_WORDS = 8          # claims with fewer words are never more than a suggestion
STORE_FLOOR = 50         # pairs scoring below this are not kept (so --threshold < 50 finds none)
SETTING_HIGH, SETTING_LOW = "dupes.high", "dupes.low"

BLOCK_KEYS = 8           # rarest keys of a claim that are looked up
MAX_POSTINGS = 40        # a key held by more claims is too common to block on…
COMMON_SHARE = 0.01      # …and so is one held by more than 1 % of the claims (at least 20)
MIN_SHARED = 2           # a candidate shares at least this many of the looked-up keys
PREFILTER = 40           # below this rapidfuzz score, a candidate sharing no figure+name is dropped

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
        return "suggestion"
    return "conflict" if conflicts else "duplicate"


def chunks(seq: Sequence, n: int = 500) -> Iterable[Sequence]:
    for i in range(0, len(seq), n):
        yield seq[i:i + n]


