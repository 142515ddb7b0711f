"""What a newsroom publishes about a claim: a rating of its scale, and a written rationale.

**The scale** is a setting (``ratings``, JSON), the default below when unset. Each rating
has a name per language, the status it gives the claim (verified, disputed, or pending for
a rating that says neither, such as "Unverifiable") and its number on ClaimReview's scale
(None: it has no place between false and true, and ClaimReview then carries its name only).

**A rating is a label of the scale.** ``rate`` stores the rating's name, in the article's
language, as the claim's ``verdict_label`` and sets the status the scale maps it to, in one
transaction. So a word set with ``factcheck label`` before scales existed ("Trompeur")
reads as the rating it names, older databases need no migration, and a label outside the
scale stays the editor's own word. Ratings are found by any of their names in any
language, without regard to case or accents ("plutot VRAI" is "Plutôt vrai").

**The rationale is history.** Each ``explain`` appends an event (action ``note``, details
``{"rationale": "set"}`` or ``"cleared"``, the text as its note): the claim's rationale is
the last of them, with who wrote it and when, and every earlier wording stays on record.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, StoreError
from ..text.display import has_controls
from ..text.normalise import fold
from .db import STATUSES, Store, default_editor, now

SETTING = "ratings"
MAX_RATINGS = 20
MAX_NAME = 40
MAX_RATIONALE = 20_000  # characters: a long explanation, never a pasted article
MAX_SCALE_FILE = 100_000  # bytes


@dataclass(frozen=True)
class Rating:
    names: tuple[tuple[str, str], ...]  # (language, name), in the order they were given
    status: str  # verified | disputed | pending
    value: int | float | None  # on ClaimReview's scale; None: none

    def name(self, lang: str | None = None) -> str:
        """The name in ``lang``, else in English, else the first one given."""
        found = dict(self.names)
        return found.get(lang or "") or found.get("en") or self.names[0][1]

    def folded(self) -> set[str]:
        return {_key(name) for _, name in self.names}

    def as_json(self) -> dict:
        return {"name": dict(self.names), "status": self.status, "value": self.value}


@dataclass(frozen=True)
class Verdict:
    """What a report says of a claim: the word readers see and its place on the scale."""
    name: str | None  # None: the status's own word (no rating of the scale gives one)
    rating: Rating | None  # None: the editor's own word, outside the scale
    chosen: bool  # the editor chose it (False: the default of the claim's status)


@dataclass(frozen=True)
class Scale:
    ratings: tuple[Rating, ...]

    def find(self, word: str | None) -> Rating | None:
        """The rating one of whose names is ``word`` (case and accents aside)."""
        if not word:
            return None
        key = _key(word)
        for rating in self.ratings:
            if key in rating.folded():
                return rating
        return None

    @property
    def best(self) -> int | float | None:
        values = [r.value for r in self.ratings if r.value is not None]
        return max(values) if values else None

    @property
    def worst(self) -> int | float | None:
        values = [r.value for r in self.ratings if r.value is not None]
        return min(values) if values else None

    def for_status(self, status: str) -> Rating | None:
        """What a status says when no rating was chosen: the truest verified rating, the
        falsest disputed one (pending says nothing)."""
        if status == "pending":
            return None
        ratings = [r for r in self.ratings if r.status == status]
        if not ratings:
            return None
        numbered = [r for r in ratings if r.value is not None]
        if not numbered:
            return ratings[0]
        pick = max if status == "verified" else min
        return pick(numbered, key=lambda r: r.value)

    def verdict(self, status: str, label: str | None, lang: str | None) -> Verdict | None:
        """What the report says of a claim with this status and label; None: nothing yet.

        A rating of the scale counts while the status is still the one it set (pressing
        v or d afterwards changes the verdict: the status's default then speaks). A label
        outside the scale is the editor's own word for a verified or disputed claim.
        """
        rating = self.find(label)
        if rating is not None and rating.status == status:
            return Verdict(rating.name(lang), rating, True)
        if status == "pending":
            return None
        default = self.for_status(status)
        if label and rating is None:
            return Verdict(" ".join(label.split()), default, True)
        return Verdict(default.name(lang) if default else None, default, False)

    def as_json(self) -> dict:
        return {"ratings": [r.as_json() for r in self.ratings]}

    def languages(self) -> list[str]:
        seen: dict[str, None] = {}
        for r in self.ratings:
            for lang, _ in r.names:
                seen.setdefault(lang)
        return list(seen)


def _key(word: str) -> str:
    return " ".join(fold(word).replace("-", " ").split())


def parse_scale(data) -> Scale:
    """A scale from its JSON form, checked; InputError names the first thing wrong.

    ``{"ratings": [{"name": {"fr": "Vrai", "en": "True"}, "status": "verified",
    "value": 5}, …]}`` (a bare list of ratings, or one name for every language, also do).
    """
    items = data.get("ratings") if isinstance(data, dict) else data
    if isinstance(data, dict) and set(data) - {"ratings"}:
        raise InputError(f"unknown key {sorted(set(data) - {'ratings'})[0]!r} in the scale:"
                         " it holds \"ratings\" only")
    if not isinstance(items, list) or not items:
        raise InputError("a scale is a non-empty list of ratings: {\"ratings\": [{\"name\":"
                         " {\"fr\": …, \"en\": …}, \"status\": …, \"value\": …}, …]}")
    if len(items) > MAX_RATINGS:
        raise InputError(f"a scale holds at most {MAX_RATINGS} ratings, not {len(items)}")
    ratings: list[Rating] = []
    owner: dict[str, int] = {}
    for i, item in enumerate(items, 1):
        where = f"rating {i}"
        if not isinstance(item, dict):
            raise InputError(f"{where} is not an object with name, status and value")
        unknown = set(item) - {"name", "status", "value"}
        if unknown:
            raise InputError(f"{where}: unknown key {sorted(unknown)[0]!r}"
                             " (a rating has name, status and value)")
        names = _names(item.get("name"), where)
        where = f"rating {i} ({names[0][1]})"
        status = item.get("status")
        if status not in STATUSES:
            raise InputError(f"{where}: status must be one of {', '.join(STATUSES)},"
                             f" not {status!r}")
        value = item.get("value")
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))
                                  or not -1000 <= value <= 1000 or value != value):
            raise InputError(f"{where}: value must be a number (ClaimReview's ratingValue) or"
                             f" null, not {value!r}")
        rating = Rating(names, status, value)
        for key in rating.folded():
            if owner.get(key, i) != i:
                raise InputError(f"{where}: the name {key!r} is also rating {owner[key]}'s;"
                                 " each name must find one rating")
            owner[key] = i
        ratings.append(rating)
    values = [r.value for r in ratings if r.value is not None]
    if len(values) == 1 or (values and min(values) == max(values)):
        raise InputError("the scale's values must span at least two numbers (ClaimReview's"
                         " worstRating and bestRating), or all be null")
    if len(values) > len(set(values)):
        raise InputError("two ratings share a value: each number names one rating")
    true = [r.value for r in ratings if r.status == "verified" and r.value is not None]
    false = [r.value for r in ratings if r.status == "disputed" and r.value is not None]
    if true and false and min(true) <= max(false):
        raise InputError("on ClaimReview's scale the higher number is the truer: each verified"
                         " rating's value must be truer than every disputed one's")
    return Scale(tuple(ratings))


def _names(raw, where: str) -> tuple[tuple[str, str], ...]:
    if isinstance(raw, str):
        raw = {"en": raw}
    if not isinstance(raw, dict) or not raw:
        raise InputError(f"{where}: name must be a text or {{\"fr\": …, \"en\": …}}")
    names = []
    for lang, name in raw.items():
        if not (isinstance(lang, str) and 2 <= len(lang) <= 3 and lang.isascii()
                and lang.isalpha()):
            raise InputError(f"{where}: {lang!r} is not a language code such as fr or en")
        if not isinstance(name, str) or not name.strip():
            raise InputError(f"{where}: the {lang} name must be a non-empty text")
        name = " ".join(name.split())
        if len(name) > MAX_NAME or has_controls(name):
            raise InputError(f"{where}: the {lang} name must be one line of at most"
                             f" {MAX_NAME} characters")
        names.append((lang.lower(), name))
    return tuple(names)


DEFAULT = parse_scale({"ratings": [
    {"name": {"fr": "Vrai", "en": "True"}, "status": "verified", "value": 5},
    {"name": {"fr": "Plutôt vrai", "en": "Mostly true"}, "status": "verified", "value": 4},
    {"name": {"fr": "Trompeur", "en": "Misleading"}, "status": "disputed", "value": 3},
    {"name": {"fr": "Plutôt faux", "en": "Mostly false"}, "status": "disputed", "value": 2},
    {"name": {"fr": "Faux", "en": "False"}, "status": "disputed", "value": 1},
    # neither true nor false: the claim stays pending (it is still rated, and published),
    # and ClaimReview gives its name without a number it does not have
    {"name": {"fr": "Invérifiable", "en": "Unverifiable"}, "status": "pending",
     "value": None},
]})


def read_scale_file(path: str) -> Scale:
    """A scale from a JSON file (``-``: standard input), checked."""
    import sys

    try:
        if path == "-":
            raw = sys.stdin.buffer.read(MAX_SCALE_FILE + 1)
        else:
            with open(Path(path).expanduser(), "rb") as f:
                raw = f.read(MAX_SCALE_FILE + 1)
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(raw) > MAX_SCALE_FILE:
        raise InputError(f"{path} is too large for a rating scale")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError(f"{path} is not UTF-8 text") from None
    except (ValueError, RecursionError) as exc:
        raise InputError(f"{path} is not valid JSON: {exc}") from None
    try:
        return parse_scale(data)
    except InputError as exc:
        raise InputError(f"{path}: {exc}") from None


def load_scale(store: Store) -> Scale:
    """The store's scale, or the default one."""
    raw = store.get_setting(SETTING)
    if raw is None:
        return DEFAULT
    try:
        return parse_scale(json.loads(raw))
    except (ValueError, InputError) as exc:
        raise StoreError(f"the ratings setting is not a valid scale ({exc}); replace it with"
                         " `factcheck settings ratings --file FILE` or --unset it") from None


def save_scale(store: Store, scale: Scale | None) -> None:
    """Keep a scale as the store's (None: back to the default)."""
    store.set_setting(SETTING, None if scale is None else
                      json.dumps(scale.as_json(), ensure_ascii=False))


# ------------------------------------------------------------ writing a verdict


def rate(store: Store, claim_id: int, word: str, *, editor: str | None = None,
         expected_version: int | None = None, scale: Scale | None = None) -> dict:
    """Give a claim a rating of the scale: its name as the claim's label and the status it
    maps to, in one transaction (one event for the rating, one more if the status changes).

    Returns {"rating": the name stored, "status": …, "events": [the events]}.
    """
    scale = scale or load_scale(store)
    rating = scale.find(word)
    if rating is None:
        raise InputError(f"{word!r} is not a rating of the scale: use one of "
                         + ", ".join(r.name() for r in scale.ratings)
                         + " (`factcheck settings ratings` shows them)")
    editor = editor or default_editor()
    with store.transaction() as conn:
        before = store.claim_for_update(conn, claim_id, expected_version)
        lang = conn.execute("SELECT a.language FROM claims c JOIN articles a"
                            " ON a.id = c.article_id WHERE c.id = ?", (claim_id,)).fetchone()[0]
        name = rating.name(lang)
        at = now()
        conn.execute("UPDATE claims SET verdict_label = ?, status = ?, version = version + 1,"
                     " updated_at = ?, updated_by = ? WHERE id = ?",
                     (name, rating.status, at, editor, claim_id))
        events = [store.record_event(conn, claim_id, at, editor, "note", before, before,
                                     f"rating: {name}", details={"label": name,
                                                                 "rating": rating.value})]
        if rating.status != before:
            events.append(store.record_event(conn, claim_id, at, editor, "status", before,
                                             rating.status, f"rating: {name}",
                                             details={"rating": name}))
    return {"claim_id": claim_id, "rating": name, "from": before, "status": rating.status,
            "editor": editor, "at": at, "events": events}


def explain(store: Store, claim_id: int, text: str | None, *, editor: str | None = None,
            expected_version: int | None = None) -> dict:
    """Set (or, with an empty text, clear) the claim's rationale; returns the event."""
    text = clean_rationale(text)
    editor = editor or default_editor()
    with store.transaction() as conn:
        status = store.claim_for_update(conn, claim_id, expected_version)
        at = now()
        conn.execute("UPDATE claims SET version = version + 1, updated_at = ?, updated_by = ?"
                     " WHERE id = ?", (at, editor, claim_id))
        return store.record_event(conn, claim_id, at, editor, "note", status, status, text,
                                  details={"rationale": "set" if text else "cleared"})


def clean_rationale(text: str | None) -> str | None:
    """The text as kept: line endings made LF, trailing spaces and blank edges dropped."""
    if text is None:
        return None
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n")
             .split("\n")]
    cleaned = "\n".join(lines).strip("\n")
    if not cleaned.strip():
        return None
    if len(cleaned) > MAX_RATIONALE:
        raise InputError(f"a rationale holds at most {MAX_RATIONALE} characters, this one"
                         f" {len(cleaned)}")
    if "\x00" in cleaned:
        raise InputError("a rationale cannot hold NUL characters")
    return cleaned


# ------------------------------------------------------------ reading them back


def rationale_of(history: list[dict]) -> dict | None:
    """The claim's rationale from its history: {"text", "at", "editor"}, or None."""
    for e in reversed(history or ()):
        details = e.get("details") or {}
        if "rationale" in details:
            if details["rationale"] != "set" or not e.get("note"):
                return None
            return {"text": e["note"], "at": e["at"], "editor": e["editor"]}
    return None


def is_verdict_event(event: dict) -> bool:
    """A label, rating or rationale event: recorded as a note, but not one of the notes."""
    details = event.get("details") or {}
    return "label" in details or "rationale" in details


def decided_at(history: list[dict], status: str) -> tuple[str | None, str | None]:
    """When and by whom the claim's current verdict was given: the last status change to
    its status, or the last rating (whichever came later)."""
    for e in reversed(history or ()):
        details = e.get("details") or {}
        if (e["action"] in ("status", "undo") and e["to"] == status) or "label" in details:
            return e["at"], e["editor"]
    return None, None


def take_back(store: Store, claim_id: int, status: str, label: str | None, *,
              editor: str | None = None, note: str | None = None,
              expected_version: int | None = None) -> dict:
    """Undo a rating: the status and the label it replaced, in one transaction; one event
    (action ``undo``, the label put back in its details). Returns the event."""
    editor = editor or default_editor()
    with store.transaction() as conn:
        before = store.claim_for_update(conn, claim_id, expected_version)
        at = now()
        conn.execute("UPDATE claims SET status = ?, verdict_label = ?, version = version + 1,"
                     " updated_at = ?, updated_by = ? WHERE id = ?",
                     (status, label, at, editor, claim_id))
        return store.record_event(conn, claim_id, at, editor, "undo", before, status, note,
                                  details={"label": label})
