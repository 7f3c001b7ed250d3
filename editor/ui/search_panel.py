"""The sidebar's 記事を検索 tab: a query box, how many lines and posts hold it, and the hits.

Each hit is one row of a model/view list (:class:`SearchResults`, any number of rows without a
widget each): the post's title and the line number above the matching line, the match in bold on
a marked background (:class:`HitDelegate`).  A line longer than the list is wide is shown from a
little before the match, so the match is always in sight, whatever the width and however long
the Japanese line.  What a search does is the controller's (:mod:`editor.ui.search_controller`).
"""

from __future__ import annotations

import html

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtCore import Signal as _Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from editor.core.blog.posts import shown_title
from editor.core.blog.search import Hit

HIT_ROLE = Qt.ItemDataRole.UserRole
# Characters kept before the first match when a line is too long to show whole.
LEAD = 12
_Index = QModelIndex | QPersistentModelIndex


class SearchResults(QAbstractListModel):
    """The hits of the latest search, one row each."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.hits: list[Hit] = []

    def show_hits(self, hits: list[Hit]) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.hits):
            return None
        hit = self.hits[index.row()]
        if role == HIT_ROLE:
            return hit
        if role == Qt.ItemDataRole.DisplayRole:  # what a screen reader says
            return f"{_title(hit)} {hit.line}: {hit.text}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{_title(hit)}\n{hit.path.name}:{hit.line}"
        return None


def _title(hit: Hit) -> str:
    return shown_title(hit.title, hit.path)


def hit_html(hit: Hit, lead: int | None = LEAD) -> str:
    """The line of ``hit`` as rich text with each match in bold on a marked background; with
    ``lead``, a line whose first match is further in starts ``lead`` characters before it."""
    text, start = hit.text, 0
    first = hit.span[0]
    if lead is not None and first > lead:
        start = first - lead
    parts, at = [], start
    prefix = "…" if start else ""
    for span_start, span_end in hit.spans:
        if span_end <= at:
            continue
        span_start = max(span_start, at)
        parts.append(html.escape(text[at:span_start]))
        parts.append(f"<b class='match'>{html.escape(text[span_start:span_end])}</b>")
        at = span_end
    parts.append(html.escape(text[at:]))
    return prefix + "".join(parts)


class HitDelegate(QStyledItemDelegate):
    """Paints a hit: the title and line number small, then the line with its matches marked."""

    def _document(self, option: QStyleOptionViewItem, hit: Hit, selected: bool) -> QTextDocument:
        palette = option.palette
        text_colour = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
        mark = QColor("#7a5c00" if dark else "#ffe27a")
        quiet = QColor(text_colour)
        quiet.setAlphaF(0.65)
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(2)
        document.setDefaultStyleSheet(
            f"b.match {{ background-color: {mark.name()}; }}"
            f" .where {{ color: {quiet.name(QColor.NameFormat.HexArgb)}; }}"
        )
        where = html.escape(f"{_title(hit)} · {hit.line}")
        document.setHtml(
            f"<div style='color:{text_colour.name()}; white-space:pre'>"
            f"<span class='where'><small>{where}</small></span><br>{hit_html(hit)}</div>"
        )
        return document

    def paint(self, painter, option: QStyleOptionViewItem, index: _Index) -> None:
        hit = index.data(HIT_ROLE)
        if hit is None:
            super().paint(painter, option, index)
            return
        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        options.text = ""
        style = options.widget.style() if options.widget else None
        if style is not None:
            style.drawControl(
                QStyle.ControlElement.CE_ItemViewItem, options, painter, options.widget
            )
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        document = self._document(option, hit, selected)
        painter.save()
        rect: QRect = option.rect
        painter.translate(rect.topLeft())
        painter.setClipRect(QRect(0, 0, rect.width(), rect.height()))
        context = QAbstractTextDocumentLayout.PaintContext()
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:  # noqa: N802
        hit = index.data(HIT_ROLE)
        if hit is None:
            return super().sizeHint(option, index)
        height = int(self._document(option, hit, False).size().height()) + 2
        return QSize(option.rect.width(), height)


class SearchPanel(QWidget):
    """The query box, the counts and the list of hits; ``activated(hit)`` when one is chosen
    (a click, or Enter on it)."""

    activated = _Signal(object)
    query_changed = _Signal(str)
    query_entered = _Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.query = QLineEdit()
        self.query.setObjectName("searchQuery")
        self.query.setClearButtonEnabled(True)
        self.query.setPlaceholderText(self.tr("Search every post and draft"))
        self.query.setAccessibleName(self.tr("Search across posts"))
        self.counts = QLabel()
        self.counts.setObjectName("searchCounts")
        self.counts.setWordWrap(True)
        self.model = SearchResults(self)
        self.results = QListView()
        self.results.setObjectName("searchResults")
        self.results.setModel(self.model)
        self.results.setItemDelegate(HitDelegate(self.results))
        self.results.setUniformItemSizes(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setAccessibleName(self.tr("Lines that hold the search"))
        self.results.activated.connect(self._on_activated)
        self.results.clicked.connect(self._on_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.query)
        layout.addWidget(self.counts)
        layout.addWidget(self.results, 1)
        self.query.textChanged.connect(self.query_changed)
        self.query.returnPressed.connect(lambda: self.query_entered.emit(self.query.text()))
        self.query.installEventFilter(self)  # Down goes on to the results

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            watched is self.query
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
            and self.model.rowCount()
        ):
            self.results.setFocus(Qt.FocusReason.TabFocusReason)
            if not self.results.currentIndex().isValid():
                self.results.setCurrentIndex(self.model.index(0, 0))
            return True
        return super().eventFilter(watched, event)

    def show_hits(self, hits: list[Hit], counts: str) -> None:
        self.model.show_hits(hits)
        self.counts.setText(counts)
        if hits:
            self.results.scrollToTop()

    def hit_at(self, row: int) -> Hit | None:
        index = self.model.index(row, 0)
        return index.data(HIT_ROLE) if index.isValid() else None

    def _on_activated(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if hit is not None:
            self.activated.emit(hit)
