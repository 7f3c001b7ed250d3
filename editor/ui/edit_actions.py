"""The Edit menu's Undo, Redo, Cut, Copy, Paste and Select All, for the widget with the focus.

Each action acts on the text field or text pane that has the keyboard focus in the window (the
form's fields, the YAML tab, the text pane, the find bar) and is enabled only when it can do
something there.  When a text widget has the focus it handles these keys itself; the actions
are what the menu shows and what a click does.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from editor.ui.preview import PreviewPane

_TextWidget = QLineEdit | QPlainTextEdit | QTextEdit


class EditActions(QObject):
    """Undo, Redo, Cut, Copy, Paste, Select All following the focus in ``window``."""

    def __init__(self, window: QWidget, parent: QObject | None = None):
        super().__init__(parent)
        self._window = window
        self._followed: QWidget | None = None
        self._undo_redirects: list[Callable[[QWidget], QWidget | None]] = []
        standard = QKeySequence.StandardKey
        self.actions: dict[str, QAction] = {}
        for name, text, key in (
            ("undo", self.tr("&Undo"), standard.Undo),
            ("redo", self.tr("&Redo"), standard.Redo),
            ("cut", self.tr("Cu&t"), standard.Cut),
            ("copy", self.tr("&Copy"), standard.Copy),
            ("paste", self.tr("&Paste"), standard.Paste),
            ("selectAll", self.tr("Select &All"), standard.SelectAll),
        ):
            action = QAction(text, self)
            action.setShortcuts(QKeySequence.keyBindings(key))
            action.triggered.connect(lambda _checked=False, n=name: self._run(n))
            self.actions[name] = action
        app = QApplication.instance()
        app.focusChanged.connect(self._on_focus_changed)
        self._can_paste = False
        QGuiApplication.clipboard().dataChanged.connect(self.refresh)
        self.refresh()

    def fill_menu(self, menu: QMenu) -> None:
        """The six actions, undo and redo apart from the clipboard ones."""
        for name in ("undo", "redo"):
            menu.addAction(self.actions[name])
        menu.addSeparator()
        for name in ("cut", "copy", "paste"):
            menu.addAction(self.actions[name])
        menu.addSeparator()
        menu.addAction(self.actions["selectAll"])
        menu.aboutToShow.connect(self.refresh)

    def redirect_undo(self, redirect: Callable[[QWidget], QWidget | None]) -> None:
        """Let ``redirect(widget)`` name another widget whose Undo and Redo the menu's act on
        while ``widget`` has the focus (the find bar's fields, right after Replace all)."""
        self._undo_redirects.append(redirect)

    def _undo_widget(self, widget):
        for redirect in self._undo_redirects:
            other = redirect(widget)
            if other is not None:
                return other
        return widget

    def target(self) -> _TextWidget | PreviewPane | None:
        """The text widget (or the preview page) with the focus in the window, if any."""
        widget = QApplication.focusWidget()
        if widget is None or widget.window() is not self._window:
            return None
        if isinstance(widget, QComboBox) and widget.isEditable():
            widget = widget.lineEdit()
        if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
            return widget
        while widget is not None and not isinstance(widget, PreviewPane):
            widget = widget.parentWidget()
        return widget

    def _run(self, name: str) -> None:
        widget = self.target()
        if name in ("undo", "redo"):
            widget = self._undo_widget(widget)
        if isinstance(widget, PreviewPane):
            if name == "copy":
                widget.copy_selection()
            elif name == "selectAll":
                widget.select_all()
        elif widget is not None:
            getattr(widget, name)()
        self.refresh()

    def _on_focus_changed(self, _old: QWidget | None, _new: QWidget | None) -> None:
        self._follow_focus()

    def _follow_focus(self) -> None:
        """Listen to the widget with the focus, so the actions follow what it can do."""
        widget = self.target()
        if widget is not self._followed:
            for signal in self._signals(self._followed):
                try:
                    signal.disconnect(self.update)
                except (RuntimeError, TypeError):  # already gone
                    pass
            self._followed = widget
            for signal in self._signals(widget):
                signal.connect(self.update)
        self.refresh()

    @staticmethod
    def _signals(widget: QWidget | None) -> list:
        """What changes the actions' state; never every keystroke of the text pane."""
        if isinstance(widget, QLineEdit):
            return [widget.textChanged, widget.selectionChanged]
        if isinstance(widget, (QPlainTextEdit, QTextEdit)):
            return [widget.undoAvailable, widget.redoAvailable, widget.copyAvailable]
        if isinstance(widget, PreviewPane):
            return [widget.selection_changed]
        return []

    def refresh(self) -> None:
        """Look at the clipboard again (it is not asked on every change: that can be slow)."""
        widget = self.target()
        self._can_paste = isinstance(widget, QLineEdit) or (
            isinstance(widget, (QPlainTextEdit, QTextEdit)) and widget.canPaste()
        )
        self.update()

    def update(self) -> None:
        """Enable each action where the focused widget can do it."""
        widget = self.target()
        can = dict.fromkeys(self.actions, False)
        if isinstance(widget, QLineEdit):
            writable = not widget.isReadOnly()
            selected = widget.hasSelectedText()
            plain = widget.echoMode() == QLineEdit.EchoMode.Normal
            can.update(
                undo=writable and widget.isUndoAvailable(),
                redo=writable and widget.isRedoAvailable(),
                cut=writable and selected and plain,
                copy=selected and plain,
                paste=writable,
                selectAll=bool(widget.text()),
            )
        elif isinstance(widget, PreviewPane):  # the page is read only: copy and select all
            can.update(copy=widget.has_selection(), selectAll=True)
        elif widget is not None:
            document = widget.document()
            writable = not widget.isReadOnly()
            selected = widget.textCursor().hasSelection()
            can.update(
                undo=writable and document.isUndoAvailable(),
                redo=writable and document.isRedoAvailable(),
                cut=writable and selected,
                copy=selected,
                paste=writable and self._can_paste,
                selectAll=True,
            )
        undone = self._undo_widget(widget)
        if undone is not widget:
            document = undone.document()
            can.update(undo=document.isUndoAvailable(), redo=document.isRedoAvailable())
        for name, action in self.actions.items():
            action.setEnabled(can[name])
