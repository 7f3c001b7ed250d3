"""Marks in a text pane from several owners at once (the doctor's findings, find's matches, …).

``QPlainTextEdit.setExtraSelections`` replaces every mark; each owner sets its own layer here
instead, and the marks of the other layers stay.
"""

from __future__ import annotations

from PySide6.QtGui import QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

# The format property that names the layer a mark belongs to.
LAYER = QTextFormat.Property.UserProperty + 0x7A5


def set_marks(pane: QPlainTextEdit, layer: str, selections: list[QTextEdit.ExtraSelection]) -> None:
    """Make ``selections`` the marks of ``layer`` in ``pane``; other layers' marks are kept."""
    kept = [s for s in pane.extraSelections() if s.format.property(LAYER) != layer]
    for selection in selections:
        selection.format.setProperty(LAYER, layer)
    pane.setExtraSelections(kept + selections)


def marks(pane: QPlainTextEdit, layer: str) -> list[QTextEdit.ExtraSelection]:
    """The marks ``layer`` has in ``pane``."""
    return [s for s in pane.extraSelections() if s.format.property(LAYER) == layer]
