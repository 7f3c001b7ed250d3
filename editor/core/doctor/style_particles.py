"""The same particle twice in a row (をを, がが, にに, へへ), a typing slip."""

from __future__ import annotations

import re
from collections.abc import Iterator

from editor.core.doctor.context import Context
from editor.core.doctor.model import Edit, Finding, Fix

RULES = ("doubled-particle",)
# Only particles that never legitimately double; ののの or ががが are sound words.
_DOUBLED = re.compile(r"(?<![をがにへ])([をがにへ])\1(?![をがにへ])")


def check(ctx: Context) -> Iterator[Finding]:
    """A suggestion to drop one of two identical particles."""
    for _, offset, masked in ctx.masked_prose:
        for m in _DOUBLED.finditer(masked):
            start = offset + m.start()
            fix = Fix((Edit(start, start + 1, ""),), False, "Remove one", "一つ削除する")
            yield ctx.finding(
                RULES[0],
                "doubled",
                "info",
                start,
                start + 2,
                f"The particle “{m.group(1)}” is written twice",
                f"助詞「{m.group(1)}」が二重になっています",
                fix,
                particle=m.group(1),
            )
