"""Where a post being edited will live and the URL it will have, before anything moves.

The file name follows the post: ``_posts/<date>-<slug>.md`` takes its date from the front
matter (in the site's zone) and its slug from the file or from what the writer typed.
"""

from __future__ import annotations

from pathlib import Path

from editor.core.blog.repository import BlogRepository, RepositoryError
from editor.core.blog.slug import SlugError, check_slug, slugify
from editor.core.post.document import PostDocument


def current_slug(repo: BlogRepository, document: PostDocument, typed: str | None) -> str:
    """The slug the writer typed, else the file's, else one made from the title."""
    if typed:
        return typed
    if document.path is not None:
        return repo.slug_of(document.path)
    return slugify(str(document.get("title") or ""))


def planned_path(
    repo: BlogRepository, document: PostDocument, typed: str | None, date_changed: bool = True
) -> Path:
    """The file the post should be saved as; raises ``SlugError`` for an unusable slug.

    A saved post takes a new date into its file name only when the writer changed the date
    (``date_changed``): a date that already disagreed with the file name is left to the
    doctor, since renaming breaks every ``post_url`` to the old name.
    """
    slug = check_slug(typed) if typed else None
    date = document.get_date()
    if document.path is None:
        return repo.new_post_path(str(document.get("title") or ""), False, date, slug)
    changed = date is not None and date_changed
    day = date.astimezone(repo.zone).date() if changed else None
    return repo.rename_target(document.path, date=day, slug=slug)


def planned_url(repo: BlogRepository, document: PostDocument, path: Path) -> str:
    """The post's URL under the site's permalink style, with ``baseurl``; "" if unknown."""
    planned = PostDocument(document.source, path, document.timezone)
    try:
        return repo.baseurl.rstrip("/") + repo.url_for(planned)
    except (RepositoryError, SlugError, ValueError):
        return ""
