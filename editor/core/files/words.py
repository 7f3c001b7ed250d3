"""What Tsuzuri says when a file is refused or a write fails: codes, params and English words.

:class:`~editor.core.files.reading.StorageError`,
:class:`~editor.core.post.split.PostReadError` and the size limits take their words from this one
table, so the window, the command line and the doctor's ``--lang ja`` say the same thing.  The
Japanese is in ``resources/i18n/tsuzuri_core_ja.ts`` (:mod:`editor.core.words`).
"""

from __future__ import annotations

from editor.core.words import QT_TRANSLATE_NOOP, Marked, say

WORDS: dict[str, Marked] = {
    # -- comparing two versions (the conflict and recovery dialogs) ----------------------------
    "diff_on_disk": QT_TRANSLATE_NOOP("files", "on disk"),
    "diff_in_editor": QT_TRANSLATE_NOOP("files", "in the editor"),
    "diff_gone": QT_TRANSLATE_NOOP(
        "files", "The file no longer exists on disk; all of your text would be saved anew."
    ),
    "diff_line_endings": QT_TRANSLATE_NOOP(
        "files", "The two versions differ only in their line endings (Windows or Unix)."
    ),
    # -- reading -------------------------------------------------------------------------------
    "missing": QT_TRANSLATE_NOOP("files", "The file does not exist"),
    "missing_link": QT_TRANSLATE_NOOP("files", "The file is a link to a file that does not exist"),
    "directory": QT_TRANSLATE_NOOP("files", "This is a folder, not a post"),
    "special": QT_TRANSLATE_NOOP(
        "files", "This is a special file (a device, pipe or socket), not a text file"
    ),
    "too_large": QT_TRANSLATE_NOOP(
        "files",
        "The file is too large to open ({size}; the limit is {limit}). It is probably not a post.",
    ),
    "utf16": QT_TRANSLATE_NOOP(
        "files",
        "The file is saved as UTF-16; Jekyll and Tsuzuri need UTF-8 (re-save it as UTF-8 in "
        "the program that wrote it)",
    ),
    "nul_bytes": QT_TRANSLATE_NOOP(
        "files", "The file contains NUL bytes; it looks like a binary file, not a post"
    ),
    "not_utf8": QT_TRANSLATE_NOOP("files", "The file is not valid UTF-8 (byte 0x{byte})"),
    "read_permission": QT_TRANSLATE_NOOP(
        "files", "Permission denied: Tsuzuri may not read this file"
    ),
    "read_io": QT_TRANSLATE_NOOP("files", "Could not read the file: {reason}"),
    "outside_blog": QT_TRANSLATE_NOOP(
        "files", "{name} is outside the blog folder {root}; Tsuzuri only edits the blog's own files"
    ),
    "at_place": QT_TRANSLATE_NOOP("files", "{message} (line {line}, column {column})"),
    # -- kept as they are, but worth knowing ---------------------------------------------------
    "large_file": QT_TRANSLATE_NOOP(
        "files",
        "This post is very large ({size}); editing and the preview may be slow. "
        "Nothing is changed until you save.",
    ),
    "hard_link": QT_TRANSLATE_NOOP(
        "files",
        "The post has other hard links; saving replaces the file, so they keep the old text.",
    ),
    "mixed_newlines": QT_TRANSLATE_NOOP(
        "files",
        "The post mixes Windows and Unix line endings; each line keeps its own on save.",
    ),
    # -- writing -------------------------------------------------------------------------------
    "changed": QT_TRANSLATE_NOOP(
        "files", "The post was changed by another program since it was opened"
    ),
    "deleted": QT_TRANSLATE_NOOP(
        "files", "The post was deleted or renamed by another program since it was opened"
    ),
    "save_over_directory": QT_TRANSLATE_NOOP("files", "Cannot save over a folder"),
    "save_over_special": QT_TRANSLATE_NOOP("files", "Cannot save over a special file"),
    "read_only_file": QT_TRANSLATE_NOOP(
        "files", "The post is marked read-only; use Save As, or confirm to save over it"
    ),
    # The same refusals on the command line, which has no Save As and asks nothing
    # (commands.common.storage_failure picks "<code>_cli" when there is one).
    "read_only_file_cli": QT_TRANSLATE_NOOP(
        "files",
        "The post is read-only for you (its permissions do not let you write it); nothing "
        "was written",
    ),
    "permission_cli": QT_TRANSLATE_NOOP(
        "files",
        "Permission denied: the folder or the post is read-only for you; nothing was written",
    ),
    "read_only_cli": QT_TRANSLATE_NOOP("files", "The disk is read-only; nothing was written"),
    "folder_missing_cli": QT_TRANSLATE_NOOP(
        "files", "The post's folder no longer exists; nothing was written"
    ),
    "empty": QT_TRANSLATE_NOOP("files", "Refusing to replace a non-empty post with an empty one"),
    "exists": QT_TRANSLATE_NOOP(
        "files", "A file with this name already exists; it was left as it is"
    ),
    "disk_full": QT_TRANSLATE_NOOP("files", "The disk is full; free some space and save again"),
    "permission": QT_TRANSLATE_NOOP(
        "files", "Permission denied: the folder or the post is read-only — use Save As"
    ),
    "read_only": QT_TRANSLATE_NOOP("files", "The disk is read-only — use Save As"),
    "folder_missing": QT_TRANSLATE_NOOP(
        "files", "The post's folder no longer exists — use Save As"
    ),
    "name_too_long": QT_TRANSLATE_NOOP("files", "The file name is too long for this disk"),
    "disk_io": QT_TRANSLATE_NOOP("files", "The disk reported an input/output error"),
    "save_failed": QT_TRANSLATE_NOOP("files", "Could not save: {reason}"),
    # What became of the writer's text after a failed write (follows one of the above).
    "reason_and_outcome": QT_TRANSLATE_NOOP("files", "{reason}. {outcome}"),
    "unchanged": QT_TRANSLATE_NOOP(
        "files", "Your text is still in the editor; the file on disk is unchanged."
    ),
    "not_created": QT_TRANSLATE_NOOP("files", "The post was not created."),
    "run_again": QT_TRANSLATE_NOOP("files", "nothing was written, run the command again"),
    "conflict_cli": QT_TRANSLATE_NOOP("files", "{message}; {run_again}"),
}


def words(code: str, lang: str = "en", **params) -> str:
    """The message for ``code`` in ``lang`` ("en" or "ja"), filled in with ``params``."""
    return say("files", WORDS[code], lang, **params)
