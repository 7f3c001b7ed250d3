"""One open post in its tab: the form, the text pane, the doctor panel and the preview, with
the controllers that keep them in step with the post and the disk.

Each tab has its own undo history, unsaved mark, recovery journal, naming, doctor run and
preview; the window keeps what they share (the blog, the post list, the menus, the status bar).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSplitter, QWidget

from editor.core.files.storage import LoadedPost
from editor.core.post.document import PostDocument
from editor.core.render import RenderContext
from editor.core.render.context import warning_text
from editor.core.render.worker import Patch
from editor.ui.doctor_controller import DoctorController
from editor.ui.doctor_panel import DoctorPanel
from editor.ui.edited_post import EditedPost
from editor.ui.editor_pane import MarkdownEditor
from editor.ui.form_binding import FormBinding
from editor.ui.frontmatter_form import FrontMatterForm
from editor.ui.i18n import current_language
from editor.ui.live_preview import LivePreview
from editor.ui.open_blog import OpenBlog
from editor.ui.post_browser import PostBrowser
from editor.ui.post_naming import PostNaming
from editor.ui.preview import PreviewPane
from editor.ui.safekeeping import SafeKeeper
from editor.ui.saving import Saving
from editor.ui.settings import Settings


class PostView(QSplitter):
    """The panes and controllers of one open post.

    ``window`` is the main window (its parent, and the parent of every question), ``blog`` the
    open blog, ``settings`` the application's, ``post_list`` the blog's list of posts that
    saving refreshes, and ``load(path)`` reads a post into a document (None when it cannot be,
    the writer told why).
    """

    changed = Signal()
    """The post's name, title or unsaved state may have changed (the tab and the title follow)."""
    status_message = Signal(str, int)
    """A note for the status bar and how long to show it (ms, 0: until replaced)."""
    labels_changed = Signal()
    """The doctor's or the preview's status text changed."""

    def __init__(
        self,
        window: QWidget,
        blog: OpenBlog,
        settings: Settings,
        post_list: PostBrowser,
        load: Callable[[Path], tuple[PostDocument, LoadedPost] | None],
    ):
        super().__init__(Qt.Orientation.Horizontal, window)
        self._load = load
        self.setObjectName("postView")
        self.setChildrenCollapsible(True)
        self._window = window
        self.blog = blog
        self.settings = settings
        self.from_list = False
        """Opened by a click in the post list: the next click may reuse the tab if it is
        still untouched."""
        self.doctor_status_text = ""
        self.preview_status_text = ""
        self.preview_status_tip = ""

        self.form = FrontMatterForm()
        self.editor = MarkdownEditor()
        self.preview = PreviewPane()
        self.edited = EditedPost(self.editor, self)
        self.renderer = LivePreview(self.preview, self.editor.mirror, self.render_context, self)
        self.renderer.set_debounce(int(settings.value("render/debounce_ms")))
        self.safekeeping = SafeKeeper(
            self, blog, lambda: self.document.text, lambda: self.is_modified
        )
        self.naming = PostNaming(blog, lambda: self.document, self.form, self.safekeeping, self)
        self.left_splitter = QSplitter(Qt.Orientation.Vertical)
        self.left_splitter.setObjectName("leftSplitter")
        self.left_splitter.addWidget(self.form)
        self.left_splitter.addWidget(self.editor)
        self.doctor_panel = DoctorPanel()
        self.left_splitter.addWidget(self.doctor_panel)
        self.left_splitter.setSizes([330, 600, 160])
        self.doctor = DoctorController(
            self.editor,
            self.doctor_panel,
            self.form.raw,
            settings,
            self._current_post_text,
            self,
        )
        self.binding = FormBinding(
            self.form, lambda: self.document, blog, self.naming, self.doctor, self
        )
        self.saving = Saving(
            self.edited,
            self.form,
            self.naming,
            self.safekeeping,
            self.binding,
            post_list,
            self.open_here,
            self,
        )
        self.addWidget(self.left_splitter)
        self.addWidget(self.preview)
        self.setSizes([620, 620])
        if not self.preview.uses_webengine:
            self.preview_status_text = self.tr("Simple preview: {reason}").format(
                reason=self.preview.fallback_reason
            )
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.settings.changed.connect(self._on_setting_changed)
        self.edited.body_changed.connect(self._on_body_changed)
        self.edited.pane_ahead.connect(self.changed)
        self.editor.top_line_changed.connect(self.preview.scroll_to_line)
        self.editor.cursor_line_changed.connect(self.preview.mark_line)
        self.preview.top_line_changed.connect(self.editor.scroll_to_line)
        self.binding.document_changed.connect(self._on_front_matter_changed)
        self.binding.status_message.connect(lambda text: self.status_message.emit(text, 10000))
        self.form.slug_edited.connect(self.naming.on_slug_edited)
        self.naming.changed.connect(self._on_location_changed)
        self.doctor.findings_changed.connect(self._on_doctor_findings_changed)
        self.doctor.checking.connect(lambda: self._set_doctor_status(self.tr("Doctor: checking…")))
        self.doctor.status_message.connect(lambda text: self.status_message.emit(text, 5000))
        self.renderer.finished.connect(self._on_rendered)
        self.renderer.failed.connect(self._on_render_failed)
        self.editor.textChanged.connect(self.safekeeping.note_edit)
        self.form.field_edited.connect(self.safekeeping.note_edit)
        self.form.raw_edited.connect(self.safekeeping.note_edit)
        self.safekeeping.document_ready.connect(self.show_document)
        self.saving.saved.connect(self._check_where_saved)
        self.saving.moved.connect(self._check_where_saved)
        self.saving.status_message.connect(self.status_message)
        self.safekeeping.status_message.connect(lambda text: self.status_message.emit(text, 0))

    def _on_setting_changed(self, key: str) -> None:
        if key == "render/debounce_ms":
            self.renderer.set_debounce(int(self.settings.value(key)))

    # -- the post ----------------------------------------------------------------------------

    @property
    def document(self) -> PostDocument:
        """The post being edited, always up to date with the text pane when read."""
        return self.edited.document

    @property
    def path(self) -> Path | None:
        return self.edited.path

    @property
    def is_modified(self) -> bool:
        """Unsaved changes, or a new post with a body that was never saved."""
        return self.saving.is_modified

    def is_untouched(self) -> bool:
        """Nothing typed here since the post was shown: another post may take the tab."""
        return not (
            self.is_modified
            or self.safekeeping.has_unsaved
            or self.editor.document().isUndoAvailable()
        )

    def name(self) -> str:
        """The post's file name, or "New post" before its first save."""
        return self.edited.name()

    def title(self) -> str:
        """What its tab says: the post's title, else its file name."""
        return self.edited.title() or self.name()

    def show_blog(self, root: Path | None, layouts: list[str]) -> None:
        """The open blog changed (or this tab is new): its layouts and doctor rules."""
        self.form.set_layouts(layouts)
        self.doctor.show_blog(root)

    def show_document(
        self,
        document: PostDocument,
        loaded: LoadedPost | None = None,
        recovery_id: str | None = None,
    ) -> None:
        """Show a document; the same post shown again (a reload) keeps cursor and scroll."""
        self.naming.forget_typed_slug()
        self.doctor.reset()
        if not self.edited.show(document):
            self.preview.scroll_to_line(0)  # a new post starts at its top in both panes
        self.naming.follow(document)  # a save renames it only when its date is changed
        self.binding.refresh(refresh_raw=True)
        self.request_render(immediately=True)
        self.changed.emit()
        self.safekeeping.follow(document, loaded, recovery_id)

    def open_here(self, path: Path) -> bool:
        """Show the post at ``path`` in this tab (a draft just published); False if unreadable."""
        read = self._load(path)
        if read is None:
            return False
        self.show_document(*read)
        return True

    def position(self) -> tuple[int, int]:
        """(cursor position, top line) of the text pane, for the session."""
        return self.editor.textCursor().position(), self.editor.top_line()

    def restore_position(self, cursor: int, top_line: int) -> None:
        """Put the cursor and the view (of both panes) where the writer left them."""
        text_cursor = self.editor.textCursor()
        text_cursor.setPosition(max(0, min(cursor, self.editor.document().characterCount() - 1)))
        self.editor.setTextCursor(text_cursor)
        self.editor.scroll_to_line(top_line)
        self.preview.scroll_to_line(top_line)

    def shut_down(self) -> None:
        """The tab or the window is closing: timers, watching and workers stop; a long render
        or doctor run is not waited for (its result is dropped)."""
        self.safekeeping.shut_down()
        self.renderer.shut_down()
        self.doctor.shut_down()

    # -- edits -------------------------------------------------------------------------------

    def _on_body_changed(self, body: str) -> None:
        self.request_render(body=body)
        self.changed.emit()

    def _on_front_matter_changed(self) -> None:
        self.request_render()
        self.changed.emit()

    def _on_location_changed(self) -> None:
        self.binding.refresh(refresh_raw=False)
        self.changed.emit()

    def _check_where_saved(self, path: Path) -> None:
        """A post saved or renamed to another file name is checked again (its date and its file
        name are compared); the preview's URLs follow too."""
        self.changed.emit()
        if self.doctor.path != path:
            self.request_render(immediately=True)

    def render_context(self) -> RenderContext:
        """What the post renders with: its blog, its front matter, its file."""
        root = self.blog.root
        return RenderContext(
            site=self.blog.site,
            page=self.document.fields or {},
            blog_root=root,
            post_path=self.document.path,
            allow_remote=bool(root and self.settings.allow_remote(root)),
        )

    def request_render(self, immediately: bool = False, body: str | None = None) -> None:
        """Ask for a fresh preview and doctor run; ``body``: only the body changed (the preview
        and the doctor follow the pane's edits by themselves, the context is the same)."""
        if body is not None:
            return
        self.renderer.refresh()
        self.doctor.request(
            self.document.text, self.blog.root, self.document.path, immediately=immediately
        )

    # -- doctor and preview ------------------------------------------------------------------

    def _set_doctor_status(self, text: str) -> None:
        self.doctor_status_text = text
        self.labels_changed.emit()

    def _on_doctor_findings_changed(self, count: int) -> None:
        if not count:
            text = self.tr("Doctor: clean")
        elif count == 1:
            text = self.tr("Doctor: {count} problem")
        else:
            text = self.tr("Doctor: {count} problems")
        self._set_doctor_status(text.format(count=count))

    def _current_post_text(self) -> str:
        """The whole post as the writer sees it, with anything still being typed applied."""
        return self.current_document().text

    def current_document(self) -> PostDocument:
        """The post being edited, with anything still being typed in the form applied."""
        self.form.flush()
        return self.document

    def _on_rendered(self, patch: Patch) -> None:
        """What the preview could not render (markers on the page) in the status bar."""
        parts = []
        if not self.preview.uses_webengine:
            parts.append(
                self.tr("Simple preview: {reason}").format(reason=self.preview.fallback_reason)
            )
        lang = current_language()
        warnings = [warning_text(w, lang) for w in patch.warnings]
        if warnings:
            count = len(warnings)
            first = " ".join(warnings[0].split())
            if len(first) > 80:
                first = first[:79] + "…"
            if count == 1:
                text = self.tr("Preview: {count} warning: {first}")
            else:
                text = self.tr("Preview: {count} warnings: {first}")
            parts.append(text.format(count=count, first=first))
        self.preview_status_text = "  ".join(parts)
        self.preview_status_tip = "\n".join(warnings)
        self.labels_changed.emit()

    def _on_render_failed(self, message: str) -> None:
        self.status_message.emit(
            self.tr("The preview could not be rendered: {reason}").format(reason=message), 10000
        )
