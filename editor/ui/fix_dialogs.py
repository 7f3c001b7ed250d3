"""The doctor's two confirmations: the whole change of "Fix all safe" as a diff, and the two takes
of a passage before one of them is dropped.  Worded in the writer's language (Japanese terms from
GLOSSARY.md); opened through :mod:`editor.ui.prompts`.
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

WORDS = {
    "en": {
        "fix_all_title": "Fix all safe problems",
        "fix_all_text": "{count} safe fix(es) change the post as shown. Nothing is saved until you "
        "save; one Undo takes them all back.",
        "apply": "Apply {count} fix(es)",
        "cancel": "Cancel",
        "takes_title": "Compare the two takes",
        "takes_text": "The second take has words the first one does not. Keep the first take and "
        "remove the second?",
        "kept": "Kept (first take)",
        "removed": "Removed (second take)",
        "keep_first": "Keep the first take",
    },
    "ja": {
        "fix_all_title": "安全な修正をすべて適用",
        "fix_all_text": "{count} 件の安全な修正で、記事は次のように変わります。保存するまでファイルは"
        "変わりません。「元に戻す」1 回ですべて戻せます。",
        "apply": "{count} 件を修正",
        "cancel": "キャンセル",
        "takes_title": "二つの版を比べる",
        "takes_text": "後の版には、前の版にない言葉があります。前の版を残し、後の版を削除しますか？",
        "kept": "残す（前の版）",
        "removed": "削除する（後の版）",
        "keep_first": "前の版を残す",
    },
}


def words(lang: str) -> dict[str, str]:
    return WORDS["ja" if lang == "ja" else "en"]


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


def _buttons(
    dialog, label: str, name: str, w: dict[str, str]
) -> tuple[QDialogButtonBox, QPushButton]:
    """The dialog's two buttons: ``label`` (calls ``dialog._accept``) and Cancel, the default."""
    buttons = QDialogButtonBox()
    accept = QPushButton(label)
    accept.setObjectName(name)
    cancel = QPushButton(w["cancel"])
    buttons.addButton(accept, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
    buttons.accepted.connect(dialog._accept)
    buttons.rejected.connect(dialog.reject)
    cancel.setDefault(True)
    return buttons, accept


class FixAllDialog(QDialog):
    """The whole change of "Fix all safe" before it is applied; ``accepted_fixes`` says yes."""

    def __init__(self, parent: QWidget | None, count: int, fixes: list[str], diff: str, lang: str):
        super().__init__(parent)
        w = words(lang)
        self.setObjectName("fixAllDialog")
        self.setWindowTitle(w["fix_all_title"])
        self.resize(900, 600)
        self.accepted_fixes = False
        self.message = QLabel(w["fix_all_text"].format(count=count))
        self.message.setWordWrap(True)
        self.fixes = QLabel("\n".join(f"• {line}" for line in fixes))
        self.fixes.setObjectName("fixAllList")
        self.fixes.setWordWrap(True)
        self.diff = _viewer(diff, "fixAllDiff")
        self._colours = _DiffColours(self.diff.document())
        buttons, self.apply_button = _buttons(
            self, w["apply"].format(count=count), "fixAllApply", w
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

    def __init__(self, parent: QWidget | None, kept: str, removed: str, lang: str):
        super().__init__(parent)
        w = words(lang)
        self.setObjectName("takesDialog")
        self.setWindowTitle(w["takes_title"])
        self.resize(900, 400)
        self.keep_first = False
        columns = QHBoxLayout()
        for heading, text, name in (
            (w["kept"], kept, "takeKept"),
            (w["removed"], removed, "takeRemoved"),
        ):
            column = QVBoxLayout()
            column.addWidget(QLabel(heading))
            column.addWidget(_viewer(text, name), 1)
            columns.addLayout(column, 1)
        buttons, self.keep_button = _buttons(self, w["keep_first"], "takesKeepFirst", w)
        message = QLabel(w["takes_text"])
        message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addLayout(columns, 1)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        self.keep_first = True
        self.accept()
