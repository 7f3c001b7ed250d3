"""The loop of a worker process: calls on one handler object, answered in order.

A worker process keeps long work (a render of a megabyte post, a doctor run) off the editor's
interpreter, so typing never waits for it (see ``editor.ui.process_service``).  The process is
started with ``spawn``; ``handler`` names a class as ``"module:Name"``, made once in the worker
and kept, so it may keep state between calls (the last render of a post, say).

Messages in: ``(job, method, args)``, or None to stop.  Messages out: ``(job, "done", result)``,
``(job, "failed", message)`` and, from a method that reports as it goes (it calls
``handler.report(value)``), ``(job, "progress", value)``.
"""

from __future__ import annotations

import importlib
from typing import Any


def make_handler(name: str) -> Any:
    """The object ``"module:Name"`` names, made with no arguments."""
    module, _, attr = name.partition(":")
    return getattr(importlib.import_module(module), attr)()


def serve(connection, handler_name: str) -> None:
    """Answer calls on ``connection`` until told to stop or the other end goes away."""
    handler = make_handler(handler_name)
    while True:
        try:
            message = connection.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        job, method, args = message

        def report(value: Any, job: int = job) -> None:
            connection.send((job, "progress", value))

        handler.report = report
        try:
            result = getattr(handler, method)(*args)
        except Exception as exc:  # noqa: BLE001 - sent back and shown, never lost here
            reply = (job, "failed", f"{type(exc).__name__}: {exc}")
        else:
            reply = (job, "done", result)
        try:
            connection.send(reply)
        except (EOFError, OSError):
            return
