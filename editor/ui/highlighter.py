"""Markdown colouring in the text pane: headings, emphasis, code, links, Liquid, HTML.

Runs per line (QSyntaxHighlighter re-highlights only the lines that change); the one piece of
state carried between lines is "inside a fenced code block".
"""

from __future__ import annotations

import re
import time

from PySide6.QtCore import QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextDocument,
)

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
# A text longer than this (characters) shown in the pane is coloured where the writer looks:
# colouring a 1 MB post's 40,000 lines takes the better part of a second, and their formats
# tens of megabytes.
LAZY_COLOUR_CHARS = 50_000
# Lines above and below the view coloured with it, so a short scroll shows colours at once.
VIEW_MARGIN = 40


class MarkdownHighlighter(QSyntaxHighlighter):
    """Colours Markdown the way the blog's posts use it."""

    def __init__(self, document: QTextDocument):
        super().__init__(document)
        self._formats = FORMATS
        self._deferring = False  # lines changed keep their fence state only, no colours
        self.view_only = False
        """Only the lines in view are coloured (a long post): see :meth:`colour_view`."""
        self._view = (0, 0)  # the view last coloured: first line and how many
        self._coloured = (0, 0)  # the lines (numbers, end exclusive) it coloured
        document.blockCountChanged.connect(self._forget_coloured)
        self._next: QTextBlock | None = None  # the next line to colour again, None: none
        self._stop: QTextBlock | None = None  # where colouring again began (reached last)
        self._wrapped = False
        self._recolour_timer = QTimer(self)
        self._recolour_timer.setInterval(0)
        self._recolour_timer.timeout.connect(self._recolour_some)

    def set_dark(self, dark: bool, first_block: int = 0) -> None:
        """Colours for the dark or the light theme.

        The text is coloured again from ``first_block`` (the top of the view) to the end, then
        from the start, :data:`RECOLOUR_BUDGET_S` at a time between events: a 1 MB post
        switches theme without freezing the typing (a whole rehighlight takes seconds).  A
        long post coloured only where the writer looks has its view coloured again, and the
        rest as it comes into view.
        """
        formats = DARK_FORMATS if dark else FORMATS
        if formats is self._formats:
            return
        self._formats = formats
        self._forget_coloured()
        if self.view_only:
            self.colour_view(first_block, self._view[1])
        else:
            self._colour_from(first_block)

    def set_view_only(self, view_only: bool) -> None:
        """Before a whole text is set: True colours only the lines :meth:`colour_view` is
        given (each line keeps its fence state), False colours every line as Qt asks."""
        self.view_only = view_only
        self._deferring = view_only
        self._forget_coloured()
        if view_only:
            self._next = self._stop = None
            self._recolour_timer.stop()

    def colour_view(self, first_block: int, lines: int) -> None:
        """Colour the ``lines`` lines from ``first_block`` and :data:`VIEW_MARGIN` around them:
        a long post's lines as they come into view, in the current theme's colours.  Lines
        coloured by the call before are left as they are (a scroll by a line colours a line);
        lines typed in are coloured as Qt asks, whatever their place."""
        self._deferring = False
        self._view = (first_block, lines)
        start = max(0, first_block - VIEW_MARGIN)
        end = first_block + lines + VIEW_MARGIN
        done_start, done_end = self._coloured
        self._coloured = (start, end)
        block = self.document().findBlockByNumber(start)
        number = start
        while block.isValid() and number < end:
            if not done_start <= number < done_end:
                self.rehighlightBlock(block)  # its fence state is known: nothing below follows
            block = block.next()
            number += 1

    def _forget_coloured(self, *_args) -> None:
        """Lines came or went (or the colours changed): the lines in view are coloured again
        when next asked, their numbers no longer being the ones coloured."""
        self._coloured = (0, 0)

    def recolouring(self) -> bool:
        """True while lines coloured for the previous theme remain."""
        return self._next is not None

    def _colour_from(self, first_block: int) -> None:
        document = self.document()
        count = document.blockCount()
        first = document.findBlockByNumber(min(max(0, first_block), count - 1))
        # Lines are followed as blocks, not numbers: typing that adds or removes lines on the
        # way neither skips a line nor colours one twice.
        self._next, self._stop, self._wrapped = first, first, False
        self._recolour_some()

    def _recolour_some(self) -> None:
        deadline = time.perf_counter() + RECOLOUR_BUDGET_S
        while self._next is not None:
            block = self._next
            following = block.next()
            if not following.isValid() and not self._wrapped:
                following, self._wrapped = self.document().firstBlock(), True
            if not following.isValid() or (self._wrapped and following == self._stop):
                following = None
            self._next = following
            if block.isValid():
                self.rehighlightBlock(block)
            if time.perf_counter() > deadline:
                break
        if self._next is not None:
            self._recolour_timer.start()
        else:
            self._stop = None
            self._recolour_timer.stop()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        in_fence = self.previousBlockState() == IN_FENCE
        fence = _FENCE.match(text)
        if in_fence or fence:
            if not self._deferring:
                self.setFormat(0, len(text), self._formats["fence"])
            closes = in_fence and fence is not None
            self.setCurrentBlockState(-1 if closes else IN_FENCE)
            return
        self.setCurrentBlockState(-1)
        if not self._deferring:
            self._colour(text)

    def _colour(self, text: str) -> None:
        """Colours of a line outside fenced code."""
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
