"""A handler object in a worker process, called from the UI thread without waiting.

Long work (a render, a doctor run) holds Python's interpreter lock while it runs; on a thread
of the editor's own process that makes every keystroke wait.  In a worker process it does not.
:class:`ProcessService` starts the process on first use (``spawn``), sends calls down a pipe,
and a reader thread hands the answers to the UI thread as signals.  If the process dies, the
calls waiting on it fail with a message, and the next call starts a new process: its
:attr:`generation` goes up, so a caller that keeps state there (the text of a post) knows to
send it all again.
"""

from __future__ import annotations

import itertools
import multiprocessing
import threading
import time
import weakref
from typing import Any

from PySide6.QtCore import QObject, Signal
from shiboken6 import isValid

from editor.core.files.service import serve


class _Relay(QObject):
    """Carries answers from a reader thread to the UI thread; one for the process, never
    deleted by Tsuzuri, so a reader that outlives its service emits on a live object (only the
    application's end takes it, and a reader then stops: :func:`_emit`)."""

    message = Signal(object, object)


_RELAY: list[_Relay] = []


def _relay() -> _Relay:
    if not _RELAY:
        relay = _Relay()
        relay.message.connect(_deliver)
        _RELAY.append(relay)
    return _RELAY[0]


def _deliver(ref: weakref.ref, message: tuple) -> None:
    service = ref()
    if service is not None and isValid(service):
        service._on_message(message)


def _emit(relay: _Relay, ref: weakref.ref, message: tuple) -> bool:
    """Relay ``message``; False once the application has ended and taken the relay with it."""
    try:
        relay.message.emit(ref, message)
    except RuntimeError:  # "Signal source has been deleted": nobody is left to tell
        return False
    return True


def _read(relay: _Relay, ref: weakref.ref, connection, generation: int) -> None:
    # Reader thread: blocks on the pipe (without the interpreter lock) and relays each answer.
    while True:
        try:
            message = connection.recv()
        except (EOFError, OSError):
            _emit(relay, ref, (generation, "stopped", None, 0.0))
            return
        if not _emit(relay, ref, (generation, "answer", message, time.time())):
            return


class ProcessService(QObject):
    """Calls ``handler`` (``"module:Name"``, see ``editor.core.files.service``) in a worker process."""

    done = Signal(int, object)
    """A call finished: its job number and what it returned."""
    failed = Signal(int, str)
    """A call raised, or the process died before answering: job number and message."""
    progress = Signal(int, object)
    """A call reported a partial result."""

    def __init__(self, handler: str, parent: QObject | None = None):
        super().__init__(parent)
        self._handler = handler
        self._ref = weakref.ref(self)
        self._jobs = itertools.count(1)
        self._waiting: set[int] = set()
        self._process = None
        self._connection = None
        self.generation = 0
        """Goes up each time a new worker process starts (state kept there is lost)."""
        self._closed = False
        self.received_at = 0.0
        """When the reader thread took the last answer off the pipe (``time.time()``)."""

    @property
    def running(self) -> bool:
        return self._process is not None

    @property
    def pid(self) -> int | None:
        """The worker process's id while one runs."""
        return None if self._process is None else self._process.pid

    def busy(self) -> bool:
        """True while a call has not been answered."""
        return bool(self._waiting)

    def start(self) -> None:
        """Start the worker process now (it would start with the first call anyway)."""
        if self._process is not None or self._closed:
            return
        context = multiprocessing.get_context("spawn")
        ours, theirs = context.Pipe()
        process = context.Process(
            target=serve, args=(theirs, self._handler), name="tsuzuri-worker", daemon=True
        )
        process.start()
        theirs.close()
        self._process, self._connection = process, ours
        self.generation += 1
        threading.Thread(
            target=_read,
            args=(_relay(), self._ref, ours, self.generation),
            name="tsuzuri-worker-reader",
            daemon=True,
        ).start()

    def call(self, method: str, *args: Any) -> int:
        """Ask the worker to run ``handler.method(*args)``; returns the job number its answer
        will carry (0 once the service is shut down)."""
        if self._closed:
            return 0
        self.start()
        job = next(self._jobs)
        try:
            self._connection.send((job, method, args))
        except (OSError, ValueError) as exc:
            self._lost(f"{type(exc).__name__}: {exc}")
            return self.call(method, *args)
        self._waiting.add(job)
        return job

    def _on_message(self, message: tuple) -> None:
        generation, kind, payload, received_at = message
        if generation != self.generation or self._closed:
            return
        self.received_at = received_at
        if kind == "stopped":
            self._lost(self.tr("The worker process stopped."))
            return
        job, status, value = payload
        if status == "progress":
            if job in self._waiting:
                self.progress.emit(job, value)
            return
        self._waiting.discard(job)
        if status == "done":
            self.done.emit(job, value)
        else:
            self.failed.emit(job, value)

    def _lost(self, message: str) -> None:
        """The process went away: its calls fail, and the next call starts a new one."""
        process, self._process, self._connection = self._process, None, None
        if process is not None and process.is_alive():
            process.kill()
        waiting, self._waiting = sorted(self._waiting), set()
        for job in waiting:
            self.failed.emit(job, message)

    def shut_down(self) -> None:
        """Stop the worker without waiting for it; answers still on their way are dropped."""
        self._closed = True
        if self._connection is not None:
            try:
                self._connection.send(None)
            except (OSError, ValueError):
                pass
        process, self._process = self._process, None
        if process is not None:
            process.join(0.2)
            if process.is_alive():
                process.kill()
        self._waiting.clear()


_SHARED: dict[str, ProcessService] = {}


def shared(handler: str) -> ProcessService:
    """The application's one process for ``handler`` ("module:Class"): every window and tab
    that needs it uses the same one, each call naming its own post."""
    if handler not in _SHARED:
        _SHARED[handler] = ProcessService(handler)
    return _SHARED[handler]


def stop_shared(handler: str | None = None) -> None:
    """Stop the shared process of ``handler`` (every one when None); the next use starts a new
    one, in the environment of then."""
    for name in [handler] if handler is not None else list(_SHARED):
        service = _SHARED.pop(name, None)
        if service is not None:
            service.shut_down()
