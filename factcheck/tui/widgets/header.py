"""The desk's top line: the article's title and its counts per status."""

from __future__ import annotations

from rich.text import Text
from textual.strip import Strip
from textual.widget import Widget


class DeskHeader(Widget):
    """Article title and counts per status, as literal text; one line, never re-laid out.

    It changes with every saved mark, so it draws its line itself (one strip of
    segments, cached until the text or the width changes) rather than going through
    Textual's text rendering each time.
    """

    DEFAULT_CSS = "DeskHeader { height: 1; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = Text()
        self._strip: tuple[int, Strip] | None = None

    def set_text(self, text: Text) -> None:
        if text.plain != self.text.plain:
            self.text = text
            self._strip = None
            self.refresh()

    def notify_style_update(self) -> None:
        self._strip = None
        super().notify_style_update()

    def render(self) -> Text:  # what the line says (painting goes through render_line)
        return self.text

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y:
            return Strip.blank(width, self.rich_style)
        if self._strip is None or self._strip[0] != width:
            segments = self.text.render(self.app.console, end="")
            line = Strip(list(segments)).apply_style(self.rich_style)
            self._strip = (width, line.crop_extend(0, width, self.rich_style))
        return self._strip[1]
