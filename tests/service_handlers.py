"""Handlers the worker-process tests call in a spawned process."""

from __future__ import annotations

import os
import time

from editor.core.render.worker import RenderWorkers


class Counter:
    """Keeps state between calls, reports as it goes, can fail and can die."""

    def __init__(self) -> None:
        self.total = 0
        self.report = lambda value: None

    def add(self, amount: int) -> int:
        for step in range(amount):
            self.report(step)
        self.total += amount
        return self.total

    def fail(self) -> None:
        raise ValueError("bad input")

    def pid(self) -> int:
        return os.getpid()

    def die(self) -> None:
        os._exit(3)


class SlowRenderWorkers(RenderWorkers):
    """The preview's render process, taking as long as a 1 MB post on a slow machine."""

    delay = 3.0

    def reset(self, *args):
        time.sleep(self.delay)
        return super().reset(*args)

    def edit(self, *args):
        time.sleep(self.delay)
        return super().edit(*args)


class PacedRenderWorkers(SlowRenderWorkers):
    """The preview's render process, a few tenths of a second per render (a long post's)."""

    delay = 0.4
