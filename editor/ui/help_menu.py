"""The Help menu: the keyboard shortcuts of every menu (read from the window's own actions, so
the list is never out of date) and the About box."""

from __future__ import annotations

import re

import PySide6
from PySide6.QtCore import QObject, Qt, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.ui import prompts
from editor.version import __version__

APP_NAME = "Tsuzuri"


_BRACKETED_MNEMONIC = re.compile(r"\(&[^&()]\)")


def _plain(text: str) -> str:
    """A menu text without its mnemonic marks (``&File`` is File, ``ファイル(&F)`` is ファイル,
    ``&&`` is ``&``)."""
    text = _BRACKETED_MNEMONIC.sub("", text.replace("&&", "\x00"))
    return text.replace("&", "").replace("\x00", "&")


def menu_actions(window: QMainWindow) -> list[tuple[list[str], QAction]]:
    """Every action in the window's menu bar with the menu titles leading to it, in menu order."""
    out: list[tuple[list[str], QAction]] = []

    def walk(menu: QMenu, path: list[str]) -> None:
        for action in menu.actions():
            if action.isSeparator():
                continue
            if action.menu() is not None:
                walk(action.menu(), [*path, action.text()])
            else:
                out.append((path, action))

    for top in window.menuBar().actions():
        if top.menu() is not None:
            walk(top.menu(), [top.text()])
    return out


_CHORD = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier


def _common(sequence: QKeySequence) -> bool:
    """A key a writer presses: Ctrl (or Cmd) with a letter or digit, or F1 to F12.  Not the
    keyboard's own Cut, Copy or Undo keys, F13 and up, nor Shift+Del and Ctrl+Ins."""
    if sequence.count() != 1:
        return False
    key, modifiers = sequence[0].key(), sequence[0].keyboardModifiers()
    if Qt.Key.Key_F1.value <= key.value <= Qt.Key.Key_F12.value:
        return True
    letter = Qt.Key.Key_A.value <= key.value <= Qt.Key.Key_Z.value
    digit = Qt.Key.Key_0.value <= key.value <= Qt.Key.Key_9.value
    return bool(modifiers & _CHORD) and (letter or digit)


def shown_keys(action: QAction) -> str:
    """The action's shortcut as the table shows it: the first of the platform's keys, then the
    common alternatives (Ctrl+Y beside Ctrl+Shift+Z for redo, Ctrl+G beside F3)."""
    keys = action.shortcuts()
    chosen = keys[:1] + [k for k in keys[1:] if _common(k)]
    return ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in chosen)


class ShortcutsDialog(QDialog):
    """A table of every menu action and its shortcuts."""

    def __init__(self, window: QMainWindow, parent: QWidget | None = None):
        super().__init__(parent or window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = menu_actions(window)
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Shortcut")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (path, action) in enumerate(rows):
            name = " › ".join(_plain(t) for t in [*path, action.text()])
            self.table.setItem(row, 0, QTableWidgetItem(name))
            self.table.setItem(row, 1, QTableWidgetItem(shown_keys(action)))
        # Names whole (never cut with an ellipsis); the keys take the room that is left.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        wanted = (
            self.table.columnWidth(0)
            + self.table.columnWidth(1)
            + self.table.verticalScrollBar().sizeHint().width()
            + 2 * self.table.frameWidth()
            + layout.contentsMargins().left()
            + layout.contentsMargins().right()
            + 8
        )
        screen = (parent or window).screen().availableGeometry().width()
        self.resize(min(max(560, wanted), int(screen * 0.9)), 640)

    def rows(self) -> list[tuple[str, str]]:
        """(action, shortcut) as the table shows them."""
        return [
            (self.table.item(r, 0).text(), self.table.item(r, 1).text())
            for r in range(self.table.rowCount())
        ]


class HelpMenu(QObject):
    """Fills the Help menu; handed the window whose menus it lists."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self._window = window
        self.dialog: ShortcutsDialog | None = None
        self.shortcuts_action = QAction(self.tr("&Keyboard shortcuts"), self)
        self.shortcuts_action.setShortcuts(QKeySequence.StandardKey.HelpContents)
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.about_action = QAction(self.tr("&About Tsuzuri"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)

    def fill_menu(self, menu: QMenu) -> None:
        menu.addAction(self.shortcuts_action)
        menu.addAction(self.about_action)

    def show_shortcuts(self) -> ShortcutsDialog:
        """Show the table of shortcuts (built afresh, so it lists the menus as they are now)."""
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = ShortcutsDialog(self._window)
        self.dialog.show()
        return self.dialog

    def about_text(self) -> str:
        what = self.tr("A desktop editor for Japanese Jekyll blogs.")
        licence = self.tr("Licensed under the MIT licence.")
        return (
            f"<h3>{APP_NAME} {__version__}</h3><p>{what}</p>"
            f"<p>Qt {qVersion()} · PySide6 {PySide6.__version__}</p><p>{licence}</p>"
        )

    def show_about(self) -> None:
        prompts.show_about(self._window, self.tr("About Tsuzuri"), self.about_text())
