"""Modal screens: help, note, rating, rationale, article picker, import, stance, source
record, new source, export, claim text, split, label, confirmation."""

from __future__ import annotations

import re
from datetime import date

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from ..text.display import printable
from ..text.formatting import web_url
from ..text.words import MONTHS_EN, MONTHS_FR


class DialogBody(VerticalScroll, can_focus=False):
    """A dialog's body that scrolls when the terminal is too short for it (an 80x24 one),
    and is never itself a stop of Tab or focus_next: the fields are."""


class Dialog(ModalScreen):
    """A modal that is dismissed once, and only ever takes itself off the screen.

    Textual's ``dismiss`` pops whatever screen is on top: a dialog dismissed twice (Enter
    pressed twice before the first dismissal is done) or while another screen was pushed
    over it (the command palette) would take that other screen off instead, and leave
    itself, invisible under the desk's refresh, holding the focus and the keys."""

    _dismissed = False

    def dismiss(self, result=None):
        if self._dismissed:
            return None
        if self.app.screen is not self:
            # something is on top of it: come back once it is gone
            self.app.call_later(self._dismiss_when_on_top, result)
            return None
        self._dismissed = True
        done = super().dismiss(result)
        closed = getattr(self.app, "dialog_closed", None)
        if closed is not None:
            self.app.call_later(closed)
        return done

    def _dismiss_when_on_top(self, result) -> None:
        if self._dismissed or not self.is_attached:
            return
        if self.app.screen is self:
            self.dismiss(result)
        else:
            self.set_timer(0.05, lambda: self._dismiss_when_on_top(result))

    async def action_dismiss(self, result=None) -> None:
        self.dismiss(result)


class HelpScreen(Dialog):
    """Every key, from the desk's table of actions (actions.py), as the bindings are, and
    what every mark of the list and the panes means."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close"),
                Binding("j,down", "scroll('down')", "Down", show=False),
                Binding("k,up", "scroll('up')", "Up", show=False)]

    def __init__(self, rows: list[tuple[str, str, str]],
                 marks: tuple[tuple[str, str], ...] = ()) -> None:
        super().__init__()
        self.rows = rows
        self.marks = marks

    def compose(self) -> ComposeResult:
        from rich.console import Group
        from rich.table import Table

        table = Table.grid(padding=(0, 2))
        table.add_column(no_wrap=True, style="bold cyan")
        table.add_column(ratio=1)  # the descriptions wrap in their own column
        group = None
        for where, keys, description in self.rows:
            if where != group:
                table.add_row(Text(where, style="bold underline"), "")
                group = where
            table.add_row(f"  {keys}", Text(description))
        if self.marks:
            table.add_row(Text("Marks", style="bold underline"), "")
            for mark, meaning in self.marks:
                table.add_row(f"  {mark}", Text(meaning))
        with VerticalScroll(id="help-body", classes="dialog"):
            yield Static(Group(Text("factcheck: keys and marks\n", style="bold"), table,
                               Text("\nctrl+p opens the command palette with every action."
                                    " j/k scroll, Esc closes this.", style="dim")),
                         id="help-text")

    def action_scroll(self, where: str) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        body.scroll_relative(y=1 if where == "down" else -1, animate=False)


class NoteScreen(Dialog):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, claim_text: str) -> None:
        super().__init__()
        self.claim_text = claim_text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Note on the claim (Enter saves, Esc cancels)")
            yield Static(Text(printable(self.claim_text[:300]), style="dim"), classes="quote")
            yield Input(placeholder="why, on what source…", id="note-input")

    @on(Input.Submitted)
    def _save(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        self.dismiss(value or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class RatingScreen(Dialog):
    """The newsroom's scale: a digit (or Enter on a rating) picks one, Esc cancels.

    Gives the rating's name; the app rates the claim with it (verdicts.rate)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, claim_text: str, ratings: list[tuple[str, str, str]],
                 current: int | None = None) -> None:
        """``ratings``: (name, status it sets, its ClaimReview number or "—"), in order."""
        super().__init__()
        self.claim_text = claim_text
        self.ratings = ratings[:9]
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Rate the claim (a digit picks, Enter on a rating, Esc cancels)")
            yield Static(Text(printable(self.claim_text[:300]), style="dim"), classes="quote")
            options = []
            for i, (name, status, value) in enumerate(self.ratings, 1):
                t = Text()
                t.append(f"{i}  ", style="bold cyan")
                t.append(printable(name, one_line=True), style="bold")
                t.append(f"   sets {status} · ClaimReview {value}", style="dim")
                options.append(Option(t, id=str(i - 1)))
            yield OptionList(*options, id="rating-list")

    def on_mount(self) -> None:
        ratings = self.query_one(OptionList)
        if self.current is not None:
            ratings.highlighted = self.current
        ratings.focus()

    def on_key(self, event) -> None:
        if event.character and event.character.isdigit():
            index = int(event.character) - 1
            if 0 <= index < len(self.ratings):
                event.stop()
                self.dismiss(self.ratings[index][0])

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.ratings[int(event.option.id)][0])

    def action_cancel(self) -> None:
        self.dismiss(None)


class RationaleScreen(Dialog):
    """The rationale readers see, in a multi-line editor: ctrl+s saves (an empty text
    removes it), Esc cancels. Gives the text, or None when cancelled."""

    BINDINGS = [Binding("ctrl+s", "save", "Save", priority=True),
                Binding("escape", "cancel", "Cancel", priority=True)]

    def __init__(self, claim_text: str, rationale: str | None) -> None:
        super().__init__()
        self.claim_text = claim_text
        self.rationale = rationale or ""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="rationale-dialog"):
            yield Label("Why this verdict: the rationale readers see (ctrl+s saves, Esc"
                        " cancels)")
            yield Static(Text(printable(self.claim_text[:300]), style="dim"), classes="quote")
            yield TextArea(self.rationale, id="rationale-text", soft_wrap=True,
                           tab_behavior="focus", show_line_numbers=False,
                           placeholder="What the sources say, and why it makes the claim"
                                       " true, false or misleading…")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        # ctrl+s is a priority key: the app runs it at once, while keys typed or pasted
        # just before it may still wait in the editor's own queue.  Read the text from
        # that queue's far end, once they are in.
        area = self.query_one(TextArea)
        area.call_later(self._save, area)

    def _save(self, area: TextArea) -> None:
        if self.is_current:  # (not dismissed meanwhile by a second ctrl+s or Esc)
            self.dismiss(area.text)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ArticlePicker(Dialog):
    BINDINGS = [Binding("escape", "cancel", "Cancel"),
                Binding("j", "move('down')", "Down", show=False),
                Binding("k", "move('up')", "Up", show=False)]

    def __init__(self, articles: list[dict], current: int | None) -> None:
        super().__init__()
        self.articles = articles
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Articles (Enter opens, Esc cancels)")
            options = []
            for a in self.articles:
                t = Text()
                t.append(f"{a['id']:>4}  ", style="dim")
                t.append(printable(a["title"], one_line=True),
                         style="bold" if a["id"] == self.current else "")
                t.append(f"  {a['language']} · {a['claims']} claims · {a['pending']} pending",
                         style="dim")
                options.append(Option(t, id=str(a["id"])))
            yield OptionList(*options, id="article-list")

    def on_mount(self) -> None:
        lst = self.query_one(OptionList)
        for i, a in enumerate(self.articles):
            if a["id"] == self.current:
                lst.highlighted = i

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id))

    def action_move(self, where: str) -> None:
        lst = self.query_one(OptionList)
        lst.action_cursor_down() if where == "down" else lst.action_cursor_up()

    def action_cancel(self) -> None:
        self.dismiss(None)


class ImportScreen(Dialog):
    """Ask for a file or a web address to import; the app does the import (fetching the
    page in a worker) and reports back."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def compose(self) -> ComposeResult:
        from ..web import offline_requested  # deferred: start-up

        with Vertical(classes="dialog"):
            yield Label("Import an article: a file (.txt, .md, .html) or a web address"
                        + (" (offline: files only)" if offline_requested() else ""))
            yield Input(placeholder="path to the file, or https://…", id="import-path")
            yield Input(placeholder="title (optional)", id="import-title")
            yield Static("", id="import-error")

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        path = self.query_one("#import-path", Input).value.strip()
        if not path:
            self.query_one("#import-path", Input).focus()
            self.show_error("give the path of a file, or a web address")
            return
        from ..web import is_url, offline_requested  # deferred: start-up

        if is_url(path) and offline_requested():
            self.query_one("#import-path", Input).focus()
            self.show_error("offline (--offline or FACTCHECK_OFFLINE): web pages are not "
                            "fetched; give a file")
            return
        if event.input.id == "import-path":
            self.query_one("#import-title", Input).focus()
            return
        title = self.query_one("#import-title", Input).value.strip() or None
        self.dismiss((path, title))

    def show_error(self, message: str) -> None:
        self.query_one("#import-error", Static).update(Text(message, style="bold red"))

    def action_cancel(self) -> None:
        self.dismiss(None)


class StanceScreen(Dialog):
    """s supports, r refutes, c context."""

    BINDINGS = [
        Binding("s", "choose('supports')", "Supports"),
        Binding("r", "choose('refutes')", "Refutes"),
        Binding("c", "choose('context')", "Context"),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, title: str, skip: str = "Esc cancels") -> None:
        super().__init__()
        self.source_title = title
        self.skip = skip

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Link this source to the claim as…")
            yield Static(Text(printable(self.source_title[:200], one_line=True), style="bold"))
            with Horizontal(classes="buttons"):
                yield Button("s  supports", id="supports", variant="success")
                yield Button("r  refutes", id="refutes", variant="error")
                yield Button("c  context", id="context", variant="primary")
            yield Static(Text(self.skip, style="dim"))

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)

    def action_choose(self, stance: str) -> None:
        self.dismiss(stance)

    def action_cancel(self) -> None:
        self.dismiss(None)


class RecordScreen(Dialog):
    """A source's full record, as stored."""

    BINDINGS = [Binding("escape,q,o", "dismiss", "Close")]

    def __init__(self, record: dict) -> None:
        super().__init__()
        self.record = record

    def compose(self) -> ComposeResult:
        t = Text()
        for key in ("id", "title", "url", "original_url", "publisher", "published", "language",
                    "reliability", "notes", "added_at", "updated_at"):
            if self.record.get(key) not in (None, ""):
                t.append(f"{key:<13}", style="bold")
                t.append(f"{printable(self.record[key], one_line=True)}\n")
        if self.record.get("text"):
            t.append("\n")
            t.append(printable(self.record["text"]))
        with VerticalScroll(classes="dialog"):
            yield Static(t)


class AddSourceScreen(Dialog):
    """A new source: typed in, or fetched from its URL (Enter on the URL with the title
    empty fetches the page and fills title, publisher, date, language and text). Its result
    is {"values": the form, "fetched": (page, document) or None}."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    FIELDS = [("url", "URL (required; Enter fetches the page unless offline)"),
              ("title", "title (required)"), ("publisher", "publisher"),
              ("published", "published (2025-06-13, 13/06/2025 or 13 juin 2025)"),
              ("language", "language (fr, en…)"), ("text", "excerpt or summary")]

    class Fetched(Message):
        def __init__(self, url: str, page, doc, error: str | None) -> None:
            self.url, self.page, self.doc, self.error = url, page, doc, error
            super().__init__()

    def __init__(self) -> None:
        super().__init__()
        self.fetched = None  # (page, document) of the URL in the form, once fetched
        self.fetched_url: str | None = None

    def compose(self) -> ComposeResult:
        with DialogBody(classes="dialog"):
            yield Label("Add a source (Enter on the last field saves, Esc cancels)")
            for name, placeholder in self.FIELDS:
                yield Input(placeholder=placeholder, id=f"src-{name}")
            yield Static("", id="src-error")

    def _say(self, message: str, style: str = "bold red") -> None:
        self.query_one("#src-error", Static).update(Text(printable(message), style=style))

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        values = {name: self.query_one(f"#src-{name}", Input).value.strip()
                  for name, _ in self.FIELDS}
        if event.input.id == "src-url" and not values["title"] and values["url"]:
            from ..web import is_url, offline_requested  # deferred: start-up

            if is_url(values["url"]) and not offline_requested():
                self._say("fetching the page…", "dim")
                self._fetch(values["url"])
                return
        problem = validate_source(values)
        if event.input.id != "src-text" and not problem:
            self.focus_next()
            return
        if problem:
            self._say(problem)
            return
        values["published"] = parse_date(values["published"]) if values["published"] else ""
        fetched = self.fetched if self.fetched_url == values["url"] else None
        self.dismiss({"values": {k: v or None for k, v in values.items()},
                      "fetched": fetched})

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _fetch(self, url: str) -> None:
        from ..errors import FactcheckError  # deferred: start-up
        from ..ingest import fetch_document  # deferred: start-up

        try:
            page, doc = fetch_document(url)
        except FactcheckError as exc:
            self.post_message(self.Fetched(url, None, None, str(exc)))
        except Exception as exc:  # one clear line, never a dead form
            self.post_message(self.Fetched(url, None, None, f"{type(exc).__name__}: {exc}"))
        else:
            self.post_message(self.Fetched(url, page, doc, None))

    @on(Fetched)
    def _fetched(self, found: Fetched) -> None:
        if found.error:
            self._say(found.error)
            return
        self.fetched, self.fetched_url = (found.page, found.doc), found.url
        doc = found.doc
        for name, value in (("title", doc.title), ("publisher", doc.site_name),
                            ("published", doc.published), ("language", doc.language),
                            ("text", " ".join(doc.text.split())[:2000])):
            box = self.query_one(f"#src-{name}", Input)
            if value and not box.value.strip():
                box.value = printable(value, one_line=True)
        self._say(f"fetched {found.page.final_url}: check the fields, Enter on the last saves",
                  "green")
        self.query_one("#src-title", Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)


_MONTHS = {m: i for i, m in enumerate(MONTHS_FR, 1)} | {
    m: i for i, m in enumerate(MONTHS_EN, 1)} | {"aout": 8, "fevrier": 2, "decembre": 12,
                                                  "sept": 9, "sep": 9}


def parse_date(text: str) -> str | None:
    """A date as an editor types it, as YYYY-MM-DD (or YYYY-MM, YYYY): 2025-06-13,
    13/06/2025, 13 juin 2025, 1er juin 2025, June 13, 2025. None if it is not one."""
    text = " ".join(text.strip().lower().replace(",", " ").split())
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", text)
    if m:
        y, mo, d = m.group(1), m.group(2), m.group(3)
    else:
        m = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", text)
        if m:
            d, mo, y = m.groups()
        else:
            m = (re.fullmatch(r"(\d{1,2})(?:er)? ([a-zéû.]+) (\d{4})", text)
                 or re.fullmatch(r"([a-zéû.]+) (\d{1,2})(?:st|nd|rd|th)? (\d{4})", text))
            if not m:
                return None
            first, second, y = m.groups()
            d, word = (first, second) if first.isdigit() else (second, first)
            word = word.rstrip(".")
            month = _MONTHS.get(word) or next(
                (n for name, n in _MONTHS.items() if len(word) >= 3 and name.startswith(word)),
                None)
            if month is None:
                return None
            mo = str(month)
    try:
        if d:
            return date(int(y), int(mo), int(d)).isoformat()
        if mo:
            return date(int(y), int(mo), 1).isoformat()[:7]
        return f"{int(y):04d}"
    except ValueError:
        return None


def validate_source(values: dict) -> str | None:
    url = values.get("url") or ""
    if not re.match(r"^https?://[^\s/]+\.[^\s]+", url):
        return "the URL must start with http:// or https:// and name a host"
    if not values.get("title"):
        return "a title is required (or leave it empty on the URL and press Enter to fetch it)"
    published = values.get("published") or ""
    if published and parse_date(published) is None:
        return "published must be a date: 2025-06-13, 13/06/2025 or 13 juin 2025"
    language = values.get("language") or ""
    if language and not re.fullmatch(r"[a-zA-Z]{2,3}(-[a-zA-Z]{2})?", language):
        return "language must be a code such as fr or en"
    return None


class ClaimTextScreen(Dialog):
    """A claim's text to edit, or a new claim to write: Enter saves, Esc cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, label: str, text: str) -> None:
        super().__init__()
        self.label, self.text = label, text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.label)
            yield Input(value=printable(self.text, one_line=True), id="claim-text")
            yield Static("", id="claim-error")

    @on(Input.Submitted)
    def _save(self, event: Input.Submitted) -> None:
        value = " ".join(event.value.split())
        if not value:
            self.query_one("#claim-error", Static).update(
                Text("a claim needs some words (H hides a claim that is not one)",
                     style="bold red"))
            return
        self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class SplitScreen(Dialog):
    """Where to cut a claim: the cursor goes where the second part starts, Enter cuts."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = " ".join(text.split())

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Split the claim: move the cursor (←/→, ctrl+←/→ by word) to where"
                        " the second claim starts, then Enter. Esc cancels.")
            yield Input(value=printable(self.text, one_line=True), id="split-text")
            yield Static("", id="split-where")

    def on_mount(self) -> None:
        box = self.query_one("#split-text", Input)
        # a guess: after the first comma or semicolon past the first third, else the middle
        third = len(self.text) // 3
        cut = next((m.end() for m in re.finditer(r"[,;:] ", self.text) if m.start() >= third),
                   len(self.text) // 2)
        box.cursor_position = cut
        box.focus()

    @on(Input.Changed)
    def _keep_text(self, event: Input.Changed) -> None:
        if event.value != printable(self.text, one_line=True):  # the words are not edited here
            event.input.value = printable(self.text, one_line=True)

    @on(Input.Submitted)
    def _cut(self, event: Input.Submitted) -> None:
        at = event.input.cursor_position
        head, tail = self.text[:at].strip(), self.text[at:].strip()
        if not head or not tail:
            self.query_one("#split-where", Static).update(
                Text("put the cursor inside the text: each part needs some words",
                     style="bold red"))
            return
        self.dismiss(at)

    def action_cancel(self) -> None:
        self.dismiss(None)


class LabelScreen(Dialog):
    """A claim's verdict label: Enter saves (empty clears it), Esc cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, claim_text: str, label: str) -> None:
        super().__init__()
        self.claim_text, self.label = claim_text, label

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Verdict label (Trompeur, Mostly true…): Enter saves, empty clears,"
                        " Esc cancels")
            yield Static(Text(printable(self.claim_text[:300]), style="dim"), classes="quote")
            yield Input(value=printable(self.label, one_line=True), id="label-input")

    @on(Input.Submitted)
    def _save(self, event: Input.Submitted) -> None:
        self.dismiss(" ".join(event.value.split()))

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmScreen(Dialog):
    """A yes or no question: y, n (or Esc)."""

    BINDINGS = [Binding("y", "answer(True)", "Yes"), Binding("n,escape", "answer(False)", "No")]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.question, style="bold"))

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


EXPORT_FORMATS = [("h", "html", "HTML page"), ("m", "md", "Markdown"), ("c", "csv", "CSV"),
                  ("j", "json", "JSON"), ("r", "claimreview", "ClaimReview JSON-LD")]
AUDIENCE_KEYS = {"p": "public", "i": "internal"}


class ExportScreen(Dialog):
    """Choose a format (h m c j r), the audience (p public, i internal) and a path; Enter
    exports. The newsroom's name and address are asked for here while the settings have
    none (they are kept); a file that exists is replaced only after a second Enter.

    Gives {"format", "path", "audience", "org_name", "org_url"} (the org_* only when they
    were typed here), or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, default_stem: str, extensions: dict[str, str],
                 audiences: dict[str, tuple[str, ...]], org_name: str | None = None,
                 org_url: str | None = None) -> None:
        super().__init__()
        self.default_stem = default_stem
        self.extensions = extensions
        self.audiences = audiences  # per format; the first is its default
        self.format = "html"
        self.audience = audiences["html"][0]
        self.org_name, self.org_url = org_name, org_url
        self.ask_org = not (org_name and web_url(org_url))
        self._replace: str | None = None  # the existing file a second Enter replaces

    def compose(self) -> ComposeResult:
        with DialogBody(classes="dialog"):
            yield Label("Export the verification report")
            options = [Option(Text.assemble((f"{key}  ", "bold cyan"), (label, "")), id=fmt)
                       for key, fmt, label in EXPORT_FORMATS]
            yield OptionList(*options, id="export-format")
            yield Static(self._audience_text(), id="export-audience")
            if self.ask_org:
                yield Input(value=self.org_name or "", id="export-org-name",
                            placeholder="the newsroom's name (kept for the next reports)")
                yield Input(value=self.org_url or "", id="export-org-url",
                            placeholder="its address, https://… (ClaimReview needs it)")
            yield Input(value=self._path_for("html"), id="export-path")
            yield Static(Text("Enter on a format picks it; Enter in the path exports.",
                              style="dim"), id="export-message")

    def _audience_text(self) -> Text:
        t = Text()
        for key, audience in AUDIENCE_KEYS.items():
            allowed = audience in self.audiences[self.format]
            chosen = audience == self.audience
            t.append(f" {key} ", style="bold cyan" if allowed else "dim")
            t.append(f"{audience}{' ✓' if chosen else ''}   ",
                     style=("bold" if chosen else "") if allowed else "dim strike")
        t.append("readers see the public report; the internal one is the desk's record",
                 style="dim")
        return t

    def _path_for(self, fmt: str) -> str:
        return f"{self.default_stem}{self.extensions[fmt]}"

    def on_key(self, event) -> None:
        if isinstance(self.focused, Input):
            return
        for key, fmt, _ in EXPORT_FORMATS:
            if event.key == key:
                self._pick(fmt)
                event.stop()
                return
        if event.key in AUDIENCE_KEYS:
            event.stop()
            self._set_audience(AUDIENCE_KEYS[event.key])

    def _set_audience(self, audience: str) -> None:
        if audience not in self.audiences[self.format]:
            self._say(f"{self.format} is for the {self.audiences[self.format][0]} audience"
                      " only", error=True)
            return
        self.audience = audience
        self.query_one("#export-audience", Static).update(self._audience_text())

    def _pick(self, fmt: str) -> None:
        path_box = self.query_one("#export-path", Input)
        stem = path_box.value
        for ext in self.extensions.values():
            if stem.endswith(ext):
                stem = stem[: -len(ext)]
                break
        self.format = fmt
        if self.audience not in self.audiences[fmt]:
            self.audience = self.audiences[fmt][0]
        self.query_one("#export-audience", Static).update(self._audience_text())
        path_box.value = stem + self.extensions[fmt]
        path_box.focus()

    def _say(self, message: str, error: bool = False) -> None:
        self.query_one("#export-message", Static).update(
            Text(printable(message, one_line=True), style="bold red" if error else "bold"))

    @on(OptionList.OptionSelected, "#export-format")
    def _format_chosen(self, event: OptionList.OptionSelected) -> None:
        self._pick(event.option.id)

    @on(Input.Submitted, "#export-org-name")
    def _org_name_done(self, event: Input.Submitted) -> None:
        self.query_one("#export-org-url", Input).focus()

    @on(Input.Submitted, "#export-org-url")
    def _org_url_done(self, event: Input.Submitted) -> None:
        self.query_one("#export-path", Input).focus()

    @on(Input.Submitted, "#export-path")
    def _go(self, event: Input.Submitted) -> None:
        from pathlib import Path

        path = event.value.strip()
        if not path:
            return
        answer = {"format": self.format, "path": path, "audience": self.audience,
                  "org_name": None, "org_url": None}
        if self.ask_org:
            name = " ".join(self.query_one("#export-org-name", Input).value.split())
            url = self.query_one("#export-org-url", Input).value.strip()
            if url and not web_url(url):
                self._say("the newsroom's address must start with http:// or https://",
                          error=True)
                self.query_one("#export-org-url", Input).focus()
                return
            if self.format == "claimreview" and not (name and url):
                self._say("ClaimReview names the newsroom and its address: fill both in",
                          error=True)
                self.query_one("#export-org-name" if not name else "#export-org-url",
                               Input).focus()
                return
            answer.update(org_name=name or None, org_url=url or None)
        target = Path(path).expanduser()
        if target.is_dir():
            self._say(f"{path} is a folder: give a file name", error=True)
            return
        if target.exists() and self._replace != path:
            self._replace = path
            self._say(f"{path} exists: Enter again replaces it (or change the name)")
            return
        self.dismiss(answer)

    def action_cancel(self) -> None:
        self.dismiss(None)
