"""Marks in a text pane from several owners at once (the doctor's findings, find's matches, …).

``QPlainTextEdit.setExtraSelections`` replaces every mark; each owner sets its own layer here
instead, and the marks of the other layers stay.  The layers are kept here, never read back
from the pane: the selections ``extraSelections()`` returns do not outlive the list Qt made
for them (reading their cursor or format later crashes).
"""

from __future__ import annotations

import weakref

from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

_LAYERS: weakref.WeakKeyDictionary[QPlainTextEdit, dict[str, list[QTextEdit.ExtraSelection]]] = (
    weakref.WeakKeyDictionary()
)


def set_marks(pane: QPlainTextEdit, layer: str, selections: list[QTextEdit.ExtraSelection]) -> None:
    """Make ``selections`` the marks of ``layer`` in ``pane``; other layers' marks are kept."""
    layers = _LAYERS.setdefault(pane, {})
    layers[layer] = list(selections)
    pane.setExtraSelections([s for marks_ in layers.values() for s in marks_])


def marks(pane: QPlainTextEdit, layer: str) -> list[QTextEdit.ExtraSelection]:
    """The marks ``layer`` has in ``pane``."""
    return list(_LAYERS.get(pane, {}).get(layer, []))
