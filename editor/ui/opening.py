"""Opening posts and blogs: File > Open, Open blog, New post and the post list.

:class:`Opening` decides what to open and asks before unsaved work is left; showing a document
and opening a blog are the window's, handed in as ``show`` and ``open_blog``.
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
from editor.ui.frontmatter_form import FrontMatterForm
from editor.ui.i18n import current_language
from editor.ui.open_blog import OpenBlog
from editor.ui.post_list import PostListView
from editor.ui.safekeeping import SafeKeeper


class Opening(QObject):
    """What a writer opens.

    ``blog`` is the open blog, ``document()`` the post being edited, ``safekeeping`` reads
    posts, ``post_list`` and ``form`` show the choice, ``confirm_leaving()`` asks before unsaved
    work is left (False: stay), ``show(document, loaded)`` puts a document in the panes,
    ``open_blog(root)`` makes a blog the open one, and ``window`` parents the questions.
    """

    post_opened = Signal(Path)

    def __init__(
        self,
        blog: OpenBlog,
        document: Callable[[], PostDocument],
        safekeeping: SafeKeeper,
        post_list: PostListView,
        form: FrontMatterForm,
        confirm_leaving: Callable[[], bool],
        show: Callable[[PostDocument, LoadedPost | None], None],
        open_blog: Callable[[Path], None],
        window: QWidget,
    ):
        super().__init__(window)
        self._blog = blog
        self._document = document
        self._safekeeping = safekeeping
        self._post_list = post_list
        self._form = form
        self._confirm_leaving = confirm_leaving
        self._show = show
        self._open_blog = open_blog
        self._window = window

    def open_post(self, path: Path) -> bool:
        """Load a post into the panes; a post that cannot be read leaves the current one open."""
        if self._document().path is not None and path.resolve() == self._document().path:
            # Already open (perhaps restored after a crash, with unsaved changes): keep it as it
            # is; the file watcher keeps an unmodified post current.
            return True
        if not self._confirm_leaving():
            return False
        try:
            loaded = self._safekeeping.read(path)
        except StorageError as exc:
            prompts.show_error(
                self._window,
                self.tr("Cannot open post"),
                f"{path.name}: {exc.message_in(current_language())}",
            )
            return False
        document = PostDocument.from_text(loaded.text, path.resolve(), self._blog.timezone)
        self._show(document, loaded)
        self._post_list.select_path(path.resolve())
        self.post_opened.emit(path)
        return True

    def new_post(self) -> None:
        """Start an unsaved post from the blog's defaults; saved into _posts/ on first save."""
        if not self._confirm_leaving():
            return
        if self._blog.repository is not None:
            _path, text = self._blog.repository.plan_new_post("")
        else:  # no blog: the plain skeleton, dated now in this machine's zone
            text = skeleton.front_matter_text("", dates.now_in(None))
        self._show(PostDocument.from_text(text, None, self._blog.timezone), None)
        self._post_list.select_path(None)
        self._form.title.setFocus()

    def on_open_triggered(self) -> None:
        root = self._blog.root
        start = (root / "_posts") if root else Path.home()
        path = prompts.choose_post_to_open(self._window, start)
        if path is None:
            return
        other = BlogRepository.find(path)
        if other is not None and other.root != self._blog.root:
            # A post of another blog: that blog becomes the open one.
            if not self._confirm_leaving():
                return
            self._open_blog(other.root)
        self.open_post(path)

    def on_open_blog_triggered(self) -> None:
        folder = prompts.choose_blog_folder(self._window, self._blog.root or Path.home())
        if folder is None or not self._confirm_leaving():
            return
        if BlogRepository.find(folder) is None:
            prompts.show_error(
                self._window,
                self.tr("Not a Jekyll blog"),
                self.tr("{folder} has no _config.yml or _posts folder.").format(folder=folder),
            )
            return
        self._open_blog(BlogRepository.find(folder).root)
        self.open_newest_post()

    def open_newest_post(self) -> None:
        """Show the open blog's newest post, or start a new one when it has none."""
        repository = self._blog.repository
        posts = repository.posts() if repository is not None else []
        if not posts or not self.open_post(posts[0]):
            self.new_post()

    def on_post_list_open_requested(self, path: Path) -> None:
        if path != self._document().path and not self.open_post(path):
            self._post_list.select_path(self._document().path)  # the writer stayed where they were
