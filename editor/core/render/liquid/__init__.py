"""Liquid as Jekyll runs it on a post before Markdown, on python-liquid 2.

``render_liquid`` is the one entry point.  The package holds Jekyll's layer on top of the
engine: ``balance`` (parts Liquid would refuse become visible markers), ``engine`` (the
environment, guards and the per-render state), ``tags`` (include, include_relative, highlight,
post_url, link), ``filters`` (Jekyll's filters) and ``blog`` (the one adapter to the blog's
dates, URLs, posts and files).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from editor.core.render.liquid.balance import UNKNOWN_CLASS, place_markers, unknown
from editor.core.render.liquid.engine import RunState, compile_template, run_with

__all__ = ["UNKNOWN_CLASS", "LiquidOutput", "render_liquid", "unknown"]


@dataclass
class LiquidOutput:
    """The Markdown left after Liquid, the HTML of placeholder blocks, and warnings."""

    text: str
    blocks: list[str]
    warnings: list[str]


def _uses(paths: list[str], name: str) -> bool:
    return any(p == name or p.startswith((name + ".", name + "[")) for p in paths)


def render_liquid(
    text: str,
    context,
    page: Mapping,
    site: Mapping,
    posts: Callable[[], list],
    data: Callable[[], dict] = dict,
    markdownify: Callable[[str], str] = lambda text: text,
) -> LiquidOutput:
    """Run Liquid over a post body with ``page`` and ``site`` as its variables.

    ``site.posts`` (and ``site.categories``, ``site.tags``, ``page.previous`` and ``page.next``
    from it) and ``site.data``
    are read (by calling ``posts`` and ``data``) only when the template's static analysis,
    includes and all, says it reads them.
    """
    if "{%" not in text and "{{" not in text:
        return LiquidOutput(text, [], [])
    state = RunState(context, markdownify)

    def work() -> str:
        from editor.core.render.liquid import blog
        from editor.core.render.liquid.filters import LiquidTime, as_time

        template = compile_template(text)
        # Without these words no part can read site.posts, site.data or page.previous/next.
        paths: list[str] = []
        if any(word in state.source for word in ("site", "include", "previous", "next")):
            paths = template.global_variable_paths(include_partials=True)
        site_vars = dict(site)
        groups = [k for k in ("categories", "tags") if _uses(paths, f"site.{k}") or "site" in paths]
        listed = []
        around = any(_uses(paths, f"page.{k}") for k in ("previous", "next")) or "page" in paths
        if _uses(paths, "site.posts") or "site" in paths or groups or around:
            listed = posts()
            site_vars["posts"] = listed
        for key in groups:
            site_vars[key] = blog.grouped(listed, key)
        if _uses(paths, "site.data") or "site" in paths:
            site_vars["data"] = data()
        page_vars = dict(page)
        if around:
            page_vars["previous"], page_vars["next"] = blog.neighbours(listed, page_vars)
        if page_vars.get("date") is not None and not isinstance(page_vars["date"], LiquidTime):
            page_vars["date"] = as_time(page_vars["date"]) or page_vars["date"]
        for post in listed:
            if isinstance(post, dict) and post.get("date") is not None:
                post["date"] = as_time(post["date"]) or post["date"]
        state.analysed_includes.clear()
        out = template.render(site=site_vars, page=page_vars)
        # A tag that failed inside a block Liquid keeps blank (only assigns, say) prints nothing
        # there; its marker is shown at the end rather than not at all.
        lost = [marker for marker in state.failed if marker not in out]
        return out + "".join(f"\n\n{marker}" for marker in lost) if lost else out

    result = place_markers(run_with(state, work), state.markers)
    return LiquidOutput(result, state.blocks, state.warnings)
