"""A Jekyll site on disk: ``_config.yml``, posts and drafts, new posts, publishing, URLs.

Follows Jekyll 4's rules: ``_posts/YYYY-MM-DD-slug.md`` (also under ``category/_posts/``),
``_drafts/slug.md``, front-matter ``defaults`` by scope, dates read in the site's ``timezone``,
and permalinks (styles and patterns) as :mod:`editor.core.permalink` builds them.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

from editor.core import fields, permalink
from editor.core.document import PostDocument
from editor.core.post import BOM
from editor.core.slug import SlugError, check_slug, slugify, unique_slug
from editor.core.storage import (
    StorageError,
    create_new_file,
    read_text_file,
    remove_leftover_temp_files,
)
from editor.core.yamlemit import double_quoted
from editor.core.yamlload import YamlLoadError, load_yaml

POST_NAME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-(.+)(\.[^.]+)$")
POST_EXTENSIONS = (*permalink.MARKDOWN_EXTENSIONS, ".html")
_SKIPPED = {"_site", "node_modules", "vendor", ".jekyll-cache", "_drafts"}
_SKIPPED_OUTPUT = _SKIPPED - {"_drafts"}  # folders Tsuzuri never saves into


class RepositoryError(ValueError):
    """Something about the blog folder that stops an operation; the message says what."""


class BlogRepository:
    """A Jekyll site rooted at ``root``; ``config`` is ``_config.yml`` (``{}`` if unreadable)."""

    def __init__(self, root: Path | str):
        self.root = Path(root).resolve()
        self.config: dict[str, Any] = {}
        self.config_error: YamlLoadError | None = None
        config_path = self.root / "_config.yml"
        if config_path.is_file():
            try:
                text = read_text_file(config_path).removeprefix(BOM)
                value = load_yaml(text).value
            except (YamlLoadError, StorageError) as exc:
                self.config_error = YamlLoadError(
                    f"_config.yml: {exc.message}", exc.line, exc.column
                )
            else:
                if isinstance(value, dict):
                    self.config = value
                elif value is not None:
                    self.config_error = YamlLoadError("_config.yml must hold 'key: value' lines")

    @classmethod
    def find(cls, path: Path | str) -> BlogRepository | None:
        """The site containing ``path`` (a folder or any file in it), or ``None``."""
        root = cls.find_root(path)
        return None if root is None else cls(root)

    @staticmethod
    def find_root(path: Path | str) -> Path | None:
        """The root folder of the site containing ``path``, or ``None``.

        A path is looked up as it is given, not where links lead: a post in ``_posts`` that is
        (or sits in a folder that is) a link to somewhere else still belongs to its blog, and is
        refused there as outside it (``reading.ensure_inside``) rather than let through because
        the place it leads to belongs to no blog, or to another.
        """
        start = Path(os.path.abspath(path))
        if not start.is_dir():
            start = start.parent
        for folder in (start, *start.parents):
            if (folder / "_config.yml").is_file() or (folder / "_posts").is_dir():
                return folder
        return None

    # -- settings ------------------------------------------------------------------------------
    @property
    def timezone(self) -> str | None:
        """The ``timezone`` setting (an IANA name such as ``Asia/Tokyo``), if any."""
        value = self.config.get("timezone")
        return str(value) if value else None

    @property
    def zone(self) -> dt.tzinfo:
        """The zone dates are read in: the site's, else this machine's, as ``jekyll build``."""
        return fields.site_zone(self.timezone) or dt.datetime.now().astimezone().tzinfo

    @property
    def permalink(self) -> str:
        """The ``permalink`` setting (``date`` when unset)."""
        return str(self.config.get("permalink") or "date")

    @property
    def excerpt_separator(self) -> str:
        """Where Jekyll cuts a post's excerpt (a blank line unless set)."""
        return str(self.config.get("excerpt_separator", "\n\n"))

    @property
    def title(self) -> str:
        """The site's title."""
        return str(self.config.get("title") or "")

    @property
    def baseurl(self) -> str:
        """The ``baseurl`` setting ("" or like ``/blog``)."""
        return str(self.config.get("baseurl") or "")

    @property
    def url(self) -> str:
        """The ``url`` setting (scheme and host)."""
        return str(self.config.get("url") or "")

    def defaults_for(self, relative_path: str, kind: str = "posts") -> dict[str, Any]:
        """Front-matter ``defaults`` that apply to a file, merged as Jekyll merges them."""
        merged: dict[str, Any] = {}
        old_scope: dict | None = None
        for entry in self.config.get("defaults") or []:
            if not isinstance(entry, dict) or not isinstance(entry.get("values"), dict):
                continue
            scope = entry.get("scope") if isinstance(entry.get("scope"), dict) else {}
            if not _scope_applies(scope, relative_path, kind):
                continue
            if _has_precedence(old_scope, scope):
                merged = _deep_merge(merged, entry["values"])
                old_scope = scope
            else:
                merged = _deep_merge(entry["values"], merged)
        return merged

    # -- files ---------------------------------------------------------------------------------
    def posts(self) -> list[Path]:
        """Post files under every ``_posts`` folder, newest name first."""
        found = []
        for folder, dirs, files in os.walk(self.root):
            # Jekyll skips hidden folders and never looks inside its output or dependencies.
            dirs[:] = [d for d in dirs if not d.startswith(".") and d not in _SKIPPED]
            if "_posts" in Path(folder).relative_to(self.root).parts:
                found += [
                    Path(folder) / name
                    for name in files
                    if POST_NAME.match(name) and _is_post_file(Path(name))
                ]
        return sorted(found, key=lambda p: p.name, reverse=True)

    def remove_leftovers(self) -> int:
        """Delete temporary files that saves cut short left in the blog; returns how many.

        Called when a blog is opened (saving into a folder also cleans that folder); a save
        still running keeps its file (see storage.remove_leftover_temp_files).
        """
        removed = 0
        for folder, dirs, _files in os.walk(self.root):
            dirs[:] = [d for d in dirs if not d.startswith(".") and d not in _SKIPPED_OUTPUT]
            removed += remove_leftover_temp_files(folder)
        return removed

    def drafts(self) -> list[Path]:
        """Draft files in ``_drafts``, by name."""
        folder = self.root / "_drafts"
        if not folder.is_dir():
            return []
        return sorted(p for p in folder.rglob("*") if p.is_file() and _is_post_file(p))

    def post_path(self, date: dt.date, slug: str, ext: str = ".md") -> Path:
        """``_posts/YYYY-MM-DD-slug.md``; raises ``SlugError`` for an unsafe slug."""
        return self.root / "_posts" / f"{date:%Y-%m-%d}-{check_slug(slug)}{ext}"

    def draft_path(self, slug: str, ext: str = ".md") -> Path:
        """``_drafts/slug.md``; raises ``SlugError`` for an unsafe slug."""
        return self.root / "_drafts" / f"{check_slug(slug)}{ext}"

    def now(self) -> dt.datetime:
        """The current time in the site's zone, to the second."""
        return dt.datetime.now(self.zone).replace(microsecond=0)

    def plan_new_post(
        self,
        title: str,
        draft: bool = False,
        date: dt.datetime | None = None,
        slug: str | None = None,
    ) -> tuple[Path, str]:
        """Where a new post (or draft) would go and its starting text; nothing is written.

        ``layout``, ``categories`` and ``tags`` start from the ``_config.yml`` defaults; a
        slug in use gets ``-2``, ``-3``….
        """
        date = (date or self.now()).astimezone(self.zone) if date or not draft else None
        base = check_slug(slug) if slug else slugify(title)

        def path_for(candidate: str) -> Path:
            return self.draft_path(candidate) if draft else self.post_path(date, candidate)

        path = path_for(unique_slug(base, lambda s: _name_taken(path_for(s))))
        relative = path.relative_to(self.root).as_posix()
        defaults = self.defaults_for(relative, "posts")
        lines = [
            f"layout: {defaults.get('layout') or 'post'}",
            f"title: {double_quoted(title)}",
        ]
        if date is not None:
            lines.append(f"date: {fields.format_date(date)}")
        for key in fields.LIST_KEYS:
            items = fields.as_list(defaults.get(key))
            lines.append(f"{key}: [{', '.join(double_quoted(i) for i in items)}]")
        return path, "---\n" + "\n".join(lines) + "\n---\n\n"

    def new_post(  # raises StorageError (SaveError) when the file cannot be written
        self,
        title: str,
        draft: bool = False,
        date: dt.datetime | None = None,
        slug: str | None = None,
    ) -> Path:
        """Create a post (or draft) as :meth:`plan_new_post` plans it; returns its path."""
        path, text = self.plan_new_post(title, draft, date, slug)
        path.parent.mkdir(parents=True, exist_ok=True)
        # Whole or not at all, never over another file, never through a link out of the blog.
        create_new_file(path, text.encode("utf-8"), inside=self.root)
        return path

    def publish(self, draft: Path | str, date: dt.datetime | None = None) -> Path:
        """Move a draft into ``_posts`` with ``date`` (now by default) set in its front matter."""
        draft = Path(draft)
        date = (date or self.now()).astimezone(self.zone)
        document = PostDocument.load(draft, self.timezone)
        target = self.post_path(date, _slug_of(draft), draft.suffix or ".md")
        if target.exists():
            raise RepositoryError(f"{target.relative_to(self.root)} already exists")
        document.set_field("date", date)
        document.save(inside=self.root)
        return self.move(draft, target)

    def rename_target(self, path: Path | str, date: dt.date | None = None, slug: str | None = None):
        """Where a post goes when its file name must match ``date`` and ``slug`` (no move)."""
        path = Path(path)
        match = POST_NAME.match(path.name)
        if path.parent.name == "_drafts" or not match:
            return path.parent / self.draft_path(slug or _slug_of(path), path.suffix).name
        old_date = dt.date(*map(int, match.groups()[:3]))
        target = self.post_path(date or old_date, slug or match.group(4), path.suffix)
        return path.parent / target.name

    def rename_for(self, path: Path | str, date: dt.date | None = None, slug: str | None = None):
        """Move a post so its file name matches ``date`` and ``slug``; returns the new path."""
        path = Path(path)
        target = self.rename_target(path, date, slug)
        return path if target == path else self.move(path, target)

    @staticmethod
    def slug_of(path: Path | str) -> str:
        """The slug a post's file name gives it (``hello`` for ``2025-01-02-hello.md``)."""
        return _slug_of(Path(path))

    def move(self, source: Path, target: Path) -> Path:
        """Rename a file, with ``git mv`` when git tracks it; refuses to overwrite."""
        if target.exists():
            raise RepositoryError(f"{target.relative_to(self.root)} already exists")
        target.parent.mkdir(parents=True, exist_ok=True)
        if self._tracked(source):
            subprocess.run(
                ["git", "mv", "--", str(source), str(target)],
                cwd=self.root,
                check=True,
                capture_output=True,
            )
        else:
            os.rename(source, target)
        return target

    def _tracked(self, path: Path) -> bool:
        try:
            result = subprocess.run(
                ["git", "ls-files", "--error-unmatch", "--", str(path)],
                cwd=self.root,
                capture_output=True,
            )
        except OSError:
            return False  # no git on this machine: a plain rename
        return result.returncode == 0

    # -- URLs ----------------------------------------------------------------------------------
    def url_for(self, post: Path | str | PostDocument) -> str:
        """The URL Jekyll gives the post (path only, percent-encoded, without ``baseurl``)."""
        document = post if isinstance(post, PostDocument) else PostDocument.load(post)
        path = document.path
        if path is None:
            raise RepositoryError("The post has not been saved yet, so it has no file name")
        values = document.fields or {}
        match = POST_NAME.match(path.name)
        slug = str(values.get("slug") or (match.group(4) if match else path.stem))
        date = fields.parse_date(values.get("date"), self.zone)
        if date is None and match:
            date = dt.datetime(*map(int, match.groups()[:3]), tzinfo=self.zone)
        date = (date or self.now()).astimezone(self.zone)
        categories = _path_categories(self.root, path) + fields.as_list(values.get("categories"))
        if values.get("category") is not None:
            categories.append(str(values["category"]))
        ext = ".html" if path.suffix.lower() in POST_EXTENSIONS else path.suffix
        placeholders = permalink.placeholders(date, slug, categories, ext)
        relative = path.relative_to(self.root).as_posix() if path.is_absolute() else str(path)
        template = values.get("permalink") or self.defaults_for(relative).get("permalink")
        return permalink.generate(
            str(template or permalink.template_for(self.permalink)), placeholders
        )


def _slug_of(path: Path) -> str:
    match = POST_NAME.match(path.name)
    return match.group(4) if match else path.stem


def _name_taken(path: Path) -> bool:
    """A post's slug is taken when any file in its folder has the same name but extension.

    Names are compared in NFC: a file a Mac wrote as "café" (NFD) takes "café" too.
    """
    if path.exists() or any(path.parent.glob(f"{_glob_escape(path.stem)}.*")):
        return True
    try:
        names = os.listdir(path.parent)
    except OSError:
        return False
    stem = unicodedata.normalize("NFC", path.stem)
    return any(unicodedata.normalize("NFC", Path(name).stem) == stem for name in names)


def _glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


def skipped_by_jekyll(name: str) -> bool:
    """True for a file name Jekyll never reads nor publishes (its EntryFilter's own rule).

    Names starting with ".", "_", "#" or "~" are special to it, and names ending in "~" are
    backups (jekyll 4.3 lib/jekyll/entry_filter.rb; "include:" in _config.yml can override).
    """
    return name.startswith((".", "_", "#", "~")) or name.endswith("~")


def _is_post_file(path: Path) -> bool:
    return path.suffix.lower() in POST_EXTENSIONS and not skipped_by_jekyll(path.name)


def _path_categories(root: Path, path: Path) -> list[str]:
    """Folders above ``_posts`` become categories, as in ``a/b/_posts/x.md``."""
    try:
        parts = path.resolve().relative_to(root).parts
    except ValueError:
        return []
    return list(parts[: parts.index("_posts")]) if "_posts" in parts else []


def _scope_applies(scope: dict, relative_path: str, kind: str) -> bool:
    if "type" in scope and str(scope["type"]) != kind:
        return False
    scope_path = scope.get("path")
    if not isinstance(scope_path, str) or not scope_path:
        return True
    if "*" in scope_path:
        from fnmatch import fnmatch

        return fnmatch(relative_path, scope_path) or fnmatch(relative_path, scope_path + "/*")
    return (relative_path + "/").startswith(scope_path.strip("/") + "/")


def _has_precedence(old: dict | None, new: dict) -> bool:
    """Jekyll's FrontmatterDefaults#has_precedence?: longer path wins, then a typed scope."""
    if old is None:
        return True
    new_path, old_path = str(new.get("path") or ""), str(old.get("path") or "")
    if len(new_path) != len(old_path):
        return len(new_path) >= len(old_path)
    return "type" in new or "type" not in old


def _deep_merge(base: dict, extra: dict) -> dict:
    merged = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


__all__ = ["BlogRepository", "RepositoryError", "SlugError"]
