"""The outline (アウトライン): the post's headings as a tree beside the text pane.

A click (or Enter) on a heading puts the text pane's cursor there; the heading the cursor is
under is the current item.  A heading more than one level below the one before it (h2 then h4)
is marked.  The headings are found in the facts process once typing pauses, never on the
keystroke (:class:`~editor.ui.pane_facts.PaneFacts`, shared with the status bar's counts).
"""

from __future__ import annotations

import bisect

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from editor.core.text.facts import TextFacts
from editor.core.text.outline import Heading
from editor.ui.doctor_panel import severity_colour
from editor.ui.editor_pane import MarkdownEditor
from editor.ui.i18n import current_language
from editor.ui.pane_facts import PaneFacts

LINE_ROLE = Qt.ItemDataRole.UserRole


class OutlinePanel(QTreeWidget):
    """The headings, nested by level; each item holds its body line (0-based)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("outlinePanel")
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setUniformRowHeights(True)
        self.setAccessibleName(self.tr("Outline"))
        self.setAccessibleDescription(self.tr("The post's headings; Enter jumps to one"))

    def dock(self, window: QMainWindow) -> QDockWidget:
        """Put the panel in a dock at the left of ``window`` (beside the post list)."""
        dock = QDockWidget(self.tr("Outline"), window)
        dock.setObjectName("outlineDock")
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        dock.setWidget(self)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        window.resizeDocks([dock], [180], Qt.Orientation.Horizontal)
        return dock

    def show_headings(self, found: list[Heading]) -> None:
        self.clear()
        stack: list[tuple[int, QTreeWidgetItem]] = []
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        lang = current_language()
        for heading in found:
            while stack and stack[-1][0] >= heading.level:
                stack.pop()
            item = QTreeWidgetItem([heading.text or f"h{heading.level}"])
            item.setData(0, LINE_ROLE, heading.line)
            if heading.jumps:
                item.setIcon(0, warning)
                item.setForeground(0, QBrush(QColor(severity_colour("warning"))))
                item.setToolTip(0, heading.message(lang))
            else:
                item.setToolTip(0, f"h{heading.level}")
            if stack:
                stack[-1][1].addChild(item)
            else:
                self.addTopLevelItem(item)
            stack.append((heading.level, item))
        self.expandAll()

    def items(self) -> list[QTreeWidgetItem]:
        """Every item, in document order."""
        out: list[QTreeWidgetItem] = []

        def walk(item: QTreeWidgetItem) -> None:
            out.append(item)
            for i in range(item.childCount()):
                walk(item.child(i))

        for i in range(self.topLevelItemCount()):
            walk(self.topLevelItem(i))
        return out


class OutlineController(QObject):
    """Keeps an :class:`OutlinePanel` showing the headings of the text pane it is attached to;
    ``facts`` reads them (one of its own unless the window shares one with the counts)."""

    def __init__(
        self, panel: OutlinePanel, parent: QObject | None = None, facts: PaneFacts | None = None
    ):
        super().__init__(parent)
        self.panel = panel
        self.editor: MarkdownEditor | None = None
        self.headings: list[Heading] = []
        self._lines: list[int] = []
        self._items: list[QTreeWidgetItem] = []
        self._reader = facts or PaneFacts(parent=self)
        self._reader.finished.connect(self._on_found)
        panel.itemClicked.connect(self._jump)
        panel.itemActivated.connect(self._jump)

    def attach(self, editor: MarkdownEditor) -> None:
        """Follow ``editor`` (the current post's text pane) from now on."""
        if self.editor is not None:
            self.editor.cursorPositionChanged.disconnect(self.follow_cursor)
        self.editor = editor
        editor.cursorPositionChanged.connect(self.follow_cursor)
        self._reader.attach(editor)

    def _on_found(self, facts: TextFacts) -> None:
        found = facts.headings
        shown = [(h.level, h.text, h.line, h.previous) for h in self.headings]
        self.headings = found
        if shown == [(h.level, h.text, h.line, h.previous) for h in found]:
            return  # typing inside a paragraph moved no heading: the tree stays as it is
        self._lines = [h.line for h in found]
        self.panel.show_headings(found)
        self._items = self.panel.items()
        self.follow_cursor()

    def follow_cursor(self) -> None:
        """Make the heading the cursor is under the outline's current item."""
        if self.editor is None or not self._items:
            return
        index = bisect.bisect_right(self._lines, self.editor.textCursor().blockNumber()) - 1
        if index < 0:
            self.panel.setCurrentItem(None)
            self.panel.clearSelection()
        elif self.panel.currentItem() is not self._items[index]:
            self.panel.setCurrentItem(self._items[index])

    def current_heading(self) -> Heading | None:
        """The heading the outline shows as current."""
        item = self.panel.currentItem()
        for index, candidate in enumerate(self._items):
            if candidate is item:
                return self.headings[index]
        return None

    def _jump(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        line = item.data(0, LINE_ROLE)
        if self.editor is not None and line is not None:
            self.editor.go_to_line(int(line))

    def wait(self) -> None:
        """Block until a reading in progress is done (tests and benchmarks)."""
        self._reader.wait()

    def shut_down(self) -> None:
        self._reader.shut_down()
