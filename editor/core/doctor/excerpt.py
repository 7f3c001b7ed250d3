"""``excerpt`` in the front matter: present, not too long, and about what the body says."""

from __future__ import annotations

import re
from collections.abc import Iterator

from editor.core.doctor.context import Context
from editor.core.doctor.model import Finding
from editor.core.words import QT_TRANSLATE_NOOP, Phrase

RULES = ("excerpt",)
_TOKEN = re.compile(r"[A-Za-z0-9]+|[^\sA-Za-z0-9、。，．！？!?「」『』（）()・:：,.\"'\-]")


def _grams(text: str) -> set[str]:
    """Latin words and pairs of adjacent Japanese characters, lower-cased."""
    tokens = _TOKEN.findall(text.lower())
    grams = {t for t in tokens if len(t) > 1}
    grams |= {a + b for a, b in zip(tokens, tokens[1:], strict=False) if len(a) == len(b) == 1}
    return grams


def check(ctx: Context) -> Iterator[Finding]:
    """Findings for a missing, over-long or unrelated excerpt."""
    field = ctx.field("excerpt")
    cfg = ctx.config
    if field is None or not field.value.strip():
        if ctx.source.has_front_matter:
            at = ctx.fm_start
            yield ctx.finding(
                RULES[0],
                "missing",
                "info",
                at,
                at,
                Phrase(
                    QT_TRANSLATE_NOOP(
                        "doctor",
                        "No excerpt: lists and feeds will show the start of the body instead",
                    )
                ),
            )
        return
    value = field.value.strip()
    if len(value) > cfg.excerpt_max_length:
        yield ctx.finding(
            RULES[0],
            "too-long",
            "warning",
            field.value_start,
            field.value_end,
            Phrase(
                QT_TRANSLATE_NOOP(
                    "doctor", "The excerpt is {length} characters long; keep it under {limit}"
                ),
                length=len(value),
                limit=cfg.excerpt_max_length,
            ),
            length=len(value),
            limit=cfg.excerpt_max_length,
        )
    wanted = _grams(value)
    if not wanted:
        return
    body = "\n".join(masked for _, _, masked in ctx.masked_prose)
    shared = len(wanted & _grams(body)) / len(wanted)
    if shared < cfg.excerpt_min_overlap:
        pct = round(shared * 100)
        yield ctx.finding(
            RULES[0],
            "unrelated",
            "warning",
            field.value_start,
            field.value_end,
            Phrase(
                QT_TRANSLATE_NOOP(
                    "doctor",
                    "The excerpt has little in common with the body "
                    "({pct}% of its words appear there)",
                ),
                pct=pct,
            ),
            overlap=pct,
        )
