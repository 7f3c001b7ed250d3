"""One render: Liquid first, then Markdown, as Jekyll does."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from editor.core.render.context import RenderContext, RenderResult
from editor.core.render.jekyll_links import post_url_path
from editor.core.render.liquid import render_liquid
from editor.core.render.liquid_values import relative_url, to_datetime
from editor.core.render.markdown import build_markdown
from editor.core.render.nesting import nest_short_indented_lists

_POST_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})-(.+)$")


def page_variables(context: RenderContext) -> dict:
    """``page`` as Jekyll fills it for a post: front matter plus url, date, slug, path."""
    page = dict(context.page)
    path = Path(context.post_path) if context.post_path else None
    name = _POST_NAME.match(path.stem) if path else None
    if name:
        page.setdefault("slug", name.group(2))
        if "date" not in page:
            page["date"] = to_datetime(name.group(1))
    elif "date" in page:
        page["date"] = to_datetime(page["date"]) or page["date"]
    if isinstance(page.get("date"), str):
        page["date"] = to_datetime(page["date"]) or page["date"]
    if path is not None:
        if context.blog_root and path.is_relative_to(Path(context.blog_root)):
            page.setdefault("path", path.relative_to(Path(context.blog_root)).as_posix())
        if name and path.parent.name == "_posts":
            page.setdefault("url", relative_url(context.site, post_url_path(path, context.site)))
    for key in ("tags", "categories"):
        value = page.get(key)
        page[key] = value.split() if isinstance(value, str) else list(value or [])
    return page


class Renderer:
    """Holds one configured parser; ``render`` may be called from any thread."""

    def __init__(self) -> None:
        self._md = build_markdown()

    def _fragment(self, text: str, inline: bool, env: dict) -> str:
        """Markdown inside raw HTML (``markdown="1"``), without line markers of its own."""
        inner_env = {k: env[k] for k in ("render_context", "liquid_blocks", "render_fragment")}
        if inline:
            return self._md.renderInline(text.strip(), inner_env)
        html = self._md.render(textwrap.dedent(text.strip("\n")) + "\n", inner_env)
        return re.sub(r' data-source-line="\d+"', "", html)

    def render(self, markdown: str, context: RenderContext) -> RenderResult:
        """Render a post body to HTML with its top-level block lines."""
        text = markdown.replace("\r\n", "\n").replace("\r", "\n")
        variables = {"site": dict(context.site), "page": page_variables(context)}
        liquid = render_liquid(text, context, variables)
        env: dict = {"render_context": context, "liquid_blocks": liquid.blocks}
        env["render_fragment"] = lambda text, inline: self._fragment(text, inline, env)
        tokens = self._md.parse(nest_short_indented_lists(liquid.text), env)
        html = self._md.renderer.render(tokens, self._md.options, env)
        return RenderResult(html, list(env.get("source_blocks", [])), list(liquid.warnings))
