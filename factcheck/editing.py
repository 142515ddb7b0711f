"""Claims under the editor's hand: edit, split, merge, hide, add, and undo any of it.

The segmenter gets some boundaries wrong and takes some page furniture for claims; the
editor corrects it here. Each change is one transaction that rewrites what the claim's text
means (facets, check-worthiness, its near-duplicates) and records an event per claim touched,
with who, when, from and to in its details, so that ``undo`` can take it back from the event
alone: the desk's undo and `factcheck claim undo EVENT` are the same call.

Offsets keep pointing into the article's text, which never changes: an edited claim keeps
the span it was found at, a split cuts the span in two, a merge covers both, and a claim
written by hand whose words are not in the article has no span (its start and end are both
the place it was added at).

The store only stores: the analysis and the duplicate search are called from here.
"""

from __future__ import annotations

from .analysis import facets, worthiness
from .errors import InputError, StaleEdit, StoreError
from .matching import dupes
from .matching import sources as source_links
from .store import Store, default_editor, json_text, now
from .text.display import has_controls

MAX_CLAIM_CHARS = 2000
HIDE_REASONS = ("not a claim", "merged", "withdrawn")
EDIT_ACTIONS = ("edit", "split", "merge", "hide", "unhide", "add")


def clean_text(text: str) -> str:
    """A claim's text as typed: one line, its white space runs made single spaces."""
    out = " ".join((text or "").split())
    if not out:
        raise InputError("a claim cannot be empty")
    if len(out) > MAX_CLAIM_CHARS:
        raise InputError(f"a claim is at most {MAX_CLAIM_CHARS} characters ({len(out)} given)")
    if has_controls(out):
        raise InputError("a claim cannot hold control characters")
    return out


# ---------------------------------------------------------------- what a text means

def _analysed(article: dict, text: str) -> tuple[float, list[str], str]:
    """(check-worthiness, reasons, facets as JSON) of a claim's text in its article."""
    lang = article["language"]
    found = facets.extract(text, lang, facets.LowerVocabulary(article["text"]))
    worth, reasons = worthiness.score(text, found, lang=lang)
    return worth, reasons, json_text(found)


def _rewrite(store: Store, conn, claim: dict, article: dict, text: str,
             span: tuple[int, int], editor: str, at: str) -> None:
    worth, reasons, facets_json = _analysed(article, text)
    store.update_claim(conn, claim["id"], text=text, start=span[0], end=span[1],
                       checkworthiness=worth, reasons=reasons, facets_json=facets_json,
                       editor=editor, at=at)


def _reindex(store: Store, conn, claim_ids: list[int]) -> None:
    """The claims' near-duplicates found again from their text as it is now."""
    dupes.forget(conn, claim_ids)
    dupes.index_claims(conn, claim_ids)


def _claim_and_article(store: Store, conn, claim_id: int, expected_version: int | None
                       ) -> tuple[dict, dict, str]:
    """Inside the transaction: the claim as it is (after the staleness check), its
    article and its status."""
    status = store.claim_for_update(conn, claim_id, expected_version)
    claim = store.claim(claim_id)
    return claim, store.article(claim["article_id"]), status


def _event(store: Store, conn, claim: dict, at: str, editor: str, action: str, status: str,
           details: dict) -> dict:
    return store.record_event(conn, claim["id"], at, editor, action, status, status, None,
                              details=details)


def _span(claim: dict) -> list[int]:
    return [claim["start"], claim["end"]]


def _says_its_span(claim: dict, article: dict) -> bool:
    """Is the claim's text still the article's words at its span?"""
    return claim["has_span"] and article["text"][claim["start"]:claim["end"]] == claim["text"]


# ---------------------------------------------------------------- the changes

def edit(store: Store, claim_id: int, text: str, *, editor: str | None = None,
         expected_version: int | None = None) -> dict:
    """Replace a claim's text (its span stays: the sentence it was found at). Returns the
    event; an unchanged text writes nothing and returns None."""
    text = clean_text(text)
    editor = editor or default_editor()
    with store.transaction() as conn:
        claim, article, status = _claim_and_article(store, conn, claim_id, expected_version)
        if claim["text"] == text:
            return None
        at = now()
        _rewrite(store, conn, claim, article, text, (claim["start"], claim["end"]), editor, at)
        event = _event(store, conn, claim, at, editor, "edit", status,
                       {"from": claim["text"], "to": text})
        if not claim["hidden"]:
            _reindex(store, conn, [claim_id])
    return event


def split(store: Store, claim_id: int, at_char: int, *, editor: str | None = None,
          expected_version: int | None = None) -> dict:
    """Cut a claim in two at a character of its text: it keeps the first part, a new claim
    right after it takes the second (pending, no sources). Returns the claim's event, whose
    details name the new claim (``new_claim``)."""
    editor = editor or default_editor()
    with store.transaction() as conn:
        claim, article, status = _claim_and_article(store, conn, claim_id, expected_version)
        if claim["hidden"]:
            raise InputError(f"claim {claim_id} is hidden: show it before splitting it")
        text = claim["text"]
        if not 0 < at_char < len(text):
            raise InputError(f"a split point is between 1 and {len(text) - 1} "
                             f"(claim {claim_id} has {len(text)} characters)")
        head, tail = text[:at_char].rstrip(), text[at_char:].lstrip()
        if not head or not tail:
            raise InputError("each part of a split needs some words")
        first, second = _split_spans(claim, article, head, tail, at_char)
        at = now()
        _rewrite(store, conn, claim, article, head, first, editor, at)
        worth, reasons, facets_json = _analysed(article, tail)
        new_id = store.insert_claim(conn, claim["article_id"], claim["seq"] + 1, text=tail,
                                    start=second[0], end=second[1], checkworthiness=worth,
                                    reasons=reasons, facets_json=facets_json, editor=editor,
                                    at=at)
        event = _event(store, conn, claim, at, editor, "split", status, {
            "from": text, "to": head, "new_claim": new_id, "new_text": tail, "at": at_char,
            "span": {"from": _span(claim), "to": list(first)}})
        store.record_event(conn, new_id, at, editor, "add", "pending", "pending", None,
                           details={"text": tail, "split_from": claim_id,
                                    "span": list(second) if second[0] != second[1] else None})
        _reindex(store, conn, [claim_id, new_id])
    return event


def _split_spans(claim: dict, article: dict, head: str, tail: str, at_char: int
                 ) -> tuple[tuple[int, int], tuple[int, int]]:
    start, end = claim["start"], claim["end"]
    if _says_its_span(claim, article):
        return (start, start + len(head)), (end - len(tail), end)
    if claim["has_span"]:  # edited: each part where the article says it, if it does
        words = article["text"][start:end]
        i, j = words.find(head), words.rfind(tail)
        if i >= 0 and j >= i + len(head):
            return (start + i, start + i + len(head)), (start + j, start + j + len(tail))
        return (start, end), (end, end)
    return (start, end), (end, end)


def merge_next(store: Store, claim_id: int, *, editor: str | None = None,
               expected_version: int | None = None) -> dict:
    """Merge a claim with the next claim shown in its article: the claim says both and
    covers both spans, takes the other's sources; the other is hidden as merged. Returns
    the claim's event (``merged`` names the other)."""
    editor = editor or default_editor()
    with store.transaction() as conn:
        claim, article, status = _claim_and_article(store, conn, claim_id, expected_version)
        if claim["hidden"]:
            raise InputError(f"claim {claim_id} is hidden: show it before merging it")
        nxt = next(iter(store.claims(article_id=claim["article_id"],
                                     after=(claim["article_id"], claim["seq"]), limit=1)),
                   None)
        if nxt is None or nxt["article_id"] != claim["article_id"]:
            raise InputError(f"claim {claim_id} is the last of its article: nothing to "
                             "merge it with")
        nxt = store.claim(nxt["id"])
        gap = article["text"][claim["end"]:nxt["start"]]
        joined = (claim["text"] + gap + nxt["text"]
                  if _says_its_span(claim, article) and _says_its_span(nxt, article)
                  and gap and not gap.strip() and "\n" not in gap
                  else claim["text"] + " " + nxt["text"])
        spans = [s for s in (claim, nxt) if s["has_span"]]
        span = ((min(s["start"] for s in spans), max(s["end"] for s in spans)) if spans
                else (claim["start"], claim["end"]))
        at = now()
        _rewrite(store, conn, claim, article, joined, span, editor, at)
        moved = store.copy_links(conn, nxt["id"], claim_id)
        store.hide_claim(conn, nxt["id"], "merged", editor=editor, at=at)
        event = _event(store, conn, claim, at, editor, "merge", status, {
            "from": claim["text"], "to": joined, "merged": nxt["id"],
            "merged_text": nxt["text"], "merged_status": nxt["status"], "links": moved,
            "span": {"from": _span(claim), "to": list(span)}})
        store.record_event(conn, nxt["id"], at, editor, "hide", nxt["status"], nxt["status"],
                           None, details={"reason": "merged", "into": claim_id})
        dupes.forget(conn, [nxt["id"]])
        _reindex(store, conn, [claim_id])
    return event


def hide(store: Store, claim_id: int, reason: str = "not a claim", *,
         editor: str | None = None, expected_version: int | None = None) -> dict:
    """Take a claim out of the counts, the lists and the reports (it stays, with its
    history, and can be shown again)."""
    if reason not in HIDE_REASONS:
        raise InputError(f"unknown reason {reason!r}: use one of {', '.join(HIDE_REASONS)}")
    editor = editor or default_editor()
    with store.transaction() as conn:
        claim, _article, status = _claim_and_article(store, conn, claim_id, expected_version)
        if claim["hidden"]:
            raise InputError(f"claim {claim_id} is already hidden ({claim['hidden']})")
        at = now()
        store.hide_claim(conn, claim_id, reason, editor=editor, at=at)
        event = _event(store, conn, claim, at, editor, "hide", status, {"reason": reason})
        dupes.forget(conn, [claim_id])
    return event


def unhide(store: Store, claim_id: int, *, editor: str | None = None,
           expected_version: int | None = None, undo_of: int | None = None) -> dict:
    """Show a hidden claim again, in the counts and the reports."""
    editor = editor or default_editor()
    with store.transaction() as conn:
        claim, _article, status = _claim_and_article(store, conn, claim_id, expected_version)
        if not claim["hidden"]:
            raise InputError(f"claim {claim_id} is not hidden")
        if claim["hidden"] == "merged" and undo_of is None:
            raise InputError(f"claim {claim_id} was merged into the claim before it: undo "
                             "the merge (factcheck claim undo EVENT) to have it back")
        at = now()
        store.unhide_claim(conn, claim_id, editor=editor, at=at)
        details = {"reason": claim["hidden"]}
        if undo_of is not None:
            details["undo_of"] = undo_of
        event = _event(store, conn, claim, at, editor, "unhide", status, details)
        _reindex(store, conn, [claim_id])
    return event


def add(store: Store, article_id: int, text: str, *, after: int | None = None,
        editor: str | None = None) -> dict:
    """A claim the segmenter missed. Found in the article's text, it gets its span and its
    place; otherwise it has no span and comes after claim ``after`` (else at the end).
    Returns its 'add' event (the new claim is ``claim_id``)."""
    text = clean_text(text)
    editor = editor or default_editor()
    with store.transaction() as conn:
        article = store.article(article_id)
        claims = store.claims(article_id=article_id, hidden=True)
        anchor = None
        if after is not None:
            anchor = next((c for c in claims if c["id"] == after), None)
            if anchor is None:
                raise InputError(f"claim {after} is not a claim of article {article_id}")
        body = article["text"]
        found = body.find(text, anchor["start"] if anchor else 0)
        if found < 0 and anchor is not None:
            found = body.find(text)
        if found >= 0:
            span = (found, found + len(text))
            seq = 1 + max((c["seq"] for c in claims if c["start"] <= found), default=0)
        elif anchor is not None:
            span = (anchor["end"], anchor["end"])
            seq = anchor["seq"] + 1
        else:
            span = (len(body), len(body))
            seq = 1 + max((c["seq"] for c in claims), default=0)
        worth, reasons, facets_json = _analysed(article, text)
        at = now()
        claim_id = store.insert_claim(conn, article_id, seq, text=text, start=span[0],
                                      end=span[1], checkworthiness=worth, reasons=reasons,
                                      facets_json=facets_json, editor=editor, at=at)
        event = store.record_event(conn, claim_id, at, editor, "add", "pending", "pending",
                                   None, details={"text": text, "after": after,
                                                  "span": list(span) if found >= 0 else None})
        _reindex(store, conn, [claim_id])
    return event


# ---------------------------------------------------------------- undo

def undo(store: Store, event_id: int, *, editor: str | None = None,
         expected_version: int | None = None) -> dict:
    """Take back what one event did, recorded as an event of its own (which names it in
    ``undo_of``, or for a status in its note). Refused when the claim has changed since in
    a way the event no longer describes (another editor's change is never overwritten)."""
    editor = editor or default_editor()
    rows = store.rows("SELECT * FROM events WHERE id = ?", [event_id])
    if not rows:
        raise InputError(f"no event {event_id}")
    event = store.history(rows[0]["claim_id"])
    event = next(e for e in event if e["id"] == event_id)
    action, claim_id = event["action"], event["claim_id"]
    details = event.get("details") or {}
    why = f"undo of event #{event_id}"
    if action in ("status", "undo"):
        return _undo_status(store, event, editor, expected_version, why)
    if action == "note":
        return store.retract_note(claim_id, event_id, editor=editor,
                                  expected_version=expected_version)
    if action == "link":
        if details.get("previous_stance"):
            return source_links.link(store, claim_id, event["source_id"],
                                     details["previous_stance"], editor=editor)["event"]
        return source_links.unlink(store, claim_id, event["source_id"], editor=editor, note=why)
    if action == "unlink":
        return source_links.link(store, claim_id, event["source_id"], details["stance"],
                                 editor=editor, note=why)["event"]
    if action == "edit":
        return _undo_edit(store, event, editor)
    if action == "split":
        return _undo_split(store, event, editor)
    if action == "merge":
        return _undo_merge(store, event, editor)
    if action == "hide":
        if details.get("reason") == "merged":
            raise InputError(f"event {event_id} hid a claim merged into claim "
                             f"{details.get('into')}: undo that merge instead")
        return unhide(store, claim_id, editor=editor, undo_of=event_id)
    if action == "unhide":
        return _hide_again(store, claim_id, details.get("reason") or "not a claim", editor,
                           event_id)
    if action == "add":
        if details.get("split_from"):
            raise InputError(f"claim {claim_id} was split off claim {details['split_from']}:"
                             " undo that split instead")
        return _hide_again(store, claim_id, "withdrawn", editor, event_id)
    raise InputError(f"event {event_id} ({action}) cannot be undone here")


def _undo_status(store: Store, event: dict, editor: str, expected_version: int | None,
                 why: str) -> dict:
    current = store.claim(event["claim_id"])
    if expected_version is None and current["status"] != event["to"]:
        raise StaleEdit(current)
    return store.mark(event["claim_id"], event["from"], editor=editor, note=why,
                      expected_version=expected_version, action="undo")


def _changed_since(claim: dict, event_id: int) -> StoreError:
    return StoreError(f"claim {claim['id']} has changed since event {event_id} "
                      f"(by {claim.get('updated_by') or 'someone'} at "
                      f"{claim.get('updated_at')}): nothing was undone")


def _undo_edit(store: Store, event: dict, editor: str) -> dict:
    d = event["details"]
    with store.transaction() as conn:
        claim, article, status = _claim_and_article(store, conn, event["claim_id"], None)
        if claim["text"] != d["to"]:
            raise _changed_since(claim, event["id"])
        at = now()
        _rewrite(store, conn, claim, article, d["from"], (claim["start"], claim["end"]),
                 editor, at)
        out = _event(store, conn, claim, at, editor, "edit", status,
                     {"from": d["to"], "to": d["from"], "undo_of": event["id"]})
        if not claim["hidden"]:
            _reindex(store, conn, [claim["id"]])
    return out


def _undo_split(store: Store, event: dict, editor: str) -> dict:
    d = event["details"]
    with store.transaction() as conn:
        claim, article, status = _claim_and_article(store, conn, event["claim_id"], None)
        other = store.claim(d["new_claim"])
        if claim["text"] != d["to"] or other["text"] != d["new_text"] or other["hidden"]:
            raise _changed_since(claim if claim["text"] != d["to"] else other, event["id"])
        at = now()
        _rewrite(store, conn, claim, article, d["from"], tuple(d["span"]["from"]), editor, at)
        store.hide_claim(conn, other["id"], "withdrawn", editor=editor, at=at)
        out = _event(store, conn, claim, at, editor, "merge", status, {
            "from": d["to"], "to": d["from"], "merged": other["id"], "undo_of": event["id"],
            "span": {"from": _span(claim), "to": d["span"]["from"]}})
        store.record_event(conn, other["id"], at, editor, "hide", other["status"],
                           other["status"], None,
                           details={"reason": "withdrawn", "undo_of": event["id"]})
        dupes.forget(conn, [other["id"]])
        _reindex(store, conn, [claim["id"]])
    return out


def _undo_merge(store: Store, event: dict, editor: str) -> dict:
    d = event["details"]
    with store.transaction() as conn:
        claim, article, status = _claim_and_article(store, conn, event["claim_id"], None)
        other = store.claim(d["merged"])
        if claim["text"] != d["to"] or other["hidden"] != "merged":
            raise _changed_since(claim if claim["text"] != d["to"] else other, event["id"])
        at = now()
        _rewrite(store, conn, claim, article, d["from"], tuple(d["span"]["from"]), editor, at)
        store.drop_links(conn, claim["id"], d.get("links") or [])
        store.unhide_claim(conn, other["id"], editor=editor, at=at)
        out = _event(store, conn, claim, at, editor, "split", status, {
            "from": d["to"], "to": d["from"], "new_claim": other["id"],
            "new_text": other["text"], "undo_of": event["id"],
            "span": {"from": _span(claim), "to": d["span"]["from"]}})
        store.record_event(conn, other["id"], at, editor, "unhide", other["status"],
                           other["status"], None,
                           details={"reason": "merged", "undo_of": event["id"]})
        _reindex(store, conn, [claim["id"], other["id"]])
    return out


def _hide_again(store: Store, claim_id: int, reason: str, editor: str, undo_of: int) -> dict:
    with store.transaction() as conn:
        claim, _article, status = _claim_and_article(store, conn, claim_id, None)
        if claim["hidden"]:
            raise _changed_since(claim, undo_of)
        at = now()
        store.hide_claim(conn, claim_id, reason, editor=editor, at=at)
        out = _event(store, conn, claim, at, editor, "hide", status,
                     {"reason": reason, "undo_of": undo_of})
        dupes.forget(conn, [claim_id])
    return out


def describe(event: dict) -> str:
    """One line saying what an event of a claim edit did."""
    d = event.get("details") or {}
    cid = event["claim_id"]
    action = event["action"]
    if action == "edit":
        return f"claim {cid} now reads «{d.get('to')}»"
    if action == "split":
        if d.get("new_claim") is not None:
            return f"claim {cid} split: the rest is claim {d['new_claim']}"
        return f"claim {cid} split"
    if action == "merge":
        return f"claim {cid} merged with claim {d.get('merged')}"
    if action == "hide":
        return f"claim {cid} hidden ({d.get('reason')})"
    if action == "unhide":
        return f"claim {cid} shown again"
    if action == "add":
        return f"claim {cid} added" + ("" if d.get("span") else " (no span in the article)")
    if action == "retract":
        return f"claim {cid}: note of event {d.get('retracts')} taken back"
    return f"claim {cid}: {action}"
