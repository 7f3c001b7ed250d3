"""The find and replace bar under the text pane: a query, option toggles, the count, replace.

The bar only shows and reports; :class:`editor.ui.find_controller.FindController` searches.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)


class FindBar(QWidget):
    """Find field, toggles (Aa, word, .*, width), count, previous/next, close; replace row."""

    query_changed = Signal()
    options_changed = Signal()
    next_requested = Signal()
    previous_requested = Signal()
    replace_requested = Signal()
    replace_all_requested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("findBar")
        self.find_field = QLineEdit()
        self.find_field.setObjectName("findField")
        self.find_field.setPlaceholderText(self.tr("Find"))
        self.find_field.setAccessibleName(self.tr("Find"))
        self.find_field.setClearButtonEnabled(True)
        self.replace_field = QLineEdit()
        self.replace_field.setObjectName("replaceField")
        self.replace_field.setPlaceholderText(self.tr("Replace"))
        self.replace_field.setAccessibleName(self.tr("Replace with"))

        self.case_button = self._toggle(self.tr("Aa"), self.tr("Match case"))
        self.word_button = self._toggle(
            self.tr("Word"), self.tr("Whole word (a run of kana, kanji or Latin letters)")
        )
        self.regex_button = self._toggle(".*", self.tr("Regular expression"))
        self.width_button = self._toggle(
            self.tr("Ａ/A"), self.tr("Ignore full-width and half-width (ＡＩ = AI, ｶﾅ = カナ)")
        )
        self.where = QLabel(self.tr("In the preview:"))
        self.where.setObjectName("findWhere")
        self.count_label = QLabel()
        self.count_label.setObjectName("findCount")
        self.count_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("0000 / 0000 件"))
        self.problem_label = QLabel()
        self.problem_label.setObjectName("findProblem")
        self.problem_label.setStyleSheet("color: #c0392b;")
        self.problem_label.setWordWrap(True)
        previous = self._button("↑", self.tr("Previous match (Shift+F3)"))
        following = self._button("↓", self.tr("Next match (F3)"))
        close = self._button("×", self.tr("Close (Esc)"))
        self.replace_button = self._button(self.tr("Replace"), self.tr("Replace this match"))
        self.replace_all_button = self._button(
            self.tr("Replace all"), self.tr("Replace every match (one undo step)")
        )

        find_row = QHBoxLayout()
        find_row.setSpacing(2)
        find_row.addWidget(self.where)
        find_row.addWidget(self.find_field, 1)
        for widget in (self.case_button, self.word_button, self.regex_button, self.width_button):
            find_row.addWidget(widget)
        find_row.addWidget(self.count_label)
        for widget in (previous, following, close):
            find_row.addWidget(widget)
        self.replace_row = QWidget()
        replace_layout = QHBoxLayout(self.replace_row)
        replace_layout.setContentsMargins(0, 0, 0, 0)
        replace_layout.setSpacing(2)
        replace_layout.addWidget(self.replace_field, 1)
        replace_layout.addWidget(self.replace_button)
        replace_layout.addWidget(self.replace_all_button)
        layout = QGridLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setVerticalSpacing(2)
        layout.addLayout(find_row, 0, 0)
        layout.addWidget(self.replace_row, 1, 0)
        layout.addWidget(self.problem_label, 2, 0)
        self.problem_label.hide()
        self.where.hide()

        self.find_field.textChanged.connect(lambda _t: self.query_changed.emit())
        self.find_field.returnPressed.connect(self._on_find_return)
        self.replace_field.returnPressed.connect(self.replace_requested)
        previous.clicked.connect(self.previous_requested)
        following.clicked.connect(self.next_requested)
        close.clicked.connect(self.close_bar)
        self.replace_button.clicked.connect(self.replace_requested)
        self.replace_all_button.clicked.connect(self.replace_all_requested)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.close_bar)
        self.hide()

    def _toggle(self, text: str, tip: str) -> QToolButton:
        button = self._button(text, tip)
        button.setCheckable(True)
        button.toggled.connect(lambda _on: self.options_changed.emit())
        return button

    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        return button

    def _on_find_return(self) -> None:
        shift = QApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier
        (self.previous_requested if shift else self.next_requested).emit()

    # -- what the controller sets ------------------------------------------------------------

    def open(self, replace: bool, in_preview: bool) -> None:
        """Show the bar for the text pane (with or without the replace row) or the preview."""
        self.replace_row.setVisible(replace and not in_preview)
        self.where.setVisible(in_preview)
        for button in (self.word_button, self.regex_button, self.width_button):
            button.setEnabled(not in_preview)  # the web page finds plain text only
        self.show()
        self.find_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def show_count(self, text: str) -> None:
        self.problem_label.hide()
        self.count_label.setText(text)

    def show_problem(self, text: str) -> None:
        self.count_label.setText("")
        self.problem_label.setText(text)
        self.problem_label.show()

    @property
    def query(self) -> str:
        return self.find_field.text()

    @property
    def replacement(self) -> str:
        return self.replace_field.text()
