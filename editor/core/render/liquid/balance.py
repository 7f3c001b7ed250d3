"""What python-liquid is given: a template whose every tag is closed, known and readable.

Liquid refuses a whole template for one unclosed ``{% if %}``; the preview instead shows each
part Jekyll would refuse as a visible ``tsuzuri-liquid-unknown`` marker with Liquid's own error
as its tooltip, and keeps every word of the text around it once.  This pass reads the body once
(every search resumes where the last ended), so hostile input stays linear: unterminated
openers, blocks never closed, blocks nested past Liquid's 100, and tags or outputs whose
expression Liquid cannot parse each become a marker (a ``{% tsuzuri_marker N %}`` tag inside a
Liquid block, a placeholder the engine passes as text outside), and the rest is handed on
unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape

from editor.core.render.blocks import PLACEHOLDER
from editor.core.render.context import RenderWarning
from editor.core.render.scan import Finder

# Block tags and the branch tags each may hold (Liquid 4 and Jekyll's highlight).
BLOCKS = {
    "if": ("elsif", "else"),
    "unless": ("elsif", "else"),
    "case": ("when", "else"),
    "for": ("else",),
    "tablerow": (),
    "capture": (),
    "ifchanged": (),
    "highlight": (),
}
UNKNOWN_CLASS = "tsuzuri-liquid-unknown"
MARKER_TAG = "tsuzuri_marker"
SENTINEL = PLACEHOLDER  # the character the Markdown side already reserves for placed blocks
# Liquid refuses blocks nested deeper ("Liquid error: Nesting too deep"), and Jekyll fails.
MAX_NESTING = 100
NESTING_TOO_DEEP = RenderWarning("liquid-nesting")


def unknown(source: str, why: str = "Liquid") -> str:
    """The marker shown for a tag the preview cannot render; ``why`` is its tooltip."""
    return f'<span class="{UNKNOWN_CLASS}" title="{escape(why)}">{escape(source)}</span>'


_OPENER = re.compile(r"\{[{%]")
_TAG_END = re.compile(r"%\}")
_VARIABLE_END = re.compile(r"\}\}?")
_BLOCK_END = {name: re.compile(rf"\{{%-?\s*end{name}\s*-?%\}}") for name in ("raw", "comment")}
MAX_SYNTAX_WARNINGS = 10


def syntax_error(line: int, problem: str) -> RenderWarning:
    """A warning worded as Liquid words the error that makes Jekyll fail the build."""
    return RenderWarning("liquid-syntax", line=line, problem=problem)


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
                items.append(("raw", src[start : block_end.end()]))
            pos = block_end.end()
            # Liquid 4 lets the opening tag's "-%}" trim the text after the whole block.
            continue
        items.append(("tag", name, args.strip(), raw, line))


@dataclass
class Balanced:
    """The template to hand to python-liquid, the markers it refers to, and warnings."""

    template: str
    markers: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Open:
    name: str
    line: int
    opener: int  # index in the output pieces
    branches: list[int]


def balance(
    src: str,
    known: Callable[[str], bool],
    readable: Callable[[str, str, str | None], str | None],
    markers: list[tuple[str, str]] | None = None,
) -> Balanced:
    """``src`` with every part python-liquid would refuse replaced by a marker tag.

    ``known(name)`` says whether a tag exists; ``readable(raw, name, block)`` gives Liquid's
    error for a tag or output (``name`` is ``""``) whose expression it cannot parse, else
    ``None``; ``block`` is the open block a branch tag belongs to.  ``markers`` collects
    ``(source, why)`` pairs, shared with includes rendered in the same run.
    """
    markers = [] if markers is None else markers
    out = Balanced("", markers)
    pieces: list[str | int] = []  # text, or the index of a marker
    stack: list[_Open] = []
    owners: dict[int, _Open | None] = {}  # the block each marker stands in
    syntax = 0

    def mark(raw: str, why: str, warn: bool = True) -> int:
        nonlocal syntax
        if warn and syntax < MAX_SYNTAX_WARNINGS:
            syntax += 1
            out.warnings.append(why)
        markers.append((raw, why))
        owners[len(markers) - 1] = stack[-1] if stack else None
        return len(markers) - 1

    for item in _lex(src):
        kind = item[0]
        if kind == "text":
            pieces.append(item[1])
        elif kind == "raw":
            pieces.append(item[1])
        elif kind == "error":
            pieces.append(mark(item[1], item[2]))
        elif kind == "output":
            _, _inner, raw, line = item
            problem = readable(raw, "", None)
            pieces.append(raw if problem is None else mark(raw, syntax_error(line, problem)))
        else:
            _, name, _args, raw, line = item
            if name in BLOCKS:
                if len(stack) >= MAX_NESTING:
                    pieces.append(mark(raw, NESTING_TOO_DEEP))
                    continue
                problem = readable(raw, name, None)
                if problem is not None:
                    pieces.append(mark(raw, syntax_error(line, problem)))
                    continue
                stack.append(_Open(name, line, len(pieces), []))
                pieces.append(raw)
            elif stack and name in BLOCKS[stack[-1].name]:
                problem = readable(raw, name, stack[-1].name)
                if problem is not None:
                    pieces.append(mark(raw, syntax_error(line, problem)))
                    continue
                stack[-1].branches.append(len(pieces))
                pieces.append(raw)
            elif stack and name == "end" + stack[-1].name:
                stack.pop()
                pieces.append(raw)
            elif not known(name) or name.startswith("end") or name in ("elsif", "else", "when"):
                pieces.append(mark(raw, RenderWarning("liquid-unknown-tag", line=line, tag=raw)))
            else:
                problem = readable(raw, name, None)
                pieces.append(raw if problem is None else mark(raw, syntax_error(line, problem)))
    # Blocks never closed: each opening tag and branch becomes a marker, what they held stays.
    unclosed = {id(block) for block in stack}
    for block in stack:
        problem = syntax_error(block.line, f"'{block.name}' tag was never closed")
        pieces[block.opener] = mark(str(pieces[block.opener]), problem)
        owners[pieces[block.opener]] = None
        for index in block.branches:
            pieces[index] = mark(str(pieces[index]), problem, warn=False)
            owners[pieces[index]] = None
    # A marker outside every Liquid block is a placeholder the engine passes as text (cheap for
    # tens of thousands); one inside a block is a tag, rendered as often as its block is.
    for position, piece in enumerate(pieces):
        if isinstance(piece, int):
            owner = owners[piece]
            breaks = "\n" * markers[piece][0].count("\n")  # later lines keep their numbers
            if owner is None or id(owner) in unclosed:
                pieces[position] = f"{SENTINEL}M{piece}{breaks}{SENTINEL}"
            else:
                pieces[position] = f"{{% {MARKER_TAG} {piece}{breaks} %}}"
    out.template = "".join(pieces)  # type: ignore[arg-type]
    return out


_PLACED = re.compile(f"{SENTINEL}M(\\d+)\n*{SENTINEL}")


def place_markers(text: str, markers: list[tuple[str, str]]) -> str:
    """``text`` with each marker placeholder replaced by its visible marker."""
    if SENTINEL not in text:
        return text

    def marker(found: re.Match) -> str:
        index = int(found.group(1))
        return unknown(*markers[index]) if index < len(markers) else found.group(0)

    return _PLACED.sub(marker, text)
