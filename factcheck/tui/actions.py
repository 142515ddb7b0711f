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
    rank: int = 9  # on a narrow key bar, the keys of the lowest ranks stay

    def binding(self) -> Binding:
        return Binding(self.keys, self.action, self.label, show=self.show, id=self.id)

    @property
    def key_text(self) -> str:
        """The keys as the help screen shows them."""
        if not self.bound:
            return self.keys
        return ", ".join(KEY_NAMES.get(key, key) for key in self.keys.split(","))


KEY_NAMES = {"question_mark": "?", "slash": "/", "plus": "+", "full_stop": "."}


def _mark(status: str, key: str) -> Action:
    return Action(key, f"mark('{status}')", DESK, status.capitalize(),
                  f"mark {status}, then go to the next claim (a claim already {status} is"
                  " left as it is)", f"Mark {status}",
                  f"Mark the selected claim {status} and move on", id=f"mark.{status}", rank=1)


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
           "undo this session's last change: a status, note, link, unlink, label or claim"
           " edit (again and again); each undo is kept in the history",
           "Undo", "Undo the last change of this session", id="undo", rank=1),
    Action("n", "note", DESK, "Note", "add a note to the claim (Esc cancels)",
           "Add a note", "Add a note to the selected claim", id="note", rank=3),
    Action("slash", "filter_text", DESK, "Filter",
           "filter the claims by text (case and accents ignored)",
           "Filter by text", "Show only claims containing some text", id="filter", rank=3),
    Action("f", "cycle_status", DESK, "Status",
           "status filter: all → pending → verified → disputed", "Cycle status filter",
           "all → pending → verified → disputed", id="status_filter", rank=5),
    Action("s", "toggle_sort", DESK, "Sort", "sort by position or by check-worthiness",
           "Toggle sort", "Article order or check-worthiness", id="sort", rank=6),
    Action("r", "reuse_verdict", DESK, "Reuse",
           "apply a verdict given before: same fact on the desk, else the archive",
           "Reuse a verdict",
           "Apply a verdict given before: same fact on the desk, else the archive",
           id="reuse", rank=5),
    Action("L", "label", DESK, "Label", "set the claim's verdict label (Trompeur, Mostly"
           " true…); empty clears it", "Set verdict label",
           "A finer verdict word for the selected claim", show=False, id="label"),
    Action("a", "add_source", DESK, "Add source",
           "add a source by hand or from its URL, then link it to the claim (asks s/r/c)",
           "Add source", "Add a source (typed or fetched) and link it to the selected claim",
           id="add_source", rank=7),
    Action("E", "edit_claim", DESK, "Edit", "edit the claim's text (facets and duplicates"
           " worked out again)", "Edit claim text", "Correct the selected claim's text",
           show=False, id="claim.edit"),
    Action("S", "split_claim", DESK, "Split", "split the claim: put the cursor where the"
           " second part starts, Enter", "Split claim", "Cut the selected claim in two",
           show=False, id="claim.split"),
    Action("M", "merge_claim", DESK, "Merge", "merge the claim with the next one (u undoes)",
           "Merge with next claim", "Merge the selected claim with the next one",
           show=False, id="claim.merge"),
    Action("H", "hide_claim", DESK, "Hide", "hide the claim as not a claim, or show a hidden"
           " one again (u undoes)", "Hide as not a claim",
           "Take the selected claim out of counts and reports, or show it again",
           show=False, id="claim.hide"),
    Action("plus", "add_claim", DESK, "Add claim", "add a claim the segmenter missed, after"
           " this one", "Add a claim", "Add a sentence the segmenter missed",
           show=False, id="claim.add"),
    Action("full_stop", "toggle_hidden", DESK, "Hidden", "list hidden claims too, or not",
           "Show hidden claims", "List the claims hidden as not a claim or merged",
           show=False, id="claim.show_hidden"),
    Action("z", "zoom", DESK, "Zoom", "narrow terminal: the focused pane alone, or all of"
           " them", "Zoom pane", "Show the focused pane alone, or every pane",
           show=False, id="zoom"),
    Action("e", "export", DESK, "Export",
           "export the report: choose the format (h m c j r) and the file", "Export report",
           "Write the report as HTML, Markdown, CSV, JSON or ClaimReview", id="export",
           rank=2),
    Action("A", "articles", DESK, "Articles", "switch article", "Switch article",
           "Pick another article", show=False, id="articles"),
    Action("i", "import_article", DESK, "Import", "import an article from a file or a URL",
           "Import article", "Import a .txt, .md or .html file, or a web page", id="import",
           rank=2),
    Action("question_mark", "help", DESK, "Help", "this screen: every key and every mark",
           "Keys and marks", "Show every key and what the marks mean", id="help", rank=1),
    Action("q", "quit", DESK, "Quit", "quit (waits for changes still being saved)", "Quit",
           "Quit the desk once every change is saved", id="quit", rank=1),
    Action("escape", "clear_filter", DESK, "Clear filter", "clear the filters",
           "Clear filters", "Show every claim", show=False, id="clear_filter"),
    Action("down,j", "cursor_down", SOURCES, "Down", "next source", "Next source",
           "Move to the next source in the sources pane", show=False),
    Action("up,k", "cursor_up", SOURCES, "Up", "previous source", "Previous source",
           "Move to the previous source in the sources pane", show=False),
    Action("o", "app.open_source", SOURCES, "Open source",
           "show the highlighted source's full record", "Open source",
           "Show the highlighted source's full record"),
    Action("x", "app.unlink_source", SOURCES, "Unlink",
           "unlink the highlighted linked source (u links it again)", "Unlink source",
           "Unlink the highlighted linked source"),
    Action("tab / shift+tab", "focus_next", EVERYWHERE, "", "move between the list, detail"
           " and sources", bound=False),
    Action("enter (sources)", "app.choose_source", EVERYWHERE, "",
           "link a suggestion (asks s/r/c) or open", "Link source",
           "Link the highlighted suggestion (asks s/r/c), or open a linked source",
           bound=False),
    Action("ctrl+p", "command_palette", EVERYWHERE, "", "command palette", bound=False),
)

# What the list and the detail show, for the help screen: (mark, what it says).
MARKS: tuple[tuple[str, str], ...] = (
    ("○ pending", "not checked yet"),
    ("✔ verified", "checked: true"),
    ("✘ disputed", "checked: false or misleading"),
    ("…", "a change of this claim is being saved"),
    ("✗", "a change could not be saved (the notification says why)"),
    ("⚠", "the same fact elsewhere with another figure (a conflict)"),
    ("≈", "the same fact elsewhere (a near-duplicate)"),
    ("§", "sources are linked to the claim"),
    ("0.96", "check-worthiness: how much the claim asks to be checked (0 to 1)"),
    ("·hidden·", "hidden as not a claim, merged or withdrawn (. lists them)"),
    ("= / ≠", "in the sources: a figure the source gives the same / differently"),
    ("∅", "no span: a claim written by hand that the article does not say word for word"),
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
