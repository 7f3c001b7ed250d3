"""The words of the render's warnings: code -> English template with ``{params}`` (the Japanese is
in ``resources/i18n/tsuzuri_core_ja.ts``, :mod:`editor.core.words`).

Liquid's own error text (``problem``, ``why``) is kept as Liquid words it, in English, so a
writer can search for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from editor.core.files.words import WORDS as FILE_WORDS
from editor.core.words import QT_TRANSLATE_NOOP, Marked, Phrase

if TYPE_CHECKING:
    from editor.core.files.reading import StorageError

WORDS: dict[str, Marked] = {
    "liquid-syntax": QT_TRANSLATE_NOOP("render", "Liquid syntax error (line {line}): {problem}"),
    "liquid-nesting": QT_TRANSLATE_NOOP("render", "Liquid error: Nesting too deep"),
    "liquid-unknown-tag": QT_TRANSLATE_NOOP(
        "render", "Liquid tag not understood (line {line}): {tag}"
    ),
    "liquid-unknown-filter": QT_TRANSLATE_NOOP(
        "render", "Liquid filter not known to the preview (line {line}): {name}"
    ),
    "liquid-error": QT_TRANSLATE_NOOP("render", "Liquid error (line {line}): {why} in {tag}"),
    "liquid-parse": QT_TRANSLATE_NOOP("render", "Liquid error: {why}"),
    "liquid-failed": QT_TRANSLATE_NOOP(
        "render", "Liquid could not be rendered, shown as written: {error}"
    ),
    "markdown-failed": QT_TRANSLATE_NOOP(
        "render", "Markdown could not be rendered, shown as text: {error}"
    ),
    "invalid-date": QT_TRANSLATE_NOOP(
        "render",
        "Invalid date '{date}': Jekyll does not build a post whose front matter date it "
        "cannot read",
    ),
    "markdown-too-deep": QT_TRANSLATE_NOOP(
        "render",
        'HTML elements with markdown="1" are nested more than {depth} deep: the preview shows '
        "the deeper ones as HTML, without Markdown",
    ),
    # -- a standalone export (core/render/export.py) -------------------------------------------
    "export-image-missing": QT_TRANSLATE_NOOP(
        "render", "Image not found, left out of the export: {src}"
    ),
    "export-image-outside": QT_TRANSLATE_NOOP(
        "render", "Image outside the blog folder, left out of the export: {src}"
    ),
    "export-image-kind": QT_TRANSLATE_NOOP(
        "render", "Not an image file, left out of the export: {src}"
    ),
    "export-image-unread": QT_TRANSLATE_NOOP(
        "render", "Image could not be read, left out of the export: {src} ({reason})"
    ),
    "export-stylesheet-file": QT_TRANSLATE_NOOP(
        "render", "A file the stylesheet names could not be put in the export: {src} ({path})"
    ),
    "export-stylesheet": QT_TRANSLATE_NOOP(
        "render",
        "Stylesheet could not be read, the export has no styles from it: {path} ({reason})",
    ),
}

# Why a file an export takes in (an image, a stylesheet) could not be read, where the files'
# own words speak of a post; any other refusal is said in the files' own words.
UNREAD: dict[str, Marked] = {
    "directory": QT_TRANSLATE_NOOP("render", "it is a folder, not a file"),
    "special": QT_TRANSLATE_NOOP("render", "it is a device, pipe or socket, not a file"),
    "too_large": QT_TRANSLATE_NOOP("render", "it is too large ({size}; the limit is {limit})"),
    "nul_bytes": QT_TRANSLATE_NOOP("render", "it holds NUL bytes, so it is not a text file"),
}


def unread_reason(error: StorageError) -> Phrase | str:
    """Why ``error`` kept a file out of an export, in words said in the warning's language (a
    :class:`Phrase` param), or the system's own words when the files have none for it."""
    marked = UNREAD.get(error.code) or FILE_WORDS.get(error.code)
    if marked is None:
        return error.message
    reason = Phrase(marked, **error.params)
    if error.line is None:
        return reason
    return Phrase(FILE_WORDS["at_place"], message=reason, line=error.line, column=error.column)
