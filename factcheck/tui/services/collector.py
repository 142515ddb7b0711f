"""Full garbage collections wait for the editor to pause.

CPython's cycle collector runs a full (oldest-generation) pass now and then, and a
full pass walks every container object the process holds that was not frozen: with
an article of thousands of claims open and Textual's caches warm, that is tens of
milliseconds, two to five frames, landing at random during a burst of key presses.

While keys arrive, only the young generations are collected (they are small and
fast); once no key has come for ``idle`` seconds (the desk waits two), the usual thresholds come back and
one full pass runs then, when nobody is waiting for the screen. Reference counting
frees everything that is not in a cycle as always, so memory does not pile up; the
young passes still collect most cycles, which die young.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import Any

NO_FULL_PASS = 1 << 30  # a gen2 threshold that is never reached


class QuietCollector:
    def __init__(self, set_timer: Callable[[float, Callable[[], None]], Any],
                 idle: float = 1.0) -> None:
        self._set_timer = set_timer
        self._idle_after = idle
        self._timer: Any = None
        self._saved: tuple[int, int, int] | None = None

    @property
    def holding(self) -> bool:
        """True while full passes are held back."""
        return self._saved is not None

    def typing(self) -> None:
        """A key came: hold full passes back until the next pause."""
        if self._saved is None:
            self._saved = gc.get_threshold()
            young, middle, _ = self._saved
            gc.set_threshold(young, middle, NO_FULL_PASS)
        if self._timer is not None:
            self._timer.reset()
        else:
            self._timer = self._set_timer(self._idle_after, self._paused)

    def _paused(self) -> None:
        self._timer = None
        self.release(collect=True)

    def release(self, collect: bool = False) -> None:
        """Give the usual thresholds back (and run the postponed full pass)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self._saved is not None:
            gc.set_threshold(*self._saved)
            self._saved = None
            if collect and gc.isenabled():
                gc.collect()
