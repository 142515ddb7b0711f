"""The desk holds full garbage collections back while keys arrive, and runs one at a pause."""

import gc

from factcheck.tui.services.collector import NO_FULL_PASS, QuietCollector


class FakeTimer:
    def __init__(self, delay, callback):
        self.delay, self.callback = delay, callback
        self.resets = 0
        self.stopped = False

    def reset(self):
        self.resets += 1

    def stop(self):
        self.stopped = True


def test_keys_hold_full_passes_until_a_pause(monkeypatch):
    before = gc.get_threshold()
    timers = []
    collected = []
    monkeypatch.setattr(gc, "collect", lambda *a: collected.append(a) or 0)
    quiet = QuietCollector(lambda delay, cb: timers.append(FakeTimer(delay, cb)) or timers[-1],
                           idle=0.5)
    try:
        quiet.typing()
        quiet.typing()
        quiet.typing()
        assert quiet.holding
        assert gc.get_threshold() == (before[0], before[1], NO_FULL_PASS)
        assert len(timers) == 1 and timers[0].resets == 2  # one timer, pushed back per key
        timers[0].callback()  # the editor paused
        assert not quiet.holding
        assert gc.get_threshold() == before
        assert collected == [()]  # the postponed full pass, once
        quiet.typing()  # a new burst starts a new timer
        assert len(timers) == 2 and quiet.holding
    finally:
        quiet.release()
    assert gc.get_threshold() == before and timers[1].stopped
