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
from bisect import bisect_right
from collections.abc import Iterable, Sequence

from editor.core.doctor.model import Edit
from editor.core.doctor.text import SENTENCE_END, iter_lines
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


class _Words:
    """The words of a whole text, read once (line by line: no word crosses a line break), with
    where each line's words begin and end, so that the words of a stretch of lines are a slice."""

    def __init__(self, text: str):
        self.text = text
        parts: list[str] = []
        self.line_starts: list[int] = []  # where each line starts in the text
        self.word_starts: list[int] = []  # ... where its words start in the words
        self.word_ends: list[int] = []  # ... and end (a Latin word's space after it included)
        length, spaced = 0, False
        for start, _, end in iter_lines(text):
            piece = words(text[start:end])
            shared = piece.startswith(" ") and spaced
            if shared:
                piece = piece[1:]  # two Latin words share the space between them
            self.line_starts.append(start)
            self.word_starts.append(length - 1 if shared else length)
            if piece:
                parts.append(piece)
                spaced = piece.endswith(" ")
            length += len(piece)
            self.word_ends.append(length)
        self.line_starts.append(len(text))
        self.word_starts.append(length)
        self.words = "".join(parts)

    def before(self, offset: int) -> int:
        """The end (in the words) of the lines wholly before ``offset``, line break included:
        the result of an edit at ``offset`` starts with these words."""
        i = bisect_right(self.line_starts, offset) - 2
        if i == len(self.word_ends) - 1 and not self.text.endswith(("\n", "\r")):
            i -= 1  # the last line has no line break: what is added at its end joins it
        return self.word_ends[i] if i >= 0 else 0

    def after(self, offset: int) -> int:
        """Where (in the words) the first line starting after ``offset`` begins: the result of
        an edit ending at ``offset`` ends with the words from there."""
        i = bisect_right(self.line_starts, offset)
        return self.word_starts[i] if i < len(self.word_starts) else len(self.words)


_LAST: list[_Words] = []  # the words of the text checked last (every finding shares them)


def _words_of(text: str) -> _Words:
    if not _LAST or _LAST[0].text is not text:
        _LAST[:] = [_Words(text)]
    return _LAST[0]


def _missing(
    text: str,
    edits: Sequence[Edit],
    wanted: list[tuple[int, list[str]]],
    result: str | None,
    at: Sequence[int] | None,
) -> list[str]:
    """The pieces of ``wanted`` ((edit index, pieces)) found nowhere in ``text`` once ``edits``
    are made (``result``, when given, is that text and ``at`` where each edit lands in it).

    First around the edit, in the result; then in the words of the text's lines the edits do not
    touch, which the result holds unchanged (read once per text, not once per fix), or in the
    whole result's words when it was given (read once per result).
    """
    reach = max(_WINDOW, 2 * max(len(p) for _, pieces in wanted for p in pieces))
    order = sorted(edits, key=lambda e: (e.start, e.end))
    lost = []
    for i, pieces in wanted:
        if result is not None and at is not None:
            local = result[max(0, at[i] - reach) : at[i] + reach]
        else:
            local = _around(text, order, edits[i], reach)
        local_words = words(local)
        lost += [p for p in pieces if p not in local_words]
    if not lost:
        return []
    if result is not None:
        whole = _words_of(result).words
        return [p for p in lost if p not in whole]
    index = _words_of(text)
    # The lines between the edits (and before the first, after the last) are in the result as
    # they are; only a piece in none of them is lost.
    kept_spans = []
    previous = 0
    for e in order:
        kept_spans.append((previous, e.start))
        previous = e.end
    kept_spans.append((previous, len(text)))
    ranges = []
    for start, end in kept_spans:
        ws, we = (
            index.after(start) if start else 0,
            index.before(end) if end < len(text) else len(index.words),
        )
        if ws < we:
            ranges.append((ws, we))
    return [p for p in lost if not any(index.words.find(p, ws, we) != -1 for ws, we in ranges)]


def _around(text: str, order: list[Edit], edit: Edit, reach: int) -> str:
    """The result of ``order`` (sorted edits) around ``edit``, ``reach`` characters each side."""
    lo, hi = max(0, edit.start - reach), min(len(text), edit.end + reach)
    near = [e for e in order if e.start <= hi and e.end >= lo]
    if near:  # an edit across the window's edge is taken whole
        lo, hi = min(lo, near[0].start), max(hi, near[-1].end)
    shifted = [Edit(e.start - lo, e.end - lo, e.replacement) for e in near]
    return apply_edits(text[lo:hi], shifted)[0]


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

    ``result`` is the text after the edits, when the caller has it (several fixes made
    together), and ``at`` where each edit's replacement starts in it.  Edits inside an ``exempt`` span
    (the value of a measured field) are not checked.
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
    return [readable(p) for p in _missing(text, edits, wanted, result, at)]


def keeps_every_word(text: str, edits: Sequence[Edit], **kwargs) -> bool:
    """True when every word ``edits`` remove from ``text`` is still in the result."""
    return not lost_words(text, edits, **kwargs)
