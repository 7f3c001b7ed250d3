"""The blog's categories and tags in the window: completion with counts in the front-matter form,
the near-variant note and question, and renaming or merging a value across posts (with undo).

The counts are the core's (:mod:`editor.core.blog.taxonomy`): scanned on a worker when a blog
opens, updated from the one post read again after each save and from the files a rename wrote.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QLineEdit,
    QMenu,
)

from editor.core.blog import taxonomy
from editor.core.blog.posts import read_metadata
from editor.core.blog.taxonomy import KINDS, Applied, PostTerms, RenamePlan, Taxonomy, Terms
from editor.core.words import WordedError
from editor.ui import prompts
from editor.ui.frontmatter_form import TERM_KEYS, FrontMatterForm, split_list
from editor.ui.i18n import current_language
from editor.ui.rename_dialog import RenameDialog
from editor.ui.term_completion import TermCompletion


class TaxonomyController(QObject):
    """The window's categories and tags: scans them when a blog opens (``tasks``), completes and
    checks the form of each tab (``attach(view)``), renames across posts (Blog menu).

    ``blog_root()`` is the open blog, ``views()`` the open tabs (each with ``form``, ``path``,
    ``is_modified``, ``safekeeping`` and ``saving``), ``window`` parents the dialogs.  With
    ``scan=False`` it reads no post itself: another part that has read them (the post browser's
    catalogue) hands over their values with :meth:`use_posts`, again after each change.
    """

    terms_changed = Signal()
    posts_rewritten = Signal(list)  # the files a rename or its undo wrote

    def __init__(
        self,
        tasks,
        blog_root: Callable[[], Path | None],
        views: Callable[[], list],
        window,
        scan: bool = True,
    ):
        super().__init__(window)
        self._scans = scan
        self._tasks = tasks
        self._blog_root = blog_root
        self._views = views
        self._window = window
        self._posts: dict[Path, PostTerms] = {}
        self.terms: Taxonomy | None = None
        self.last_rename: Applied | None = None
        self.dialog: RenameDialog | None = None
        self._scan = None
        self._counted: Path | None = None  # the blog the counts are of

    # -- the counts ----------------------------------------------------------------------------

    def show_blog(self, root: Path | None) -> None:
        """Count the blog's values on a worker (cancellable); the same blog's old counts serve
        until the new ones are in, another blog's are dropped at once."""
        if self._scan is not None:
            self._scan.cancel()  # superseded: its result is not wanted any more
            self._scan = None
        if root != self._counted:
            self._posts, self.terms, self._counted = {}, None, None
            self.last_rename = None  # an undo belongs to the blog it was made in
        self._update_undo()
        if root is None or not self._scans:
            return
        title = self.tr("Counting tags and categories")
        scan = self._scan = self._tasks.run(
            title,
            lambda progress: taxonomy.scan_posts(root, progress=progress),
            lambda posts: self._scanned(scan, root, posts),
            on_failed=lambda message: (
                self._scanned(scan, root, None) or prompts.show_error(self._window, title, message)
            ),
            on_cancelled=lambda: self._scanned(scan, root, None),
        )

    def _scanned(self, scan, root: Path, posts: dict[Path, PostTerms] | None) -> None:
        if scan is not self._scan:
            return  # superseded by another scan (the blog opened again, or another one)
        self._scan = None
        if posts is not None:  # else cancelled or failed: the counts stay as they were
            self._posts, self._counted = posts, root
            self._recount()

    def use_posts(self, root: Path, posts: Mapping[Path, PostTerms]) -> None:
        """Count from the (categories, tags) of the blog's posts already read elsewhere."""
        if root == self._blog_root():
            self._posts, self._counted = dict(posts), root
            self._recount()

    def _recount(self) -> None:
        self.terms = Taxonomy.from_posts(self._posts.values())
        self.terms_changed.emit()
        for view in self._views():
            self._show_notes(view.form)

    def post_saved(self, path: Path) -> None:
        """Read the saved post's values again (one file) and count again from the posts read."""
        root = self._blog_root()
        if root is None or self.terms is None or not self._scans:
            return  # not counted yet, or counted by the part that feeds use_posts
        if path not in self._posts:  # a new post, or one renamed to its date: drop old names
            self._posts = {p: t for p, t in self._posts.items() if p.exists()}
        self._posts[path] = taxonomy.post_terms(root, path, read_metadata(path))
        self._recount()

    def of(self, kind: str) -> Terms | None:
        return None if self.terms is None else self.terms.of(kind)

    # -- the form of each tab ------------------------------------------------------------------

    def attach(self, view) -> None:
        """Completion and the near-variant note in ``view``'s form, the question at its save
        (once per tab)."""
        if view is None or view.property("taxonomyAttached"):
            return
        view.setProperty("taxonomyAttached", True)
        form: FrontMatterForm = view.form
        for key in TERM_KEYS:
            field: QLineEdit = getattr(form, key)
            form.completions[key] = TermCompletion(
                field,
                lambda k=key: self.of(k),
                lambda k=key: form.item_at_cursor(k)[0],
                lambda value, k=key: form.complete_item(k, value),
            )
            field.textChanged.connect(lambda _text, f=form: self._show_notes(f))
        view.saving.before_save.append(lambda f=form: self._ask_before_save(f))

    def _variants(self, form: FrontMatterForm, key: str) -> list:
        terms = self.of(key)
        if terms is None:
            return []
        found = (terms.near_variant(value) for value in split_list(getattr(form, key).text()))
        return [variant for variant in found if variant is not None]

    def _show_notes(self, form: FrontMatterForm) -> None:
        lang = current_language()
        for key in TERM_KEYS:
            form.show_note(key, "\n".join(v.message(lang) for v in self._variants(form, key)))

    def _ask_before_save(self, form: FrontMatterForm) -> bool:
        """For each near variant about to be saved: use the existing value (the item replaced in
        the field), keep it, or cancel the save."""
        if not form.fields_page.isEnabled():
            return True  # front matter that cannot be read: the form's fields are not saved
        lang = current_language()
        for key in TERM_KEYS:
            for variant in self._variants(form, key):
                existing = variant.existing[0]
                answer = prompts.ask_near_variant(
                    self._window, variant.message(lang), variant.value, existing
                )
                if answer == "cancel":
                    return False
                if answer == "existing":
                    form.replace_item(key, variant.value, existing)
        return True

    # -- rename and merge across posts ---------------------------------------------------------

    def fill_menu(self, menu: QMenu) -> None:
        menu.addSeparator()
        self.rename_action = QAction(self.tr("&Rename a tag or category…"), self)
        self.rename_action.setObjectName("renameTermAction")
        self.rename_action.triggered.connect(lambda: self.rename_term("tags", ""))
        self.undo_action = QAction(self.tr("&Undo the last rename"), self)
        self.undo_action.setObjectName("undoRenameAction")
        self.undo_action.triggered.connect(self.undo_last_rename)
        menu.addAction(self.rename_action)
        menu.addAction(self.undo_action)
        self._update_undo()

    def _update_undo(self) -> None:
        action = getattr(self, "undo_action", None)
        if action is not None:
            action.setEnabled(self.last_rename is not None)
        if self.dialog is not None:
            self.dialog.undo_button.setEnabled(self.last_rename is not None)

    def rename_term(self, kind: str, value: str) -> None:
        """Open the rename dialog for the category or tag ``value`` (the browser's tag filter
        asks for this)."""
        if self._blog_root() is None:
            return
        if self.dialog is None:
            self.dialog = RenameDialog(self.of, self._window)
            self.dialog.plan_requested.connect(self._plan)
            self.dialog.apply_requested.connect(self._apply)
            self.dialog.undo_requested.connect(self.undo_last_rename)
        self.dialog.start(kind if kind in KINDS else "tags", value)
        self._update_undo()
        prompts.open_dialog(self.dialog)

    def _plan(self, kind: str, old: str, new: str) -> None:
        root = self._blog_root()
        self._tasks.run(
            self.tr("Listing the posts to change"),
            lambda progress: _plan_or_refusal(root, kind, old, new, progress),
            self._show_plan,
        )

    def _show_plan(self, plan: RenamePlan | WordedError) -> None:
        if self.dialog is None:
            return
        if isinstance(plan, WordedError):  # an empty or unchanged name: said in the dialog
            self.dialog.show_failure(plan.message_in(current_language()))
        else:
            self.dialog.show_plan(plan, self._blog_root())

    def _unsaved_paths(self) -> set[Path]:
        return {
            view.path
            for view in self._views()
            if view.path is not None and (view.is_modified or view.safekeeping.has_unsaved)
        }

    def _apply(self, plan: RenamePlan) -> None:
        root = self._blog_root()
        leave = self._unsaved_paths()
        self._tasks.run(
            self.tr("Renaming across posts"),
            lambda progress: self._reread(root, taxonomy.apply_rename(root, plan, progress, leave)),
            lambda result: self._applied(result, undo=False),
            on_cancelled=self._cancelled,
        )

    def undo_last_rename(self) -> None:
        """Put back the text of each file the last rename changed (where it still holds it)."""
        if self.last_rename is None:
            return
        root, applied = self._blog_root(), self.last_rename
        leave = self._unsaved_paths()
        self._tasks.run(
            self.tr("Undoing the rename"),
            lambda progress: self._reread(
                root, taxonomy.undo_rename(root, applied, progress, leave)
            ),
            lambda result: self._applied(result, undo=True),
            on_cancelled=self._cancelled,
        )

    def _cancelled(self) -> None:
        if self.dialog is not None:
            self.dialog.show_cancelled()

    @staticmethod
    def _reread(root: Path, applied: Applied) -> tuple[Applied, dict[Path, PostTerms]]:
        # On the worker: the new values of the files written, for the counts.
        return applied, {
            change.path: taxonomy.post_terms(root, change.path, read_metadata(change.path))
            for change in applied.written
        }

    def _applied(self, result: tuple[Applied, dict[Path, PostTerms]], undo: bool) -> None:
        applied, reread = result
        self.last_rename = None if undo else applied
        if self.terms is not None:
            self._posts.update(reread)
            self._recount()
        written = {change.path for change in applied.written}
        self.posts_rewritten.emit(sorted(written))
        for view in self._views():
            # Asked again now: a post the writer began to edit while the files were written
            # keeps its text (its save then finds the file changed and asks).
            if view.path in written and not (view.is_modified or view.safekeeping.has_unsaved):
                view.safekeeping.reload()
        self._update_undo()
        if self.dialog is not None:
            self.dialog.show_applied(applied, undo, self._blog_root())
            self._window.statusBar().showMessage(self.dialog.status.text(), 10000)


def _plan_or_refusal(root, kind, old, new, progress) -> RenamePlan | WordedError:
    try:
        return taxonomy.plan_rename(root, kind, old, new, progress=progress)
    except WordedError as refused:
        return refused
