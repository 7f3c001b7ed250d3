"""Every message box and file dialog goes through here, so tests patch one seam."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget


def confirm_discard(parent: QWidget, name: str) -> str:
    """Ask what to do with unsaved changes: returns "save", "discard" or "cancel"."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Prompts", "Unsaved changes"))
    box.setText(
        QCoreApplication.translate("Prompts", "“{name}” has unsaved changes.").format(name=name)
    )
    box.setInformativeText(QCoreApplication.translate("Prompts", "Save them first?"))
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
        parent,
        QCoreApplication.translate("Prompts", "Open post"),
        str(start),
        QCoreApplication.translate("Prompts", "Markdown posts (*.md *.markdown);;All files (*)"),
    )
    return Path(name) if name else None


def choose_save_path(parent: QWidget, start: Path) -> Path | None:
    """A Save As dialog; None when cancelled."""
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("Prompts", "Save post as"),
        str(start),
        QCoreApplication.translate("Prompts", "Markdown posts (*.md *.markdown)"),
    )
    return Path(name) if name else None


def choose_export_path(parent: QWidget, start: Path, kind: str) -> Path | None:
    """A Save dialog for an export (``kind`` is "html" or "pdf"); None when cancelled."""
    translate = QCoreApplication.translate
    if kind == "pdf":
        title = translate("Prompts", "Export as PDF")
        filters = translate("Prompts", "PDF files (*.pdf)")
    else:
        title = translate("Prompts", "Export as HTML")
        filters = translate("Prompts", "HTML files (*.html *.htm)")
    dialog = QFileDialog(parent, title, str(start), filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.selectFile(str(start))
    # The dialog adds the suffix to a name typed without one, so its own "replace it?" question
    # is about the file that will be written.
    dialog.setDefaultSuffix(kind)
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    name = dialog.selectedFiles()[0]
    return Path(name) if name else None


def confirm_overwrite(parent: QWidget, path: Path) -> bool:
    """``path`` exists and the file dialog did not ask about it: True to replace it."""
    answer = QMessageBox.warning(
        parent,
        QCoreApplication.translate("Prompts", "Replace the file?"),
        QCoreApplication.translate(
            "Prompts", "“{name}” already exists in “{folder}”. Do you want to replace it?"
        ).format(name=path.name, folder=str(path.parent)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def choose_stylesheet(parent: QWidget, start: Path) -> Path | None:
    """A CSS file for the preview (e.g. the blog's built _site/assets/main.css); None if cancelled."""
    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("Prompts", "Preview stylesheet"),
        str(start),
        QCoreApplication.translate("Prompts", "Stylesheets (*.css)"),
    )
    return Path(name) if name else None


def show_info(parent: QWidget, title: str, message: str) -> None:
    """Tell the writer something they should know (nothing went wrong, nothing is lost)."""
    QMessageBox.information(parent, title, message)


def ask_conflict(
    parent: QWidget, name: str, disk_text: str | None, mine_text: str, saving: bool
) -> str:
    """The post on disk is not the version being edited: "reload", "keep" or "cancel".

    ``disk_text`` is None when the post was deleted or renamed; the dialog's Compare button
    shows the difference.  ``saving`` says whether "keep" would write over theirs now.
    """
    from editor.ui.conflict_dialog import ConflictDialog

    dialog = ConflictDialog(parent, name, disk_text, mine_text, saving)
    dialog.exec()
    return dialog.choice


def ask_read_only(parent: QWidget, name: str, message: str) -> str:
    """The post is marked read-only: "save_as", "overwrite" or "cancel"."""
    translate = QCoreApplication.translate
    return _ask(
        parent,
        QMessageBox.Icon.Warning,
        translate("Prompts", "The post is read-only"),
        translate("Prompts", "“{name}” is marked read-only.").format(name=name),
        message,
        [
            ("save_as", translate("Prompts", "Save &As…"), QMessageBox.ButtonRole.AcceptRole),
            (
                "overwrite",
                translate("Prompts", "Save &over it"),
                QMessageBox.ButtonRole.DestructiveRole,
            ),
        ],
    )


def _ask(parent, icon, title: str, text: str, informative: str, choices: list) -> str:
    """A question with buttons ``(answer, label, role)`` (the first is the default) and Cancel:
    the answer of the button clicked, "cancel" for Cancel or closing the box."""
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
    buttons = {box.addButton(label, role): answer for answer, label, role in choices}
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(next(iter(buttons)))
    box.exec()
    return buttons.get(box.clickedButton(), "cancel")


def offer_save_as(parent: QWidget, title: str, message: str) -> bool:
    """A save failed for ``message``; True when the writer wants to Save As elsewhere."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(title)
    box.setText(message)
    save_as = box.addButton(
        QCoreApplication.translate("Prompts", "Save &As…"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    return box.clickedButton() is save_as


def choose_recovery(parent: QWidget, entries: list, corrupt: int = 0):
    """After a crash: which kept work to restore or discard (a ``RecoveryChoice``)."""
    from editor.ui.recovery_dialog import RecoveryDialog

    dialog = RecoveryDialog(parent, entries, corrupt)
    dialog.exec()
    return dialog.choice


def choose_blog_folder(parent: QWidget, start: Path) -> Path | None:
    """A folder dialog for a Jekyll blog; None when cancelled."""
    name = QFileDialog.getExistingDirectory(
        parent, QCoreApplication.translate("Prompts", "Open blog"), str(start)
    )
    return Path(name) if name else None


def confirm_fixes(parent: QWidget, count: int, fixes: list[str], diff: str) -> bool:
    """Show the whole change of "Fix all safe" as a diff; True when the writer applies it."""
    from editor.ui.fix_dialogs import FixAllDialog

    dialog = FixAllDialog(parent, count, fixes, diff)
    dialog.exec()
    return dialog.accepted_fixes


def compare_takes(parent: QWidget, kept: str, removed: str) -> bool:
    """Two takes of a passage side by side; True when the writer keeps the first one."""
    from editor.ui.fix_dialogs import TakesDialog

    dialog = TakesDialog(parent, kept, removed)
    dialog.exec()
    return dialog.keep_first


def show_about(parent: QWidget, title: str, text: str) -> None:
    """The About box (rich text: the name, the version, the licence)."""
    QMessageBox.about(parent, title, text)


def ask_save_before_commit(parent: QWidget, name: str) -> bool:
    """The post has unsaved changes and a commit takes the file: True to save it first."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("Prompts", "Save before committing?"),
        QCoreApplication.translate(
            "Prompts", "“{name}” has unsaved changes. A commit takes the saved file: save it now?"
        ).format(name=name),
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save,
    )
    return answer == QMessageBox.StandardButton.Save


def edit_commit_message(parent: QWidget, files: list[tuple[str, str]], message: str) -> str | None:
    """Show the files a commit takes and let the writer edit its message; None when cancelled."""
    from editor.ui.git_actions import CommitDialog

    dialog = CommitDialog(parent, files, message)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.text() or None


def ask_near_variant(parent: QWidget, message: str, value: str, existing: str) -> str:
    """A tag or category about to be saved nearly repeats one the blog uses: "existing" (use
    it instead), "keep" (save what was typed) or "cancel" (do not save)."""
    translate = QCoreApplication.translate
    use = translate("Prompts", "Use the existing “{existing}”").format(existing=existing)
    keep = translate("Prompts", "Keep “{value}”").format(value=value)
    return _ask(
        parent,
        QMessageBox.Icon.Question,
        translate("Prompts", "A similar value exists"),
        message,
        "",
        [
            ("existing", use, QMessageBox.ButtonRole.AcceptRole),
            ("keep", keep, QMessageBox.ButtonRole.DestructiveRole),
        ],
    )


def open_dialog(dialog) -> None:
    """Show a dialog that works beside the window (window-modal, not blocking the caller)."""
    dialog.open()


def choose_images(parent: QWidget, start: Path) -> list[Path]:
    """A file dialog for images to put in the post (several may be picked); [] when cancelled."""
    names, _ = QFileDialog.getOpenFileNames(
        parent,
        QCoreApplication.translate("Prompts", "Insert image"),
        str(start),
        QCoreApplication.translate(
            "Prompts", "Images (*.png *.jpg *.jpeg *.gif *.webp *.avif *.svg);;All files (*)"
        ),
    )
    return [Path(name) for name in names if name]


def offer_scale_down(
    parent: QWidget, name: str, size: tuple[int, int], scaled: tuple[int, int], weight: str
) -> bool:
    """A large image: True to copy it scaled down to ``scaled`` (width, height), False to copy
    it as it is (the original file is never changed either way)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("Prompts", "Large image"))
    box.setText(
        QCoreApplication.translate(
            "Prompts", "“{name}” is {width} × {height} pixels ({weight})."
        ).format(name=name, width=size[0], height=size[1], weight=weight)
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "Prompts",
            "Copy it into the blog scaled down to {width} × {height}? Readers load it faster; "
            "your original file is not changed.",
        ).format(width=scaled[0], height=scaled[1])
    )
    smaller = box.addButton(
        QCoreApplication.translate("Prompts", "&Scale down"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(
        QCoreApplication.translate("Prompts", "&Keep full size"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(smaller)
    box.exec()
    return box.clickedButton() is smaller
