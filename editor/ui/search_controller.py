"""Search across posts in the window: the 記事を検索 tab, its menu item, and keeping the index.

When a blog opens, its index (:class:`editor.core.blog.search.SearchIndex`, in the cache
folder) is brought up to date on a worker through the window's tasks: progress in the status
bar, cancellable.  A missing index is made, a corrupt one made again, and the status bar says
so.  After each save, only the saved file is read again.  Searches run on a worker too, once
typing pauses (at once on Enter); a result for a query the box no longer holds is dropped.  A
query of nothing but spaces shows nothing and says nothing.  Choosing a hit opens its post
with the cursor on the line and the match selected.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QStatusBar, QTabWidget

from editor.core.blog.search import Hit, SearchIndex, Update, trigram_supported
from editor.core.files.cache import blog_cache_file
from editor.core.text.textpos import utf16_column
from editor.ui.background import LatestOnly
from editor.ui.open_blog import OpenBlog
from editor.ui.search_panel import SearchPanel

# Lines shown at most: enough to scroll through, few enough to show at once.
LIMIT = 1000
TYPING_PAUSE_MS = 250
STATUS_MS = 8000


def _search(root: Path, path: Path, zone, query: str) -> tuple[Path, str, list[Hit], bool]:
    """Worker: the hits of ``query``, and whether the index had to be made again."""
    with SearchIndex(root, path, zone) as index:
        return root, query, index.search(query, LIMIT), index.rebuilt


def _update(root: Path, path: Path, zone, progress) -> Update:
    """Worker: the whole blog's index brought up to date."""
    with SearchIndex(root, path, zone) as index:
        return index.update(progress)


def _update_file(root: Path, path: Path, zone, saved: Path) -> bool:
    """Worker: one saved file read again."""
    with SearchIndex(root, path, zone) as index:
        return index.update_file(saved)


class SearchController(QObject):
    """Owns the search tab; handed the open blog, the window's tasks, ``open_at(path, line,
    column)`` (a 0-based line of the file), ``current_editor()`` (the text pane a post opened
    in), ``show_sidebar()`` and the status bar."""

    searched = Signal()  # the results of a search are shown (tests wait for it)
    indexed = Signal()  # the index is up to date with the blog

    def __init__(
        self,
        blog: OpenBlog,
        tasks,
        open_at: Callable[[Path, int, int], bool],
        current_editor: Callable[[], QPlainTextEdit | None],
        show_sidebar: Callable[[], None],
        status_bar: QStatusBar,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.blog = blog
        self.tasks = tasks
        self._open_at = open_at
        self._current_editor = current_editor
        self._show_sidebar = show_sidebar
        self._status_bar = status_bar
        self.panel = SearchPanel()
        self.sidebar: QTabWidget | None = None
        self.ready = False  # the open blog's index is up to date (searches wait until then)
        self.indexing = None  # the running index task
        self._searches = LatestOnly(_search, TYPING_PAUSE_MS, self)
        self._searches.finished.connect(self._on_searched)
        self._searches.failed.connect(self._on_search_failed)
        self.search_action = QAction(self.tr("&Search across posts…"), self)
        self.search_action.setShortcut(QKeySequence("Ctrl+Shift+F"))
        self.search_action.triggered.connect(lambda _checked=False: self.show_search())
        self.panel.query_changed.connect(lambda _text: self.search())
        self.panel.query_entered.connect(lambda _text: self.search(immediately=True))
        self.panel.activated.connect(self.open_hit)

    def add_to(self, sidebar: QTabWidget, menu: QMenu) -> None:
        """The tab in the sidebar, the menu item in ``menu``."""
        self.sidebar = sidebar
        sidebar.addTab(self.panel, self.tr("Search across posts"))
        menu.addAction(self.search_action)

    # -- the index ----------------------------------------------------------------------------

    def _where(self) -> tuple[Path, Path, object] | None:
        repository = self.blog.repository
        if repository is None:
            return None
        return repository.root, blog_cache_file("search", repository.root), repository.zone

    def show_blog(self) -> None:
        """A blog was opened: bring its index up to date (made when missing), then search."""
        if self.indexing is not None and not self.indexing.finished:
            self.indexing.cancel()
        self.ready = False
        self.panel.show_hits([], "")
        where = self._where()
        if where is None:
            return
        if not trigram_supported():
            self.panel.query.setEnabled(False)
            self.panel.counts.setText(self.tr("Search needs SQLite 3.34 or later."))
            return
        root, path, zone = where
        made = not path.exists()
        self.indexing = self.tasks.run(
            self.tr("Indexing posts for search"),
            lambda progress: _update(root, path, zone, progress),
            lambda update: self._on_indexed(root, update, made),
            on_failed=self._on_index_failed,
            on_cancelled=lambda: self._on_index_cancelled(root),
        )

    def catch_up(self) -> None:
        """Posts came or went outside the window: bring the index up to date (only what
        changed is read) without clearing the results shown."""
        where = self._where()
        if where is None or not self.ready or not trigram_supported():
            return  # no blog, or its indexing is still under way and will see the files
        root, path, zone = where
        self.indexing = self.tasks.run(
            self.tr("Indexing posts for search"),
            lambda progress: _update(root, path, zone, progress),
            lambda update: self._on_indexed(root, update, False),
            on_failed=self._on_index_failed,
            on_cancelled=lambda: None,  # what was indexed stays searchable
        )

    def _on_index_cancelled(self, root: Path) -> None:
        """Cancelled: search what was indexed so far (the next blog opening goes on)."""
        if root != self.blog.root:
            return
        self._say(self.tr("Indexing was cancelled: search finds only the posts indexed so far."))
        self.ready = True
        if self.panel.query.text().strip():
            self.search(immediately=True)

    def _on_indexed(self, root: Path, update: Update, made: bool) -> None:
        if root != self.blog.root:
            return  # another blog has opened meanwhile
        if update.rebuilt:
            self._say(self.tr("The search index was damaged and has been made again."))
        elif made:
            self._say(
                self.tr("The search index was made: {count} posts.").format(count=update.read),
                unless_busy=True,
            )
        self.ready = True
        self.indexed.emit()
        if self.panel.query.text().strip():
            self.search(immediately=True)

    def _say(self, text: str, unless_busy: bool = False) -> None:
        """Show ``text`` in the status bar; a mere note (``unless_busy``) never hides what
        another part of the window is saying there."""
        if not (unless_busy and self._status_bar.currentMessage()):
            self._status_bar.showMessage(text, STATUS_MS)

    def _on_index_failed(self, message: str) -> None:
        self._say(self.tr("The search index cannot be used: {error}").format(error=message))

    def file_saved(self, saved: Path) -> None:
        """A post was written: read only that file again, then show the search anew."""
        where = self._where()
        if where is None or not trigram_supported():
            return
        root, path, zone = where
        self.tasks.run(
            self.tr("Updating the search index"),
            lambda _progress: _update_file(root, path, zone, Path(saved)),
            lambda _indexed: self._after_save(),
            on_failed=self._on_index_failed,
            cancellable=False,
        )

    def _after_save(self) -> None:
        self.indexed.emit()
        if self.ready and self.panel.query.text().strip():
            self.search(immediately=True)

    # -- searching ----------------------------------------------------------------------------

    def show_search(self) -> None:
        """Ctrl+Shift+F: the tab shown, the selected text (one line of it) as the query."""
        self._show_sidebar()
        if self.sidebar is not None:
            self.sidebar.setCurrentWidget(self.panel)
        editor = self._current_editor()
        selected = editor.textCursor().selectedText() if editor is not None else ""
        if selected.strip() and "\u2029" not in selected:
            self.panel.query.setText(selected)
        self.panel.query.setFocus()
        self.panel.query.selectAll()
        if self.panel.query.text().strip():
            self.search(immediately=True)

    def search(self, immediately: bool = False) -> None:
        """Search for what the box holds (after a pause in typing, or now)."""
        query = self.panel.query.text()
        where = self._where()
        if not query.strip() or where is None:
            self.panel.show_hits([], "")  # nothing to look for is no error
            return
        if not self.ready:
            self.panel.show_hits([], self.tr("The posts are being indexed; the search follows."))
            return
        self._searches.request(*where, query, immediately=immediately)

    def _on_searched(self, result: tuple[Path, str, list[Hit], bool]) -> None:
        root, query, hits, rebuilt = result
        if query != self.panel.query.text() or root != self.blog.root:
            return  # another query or another blog by now: its own search follows
        if rebuilt:
            self._say(self.tr("The search index was damaged and has been made again."))
        posts = len({hit.path for hit in hits})
        if not hits:
            counts = self.tr("No post holds “{query}”.").format(query=query.strip())
        elif len(hits) >= LIMIT:
            counts = self.tr("The first {hits} lines, in {posts} posts").format(
                hits=len(hits), posts=posts
            )
        else:
            counts = self.tr("{hits} lines in {posts} posts").format(hits=len(hits), posts=posts)
        self.panel.show_hits(hits, counts)
        self.searched.emit()

    def _on_search_failed(self, message: str) -> None:
        self.panel.show_hits([], "")
        self._say(self.tr("The search index cannot be used: {error}").format(error=message))

    # -- opening a hit --------------------------------------------------------------------------

    def open_hit(self, hit: Hit) -> bool:
        """Open the post of ``hit`` with the cursor on its line and the match selected."""
        start, end = hit.span
        column = utf16_column(hit.text, start)
        if not self._open_at(hit.path, hit.line - 1, column):
            if not hit.path.exists():  # renamed or deleted outside: the index catches up
                self.show_blog()
            return False
        editor = self._current_editor()
        if editor is None:
            return True
        cursor = editor.textCursor()
        block = cursor.block()
        if block.text() != hit.text:  # lines added or removed above it since the last save
            block = _nearest_block(block, hit.text)
            if block is None:  # a title in the front matter, or the line itself since edited
                return True
        cursor.setPosition(block.position() + column)
        cursor.setPosition(
            block.position() + utf16_column(hit.text, end), QTextCursor.MoveMode.KeepAnchor
        )
        editor.setTextCursor(cursor)
        return True


def _nearest_block(block, text: str):
    """The block holding exactly ``text`` nearest to ``block`` (None when no block does)."""
    before, after = block.previous(), block.next()
    while before.isValid() or after.isValid():
        for candidate in (after, before):
            if candidate.isValid() and candidate.text() == text:
                return candidate
        before = before.previous() if before.isValid() else before
        after = after.next() if after.isValid() else after
    return None
