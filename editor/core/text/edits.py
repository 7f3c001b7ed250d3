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
