"""Modal screens: help, note, rating, rationale, article picker, import, stance, source
record, new source, export."""

from __future__ import annotations

import re

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from ..text.display import printable
from ..text.formatting import web_url


class HelpScreen(ModalScreen[None]):
    """Every key, from the desk's table of actions (actions.py), as the bindings are."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close")]

    def __init__(self, rows: list[tuple[str, str, str]]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        text = Text()
        text.append("factcheck: keys\n\n", style="bold")
        group = None
        for where, keys, description in self.rows:
            if where != group:
                text.append(f"{where}\n", style="bold underline")
                group = where
            text.append(f"  {keys:<18}", style="bold cyan")
            text.append(f"{description}\n")
        text.append("\nctrl+p opens the command palette with every action. Esc closes this.",
                    style="dim")
        with VerticalScroll(id="help-body", classes="dialog"):
            yield Static(text)


class NoteScreen(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, claim_text: str) -> None:
        super().__init__()
        self.claim_text = claim_text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Note on the claim (Enter saves, Esc cancels)")
            yield Static(Text(self.claim_text[:300], style="dim"), classes="quote")
            yield Input(placeholder="why, on what source…", id="note-input")

    @on(Input.Submitted)
    def _save(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        self.dismiss(value or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class RatingScreen(ModalScreen[str | None]):
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


class RationaleScreen(ModalScreen[str | None]):
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
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ArticlePicker(ModalScreen[int | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

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
                t.append(a["title"], style="bold" if a["id"] == self.current else "")
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

    def action_cancel(self) -> None:
        self.dismiss(None)


class ImportScreen(ModalScreen[tuple[str, str | None] | None]):
    """Ask for a file to import; the app does the import and reports back."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Import an article (.txt, .md, .html)")
            yield Input(placeholder="path to the file", id="import-path")
            yield Input(placeholder="title (optional)", id="import-title")
            yield Static("", id="import-error")

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        path = self.query_one("#import-path", Input).value.strip()
        if not path:
            self.query_one("#import-path", Input).focus()
            self.show_error("give the path of a file")
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


class StanceScreen(ModalScreen[str | None]):
    """s supports, r refutes, c context."""

    BINDINGS = [
        Binding("s", "choose('supports')", "Supports"),
        Binding("r", "choose('refutes')", "Refutes"),
        Binding("c", "choose('context')", "Context"),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, title: str) -> None:
        super().__init__()
        self.source_title = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Link this source as…")
            yield Static(Text(self.source_title[:200], style="bold"))
            with Horizontal(classes="buttons"):
                yield Button("s  supports", id="supports", variant="success")
                yield Button("r  refutes", id="refutes", variant="error")
                yield Button("c  context", id="context", variant="primary")

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)

    def action_choose(self, stance: str) -> None:
        self.dismiss(stance)

    def action_cancel(self) -> None:
        self.dismiss(None)


class RecordScreen(ModalScreen[None]):
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
                t.append(f"{self.record[key]}\n")
        if self.record.get("text"):
            t.append("\n")
            t.append(str(self.record["text"]))
        with VerticalScroll(classes="dialog"):
            yield Static(t)


class AddSourceScreen(ModalScreen[dict | None]):
    """A new source by hand: URL and title required, the rest optional."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    FIELDS = [("url", "URL (required)"), ("title", "title (required)"),
              ("publisher", "publisher"), ("published", "published (YYYY-MM-DD)"),
              ("language", "language (fr, en…)"), ("text", "excerpt or summary")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Add a source (Enter on the last field saves, Esc cancels)")
            for name, placeholder in self.FIELDS:
                yield Input(placeholder=placeholder, id=f"src-{name}")
            yield Static("", id="src-error")

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        values = {name: self.query_one(f"#src-{name}", Input).value.strip()
                  for name, _ in self.FIELDS}
        problem = validate_source(values)
        if event.input.id != "src-text" and not problem:
            self.focus_next()
            return
        if problem:
            self.query_one("#src-error", Static).update(Text(problem, style="bold red"))
            return
        self.dismiss({k: v or None for k, v in values.items()})

    def action_cancel(self) -> None:
        self.dismiss(None)


def validate_source(values: dict) -> str | None:
    url = values.get("url") or ""
    if not re.match(r"^https?://[^\s/]+\.[^\s]+", url):
        return "the URL must start with http:// or https:// and name a host"
    if not values.get("title"):
        return "a title is required"
    published = values.get("published") or ""
    if published and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", published):
        return "published must be a date: YYYY-MM-DD"
    language = values.get("language") or ""
    if language and not re.fullmatch(r"[a-zA-Z]{2,3}(-[a-zA-Z]{2})?", language):
        return "language must be a code such as fr or en"
    return None


EXPORT_FORMATS = [("h", "html", "HTML page"), ("m", "md", "Markdown"), ("c", "csv", "CSV"),
                  ("j", "json", "JSON"), ("r", "claimreview", "ClaimReview JSON-LD")]
AUDIENCE_KEYS = {"p": "public", "i": "internal"}


class ExportScreen(ModalScreen[dict | None]):
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
        with Vertical(classes="dialog"):
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
