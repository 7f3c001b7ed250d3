"""The Liquid and Jekyll tags the preview renders, one function per tag name."""

from __future__ import annotations

import re
from pathlib import Path

from editor.core.render import highlight
from editor.core.render.blocks import PLACEHOLDER
from editor.core.render.jekyll_links import link_url, post_url
from editor.core.render.liquid_expr import evaluate, literal_or_path
from editor.core.render.liquid_values import to_text
from editor.core.storage import StorageError, read_regular_file

_FOR = re.compile(r"^([\w-]+)\s+in\s+(\(.*?\)|\S+)\s*(.*)$")
_PARAM = re.compile(r"""([\w-]+)\s*=\s*('[^']*'|"[^"]*"|\S+)""")


def tag_if(renderer, node, scope, out) -> str:
    """``{% if %}`` with ``elsif``/``else``."""
    if renderer.condition(node.args, scope):
        return renderer.render(node.body, scope)
    for name, args, body in node.branches:
        if name == "else" or (name == "elsif" and renderer.condition(args, scope)):
            return renderer.render(body, scope)
    return ""


def tag_unless(renderer, node, scope, out) -> str:
    """``{% unless %}``."""
    if not renderer.condition(node.args, scope):
        return renderer.render(node.body, scope)
    for name, args, body in node.branches:
        if name == "else" or (name == "elsif" and renderer.condition(args, scope)):
            return renderer.render(body, scope)
    return ""


def tag_case(renderer, node, scope, out) -> str:
    """``{% case %}`` with ``when``/``else``."""
    value = literal_or_path(node.args, scope, renderer.context)
    for name, args, body in node.branches:
        options = [literal_or_path(a, scope) for a in re.split(r"\s*(?:,|\bor\b)\s*", args)]
        if name == "else" or (name == "when" and value in options):
            return renderer.render(body, scope)
    return ""


def tag_for(renderer, node, scope, out) -> str:
    """``{% for x in list [limit:n] [offset:n] [reversed] %}`` with ``forloop``."""
    found = _FOR.match(node.args)
    if not found:
        raise ValueError(node.args)
    name, source, options = found.groups()
    items = literal_or_path(source, scope, renderer.context)
    if isinstance(items, dict):
        items = [[k, v] for k, v in items.items()]
    items = list(items) if isinstance(items, (list, tuple, range)) else []
    params = dict(re.findall(r"(limit|offset)\s*:\s*(\S+)", options))
    offset = int(to_text(literal_or_path(params.get("offset", "0"), scope)) or 0)
    items = items[offset:]
    if "limit" in params:
        items = items[: int(to_text(literal_or_path(params["limit"], scope)) or 0)]
    if re.search(r"\breversed\b", options):
        items.reverse()
    if not items:
        for branch, _, body in node.branches:
            if branch == "else":
                return renderer.render(body, scope)
        return ""
    parts = []
    for index, item in enumerate(items):
        forloop = {
            "index": index + 1,
            "index0": index,
            "rindex": len(items) - index,
            "rindex0": len(items) - index - 1,
            "first": index == 0,
            "last": index == len(items) - 1,
            "length": len(items),
        }
        parts.append(renderer.render(node.body, [*scope, {name: item, "forloop": forloop}]))
    return "".join(parts)


def tag_assign(renderer, node, scope, out) -> str:
    """``{% assign x = expression %}``."""
    name, _, expression = node.args.partition("=")
    scope[0][name.strip()] = evaluate(expression, scope, renderer.context, renderer.warnings)
    return ""


def tag_capture(renderer, node, scope, out) -> str:
    """``{% capture x %}...{% endcapture %}``."""
    scope[0][node.args.strip()] = renderer.render(node.body, scope)
    return ""


def tag_highlight(renderer, node, scope, out) -> str:
    """``{% highlight lang [linenos] %}``: a placeholder line for the figure."""
    words = node.args.split()
    if not words:
        raise ValueError(node.args)
    code = renderer.render(node.body, scope)
    # Jekyll lower-cases the language of the highlight tag (kramdown keeps a fence's as written).
    html = highlight.liquid_block(code, words[0].lower(), "linenos" in words[1:])
    line_start = _current_line(out)
    if line_start.strip():
        return html  # in the middle of a line: stays inline HTML, as in Jekyll
    renderer.blocks.append(html)
    filler = ("\n" + line_start + PLACEHOLDER) * node.lines
    return f"{PLACEHOLDER}L{len(renderer.blocks) - 1}{PLACEHOLDER}{filler}"


def _current_line(out: list[str]) -> str:
    """What has been written on the current output line so far."""
    pieces = []
    for piece in reversed(out):
        head, newline, tail = piece.rpartition("\n")
        pieces.append(tail)
        if newline:
            break
    return "".join(reversed(pieces))


def tag_include(renderer, node, scope, out) -> str:
    """``{% include file key=value %}`` from the blog's ``_includes``."""
    context = renderer.context
    name, _, params_text = node.args.partition(" ")
    if "{{" in name or context.blog_root is None or renderer.depth >= 10:
        raise ValueError(name)
    # As Jekyll joins paths, "/x" is looked for in _includes too, never at the disk's root; a
    # link out of the blog is refused by the one "inside the blog" check (ensure_inside).
    path = Path(context.blog_root) / "_includes" / name.lstrip("/")
    if ".." in Path(name).parts:
        raise ValueError(name)
    try:
        data, _ = read_regular_file(path, inside=context.blog_root)
    except StorageError:
        raise ValueError(name) from None
    params = {
        key: literal_or_path(value, scope, context) for key, value in _PARAM.findall(params_text)
    }
    from editor.core.render.liquid import parse

    renderer.depth += 1
    try:
        template = parse(data.decode("utf-8", errors="replace"))
        return renderer.render(template, [*scope, {"include": params}])
    finally:
        renderer.depth -= 1


def tag_post_url(renderer, node, scope, out) -> str:
    """``{% post_url name %}`` resolved against the blog's ``_posts``."""
    context = renderer.context
    url = (
        post_url(Path(context.blog_root), node.args.strip(), context.site)
        if context.blog_root
        else None
    )
    if url is None:
        raise ValueError(node.args)
    return url


def tag_link(renderer, node, scope, out) -> str:
    """``{% link path %}`` resolved against the blog's files."""
    context = renderer.context
    target = node.args.strip()
    if "{{" in target or context.blog_root is None:
        raise ValueError(target)
    url = link_url(Path(context.blog_root), target, context.site)
    if url is None:
        raise ValueError(target)
    return url


def tag_increment(renderer, node, scope, out) -> str:
    """``{% increment x %}``."""
    name = node.args.strip()
    value = scope[0].get(f"\x00counter:{name}", 0)
    scope[0][f"\x00counter:{name}"] = value + 1
    return str(value)


def tag_cycle(renderer, node, scope, out) -> str:
    """``{% cycle a, b %}``."""
    values = [literal_or_path(v, scope) for v in node.args.split(",")]
    key = f"\x00cycle:{node.args}"
    index = scope[0].get(key, 0)
    scope[0][key] = index + 1
    return to_text(values[index % len(values)]) if values else ""


def tag_break(renderer, node, scope, out) -> str:
    """``{% break %}`` is not supported: shown as unknown."""
    raise ValueError("break")


def tag_echo(renderer, node, scope, out) -> str:
    """``{% echo expression %}``."""
    return to_text(evaluate(node.args, scope, renderer.context, renderer.warnings))
