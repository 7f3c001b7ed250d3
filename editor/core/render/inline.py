"""Inline rules where kramdown differs from CommonMark: emphasis, span IALs, inline math."""

from __future__ import annotations

import re

from markdown_it.rules_inline import StateInline
from markdown_it.rules_inline.state_inline import Delimiter

from editor.core.render.scan import finder

_SPAN_IAL = re.compile(r"\{:((?:[^}\\]|\\.)*)\}")
_BRACE = re.compile(r"\}")
_INLINE_MATH = re.compile(r"\$\$(.+?)\$\$", re.DOTALL)


def emphasis(state: StateInline, silent: bool) -> bool:
    """``*`` and ``_`` runs with kramdown's rules instead of CommonMark's flanking ones.

    kramdown opens emphasis when the marker is not followed by whitespace and closes it when
    not preceded by whitespace, whatever punctuation surrounds it; so ``**「重要」**です`` is bold.
    ``_`` never opens right after a letter nor closes right before one (Japanese included).
    """
    start = state.pos
    marker = state.src[start]
    if silent or marker not in "_*":
        return False
    pos = start
    while pos < state.posMax and state.src[pos] == marker:
        pos += 1
    before = state.src[start - 1] if start > 0 else " "
    after = state.src[pos] if pos < state.posMax else " "
    can_open = not after.isspace()
    can_close = not before.isspace()
    if marker == "_":
        can_open = can_open and not before.isalpha()
        can_close = can_close and not after.isalnum()
    length = pos - start
    for _ in range(length):
        token = state.push("text", "", 0)
        token.content = marker
        state.delimiters.append(
            Delimiter(
                marker=ord(marker),
                length=length,
                token=len(state.tokens) - 1,
                end=-1,
                open=can_open,
                close=can_close,
            )
        )
    state.pos = pos
    return True


def code_span_at(src: str, start: int, maximum: int, search=None) -> tuple[int, int] | None:
    """kramdown's code span (``parse_codespan``) at the run of backticks at ``start``: where its
    text ends and where the span ends, or None when the run is text.

    The first occurrence of the opening run closes the span, even inside a longer run (so
    `` `a``b` `` is two spans); a lone backtick between blanks is text.  ``search(pattern, pos)``
    finds the closer (a cached search in the renderer; a plain one by default).
    """
    pos = start
    while pos < maximum and src[pos] == "`":
        pos += 1
    count = pos - start
    before = src[start - 1] if start > 0 else ""
    after = src[pos] if pos < maximum else ""
    if count == 1 and (not before or before.isspace()) and after.isspace():
        return None
    pattern = _ticks(count)
    closer = search(pattern, pos) if search else pattern.search(src, pos)
    if closer is None or closer.end() > maximum:
        return None
    return closer.start(), closer.end()


def code_span(state: StateInline, silent: bool) -> bool:
    """A code span as kramdown reads it (:func:`code_span_at`); a span opened by two or more
    backticks loses one blank at each end."""
    start = state.pos
    if state.src[start] != "`":
        return False

    def search(pattern: re.Pattern[str], pos: int):
        return finder(state.env, f"codespan{pattern.pattern}", state.src, pattern).next(pos)

    span = code_span_at(state.src, start, state.posMax, search)
    pos = start
    while pos < state.posMax and state.src[pos] == "`":
        pos += 1
    marker = state.src[start:pos]
    if span is None:
        if not silent:
            state.pending += marker
        state.pos = pos
        return True
    if not silent:
        content = state.src[pos : span[0]]
        if len(marker) > 1:
            content = content[1:] if content.startswith(" ") else content
            content = content[:-1] if content.endswith(" ") else content
        token = state.push("code_inline", "code", 0)
        token.markup, token.content = marker, content
    state.pos = span[1]
    return True


_TICKS: dict[int, re.Pattern[str]] = {}


def _ticks(count: int) -> re.Pattern[str]:
    if count not in _TICKS:
        _TICKS[count] = re.compile("`" * count)
    return _TICKS[count]


def span_ial(state: StateInline, silent: bool) -> bool:
    """``{:.class}`` right after a span element; applied once emphasis is resolved."""
    if not state.src.startswith("{:", state.pos):
        return False
    if finder(state.env, "span_ial_close", state.src, _BRACE).next(state.pos) is None:
        return False  # no "}" left: 50,000 unclosed "{:" each searched to the end before
    found = _SPAN_IAL.match(state.src, state.pos)
    if not found:
        return False
    if not silent:
        token = state.push("span_ial", "", 0)
        token.content = found.group(1)
    state.pos = found.end()
    return True


def inline_math(state: StateInline, silent: bool) -> bool:
    """``$$x$$`` inside a paragraph: kramdown's inline math, published as ``\\(x\\)``."""
    if not state.src.startswith("$$", state.pos):
        return False
    found = _INLINE_MATH.match(state.src, state.pos)
    if not found:
        return False
    if not silent:
        token = state.push("math_inline", "", 0)
        token.content = found.group(1).strip()
    state.pos = found.end()
    return True


# The characters a backslash escapes in kramdown's GFM parser (ESCAPED_CHARS_GFM: kramdown's
# own plus ``~``); before any other it stays a backslash.
KRAMDOWN_ESCAPABLE = frozenset("\\.*_+-`<>()[]{}#!:|\"'$=~")


def escape(state: StateInline, silent: bool) -> bool:
    """A backslash escapes only kramdown's characters (``\\,`` stays as written)."""
    if state.src[state.pos] != "\\" or state.pos + 1 >= state.posMax:
        return False
    following = state.src[state.pos + 1]
    if following in KRAMDOWN_ESCAPABLE or following == "\n":
        return False
    if not silent:
        state.pending += "\\"
    state.pos += 1
    return True
