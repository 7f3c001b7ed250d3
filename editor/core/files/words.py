"""What Tsuzuri says when a file is refused or a write fails: codes, params, English and Japanese.

:class:`~editor.core.files.reading.StorageError`,
:class:`~editor.core.post.split.PostReadError` and the size limits take their words from this one
table, so the window, the command line and the doctor's ``--lang ja`` say the same thing.  Terms
follow ``GLOSSARY.md`` (記事, ブログ, 保存).
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # -- reading -------------------------------------------------------------------------------
    "missing": ("The file does not exist", "ファイルがありません"),
    "missing_link": (
        "The file is a link to a file that does not exist",
        "リンク先のファイルがありません",
    ),
    "directory": ("This is a folder, not a post", "これはフォルダーで、記事ではありません"),
    "special": (
        "This is a special file (a device, pipe or socket), not a text file",
        "これは特殊なファイル（デバイス、パイプ、ソケット）で、テキストファイルではありません",
    ),
    "too_large": (
        "The file is too large to open ({size}; the limit is {limit}). It is probably not a post.",
        "ファイルが大きすぎて開けません（{size}。上限は {limit}）。記事ではないようです。",
    ),
    "utf16": (
        "The file is saved as UTF-16; Jekyll and Tsuzuri need UTF-8 (re-save it as UTF-8 in "
        "the program that wrote it)",
        "ファイルが UTF-16 で保存されています。Jekyll と Tsuzuri には UTF-8 が必要です"
        "（書いたプログラムで UTF-8 として保存し直してください）",
    ),
    "nul_bytes": (
        "The file contains NUL bytes; it looks like a binary file, not a post",
        "ファイルに NUL バイトがあります。記事ではなくバイナリファイルのようです",
    ),
    "not_utf8": (
        "The file is not valid UTF-8 (byte 0x{byte})",
        "ファイルが正しい UTF-8 ではありません（バイト 0x{byte}）",
    ),
    "read_permission": (
        "Permission denied: Tsuzuri may not read this file",
        "権限がありません: このファイルは読めません",
    ),
    "read_io": ("Could not read the file: {reason}", "ファイルを読めませんでした: {reason}"),
    "outside_blog": (
        "{name} is outside the blog folder {root}; Tsuzuri only edits the blog's own files",
        "{name} はブログのフォルダー {root} の外にあります。Tsuzuri はブログの中のファイルだけを"
        "扱います",
    ),
    # -- writing -------------------------------------------------------------------------------
    "changed": (
        "The post was changed by another program since it was opened",
        "開いた後で、別のプログラムが記事を変更しました",
    ),
    "deleted": (
        "The post was deleted or renamed by another program since it was opened",
        "開いた後で、別のプログラムが記事を削除したか名前を変えました",
    ),
    "save_over_directory": ("Cannot save over a folder", "フォルダーの上には保存できません"),
    "save_over_special": (
        "Cannot save over a special file",
        "特殊なファイルの上には保存できません",
    ),
    "read_only_file": (
        "The post is marked read-only; use Save As, or confirm to save over it",
        "記事は読み取り専用です。名前を付けて保存するか、上書きを確認してください",
    ),
    # The same refusals on the command line, which has no Save As and asks nothing
    # (commands.common.storage_failure picks "<code>_cli" when there is one).
    "read_only_file_cli": (
        "The post is read-only for you (its permissions do not let you write it); nothing "
        "was written",
        "記事はあなたには読み取り専用です（権限がなく書き込めません）。何も書き込んでいません",
    ),
    "permission_cli": (
        "Permission denied: the folder or the post is read-only for you; nothing was written",
        "権限がありません: フォルダーか記事が読み取り専用です。何も書き込んでいません",
    ),
    "read_only_cli": (
        "The disk is read-only; nothing was written",
        "ディスクが読み取り専用です。何も書き込んでいません",
    ),
    "folder_missing_cli": (
        "The post's folder no longer exists; nothing was written",
        "記事のフォルダーがなくなりました。何も書き込んでいません",
    ),
    "empty": (
        "Refusing to replace a non-empty post with an empty one",
        "空でない記事を空の内容で置き換えることはしません",
    ),
    "exists": (
        "A file with this name already exists; it was left as it is",
        "同じ名前のファイルがすでにあります。そのままにしてあります",
    ),
    "disk_full": (
        "The disk is full; free some space and save again",
        "ディスクがいっぱいです。空きを作ってからもう一度保存してください",
    ),
    "permission": (
        "Permission denied: the folder or the post is read-only — use Save As",
        "権限がありません: フォルダーか記事が読み取り専用です。名前を付けて保存してください",
    ),
    "read_only": (
        "The disk is read-only — use Save As",
        "ディスクが読み取り専用です。名前を付けて保存してください",
    ),
    "folder_missing": (
        "The post's folder no longer exists — use Save As",
        "記事のフォルダーがなくなりました。名前を付けて保存してください",
    ),
    "name_too_long": (
        "The file name is too long for this disk",
        "ファイル名がこのディスクには長すぎます",
    ),
    "disk_io": (
        "The disk reported an input/output error",
        "ディスクが入出力エラーを報告しました",
    ),
    "save_failed": ("Could not save: {reason}", "保存できませんでした: {reason}"),
    # What became of the writer's text after a failed write (follows one of the above).
    "unchanged": (
        "Your text is still in the editor; the file on disk is unchanged.",
        "文章はエディターに残っています。ディスク上のファイルは変わっていません。",
    ),
    "not_created": ("The post was not created.", "記事は作成されませんでした。"),
    "run_again": (
        "nothing was written, run the command again",
        "何も書き込んでいません。もう一度実行してください",
    ),
}


def words(code: str, lang: str = "en", **params) -> str:
    """The message for ``code`` in ``lang`` ("en" or "ja"), filled in with ``params``."""
    english, japanese = WORDS[code]
    return (japanese if lang == "ja" else english).format(**params)
