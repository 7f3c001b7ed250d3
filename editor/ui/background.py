"""Run the latest of a stream of requests off the UI thread; stale results are dropped.

Edits made while a job runs cause exactly one more run afterwards, with the newest input.
Used for rendering the preview and for the doctor.  A job made with ``reports=True`` is given a
``report`` callable and may hand over partial results as it goes (``progress``), so a long check
fills in as results come.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal


class _Relay(QObject):
    """Lives on the UI thread; workers emit through it (queued to the UI thread)."""

    finished = Signal(int, object)
    failed = Signal(int, str)
    progress = Signal(int, object)


class _Job(QRunnable):
    def __init__(
        self, relay: _Relay, job_id: int, work: Callable[..., Any], args: tuple, reports: bool
    ):
        super().__init__()
        self._relay, self._job_id, self._work, self._args = relay, job_id, work, args
        self._reports = reports

    def _report(self, value: object) -> None:
        self._relay.progress.emit(self._job_id, value)

    def run(self) -> None:  # worker thread: touches no widgets and no shared state
        try:
            if self._reports:
                result = self._work(*self._args, report=self._report)
            else:
                result = self._work(*self._args)
        except Exception as exc:  # noqa: BLE001 - a bug in the work must not take the editor down
            self._relay.failed.emit(self._job_id, f"{type(exc).__name__}: {exc}")
        else:
            self._relay.finished.emit(self._job_id, result)


class LatestOnly(QObject):
    """Debounces requests and runs ``work(*args)`` on a worker for the newest one only."""

    finished = Signal(object)
    failed = Signal(str)
    progress = Signal(object)  # a partial result of the newest job (``reports=True`` only)

    def __init__(
        self,
        work: Callable[..., Any],
        debounce_ms: int,
        parent: QObject | None = None,
        reports: bool = False,
    ):
        super().__init__(parent)
        self._work = work
        self._reports = reports
        self._relay = _Relay(self)
        self._relay.finished.connect(self._on_finished)
        self._relay.failed.connect(self._on_failed)
        self._relay.progress.connect(self._on_progress)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self._start)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._job_id = 0
        self._running = False
        self._again = False
        self._args: tuple = ()

    def request(self, *args: Any, immediately: bool = False) -> None:
        """Run soon (after the debounce) with these arguments, or at once."""
        self._args = args
        if immediately:
            self._timer.stop()
            self._start()
        else:
            self._timer.start()

    def _start(self) -> None:
        if self._running:
            self._again = True
            return
        self._running = True
        self._job_id += 1
        self._pool.start(_Job(self._relay, self._job_id, self._work, self._args, self._reports))

    def pending(self) -> bool:
        """True while a run is waiting for its debounce or running."""
        return self._timer.isActive() or self._running

    def _on_progress(self, job_id: int, value: object) -> None:
        if job_id == self._job_id and not self._again:
            self.progress.emit(value)

    def _on_finished(self, job_id: int, result: object) -> None:
        self._running = False
        if job_id == self._job_id and not self._again:
            self.finished.emit(result)
        self._run_again_if_asked()

    def _on_failed(self, job_id: int, message: str) -> None:
        self._running = False
        if job_id == self._job_id:
            self.failed.emit(message)
        self._run_again_if_asked()

    def _run_again_if_asked(self) -> None:
        if self._again:
            self._again = False
            self._start()

    def wait(self) -> None:
        """Block until queued jobs finish (for shutdown)."""
        self._timer.stop()
        self._pool.waitForDone()
