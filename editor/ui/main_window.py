"""The main window: post list, front-matter form and text pane beside the live preview."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QWidget

from editor.core.blog.repository import BlogRepository
from editor.core.document import PostDocument
from editor.core.frontmatter import FrontMatterError
from editor.core.render import RenderContext, render_body
from editor.core.storage import LoadedPost
from editor.ui import prompts
from editor.ui.background import LatestOnly
from editor.ui.doctor_controller import DoctorController
from editor.ui.doctor_panel import DoctorPanel
from editor.ui.editor_pane import UI_FONTS, MarkdownEditor, pick_font
from editor.ui.frontmatter_form import FrontMatterForm
from editor.ui.opening import OpeningMixin
from editor.ui.post_list import PostListView
from editor.ui.post_naming import PostNamingMixin
from editor.ui.preview import PreviewPane
from editor.ui.preview_style import PreviewStyle
from editor.ui.safekeeping import SafeKeeper
from editor.ui.settings import Settings

APP_NAME = "Tsuzuri"
# Above this many characters the document follows the text pane once typing pauses.
LARGE_POST_CHARS = 2_000_000
LARGE_POST_SYNC_MS = 300


class MainWindow(OpeningMixin, PostNamingMixin, QMainWindow):
    """One post at a time in a blog; the panes emit signals and the window wires them."""

    post_opened = Signal(Path)
    post_saved = Signal(Path)

    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.repository: BlogRepository | None = None
        self._document = PostDocument.from_text("")
        self._body_pending = False  # a large post's text pane is ahead of the document
        self._body_timer = QTimer(self)
        self._body_timer.setSingleShot(True)
        self._body_timer.setInterval(LARGE_POST_SYNC_MS)
        self._body_timer.timeout.connect(self._sync_body)
        self._typed_slug: str | None = None  # a slug the writer typed, applied on save
        self._syncing = False
        self.setFont(pick_font(UI_FONTS, self.font().pointSize()))

        self.post_list = PostListView()
        self.form = FrontMatterForm()
        self.editor = MarkdownEditor(font_size=int(settings.value("editor/font_size")))
        self.preview = PreviewPane()
        self.renderer = LatestOnly(_render_html, int(settings.value("render/debounce_ms")), self)
        self.safekeeping = SafeKeeper(self)

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
        self.preview_style = PreviewStyle(self.preview, settings, self)
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(self.post_list)
        self.main_splitter.addWidget(self.left_splitter)
        self.main_splitter.addWidget(self.preview)
        self.main_splitter.setSizes([200, 620, 620])
        self.setCentralWidget(self.main_splitter)
        self.resize(1440, 900)

        self.doctor_status = QLabel()
        self.doctor_status.setObjectName("doctorStatus")
        self.statusBar().addPermanentWidget(self.doctor_status)
        self.preview_status = QLabel()
        self.statusBar().addPermanentWidget(self.preview_status)
        if not self.preview.uses_webengine:
            self.preview_status.setText(
                self.tr("Simple preview: %s") % self.preview.fallback_reason
            )

        self._build_actions()
        self._connect_signals()
        self._restore_state()
        self._update_title()

    # -- set-up ------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&File"))
        self.new_action = self._action(
            self.tr("&New post"), QKeySequence.StandardKey.New, self.new_post
        )
        self.open_action = self._action(
            self.tr("&Open…"), QKeySequence.StandardKey.Open, self._on_open_triggered
        )
        self.save_action = self._action(self.tr("&Save"), QKeySequence.StandardKey.Save, self.save)
        self.quit_action = self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)
        self.open_blog_action = self._action(
            self.tr("Open &blog…"), "Ctrl+Shift+O", self._on_open_blog_triggered
        )
        self.publish_action = self._action(
            self.tr("&Publish draft"), "Ctrl+Shift+P", self.publish_draft
        )
        self.rename_to_date_action = self._action(
            self.tr("&Rename to match the date"), "", self.rename_to_date
        )
        for action in (
            self.new_action,
            self.open_action,
            self.open_blog_action,
            self.save_action,
            self.publish_action,
            self.rename_to_date_action,
            self.quit_action,
        ):
            menu.addAction(action)
        self.preview_style.fill_menu(self.menuBar().addMenu(self.tr("&View")))
        self.doctor.fill_menu(self.menuBar().addMenu(self.tr("&Doctor")))

    def _action(self, text: str, shortcut, slot) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _connect_signals(self) -> None:
        self.post_list.open_post_requested.connect(self._on_post_list_open_requested)
        self.editor.textChanged.connect(self._on_editor_text_changed)
        self.editor.top_line_changed.connect(self.preview.scroll_to_line)
        self.editor.cursor_line_changed.connect(self.preview.mark_line)
        self.preview.top_line_changed.connect(self.editor.scroll_to_line)
        self.form.field_edited.connect(self._on_form_field_edited)
        self.form.raw_edited.connect(self._on_form_raw_edited)
        self.form.slug_edited.connect(self._on_slug_edited)
        self.doctor.findings_changed.connect(self._on_doctor_findings_changed)
        self.doctor.checking.connect(
            lambda: self.doctor_status.setText(self.tr("Doctor: checking…"))
        )
        self.doctor.status_message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.doctor.front_matter_replaced.connect(self._on_doctor_front_matter_replaced)
        self.preview_style.reloaded.connect(lambda: self._request_render(immediately=True))
        self.renderer.finished.connect(self.preview.set_body_html)
        self.renderer.failed.connect(self._on_render_failed)
        self.editor.textChanged.connect(self.safekeeping.note_edit)
        self.form.field_edited.connect(self.safekeeping.note_edit)
        self.form.raw_edited.connect(self.safekeeping.note_edit)
        self.safekeeping.document_ready.connect(self._show_document)
        self.safekeeping.status_message.connect(lambda text: self.statusBar().showMessage(text))

    def _restore_state(self) -> None:
        for name, widget in (
            ("main_splitter", self.main_splitter),
            ("left_splitter", self.left_splitter),
        ):
            state = self.settings.state(name)
            if state is not None:
                widget.restoreState(state)
        geometry = self.settings.state("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def _save_state(self) -> None:
        self.settings.set_state("main_splitter", self.main_splitter.saveState())
        self.settings.set_state("left_splitter", self.left_splitter.saveState())
        self.settings.set_state("geometry", QByteArray(self.saveGeometry()))
        self.settings.sync()

    # -- blog and posts ----------------------------------------------------------------------

    @property
    def blog_root(self) -> Path | None:
        return self.repository.root if self.repository else None

    @property
    def site(self) -> dict[str, Any]:
        return self.repository.config if self.repository else {}

    def open_blog(self, root: Path) -> None:
        """Show a blog: its posts in the list, its config for rendering, its styles in the preview."""
        self.repository = BlogRepository(root)
        self.repository.remove_leftovers()  # temporary files of saves a crash cut short
        if self.repository.config_error is not None:
            self.statusBar().showMessage(str(self.repository.config_error), 15000)
        self.post_list.show_blog(self.blog_root)
        layouts = sorted(p.stem for p in (self.blog_root / "_layouts").glob("*.html"))
        self.form.set_layouts(layouts)
        self.doctor.show_blog(self.blog_root)
        self.preview_style.show_blog(self.blog_root)
        self._update_title()
        self.safekeeping.offer_recovery()

    def _timezone(self) -> str | None:
        return self.repository.timezone if self.repository else None

    def _show_document(
        self,
        document: PostDocument,
        loaded: LoadedPost | None = None,
        recovery_id: str | None = None,
    ) -> None:
        """Show a document; the same post shown again (a reload) keeps cursor and scroll."""
        same_post = document.path is not None and document.path == self.document.path
        cursor = self.editor.textCursor().position()
        scroll = self.editor.verticalScrollBar().value()
        self.document = document
        self._typed_slug = None
        self._shown_date = document.get_date()  # a save renames only when the writer changes it
        self.doctor.reset()
        self._syncing = True
        try:
            self.editor.set_text_keeping_view(document.body_for_editor())
            if same_post:
                restored = self.editor.textCursor()
                restored.setPosition(min(cursor, len(self.editor.toPlainText())))
                self.editor.setTextCursor(restored)
                self.editor.verticalScrollBar().setValue(scroll)
        finally:
            self._syncing = False
        if not same_post:
            self.preview.scroll_to_line(0)  # a new post starts at its top in both panes
        self._refresh_form(refresh_raw=True)
        self._request_render(immediately=True)
        self._update_title()
        self.safekeeping.follow(document, loaded, recovery_id)

    # -- edits -------------------------------------------------------------------------------

    @property
    def document(self) -> PostDocument:
        """The post being edited, always up to date with the text pane when read."""
        if self._body_pending:
            self._sync_body()
        return self._document

    @document.setter
    def document(self, document: PostDocument) -> None:
        self._body_timer.stop()
        self._body_pending = False
        self._document = document

    def _on_editor_text_changed(self) -> None:
        if self._syncing:
            return
        if self.editor.document().characterCount() > LARGE_POST_CHARS:
            # Copying megabytes out of the pane on every keystroke would make typing lag: the
            # document catches up when typing pauses, or at once when anything reads it.
            self._body_pending = True
            self._body_timer.start()
            self.setWindowModified(True)
            return
        self._apply_body(self.editor.toPlainText())

    def _sync_body(self) -> None:
        self._body_pending = False
        self._body_timer.stop()
        self._apply_body(self.editor.toPlainText())

    def _apply_body(self, body: str) -> None:
        self._document.set_body(body)
        self._request_render(body=body)
        self._update_title()

    def _on_form_field_edited(self, key: str, value: Any) -> None:
        if self.document.fields is None:
            return
        self.doctor.forget_front_matter_steps()
        try:
            if value is None:
                self.document.remove_field(key)
            else:
                self.document.set_field(key, value)
        except FrontMatterError as exc:
            self.statusBar().showMessage(str(exc), 10000)
        self._refresh_form(refresh_raw=True)
        self._request_render()
        self._update_title()

    def _on_form_raw_edited(self, raw: str) -> None:
        if raw == _lf(self.document.front_matter_text):
            return
        self.doctor.forget_front_matter_steps()
        self.document.set_front_matter_text(raw)
        self._refresh_form(refresh_raw=False)
        self._request_render()
        self._update_title()

    def _refresh_form(self, refresh_raw: bool) -> None:
        """Show the document's fields, messages and (optionally) raw YAML in the form.

        Widgets whose value already matches are left alone, so the field being typed in
        keeps its cursor.
        """
        error = self.document.front_matter_error
        message = None
        if error is not None:
            where = f" (line {error.line}, column {error.column})" if error.line else ""
            message = self.tr(
                "The front matter is not valid YAML%s: %s. Fix it in the YAML tab; nothing is lost."
            ) % (where, error.message)
        messages = self._field_messages()
        self._update_location(messages)
        self.form.show_messages(messages)
        self.form.show_fields(
            self.document.fields,
            _lf(self.document.front_matter_text),
            message,
            timezone=self._timezone(),
            refresh_raw=refresh_raw,
            path=self.document.path,
        )

    def _field_messages(self) -> dict[str, str]:
        messages: dict[str, str] = {}
        lang = "ja" if QLocale().language() == QLocale.Language.Japanese else "en"
        for problem in self.document.problems():
            if problem.key and problem.key not in messages:
                messages[problem.key] = problem.message(lang)
        return messages

    def _request_render(self, immediately: bool = False, body: str | None = None) -> None:
        """Ask for a fresh preview and doctor run; ``body`` saves reading the pane again."""
        context = RenderContext(
            site=self.site,
            page=self.document.fields or {},
            blog_root=self.blog_root,
            post_path=self.document.path,
            allow_remote=bool(self.blog_root and self.settings.allow_remote(self.blog_root)),
        )
        body = self.editor.toPlainText() if body is None else body
        self.renderer.request(body, context, immediately=immediately)
        self.doctor.request(self.document.text, self.blog_root, immediately=immediately)

    # -- doctor ------------------------------------------------------------------------------

    def _on_doctor_findings_changed(self, count: int) -> None:
        noun = self.tr("problem") if count == 1 else self.tr("problems")
        self.doctor_status.setText(
            self.tr("Doctor: %s %s") % (count, noun) if count else self.tr("Doctor: clean")
        )

    def _current_post_text(self) -> str:
        """The whole post as the writer sees it, with anything still being typed applied."""
        self.form.flush()
        return self.document.text

    def _on_doctor_front_matter_replaced(self, raw: str) -> None:
        if self.form.flush():
            return  # the writer's own front-matter edit wins over an undone or redone fix
        self.document.set_front_matter_text(raw)
        self._refresh_form(refresh_raw=True)
        self._request_render()
        self._update_title()

    def _on_render_failed(self, message: str) -> None:
        self.statusBar().showMessage(
            self.tr("The preview could not be rendered: %s") % message, 10000
        )

    # -- saving ------------------------------------------------------------------------------

    @property
    def is_modified(self) -> bool:
        """Unsaved changes, or a new post with a body that was never saved."""
        if self._body_pending:
            return True  # typed into a large post and not yet copied over: unsaved, cheaply
        unsaved_new = self.document.path is None and bool(self.document.body.strip())
        return self.document.is_modified or unsaved_new or self.rename_pending

    def save(self) -> bool:
        """Write the post; a new post goes to _posts/YYYY-MM-DD-slug.md of the open blog."""
        self.form.flush()
        path = self.document.path or self._new_post_path()
        if path is None:
            return False
        path = self.safekeeping.save(path, self.document.text)
        if path is None:
            return False  # the reason was shown; the text stays in the editor, unsaved
        self.document.path = path
        self.document.mark_saved()
        saved = path
        path = self._move_to_planned_name(path)
        self.post_list.refresh()
        self.post_list.select_path(path)
        self._update_title()
        if path != saved:
            self._report_rename(saved, path)
        else:
            self.statusBar().showMessage(self.tr("Saved %s") % path.name, 5000)
        self.post_saved.emit(path)
        return True

    def _confirm_leaving(self) -> bool:
        self.form.flush()  # a YAML edit or a zone still being typed counts too
        if not (self.is_modified or self.safekeeping.has_unsaved):
            return True
        self.safekeeping.flush()  # whatever the answer, a crash while asking loses nothing
        answer = prompts.confirm_discard(self, self._post_name())
        if answer == "save":
            return self.save()
        if answer == "discard":
            self.safekeeping.discard()
        return answer == "discard"

    # -- window ------------------------------------------------------------------------------

    def _post_name(self) -> str:
        return self.document.path.name if self.document.path else self.tr("New post")

    def _update_title(self) -> None:
        blog = str(self.site.get("title") or (self.blog_root.name if self.blog_root else ""))
        parts = [f"{self._post_name()}[*]"] + ([blog] if blog else []) + [APP_NAME]
        self.setWindowTitle(" — ".join(parts))
        self.setWindowModified(self.is_modified)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        event.ignore()  # until the writer has been asked: a failure below keeps the window open
        if not self._confirm_leaving():
            return
        self._save_state()
        self.safekeeping.shut_down()
        # A long render or doctor run is not waited for: its result is dropped.
        self.renderer.shut_down()
        self.doctor.shut_down()
        event.accept()


def _lf(text: str) -> str:
    """Text with "\\n" line endings, as Qt's text widgets hold it."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _render_html(text: str, context: RenderContext) -> str:
    """The body HTML for the preview (runs on a worker thread)."""
    return render_body(text, context).html
