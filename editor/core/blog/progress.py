"""How long work tells how far it has got, and learns that it should stop.

Core work that may take long (indexing a blog, scanning its tags, renaming a tag in every post,
comparing posts) takes a ``progress`` argument: call ``progress.step(done, total)`` now and then
and stop, leaving everything as it was or consistent, when it raises :class:`Cancelled`.
``NO_PROGRESS`` is the default for callers that do not watch (the command line, tests).
"""

from __future__ import annotations

import threading


class Cancelled(Exception):
    """The writer cancelled the work; nothing it would have changed was left half done."""


class Progress:
    """Reports from a worker: how much of how much is done, and whether to stop.

    ``on_step(done, total, label)`` is called from the worker's thread (the window forwards it
    to its own).  :meth:`cancel` may be called from any thread; the next :meth:`step` or
    :meth:`check` raises :class:`Cancelled`.
    """

    def __init__(self, on_step=None):
        self._on_step = on_step
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` once the work was cancelled."""
        if self._cancelled.is_set():
            raise Cancelled()

    def step(self, done: int, total: int, label: str = "") -> None:
        """``done`` of ``total`` units are done (``total`` 0: unknown); may raise Cancelled."""
        self.check()
        if self._on_step is not None:
            self._on_step(done, total, label)


NO_PROGRESS = Progress()
"""Nobody watches and nobody cancels (do not call :meth:`Progress.cancel` on it)."""
