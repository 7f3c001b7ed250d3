"""The start-up dialog listing unsaved work a crash left behind, with its difference to the disk."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from editor.core.files.recovery import RecoveryEntry
from editor.core.files.storage import LoadedPost
from editor.core.post.document import PostDocument
from editor.core.post.split import split_post
from editor.ui.editor_pane import EDITOR_FONTS, pick_font
from editor.ui.i18n import current_language


def state_text(state: str) -> str:
    """Where the disk stands for a kept entry, in the writer's words."""
    texts = {
        "untitled": QCoreApplication.translate("RecoveryDialog", "never saved"),
        "missing": QCoreApplication.translate("RecoveryDialog", "the post was deleted or renamed"),
        "saved": QCoreApplication.translate("RecoveryDialog", "already saved"),
        "unchanged": QCoreApplication.translate(
            "RecoveryDialog", "the post on disk is as you left it"
        ),
        "changed": QCoreApplication.translate(
            "RecoveryDialog", "the post on disk was changed since"
        ),
    }
    return texts.get(state, "")


@dataclass
class RecoveryChoice:
    """What the writer chose: an entry to restore (or None), and entries to throw away."""

    restore: str | None = None
    discard: list[str] = field(default_factory=list)


def entry_line(entry: RecoveryEntry) -> str:
    """How an entry is listed: its name, when it was kept, and where the disk stands."""
    when = dt.datetime.fromtimestamp(entry.saved_at).strftime("%Y-%m-%d %H:%M")
    return f"{entry_name(entry)} — {when} — {state_text(entry.disk_state())}"


def entry_name(entry: RecoveryEntry) -> str:
    """The file name, or for a post never saved its title or first words (not its "---")."""
    if entry.post_path:
        return entry.label
    document = PostDocument.from_text(entry.text)
    title = str(document.get("title") or "").strip()
    first = next((line.strip() for line in document.body.splitlines() if line.strip()), "")
    words = title or first[:40]
    return (
        QCoreApplication.translate("RecoveryDialog", "New post: {words}").format(words=words)
        if words
        else QCoreApplication.translate("RecoveryDialog", "New post")
    )


def restored_document(
    entry: RecoveryEntry, loaded: LoadedPost | None, timezone=None
) -> tuple[PostDocument, LoadedPost | None]:
    """A document holding ``entry``'s text as unsaved changes to ``loaded`` (the disk's post).

    The returned LoadedPost carries the entry's base version, so saving notices a post that
    another program changed after the edits began.
    """
    path = Path(entry.post_path) if entry.post_path else None
    document = PostDocument.from_text("" if loaded is None else loaded.text, path, timezone)
    wanted = split_post(entry.text)
    if wanted.has_front_matter:
        document.set_front_matter_text(wanted.front_matter)
    document.set_body(wanted.body)
    if document.text != entry.text:
        # Line endings or a removed front matter the editing calls cannot express: take the
        # journaled text as it is; SafeKeeper still counts it as unsaved until saved.
        document = PostDocument.from_text(entry.text, path, timezone)
    if loaded is not None and entry.base is not None:
        loaded = LoadedPost(loaded.text, loaded.data, entry.base, loaded.warnings)
    return document, loaded


class RecoveryDialog(QDialog):
    """Lists recoverable entries; the writer restores one, discards some, or decides later."""

    def __init__(self, parent: QWidget | None, entries: list[RecoveryEntry], corrupt: int = 0):
        super().__init__(parent)
        self.setObjectName("recoveryDialog")
        self.setWindowTitle(QCoreApplication.translate("RecoveryDialog", "Recover unsaved work"))
        self.choice = RecoveryChoice()
        self._entries = {entry.id: entry for entry in entries}
        layout = QVBoxLayout(self)
        text = QCoreApplication.translate(
            "RecoveryDialog",
            "Tsuzuri was not closed properly. This unsaved work was kept; restoring puts it in "
            "the editor as unsaved changes, nothing is written until you save.",
        )
        if corrupt:
            text += "\n" + QCoreApplication.translate(
                "RecoveryDialog", "{count} kept file(s) could not be read; they are left in place."
            ).format(count=corrupt)
        intro = QLabel(text)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.list = QListWidget()
        for entry in entries:
            item = QListWidgetItem(entry_line(entry))
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            self.list.addItem(item)
        self.diff_view = QPlainTextEdit()
        self.diff_view.setReadOnly(True)
        self.diff_view.setFont(pick_font(EDITOR_FONTS, 11))
        splitter.addWidget(self.list)
        splitter.addWidget(self.diff_view)
        layout.addWidget(splitter)
        buttons = QDialogButtonBox()
        restore = QPushButton(QCoreApplication.translate("RecoveryDialog", "&Restore"))
        restore.clicked.connect(self._on_restore)
        discard = QPushButton(QCoreApplication.translate("RecoveryDialog", "&Discard"))
        discard.clicked.connect(self._on_discard)
        later = QPushButton(QCoreApplication.translate("RecoveryDialog", "Decide &later"))
        later.clicked.connect(self.accept)
        buttons.addButton(restore, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(discard, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(later, QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(buttons)
        self.list.currentItemChanged.connect(self._on_current_changed)
        self.list.setCurrentRow(0)
        self.resize(720, 520)

    def _current_id(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def _on_current_changed(self, *_args) -> None:
        entry = self._entries.get(self._current_id() or "")
        self.diff_view.setPlainText(entry.diff_against_disk(current_language()) if entry else "")

    def _on_restore(self) -> None:
        self.choice.restore = self._current_id()
        self.accept()

    def _on_discard(self) -> None:
        entry_id = self._current_id()
        if entry_id is None:
            return
        self.choice.discard.append(entry_id)
        self.list.takeItem(self.list.currentRow())
        if self.list.count() == 0:
            self.accept()
