"""Doubled particles (をを, がが) and doubled punctuation (、、 or 。。): slips when editing."""

from __future__ import annotations

import re
from collections.abc import Iterator

from editor.core.doctor.context import Context
from editor.core.doctor.model import Edit, Finding, Fix
from editor.core.words import QT_TRANSLATE_NOOP, Phrase

RULES = ("doubled-particle", "doubled-punctuation")
# Only particles that never legitimately double; ののの or ががが are sound words.
_PARTICLE = re.compile(r"(?<![をがにへ])([をがにへ])\1(?![をがにへ])")
# Exactly two: 。。。 is a deliberate ellipsis in some blogs.
_PUNCTUATION = re.compile(r"(?<![、。，．])([、。，．])\1(?![、。，．])")
# rule, name of the doubled character in params, pattern, fix, message
_KINDS = (
    (
        RULES[0],
        "particle",
        _PARTICLE,
        QT_TRANSLATE_NOOP("doctor", "Remove one"),
        QT_TRANSLATE_NOOP("doctor", "The particle “{mark}” is written twice"),
    ),
    (
        RULES[1],
        "mark",
        _PUNCTUATION,
        QT_TRANSLATE_NOOP("doctor", "Keep one"),
        QT_TRANSLATE_NOOP("doctor", "“{mark}” is written twice"),
    ),
)


def check(ctx: Context) -> Iterator[Finding]:
    """A suggestion to drop one of two identical particles or punctuation marks."""
    for rule, param, pattern, fix_words, message in _KINDS:
        if not ctx.config.enabled(rule):
            continue
        for _, offset, masked in ctx.masked_prose:
            for m in pattern.finditer(masked):
                start, mark = offset + m.start(), m.group(1)
                fix = Fix((Edit(start, start + 1, ""),), False, Phrase(fix_words))
                yield ctx.finding(
                    rule,
                    "doubled",
                    "info",
                    start,
                    start + 2,
                    Phrase(message, mark=mark),
                    fix,
                    **{param: mark},
                )
