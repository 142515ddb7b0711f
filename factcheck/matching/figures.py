"""Figures as duplicates and the archive both weigh them: which pin a fact down, which agree.

A figure here is ``[unit, value, text]`` as ``facets.extract`` normalises it ("14,3
milliards de dollars" -> ``["USD", 14.3e9, …]``).
"""

from __future__ import annotations

# units of small, common quantities ("two years", "three times"): such a figure says little
# about which fact a claim states, unless its value is precise ("24 334")
_PLAIN_UNITS = frozenset(("", "people", "years", "months", "weeks", "days", "hours", "times"))


def same_value(x: float, y: float) -> bool:
    return abs(x - y) <= 1e-6 * max(abs(x), abs(y), 1.0)


def specific(figure: list) -> bool:
    """A figure that pins a fact down: an amount, a share, or a precise count ("3 650
    emplois", "$14.3bn", "49 %"; not "two years", "member #111", nor a year as a number)."""
    unit, value = figure[0], abs(figure[1])
    if unit not in _PLAIN_UNITS:
        return True
    digits = format(value, ".6e").split("e")[0].replace(".", "").rstrip("0")
    if len(digits) < 3:
        return False
    if value == int(value):
        return value >= 1000 and not 1000 <= value <= 2100
    return True
