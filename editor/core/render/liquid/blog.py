"""What the Liquid layer asks of the blog: dates, URLs, posts and includes.

The one place the Liquid package reaches the rest of the core for Jekyll facts; when the blog
model moves, only this module changes.  It calls ``blog.dates.parse_date`` (dates in the
site's zone), ``render.jekyll_links`` (``post_url``, ``link``, ``relative_url``), and
``render.site_posts`` (``site.posts``, ``site.categories``, ``site.tags`` and the open
post's ``page`` variables, ``page.previous`` and ``page.next`` among them).
"""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

from editor.core.blog import dates
from editor.core.blog.permalink import jekyll_slugify
from editor.core.files.reading import StorageError, read_regular_file
from editor.core.post.yamlload import YamlLoadError, load_yaml
from editor.core.render.jekyll_links import (
    absolute_url,
    by_stamp,
    link_url,
    post_url,
    relative_url,
)
from editor.core.render.jekyll_links import to_datetime as _to_datetime
from editor.core.render.site_posts import grouped, neighbours, post_variables, site_posts

__all__ = [
    "absolute_url",
    "grouped",
    "jekyll_slugify",
    "link_url",
    "neighbours",
    "post_url",
    "post_variables",
    "read_include",
    "site_data",
    "relative_url",
    "site_posts",
    "to_datetime",
]


def to_datetime(value, site=None) -> dt.datetime | None:
    """A Liquid date from a datetime, a date, ``"now"`` or a front-matter date string."""
    if isinstance(value, str) and value.strip() in ("now", "today"):
        return dt.datetime.now().astimezone()
    zone = site.get("timezone") if site else None
    return _to_datetime(value) or dates.parse_date(value, zone)


def read_include(blog_root: Path, folder: Path, name: str) -> str:
    """The text of an included file under ``folder``, never outside the blog.

    Raises ``ValueError`` for a name that climbs out or a file that cannot be read.
    """
    if ".." in Path(name).parts:
        raise ValueError(name)
    # As Jekyll joins paths, "/x" is looked for in the folder too, never at the disk's root.
    path = folder / name.lstrip("/")
    try:
        data, _ = read_regular_file(path, inside=blog_root)
    except StorageError as exc:
        raise ValueError(name) from exc
    return data.decode("utf-8", errors="replace")


_DATA_SUFFIXES = (".yml", ".yaml", ".json")
_DATA: dict = {}  # path -> ((mtime, size), value): a data file is parsed again when it changes


def _read_data(path: Path, blog_root: Path):
    raw, _ = read_regular_file(path, inside=blog_root)
    return load_yaml(raw.decode("utf-8", errors="replace")).value


MAX_DATA_FILES = 1000


def site_data(blog_root: Path | None) -> dict:
    """``site.data``: each YAML or JSON file of ``_data`` (and its folders) by name.

    A file that cannot be read or parsed is left out, as the preview cannot do better.
    """
    if blog_root is None:
        return {}
    folder = Path(blog_root) / "_data"
    data: dict = {}
    if not folder.is_dir():
        return data
    for count, path in enumerate(sorted(folder.rglob("*"))):
        if count >= MAX_DATA_FILES:
            break
        if path.suffix.lower() not in _DATA_SUFFIXES:
            continue
        try:
            value = copy.deepcopy(by_stamp(_DATA, path, lambda p: _read_data(p, blog_root)))
        except (StorageError, YamlLoadError, ValueError):
            continue
        target = data
        for part in path.relative_to(folder).parent.parts:
            target = target.setdefault(part, {})
            if not isinstance(target, dict):
                break
        else:
            target[path.stem] = value
    return data
