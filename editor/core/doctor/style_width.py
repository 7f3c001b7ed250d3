"""Full-width letters and digits (ＡＢＣ１２３) and full-width spaces inside prose.

Code, URLs and paths are blanked before looking, so suggestions never touch them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from editor.core.doctor.context import Context
from editor.core.doctor.model import Edit, Finding, Fix
from editor.core.words import QT_TRANSLATE_NOOP, Phrase

RULES = ("fullwidth-alnum", "fullwidth-space")
_ALNUM = re.compile("[Ａ-Ｚａ-ｚ０-９]+")
_SPACE = re.compile("(?<=[^\\s　？！?!])\u3000+(?=\\S)")


def check(ctx: Context) -> Iterator[Finding]:
    """Suggestions to write letters, digits and spaces in half width."""
    for _, offset, masked in ctx.masked_prose:
        for m in _ALNUM.finditer(masked):
            start, end = offset + m.start(), offset + m.end()
            half = unicodedata.normalize("NFKC", m.group(0))
            fix = Fix(
                (Edit(start, end, half),),
                False,
                Phrase(QT_TRANSLATE_NOOP("doctor", "Write “{text}”"), text=half),
            )
            yield ctx.finding(
                RULES[0],
                "fullwidth",
                "info",
                start,
                end,
                Phrase(
                    QT_TRANSLATE_NOOP(
                        "doctor",
                        "Full-width letters or digits “{text}”: half width “{half}” is usual",
                    ),
                    text=m.group(0),
                    half=half,
                ),
                fix,
                text=m.group(0),
            )
        for m in _SPACE.finditer(masked):
            start, end = offset + m.start(), offset + m.end()
            before, after = masked[m.start() - 1], masked[m.end()]
            replacement = " " if before.isascii() or after.isascii() else ""
            fix = Fix(
                (Edit(start, end, replacement),),
                False,
                Phrase(QT_TRANSLATE_NOOP("doctor", "Remove the full-width space")),
            )
            yield ctx.finding(
                RULES[1],
                "fullwidth-space",
                "info",
                start,
                end,
                Phrase(QT_TRANSLATE_NOOP("doctor", "Full-width space inside a sentence")),
                fix,
            )
