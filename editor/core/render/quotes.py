"""kramdown's blockquotes run until a blank line: every line after ``>`` lines belongs to them.

CommonMark ends a quote at a line without ``>`` unless it continues a paragraph, so
``> 引用`` / ``>`` / ``続き`` is one quote in kramdown and a quote plus a paragraph in CommonMark.
Before parsing, such lines get a ``> `` prefix; line numbers stay the same.
"""

from __future__ import annotations

import re

_QUOTE = re.compile(r"^( {0,3})>")
# A list item's marker: it ends a quote nested in the item before it (kramdown splits the list
# into items first, so the quote never sees the next item's line).
_ITEM = re.compile(r"^ *(?:[*+-]|\d+\.)(?:[ \t]|$)")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# Lines that end a kramdown blockquote even without a blank line before them.
_STOPS = re.compile(
    r"^ {0,3}(?:\{:|\^\s*$|</?(?!(?:a|abbr|b|br|code|em|i|img|kbd|span|strong|sub|sup|u)\b)[A-Za-z])"
)


def extend_lazy_quotes(text: str) -> str:
    """The text with lines that kramdown keeps inside a blockquote marked with ``> ``."""
    if ">" not in text:
        return text
    quotes = LazyQuotes()
    return "\n".join(quotes.line(line) for line in text.split("\n"))


class LazyQuotes:
    """The pass line by line: ``line`` gives one line as it should be read, and ``state`` is
    everything the lines after depend on (so a pass can resume from a saved state)."""

    def __init__(self, state: tuple = (False, 0, None)) -> None:
        self.in_quote, self.quote_indent, self.fence = state

    @property
    def state(self) -> tuple:
        """What the next lines depend on: equal states read the next lines alike."""
        return (self.in_quote, self.quote_indent if self.in_quote else 0, self.fence)

    def line(self, line: str) -> str:
        """``line``, with ``> `` in front when it continues a quote lazily."""
        if not line.strip():
            self.in_quote = False
            return line
        quoted = _QUOTE.match(line)
        if quoted:
            self.in_quote = self.fence is None
            self.quote_indent = len(quoted.group(1))
            return line
        indent = len(line) - len(line.lstrip(" "))
        if self.in_quote and indent < self.quote_indent and _ITEM.match(line):
            self.in_quote = False
        opened = _FENCE.match(line)
        fence = self.fence
        if fence is not None:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                self.fence = None
            return line
        if self.in_quote and not _STOPS.match(line):
            return "> " + line
        self.in_quote = False
        if opened:
            self.fence = opened.group(1)
        return line
