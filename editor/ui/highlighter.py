"""Markdown colouring in the text pane: headings, emphasis, code, links, Liquid, HTML.

Runs per line (QSyntaxHighlighter re-highlights only the lines that change); the one piece of
state carried between lines is "inside a fenced code block".
"""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from editor.core.text.markup import parse_prefix
from editor.core.text.textpos import utf16_length

IN_FENCE = 1
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^\s{0,3}#{1,6}(\s|$).*")
_INLINE = [
    ("code", re.compile(r"`[^`\n]+`")),
    ("strong", re.compile(r"\*\*[^*\n]+\*\*|__[^_\n]+__")),
    ("emphasis", re.compile(r"(?<![*\w])\*[^*\s][^*\n]*\*(?!\*)|(?<![_\w])_[^_\s][^_\n]*_(?!_)")),
    ("link", re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)|!?\[[^\]\n]*\]\[[^\]\n]*\]")),
    ("liquid", re.compile(r"\{%.*?%\}|\{\{.*?\}\}")),
    ("html", re.compile(r"</?[A-Za-z][^>\n]*>|<!--.*?-->")),
    ("ial", re.compile(r"\{:[^}\n]*\}")),
]
_QUOTE = re.compile(r"^\s{0,3}>")
_MARKER = re.compile(r"^\s*---END---\s*$")


def _format(
    colour: str, bold=False, italic=False, background: str | None = None
) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(colour))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setFontItalic(italic)
    if background:
        fmt.setBackground(QColor(background))
    return fmt


FORMATS = {
    "heading": _format("#1a3d7c", bold=True),
    "code": _format("#8a3b12", background="#f3f1ec"),
    "fence": _format("#5b5b5b", background="#f3f1ec"),
    "strong": _format("#111111", bold=True),
    "emphasis": _format("#333333", italic=True),
    "link": _format("#1f6fb2"),
    "liquid": _format("#7b3fa0"),
    "html": _format("#8a8a8a"),
    "ial": _format("#8a8a8a"),
    "quote": _format("#5a6b5a", italic=True),
    "list": _format("#b05a00", bold=True),
    "marker": _format("#ffffff", bold=True, background="#c62828"),
}


class MarkdownHighlighter(QSyntaxHighlighter):
    """Colours Markdown the way the blog's posts use it."""

    def __init__(self, document: QTextDocument):
        super().__init__(document)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        in_fence = self.previousBlockState() == IN_FENCE
        fence = _FENCE.match(text)
        if in_fence or fence:
            self.setFormat(0, len(text), FORMATS["fence"])
            closes = in_fence and fence is not None
            self.setCurrentBlockState(-1 if closes else IN_FENCE)
            return
        self.setCurrentBlockState(-1)
        if _MARKER.match(text):
            self.setFormat(0, len(text), FORMATS["marker"])
            return
        if _HEADING.match(text):
            self.setFormat(0, len(text), FORMATS["heading"])
            return
        if _QUOTE.match(text):
            self.setFormat(0, len(text), FORMATS["quote"])
        item = parse_prefix(text)  # the same list items Enter continues
        if item is not None and item.is_item and not item.quote:
            end = utf16_length(text[: item.width - len(item.task)])
            self.setFormat(0, end, FORMATS["list"])
        for name, pattern in _INLINE:
            for match in pattern.finditer(text):
                start, end = _utf16_span(text, match.start(), match.end())
                self.setFormat(start, end - start, FORMATS[name])


def _utf16_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Qt positions for a code-point span (characters beyond the BMP count twice)."""
    first = utf16_length(text[:start])
    return first, first + utf16_length(text[start:end])
