"""Naming a post the way Jekyll expects: slug, URL, renames on save, publishing a draft.

The planning itself is plain Python in :mod:`editor.core.blog.location`; :class:`PostNaming` holds
the slug the writer typed and asks the writer when a name cannot be made.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from editor.core.blog import location, posts
from editor.core.blog.repository import RepositoryError
from editor.core.blog.slug import SlugError
from editor.core.post.document import PostDocument
from editor.core.post.frontmatter import FrontMatterError
from editor.ui import prompts
from editor.ui.frontmatter_form import FrontMatterForm
from editor.ui.open_blog import OpenBlog
from editor.ui.safekeeping import SafeKeeper


class PostNaming(QObject):
    """File names and URLs of the post being edited.

    ``blog`` is the open blog, ``document()`` the post being edited, ``form`` shows its slug and
    URL, ``safekeeping`` follows a renamed file, and ``window`` parents the questions.
    """

    changed = Signal()
    """The typed slug changed: the form's location and the window's title are out of date."""

    def __init__(
        self,
        blog: OpenBlog,
        document: Callable[[], PostDocument],
        form: FrontMatterForm,
        safekeeping: SafeKeeper,
        window: QWidget,
    ):
        super().__init__(window)
        self._blog = blog
        self._document = document
        self._form = form
        self._safekeeping = safekeeping
        self._window = window
        self.typed_slug: str | None = None  # a slug the writer typed, applied on save
        self.shown_date = None  # the post's date when shown: only a changed date renames it

    def on_slug_edited(self, text: str) -> None:
        self.typed_slug = text.strip() or None
        self.changed.emit()

    def forget_typed_slug(self) -> None:
        """Another post is shown: the slug typed for the previous one no longer applies."""
        self.typed_slug = None

    def follow(self, document: PostDocument) -> None:
        """``document`` is shown: its date now is the one a save compares with."""
        self.shown_date = document.get_date()

    def planned_path(self) -> Path | None:
        """Where the post will be saved: its date and slug decide the file name."""
        document = self._document()
        if self._blog.repository is None or document.fields is None:
            return document.path
        date_changed = document.get_date() != self.shown_date
        return location.planned_path(
            self._blog.repository, document, self.typed_slug, date_changed=date_changed
        )

    def show_location(self, messages: dict[str, str]) -> None:
        """Show the slug and URL in the form; a problem or a coming rename goes in ``messages``."""
        document = self._document()
        repository = self._blog.repository
        if repository is None or document.fields is None:
            return
        slug = location.current_slug(repository, document, self.typed_slug)
        try:
            path = self.planned_path()
        except (SlugError, RepositoryError) as exc:
            messages["slug"] = str(exc)
            self._form.show_location(slug, "—")
            return
        self._form.show_location(slug, location.planned_url(repository, document, path))
        if document.path is not None and path != document.path:
            messages.setdefault(
                "slug",
                self.tr("Saving renames the file to {path}").format(
                    path=path.relative_to(self._blog.root)
                ),
            )

    @property
    def rename_pending(self) -> bool:
        """The writer typed a slug that the next save will rename the file to."""
        if self.typed_slug is None or self._document().path is None:
            return False
        try:
            return self.planned_path() != self._document().path
        except (SlugError, RepositoryError):
            return True

    def new_post_path(self) -> Path | None:
        """Where a post never saved goes; None (the writer was told why) when it has no name."""
        if self._blog.root is None:
            return prompts.choose_save_path(self._window, Path.home())
        if not str(self._document().get("title") or "").strip() and not self.typed_slug:
            prompts.show_error(
                self._window,
                self.tr("The post needs a name"),
                self.tr("Give the post a title (or a slug) before saving it; nothing is lost."),
            )
            return None
        try:
            return self.planned_path()
        except (SlugError, RepositoryError) as exc:
            prompts.show_error(self._window, self.tr("Cannot name the post"), str(exc))
            return None

    def can_publish(self) -> bool:
        """The post is a saved draft of the open blog."""
        return self._blog.repository is not None and _is_draft(self._document().path)

    def publish(self) -> Path | None:
        """Move the saved draft into _posts/ dated now; None (the writer was told) on failure."""
        try:
            return self._blog.repository.publish(self._document().path)
        except (RepositoryError, SlugError, FrontMatterError, OSError) as exc:
            prompts.show_error(self._window, self.tr("Could not publish"), str(exc))
            return None

    def move_to_planned_name(self, path: Path) -> Path:
        """After a save, rename the file when its date or slug changed (git mv if tracked)."""
        if self._blog.repository is None:
            return path
        try:
            target = self.planned_path()
            if target is None or target == path:
                return path
            moved = self._blog.repository.move(path, target)
        except (SlugError, RepositoryError, OSError, subprocess.CalledProcessError) as exc:
            prompts.show_error(
                self._window, self.tr("Saved, but not renamed"), f"{path.name}: {exc}"
            )
            return path
        self._document().path = moved
        self.typed_slug = None
        self.shown_date = self._document().get_date()
        self._safekeeping.moved(moved)
        return moved

    def rename_to_date(self) -> tuple[Path, Path] | None:
        """Rename the saved post so its file name has the date the post has: the way to mend a
        date that disagrees with the file name, on purpose.  (old, new) when it moved; None
        when nothing moved (the writer was told why)."""
        document, repository = self._document(), self._blog.repository
        path, date = document.path, document.get_date()
        if repository is None or path is None or _is_draft(path) or date is None:
            prompts.show_error(
                self._window,
                self.tr("Cannot rename"),
                self.tr("Only a saved post in _posts/ with a date can be renamed to its date."),
            )
            return None
        try:
            target = repository.rename_target(path, date=date.astimezone(repository.zone).date())
            if target == path:
                return None
            moved = repository.move(path, target)
        except (SlugError, RepositoryError, OSError, subprocess.CalledProcessError) as exc:
            prompts.show_error(self._window, self.tr("Could not rename"), f"{path.name}: {exc}")
            return None
        document.path = moved
        self.shown_date = date
        self._safekeeping.moved(moved)
        return path, moved

    def rename_message(self, old: Path, new: Path, saved: bool) -> str:
        """What the status bar says after a rename: the new name, and which posts still link
        to the old one (their post_url or link now breaks the build)."""
        root = self._blog.root
        linking = posts.references_to(root, old) if root is not None else []
        if saved:
            words = self.tr("Saved and renamed {old} to {new}")
        else:
            words = self.tr("Renamed {old} to {new}")
        message = words.format(old=old.name, new=new.name)
        if linking:
            names = ", ".join(p.relative_to(root).as_posix() for p in linking)
            message += self.tr("; these posts still link to the old name: {names}").format(
                names=names
            )
        return message


def _is_draft(path: Path | None) -> bool:
    return posts.is_draft(path)
