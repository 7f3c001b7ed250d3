"""Completion of a category or tag field: the values the blog uses, with their counts, most
used first, matched on a folded prefix; choosing one puts in the value alone, as the item typed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCompleter,
    QLineEdit,
)

from editor.core.blog.taxonomy import Terms

VALUE_ROLE = Qt.ItemDataRole.UserRole


class TermCompletion(QObject):
    """A popup under ``field`` listing the values of ``terms()`` that start with what is typed
    (folded: ＡＩ finds AI, かぶ finds カブ), each with its count, most used first; choosing one
    calls ``chosen(value)`` (the value only, never its count).  ``typed()`` is the text being
    completed (in a list field, the item at the cursor)."""

    def __init__(
        self,
        field: QLineEdit,
        terms: Callable[[], Terms | None],
        typed: Callable[[], str],
        chosen: Callable[[str], None],
    ):
        super().__init__(field)
        self._field, self._terms, self._typed, self._chosen = field, terms, typed, chosen
        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setObjectName(f"completer_{field.objectName()}")
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setWidget(field)
        self.completer.activated[QModelIndex].connect(self._on_activated)
        field.textEdited.connect(self.update)

    def update(self) -> None:
        """List the matches of what is typed now (hidden when nothing matches)."""
        terms, prefix = self._terms(), self._typed()
        matches = terms.complete(prefix) if terms is not None and prefix else []
        if terms is not None and matches == [(prefix, terms.count(prefix))]:
            matches = []  # the value is typed out in full: nothing left to complete
        self.model.clear()
        for value, count in matches:
            item = QStandardItem(self.tr("{value} ({count})").format(value=value, count=count))
            item.setData(value, VALUE_ROLE)
            self.model.appendRow(item)
        popup = self.completer.popup()
        if not matches:
            popup.hide()
            return
        popup.setCurrentIndex(QModelIndex())
        self.completer.complete()

    def shown(self) -> list[str]:
        """The popup's rows as the writer reads them (empty when it is hidden)."""
        if not self.completer.popup().isVisible():
            return []
        return [self.model.item(row).text() for row in range(self.model.rowCount())]

    def _on_activated(self, index: QModelIndex) -> None:
        value = index.data(VALUE_ROLE)
        if value:
            self._chosen(value)
