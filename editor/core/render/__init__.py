"""Markdown -> HTML as Jekyll (kramdown GFM + Liquid + Rouge) would publish it."""

from __future__ import annotations

from markdown_it import MarkdownIt

from editor.core.render.context import RenderContext, RenderResult

__all__ = ["RenderContext", "RenderResult", "render_body"]

_MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def render_body(markdown: str, context: RenderContext = RenderContext()) -> RenderResult:
    """Render a post body to HTML; pure and thread-safe."""
    return RenderResult(_MD.render(markdown))
