"""Where an image's file is, so the preview can show it and flag the missing ones."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

MISSING_CLASS = "tsuzuri-missing-image"
REMOTE_CLASS = "tsuzuri-remote-image"


def image_attributes(src: str, context) -> dict[str, str]:
    """Extra attributes for an ``<img>``: ``data-local-src`` and a ``tsuzuri-*`` class.

    A local ``src`` is kept as written (the published page uses it); a remote one moves to
    ``data-remote-src`` unless remote images are allowed.
    """
    if not src or context is None:
        return {}
    parts = urlsplit(src)
    if parts.scheme in ("http", "https") or src.startswith("//"):
        if context.allow_remote:
            return {}
        # Withheld so the preview makes no request; the published page loads it.
        return {"class": REMOTE_CLASS, "src": "", "data-remote-src": src}
    if parts.scheme:
        return {}
    path = resolve_local(unquote(parts.path), context)
    if path is None:
        return {}
    if path.is_file():
        return {"data-local-src": path.as_uri()}
    return {"class": MISSING_CLASS, "data-local-src": path.as_uri()}


def resolve_local(path: str, context) -> Path | None:
    """The file a site-absolute or post-relative path points to, or None without a blog."""
    root = context.blog_root
    if root is None:
        return None
    root = Path(root).resolve()
    baseurl = _baseurl(context.site)
    if path.startswith("/"):
        if baseurl and path.startswith(baseurl + "/"):
            path = path[len(baseurl) :]
        return (root / path.lstrip("/")).resolve()
    # A relative src resolves against the post's published URL, which for posts sits
    # at least a folder below the root; the writer's intent is nearly always the site root.
    base = Path(context.post_path).parent if context.post_path else root
    candidate = (base / path).resolve()
    if candidate.is_file():
        return candidate
    return (root / path.lstrip("./")).resolve()


def site_path_url(relative: str, site: dict) -> str:
    """The URL a post writes for the blog's file at ``relative`` (``/``-separated, from the
    blog's root): site-root, after the ``baseurl``, percent-encoded; :func:`resolve_local`
    reads it back to the same file."""
    return _baseurl(site) + "/" + quote(relative.lstrip("/"))


def _baseurl(site: dict) -> str:
    """The site's ``baseurl`` without its trailing slash ("" when it has none)."""
    return str(site.get("baseurl") or "").rstrip("/")
