"""The Markdown text pane: a plain-text editor with a CJK-capable font and line helpers."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMimeData, QPoint, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QFont,
    QFontDatabase,
    QInputMethodEvent,
    QKeyEvent,
    QTextCursor,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QWidget

from editor.ui.highlighter import LAZY_COLOUR_CHARS, MarkdownHighlighter
from editor.ui.pane_mirror import PaneMirror
from editor.ui.typing_aids import TypingAids

# Families tried in order; the first one installed wins.  Noto Sans Mono CJK JP has kana, kanji
# and a real Bold face (fontconfig lists Regular and Bold), so **太字** in the pane is bold.
EDITOR_FONTS = ("Noto Sans Mono CJK JP", "Noto Sans CJK JP", "Source Han Code JP", "monospace")
MIN_FONT_SIZE, MAX_FONT_SIZE = 6, 72
# The window's own font: one with kana, kanji and a real bold face, not a Latin font that
# leans on fallback glyphs.
UI_FONTS = ("Noto Sans CJK JP", "Source Han Sans JP", "IPAexGothic", "Noto Sans")


def pick_font(families: tuple[str, ...], size: int) -> QFont:
    """A font of the first installed family, falling back to Qt's fixed font."""
    installed = set(QFontDatabase.families())
    for family in families:
        if family in installed:
            font = QFont(family)
            break
    else:
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSize(size)
    return font


def default_editor_family() -> str:
    """The family the text pane uses when the writer chose none: the first installed of
    :data:`EDITOR_FONTS`."""
    return pick_font(EDITOR_FONTS, 12).family()


def editor_font(family: str, size: int) -> QFont:
    """The text pane's font: ``family`` (setting ``editor/font_family``) when it is installed,
    else the default of :data:`EDITOR_FONTS`; ``size`` in points, kept within sane bounds."""
    size = min(MAX_FONT_SIZE, max(MIN_FONT_SIZE, int(size)))
    if family and family in set(QFontDatabase.families()):
        font = QFont(family)
        font.setPointSize(size)
        return font
    return pick_font(EDITOR_FONTS, size)


class MarkdownEditor(QPlainTextEdit):
    """Edits a post's body. Lines here are the body's lines (0-based block numbers)."""

    top_line_changed = Signal(int)
    """The first visible line changed because the writer scrolled."""
    cursor_line_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None, font_size: int = 14, font_family: str = ""):
        super().__init__(parent)
        self.setObjectName("markdownEditor")
        self.set_editor_font(editor_font(font_family, font_size))
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setPlaceholderText(self.tr("Write the post in Markdown here…"))
        self.mirror = PaneMirror(self.document(), self)
        """The pane's text as a string, kept up edit by edit (read it, not ``toPlainText``)."""
        self.highlighter = MarkdownHighlighter(self.document())
        self.aids = TypingAids(self)
        self.format_actions: list[QAction] = []
        """Shown under the standard entries of the right-click menu (set by the Format menu)."""
        self.mime_handlers: list[Callable[[QMimeData], bool]] = []
        """Asked first about a paste or a drop (images); True: handled, the text is not pasted."""
        self._last_cursor_line = -1
        self._syncing = False
        self._colour_soon = QTimer(self)
        self._colour_soon.setSingleShot(True)
        self._colour_soon.setInterval(0)
        self._colour_soon.timeout.connect(self.colour_view)
        self.verticalScrollBar().valueChanged.connect(self._on_scrollbar_value_changed)
        self.cursorPositionChanged.connect(self._on_cursor_position_changed)

    def set_editor_font(self, font: QFont) -> None:
        """Write in ``font``; a tab stays four spaces wide."""
        self.setFont(font)
        self.setTabStopDistance(self.fontMetrics().horizontalAdvance(" ") * 4)

    def set_text_keeping_view(self, text: str) -> None:
        """Replace the whole text without an undo entry for the writer to trip over; a long
        text shows at once, coloured where the writer looks (see :meth:`colour_view`)."""
        self._syncing = True
        lazy = len(text) > LAZY_COLOUR_CHARS
        self.highlighter.set_view_only(lazy)
        try:
            self.setPlainText(text)
        finally:
            self._syncing = False
            self.colour_view()

    def colour_view(self) -> None:
        """A long post's lines in view are coloured (it scrolled, or the pane grew)."""
        if self.highlighter.view_only:
            lines = self.viewport().height() // max(1, self.fontMetrics().lineSpacing()) + 1
            self.highlighter.colour_view(self.top_line(), lines)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._colour_soon.start()

    def top_line(self) -> int:
        """Body line shown at the top of the pane."""
        return self.firstVisibleBlock().blockNumber()

    def scroll_to_line(self, line: int) -> None:
        """Scroll so that body line ``line`` is at the top, without moving the cursor."""
        block = self.document().findBlockByNumber(max(0, line))
        if not block.isValid():
            block = self.document().lastBlock()
        self._syncing = True
        try:
            self.verticalScrollBar().setValue(block.firstLineNumber())
        finally:
            self._syncing = False

    def go_to_line(self, line: int, column: int = 0) -> None:
        """Put the cursor at a body line and column (0-based) and show it."""
        block = self.document().findBlockByNumber(max(0, line))
        cursor = QTextCursor(block)
        cursor.movePosition(
            QTextCursor.MoveOperation.Right,
            QTextCursor.MoveMode.MoveAnchor,
            min(column, block.length() - 1),
        )
        self.setTextCursor(cursor)
        self.centerCursor()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- writing aids and the input method ------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if self.aids.key_press(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:  # noqa: N802 - Qt override
        self.aids.input_method(event, super().inputMethodEvent)

    def inputMethodQuery(self, query: Qt.InputMethodQuery, argument=None):  # noqa: N802
        """Qt answers the caret's rectangle in the viewport's coordinates; the input method
        places its candidate window in the pane's, which differ by the frame and the viewport
        margins (QOwnNotes #3590): without this the window drifts off the caret."""
        if argument is None:
            value = super().inputMethodQuery(query)
        else:
            value = super().inputMethodQuery(query, argument)
        if query in (
            Qt.InputMethodQuery.ImCursorRectangle,
            Qt.InputMethodQuery.ImAnchorRectangle,
        ) and isinstance(value, (QRect, QRectF)):
            value = QRectF(value).translated(self.viewport().pos())
        return value

    def canInsertFromMimeData(self, source: QMimeData) -> bool:  # noqa: N802 - Qt override
        if self.mime_handlers and (source.hasImage() or source.hasUrls()):
            return True  # a bitmap or files: an image handler takes them (or says why not)
        return super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt override
        if any(handler(source) for handler in list(self.mime_handlers)):
            return
        if source.hasText() and self.aids.paste_link(source.text()):
            return
        super().insertFromMimeData(source)

    def context_menu(self, position: QPoint) -> QMenu:
        """The right-click menu: Qt's own entries (undo, cut, copy, paste...), then Format."""
        menu = self.createStandardContextMenu(position)
        if self.format_actions:
            menu.addSeparator()
            for action in self.format_actions:
                menu.addAction(action)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt override
        menu = self.context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def _on_scrollbar_value_changed(self, _value: int) -> None:
        # Not now: the scroll may come from inside an edit, and colouring lines in the middle
        # of one makes Qt misreport the edit (its position merged with the coloured lines').
        self._colour_soon.start()
        if not self._syncing:
            self.top_line_changed.emit(self.top_line())

    def _on_cursor_position_changed(self) -> None:
        line = self.textCursor().blockNumber()
        if line != self._last_cursor_line:
            self._last_cursor_line = line
            self.cursor_line_changed.emit(line)
