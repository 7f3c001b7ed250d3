"""The main window: post list, front-matter form and text pane beside the live preview."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QSplitter, QWidget

from editor.core.blog.repository import BlogRepository
from editor.core.files.storage import LoadedPost
from editor.core.post.document import PostDocument
from editor.core.render import RenderContext, RenderResult, render_body
from editor.core.render.context import warning_text
from editor.ui.background import LatestOnly
from editor.ui.doctor_controller import DoctorController
from editor.ui.doctor_panel import DoctorPanel
from editor.ui.edit_actions import EditActions
from editor.ui.edited_post import EditedPost
from editor.ui.editor_fonts import EditorFonts
from editor.ui.editor_pane import UI_FONTS, MarkdownEditor, pick_font
from editor.ui.exporting import Exporting
from editor.ui.find_controller import FindController
from editor.ui.form_binding import FormBinding
from editor.ui.format_menu import FormatActions
from editor.ui.frontmatter_form import FrontMatterForm
from editor.ui.help_menu import HelpMenu
from editor.ui.i18n import current_language, worded
from editor.ui.open_blog import OpenBlog
from editor.ui.opening import Opening
from editor.ui.outline import OutlineController, OutlinePanel
from editor.ui.post_list import PostListView
from editor.ui.post_naming import PostNaming
from editor.ui.preview import PreviewPane
from editor.ui.preview_style import PreviewStyle
from editor.ui.safekeeping import SafeKeeper
from editor.ui.saving import Saving
from editor.ui.settings import Settings
from editor.ui.settings_dialog import Preferences
from editor.ui.status_counts import StatusCounts
from editor.ui.theme import ThemeController
from editor.ui.view_modes import ViewModes

APP_NAME = "Tsuzuri"


class MainWindow(QMainWindow):
    """One post at a time in a blog: the window holds the panes and the controllers (each handed
    its collaborators) and wires their signals."""

    post_opened = Signal(Path)
    post_saved = Signal(Path)

    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.blog = OpenBlog()
        self.setFont(pick_font(UI_FONTS, self.font().pointSize()))
        self.theme = ThemeController(settings, self)  # first: every pane starts in its colours
        self.fonts = EditorFonts(settings, self)
        self.preferences = Preferences(settings, lambda: self.blog_root, self)

        self.post_list = PostListView()
        self.form = FrontMatterForm()
        self.editor = MarkdownEditor()
        self.fonts.attach(self.editor)
        self.theme.attach(self.editor)
        self.preview = PreviewPane()
        self.edited = EditedPost(self.editor, self)
        self.format_actions = FormatActions(settings, self)
        self.format_actions.attach(self.editor)
        self.renderer = LatestOnly(_render_preview, int(settings.value("render/debounce_ms")), self)
        self.safekeeping = SafeKeeper(
            self, self.blog, lambda: self.document.text, lambda: self.is_modified
        )
        self.naming = PostNaming(
            self.blog, lambda: self.document, self.form, self.safekeeping, self
        )
        self.opening = Opening(
            self.blog,
            lambda: self.document,
            self.safekeeping,
            self.post_list,
            self.form,
            self._confirm_leaving,
            self._show_document,
            self.open_blog,
            self,
        )

        self.left_splitter = QSplitter(Qt.Orientation.Vertical)
        self.left_splitter.setObjectName("leftSplitter")
        self.left_splitter.addWidget(self.form)
        self.find = FindController(self.editor, self.preview, settings, self)
        self.left_splitter.addWidget(self.find.with_bar(self.editor))
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
            self.form, lambda: self.document, self.blog, self.naming, self.doctor, self
        )
        self.saving = Saving(
            self.edited,
            self.form,
            self.naming,
            self.safekeeping,
            self.binding,
            self.post_list,
            self.open_post,
            self,
        )
        self.preview_style = PreviewStyle(self.preview, settings, self)
        self.exporting = Exporting(
            self._current_document,
            self.render_context,
            lambda: self.preview_style.stylesheets(dark=False),
            settings,
            self,
        )
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
                self.tr("Simple preview: {reason}").format(reason=self.preview.fallback_reason)
            )

        self.outline_panel = OutlinePanel()
        self.outline_dock = self.outline_panel.dock(self)
        self.outline = OutlineController(self.outline_panel, self)
        self.counts = StatusCounts(lambda: self.doctor.config, self)
        self.counts.add_to(self.statusBar())
        self.view = ViewModes(
            self, self.left_splitter, self.preview, self.outline_dock, self.post_list, settings
        )
        self.help = HelpMenu(self)
        for follower in (self.outline, self.counts, self.view.focus):
            follower.attach(self.editor)

        self._build_actions()
        self._connect_signals()
        self._restore_state()
        self._update_title()

    # -- set-up ------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        bar = self.menuBar()
        # The menus in their order; each part of the window fills its own.
        self.menus: dict[str, QMenu] = {
            "file": bar.addMenu(self.tr("&File")),
            "edit": bar.addMenu(self.tr("&Edit")),
            "format": bar.addMenu(self.tr("F&ormat")),
            "view": bar.addMenu(self.tr("&View")),
            "doctor": bar.addMenu(self.tr("&Doctor")),
            "help": bar.addMenu(self.tr("&Help")),
        }
        menu = self.menus["file"]
        self.new_action = self._action(
            self.tr("&New post"), QKeySequence.StandardKey.New, self.opening.new_post
        )
        self.open_action = self._action(
            self.tr("&Open…"), QKeySequence.StandardKey.Open, self.opening.on_open_triggered
        )
        self.save_action = self._action(
            self.tr("&Save"), QKeySequence.StandardKey.Save, self.saving.save
        )
        self.quit_action = self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)
        self.open_blog_action = self._action(
            self.tr("Open &blog…"), "Ctrl+Shift+O", self.opening.on_open_blog_triggered
        )
        self.publish_action = self._action(
            self.tr("&Publish draft"), "Ctrl+Shift+P", self.saving.publish_draft
        )
        self.rename_to_date_action = self._action(
            self.tr("&Rename to match the date"), "", self.saving.rename_to_date
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
        self.exporting.fill_menu(menu, before=self.quit_action)
        self.theme.fill_menu(self.menus["view"])
        self.format_actions.fill_menu(self.menus["format"])
        self.edit_actions = EditActions(self, self)
        self.edit_actions.redirect_undo(self.find.undo_target)
        self.edit_actions.fill_menu(self.menus["edit"])
        self.menus["edit"].addSeparator()
        self.find.fill_menu(self.menus["edit"])
        self.preview_style.fill_menu(self.menus["view"])
        self.menus["view"].addSeparator()
        self.fonts.fill_menu(self.menus["view"])
        self.view.fill_menu(self.menus["view"])
        self.doctor.fill_menu(self.menus["doctor"])
        self.preferences.fill_menu(self.menus["edit"])  # the Edit menu's last item
        self.help.fill_menu(self.menus["help"])

    def _action(self, text: str, shortcut, slot) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _connect_signals(self) -> None:
        self.post_list.open_post_requested.connect(self.opening.on_post_list_open_requested)
        self.opening.post_opened.connect(self.post_opened)
        self.edited.body_changed.connect(self._on_body_changed)
        self.edited.pane_ahead.connect(lambda: self.setWindowModified(True))
        self.editor.top_line_changed.connect(self.preview.scroll_to_line)
        self.editor.cursor_line_changed.connect(self.preview.mark_line)
        self.preview.top_line_changed.connect(self.editor.scroll_to_line)
        self.binding.document_changed.connect(self._on_front_matter_changed)
        self.binding.status_message.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.find.status_message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.form.slug_edited.connect(self.naming.on_slug_edited)
        self.naming.changed.connect(self._on_location_changed)
        self.doctor.findings_changed.connect(self._on_doctor_findings_changed)
        self.doctor.checking.connect(
            lambda: self.doctor_status.setText(self.tr("Doctor: checking…"))
        )
        self.doctor.status_message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.preview_style.reloaded.connect(lambda: self._request_render(immediately=True))
        self.theme.changed.connect(lambda _dark: self.preview_style.reload())
        self.theme.changed.connect(lambda _dark: self.doctor.recolour())
        self.settings.changed.connect(self._on_setting_changed)
        self.renderer.finished.connect(self._on_rendered)
        self.renderer.failed.connect(self._on_render_failed)
        self.editor.textChanged.connect(self.safekeeping.note_edit)
        self.form.field_edited.connect(self.safekeeping.note_edit)
        self.form.raw_edited.connect(self.safekeeping.note_edit)
        self.safekeeping.document_ready.connect(self._show_document)
        self.saving.saved.connect(lambda _path: self._update_title())
        self.saving.saved.connect(self.post_saved)
        self.saving.saved.connect(self._check_where_saved)
        self.saving.moved.connect(self._check_where_saved)
        self.saving.status_message.connect(self.statusBar().showMessage)
        self.exporting.status_message.connect(self.statusBar().showMessage)
        self.safekeeping.status_message.connect(lambda text: self.statusBar().showMessage(text))

    def _on_setting_changed(self, key: str) -> None:
        if key == "render/debounce_ms":
            self.renderer.set_debounce(int(self.settings.value(key)))

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
    def repository(self) -> BlogRepository | None:
        return self.blog.repository

    @property
    def blog_root(self) -> Path | None:
        return self.blog.root

    @property
    def site(self) -> dict[str, Any]:
        return self.blog.site

    def open_blog(self, root: Path) -> None:
        """Show a blog: its posts in the list, its config for rendering, its styles in the preview."""
        repository = self.blog.open(root)
        if repository.config_error is not None:
            self.statusBar().showMessage(worded(repository.config_error), 15000)
        self.post_list.show_blog(self.blog_root)
        layouts = sorted(p.stem for p in (self.blog_root / "_layouts").glob("*.html"))
        self.form.set_layouts(layouts)
        self.doctor.show_blog(self.blog_root)
        self.preview_style.show_blog(self.blog_root)
        self._update_title()
        self.safekeeping.offer_recovery()

    def open_post(self, path: Path) -> bool:
        """Load a post into the panes; False when it stays as it was (see :class:`Opening`)."""
        return self.opening.open_post(path)

    def open_newest_post(self) -> None:
        """Show the open blog's newest post (a new one when it has none)."""
        self.opening.open_newest_post()

    def new_post(self) -> None:
        """Start an unsaved post from the blog's defaults (see :class:`Opening`)."""
        self.opening.new_post()

    def _show_document(
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
        self._request_render(immediately=True)
        self._update_title()
        self.safekeeping.follow(document, loaded, recovery_id)

    # -- edits -------------------------------------------------------------------------------

    @property
    def document(self) -> PostDocument:
        """The post being edited, always up to date with the text pane when read."""
        return self.edited.document

    def _on_body_changed(self, body: str) -> None:
        self._request_render(body=body)
        self._update_title()

    def _on_front_matter_changed(self) -> None:
        self._request_render()
        self._update_title()

    def _on_location_changed(self) -> None:
        self.binding.refresh(refresh_raw=False)
        self._update_title()

    def _check_where_saved(self, path: Path) -> None:
        """A post saved or renamed to another file name is checked again (its date and its file
        name are compared); the preview's URLs follow too."""
        self._update_title()
        if self.doctor.path != path:
            self._request_render(immediately=True)

    def render_context(self) -> RenderContext:
        """What the current post renders with: its blog, its front matter, its file."""
        return RenderContext(
            site=self.site,
            page=self.document.fields or {},
            blog_root=self.blog_root,
            post_path=self.document.path,
            allow_remote=bool(self.blog_root and self.settings.allow_remote(self.blog_root)),
        )

    def _request_render(self, immediately: bool = False, body: str | None = None) -> None:
        """Ask for a fresh preview and doctor run; ``body`` saves reading the pane again."""
        body = self.editor.toPlainText() if body is None else body
        self.renderer.request(body, self.render_context(), immediately=immediately)
        self.doctor.request(
            self.document.text, self.blog_root, self.document.path, immediately=immediately
        )

    # -- doctor ------------------------------------------------------------------------------

    def _on_doctor_findings_changed(self, count: int) -> None:
        if not count:
            text = self.tr("Doctor: clean")
        elif count == 1:
            text = self.tr("Doctor: {count} problem")
        else:
            text = self.tr("Doctor: {count} problems")
        self.doctor_status.setText(text.format(count=count))

    def _current_post_text(self) -> str:
        """The whole post as the writer sees it, with anything still being typed applied."""
        return self._current_document().text

    def _current_document(self) -> PostDocument:
        """The post being edited, with anything still being typed in the form applied."""
        self.form.flush()
        return self.document

    def _on_rendered(self, result: RenderResult) -> None:
        """Show the body, and what the preview could not render (markers) in the status bar."""
        self.preview.set_body_html(result.html)
        parts = []
        if not self.preview.uses_webengine:
            parts.append(
                self.tr("Simple preview: {reason}").format(reason=self.preview.fallback_reason)
            )
        lang = current_language()
        warnings = [warning_text(w, lang) for w in result.warnings]
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
        self.preview_status.setText("  ".join(parts))
        self.preview_status.setToolTip("\n".join(warnings))

    def _on_render_failed(self, message: str) -> None:
        self.statusBar().showMessage(
            self.tr("The preview could not be rendered: {reason}").format(reason=message), 10000
        )

    # -- saving ------------------------------------------------------------------------------

    @property
    def is_modified(self) -> bool:
        """Unsaved changes, or a new post with a body that was never saved."""
        return self.saving.is_modified

    def save(self) -> bool:
        """Write the post (see :class:`Saving`); False when it was not saved."""
        return self.saving.save()

    def publish_draft(self) -> bool:
        """Move the open draft into _posts/ dated now; False if it stays."""
        return self.saving.publish_draft()

    def _confirm_leaving(self) -> bool:
        return self.saving.confirm_leaving()

    # -- window ------------------------------------------------------------------------------

    def _update_title(self) -> None:
        blog = str(self.site.get("title") or (self.blog_root.name if self.blog_root else ""))
        parts = [f"{self.edited.name()}[*]"] + ([blog] if blog else []) + [APP_NAME]
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
        self.outline.shut_down()
        self.counts.shut_down()
        event.accept()


def _render_preview(text: str, context: RenderContext) -> RenderResult:
    """The body HTML for the preview and its warnings (runs on a worker thread)."""
    return render_body(text, context)
