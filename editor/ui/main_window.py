"""The main window: the post list beside the open posts in tabs, each with its front-matter form,
text pane, doctor panel and live preview (see :mod:`editor.ui.post_view`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QSplitter, QTabWidget, QWidget

from editor.core.blog.repository import BlogRepository
from editor.core.files.storage import LoadedPost
from editor.core.post.document import PostDocument
from editor.core.render import RenderContext
from editor.ui import prompts
from editor.ui.doctor_controller import disabled_rules, doctor_config
from editor.ui.edit_actions import EditActions
from editor.ui.editor_fonts import EditorFonts
from editor.ui.editor_pane import UI_FONTS, pick_font
from editor.ui.exporting import Exporting
from editor.ui.find_controller import FindController
from editor.ui.format_menu import FormatActions
from editor.ui.git_actions import GitActions
from editor.ui.help_menu import HelpMenu
from editor.ui.i18n import worded
from editor.ui.images import ImagesController
from editor.ui.open_blog import OpenBlog
from editor.ui.opening import Opening
from editor.ui.outline import OutlineController, OutlinePanel
from editor.ui.pane_facts import PaneFacts
from editor.ui.post_browser import PostBrowser
from editor.ui.post_view import PostView
from editor.ui.preview_style import PreviewStyle
from editor.ui.search_controller import SearchController
from editor.ui.session import Session
from editor.ui.settings import Settings
from editor.ui.settings_dialog import Preferences
from editor.ui.similar_posts import SimilarPosts
from editor.ui.status_counts import StatusCounts
from editor.ui.tasks import TaskRunner
from editor.ui.taxonomy import TaxonomyController
from editor.ui.theme import ThemeController
from editor.ui.view_modes import ViewModes

APP_NAME = "Tsuzuri"
TAB_TITLE_CHARS = 24  # longer titles are cut here, so the unsaved mark after them always shows
MODIFIED_MARK = " ●"
SESSION_SAVE_MS = 5000


class MainWindow(QMainWindow):
    """The posts of one blog, each in a tab: the window holds the post list, the menus, the
    status bar and the tabs (:class:`PostView`, each with its own controllers), and wires them.

    ``editor``, ``preview``, ``form``, ``document``, ``saving``, ``safekeeping``, ``doctor`` …
    are the current tab's; ``current_post_changed`` tells whoever follows them (find, outline,
    counts, focus mode, view modes) that another tab is now current.
    """

    post_opened = Signal(Path)
    post_saved = Signal(Path)
    blog_opened = Signal(Path)
    current_post_changed = Signal(object)
    """The current tab changed: its :class:`PostView` (``.editor``, ``.preview``, ``.form``)."""

    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.blog = OpenBlog()
        self._layouts: list[str] = []
        self._saved_tabs: tuple[list[dict], int] | None = None
        self.setFont(pick_font(UI_FONTS, self.font().pointSize()))
        self.theme = ThemeController(settings, self)  # first: every pane starts in its colours
        self.fonts = EditorFonts(settings, self)
        self.preferences = Preferences(settings, lambda: self.blog_root, self)
        self.format_actions = FormatActions(settings, self)  # on the current tab's text pane

        self.post_list = PostBrowser(
            lambda: self.tasks,
            lambda: self.blog.site,
            lambda: doctor_config(settings, disabled_rules(settings, self.blog.root)),
        )
        self.tabs = QTabWidget()
        self.tabs.setObjectName("postTabs")
        self.tabs.setAccessibleName(self.tr("Open posts"))
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.tabBar().setElideMode(Qt.TextElideMode.ElideNone)  # scroll buttons instead
        self.tabs.tabBar().installEventFilter(self)  # a middle click closes a tab
        self.preview_style = PreviewStyle(
            lambda: [view.preview for view in self.views()], settings, self
        )
        self.opening = Opening(
            self.blog,
            lambda: self.document,
            lambda path: self.safekeeping.read(path),
            self.post_list,
            self._confirm_leaving_all,
            self._show_in_tab,
            self._switch_to,
            self.open_blog,
            self,
        )
        self.session = Session(
            settings, self.opening.open_blog_folder, self.opening.open_anywhere, self
        )
        self.exporting = Exporting(
            lambda: self.current_view.current_document(),
            self.render_context,
            lambda: self.preview_style.stylesheets(dark=False),
            settings,
            self,
        )
        # One find bar under the tabs, searching the current tab's text pane or preview.
        self.find = FindController(None, None, settings, self)
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.setObjectName("mainSplitter")
        # The blog's side: the post list first; search and other views of the blog add tabs.
        self.sidebar = QTabWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setDocumentMode(True)
        self.sidebar.addTab(self.post_list, self.tr("Posts"))
        self.main_splitter.addWidget(self.sidebar)
        self.main_splitter.addWidget(self.find.with_bar(self.tabs))
        self.main_splitter.setSizes([380, 1060])
        self.setCentralWidget(self.main_splitter)
        self.resize(1440, 900)

        self.doctor_status = QLabel()
        self.doctor_status.setObjectName("doctorStatus")
        self.statusBar().addPermanentWidget(self.doctor_status)
        self.preview_status = QLabel()
        self._previews_coming: set[PostView] = set()  # posts just shown, their preview not yet
        self.statusBar().addPermanentWidget(self.preview_status)
        # Long work (indexing, git, renames across posts) runs here, off the window's thread.
        self.tasks = TaskRunner(
            self.statusBar(), lambda title, message: prompts.show_error(self, title, message), self
        )
        # The counts come from the browser's catalogue: the posts are read once, not twice.
        self.taxonomy = TaxonomyController(
            self.tasks, lambda: self.blog_root, self.views, self, scan=False
        )
        # Posts that repeat each other: a tab of the sidebar and an entry of the Blog menu.
        self.similar = SimilarPosts(self.tasks, self.open_post_at, lambda: self.blog_root, self)
        self.sidebar.addTab(self.similar.widget, self.tr("Similar Posts"))
        self.post_saved.connect(self.similar.note_saved)
        self.images = ImagesController(self.blog, settings, self.tasks, self.views, self)

        # The outline, the counts, focus mode and the view modes follow the current tab.
        self.outline_panel = OutlinePanel()
        self.outline_dock = self.outline_panel.dock(self)
        # One reading of the pane, in a worker process, gives the outline and the counts.
        self.facts = PaneFacts(lambda: self.doctor.config.markers, self)
        self.outline = OutlineController(self.outline_panel, self, self.facts)
        self.counts = StatusCounts(
            lambda: self.doctor.config,
            self,
            lambda: self.current_view.edited.body_line_offset(),
            self.facts,
        )
        self.counts.add_to(self.statusBar())
        self.view = ViewModes(self, None, None, self.outline_dock, self.sidebar, settings)
        self.help = HelpMenu(self)
        self.edit_actions = EditActions(self, self)

        self._build_actions()
        # Search across posts: a sidebar tab and Blog > Search across posts..., the index kept.
        self.search = SearchController(
            self.blog,
            self.tasks,
            self.open_post_at,
            lambda: self.editor,
            lambda: self.view.post_list_action.setChecked(True),
            self.statusBar(),
            self,
        )
        self.search.add_to(self.sidebar, self.menus["blog"])
        self.blog_opened.connect(lambda _root: self.search.show_blog())
        self.post_saved.connect(self.search.file_saved)
        self._restore_state()
        self._add_view()
        self._connect_signals()
        self._on_current_changed(self.tabs.currentIndex())

    # -- set-up ------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        bar = self.menuBar()
        # The menus in their order; each part of the window fills its own.
        self.menus: dict[str, QMenu] = {
            "file": bar.addMenu(self.tr("&File")),
            "edit": bar.addMenu(self.tr("&Edit")),
            "format": bar.addMenu(self.tr("F&ormat")),
            "view": bar.addMenu(self.tr("&View")),
            "blog": bar.addMenu(self.tr("&Blog")),
            "git": bar.addMenu(self.tr("&Git")),
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
        self.save_action = self._action(self.tr("&Save"), QKeySequence.StandardKey.Save, self.save)
        self.close_tab_action = self._action(
            self.tr("&Close tab"), QKeySequence.StandardKey.Close, self.close_current_tab
        )
        self.quit_action = self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)
        self.open_blog_action = self._action(
            self.tr("Open &blog…"), "Ctrl+Shift+O", self.opening.on_open_blog_triggered
        )
        self.publish_action = self._action(
            self.tr("&Publish draft"), "Ctrl+Shift+P", self.publish_draft
        )
        self.rename_to_date_action = self._action(
            self.tr("&Rename to match the date"), "", lambda: self.saving.rename_to_date()
        )
        for action in (self.new_action, self.open_action, self.open_blog_action):
            menu.addAction(action)
        self.session.fill_menu(menu)
        menu.addSeparator()
        for action in (
            self.save_action,
            self.publish_action,
            self.rename_to_date_action,
            self.close_tab_action,
        ):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.quit_action)
        self.exporting.fill_menu(menu, before=self.quit_action)
        self.theme.fill_menu(self.menus["view"])
        self.format_actions.fill_menu(self.menus["format"])
        self.images.fill_menu(self.menus["format"])
        self.edit_actions.redirect_undo(self.find.undo_target)
        self.edit_actions.fill_menu(self.menus["edit"])
        self.menus["edit"].addSeparator()
        self.find.fill_menu(self.menus["edit"])

        self.next_tab_action = self._action(
            self.tr("Ne&xt tab"), QKeySequence.StandardKey.NextChild, lambda: self._step_tab(1)
        )
        self.previous_tab_action = self._action(
            self.tr("Pre&vious tab"),
            QKeySequence.StandardKey.PreviousChild,
            lambda: self._step_tab(-1),
        )
        # X11 reports Ctrl+Shift+Tab as Ctrl+Shift+Backtab, which the standard binding does not
        # always match; these spellings catch it.
        self.previous_tab_action.setShortcuts(
            [*self.previous_tab_action.shortcuts(), QKeySequence("Ctrl+Backtab")]
        )
        self.preview_style.fill_menu(self.menus["view"])
        self.menus["view"].addSeparator()
        self.fonts.fill_menu(self.menus["view"])
        self.menus["view"].addSeparator()
        self.menus["view"].addAction(self.next_tab_action)
        self.menus["view"].addAction(self.previous_tab_action)
        self.view.fill_menu(self.menus["view"])

        self.fix_all_action = self._action(
            self.tr("Fix all &safe problems"), "", lambda: self.doctor_panel.fix_all_button.click()
        )
        self.menus["doctor"].addAction(self.fix_all_action)
        # The current post's rules (switching one is remembered for the blog, all posts follow).
        self.doctor_rules_menu = self.menus["doctor"].addMenu(self.tr("&Rules"))
        self.preferences.fill_menu(self.menus["edit"])  # the Edit menu's last item
        self.help.fill_menu(self.menus["help"])
        self.post_list.fill_menu(self.menus["blog"])
        self.git = GitActions(
            self.tasks,
            lambda: self.blog_root,
            lambda: self.current_view,
            self.save,
            self.post_list,
            self.statusBar(),
            self,
        )
        self.git.fill_menu(self.menus["git"])
        self.taxonomy.fill_menu(self.menus["blog"])
        self.similar.fill_menu(self.menus["blog"])

    def _action(self, text: str, shortcut, slot) -> QAction:
        action = QAction(text, self)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)  # every binding of the platform (Ctrl+W and Ctrl+F4)
        else:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _connect_signals(self) -> None:
        self.post_list.open_post_requested.connect(self.opening.on_post_list_open_requested)
        self.opening.post_opened.connect(self.post_opened)
        self.post_list.loaded.connect(
            lambda: self.taxonomy.use_posts(self.blog_root, self.post_list.post_terms())
        )
        self.post_list.rename_term_requested.connect(self.taxonomy.rename_term)
        self.post_list.files_changed.connect(self.git.refresh)
        self.post_list.files_changed.connect(self.search.catch_up)
        self.taxonomy.posts_rewritten.connect(lambda _paths: self.post_list.refresh())
        self.opening.post_opened.connect(lambda path: self.session.remember("posts", path))
        # The open posts are remembered as they open and close, so a crash does not lose them.
        self.opening.post_opened.connect(lambda _path: self.save_session())
        self.opening.focus_title.connect(lambda: self.form.title.setFocus())
        self.preview_style.reloaded.connect(self._render_all)
        self.theme.changed.connect(lambda _dark: self.preview_style.reload())
        self.theme.changed.connect(lambda _dark: [v.doctor.recolour() for v in self.views()])
        self.exporting.status_message.connect(self.statusBar().showMessage)
        self.find.status_message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.images.status_message.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.tabs.currentChanged.connect(self._on_current_changed)
        self.current_post_changed.connect(self.git.show_current)
        self.post_saved.connect(lambda _path: self.git.refresh())
        self.tabs.currentChanged.connect(lambda _index: self._save_session_if_moved())
        self.tabs.tabBar().tabMoved.connect(lambda _from, _to: self._save_session_if_moved())
        # Cursors and scroll move all the time: the session takes them every few seconds, so a
        # crash loses at most that much of where the writer was.
        self._session_timer = QTimer(self)
        self._session_timer.setInterval(SESSION_SAVE_MS)
        self._session_timer.timeout.connect(self._save_session_if_moved)
        self._session_timer.start()
        self.tabs.tabCloseRequested.connect(self.close_tab)

    def _restore_state(self) -> None:
        state = self.settings.state("main_splitter")
        if state is not None:
            self.main_splitter.restoreState(state)
        geometry = self.settings.state("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def _save_state(self) -> None:
        self.settings.set_state("main_splitter", self.main_splitter.saveState())
        self.settings.set_state("post_splitter", self.current_view.saveState())
        self.settings.set_state("left_splitter", self.left_splitter.saveState())
        self.settings.set_state("geometry", QByteArray(self.saveGeometry()))
        self.settings.sync()

    # -- tabs --------------------------------------------------------------------------------

    def views(self) -> list[PostView]:
        """The open posts, in the order of their tabs."""
        return [self.tabs.widget(index) for index in range(self.tabs.count())]

    @property
    def current_view(self) -> PostView:
        return self.tabs.currentWidget()

    def _add_view(self) -> PostView:
        """A new tab (its panes sized like the current one's) with an empty post."""
        view = PostView(self, self.blog, self.settings, self.post_list, self.opening.load)
        self.fonts.attach(view.editor)
        self.theme.attach(view.editor)
        current = self.tabs.currentWidget()
        for target, source, name in (
            (view, current, "post_splitter"),
            (view.left_splitter, current.left_splitter if current else None, "left_splitter"),
        ):
            state = source.saveState() if source is not None else self.settings.state(name)
            if state is not None:
                target.restoreState(state)
        view.show_blog(self.blog.root, self._layouts)
        self.preview_style.load(view.preview)
        view.changed.connect(lambda: self._on_view_changed(view))
        view.labels_changed.connect(lambda: self._show_labels(view))
        view.preview.body_updated.connect(lambda: self._preview_arrived(view))
        view.preview.shown.connect(lambda _version: self._preview_arrived(view))
        view.renderer.failed.connect(lambda _message: self._preview_arrived(view, failed=True))
        view.status_message.connect(lambda text, ms: self.statusBar().showMessage(text, ms))
        view.saving.saved.connect(self.post_saved)
        view.saving.saved.connect(lambda path: self.session.remember("posts", path))
        view.saving.saved.connect(lambda _path: self.save_session())
        view.safekeeping.recovered.connect(self._show_recovered)
        self.taxonomy.attach(view)  # completion and near variants in its form
        self.tabs.addTab(view, view.title())
        self._on_view_changed(view)
        return view

    def _remove_view(self, view: PostView) -> None:
        self._previews_coming.discard(view)
        view.shut_down()
        self.tabs.removeTab(self.tabs.indexOf(view))
        view.deleteLater()

    def _show_in_tab(
        self,
        document: PostDocument,
        loaded: LoadedPost | None = None,
        from_list: bool = False,
        recovery_id: str | None = None,
    ) -> None:
        """Show a document in a tab of its own.  The current tab is taken instead when nothing
        was typed in it and it holds no saved post (the empty tab of a new window, a new post
        left blank), or when it was itself opened by a click in the post list and the writer
        only looked at it: clicking through the list does not pile up tabs."""
        view = self.current_view
        reusable = view.is_untouched() and (view.path is None or (from_list and view.from_list))
        if not reusable:
            view = self._add_view()
        view.from_list = from_list
        view.show_document(document, loaded, recovery_id)
        self.tabs.setCurrentWidget(view)
        # The text is in the pane; the status bar says the preview is on its way (a long post
        # takes a while) until it is shown.
        self._previews_coming.add(view)
        self._show_labels(view)
        if view is self.current_view:
            self.counts.counting()  # until the post is counted

    def _preview_arrived(self, view: PostView, failed: bool = False) -> None:
        # A render of an older text (the empty tab the post was opened in) is not the post's.
        shown = view.preview.shown_version >= view.editor.mirror.version
        if view in self._previews_coming and (shown or failed or not view.renderer.busy()):
            self._previews_coming.discard(view)
            self._show_labels(view)

    def _show_recovered(
        self, document: PostDocument, loaded: LoadedPost | None, recovery_id: str
    ) -> None:
        """Restored work goes to the tab of its post (the recovery list comes right after the
        blog opens, before the writer typed anything), else to a tab of its own."""
        for view in self.views():
            if document.path is not None and view.path == document.path:
                view.show_document(document, loaded, recovery_id)
                self.tabs.setCurrentWidget(view)
                return
        self._show_in_tab(document, loaded, False, recovery_id)

    def _switch_to(self, path: Path) -> bool:
        for view in self.views():
            if view.path == path:
                self.tabs.setCurrentWidget(view)
                return True
        return False

    def _step_tab(self, step: int) -> None:
        count = self.tabs.count()
        if count > 1:
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % count)

    def close_tab(self, index: int) -> bool:
        """Close a tab, asking first about unsaved changes (Cancel keeps it); the last tab
        closed leaves an empty one."""
        view = self.tabs.widget(index)
        if view is None:
            return False
        if view.is_modified or view.safekeeping.has_unsaved:
            self.tabs.setCurrentWidget(view)  # the writer sees which post is asked about
        if not view.saving.confirm_leaving():
            return False
        if self.tabs.count() == 1:
            self._add_view()
        self._remove_view(view)
        self.save_session()
        return True

    def close_current_tab(self) -> bool:
        return self.close_tab(self.tabs.currentIndex())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            watched is self.tabs.tabBar()
            and event.type() == QEvent.Type.MouseButtonRelease
            and event.button() == Qt.MouseButton.MiddleButton
        ):
            index = self.tabs.tabBar().tabAt(event.position().toPoint())
            if index >= 0:
                self.close_tab(index)
                return True
        return super().eventFilter(watched, event)

    def _on_current_changed(self, index: int) -> None:
        view = self.tabs.widget(index)
        if view is None:
            return
        self.post_list.select_path(view.path)
        self.format_actions.attach(view.editor)
        self.images.attach(view.editor)
        self.find.attach(view.editor, view.preview)
        for follower in (self.outline, self.counts, self.view.focus):
            follower.attach(view.editor)
        self.view.show_in(view.left_splitter, view.preview)
        self.doctor_rules_menu.clear()
        view.doctor.fill_rules_menu(self.doctor_rules_menu)
        self._show_labels(view)
        self._update_title()
        self.current_post_changed.emit(view)

    def _on_view_changed(self, view: PostView) -> None:
        index = self.tabs.indexOf(view)
        if index < 0:
            return
        title = view.title()
        if len(title) > TAB_TITLE_CHARS:
            title = title[: TAB_TITLE_CHARS - 1] + "…"
        modified = view.is_modified or view.safekeeping.has_unsaved
        text = title.replace("&", "&&") + (MODIFIED_MARK if modified else "")
        tip = str(view.path) if view.path else view.name()
        if (text, tip) == (self.tabs.tabText(index), self.tabs.tabToolTip(index)):
            # A keystroke that changes neither: the tab bar and title are left as they are.
            if view is self.current_view and self.isWindowModified() != view.is_modified:
                self.setWindowModified(view.is_modified)
            return
        self.tabs.setTabText(index, text)
        self.tabs.setTabToolTip(index, tip)
        if view is self.current_view:
            self._update_title()

    def _show_labels(self, view: PostView) -> None:
        if view is self.current_view:
            self.doctor_status.setText(view.doctor_status_text)
            text = view.preview_status_text
            if view in self._previews_coming:
                text = "  ".join(part for part in (text, self.tr("Preview: rendering…")) if part)
            self.preview_status.setText(text)
            self.preview_status.setToolTip(view.preview_status_tip)

    def _render_all(self) -> None:
        for view in self.views():
            view.request_render(immediately=True)

    # -- the current post --------------------------------------------------------------------

    @property
    def document(self) -> PostDocument:
        """The current post, always up to date with its text pane when read."""
        return self.current_view.document

    def render_context(self) -> RenderContext:
        """What the current post renders with (see :meth:`PostView.render_context`)."""
        return self.current_view.render_context()

    @property
    def editor(self):
        return self.current_view.editor

    @property
    def preview(self):
        return self.current_view.preview

    @property
    def form(self):
        return self.current_view.form

    @property
    def doctor_panel(self):
        return self.current_view.doctor_panel

    @property
    def left_splitter(self):
        return self.current_view.left_splitter

    @property
    def edited(self):
        return self.current_view.edited

    @property
    def renderer(self):
        return self.current_view.renderer

    @property
    def safekeeping(self):
        return self.current_view.safekeeping

    @property
    def naming(self):
        return self.current_view.naming

    @property
    def doctor(self):
        return self.current_view.doctor

    @property
    def binding(self):
        return self.current_view.binding

    @property
    def saving(self):
        return self.current_view.saving

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
        """Show a blog: its posts in the list, its config for rendering, its styles in the
        previews.  Another blog's posts leave their tabs: callers ask about unsaved work first
        (:meth:`Opening.open_blog_folder`)."""
        previous = self.blog.root
        repository = self.blog.open(root)
        if previous is not None and previous != repository.root:
            old = self.views()
            self._add_view()
            for view in old:
                self._remove_view(view)
        if repository.config_error is not None:
            self.statusBar().showMessage(worded(repository.config_error), 15000)
        self.post_list.show_blog(self.blog_root)
        self.taxonomy.show_blog(self.blog_root)
        self.similar.show_blog(self.blog_root)
        self._layouts = sorted(p.stem for p in (self.blog_root / "_layouts").glob("*.html"))
        for view in self.views():
            view.show_blog(self.blog_root, self._layouts)
        self.preview_style.show_blog(self.blog_root)
        self.git.refresh()
        self._update_title()
        self.session.remember("blogs", self.blog_root)
        self.save_session()
        self.blog_opened.emit(self.blog_root)
        self.offer_recovery()

    def offer_recovery(self) -> bool:
        """Offer the unsaved work a crash left, again after each restore (each goes to a tab of
        its own) until the writer restores nothing more; True when something was restored."""
        restored = False
        for _ in range(100):  # each round restores one entry, which is then kept by its tab
            kept = frozenset(v.safekeeping.document_id for v in self.views()) - {None}
            if not self.safekeeping.offer_recovery(kept):
                break
            restored = True
        return restored

    def open_post(self, path: Path) -> bool:
        """Show a post in a tab (its own tab if already open); False when it cannot be read."""
        return self.opening.open_post(path)

    def open_post_at(self, path: Path, line: int, column: int = 0) -> bool:
        """Open a post (its own tab if already open) with the cursor at ``line`` of the file
        (0-based, front matter included; a line of the front matter puts it at the body's
        start) and ``column``; False when it cannot be read."""
        if not self.opening.open_post(path):
            return False
        offset = self.document.source.body_line_offset
        body_line = line - offset
        self.editor.go_to_line(max(0, body_line), column if body_line >= 0 else 0)
        return True

    def open_newest_post(self) -> None:
        """Show the open blog's newest post (a new one when it has none)."""
        self.opening.open_newest_post()

    def new_post(self) -> None:
        """Start an unsaved post from the blog's defaults in a tab (see :class:`Opening`)."""
        self.opening.new_post()

    def restore_session(self) -> bool:
        """Reopen what the last window left: its blog, its posts with their cursor and scroll,
        the same tab current.  False on the very first start (nothing to reopen)."""
        state = self.session.saved()
        if state is None:
            return False
        if state["blog"]:
            repository = BlogRepository.find(Path(state["blog"]))
            if repository is not None:
                self.open_blog(repository.root)
            else:
                self.statusBar().showMessage(
                    self.tr("The last blog is not there any more: {blog}").format(
                        blog=state["blog"]
                    ),
                    0,
                )
        current = None
        for number, tab in enumerate(state["tabs"]):
            path = Path(tab["path"])
            if not path.is_file() or not self.open_post(path):
                continue
            self.current_view.restore_position(_int(tab.get("cursor")), _int(tab.get("top")))
            if number == state["current"]:
                current = self.current_view
        if current is not None:
            self.tabs.setCurrentWidget(current)
        elif self.blog_root is not None and all(view.path is None for view in self.views()):
            self.open_newest_post()
        self.save_session()  # with the positions just restored
        return True

    def _save_session_if_moved(self) -> None:
        if self.blog_root is not None and self._session_tabs() != self._saved_tabs:
            self.save_session()

    def save_session(self) -> None:
        """Remember the open blog and the open posts (cursor, scroll, the current tab) for the
        next start."""
        tabs, current = self._session_tabs()
        self.session.save(self.blog_root, tabs, current)
        self._saved_tabs = (tabs, current)

    def _session_tabs(self) -> tuple[list[dict], int]:
        tabs, current = [], 0
        for view in self.views():
            if view.path is None:
                continue  # a post never saved has no file to reopen (its journal keeps it)
            if view is self.current_view:
                current = len(tabs)
            cursor, top = view.position()
            tabs.append({"path": str(view.path), "cursor": cursor, "top": top})
        return tabs, current

    # -- saving ------------------------------------------------------------------------------

    @property
    def is_modified(self) -> bool:
        """The current post has unsaved changes, or is a new post with a body never saved."""
        return self.current_view.is_modified

    def save(self) -> bool:
        """Write the current post (see :class:`Saving`); False when it was not saved."""
        return self.saving.save()

    def publish_draft(self) -> bool:
        """Move the current draft into _posts/ dated now; False if it stays."""
        return self.saving.publish_draft()

    def _confirm_leaving_all(self) -> bool:
        """Ask about each post with unsaved changes (its tab shown); False when the writer
        stays.  Discarding waits until every post was asked: a Cancel on a later one keeps the
        window open with every post as it was, crash copies included.  Once all are answered,
        the tab the writer was on is current again (the session remembers it)."""
        current = self.current_view
        discards: list = []
        for view in self.views():
            if view.is_modified or view.safekeeping.has_unsaved:
                self.tabs.setCurrentWidget(view)
                if not view.saving.confirm_leaving(discards):
                    return False
        for discard in discards:
            discard()
        if self.tabs.indexOf(current) >= 0:
            self.tabs.setCurrentWidget(current)
        return True

    # -- window ------------------------------------------------------------------------------

    def _update_title(self) -> None:
        view = self.current_view
        blog = str(self.site.get("title") or (self.blog_root.name if self.blog_root else ""))
        parts = [f"{view.edited.label()}[*]"] + ([blog] if blog else []) + [APP_NAME]
        self.setWindowTitle(" — ".join(parts))
        self.setWindowModified(view.is_modified)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        event.ignore()  # until the writer has been asked: a failure below keeps the window open
        if not self._confirm_leaving_all():
            return
        self.save_session()
        self._save_state()
        self.tasks.cancel_all()
        for view in self.views():
            view.shut_down()
        # A long outline or count run is not waited for: its result is dropped.
        self.outline.shut_down()
        self.counts.shut_down()
        event.accept()


def _int(value) -> int:
    return value if isinstance(value, int) and value >= 0 else 0
