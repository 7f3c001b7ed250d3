"""Typed application settings over QSettings; window state lives in its own ``state/`` group and
what the last session left (recent blogs and posts, the open tabs) in ``session/``."""

from __future__ import annotations

import json
from dataclasses import fields

from PySide6.QtCore import QByteArray, QObject, QSettings, Signal

from editor.core.blog.images import DEFAULT_FOLDER as DEFAULT_IMAGES_FOLDER
from editor.core.doctor.config import DoctorConfig

# key -> default; a setting equal to its default is not stored.
# Every setting has its key here, whichever part of the window reads it; the settings dialog
# shows them.
DEFAULTS: dict[str, object] = {
    # Interface: "" follows the system locale, else "ja" or "en".
    "ui/language": "",
    # "system" follows the desktop's colour scheme; "light" or "dark" for the whole window.
    "ui/theme": "system",
    # "" is the default family (a CJK face with a real bold), see editor_pane.EDITOR_FONTS.
    "editor/font_family": "",
    "editor/font_size": 14,
    # Typing an opening 「『（【 inserts its closing bracket.
    "editor/auto_pairs": True,
    # Enter continues lists and quotes, Tab indents list items.
    "editor/list_continuation": True,
    "preview/follow_cursor": True,
    "render/debounce_ms": 120,
    # The View menu: "editor" only, "split" or "preview" only; focus mode; the side panels.
    "view/mode": "split",
    "view/focus_mode": False,
    "view/outline": True,
    "view/post_list": True,
    # The find bar's toggles, as the writer last left them.  Width-insensitive (ＡＩ = AI) is
    # on by default, as in Japanese word processors.
    "find/case_sensitive": False,
    "find/whole_word": False,
    "find/regex": False,
    "find/width_insensitive": True,
    # Where pasted and dropped images go, relative to the blog root, with {year}, {month},
    # {day} and {slug} of the post; a blog's own choice (Settings.images_folder) comes first.
    "images/folder": DEFAULT_IMAGES_FOLDER,
    # Where the last HTML or PDF export went ("": the home folder).
    "export/folder": "",
    # The doctor's continuation markers, one per line (DoctorConfig.markers).
    "doctor/markers": "\n".join(DoctorConfig().markers),
}
# The doctor's thresholds: "doctor/<field>" for each number of DoctorConfig, its default there.
DOCTOR_THRESHOLDS: tuple[str, ...] = tuple(
    field.name for field in fields(DoctorConfig) if field.type in ("int", "float", int, float)
)
DEFAULTS.update({f"doctor/{name}": getattr(DoctorConfig(), name) for name in DOCTOR_THRESHOLDS})


class Settings(QObject):
    """Typed getters and setters; emits ``changed(key)`` after a value changes (``blog/<key>``
    for a per-blog one)."""

    changed = Signal(str)

    def __init__(self, store: QSettings, parent: QObject | None = None):
        super().__init__(parent)
        self._store = store

    def value(self, key: str):
        default = DEFAULTS[key]
        return self._store.value(key, default, type=type(default))

    def set_value(self, key: str, value) -> None:
        if value == self.value(key):
            return
        if value == DEFAULTS[key]:
            self._store.remove(key)
        else:
            self._store.setValue(key, value)
        self.changed.emit(key)

    def state(self, name: str) -> QByteArray | None:
        """Saved widget state (splitter sizes, geometry), or None."""
        value = self._store.value(f"state/{name}")
        return value if isinstance(value, QByteArray) else None

    def set_state(self, name: str, value: QByteArray) -> None:
        self._store.setValue(f"state/{name}", value)

    def session(self, name: str, default=None):
        """What the last session left (recent files, the open posts), stored as JSON; ``default``
        when nothing (or nothing readable) is stored."""
        value = self._store.value(f"session/{name}")
        if not isinstance(value, str):
            return default
        try:
            return json.loads(value)
        except ValueError:
            return default

    def set_session(self, name: str, value) -> None:
        self._store.setValue(f"session/{name}", json.dumps(value, ensure_ascii=False))

    def blog_value(self, blog: str, key: str, default=None):
        """A per-blog setting (e.g. its stylesheet), keyed by the blog's folder."""
        return self._store.value(f"blogs/{_blog_key(blog)}/{key}", default)

    def set_blog_value(self, blog: str, key: str, value) -> None:
        if self.blog_value(blog, key) == value:
            return
        self._store.setValue(f"blogs/{_blog_key(blog)}/{key}", value)
        self.changed.emit(f"blog/{key}")

    def allow_remote(self, blog) -> bool:
        """Whether the blog's preview may fetch remote images and styles (off by default)."""
        value = self.blog_value(str(blog), "allow_remote", False)
        return value is True or str(value).lower() == "true"

    def images_folder(self, blog) -> str:
        """Where the blog's images go (a folder pattern, see ``core.blog.images``): the blog's
        own setting, else ``images/folder``."""
        own = self.blog_value(str(blog), "images_folder", "") if blog is not None else ""
        return str(own or self.value("images/folder"))

    def sync(self) -> None:
        self._store.sync()


def _blog_key(blog: str) -> str:
    import hashlib

    return hashlib.sha1(blog.encode("utf-8")).hexdigest()[:16]
