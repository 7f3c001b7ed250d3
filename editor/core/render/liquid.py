"""Liquid as Jekyll runs it on a post before Markdown: tags, variables, filters.

Undefined variables print nothing, as in Jekyll.  A tag we do not understand becomes a visible
``tsuzuri-liquid-unknown`` marker instead of template noise or an exception.  Blocks that
Jekyll turns into HTML (``{% highlight %}``) are left as placeholder lines covering the same
source lines, so the Markdown after them keeps its line numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape

from editor.core.render import liquid_tags
from editor.core.render.liquid_expr import evaluate, evaluate_condition, lookup
from editor.core.render.liquid_values import to_text

_TOKEN = re.compile(r"\{%(-?)\s*(.*?)\s*(-?)%\}|\{\{(-?)\s*(.*?)\s*(-?)\}\}", re.DOTALL)
_BLOCKS = {"if", "unless", "for", "case", "capture", "highlight", "tablerow"}
_BRANCHES = {"elsif", "else", "when"}
UNKNOWN_CLASS = "tsuzuri-liquid-unknown"
MAX_DEPTH = 10


@dataclass
class Node:
    """Text, an output ``{{ }}``, or a tag with its body and branches."""

    kind: str
    text: str = ""
    name: str = ""
    args: str = ""
    body: list[Node] = field(default_factory=list)
    branches: list[tuple[str, str, list[Node]]] = field(default_factory=list)
    lines: int = 0


@dataclass
class LiquidOutput:
    """The Markdown left after Liquid, the HTML of placeholder blocks, and warnings."""

    text: str
    blocks: list[str]
    warnings: list[str]


def unknown(source: str) -> str:
    """The marker shown for a tag the preview cannot render."""
    return f'<span class="{UNKNOWN_CLASS}" title="Liquid">{escape(source)}</span>'


def _lex(src: str) -> list[tuple]:
    """Text, ``("output", expr, raw)`` and ``("tag", name, args, raw)`` items."""
    items: list[tuple] = []
    pos = 0
    strip_next = False
    while True:
        found = _TOKEN.search(src, pos)
        text = src[pos : found.start()] if found else src[pos:]
        if strip_next:
            text = text.lstrip()
        if found and (found.group(1) or found.group(4)):
            text = text.rstrip()
        if text:
            items.append(("text", text))
        if not found:
            return items
        raw = found.group(0)
        strip_next = bool(found.group(3) or found.group(6))
        pos = found.end()
        if found.group(2) is None:
            items.append(("output", found.group(5), raw, found.start(), found.end()))
            continue
        name, _, args = found.group(2).partition(" ")
        if name in ("raw", "comment"):
            end = re.compile(rf"\{{%-?\s*end{name}\s*-?%\}}").search(src, pos)
            if end is None:
                items.append(("tag", name, args.strip(), raw, found.start(), found.end()))
                continue
            if name == "raw":
                items.append(("text", src[pos : end.start()]))
            pos = end.end()
            # Liquid 4 lets the opening tag's "-%}" trim the text after the whole block.
            strip_next = bool(found.group(3))
            continue
        items.append(("tag", name, args.strip(), raw, found.start(), found.end()))


def parse(src: str) -> list[Node]:
    """Parse a template into nodes; unmatched tags become unknown-markers, never errors."""
    items = _lex(src)
    starts: dict[int, int] = {}
    root: list[Node] = []
    stack: list[tuple[Node, list[Node]]] = []
    current = root
    for item in items:
        if item[0] == "text":
            current.append(Node("text", text=item[1]))
        elif item[0] == "output":
            current.append(Node("output", args=item[1], text=item[2]))
        else:
            _, name, args, raw, start, end = item
            if name in _BLOCKS:
                node = Node("tag", text=raw, name=name, args=args)
                starts[id(node)] = start
                current.append(node)
                stack.append((node, current))
                current = node.body
            elif name in _BRANCHES and stack:
                node = stack[-1][0]
                node.branches.append((name, args, []))
                current = node.branches[-1][2]
            elif name.startswith("end") and stack and stack[-1][0].name == name[3:]:
                node, current = stack.pop()
                node.lines = src.count("\n", starts[id(node)], end)
            else:
                current.append(Node("tag", text=raw, name=name, args=args))
    while stack:  # never closed: show the opening tag, keep what followed it
        node, parent = stack.pop()
        parent.append(Node("unknown", text=node.text))
        parent.extend(node.body)
        for _, _, body in node.branches:
            parent.extend(body)
    return root


class LiquidRenderer:
    """Renders one template for one post; create one per render."""

    def __init__(self, context) -> None:
        self.context = context
        self.blocks: list[str] = []
        self.warnings: list[str] = []
        self.depth = 0

    def render(self, nodes: list[Node], scope: list[dict]) -> str:
        """The text of ``nodes`` with ``scope`` (innermost last) for variables."""
        out: list[str] = []
        for node in nodes:
            if node.kind == "text":
                out.append(node.text)
            elif node.kind == "output":
                out.append(self.output(node, scope))
            elif node.kind == "unknown":
                out.append(unknown(node.text))
            else:
                out.append(self.tag(node, scope, out))
        return "".join(out)

    def output(self, node: Node, scope: list[dict]) -> str:
        try:
            return to_text(evaluate(node.args, scope, self.context, self.warnings))
        except ValueError:
            self.warnings.append(f"Liquid output not understood: {node.text}")
            return unknown(node.text)

    def tag(self, node: Node, scope: list[dict], out: list[str]) -> str:
        handler = getattr(liquid_tags, f"tag_{node.name}", None)
        if handler is None:
            self.warnings.append(f"Liquid tag not understood: {node.text}")
            return unknown(node.text)
        try:
            return handler(self, node, scope, out)
        except (ValueError, KeyError, TypeError, IndexError):
            self.warnings.append(f"Liquid tag not understood: {node.text}")
            return unknown(node.text)

    def condition(self, expression: str, scope: list[dict]) -> bool:
        """Evaluate an ``if`` condition."""
        return evaluate_condition(expression, scope, self.context, self.warnings)

    def variable(self, name: str, scope: list[dict]):
        """The value of a variable path."""
        return lookup(name, scope, self.context)


def render_liquid(text: str, context, variables: dict) -> LiquidOutput:
    """Run Liquid over a post body; ``variables`` holds ``site`` and ``page``."""
    if "{%" not in text and "{{" not in text:
        return LiquidOutput(text, [], [])
    renderer = LiquidRenderer(context)
    result = renderer.render(parse(text), [variables])
    return LiquidOutput(result, renderer.blocks, renderer.warnings)
