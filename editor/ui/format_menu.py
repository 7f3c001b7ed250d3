"""The Format menu (書式): bold, italic, link and headings on the text pane, also in its
right-click menu; and the typing aids following their settings."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMenu

from editor.core.text.markup import looks_like_url
from editor.ui.editor_pane import MarkdownEditor
from editor.ui.settings import Settings

LINK_SHORTCUT = "Ctrl+K"  # no standard key for a link; the one every editor uses


class FormatActions(QObject):
    """The Format menu's actions, acting on the text pane last given to :meth:`attach`.

    Their shortcuts work while that pane has the focus (Ctrl+B in the title field does not
    bold the post); the menu and the right-click menu reach them from anywhere.
    """

    def __init__(self, settings: Settings, parent: QObject | None = None):
        super().__init__(parent)
        self._settings = settings
        self._editor: MarkdownEditor | None = None
        self.bold_action = self._action(
            self.tr("&Bold"), QKeySequence.StandardKey.Bold, lambda e: e.aids.wrap("**")
        )
        self.italic_action = self._action(
            self.tr("&Italic"), QKeySequence.StandardKey.Italic, lambda e: e.aids.wrap("*")
        )
        self.link_action = self._action(
            self.tr("&Link"), LINK_SHORTCUT, lambda e: e.aids.link(_clipboard_url())
        )
        self.heading_actions = [
            self._action(self.tr("Heading &1"), "", lambda e: e.aids.heading(1)),
            self._action(self.tr("Heading &2"), "", lambda e: e.aids.heading(2)),
            self._action(self.tr("Heading &3"), "", lambda e: e.aids.heading(3)),
        ]
        self.bold_action.setStatusTip(self.tr("Make the selection bold, or plain again"))
        self.italic_action.setStatusTip(self.tr("Make the selection italic, or plain again"))
        self.link_action.setStatusTip(
            self.tr("Link the selection (to the address on the clipboard, if there is one)")
        )
        self._separator = QAction(self)
        self._separator.setSeparator(True)
        settings.changed.connect(self._on_setting_changed)

    def _action(self, text: str, shortcut, act) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(lambda _checked=False: self._act(act))
        return action

    @property
    def actions(self) -> list[QAction]:
        return [self.bold_action, self.italic_action, self.link_action, *self.heading_actions]

    def attach(self, editor: MarkdownEditor) -> None:
        """Act on ``editor`` from now on (the tab being shown)."""
        if self._editor is not None:
            for action in self.actions:
                self._editor.removeAction(action)
            self._editor.format_actions = []
        self._editor = editor
        editor.addActions(self.actions)
        editor.format_actions = self._menu_entries()
        self._apply_settings()

    def _menu_entries(self) -> list[QAction]:
        return [self.bold_action, self.italic_action, self.link_action, self._separator] + list(
            self.heading_actions
        )

    def fill_menu(self, menu: QMenu) -> None:
        menu.addActions(self._menu_entries())

    def _act(self, act) -> None:
        if self._editor is not None and not self._editor.isReadOnly():
            act(self._editor)

    def _apply_settings(self) -> None:
        if self._editor is not None:
            self._editor.aids.auto_pairs = bool(self._settings.value("editor/auto_pairs"))
            self._editor.aids.list_continuation = bool(
                self._settings.value("editor/list_continuation")
            )

    def _on_setting_changed(self, key: str) -> None:
        if key in ("editor/auto_pairs", "editor/list_continuation"):
            self._apply_settings()


def _clipboard_url() -> str:
    """The address on the clipboard, or "" when it holds something else."""
    text = QGuiApplication.clipboard().text()
    return text.strip() if looks_like_url(text) else ""
