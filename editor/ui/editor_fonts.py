"""The text pane's font and size: settings ``editor/font_family`` and ``editor/font_size``, and
zooming in and out (View menu, Ctrl+= / Ctrl+- / Ctrl+0), remembered for the next start."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from editor.ui.editor_pane import MAX_FONT_SIZE, MIN_FONT_SIZE, MarkdownEditor, editor_font
from editor.ui.settings import DEFAULTS, Settings


class EditorFonts(QObject):
    """Keeps every attached text pane in the writer's font and size."""

    def __init__(self, settings: Settings, parent: QObject | None = None):
        super().__init__(parent)
        self._settings = settings
        self._editors: list[MarkdownEditor] = []
        settings.changed.connect(self._on_setting_changed)
        self.zoom_in_action = QAction(self.tr("Zoom &in"), self)
        # Ctrl++ needs Shift on most keyboards: Ctrl+= is the same key without it.
        self.zoom_in_action.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+=")]
        )
        self.zoom_in_action.triggered.connect(lambda: self.zoom(+1))
        self.zoom_out_action = QAction(self.tr("Zoom &out"), self)
        self.zoom_out_action.setShortcut(QKeySequence(QKeySequence.StandardKey.ZoomOut))
        self.zoom_out_action.triggered.connect(lambda: self.zoom(-1))
        self.zoom_reset_action = QAction(self.tr("&Normal size"), self)
        self.zoom_reset_action.setShortcut(QKeySequence("Ctrl+0"))
        self.zoom_reset_action.triggered.connect(self.reset_zoom)

    @property
    def size(self) -> int:
        return int(self._settings.value("editor/font_size"))

    def fill_menu(self, menu: QMenu) -> None:
        for action in (self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action):
            menu.addAction(action)

    def attach(self, editor: MarkdownEditor) -> None:
        """Show a text pane in the writer's font, and follow later changes."""
        if editor not in self._editors:
            self._editors.append(editor)
            editor.destroyed.connect(lambda _obj=None, e=editor: self._forget(e))
        editor.set_editor_font(self.font())

    def _forget(self, editor: MarkdownEditor) -> None:
        if editor in self._editors:
            self._editors.remove(editor)

    def font(self):
        return editor_font(str(self._settings.value("editor/font_family")), self.size)

    def zoom(self, steps: int) -> None:
        """Make the text larger (positive ``steps``) or smaller, one point a step."""
        size = min(MAX_FONT_SIZE, max(MIN_FONT_SIZE, self.size + steps))
        self._settings.set_value("editor/font_size", size)

    def reset_zoom(self) -> None:
        self._settings.set_value("editor/font_size", DEFAULTS["editor/font_size"])

    def _on_setting_changed(self, key: str) -> None:
        if key in ("editor/font_family", "editor/font_size"):
            font = self.font()
            for editor in list(self._editors):
                editor.set_editor_font(font)
