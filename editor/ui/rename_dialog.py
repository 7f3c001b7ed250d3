"""The dialog of a rename or merge across posts: the value and its new name, every file that will
change with its one-line diff and the ones skipped with their reasons, then apply or undo."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.core.blog import taxonomy
from editor.core.blog.taxonomy import Applied, RenamePlan, Terms
from editor.ui.i18n import current_language
from editor.ui.term_completion import TermCompletion


class RenameDialog(QDialog):
    """Choose a value and its new name (an existing one merges them), see every file that will
    change with its one-line diff and the ones skipped with their reasons, then apply or undo."""

    plan_requested = Signal(str, str, str)  # kind, old, new
    apply_requested = Signal(object)  # RenamePlan
    undo_requested = Signal()

    def __init__(self, terms: Callable[[str], Terms | None], parent: QWidget):
        super().__init__(parent)
        self.setObjectName("renameTermDialog")
        self.setWindowTitle(self.tr("Rename a tag or category"))
        self.resize(760, 520)
        self._terms = terms
        self.plan: RenamePlan | None = None
        self.kind = QComboBox()
        self.kind.setObjectName("renameKind")
        self.kind.addItem(self.tr("Tag"), "tags")
        self.kind.addItem(self.tr("Category"), "categories")
        self.old = QLineEdit()
        self.old.setObjectName("renameOld")
        self.new = QLineEdit()
        self.new.setObjectName("renameNew")
        self.merge_note = QLabel()
        self.merge_note.setObjectName("renameMergeNote")
        self.merge_note.setWordWrap(True)
        self.completions = {
            name: TermCompletion(
                field,
                lambda: self._terms(self.current_kind()),
                lambda f=field: f.text().strip(),
                lambda value, f=field: self._choose(f, value),
            )
            for name, field in (("old", self.old), ("new", self.new))
        }
        form = QFormLayout()
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Rename"), self.old)
        form.addRow(self.tr("To"), self.new)
        form.addRow("", self.merge_note)
        self.list_button = QPushButton(self.tr("List the changes"))
        self.list_button.setObjectName("renameList")
        self.status = QLabel()
        self.status.setObjectName("renameStatus")
        self.status.setWordWrap(True)
        self.files = QTreeWidget()
        self.files.setObjectName("renameFiles")
        self.files.setColumnCount(2)
        self.files.setHeaderLabels([self.tr("File"), self.tr("Change")])
        self.files.setColumnWidth(0, 260)
        self.files.setRootIsDecorated(False)
        self.apply_button = QPushButton(self.tr("Apply"))
        self.apply_button.setObjectName("renameApply")
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setObjectName("renameUndo")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.apply_button)
        row.addWidget(self.undo_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.list_button)
        layout.addWidget(self.status)
        layout.addWidget(self.files, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.list_button.clicked.connect(self._request_plan)
        self.apply_button.clicked.connect(self._request_apply)
        self.undo_button.clicked.connect(self.undo_requested)
        for field in (self.old, self.new):
            field.textChanged.connect(self._forget_plan)
            field.returnPressed.connect(self._request_plan)
        self.kind.currentIndexChanged.connect(self._forget_plan)

    def current_kind(self) -> str:
        return self.kind.currentData()

    def start(self, kind: str, value: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.old.setText(value)
        self.new.clear()
        self._forget_plan()
        (self.new if value else self.old).setFocus()

    def _choose(self, field: QLineEdit, value: str) -> None:
        field.setText(value)

    def _forget_plan(self) -> None:
        self.plan = None
        self.files.clear()
        self.status.clear()
        self.apply_button.setEnabled(False)
        terms, new = self._terms(self.current_kind()), self.new.text().strip()
        count = terms.count(new) if terms is not None and new else 0
        self.merge_note.setText(
            self.tr("“{value}” is used in {count} posts: the two will be merged").format(
                value=new, count=count
            )
            if count and new != self.old.text().strip()
            else ""
        )

    def _request_plan(self) -> None:
        old, new = self.old.text().strip(), self.new.text().strip()
        if not old:
            return
        self.status.setText(self.tr("Listing the posts to change…"))
        self.plan_requested.emit(self.current_kind(), old, new)

    def _request_apply(self) -> None:
        if self.plan is not None and self.plan.changes:
            self.apply_button.setEnabled(False)
            self.apply_requested.emit(self.plan)

    def show_cancelled(self) -> None:
        self.status.setText(self.tr("Cancelled: every file is as it was"))
        self.apply_button.setEnabled(self.plan is not None and bool(self.plan.changes))

    def show_failure(self, message: str) -> None:
        self.status.setText(message)

    def show_plan(self, plan: RenamePlan, root: Path | None) -> None:
        """Every file that will change with its line before and after, then the skipped ones."""
        if (plan.kind, plan.old, plan.new) != (
            self.current_kind(),
            self.old.text().strip(),
            self.new.text().strip(),
        ):
            return  # the writer changed the values meanwhile
        self.files.clear()
        lang = current_language()
        for change in plan.changes:
            before, after = taxonomy.changed_line(change)
            self.files.addTopLevelItem(_row(change.path, root, f"− {before}\n+ {after}"))
        for skipped in plan.skipped:
            self.files.addTopLevelItem(_row(skipped.path, root, skipped.message(lang)))
        self.plan = plan
        self.status.setText(
            self.tr("{count} posts will change; {skipped} skipped. Nothing is written yet.").format(
                count=len(plan.changes), skipped=len(plan.skipped)
            )
        )
        self.apply_button.setEnabled(bool(plan.changes))

    def show_applied(self, applied: Applied, undo: bool, root: Path | None) -> None:
        self.files.clear()
        lang = current_language()
        for change in applied.written:
            done = self.tr("Restored") if undo else self.tr("Changed")
            self.files.addTopLevelItem(_row(change.path, root, done))
        for skipped in applied.skipped:
            self.files.addTopLevelItem(_row(skipped.path, root, skipped.message(lang)))
        if undo:
            summary = self.tr("Undone in {count} posts; {skipped} skipped")
        else:
            summary = self.tr("Renamed in {count} posts; {skipped} skipped")
        self.status.setText(
            summary.format(count=len(applied.written), skipped=len(applied.skipped))
        )
        self.plan = None
        self.apply_button.setEnabled(False)


def _row(path: Path, root: Path | None, what: str) -> QTreeWidgetItem:
    """A file (inside the blog) and what happens to it; the tooltips hold the whole texts."""
    try:
        shown = str(path.relative_to(root)) if root is not None else path.name
    except ValueError:
        shown = str(path)
    item = QTreeWidgetItem([shown, what])
    item.setToolTip(0, str(path))
    item.setToolTip(1, what)
    return item
