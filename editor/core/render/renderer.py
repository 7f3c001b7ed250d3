"""One render: Liquid first, then Markdown, as Jekyll does."""

from __future__ import annotations

import re
import textwrap
from html import escape
from pathlib import Path

from editor.core.blog import posts
from editor.core.post import fields
from editor.core.render.blocks import MAX_MARKDOWN_HTML_DEPTH, warn_too_deep
from editor.core.render.context import RenderContext, RenderResult, RenderWarning
from editor.core.render.liquid import blog, render_liquid
from editor.core.render.markdown import build_markdown
from editor.core.render.nesting import nest_short_indented_lists
from editor.core.render.quotes import extend_lazy_quotes
from editor.core.render.site_posts import site_zone


def page_variables(context: RenderContext) -> dict:
    """``page`` as Jekyll fills it for a post: front matter plus url, id, date, slug, path."""
    page = dict(context.page)
    path = Path(context.post_path) if context.post_path else None
    if path is not None and posts.file_date(path) is not None:
        page = blog.post_variables(path, page, context.site, context.blog_root) or page
    if isinstance(page.get("date"), str):
        zone = site_zone(context.site)
        page["date"] = posts.post_date(page["date"], None, zone) or page["date"]
    if path is not None and context.blog_root:
        root = Path(context.blog_root)
        if path.is_relative_to(root):
            page["path"] = path.relative_to(root).as_posix()
    for key in ("tags", "categories"):
        page[key] = fields.as_list(page.get(key))  # for a post, already the blog's own list
    return page


def site_posts(context: RenderContext) -> list[dict]:
    """``site.posts``: the blog's posts, newest first (read only when Liquid asks for them)."""
    if not context.blog_root:
        return []
    return blog.site_posts(context.blog_root, context.site, context.post_path, context.page)


class Renderer:
    """Holds one configured parser; ``render`` may be called from any thread."""

    def __init__(self) -> None:
        self._md = build_markdown()

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
        """Render a post body to HTML with its top-level block lines; never raises on bad input."""
        return self.render_parts(markdown, context)[0]

    def render_parts(
        self, markdown: str, context: RenderContext
    ) -> tuple[RenderResult, list[tuple[int | None, str]]]:
        """:meth:`render`, and the same HTML cut into its top-level parts: ``(line, html)`` per
        top-level block in document order (``line`` None for a part with no source line, such as
        the footnotes at the end); the parts joined are the result's HTML.

        Nothing fails silently: Liquid that cannot run leaves the body as written, and Markdown
        that cannot be rendered shows the body as text; either way under a visible
        ``tsuzuri-render-failed`` marker, with a warning saying which step failed and why.
        """
        text = with_newlines(markdown)
        warnings = _date_warnings(context.page)
        failed = ""
        try:
            liquid = self._liquid(text, context)
            text, blocks = liquid.text, liquid.blocks
            warnings += liquid.warnings
        except Exception as exc:  # noqa: BLE001 - shown in the preview and warned, never hidden
            message = RenderWarning("liquid-failed", error=f"{type(exc).__name__}: {exc}")
            warnings.append(message)
            failed, blocks = _failed(message), []
        env: dict = {"render_context": context, "liquid_blocks": blocks}
        env["render_fragment"] = lambda text, inline: self._fragment(text, inline, env)
        try:
            source = extend_lazy_quotes(nest_short_indented_lists(text))
            tokens = self._md.parse(source, env)
            parts = self._render_parts(tokens, env)
        except Exception as exc:  # noqa: BLE001 - shown in the preview and warned, never hidden
            message = RenderWarning("markdown-failed", error=f"{type(exc).__name__}: {exc}")
            warnings.append(message)
            body = escape(markdown)
            html = f'{_failed(message)}<pre data-source-line="0">{body}</pre>\n'
            result = RenderResult(html, [(0, markdown.count("\n") + 1)], warnings)
            return result, [(0, html)]
        warnings += env.get("warnings", [])
        parts = ([(None, failed)] if failed else []) + parts
        html = "".join(part for _line, part in parts)
        return RenderResult(html, list(env.get("source_blocks", [])), warnings), parts

    def _render_parts(self, tokens, env: dict) -> list[tuple[int | None, str]]:
        """Render the tokens one top-level block at a time (a block: the tokens from one at
        level 0 until the nesting closes again)."""
        parts: list[tuple[int | None, str]] = []
        renderer, options = self._md.renderer, self._md.options
        for start, end, closed in top_level_groups(tokens):
            group = tokens[start:end]
            line = group[0].attrGet("data-source-line") if closed else None
            parts.append(
                (int(line) if line is not None else None, renderer.render(group, options, env))
            )
        return parts

    def _liquid(self, text: str, context: RenderContext):
        return render_liquid(
            text,
            context,
            page=page_variables(context),
            site=context.site,
            posts=lambda: site_posts(context),
            data=lambda: blog.site_data(context.blog_root),
            markdownify=lambda text: self._fragment(
                text, False, {"render_context": context, "liquid_blocks": []}
            ),
        )


def with_newlines(text: str) -> str:
    """``text`` with its line breaks as ``\\n`` (a post without ``\\r`` is searched once)."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def top_level_groups(tokens):
    """``(start, end, closed)`` of each top-level block's tokens: from a token at level 0 until
    the nesting closes again (a last group left open is not ``closed``)."""
    start, depth = 0, 0
    for index, token in enumerate(tokens):
        depth += token.nesting
        if depth == 0:
            yield start, index + 1, True
            start = index + 1
    if start < len(tokens):
        yield start, len(tokens), False


FAILED_CLASS = "tsuzuri-render-failed"


def _failed(message: str) -> str:
    """The visible marker above a body the preview could not fully render."""
    return f'<p class="{FAILED_CLASS}" title="{escape(message)}">{escape(message)}</p>\n'


def _date_warnings(page) -> list[str]:
    """Jekyll refuses to build a post whose date no form of Ruby's Time.parse reads."""
    date = page.get("date")
    if not isinstance(date, str) or blog.to_datetime(date):
        return []
    return [RenderWarning("invalid-date", date=date)]
