"""Heading levels that jump (h2 followed by h4), which breaks outlines and tables of contents."""

from __future__ import annotations

import re
from collections.abc import Iterator

from editor.core.doctor.context import Context
from editor.core.doctor.model import Edit, Finding, Fix
from editor.core.words import QT_TRANSLATE_NOOP, Phrase

RULES = ("heading-level",)
_HASHES = re.compile(r" {0,3}(#{1,6})")


def check(ctx: Context) -> Iterator[Finding]:
    """A finding for each ATX heading more than one level below the heading before it."""
    previous = 0
    for block in ctx.blocks:
        if block.kind != "heading" or block.level == 0:
            continue
        level = block.level
        if previous and level > previous + 1:
            m = _HASHES.match(ctx.text, block.start)
            want = previous + 1
            fix = Fix(
                (Edit(m.start(1), m.end(1), "#" * want),),
                False,
                Phrase(QT_TRANSLATE_NOOP("doctor", "Make it a level-{want} heading"), want=want),
            )
            yield ctx.finding(
                RULES[0],
                "jump",
                "warning",
                block.start,
                block.end,
                Phrase(
                    QT_TRANSLATE_NOOP("doctor", "Heading level jumps from h{previous} to h{level}"),
                    previous=previous,
                    level=level,
                ),
                fix,
                previous=previous,
                level=level,
            )
        previous = level
