"""The preview follows the text pane edit by edit: renders in a worker process, patches shown as
they come.

:class:`LivePreview` sends the post's text to the render process once, then each edit the pane's
mirror reports (never the whole text per keystroke, no pause first).  At most one call is on its
way: edits made meanwhile are gathered and sent together when it answers, and every answer is
shown, so the preview follows continuous typing however long a render takes.  The render
context (front matter, blog) is sent only when it changes.  A worker that dies or cannot start is
said in the status bar, started again and sent the whole text.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QObject, QTimer, Signal

from editor.core.render import RenderContext
from editor.core.render.worker import NEED_TEXT, Edit, Patch
from editor.ui.pane_mirror import PaneEdit, PaneMirror
from editor.ui.preview import PreviewPane
from editor.ui.process_service import ProcessService, shared

RENDER_WORKER = "editor.core.render.worker:RenderWorkers"
_POSTS = itertools.count(1)
RETRY_MS = 1000


class LivePreview(QObject):
    """Feeds ``pane`` from ``mirror``'s edits through the render process; ``context()`` is what
    the post renders with (asked again on :meth:`refresh`)."""

    finished = Signal(object)
    """A render is on its way to the page: its :class:`Patch` (warnings, version, stats)."""
    failed = Signal(str)
    """A render failed or the worker stopped (it is started again): why."""

    def __init__(
        self,
        pane: PreviewPane,
        mirror: PaneMirror,
        context: Callable[[], RenderContext],
        parent: QObject | None = None,
        service: ProcessService | None = None,
    ):
        super().__init__(parent)
        self.pane = pane
        self._mirror = mirror
        self._make_context = context
        self.service = service or shared(RENDER_WORKER)
        self._post = next(_POSTS)
        self._queue: list[Edit] = []
        self._job = 0
        self._generation = -1  # of the process that holds this post's text
        self._need_text = True
        self._context: RenderContext | None = None
        self._sent_context: RenderContext | None = None
        self._failures = 0
        self._closed = False
        self._edited_at = 0.0  # when the oldest edit not yet sent came
        self._sent_at = 0.0
        self.timeline: dict[str, float] = {}
        """The last render shown, stage by stage (``time.time()``; for the benchmark): the
        edit came from the mirror, the call was sent, the worker began and finished, the
        answer was read off the pipe, reached the UI thread, and was sent to the page."""
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._pump)
        self.service.done.connect(self._on_done)
        self.service.failed.connect(self._on_failed)
        mirror.edited.connect(self._on_edited)

    # -- what the writer does ------------------------------------------------------------------

    def refresh(self) -> None:
        """The render context may have changed (front matter, blog, file name): render again
        if it did."""
        self._context = self._make_context()
        self._pump()

    def _on_edited(self, edit: PaneEdit) -> None:
        if not self._edited_at:
            self._edited_at = time.time()
        if edit.whole:
            self._need_text = True
            self._queue.clear()
        else:
            self._queue.append((edit.version, edit.start, edit.removed, edit.added, edit.length))
        self._pump()

    @property
    def debounce_ms(self) -> int:
        """The simple preview's pause between whole pages (the web preview needs none)."""
        return self.pane.simple_pause_ms

    def set_debounce(self, debounce_ms: int) -> None:
        self.pane.simple_pause_ms = max(0, debounce_ms)

    # -- the worker --------------------------------------------------------------------------

    def busy(self) -> bool:
        """A render is on its way, or edits wait to be sent."""
        return bool(self._job or self._queue or self._need_text or self._retry.isActive())

    pending = busy

    def _pump(self) -> None:
        if self._job or self._closed or self._retry.isActive():
            return
        if self._context is None:
            self._context = self._make_context()
        service = self.service
        if not service.running or service.generation != self._generation:
            self._need_text = True  # a new process holds nothing of this post
        context = None if self._context == self._sent_context else self._context
        sent_at = time.time()
        try:
            if self._need_text:
                mirror = self._mirror
                job = service.call("reset", self._post, mirror.version, mirror.text, self._context)
                self._need_text = False
            elif self._queue or context is not None:
                job = service.call("edit", self._post, tuple(self._queue), context)
            else:
                return
        except Exception as exc:  # noqa: BLE001 - a process that cannot start is said, and tried again
            self._lost(f"{type(exc).__name__}: {exc}")
            return
        self._queue.clear()
        self._job = job
        self._sent_at = sent_at
        self._sent_context = self._context
        self._generation = service.generation

    def _on_done(self, job: int, value: object) -> None:
        if job != self._job or self._closed:
            return
        self._job = 0
        self._failures = 0
        if isinstance(value, Patch):
            self.timeline = {
                "edited": self._edited_at or self._sent_at,
                "sent": self._sent_at,
                "worker_got": value.stats.get("got_at", 0.0),
                "worker_done": value.stats.get("done_at", 0.0),
                "read": self.service.received_at,
                "ui": time.time(),
            }
            self._edited_at = 0.0
        if value == NEED_TEXT or not (isinstance(value, Patch) and self.pane.apply_patch(value)):
            self._need_text = True
        else:
            self.finished.emit(value)
        self._pump()

    def _on_failed(self, job: int, message: str) -> None:
        if job != self._job or self._closed:
            return
        self._job = 0
        self._lost(message)

    def _lost(self, message: str) -> None:
        """The call failed or the process stopped: say it, and send everything again (at once
        the first time, then after a pause, so a worker that keeps dying does not spin)."""
        self._need_text = True
        self._sent_context = None
        self._failures += 1
        self.failed.emit(message)
        if self._failures > 1:
            self._retry.start(min(RETRY_MS * (self._failures - 1), 10 * RETRY_MS))
        else:
            self._pump()

    def wait(self, timeout_ms: int = 60000) -> None:
        """Process events until the newest edit's render is on its way to the page (benchmarks
        and tests; the window never waits)."""
        clock = QElapsedTimer()
        clock.start()
        while self.busy() and not self._closed and clock.elapsed() < timeout_ms:
            QCoreApplication.processEvents()

    def shut_down(self) -> None:
        """The tab is closing: nothing more is sent, a render on its way is dropped."""
        if self._closed:
            return
        self._closed = True
        self._retry.stop()
        self._mirror.edited.disconnect(self._on_edited)
        self.service.done.disconnect(self._on_done)
        self.service.failed.disconnect(self._on_failed)
        if self.service.running:
            try:
                self.service.call("forget", self._post)
            except Exception:  # noqa: BLE001, S110 - the process is going anyway
                pass
