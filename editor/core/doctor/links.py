"""Links and images: empty targets, and site files or posts that do not exist in the blog.

Targets are only checked when the blog folder is known; ``/about/``-style permalinks are pages
Jekyll generates, so only paths naming a file (with an extension) are looked up.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

from editor.core.blog import posts
from editor.core.doctor.context import Context
from editor.core.doctor.model import Finding
from editor.core.doctor.text import iter_lines
from editor.core.words import QT_TRANSLATE_NOOP, Phrase

RULES = ("empty-link", "missing-target")
_CODE_SPAN = re.compile(r"`+[^`\r\n]*`+")
# Link texts stop at the next "[", so a run of unclosed brackets is scanned once.
_EMPTY = re.compile(r"(?<!!)\[([^\[\]\r\n]*)\]\([ \t]*\)")
_TARGET = re.compile(
    r"(!?)\[[^\[\]\r\n]*\]\([ \t]*<?((?:\{\{[ \t]*site\.baseurl[ \t]*\}\})?/[^)\s>]*)"
)
_POST_URL = re.compile(r"\{%-?\s*post_url\s+([^\s%]+)\s*-?%\}")
_LINK_TAG = re.compile(r"\{%-?\s*link\s+([^\s%]+)\s*-?%\}")


def _lines(ctx: Context) -> Iterator[tuple[int, str]]:
    """(offset, line) of body lines outside code blocks, with code spans blanked."""
    code = iter([(b.start, b.end) for b in ctx.blocks if b.kind == "code"])
    block = next(code, None)
    for ls, le, _ in iter_lines(ctx.text, ctx.body_start):
        while block is not None and block[1] < ls:
            block = next(code, None)  # blocks and lines both go forward: one pass
        if block is not None and block[0] <= ls:
            continue
        line = _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), ctx.text[ls:le])
        yield ls, line


def _post_finder(root: Path):
    """``name -> bool``: whether ``{% post_url name %}`` names a post; the blog is listed once."""
    listed: list[Path] = []

    def exists(name: str) -> bool:
        if not listed:
            listed.append(root)  # a marker: listed, even when the blog has no posts
            listed.extend(posts.post_files(root))
        return posts.find_post(root, name, listed[1:]) is not None

    return exists


def check(ctx: Context) -> Iterator[Finding]:
    """Findings for empty links and, with a blog folder, for targets that do not exist."""
    root = ctx.blog_root
    post_exists = _post_finder(root) if root is not None else None
    for offset, line in _lines(ctx):
        for m in _EMPTY.finditer(line):
            start, end = offset + m.start(), offset + m.end()
            yield ctx.finding(
                RULES[0],
                "empty-target",
                "warning",
                start,
                end,
                Phrase(QT_TRANSLATE_NOOP("doctor", "Link without a target: it leads nowhere")),
                text=m.group(1),
            )
        if root is None:
            continue
        for m in _TARGET.finditer(line):
            target = re.sub(r"^\{\{\s*site\.baseurl\s*\}\}", "", m.group(2))
            path = unquote(target.split("#")[0].split("?")[0]).lstrip("/")
            if not path or not Path(path).suffix or (root / path).exists():
                continue
            message = (
                QT_TRANSLATE_NOOP("doctor", "Image {target} does not exist in the blog")
                if m.group(1)
                else QT_TRANSLATE_NOOP("doctor", "Linked file {target} does not exist in the blog")
            )
            start = offset + m.start(2)
            yield ctx.finding(
                RULES[1],
                "missing-file",
                "warning",
                start,
                start + len(m.group(2)),
                Phrase(message, target=target),
                target=target,
            )
        # Liquid tags whose target must exist, or the site does not build at all.
        tags = (
            (
                _POST_URL,
                post_exists,
                "missing-post",
                "post_url",
                QT_TRANSLATE_NOOP(
                    "doctor", "{tag} {name}: no such post in _posts (the site will not build)"
                ),
            ),
            (
                _LINK_TAG,
                lambda name: (root / name).exists(),
                "missing-file",
                "link",
                QT_TRANSLATE_NOOP(
                    "doctor", "{tag} {name}: no such file in the blog (the site will not build)"
                ),
            ),
        )
        for pattern, exists, code, tag, message in tags:
            for m in pattern.finditer(line):
                if exists(m.group(1)):
                    continue
                yield ctx.finding(
                    RULES[1],
                    code,
                    "error",
                    offset + m.start(),
                    offset + m.end(),
                    Phrase(message, tag=tag, name=m.group(1)),
                    target=m.group(1),
                )
