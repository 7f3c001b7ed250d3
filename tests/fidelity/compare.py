"""Normalise two HTML bodies into top-level blocks and measure how many agree.

What counts: tag structure, text (whitespace collapsed), and the attributes that change what a
reader sees or where a link goes: ``id``, ``class`` (in its order, as an IAL writes it),
``href``, ``src``, ``alt`` and ``style`` (a table column's alignment; declarations compared with
their spacing and a trailing ``;`` normalised).  What does not: ``data-*`` attributes and
``tsuzuri-*`` classes (the preview's own markers for scroll sync, local image paths and
broken-image or unknown-Liquid hints; a remote image's withheld ``data-remote-src`` is compared as
its ``src``), other attributes (``title``...), and the token ``<span>`` elements inside ``<pre>``,
because Pygments and Rouge split the same code into different tokens; the code text and its
wrappers are still compared.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

KEPT_ATTRS = ("id", "class", "href", "src", "alt", "style")
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# Whitespace next to these tags does not show, so it is dropped before comparing.
BLOCK_TAGS = frozenset(
    """address article aside blockquote body br dd details div dl dt figcaption figure footer
    form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th
    thead tr ul style script iframe video audio source""".split()
)
_SPACE = re.compile(r"\s+")


@dataclass
class Node:
    tag: str  # "" for text, "!" for a comment
    attrs: tuple[tuple[str, str], ...] = ()
    text: str = ""
    children: list[Node] = field(default_factory=list)


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root")
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, tuple(_kept_attrs(attrs)))
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Node(tag, tuple(_kept_attrs(attrs))))

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(Node("", text=data))

    def handle_comment(self, data):
        self.stack[-1].children.append(Node("!", text=data))


def _kept_attrs(attrs) -> list[tuple[str, str]]:
    attrs = list(attrs)
    withheld = [value for name, value in attrs if name == "data-remote-src"]
    if withheld:  # the preview holds back remote images; the page would load this src
        attrs = [(n, v) for n, v in attrs if n != "src"] + [("src", withheld[0])]
    kept = []
    for name, value in attrs:
        if name not in KEPT_ATTRS:
            continue
        value = value or ""
        if name == "class":
            value = " ".join(c for c in value.split() if not c.startswith("tsuzuri-"))
            if not value:
                continue
        elif name == "style":
            value = style_declarations(value)
        kept.append((name, value))
    return sorted(kept)


def style_declarations(style: str) -> str:
    """A ``style`` attribute in one spelling: ``a: b; c: d``, in the written order."""
    declarations = []
    for declaration in style.split(";"):
        prop, colon, value = declaration.partition(":")
        if prop.strip():
            declarations.append(f"{prop.strip().lower()}{colon} {_SPACE.sub(' ', value.strip())}")
    return "; ".join(declarations)


def parse(html: str) -> Node:
    """Parse an HTML fragment into a small tree."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


def _canon(node: Node, in_pre: bool, out: list[str]) -> None:
    if node.tag == "":
        # In code, CR LF (kept by Jekyll from CRLF posts) shows as one line break.
        out.append(node.text.replace("\r\n", "\n") if in_pre else _SPACE.sub(" ", node.text))
        return
    if node.tag == "!":
        out.append(f"<!--{_SPACE.sub(' ', node.text).strip()}-->")
        return
    if in_pre and node.tag == "span":
        for child in node.children:
            _canon(child, in_pre, out)
        return
    attrs = "".join(f' {k}="{v}"' for k, v in node.attrs)
    out.append(f"\x01<{node.tag}{attrs}>\x01" if node.tag in BLOCK_TAGS else f"<{node.tag}{attrs}>")
    inner_pre = in_pre or node.tag == "pre"
    for child in node.children:
        _canon(child, inner_pre, out)
    if node.tag not in VOID:
        out.append(f"\x01</{node.tag}>\x01" if node.tag in BLOCK_TAGS else f"</{node.tag}>")


def canonical(node: Node) -> str:
    """One block as a comparable string."""
    out: list[str] = []
    _canon(node, False, out)
    text = "".join(out)
    # Drop whitespace that touches a block boundary, then the boundary marks themselves.
    text = re.sub(r"\s*\x01\s*", "", text)
    return text.strip()


def blocks(html: str) -> list[str]:
    """Top-level blocks of an HTML body, each as a canonical string (empty text dropped)."""
    result = []
    for child in parse(html).children:
        if child.tag == "" and not child.text.strip():
            continue
        result.append(canonical(child))
    return result


@dataclass
class Comparison:
    """How two bodies agree, block by block."""

    matched: int
    expected: int
    actual: int
    differences: list[tuple[list[str], list[str]]]
    agreed: list[str] = field(default_factory=list)  # Jekyll's blocks the preview wrote the same

    @property
    def total(self) -> int:
        """The denominator: the longer of the two block lists."""
        return max(self.expected, self.actual)

    @property
    def score(self) -> float:
        """Agreement in [0, 1]; 1 for two empty bodies."""
        return self.matched / self.total if self.total else 1.0


def compare(expected_html: str, actual_html: str) -> Comparison:
    """Align the top-level blocks of two bodies and count the equal ones."""
    expected = blocks(expected_html)
    actual = blocks(actual_html)
    matcher = difflib.SequenceMatcher(None, expected, actual, autojunk=False)
    runs = matcher.get_matching_blocks()
    matched = sum(size for _, _, size in runs)
    agreed = [block for i, _, size in runs for block in expected[i : i + size]]
    differences = [
        (expected[i1:i2], actual[j1:j2])
        for op, i1, i2, j1, j2 in matcher.get_opcodes()
        if op != "equal"
    ]
    return Comparison(matched, len(expected), len(actual), differences, agreed)
