"""Repeated from another post: a paragraph the blog already holds in another post.

The blog's paragraph fingerprints come from its overlap store
(:mod:`editor.core.blog.overlap`, kept in the cache folder and updated by the window and by
``tsuzuri doctor``); without a blog or a store the rule says nothing.  Only this post's
paragraphs are looked up, by fingerprint, so a long blog does not slow the check.  A warning,
not a fix: which post keeps the passage is the writer's choice.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from editor.core.blog.overlap import OverlapStore, paragraphs, title_of
from editor.core.doctor.context import Context
from editor.core.doctor.model import Finding
from editor.core.words import QT_TRANSLATE_NOOP, Phrase

RULES = ("repeated-across-posts",)


def check(ctx: Context) -> Iterator[Finding]:
    """One warning per paragraph found in another post of the blog."""
    if ctx.blog_root is None:
        return
    found = paragraphs(ctx.text, ctx.blocks)
    if not found:
        return
    try:
        with OverlapStore(ctx.blog_root, readonly=True) as store:
            repeats = store.lookup(found, ctx.path, ctx.config.across_similarity)
    except (OSError, sqlite3.Error):  # no store yet, or one being rebuilt: nothing to compare
        return
    for repeat in repeats:
        other = repeat.path
        try:
            name = other.relative_to(ctx.blog_root).as_posix()
        except ValueError:
            name = str(other)
        pct = round(repeat.similarity * 100)
        if pct >= 100:
            code = "exact-paragraph"
            said = QT_TRANSLATE_NOOP(
                "doctor", "This paragraph repeats one of “{title}” ({file}, line {line})"
            )
        else:
            code = "near-paragraph"
            said = QT_TRANSLATE_NOOP(
                "doctor",
                "This paragraph nearly repeats one of “{title}” ({file}, line {line}, {pct}% similar)",
            )
        title = title_of(other)
        line = repeat.line + 1
        p = repeat.paragraph
        yield ctx.finding(
            RULES[0],
            code,
            "warning",
            p.start,
            p.end,
            Phrase(said, title=title, file=name, line=line, pct=pct),
            title=title,
            file=name,
            other_line=line,
            similarity=pct,
        )
