"""Edits of a text: a span replaced by new text, and many of them made at once.

The doctor's fixes and find's "replace all" are both lists of these.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` (code points, whole file) with ``replacement``."""

    start: int
    end: int
    replacement: str = ""


def apply_edits(text: str, edits: Sequence[Edit]) -> tuple[str, list[int]]:
    """``text`` with non-overlapping ``edits`` applied, and where each edit's replacement starts
    in the result (in the order of ``edits``)."""
    order = sorted(range(len(edits)), key=lambda i: (edits[i].start, edits[i].end))
    parts: list[str] = []
    at = [0] * len(edits)
    pos = length = 0
    for i in order:
        edit = edits[i]
        parts.append(text[pos : edit.start])
        length += edit.start - pos
        at[i] = length
        parts.append(edit.replacement)
        length += len(edit.replacement)
        pos = edit.end
    parts.append(text[pos:])
    return "".join(parts), at


def difference(before: str, after: str) -> Edit:
    """The one edit that makes ``after`` of ``before``: what lies between their common start
    and their common end."""
    start, limit = 0, min(len(before), len(after))
    while start < limit and before[start] == after[start]:
        start += 1
    end = 0
    while end < limit - start and before[-1 - end] == after[-1 - end]:
        end += 1
    return Edit(start, len(before) - end, after[start : len(after) - end])
