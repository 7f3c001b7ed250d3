"""Doubled punctuation (、、 or 。。), usually a slip when editing."""

from __future__ import annotations

import re
from collections.abc import Iterator

from editor.core.doctor.context import Context
from editor.core.doctor.model import Edit, Finding, Fix

RULES = ("doubled-punctuation",)
# Exactly two: 。。。 is a deliberate ellipsis in some blogs.
_DOUBLED = re.compile(r"(?<![、。，．])([、。，．])\1(?![、。，．])")


def check(ctx: Context) -> Iterator[Finding]:
    """A suggestion to keep one of two identical punctuation marks."""
    for _, offset, masked in ctx.masked_prose:
        for m in _DOUBLED.finditer(masked):
            start = offset + m.start()
            fix = Fix((Edit(start, start + 1, ""),), False, "Keep one", "一つにする")
            yield ctx.finding(
                RULES[0],
                "doubled",
                "info",
                start,
                start + 2,
                f"“{m.group(1)}” is written twice",
                f"「{m.group(1)}」が二重になっています",
                fix,
                mark=m.group(1),
            )
