"""One thread performs every write of the desk, in the order the editor asked.

The screen never waits on the database: a write that meets a colleague's lock
waits here, and its result (or error) comes back through a callback.  A change
is shown as done only once its transaction has committed.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import Any

from ...store import Store

Operation = Callable[[Store], Any]
Done = Callable[[Any, Any], None]  # (tag, result or exception)


class Writer:
    def __init__(self, db_path: str, on_done: Done) -> None:
        self._queue: queue.Queue[tuple[Operation, Any] | None] = queue.Queue()
        self._on_done = on_done
        self._db_path = db_path
        self._thread = threading.Thread(target=self._run, name="factcheck-writer", daemon=True)
        self._thread.start()

    def submit(self, operation: Operation, tag: Any = None) -> None:
        self._queue.put((operation, tag))

    @property
    def pending(self) -> int:
        return self._queue.qsize()

    def close(self, timeout: float = 30.0) -> None:
        """Finish every queued write, then stop."""
        self._queue.put(None)
        self._thread.join(timeout)

    def _run(self) -> None:
        store: Store | None = None  # opened with the first write, not at start-up
        while True:
            item = self._queue.get()
            if item is None:
                break
            operation, tag = item
            try:
                if store is None:
                    store = Store(self._db_path)
                result = operation(store)
            except Exception as exc:
                result = exc
            try:
                self._on_done(tag, result)
            except Exception:
                pass  # the app is closing; the write itself is committed
        if store is not None:
            store.close()
