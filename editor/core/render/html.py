"""Renderer rules: the HTML kramdown + Rouge write, plus the preview's own ``data-*`` markers."""

from __future__ import annotations

import re
from html import escape

from markdown_it.token import Token

from editor.core.render import highlight
from editor.core.render.blocks import content_model, with_placed_blocks
from editor.core.render.images import image_attributes

_FIRST_TAG = re.compile(r"^(\s*<[A-Za-z][\w-]*)")


def _line_attr(token: Token) -> str:
    line = token.attrGet("data-source-line")
    return f' data-source-line="{line}"' if line is not None else ""


def code_inline(self, tokens, idx, options, env) -> str:
    """Inline code with the classes Jekyll gives it."""
    token = tokens[idx]
    # Tokens may be rendered twice (a TOC renders headings again): never change them here.
    classes = [
        "language-plaintext",
        *str(token.attrGet("class") or "").split(),
        "highlighter-rouge",
    ]
    attrs = {**(token.attrs or {}), "class": " ".join(classes)}
    text = "".join(f' {k}="{escape(str(v))}"' for k, v in attrs.items())
    return f"<code{text}>{escape(token.content, quote=False)}</code>"


def _language(token: Token) -> str:
    """The info string's language, else a ``{: .language-x}`` class, as kramdown reads it."""
    if token.info and token.info.strip():
        return token.info.strip().split("?")[0]
    for name in str(token.attrGet("class") or "").split():
        if name.startswith("language-"):
            return name[len("language-") :]
    return ""


def _ial_classes(token: Token) -> str:
    """Classes an IAL gave a code block, other than the ``language-x`` it may name."""
    names = str(token.attrGet("class") or "").split()
    return " ".join(n for n in names if not n.startswith("language-"))


def fence(self, tokens, idx, options, env) -> str:
    """A fenced code block in kramdown + Rouge wrappers."""
    token = tokens[idx]
    # A {% highlight %} inside the fence: Liquid ran first, so the code shows its figure as text.
    code = with_placed_blocks(token.content, env.get("liquid_blocks", []))
    html = highlight.fenced_block(code, _language(token), _ial_classes(token))
    return _with_line(html, token)


def code_block(self, tokens, idx, options, env) -> str:
    """An indented code block in kramdown + Rouge wrappers."""
    token = tokens[idx]
    # kramdown drops trailing blank (or whitespace-only) lines of an indented block.
    code = re.sub(
        r"(?:\n[ \t]*)+\Z", "\n", with_placed_blocks(token.content, env.get("liquid_blocks", []))
    )
    return _with_line(highlight.fenced_block(code, _language(token), _ial_classes(token)), token)


def html_as_text(self, tokens, idx, options, env) -> str:
    """An HTML tag kramdown writes as text (a block-level tag in running text)."""
    return escape(tokens[idx].content, quote=False)


def strike_open(self, tokens, idx, options, env) -> str:
    """``~~`` opens ``<del>``, as in kramdown."""
    return "<del>"


def strike_close(self, tokens, idx, options, env) -> str:
    """Closes ``<del>``."""
    return "</del>"


def _with_line(html: str, token: Token) -> str:
    """Put the block's data-source-line (and IAL attributes) on its outermost tag."""
    extra = "".join(
        f' {name}="{escape(str(value))}"'
        for name, value in (token.attrs or {}).items()
        if name != "class"
    )
    return _FIRST_TAG.sub(lambda m: m.group(1) + extra, html, count=1) if extra else html


def html_block(self, tokens, idx, options, env) -> str:
    """Raw HTML as written, with the block line marker on its first tag."""
    content = tokens[idx].content
    if "markdown=" in content and "render_fragment" in env:
        content = markdown_inside(content, env["render_fragment"])
    content = with_placed_blocks(content, env.get("liquid_blocks", []))
    return _with_line(content, tokens[idx])


_MARKDOWN_TAG = re.compile(
    r"""<([A-Za-z][\w-]*)([^<>]*?)\s+markdown\s*=\s*(?:"([^"]*)"|'([^']*)'|(\w+))([^<>]*)>"""
)


def markdown_inside(html: str, render_fragment) -> str:
    """Elements with ``markdown="1"`` nested in raw HTML get their content rendered, as kramdown
    (which parses the HTML) does; ``markdown="span"`` renders it as inline text."""
    out, pos = [], 0
    while True:
        found = _MARKDOWN_TAG.search(html, pos)
        if not found:
            out.append(html[pos:])
            return "".join(out)
        tag = found.group(1)
        mode = found.group(3) or found.group(4) or found.group(5) or ""
        opener = f"<{tag}{found.group(2)}{found.group(6)}>"
        depth, close_start, close_end = 1, len(html), len(html)
        for part in re.finditer(rf"<{tag}(?=[\s/>])|</{tag}\s*>", html[found.end() :], re.I):
            depth += -1 if part.group(0).startswith("</") else 1
            if depth == 0:
                close_start, close_end = found.end() + part.start(), found.end() + part.end()
                break
        inner = html[found.end() : close_start]
        model = content_model(tag, mode)
        if model != "raw":
            inner = render_fragment(inner, model == "span")
        out += [html[pos : found.start()], opener, inner, html[close_start:close_end]]
        pos = close_end


def math_block(self, tokens, idx, options, env) -> str:
    """Block math the way kramdown (MathJax mode) publishes it."""
    return f"\\[{escape(tokens[idx].content, quote=False)}\\]\n"


def math_inline(self, tokens, idx, options, env) -> str:
    """Inline math the way kramdown (MathJax mode) publishes it."""
    return f"\\({escape(tokens[idx].content, quote=False)}\\)"


def nothing(self, tokens, idx, options, env) -> str:
    """Tokens that show nothing (attribute lists)."""
    return ""


def liquid_block(self, tokens, idx, options, env) -> str:
    """The HTML a block Liquid tag produced."""
    html = env.get("liquid_blocks", [])[tokens[idx].meta["index"]]
    return _with_line(html + "\n", tokens[idx])


def image(self, tokens, idx, options, env) -> str:
    """An image with the preview's local-file and missing/remote markers."""
    token = tokens[idx]
    alt = self.renderInlineAsText(token.children or [], options, env)
    attrs = dict(token.attrs or {})
    src = str(attrs.pop("src", ""))
    attrs.pop("alt", None)
    ordered = {"src": src, "alt": alt, **attrs}
    for name, value in image_attributes(src, env.get("render_context")).items():
        if name == "class" and ordered.get("class"):
            value = f"{ordered['class']} {value}"
        ordered[name] = value
    text = "".join(f' {k}="{escape(str(v))}"' for k, v in ordered.items())
    return f"<img{text} />"


def footnote_ref(self, tokens, idx, options, env) -> str:
    """A footnote reference in kramdown's markup."""
    meta = tokens[idx].meta
    label = escape(str(meta.get("label") or meta["id"] + 1))
    ref_id = f"fnref:{label}" + (f":{meta['subId']}" if meta.get("subId", 0) > 0 else "")
    number = meta["id"] + 1
    return (
        f'<sup id="{ref_id}" role="doc-noteref">'
        f'<a href="#fn:{label}" class="footnote" rel="footnote">{number}</a></sup>'
    )


def footnote_block_open(self, tokens, idx, options, env) -> str:
    """Opens kramdown's footnote list."""
    return '<div class="footnotes" role="doc-endnotes">\n  <ol>\n'


def footnote_block_close(self, tokens, idx, options, env) -> str:
    """Closes kramdown's footnote list."""
    return "  </ol>\n</div>\n"


def footnote_open(self, tokens, idx, options, env) -> str:
    """Opens one footnote."""
    meta = tokens[idx].meta
    label = escape(str(meta.get("label") or meta["id"] + 1))
    return f'    <li id="fn:{label}" role="doc-endnote">\n'


def footnote_close(self, tokens, idx, options, env) -> str:
    """Closes one footnote."""
    return "    </li>\n"


def footnote_anchor(self, tokens, idx, options, env) -> str:
    """The back link kramdown puts at the end of a footnote."""
    meta = tokens[idx].meta
    label = escape(str(meta.get("label") or meta["id"] + 1))
    sub = meta.get("subId", 0)
    ref_id = f"fnref:{label}" + (f":{sub}" if sub > 0 else "")
    mark = "&#8617;" + (f"<sup>{sub + 1}</sup>" if sub > 0 else "")
    return f' <a href="#{ref_id}" class="reversefootnote" role="doc-backlink">{mark}</a>'


RULES = {
    "code_inline": code_inline,
    "fence": fence,
    "code_block": code_block,
    "html_block": html_block,
    "math_block": math_block,
    "math_inline": math_inline,
    "ial": nothing,
    "liquid_block": liquid_block,
    "image": image,
    "footnote_ref": footnote_ref,
    "footnote_block_open": footnote_block_open,
    "footnote_block_close": footnote_block_close,
    "footnote_open": footnote_open,
    "footnote_close": footnote_close,
    "footnote_anchor": footnote_anchor,
    "html_as_text": html_as_text,
    "s_open": strike_open,
    "s_close": strike_close,
}
