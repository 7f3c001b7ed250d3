"""A list of the blog's posts and drafts; activating one asks the window to open it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from editor.core.blog import posts


def blog_post_files(root: Path) -> list[Path]:
    """Posts newest first (as Jekyll finds them, category folders too), then drafts by name."""
    return posts.post_files(root) + posts.draft_files(root)


class PostListView(QListWidget):
    """Shows post files by name; drafts are marked."""

    open_post_requested = Signal(Path)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("postList")
        self._root: Path | None = None
        self.itemActivated.connect(self._on_item_activated)
        self.itemClicked.connect(self._on_item_activated)

    def show_blog(self, root: Path) -> None:
        self._root = root
        self.refresh()

    def refresh(self) -> None:
        self.clear()
        if self._root is None:
            return
        for path in blog_post_files(self._root):
            draft = posts.is_draft(path)
            label = (self.tr("[draft] ") if draft else "") + path.stem
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path.relative_to(self._root)))
            self.addItem(item)

    def select_path(self, path: Path | None) -> None:
        for row in range(self.count()):
            item = self.item(row)
            if path is not None and Path(item.data(Qt.ItemDataRole.UserRole)) == path:
                self.setCurrentItem(item)
                return
        self.clearSelection()

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        self.open_post_requested.emit(Path(item.data(Qt.ItemDataRole.UserRole)))
