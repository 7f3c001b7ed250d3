"""URLs of posts and files for ``{% post_url %}`` and ``{% link %}``, as Jekyll computes them."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import quote

from editor.core.post import split_post
from editor.core.storage import is_inside, read_text_file
from editor.core.yamlload import YamlLoadError, load_yaml

_POST_NAME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-(.+)$")
_DATE = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?\s*$"
)
_STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}


def to_datetime(value) -> datetime | None:
    """A date from a datetime, a date, ``"now"`` or a YAML-ish date string."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, (int, float)):
        return datetime.fromtimestamp(value, tz=UTC)
    if not isinstance(value, str):
        return None
    if value.strip() in ("now", "today"):
        return datetime.now().astimezone()
    found = _DATE.match(value.strip())
    if not found:
        return None
    y, mo, d, h, mi, s, tz = found.groups()
    try:
        # Ruby's Time (and so Jekyll) rolls a day past the month's end over: 02-30 is 03-02.
        if not 1 <= int(d) <= 31:
            return None
        result = datetime(int(y), int(mo), 1, int(h or 0), int(mi or 0), int(s or 0))
        result += timedelta(days=int(d) - 1)
        if tz:
            if tz == "Z":
                return result.replace(tzinfo=UTC)
            digits = tz.replace(":", "")
            offset = timedelta(hours=int(digits[1:3]), minutes=int(digits[3:5]))
            return result.replace(tzinfo=timezone(offset if digits[0] == "+" else -offset))
    except (ValueError, OverflowError):  # month 13, hour 25, a zone of 24 hours or more
        return None
    return result


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
    """A file's parsed front matter; empty when missing, unreadable or refused (alias bombs)."""
    try:
        source = split_post(read_text_file(path))
        data = load_yaml(source.front_matter).value if source.front_matter.strip() else {}
    except (OSError, YamlLoadError):
        return {}
    return data if isinstance(data, dict) else {}


def _categories(front: Mapping) -> list[str]:
    found = front.get("categories", front.get("category")) or []
    if isinstance(found, str):
        found = found.split()
    return [str(c) for c in found] if isinstance(found, (list, tuple)) else [str(found)]


def post_url_path(path: Path, site: Mapping) -> str:
    """The URL path Jekyll gives the post file at ``path`` (without ``baseurl``)."""
    front = front_matter(path)
    name = _POST_NAME.match(path.stem)
    slug = str(front.get("slug") or (name.group(4) if name else path.stem))
    when = to_datetime(front.get("date")) or to_datetime(
        "-".join(name.groups()[:3]) if name else None
    )
    permalink = str(front.get("permalink") or site.get("permalink") or "date")
    template = _STYLES.get(permalink, permalink)
    values = {
        ":categories": "/".join(c.lower().replace(" ", "-") for c in _categories(front)),
        ":year": f"{when.year:04d}" if when else "",
        ":month": f"{when.month:02d}" if when else "",
        ":i_month": str(when.month) if when else "",
        ":day": f"{when.day:02d}" if when else "",
        ":i_day": str(when.day) if when else "",
        ":y_day": when.strftime("%j") if when else "",
        ":short_year": when.strftime("%y") if when else "",
        ":hour": when.strftime("%H") if when else "",
        ":minute": when.strftime("%M") if when else "",
        ":second": when.strftime("%S") if when else "",
        ":title": slug,
        ":slug": slug,
        ":output_ext": ".html",
    }
    url = re.sub(r":[a-z_]+", lambda m: values.get(m.group(0), m.group(0)), template)
    url = re.sub(r"/{2,}", "/", "/" + url)
    # Jekyll escapes the path (Japanese categories and slugs are percent-encoded).
    return quote(url, safe="/:@!$&'()*+,;=-._~%")


def find_post(blog_root: Path, name: str) -> Path | None:
    """The file in ``_posts`` (or a subfolder) named ``name`` plus a Markdown extension."""
    posts = blog_root / "_posts"
    if not posts.is_dir():
        return None
    stem = Path(name).name
    for path in sorted(posts.rglob(f"{stem}.*")):
        if path.suffix.lower() in (".md", ".markdown", ".mkd", ".mkdn", ".html"):
            return path
    return None


def post_url(blog_root: Path, name: str, site: Mapping) -> str | None:
    """``{% post_url name %}``, or None when no such post exists."""
    path = find_post(blog_root, name)
    return relative_url(site, post_url_path(path, site)) if path else None


def link_url(blog_root: Path, relative: str, site: Mapping) -> str | None:
    """``{% link path %}``, or None when the file does not exist."""
    path = blog_root / relative
    if not path.is_file() or not is_inside(blog_root, path):
        return None
    if relative.startswith("_posts/"):
        return relative_url(site, post_url_path(path, site))
    front = front_matter(path) if path.suffix in (".md", ".markdown", ".html") else {}
    if front.get("permalink"):
        return relative_url(site, str(front["permalink"]))
    url = "/" + relative
    if path.suffix in (".md", ".markdown"):
        url = url[: -len(path.suffix)] + ".html"
    return relative_url(site, url)
