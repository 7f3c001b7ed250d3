"""Reading a post body as Markdown blocks and Japanese-aware sentences, keeping positions.

All positions are code-point offsets in the whole file text, so findings point at the right
place whatever came before the body.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from editor.core.render.tables import has_pipe, is_separator
from editor.core.text.markup import ATX_HEADING, INDENTED

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\n|\r|$)")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_LIQUID_CODE_OPEN = re.compile(r"^\s*\{%-?\s*(highlight|raw|comment)\b")
# kramdown's headers: ATX (markup.ATX_HEADING), a setext underline of ``=`` or ``-`` under a
# one-line paragraph.
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_LIST = re.compile(r"^(\s*)([-*+]|\d{1,9}[.)])[ \t]+")
_QUOTE = re.compile(r"^ {0,3}>[ \t]?")
_LINK_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S")
_LIQUID_LINE = re.compile(r"^\s*\{[%{].*[%}]\}\s*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_BOLD_LINE = re.compile(r"^\s*(\*\*|__)[^*_\r\n]+\1\s*$")
# kramdown's raw blocks: {::nomarkdown} and {::comment} up to their end tag, $$ math up to $$.
_RAW_OPEN = re.compile(r"^ {0,3}(?:\{::(nomarkdown|comment)\b[^}]*?(/?)\}|\$\$)")
_RAW_CLOSE = {
    "nomarkdown": re.compile(r"\{:/(?:nomarkdown)?\}"),
    "comment": re.compile(r"\{:/(?:comment)?\}"),
    "math": re.compile(r"\$\$\s*$"),
}

# A sentence ends at Japanese or Latin closing punctuation, with closing brackets and quotes
# that follow it, or at a Latin full stop followed by a space.
SENTENCE_END = re.compile(
    r"[。！？!?]+[」』）)】〕\"'’”]*|(?<=[A-Za-z0-9)\]\"'’”])\.(?=\s|$)[\"'’”)]*"
)
_QUOTE_CLOSERS = "」』）)】〕\"'’”"
_CONTINUES = re.compile(r"[ぁ-ゖ、，]")
CLOSING_CHARS = "。！？!?.」』）)】〕\"'’”…‥:：;；"

# Markup inside prose lines, blanked before the prose is read.  Every pattern stops at the next
# opening character of its own kind, so a run of unclosed ``<``, ``[`` or ``{{`` is scanned once.
_LIQUID = re.compile(r"\{[%{][^{}\r\n]*[%}]\}")
_CODE_SPAN = re.compile(r"`+[^`\r\n]*`+")
_MASKS = [
    _CODE_SPAN,
    re.compile(r"!\[[^\[\]\r\n]*\]\([^()\r\n]*\)"),  # an image is not read, its alt text either
    re.compile(r"https?://[^\s)\]>」]+"),
    re.compile(r"<[A-Za-z/!?][^<>\r\n]*>"),
    _LIQUID,
    re.compile(r"\{:[^{}\r\n]*\}"),  # kramdown attribute lists: {: .align-right}
    re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#x[0-9A-Fa-f]{1,6});"),
    # Paths are ASCII; \w would take Japanese text around a slash for a path.
    re.compile(r"(?<![A-Za-z0-9_.~/-])(?:\.{0,2}/)?[A-Za-z0-9_.~-]+(?:/[A-Za-z0-9_.~-]+)+/?"),
]
# A link's text is read; its brackets and target are not.
_LINK = re.compile(r"\[([^\[\]\r\n]*)\](?:\([^()\r\n]*\)|\[[^\[\]\r\n]*\])")
PROSE_KINDS = ("paragraph", "list", "quote", "heading")
# HTML elements kramdown reads as a block up to their end tag, blank lines included.
_BLOCK_TAGS = frozenset(
    "address article aside blockquote body center dd details dialog dir div dl dt fieldset "
    "figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 head header html iframe legend "
    "li main menu nav noframes noscript ol p pre script section style summary table tbody td "
    "template textarea tfoot th thead tr ul video audio object svg math canvas map".split()
)
_VOID_TAGS = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
_TAG_EVENT = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])|<!--|-->")
_HTML_START = re.compile(r"^\s*<(?:(/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$)|!--|[!?])")
_ATTRIBUTE_LINE = re.compile(r"^\s*\{:.*\}\s*$")


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


def element_ends(text: str, start: int = 0) -> dict[int, int]:
    """For each HTML start tag (and ``<!--``) in ``text[start:]``, where its element ends.

    Maps the offset of the ``<`` to the offset just after the matching end tag (or ``-->``).
    One pass with a stack per tag name, so nested ``<div>`` and a hundred thousand unclosed
    ones cost the same per tag; void elements (``<img>``, ``<br>``) have no end.
    """
    ends: dict[int, int] = {}
    stacks: dict[str, list[int]] = {}
    comment: int | None = None
    for m in _TAG_EVENT.finditer(text, start):
        token = m.group(0)
        if comment is not None:
            if token == "-->":
                ends[comment] = m.end()
                comment = None
            continue
        if token == "<!--":
            comment = m.start()
            continue
        if token == "-->":
            continue
        name = m.group(2).lower()
        if name in _VOID_TAGS:
            continue
        stack = stacks.setdefault(name, [])
        if not m.group(1):
            stack.append(m.start())
        elif stack:
            close = text.find(">", m.end(), m.end() + 200)
            ends[stack.pop()] = close + 1 if close != -1 else m.end()
    return ends


def _html_block_end(line: str, ls: int, ends: dict[int, int]) -> int | None:
    """Where the HTML block opening on ``line`` ends, when its element closes on a later line.

    kramdown reads ``<table>``, ``<div>``, ``<style>``, ``<pre>`` and comments whole, blank lines
    and all; other tags (``<span>``, ``<img>``) start a paragraph like any text.
    """
    m = _HTML_START.match(line)
    if m is None or m.group(1):
        return None
    if m.group(2) is not None and m.group(2).lower() not in _BLOCK_TAGS:
        return None
    return ends.get(ls + line.index("<"))


def _table_row(line: str, current: list | None) -> bool:
    """kramdown's rule: a line with an unescaped ``|`` outside code is a table row (one pipe is
    enough: 「レコード数 | 約530万件」), but a table does not interrupt a paragraph."""
    if current is not None and current[0] not in ("table", "html"):
        return False
    # Jekyll runs Liquid first: the pipe of a filter ({{ a | upcase }}) never reaches kramdown.
    line = _LIQUID.sub("", line)
    return has_pipe(line) or (is_separator(line) and line.lstrip().startswith("|"))


def is_html_block_start(line: str) -> bool:
    """True when ``line`` opens an HTML block: a block-level tag, an end tag, a comment."""
    m = _HTML_START.match(line)
    if m is None:
        return False
    return m.group(2) is None or bool(m.group(1)) or m.group(2).lower() in _BLOCK_TAGS


def scan_blocks(text: str, start: int, markers: tuple[str, ...] = ()) -> list[Block]:
    """Split ``text[start:]`` into Markdown blocks (enough of Markdown for the checks).

    Every step looks at one line (or a precomputed table), so the scan is linear in the text.
    """
    blocks: list[Block] = []
    current: list | None = None  # [kind, start, end, level, content_start]
    fence: str | None = None
    liquid_end: str | None = None
    raw_end: re.Pattern[str] | None = None
    html_until = -1  # an HTML element read whole runs up to here
    ends = element_ends(text, start) if "<" in text[start:] else {}
    marker_set = {m.strip() for m in markers}
    prev_blank = True
    previous_line = -1  # where the line before this one starts

    def close():
        nonlocal current
        if current is not None:
            blocks.append(Block(*current))
            current = None

    for ls, le, _ in iter_lines(text, start):
        line = text[ls:le]
        stripped = line.strip()
        if ls < html_until:
            current[2] = le
            continue
        if fence is not None or liquid_end is not None or raw_end is not None:
            current[2] = le
            if fence is not None and stripped.startswith(fence) and set(stripped) <= set(fence):
                fence = None
                close()
            elif liquid_end is not None and re.search(r"\{%-?\s*" + liquid_end + r"\b", line):
                liquid_end = None
                close()
            elif raw_end is not None and raw_end.search(line):
                raw_end = None
                close()
            continue
        if not stripped:
            close()
            prev_blank = True
            continue
        m = _FENCE.match(line)
        lq = _LIQUID_CODE_OPEN.match(line)
        raw = _RAW_OPEN.match(line) if current is None or current[0] != "paragraph" else None
        # A line of indented code (a marker in it too) goes on the code block it is part of.
        indented_code = INDENTED.match(line) is not None and (
            (prev_blank and current is None) or (current is not None and current[0] == "code")
        )
        kind, level, content = None, 0, ls
        one_line_paragraph = (
            current is not None and current[0] == "paragraph" and current[1] == previous_line
        )
        previous_line = ls
        if stripped in marker_set and not indented_code:
            kind = "marker"
        elif raw:
            close()
            current = ["code", ls, le, 0, ls]
            closer = _RAW_CLOSE[raw.group(1) or "math"]
            if raw.group(2) or closer.search(line, raw.end()):
                close()  # opened and closed on one line
            else:
                raw_end = closer
            prev_blank = False
            continue
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
        elif (sm := _SETEXT.match(line)) is not None and one_line_paragraph:
            current[0], current[3] = "heading", 1 if sm.group(1)[0] == "=" else 2
            close()
            current = ["underline", ls, le, 0, ls]
            close()
            continue
        elif (hm := ATX_HEADING.match(line)) is not None:
            kind, level, content = "heading", len(hm.group(1)), ls + hm.end()
        elif _RULE.match(line):
            kind = "rule"
        elif (lm := _LIST.match(line)) is not None:
            kind, content = "list", ls + lm.end()
        elif (qm := _QUOTE.match(line)) is not None:
            kind, content = "quote", ls + qm.end()
        elif "|" in line and _table_row(line, current):
            kind = "table"
        elif _LINK_DEF.match(line):
            kind = "linkdef"
        elif _LIQUID_LINE.match(line):
            kind = "liquid"
        elif _ATTRIBUTE_LINE.match(line):
            kind = "attribute"
        elif (current is None or current[0] != "paragraph") and is_html_block_start(line):
            kind = "html"
            until = _html_block_end(line, ls, ends)
            if until is not None and until > le:
                html_until = until
        elif prev_blank and current is None and INDENTED.match(line):
            kind = "code"
        prev_blank = False
        if kind is None:
            if current is not None and current[0] in ("paragraph", "list", "quote", "html"):
                current[2] = le  # a lazy continuation line
                continue
            if current is not None and current[0] == "code" and INDENTED.match(line):
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


def markup_spans(segment: str, link_text: bool = True) -> list[tuple[int, int]]:
    """Sorted, merged spans of ``segment`` that are markup: code, links, URLs, paths, tags, Liquid.

    A link's text is prose unless ``link_text`` is false.  None of the spans crosses a line break.
    """
    spans = [(m.start(), m.end()) for pattern in _MASKS for m in pattern.finditer(segment)]
    for m in _LINK.finditer(segment):
        if link_text:
            spans += [(m.start(), m.start(1)), (m.end(1), m.end())]
        else:
            spans.append((m.start(), m.end()))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            if e > merged[-1][1]:
                merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def code_spans(text: str, blocks: list[Block]) -> list[tuple[int, int]]:
    """Sorted spans of ``text`` that are code: code blocks (fenced, indented, ``{% highlight %}``,
    raw and math blocks) and the code spans inside prose blocks.  A fix never edits these."""
    out: list[tuple[int, int]] = []
    for block in blocks:
        if block.kind == "code":
            out.append((block.start, block.end))
        elif block.kind in PROSE_KINDS or block.kind == "table":
            out += [m.span() for m in _CODE_SPAN.finditer(text, block.content_start, block.end)]
    return out


def prose_spans(
    text: str,
    blocks: list[Block],
    kinds: tuple[str, ...] = PROSE_KINDS,
    link_text: bool = True,
) -> Iterator[tuple[Block, int, int]]:
    """(block, start, end) of every run of prose in the body, in order.

    The one definition of what is read as prose: paragraphs, list items, quotations and headings
    (so not front matter, fenced or indented code, ``{% highlight %}``, HTML blocks such as
    ``<style>``, ``<script>`` and ``<table>``, Markdown tables, Liquid or attribute lines; give
    ``kinds`` to read tables too), and inside them everything but code spans, images, link
    targets, URLs, paths, HTML tags with their attributes, entities, Liquid tags and outputs and
    kramdown attribute lists (and link texts when ``link_text`` is false).  Linear in the text:
    no pattern scans past the next opening character of its own kind.
    """
    for block in blocks:
        if block.kind not in kinds:
            continue
        start = block.content_start
        pos = start
        for s, e in markup_spans(text[start : block.end], link_text):
            if start + s > pos:
                yield block, pos, start + s
            pos = start + e
        if block.end > pos:
            yield block, pos, block.end


def masked_blocks(
    text: str, blocks: list[Block], link_text: bool = True
) -> list[tuple[Block, int, str]]:
    """(block, offset, text) for prose blocks, everything but :func:`prose_spans` blanked.

    Line breaks are kept and the offsets line up with ``text``, so a pattern found in the masked
    text is at ``offset + m.start()`` in the file.
    """
    out: list[tuple[Block, int, str]] = []
    current: Block | None = None
    pieces: list[str] = []
    pos = 0

    def flush() -> None:
        if current is not None:
            pieces.append(_blank(text[pos : current.end]))
            out.append((current, current.content_start, "".join(pieces)))

    for block, s, e in prose_spans(text, blocks, link_text=link_text):
        if block is not current:
            flush()
            current, pieces, pos = block, [], block.content_start
        pieces.append(_blank(text[pos:s]))
        pieces.append(text[s:e])
        pos = e
    flush()
    return out


def _blank(segment: str) -> str:
    """``segment`` with everything but line breaks turned into spaces."""
    return re.sub(r"[^\r\n]", " ", segment)


def normalize(segment: str) -> str:
    """The comparison key of a sentence: no white space and no emphasis marks."""
    return re.sub(r"[\s*_]+", "", segment)


def ends_sentence(segment: str) -> bool:
    """True when ``segment`` ends with closing punctuation (ignoring emphasis and spaces)."""
    tail = segment.rstrip().rstrip("*_~`").rstrip()
    return bool(tail) and tail[-1] in CLOSING_CHARS
