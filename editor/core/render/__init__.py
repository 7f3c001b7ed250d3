"""Markdown -> HTML as Jekyll (kramdown GFM + Liquid + Rouge) would publish it.

``render_body(text, context)`` is a pure function: it reads the blog's files (includes, posts,
images) but keeps no state between calls, so a worker thread may call it at any time.
"""

from __future__ import annotations

from functools import lru_cache

from editor.core.render.context import RenderContext, RenderResult
from editor.core.render.renderer import Renderer

__all__ = ["RenderContext", "RenderResult", "Renderer", "render_body"]

_DEFAULT_CONTEXT = RenderContext()


@lru_cache(maxsize=1)
def _shared_renderer() -> Renderer:
    # Built on first use, then only read: its parser is never changed after construction.
    return Renderer()


def render_body(markdown: str, context: RenderContext = _DEFAULT_CONTEXT) -> RenderResult:
    """Render a post body (the text after the front matter) to the preview's HTML.

    Thread-safe; ``RenderResult.blocks`` are 0-based body lines of the top-level blocks.
    """
    return _shared_renderer().render(markdown, context)
