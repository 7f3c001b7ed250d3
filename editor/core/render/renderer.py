"""One render: Liquid first, then Markdown, as Jekyll does."""

from __future__ import annotations

from editor.core.render.context import RenderContext, RenderResult
from editor.core.render.markdown import build_markdown


class Renderer:
    """Holds one configured parser; ``render`` may be called from any thread."""

    def __init__(self) -> None:
        self._md = build_markdown()

    def render(self, markdown: str, context: RenderContext) -> RenderResult:
        """Render a post body to HTML with its top-level block lines."""
        text = markdown.replace("\r\n", "\n").replace("\r", "\n")
        env: dict = {"render_context": context, "liquid_blocks": []}
        warnings: list[str] = []
        tokens = self._md.parse(text, env)
        html = self._md.renderer.render(tokens, self._md.options, env)
        return RenderResult(html, list(env.get("source_blocks", [])), warnings)
