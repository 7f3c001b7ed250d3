"""The View menu's layout: editor only, split or preview only; focus mode; full screen; which
side panels show.  Each choice is remembered in the settings."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QColor,
    QKeySequence,
    QPalette,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QMainWindow, QMenu, QTextEdit, QWidget

from editor.ui.editor_pane import MarkdownEditor
from editor.ui.pane_marks import set_marks
from editor.ui.settings import Settings

MODES = ("editor", "split", "preview")
# A paragraph longer than this many lines is dimmed from this far around the cursor.
FOCUS_REACH = 2000


def paragraph_bounds(editor: MarkdownEditor) -> tuple[int, int]:
    """Qt positions of the start and end of the paragraph under the cursor: the lines around
    it up to a blank line (an empty line alone is its own paragraph)."""
    block = editor.textCursor().block()
    first = last = block
    if block.text().strip():
        for _ in range(FOCUS_REACH):
            previous = first.previous()
            if not previous.isValid() or not previous.text().strip():
                break
            first = previous
        for _ in range(FOCUS_REACH):
            following = last.next()
            if not following.isValid() or not following.text().strip():
                break
            last = following
    return first.position(), last.position() + last.length() - 1


class FocusMode(QObject):
    """Dims everything but the paragraph being written, in the text pane it is attached to."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.editor: MarkdownEditor | None = None
        self.enabled = False
        self._dimming = False  # the pane shows this mode's selections

    def attach(self, editor: MarkdownEditor) -> None:
        """Work on ``editor`` (the current post's text pane) from now on."""
        if self.editor is not None:
            self.editor.cursorPositionChanged.disconnect(self.update)
            set_marks(self.editor, "focus", [])
        self.editor = editor
        self._dimming = False
        editor.cursorPositionChanged.connect(self.update)
        self.update()

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled
        self.update()

    def dim_colour(self) -> QColor:
        """The text colour two thirds of the way to the background."""
        palette = self.editor.palette()
        text = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        return QColor(
            (text.red() + 2 * base.red()) // 3,
            (text.green() + 2 * base.green()) // 3,
            (text.blue() + 2 * base.blue()) // 3,
        )

    def update(self) -> None:
        """Dim before and after the current paragraph (or nothing when focus mode is off)."""
        if self.editor is None:
            return
        if not self.enabled:
            if self._dimming:
                self._dimming = False
                set_marks(self.editor, "focus", [])
            return
        start, end = paragraph_bounds(self.editor)
        document = self.editor.document()
        fmt = QTextCharFormat()
        fmt.setForeground(self.dim_colour())
        selections = []
        for span_start, span_end in ((0, start), (end, document.characterCount() - 1)):
            if span_end <= span_start:
                continue
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(document)
            cursor.setPosition(span_start)
            cursor.setPosition(span_end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor, selection.format = cursor, fmt
            selections.append(selection)
        set_marks(self.editor, "focus", selections)
        self._dimming = True


class ViewModes(QObject):
    """The View menu's layout actions; handed the window, the panes it shows and hides, and the
    settings that remember them."""

    def __init__(
        self,
        window: QMainWindow,
        editor_side: QWidget | None,
        preview: QWidget | None,
        outline: QWidget,
        post_list: QWidget,
        settings: Settings,
    ):
        super().__init__(window)
        self._window, self._settings = window, settings
        self._editor_side, self._preview = editor_side, preview
        self.focus = FocusMode(self)
        self.mode_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        group.setExclusive(True)
        texts = {
            "editor": (self.tr("&Editor only"), "Ctrl+1"),
            "split": (self.tr("Editor &and preview"), "Ctrl+2"),
            "preview": (self.tr("&Preview only"), "Ctrl+3"),
        }
        for mode in MODES:
            text, key = texts[mode]
            action = QAction(text, self)
            action.setShortcut(QKeySequence(key))
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, m=mode: self.set_mode(m))
            group.addAction(action)
            self.mode_actions[mode] = action
        self.focus_action = self._toggle(self.tr("&Focus mode"), "F8", "view/focus_mode")
        self.focus_action.toggled.connect(self.focus.set_enabled)
        self.full_screen_action = QAction(self.tr("F&ull screen"), self)
        self.full_screen_action.setCheckable(True)
        # The platform's own keys (none on a bare X server), and always F11.
        keys = QKeySequence.keyBindings(QKeySequence.StandardKey.FullScreen)
        f11 = QKeySequence(Qt.Key.Key_F11)
        self.full_screen_action.setShortcuts(keys if f11 in keys else [f11, *keys])
        self.full_screen_action.toggled.connect(self.set_full_screen)
        self.outline_action = self._toggle(self.tr("Show the out&line"), "", "view/outline")
        self.outline_action.toggled.connect(outline.setVisible)
        self.post_list_action = self._toggle(self.tr("Show the si&debar"), "", "view/post_list")
        self.post_list_action.toggled.connect(post_list.setVisible)
        outline.setVisible(self.outline_action.isChecked())
        post_list.setVisible(self.post_list_action.isChecked())
        self.focus.set_enabled(self.focus_action.isChecked())
        mode = str(settings.value("view/mode"))
        self.set_mode(mode if mode in MODES else "split")

    def _toggle(self, text: str, key: str, setting: str) -> QAction:
        """A checkable action whose state is the boolean ``setting``."""
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.setCheckable(True)
        action.setChecked(bool(self._settings.value(setting)))
        action.toggled.connect(lambda checked: self._settings.set_value(setting, checked))
        return action

    def fill_menu(self, menu: QMenu) -> None:
        menu.addSeparator()
        for action in self.mode_actions.values():
            menu.addAction(action)
        menu.addSeparator()
        for action in (
            self.focus_action,
            self.full_screen_action,
            self.outline_action,
            self.post_list_action,
        ):
            menu.addAction(action)

    @property
    def mode(self) -> str:
        return next(m for m, a in self.mode_actions.items() if a.isChecked())

    def set_mode(self, mode: str) -> None:
        """Show the text pane side, the preview, or both."""
        self.mode_actions[mode].setChecked(True)
        if self._editor_side is not None:
            self._editor_side.setVisible(mode != "preview")
        if self._preview is not None:
            self._preview.setVisible(mode != "editor")
        self._settings.set_value("view/mode", mode)

    def show_in(self, editor_side: QWidget, preview: QWidget) -> None:
        """Apply the view mode to another post's panes (the tab now current)."""
        self._editor_side, self._preview = editor_side, preview
        self.set_mode(self.mode)

    def set_full_screen(self, full: bool) -> None:
        state = self._window.windowState()
        if full:
            self._window.setWindowState(state | Qt.WindowState.WindowFullScreen)
        else:
            self._window.setWindowState(state & ~Qt.WindowState.WindowFullScreen)
        if self.full_screen_action.isChecked() != full:
            self.full_screen_action.setChecked(full)
