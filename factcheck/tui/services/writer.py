"""One thread performs every write of the desk, in the order the editor asked.

The screen never waits on the database: a write that meets a colleague's lock waits
here, and its outcome comes back as a message (see ``tui/messages.py``), posted once the
transaction has committed, so a change is shown as done only when it is.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import Any

from textual.message import Message

from ...errors import StaleEdit
from ...store import Store
from ..messages import WriteFailed, WriteRefused

Operation = Callable[[Store], Any]
Done = Callable[[Any], Message]  # the operation's result -> the message saying so


class Writer:
    def __init__(self, db_path: str, post: Callable[[Message], object]) -> None:
        # (operation, done, claim_id, status_change) per write; None stops the thread
        self._queue: queue.Queue[tuple | None] = queue.Queue()
        self._post = post
        self._db_path = db_path
        self._asked = 0  # counted by the screen's thread
        self._answered = 0  # and by the writer's: neither count is shared
        self._discarded = False
        self._thread = threading.Thread(target=self._run, name="factcheck-writer", daemon=True)
        self._thread.start()

    def submit(self, operation: Operation, done: Done, *,
               claim_id: int | None = None, status_change: bool = False) -> None:
        """Queue a write; ``done`` turns its result into the message posted when it has
        committed.  A refused or failed write posts ``WriteRefused`` or ``WriteFailed``
        naming ``claim_id`` (and whether it was one of the claim's status changes)."""
        self._asked += 1
        self._queue.put((operation, done, claim_id, status_change))

    @property
    def pending(self) -> int:
        """Writes asked for whose outcome is not posted yet."""
        return self._asked - self._answered

    def close(self, timeout: float = 30.0) -> None:
        """Finish every queued write, then stop."""
        self._queue.put(None)
        self._thread.join(0 if self._discarded else timeout)

    def discard(self) -> None:
        """Drop the writes not started yet (the editor chose to quit without them); the
        one waiting for the database, if any, is left to fail on its own."""
        self._discarded = True
        while True:
            try:
                self._queue.get_nowait()
            except queue.Empty:
                break

    def _run(self) -> None:
        store: Store | None = None  # opened with the first write, not at start-up
        while True:
            job = self._queue.get()
            if job is None:
                break
            operation, done, claim_id, status_change = job
            try:
                if store is None:
                    store = Store(self._db_path)
                result = operation(store)
            except StaleEdit as exc:
                message = WriteRefused(claim_id, status_change, exc.claim, str(exc))
            except Exception as exc:
                message = WriteFailed(claim_id, status_change, exc)
            else:
                message = None
            try:
                self._post(message or done(result))
            except Exception:
                pass  # the app is closing; the write itself is committed
            finally:
                self._answered += 1
        if store is not None:
            store.close()
