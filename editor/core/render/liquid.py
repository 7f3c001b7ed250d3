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
from editor.core.render.scan import Finder

_BLOCKS = {"if", "unless", "for", "case", "capture", "highlight", "tablerow"}
_BRANCHES = {"elsif", "else", "when"}
UNKNOWN_CLASS = "tsuzuri-liquid-unknown"
MAX_DEPTH = 10
# Liquid refuses blocks nested deeper ("Liquid error: Nesting too deep"), and Jekyll fails.
MAX_NESTING = 100
NESTING_TOO_DEEP = "Liquid error: Nesting too deep"


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


def unknown(source: str, why: str = "Liquid") -> str:
    """The marker shown for a tag the preview cannot render; ``why`` is its tooltip."""
    return f'<span class="{UNKNOWN_CLASS}" title="{escape(why)}">{escape(source)}</span>'


_OPENER = re.compile(r"\{[{%]")
_TAG_END = re.compile(r"%\}")
_VARIABLE_END = re.compile(r"\}\}?")
_BLOCK_END = {name: re.compile(rf"\{{%-?\s*end{name}\s*-?%\}}") for name in ("raw", "comment")}
MAX_SYNTAX_WARNINGS = 10


def syntax_error(line: int, problem: str) -> str:
    """A warning worded as Liquid words the error that makes Jekyll fail the build."""
    return f"Liquid syntax error (line {line}): {problem}"


class _Lines:
    """Line numbers (1-based) of positions that only grow, counted once."""

    def __init__(self, src: str) -> None:
        self.src, self.pos, self.line = src, 0, 1

    def at(self, pos: int) -> int:
        self.line += self.src.count("\n", self.pos, pos)
        self.pos = pos
        return self.line


def _lex(src: str) -> list[tuple]:
    """Text, ``("output", expr, raw, line)``, ``("tag", name, args, raw, line)`` and
    ``("error", raw, message)`` items, split as Liquid's tokenizer splits them.

    A ``{{`` runs to the first ``}`` (and one more if it follows); a ``{%`` to the first
    ``%}``; an opener with no end is an error item holding just the opener.  Every search
    resumes where the last one ended, so the whole text is read a bounded number of times.
    """
    items: list[tuple] = []
    openers, tag_ends, variable_ends = (
        Finder(src, _OPENER),
        Finder(src, _TAG_END),
        Finder(src, _VARIABLE_END),
    )
    block_ends = {name: Finder(src, pattern) for name, pattern in _BLOCK_END.items()}
    lines = _Lines(src)
    pos = 0
    strip_next = False
    while True:
        found = openers.next(pos)
        start = found.start() if found else len(src)
        is_tag = found is not None and found.group(0) == "{%"
        end = (tag_ends if is_tag else variable_ends).next(start + 2) if found else None
        closed = end is not None and (is_tag or end.group(0) == "}}")
        text = src[pos:start]
        if strip_next:
            text = text.lstrip()
        trim_left = closed and src.startswith("-", start + 2)
        if trim_left:
            text = text.rstrip()
        if text:
            items.append(("text", text))
        if found is None:
            return items
        line = lines.at(start)
        if not closed:
            raw = src[start : end.end()] if end is not None else found.group(0)
            kind = "Tag" if is_tag else "Variable"
            closer = r"/\%\}/" if is_tag else r"/\}\}/"
            message = f"{kind} '{raw}' was not properly terminated with regexp: {closer}"
            items.append(("error", raw, syntax_error(line, message)))
            pos, strip_next = start + len(raw), False
            continue
        raw = src[start : end.end()]
        pos = end.end()
        inner = raw[2:-2]
        strip_next = inner.endswith("-")
        inner = inner[1 if trim_left else 0 : len(inner) - (1 if strip_next else 0)].strip()
        if not is_tag:
            items.append(("output", inner, raw, line))
            continue
        name, _, args = inner.partition(" ")
        if name in block_ends:
            block_end = block_ends[name].next(pos)
            if block_end is None:
                problem = f"'{name}' tag was never closed"
                items.append(("error", raw, syntax_error(line, problem)))
                continue
            if name == "raw":
                items.append(("text", src[pos : block_end.start()]))
            pos = block_end.end()
            # Liquid 4 lets the opening tag's "-%}" trim the text after the whole block.
            continue
        items.append(("tag", name, args.strip(), raw, line))


def parse(src: str) -> list[Node]:
    """Parse a template into nodes; unmatched tags become unknown-markers, never errors.

    A block never closed (Liquid's "tag was never closed", which fails Jekyll's build) shows
    its opening tag and those of its branches as markers, followed by what they held, once.
    """
    root: list[Node] = []
    stack: list[tuple[Node, list[Node], int, list[str]]] = []
    current = root
    for item in _lex(src):
        if item[0] == "text":
            current.append(Node("text", text=item[1]))
        elif item[0] == "output":
            current.append(Node("output", args=item[1], text=item[2]))
        elif item[0] == "error":
            current.append(Node("unknown", text=item[1], args=item[2]))
        else:
            _, name, args, raw, line = item
            if name in _BLOCKS:
                node = Node("tag", text=raw, name=name, args=args)
                current.append(node)
                stack.append((node, current, line, []))
                current = node.body
            elif name in _BRANCHES and stack:
                node = stack[-1][0]
                node.branches.append((name, args, []))
                stack[-1][3].append(raw)
                current = node.branches[-1][2]
            elif name.startswith("end") and stack and stack[-1][0].name == name[3:]:
                node, current, first_line, _ = stack.pop()
                node.lines = line - first_line + raw.count("\n")
            else:
                current.append(Node("tag", text=raw, name=name, args=args))
    if stack:
        _unwind_unclosed(stack)
    return root


def _unwind_unclosed(stack: list[tuple[Node, list[Node], int, list[str]]]) -> None:
    """Blocks never closed: each opening tag (and branch tag) becomes a marker followed by
    what it held, all moved once into the list holding the outermost one.

    Each unclosed block is the last item of the last list of the one before it (nothing can
    follow it there), so every list is copied once: 40,000 unclosed blocks stay linear.
    """
    target = stack[0][1]
    target.pop()  # the outermost block itself, always last in its list
    for index, (node, _parent, line, branch_tags) in enumerate(stack):
        problem = syntax_error(line, f"'{node.name}' tag was never closed")
        target.append(Node("unknown", text=node.text, args=problem))
        parts = [(None, node.body)] + [
            (raw, body) for raw, (_, _, body) in zip(branch_tags, node.branches, strict=True)
        ]
        for raw, items in parts:
            if raw is not None:
                target.append(Node("unknown", text=raw))
            target.extend(items)
        if index + 1 < len(stack):
            target.pop()  # the next unclosed block, handled on the next round


class LiquidRenderer:
    """Renders one template for one post; create one per render."""

    def __init__(self, context) -> None:
        self.context = context
        self.blocks: list[str] = []
        self.warnings: list[str] = []
        self.depth = 0
        self.syntax_warnings = 0
        self.nesting = 0

    def render(self, nodes: list[Node], scope: list[dict]) -> str:
        """The text of ``nodes`` with ``scope`` (innermost last) for variables."""
        out: list[str] = []
        for node in nodes:
            if node.kind == "text":
                out.append(node.text)
            elif node.kind == "output":
                out.append(self.output(node, scope))
            elif node.kind == "unknown":
                if node.args and self.syntax_warnings < MAX_SYNTAX_WARNINGS:
                    self.syntax_warnings += 1
                    self.warnings.append(node.args)
                out.append(unknown(node.text, node.args or "Liquid"))
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
        block = node.name in _BLOCKS
        if block and self.nesting >= MAX_NESTING:
            self.warnings.append(NESTING_TOO_DEEP)
            return unknown(node.text, NESTING_TOO_DEEP)
        self.nesting += block
        try:
            return handler(self, node, scope, out)
        except (ValueError, KeyError, TypeError, IndexError):
            self.warnings.append(f"Liquid tag not understood: {node.text}")
            return unknown(node.text)
        finally:
            self.nesting -= block

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
