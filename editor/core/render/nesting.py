"""kramdown nests a bullet list whose marker is indented less than its ordered parent's text.

``1. item`` followed by ``  - child`` (two spaces, the parent's text starts at column 3) is a
nested list in kramdown but a new top-level list in CommonMark.  (An ordered list under a
bullet item at one space is not nested by kramdown either, so only this case is handled.)  Before parsing, such lines
(and the lines that belong to them) are indented up to the parent's text column.  Only
leading spaces change, so line numbers stay the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARKER = re.compile(r"^( *)([*+-]|\d{1,9}\.)([ \t]+)(?=\S)")
_FENCE = re.compile(r"^ *(`{3,}|~{3,})")


@dataclass(frozen=True)
class _Item:
    column: int  # the marker's column in the source
    content: int  # where the item's text starts in the source
    ordered: bool
    shift: int  # spaces added in front of this item's lines
    moved: bool = False  # this item was moved under its ordered parent


def nest_short_indented_lists(text: str) -> str:
    """The text with under-indented nested list markers moved to their parent's text column."""
    if "\n" not in text or not re.search(r"^ +(?:[*+-]|\d{1,9}\.)[ \t]", text, re.MULTILINE):
        return text
    nesting = ListNesting()
    return "\n".join(nesting.line(line) for line in text.split("\n"))


class ListNesting:
    """The pass line by line: ``line`` gives one line as it should be read, and ``state`` is
    everything the lines after depend on (so a pass can resume from a saved state)."""

    def __init__(self, state: tuple = ((), False, None)) -> None:
        stack, self.blank_before, self.fence = state
        self.stack: list[_Item] = list(stack)

    @property
    def state(self) -> tuple:
        """What the next lines depend on: equal states read the next lines alike."""
        return (tuple(self.stack), self.blank_before, self.fence)

    def line(self, line: str) -> str:
        """``line`` as it should be read, moved under its parent when kramdown nests it."""
        stack = self.stack
        if not line.strip():
            self.blank_before = True
            return line
        blank_before, fence = self.blank_before, self.fence
        self.blank_before = False
        column = len(line) - len(line.lstrip(" "))
        found = _MARKER.match(line) if fence is None else None
        if fence is not None or not found:
            opened = _FENCE.match(line)
            if fence is not None and opened and opened.group(1)[0] == fence[0]:
                self.fence = None
            elif fence is None and opened:
                self.fence = opened.group(1)
            while stack and blank_before and column < stack[-1].content:
                stack.pop()
            if stack and not blank_before and column < stack[-1].content and self.fence is None:
                return line  # a lazy continuation line: kept as is
            if stack and stack[-1].shift:
                return " " * stack[-1].shift + line
            return line
        ordered = found.group(2)[0].isdigit()
        while stack and column <= stack[-1].column:
            stack.pop()
        while stack and blank_before and column < stack[-1].content:
            stack.pop()
        parent = stack[-1] if stack else None
        if parent is not None and parent.moved and len(stack) > 1:
            # kramdown reads a moved (lazy) bullet's children relative to the ordered item
            # around it: a marker not deeper than the bullet's own leaves that bullet list.
            if column - stack[-2].content <= parent.column:
                stack.pop()
                parent = stack[-1]
        shift = parent.shift if parent else 0
        if (
            parent is not None
            and not blank_before
            and parent.column < column < parent.content
            and parent.ordered
            and not ordered
        ):
            shift += parent.content - column
        width = len(found.group(2)) + min(len(found.group(3).expandtabs(4)), 4)
        moved = shift > (parent.shift if parent else 0)
        stack.append(_Item(column, column + width, ordered, shift, moved))
        return " " * shift + line if shift else line
