"""Images copied into the blog: which bytes are an image, where the file goes, its safe unique
name, and the URL a post uses for it.

- What an image is, by its bytes (magic numbers), never by its extension: PNG, JPEG, GIF, WebP,
  AVIF and SVG (text whose first element is ``<svg``).  Anything else is refused with
  :class:`ImageError`.
- Where it goes: the blog's folder pattern (a per-blog setting, :data:`DEFAULT_FOLDER` unless
  the writer chose another) with ``{year}``, ``{month}``, ``{day}`` of the post's date in the
  site's zone and the post's ``{slug}``.  The folder must be one Jekyll publishes (no part
  starting with ``_`` or ``.``: :func:`~editor.core.blog.posts.skipped_by_jekyll`) and inside
  the blog (:func:`~editor.core.files.storage.ensure_inside`).
- Its name: lowercase ASCII from the source's name (:func:`~editor.core.blog.slug.slugify`),
  ``image`` for a bitmap from the clipboard, ``-2``, ``-3``… when taken; a file already there
  is never replaced and a failed copy leaves nothing (:func:`~editor.core.files.storage.
  create_new_file`).
- Its URL: site-root, with the blog's ``baseurl``, as the preview reads it back
  (:func:`~editor.core.render.images.site_path_url`).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import string
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from editor.core.blog.posts import skipped_by_jekyll
from editor.core.blog.progress import NO_PROGRESS, Progress
from editor.core.blog.slug import fallback_slug, slugify, unique_slug
from editor.core.files.limits import describe_size
from editor.core.files.storage import (
    StorageError,
    create_new_file,
    ensure_inside,
    read_regular_file,
)
from editor.core.render.images import site_path_url
from editor.core.words import QT_TRANSLATE_NOOP, Phrase, WordedError

DEFAULT_FOLDER = "assets/images/{year}/{month}"
"""Where images go unless the blog says otherwise: by the post's year and month, as many Jekyll
themes and WordPress imports lay them out, so no folder grows to thousands of files."""
PLACEHOLDERS = ("year", "month", "day", "slug")
CLIPBOARD_NAME = "image"
"""The name of a bitmap pasted from the clipboard, which has none of its own."""

# An image larger than this is not copied: no photo a blog shows comes near it, and the whole
# file is held in memory while it is copied.
MAX_IMAGE_BYTES = 100 * 1024 * 1024
# Large images: a phone photo is 4000 px wide and 3-8 MB, while a blog's text column is at most
# about 800 px (1600 px on a high-density screen).  Wider than LARGE_WIDTH, or heavier than
# LARGE_BYTES, costs readers on mobile data seconds per image for no visible gain, so the
# window offers to scale such an image down to SCALED_WIDTH (never up, aspect ratio kept).
LARGE_WIDTH = 2000
LARGE_BYTES = 2 * 1024 * 1024
SCALED_WIDTH = 1600

# kind -> the extensions a file of that kind may keep (the first is used otherwise).
EXTENSIONS: dict[str, tuple[str, ...]] = {
    "png": (".png",),
    "jpeg": (".jpg", ".jpeg", ".jpe"),
    "gif": (".gif",),
    "webp": (".webp",),
    "avif": (".avif",),
    "svg": (".svg",),
}
_SVG_START = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--.*?-->|<!DOCTYPE[^>]*>)\s*)*<svg[\s>/]",
    re.S | re.I,
)
_AVIF_BRANDS = (b"avif", b"avis")


class ImageError(WordedError):
    """An image that cannot be copied into the blog; ``code`` and ``params`` name the message,
    :meth:`message_in` words it in English or Japanese."""

    def __init__(self, phrase: Phrase, code: str):
        super().__init__(phrase)
        self.code, self.params = code, phrase.params


def image_kind(data: bytes) -> str | None:
    """``png``, ``jpeg``, ``gif``, ``webp``, ``avif`` or ``svg`` by the bytes; None otherwise."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data[4:8] == b"ftyp" and _avif_brand(data):
        return "avif"
    if _SVG_START.match(data[:4096]):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return None
        return "svg"
    return None


def _avif_brand(data: bytes) -> bool:
    size = int.from_bytes(data[:4], "big")
    box = data[8 : min(max(size, 16), 256)]
    brands = [box[i : i + 4] for i in range(0, len(box) - 3, 4)]  # major, version, compatibles
    return any(brand in _AVIF_BRANDS for brand in brands)


def check_image(data: bytes, name: str) -> str:
    """The kind of image ``data`` is; raises :class:`ImageError` when it is none we copy."""
    kind = image_kind(data)
    if kind is None:
        message = QT_TRANSLATE_NOOP(
            "images",
            "“{name}” is not an image (PNG, JPEG, GIF, WebP, AVIF or SVG); nothing was copied",
        )
        raise ImageError(Phrase(message, name=name), "not_image")
    return kind


def image_folder(pattern: str, date: dt.datetime | dt.date, slug: str) -> str:
    """The folder (relative to the blog, ``/``-separated) that ``pattern`` names for a post of
    ``date`` (already in the site's zone) and ``slug``; raises :class:`ImageError` when the
    pattern names a place outside the blog, one Jekyll does not publish, or an unknown
    placeholder."""
    values = {
        "year": f"{date.year:04d}",
        "month": f"{date.month:02d}",
        "day": f"{date.day:02d}",
        "slug": slug,
    }
    try:
        names = {field for _, field, _, _ in string.Formatter().parse(pattern) if field}
        unknown = sorted(names - set(PLACEHOLDERS))
        if unknown:
            raise KeyError(unknown[0])
        folder = pattern.format(**values)
    except (KeyError, ValueError, IndexError) as exc:
        message = QT_TRANSLATE_NOOP(
            "images",
            "The images folder “{pattern}” has an unknown placeholder ({name}); use {{year}}, "
            "{{month}}, {{day}} or {{slug}}",
        )
        name = exc.args[0] if isinstance(exc, KeyError) else "{ }"
        raise ImageError(Phrase(message, pattern=pattern, name=name), "placeholder") from None
    parts = [part for part in folder.replace("\\", "/").split("/") if part not in ("", ".")]
    if folder.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", folder) or ".." in parts:
        message = QT_TRANSLATE_NOOP(
            "images",
            "The images folder “{folder}” must be a folder inside the blog, like "
            "assets/images/{{year}}/{{month}}",
        )
        raise ImageError(Phrase(message, folder=folder), "outside")
    hidden = next((part for part in parts if skipped_by_jekyll(part)), None)
    if hidden is not None:
        message = QT_TRANSLATE_NOOP(
            "images",
            "Jekyll does not publish “{part}” (a name starting with _ or . or ending in ~), "
            "so images in “{folder}” would be missing on the site",
        )
        raise ImageError(Phrase(message, part=hidden, folder=folder), "unpublished")
    return "/".join(parts)


def file_name(source_name: str | None, kind: str) -> str:
    """A safe ASCII file name for an image named ``source_name`` (None: from the clipboard):
    its stem as a slug and an extension that says what the bytes are."""
    if not source_name:
        stem, suffix = CLIPBOARD_NAME, ""
    else:
        path = PurePosixPath(source_name.replace("\\", "/"))
        stem, suffix = path.stem, path.suffix.lower()
    slug = slugify(stem) if stem else CLIPBOARD_NAME
    if slug == fallback_slug(stem):  # nothing readable in the name ("post-…" would mislead)
        slug = CLIPBOARD_NAME
    extension = suffix if suffix in EXTENSIONS[kind] else EXTENSIONS[kind][0]
    return slug + extension


def alt_text(source_name: str | None) -> str:
    """The alt text first offered for an image: its name without the extension (``image`` for
    one from the clipboard), with what would end the Markdown's brackets taken out."""
    stem = PurePosixPath((source_name or "").replace("\\", "/")).stem if source_name else ""
    stem = re.sub(r"[\[\]\\\x00-\x1f\x7f]+", " ", stem).strip()
    return " ".join(stem.split()) or CLIPBOARD_NAME


def scaled_size(width: int, height: int, size: int = 0) -> tuple[int, int] | None:
    """The size to offer to scale an image of ``width`` x ``height`` pixels (and ``size``
    bytes, 0 when unknown) down to, keeping its aspect ratio; None when it is not large."""
    if width <= SCALED_WIDTH or not (width > LARGE_WIDTH or size > LARGE_BYTES):
        return None
    return SCALED_WIDTH, max(1, round(height * SCALED_WIDTH / width))


@dataclass(frozen=True)
class StoredImage:
    """An image copied into the blog: its file, the URL a post uses, the alt text offered."""

    path: Path
    url: str
    alt: str

    def markdown(self) -> str:
        return f"![{self.alt}]({self.url})"


def read_image(path: str | os.PathLike) -> bytes:
    """The bytes of an image file to copy; raises :class:`ImageError` or ``StorageError``."""
    try:
        size = os.stat(path).st_size
    except OSError:
        size = 0  # worded by the reader below (missing, a dangling link, no permission)
    if size > MAX_IMAGE_BYTES:
        message = QT_TRANSLATE_NOOP(
            "images", "“{name}” is too large to copy into the blog ({size}; the limit is {limit})"
        )
        params = {"name": Path(path).name, "size": describe_size(size)}
        raise ImageError(Phrase(message, **params, limit=describe_size(MAX_IMAGE_BYTES)), "large")
    try:
        data, _mtime = read_regular_file(path, MAX_IMAGE_BYTES)
    except StorageError as exc:
        if exc.kind in ("directory", "special"):  # the reader's words speak of posts
            check_image(b"", Path(path).name)
        raise
    return data


def store_image(
    root: str | os.PathLike,
    site: dict,
    folder: str,
    data: bytes,
    source_name: str | None,
    progress: Progress = NO_PROGRESS,
) -> StoredImage:
    """Copy ``data`` (an image named ``source_name``, None from the clipboard) into ``folder``
    of the blog at ``root`` under a name no file has yet; returns where it went.

    Refuses what is not an image (:class:`ImageError`) and a folder whose real place is outside
    the blog (``StorageError``); never replaces a file; a failed write leaves no file.
    """
    kind = check_image(data, source_name or CLIPBOARD_NAME)
    root = Path(root)
    target = ensure_inside(root, folder or ".")  # before any folder is made
    progress.check()
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        message = QT_TRANSLATE_NOOP("images", "Could not make the folder “{folder}”: {reason}")
        params = {"folder": folder, "reason": exc.strerror or str(exc)}
        raise ImageError(Phrase(message, **params), "folder") from None
    ensure_inside(root, target)  # a folder made meanwhile as a link to elsewhere
    name = file_name(source_name, kind)
    stem, extension = os.path.splitext(name)
    for _ in range(100):
        taken = _names(target)
        unique = unique_slug(stem, lambda s, names=taken: (s + extension).lower() in names)
        path = target / (unique + extension)
        progress.check()  # last chance to stop: nothing is written yet
        try:
            create_new_file(path, data, inside=root)
        except StorageError as exc:
            if exc.kind == "exists":  # taken between the look and the write: the next name
                continue
            raise
        relative = path.relative_to(root.resolve()).as_posix()
        return StoredImage(path, site_path_url(relative, site), alt_text(source_name))
    message = QT_TRANSLATE_NOOP("images", "No free file name for the image in “{folder}”")
    raise ImageError(Phrase(message, folder=folder), "no_name")


def image_in_blog(
    root: str | os.PathLike, site: dict, path: str | os.PathLike
) -> StoredImage | None:
    """The image at ``path`` as a post links it, when it already is a published file of the blog
    at ``root`` (dropped from the blog's own folders: linked, not copied again); else None."""
    root = Path(root).resolve()
    try:
        relative = Path(os.path.realpath(path)).relative_to(root)
    except ValueError:
        return None
    if any(skipped_by_jekyll(part) for part in relative.parts):
        return None  # not published (a draft's folder, _site…): copied like any other file
    return StoredImage(
        Path(path), site_path_url(relative.as_posix(), site), alt_text(Path(path).name)
    )


def _names(folder: Path) -> set[str]:
    """The names in ``folder``, lower-cased: a case-insensitive disk (macOS, Windows) takes
    Photo.png and photo.png for one file, and a dangling link still holds its name."""
    try:
        return {name.lower() for name in os.listdir(folder)}
    except OSError:
        return set()
