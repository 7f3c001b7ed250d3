"""The categories and tags a blog uses: counts, completion, near variants, rename plans.

A post's categories and tags are :func:`~editor.core.blog.posts.post_categories` and
:func:`~editor.core.blog.posts.post_tags` of its front matter read by
:func:`~editor.core.blog.posts.read_metadata`; nothing here decides them again.

Values are compared folded: NFKC (ＡＩ = AI, half-width ｶﾌﾞ = カブ), case folded, katakana as
hiragana (カブ = かぶ); a near variant also ignores spaces (half-width, full-width or none).
Kanji variants (異体字, 髙/高) are not folded: no table of them is kept here.

A rename or merge is a plan: each post that would change and its new text, made with
:meth:`~editor.core.post.document.PostDocument.set_field` (only the list's lines change).
Nothing is written; the window shows the plan and applies it.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from editor.core.blog.posts import (
    draft_files,
    path_categories,
    post_categories,
    post_files,
    post_tags,
    read_metadata,
)
from editor.core.blog.progress import NO_PROGRESS, Cancelled, Progress
from editor.core.files.storage import (
    ConflictError,
    Fingerprint,
    StorageError,
    atomic_write,
    read_text_file,
)
from editor.core.post.document import PostDocument
from editor.core.post.frontmatter import FrontMatterError
from editor.core.words import QT_TRANSLATE_NOOP, Phrase, WordedError

KINDS = ("categories", "tags")
# Katakana ァ..ヶ to hiragana ぁ..ゖ (the same order, 0x60 apart).
_KANA = {code: code - 0x60 for code in range(0x30A1, 0x30F7)}

MESSAGES = {
    "near-variant-tags": QT_TRANSLATE_NOOP(
        "taxonomy", "The tag “{value}” looks like the blog's existing “{existing}”"
    ),
    "near-variant-categories": QT_TRANSLATE_NOOP(
        "taxonomy", "The category “{value}” looks like the blog's existing “{existing}”"
    ),
    "broken-front-matter": QT_TRANSLATE_NOOP(
        "taxonomy", "Skipped: the front matter cannot be read ({error})"
    ),
    "folder-category": QT_TRANSLATE_NOOP(
        "taxonomy", "Skipped: the category “{value}” is the folder above _posts; move the file"
    ),
    "space-in-words": QT_TRANSLATE_NOOP(
        "taxonomy",
        "Skipped: “{key}” is written as words separated by spaces, so “{value}” would become "
        "several values; write it as a list first",
    ),
    "unreadable": QT_TRANSLATE_NOOP("taxonomy", "Skipped: the file cannot be read ({error})"),
    "not-a-list": QT_TRANSLATE_NOOP(
        "taxonomy", "Skipped: “{key}” holds something other than a list of words"
    ),
    "unsafe-edit": QT_TRANSLATE_NOOP(
        "taxonomy", "Skipped: renaming here would change other values of “{key}”; edit it by hand"
    ),
    "changed-since": QT_TRANSLATE_NOOP(
        "taxonomy", "Skipped: the file was changed since the list was made; nothing was written"
    ),
    "open-unsaved": QT_TRANSLATE_NOOP(
        "taxonomy", "Skipped: the post is open with unsaved changes; save it and rename again"
    ),
    "not-written": QT_TRANSLATE_NOOP(
        "taxonomy", "Skipped: the file could not be written ({error})"
    ),
    "empty-value": QT_TRANSLATE_NOOP("taxonomy", "The new name is empty"),
    "same-value": QT_TRANSLATE_NOOP("taxonomy", "The new name is the same as the old one"),
    "bad-kind": QT_TRANSLATE_NOOP("taxonomy", "Only categories and tags can be renamed"),
}


@functools.lru_cache(maxsize=1 << 16)  # the counts are made again after each save: fold once
def fold(text: str) -> str:
    """``text`` as completion compares it: NFKC, case folded, katakana as hiragana."""
    return unicodedata.normalize("NFKC", text).casefold().translate(_KANA)


# A long vowel mark at the end of a word is the one JIS Z 8301 lets writers drop (センター,
# センタ): the same word either way.  Inside a word it tells words apart (ビール, ビル).
_FINAL_LONG_VOWEL = re.compile("ー(?![\u3041-\u3096ー])")


def variant_key(text: str) -> str:
    """What two near variants share: :func:`fold` without any whitespace, and without a long
    vowel mark that ends a word."""
    return _FINAL_LONG_VOWEL.sub("", "".join(fold(text).split()))


@dataclass(frozen=True)
class NearVariant:
    """A new value that differs from ``existing`` ones only in case, width, spaces or kana."""

    kind: str  # "categories" or "tags"
    value: str
    existing: tuple[str, ...]

    @property
    def code(self) -> str:
        return f"near-variant-{self.kind}"

    @property
    def params(self) -> dict[str, Any]:
        return {"value": self.value, "existing": " / ".join(self.existing)}

    @property
    def wording(self) -> Phrase:
        return Phrase(MESSAGES[self.code], **self.params)

    def message(self, lang: str = "en") -> str:
        return self.wording.say(lang)


class Terms:
    """One kind's values with their counts: listed, completed by prefix, checked for variants."""

    def __init__(self, kind: str, counts: Counter):
        self.kind = kind
        # Most used first, then by name: the order of the list and of completion.
        self.ranked: list[tuple[str, int]] = sorted(counts.items(), key=lambda vc: (-vc[1], vc[0]))
        self._counts = dict(self.ranked)
        keyed = sorted((fold(value), rank) for rank, (value, _) in enumerate(self.ranked))
        self._folded = [key for key, _ in keyed]
        self._ranks = [rank for _, rank in keyed]
        self._variants: dict[str, list[str]] = {}
        for value, _ in self.ranked:
            self._variants.setdefault(variant_key(value), []).append(value)

    def __len__(self) -> int:
        return len(self.ranked)

    def count(self, value: str) -> int:
        return self._counts.get(value, 0)

    def complete(self, prefix: str, limit: int = 20) -> list[tuple[str, int]]:
        """Values starting with ``prefix`` (folded), most used first: a bisection of the folded
        names, then the ranks of the matches sorted."""
        key = fold(prefix)
        start = bisect.bisect_left(self._folded, key)
        ranks = []
        for index in range(start, len(self._folded)):
            if not self._folded[index].startswith(key):
                break
            ranks.append(self._ranks[index])
        return [self.ranked[rank] for rank in sorted(ranks)[:limit]]

    def near_variant(self, value: str) -> NearVariant | None:
        """The existing values ``value`` resembles, unless it is one of them exactly."""
        similar = self._variants.get(variant_key(value), [])
        if not value.strip() or value in similar or not similar:
            return None
        return NearVariant(self.kind, value, tuple(similar))


PostTerms = tuple[tuple[str, ...], tuple[str, ...]]
"""One post's categories and tags, each once, as :func:`post_terms` reads them."""


@dataclass(frozen=True)
class Taxonomy:
    categories: Terms
    tags: Terms

    def of(self, kind: str) -> Terms:
        return self.categories if kind == "categories" else self.tags

    @classmethod
    def from_posts(cls, posts: Iterable[PostTerms]) -> Taxonomy:
        """Counts of the (categories, tags) of posts already read (by a scan, or by the post
        browser's catalogue): each post counts once for each of its values."""
        categories: Counter = Counter()
        tags: Counter = Counter()
        for post_categories_, post_tags_ in posts:
            categories.update(post_categories_)
            tags.update(post_tags_)
        return cls(Terms("categories", categories), Terms("tags", tags))


def post_terms(root: Path | str, path: Path, front: dict[str, Any]) -> PostTerms:
    """The categories and tags of the post at ``path`` with front matter ``front``, each once."""
    categories = dict.fromkeys(str(value) for value in post_categories(root, path, front))
    tags = dict.fromkeys(str(tag) for tag in post_tags(front))
    return tuple(categories), tuple(tags)


def blog_files(root: Path | str, drafts: bool = True) -> list[Path]:
    """The posts, and the drafts when asked, in the blog at ``root``."""
    return post_files(root) + (draft_files(root) if drafts else [])


def scan_posts(
    root: Path | str, drafts: bool = True, progress: Progress = NO_PROGRESS
) -> dict[Path, PostTerms]:
    """Each post's (and draft's, when ``drafts``) categories and tags, by path."""
    root = Path(root)
    files = blog_files(root, drafts)
    found: dict[Path, PostTerms] = {}
    for done, path in enumerate(files):
        if done % 100 == 0:
            progress.step(done, len(files))
        found[path] = post_terms(root, path, read_metadata(path))
    return found


def scan(root: Path | str, drafts: bool = True, progress: Progress = NO_PROGRESS) -> Taxonomy:
    """Count every category and tag of the blog's posts (and drafts when ``drafts``)."""
    return Taxonomy.from_posts(scan_posts(root, drafts, progress).values())


# -- rename and merge plans --------------------------------------------------------------------


@dataclass(frozen=True)
class Skipped:
    """A post the plan leaves alone, and why (code + params, worded in :data:`MESSAGES`)."""

    path: Path
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def wording(self) -> Phrase:
        return Phrase(MESSAGES[self.code], **self.params)

    def message(self, lang: str = "en") -> str:
        # A failed write's own words (a StorageError's) are said in the same language.
        params = {
            key: value.message_in(lang) if hasattr(value, "message_in") else value
            for key, value in self.params.items()
        }
        return Phrase(MESSAGES[self.code], **params).say(lang)


@dataclass(frozen=True)
class Change:
    path: Path
    old_text: str
    new_text: str


@dataclass(frozen=True)
class RenamePlan:
    kind: str
    old: str
    new: str
    changes: list[Change]
    skipped: list[Skipped]


class _Refused(Exception):
    def __init__(self, code: str, **params: Any):
        super().__init__(code)
        self.code, self.params = code, params


def _replaced(key: str, value: Any, old: str, new: str, splits: bool) -> Any:
    """``value`` of ``key`` with ``old`` renamed to ``new`` (once: a merge keeps the first), in
    the form it had; ``None`` when ``old`` is not in it."""
    if isinstance(value, str):
        items = value.split() if splits else [value]
    elif isinstance(value, list) and all(isinstance(item, str | int | float) for item in value):
        items = [str(item) for item in value]
    elif value is None:
        return None
    else:
        raise _Refused("not-a-list", key=key)
    if old not in items:
        return None
    renamed = list(dict.fromkeys(new if item == old else item for item in items))
    if isinstance(value, str):
        if not splits:
            return new
        if any(ch.isspace() for ch in new):
            raise _Refused("space-in-words", key=key, value=new)
        return " ".join(renamed)
    return renamed


# The keys a value can be written under, and whether a string there is split on spaces
# (``post_categories`` and ``post_tags``: ``categories`` and ``tags`` are, the singulars not).
_CATEGORY_KEYS = (("categories", True), ("category", False))


def _plan_one(root: Path, path: Path, kind: str, old: str, new: str) -> Change | None:
    try:
        text = read_text_file(path)
    except (OSError, StorageError) as exc:
        raise _Refused("unreadable", error=str(exc)) from None
    if old not in text and "\\" not in text and old not in path_categories(root, path):
        return None  # cheap: the value is written nowhere, not even escaped ("\u534a")
    document = PostDocument.from_text(text, path)
    error = document.front_matter_error
    if error is not None:
        if old in text:
            raise _Refused("broken-front-matter", error=error.said)
        return None
    front = document.fields or {}
    present = post_categories(root, path, front) if kind == "categories" else post_tags(front)
    if old not in [str(item) for item in present]:
        return None
    if kind == "tags":
        keys = (("tag", False),) if front.get("tag") is not None else (("tags", True),)
    else:
        keys = _CATEGORY_KEYS
    changed = False
    for key, splits in keys:
        value = _replaced(key, front.get(key), old, new, splits)
        if value is not None:
            document.set_field(key, value)
            changed = True
    if not changed:
        if kind == "categories" and old in path_categories(root, path):
            raise _Refused("folder-category", value=old)
        return None
    front = document.fields or {}
    after = post_categories(root, path, front) if kind == "categories" else post_tags(front)
    if {str(item) for item in after} != {str(item) for item in present} - {old} | {new}:
        raise _Refused("unsafe-edit", key=kind)
    return Change(path, text, document.text)


def plan_rename(
    root: Path | str,
    kind: str,
    old: str,
    new: str,
    drafts: bool = True,
    progress: Progress = NO_PROGRESS,
) -> RenamePlan:
    """What renaming the category or tag ``old`` to ``new`` across the blog would change.

    A post that already has ``new`` keeps it once (a merge).  Posts whose front matter cannot
    be read, or whose value cannot be renamed without changing what Jekyll reads, are listed in
    ``skipped`` with the reason; every other post is left byte for byte as it is.
    """
    if kind not in KINDS:
        raise WordedError(Phrase(MESSAGES["bad-kind"]))
    new = new.strip()
    if not new:
        raise WordedError(Phrase(MESSAGES["empty-value"]))
    if new == old:
        raise WordedError(Phrase(MESSAGES["same-value"]))
    root = Path(root)
    changes: list[Change] = []
    skipped: list[Skipped] = []
    files = blog_files(root, drafts)
    for done, path in enumerate(files):
        if done % 100 == 0:
            progress.step(done, len(files))
        try:
            change = _plan_one(root, path, kind, old, new)
        except _Refused as refused:
            skipped.append(Skipped(path, refused.code, refused.params))
            continue
        except FrontMatterError as exc:
            skipped.append(Skipped(path, "broken-front-matter", {"error": exc.said}))
            continue
        if change is not None:
            changes.append(change)
    return RenamePlan(kind, old, new, changes, skipped)


# -- applying a plan, and undoing it -----------------------------------------------------------


@dataclass(frozen=True)
class Applied:
    """What applying a plan (or undoing one) did: the files written, the ones left alone."""

    plan: RenamePlan
    written: list[Change]
    skipped: list[Skipped]


def _write_changes(
    root: Path, plan: RenamePlan, changes: list[Change], undo: bool, progress: Progress, leave
) -> Applied:
    """Write each change (``undo``: back), skipping the files in ``leave`` and those changed
    since; a cancel puts back the files already written and raises :class:`Cancelled`."""
    leave = set(leave)
    written: list[Change] = []
    skipped = [Skipped(change.path, "open-unsaved") for change in changes if change.path in leave]
    todo = [change for change in changes if change.path not in leave]
    try:
        for done, change in enumerate(todo):
            progress.step(done, len(todo))  # a cancel stops between files, never inside one
            reason = _write(root, change, undo)
            if reason is None:
                written.append(change)
            else:
                skipped.append(reason)
        progress.step(len(todo), len(todo))
    except Cancelled:
        for change in reversed(written):
            _write(root, change, not undo)  # nothing left half done
        raise
    return Applied(plan, written, skipped)


def _write(root: Path, change: Change, undo: bool) -> Skipped | None:
    """Write one change atomically if the file still holds the text it replaces; else why not."""
    before, after = change.old_text, change.new_text
    if undo:
        before, after = after, before
    expected = Fingerprint.of(before.encode("utf-8"), 0)  # the content decides, not the clock
    try:
        atomic_write(change.path, after.encode("utf-8"), expected, inside=root)
    except ConflictError:
        return Skipped(change.path, "changed-since")
    except StorageError as exc:
        return Skipped(change.path, "not-written", {"error": exc})
    return None


def apply_rename(
    root: Path | str,
    plan: RenamePlan,
    progress: Progress = NO_PROGRESS,
    leave: Iterable[Path] = (),
) -> Applied:
    """Write the plan's changes, each file atomically and only if it still holds the text the
    plan was made from (a file changed since is skipped, never overwritten).  Files in
    ``leave`` (open with unsaved changes) are skipped too.  A cancel puts back what was
    written and raises :class:`Cancelled`."""
    return _write_changes(Path(root), plan, plan.changes, False, progress, leave)


def undo_rename(
    root: Path | str,
    applied: Applied,
    progress: Progress = NO_PROGRESS,
    leave: Iterable[Path] = (),
) -> Applied:
    """Put back the previous text of each file :func:`apply_rename` wrote, where the file still
    holds the renamed text (one changed since is skipped and reported, never overwritten)."""
    return _write_changes(Path(root), applied.plan, applied.written, True, progress, leave)


def changed_line(change: Change) -> tuple[str, str]:
    """The one line a change replaces and its replacement (the first differing lines; a list
    written as a block shows its first changed item)."""
    old_lines = change.old_text.splitlines()
    new_lines = change.new_text.splitlines()
    for old, new in zip(old_lines, new_lines, strict=False):
        if old != new:
            return old, new
    shorter = min(len(old_lines), len(new_lines))
    return (
        "\n".join(old_lines[shorter:]) or "",
        "\n".join(new_lines[shorter:]) or "",
    )
