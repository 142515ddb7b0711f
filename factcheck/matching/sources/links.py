"""Links between a claim and a source: a stance, a note, the evidence, kept in history."""

from __future__ import annotations

import json
from collections.abc import Iterable

from ...errors import NotFound, StoreError
from ...store import Store, default_editor, now
from .repo import SOURCE_COLUMNS, get_source
from .suggestions import evidence_for

STANCES = ("supports", "refutes", "context")


def _check_stance(stance: str) -> str:
    if stance not in STANCES:
        raise StoreError(f"unknown stance {stance!r}: use one of {', '.join(STANCES)}")
    return stance


def link(store: Store, claim_id: int, source_id: int, stance: str, note: str | None = None,
         editor: str | None = None, expected_version: int | None = None) -> dict:
    """Link a source to a claim with a stance; recorded in the claim's history.

    Linking again with another stance or note changes the link (and says so in
    the history); linking again with the same ones changes nothing.  A link is not
    a verdict: the claim's ``version`` is left alone, so an editor about to mark
    the claim is not told it went stale because a colleague added a source.  Returns the
    link as ``linked_sources`` gives it, with ``event`` (None when unchanged).
    """
    _check_stance(stance)
    note = (note or "").strip() or None
    editor = editor or default_editor()
    claim = store.claim(claim_id)
    source = get_source(store, source_id)
    evidence = evidence_for(claim, source)
    event = None
    with store.transaction() as conn:
        status = store.claim_for_update(conn, claim_id, expected_version)
        if not conn.execute("SELECT 1 FROM sources WHERE id = ?", (source_id,)).fetchone():
            raise NotFound(f"no source with id {source_id}")
        old = conn.execute("SELECT stance, note FROM claim_sources WHERE claim_id = ?"
                           " AND source_id = ?", (claim_id, source_id)).fetchone()
        if old is None or tuple(old) != (stance, note):
            at = now()
            conn.execute(
                "INSERT INTO claim_sources (claim_id, source_id, stance, note, evidence,"
                " linked_at, linked_by) VALUES (?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (claim_id, source_id) DO UPDATE SET stance = excluded.stance,"
                " note = excluded.note, evidence = excluded.evidence,"
                " linked_at = excluded.linked_at, linked_by = excluded.linked_by",
                (claim_id, source_id, stance, note,
                 json.dumps(evidence, ensure_ascii=False), at, editor))
            details = {"stance": stance, "url": source["url"], "title": source["title"]}
            if old is not None:
                details["previous_stance"] = old[0]
            event = store.record_event(conn, claim_id, at, editor, "link", status, status, note,
                                       source_id=source_id, details=details)
    out = next(s for s in linked_sources(store, claim_id) if s["id"] == source_id)
    out["event"] = event
    return out


def unlink(store: Store, claim_id: int, source_id: int, editor: str | None = None,
           note: str | None = None, expected_version: int | None = None) -> dict:
    """Remove a link; the history keeps both the link and its removal. Returns the event."""
    editor = editor or default_editor()
    note = (note or "").strip() or None
    with store.transaction() as conn:
        status = store.claim_for_update(conn, claim_id, expected_version)
        old = conn.execute(
            "SELECT cs.stance, s.url FROM claim_sources cs JOIN sources s ON s.id = cs.source_id"
            " WHERE cs.claim_id = ? AND cs.source_id = ?", (claim_id, source_id)).fetchone()
        if old is None:
            raise StoreError(f"claim {claim_id} is not linked to source {source_id}")
        at = now()
        conn.execute("DELETE FROM claim_sources WHERE claim_id = ? AND source_id = ?",
                     (claim_id, source_id))
        return store.record_event(conn, claim_id, at, editor, "unlink", status, status, note,
                                  source_id=source_id, details={"stance": old[0], "url": old[1]})


_LINK_COLUMNS = ("stance", "note", "evidence", "linked_at", "linked_by")


def _links(store: Store, claim_ids: list[int]) -> dict[int, list[dict]]:
    out: dict[int, list[dict]] = {}
    cols = ", ".join(f"s.{c}" for c in SOURCE_COLUMNS) + ", " + ", ".join(
        f"cs.{c}" for c in _LINK_COLUMNS)
    with store.lock:
        for i in range(0, len(claim_ids), 500):
            part = claim_ids[i:i + 500]
            for row in store.conn.execute(
                    f"SELECT cs.claim_id, {cols} FROM claim_sources cs"
                    " JOIN sources s ON s.id = cs.source_id"
                    f" WHERE cs.claim_id IN ({','.join('?' * len(part))})"
                    " ORDER BY cs.claim_id, cs.linked_at, cs.source_id", part):
                item = dict(zip(SOURCE_COLUMNS + _LINK_COLUMNS, row[1:]))
                item["evidence"] = json.loads(item["evidence"]) if item["evidence"] else None
                out.setdefault(row[0], []).append(item)
    return out


def linked_sources(store: Store, claim_id: int) -> list[dict]:
    """The sources linked to a claim: source fields, stance, note, linked_at/by, evidence."""
    return _links(store, [claim_id]).get(claim_id, [])


def sources_for_export(store: Store, claim_ids: Iterable[int]) -> dict[int, list[dict]]:
    """Linked sources per claim for the export's ``sources`` key (every claim id present)."""
    ids = list(dict.fromkeys(claim_ids))
    links = _links(store, ids)
    keep = ("id", "url", "title", "publisher", "published", "language", "reliability",
            "stance", "note", "evidence", "linked_at", "linked_by")
    return {cid: [{k: s[k] for k in keep} for s in links[cid]] if cid in links else []
            for cid in ids}
