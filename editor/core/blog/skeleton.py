"""The front matter a new post starts with, for the window's New post and ``tsuzuri new`` alike.

It comes from the ``_config.yml`` defaults and the blog's own habits, learned from its newest
posts: which keys they write and in what order, how they quote the title, how they write a
date (with or without seconds, the zone's form), lists in flow or block style, and values
every one of them shares (an ``author``).  A blog without posts gets ``layout``, ``title``,
``date``, ``categories`` and ``tags``.  The date is always written with its time and zone: an
unquoted time without a zone is UTC to Jekyll.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from editor.core.blog.keys import KNOWN_KEYS, LIST_KEYS, PROSE_KEYS
from editor.core.post import frontmatter
from editor.core.post.fields import as_list
from editor.core.post.split import split_post
from editor.core.post.yamlemit import Style, render_value

PLAIN_KEYS = ("layout", "title", "date", "categories", "tags")
SAMPLE = 20  # newest posts the habits are learned from
# Keys a new post never starts with, even when every post has one: an empty excerpt or
# description would replace the one Jekyll makes, a permalink or slug belongs to one post.
_NEVER = frozenset({"excerpt", "description", "permalink", "slug", "redirect_from", "image"})


@dataclass(frozen=True)
class Habits:
    """How the blog writes its front matter (see the module's description)."""

    keys: tuple[str, ...] = PLAIN_KEYS
    styles: dict[str, Style] = field(default_factory=dict)
    shared: dict[str, Any] = field(default_factory=dict)  # values all sampled posts share


def learn(texts: list[str]) -> Habits:
    """The habits of the posts whose texts are given (newest first); plain ones for none."""
    parsed = []
    for text in texts[:SAMPLE]:
        source = split_post(text)
        if not source.has_front_matter:
            continue
        try:
            parsed.append(frontmatter.parse(source.front_matter))
        except frontmatter.FrontMatterError:
            continue
    if not parsed:
        return Habits()
    used: Counter[str] = Counter()
    places: dict[str, list[float]] = {}
    for post in parsed:
        keys = list(post.values)
        for index, key in enumerate(keys):
            used[key] += 1
            places.setdefault(key, []).append(index / max(len(keys), 1))
    common = {key for key, count in used.items() if 2 * count >= len(parsed)}
    shared = {}
    for key in common - {"title", "date", "reading_time", *LIST_KEYS} - _NEVER:
        values = [post.values.get(key) for post in parsed if key in post.values]
        if all(_same(v, values[0]) for v in values) and not isinstance(values[0], dict | list):
            shared[key] = values[0]
    wanted = ({"layout", "title", "date"} | (common & set(KNOWN_KEYS)) | set(shared)) - _NEVER
    order = sorted(wanted, key=lambda k: (_mean(places.get(k)), _known_index(k)))
    styles = {}
    for key in order:
        span = next((p.spans[key] for p in parsed if key in p.spans), None)
        if span is not None:
            styles[key] = span.style
    return Habits(tuple(order), styles, shared)


def front_matter_text(
    title: str,
    date: dt.datetime | None,
    defaults: dict[str, Any] | None = None,
    habits: Habits | None = None,
) -> str:
    """A new post's text: front matter (``date`` left out for a draft) and an empty body."""
    defaults = defaults or {}
    habits = habits or Habits()
    values: dict[str, Any] = dict(habits.shared)
    values["layout"] = defaults.get("layout") or habits.shared.get("layout") or "post"
    values["title"] = title
    for key in LIST_KEYS:
        values[key] = as_list(defaults.get(key))
    from editor.core.text.readtime import reading_minutes  # it reads Markdown through the doctor

    values["reading_time"] = reading_minutes("")
    lines = []
    for key in habits.keys:
        if key == "date":
            if date is not None:
                lines.append(_line(key, date, habits.styles.get(key, Style())))
        elif key in values:
            lines.append(_line(key, values[key], _style(key, habits.styles.get(key))))
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def _line(key: str, value: Any, style: Style) -> str:
    text = render_value(f"{key}:", " ", value, style, "\n")
    return text if text is not None else render_value(f"{key}:", " ", value, Style(), "\n")


def _style(key: str, learned: Style | None) -> Style:
    if learned is None:
        if key in LIST_KEYS:
            return Style(kind="flow", quote='"')
        return Style(quote='"' if key in PROSE_KEYS else "")
    # The title's quoting, not its text; a list's form and quoting, not its items.
    return Style(kind=learned.kind, quote=learned.quote, indent=learned.indent)


def _same(a: Any, b: Any) -> bool:
    return type(a) is type(b) and a == b


def _mean(numbers: list[float] | None) -> float:
    return sum(numbers) / len(numbers) if numbers else 1.0


def _known_index(key: str) -> int:
    return KNOWN_KEYS.index(key) if key in KNOWN_KEYS else len(KNOWN_KEYS)
