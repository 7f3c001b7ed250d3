"""``site.posts`` for Liquid loops: the blog's posts as Jekyll lists them (newest first).

Which files are posts, their dates (in the site's zone) and URLs come from
:mod:`editor.core.blog`.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from editor.core.blog import dates, posts
from editor.core.render.jekyll_links import by_stamp, front_matter, post_url_path


def titleize(slug: str) -> str:
    """Jekyll's title for a post without one (``Utils.titleize_slug``): each word between
    hyphens capitalized as Ruby does, ``my-first-post`` -> ``My First Post``,
    ``UPPER_case`` -> ``Upper_case``; Ruby's split drops empty words at the end."""
    words = slug.split("-")
    while words and not words[-1]:
        words.pop()
    return " ".join(word.capitalize() for word in words)


def site_zone(site) -> dt.tzinfo:
    """The zone the site reads dates in (its ``timezone``, else this machine's)."""
    return dates.zone_or_local(str(site.get("timezone") or "") or None)


def post_variables(path: Path, front: dict, site, blog_root: Path | None = None) -> dict | None:
    """A post's Liquid variables (front matter plus url, id, date, slug, title)."""
    if posts.file_date(path) is None:
        return None
    root = Path(blog_root) if blog_root else posts.find_root(path) or path.parent
    post = dict(front)
    slug = posts.slug_of(path)
    when = posts.post_date(post.get("date"), path, site_zone(site))
    url = post_url_path(path, site, root, front)
    try:
        relative = Path(path).relative_to(root).as_posix()
    except ValueError:
        relative = f"_posts/{Path(path).name}"
    post.update(date=when, url=url, id=url.removesuffix(".html"), path=relative)
    post.setdefault("slug", slug)
    post.setdefault("title", titleize(slug))
    post["categories"] = posts.post_categories(root, path, front)
    post["tags"] = posts.post_tags(front)
    return post


def site_posts(blog_root: Path, site, current: Path | None, current_page) -> list[dict]:
    """Every published post of the blog, newest first; the open post uses its live data."""
    root = Path(blog_root)
    now = dates.now_in(site_zone(site))
    found = []
    current = Path(current).resolve() if current is not None else None
    # A post's variables are worked out again only when its file or the site's config changed.
    kept = _LISTED.setdefault((repr(site), os.fspath(root)), {})
    if len(_LISTED) > 16:
        _LISTED.clear()
    for path in posts.post_files(root):
        is_current = current is not None and path.name == current.name and path.resolve() == current
        if is_current:
            front = dict(current_page)
            post = post_variables(path, front, site, root)
        else:
            front, post = by_stamp(kept, path, lambda p: _listed(p, site, root))
            post = dict(post) if post is not None else None
        if post is None or not posts.is_listed(front, post["date"], site, now):
            continue
        found.append(post)
    found.sort(key=lambda p: (p["date"] or now, p["path"]), reverse=True)
    return found


_LISTED: dict = {}  # (site config, blog root) -> {path: ((mtime, size), (front, post))}


def _listed(path: Path, site, root: Path) -> tuple[dict, dict | None]:
    front = front_matter(path)
    return front, post_variables(path, front, site, root)


def grouped(listed: list[dict], key: str) -> dict[str, list[dict]]:
    """``site.categories`` or ``site.tags`` from ``site.posts`` (newest first), as Jekyll's
    ``post_attr_hash`` builds them: names in the order the oldest post first gives them, each
    with its posts newest first."""
    groups: dict[str, list[dict]] = {}
    for post in reversed(listed):
        for name in post.get(key) or []:
            members = groups.setdefault(name, [])
            if post not in members:
                members.append(post)
    return {name: members[::-1] for name, members in groups.items()}


def neighbours(listed: list[dict], page) -> tuple[dict | None, dict | None]:
    """``page.previous`` and ``page.next``: the posts just older and just newer than the open
    one in ``site.posts`` (newest first); ``None`` at either end or for a post not listed."""
    where = [i for i, post in enumerate(listed) if post.get("path") == page.get("path")]
    if not where or page.get("path") is None:
        return None, None
    i = where[0]
    return (listed[i + 1] if i + 1 < len(listed) else None), (listed[i - 1] if i else None)
