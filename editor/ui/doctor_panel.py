"""The issues panel: the doctor's findings for the open post, with jump and fix."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.core.doctor import Finding
from editor.ui.i18n import current_language
from editor.ui.theme import is_dark

SEVERITY_MARK = {"error": "●", "warning": "▲", "info": "·"}
SEVERITY_COLOUR = {"error": "#c62828", "warning": "#b26a00", "info": "#1565c0"}
SEVERITY_COLOUR_DARK = {"error": "#ff7b72", "warning": "#e3b341", "info": "#58a6ff"}


def severity_colour(severity: str) -> str:
    """The colour of a finding's mark and line number, readable in the current theme."""
    colours = SEVERITY_COLOUR_DARK if is_dark() else SEVERITY_COLOUR
    return colours.get(severity, "#888888")


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
        self.tree = QTreeWidget()
        self.tree.setObjectName("doctorFindings")
        self.tree.setHeaderLabels([self.tr("Line"), self.tr("Problem")])
        self.tree.setRootIsDecorated(False)
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
        self.tree.itemActivated.connect(self._on_item_activated)
        self.tree.itemClicked.connect(self._on_item_activated)
        self.tree.currentItemChanged.connect(self._on_current_changed)
        self.fix_button.clicked.connect(self._on_fix_clicked)
        self.fix_all_button.clicked.connect(self._on_fix_all_clicked)
        self.show_findings([], "", None)
        self.show_checking()  # nothing has been checked yet

    def show_checking(self) -> None:
        """A run for the current text is pending or running: say so, whatever is listed."""
        self.summary.setText(checking_text(None))

    def recolour(self) -> None:
        """Colour the listed findings again for the current theme."""
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            index = item.data(0, Qt.ItemDataRole.UserRole)
            if isinstance(index, int) and 0 <= index < len(self.findings):
                item.setForeground(0, _brush(severity_colour(self.findings[index].severity)))

    def show_findings(self, findings: list[Finding], text: str, fixable: int | None = 0) -> None:
        """Replace the list; ``text`` is the post the findings were made for (for quotes).

        ``fixable`` is how many fixes "Fix all safe" applies (its plan's count), or None while
        the check is still running (the list is partial and the summary says "checking…").
        """
        self.findings = list(findings)
        self._text = text
        lang = current_language()
        brushes: dict[str, object] = {}  # one per severity: the theme is asked once per list
        items = []
        for index, finding in enumerate(self.findings):
            item = QTreeWidgetItem(
                [f"{SEVERITY_MARK.get(finding.severity, '')} {finding.line}", finding.message(lang)]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, index)
            brush = brushes.get(finding.severity)
            if brush is None:
                brush = brushes[finding.severity] = _brush(severity_colour(finding.severity))
            item.setForeground(0, brush)
            other = finding.message("en" if lang == "ja" else "ja")
            item.setToolTip(1, f"{finding.rule}: {other}")
            items.append(item)
        self.tree.clear()
        self.tree.addTopLevelItems(items)
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
        item = self.tree.currentItem()
        return None if item is None else self.findings[item.data(0, Qt.ItemDataRole.UserRole)]

    def _on_item_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.jump_requested.emit(self.findings[item.data(0, Qt.ItemDataRole.UserRole)])

    def _on_current_changed(self, current: QTreeWidgetItem | None, _previous=None) -> None:
        finding = (
            None if current is None else self.findings[current.data(0, Qt.ItemDataRole.UserRole)]
        )
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
