"""Verdicts that follow: a mark passed on to a claim's confident duplicates."""

from __future__ import annotations

from ...errors import StoreError
from ...store import check_status
from .index import last_decisions, duplicates_of
from .verdicts import flows


def plan_with_duplicates(store, claim_id: int, status: str) -> tuple[list[dict], list[dict]]:
    """(claims that would follow, claims left alone with why) for a verdict on claim_id."""
    check_status(status)
    follow, skipped = [], []
    for d in duplicates_of(store, claim_id):
        if d["kind"] != "duplicate":
            if d["kind"] == "conflict":
                skipped.append(d | {"why": "conflict: a figure differs"})
            continue
        if not flows(d, status):
            skipped.append(d | {"why": "says more than this claim" if d["relation"]
                                in ("contained", "overlap") else "says less than this claim"})
            continue
        if d["status"] == status:
            continue
        if status == "pending":
            last = last_decisions(store, [d["claim_id"]]).get(d["claim_id"]) or {}
            if (last.get("details") or {}).get("followed") != claim_id:
                skipped.append(d | {"why": "its verdict was not taken from this claim"})
                continue
        elif d["status"] != "pending":
            skipped.append(d | {"why": f"already {d['status']} by {d['decided_by']}"})
            continue
        follow.append(d)
    return follow, skipped


def mark_with_duplicates(store, claim_id: int, status: str, *, editor: str | None = None,
                         note: str | None = None) -> list[dict]:
    """Mark a claim and let the verdict flow to its confident duplicates, in one transaction.

    The claim's own event comes first; each duplicate that follows gets its own event whose
    ``details`` name the claim it followed (``{"followed": id, "kind", "score", "relation"}``).
    Conflicts are never changed; a duplicate already carrying another verdict is left alone
    (a colleague's decision is not overwritten); ``pending`` only undoes verdicts that had
    followed this claim.  Returns the events written.
    """
    with store.transaction():
        follow, _skipped = plan_with_duplicates(store, claim_id, status)
        events = [store.mark(claim_id, status, editor=editor, note=note,
                             details={"with_duplicates": [d["claim_id"] for d in follow]}
                             if follow else None)]
        for d in follow:
            why = f"followed claim {claim_id}" + (f": {note}" if note else "")
            events.append(store.mark(
                d["claim_id"], status, editor=editor, note=why,
                details={"followed": claim_id, "kind": d["kind"], "score": d["score"],
                         "relation": d["relation"]}))
    return events


def adopt_verdict(store, claim_id: int, from_claim_id: int, *, editor: str | None = None,
                  note: str | None = None, expected_version: int | None = None) -> dict:
    """Give claim_id the verdict its duplicate from_claim_id already has (the desk's one key).

    The event's details name the claim it followed, as with ``mark_with_duplicates``.
    """
    pair = next((d for d in duplicates_of(store, claim_id) if d["claim_id"] == from_claim_id),
                None)
    if pair is None:
        raise StoreError(f"claim {from_claim_id} is not a duplicate of claim {claim_id}")
    if pair["kind"] == "conflict":
        raise StoreError(f"claim {from_claim_id} conflicts with claim {claim_id}: "
                         "a figure differs, check it instead")
    why = f"followed claim {from_claim_id}" + (f": {note}" if note else "")
    return store.mark(claim_id, pair["status"], editor=editor, note=why,
                      expected_version=expected_version,
                      details={"followed": from_claim_id, "kind": pair["kind"],
                               "score": pair["score"], "relation": pair["relation"]})
