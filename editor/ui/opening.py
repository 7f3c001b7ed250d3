"""Opening posts and blogs: File > Open, Open blog, New post and the post list.

Mixed into :class:`~editor.ui.main_window.MainWindow`, which provides the panes, the
repository, ``safekeeping`` and ``_confirm_leaving``.
"""

from __future__ import annotations

from pathlib import Path

from editor.core.blog import dates, skeleton
from editor.core.blog.repository import BlogRepository
from editor.core.document import PostDocument
from editor.core.storage import StorageError
from editor.ui import prompts


class OpeningMixin:
    """What a writer opens, and the questions asked before leaving unsaved work."""

    def open_post(self, path: Path) -> bool:
        """Load a post into the panes; a post that cannot be read leaves the current one open."""
        if self.document.path is not None and path.resolve() == self.document.path:
            # Already open (perhaps restored after a crash, with unsaved changes): keep it as it
            # is; the file watcher keeps an unmodified post current.
            return True
        if not self._confirm_leaving():
            return False
        try:
            loaded = self.safekeeping.read(path)
        except StorageError as exc:
            prompts.show_error(self, self.tr("Cannot open post"), f"{path.name}: {exc}")
            return False
        document = PostDocument.from_text(loaded.text, path.resolve(), self._timezone())
        self._show_document(document, loaded)
        self.post_list.select_path(path.resolve())
        self.post_opened.emit(path)
        return True

    def new_post(self) -> None:
        """Start an unsaved post from the blog's defaults; saved into _posts/ on first save."""
        if not self._confirm_leaving():
            return
        if self.repository is not None:
            _path, text = self.repository.plan_new_post("")
        else:  # no blog: the plain skeleton, dated now in this machine's zone
            text = skeleton.front_matter_text("", dates.now_in(None))
        self._show_document(PostDocument.from_text(text, None, self._timezone()))
        self.post_list.select_path(None)
        self.form.title.setFocus()

    def _on_open_triggered(self) -> None:
        start = (self.blog_root / "_posts") if self.blog_root else Path.home()
        path = prompts.choose_post_to_open(self, start)
        if path is None:
            return
        other = BlogRepository.find(path)
        if other is not None and other.root != self.blog_root:
            # A post of another blog: that blog becomes the open one.
            if not self._confirm_leaving():
                return
            self.open_blog(other.root)
        self.open_post(path)

    def _on_open_blog_triggered(self) -> None:
        folder = prompts.choose_blog_folder(self, self.blog_root or Path.home())
        if folder is None or not self._confirm_leaving():
            return
        if BlogRepository.find(folder) is None:
            prompts.show_error(
                self,
                self.tr("Not a Jekyll blog"),
                self.tr("%s has no _config.yml or _posts folder.") % folder,
            )
            return
        self.open_blog(BlogRepository.find(folder).root)
        self.open_newest_post()

    def open_newest_post(self) -> None:
        """Show the open blog's newest post, or start a new one when it has none."""
        posts = self.repository.posts() if self.repository is not None else []
        if not posts or not self.open_post(posts[0]):
            self.new_post()

    def _on_post_list_open_requested(self, path: Path) -> None:
        if path != self.document.path and not self.open_post(path):
            self.post_list.select_path(self.document.path)  # the writer stayed where they were
