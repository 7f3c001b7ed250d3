"""``reading_time`` in the front matter checked against the prose it describes."""

from __future__ import annotations

import re
from collections.abc import Iterator

import yaml

from editor.core.doctor.config import DoctorConfig
from editor.core.doctor.context import Context
from editor.core.doctor.model import Edit, Finding, Fix
from editor.core.post.frontmatter import FrontMatterError, KeySpan, parse, set_key
from editor.core.text.edits import difference
from editor.core.text.readtime import ProseCount, count_prose, minutes_for
from editor.core.words import QT_TRANSLATE_NOOP, Phrase

RULES = ("reading-time",)
_PLAIN_WHOLE = re.compile(r"[0-9]+")
_INT_TAG = "tag:yaml.org,2002:int"


def _plain_whole(span: KeySpan | None) -> bool:
    """True when the value is written as plain decimal digits on the key's line (``50``): the
    only form whose number a fix can replace without guessing (not ``5_0``, ``50.5``, ``"50"``
    or a block scalar)."""
    if span is None or not isinstance(span.node, yaml.ScalarNode):
        return False
    node = span.node
    return (
        not node.style
        and node.tag == _INT_TAG
        and node.start_mark.line == node.end_mark.line == span.start
        and _PLAIN_WHOLE.fullmatch(node.value) is not None
    )


def _declared(value: object) -> int | float | None:
    """The minutes a value says, as YAML reads it (``5_0`` is 50), or None when it is no number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return value
    if isinstance(value, str) and _PLAIN_WHOLE.fullmatch(value.strip()):
        return int(value.strip())
    return None


def _fix(ctx: Context, parsed, computed: int) -> Fix | None:
    """The fix writing ``computed`` through the front-matter editor (only the changed characters
    become the edit); none unless the value is a plain whole number."""
    span = parsed.spans.get("reading_time")
    if not _plain_whole(span):
        return None
    fm = ctx.source.front_matter
    try:
        new = set_key(fm, "reading_time", computed, parsed=parsed)
    except FrontMatterError:
        return None
    change = difference(fm, new)
    edit = Edit(ctx.fm_start + change.start, ctx.fm_start + change.end, change.replacement)
    fix = Fix(
        (edit,),
        True,
        Phrase(QT_TRANSLATE_NOOP("doctor", "Set reading_time to {computed}"), computed=computed),
    )
    return fix


def computed_minutes(count: ProseCount, config: DoctorConfig) -> int:
    """The reading time of ``count`` at the reading speeds of ``config``: what this rule compares
    ``reading_time`` with, and what the window's status bar shows."""
    return minutes_for(count, config.chars_per_minute, config.words_per_minute)


def check(ctx: Context) -> Iterator[Finding]:
    """A finding when the declared reading time is far from the computed one."""
    field = ctx.field("reading_time")
    if field is None:
        return
    try:
        parsed = parse(ctx.source.front_matter)
    except FrontMatterError:
        return  # reported by the front-matter rule
    declared = _declared(parsed.values.get("reading_time"))
    if declared is None:
        return
    cfg = ctx.config
    # The post as the doctor split it: its prose blocks are the body's, counted once.
    count = count_prose(ctx.text, [b for b in ctx.blocks if b.start >= ctx.body_start])
    computed = computed_minutes(count, cfg)
    if abs(declared - computed) <= max(1, cfg.reading_time_tolerance * computed):
        return
    fix = _fix(ctx, parsed, computed)
    start, end = field.value_start, field.value_end
    span = parsed.spans.get("reading_time")
    if span is not None and span.node.start_mark.line == span.node.end_mark.line:
        start = ctx.fm_start + span.node.start_mark.index  # the value itself, not its comment
        end = ctx.fm_start + span.node.end_mark.index
    yield ctx.finding(
        RULES[0],
        "mismatch",
        "warning",
        start,
        end,
        Phrase(
            QT_TRANSLATE_NOOP(
                "doctor",
                "reading_time says {declared} min but the text reads in about {computed} min "
                "({cjk_chars} Japanese characters at {chars_per_minute}/min, "
                "{latin_words} words at {words_per_minute}/min)",
            ),
            declared=declared,
            computed=computed,
            cjk_chars=count.cjk_chars,
            chars_per_minute=cfg.chars_per_minute,
            latin_words=count.latin_words,
            words_per_minute=cfg.words_per_minute,
        ),
        fix,
        declared=declared,
        computed=computed,
        cjk_chars=count.cjk_chars,
        latin_words=count.latin_words,
    )
