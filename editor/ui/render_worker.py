"""Renders post bodies off the UI thread; stale results are dropped by job id."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from editor.core.render import RenderContext, render_body


class _Relay(QObject):
    """Lives on the UI thread; workers emit through it (queued to the UI thread)."""

    finished = Signal(int, str)
    failed = Signal(int, str)


class _RenderJob(QRunnable):
    def __init__(self, relay: _Relay, job_id: int, text: str, context: RenderContext):
        super().__init__()
        self._relay, self._job_id, self._text, self._context = relay, job_id, text, context

    def run(self) -> None:  # worker thread: touches no widgets and no shared state
        try:
            html = render_body(self._text, self._context).html
        except Exception as exc:  # noqa: BLE001 - a renderer bug must not take the editor down
            self._relay.failed.emit(self._job_id, f"{type(exc).__name__}: {exc}")
        else:
            self._relay.finished.emit(self._job_id, html)


class RenderScheduler(QObject):
    """Debounces edits and renders the latest text once typing pauses.

    Edits made while a render runs cause exactly one more render afterwards.
    """

    rendered = Signal(str)
    render_failed = Signal(str)

    def __init__(self, debounce_ms: int = 120, parent: QObject | None = None):
        super().__init__(parent)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._on_finished)
        self._relay.failed.connect(self._on_failed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self._start)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._job_id = 0
        self._running = False
        self._again = False
        self._text = ""
        self._context = RenderContext()

    def request(self, text: str, context: RenderContext, immediately: bool = False) -> None:
        """Render ``text`` soon (after the debounce), or at once."""
        self._text, self._context = text, context
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
        self._pool.start(_RenderJob(self._relay, self._job_id, self._text, self._context))

    def _on_finished(self, job_id: int, html: str) -> None:
        self._done()
        if job_id == self._job_id and not self._again:
            self.rendered.emit(html)
        self._maybe_again()

    def _on_failed(self, job_id: int, message: str) -> None:
        self._done()
        if job_id == self._job_id:
            self.render_failed.emit(message)
        self._maybe_again()

    def _done(self) -> None:
        self._running = False

    def _maybe_again(self) -> None:
        if self._again:
            self._again = False
            self._start()

    def wait(self) -> None:
        """Block until queued renders finish (for shutdown)."""
        self._pool.waitForDone()
