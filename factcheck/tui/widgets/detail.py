"""The detail pane: the selected claim's Rich ``Text``, drawn line by line.

The pane's size on screen never depends on what it shows, so a new claim is a repaint of
the pane and nothing else.  A widget whose height followed its text would lay the whole
screen out again with every claim shown (every widget measured and painted again, the
text wrapped once to measure it and once more to draw it).  Here the text is wrapped once
for the pane's width, its line count becomes the scrollable height, and each line is
turned into segments only when it is first drawn.  The text is never parsed as markup.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.reactive import Reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip


class FixedSizeScrolling:
    """For scroll views whose place on screen does not depend on their content.

    Textual lays out the whole screen again whenever a scroll view's scrollable size
    changes, so that a view sized by its content can grow.  A pane with a fixed height
    (a fraction of the screen, set in the stylesheet) has nothing to grow: its new
    scrollable size only moves its own scrollbar, which ``_scroll_update`` handles (the
    view calls it after each change, as Textual's own ``OptionList`` does).  Its vertical
    scrollbar is always shown (``overflow-y: scroll``): a scrollbar that came and went
    would need a layout of its own.
    """

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)


class DetailView(FixedSizeScrolling, ScrollView, can_focus=True):
    """A scrollable, focusable pane showing one ``Text``; keys and the wheel scroll it."""

    DEFAULT_CSS = """
    DetailView { overflow-x: hidden; overflow-y: scroll; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = Text()
        self._lines: list[Text] = []  # the text wrapped at _wrapped_at cells
        self._strips: list[Strip | None] = []  # the lines drawn so far, in the pane's style
        self._wrapped_at = -1
        self._base: Style | None = None  # the pane's own style, looked up once per paint
        self._anchor: int | None = None  # the offset show() keeps in view (see _line_of)
        self._anchored_y = 0  # the line show() scrolled to for it

    def show(self, text: Text, home: bool = True, anchor: int | None = None) -> None:
        """Show a new text, from its first line unless home is False.  anchor: an offset
        in the text that must be in view when the text is shown from its start (a pane
        too short to hold everything above it then scrolls to it)."""
        self.text = text
        self._wrapped_at = -1
        self._wrap()
        self._anchor = anchor
        if home:
            self._anchored_y = self._line_of(anchor)
            self.scroll_to(0, self._anchored_y, animate=False, immediate=True)
        # the lines in view are drawn now, not in the repaint: two smaller pauses, not one
        self._base = self.rich_style
        top = self.scroll_offset.y
        for y in range(self.scrollable_content_region.height):
            if top + y < len(self._lines):
                self.render_line(y)
        self._base = None
        self.refresh()

    def _line_of(self, anchor: int | None) -> int:
        """The first line to show: 0, or the anchor's line when the pane would not reach
        it (a line or two of what is above it kept)."""
        height = self.scrollable_content_region.height
        if not anchor or self._wrapped_at <= 0 or height <= 0:
            return 0
        above = self.text[:anchor]
        # its line is the last of what is above it wrapped (a blank one after a "\n")
        line = len(above.wrap(self.app.console, self._wrapped_at)) - 1
        if line < height:
            return 0  # in view from the top
        return max(0, line - min(2, height // 4))

    def render(self) -> Text:  # what the pane says (painting goes through render_line)
        return self.text

    def _wrap(self) -> None:
        """Wrap the text for the pane's width, once per text and width."""
        width = self.scrollable_content_region.width
        if width == self._wrapped_at:
            return
        self._wrapped_at = width
        self._lines = list(self.text.wrap(self.app.console, width)) if width > 0 else []
        self._strips = [None] * len(self._lines)
        self.virtual_size = Size(max(0, width), len(self._lines))
        self._scroll_update(self.virtual_size)

    def on_resize(self, event: events.Resize) -> None:
        self._wrap()
        if self.scroll_offset.y == self._anchored_y:  # not scrolled by the reader since
            self._anchored_y = self._line_of(self._anchor)
            self.scroll_to(0, self._anchored_y, animate=False, immediate=True)

    def notify_style_update(self) -> None:
        self._strips = [None] * len(self._lines)  # drawn in the old colours
        super().notify_style_update()

    def render_lines(self, crop):
        self._wrap()  # the width may have changed since the text came
        self._base = self.rich_style
        try:
            return super().render_lines(crop)
        finally:
            self._base = None

    def render_line(self, y: int) -> Strip:
        width = max(0, self._wrapped_at)
        base = self._base or self.rich_style
        index = self.scroll_offset.y + y
        if not 0 <= index < len(self._lines):
            return Strip.blank(width, base)
        strip = self._strips[index]
        if strip is None:
            segments = self._lines[index].render(self.app.console, end="")
            strip = Strip(list(segments)).apply_style(base).crop_extend(0, width, base)
            self._strips[index] = strip
        return strip
