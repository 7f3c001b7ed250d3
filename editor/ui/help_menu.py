"""The Help menu: the keyboard shortcuts of every menu (read from the window's own actions, so
the list is never out of date) and the About box."""

from __future__ import annotations

import re

import PySide6
from PySide6.QtCore import QObject, qVersion
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

from editor import __version__
from editor.ui import prompts

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
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        for row, (path, action) in enumerate(rows):
            name = " › ".join(_plain(t) for t in [*path, action.text()])
            keys = "; ".join(
                s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()
            )
            self.table.setItem(row, 0, QTableWidgetItem(name))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 640)

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
