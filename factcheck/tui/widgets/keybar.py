"""The keys of the moment, on the bottom line.

Textual's Footer builds a widget per key (fifteen here, each styled and laid out, and
all rebuilt whenever the focus moves), a large share of the desk's start-up; this is one
line of text drawn from the same bindings. A click on a key presses it, as with the Footer.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget

from .. import actions


# the rank of each action's keys (actions.py): the lowest ranks stay on a narrow bar
_RANKS = {a.action: a.rank for a in actions.ACTIONS}


class KeyBar(Widget):
    DEFAULT_CSS = """
    KeyBar { dock: bottom; height: 1; background: $panel; color: $foreground; }
    KeyBar > .key-bar--key { color: $accent; text-style: bold; }
    KeyBar > .key-bar--off { color: $text-disabled; }
    """
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--off"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._hits: list[tuple[int, int, str]] = []  # (first cell, end cell, key)

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        if screen is self.screen:
            self.refresh()

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-bar--key", partial=True)
        off_style = self.get_component_rich_style("key-bar--off", partial=True)
        items: list[tuple[str, str, bool, str, int]] = []  # key, words, enabled, binding, rank
        seen: set[str] = set()
        for _node, binding, enabled, _tip in self.screen.active_bindings.values():
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            items.append((f" {self.app.get_key_display(binding)} ", binding.description,
                          enabled, binding.key, _RANKS.get(binding.action, 9)))
        # a narrow terminal keeps the keys that matter most, in their usual order
        width = self.size.width or 10_000
        while items and sum(cell_len(k) + cell_len(w) for k, w, *_ in items) > width:
            worst = max(range(len(items)), key=lambda i: (items[i][4], i))
            del items[worst]
        line = Text(no_wrap=True, overflow="ellipsis", end="")
        hits: list[tuple[int, int, str]] = []
        cells = 0
        for key, words, enabled, binding_key, _rank in items:
            line.append(key, style=key_style if enabled else off_style)
            line.append(words, style=None if enabled else off_style)
            width_here = cell_len(key) + cell_len(words)
            hits.append((cells, cells + width_here, binding_key))
            cells += width_here
        self._hits = hits
        return line

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._hits:
            if start <= event.x < end:
                self.app.simulate_key(key.split(",")[0])
                return
