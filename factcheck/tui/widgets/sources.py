"""The sources pane: the shown claim's match in the archive, linked and suggested sources."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from .. import actions
from . import panes
from .detail import FixedSizeScrolling


class SourcesPane(FixedSizeScrolling, OptionList):
    """Linked and suggested sources; new ones repaint the pane, never the screen's layout.

    ``entries`` are what the options show, as (kind, record) with kind "archive",
    "linked" or "suggested"; ``claim_id`` the claim they belong to."""

    BINDINGS = actions.bindings(actions.SOURCES)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: list[tuple[str, dict]] = []
        self.claim_id: int | None = None
        self._shown: tuple | None = None  # what show_sources was given, to lay out again
        self._width = 0

    def show_sources(self, claim_id: int | None, linked: list[dict], suggested: list[dict],
                     checked: dict | None = None, empty: str = "",
                     keep_source: int | None = None) -> None:
        """Show a claim's sources, those that give one of its figures differently first;
        `empty` says what to do when there is none; the highlight stays on `keep_source`
        (a source just linked), else on the source it was on for the same claim."""
        if keep_source is None and claim_id == self.claim_id:
            current = self.selected()
            if current is not None and current[0] != "archive":
                keep_source = current[1].get("source_id") or current[1].get("id")
        # stable: within each kind, the ranking the look-up gave
        linked = sorted(linked, key=lambda s: not panes.conflicting(s))
        suggested = sorted(suggested, key=lambda s: not panes.conflicting(s))
        entries: list[tuple[str, dict]] = []
        if checked:
            entries.append(("archive", checked))
        entries += [("linked", s) for s in linked]
        entries += [("suggested", s) for s in suggested]
        self._shown = (claim_id, linked, suggested, checked, empty)
        self._width = width = self._line_width()
        self.clear_options()
        self.entries = entries
        self.claim_id = claim_id
        items: list[Option] = []
        for i, (kind, s) in enumerate(entries):
            prompt = (panes.linked_prompt(s) if kind == "linked" else
                      panes.archive_prompt(s) if kind == "archive" else
                      panes.suggestion_prompt(s))
            items.append(Option(_fitted(prompt, width), id=str(i)))
        if items and not suggested:  # the relevance floor let no suggestion through
            items.append(Option(Text("No other source in the store bears on this claim.",
                                     style="dim"), disabled=True))
        if items:
            self.add_options(items)
            self.highlighted = next(
                (i for i, (kind, s) in enumerate(entries) if kind != "archive"
                 and keep_source is not None
                 and (s.get("source_id") or s.get("id")) == keep_source), 0)
        else:
            self.add_option(Option(Text(empty, style="dim"), disabled=True))
        title = "Sources"
        if items:
            title += f" · {len(linked)} linked · {len(suggested)} suggested"
            clash = sum(1 for s in (*linked, *suggested) if panes.conflicting(s))
            if clash:
                title += f" · {clash} conflicting"
        self.border_title = title

    def _line_width(self) -> int:
        """How many cells a line of an option has: its lines are cut to it, so a long title
        ends with … instead of going on at the pane's left edge."""
        return max(20, self.scrollable_content_region.width - 1)

    def on_resize(self, event: events.Resize) -> None:
        if self._shown is not None and self._line_width() != self._width:
            claim_id, linked, suggested, checked, empty = self._shown
            self.show_sources(claim_id, linked, suggested, checked, empty)

    def selected(self) -> tuple[str, dict] | None:
        """The highlighted entry, as (kind, record)."""
        if self.highlighted is None or self.highlighted >= len(self.entries):
            return None
        return self.entries[self.highlighted]


def _fitted(prompt: Text, width: int) -> Text:
    """Each line of a prompt cut to ``width`` cells, with an ellipsis where it was cut."""
    lines = prompt.split("\n", allow_blank=True)
    for line in lines:
        line.truncate(width, overflow="ellipsis")
    return Text("\n").join(lines)
