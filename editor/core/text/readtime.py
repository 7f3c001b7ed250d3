"""Reading time that counts Japanese by characters and Latin text by words, prose only.

Code blocks, HTML, Liquid, URLs, link targets and images are not read, so they are not
counted.  Japanese is read at about 500 characters a minute, English at about 200 words.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

from editor.core.doctor.text import PROSE_KINDS, Block, prose_spans, scan_blocks
from editor.core.text.cjk import CJK

_READ_KINDS = (*PROSE_KINDS, "table")  # readers read tables, not just sentences


def _combining_marks(ranges: str) -> str:
    """The combining marks (category Mn) among the characters of ``ranges`` (``a-b`` pairs and
    single characters, as inside ``[...]``), for a regular expression class."""
    marks = []
    for first, last in re.findall(r"(.)(?:-(.))?", ranges, re.DOTALL):
        for code in range(ord(first), ord(last or first) + 1):
            if unicodedata.category(chr(code)) == "Mn":
                marks.append(re.escape(chr(code)))
    return "".join(marks)


# A combining mark (the voiced mark U+3099 typed apart from its kana, a tone mark) is part of
# the character before it, never a character of its own.  Letters (``\w``) hold no combining
# mark; only the CJK ranges do, so they are left out of it here.
_CJK = re.compile(f"(?![{_combining_marks(CJK)}])[{CJK}]")
_WORD = re.compile(r"[A-Za-z0-9\u00c0-\u024f]+(?:['’.\-][A-Za-z0-9\u00c0-\u024f]+)*")


# Letters and digits of any script (Latin, accented, Greek, Cyrillic...); CJK is blanked first.
_LETTER = re.compile(r"[^\W_]")


@dataclass(frozen=True)
class ProseCount:
    """How much prose a body holds.

    ``cjk_chars``: Japanese (CJK) characters, what reading time reads by the character.
    ``latin_words``: words of Latin text (``don't``, ``v1.2`` and ``e-mail`` are one word each).
    ``characters``: the writer's 文字数, every character a reader reads, one each: kana, kanji,
    Japanese punctuation (。、「」・ー), full-width forms, plus every letter and digit of other
    scripts (``AI`` is 2); a combining mark (``か`` + U+3099) belongs to the character before
    it.  Not counted: spaces of any width (the ideographic space too), ASCII
    punctuation, the front matter, and everything :func:`prose_only` leaves out: heading ``#``
    marks, list and quote markers, emphasis ``*``, code blocks with their fences and code spans,
    link targets and URLs, images (alt text too), HTML tags, Liquid tags and outputs.
    """

    cjk_chars: int
    latin_words: int
    characters: int = 0


def prose_only(body: str, blocks: list[Block] | None = None, markers: tuple[str, ...] = ()) -> str:
    """The prose of ``body``, as the doctor reads it, plus the text of tables.

    Code, HTML blocks and tags, Liquid, URLs, images and link targets are left out (link texts
    are kept): see :func:`editor.core.doctor.text.prose_spans`, the one definition of prose.
    ``blocks`` (positions in ``body``) saves scanning it again when they are at hand; else
    ``body`` is scanned with the doctor's continuation ``markers`` (lines that are no prose).
    """
    if blocks is None:
        blocks = scan_blocks(body, 0, markers)
    return "\n".join(body[s:e] for _, s, e in prose_spans(body, blocks, _READ_KINDS))


def count_prose(
    body: str, blocks: list[Block] | None = None, markers: tuple[str, ...] = ()
) -> ProseCount:
    """Count CJK characters and Latin words in the prose of a Markdown body (the doctor's
    reading-time rule and the status bar both count with this, with the doctor's markers)."""
    prose = prose_only(body, blocks, markers)
    cjk = len(_CJK.findall(prose))
    latin = _CJK.sub(" ", prose)
    words = len(_WORD.findall(latin))
    letters = len(_LETTER.findall(latin))
    return ProseCount(cjk, words, cjk - prose.count("\u3000") + letters)


def minutes_for(count: ProseCount, chars_per_minute: int = 500, words_per_minute: int = 200) -> int:
    """Whole minutes (at least 1) needed to read ``count``, rounded up."""
    minutes = count.cjk_chars / chars_per_minute + count.latin_words / words_per_minute
    return max(1, math.ceil(minutes - 1e-9))


def reading_minutes(body: str, chars_per_minute: int = 500, words_per_minute: int = 200) -> int:
    """Whole minutes (at least 1) needed to read the prose of ``body``, rounded up."""
    return minutes_for(count_prose(body), chars_per_minute, words_per_minute)
