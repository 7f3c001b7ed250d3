"""Continuation markers: lines such as ``---END---`` left where a text was produced in pieces.

The stitch fix removes the marker and joins the pieces the way the text was meant to read:

* the next piece repeats the end of the previous one (a few characters up to whole sentences,
  white space aside): one copy is kept (the longest suffix/prefix overlap, found with KMP);
* the next piece is an alternate version of text already in the post: it is dropped;
* the previous piece stops mid-sentence: the next one continues the same paragraph;
* otherwise the pieces become separate paragraphs; a marker at the end is simply removed.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from difflib import SequenceMatcher

from editor.core.doctor.context import Context
from editor.core.doctor.model import Edit, Finding, Fix
from editor.core.doctor.safety import facts, latin, new_facts
from editor.core.doctor.similarity import (
    MAX_POSTING,
    MIN_RESEMBLANCE,
    resemblance,
    similarity,
    sketch,
)
from editor.core.doctor.text import SENTENCE_END, Block, ends_sentence
from editor.core.words import QT_TRANSLATE_NOOP, Phrase

RULES = ("continuation-marker",)
_WINDOW = 12000  # characters of each piece searched for an overlap (a few long paragraphs)
_RESTS = "、。，．,.)）」』】"
_STRONG = 0.95  # similarity of a sentence that is the same text with a slip or two
_SHORT_LEFT = 0.15  # share of short, unmatched bits a dropped duplicate piece may hold
_UNSAFE_COVERAGE = 0.6
_SURE_OVERLAP = 12  # an overlap this long is no coincidence
_MIN_RESTART = 8  # a reworded restart is only recognised for a cut sentence this long
_MAX_CUT_SENTENCE = 2000  # ... and at most this long (difflib is quadratic in it)


def _groups(blocks: list[Block]) -> list[tuple[int, int]]:
    """(first, last) indices of runs of marker blocks with only blank lines between them."""
    out: list[tuple[int, int]] = []
    for i, block in enumerate(blocks):
        if block.kind != "marker":
            continue
        if out and out[-1][1] == i - 1:
            out[-1] = (out[-1][0], i)
        else:
            out.append((i, i))
    return out


def _squeeze(text: str, start: int, end: int) -> tuple[str, list[int]]:
    """``text[start:end]`` without white space, with each kept character's offset."""
    offsets = [i for i in range(start, end) if not text[i].isspace()]
    return "".join(text[i] for i in offsets), offsets


def longest_overlap(tail: str, head: str) -> int:
    """Length of the longest suffix of ``tail`` that is also a prefix of ``head`` (KMP)."""
    return next(overlaps(tail, head), 0)


def overlaps(tail: str, head: str) -> Iterator[int]:
    """Lengths of every suffix of ``tail`` that is also a prefix of ``head``, longest first.

    KMP's border chain: the longest border, then the longest border of that, and so on.
    """
    if not tail or not head:
        return
    pattern = head + "\x00" + tail
    border = [0] * len(pattern)
    k = 0
    for i in range(1, len(pattern)):
        while k and pattern[i] != pattern[k]:
            k = border[k - 1]
        if pattern[i] == pattern[k]:
            k += 1
        border[i] = k
    k = border[-1]
    while k:
        yield k
        k = border[k - 1]


def _inside_word(text: str, at: int) -> bool:
    """True when ``text[at - 1]`` and ``text[at]`` are both Latin letters or digits."""
    return 0 < at < len(text) and latin(text[at - 1]) and latin(text[at])


def _overlap(
    text: str, tail: str, tail_at: list[int], head: str, head_at: list[int], least: int
) -> int:
    """The longest overlap of at least ``least`` characters that, in Latin text, starts and ends
    on word boundaries: "the app" before a marker and "the apple" after it do not overlap."""
    for k in overlaps(tail, head):
        if k < least:
            break
        if not _inside_word(text, tail_at[len(tail) - k]) and not _inside_word(
            text, head_at[k - 1] + 1
        ):
            return k
    return 0


def _joiner(prev_char: str, next_char: str) -> str:
    """What goes between two halves of a cut sentence: a space only between Latin words."""
    if prev_char.isascii() and next_char.isascii():
        if (prev_char.isalnum() or prev_char in ",;:") and next_char.isalnum():
            return " "
    return ""


class _Index:
    """What every marker's piece is compared with, built once per post (not once per marker)."""

    def __init__(self, ctx: Context):
        units = ctx.units
        self.originals = {m.copy: m.original for m in ctx.matches}
        self.first_end: dict[str, int] = {}  # raw key -> end of its first sentence
        for unit in units:
            self.first_end.setdefault(unit.raw, unit.end)
        self.blocks = [u.block for u in units]
        # (end, raw key, sketch) of every sentence long enough, and sketch value -> entries.
        self.pool = [(u.end, u.raw, sketch(u.raw)) for u in units if len(u.raw) >= 10]
        self.postings: dict[int, list[int]] = {}
        for i, (_, _, values) in enumerate(self.pool):
            for value in values:
                self.postings.setdefault(value, []).append(i)

    def earlier(self, raw: str, before: int) -> bool:
        """True when a sentence with exactly ``raw`` ends by ``before``."""
        return self.first_end.get(raw, before + 1) <= before

    def units_in(self, first: int, last: int) -> range:
        """Indices of the units in blocks ``first..last``."""
        return range(bisect_left(self.blocks, first), bisect_right(self.blocks, last))


def _duplicate_coverage(
    ctx: Context, index: _Index, first: int, last: int, marker_start: int, cut: bool
) -> tuple[float, bool]:
    """Share of the piece's prose (blocks ``first..last``) already present before the marker.

    Also says whether dropping the piece is safe: every sentence long enough to compare has a
    copy before the marker, and what is left uncovered is a few short bits.  After a ``cut``
    sentence the piece's first sentence may be its rest ("、本当にありがとうございました。"); when
    it looks like one it only counts if it is word for word earlier text.
    """
    units, threshold = ctx.units, ctx.config.similarity_threshold
    originals = index.originals
    total = covered = exact = short_left = 0
    long_left, long_covered = False, False
    opening = True
    for i in index.units_in(first, last):
        unit = units[i]
        total += len(unit.raw)
        original = units[originals[i]] if i in originals else None
        ratio = 0.0
        # The rest of a cut sentence starts with its punctuation or is short.
        looks_like_rest = unit.raw[:1] in _RESTS or len(unit.raw) < 20
        strict, opening = cut and opening and looks_like_rest, False
        # Raw keys: sentences that differ only in their links or code are not copies here.
        if index.earlier(unit.raw, marker_start):
            ratio = 1.0
        elif strict:
            pass
        elif original is not None and original.end <= marker_start:
            ratio = similarity(unit.raw, original.raw)
        if ratio < threshold and not strict:
            ratio = max(ratio, _near_any(unit.raw, index, marker_start, threshold))
        if ratio >= _STRONG:
            exact += len(unit.raw)
        if ratio >= threshold:
            covered += len(unit.raw)
            long_covered |= len(unit.raw) >= ctx.config.min_repeat_length
        elif len(unit.raw) >= ctx.config.min_repeat_length:
            long_left = True
        else:
            short_left += len(unit.raw)
    if not total:
        return 0.0, False
    # Formulaic sentences ("詳細は…を参照してください。") are alike without being copies, so
    # at least half of a droppable piece must be earlier text almost word for word.
    safe = (
        long_covered and not long_left and short_left <= _SHORT_LEFT * total and exact * 2 >= total
    )
    return covered / total, safe


def _near_any(key: str, index: _Index, before: int, threshold: float) -> float:
    """The best ratio (0 if none reaches ``threshold``) of ``key`` against sentences before ``before``.

    Only sentences sharing a sketch value can resemble ``key``, so those are found through the
    index's postings (values shared by very many sentences say nothing and are skipped).  The
    repeat index compares text with markup blanked; a piece that repeats a paragraph full of HTML
    or links is only recognised on its raw text, so it is compared here again.
    """
    if len(key) < 10:
        return 0.0  # very short sentences are too alike to tell copies from chance
    threshold = max(threshold, 0.9)
    own = sketch(key)
    candidates: set[int] = set()
    for value in own:
        posting = index.postings.get(value, ())
        if len(posting) <= MAX_POSTING:
            candidates.update(posting)
    matcher = SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(key)
    best = 0.0
    for i in sorted(candidates):
        end, other, other_sketch = index.pool[i]
        if end > before or abs(len(other) - len(key)) > max(3, len(key) // 3):
            continue
        if resemblance(own, other_sketch) < MIN_RESEMBLANCE:
            continue
        matcher.set_seq1(other)
        if matcher.real_quick_ratio() >= threshold and matcher.quick_ratio() >= threshold:
            best = max(best, matcher.ratio())
    return best if best >= threshold else 0.0


def _restarted(ctx: Context, prev: Block, next_start: int, limit: int) -> tuple[int, float] | None:
    """Where the cut sentence before a marker starts, if the next piece starts it again reworded.

    Returns (start of the cut sentence, similarity) or None.
    """
    text = ctx.text
    tail_start = prev.content_start
    for m in SENTENCE_END.finditer(text, prev.content_start, prev.end):
        tail_start = m.end()
    while tail_start < prev.end and text[tail_start].isspace():
        tail_start += 1
    if prev.end - tail_start > _MAX_CUT_SENTENCE:
        return None  # no sentence is this long: a block of text without punctuation
    tail, _ = _squeeze(text, tail_start, prev.end)
    if len(tail) < _MIN_RESTART:
        return None
    head, _ = _squeeze(text, next_start, min(limit, next_start + 2 * len(tail) + 20))
    matcher = SequenceMatcher(None, tail, head, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if not blocks or blocks[0].a > 2 or blocks[0].b > 2:
        return None  # the next piece must start where the cut sentence started
    end = blocks[-1].b + blocks[-1].size
    ratio = similarity(tail, head[:end])
    return (tail_start, ratio) if ratio >= ctx.config.similarity_threshold else None


def _emit(
    ctx, span, code, edit, safe, fix_words, wording, related=(), reviewed=False, **params
) -> Finding:
    """A marker finding at ``span`` (start, end, marker) with a one-edit fix.

    ``reviewed``: the fix drops an alternate take, so when it is not safe the writer compares
    both takes first (:class:`Fix`).
    """
    start, end, marker = span
    fix = Fix((edit,), safe, fix_words, reviewed)
    return ctx.finding(
        RULES[0], code, "error", start, end, wording, fix, related, marker=marker, **params
    )


def check(ctx: Context) -> Iterator[Finding]:
    """One finding per marker (or run of markers), each with its stitch fix."""
    blocks, text, nl = ctx.blocks, ctx.text, ctx.newline
    groups = _groups(blocks)
    index = _Index(ctx) if groups else None
    seen, seen_to = set(), ctx.body_start  # facts of the text before the marker, kept up to date
    for n, (gi, gj) in enumerate(groups):
        marker_start, marker_end = blocks[gi].start, blocks[gj].end
        seen |= facts(text[seen_to:marker_start])
        seen_to = max(seen_to, marker_start)
        marker = text[marker_start : blocks[gi].end].strip()
        span = (marker_start, marker_end, marker)
        prev = blocks[gi - 1] if gi > 0 and blocks[gi - 1].kind != "marker" else None
        prev_end = prev.end if prev else marker_start
        piece_first = gj + 1
        piece_last = (groups[n + 1][0] if n + 1 < len(groups) else len(blocks)) - 1
        after = blocks[groups[n + 1][0]].start if n + 1 < len(groups) else len(text)
        if piece_first > piece_last:
            yield _emit(
                ctx,
                span,
                "trailing",
                Edit(prev_end, after, nl if after == len(text) and prev else ""),
                True,
                Phrase(QT_TRANSLATE_NOOP("doctor", "Remove the marker")),
                Phrase(
                    QT_TRANSLATE_NOOP(
                        "doctor",
                        "The marker {marker} is left at the end of a piece; nothing follows it",
                    ),
                    marker=marker,
                ),
            )
            continue
        next_block = blocks[piece_first]
        next_start = next_block.start
        piece_start = blocks[groups[n - 1][1]].end if n else ctx.body_start
        tail, tail_at = _squeeze(text, max(piece_start, prev_end - _WINDOW), prev_end)
        head, head_at = _squeeze(text, next_start, min(after, next_start + _WINDOW))
        k = _overlap(text, tail, tail_at, head, head_at, ctx.config.min_overlap) if prev else 0
        cut = (
            prev is not None
            and prev.kind in ("paragraph", "list", "quote")
            and next_block.kind == "paragraph"
            and not ends_sentence(text[prev.content_start : prev.end])
        )
        coverage, droppable = _duplicate_coverage(
            ctx, index, piece_first, piece_last, marker_start, cut
        )
        # A short overlap may be chance when the piece as a whole clearly repeats earlier text.
        if k >= ctx.config.min_overlap and (k >= _SURE_OVERLAP or not droppable):
            end = head_at[k - 1] + 1
            yield _emit(
                ctx,
                span,
                "overlap",
                Edit(prev_end, end, ""),
                True,
                Phrase(
                    QT_TRANSLATE_NOOP(
                        "doctor", "Remove the marker and the repeated text, joining the pieces"
                    )
                ),
                Phrase(
                    QT_TRANSLATE_NOOP(
                        "doctor",
                        "The piece after {marker} starts by repeating the last {overlap} characters "
                        "of the previous piece",
                    ),
                    marker=marker,
                    overlap=k,
                ),
                ((tail_at[len(tail) - k], prev_end), (next_start, end)),
                overlap=k,
            )
            continue
        # After a cut sentence a short piece may merely look like earlier text; only a piece that
        # clearly repeats it is taken for a duplicate there.
        if coverage >= _UNSAFE_COVERAGE and (droppable or not cut):
            replacement = (nl if after == len(text) else nl + nl) if prev else ""
            pct = round(coverage * 100)
            own = new_facts(seen, text[prev_end:after])
            yield _emit(
                ctx,
                span,
                "duplicate-piece",
                Edit(prev_end, after, replacement),
                droppable and not own,
                Phrase(QT_TRANSLATE_NOOP("doctor", "Drop the repeated piece and the marker")),
                Phrase(
                    QT_TRANSLATE_NOOP(
                        "doctor",
                        "The piece after {marker} repeats text already in the post ({pct}% of it)",
                    ),
                    marker=marker,
                    pct=pct,
                ),
                ((next_start, blocks[piece_last].end),),
                reviewed=not own,
                coverage=pct,
                **({"differs_in": own} if own else {}),
            )
            continue
        restart = _restarted(ctx, prev, next_start, after) if cut else None
        if restart is not None:
            tail_start, ratio = restart
            pct = round(ratio * 100)
            complete = SENTENCE_END.search(text, next_start, after)
            own = new_facts(
                text[next_start : complete.end() if complete else after],
                text[tail_start:prev_end],
            )
            yield _emit(
                ctx,
                span,
                "restart",
                Edit(tail_start, next_start, ""),
                ratio >= ctx.config.safe_similarity and not own,
                Phrase(QT_TRANSLATE_NOOP("doctor", "Keep the complete sentence after the marker")),
                Phrase(
                    QT_TRANSLATE_NOOP(
                        "doctor",
                        "The piece after {marker} starts the cut sentence again, slightly reworded "
                        "({pct}% similar)",
                    ),
                    marker=marker,
                    pct=pct,
                ),
                ((tail_start, prev_end),),
                reviewed=not own,
                similarity=pct,
                **({"differs_in": own} if own else {}),
            )
        elif cut:
            yield _emit(
                ctx,
                span,
                "continuation",
                Edit(prev_end, next_start, _joiner(text[prev_end - 1], text[next_start])),
                True,
                Phrase(QT_TRANSLATE_NOOP("doctor", "Remove the marker and join the sentence")),
                Phrase(
                    QT_TRANSLATE_NOOP(
                        "doctor",
                        "The text before {marker} stops mid-sentence and continues after it",
                    ),
                    marker=marker,
                ),
            )
        else:
            yield _emit(
                ctx,
                span,
                "paragraph",
                Edit(prev_end, next_start, nl + nl if prev else ""),
                True,
                Phrase(QT_TRANSLATE_NOOP("doctor", "Remove the marker")),
                Phrase(
                    QT_TRANSLATE_NOOP(
                        "doctor", "The marker {marker} separates two pieces of the text"
                    ),
                    marker=marker,
                ),
            )
