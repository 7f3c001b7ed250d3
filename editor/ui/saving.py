"""Saving the edited post: where it goes, renaming it to its date and slug, publishing a draft,
and asking before unsaved work is left."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from editor.ui import prompts
from editor.ui.edited_post import EditedPost
from editor.ui.form_binding import FormBinding
from editor.ui.frontmatter_form import FrontMatterForm
from editor.ui.post_browser import PostBrowser
from editor.ui.post_naming import PostNaming
from editor.ui.safekeeping import SafeKeeper


class Saving(QObject):
    """Saves ``edited``'s post through ``safekeeping`` (which writes it safely), names it with
    ``naming``, flushes ``form`` first and shows the result in ``binding`` and ``post_list``;
    ``open_post(path)`` shows a published draft and ``window`` parents the questions."""

    saved = Signal(Path)
    """The post was written (and renamed, if its date or slug changed) to this path."""
    status_message = Signal(str, int)
    """A note for the status bar and how long to show it (ms)."""
    moved = Signal(Path)
    """The saved post was renamed to match its date (nothing else changed)."""

    def __init__(
        self,
        edited: EditedPost,
        form: FrontMatterForm,
        naming: PostNaming,
        safekeeping: SafeKeeper,
        binding: FormBinding,
        post_list: PostBrowser,
        open_post: Callable[[Path], bool],
        window: QWidget,
    ):
        super().__init__(window)
        self._edited = edited
        self._form = form
        self._naming = naming
        self._safekeeping = safekeeping
        self._binding = binding
        self._post_list = post_list
        self._open_post = open_post
        self._window = window
        self.before_save: list[Callable[[], bool]] = []
        """Questions asked before a save (the form flushed); one answering False cancels it."""

    @property
    def is_modified(self) -> bool:
        """Unsaved changes, or a new post with a body that was never saved."""
        if self._edited.body_pending:
            return True  # typed into a large post and not yet copied over: unsaved, cheaply
        document = self._edited.document
        unsaved_new = document.path is None and bool(document.body.strip())
        return document.is_modified or unsaved_new or self._naming.rename_pending

    def save(self) -> bool:
        """Write the post; a new post goes to _posts/YYYY-MM-DD-slug.md of the open blog."""
        self._form.flush()
        if not all(ask() for ask in self.before_save):
            return False
        document = self._edited.document
        path = document.path or self._naming.new_post_path()
        if path is None:
            return False
        path = self._safekeeping.save(path, document.text)
        if path is None:
            return False  # the reason was shown; the text stays in the editor, unsaved
        document.path = path
        document.mark_saved()
        moved = self._naming.move_to_planned_name(path)
        if moved != path:
            self._binding.refresh(refresh_raw=False)
            self.status_message.emit(self._naming.rename_message(path, moved, saved=True), 0)
        else:
            self.status_message.emit(self.tr("Saved {name}").format(name=path.name), 5000)
        self._post_list.refresh()
        self._post_list.select_path(moved)
        self.saved.emit(moved)
        return True

    def rename_to_date(self) -> bool:
        """Rename the post so its file name has its date (saving it first); True if it did."""
        if self.is_modified and not self.save():
            return False
        renamed = self._naming.rename_to_date()
        if renamed is None:
            self.status_message.emit(self.tr("The file name keeps its date"), 8000)
            return False
        old, new = renamed
        self._binding.refresh(refresh_raw=False)
        self._post_list.refresh()
        self._post_list.select_path(new)
        self.status_message.emit(self._naming.rename_message(old, new, saved=False), 0)
        self.moved.emit(new)
        return True

    def publish_draft(self) -> bool:
        """Move the open draft into _posts/ dated now (saving it first); False if it stays."""
        if not self._naming.can_publish():
            self.status_message.emit(
                self.tr("Only a saved draft in _drafts/ can be published"), 8000
            )
            return False
        if self.is_modified and not self.save():
            return False
        published = self._naming.publish()
        if published is None:
            return False
        self._post_list.refresh()
        self._open_post(published)
        self.status_message.emit(self.tr("Published as {name}").format(name=published.name), 8000)
        return True

    def confirm_leaving(self, discards: list | None = None) -> bool:
        """Ask before unsaved work is left: True when the post was saved, discarded, or had
        nothing unsaved; False when the writer stays.  With ``discards``, a post to discard is
        not discarded yet: its discard is added there, for the caller to run once every post
        was asked about (a Cancel on a later post keeps this one's crash copy)."""
        self._form.flush()  # a YAML edit or a zone still being typed counts too
        if not (self.is_modified or self._safekeeping.has_unsaved):
            return True
        self._safekeeping.flush()  # whatever the answer, a crash while asking loses nothing
        answer = prompts.confirm_discard(self._window, self._edited.label())
        if answer == "save":
            return self.save()
        if answer == "discard":
            if discards is None:
                self._safekeeping.discard()
            else:
                discards.append(self._safekeeping.discard)
        return answer == "discard"
