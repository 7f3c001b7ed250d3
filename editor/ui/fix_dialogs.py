"""The doctor's two confirmations: the whole change of "Fix all safe" as a diff, and the two takes
of a passage before one of them is dropped.  Worded through ``tr()`` (the Japanese is in
resources/i18n/tsuzuri_ja.ts); opened through :mod:`editor.ui.prompts`.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFontDatabase, QSyntaxHighlighter, QTextCharFormat
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.ui.theme import pick


class _DiffColours(QSyntaxHighlighter):
    """Removed lines red, added lines green, hunk headers grey."""

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        colour = None
        if text.startswith(("--- ", "+++ ", "@@")):
            colour = pick("#e0e0e0", "#30363d")
        elif text.startswith("-"):
            colour = pick("#ffd7d5", "#5d1f1f")
        elif text.startswith("+"):
            colour = pick("#d4f4d2", "#1d4428")
        if colour:
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(colour))
            self.setFormat(0, len(text), fmt)


def _viewer(text: str, name: str) -> QPlainTextEdit:
    view = QPlainTextEdit()
    view.setObjectName(name)
    view.setReadOnly(True)
    view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
    view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    view.setPlainText(text)
    return view


def _buttons(dialog, label: str, name: str) -> tuple[QDialogButtonBox, QPushButton]:
    """The dialog's two buttons: ``label`` (calls ``dialog._accept``) and Cancel, the default
    (Qt's own, worded by Qt's translation)."""
    buttons = QDialogButtonBox()
    accept = QPushButton(label)
    accept.setObjectName(name)
    buttons.addButton(accept, QDialogButtonBox.ButtonRole.AcceptRole)
    cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog._accept)
    buttons.rejected.connect(dialog.reject)
    cancel.setDefault(True)
    return buttons, accept


class FixAllDialog(QDialog):
    """The whole change of "Fix all safe" before it is applied; ``accepted_fixes`` says yes."""

    def __init__(self, parent: QWidget | None, count: int, fixes: list[str], diff: str):
        super().__init__(parent)
        self.setObjectName("fixAllDialog")
        self.setWindowTitle(self.tr("Fix all safe problems"))
        self.resize(900, 600)
        self.accepted_fixes = False
        self.message = QLabel(
            self.tr(
                "{count} safe fix(es) change the post as shown. Nothing is saved until you save; "
                "one Undo takes them all back."
            ).format(count=count)
        )
        self.message.setWordWrap(True)
        self.fixes = QLabel("\n".join(f"• {line}" for line in fixes))
        self.fixes.setObjectName("fixAllList")
        self.fixes.setWordWrap(True)
        self.diff = _viewer(diff, "fixAllDiff")
        self._colours = _DiffColours(self.diff.document())
        buttons, self.apply_button = _buttons(
            self, self.tr("Apply {count} fix(es)").format(count=count), "fixAllApply"
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.fixes)
        layout.addWidget(self.diff, 1)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        self.accepted_fixes = True
        self.accept()


class TakesDialog(QDialog):
    """Two takes of a passage side by side; ``keep_first`` when the writer drops the second."""

    def __init__(self, parent: QWidget | None, kept: str, removed: str):
        super().__init__(parent)
        self.setObjectName("takesDialog")
        self.setWindowTitle(self.tr("Compare the two takes"))
        self.resize(900, 400)
        self.keep_first = False
        columns = QHBoxLayout()
        for heading, text, name in (
            (self.tr("Kept (first take)"), kept, "takeKept"),
            (self.tr("Removed (second take)"), removed, "takeRemoved"),
        ):
            column = QVBoxLayout()
            column.addWidget(QLabel(heading))
            column.addWidget(_viewer(text, name), 1)
            columns.addLayout(column, 1)
        buttons, self.keep_button = _buttons(self, self.tr("Keep the first take"), "takesKeepFirst")
        message = QLabel(
            self.tr(
                "The second take has words the first one does not. Keep the first take and "
                "remove the second?"
            )
        )
        message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addLayout(columns, 1)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        self.keep_first = True
        self.accept()
