"""Every action of the desk, once: its keys, where they work, and how it is described.

The bindings of the app, of the claim list and of the sources pane, the help screen's
rows and the command palette's entries are all built from ``ACTIONS``, so none of them
can miss an action the others have.
"""

from __future__ import annotations

from typing import NamedTuple

from textual.binding import Binding

# where an action's keys work: the help screen's groups, in its order
CLAIMS, DESK, SOURCES, EVERYWHERE = "Claims list", "Desk", "Sources pane", "Everywhere"
GROUPS = (CLAIMS, DESK, SOURCES, EVERYWHERE)


class Action(NamedTuple):
    keys: str  # Textual key names, comma-separated ("down,j"); free text when not bound
    action: str  # a Textual action string: "mark('verified')", "app.open_source"
    where: str  # one of GROUPS
    label: str  # the word on the key bar
    help: str  # the help screen's line
    title: str | None = None  # in the command palette; None: not there
    palette_help: str = ""
    show: bool = True  # on the key bar
    bound: bool = True  # False: a key Textual handles itself (tab, enter in a list)
    id: str | None = None  # the binding's id, for keymaps

    def binding(self) -> Binding:
        return Binding(self.keys, self.action, self.label, show=self.show, id=self.id)

    @property
    def key_text(self) -> str:
        """The keys as the help screen shows them."""
        if not self.bound:
            return self.keys
        return ", ".join(key.replace("question_mark", "?").replace("slash", "/")
                         for key in self.keys.split(","))


def _mark(status: str, key: str) -> Action:
    return Action(key, f"mark('{status}')", DESK, status.capitalize(),
                  f"mark {status}, then go to the next claim", f"Mark {status}",
                  f"Mark the selected claim {status} and move on", id=f"mark.{status}")


ACTIONS: tuple[Action, ...] = (
    Action("down,j", "cursor_down", CLAIMS, "Down", "next claim", "Next claim",
           "Move to the next claim in the list", show=False),
    Action("up,k", "cursor_up", CLAIMS, "Up", "previous claim", "Previous claim",
           "Move to the previous claim in the list", show=False),
    Action("g,home", "first", CLAIMS, "First", "first claim", "First claim",
           "Move to the first claim in the list", show=False),
    Action("G,end", "last", CLAIMS, "Last", "last claim", "Last claim",
           "Move to the last claim in the list", show=False),
    Action("pagedown", "page_down", CLAIMS, "Page down", "a page down", "Page down",
           "Move a page down the list", show=False),
    Action("pageup", "page_up", CLAIMS, "Page up", "a page up", "Page up",
           "Move a page up the list", show=False),
    _mark("verified", "v"),
    _mark("disputed", "d"),
    _mark("pending", "p"),
    Action("t", "rate", DESK, "Rate",
           "rate the claim on the newsroom's scale: a digit picks the rating (its status"
           " follows)", "Rate on the scale",
           "Give the selected claim a rating of the scale (Vrai, Trompeur…)", id="rate"),
    Action("w", "rationale", DESK, "Why",
           "write the rationale readers see with the verdict (ctrl+s saves, Esc cancels)",
           "Write the rationale", "Edit the explanation published with the claim's verdict",
           id="rationale"),
    Action("u", "undo", DESK, "Undo",
           "undo this session's last change (again and again); kept in the history",
           "Undo", "Undo the last change of this session", id="undo"),
    Action("n", "note", DESK, "Note", "add a note to the claim (Esc cancels)",
           "Add a note", "Add a note to the selected claim", id="note"),
    Action("slash", "filter_text", DESK, "Filter", "filter the claims by text",
           "Filter by text", "Show only claims containing some text", id="filter"),
    Action("f", "cycle_status", DESK, "Status",
           "status filter: all → pending → verified → disputed", "Cycle status filter",
           "all → pending → verified → disputed", id="status_filter"),
    Action("s", "toggle_sort", DESK, "Sort", "sort by position or by check-worthiness",
           "Toggle sort", "Article order or check-worthiness", id="sort"),
    Action("r", "reuse_verdict", DESK, "Reuse",
           "apply a verdict given before: same fact on the desk, else the archive",
           "Reuse a verdict",
           "Apply a verdict given before: same fact on the desk, else the archive",
           id="reuse"),
    Action("e", "export", DESK, "Export",
           "export the report: choose the format (h m c j r) and the file", "Export report",
           "Write the report as HTML, Markdown, CSV, JSON or ClaimReview", id="export"),
    Action("A", "articles", DESK, "Articles", "switch article", "Switch article",
           "Pick another article", show=False, id="articles"),
    Action("i", "import_article", DESK, "Import", "import an article from a file",
           "Import article", "Import a .txt, .md or .html file", id="import"),
    Action("question_mark", "help", DESK, "Help", "this screen", "Keys", "Show every key",
           id="help"),
    Action("q", "quit", DESK, "Quit", "quit (every change is already saved)", "Quit",
           "Quit the desk; every change is already saved", id="quit"),
    Action("escape", "clear_filter", DESK, "Clear filter", "clear the filters",
           "Clear filters", "Show every claim", show=False, id="clear_filter"),
    Action("o", "app.open_source", SOURCES, "Open source",
           "show the highlighted source's full record", "Open source",
           "Show the highlighted source's full record"),
    Action("a", "app.add_source", SOURCES, "Add source", "add a source by hand",
           "Add source", "Add a source by hand"),
    Action("x", "app.unlink_source", SOURCES, "Unlink", "unlink the highlighted linked source",
           "Unlink source", "Unlink the highlighted linked source"),
    Action("tab / shift+tab", "focus_next", EVERYWHERE, "", "move between the list, detail"
           " and sources", bound=False),
    Action("enter (sources)", "app.choose_source", EVERYWHERE, "",
           "link a suggestion (asks s/r/c) or open", "Link source",
           "Link the highlighted suggestion (asks s/r/c), or open a linked source",
           bound=False),
    Action("ctrl+p", "command_palette", EVERYWHERE, "", "command palette", bound=False),
)


def bindings(where: str) -> list[Binding]:
    """The bindings of one part of the desk (CLAIMS, DESK or SOURCES)."""
    return [a.binding() for a in ACTIONS if a.where == where and a.bound]


def help_rows() -> list[tuple[str, str, str]]:
    """(group, keys, what they do) for every action, group by group."""
    return [(a.where, a.key_text, a.help)
            for group in GROUPS for a in ACTIONS if a.where == group]


def palette_entries() -> list[Action]:
    return [a for a in ACTIONS if a.title]
