"""Front matter Jekyll cannot read: a post that would build without its title, date or layout."""

from __future__ import annotations

from collections.abc import Iterator

import yaml

from editor.core.doctor.context import Context
from editor.core.doctor.model import Finding
from editor.core.post.fields import Problem
from editor.core.post.frontmatter import parse
from editor.core.post.split import unclosed_front_matter
from editor.core.post.yamlload import YamlLoadError, load_yaml
from editor.core.words import QT_TRANSLATE_NOOP, Phrase

RULES = ("front-matter",)


def check(ctx: Context) -> Iterator[Finding]:
    """One error when the YAML between the ``---`` lines does not parse as a mapping.

    Front matter opened with ``---`` and never closed is an error too (Jekyll reads none).
    """
    if unclosed_front_matter(ctx.source):
        start = len(ctx.source.bom)
        wording = Problem("front-matter-unclosed", None, "error", {"line": 1}).wording
        yield ctx.finding(RULES[0], "unclosed", "error", start, start + 3, wording, line=1)
        return
    if not ctx.source.has_front_matter:
        return
    try:
        if _reads_cleanly(ctx.source.front_matter):
            return
        parse(ctx.source.front_matter, first_line=2)
    except YamlLoadError as exc:
        start = _offset_of_line(ctx, exc.line) if exc.line else ctx.fm_start
        yield ctx.finding(
            RULES[0],
            "yaml",
            "error",
            start,
            min(ctx.fm_end, start + 1),
            Phrase(
                QT_TRANSLATE_NOOP(
                    "doctor",
                    "The front matter is not valid YAML (line {line}, column {column}): {error}",
                ),
                line=exc.line,
                column=exc.column,
                error=exc.said,
            )
            if exc.line
            else Phrase(
                QT_TRANSLATE_NOOP("doctor", "The front matter is not valid YAML: {error}"),
                error=exc.said,
            ),
            line=exc.line,
            column=exc.column,
        )


def _offset_of_line(ctx: Context, line: int) -> int:
    """Code-point offset where 1-based file ``line`` starts (clamped to the front matter)."""
    offset = 0
    for _ in range(line - 1):
        found = ctx.text.find("\n", offset)
        if found == -1:
            break
        offset = found + 1
    return max(ctx.fm_start, min(offset, ctx.fm_end))


def _reads_cleanly(fm_text: str) -> bool:
    """True when ``fm_text`` reads as a mapping (or nothing) whose values build.

    :func:`load_yaml` scans with libyaml when PyYAML has it (a 10 MB front matter in about a
    second) but composes in Python: libyaml's own composer recurses in C and kills the process
    on 100,000 nested brackets.  Whatever does not read cleanly goes to :func:`parse`, which
    words the problem with its place.
    """
    try:
        node = load_yaml(fm_text).node
    except YamlLoadError:
        return False
    return node is None or isinstance(node, yaml.MappingNode)
