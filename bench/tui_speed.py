"""The desk's speed, against a bare Textual app and against itself on a small store.

1. Start-up to the first claim on screen, in a real terminal (a pseudo-terminal of 120x40,
   read until the text appears), against a bare Textual app that shows one line, measured
   the same way, alternately, median of N runs.  Target: <= 1.5x the bare app.
2. The same with 100 000 claims in the store (an article of 10 000 open) against the demo
   store.  Target: <= 1.3x.  Memory (VmHWM of the desk and of its look-up helper process,
   summed, 3.5 s after the claim is on screen): target <= 1.5x the demo's.
3. 1 000 mark-and-advance key presses (v) in a 10 000-claim article, driven through Pilot:
   the longest stall of the event loop (a 10 ms ticker measures how late it fires), its
   99th percentile, and the time until every verdict is committed.  Target: no stall over
   two frames (2 x 16.7 ms).
4. The desk's status filter (f, with the sort toggled every other time) over every claim
   of the store (100 000) held by the list, through the app's own action and repaint:
   median time.  Target: well under a second (<= 0.1 s here).

    python bench/tui_speed.py [--quick] [--runs N]
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import os
import pty
import re
import select
import statistics
import struct
import sys
import tempfile
import termios
import fcntl
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
from _bigdb import big_db, demo_db  # noqa: E402
from common import machine_line, quick_requested, result_row  # noqa: E402

BARE_APP = '''
from textual.app import App
from textual.widgets import Static
class Bare(App):
    def compose(self):
        yield Static("bare-app-ready")
Bare().run()
'''
MEMORY_ROUNDS = 3
ANSI = re.compile(rb"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][A-Z0-9]|\x1b[=>]")


def time_to_text(argv: list[str], needle: str, cols: int = 120, rows: int = 40,
                 timeout: float = 60.0, memory: bool = True) -> tuple[float, int]:
    """Seconds from spawn until `needle` is on the terminal, and (with memory) the peak
    RSS (kB) of the process and its children (summed) a moment later, else 0."""
    pid, fd = pty.fork()
    if pid == 0:  # child
        os.environ["TERM"] = "xterm-256color"
        os.environ["COLUMNS"], os.environ["LINES"] = str(cols), str(rows)
        os.execvp(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    start = time.perf_counter()
    seen = b""
    target = needle.encode()
    elapsed = None
    rss = 0
    try:
        while time.perf_counter() - start < timeout:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    break
                seen += chunk
                if target in ANSI.sub(b"", seen[-200_000:]).replace(b"\r", b""):
                    elapsed = time.perf_counter() - start
                    if memory:
                        # the desk's look-up helper (a process of its own, started 2 s
                        # in) has loaded by then: its memory counts too
                        _drain(fd, 3.5)
                        rss = sum(_peak_rss(p) for p in _family(pid))
                    break
    finally:
        try:
            os.write(fd, b"q")
            time.sleep(0.3)
            os.kill(pid, 9)
        except OSError:
            pass
        os.waitpid(pid, 0)
        os.close(fd)
    if elapsed is None:
        raise RuntimeError(f"{needle!r} never appeared; last output: {seen[-500:]!r}")
    return elapsed, rss


def _drain(fd: int, seconds: float) -> None:
    """Read (and drop) the terminal's output for a while, so the program never blocks."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        if select.select([fd], [], [], 0.05)[0]:
            try:
                os.read(fd, 65536)
            except OSError:
                return


def _family(pid: int) -> list[int]:
    """The process and all its descendants."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def _peak_rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def first_claim(db: str, article: int | None = None) -> str:
    from factcheck.store import Store

    with Store(db) as store:
        articles = store.articles()
        article_id = article or articles[-1]["id"]
        text = store.claims(article_id=article_id, limit=1)[0]["text"]
    return " ".join(text.split())[:20]


def startup(runs: int, big: str) -> None:
    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        bare = Path(tmp) / "bare.py"
        bare.write_text(BARE_APP)
        demo = demo_db()
        cases = {
            "bare": ([python, str(bare)], "bare-app-ready"),
            "demo": ([python, "-m", "factcheck", "tui", "--db", demo], first_claim(demo)),
            "big": ([python, "-m", "factcheck", "tui", "--db", big], first_claim(big)),
        }
        times: dict[str, list[float]] = {k: [] for k in cases}
        mem: dict[str, list[int]] = {k: [] for k in cases}
        for i in range(runs):
            for name, (argv, needle) in cases.items():
                # memory (which waits 3.5 s for the look-up helper) in the first rounds
                # only: the time needs many samples, the peak memory barely moves
                t, rss = time_to_text(argv, needle, memory=i < MEMORY_ROUNDS)
                times[name].append(t)
                if rss:
                    mem[name].append(rss)
    # one process's start-up here is bimodal (e.g. bare 0.28-0.47 s for the same work,
    # whichever app): many samples, and the rounds' own ratios printed beside the medians
    print("# start-up samples (s): " + "; ".join(
        f"{k} " + " ".join(f"{t:.3f}" for t in v) for k, v in times.items()))
    paired = {k: statistics.median(a / b for a, b in zip(times[k], times[peer]))
              for k, peer in (("demo", "bare"), ("big", "demo"))}
    print(f"# medians of the rounds' ratios: demo/bare {paired['demo']:.2f}x, "
          f"big/demo {paired['big']:.2f}x")
    med = {k: statistics.median(v) for k, v in times.items()}
    rss = {k: statistics.median(v) for k, v in mem.items()}
    result_row("tui: start-up to first claim (demo)", med["demo"], "s", peer=med["bare"],
               peer_name="bare Textual app", higher_is_better=False,
               ratio=med["demo"] / med["bare"], target="<= 1.5x bare",
               ok=med["demo"] / med["bare"] <= 1.5)
    result_row("tui: start-up with 100k claims", med["big"], "s", peer=med["demo"],
               peer_name="demo store", ratio=med["big"] / med["demo"], target="<= 1.3x demo",
               ok=med["big"] / med["demo"] <= 1.3)
    result_row("tui: memory with 100k claims (desk + helper)", rss["big"] / 1024, "MB",
               peer=rss["demo"] / 1024,
               peer_name="demo store", ratio=rss["big"] / rss["demo"], target="<= 1.5x demo",
               ok=rss["big"] / rss["demo"] <= 1.5)


async def _marks(big: str | None, presses: int) -> tuple[float, float, float, float]:
    """Press v `presses` times (or, with big=None, an unbound key in a bare app)."""
    from textual.app import App
    from textual.widgets import Static

    from factcheck.tui.app import FactcheckApp

    class Bare(App):
        def compose(self):
            yield Static("bare-app-ready")

    app = FactcheckApp(db=big, editor="bench") if big else Bare()
    key = "v" if big else "z"
    lags: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause(0.5)
        stop = False

        async def ticker() -> None:
            last = time.perf_counter()
            while not stop:
                await asyncio.sleep(0.01)
                now = time.perf_counter()
                lags.append(now - last - 0.01)
                last = now

        task = asyncio.create_task(ticker())
        start = time.perf_counter()
        for _ in range(presses):
            await pilot.press(key)
        pressed = time.perf_counter() - start
        while big and (app.writer.pending or any(r.saving for r in app.state.rows)):
            await pilot.pause(0.05)
        committed = time.perf_counter() - start
        stop = True
        await task
    lags.sort()
    return pressed, committed, lags[-1], lags[int(len(lags) * 0.99) - 1]


def marking(big: str, presses: int) -> None:
    import shutil

    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "copy.db")
        shutil.copy(big, db)
        pressed, committed, worst, p99 = asyncio.run(_marks(db, presses))
        _, _, bare_worst, bare_p99 = asyncio.run(_marks(None, presses))
    frame = 1 / 60
    # "no frame dropped for more than a frame or two": the longest stall is the target; the
    # ratio column is in frames of 1/60 s
    result_row(f"tui: {presses} mark-and-advance, longest stall", worst * 1000, "ms",
               peer=bare_worst * 1000, peer_name="bare app, same keys", ratio=worst / frame,
               target="<= 2 frames", ok=worst <= 2 * frame, higher_is_better=False)
    result_row(f"tui: {presses} marks, stall p99", p99 * 1000, "ms",
               peer=bare_p99 * 1000, peer_name="bare app, same keys", ratio=p99 / frame,
               target="info (frames)", ok=None)
    result_row(f"tui: {presses} marks, keys then commits", committed, "s", peer=pressed,
               peer_name="key presses", ratio=committed / pressed, target="info", ok=None,
               per_key_ms=1000 * pressed / presses)


async def _filters(big: str, runs: int) -> tuple[int, list[float]]:
    """The desk's own status filter (f) and sort (s) over every claim of the store."""
    from factcheck.tui.app import FactcheckApp
    from factcheck.tui.desk import ClaimRow

    app = FactcheckApp(db=big, editor="bench")
    times: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause(0.3)
        # the open article's rows, as the desk reads them, for every article at once
        ids = [a["id"] for a in app.reader.articles()]
        app.state.load(app.state.article, [ClaimRow.from_record(r) for a in ids
                                           for r in app.reader.claim_rows(a)])
        await pilot.pause(0.3)
        for i in range(runs * 4):  # all -> pending -> verified -> disputed, with sorts
            start = time.perf_counter()
            app.action_cycle_status()
            if i % 2:
                app.action_toggle_sort()
            await pilot.pause(0)  # the list repainted
            times.append(time.perf_counter() - start)
        return len(app.state.rows), times


def status_filter(big: str, runs: int) -> None:
    n, times = asyncio.run(_filters(big, runs))
    med = statistics.median(times)
    result_row(f"tui: status filter + sort over {n} claims", med * 1000, "ms",
               peer=1000.0, peer_name="one second", ratio=med, target="<= 0.1 s",
               ok=med <= 0.1, higher_is_better=False, worst_ms=round(max(times) * 1000, 1))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--runs", type=int, default=None)
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--only", choices=["startup", "marking", "filter"],
                    help="run one of the three measurements")
    args = ap.parse_args()
    quick = args.quick or quick_requested([])
    # start-up varies by half from one process to the next here: many samples
    runs = args.runs or (11 if quick else 15)
    print(f"# tui_speed: {machine_line()}")
    # as installed: byte-compiled (pip compiles site-packages, and so the bare app's
    # Textual, at install; `make` does it for factcheck, even with PYTHONDONTWRITEBYTECODE)
    compileall.compile_dir(str(HERE.parent / "factcheck"), quiet=1)
    big = big_db(args.claims, log=lambda m: print(m, file=sys.stderr))
    if args.only in (None, "startup"):
        startup(runs, big)
    if args.only in (None, "marking"):
        marking(big, 300 if quick else 1000)
    if args.only in (None, "filter"):
        status_filter(big, runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
