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
    lines = text.split("\n")
    in_quote = False
    quote_indent = 0
    fence: str | None = None
    for index, line in enumerate(lines):
        if not line.strip():
            in_quote = False
            continue
        quoted = _QUOTE.match(line)
        if quoted:
            in_quote = fence is None
            quote_indent = len(quoted.group(1))
            continue
        indent = len(line) - len(line.lstrip(" "))
        if in_quote and indent < quote_indent and _ITEM.match(line):
            in_quote = False
        opened = _FENCE.match(line)
        if fence is not None:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = None
            continue
        if in_quote and not _STOPS.match(line):
            lines[index] = "> " + line
            continue
        in_quote = False
        if opened:
            fence = opened.group(1)
    return "\n".join(lines)
