"""The text pane's text as a Python string, kept up to date edit by edit.

Reading a megabyte post out of the pane (``toPlainText``) on every keystroke costs the writer
milliseconds per key.  :class:`PaneMirror` follows the document's ``contentsChange`` instead:
each change copies only the characters typed, and the string is patched in place.  Whatever
needs the pane's text (the post being edited, the preview's renders, the doctor) reads
:attr:`PaneMirror.text`, and :attr:`PaneMirror.edited` says what changed, so a worker process
that keeps its own copy needs only the change.

Qt counts positions in UTF-16 units and the mirror in code points: it keeps the offsets of the
characters outside the BMP (an emoji is two units in Qt, one character here), updated by each
edit, so a post with emoji maps positions by a binary search, never by reading the pane again.

The mirror reads as ``toPlainText`` does (paragraph and line separators as ``\\n``, no-break
spaces as spaces); if it ever disagrees with the pane's length it reads the whole text again
and says so with a full :class:`PaneEdit` (``start`` 0, everything removed).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextCursor, QTextDocument

from editor.core.text.textpos import Utf16Offsets

# Once typing pauses this long, the mirror is compared with the pane, a stretch of this many
# UTF-16 units per turn of the event loop (one to three milliseconds at most), so a key pressed
# meanwhile never waits for a copy of the whole pane.
CHECK_MS = 700
CHECK_CHUNK = 1 << 16

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
        self._offsets = Utf16Offsets(self.text)  # Qt's positions (UTF-16) <-> ours
        self.resyncs = 0
        """How many times the mirror disagreed with the pane and read it whole (tests)."""
        # Qt does not report a change made while it reports another (a slot that edits the
        # text from inside contentsChange): the pause's check catches what was never said.
        self._check = QTimer(self)
        self._check.setSingleShot(True)
        self._check.setInterval(CHECK_MS)
        self._check.timeout.connect(self._check_from_start)
        self._step = QTimer(self)
        self._step.setSingleShot(True)
        self._step.setInterval(0)
        self._step.timeout.connect(self._check_stretch)
        self._checked_to = 0  # the Qt position the check after a pause has reached
        self.checks = 0
        """How many checks after a pause found the mirror and the pane the same (tests)."""
        document.contentsChange.connect(self._on_change)

    def check(self) -> bool:
        """Compare with the pane now, in one go; read it whole if they differ.  True when they
        agreed."""
        self._check.stop()
        self._step.stop()
        if self.text == self._document.toPlainText():
            return True
        self._read_whole()
        return False

    def _check_from_start(self) -> None:
        self._checked_to = 0
        self._check_stretch()

    def _check_stretch(self) -> None:
        """Compare the next stretch of the pane with the mirror; read the pane whole at the
        first difference.  An edit meanwhile starts the pause (and the check) again."""
        text, offsets, start = self.text, self._offsets, self._checked_to
        length = self._document.characterCount() - 1
        if length != len(text) + offsets.count:
            self._read_whole()
            return
        first = offsets.code_point(start)
        last = offsets.code_point(min(length, start + CHECK_CHUNK))
        end = offsets.utf16(last)
        cursor = QTextCursor(self._document)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        if cursor.selectedText().translate(_PLAIN) != text[first:last]:
            self._read_whole()
        elif last >= len(text):
            self.checks += 1
        else:
            self._checked_to = end
            self._step.start()

    def _on_change(self, position: int, removed: int, added: int) -> None:
        # Qt's positions count UTF-16 units; an emoji (outside the BMP) takes two of them and
        # one character here.  The code-point offsets of those characters are kept (usually
        # none), so a position maps through a binary search, never a read of the whole text.
        document = self._document
        length = document.characterCount() - 1  # without the document's last separator
        text, offsets = self.text, self._offsets
        old_length = len(text) + offsets.count
        if position <= old_length:
            # Qt may report a change as reaching one past the text's end (its last separator):
            # what follows the change is the same in the old text and the new.
            end = min(position + added, length)
            start = min(position, end)
            old_end = old_length - (length - end)
            if start <= old_end <= old_length:
                first, last = offsets.code_point(start), offsets.code_point(old_end)
                if offsets.utf16(first) == start and offsets.utf16(last) == old_end:
                    cursor = QTextCursor(document)
                    cursor.setPosition(start)
                    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                    typed = cursor.selectedText().translate(_PLAIN)
                    if text[first:last] == typed:
                        return  # lines coloured again, or a format changed: the text is the same
                    self._offsets = offsets.replaced(first, last, typed)
                    self._publish(text[:first] + typed + text[last:], first, last - first, typed)
                    return
        self._read_whole()

    def _read_whole(self) -> None:
        old = len(self.text)
        text = self._document.toPlainText()
        self._offsets = Utf16Offsets(text)
        self.resyncs += 1
        self._publish(text, 0, old, text)

    def _publish(self, text: str, start: int, removed: int, added: str) -> None:
        self.text = text
        self.version += 1
        self._step.stop()
        self._check.start()
        self.edited.emit(PaneEdit(self.version, start, removed, added, len(text)))
