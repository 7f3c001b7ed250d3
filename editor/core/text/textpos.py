"""Positions between the core (code points in the whole file) and Qt (UTF-16 units per block).

Qt counts UTF-16 code units, Python counts code points: 𠮷 or an emoji shifts every later
column.  Every conversion goes through here.
"""

from __future__ import annotations

import bisect
import re

_BREAK = re.compile(r"\r\n|\r|\n")


def qt_lines(text: str) -> str:
    """``text`` with "\\n" line endings, as Qt's text widgets hold it."""
    return _BREAK.sub("\n", text)


def utf16_length(text: str) -> int:
    """How many UTF-16 code units ``text`` takes in Qt."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def utf16_column(line_text: str, column: int) -> int:
    """The Qt column of code-point ``column`` in ``line_text``."""
    return utf16_length(line_text[:column])


def code_point_column(line_text: str, utf16: int) -> int:
    """The code-point column of Qt column ``utf16`` in ``line_text``."""
    units = 0
    for index, ch in enumerate(line_text):
        if units >= utf16:
            return index
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(line_text)


class LineIndex:
    """Maps code-point offsets in a text to (line, column), both 0-based; any line ending."""

    def __init__(self, text: str):
        self._starts = [0] + [m.end() for m in _BREAK.finditer(text)]

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line, offset - self._starts[line]


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Offsets:
    """Code-point offsets of one whole text <-> Qt's UTF-16 positions in it.

    Fast for many positions in a long text: only the characters outside the BMP (two UTF-16
    units each) are remembered.
    """

    def __init__(self, text: str = ""):
        # Whether there is any such character at all: one pass in C (a megabyte in a millisecond).
        none = text.isascii() or len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text)
        self._set([] if none else [m.start() for m in _ASTRAL.finditer(text)])

    def _set(self, astral: list[int]) -> None:
        self._astral = astral
        self._units = [offset + i for i, offset in enumerate(astral)]  # their UTF-16 positions

    def replaced(self, first: int, last: int, added: str) -> Utf16Offsets:
        """The offsets of the text once its ``[first:last]`` became ``added``: the work is in
        ``added`` and the characters outside the BMP, never the whole text."""
        astral = self._astral
        new = [first + m.start() for m in _ASTRAL.finditer(added)] if added else []
        out = Utf16Offsets()
        if astral or new:
            keep = bisect.bisect_left(astral, first)
            delta = len(added) - (last - first)
            after = astral[bisect.bisect_left(astral, last) :]
            out._set(astral[:keep] + new + [offset + delta for offset in after])
        return out

    @property
    def count(self) -> int:
        """How many characters outside the BMP the text holds (its UTF-16 length less its own)."""
        return len(self._astral)

    @property
    def has_astral(self) -> bool:
        """False when code points and UTF-16 positions are the same numbers."""
        return bool(self._astral)

    def utf16(self, offset: int) -> int:
        """The Qt position of code-point ``offset``."""
        return offset + bisect.bisect_left(self._astral, offset)

    def code_point(self, position: int) -> int:
        """The code-point offset of Qt ``position`` (inside a surrogate pair: that character)."""
        return position - bisect.bisect_left(self._units, position)
