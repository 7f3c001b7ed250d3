"""The user's data folder and the writable copy of the sample blog (the bundle itself is found
by :func:`editor.core.files.bundle.resource_path`)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from editor.core.files.bundle import resource_path

__all__ = ["data_dir", "resource_path", "sample_blog"]

SAMPLE_BLOG = "sample-blog"


def data_dir() -> Path:
    """The user's writable data folder (``TSUZURI_DATA_DIR`` overrides it, for tests).

    Made when missing; when it cannot be (a file is in the way, a read-only disk) the path is
    still returned, and whatever writes there reports the failure as its own.
    """
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
