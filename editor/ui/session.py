"""The session: recent blogs and posts in the File menu, and the posts that were open (with
their cursor and scroll) for the next start to reopen.  Everything is kept in the settings'
``session/`` group, so a new window on the same settings finds it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from editor.core.blog import posts
from editor.ui.settings import Settings

RECENT_LIMIT = 10


class Session(QObject):
    """Remembers what the writer opened.

    ``settings`` keeps it, ``open_blog(folder)`` and ``open_post(path)`` open a recent entry
    (asking first, telling the writer when it is gone) and ``window`` parents the menus.
    """

    def __init__(
        self,
        settings: Settings,
        open_blog: Callable[[Path], bool],
        open_post: Callable[[Path], bool],
        window: QWidget,
    ):
        super().__init__(window)
        self._settings = settings
        self._open_blog = open_blog
        self._open_post = open_post
        self.recent_blogs_menu = QMenu(self.tr("Recent b&logs"), window)
        self.recent_blogs_menu.setObjectName("recentBlogsMenu")
        self.recent_posts_menu = QMenu(self.tr("Recent pos&ts"), window)
        self.recent_posts_menu.setObjectName("recentPostsMenu")
        self.recent_blogs_menu.aboutToShow.connect(self.refresh_menus)
        self.recent_posts_menu.aboutToShow.connect(self.refresh_menus)
        self.refresh_menus()

    def fill_menu(self, menu: QMenu) -> None:
        menu.addMenu(self.recent_blogs_menu)
        menu.addMenu(self.recent_posts_menu)

    # -- recent files ------------------------------------------------------------------------

    def recent(self, kind: str) -> list[Path]:
        """The recent "blogs" or "posts", newest first (missing ones too: they are shown
        greyed out, a blog on a drive not mounted now is back when it is)."""
        saved = self._settings.session(f"recent_{kind}", [])
        return [Path(p) for p in saved if isinstance(p, str)] if isinstance(saved, list) else []

    def remember(self, kind: str, path: Path) -> None:
        """``path`` was just opened: first in its list, which keeps the newest ten."""
        path = Path(path).resolve()
        paths = [path] + [p for p in self.recent(kind) if p != path]
        self._settings.set_session(f"recent_{kind}", [str(p) for p in paths[:RECENT_LIMIT]])
        self.refresh_menus()

    def refresh_menus(self) -> None:
        self._fill(self.recent_blogs_menu, self.recent("blogs"), Path.is_dir, self._open_blog)
        self._fill(self.recent_posts_menu, self.recent("posts"), Path.is_file, self._open_post)

    def _fill(self, menu: QMenu, paths: list[Path], exists, open_path) -> None:
        menu.clear()
        for number, path in enumerate(paths, start=1):
            label = path.name if menu is self.recent_blogs_menu else _post_label(path)
            action = QAction(f"&{number % 10} {label}", menu)
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.setData(str(path))
            if not exists(path):
                action.setEnabled(False)
                action.setText(
                    self.tr("&{number} {name} (not found)").format(number=number % 10, name=label)
                )
            action.triggered.connect(lambda _checked=False, p=path: open_path(p))
            menu.addAction(action)
        if not paths:
            empty = QAction(self.tr("(none yet)"), menu)
            empty.setEnabled(False)
            menu.addAction(empty)
        menu.setToolTipsVisible(True)

    # -- the open posts ----------------------------------------------------------------------

    def save(self, blog: Path | None, tabs: list[dict], current: int) -> None:
        """Remember the open blog and posts: each tab as {"path", "cursor", "top"}."""
        self._settings.set_session(
            "open",
            {"blog": str(blog) if blog else None, "tabs": tabs, "current": current},
        )

    def saved(self) -> dict | None:
        """What the last window left open, or None on the very first start."""
        state = self._settings.session("open")
        if not isinstance(state, dict):
            return None
        tabs = [
            tab
            for tab in state.get("tabs") or []
            if isinstance(tab, dict) and isinstance(tab.get("path"), str)
        ]
        current = state.get("current")
        return {
            "blog": state.get("blog") if isinstance(state.get("blog"), str) else None,
            "tabs": tabs,
            "current": current if isinstance(current, int) else 0,
        }


def _post_label(path: Path) -> str:
    """A post in the recent menu: its file name and the blog it belongs to."""
    root = posts.find_root(path)
    return f"{path.name} — {root.name}" if root is not None else path.name
