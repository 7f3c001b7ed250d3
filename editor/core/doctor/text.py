"""Reading a post body as Markdown blocks and Japanese-aware sentences, keeping positions.

All positions are code-point offsets in the whole file text, so findings point at the right
place whatever came before the body.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\n|\r|$)")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_LIQUID_CODE_OPEN = re.compile(r"^\s*\{%-?\s*(highlight|raw|comment)\b")
_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)")
_LIST = re.compile(r"^(\s*)([-*+]|\d{1,9}[.)])[ \t]+")
_QUOTE = re.compile(r"^ {0,3}>[ \t]?")
_TABLE = re.compile(r"^\s*\||^[\s:|-]*-{3,}[\s:|-]*\||^[^|`]*\|[^|`]*\|")
_LINK_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S")
# Any indentation: HTML tables in posts are indented freely and are never prose.
_HTML = re.compile(r"^\s*<(?:[A-Za-z/!?])")
_LIQUID_LINE = re.compile(r"^\s*\{[%{].*[%}]\}\s*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_BOLD_LINE = re.compile(r"^\s*(\*\*|__)[^*_\r\n]+\1\s*$")
_INDENTED = re.compile(r"^(?: {4}|\t)")

# A sentence ends at Japanese or Latin closing punctuation, with closing brackets and quotes
# that follow it, or at a Latin full stop followed by a space.
SENTENCE_END = re.compile(
    r"[。！？!?]+[」』）)】〕\"'’”]*|(?<=[A-Za-z0-9)\]\"'’”])\.(?=\s|$)[\"'’”)]*"
)
_QUOTE_CLOSERS = "」』）)】〕\"'’”"
_CONTINUES = re.compile(r"[ぁ-ゖ、，]")
CLOSING_CHARS = "。！？!?.」』）)】〕\"'’”…‥:：;；"

_MASKS = [
    re.compile(r"`+[^`\r\n]*`+"),
    re.compile(r"!?\[[^\]\r\n]*\]\([^)\r\n]*\)"),
    re.compile(r"https?://[^\s)\]>」]+"),
    re.compile(r"<[^>\r\n]*>"),
    re.compile(r"\{[%{].*?[%}]\}"),
    # Paths are ASCII; \w would take Japanese text around a slash for a path.
    re.compile(r"(?<![A-Za-z0-9_.])(?:\.{0,2}/)?[A-Za-z0-9_.~-]+(?:/[A-Za-z0-9_.~-]+)+/?"),
]


@dataclass(frozen=True)
class Block:
    """A run of lines of one kind: paragraph, heading, list, quote, table, code, html, marker."""

    kind: str
    start: int
    end: int
    level: int = 0
    content_start: int = 0


class LineIndex:
    """Turns code-point offsets into 1-based line and column numbers."""

    def __init__(self, text: str):
        self._starts = [0] + [m.end() for m in re.finditer(r"\r\n|\n|\r", text)]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of ``offset``."""
        line = bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1


def iter_lines(text: str, start: int = 0):
    """Yield (line_start, content_end, next_line_start) for each line from ``start``."""
    pos = start
    n = len(text)
    while pos < n:
        m = _LINE.match(text, pos)
        content = m.group(0).rstrip("\r\n")
        yield pos, pos + len(content), m.end()
        pos = m.end()


def scan_blocks(text: str, start: int, markers: tuple[str, ...] = ()) -> list[Block]:
    """Split ``text[start:]`` into Markdown blocks (enough of Markdown for the checks)."""
    blocks: list[Block] = []
    current: list | None = None  # [kind, start, end, level, content_start]
    fence: str | None = None
    liquid_end: str | None = None
    marker_set = {m.strip() for m in markers}
    prev_blank = True

    def close():
        nonlocal current
        if current is not None:
            blocks.append(Block(*current))
            current = None

    for ls, le, _ in iter_lines(text, start):
        line = text[ls:le]
        stripped = line.strip()
        if fence is not None or liquid_end is not None:
            current[2] = le
            if fence is not None and stripped.startswith(fence) and set(stripped) <= set(fence):
                fence = None
                close()
            elif liquid_end is not None and re.search(r"\{%-?\s*" + liquid_end + r"\b", line):
                liquid_end = None
                close()
            continue
        if not stripped:
            close()
            prev_blank = True
            continue
        m = _FENCE.match(line)
        lq = _LIQUID_CODE_OPEN.match(line)
        kind, level, content = None, 0, ls
        if stripped in marker_set:
            kind = "marker"
        elif m:
            close()
            fence = m.group(1)[0] * len(m.group(1))
            current = ["code", ls, le, 0, ls]
            continue
        elif lq:
            close()
            current = ["code", ls, le, 0, ls]
            if not re.search(r"\{%-?\s*end" + lq.group(1) + r"\b", line):
                liquid_end = "end" + lq.group(1)
                continue
            close()
            continue
        elif (hm := _HEADING.match(line)) is not None:
            kind, level, content = "heading", len(hm.group(1)), ls + hm.end()
        elif _RULE.match(line):
            kind = "rule"
        elif (lm := _LIST.match(line)) is not None:
            kind, content = "list", ls + lm.end()
        elif (qm := _QUOTE.match(line)) is not None:
            kind, content = "quote", ls + qm.end()
        elif _TABLE.match(line):
            kind = "table"
        elif _LINK_DEF.match(line):
            kind = "linkdef"
        elif _LIQUID_LINE.match(line):
            kind = "liquid"
        elif _HTML.match(line) and (current is None or current[0] != "paragraph"):
            kind = "html"
        elif prev_blank and current is None and _INDENTED.match(line):
            kind = "code"
        prev_blank = False
        if kind is None:
            if current is not None and current[0] in ("paragraph", "list", "quote", "html"):
                current[2] = le  # a lazy continuation line
                continue
            if current is not None and current[0] == "code" and _INDENTED.match(line):
                current[2] = le
                continue
            close()
            current = ["paragraph", ls, le, 0, ls]
            continue
        if (
            kind in ("table", "code", "html", "linkdef")
            and current is not None
            and current[0] == kind
        ):
            current[2] = le
            continue
        close()
        current = [kind, ls, le, level, content]
        if kind in ("heading", "marker", "rule", "liquid"):
            close()
    close()
    # A paragraph that is one bold line works as a heading in many blogs.
    return [
        Block("heading", b.start, b.end, 0, b.start)
        if b.kind == "paragraph" and _BOLD_LINE.match(text[b.start : b.end])
        else b
        for b in blocks
    ]


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans in ``text[start:end]``, trimmed of surrounding white space."""
    spans = []
    pos = start
    for m in SENTENCE_END.finditer(text, start, end):
        if m.group(0)[-1] in _QUOTE_CLOSERS and _CONTINUES.match(text, m.end(), end):
            continue  # 「本当？」と聞いた: the quotation goes on in the same sentence
        spans.append((pos, m.end()))
        pos = m.end()
    spans.append((pos, end))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def mask_markup(segment: str) -> str:
    """``segment`` with code spans, links, URLs, paths, tags and Liquid blanked (same length)."""
    chars = list(segment)
    for pattern in _MASKS:
        for m in pattern.finditer(segment):
            for i in range(m.start(), m.end()):
                if chars[i] not in "\r\n":
                    chars[i] = " "
    return "".join(chars)


def normalize(segment: str) -> str:
    """The comparison key of a sentence: no white space and no emphasis marks."""
    return re.sub(r"[\s*_]+", "", segment)


def ends_sentence(segment: str) -> bool:
    """True when ``segment`` ends with closing punctuation (ignoring emphasis and spaces)."""
    tail = segment.rstrip().rstrip("*_~`").rstrip()
    return bool(tail) and tail[-1] in CLOSING_CHARS
