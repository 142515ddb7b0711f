"""The desk's top line: the article's title, its counts per status and the editor's name."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.strip import Strip
from textual.widget import Widget


class DeskHeader(Widget):
    """Article title, counts per status and editor, as literal text; one line, never
    re-laid out.

    The counts and the editor's name always show: on a narrow terminal the title is
    shortened first, then the counts lose their words (``○ 9`` for ``○ pending 9``).
    It changes with every saved mark, so it draws its line itself (one strip of segments,
    cached until the text or the width changes) rather than going through Textual's text
    rendering each time.
    """

    DEFAULT_CSS = "DeskHeader { height: 1; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.title = Text()  # shortened first
        self.right = Text()  # counts and editor: kept whole
        self.compact = Text()  # the same, with fewer words, for narrow terminals
        self.text = Text()  # as last drawn
        self._strip: tuple[int, Strip] | None = None

    def set_parts(self, title: Text, right: Text, compact: Text | None = None) -> None:
        if (title.plain, right.plain) != (self.title.plain, self.right.plain):
            self.title, self.right = title, right
            self.compact = compact if compact is not None else right
            self._strip = None
            self.refresh()

    def set_text(self, text: Text) -> None:
        self.set_parts(text, Text())

    def notify_style_update(self) -> None:
        self._strip = None
        super().notify_style_update()

    def line(self, width: int) -> Text:
        """The line as it fits ``width`` cells."""
        right = self.right if cell_len(self.right.plain) + 12 <= width else self.compact
        room = width - cell_len(right.plain)
        title = self.title.copy()
        if cell_len(title.plain) > room:
            title.truncate(max(0, room), overflow="ellipsis")
        out = Text.assemble(title, " " * max(0, room - cell_len(title.plain)), right,
                            no_wrap=True, end="")
        out.truncate(width)
        return out

    def render(self) -> Text:  # what the line says (painting goes through render_line)
        return self.line(self.size.width or 200)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y:
            return Strip.blank(width, self.rich_style)
        if self._strip is None or self._strip[0] != width:
            self.text = self.line(width)
            segments = self.text.render(self.app.console, end="")
            line = Strip(list(segments)).apply_style(self.rich_style)
            self._strip = (width, line.crop_extend(0, width, self.rich_style))
        return self._strip[1]
