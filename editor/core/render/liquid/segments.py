"""A post's Liquid output cut where the writer's text is passed through unchanged.

Liquid prints the text between its tags as written.  A body is cut into pieces: the whole lines
between Liquid constructs (a top-level output, tag, or block from its opening tag to its end
tag) and the rest.  One run of Liquid with an unused character between the pieces says which
output each piece gave; when every plain piece came out as written, an edit inside one that
brings no Liquid of its own changes the output by the same edit, without running Liquid
again.  Anything else (whitespace control, a tag left open, Liquid that did not print a
gap as written) leaves the body in one piece.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import accumulate

from editor.core.render.blocks import PLACED_NUMBER as _PLACED
from editor.core.render.blocks import PLACEHOLDER
from editor.core.render.liquid.balance import _BLOCK_END, _OPENER, _TAG_END, _VARIABLE_END, BLOCKS

CUT = "\U000f0000"
"""Put between the pieces for the one run of Liquid (a private-use character)."""


def constructs(text: str) -> list[tuple[int, int]] | None:
    """The spans of the top-level Liquid constructs, or None when the body cannot be cut
    (whitespace control, an unterminated opener, a block never closed or closed out of turn)."""
    spans: list[tuple[int, int]] = []
    stack: list[str] = []
    pos = 0
    start = 0
    while True:
        found = _OPENER.search(text, pos)
        if found is None:
            break
        is_tag = found.group(0) == "{%"
        end = (_TAG_END if is_tag else _VARIABLE_END).search(text, found.start() + 2)
        if end is None or (not is_tag and end.group(0) != "}}"):
            return None
        inner = text[found.start() + 2 : end.start()]
        if inner.startswith("-") or inner.endswith("-"):
            return None
        if not stack:
            start = found.start()
        pos = end.end()
        if is_tag:
            name = inner.strip().partition(" ")[0]
            if name in _BLOCK_END:
                closed = _BLOCK_END[name].search(text, pos)
                if closed is None or "-" in closed.group(0)[:3] + closed.group(0)[-3:]:
                    return None
                pos = closed.end()
            elif name in BLOCKS:
                stack.append(name)
            elif name.startswith("end"):
                if not stack or stack[-1] != name[3:]:
                    return None
                stack.pop()
        if not stack:
            spans.append((start, pos))
    return None if stack else spans


@dataclass
class Pieces:
    """A body cut into gaps and constructs, and what Liquid printed for each."""

    sources: list[str]
    outputs: list[str]
    gaps: list[bool]
    tail: str = ""
    """What Liquid printed after the last piece (markers of tags that failed unseen)."""
    alone: bool = False
    """Whether a piece may be run through Liquid on its own (no stateful tag in the body)."""

    def text(self) -> str:
        """The Liquid output of the whole body."""
        return "".join(self.outputs) + self.tail


def cut(text: str) -> tuple[list[str], list[bool]] | None:
    """The body's pieces (and which are plain text), or None when it cannot be cut.

    Plain pieces are whole lines between constructs, each starting with its line break: a cut
    is put only just before a line break, so no tag sees it at the start of its own line.
    """
    if CUT in text:
        return None
    spans = constructs(text)
    if spans is None:
        return None
    sources: list[str] = []
    gaps: list[bool] = []
    mixed_from = 0  # where the piece holding the last construct starts
    pos = 0
    for start, end in [*spans, (len(text), len(text))]:
        first = text.find("\n", pos, start)
        last = text.rfind("\n", pos, start)
        if first >= 0:
            sources.append(text[mixed_from:first])
            gaps.append(False)
            if last > first:
                sources.append(text[first:last])
                gaps.append(True)
            mixed_from = last
        pos = end
    sources.append(text[mixed_from:])
    gaps.append(False)
    return sources, gaps


def read_output(sources: list[str], gaps: list[bool], printed: str) -> Pieces | None:
    """The pieces of one Liquid run over ``CUT.join(sources) + CUT``, or None when the run did
    not keep every cut and print every gap as written."""
    outputs = printed.split(CUT)
    if len(outputs) != len(sources) + 1:
        return None
    tail = outputs.pop()
    for source, output, gap in zip(sources, outputs, gaps, strict=True):
        if gap and source != output:
            return None
    alone = not tail and not STATEFUL.search("".join(sources))
    return Pieces(sources, outputs, gaps, tail, alone)


# Tags whose effect reaches past themselves (variables, counters, includes that may assign):
# in a body holding one, a piece is never run on its own.
STATEFUL = re.compile(
    r"\{%-?\s*(?:assign|capture|increment|decrement|cycle|ifchanged|liquid|include|"
    r"include_relative|render|tablerow)\b"
)


def piece_at(pieces: Pieces, start: int, old_end: int) -> int | None:
    """The one piece an edit of ``[start, old_end)`` lies in (a plain piece's own line break
    left alone), or None."""
    ends = list(accumulate(map(len, pieces.sources)))
    for index in range(bisect_left(ends, start), len(ends)):
        end = ends[index]
        pos = end - len(pieces.sources[index])
        inside = pos < start if pieces.gaps[index] else pos <= start
        if inside and old_end <= end:
            return index
        if end >= old_end:
            return None
    return None


def edited(pieces: Pieces, index: int, start: int, old_end: int, new_text: str) -> str:
    """The source of piece ``index`` after the edit."""
    pos = sum(map(len, pieces.sources[:index]))
    source = pieces.sources[index]
    return source[: start - pos] + new_text + source[old_end - pos :]


def has_liquid(text: str) -> bool:
    """Whether Liquid would read anything in ``text``."""
    return "{{" in text or "{%" in text


def runs_alone(text: str) -> bool:
    """Whether a piece of a body without stateful tags may be run through Liquid alone:
    its constructs are whole and it brings no stateful tag and no cut."""
    return CUT not in text and not STATEFUL.search(text) and constructs(text) is not None


def replaced(pieces: Pieces, index: int, source: str, output: str, gap: bool) -> Pieces:
    """The pieces with piece ``index`` replaced."""
    sources, outputs, gaps = list(pieces.sources), list(pieces.outputs), list(pieces.gaps)
    sources[index], outputs[index], gaps[index] = source, output, gap
    return Pieces(sources, outputs, gaps, pieces.tail, pieces.alone)


def placed_count(text: str) -> int:
    """How many blocks Liquid placed in ``text`` (``{% highlight %}`` on lines of its own)."""
    return len(_PLACED.findall(text)) if PLACEHOLDER in text else 0


def renumbered(text: str, first: int) -> str:
    """Liquid output whose placed blocks count from ``first`` (appended to the body's list)."""
    return _PLACED.sub(
        lambda found: f"{PLACEHOLDER}L{first + int(found.group(1))}{PLACEHOLDER}", text
    )
