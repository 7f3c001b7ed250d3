"""``site.posts`` for Liquid loops: the blog's posts as Jekyll lists them (newest first)."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from editor.core.render.jekyll_links import front_matter, post_url_path, to_datetime

_POST_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})-(.+)$")
_EXTENSIONS = (".md", ".markdown", ".mkd", ".mkdn", ".html")


def titleize(slug: str) -> str:
    """Jekyll's title for a post without one: ``my-first-post`` -> ``My First Post``."""
    return " ".join(word[:1].upper() + word[1:] for word in slug.split("-"))


def post_variables(path: Path, front: dict, site) -> dict | None:
    """A post's Liquid variables (front matter plus url, id, date, slug, title)."""
    name = _POST_NAME.match(path.stem)
    if name is None:
        return None
    post = dict(front)
    when = to_datetime(post.get("date")) or to_datetime(name.group(1))
    url = post_url_path(path, site)
    post.update(date=when, url=url, id=re.sub(r"\.html$", "", url), path=f"_posts/{path.name}")
    post.setdefault("slug", name.group(2))
    post.setdefault("title", titleize(name.group(2)))
    for key in ("tags", "categories"):
        value = post.get(key)
        if isinstance(value, str):
            post[key] = value.split()
        else:
            post[key] = list(value) if isinstance(value, (list, tuple)) else []
    return post


def site_posts(blog_root: Path, site, current: Path | None, current_page) -> list[dict]:
    """Every published post under ``_posts``, newest first; the open post uses its live data."""
    folder = Path(blog_root) / "_posts"
    if not folder.is_dir():
        return []
    posts = []
    now = datetime.now().astimezone()
    for path in folder.rglob("*"):
        if path.suffix.lower() not in _EXTENSIONS or not path.is_file():
            continue
        is_current = current is not None and path.resolve() == Path(current).resolve()
        front = dict(current_page) if is_current else front_matter(path)
        if front.get("published") is False:
            continue
        post = post_variables(path, front, site)
        if post is None:
            continue
        when = post["date"]
        if when and not site.get("future") and _aware(when) > now:
            continue
        posts.append(post)
    posts.sort(key=lambda p: (_aware(p["date"]) if p["date"] else now, p["path"]), reverse=True)
    return posts


def _aware(when: datetime) -> datetime:
    return when if when.tzinfo else when.astimezone()
