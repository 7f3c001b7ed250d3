"""The blog the window shows, or none: one object the window's controllers are handed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from editor.core.repository import BlogRepository


class OpenBlog:
    """Which blog is open; controllers read it through here instead of through the window."""

    def __init__(self) -> None:
        self.repository: BlogRepository | None = None

    def open(self, root: Path) -> BlogRepository:
        """Make the blog at ``root`` the open one (its leftovers of cut-short saves removed)."""
        self.repository = BlogRepository(root)
        self.repository.remove_leftovers()
        return self.repository

    @property
    def root(self) -> Path | None:
        return self.repository.root if self.repository else None

    @property
    def site(self) -> dict[str, Any]:
        """The blog's _config.yml ({} when no blog is open)."""
        return self.repository.config if self.repository else {}

    @property
    def timezone(self) -> str | None:
        """The site's ``timezone`` (None when no blog is open or it names none)."""
        return self.repository.timezone if self.repository else None
