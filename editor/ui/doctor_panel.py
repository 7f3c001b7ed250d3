"""The issues panel: the doctor's findings for the open post, with jump and fix."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from editor.core.doctor import Finding
from editor.ui.i18n import current_language
from editor.ui.theme import is_dark

SEVERITY_MARK = {"error": "●", "warning": "▲", "info": "·"}
SEVERITY_COLOUR = {"error": "#c62828", "warning": "#b26a00", "info": "#1565c0"}
SEVERITY_COLOUR_DARK = {"error": "#ff7b72", "warning": "#e3b341", "info": "#58a6ff"}
FINDING_ROLE = Qt.ItemDataRole.UserRole
_Index = QModelIndex | QPersistentModelIndex


def severity_colour(severity: str) -> str:
    """The colour of a finding's mark and line number, readable in the current theme."""
    colours = SEVERITY_COLOUR_DARK if is_dark() else SEVERITY_COLOUR
    return colours.get(severity, "#888888")


class Findings(QAbstractTableModel):
    """The findings listed, one row each (line, problem): a row's words are made only when the
    view shows it, so a list of a thousand findings costs the view a reset, not a thousand
    items."""

    def __init__(self, headers: tuple[str, str], parent=None):
        super().__init__(parent)
        self.findings: list[Finding] = []
        self._headers = headers
        self._brushes: dict[str, object] = {}  # one per severity, until the theme changes
        self.line_for: Callable[[Finding], int] = lambda finding: finding.line
        """The line a finding is on now (the window carries it through the writer's edits)."""

    def show(self, findings: list[Finding]) -> None:
        self.beginResetModel()
        self.findings = findings
        self.endResetModel()

    def lines_moved(self) -> None:
        """Lines were added or removed: the line column is read again (for the rows in view)."""
        if self.findings:
            last = self.index(len(self.findings) - 1, 0)
            self.dataChanged.emit(self.index(0, 0), last, [Qt.ItemDataRole.DisplayRole])

    def recolour(self) -> None:
        self._brushes.clear()
        if self.findings:
            last = self.index(len(self.findings) - 1, 0)
            self.dataChanged.emit(self.index(0, 0), last, [Qt.ItemDataRole.ForegroundRole])

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's
        return 0 if parent.isValid() else len(self.findings)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's
        return 0 if parent.isValid() else 2

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section] if 0 <= section < 2 else None
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.findings):
            return None
        finding = self.findings[index.row()]
        column = index.column()
        if role == FINDING_ROLE:
            return finding
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return f"{SEVERITY_MARK.get(finding.severity, '')} {self.line_for(finding)}"
            return finding.message(current_language())
        if role == Qt.ItemDataRole.ForegroundRole and column == 0:
            brush = self._brushes.get(finding.severity)
            if brush is None:
                brush = self._brushes[finding.severity] = _brush(severity_colour(finding.severity))
            return brush
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            other = finding.message("en" if current_language() == "ja" else "ja")
            return f"{finding.rule}: {other}"
        return None


class DoctorPanel(QWidget):
    """Lists findings; asks the window to jump to one or to apply fixes (never touches text)."""

    jump_requested = Signal(object)  # Finding
    fix_requested = Signal(list)  # list[Finding]
    fix_all_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("doctorPanel")
        self.findings: list[Finding] = []
        self._busy = False
        self._fixable = False
        self.model = Findings((self.tr("Line"), self.tr("Problem")), self)
        self.tree = QTreeView()
        self.tree.setObjectName("doctorFindings")
        self.tree.setModel(self.model)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)  # a long list is laid out without measuring rows
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAlternatingRowColors(True)
        self.tree.setColumnWidth(0, 70)
        self.summary = QLabel()
        self.summary.setObjectName("doctorSummary")
        self.detail = QLabel()
        self.detail.setObjectName("doctorDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fix_button = QPushButton(self.tr("Fix"))
        self.fix_button.setObjectName("doctorFix")
        self.fix_all_button = QPushButton(self.tr("Fix all safe"))
        self.fix_all_button.setObjectName("doctorFixAll")
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.fix_button)
        buttons.addWidget(self.fix_all_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.detail)
        self.tree.activated.connect(self._on_row_activated)
        self.tree.clicked.connect(self._on_row_activated)
        self.tree.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.fix_button.clicked.connect(self._on_fix_clicked)
        self.fix_all_button.clicked.connect(self._on_fix_all_clicked)
        self.show_findings([], "", None)
        self.show_checking()  # nothing has been checked yet

    def show_checking(self) -> None:
        """A run for the current text is pending or running: say so, whatever is listed."""
        self.summary.setText(checking_text(None))

    def recolour(self) -> None:
        """Colour the listed findings again for the current theme."""
        self.model.recolour()

    def show_findings(self, findings: list[Finding], text: str, fixable: int | None = 0) -> None:
        """Replace the list; ``text`` is the post the findings were made for (for quotes).

        ``fixable`` is how many fixes "Fix all safe" applies (its plan's count), or None while
        the check is still running (the list is partial and the summary says "checking…").
        """
        self.findings = list(findings)
        self._text = text
        self.model.show(self.findings)
        if fixable is None:
            self.summary.setText(checking_text(len(self.findings)))
        else:
            self.summary.setText(summary_text(len(self.findings), fixable))
        # While checking, a click has the plan worked out for the text of now.
        self._fixable = fixable is None or fixable > 0
        self.fix_all_button.setEnabled(self._fixable and not self._busy)
        self.fix_button.setEnabled(False)
        self.detail.clear()

    def set_busy(self, busy: bool) -> None:
        """A fix is being worked out: the buttons wait (and say so) until it is applied."""
        self._busy = busy
        self.fix_all_button.setEnabled(self._fixable and not busy)
        finding = self.selected()
        self.fix_button.setEnabled(bool(finding and finding.fix) and not busy)
        self.fix_all_button.setText(self.tr("Fixing…") if busy else self.tr("Fix all safe"))

    def selected(self) -> Finding | None:
        return self.tree.currentIndex().data(FINDING_ROLE)

    def select(self, row: int) -> None:
        """Make the finding of ``row`` the current one (as a click on it does)."""
        self.tree.setCurrentIndex(self.model.index(row, 0))

    def row_text(self, row: int) -> tuple[str, str]:
        """What the list shows in ``row``: its line and its problem."""
        return tuple(self.model.index(row, column).data() for column in (0, 1))

    def _on_row_activated(self, index: QModelIndex) -> None:
        finding = index.data(FINDING_ROLE)
        if finding is not None:
            self.jump_requested.emit(finding)

    def _on_current_changed(self, current: QModelIndex, _previous=None) -> None:
        finding = current.data(FINDING_ROLE) if current.isValid() else None
        self.fix_button.setEnabled(bool(finding and finding.fix) and not self._busy)
        self.detail.setText(self._describe(finding) if finding else "")

    def _describe(self, finding: Finding) -> str:
        lang = current_language()
        lines = [finding.message(lang)]
        if finding.fix is not None:
            description = finding.fix.description_ja if lang == "ja" else finding.fix.description_en
            if finding.fix.safe:
                safety = self.tr("safe fix: {description}")
            elif finding.fix.reviewed:
                safety = self.tr("fix to review: {description}")
            else:
                safety = self.tr("suggested fix: {description}")
            lines.append(safety.format(description=description))
        for start, end in finding.related[:2]:
            lines.append(f"↔ {_quote(self._text[start:end])}")
        if finding.related:
            lines.append(f"↔ {_quote(self._text[finding.start : finding.end])}")
        return "\n".join(lines)

    def _on_fix_clicked(self) -> None:
        finding = self.selected()
        if finding is not None and finding.fix is not None and not self._busy:
            self.fix_requested.emit([finding])

    def _on_fix_all_clicked(self) -> None:
        self.fix_all_requested.emit()


def summary_text(count: int, safe: int) -> str:
    """ "3 problems, 2 safe fixes" in the writer's language, once a check has finished.

    ``safe`` is the number of fixes "Fix all safe" applies, which can differ from the findings
    marked safe: a repeat next to a marker is fixed once the marker is stitched.
    """
    if not count:
        return QCoreApplication.translate("DoctorPanel", "No problems found")
    if count == 1 and safe == 1:
        text = QCoreApplication.translate("DoctorPanel", "{count} problem, {safe} safe fix")
    elif count == 1:
        text = QCoreApplication.translate("DoctorPanel", "{count} problem, {safe} safe fixes")
    elif safe == 1:
        text = QCoreApplication.translate("DoctorPanel", "{count} problems, {safe} safe fix")
    else:
        text = QCoreApplication.translate("DoctorPanel", "{count} problems, {safe} safe fixes")
    return text.format(count=count, safe=safe)


def checking_text(count: int | None) -> str:
    """ "checking…" (with the problems found so far), never "No problems found"."""
    if count is None:
        return QCoreApplication.translate("DoctorPanel", "Checking…")
    return QCoreApplication.translate("DoctorPanel", "{count} so far, checking…").format(
        count=count
    )


def _quote(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _brush(colour: str):
    from PySide6.QtGui import QBrush, QColor

    return QBrush(QColor(colour))
