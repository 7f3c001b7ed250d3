"""SimilarPosts: the sidebar's 「似ている記事」 tab, pairs of posts that repeat each other.

Comparing runs on a worker through the window's tasks (:class:`editor.ui.tasks.TaskRunner`):
the blog's paragraph fingerprints are brought up to date (:mod:`editor.core.blog.overlap`), then
the pairs are listed with both titles, how similar they are and how many paragraphs they share.
Activating a pair opens the other post in a tab and then the first one at their first shared
paragraph.  A saved post's fingerprints are updated quietly, so the doctor compares with it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.core.blog.overlap import OverlapStore, PostPair, store_path, title_of
from editor.core.blog.progress import Progress


def _compare(root: Path, progress: Progress) -> tuple[list[PostPair], dict[Path, str]]:
    """Worker: update the fingerprints, list the pairs and the titles they show."""
    with OverlapStore(root) as store:
        store.update(progress)
        pairs = store.pairs(progress=progress)
    titles = {}
    for pair in pairs:
        for path in (pair.path_a, pair.path_b):
            if path not in titles:
                titles[path] = title_of(path)
    return pairs, titles


def _update(root: Path, progress: Progress) -> None:
    with OverlapStore(root) as store:
        store.update(progress)


class SimilarPosts(QObject):
    """The tab's list and the Blog menu's "Find Similar Posts"."""

    compared = Signal(int)  # pairs found (tests and the status bar)
    updated = Signal()  # the fingerprints are up to date after a save

    def __init__(
        self,
        tasks,
        open_post_at: Callable[[Path, int], bool],
        blog_root: Callable[[], Path | None],
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._tasks = tasks
        self._open_post_at = open_post_at
        self._blog_root = blog_root
        self.widget = QWidget()
        self.widget.setObjectName("similarPosts")
        layout = QVBoxLayout(self.widget)
        layout.setContentsMargins(4, 4, 4, 4)
        self.button = QPushButton(self.tr("Find Similar Posts"))
        self.button.clicked.connect(self.compare)
        self.status = QLabel(self.tr("Posts that repeat paragraphs of each other are listed here."))
        self.status.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setObjectName("similarPostsList")
        self.list.setRootIsDecorated(False)
        # The numbers first, so they show however narrow the sidebar; titles elided in the
        # middle, whole in their tooltips.
        self.list.setHeaderLabels(
            [self.tr("Similarity"), self.tr("Shared"), self.tr("Post"), self.tr("Similar post")]
        )
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.list.header()
        header.setStretchLastSection(False)
        for column in (0, 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in (2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.list.itemActivated.connect(self._on_activated)
        layout.addWidget(self.button)
        layout.addWidget(self.status)
        layout.addWidget(self.list, 1)
        self.action = QAction(self.tr("Find Si&milar Posts"), self)
        self.action.triggered.connect(self.compare)
        self._running = False

    def fill_menu(self, menu: QMenu) -> None:
        menu.addAction(self.action)

    def show_blog(self, _root: Path | None) -> None:
        """Another blog: the pairs of the last one no longer apply."""
        self.list.clear()
        self.status.setText(self.tr("Posts that repeat paragraphs of each other are listed here."))

    def compare(self) -> None:
        """List the blog's similar posts (on a worker, with progress and Cancel)."""
        root = self._blog_root()
        if root is None:
            self.status.setText(self.tr("Open a blog to compare its posts."))
            return
        if self._running:
            return
        self._running = True
        self.button.setEnabled(False)
        self.status.setText(self.tr("Comparing the posts…"))
        self._tasks.run(
            self.tr("Comparing posts"),
            lambda progress: _compare(root, progress),
            self._show,
            self._failed,
            self._cancelled,
        )

    def note_saved(self, _path: Path) -> None:
        """A post was saved: its fingerprints are updated (quietly, only what changed), once the
        blog's have been made (Find Similar Posts): a save never fingerprints a whole blog."""
        root = self._blog_root()
        if root is None or not store_path(root).is_file():
            return
        self._tasks.run(
            self.tr("Updating similar posts"),
            lambda progress: _update(root, progress),
            lambda _result: self.updated.emit(),
            lambda message: self.status.setText(message),  # said in the tab, not a dialog
        )

    def _finish(self, text: str) -> None:
        self._running = False
        self.button.setEnabled(True)
        self.status.setText(text)

    def _failed(self, message: str) -> None:
        self._finish(self.tr("The posts could not be compared: {error}").format(error=message))

    def _cancelled(self) -> None:
        self._finish(self.tr("Comparing was cancelled."))

    def _show(self, result: tuple[list[PostPair], dict[Path, str]]) -> None:
        pairs, titles = result
        self.list.clear()
        for pair in pairs:
            item = QTreeWidgetItem(
                [
                    self.tr("{pct}%").format(pct=round(pair.similarity * 100)),
                    str(pair.shared),
                    titles[pair.path_a],
                    titles[pair.path_b],
                ]
            )
            for column in (0, 1):
                right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                item.setTextAlignment(column, right)
            item.setToolTip(2, f"{titles[pair.path_a]}\n{pair.path_a}")
            item.setToolTip(3, f"{titles[pair.path_b]}\n{pair.path_b}")
            item.setData(0, Qt.ItemDataRole.UserRole, pair)
            self.list.addTopLevelItem(item)
        if pairs:
            text = self.tr("{count} pairs of posts share paragraphs.").format(count=len(pairs))
        else:
            text = self.tr("No posts repeat each other.")
        self._finish(text)
        self.compared.emit(len(pairs))

    def _on_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        """Open the other post in a tab, then the first at the first shared paragraph."""
        pair: PostPair = item.data(0, Qt.ItemDataRole.UserRole)
        self._open_post_at(pair.first.path_b, pair.first.line_b)
        self._open_post_at(pair.first.path_a, pair.first.line_a)
