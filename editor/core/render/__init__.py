"""Markdown to HTML (provisional minimal version)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt


@dataclass(frozen=True)
class RenderContext:
    site: Mapping[str, Any] = field(default_factory=dict)
    page: Mapping[str, Any] = field(default_factory=dict)
    blog_root: Path | None = None
    post_path: Path | None = None
    allow_remote: bool = False


@dataclass(frozen=True)
class RenderResult:
    html: str
    blocks: list[tuple[int, int]] = field(default_factory=list)


def render_body(markdown: str, context: RenderContext = RenderContext()) -> RenderResult:
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    tokens = md.parse(markdown)
    for token in tokens:
        if token.map and token.level == 0 and token.nesting in (0, 1):
            token.attrSet("data-source-line", str(token.map[0]))
    return RenderResult(md.renderer.render(tokens, md.options, {}))
