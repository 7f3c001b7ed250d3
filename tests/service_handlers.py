"""Handlers the worker-process tests call in a spawned process."""

from __future__ import annotations

import os


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
