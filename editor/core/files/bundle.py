"""Where Tsuzuri's own bundled files live: the checkout's ``resources/`` or the installed copy.

The one lookup of the bundle, for the window (preview page, stylesheets, sample blog,
translations) and the core (the catalogue of messages, :mod:`editor.core.words`).
"""

from __future__ import annotations

import sys
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource: the checkout's ``resources/`` or the installed copy."""
    candidates = [
        Path(__file__).resolve().parents[3] / "resources",
        Path(sys.prefix) / "share" / "tsuzuri" / "resources",
    ]
    for base in candidates:
        if base.is_dir():
            return base.joinpath(*parts)
    raise FileNotFoundError("Tsuzuri's resources folder is missing; reinstall Tsuzuri")
