"""URLs of posts and files for ``{% post_url %}`` and ``{% link %}``, as Jekyll computes them.

Which file a name means, the post's date (in the site's zone) and its permalink all come from
:mod:`editor.core.blog`; this module only joins them with ``baseurl``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from editor.core.blog import posts
from editor.core.blog.repository import post_url as blog_post_url
from editor.core.render.liquid_values import relative_url
from editor.core.storage import is_inside


def front_matter(path: Path) -> dict:
    """A file's parsed front matter; empty when missing, unreadable or refused (alias bombs)."""
    return posts.read_metadata(path)


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
