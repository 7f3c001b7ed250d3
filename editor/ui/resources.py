"""The user's data folder and the writable copy of the sample blog (the bundle itself is found
by :func:`editor.core.files.bundle.resource_path`)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from editor.core.files.bundle import resource_path

__all__ = ["app_icon", "data_dir", "preview_stylesheets", "resource_path", "sample_blog"]

SAMPLE_BLOG = "sample-blog"
# The name of the desktop entry (packaging/linux/tsuzuri.desktop) and of the icon in the theme.
DESKTOP_ID = "tsuzuri"


def app_icon():
    """Tsuzuri's icon in every size ``resources/icons/hicolor`` holds (tools/icons.py renders
    them from the SVG there), for the window's title bar and the task switcher."""
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for png in sorted(resource_path("icons", "hicolor").glob(f"*x*/apps/{DESKTOP_ID}.png")):
        icon.addFile(str(png))
    return icon


def preview_stylesheets(own: Path | None = None, dark: bool = False) -> list[Path]:
    """The preview's stylesheets: the blog's own (``own``) or Tsuzuri's, then code colours,
    then the preview's own marks (missing images, Liquid it could not render)."""
    base = own if own is not None else resource_path("preview", "preview.css")
    code = resource_path("preview", "highlight-dark.css" if dark else "highlight-light.css")
    return [p for p in (base, code, resource_path("preview", "page.css")) if p.is_file()]


def data_dir() -> Path:
    """The user's writable data folder (``TSUZURI_DATA_DIR`` overrides it, for tests).

    Made when missing; when it cannot be (a file is in the way, a read-only disk) the path is
    still returned, and whatever writes there reports the failure as its own.
    """
    from PySide6.QtCore import QStandardPaths  # here: the command line reads resources too

    override = os.environ.get("TSUZURI_DATA_DIR")
    if override:
        path = Path(override)
    else:
        path = Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        )
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass
    return path


def sample_blog() -> Path:
    """A writable copy of the bundled sample blog, made on first use; the bundle stays untouched."""
    target = data_dir() / SAMPLE_BLOG
    if not (target / "_config.yml").is_file():
        shutil.copytree(resource_path(SAMPLE_BLOG), target, dirs_exist_ok=True)
    return target
