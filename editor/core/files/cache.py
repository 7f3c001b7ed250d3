"""Where Tsuzuri keeps what it can always make again (search index, post catalogue, ...).

One folder per kind under ``$XDG_CACHE_HOME/tsuzuri`` (``~/.cache/tsuzuri`` when unset or not
absolute), and one file per blog in it, named from the blog's resolved path, so two blogs never
share a file and the same blog always finds its own.  Losing the folder loses nothing: every
file in it is rebuilt from the blog.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def cache_folder(kind: str) -> Path:
    """``$XDG_CACHE_HOME/tsuzuri/<kind>`` (not created here)."""
    base = os.environ.get("XDG_CACHE_HOME")
    home = Path(base) if base and os.path.isabs(base) else Path.home() / ".cache"
    return home / "tsuzuri" / kind


def blog_key(root: Path | str) -> str:
    """A name for the blog at ``root`` that is the same whenever the same folder is meant."""
    key = hashlib.sha256(str(Path(root).resolve()).encode("utf-8", "surrogateescape"))
    return key.hexdigest()[:24]


def blog_cache_file(kind: str, root: Path | str, suffix: str = ".sqlite") -> Path:
    """The cache file of ``kind`` for the blog at ``root``: ``<folder>/<blog_key><suffix>``."""
    return cache_folder(kind) / f"{blog_key(root)}{suffix}"
