"""Whether a fix loses any of the writer's words: the one test a fix must pass to be safe.

A rule may only propose a fix as safe; :func:`editor.core.doctor.diagnose` keeps it safe only
when :func:`lost_words` finds nothing, and :func:`editor.core.doctor.plan_fixes` checks again on
the text that all fixes of a round produce together (two fixes that each remove one copy of the
same sentence are safe alone, not together).

What counts as a word.  Japanese is written without spaces and its particles (が, を, の) occur
in every sentence, so a bag of short tokens would call 「Microsoftが」 kept as long as the post
says "Microsoft" and "が" anywhere.  Instead the text an edit removes is cut into *pieces* at
sentence ends and line breaks, continuation marker lines are dropped, and each piece is reduced
to its letters and digits (kana, kanji, Latin letters, digits: ``str.isalnum``; white space,
punctuation, symbols and control characters are not words).  The fix keeps every word when each
piece occurs, letters and digits in the same order and side by side, in the letters and digits
of the result.  A removed copy of a sentence that is still there passes; a near copy whose own
words ("Microsoftが") appear nowhere else fails.  A Latin word counts only whole (it stands
between word boundaries): removing "the app" where "the apple" remains loses "app".

The number of a front-matter field the doctor measures (``reading_time``) is not the writer's
words: an edit inside its value is not checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from editor.core.doctor.model import Edit
from editor.core.doctor.text import SENTENCE_END
from editor.core.text.edits import apply_edits

# Latin letters and digits make words between spaces; other letters (kana, kanji) make runs.
_LATIN = "0-9A-Za-z\u00c0-\u024f"
_TOKEN = re.compile(f"([{_LATIN}]+)|([^\\W_{_LATIN}]+)")
_LOOSE_SPACE = re.compile(f" (?![{_LATIN}])|(?<![{_LATIN}]) ")
_WINDOW = 4096  # characters each side of an edit looked at before the whole text is searched


_LATIN_CHAR = re.compile(f"[{_LATIN}]")


def latin(char: str) -> bool:
    """True when ``char`` is a Latin letter or digit: a part of a word that spaces delimit."""
    return _LATIN_CHAR.fullmatch(char) is not None


def words(text: str) -> str:
    """The letters and digits of ``text``, in order (what is compared).

    Each Latin word stands between spaces, so a piece "the app" is not found in "the apple":
    a Latin word is kept only whole.  Japanese, written without spaces, is a run.
    """
    out = [f" {m.group(1)} " if m.group(1) else m.group(2) for m in _TOKEN.finditer(text)]
    return "".join(out).replace("  ", " ")


def readable(piece: str) -> str:
    """A piece as the writer reads it: spaces only between Latin words."""
    return _LOOSE_SPACE.sub("", piece.strip())


# What makes one take of a passage say something else than another, however alike they read:
# a footnote reference, a link target or URL, a code span, a number.
_FACTS = re.compile(
    r"\[\^[^\]\s]+\]|\]\([^()\s]+\)|https?://[^\s)\]>」]+|`+[^`\r\n]*`+|\d+(?:[.,]\d+)*"
)


def facts(text: str) -> set[str]:
    """The footnote references, link targets, URLs, code spans and numbers in ``text``."""
    return set(_FACTS.findall(text))


def new_facts(kept: str | set[str], removed: str) -> list[str]:
    """What ``removed`` says that ``kept`` (a text or its :func:`facts`) does not: a take with
    its own number (2,000円 for 1,000円), URL, code or footnote is no alternate take to drop."""
    have = kept if isinstance(kept, set) else facts(kept)
    return sorted(facts(removed) - have)


def removed_pieces(removed: str, markers: Iterable[str] = ()) -> list[str]:
    """The words of ``removed`` cut at sentence ends and line breaks; marker lines dropped."""
    marker_set = {m.strip() for m in markers}
    pieces: list[str] = []
    for line in removed.splitlines():
        if line.strip() in marker_set:
            continue
        pos = 0
        for m in SENTENCE_END.finditer(line):
            pieces.append(words(line[pos : m.end()]))
            pos = m.end()
        pieces.append(words(line[pos:]))
    return [p for p in pieces if p.strip()]


class _Result:
    """The words of a result text, computed whole only when a local look is not enough."""

    def __init__(self, text: str):
        self.text = text
        self._words: str | None = None

    def missing(self, pieces: list[str], near: int) -> list[str]:
        """The ``pieces`` that occur neither around ``near`` nor anywhere in the text."""
        reach = max(_WINDOW, 2 * max(len(p) for p in pieces))
        local = words(self.text[max(0, near - reach) : near + reach])
        left = [p for p in pieces if p not in local]
        if left and self._words is None:
            self._words = words(self.text)
        return [p for p in left if p not in self._words]


def lost_words(
    text: str,
    edits: Sequence[Edit],
    markers: Iterable[str] = (),
    exempt: Sequence[tuple[int, int]] = (),
    result: str | None = None,
    at: Sequence[int] | None = None,
) -> list[str]:
    """The pieces (letters and digits) that ``edits`` remove from ``text`` and that the result
    no longer contains; empty when the fix keeps every word.

    ``result`` is the text after the edits (by default ``edits`` applied to ``text`` alone) and
    ``at`` where each edit's replacement starts in it.  Edits inside an ``exempt`` span (the
    value of a measured field) are not checked.
    """
    markers = tuple(markers)
    wanted = []
    for i, edit in enumerate(edits):
        if any(s <= edit.start and edit.end <= e for s, e in exempt):
            continue
        pieces = removed_pieces(text[edit.start : edit.end], markers)
        if pieces:
            wanted.append((i, pieces))
    if not wanted:
        return []
    if result is None:
        result, at = apply_edits(text, edits)
    haystack = _Result(result)
    lost = []
    for i, pieces in wanted:
        lost += haystack.missing(pieces, at[i] if at is not None else 0)
    return [readable(p) for p in lost]


def keeps_every_word(text: str, edits: Sequence[Edit], **kwargs) -> bool:
    """True when every word ``edits`` remove from ``text`` is still in the result."""
    return not lost_words(text, edits, **kwargs)
