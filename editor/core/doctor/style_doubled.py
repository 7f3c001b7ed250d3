"""Doubled particles (をを, がが) and doubled punctuation (、、 or 。。): slips when editing."""

from __future__ import annotations

import re
from collections.abc import Iterator

from editor.core.doctor.context import Context
from editor.core.doctor.model import Edit, Finding, Fix

RULES = ("doubled-particle", "doubled-punctuation")
# Only particles that never legitimately double; ののの or ががが are sound words.
_PARTICLE = re.compile(r"(?<![をがにへ])([をがにへ])\1(?![をがにへ])")
# Exactly two: 。。。 is a deliberate ellipsis in some blogs.
_PUNCTUATION = re.compile(r"(?<![、。，．])([、。，．])\1(?![、。，．])")
# rule, name of the doubled character in params, pattern, fix (en, ja), message (en, ja)
_KINDS = (
    (
        RULES[0],
        "particle",
        _PARTICLE,
        ("Remove one", "一つ削除する"),
        ("The particle “{mark}” is written twice", "助詞「{mark}」が二重になっています"),
    ),
    (
        RULES[1],
        "mark",
        _PUNCTUATION,
        ("Keep one", "一つにする"),
        ("“{mark}” is written twice", "「{mark}」が二重になっています"),
    ),
)


def check(ctx: Context) -> Iterator[Finding]:
    """A suggestion to drop one of two identical particles or punctuation marks."""
    for rule, param, pattern, (fix_en, fix_ja), (message_en, message_ja) in _KINDS:
        if not ctx.config.enabled(rule):
            continue
        for _, offset, masked in ctx.masked_prose:
            for m in pattern.finditer(masked):
                start, mark = offset + m.start(), m.group(1)
                fix = Fix((Edit(start, start + 1, ""),), False, fix_en, fix_ja)
                yield ctx.finding(
                    rule,
                    "doubled",
                    "info",
                    start,
                    start + 2,
                    message_en.format(mark=mark),
                    message_ja.format(mark=mark),
                    fix,
                    **{param: mark},
                )
