"""The words of the render's warnings: code -> (English, Japanese), with ``{params}``.

Liquid's own error text (``problem``, ``why``) is kept as Liquid words it, in English, so a
writer can search for it.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "liquid-syntax": (
        "Liquid syntax error (line {line}): {problem}",
        "Liquid の構文エラー（{line} 行目）: {problem}",
    ),
    "liquid-nesting": (
        "Liquid error: Nesting too deep",
        "Liquid のエラー: ブロックの入れ子が深すぎます（Nesting too deep）",
    ),
    "liquid-unknown-tag": (
        "Liquid tag not understood (line {line}): {tag}",
        "プレビューで扱えない Liquid のタグです（{line} 行目）: {tag}",
    ),
    "liquid-unknown-filter": (
        "Liquid filter not known to the preview (line {line}): {name}",
        "プレビューが知らない Liquid のフィルターです（{line} 行目）: {name}。値はそのまま出力します",
    ),
    "liquid-error": (
        "Liquid error (line {line}): {why} in {tag}",
        "Liquid のエラー（{line} 行目）: {tag}: {why}",
    ),
    "liquid-parse": (
        "Liquid error: {why}",
        "Liquid のエラー: {why}",
    ),
    "liquid-failed": (
        "Liquid could not be rendered, shown as written: {error}",
        "Liquid を処理できなかったため、書かれたまま表示しています: {error}",
    ),
    "markdown-failed": (
        "Markdown could not be rendered, shown as text: {error}",
        "Markdown を変換できなかったため、テキストのまま表示しています: {error}",
    ),
    "invalid-date": (
        "Invalid date '{date}': Jekyll does not build a post whose front matter date it "
        "cannot read",
        "日付「{date}」を Jekyll は読めません。フロントマターの日付が読めない記事はビルドされません",
    ),
    # -- a standalone export (core/render/export.py) -------------------------------------------
    "export-image-missing": (
        "Image not found, left out of the export: {src}",
        "画像が見つからないため、書き出しから外しました: {src}",
    ),
    "export-image-outside": (
        "Image outside the blog folder, left out of the export: {src}",
        "画像がブログのフォルダーの外にあるため、書き出しから外しました: {src}",
    ),
    "export-image-kind": (
        "Not an image file, left out of the export: {src}",
        "画像ファイルではないため、書き出しから外しました: {src}",
    ),
    "export-image-unread": (
        "Image could not be read, left out of the export: {src} ({reason})",
        "画像を読めなかったため、書き出しから外しました: {src}（{reason}）",
    ),
    "export-stylesheet-file": (
        "A file the stylesheet names could not be put in the export: {src} ({path})",
        "スタイルシートが使うファイルを書き出しに含められませんでした: {src}（{path}）",
    ),
    "export-stylesheet": (
        "Stylesheet could not be read, the export has no styles from it: {path} ({reason})",
        "スタイルシートを読めなかったため、書き出しに含めていません: {path}（{reason}）",
    ),
}
