"""Small text helpers shared by the command line, the reports and the desk."""

from __future__ import annotations


def shorten(text, width: int) -> str:
    """One line, at most `width` characters, cut with an ellipsis."""
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def format_value(value: float, unit: str | None, thousands: str = " ") -> str:
    """A normalised figure for people: 14 300 000 000 USD, 49 %, 28 years."""
    if unit == "%":
        return f"{value:g} %"
    text = f"{value:,.0f}".replace(",", thousands) if abs(value) >= 1e6 else f"{value:g}"
    return f"{text} {unit}" if unit else text


def evidence_pair(item, joiner: str = " vs ") -> str:
    """A matched or conflicting figure from a source's evidence: "14,3 milliards vs $14.8bn"."""
    if isinstance(item, dict):
        if "claim" in item and "source" in item:
            return f"{item['claim']}{joiner}{item['source']}"
        return " / ".join(str(v) for v in item.values())
    return str(item)
