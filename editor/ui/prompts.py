"""Every message box and file dialog goes through here, so tests patch one seam."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("Prompts", text)


def confirm_discard(parent: QWidget, name: str) -> str:
    """Ask what to do with unsaved changes: returns "save", "discard" or "cancel"."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_tr("Unsaved changes"))
    box.setText(_tr("“{name}” has unsaved changes.").format(name=name))
    box.setInformativeText(_tr("Save them before closing?"))
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    return {
        QMessageBox.StandardButton.Save: "save",
        QMessageBox.StandardButton.Discard: "discard",
    }.get(QMessageBox.StandardButton(answer), "cancel")


def show_error(parent: QWidget, title: str, message: str) -> None:
    """Tell the writer something went wrong; their text is never lost by it."""
    QMessageBox.critical(parent, title, message)


def choose_post_to_open(parent: QWidget, start: Path) -> Path | None:
    """A file dialog for Markdown posts; None when cancelled."""
    name, _ = QFileDialog.getOpenFileName(
        parent, _tr("Open post"), str(start), _tr("Markdown posts (*.md *.markdown);;All files (*)")
    )
    return Path(name) if name else None


def choose_save_path(parent: QWidget, start: Path) -> Path | None:
    """A Save As dialog; None when cancelled."""
    name, _ = QFileDialog.getSaveFileName(
        parent, _tr("Save post as"), str(start), _tr("Markdown posts (*.md *.markdown)")
    )
    return Path(name) if name else None


def choose_stylesheet(parent: QWidget, start: Path) -> Path | None:
    """A CSS file for the preview (e.g. the blog's built _site/assets/main.css); None if cancelled."""
    name, _ = QFileDialog.getOpenFileName(
        parent, _tr("Preview stylesheet"), str(start), _tr("Stylesheets (*.css)")
    )
    return Path(name) if name else None
