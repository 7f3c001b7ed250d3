"""Run the latest of a stream of requests off the UI thread; stale results are dropped.

Edits made while a job runs cause exactly one more run afterwards, with the newest input.
Used for rendering the preview and for the doctor.  A job made with ``reports=True`` is given a
``report`` callable and may hand over partial results as it goes (``progress``), so a long check
fills in as results come.

Each job runs on its own daemon thread, so nothing ever has to wait for one: a window that
closes during a long render drops the result (:meth:`LatestOnly.shut_down`), and the process
may exit while the thread still works.  The work is a pure function, so cutting it off loses
nothing.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from shiboken6 import isValid


class _Relay(QObject):
    """Carries results from worker threads to the UI thread (queued there).

    There is one for the whole process and it is never deleted, so a worker that finishes
    after its window has gone still emits on a live object; the result is then dropped.
    """

    finished = Signal(object, int, object)
    failed = Signal(object, int, str)
    progress = Signal(object, int, object)


_RELAY: list[_Relay] = []


def _relay() -> _Relay:
    if not _RELAY:  # first made on the UI thread, by the first LatestOnly
        relay = _Relay()
        relay.finished.connect(_deliver_result)
        relay.failed.connect(_deliver_failure)
        relay.progress.connect(_deliver_progress)
        _RELAY.append(relay)
    return _RELAY[0]


def _owner(ref: weakref.ref) -> LatestOnly | None:
    owner = ref()
    return owner if owner is not None and isValid(owner) else None


def _deliver_result(ref: weakref.ref, job_id: int, result: object) -> None:
    owner = _owner(ref)
    if owner is not None:
        owner._on_finished(job_id, result)


def _deliver_failure(ref: weakref.ref, job_id: int, message: str) -> None:
    owner = _owner(ref)
    if owner is not None:
        owner._on_failed(job_id, message)


def _deliver_progress(ref: weakref.ref, job_id: int, value: object) -> None:
    owner = _owner(ref)
    if owner is not None:
        owner._on_progress(job_id, value)


def _run_job(
    relay: _Relay,
    ref: weakref.ref,
    job_id: int,
    work: Callable[..., Any],
    args: tuple,
    reports: bool,
):
    # Worker thread: touches no widgets and no shared state.
    try:
        if reports:
            result = work(*args, report=lambda value: relay.progress.emit(ref, job_id, value))
        else:
            result = work(*args)
    except Exception as exc:  # noqa: BLE001 - a bug in the work must not take the editor down
        relay.failed.emit(ref, job_id, f"{type(exc).__name__}: {exc}")
    else:
        relay.finished.emit(ref, job_id, result)


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
        self._relay = _relay()
        self._ref = weakref.ref(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self._start)
        self._thread: threading.Thread | None = None
        self._job_id = 0
        self._running = False
        self._again = False
        self._closed = False
        self._args: tuple = ()

    @property
    def debounce_ms(self) -> int:
        return self._timer.interval()

    def set_debounce(self, debounce_ms: int) -> None:
        """Wait this long after the last request before running (from the next request on)."""
        self._timer.setInterval(max(0, debounce_ms))

    def request(self, *args: Any, immediately: bool = False) -> None:
        """Run soon (after the debounce) with these arguments, or at once."""
        if self._closed:
            return
        self._args = args
        if immediately:
            self._timer.stop()
            self._start()
        else:
            self._timer.start()

    def _start(self) -> None:
        if self._closed:
            return
        if self._running:
            self._again = True
            return
        self._running = True
        self._job_id += 1
        self._thread = threading.Thread(
            target=_run_job,
            args=(self._relay, self._ref, self._job_id, self._work, self._args, self._reports),
            name="tsuzuri-background",
            daemon=True,
        )
        self._thread.start()

    def pending(self) -> bool:
        """True while a run is waiting for its debounce or running."""
        return self._timer.isActive() or self._running

    def _on_progress(self, job_id: int, value: object) -> None:
        if job_id == self._job_id and not self._again and not self._closed:
            self.progress.emit(value)

    def _on_finished(self, job_id: int, result: object) -> None:
        self._running = False
        if job_id == self._job_id and not self._again and not self._closed:
            self.finished.emit(result)
        self._run_again_if_asked()

    def _on_failed(self, job_id: int, message: str) -> None:
        self._running = False
        if job_id == self._job_id and not self._closed:
            self.failed.emit(message)
        self._run_again_if_asked()

    def _run_again_if_asked(self) -> None:
        if self._again:
            self._again = False
            self._start()

    def wait(self) -> None:
        """Block until the running job finishes (for benchmarks and tests; closing never waits)."""
        self._timer.stop()
        if self._thread is not None:
            self._thread.join()

    def shut_down(self) -> None:
        """The window is closing: start nothing more and drop what a running job returns."""
        self._closed = True
        self._timer.stop()
