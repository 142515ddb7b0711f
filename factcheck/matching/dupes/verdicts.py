"""When a verdict passes from one claim to its duplicate: one rule, for every face.

Pure functions over the pairs ``index.duplicates_of`` returns; ``follow`` applies them.
"""

from __future__ import annotations

_FLIPPED = {"contains": "contained", "contained": "contains"}


def flows(pair: dict, status: str) -> bool:
    """Does a verdict on this claim carry to the other claim of the pair?

    Only to confident duplicates (never conflicts or suggestions).  ``verified`` and
    ``pending`` flow to the claims this one equals or contains, never up to one that says
    more.  ``disputed`` flows to the claims this one equals or is contained in: a claim that
    repeats a false statement and adds to it is still false, while the smaller claim may be
    the true part of a disputed sentence.
    """
    if pair["kind"] != "duplicate":
        return False
    if status == "disputed":
        return pair["relation"] in ("equal", "contained")
    return pair["relation"] in ("equal", "contains")


def reusable_verdict(duplicates: list[dict]) -> dict | None:
    """The decided duplicate whose verdict this claim may take, by the rule of ``flows``
    seen from the other side: verified comes only from a claim that says as much or more,
    disputed only from one that says as much or less. Conflicts never give a verdict."""
    for d in duplicates:
        if d.get("status") not in ("verified", "disputed"):
            continue
        relation = d.get("relation", "equal")
        if flows({"kind": d.get("kind"), "relation": _FLIPPED.get(relation, relation)},
                  d["status"]):
            return d
    return None
