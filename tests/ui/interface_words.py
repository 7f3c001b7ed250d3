"""What the writer reads in a window or dialog, and the English words left in it.

:func:`visible_texts` walks a top-level widget the way a writer looks at it: the window title,
every menu of the menu bar with its actions and submenus, every label, button, tab, group box,
placeholder, tooltip, header, spin-box suffix and the status bar.  :func:`english_words` finds
the words of two or more ASCII letters left in them, after taking out the writer's own data
(file names, field values) and the names that stay as they are in Japanese (Markdown, YAML, …).
Menus other parts add are walked the same way once they are on the window.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QTabBar,
    QTextEdit,
    QTreeView,
    QTreeWidget,
    QWidget,
)

# Names a Japanese interface writes in Latin letters.
ALLOWED = {
    "Markdown",
    "Jekyll",
    "YAML",
    "URL",
    "HTML",
    "PDF",
    "CSS",
    "Tsuzuri",
    "UTF",
    "UTC",
    "git",
    "Git",
    "AI",
    "md",
    "markdown",
    "css",
    # Keys as the keyboard names them, and find's case toggle as every editor labels it.
    "Ctrl",
    "Shift",
    "Alt",
    "Esc",
    "Tab",
    "Enter",
    "Aa",
    # Qt's own Japanese keeps "OK" (qtbase_ja).
    "OK",
}
# Jekyll's own folder and file names, said as they are in any language.
JEKYLL_NAMES = ("_config.yml", "_posts", "_drafts", "_layouts", "_includes", "_site", "_data")
# Placeholders a setting is written with (the images folder's), typed as they are in any language.
PLACEHOLDERS = ("{year}", "{month}", "{day}", "{slug}")
WORD = re.compile(r"[A-Za-z]{2,}")


def _menu_texts(menu: QMenu, where: str) -> list[tuple[str, str]]:
    texts = [(where, menu.title())]
    for action in menu.actions():
        if action.isSeparator():
            continue
        if action.menu() is not None:
            texts += _menu_texts(action.menu(), f"{where} > {menu.title()}")
            continue
        place = f"{where} > {menu.title()} > {action.text()}"
        texts += [(place, action.text()), (f"{place} (tip)", action.toolTip())]
        texts += [(f"{place} (status tip)", action.statusTip())]
    return texts


def visible_texts(top: QWidget, items: bool = False) -> list[tuple[str, str]]:
    """(where, text) for every string of ``top`` a writer can read; ``items`` adds the rows of
    list widgets (the post list), which are mostly the writer's own file names."""
    texts = [("window title", top.windowTitle())]
    if isinstance(top, QMainWindow):
        for action in top.menuBar().actions():
            if action.menu() is not None:
                texts += _menu_texts(action.menu(), "menu")
        texts.append(("status bar", top.statusBar().currentMessage()))
    for widget in [top, *top.findChildren(QWidget)]:
        name = f"{type(widget).__name__} {widget.objectName()}".strip()
        texts.append((f"{name} (tooltip)", widget.toolTip()))
        if isinstance(widget, QLabel):
            texts.append((name, widget.text()))
        elif isinstance(widget, QAbstractButton):
            texts.append((name, widget.text()))
        elif isinstance(widget, QGroupBox):
            texts.append((name, widget.title()))
        elif isinstance(widget, QTabBar):
            texts += [(f"{name} tab", widget.tabText(i)) for i in range(widget.count())]
            texts += [(f"{name} tab tip", widget.tabToolTip(i)) for i in range(widget.count())]
        elif isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
            texts.append((f"{name} (placeholder)", widget.placeholderText()))
        elif isinstance(widget, QTreeWidget):
            header = widget.headerItem()
            texts += [(f"{name} header", header.text(i)) for i in range(header.columnCount())]
        elif isinstance(widget, QTreeView) and widget.model() is not None:
            model = widget.model()  # a view of a model (the post browser): header, then rows
            columns = range(model.columnCount())
            texts += [
                (f"{name} header", model.headerData(c, Qt.Orientation.Horizontal)) for c in columns
            ]
            rows = range(model.rowCount()) if items else ()
            texts += [(f"{name} row", model.index(r, c).data()) for r in rows for c in columns]
        elif isinstance(widget, QListWidget) and items:
            texts += [(f"{name} row", widget.item(i).text()) for i in range(widget.count())]
        if isinstance(widget, QSpinBox):
            texts += [(f"{name} suffix", widget.suffix()), (f"{name} prefix", widget.prefix())]
        if isinstance(widget, QAbstractSpinBox) and not isinstance(widget, QDateTimeEdit):
            texts.append((f"{name} (special)", widget.specialValueText()))
        if isinstance(widget, QComboBox) and not widget.isEditable():
            texts += [(f"{name} item", widget.itemText(i)) for i in range(widget.count())]
    return [(where, text) for where, text in texts if text]


def english_words(
    texts: list[tuple[str, str]], values: tuple[str, ...] = ()
) -> list[tuple[str, str]]:
    """(where, word) for each English word in ``texts``; ``values`` (the writer's data shown in
    the window: file names, field values, paths) are taken out first, longest first."""
    found = []
    for where, text in texts:
        for value in sorted(
            (v for v in (*values, *JEKYLL_NAMES, *PLACEHOLDERS) if v), key=len, reverse=True
        ):
            text = text.replace(value, " ")
        found += [(where, word) for word in WORD.findall(text) if word not in ALLOWED]
    return found
