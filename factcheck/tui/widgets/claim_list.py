"""A virtual list of claims: only the visible lines are ever rendered.

The list holds light row tuples (no widget per claim), so 10 000 claims in an
article cost what a screenful costs.  Text is turned into Rich ``Segment``s
directly, never parsed as markup.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...text.display import printable
from .. import actions
from ..desk import ClaimRow

STATUS_SYMBOL = {"pending": "○", "verified": "✔", "disputed": "✘"}
STATUS_WORD = {"pending": "pending ", "verified": "verified", "disputed": "disputed"}
WORDS_FROM = 50  # cells of list: narrower, the status shows as its symbol alone
# keys of the sources pane: pressed in the list, they say where they work
PANE_KEYS = {a.keys.split(",")[0]: a for a in actions.ACTIONS
             if a.where == actions.SOURCES and a.keys in ("o", "x")}


def _clip(text: str, width: int) -> str:
    """Cut text to a number of terminal cells (wide characters count double)."""
    if width <= 0:
        return ""
    if text.isascii():  # one cell per character: the common case, without measuring
        return text if len(text) <= width else text[:width - 1] + "…"
    if cell_len(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = cell_len(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


class ClaimList(ScrollView, can_focus=True):
    """The claims of the current article, one line each."""

    BINDINGS = actions.bindings(actions.CLAIMS)
    COMPONENT_CLASSES = {
        "claim-list--cursor", "claim-list--pending", "claim-list--verified",
        "claim-list--disputed", "claim-list--mark", "claim-list--conflict", "claim-list--dim",
    }
    DEFAULT_CSS = """
    ClaimList { background: $surface; }
    ClaimList > .claim-list--cursor { background: $accent 40%; text-style: bold; }
    ClaimList:focus > .claim-list--cursor { background: $accent; color: $text; }
    ClaimList > .claim-list--pending { color: $warning; }
    ClaimList > .claim-list--verified { color: $success; }
    ClaimList > .claim-list--disputed { color: $error; }
    ClaimList > .claim-list--mark { color: $secondary; }
    ClaimList > .claim-list--conflict { color: $error; text-style: bold; }
    ClaimList > .claim-list--dim { color: $text-muted; }
    """

    cursor: reactive[int] = reactive(0, always_update=True, repaint=False)

    class Highlighted(Message):
        def __init__(self, row: ClaimRow | None) -> None:
            self.row = row
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[ClaimRow] = []
        self._total = 0  # len(rows), or more while the rest of them is on its way
        self._index: dict[int, int] = {}  # claim id -> position in rows
        self._styles: dict[str, Style] = {}
        self._line_width = 0
        # claim id -> (what its line showed, the line): a scroll by half a screen draws
        # half its lines again, and a key press redraws lines that did not change
        self._lines: dict[int, tuple[tuple, Strip]] = {}

    def _style(self, name: str) -> Style:
        """Component styles, resolved once per look (focus, theme) rather than per line."""
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self.get_component_rich_style(name)
        return style

    def _restyled(self) -> None:
        self._styles.clear()
        self._lines.clear()

    def notify_style_update(self) -> None:
        self._restyled()
        super().notify_style_update()

    def on_focus(self) -> None:
        self._restyled()

    def on_blur(self) -> None:
        self._restyled()

    # ------------------------------------------------------------ data

    def set_rows(self, rows: list[ClaimRow], keep_id: int | None = None,
                 total: int | None = None) -> None:
        """Replace the rows; keep the cursor on claim keep_id if it is still listed.

        ``total``: how many rows the list will hold once the rest of them come (the first
        screenful of a long article is shown before the rest is read): the scroll bar is
        sized for them all from the start."""
        self.rows = rows
        self._total = max(total or 0, len(rows))
        self._lines.clear()
        self._index = {row.id: i for i, row in enumerate(rows)}
        self.virtual_size = Size(self.size.width, self._total)
        index = self._index.get(keep_id, 0) if keep_id is not None else 0
        self.cursor = min(index, max(0, len(rows) - 1))
        self.refresh()

    @property
    def current(self) -> ClaimRow | None:
        if 0 <= self.cursor < len(self.rows):
            return self.rows[self.cursor]
        return None

    def index_of(self, claim_id: int) -> int | None:
        return self._index.get(claim_id)

    def forget_lines(self) -> None:
        """Draw every line again (texts changed)."""
        self._lines.clear()
        self.refresh()

    def on_key(self, event: events.Key) -> None:
        action = PANE_KEYS.get(event.key)
        if action is not None:  # a key of the sources pane: say where it works
            event.stop()
            self.app.notify(f"{event.key} ({action.label.lower()}) works in the sources pane:"
                            " Tab moves there.", timeout=3, markup=False)

    def refresh_row(self, claim_id: int) -> None:
        i = self.index_of(claim_id)
        if i is not None:
            self.refresh_line(i - self.scroll_offset.y)

    def refresh_line(self, y: int) -> None:
        if 0 <= y < self.size.height:
            from textual.geometry import Region

            self.refresh(Region(0, y, self.size.width, 1))

    # ------------------------------------------------------------ cursor

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_line(old - self.scroll_offset.y)
        self.refresh_line(new - self.scroll_offset.y)
        self._scroll_cursor_visible()
        self.post_message(self.Highlighted(self.current))

    def _scroll_cursor_visible(self) -> None:
        """A cursor that leaves the view brings it along by half a screen, not a line.

        Scrolling repaints every line of the list (about 20 ms of work at 40 lines), so
        scrolling by one line would repaint on every key press while the editor marks
        down a long article; by half a screen, the next twenty presses cost two lines
        each, and the claims after the cursor stay in sight.
        """
        height = max(1, self.scrollable_content_region.height)
        top = self.scroll_offset.y
        if top <= self.cursor < top + height:
            return
        self.scroll_to(y=max(0, self.cursor - height // 2), animate=False, immediate=True)

    def move_to(self, index: int) -> None:
        if self.rows:
            self.cursor = max(0, min(index, len(self.rows) - 1))

    def action_cursor_down(self) -> None:
        self.move_to(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self.move_to(self.cursor - 1)

    def action_first(self) -> None:
        self.move_to(0)

    def action_last(self) -> None:
        self.move_to(len(self.rows) - 1)

    def action_page_down(self) -> None:
        self.move_to(self.cursor + max(1, self.scrollable_content_region.height - 1))

    def action_page_up(self) -> None:
        self.move_to(self.cursor - max(1, self.scrollable_content_region.height - 1))

    def on_click(self, event: events.Click) -> None:
        index = self.scroll_offset.y + event.y
        if 0 <= index < len(self.rows):
            self.cursor = index
        self.focus()

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, self._total)
        self._scroll_cursor_visible()

    # ------------------------------------------------------------ rendering

    def render_lines(self, crop):
        # what every line needs, worked out once per paint rather than once per line
        self._line_width = self.scrollable_content_region.width
        base = self.rich_style
        if self._styles.get("base") != base:
            self._lines.clear()
        self._styles["base"] = base
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self._line_width or self.scrollable_content_region.width
        index = self.scroll_offset.y + y
        base = self._styles.get("base") or self.rich_style
        if index >= len(self.rows):
            return Strip.blank(width, base)
        row = self.rows[index]
        shows = (row.status, row.saving, row.dupes > 0, row.conflicts > 0, row.sources > 0,
                 index == self.cursor, width, row.hidden, row.failed)
        known = self._lines.get(row.id)
        if known is not None and known[0] == shows:
            return known[1]
        if len(self._lines) > 1000:
            self._lines.clear()
        strip = self._draw(row, index == self.cursor, width, base)
        self._lines[row.id] = (shows, strip)
        return strip

    def _draw(self, row: ClaimRow, cursor: bool, width: int, base: Style) -> Strip:
        top = self._style("claim-list--cursor") if cursor else None

        def style(name: str | None = None):
            out = base + self._style(f"claim-list--{name}") if name else base
            return out + top if top is not None else out

        marks = ("⚠" if row.conflicts else ("≈" if row.dupes else " ")) + (
            "§" if row.sources else " ")
        symbol = ("…" if row.saving else "✗" if row.failed else
                  STATUS_SYMBOL.get(row.status, "?"))
        word = STATUS_WORD.get(row.status, row.status)
        state = f"{symbol} {word}" if width >= WORDS_FROM else symbol
        if row.hidden:
            state = "·hidden·" if width >= WORDS_FROM else "·"
        segments = [
            Segment(f"{row.seq:>4} ", style("dim")),
            Segment(state, style("dim" if row.hidden else row.status)),
            Segment(f" {row.worth:.2f} ", style("dim")),
            Segment(marks + " ", style("conflict" if row.conflicts else "mark")),
        ]
        used = sum(cell_len(s.text) for s in segments)
        text = printable(row.text, one_line=True)
        segments.append(Segment(_clip(text, width - used), style("dim" if row.hidden else None)))
        return Strip(segments).crop_extend(0, width, style())

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return container.width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self._total
