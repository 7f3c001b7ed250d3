"""The text pane's text as a Python string, kept up to date edit by edit.

Reading a megabyte post out of the pane (``toPlainText``) on every keystroke costs the writer
milliseconds per key.  :class:`PaneMirror` follows the document's ``contentsChange`` instead:
each change copies only the characters typed, and the string is patched in place.  Whatever
needs the pane's text (the post being edited, the preview's renders, the doctor) reads
:attr:`PaneMirror.text`, and :attr:`PaneMirror.edited` says what changed, so a worker process
that keeps its own copy needs only the change.

The mirror reads as ``toPlainText`` does (paragraph and line separators as ``\\n``, no-break
spaces as spaces); if it ever disagrees with the pane's length it reads the whole text again
and says so with a full :class:`PaneEdit` (``start`` 0, everything removed).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextCursor, QTextDocument

# Once typing pauses this long, the mirror is compared with the pane (one copy, in C).
CHECK_MS = 700

_PLAIN = str.maketrans({"\u2029": "\n", "\u2028": "\n", "\u00a0": " "})


@dataclass(frozen=True)
class PaneEdit:
    """``text[start:start + removed]`` (code points) became ``added``; ``version`` counts the
    edits of this pane, ``length`` is the new text's length."""

    version: int
    start: int
    removed: int
    added: str
    length: int

    @property
    def whole(self) -> bool:
        """The edit replaced the whole text (a post shown, or the mirror read afresh)."""
        return self.start == 0 and self.length == len(self.added)


class PaneMirror(QObject):
    """Follows one :class:`QTextDocument`; ``text`` is what ``toPlainText()`` would return."""

    edited = Signal(object)
    """A :class:`PaneEdit`, after :attr:`text` holds it."""

    def __init__(self, document: QTextDocument, parent: QObject | None = None):
        super().__init__(parent)
        self._document = document
        self.version = 0
        self.text = document.toPlainText()
        self._astral = _has_astral(self.text)  # then Qt's positions (UTF-16) differ from ours
        self.resyncs = 0
        """How many times the mirror disagreed with the pane and read it whole (tests)."""
        # Qt does not report a change made while it reports another (a slot that edits the
        # text from inside contentsChange): the pause's check catches what was never said.
        self._check = QTimer(self)
        self._check.setSingleShot(True)
        self._check.setInterval(CHECK_MS)
        self._check.timeout.connect(self.check)
        document.contentsChange.connect(self._on_change)

    def check(self) -> bool:
        """Compare with the pane now; read it whole if they differ.  True when they agreed."""
        self._check.stop()
        if self.text == self._document.toPlainText():
            return True
        self._read_whole()
        return False

    def _on_change(self, position: int, removed: int, added: int) -> None:
        document = self._document
        length = document.characterCount() - 1  # without the document's last separator
        if not self._astral and position <= len(self.text):
            # Qt may report a change as reaching one past the text's end (its last separator):
            # what follows the change is the same in the old text and the new.
            end = min(position + added, length)
            start = min(position, end)
            old_end = len(self.text) - (length - end)
            if start <= old_end <= len(self.text):
                cursor = QTextCursor(document)
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                typed = cursor.selectedText().translate(_PLAIN)
                if old_end - start == len(typed) and self.text[start:old_end] == typed:
                    return  # lines coloured again, or a format changed: the text is the same
                if not _has_astral(typed):
                    self._publish(
                        self.text[:start] + typed + self.text[old_end:],
                        start,
                        old_end - start,
                        typed,
                    )
                    return
        self._read_whole()

    def _read_whole(self) -> None:
        old = len(self.text)
        text = self._document.toPlainText()
        self._astral = _has_astral(text)
        self.resyncs += 1
        self._publish(text, 0, old, text)

    def _publish(self, text: str, start: int, removed: int, added: str) -> None:
        self.text = text
        self.version += 1
        self._check.start()
        self.edited.emit(PaneEdit(self.version, start, removed, added, len(text)))


def _has_astral(text: str) -> bool:
    """Characters outside the Basic Multilingual Plane (emoji): two UTF-16 units in Qt."""
    # One pass in C (a megabyte in about a millisecond), not a Python loop per character.
    return not text.isascii() and len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)
