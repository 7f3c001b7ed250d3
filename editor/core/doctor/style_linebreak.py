"""A line break between two Japanese characters inside a paragraph.

Browsers and the published page show it as a space (「日本\\n語」 reads 「日本 語」), which
writers who wrap their lines rarely intend.  A hard break (two trailing spaces or a backslash)
is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from editor.core.doctor.context import Context
from editor.core.doctor.model import Edit, Finding, Fix
from editor.core.text.cjk import CJK
from editor.core.words import QT_TRANSLATE_NOOP, Phrase

RULES = ("cjk-line-break",)
_CJK = CJK
_BREAK = re.compile(f"(?<=[{_CJK}])[ \\t]?(?:\\r\\n|\\n|\\r)[ \\t]*(?=[{_CJK}])")


def check(ctx: Context) -> Iterator[Finding]:
    """One note per paragraph whose lines break between Japanese characters."""
    text = ctx.text
    for block, offset, masked in ctx.masked_prose:
        if block.kind != "paragraph":
            continue
        # Matched on the text itself, so the edit only ever takes white space; both characters
        # around the break must be prose (not the end of a code span or a tag).
        breaks = [
            m
            for m in _BREAK.finditer(text, block.content_start, block.end)
            if masked[m.start() - 1 - offset] == text[m.start() - 1]
            and masked[m.end() - offset] == text[m.end()]
        ]
        if not breaks:
            continue
        edits = tuple(Edit(m.start(), m.end(), "") for m in breaks)
        fix = Fix(edits, False, Phrase(QT_TRANSLATE_NOOP("doctor", "Join the lines")))
        first = breaks[0]
        yield ctx.finding(
            RULES[0],
            "between-japanese",
            "info",
            first.start(),
            first.end(),
            Phrase(
                QT_TRANSLATE_NOOP(
                    "doctor",
                    "A line break between Japanese characters shows as a space on the page "
                    "({count} in this paragraph)",
                ),
                count=len(breaks),
            ),
            fix,
            count=len(breaks),
        )
