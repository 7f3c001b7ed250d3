"""Heading levels that jump (h2 followed by h4), which breaks outlines and tables of contents."""

from __future__ import annotations

import re
from collections.abc import Iterator

from editor.core.doctor.context import Context
from editor.core.doctor.model import Edit, Finding, Fix
from editor.core.text.outline import headings
from editor.core.words import QT_TRANSLATE_NOOP, Phrase

RULES = ("heading-level",)
_HASHES = re.compile(r"(#{1,6})")


def check(ctx: Context) -> Iterator[Finding]:
    """A finding for each heading more than one level below the heading before it (only ATX
    headings can jump: a setext heading is level 1 or 2)."""
    for heading in headings(ctx.text, ctx.blocks, ctx.body_start):
        if heading.wording is None:
            continue
        m = _HASHES.match(ctx.text, heading.start)
        want = heading.previous + 1
        fix = Fix(
            (Edit(m.start(1), m.end(1), "#" * want),),
            False,
            Phrase(QT_TRANSLATE_NOOP("doctor", "Make it a level-{want} heading"), want=want),
        )
        yield ctx.finding(
            RULES[0],
            "jump",
            "warning",
            heading.start,
            heading.end,
            heading.wording,
            fix,
            previous=heading.previous,
            level=heading.level,
        )
