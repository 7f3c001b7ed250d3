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
from editor.ui.i18n import current_language

RELOAD, KEEP, CANCEL = "reload", "keep", "cancel"


def conflict_text(name: str, disk_text: str | None, saving: bool) -> str:
    """The dialog's main sentence: what happened to the post on disk, and what is at stake."""
    if disk_text is None:
        text = QCoreApplication.translate(
            "ConflictDialog",
            "“{name}” was deleted or renamed by another program. Keep mine saves your text as "
            "“{name}” again.",
        )
    elif saving:
        text = QCoreApplication.translate(
            "ConflictDialog",
            "“{name}” was changed by another program since you opened it. Reload takes their "
            "version and drops your unsaved changes; Keep mine keeps your text in the editor and "
            "saves it over theirs.",
        )
    else:
        text = QCoreApplication.translate(
            "ConflictDialog",
            "“{name}” was changed by another program since you opened it. Reload takes their "
            "version and drops your unsaved changes; Keep mine keeps your text in the editor.",
        )
    return text.format(name=name)


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
        self.setWindowTitle(
            QCoreApplication.translate("ConflictDialog", "The post changed on disk")
        )
        self.choice = CANCEL
        layout = QVBoxLayout(self)
        message = QLabel(conflict_text(name, disk_text, saving))
        message.setWordWrap(True)
        layout.addWidget(message)
        self.diff_view = QPlainTextEdit()
        self.diff_view.setObjectName("conflictDiff")
        self.diff_view.setReadOnly(True)
        self.diff_view.setFont(pick_font(EDITOR_FONTS, 11))
        self.diff_view.setPlainText(describe_conflict(disk_text, mine_text, current_language()))
        self.diff_view.hide()
        layout.addWidget(self.diff_view)
        buttons = QDialogButtonBox()
        if disk_text is not None:
            self._button(
                buttons, QCoreApplication.translate("ConflictDialog", "&Reload theirs"), RELOAD
            )
        self._button(buttons, QCoreApplication.translate("ConflictDialog", "&Keep mine"), KEEP)
        compare = QPushButton(QCoreApplication.translate("ConflictDialog", "&Compare"))
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
