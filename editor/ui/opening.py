"""Opening posts and blogs: File > Open, Open blog, New post, the post list, the recent menus.

:class:`Opening` decides what to open; which tab shows a document, switching to the tab of a
post already open, and opening a blog are the window's, handed in as ``show``, ``switch_to``
and ``open_blog``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from editor.core.blog import dates, skeleton
from editor.core.blog.repository import BlogRepository
from editor.core.files.storage import LoadedPost, StorageError
from editor.core.post.document import PostDocument
from editor.ui import prompts
from editor.ui.i18n import current_language
from editor.ui.open_blog import OpenBlog
from editor.ui.post_browser import PostBrowser

Show = Callable[[PostDocument, "LoadedPost | None", bool], None]


class Opening(QObject):
    """What a writer opens.

    ``blog`` is the open blog, ``document()`` the post of the current tab, ``read(path)`` reads
    a post safely, ``post_list`` shows the choice, ``confirm_leaving()`` asks before every open
    post is left for another blog (False: stay), ``show(document, loaded, from_list)`` puts a
    document in a tab (``from_list``: a click in the post list, whose tab the next click may
    reuse), ``switch_to(path)`` brings the tab of an open post forward (False when none has it),
    ``open_blog(root)`` makes a blog the open one, and ``window`` parents the questions.
    """

    post_opened = Signal(Path)
    focus_title = Signal()
    """A new post was started: the writer names it first."""

    def __init__(
        self,
        blog: OpenBlog,
        document: Callable[[], PostDocument],
        read: Callable[[Path], LoadedPost],
        post_list: PostBrowser,
        confirm_leaving: Callable[[], bool],
        show: Show,
        switch_to: Callable[[Path], bool],
        open_blog: Callable[[Path], None],
        window: QWidget,
    ):
        super().__init__(window)
        self._blog = blog
        self._document = document
        self._read = read
        self._post_list = post_list
        self._confirm_leaving = confirm_leaving
        self._show = show
        self._switch_to = switch_to
        self._open_blog = open_blog
        self._window = window

    def open_post(self, path: Path, from_list: bool = False) -> bool:
        """Show a post in a tab of its own (the tab it already has, if it is open); a post that
        cannot be read leaves everything as it was."""
        if self._switch_to(path.resolve()):
            # Already open (perhaps restored after a crash, with unsaved changes): keep it as it
            # is; the file watcher keeps an unmodified post current.
            self._post_list.select_path(path.resolve())
            return True
        read = self.load(path)
        if read is None:
            return False
        document, loaded = read
        self._show(document, loaded, from_list)
        self._post_list.select_path(path.resolve())
        self.post_opened.emit(path)
        return True

    def load(self, path: Path) -> tuple[PostDocument, LoadedPost] | None:
        """The post at ``path`` read safely, or None when it cannot be (the writer was told)."""
        try:
            loaded = self._read(path)
        except StorageError as exc:
            prompts.show_error(
                self._window,
                self.tr("Cannot open post"),
                f"{path.name}: {exc.message_in(current_language())}",
            )
            return None
        return PostDocument.from_text(loaded.text, path.resolve(), self._blog.timezone), loaded

    def new_post(self) -> None:
        """Start an unsaved post from the blog's defaults; saved into _posts/ on first save."""
        if self._blog.repository is not None:
            _path, text = self._blog.repository.plan_new_post("")
        else:  # no blog: the plain skeleton, dated now in this machine's zone
            text = skeleton.front_matter_text("", dates.now_in(None))
        self._show(PostDocument.from_text(text, None, self._blog.timezone), None, False)
        self._post_list.select_path(None)
        self.focus_title.emit()

    def on_open_triggered(self) -> None:
        root = self._blog.root
        start = (root / "_posts") if root else Path.home()
        path = prompts.choose_post_to_open(self._window, start)
        if path is not None:
            self.open_anywhere(path)

    def open_anywhere(self, path: Path) -> bool:
        """Open a post of any blog: a post of another blog makes that blog the open one."""
        if not path.is_file():
            prompts.show_error(
                self._window,
                self.tr("Cannot open post"),
                self.tr("{path} is not there.").format(path=path),
            )
            return False
        other = BlogRepository.find(path)
        if other is not None and other.root != self._blog.root:
            if not self._confirm_leaving():
                return False
            self._open_blog(other.root)
        return self.open_post(path)

    def on_open_blog_triggered(self) -> None:
        folder = prompts.choose_blog_folder(self._window, self._blog.root or Path.home())
        if folder is not None:
            self.open_blog_folder(folder)

    def open_blog_folder(self, folder: Path) -> bool:
        """Make the blog in ``folder`` the open one (after asking about unsaved posts) and show
        its newest post; the writer is told when it is no blog."""
        repository = BlogRepository.find(folder) if folder.is_dir() else None
        if repository is None:
            prompts.show_error(
                self._window,
                self.tr("Not a Jekyll blog"),
                self.tr("{folder} has no _config.yml or _posts folder.").format(folder=folder),
            )
            return False
        if not self._confirm_leaving():
            return False
        self._open_blog(repository.root)
        self.open_newest_post()
        return True

    def open_newest_post(self) -> None:
        """Show the open blog's newest post, or start a new one when it has none."""
        repository = self._blog.repository
        posts = repository.posts() if repository is not None else []
        if not posts or not self.open_post(posts[0]):
            self.new_post()

    def on_post_list_open_requested(self, path: Path) -> None:
        if path != self._document().path and not self.open_post(path, from_list=True):
            self._post_list.select_path(self._document().path)  # the writer stayed where they were
