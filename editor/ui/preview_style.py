"""The preview's look: light or dark with the window's theme, and the blog's own stylesheet
(View menu), remembered per blog.

One :class:`PreviewStyle` serves every open post's preview pane (one per tab)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from editor.ui import prompts
from editor.ui.preview import PreviewPane
from editor.ui.resources import preview_stylesheets
from editor.ui.settings import Settings
from editor.ui.theme import is_dark


class PreviewStyle(QObject):
    """Decides which stylesheets the preview pages load and reloads them when they change;
    ``previews()`` lists the preview panes of the open posts."""

    reloaded = Signal()
    """The wrapper pages were loaded afresh: the bodies must be pushed again."""

    def __init__(
        self, previews: Callable[[], list[PreviewPane]], settings: Settings, window: QWidget
    ):
        super().__init__(window)
        self._previews, self._settings, self._window = previews, settings, window
        self.blog_root: Path | None = None
        settings.changed.connect(self._on_setting_changed)
        self.blog_css_action = QAction(self.tr("Use the blog's &stylesheet…"), self)
        self.blog_css_action.triggered.connect(self._on_blog_css_triggered)
        self.default_css_action = QAction(self.tr("Use Tsuzuri's st&ylesheet"), self)
        self.default_css_action.triggered.connect(lambda: self.set_blog_stylesheet(None))

    def fill_menu(self, menu: QMenu) -> None:
        for action in (self.blog_css_action, self.default_css_action):
            menu.addAction(action)

    def show_blog(self, root: Path | None) -> None:
        """Load the preview page for a blog (its stylesheet, its remote-content setting)."""
        self.blog_root = root
        self.reload()

    def stylesheets(self, dark: bool | None = None) -> list[Path]:
        """The blog's own stylesheet when the writer chose one, else Tsuzuri's; then code
        colours (light or dark, by default with the window) and the preview's own marks."""
        if dark is None:
            dark = is_dark()
        return preview_stylesheets(self._blog_stylesheet(), dark)

    def _blog_stylesheet(self) -> Path | None:
        if self.blog_root is None:
            return None
        value = self._settings.blog_value(str(self.blog_root), "stylesheet")
        path = Path(value) if value else None
        return path if path is not None and path.is_file() else None

    def set_blog_stylesheet(self, path: Path | None) -> None:
        """Preview this blog with its own CSS file (None: Tsuzuri's stylesheet)."""
        if self.blog_root is None:
            return
        self._settings.set_blog_value(str(self.blog_root), "stylesheet", str(path) if path else "")
        self.reload()

    def reload(self) -> None:
        for preview in self._previews():
            self.load(preview)
        self.reloaded.emit()

    def load(self, preview: PreviewPane) -> None:
        """Load the wrapper page of the open blog into one preview pane (a new tab's)."""
        root = self.blog_root
        preview.load_page(
            root,
            self.stylesheets(),
            allow_remote=self._settings.allow_remote(root) if root else False,
            dark=is_dark(),
        )

    def _on_setting_changed(self, key: str) -> None:
        """Remote images allowed or refused for the open blog (the settings dialog)."""
        if key == "blog/allow_remote" and self.blog_root is not None:
            self.reload()

    def _on_blog_css_triggered(self) -> None:
        path = prompts.choose_stylesheet(self._window, self.blog_root or Path.home())
        if path is not None:
            self.set_blog_stylesheet(path)
