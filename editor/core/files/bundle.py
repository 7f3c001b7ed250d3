"""Where Tsuzuri's own bundled files live: the checkout's ``resources/`` or the installed copy.

The one lookup of the bundle, for the window (preview page, stylesheets, sample blog,
translations) and the core (the catalogue of messages, :mod:`editor.core.words`).
"""

from __future__ import annotations

import sys
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource: the installed copy or the checkout's ``resources/``."""
    package = Path(__file__).resolve().parents[2]
    candidates = [
        package / "resources",  # the wheel's editor/resources (setup.py puts it there)
        package.parent / "resources",  # a checkout, or a bundle's folder beside the package
        Path(sys.prefix) / "share" / "tsuzuri" / "resources",
    ]
    for base in candidates:
        if base.is_dir():
            return base.joinpath(*parts)
    raise FileNotFoundError("Tsuzuri's resources folder is missing; reinstall Tsuzuri")
