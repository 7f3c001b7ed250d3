"""Naming a post the way Jekyll expects: slug, URL, renames on save, publishing a draft.

Mixed into :class:`~editor.ui.main_window.MainWindow`; the planning itself is plain Python in
:mod:`editor.core.blog.location`.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from editor.core.blog import location, posts
from editor.core.blog.repository import RepositoryError
from editor.core.blog.slug import SlugError
from editor.core.frontmatter import FrontMatterError
from editor.ui import prompts


class PostNamingMixin:
    """File names and URLs for the window's post (needs ``repository``, ``document``, ``form``,
    ``safekeeping``, ``post_list``, ``save`` and ``open_post``)."""

    _typed_slug: str | None = None  # a slug the writer typed, applied on save
    _shown_date = None  # the post's date when it was shown: only a changed date renames it

    def _on_slug_edited(self, text: str) -> None:
        self._typed_slug = text.strip() or None
        self._refresh_form(refresh_raw=False)
        self._update_title()

    def planned_path(self) -> Path | None:
        """Where the post will be saved: its date and slug decide the file name."""
        if self.repository is None or self.document.fields is None:
            return self.document.path
        date_changed = self.document.get_date() != self._shown_date
        return location.planned_path(
            self.repository, self.document, self._typed_slug, date_changed=date_changed
        )

    def _update_location(self, messages: dict[str, str]) -> None:
        if self.repository is None or self.document.fields is None:
            return
        slug = location.current_slug(self.repository, self.document, self._typed_slug)
        try:
            path = self.planned_path()
        except (SlugError, RepositoryError) as exc:
            messages["slug"] = str(exc)
            self.form.show_location(slug, "—")
            return
        self.form.show_location(slug, location.planned_url(self.repository, self.document, path))
        if self.document.path is not None and path != self.document.path:
            messages.setdefault(
                "slug", self.tr("Saving renames the file to %s") % path.relative_to(self.blog_root)
            )

    @property
    def rename_pending(self) -> bool:
        """The writer typed a slug that the next save will rename the file to."""
        if self._typed_slug is None or self.document.path is None:
            return False
        try:
            return self.planned_path() != self.document.path
        except (SlugError, RepositoryError):
            return True

    def _new_post_path(self) -> Path | None:
        if self.blog_root is None:
            return prompts.choose_save_path(self, Path.home())
        if not str(self.document.get("title") or "").strip() and not self._typed_slug:
            prompts.show_error(
                self,
                self.tr("The post needs a name"),
                self.tr("Give the post a title (or a slug) before saving it; nothing is lost."),
            )
            return None
        try:
            return self.planned_path()
        except (SlugError, RepositoryError) as exc:
            prompts.show_error(self, self.tr("Cannot name the post"), str(exc))
            return None

    def publish_draft(self) -> bool:
        """Move the open draft into _posts/ dated now (saving it first); False if it stays."""
        if self.repository is None or not _is_draft(self.document.path):
            self.statusBar().showMessage(
                self.tr("Only a saved draft in _drafts/ can be published"), 8000
            )
            return False
        if self.is_modified and not self.save():
            return False
        path = self.document.path  # a typed slug renamed the draft while saving
        try:
            published = self.repository.publish(path)
        except (RepositoryError, SlugError, FrontMatterError, OSError) as exc:
            prompts.show_error(self, self.tr("Could not publish"), str(exc))
            return False
        self.post_list.refresh()
        self.open_post(published)
        self.statusBar().showMessage(self.tr("Published as %s") % published.name, 8000)
        return True

    def _move_to_planned_name(self, path: Path) -> Path:
        """After a save, rename the file when its date or slug changed (git mv if tracked)."""
        if self.repository is None:
            return path
        try:
            target = self.planned_path()
            if target is None or target == path:
                return path
            moved = self.repository.move(path, target)
        except (SlugError, RepositoryError, OSError, subprocess.CalledProcessError) as exc:
            prompts.show_error(self, self.tr("Saved, but not renamed"), f"{path.name}: {exc}")
            return path
        self.document.path = moved
        self._typed_slug = None
        self._shown_date = self.document.get_date()
        self.safekeeping.moved(moved)
        self._refresh_form(refresh_raw=False)
        return moved

    def rename_to_date(self) -> bool:
        """Rename the open post so its file name has the date the post has (saving it first);
        the way to mend a date that disagrees with the file name, on purpose."""
        path, date = self.document.path, self.document.get_date()
        if self.repository is None or path is None or _is_draft(path) or date is None:
            self.statusBar().showMessage(
                self.tr("Only a saved post in _posts/ with a date can be renamed to its date"), 8000
            )
            return False
        if self.is_modified and not self.save():
            return False
        path = self.document.path
        try:
            day = date.astimezone(self.repository.zone).date()
            target = self.repository.rename_target(path, date=day)
            if target == path:
                self.statusBar().showMessage(self.tr("The file name already has the date"), 8000)
                return True
            moved = self.repository.move(path, target)
        except (SlugError, RepositoryError, OSError, subprocess.CalledProcessError) as exc:
            prompts.show_error(self, self.tr("Could not rename"), f"{path.name}: {exc}")
            return False
        self.document.path = moved
        self._shown_date = date
        self.safekeeping.moved(moved)
        self.post_list.refresh()
        self.post_list.select_path(moved)
        self._refresh_form(refresh_raw=False)
        self._update_title()
        self._report_rename(path, moved, saved=False)
        return True

    def _report_rename(self, old: Path, new: Path, saved: bool = True) -> None:
        """Say that the post was renamed, and which posts still link to the old name."""
        linking = posts.references_to(self.blog_root, old) if self.blog_root else []
        words = self.tr("Saved and renamed %s to %s") if saved else self.tr("Renamed %s to %s")
        message = words % (old.name, new.name)
        if linking:
            names = ", ".join(p.relative_to(self.blog_root).as_posix() for p in linking)
            message += self.tr("; these posts still link to the old name: %s") % names
        self.statusBar().showMessage(message)


def _is_draft(path: Path | None) -> bool:
    return posts.is_draft(path)
