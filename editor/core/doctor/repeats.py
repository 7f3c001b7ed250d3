"""Repeated text: a sentence, paragraph or section that appears more than once.

Exact and near copies come from :mod:`similarity`; consecutive copies of consecutive sentences
are reported as one passage.  Removing the later copy is safe when it is exact (or a passage of
several very similar sentences) and it sits where generated text gets repeated: at the start or
end of a paragraph, or right after its original.  Other copies are shown with both places so the
writer chooses.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from editor.core.doctor.context import Context
from editor.core.doctor.model import Edit, Finding, Fix
from editor.core.doctor.safety import new_facts
from editor.core.doctor.similarity import Match, similarity
from editor.core.doctor.text import normalize
from editor.core.words import QT_TRANSLATE_NOOP, Phrase

RULES = ("repeated-text",)
_STRUCTURE = re.compile(r"[\s#>*+-]+")
_MAX_COMPARED = 8000  # characters of two passages difflib compares whole
_RESTART_WINDOW = 4000  # how far back a restarted piece repeats what came before


def _runs(ctx: Context) -> list[list[Match]]:
    """Matches grouped into runs of consecutive copies of consecutive originals."""
    runs: list[list[Match]] = []
    for m in sorted(ctx.matches, key=lambda m: m.copy):
        if runs:
            last = runs[-1][-1]
            if m.copy == last.copy + 1 and m.original == last.original + 1:
                if m.original < runs[-1][0].copy and _same_gap(ctx, last.copy, last.original):
                    runs[-1].append(m)
                    continue
        runs.append([m])
    out: list[list[Match]] = []
    for run in runs:
        floor = out[-1][-1].copy if out else -1
        if run[0].copy <= floor:
            continue  # taken in by the run before, which was widened over it
        # Widening stops at the previous run, so each unit is looked at a bounded number of
        # times: a post made of one paragraph copied a thousand times stays linear.
        out.append(_widen(ctx, run, floor))
    return out


def _same_gap(ctx: Context, copy: int, original: int) -> bool:
    """True when what follows unit ``copy`` up to the next unit equals what follows ``original``.

    A run of copies must not jump over a code block or image that differs between the two.
    """
    units, text = ctx.units, ctx.text
    if copy + 1 >= len(units):
        return False
    gap_copy = text[units[copy].end : units[copy + 1].start]
    gap_original = text[units[original].end : units[original + 1].start]
    return normalize(gap_copy) == normalize(gap_original)


def _widen(ctx: Context, run: list[Match], floor: int = -1) -> list[Match]:
    """Take in equal short units (a heading, a short line) just before or after both copies.

    Not back past unit ``floor``, the last copy of the run before.
    """
    units = ctx.units
    before: list[Match] = []
    c, o = run[0].copy - 1, run[0].original - 1
    while o >= 0 and c > floor and units[c].raw == units[o].raw and c > run[-1].original:
        if not _same_gap(ctx, c, o):
            break
        before.append(Match(c, o, 1.0))
        c, o = c - 1, o - 1
    run = before[::-1] + run
    while True:
        c, o = run[-1].copy + 1, run[-1].original + 1
        if c >= len(units) or units[c].raw != units[o].raw or o >= run[0].copy:
            break
        if not _same_gap(ctx, c - 1, o - 1):
            break
        run.append(Match(c, o, 1.0))
    return run


def _passage_similarity(ctx: Context, run: list[Match]) -> float:
    """difflib's ratio of the two passages; for long ones, the sentences' ratios weighted by length.

    difflib is quadratic in the length of what it compares, and a passage may be most of a post.
    """
    units = ctx.units
    original = "".join(u.raw for u in units[run[0].original : run[-1].original + 1])
    copy = "".join(u.raw for u in units[run[0].copy : run[-1].copy + 1])
    if len(original) + len(copy) <= _MAX_COMPARED:
        return similarity(original, copy)
    weights = [len(units[m.copy].raw) for m in run]
    return sum(m.ratio * w for m, w in zip(run, weights, strict=True)) / max(1, sum(weights))


def _removal(ctx: Context, first: int, last: int) -> Edit:
    """The edit deleting units ``first..last`` with the white space that goes with them."""
    units, blocks = ctx.units, ctx.blocks
    start, end = units[first].start, units[last].end
    b0, b1 = blocks[units[first].block], blocks[units[last].block]
    whole_start = start <= b0.content_start
    whole_end = end >= b1.end
    if whole_start:
        start = b0.start
    if whole_start and whole_end:
        index = units[last].block + 1
        if index < len(blocks):
            return Edit(start, blocks[index].start, "")
        prev = units[first].block - 1
        return Edit(blocks[prev].end if prev >= 0 else start, end, "")
    if whole_end:
        before = units[first - 1].end if first > 0 else start
        if first > 0 and units[first - 1].block == units[first].block:
            start = before
        return Edit(start, end, "")
    after = units[last + 1].start if last + 1 < len(units) else end
    return Edit(start, after, "")


def check(ctx: Context) -> Iterator[Finding]:
    """One finding per repeated sentence or passage, pointing at the later copy."""
    units, text = ctx.units, ctx.text
    has_markers = any(b.kind == "marker" for b in ctx.blocks)
    for run in _runs(ctx):
        c0, c1 = run[0].copy, run[-1].copy
        o0, o1 = run[0].original, run[-1].original
        copy = (units[c0].start, units[c1].end)
        original = (units[o0].start, units[o1].end)
        exact = all(m.ratio == 1.0 for m in run)
        if exact:
            ratio = 1.0
        elif len(run) == 1:
            ratio = run[0].ratio
        else:
            ratio = _passage_similarity(ctx, run)
        block_first = ctx.blocks[units[c0].block]
        # Only Markdown structure between the copies; matched in place, stopping at the first
        # word, so copies far apart cost nothing.
        adjacent = (
            original[1] >= copy[0] or _STRUCTURE.fullmatch(text, original[1], copy[0]) is not None
        )
        # Generated text that restarts repeats the sentences before the cut at the start of a
        # new paragraph, where the original sat inside one.  Whole paragraphs repeated far apart
        # are often deliberate in reference posts, so those are left to the writer.
        block_original = ctx.blocks[units[o0].block]
        kinds = {ctx.blocks[units[m.copy].block].kind for m in run}
        prose = "paragraph" in kinds and kinds <= {"paragraph", "heading"}
        restart = (
            copy[0] <= block_first.content_start
            and original[0] > block_original.content_start
            and (exact or (len(run) > 1 and ratio >= ctx.config.safe_similarity))
            and copy[0] - original[1] <= _RESTART_WINDOW
        )
        safe = not has_markers and prose and ((adjacent and exact) or restart)
        # A lone sentence said again far away is often deliberate (a refrain, an instruction
        # before each example); a repeated passage or a restart is what breaks a post.
        passage = len(run) > 1
        severity = "warning" if prose and (safe or passage or adjacent or restart) else "info"
        line = ctx.lines.position(original[0])[0]
        pct = round(ratio * 100)
        if exact and passage:
            said = QT_TRANSLATE_NOOP(
                "doctor", "This passage repeats the one on line {line} word for word"
            )
        elif exact:
            said = QT_TRANSLATE_NOOP(
                "doctor", "This sentence repeats the one on line {line} word for word"
            )
        elif passage:
            said = QT_TRANSLATE_NOOP(
                "doctor", "This passage nearly repeats the one on line {line} ({pct}% similar)"
            )
        else:
            said = QT_TRANSLATE_NOOP(
                "doctor", "This sentence nearly repeats the one on line {line} ({pct}% similar)"
            )
        wording = Phrase(said, line=line, pct=pct)
        # A copy with its own number, link, code or footnote is another statement, not a take.
        own = new_facts(text[original[0] : original[1]], text[copy[0] : copy[1]])
        fix = Fix(
            (_removal(ctx, c0, c1),),
            safe and not own,
            Phrase(
                QT_TRANSLATE_NOOP("doctor", "Remove this copy and keep the one on line {line}"),
                line=line,
            ),
            reviewed=not own,
        )
        code = ("exact-" if exact else "near-") + ("passage" if len(run) > 1 else "sentence")
        yield ctx.finding(
            RULES[0],
            code,
            severity,
            copy[0],
            copy[1],
            wording,
            fix,
            (original,),
            similarity=pct,
            original_line=line,
            sentences=len(run),
            **({"differs_in": own} if own else {}),
        )
