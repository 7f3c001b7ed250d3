"""Block rules where kramdown reads Markdown differently from CommonMark.

Each rule has markdown-it's block-rule signature and is installed once, when a renderer is built.
"""

from __future__ import annotations

import re

from markdown_it.rules_block import StateBlock
from markdown_it.token import Token

from editor.core.render import rawhtml
from editor.core.render.attributes import parse_ial
from editor.core.render.context import RenderWarning
from editor.core.render.scan import finder

# kramdown treats these as span-level: a line starting with one is a paragraph, not raw HTML.
SPAN_TAGS = frozenset(
    """a abbr acronym b big bdo br button cite code del dfn em i img input ins kbd label mark
    option q rb rbc rp rt rtc ruby samp select small span strike strong sub sup textarea tt u
    var""".split()
)
# kramdown's HTML_BLOCK_ELEMENTS: in running text such a tag is written as text
# (``X <p>a</p> Y`` is published as ``X &lt;p&gt;a&lt;/p&gt; Y``).
BLOCK_TAGS = frozenset(
    """address article aside applet body blockquote caption col colgroup dd div dl dt fieldset
    figcaption footer form h1 h2 h3 h4 h5 h6 header hgroup hr html head iframe legend menu li main
    map nav ol optgroup p pre section summary table tbody td th thead tfoot tr ul""".split()
)
VOID_TAGS = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
# kramdown's HTML_CONTENT_MODEL: how ``markdown="1"`` reads an element's content.  Other tags
# (``table``, ``ul``, unknown ones) and these raw ones keep their content as written.
_BLOCK_CONTENT = frozenset(
    """address applet article aside blockquote body dd details div dl fieldset figure figcaption
    footer form header hgroup iframe li main map menu nav noscript object section summary
    td""".split()
)
_SPAN_CONTENT = frozenset(
    """a abbr acronym b bdo big button cite caption del dfn dt em h1 h2 h3 h4 h5 h6 i ins label
    legend optgroup p q rb rbc rp rt rtc ruby select small span strong sub sup th tt""".split()
)


def content_model(tag: str, markdown: str) -> str:
    """``block``, ``span`` or ``raw``: how kramdown reads the content of ``<tag markdown=...>``
    (HTML_MARKDOWN_ATTR_MAP: "0" raw, "1" the tag's own model, "span", "block")."""
    if markdown in ("span", "block"):
        return markdown
    if markdown != "1":
        return "raw"
    tag = tag.lower()
    return "block" if tag in _BLOCK_CONTENT else "span" if tag in _SPAN_CONTENT else "raw"


_OPEN_TAG = re.compile(
    r"<([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s\"'>/=]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*)\s*(/?)>"
)
_MARKDOWN_ATTR = re.compile(r"""\s+markdown\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+?))(?=[\s/>])""")
_IAL_LINE = re.compile(r"^ {0,3}\{:(?!:)([^}]*)\}\s*$")
_EXT_START = re.compile(r"^ {0,3}\{::(\w+)([^}]*?)(/?)\}\s*$")
_COMMENT_END = re.compile("-->")
_EXT_END = re.compile(r"^[ \t>]*\{:/[^}\n]*\}[^\S\n]*$", re.MULTILINE)  # any closer, any line
_ABBR_DEF = re.compile(r"^ {0,3}\*\[([^\]\n]+)\]:(.*)$")
PLACEHOLDER = "\x1a"


def _line(state: StateBlock, line: int) -> str:
    return state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]


def _raw_line(state: StateBlock, line: int) -> str:
    return state.src[state.bMarks[line] : state.eMarks[line]]


def wrap_fence(original):
    """A fence rule that, like kramdown, refuses info strings with spaces and unclosed fences."""

    def fence(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        if state.is_code_block(start):
            return False
        text = _line(state, start)
        opener = re.match(r"(`{3,}|~{3,})\s*(.*)$", text)
        if not opener:
            return False
        info = opener.group(2).strip()
        if " " in info or "\t" in info:
            return False
        marker = opener.group(1)
        closer = re.compile(rf"{re.escape(marker[0])}{{{len(marker)},}}\s*$")
        for line in range(start + 1, end):
            if state.sCount[line] < state.blkIndent:
                break
            if state.sCount[line] - state.blkIndent < 4 and closer.match(_line(state, line)):
                return original(state, start, end, silent)
        return False

    return fence


def wrap_lheading(original):
    """A setext heading only from a one-line paragraph, as kramdown reads them."""

    def lheading(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        underline = start + 1
        if underline >= end or state.sCount[underline] - state.blkIndent >= 4:
            return False
        if not re.match(r"(=+|-+)[ \t]*$", _line(state, underline)):
            return False
        return original(state, start, end, silent)

    return lheading


_ATX = re.compile(r"(#{1,6})[\t ]+(.*)$")
# kramdown's HEADER_ID: ``{#id}`` after a blank, at the very end of the header text.
HEADER_ID = re.compile(r"[\t ]\{#((?:[^\W\d]|:)[\w.:-]*)\}\Z")


def atx_heading(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """kramdown's ATX header (GFM parser, ``paragraph_end`` quirk): ``#`` at the line start,
    then a blank.

    The ``{#id}`` is taken first, then a closing run of ``#`` after a blank (``C#`` keeps its
    hash, and so does ``## ##``); a header left with no text is a paragraph (``#``, ``##``).
    """
    if state.sCount[start] != state.blkIndent:
        return False
    found = _ATX.match(_line(state, start))
    if not found:
        return False
    text = found.group(2).rstrip()
    explicit = HEADER_ID.search(text)
    if explicit:
        text = text[: explicit.start()].rstrip()
    text = re.sub(r"[\t ]#+\Z", "", text).rstrip()
    if not text:
        return False
    if silent:
        return True
    level = len(found.group(1))
    state.line = start + 1
    opener = state.push("heading_open", f"h{level}", 1)
    opener.markup, opener.map = found.group(1), [start, state.line]
    if explicit:
        opener.attrSet("id", explicit.group(1))
    opener.meta["header_id_read"] = True
    inline = state.push("inline", "", 0)
    inline.content, inline.map, inline.children = text, [start, state.line], []
    state.push("heading_close", f"h{level}", -1).markup = found.group(1)
    return True


def wrap_list(original):
    """A list rule that, like kramdown, does not know ``1)`` as an ordered-list marker."""

    def list_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        if re.match(r"\d{1,9}\)", _line(state, start)):
            return False
        return original(state, start, end, silent)

    return list_block


_DEFINITION = re.compile(r":[ \t]")
# Definition lines kramdown and markdown-it's definition lists read differently.  kramdown's
# DEFINITION_LIST_START takes ``:`` and a blank with nothing after it as an empty definition
# (``<dd></dd>``), which markdown-it refuses; and its only marker is ``:``, so a ``~`` line is
# text.  Before the block rules run, such lines get a mark (same lines, same line count), and the
# marks come out of every token after (``unmark_definition_lines``).
EMPTY_DEFINITION = "\x1d"
TILDE = "\x1e"
_EMPTY_DEFINITION_LINE = re.compile(r"^( {0,3}:[ \t]+)$", re.MULTILINE)
_TILDE_LINE = re.compile(r"^( {0,3})~(?=[ \t])", re.MULTILINE)


def mark_definition_lines(state) -> None:
    """Core rule before ``block``: mark empty definitions and hide ``~`` markers."""
    state.src = mark_definitions(state.src)


def mark_definitions(text: str) -> str:
    """``text`` (whole lines) with empty definitions marked and ``~`` markers hidden; each line
    is marked on its own, so a part of a text is marked as the whole text marks it."""
    if ":" in text:
        text = _EMPTY_DEFINITION_LINE.sub(rf"\1{EMPTY_DEFINITION}", text)
    if "~" in text:
        text = _TILDE_LINE.sub(rf"\1{TILDE}", text)
    return text


# kramdown lets several term lines stand before a ``:`` definition.  The paragraph rule asks
# this rule about every line of a paragraph, so an unbounded look-ahead made long paragraphs
# quadratic (8,000 lines took 49 s); no real definition list has this many term lines.
MAX_TERM_LINES = 64


# A line that may hold a definition marker (``:`` or markdown-it's ``~``), also inside quotes.
_MARKER_LINE = re.compile(r"^[ \t>]*[:~][ \t]", re.MULTILINE)


def has_marker_lines(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether any line of ``text[start:end]`` (whole lines) could hold a definition."""
    end = len(text) if end is None else end
    return _MARKER_LINE.search(text, start, end) is not None


def _has_marker_lines(state: StateBlock) -> bool:
    """Whether any line of the source could be a definition; asked once per source text
    (``env["deflist_markers"]`` may hold the answer for it already)."""
    known = state.env.get("deflist_markers")
    if known is None or known[0] is not state.src:
        known = (state.src, has_marker_lines(state.src))
        state.env["deflist_markers"] = known
    return known[1]


def wrap_deflist(original):
    """A definition-list rule that also takes kramdown's several term lines before ``:``."""

    def deflist(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        if not _has_marker_lines(state):
            return False  # no definition anywhere: the paragraph rule asks for every line
        last = start
        limit = min(end - 1, start + MAX_TERM_LINES)
        while last < limit and _line(state, last + 1).strip():
            if _DEFINITION.match(_line(state, last + 1)):
                break
            last += 1
        if last == start or last + 1 >= end or state.sCount[last] != state.blkIndent:
            return original(state, start, end, silent)
        if not _DEFINITION.match(_line(state, last + 1)):
            return False
        first_token = len(state.tokens)
        if not original(state, last, end, silent):
            return False
        if silent:
            return True
        level = state.tokens[first_token].level
        terms = []
        for line in range(start, last):
            opener = Token("dt_open", "dt", 1)
            inline = Token("inline", "", 0)
            closer = Token("dt_close", "dt", -1)
            opener.level, inline.level, closer.level = level + 1, level + 2, level + 1
            opener.map = inline.map = [line, line + 1]
            opener.block = inline.block = closer.block = True
            inline.content, inline.children = _line(state, line).strip(), []
            terms += [opener, inline, closer]
        state.tokens[first_token + 1 : first_token + 1] = terms
        state.tokens[first_token].map = [start, state.line]
        return True

    return deflist


def _find_block_end(state: StateBlock, start: int, end: int, tag: str) -> int:
    """Line after the one closing ``tag`` (nesting counted), or ``end`` when it never closes."""
    depth = 0
    opener = re.compile(rf"<{tag}(?=[\s/>])|</{tag}\s*>", re.IGNORECASE)
    for line in range(start, end):
        for found in opener.finditer(_raw_line(state, line)):
            depth += -1 if found.group(0).startswith("</") else 1
            if depth == 0:
                return line + 1
    return end


def html_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Raw HTML the kramdown way: a block element runs to its closing tag, blank lines included.

    ``markdown="1"`` (or ``block``/``span``) makes its content Markdown again.
    """
    if state.is_code_block(start):
        return False
    text = _line(state, start)
    if not text.startswith("<"):
        return False
    if text.startswith("<!--"):
        if (
            finder(state.env, "comment_end", state.src, _COMMENT_END).next(state.bMarks[start])
            is None
        ):
            return False  # never closed: asked for every line of a paragraph, so answered once
        last = start
        while last < end and "-->" not in _raw_line(state, last):
            last += 1
        if last >= end:
            return False
        if silent:
            return True
        return _raw_token(state, start, last + 1)
    if text.startswith(("<?", "<!")):
        if silent:
            return True
        return _raw_token(state, start, start + 1)
    opened = _OPEN_TAG.match(text)
    if not opened or opened.group(1).lower() in SPAN_TAGS:
        return False
    tag = opened.group(1).lower()
    if silent:
        return True
    if tag in VOID_TAGS or opened.group(3):
        return _raw_token(state, start, start + 1)
    markdown = _MARKDOWN_ATTR.search(opened.group(0))
    if markdown:
        mode = markdown.group(1) or markdown.group(2) or markdown.group(3) or ""
        if content_model(tag, mode) != "raw":
            return _markdown_html(
                state, start, _find_block_end(state, start, end, tag), opened, markdown
            )
    begin = state.bMarks[start] + state.tShift[start]
    found = rawhtml.extent(state.src, begin, state.eMarks[end - 1])
    stop = start
    while stop < end - 1 and state.eMarks[stop] < found.end:
        stop += 1
    _raw_token(state, start, stop + 1)
    if found.stray or found.unclosed:
        state.tokens[-1].content = rawhtml.as_published(state.tokens[-1].content)
    return True


def _raw_token(state: StateBlock, start: int, stop: int) -> bool:
    token = state.push("html_block", "", 0)
    token.map = [start, stop]
    token.content = state.getLines(start, stop, state.blkIndent, True)
    state.line = stop
    return True


# Each level reads to its closing tag and recurses; real posts nest two or three.
MAX_MARKDOWN_HTML_DEPTH = 50


def warn_too_deep(env: dict) -> None:
    """Note (once per render) that elements with Markdown inside were nested too deep."""
    warnings = env.setdefault("warnings", [])
    message = RenderWarning("markdown-too-deep", depth=MAX_MARKDOWN_HTML_DEPTH)
    if message not in warnings:
        warnings.append(message)


def _markdown_html(state: StateBlock, start: int, stop: int, opened, markdown) -> bool:
    """An HTML element whose content kramdown parses as Markdown."""
    line_text = _line(state, start)
    open_tag = opened.group(0)
    clean_tag = open_tag.replace(markdown.group(0), "", 1)
    after_open = line_text[opened.end() :]
    last_text = _line(state, stop - 1)
    close = re.fullmatch(rf"\s*</{opened.group(1)}\s*>\s*", last_text, re.IGNORECASE)
    inner_end = stop - 1
    mode = markdown.group(1) or markdown.group(2) or markdown.group(3) or ""
    spans = content_model(opened.group(1), mode) == "span"
    if after_open.strip() or spans or not close or stop - 1 <= start:
        # Content on the tag's own line: rendered with the raw HTML (see html.markdown_inside).
        return _raw_token(state, start, stop)
    depth = state.env.get("markdown_html_depth", 0)
    if depth >= MAX_MARKDOWN_HTML_DEPTH:
        warn_too_deep(state.env)
        return _raw_token(state, start, stop)
    state.env["markdown_html_depth"] = depth + 1
    try:
        return _markdown_inside(state, start, stop, inner_end, clean_tag, opened)
    finally:
        state.env["markdown_html_depth"] = depth


def _markdown_inside(state: StateBlock, start: int, stop: int, inner_end: int, clean_tag, opened):
    token = state.push("html_block", "", 0)
    token.map = [start, stop]
    token.content = clean_tag + "\n"
    token.meta = {"markdown_html": True}
    old_parent, old_max = state.parentType, state.lineMax
    state.parentType = "html"
    state.lineMax = inner_end
    state.md.block.tokenize(state, start + 1, inner_end)
    state.parentType, state.lineMax = old_parent, old_max
    closing = state.push("html_block", "", 0)
    closing.map = [inner_end, stop]
    closing.content = f"</{opened.group(1)}>\n"
    closing.meta = {"markdown_html": True}
    state.line = stop
    return True


def math_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """``$$ ... $$`` on lines of its own: kramdown's block math, published as ``\\[ ... \\]``."""
    if state.is_code_block(start) or not _line(state, start).startswith("$$"):
        return False
    for line in range(start, end):
        text = _line(state, line)
        closing = text.rstrip().endswith("$$") and (line > start or len(text.strip()) > 2)
        if closing:
            if silent:
                return True
            body = state.getLines(start, line + 1, state.blkIndent, False).strip()[2:-2].strip()
            token = state.push("math_block", "", 0)
            token.content = body
            token.map = [start, line + 1]
            state.line = line + 1
            return True
        if not text.strip():
            return False
    return False


def ial_line(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A line that is only ``{: ...}`` (block IAL) or ``{:name: ...}`` (attribute definition)."""
    if state.is_code_block(start):
        return False
    found = _IAL_LINE.match(_line(state, start))
    if not found:
        return False
    if silent:
        return True
    body = found.group(1)
    token = state.push("ial", "", 0)
    token.map = [start, start + 1]
    definition = re.match(r"([A-Za-z][\w-]*):(.*)$", body)
    if definition:
        token.meta = {"define": definition.group(1), "attrs": parse_ial(definition.group(2))}
    else:
        token.meta = {"attrs": parse_ial(body)}
    state.line = start + 1
    return True


def extension(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """kramdown extensions on their own lines: ``{::comment}``, ``{::nomarkdown}``, ``{::options}``."""
    if state.is_code_block(start):
        return False
    found = _EXT_START.match(_line(state, start))
    if not found:
        return False
    name, self_closing = found.group(1), found.group(3)
    stop = start + 1
    if not self_closing:
        # Asked for every line of a paragraph: a closer missing from the rest of the post is
        # found missing once (any line holding one, quotes included, is then checked below).
        if (
            finder(state.env, "extension_end", state.src, _EXT_END).next(state.bMarks[start])
            is None
        ):
            return False
        closer = re.compile(rf"^\s*\{{:/{name}?\}}\s*$")
        while stop < end and not closer.match(_line(state, stop)):
            stop += 1
        if stop >= end:
            return False
        stop += 1
    if silent:
        return True
    inner = state.getLines(start + 1, stop - 1, state.blkIndent, False) if not self_closing else ""
    token = state.push("html_block", "", 0)
    token.map = [start, stop]
    if name == "comment":
        token.content = f"<!-- {inner.strip()} -->\n"
    elif name == "nomarkdown":
        token.content = inner
    else:
        token.content = ""
    state.line = stop
    return True


def abbreviation(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """``*[HTML]: HyperText Markup Language`` defines an abbreviation for the whole post."""
    if state.is_code_block(start):
        return False
    found = _ABBR_DEF.match(_line(state, start))
    if not found:
        return False
    if silent:
        return True
    abbrs = state.env.setdefault("abbreviations", {})
    abbrs[found.group(1)] = found.group(2).strip()
    state.line = start + 1
    return True


# Where Liquid placed a block (``{% highlight %}`` on lines of its own): its number, then one
# filler line per further source line of the tag (see liquid/tags.py HighlightNode).
PLACED_NUMBER = re.compile(f"{PLACEHOLDER}L(\\d+){PLACEHOLDER}")
PLACED = re.compile(PLACED_NUMBER.pattern + f"(?:\n[^\\S\n]*{PLACEHOLDER}(?![^\n]))*")


def placed_indices(text: str) -> list[int]:
    """The numbers of the blocks Liquid placed in ``text``."""
    return [int(n) for n in PLACED.findall(text)] if PLACEHOLDER in text else []


def with_placed_blocks(text: str, blocks: list[str]) -> str:
    """Text read as written (raw HTML) with the blocks Liquid placed in it as Jekyll publishes
    them: Liquid's output between line breaks (``highlighter_prefix`` and ``_suffix``)."""
    if PLACEHOLDER not in text:
        return text

    def block(found: re.Match) -> str:
        index = int(found.group(1))
        return f"\n{blocks[index]}\n" if index < len(blocks) else found.group(0)

    return PLACED.sub(block, text)


def placeholder(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A block that Liquid already rendered (``{% highlight %}``...), kept in its source lines."""
    text = _line(state, start)
    found = PLACED_NUMBER.match(text)
    if not found:
        return False
    if silent:
        return True
    stop = start + 1
    while stop < end and _line(state, stop) == PLACEHOLDER:
        stop += 1
    token = state.push("liquid_block", "", 0)
    token.map = [start, stop]
    token.meta = {"index": int(found.group(1))}
    state.line = stop
    return True


def end_of_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A line with only ``^``: kramdown's end-of-block marker, which shows nothing."""
    if state.is_code_block(start) or _line(state, start).rstrip() != "^":
        return False
    if not silent:
        token = state.push("ial", "", 0)
        token.map = [start, start + 1]
        token.meta = {"eob": True}
    state.line = start + 1
    return True
