"""The dialog shown when the post on disk is not the version being edited: reload, keep, compare."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.core.files.storage import describe_conflict
from editor.ui.editor_pane import EDITOR_FONTS, pick_font

RELOAD, KEEP, CANCEL = "reload", "keep", "cancel"


def _tr(text: str) -> str:
    return QCoreApplication.translate("ConflictDialog", text)


def conflict_text(name: str, disk_text: str | None, saving: bool) -> str:
    """The dialog's main sentence: what happened to the post on disk, and what is at stake."""
    if disk_text is None:
        what = _tr("“{name}” was deleted or renamed by another program.")
        choice = _tr("Keep mine saves your text as “{name}” again.")
    else:
        what = _tr("“{name}” was changed by another program since you opened it.")
        choice = _tr(
            "Reload takes their version and drops your unsaved changes; Keep mine keeps your "
            "text in the editor"
        ) + (_tr(" and saves it over theirs.") if saving else _tr("."))
    return (what + " " + choice).format(name=name)


class ConflictDialog(QDialog):
    """Asks the writer to choose; :attr:`choice` is "reload", "keep" or "cancel"."""

    def __init__(
        self,
        parent: QWidget | None,
        name: str,
        disk_text: str | None,
        mine_text: str,
        saving: bool,
    ):
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(_tr("The post changed on disk"))
        self.choice = CANCEL
        layout = QVBoxLayout(self)
        message = QLabel(conflict_text(name, disk_text, saving))
        message.setWordWrap(True)
        layout.addWidget(message)
        self.diff_view = QPlainTextEdit()
        self.diff_view.setObjectName("conflictDiff")
        self.diff_view.setReadOnly(True)
        self.diff_view.setFont(pick_font(EDITOR_FONTS, 11))
        self.diff_view.setPlainText(describe_conflict(disk_text, mine_text))
        self.diff_view.hide()
        layout.addWidget(self.diff_view)
        buttons = QDialogButtonBox()
        if disk_text is not None:
            self._button(buttons, _tr("&Reload theirs"), RELOAD)
        self._button(buttons, _tr("&Keep mine"), KEEP)
        compare = QPushButton(_tr("&Compare"))
        compare.setCheckable(True)
        compare.toggled.connect(self._on_compare_toggled)
        buttons.addButton(compare, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 200)

    def _button(self, box: QDialogButtonBox, text: str, choice: str) -> None:
        button = QPushButton(text)
        button.clicked.connect(lambda: self._choose(choice))
        box.addButton(button, QDialogButtonBox.ButtonRole.AcceptRole)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    def _on_compare_toggled(self, shown: bool) -> None:
        self.diff_view.setVisible(shown)
        self.resize(self.width(), 520 if shown else 200)
