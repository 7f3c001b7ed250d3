"""``reading_time`` in the front matter checked against the prose it describes."""

from __future__ import annotations

import re
from collections.abc import Iterator

from editor.core.doctor.context import Context
from editor.core.doctor.model import Edit, Finding, Fix
from editor.core.text.readtime import count_prose, minutes_for

RULES = ("reading-time",)
_NUMBER = re.compile(r"\d+")


def check(ctx: Context) -> Iterator[Finding]:
    """A finding when the declared reading time is far from the computed one."""
    field = ctx.field("reading_time")
    if field is None:
        return
    number = _NUMBER.match(field.value.strip())
    if number is None:
        return
    declared = int(number.group(0))
    cfg = ctx.config
    # The post as the doctor split it: its prose blocks are the body's, counted once.
    count = count_prose(ctx.text, [b for b in ctx.blocks if b.start >= ctx.body_start])
    computed = minutes_for(count, cfg.chars_per_minute, cfg.words_per_minute)
    if abs(declared - computed) <= max(1, cfg.reading_time_tolerance * computed):
        return
    start = field.value_start + (len(field.value) - len(field.value.lstrip())) + number.start()
    end = start + len(number.group(0))
    fix = Fix(
        (Edit(start, end, str(computed)),),
        True,
        f"Set reading_time to {computed}",
        f"reading_time を {computed} にする",
    )
    yield ctx.finding(
        RULES[0],
        "mismatch",
        "warning",
        start,
        end,
        f"reading_time says {declared} min but the text reads in about {computed} min "
        f"({count.cjk_chars} Japanese characters at {cfg.chars_per_minute}/min, "
        f"{count.latin_words} words at {cfg.words_per_minute}/min)",
        f"reading_time は {declared} 分ですが、本文は約 {computed} 分で読めます"
        f"（日本語 {count.cjk_chars} 文字を毎分 {cfg.chars_per_minute} 字、"
        f"英単語 {count.latin_words} 語を毎分 {cfg.words_per_minute} 語で計算）",
        fix,
        declared=declared,
        computed=computed,
        cjk_chars=count.cjk_chars,
        latin_words=count.latin_words,
    )
