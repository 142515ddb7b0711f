"""What the sources pane shows for a claim, looked up in a helper process.

The pane needs the claim's linked sources, the suggested ones (rapidfuzz and Python over
the store's sources: tens of milliseconds with 100 000 of them) and a match in the archive
of past fact-checks.  In a thread of the desk's process, that work would hold the
interpreter lock the screen needs, and every key or repaint meanwhile would wait for it.
A process of its own shares nothing with the screen.

The helper (``python -m factcheck.tui.lookup DB``) is started by ``start`` (the desk calls
it once its own start-up is done: the helper's would compete with it for the processor),
keeps one connection, and so the archive's caches, for the desk's life, and reads one
claim id per line, answering with one line of JSON.  It ends when the desk closes its
input.  Until it has loaded, or if it cannot run, the look-up is done in the caller's
thread.

This module never imports Textual: the helper loads only the core.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import threading
from pathlib import Path

from ...store import Store

SUGGESTIONS = 5

Found = tuple[list[dict], list[dict], "dict | None"]


def sources_for(store: Store, claim_id: int) -> Found:
    """(linked sources, suggested ones not linked yet, a strong archive match or None)."""
    from ...matching import archive, sources  # deferred: start-up of the desk

    linked = sources.linked_sources(store, claim_id)
    linked_ids = {s["id"] for s in linked}
    suggested = [s for s in sources.suggest(store, claim_id, limit=SUGGESTIONS + 3)
                 if s["source_id"] not in linked_ids][:SUGGESTIONS]
    try:
        checked = archive.strong_match(store, claim_id)
    except Exception:  # the archive is a help, never a reason to fail the pane
        checked = None
    return linked, suggested, checked


def serve(db_path: str, lines=sys.stdin, out=sys.stdout) -> None:
    """The helper's loop: a claim id in, its sources out, until the input ends."""
    with Store(db_path) as store:
        from ...matching import archive, sources  # noqa: F401  (loaded before saying ready)

        out.write("ready\n")
        out.flush()
        for line in lines:
            try:
                answer = {"found": sources_for(store, int(line))}
            except Exception as exc:
                answer = {"error": f"{type(exc).__name__}: {exc}"}
            out.write(json.dumps(answer, default=_plain) + "\n")
            out.flush()


def _plain(value):
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    return str(value)


class HelperError(Exception):
    """The helper could not answer for this claim, or the desk is closing."""


class Lookups:
    """Look-ups for one database, in a helper process once ``start`` has been called."""

    def __init__(self, db_path: str) -> None:
        self.db_path = db_path
        self._proc: subprocess.Popen | None = None
        self._broken = False  # no helper: look up here
        self._ready = False  # the helper has loaded (until then, look up here)
        self._ended = False  # the desk is closing: no more questions
        self._lock = threading.Lock()  # one question at a time
        self._store: Store | None = None  # for look-ups here: kept, and so its caches

    def sources_for(self, claim_id: int) -> Found:
        """Called from a worker thread: it waits, the screen does not."""
        with self._lock:
            if self._ended:
                raise HelperError("the desk is closing")
            proc = self._proc
            if proc is not None and not self._ready:
                self._ready = self._says_ready(proc)
            if proc is not None and self._ready:
                try:
                    proc.stdin.write(f"{int(claim_id)}\n")
                    proc.stdin.flush()
                    line = proc.stdout.readline()
                except (OSError, ValueError):
                    line = ""
                if line:
                    answer = json.loads(line)
                    if "error" in answer:
                        raise HelperError(answer["error"])
                    linked, suggested, checked = answer["found"]
                    return linked, suggested, checked
                if self._ended:
                    self._stop()
                    raise HelperError("the desk is closing")
                self._broken = True  # gone: from now on, here
                self._stop()
            if self._store is None:
                self._store = Store(self.db_path)
            return sources_for(self._store, claim_id)

    def start(self) -> None:
        """Start the helper (call it from a worker thread: it may wait for a question in
        flight)."""
        with self._lock:
            if not self._ended:
                self._spawn()

    @staticmethod
    def _says_ready(proc: subprocess.Popen) -> bool:
        """Has the helper finished loading?  Never waits: the first claims are looked up
        here while it starts (a fraction of a second; the archive's index is small then)."""
        try:
            if not select.select([proc.stdout], [], [], 0)[0]:
                return False
            return proc.stdout.readline().strip() == "ready"
        except (OSError, ValueError):
            return False

    def _spawn(self) -> None:
        if self._proc is None and not self._broken:
            package_root = str(Path(__file__).resolve().parents[3])
            env = dict(os.environ)
            env["PYTHONPATH"] = os.pathsep.join(
                p for p in (package_root, env.get("PYTHONPATH")) if p)
            try:
                self._proc = subprocess.Popen(
                    [sys.executable, "-m", "factcheck.tui.services.lookup", self.db_path],
                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                    text=True, encoding="utf-8", env=env)
            except OSError:
                self._broken = True

    def _stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None:
            try:
                proc.stdin.close()  # the helper's loop ends with its input
            except OSError:
                pass
            try:
                proc.wait(timeout=0.5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            try:
                proc.stdout.close()
            except OSError:
                pass

    def close(self) -> None:
        """End the helper (called as the desk closes; never waits on a question)."""
        self._ended = True
        if self._lock.acquire(blocking=False):
            try:
                self._stop()
                if self._store is not None:
                    self._store.close()
                    self._store = None
            finally:
                self._lock.release()
        elif self._proc is not None:  # a question in flight: its answer is not wanted
            self._proc.kill()


if __name__ == "__main__":
    serve(sys.argv[1])
