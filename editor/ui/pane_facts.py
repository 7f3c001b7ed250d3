"""The counts and headings of the current text pane, read in a worker process once typing pauses.

Counting the prose and finding the headings of a megabyte post is a few hundred milliseconds
of Python: on a thread of the editor's process it would hold the interpreter every keystroke
needs, so it runs in a process of its own (one for the application, as the render has), given
the pane's mirror text.  Only the newest text's answer is shown: an answer for a text typed
over meanwhile is dropped and the newest text is read at once.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from editor.ui.process_service import ProcessService, shared

FACTS_WORKER = "editor.core.text.facts:FactsWorker"
# The pane is read again once typing pauses this long (sending a megabyte on every keystroke
# would cost the keystrokes); above LARGE_TEXT characters, a longer pause.
PAUSE_MS = 150
LARGE_TEXT = 50_000
LARGE_PAUSE_MS = 400


class PaneFacts(QObject):
    """Reads :class:`~editor.core.text.facts.TextFacts` of the text pane it is attached to;
    ``markers()`` are the doctor's continuation markers the counts leave out."""

    finished = Signal(object)
    """The facts (:class:`~editor.core.text.facts.TextFacts`) of the pane's newest text."""

    def __init__(
        self,
        markers: Callable[[], tuple[str, ...]] = tuple,
        parent: QObject | None = None,
        service: ProcessService | None = None,
    ):
        super().__init__(parent)
        self.editor = None
        self._markers = markers
        self.service = service or shared(FACTS_WORKER)
        self.service.done.connect(self._on_done)
        self.service.failed.connect(self._on_failed)
        self._job = 0  # the call in flight, 0 for none
        self._again = False  # the text changed while a call was in flight
        self._sent: tuple = ()  # (pane, mirror version) of the text in flight
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.timeout.connect(self.refresh)

    def attach(self, editor) -> None:
        """Read ``editor`` (a :class:`~editor.ui.editor_pane.MarkdownEditor`) from now on, and
        at once."""
        if editor is self.editor:
            return
        if self.editor is not None:
            self.editor.textChanged.disconnect(self._on_text_changed)
        self.editor = editor
        editor.textChanged.connect(self._on_text_changed)
        self.refresh()

    def refresh(self) -> None:
        """Read the pane's text again now (once the call in flight is answered)."""
        self._pause.stop()
        if self.editor is None:
            return
        if self._job:
            self._again = True
            return
        self._again = False
        mirror = self.editor.mirror
        self._sent = (self.editor, mirror.version)
        self._job = self.service.call("read", mirror.text, tuple(self._markers()))

    def pending(self) -> bool:
        """True while the pane's newest text is not read yet."""
        return bool(self._job) or self._pause.isActive()

    def _on_text_changed(self) -> None:
        large = self.editor.document().characterCount() > LARGE_TEXT
        self._pause.start(LARGE_PAUSE_MS if large else PAUSE_MS)

    def _on_done(self, job: int, facts: object) -> None:
        if job != self._job:
            return  # another caller's, or one given up
        self._job = 0
        if self._again or self._sent != (self.editor, self.editor.mirror.version):
            # Typed over (or another post shown) meanwhile: the newest text is what counts,
            # read at once or after the pause that is running.
            if not self._pause.isActive():
                self.refresh()
            return
        self.finished.emit(facts)

    def _on_failed(self, job: int, _message: str) -> None:
        if job != self._job:
            return
        self._job = 0
        # The process died (the next call starts it again) or the text could not be read:
        # the last facts stay shown, and the next pause reads again.
        if self._again:
            self.refresh()

    def wait(self, timeout: float = 60.0) -> None:
        """Block until the newest text is read (tests and benchmarks)."""
        deadline = time.monotonic() + timeout
        while self._job and time.monotonic() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.002)

    def shut_down(self) -> None:
        self._pause.stop()
        self._job = 0
        self._again = False
