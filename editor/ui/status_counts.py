"""The status bar's counts: 文字数, Latin words, reading time, line and column, the selection's.

The counts are the core's (:func:`editor.core.text.readtime.count_prose`; the reading time at
the doctor's reading speeds, as its reading-time rule works it out), worked out in the facts
process once typing pauses (:class:`~editor.ui.pane_facts.PaneFacts`, shared with the outline).
The line and column follow the cursor at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QStatusBar

from editor.core.doctor import DoctorConfig
from editor.core.doctor.reading_time import computed_minutes
from editor.core.text.facts import TextFacts
from editor.core.text.readtime import count_prose
from editor.core.text.textpos import code_point_column
from editor.ui.background import LatestOnly
from editor.ui.editor_pane import MarkdownEditor
from editor.ui.pane_facts import PaneFacts

# A selection up to this many characters is counted on the spot; a longer one on the worker.
SMALL_SELECTION = 20_000


def _selection_count(text: str) -> int:
    # Qt writes a line break in a selection as U+2029.
    return count_prose(text.replace("\u2029", "\n")).characters


class StatusCounts(QObject):
    """Permanent labels in the status bar for the text pane it is attached to; ``facts`` reads
    the pane's counts (one of its own unless the window shares one with the outline)."""

    def __init__(
        self,
        doctor_config: Callable[[], DoctorConfig],
        parent: QObject | None = None,
        line_offset: Callable[[], int] = lambda: 0,
        facts: PaneFacts | None = None,
    ):
        super().__init__(parent)
        self._doctor_config = doctor_config  # its reading speeds give the reading time
        # Lines of the file above the text pane (the front matter): the line shown is the
        # file's, as the doctor, search and the command line count them.
        self._line_offset = line_offset
        self.editor: MarkdownEditor | None = None
        self.characters = self._label(
            "statusCharacters",
            self.tr(
                "Characters of the prose: Japanese characters and punctuation, and each letter "
                "and digit of other text. Not counted: spaces, code, markup, addresses and the "
                "front matter. The reading time reads Japanese characters and English words "
                "apart, as the doctor does."
            ),
        )
        self.words = self._label("statusWords", self.tr("Words of English (Latin) text"))
        self.reading = self._label(
            "statusReadingTime", self.tr("Reading time, as the blog counts it")
        )
        self.position = self._label("statusPosition", self.tr("Line and column of the cursor"))
        self.selection = self._label("statusSelection", self.tr("Characters in the selection"))
        self.words.hide()
        self.selection.hide()
        self._reader = facts or PaneFacts(lambda: self._doctor_config().markers, self)
        self._reader.finished.connect(self._on_counted)
        self._selection_runner = LatestOnly(_selection_count, 0, self)
        self._selection_runner.finished.connect(self._show_selection)

    def _label(self, name: str, description: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setAccessibleDescription(description)
        label.setToolTip(description)
        return label

    def add_to(self, bar: QStatusBar) -> None:
        """Put the labels at the right of ``bar``, where they stay."""
        for label in (self.selection, self.characters, self.words, self.reading, self.position):
            bar.addPermanentWidget(label)

    def attach(self, editor: MarkdownEditor) -> None:
        """Count the text of ``editor`` (the current post's text pane) from now on."""
        if self.editor is not None:
            self.editor.cursorPositionChanged.disconnect(self.show_position)
            self.editor.selectionChanged.disconnect(self.count_selection)
        if editor is not self.editor:
            self.counting()
        self.editor = editor
        editor.cursorPositionChanged.connect(self.show_position)
        editor.selectionChanged.connect(self.count_selection)
        self._reader.attach(editor)
        self.show_position()
        self.count_selection()

    def counting(self) -> None:
        """Another text is in the pane (a tab, a post shown): say it is being counted until its
        counts come, rather than show the last text's (0 for the empty tab it was opened in)."""
        # "文字数 …": the label's own wording, its number still to come.
        self.characters.setText(self.tr("Characters {count}").format(count="…"))
        self.words.hide()
        self.reading.setText("")
        if self.editor is not None and not self._reader.pending():
            self._reader.refresh()  # no edit on its way to start a reading

    def _on_counted(self, facts: TextFacts) -> None:
        count = facts.count
        minutes = computed_minutes(count, self._doctor_config())
        self.characters.setText(self.tr("Characters {count}").format(count=f"{count.characters:,}"))
        self.words.setText(self.tr("Words {count}").format(count=f"{count.latin_words:,}"))
        self.words.setVisible(count.latin_words > 0)
        self.reading.setText(self.tr("{minutes} min read").format(minutes=minutes))

    def show_position(self) -> None:
        """Line of the file and column (1-based, in characters as the writer sees them) of the
        cursor."""
        cursor = self.editor.textCursor()
        column = code_point_column(cursor.block().text(), cursor.positionInBlock())
        self.position.setText(
            self.tr("Ln {line}, Col {column}").format(
                line=f"{cursor.blockNumber() + self._line_offset() + 1:,}",
                column=f"{column + 1:,}",
            )
        )

    def count_selection(self) -> None:
        """The selection's 文字数, or nothing without a selection."""
        cursor = self.editor.textCursor()
        if not cursor.hasSelection():
            self.selection.hide()
            return
        if cursor.selectionEnd() - cursor.selectionStart() <= SMALL_SELECTION:
            self._show_selection(_selection_count(cursor.selectedText()))
        else:
            self._selection_runner.request(cursor.selectedText(), immediately=True)

    def _show_selection(self, count: int) -> None:
        if self.editor is None or not self.editor.textCursor().hasSelection():
            return
        self.selection.setText(self.tr("Selected {count} characters").format(count=f"{count:,}"))
        self.selection.show()

    def wait(self) -> None:
        """Block until a count in progress is done (tests and benchmarks)."""
        self._reader.wait()
        self._selection_runner.wait()

    def shut_down(self) -> None:
        self._reader.shut_down()
        self._selection_runner.shut_down()
