"""Heading ids as kramdown's GFM parser generates them (Japanese kept, ``-1`` for duplicates)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

# Ruby's \p{Word}: letters, marks, decimal and letter numbers, connector punctuation.
_WORD_CATEGORIES = ("L", "M", "Nd", "Nl", "Pc")


def _is_kept(char: str) -> bool:
    if char in "- \t":
        return True
    category = unicodedata.category(char)
    return category.startswith(_WORD_CATEGORIES) or category in _WORD_CATEGORIES


def gfm_slug(raw_text: str) -> str:
    """kramdown-parser-gfm's id for a heading's plain text, before duplicates are counted."""
    kept = "".join(c for c in raw_text.lower() if _is_kept(c))
    return kept.replace(" ", "-").replace("\t", "-")


class HeadingIds:
    """Hands out ids for one document: the second ``foo`` becomes ``foo-1``."""

    def __init__(self) -> None:
        self._seen: Counter[str] = Counter()

    def base(self, raw_text: str) -> str:
        """The id of a heading whose plain text is ``raw_text``, before repeats are counted."""
        return gfm_slug(raw_text)

    def count(self, base: str) -> None:
        """Count a heading with this base id that came before (as :meth:`next_id` would)."""
        self._seen[base] += 1

    def next_id(self, raw_text: str) -> str:
        """The id for the next heading whose plain text is ``raw_text``."""
        base = self.base(raw_text)
        count = self._seen[base]
        self._seen[base] += 1
        return f"{base}-{count}" if count else base


def basic_slug(raw_text: str) -> str:
    """kramdown's own (non-GFM) id, used for headings inside ``markdown="1"`` HTML."""
    text = re.sub(r"^[^a-zA-Z]+", "", raw_text)
    text = re.sub(r"[^a-zA-Z0-9 -]", "", text)
    return text.replace(" ", "-").lower() or "section"


class BasicHeadingIds(HeadingIds):
    """Ids the way kramdown's base parser makes them: ASCII only, ``section`` when empty."""

    def base(self, raw_text: str) -> str:
        """The id of a heading whose plain text is ``raw_text``, before repeats are counted."""
        return basic_slug(raw_text)
