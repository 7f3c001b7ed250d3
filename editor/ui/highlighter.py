"""Markdown colouring in the text pane: headings, emphasis, code, links, Liquid, HTML.

Runs per line (QSyntaxHighlighter re-highlights only the lines that change); the one piece of
state carried between lines is "inside a fenced code block".
"""

from __future__ import annotations

import re
import time

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from editor.core.text.markup import ATX_HEADING, parse_prefix
from editor.core.text.textpos import utf16_length

IN_FENCE = 1
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
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


# name: (light colour, dark colour, light background, dark background, style); the dark
# colours are readable on the dark theme's text pane (#0d1117).
MARKS = {
    "heading": ("#1a3d7c", "#79c0ff", None, None, "bold"),
    "code": ("#8a3b12", "#ffa657", "#f3f1ec", "#1c2128", ""),
    "fence": ("#5b5b5b", "#a8b1bb", "#f3f1ec", "#1c2128", ""),
    "strong": ("#111111", "#f0f6fc", None, None, "bold"),
    "emphasis": ("#333333", "#d0d7de", None, None, "italic"),
    "link": ("#1f6fb2", "#58a6ff", None, None, ""),
    "liquid": ("#7b3fa0", "#d2a8ff", None, None, ""),
    "html": ("#8a8a8a", "#8b949e", None, None, ""),
    "ial": ("#8a8a8a", "#8b949e", None, None, ""),
    "quote": ("#5a6b5a", "#9fc79f", None, None, "italic"),
    "list": ("#b05a00", "#ffa657", None, None, "bold"),
    "marker": ("#ffffff", "#ffffff", "#c62828", "#c62828", "bold"),
}


def _formats(dark: bool) -> dict[str, QTextCharFormat]:
    return {
        name: _format(
            dark_colour if dark else colour,
            bold=style == "bold",
            italic=style == "italic",
            background=dark_background if dark else background,
        )
        for name, (colour, dark_colour, background, dark_background, style) in MARKS.items()
    }


FORMATS = _formats(dark=False)
DARK_FORMATS = _formats(dark=True)
# After a theme change, lines are coloured again for at most this long per turn of the event
# loop (about 60 lines a millisecond here), so typing goes on between turns.
RECOLOUR_BUDGET_S = 0.008


class MarkdownHighlighter(QSyntaxHighlighter):
    """Colours Markdown the way the blog's posts use it."""

    def __init__(self, document: QTextDocument):
        super().__init__(document)
        self._formats = FORMATS
        self._recolour: list[int] = []  # block numbers still to colour again, next last
        self._recolour_timer = QTimer(self)
        self._recolour_timer.setInterval(0)
        self._recolour_timer.timeout.connect(self._recolour_some)

    def set_dark(self, dark: bool, first_block: int = 0) -> None:
        """Colours for the dark or the light theme.

        The text is coloured again from ``first_block`` (the top of the view) to the end, then
        from the start, :data:`RECOLOUR_BUDGET_S` at a time between events: a 1 MB post
        switches theme without freezing the typing (a whole rehighlight takes seconds).
        """
        formats = DARK_FORMATS if dark else FORMATS
        if formats is self._formats:
            return
        self._formats = formats
        count = self.document().blockCount()
        first_block = min(max(0, first_block), count)
        order = list(range(first_block, count)) + list(range(first_block))
        self._recolour = order[::-1]
        self._recolour_some()

    def recolouring(self) -> bool:
        """True while lines coloured for the previous theme remain."""
        return bool(self._recolour)

    def _recolour_some(self) -> None:
        document = self.document()
        deadline = time.perf_counter() + RECOLOUR_BUDGET_S
        while self._recolour:
            block = document.findBlockByNumber(self._recolour.pop())
            if block.isValid():
                self.rehighlightBlock(block)
            if time.perf_counter() > deadline:
                break
        if self._recolour:
            self._recolour_timer.start()
        else:
            self._recolour_timer.stop()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        in_fence = self.previousBlockState() == IN_FENCE
        fence = _FENCE.match(text)
        if in_fence or fence:
            self.setFormat(0, len(text), self._formats["fence"])
            closes = in_fence and fence is not None
            self.setCurrentBlockState(-1 if closes else IN_FENCE)
            return
        self.setCurrentBlockState(-1)
        if _MARKER.match(text):
            self.setFormat(0, len(text), self._formats["marker"])
            return
        if ATX_HEADING.match(text):
            self.setFormat(0, len(text), self._formats["heading"])
            return
        if _QUOTE.match(text):
            self.setFormat(0, len(text), self._formats["quote"])
        item = parse_prefix(text)  # the same list items Enter continues
        if item is not None and item.is_item and not item.quote:
            end = utf16_length(text[: item.width - len(item.task)])
            self.setFormat(0, end, self._formats["list"])
        for name, pattern in _INLINE:
            for match in pattern.finditer(text):
                start, end = _utf16_span(text, match.start(), match.end())
                self.setFormat(start, end - start, self._formats[name])


def _utf16_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Qt positions for a code-point span (characters beyond the BMP count twice)."""
    first = utf16_length(text[:start])
    return first, first + utf16_length(text[start:end])
