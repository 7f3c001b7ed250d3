"""Which files are a blog's posts and drafts, as Jekyll 4 decides, and what their names say.

The one home of these rules (the window's post list, ``tsuzuri doctor``, the renderer's
``site.posts`` and ``post_url``, and the repository all ask here):

- the blog root is the nearest folder with ``_config.yml`` or a ``_posts`` folder;
- posts live in a ``_posts`` folder at the root or under category folders (``tech/_posts``),
  subfolders of ``_posts`` included; their name is ``YYYY-MM-DD-slug.ext``
  (Jekyll's ``Document::DATE_FILENAME_MATCHER``) with an extension Jekyll converts;
- drafts live in ``_drafts`` folders the same way, named ``slug.ext``;
- names starting with ``.``, ``_``, ``#`` or ``~`` (and backups ending in ``~``) are skipped,
  as are folders Jekyll never reads (its output, dependencies, hidden folders);
- ``site.posts`` leaves out ``published: false`` and, unless ``future: true``, posts dated
  after now (:func:`is_listed`).

Front matter of many posts is read with :func:`read_metadata` (python-frontmatter behind the
safe loader's limits); it never writes.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Any

import frontmatter as python_frontmatter

from editor.core.blog.dates import parse_date, zone_or_local
from editor.core.blog.permalink import MARKDOWN_EXTENSIONS
from editor.core.files.storage import StorageError, read_text_file
from editor.core.post.split import split_post
from editor.core.post.yamlload import YamlLoadError, load_yaml

# Jekyll's Document::DATE_FILENAME_MATCHER for the last part of the path.
POST_NAME = re.compile(r"^(\d{2,4})-(\d{1,2})-(\d{1,2})-(.*)(\.[^.]+)$")
POST_EXTENSIONS = (*MARKDOWN_EXTENSIONS, ".html")
# Folders Jekyll never reads posts from (its output, caches, dependencies).
SKIPPED_FOLDERS = frozenset({"_site", "node_modules", "vendor", ".jekyll-cache", ".sass-cache"})


def find_root(path: Path | str) -> Path | None:
    """The root folder of the blog containing ``path`` (a folder or a file in it), or ``None``.

    The nearest folder above with a ``_config.yml`` is the site.  Without one, the outermost of
    the folders with a ``_posts`` folder that follow each other upwards: ``blog/tech/_posts/x.md``
    is a post of ``blog`` in category ``tech`` (Jekyll reads ``_posts`` under category folders),
    never a blog of its own.

    A path is looked up as it is given, not where links lead: a post in ``_posts`` that is (or
    sits in a folder that is) a link to somewhere else still belongs to its blog, and is refused
    there as outside it (``reading.ensure_inside``) rather than let through because the place it
    leads to belongs to no blog, or to another.
    """
    start = Path(os.path.abspath(path))
    if not start.is_dir():
        start = start.parent
    folders = (start, *start.parents)
    for folder in folders:
        if (folder / "_config.yml").is_file():
            return folder
    found = None
    for folder in folders:
        if (folder / "_posts").is_dir():
            found = folder
        elif found is not None and folder.name != "_posts":
            break
    return found


def skipped_by_jekyll(name: str) -> bool:
    """True for a file name Jekyll never reads nor publishes (its EntryFilter's own rule).

    Names starting with ".", "_", "#" or "~" are special to it, and names ending in "~" are
    backups (jekyll 4.3 lib/jekyll/entry_filter.rb; "include:" in _config.yml can override).
    """
    return name.startswith((".", "_", "#", "~")) or name.endswith("~")


def converted(name: str) -> bool:
    """True for a file name with an extension Jekyll converts into a page of the post."""
    return Path(name).suffix.lower() in POST_EXTENSIONS and not skipped_by_jekyll(name)


def is_post_name(name: str) -> bool:
    """True for a file name Jekyll reads as a post when it is in a ``_posts`` folder."""
    return bool(POST_NAME.match(name)) and converted(name) and file_date(name) is not None


def file_date(path: Path | str) -> dt.date | None:
    """The date a post's file name gives it (``2025-01-02-x.md`` -> 2025-01-02), read as
    Jekyll reads it (``2025-02-30`` rolls over to 03-02); ``None`` when it is no date."""
    match = POST_NAME.match(Path(path).name)
    if not match:
        return None
    parsed = parse_date("-".join(match.groups()[:3]))
    return parsed.date() if parsed is not None else None


def slug_of(path: Path | str) -> str:
    """The slug a post's file name gives it (``hello`` for ``2025-01-02-hello.md``)."""
    path = Path(path)
    match = POST_NAME.match(path.name)
    return match.group(4) if match else path.stem


def kind_of(root: Path, path: Path | str) -> str | None:
    """``"post"``, ``"draft"`` or ``None`` for a file of the blog at ``root``."""
    try:
        parts = Path(path).relative_to(root).parts
    except ValueError:
        return None
    folders = parts[:-1]
    if "_posts" in folders and is_post_name(parts[-1]):
        return "post" if _readable_folders(folders[: folders.index("_posts")]) else None
    if "_drafts" in folders and converted(parts[-1]):
        return "draft" if _readable_folders(folders[: folders.index("_drafts")]) else None
    return None


def is_draft(path: Path | str | None) -> bool:
    """True for a file in a ``_drafts`` folder."""
    return path is not None and "_drafts" in Path(path).parts[:-1]


def path_categories(root: Path, path: Path | str) -> list[str]:
    """Folders above ``_posts`` become categories, as in ``a/b/_posts/x.md``."""
    try:
        parts = Path(path).relative_to(root).parts  # as listed: no look at the disk
    except ValueError:
        try:
            parts = Path(path).resolve().relative_to(Path(root).resolve()).parts
        except ValueError:
            return []
    return list(parts[: parts.index("_posts")]) if "_posts" in parts else []


def _flat(value) -> list:
    if isinstance(value, list | tuple):
        return [item for inner in value for item in _flat(inner)]
    return [] if value is None else [value]


def post_categories(root: Path, path: Path | str, front: dict) -> list[str]:
    """A post's categories as Jekyll fills ``page.categories`` and builds URLs from them.

    The folders above ``_posts``, then ``categories`` (a string is split on spaces), then
    ``category``; each once, as text, in that order.
    """
    found = path_categories(root, path)
    listed = front.get("categories")
    found += listed.split() if isinstance(listed, str) else _flat(listed)
    found += _flat(front.get("category"))
    return list(dict.fromkeys(str(item) for item in found))


def post_tags(front: dict) -> list:
    """A post's tags as Jekyll reads them: ``tag`` if set, else ``tags`` (a string split)."""
    if front.get("tag") is not None:
        return _flat(front["tag"])
    listed = front.get("tags")
    return listed.split() if isinstance(listed, str) else _flat(listed)


def _readable_folders(folders: tuple[str, ...]) -> bool:
    return not any(f in SKIPPED_FOLDERS or skipped_by_jekyll(f) for f in folders)


def _walk(root: Path, magic: str) -> list[Path]:
    found: list[Path] = []
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        inside = magic in here.relative_to(root).parts
        # Jekyll skips hidden and "_" folders except its own, and never reads its output.
        dirs[:] = sorted(
            d
            for d in dirs
            if d not in SKIPPED_FOLDERS
            and (d in ("_posts", "_drafts") and not inside or not skipped_by_jekyll(d))
        )
        if inside:
            found += [here / name for name in files]
    return found


def post_files(root: Path | str) -> list[Path]:
    """Every post file of the blog (category folders included), newest file name first."""
    root = Path(root)
    posts = [p for p in _walk(root, "_posts") if kind_of(root, p) == "post"]
    return sorted(posts, key=lambda p: (p.name, p.as_posix()), reverse=True)


def draft_files(root: Path | str) -> list[Path]:
    """Every draft file of the blog, by name."""
    root = Path(root)
    return sorted(p for p in _walk(root, "_drafts") if kind_of(root, p) == "draft")


def find_post(root: Path | str, name: str, files: list[Path] | None = None) -> Path | None:
    """The post ``{% post_url name %}`` names: ``2025-01-02-x`` or ``sub/2025-01-02-x``.

    ``files`` is :func:`post_files` of the blog when the caller already has it.
    """
    candidates = sorted(post_files(root) if files is None else files)
    wanted = name.strip().strip("/")
    for path in candidates:
        if path.with_suffix("").as_posix().endswith("/" + wanted):
            return path
    leaf = Path(wanted).name
    return next((p for p in candidates if p.stem == leaf), None)


def post_date(value: Any, path: Path | str | None, zone: Any = None) -> dt.datetime | None:
    """The date a post really has: its ``date:`` read in the site's zone, else its file name's
    date at 00:00 in that zone (as Jekyll gives it); ``None`` when neither says one."""
    zone = zone_or_local(zone)
    parsed = parse_date(value, zone) if value is not None else None
    if parsed is not None:
        return parsed.astimezone(zone)
    day = file_date(path) if path is not None else None
    return None if day is None else dt.datetime(day.year, day.month, day.day, tzinfo=zone)


def shown_title(title: Any, path: Path | str) -> str:
    """How a post is named to the writer: its title, else (none, or only spaces) its file name
    without the extension."""
    text = "" if title is None else str(title)
    return text if text.strip() else Path(path).stem


def is_listed(front: dict, date: dt.datetime | None, site: dict, now: dt.datetime) -> bool:
    """True when Jekyll lists the post in ``site.posts``: not ``published: false`` and not
    dated after ``now`` unless the site sets ``future: true``."""
    if front.get("published") is False:
        return False
    return bool(site.get("future")) or date is None or date <= now


class _SafeYaml(python_frontmatter.YAMLHandler):
    """python-frontmatter's YAML handler, splitting as Jekyll does and loading through the
    safe loader (alias limits, depth limits)."""

    def split(self, text: str) -> tuple[str, str]:
        source = split_post(text)
        return source.front_matter, source.body

    def load(self, fm: str, **_kwargs: object) -> Any:
        return load_yaml(fm).value if fm.strip() else {}


_HANDLER = _SafeYaml()


def read_metadata(path: Path | str) -> dict[str, Any]:
    """A file's front matter for listing many posts; ``{}`` when missing, unreadable or
    refused.  For reading only: edits go through :mod:`editor.core.post.frontmatter`."""
    metadata = read_metadata_or_none(path)
    return {} if metadata is None else metadata


def read_metadata_or_none(path: Path | str) -> dict[str, Any] | None:
    """:func:`read_metadata`, but ``None`` when the file or its front matter cannot be read
    (refused, not UTF-8, broken YAML, not ``key: value`` lines); ``{}`` when it has none."""
    try:
        text = read_text_file(Path(path))
    except (OSError, StorageError):
        return None
    if not split_post(text).has_front_matter:
        return {}
    try:
        metadata = python_frontmatter.loads(text, handler=_HANDLER).metadata
    except (YamlLoadError, ValueError):
        return None
    if metadata is None or metadata == {}:
        return {}
    return dict(metadata) if isinstance(metadata, dict) else None


_LINK_TAG = re.compile(r"\{%-?\s*(post_url|link)\s+([^\s%]+)")


def references_to(root: Path | str, post: Path | str) -> list[Path]:
    """Posts, drafts and pages of the blog whose ``{% post_url %}`` or ``{% link %}`` names
    ``post`` by its file name (what a rename of it breaks), by path."""
    root, post = Path(root), Path(post)
    stem = post.with_suffix("").name
    try:
        relative = post.relative_to(root).as_posix()
    except ValueError:
        relative = None
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_FOLDERS and not d.startswith("."))
        for name in sorted(files):
            path = Path(folder) / name
            if path == post or Path(name).suffix.lower() not in POST_EXTENSIONS:
                continue
            try:
                text = read_text_file(path)
            except (OSError, StorageError):
                continue
            for tag, target in _LINK_TAG.findall(text):
                target = target.strip("'\"")
                if (tag == "post_url" and Path(target).name == stem) or target == relative:
                    found.append(path)
                    break
    return found
