"""kramdown's ``{:toc}``: the list it marks is replaced by links to the post's headings."""

from __future__ import annotations

import re

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

_LINK_TAG = re.compile(r"</?a\b[^>]*>")


def _headings(state: StateCore) -> list[tuple[int, str, str]]:
    """(level, id, inner HTML) of every heading that is not marked ``.no_toc``."""
    found = []
    renderer = state.md.renderer
    for i, token in enumerate(state.tokens):
        if token.type != "heading_open" or not token.attrGet("id"):
            continue
        if "no_toc" in str(token.attrGet("class") or "").split():
            continue
        inline = state.tokens[i + 1]
        html = renderer.renderInline(inline.children or [], state.md.options, state.env)
        found.append((int(token.tag[1]), str(token.attrGet("id")), _LINK_TAG.sub("", html)))
    return found


def _nest(headings: list[tuple[int, str, str]], tag: str) -> str:
    """Nested lists: a heading deeper than the one before it goes inside that one's item."""
    out: list[str] = []
    stack: list[int] = []
    for level, anchor, html in headings:
        if stack and level > stack[-1]:
            out.append(f"\n<{tag}>\n")
            stack.append(level)
        else:
            while len(stack) > 1 and level < stack[-1] and level <= stack[-2]:
                out.append(f"</li>\n</{tag}>\n")
                stack.pop()
            if stack:
                out.append("</li>\n")
                stack[-1] = level
            else:
                stack.append(level)
        out.append(f'<li><a href="#{anchor}" id="markdown-toc-{anchor}">{html}</a>')
    while stack:
        out.append("</li>\n")
        stack.pop()
        if stack:
            out.append(f"</{tag}>\n")
    return "".join(out)


def table_of_contents(state: StateCore) -> None:
    """Replace a list carrying ``{:toc}`` with the table of contents (nothing if no headings)."""
    tokens = state.tokens
    for i, token in enumerate(tokens):
        if not (token.meta and token.meta.get("toc")):
            continue
        depth, j = 0, i
        while j < len(tokens):
            depth += tokens[j].nesting
            if depth == 0:
                break
            j += 1
        tag = token.tag
        headings = _headings(state)
        html = Token("html_block", "", 0)
        html.map = token.map
        html.content = (
            f'<{tag} id="markdown-toc">\n{_nest(headings, tag)}</{tag}>\n' if headings else ""
        )
        tokens[i : j + 1] = [html]
        return
