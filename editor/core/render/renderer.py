"""One render: Liquid first, then Markdown, as Jekyll does."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from markdown_it import MarkdownIt

from editor.core.blog import dates, posts
from editor.core.render.blocks import MAX_MARKDOWN_HTML_DEPTH, warn_too_deep
from editor.core.render.context import RenderContext, RenderResult
from editor.core.render.liquid import render_liquid
from editor.core.render.liquid_values import to_datetime
from editor.core.render.markdown import build_markdown
from editor.core.render.nesting import nest_short_indented_lists
from editor.core.render.quotes import extend_lazy_quotes
from editor.core.render.site_posts import post_variables, site_posts, site_zone


def page_variables(context: RenderContext) -> dict:
    """``page`` as Jekyll fills it for a post: front matter plus url, id, date, slug, path."""
    page = dict(context.page)
    path = Path(context.post_path) if context.post_path else None
    if path is not None and posts.file_date(path) is not None:
        page = post_variables(path, page, context.site, context.blog_root) or page
    if isinstance(page.get("date"), str):
        zone = site_zone(context.site)
        page["date"] = posts.post_date(page["date"], None, zone) or page["date"]
    if path is not None and context.blog_root:
        root = Path(context.blog_root)
        if path.is_relative_to(root):
            page["path"] = path.relative_to(root).as_posix()
    for key in ("tags", "categories"):
        page[key] = as_list(page.get(key))
    return page


def as_list(value) -> list:
    """Tags or categories as Jekyll reads them: a list, or words of a string."""
    if value is None:
        return []
    if isinstance(value, str):
        return value.split()
    return list(value) if isinstance(value, (list, tuple)) else [value]


def site_variables(context: RenderContext, text: str) -> dict:
    """``site``: the config, plus ``posts`` when the body loops over them."""
    site = dict(context.site)
    if context.blog_root and "posts" in text and "site." in text:
        site["posts"] = site_posts(context.blog_root, context.site, context.post_path, context.page)
    return site


class Renderer:
    """Holds one configured parser; ``render`` may be called from any thread."""

    def __init__(self) -> None:
        self._md = build_markdown()
        self._fallback = MarkdownIt("commonmark", {"html": False})

    def _fragment(self, text: str, inline: bool, env: dict) -> str:
        """Markdown inside raw HTML (``markdown="1"``), without line markers of its own."""
        depth = env.get("markdown_html_depth", 0)
        if depth >= MAX_MARKDOWN_HTML_DEPTH:
            warn_too_deep(env)
            return text
        inner_env = {k: env[k] for k in ("render_context", "liquid_blocks")}
        inner_env["warnings"] = env.setdefault("warnings", [])
        inner_env["markdown_html_depth"] = depth + 1
        inner_env["render_fragment"] = lambda text, inline: self._fragment(text, inline, inner_env)
        if inline:
            return self._md.renderInline(text.strip(), inner_env)
        html = self._md.render(textwrap.dedent(text.strip("\n")) + "\n", inner_env)
        return re.sub(r' data-source-line="\d+"', "", html)

    def render(self, markdown: str, context: RenderContext) -> RenderResult:
        """Render a post body to HTML with its top-level block lines; never raises on bad input.

        A failure inside the Jekyll emulation (a bug, or front matter of a shape Jekyll would
        reject) falls back to plain CommonMark with a warning, so the preview never goes blank.
        """
        text = markdown.replace("\r\n", "\n").replace("\r", "\n")
        try:
            return self._render(text, context)
        except Exception as exc:  # noqa: BLE001 - the preview must show something
            env: dict = {}
            html = self._fallback.render(text, env)
            return RenderResult(html, [], [f"preview fell back to plain Markdown: {exc!r}"])

    def _render(self, text: str, context: RenderContext) -> RenderResult:
        variables = {"site": site_variables(context, text), "page": page_variables(context)}
        liquid = render_liquid(text, context, variables)
        env: dict = {"render_context": context, "liquid_blocks": liquid.blocks}
        env["render_fragment"] = lambda text, inline: self._fragment(text, inline, env)
        source = extend_lazy_quotes(nest_short_indented_lists(liquid.text))
        tokens = self._md.parse(source, env)
        html = self._md.renderer.render(tokens, self._md.options, env)
        warnings = [*_date_warnings(context.page), *liquid.warnings, *env.get("warnings", [])]
        return RenderResult(html, list(env.get("source_blocks", [])), warnings)


def _date_warnings(page) -> list[str]:
    """Jekyll refuses to build a post whose date no form of Ruby's Time.parse reads."""
    date = page.get("date")
    if not isinstance(date, str) or to_datetime(date) or dates.parse_date(date):
        return []
    return [
        f"Invalid date '{date}': Jekyll does not build a post whose front matter date it "
        "cannot read"
    ]
