"""Very long Japanese sentences (textlint's sentence-length, with a blog-friendly limit)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from editor.core.doctor.context import Context
from editor.core.doctor.model import Finding
from editor.core.text.cjk import KANA
from editor.core.words import QT_TRANSLATE_NOOP, Phrase

RULES = ("sentence-length",)
_KANA = re.compile(f"[{KANA}]")


def check(ctx: Context) -> Iterator[Finding]:
    """A note for each Japanese sentence longer than the configured limit."""
    limit = ctx.config.sentence_max_length
    for start, end, masked in ctx.sentences:
        length = len(re.sub(r"\s+", "", masked))
        if length > limit and _KANA.search(masked):
            yield ctx.finding(
                RULES[0],
                "too-long",
                "info",
                start,
                end,
                Phrase(
                    QT_TRANSLATE_NOOP(
                        "doctor",
                        "Long sentence ({length} characters, limit {limit}): consider splitting it",
                    ),
                    length=length,
                    limit=limit,
                ),
                length=length,
                limit=limit,
            )
