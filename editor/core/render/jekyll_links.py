"""URLs of posts and files for ``{% post_url %}`` and ``{% link %}``, as Jekyll computes them.

Which file a name means, the post's date (in the site's zone) and its permalink all come from
:mod:`editor.core.blog`; this module only joins them with ``baseurl``.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path

from editor.core.blog import dates, posts
from editor.core.blog.repository import post_url as blog_post_url
from editor.core.files.storage import is_inside


def to_datetime(value) -> datetime | None:
    """A date for Liquid's date filters: a date or time, ``"now"``, seconds since 1970, or text
    read by the blog's one date reader (:func:`editor.core.blog.dates.parse_date`)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        try:
            return datetime.fromtimestamp(value, tz=UTC)
        except (OverflowError, OSError, ValueError):
            return None
    if isinstance(value, str) and value.strip() in ("now", "today"):
        return datetime.now().astimezone()
    if isinstance(value, datetime) and value.tzinfo is None:
        return value  # a naive time stays naive: the filters put it in the site's zone
    return dates.parse_date(value.strip() if isinstance(value, str) else value)


def _join_url(base: str, path) -> str:
    path = "" if path is None else str(path)
    if re.match(r"^[a-z][a-z0-9+.-]*:", path):
        return path
    base = base.rstrip("/")
    return f"{base}/{path.lstrip('/')}" if path else base or "/"


def relative_url(site: Mapping, path) -> str:
    """Jekyll's ``relative_url``: the site's ``baseurl`` in front of a path."""
    baseurl = str(site.get("baseurl") or "")
    joined = _join_url(baseurl, path)
    return joined if joined.startswith(("/", "http")) else "/" + joined


def absolute_url(site: Mapping, path) -> str:
    """Jekyll's ``absolute_url``: ``url`` + ``baseurl`` + path."""
    return str(site.get("url") or "").rstrip("/") + relative_url(site, path)


def front_matter(path: Path) -> dict:
    """A file's parsed front matter; empty when missing, unreadable or refused (alias bombs).

    Read again only when the file's modification time or size changed (a body that lists
    ``site.posts`` would otherwise read every post of the blog on every render).
    """
    return dict(by_stamp(_FRONT_MATTER, path, posts.read_metadata))


_FRONT_MATTER: dict = {}
_MAX_KEPT = 50_000
_KEPT_LOCK = threading.Lock()


def by_stamp(kept: dict, path: Path, read):
    """``read(path)``, kept in ``kept`` while the file's (mtime, size) stays the same; the
    caller must not change what it gets (copy it first)."""
    try:
        found = os.stat(path)
    except OSError:
        return read(path)
    key, stamp = os.fspath(path), (found.st_mtime_ns, found.st_size)
    with _KEPT_LOCK:
        hit = kept.get(key)
    if hit is not None and hit[0] == stamp:
        return hit[1]
    value = read(path)
    with _KEPT_LOCK:
        if len(kept) >= _MAX_KEPT:
            kept.clear()
        kept[key] = (stamp, value)
    return value


def post_url_path(
    path: Path, site: Mapping, blog_root: Path | None = None, front: Mapping | None = None
) -> str:
    """The URL path Jekyll gives the post file at ``path`` (without ``baseurl``)."""
    root = Path(blog_root) if blog_root else posts.find_root(path) or Path(path).parent
    values = dict(front) if front is not None else front_matter(path)
    return blog_post_url(root, dict(site), Path(path), values)


def find_post(blog_root: Path, name: str) -> Path | None:
    """The post ``{% post_url name %}`` names, in any ``_posts`` folder of the blog."""
    return posts.find_post(blog_root, name)


def post_url(blog_root: Path, name: str, site: Mapping) -> str | None:
    """``{% post_url name %}``, or None when no such post exists."""
    path = find_post(blog_root, name)
    return relative_url(site, post_url_path(path, site, blog_root)) if path else None


def link_url(blog_root: Path, relative: str, site: Mapping) -> str | None:
    """``{% link path %}``, or None when the file does not exist."""
    path = blog_root / relative
    if not path.is_file() or not is_inside(blog_root, path):
        return None
    if posts.kind_of(Path(blog_root), path) == "post":
        return relative_url(site, post_url_path(path, site, blog_root))
    front = front_matter(path) if path.suffix in (".md", ".markdown", ".html") else {}
    if front.get("permalink"):
        return relative_url(site, str(front["permalink"]))
    url = "/" + relative
    if path.suffix in (".md", ".markdown"):
        url = url[: -len(path.suffix)] + ".html"
    return relative_url(site, url)
