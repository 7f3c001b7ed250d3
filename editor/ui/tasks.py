"""Long work off the window's thread, with progress in the status bar and a way to cancel.

``window.tasks.run(title, work, on_done)`` runs ``work(progress)`` on a worker thread (a
:class:`~editor.core.blog.progress.Progress`: the work calls ``progress.step(done, total)`` and
stops when it raises :class:`~editor.core.blog.progress.Cancelled`).  While it runs, the status bar
shows the title, a progress bar and a Cancel button.  ``on_done(result)`` runs on the window's
thread when it ends; a failure is shown to the writer (``on_failed(message)`` instead, when
given), never swallowed.  Indexing, searching, git, renames across posts: all go through here.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QStatusBar, QToolButton, QWidget

from editor.core.blog.progress import Cancelled, Progress


class Task(QObject):
    """One piece of work on its worker thread; its signals arrive on the window's thread."""

    stepped = Signal(int, int, str)  # done, total (0: unknown), label
    done = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, title: str, parent: QObject | None = None):
        super().__init__(parent)
        self.title = title
        self.progress = Progress(lambda done, total, label: self.stepped.emit(done, total, label))
        self.finished = False
        self.last_step: tuple[int, int, str] | None = None  # done, total, label
        self._thread: threading.Thread | None = None

    def cancel(self) -> None:
        """Ask the work to stop at its next step (it ends with ``cancelled``)."""
        self.progress.cancel()

    def start(self, work: Callable[[Progress], Any]) -> None:
        self._thread = threading.Thread(
            target=self._run, args=(work,), name=f"tsuzuri-task {self.title}", daemon=True
        )
        self._thread.start()

    def _run(self, work: Callable[[Progress], Any]) -> None:
        # Worker thread: emits only (Qt queues the signals to the window's thread).
        try:
            result = work(self.progress)
        except Cancelled:
            self.cancelled.emit()
        except Exception as exc:  # noqa: BLE001 - shown to the writer, never swallowed
            self.failed.emit(f"{type(exc).__name__}: {exc}" if not str(exc) else str(exc))
        else:
            self.done.emit(result)

    def wait(self, timeout: float | None = None) -> None:
        """Block until the worker ends (tests and benchmarks only; the window never waits)."""
        if self._thread is not None:
            self._thread.join(timeout)


class TaskRunner(QObject):
    """Starts tasks and shows the running ones in the status bar (the newest, and how many)."""

    started = Signal(object)  # Task
    ended = Signal(object)  # Task

    def __init__(self, status_bar: QStatusBar, show_error: Callable[[str, str], None], parent):
        super().__init__(parent)
        self._show_error = show_error
        self.running: list[Task] = []
        self.widget = QWidget()
        self.widget.setObjectName("taskProgress")
        layout = QHBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(False)
        self.cancel_button = QToolButton()
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setObjectName("taskCancel")
        self.cancel_button.clicked.connect(self.cancel_newest)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        status_bar.addPermanentWidget(self.widget)
        self.widget.hide()

    def run(
        self,
        title: str,
        work: Callable[[Progress], Any],
        on_done: Callable[[Any], None] | None = None,
        on_failed: Callable[[str], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        cancellable: bool = True,
    ) -> Task:
        """Run ``work(progress)`` on a worker; see the module's description."""
        task = Task(title, self)
        task.setProperty("cancellable", cancellable)
        task.stepped.connect(
            lambda done, total, label, t=task: self._on_step(t, done, total, label)
        )
        task.done.connect(lambda result, t=task: self._end(t, on_done, result))
        task.failed.connect(lambda message, t=task: self._fail(t, on_failed, message))
        task.cancelled.connect(lambda t=task: self._end(t, on_cancelled))
        self.running.append(task)
        self._show()
        self.started.emit(task)
        task.start(work)
        return task

    def cancel_newest(self) -> None:
        for task in reversed(self.running):
            if task.property("cancellable"):
                task.cancel()
                return

    def cancel_all(self) -> None:
        """The window is closing: every cancellable task is asked to stop."""
        for task in self.running:
            if task.property("cancellable"):
                task.cancel()

    def _on_step(self, task: Task, done: int, total: int, label: str) -> None:
        task.last_step = (done, total, label)
        if self.running and task is self.running[-1]:
            self.bar.setRange(0, max(total, 0))
            self.bar.setValue(done if total else 0)
            self.label.setText(f"{task.title} {label}".strip())

    def _fail(self, task: Task, on_failed, message: str) -> None:
        if on_failed is not None:
            self._end(task, on_failed, message)
            return
        self._end(task, None)
        self._show_error(task.title, message)

    def _end(self, task: Task, then, *args) -> None:
        task.finished = True
        if task in self.running:
            self.running.remove(task)
        self._show()
        self.ended.emit(task)
        task.deleteLater()
        if then is not None:
            then(*args)

    def _show(self) -> None:
        if not self.running:
            self.widget.hide()
            return
        newest = self.running[-1]
        more = len(self.running) - 1
        text = (
            newest.title
            if not more
            else self.tr("{title} (+{more})").format(title=newest.title, more=more)
        )
        self.label.setText(text)
        self.bar.setRange(0, 0)  # busy until the first step
        if newest.last_step is not None:  # another task ended: the newest keeps its steps
            done, total, _label = newest.last_step
            self.bar.setRange(0, max(total, 0))
            self.bar.setValue(done if total else 0)
        self.cancel_button.setEnabled(any(t.property("cancellable") for t in self.running))
        self.widget.show()
