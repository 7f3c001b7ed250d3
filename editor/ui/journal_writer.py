"""The recovery journal's writes, on a thread of their own so that no keystroke waits for them.

Journaling a megabyte post (its JSON, the atomic write and its fsync) takes ~40 ms; a
:class:`~editor.core.files.recovery.Journal` decides when, and hands its entry to
:class:`BackgroundStore`, which queues it and returns at once.  The writes run in the order they
were asked for, one thread per journal, so an older text never replaces a newer one; a queued
write that a newer one of the same entry overtakes is dropped (the newer text is what must
survive a crash).  :meth:`~BackgroundStore.drain` waits for the queue (losing focus, quitting,
asking the writer something): then the disk holds the latest text.
"""

from __future__ import annotations

import threading
from collections import deque

from PySide6.QtCore import QObject, Signal

from editor.core.files.recovery import RecoveryEntry, RecoveryStore


class BackgroundStore(QObject):
    """A :class:`RecoveryStore` for a :class:`Journal` whose ``save`` and ``discard`` run on a
    thread.  ``written`` says on the UI thread that writes were done; :meth:`results` hands
    them over as (kind, error or None), kind "save" or "discard"."""

    written = Signal()

    def __init__(self, store: RecoveryStore, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.folder = store.folder
        self._jobs: deque[tuple[str, object]] = deque()
        self._done: list[tuple[str, OSError | None]] = []
        self._lock = threading.Condition()
        self._busy = False  # a thread is writing or about to

    # -- what the journal calls (UI thread) ------------------------------------------------------

    def save(self, entry: RecoveryEntry) -> None:
        self._queue("save", entry, entry.id)

    def discard(self, entry_id: str) -> None:
        self._queue("discard", entry_id, entry_id)

    def _queue(self, kind: str, value: object, entry_id: str) -> None:
        with self._lock:
            # Writes of this entry not started yet are overtaken: only the newest matters.
            kept = [job for job in self._jobs if _entry_id(job) != entry_id]
            self._jobs.clear()
            self._jobs.extend(kept)
            self._jobs.append((kind, value))
            if not self._busy:
                self._busy = True
                threading.Thread(target=self._run, name="tsuzuri-journal", daemon=True).start()

    # Reads see every write asked for before them.

    def entries(self, *args, **kwargs):
        self.drain()
        return self.store.entries(*args, **kwargs)

    def get(self, entry_id: str):
        self.drain()
        return self.store.get(entry_id)

    # -- the thread ------------------------------------------------------------------------------

    def _run(self) -> None:
        while True:
            with self._lock:
                if not self._jobs:
                    self._busy = False
                    self._lock.notify_all()
                    return
                kind, value = self._jobs.popleft()
            error = None
            try:
                if kind == "save":
                    self.store.save(value)
                else:
                    self.store.discard(value)
            except OSError as exc:
                error = exc
            with self._lock:
                self._done.append((kind, error))
            self.written.emit()

    # -- the UI thread -----------------------------------------------------------------------------

    def writing(self) -> bool:
        """True while writes are queued or running."""
        with self._lock:
            return self._busy

    def drain(self, timeout: float = 30.0) -> None:
        """Wait until every queued write is on disk (or failed)."""
        with self._lock:
            self._lock.wait_for(lambda: not self._busy, timeout)

    def results(self) -> list[tuple[str, OSError | None]]:
        """The writes done since last asked, in order."""
        with self._lock:
            done, self._done = self._done, []
        return done


def _entry_id(job: tuple[str, object]) -> str:
    kind, value = job
    return value.id if kind == "save" else value
