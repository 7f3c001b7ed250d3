"""A Jekyll site on disk: ``_config.yml``, posts and drafts, new posts, publishing, URLs.

Follows Jekyll 4's rules: ``_posts/YYYY-MM-DD-slug.md`` (also under ``category/_posts/``),
``_drafts/slug.md``, front-matter ``defaults`` by scope, dates read in the site's ``timezone``,
and permalinks (styles and patterns) as :mod:`editor.core.blog.permalink` builds them.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

from editor.core.blog import dates, permalink, posts, skeleton
from editor.core.blog.posts import POST_NAME, SKIPPED_FOLDERS, skipped_by_jekyll  # noqa: F401
from editor.core.blog.slug import SlugError, check_slug, slugify, unique_slug
from editor.core.files.storage import (
    StorageError,
    create_new_file,
    read_text_file,
    remove_leftover_temp_files,
)
from editor.core.post.document import PostDocument
from editor.core.post.split import BOM
from editor.core.post.yamlload import YamlLoadError, load_yaml
from editor.core.words import QT_TRANSLATE_NOOP, Phrase, WordedError

_SKIPPED_OUTPUT = SKIPPED_FOLDERS  # folders Tsuzuri never saves into


class RepositoryError(WordedError):
    """Something about the blog folder that stops an operation; the message says what."""


def _exists(name: Path) -> RepositoryError:
    message = QT_TRANSLATE_NOOP("blog", "{name} already exists")
    return RepositoryError(Phrase(message, name=str(name)))


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
                error = exc.said if isinstance(exc, YamlLoadError) else exc.message
                self.config_error = YamlLoadError(
                    Phrase(QT_TRANSLATE_NOOP("yaml", "_config.yml: {error}"), error=error),
                    exc.line,
                    exc.column,
                )
            else:
                if isinstance(value, dict):
                    self.config = value
                elif value is not None:
                    message = QT_TRANSLATE_NOOP("yaml", "_config.yml must hold 'key: value' lines")
                    self.config_error = YamlLoadError(Phrase(message))

    @classmethod
    def find(cls, path: Path | str) -> BlogRepository | None:
        """The site containing ``path`` (a folder or any file in it), or ``None``."""
        root = cls.find_root(path)
        return None if root is None else cls(root)

    @staticmethod
    def find_root(path: Path | str) -> Path | None:
        """The root folder of the site containing ``path``, or ``None`` (see posts.find_root)."""
        return posts.find_root(path)

    # -- settings ------------------------------------------------------------------------------
    @property
    def timezone(self) -> str | None:
        """The ``timezone`` setting (an IANA name such as ``Asia/Tokyo``), if any."""
        value = self.config.get("timezone")
        return str(value) if value else None

    @property
    def zone(self) -> dt.tzinfo:
        """The zone dates are read in: the site's, else this machine's, as ``jekyll build``."""
        return dates.zone_or_local(self.timezone)

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
        return defaults_for(self.config, relative_path, kind)

    # -- files ---------------------------------------------------------------------------------
    def posts(self) -> list[Path]:
        """Post files under every ``_posts`` folder, newest name first (see posts.post_files)."""
        return posts.post_files(self.root)

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
        """Draft files in ``_drafts`` folders, by name."""
        return posts.draft_files(self.root)

    def post_path(self, date: dt.date, slug: str, ext: str = ".md") -> Path:
        """``_posts/YYYY-MM-DD-slug.md``; raises ``SlugError`` for an unsafe slug."""
        return self.root / "_posts" / f"{date:%Y-%m-%d}-{check_slug(slug)}{ext}"

    def draft_path(self, slug: str, ext: str = ".md") -> Path:
        """``_drafts/slug.md``; raises ``SlugError`` for an unsafe slug."""
        return self.root / "_drafts" / f"{check_slug(slug)}{ext}"

    def now(self) -> dt.datetime:
        """The current time in the site's zone, to the second."""
        return dates.now_in(self.zone)

    def plan_new_post(
        self,
        title: str,
        draft: bool = False,
        date: dt.datetime | None = None,
        slug: str | None = None,
    ) -> tuple[Path, str]:
        """Where a new post (or draft) would go and its starting text; nothing is written.

        The text is the blog's skeleton (blog/skeleton.py): ``_config.yml`` defaults and the
        habits of its newest posts; a slug in use gets ``-2``, ``-3``….
        """
        date = (date or self.now()).astimezone(self.zone) if date or not draft else None
        path = self.new_post_path(title, draft, date, slug)
        defaults = self.defaults_for(path.relative_to(self.root).as_posix(), "posts")
        return path, skeleton.front_matter_text(title, date, defaults, self.habits())

    def new_post_path(self, title: str, draft: bool, date: dt.datetime | None, slug: str | None):
        """The file a new post (or draft) would be created as (reads no post); ``date`` is
        now when ``None`` (a draft has none)."""
        date = (date or self.now()).astimezone(self.zone) if date or not draft else None
        base = check_slug(slug) if slug else slugify(title)

        def path_for(candidate: str) -> Path:
            return self.draft_path(candidate) if draft else self.post_path(date, candidate)

        return path_for(unique_slug(base, lambda s: _name_taken(path_for(s))))

    def habits(self) -> skeleton.Habits:
        """How the blog's newest posts write their front matter (see blog/skeleton.py)."""
        texts = []
        for path in self.posts()[: skeleton.SAMPLE]:
            try:
                texts.append(read_text_file(path))
            except StorageError:
                continue
        return skeleton.learn(texts)

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
            raise _exists(target.relative_to(self.root))
        document.set_field("date", date)
        document.save(inside=self.root)
        return self.move(draft, target)

    def rename_target(self, path: Path | str, date: dt.date | None = None, slug: str | None = None):
        """Where a post goes when its file name must match ``date`` and ``slug`` (no move)."""
        path = Path(path)
        old_date = posts.file_date(path)
        if posts.is_draft(path) or old_date is None:
            return path.parent / self.draft_path(slug or _slug_of(path), path.suffix).name
        target = self.post_path(date or old_date, slug or _slug_of(path), path.suffix)
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
            raise _exists(target.relative_to(self.root))
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
        if document.path is None:
            message = QT_TRANSLATE_NOOP(
                "blog", "The post has not been saved yet, so it has no file name"
            )
            raise RepositoryError(Phrase(message))
        return post_url(self.root, self.config, document.path, document.fields or {})


def defaults_for(config: dict, relative_path: str, kind: str = "posts") -> dict[str, Any]:
    """Front-matter ``defaults`` of ``config`` that apply to a file, merged as Jekyll does."""
    merged: dict[str, Any] = {}
    old_scope: dict | None = None
    for entry in config.get("defaults") or []:
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


def post_url(root: Path, config: dict, path: Path, values: dict) -> str:
    """The URL Jekyll gives the post at ``path`` with front matter ``values`` (path only,
    percent-encoded, without ``baseurl``), for a site at ``root`` with ``config``."""
    root = Path(root)
    zone = dates.zone_or_local(str(config.get("timezone") or "") or None)
    slug = str(values.get("slug") or _slug_of(path))
    date = posts.post_date(values.get("date"), path, zone) or dates.now_in(zone)
    categories = posts.post_categories(root, path, values)
    ext = ".html" if path.suffix.lower() in posts.POST_EXTENSIONS else path.suffix
    placeholders = permalink.placeholders(date, slug, categories, ext)
    try:
        relative = path.relative_to(root).as_posix() if path.is_absolute() else str(path)
    except ValueError:
        relative = path.name
    template = values.get("permalink") or defaults_for(config, relative).get("permalink")
    style = str(config.get("permalink") or "date")
    return permalink.generate(str(template or permalink.template_for(style)), placeholders)


def _slug_of(path: Path) -> str:
    return posts.slug_of(path)


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
