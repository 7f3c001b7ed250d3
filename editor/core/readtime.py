"""Reading time that counts Japanese by characters and Latin text by words, prose only.

Code blocks, HTML tags, Liquid, URLs, link targets and images are not read, so they are not
counted.  Japanese is read at about 500 characters a minute, English at about 200 words.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

_REMOVE = [
    re.compile(r"^ {0,3}(`{3,}|~{3,})[^\n]*\n.*?^ {0,3}\1[ \t]*$", re.MULTILINE | re.DOTALL),
    re.compile(r"\{%-?\s*(highlight|raw|comment)\b.*?\{%-?\s*end\1\s*-?%\}", re.DOTALL),
    re.compile(r"<!--.*?-->", re.DOTALL),
    re.compile(r"\{%.*?%\}|\{\{.*?\}\}", re.DOTALL),
    re.compile(r"<[^>\n]*>"),
    re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)"),
    re.compile(r"^ {0,3}\[[^\]\n]+\]:.*$", re.MULTILINE),
    re.compile(r"`[^`\n]*`"),
    re.compile(r"https?://[^\s)\]>]+"),
    re.compile(r"\{:[^}\n]*\}"),
]
_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
_CJK = re.compile(
    "[\u3000-\u303f\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\uff01-\uff9f\U00020000-\U0002fa1f]"
)
_WORD = re.compile(r"[A-Za-z0-9\u00c0-\u024f]+(?:['’.\-][A-Za-z0-9\u00c0-\u024f]+)*")


@dataclass(frozen=True)
class ProseCount:
    """How much prose a body holds: Japanese (CJK) characters and Latin words."""

    cjk_chars: int
    latin_words: int


def prose_only(body: str) -> str:
    """``body`` without code, markup, Liquid, URLs and images (link texts are kept)."""
    for pattern in _REMOVE:
        body = pattern.sub(" ", body)
    return _LINK.sub(r"\1", body)


def count_prose(body: str) -> ProseCount:
    """Count CJK characters and Latin words in the prose of a Markdown body."""
    prose = prose_only(body)
    cjk = len(_CJK.findall(prose))
    words = len(_WORD.findall(_CJK.sub(" ", prose)))
    return ProseCount(cjk, words)


def reading_minutes(body: str, chars_per_minute: int = 500, words_per_minute: int = 200) -> int:
    """Whole minutes (at least 1) needed to read the prose of ``body``, rounded up."""
    count = count_prose(body)
    minutes = count.cjk_chars / chars_per_minute + count.latin_words / words_per_minute
    return max(1, math.ceil(minutes - 1e-9))
