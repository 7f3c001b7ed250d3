"""Find and replace in the text pane, and find in the preview, through one bar.

The controller is pointed at a text pane and a preview with :meth:`FindController.attach` (the
window attaches the current post's).  It searches with :mod:`editor.core.text.search`, marks the
matches the pane shows (its own layer of marks, beside the doctor's), keeps the count as the
text changes, and replaces one match or all of them as a single undo step.
"""

from __future__ import annotations

import bisect

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit, QVBoxLayout, QWidget

from editor.core.text.edits import Edit, apply_edits
from editor.core.text.search import SearchOptions, SearchProblem, find_all, plan_replace_all
from editor.core.text.textpos import Utf16Offsets
from editor.ui.editor_pane import MarkdownEditor
from editor.ui.find_bar import FindBar
from editor.ui.i18n import current_language
from editor.ui.pane_marks import marks, set_marks
from editor.ui.preview import PreviewPane
from editor.ui.settings import Settings

# The pane shows at most this many marks at once: only the matches on screen are marked.
MAX_VISIBLE_MARKS = 1000
# Replace all makes edits one by one up to this many, else one edit of the span they cover.
MAX_SINGLE_EDITS = 2000
MATCH_COLOUR = QColor(255, 214, 0, 110)
CURRENT_COLOUR = QColor(255, 140, 0, 170)
# A regular expression that backtracks longer than this (seconds) is stopped, not waited for.
REGEX_TIME_LIMIT = 2.0
_UNDO = QKeySequence.StandardKey.Undo
_REDO = QKeySequence.StandardKey.Redo

_OPTION_KEYS = {
    "case_sensitive": "find/case_sensitive",
    "whole_word": "find/whole_word",
    "regex": "find/regex",
    "width_insensitive": "find/width_insensitive",
}


class FindController(QObject):
    """The find bar's searches in the attached text pane or preview; the Edit menu's find items."""

    status_message = Signal(str)

    def __init__(
        self,
        editor: MarkdownEditor | None,
        preview: PreviewPane | None,
        settings: Settings,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._settings = settings
        self.bar = FindBar()
        self._buttons = {
            "case_sensitive": self.bar.case_button,
            "whole_word": self.bar.word_button,
            "regex": self.bar.regex_button,
            "width_insensitive": self.bar.width_button,
        }
        for name, button in self._buttons.items():
            button.setChecked(bool(settings.value(_OPTION_KEYS[name])))
        self.editor: MarkdownEditor | None = None
        self.preview: PreviewPane | None = None
        self._in_preview = False
        self._text: str | None = None  # the text the spans are for (None: search again)
        self._spans: list[tuple[int, int]] = []  # Qt positions (UTF-16) in the pane
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._truncated = False
        self._anchor = 0
        self._undo_in_pane = False  # after Replace all, until the writer types in the bar
        for field in (self.bar.find_field, self.bar.replace_field):
            field.installEventFilter(self)
            field.textEdited.connect(self._on_field_edited)
        self._recount = QTimer(self)
        self._recount.setSingleShot(True)
        self._recount.timeout.connect(lambda: self._search(move=False))
        # Marks follow scrolling and the cursor once the pane has finished moving: setting them
        # from inside its scroll handling crashes Qt on a long post.
        self._remark = QTimer(self)
        self._remark.setSingleShot(True)
        self._remark.setInterval(0)
        self._remark.timeout.connect(self._mark_visible)

        self.find_action = self._action(self.tr("&Find…"), QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(lambda: self.open_find(replace=False))
        self.replace_action = self._action(self.tr("R&eplace…"), QKeySequence.StandardKey.Replace)
        if self.replace_action.shortcut().isEmpty():  # X11 desktops other than KDE have none
            self.replace_action.setShortcut(QKeySequence("Ctrl+H"))
        self.replace_action.triggered.connect(lambda: self.open_find(replace=True))
        self.next_action = self._action(self.tr("Find &Next"), QKeySequence.StandardKey.FindNext)
        self.next_action.triggered.connect(self.find_next)
        self.previous_action = self._action(
            self.tr("Find Pre&vious"), QKeySequence.StandardKey.FindPrevious
        )
        # The platform's second binding, Ctrl+Shift+G, is Git ▸ Commit Post; Shift+F3 stays.
        self.previous_action.setShortcuts(
            [k for k in self.previous_action.shortcuts() if k != QKeySequence("Ctrl+Shift+G")]
        )
        self.previous_action.triggered.connect(self.find_previous)
        # No key of its own: Ctrl+Shift+F searches across posts (search_controller.py).
        self.preview_action = self._action(self.tr("Find &in Preview…"), "")
        self.preview_action.triggered.connect(self.open_find_in_preview)

        self.bar.query_changed.connect(lambda: self._search(move=True))
        self.bar.options_changed.connect(self._on_options_changed)
        self.bar.next_requested.connect(self.find_next)
        self.bar.previous_requested.connect(self.find_previous)
        self.bar.replace_requested.connect(self.replace_one)
        self.bar.replace_all_requested.connect(self.replace_all)
        self.bar.closed.connect(self._on_closed)
        if editor is not None:
            self.attach(editor, preview)

    def _action(self, text: str, shortcut) -> QAction:
        action = QAction(text, self)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)  # every binding of the platform (F3 and Ctrl+G)
        else:
            action.setShortcut(QKeySequence(shortcut))
        return action

    def fill_menu(self, menu: QMenu) -> None:
        """Find, Replace, Find Next, Find Previous and Find in Preview."""
        for action in (
            self.find_action,
            self.replace_action,
            self.next_action,
            self.previous_action,
            self.preview_action,
        ):
            menu.addAction(action)

    def with_bar(self, pane: QWidget) -> QWidget:
        """A widget holding ``pane`` with the find bar under it (for the window's layout)."""
        box = QWidget()
        box.setObjectName("findBox")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(pane, 1)
        layout.addWidget(self.bar)
        return box

    # -- attaching ---------------------------------------------------------------------------

    def attach(self, editor: MarkdownEditor, preview: PreviewPane | None = None) -> None:
        """Search in ``editor`` (and ``preview``) from now on; the marks leave the previous pane."""
        if self.editor is not None:
            self._connect_editor(self.editor, connect=False)
            set_marks(self.editor, "find", [])
        if self.preview is not None:
            self.preview.find_finished.disconnect(self._on_preview_found)
            self.preview.body_updated.disconnect(self._on_preview_updated)
        self.editor, self.preview = editor, preview
        self._undo_in_pane = False
        self._connect_editor(editor, connect=True)
        if preview is not None:
            preview.find_finished.connect(self._on_preview_found)
            preview.body_updated.connect(self._on_preview_updated)
        self._text = None
        if self.bar.isVisible() and not self._in_preview:
            self._search(move=False)

    def _connect_editor(self, editor: MarkdownEditor, connect: bool) -> None:
        pairs = (
            (editor.document().contentsChanged, self._on_text_changed),
            (editor.verticalScrollBar().valueChanged, self._on_scrolled),
            (editor.cursorPositionChanged, self._on_cursor_moved),
        )
        for signal, slot in pairs:
            if connect:
                signal.connect(slot)
            else:
                signal.disconnect(slot)
        if connect:
            editor.viewport().installEventFilter(self)
            editor.installEventFilter(self)  # Esc in the text pane closes the bar too
        else:
            editor.viewport().removeEventFilter(self)
            editor.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if watched is self.editor:
            if (
                kind == QEvent.Type.KeyPress
                and event.key() == Qt.Key.Key_Escape
                and event.modifiers() == Qt.KeyboardModifier.NoModifier
                and self.bar.isVisible()
                and not getattr(getattr(watched, "aids", None), "composing", False)
            ):
                self.bar.close_bar()  # the input method keeps Esc while it composes
                return True
            return False
        if kind == QEvent.Type.Resize:
            self._remark.start()
        elif kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and (
            self.undo_target(watched) is not None
        ):
            for key, act in ((_UNDO, self.editor.undo), (_REDO, self.editor.redo)):
                if event.matches(key):
                    event.accept()  # the field's own undo does not take the key
                    if kind == QEvent.Type.KeyPress:
                        act()
                    return True
        return False

    def undo_target(self, widget: QObject | None) -> QPlainTextEdit | None:
        """The text pane, when Undo in ``widget`` (a field of the bar) should undo the post:
        right after Replace all, until the writer types in the bar again."""
        fields = (self.bar.find_field, self.bar.replace_field)
        return self.editor if self._undo_in_pane and widget in fields else None

    def _on_field_edited(self) -> None:
        self._undo_in_pane = False

    # -- opening and closing -----------------------------------------------------------------

    def open_find(self, replace: bool = False) -> None:
        """Show the bar for the text pane, seeded with the selection when it is on one line."""
        if self._in_preview and self.preview is not None:
            self.preview.find_text("")
        self._in_preview = False
        cursor = self.editor.textCursor()
        selected = cursor.selectedText()
        self._anchor = cursor.selectionStart()
        seeded = bool(selected) and "\u2029" not in selected
        self.bar.open(replace, in_preview=False)
        if seeded and selected != self.bar.query:
            self.bar.find_field.setText(selected)  # searches
            self.bar.find_field.selectAll()
        else:
            self._search(move=not seeded)

    def open_find_in_preview(self) -> None:
        """Show the bar for the preview page (plain text, case as the Aa toggle says)."""
        if self.preview is None:
            return
        set_marks(self.editor, "find", [])
        self._in_preview = True
        selected = self.preview.selected_text()
        self.bar.open(False, in_preview=True)
        if selected and "\n" not in selected and selected != self.bar.query:
            self.bar.find_field.setText(selected)
            self.bar.find_field.selectAll()
        else:
            self._search(move=True)

    def _on_closed(self) -> None:
        self._recount.stop()
        if self._in_preview and self.preview is not None:
            self.preview.find_text("")
            self.preview.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            set_marks(self.editor, "find", [])
            self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_options_changed(self) -> None:
        for name, button in self._buttons.items():
            self._settings.set_value(_OPTION_KEYS[name], button.isChecked())
        self._search(move=True)

    def options(self) -> SearchOptions:
        return SearchOptions(**{name: b.isChecked() for name, b in self._buttons.items()})

    # -- searching ---------------------------------------------------------------------------

    def _search(self, move: bool) -> None:
        """Find every match again; ``move`` selects the first one from where finding began."""
        self._recount.stop()
        query = self.bar.query
        if self._in_preview:
            if self.preview is not None:
                self.preview.find_text(query, case_sensitive=self.bar.case_button.isChecked())
            if not query:
                self.bar.show_count("")
            return
        text = self.editor.mirror.text
        self._text = text
        found = find_all(text, query, self.options(), time_limit=REGEX_TIME_LIMIT)
        if found.problem is not None:
            self._set_spans([], False)
            self.bar.show_problem(self.problem_words(found.problem))
            self._mark_visible()
            return
        offsets = Utf16Offsets(text)
        spans = found.spans
        if offsets.has_astral:
            spans = [(offsets.utf16(a), offsets.utf16(b)) for a, b in spans]
        self._set_spans(spans, found.truncated)
        if move and spans:
            index = bisect.bisect_left(self._starts, self._anchor)
            self._select(index % len(spans))
        else:
            self._show_count()
            self._mark_visible()

    def _set_spans(self, spans: list[tuple[int, int]], truncated: bool) -> None:
        self._spans = spans
        self._starts = [start for start, _ in spans]
        self._ends = [end for _, end in spans]
        self._truncated = truncated

    def _fresh(self) -> bool:
        """Search again if the text changed since the last search; False when nothing to find."""
        if not self.bar.query:
            return False
        if self._text is None or self._recount.isActive():
            self._search(move=False)
        return bool(self._spans)

    def _current(self) -> int | None:
        """The index of the match the pane's selection is on."""
        cursor = self.editor.textCursor()
        index = bisect.bisect_left(self._starts, cursor.selectionStart())
        if index < len(self._spans) and self._spans[index] == (
            cursor.selectionStart(),
            cursor.selectionEnd(),
        ):
            return index
        return None

    def _select(self, index: int) -> None:
        start, end = self._spans[index]
        cursor = self.editor.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.ensureCursorVisible()
        self._show_count()
        self._mark_visible()

    def find_next(self) -> None:
        self._step(forward=True)

    def find_previous(self) -> None:
        self._step(forward=False)

    def _step(self, forward: bool) -> None:
        if not self.bar.query:
            if self._in_preview:
                self.open_find_in_preview()
            else:
                self.open_find()
            return
        if self._in_preview:
            if self.preview is not None:
                self.preview.find_text(
                    self.bar.query,
                    backward=not forward,
                    case_sensitive=self.bar.case_button.isChecked(),
                )
            return
        if not self._fresh():
            return
        cursor = self.editor.textCursor()
        if forward:
            index = bisect.bisect_left(self._starts, cursor.selectionEnd())
            if self._current() == index:  # an empty match under the cursor: go past it
                index += 1
        else:
            index = bisect.bisect_left(self._starts, cursor.selectionStart()) - 1
        self._select(index % len(self._spans))

    def _show_count(self) -> None:
        if not self.bar.query:
            self.bar.show_count("")
            return
        if not self._spans:
            self.bar.show_count(self.tr("No results"))
            return
        current = self._current()
        total = f"{len(self._spans)}+" if self._truncated else str(len(self._spans))
        self.bar.show_count(
            self.tr("{current} / {total}").format(
                current="?" if current is None else current + 1, total=total
            )
        )

    def problem_words(self, problem: SearchProblem) -> str:
        """The writer's words for a pattern or replacement that cannot be used."""
        if problem.code == "bad-pattern":
            text = self.tr("Not a valid regular expression: {reason} (at character {position})")
        elif problem.code == "slow-pattern":
            text = self.tr(
                "The regular expression takes too long on this text (stopped after {seconds} s)"
            )
        else:
            text = self.tr("Not a valid replacement: {reason} (at character {position})")
        return text.format(**{**problem.params, "reason": problem.reason(current_language())})

    # -- keeping up with the text ------------------------------------------------------------

    def _on_text_changed(self) -> None:
        if not self.bar.isVisible() or self._in_preview or not self.bar.query:
            self._text = None
            return
        size = self.editor.document().characterCount()
        self._recount.start(80 if size < 200_000 else 300)

    def _on_scrolled(self, _value: int) -> None:
        if self.bar.isVisible():
            self._remark.start()

    def _on_cursor_moved(self) -> None:
        if self.bar.isVisible() and not self._in_preview and not self._recount.isActive():
            self._show_count()
            self._remark.start()

    def _mark_visible(self) -> None:
        """Mark the matches the pane shows now (the current one stronger)."""
        editor = self.editor
        if not self.bar.isVisible() or self._in_preview or not self._spans:
            set_marks(editor, "find", [])
            return
        first = editor.firstVisibleBlock().position()
        last_block = editor.cursorForPosition(editor.viewport().rect().bottomRight()).block()
        last = last_block.position() + last_block.length()
        begin = bisect.bisect_left(self._ends, first)
        end = min(bisect.bisect_right(self._starts, last), begin + MAX_VISIBLE_MARKS)
        current = self._current()
        selections = []
        for index in range(begin, end):
            start, stop = self._spans[index]
            if start == stop:
                continue
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(editor.document())
            cursor.setPosition(start)
            cursor.setPosition(stop, QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setBackground(CURRENT_COLOUR if index == current else MATCH_COLOUR)
            selection.cursor, selection.format = cursor, fmt
            selections.append(selection)
        set_marks(editor, "find", selections)

    def visible_marks(self) -> int:
        """How many matches are marked in the pane now (for tests and the curious)."""
        return len(marks(self.editor, "find"))

    # -- replacing ---------------------------------------------------------------------------

    def replace_one(self) -> None:
        """Replace the selected match and go to the next one (or just go to the next one)."""
        if self._in_preview or not self._fresh():
            return
        index = self._current()
        if index is None:
            self.find_next()
            return
        text = self._text
        offsets = Utf16Offsets(text)
        start = offsets.code_point(self._spans[index][0])
        edits = self._plan(text, only_at=start)
        if edits is None:
            return
        if not edits:
            self.find_next()
            return
        edit = edits[0]
        self._apply(text, edits)
        self._anchor = offsets.utf16(edit.start) + len(edit.replacement.encode("utf-16-le")) // 2
        self._search(move=True)

    def replace_all(self) -> None:
        """Replace every match as one undo step."""
        if self._in_preview or not self.bar.query:
            return
        text = self.editor.mirror.text
        edits = self._plan(text)
        if edits is None:
            return
        if edits:
            self._apply(text, edits)
            self._undo_in_pane = True
        self._search(move=False)
        self.status_message.emit(self.tr("Replaced {count} matches").format(count=len(edits)))

    def _plan(self, text: str, only_at: int | None = None) -> list[Edit] | None:
        """The edits of replacing (all, or the match at ``only_at``); None after showing why
        nothing can be replaced."""
        planned = plan_replace_all(
            text,
            self.bar.query,
            self.bar.replacement,
            self.options(),
            only_at=only_at,
            time_limit=REGEX_TIME_LIMIT,
        )
        if planned.problem is not None:
            self.bar.show_problem(self.problem_words(planned.problem))
            return None
        return planned.edits

    def _apply(self, text: str, edits: list[Edit]) -> None:
        """Make ``edits`` in the pane inside one edit block: one step for Ctrl+Z."""
        offsets = Utf16Offsets(text)
        cursor = QTextCursor(self.editor.document())
        # Undo puts the caret where the block began: at the first replaced place, not line 1.
        cursor.setPosition(offsets.utf16(edits[0].start))
        cursor.beginEditBlock()
        if len(edits) <= MAX_SINGLE_EDITS:
            for edit in reversed(edits):
                cursor.setPosition(offsets.utf16(edit.start))
                cursor.setPosition(offsets.utf16(edit.end), QTextCursor.MoveMode.KeepAnchor)
                cursor.insertText(edit.replacement)
        else:
            first, last = edits[0].start, edits[-1].end
            new = apply_edits(text, edits)[0]
            cursor.setPosition(offsets.utf16(first))
            cursor.setPosition(offsets.utf16(last), QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(new[first : len(new) - (len(text) - last)])
        cursor.endEditBlock()

    # -- the preview -------------------------------------------------------------------------

    def _on_preview_updated(self) -> None:
        """The page shows a new body: find again (the count follows the text)."""
        if self._in_preview and self.bar.isVisible() and self.bar.query:
            self.preview.find_text("")
            self._search(move=True)

    def _on_preview_found(self, active: int, total: int) -> None:
        if not self._in_preview or not self.bar.isVisible():
            return
        if not self.bar.query:
            self.bar.show_count("")
        elif total == 0:
            self.bar.show_count(self.tr("No results"))
        else:
            self.bar.show_count(
                self.tr("{current} / {total}").format(current=active or "?", total=total)
            )
