"""The headings of a post as kramdown reads them, for the outline and the heading-level check.

Which lines are headings is decided once, by the block scan the doctor reads prose with
(:func:`editor.core.doctor.text.scan_blocks`): ATX headers (``## 見出し`` at the start of a
line), setext headers (a one-line paragraph over ``===`` or ``---``), never inside fenced or
indented code, HTML blocks or the front matter.  A paragraph that is only a bold line is not a
heading to kramdown, so it is not one here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from editor.core.doctor.text import Block, scan_blocks
from editor.core.post.split import split_post
from editor.core.render.blocks import HEADER_ID
from editor.core.words import QT_TRANSLATE_NOOP, Phrase

_CLOSING_HASHES = re.compile(r"[\t ]#+\Z")
_LINK = re.compile(r"!?\[([^\[\]\r\n]*)\](?:\([^()\r\n]*\)|\[[^\[\]\r\n]*\])")
_TAG = re.compile(r"<[A-Za-z/!?][^<>\r\n]*>")
_EMPHASIS = re.compile(r"\*\*|__|`+")


@dataclass(frozen=True)
class Heading:
    """One heading: its level (1-6), its text as a reader sees it, where it is.

    ``line`` is 0-based, counted from the start of the text that was scanned (the body's first
    line is 0 when a whole post was given); ``start`` and ``end`` are code-point offsets of the
    heading's line in that text.  ``previous`` is the level of the heading before (0 for the
    first).
    """

    level: int
    text: str
    line: int
    start: int
    end: int
    previous: int = 0

    @property
    def jumps(self) -> bool:
        """True when this heading is more than one level below the one before (h2 then h4)."""
        return self.previous > 0 and self.level > self.previous + 1

    @property
    def code(self) -> str | None:
        """``heading-jump`` for a level jump, else None."""
        return "heading-jump" if self.jumps else None

    @property
    def wording(self) -> Phrase | None:
        """What is wrong with the heading (the doctor's words for it), or None."""
        if not self.jumps:
            return None
        return Phrase(
            QT_TRANSLATE_NOOP("doctor", "Heading level jumps from h{previous} to h{level}"),
            previous=self.previous,
            level=self.level,
        )

    def message(self, lang: str = "en") -> str:
        """What is wrong with the heading, in English or Japanese (``"ja"``); "" if nothing."""
        wording = self.wording
        return "" if wording is None else wording.say(lang)


def heading_text(text: str, block: Block) -> str:
    """The words of a heading block: no ``#`` marks, no ``{#id}``, links as their text."""
    raw = text[block.content_start : block.end].strip()
    explicit = HEADER_ID.search(raw)
    if explicit:
        raw = raw[: explicit.start()].rstrip()
    raw = _CLOSING_HASHES.sub("", raw).rstrip()
    raw = _LINK.sub(r"\1", raw)
    raw = _TAG.sub("", raw)
    return _EMPHASIS.sub("", raw).strip()


def _line_breaks(text: str, start: int, end: int) -> int:
    """Line breaks (``\\n``, ``\\r\\n`` or ``\\r``) in ``text[start:end]``."""
    return (
        text.count("\n", start, end) + text.count("\r", start, end) - text.count("\r\n", start, end)
    )


def headings(text: str, blocks: list[Block] | None = None, start: int = 0) -> list[Heading]:
    """The headings of ``text[start:]`` (a post's body when ``start`` is where it begins), in
    order.  ``blocks`` (from :func:`scan_blocks` of the same text) saves scanning it again."""
    if blocks is None:
        blocks = scan_blocks(text, start)
    out: list[Heading] = []
    line, pos, previous = 0, start, 0
    for block in blocks:
        if block.kind != "heading" or block.level == 0 or block.start < start:
            continue
        line += _line_breaks(text, pos, block.start)
        pos = block.start
        out.append(
            Heading(block.level, heading_text(text, block), line, block.start, block.end, previous)
        )
        previous = block.level
    return out


def post_headings(post: str) -> list[Heading]:
    """The headings of a whole post file (front matter and all): lines count from the body's
    first line, offsets are in ``post``."""
    return headings(post, start=len(post) - len(split_post(post).body))
