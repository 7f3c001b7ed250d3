"""Core rules that reshape markdown-it's tokens into what kramdown publishes.

They run once per render on that render's own token list; nothing here keeps state.
"""

from __future__ import annotations

import re

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from editor.core.render import attributes
from editor.core.render.blocks import (
    BLOCK_TAGS,
    EMPTY_DEFINITION,
    HEADER_ID,
    SPAN_TAGS,
    TILDE,
    VOID_TAGS,
)
from editor.core.render.ids import BasicHeadingIds, HeadingIds
from editor.core.render.typography import educate

_SPAN_OPEN = re.compile(r"<([A-Za-z][\w-]*)(?:\s[^>]*)?(?<!/)>\Z")
_SPAN_CLOSE = re.compile(r"</([A-Za-z][\w-]*)\s*>\Z")
_ANY_TAG = re.compile(r"</?([A-Za-z][\w-]*)")
_TASK = re.compile(r"\s*\[([ xX])\]\s+")  # kramdown-parser-gfm: \A\s*\[ \]\s+
# What follows a run of text in the source, as far as the quote rules care.
_LOOKAHEAD = {
    "em_open": "*x",
    "strong_open": "*x",
    "em_close": "* ",
    "strong_close": "* ",
    "softbreak": "\n",
    "hardbreak": "\n",
    "link_open": "[x",
    "link_close": "]",
    "code_inline": "`x",
    "html_inline": "<x",
    "image": "![",
}


def explicit_heading_ids(state: StateCore) -> None:
    """``Title {#id}`` over a setext underline sets the id and leaves the text without the
    braces (an ATX header reads its own, before its closing ``#``)."""
    tokens = state.tokens
    for i, token in enumerate(tokens):
        if token.type == "heading_open" and tokens[i + 1].type == "inline":
            if token.meta.get("header_id_read"):
                continue
            content = tokens[i + 1].content.rstrip()
            found = HEADER_ID.search(" " + content)
            if found:
                token.attrSet("id", found.group(1))
                tokens[i + 1].content = content[: len(content) - len(found.group(0)) + 1].rstrip()


def unmark_definition_lines(state: StateCore) -> None:
    """Take out the marks ``blocks.mark_definition_lines`` gave: an empty definition's text is
    nothing, a ``~`` is a ``~`` again (in text, code or raw HTML alike)."""
    if EMPTY_DEFINITION not in state.src and TILDE not in state.src:
        return
    for token in state.tokens:
        if EMPTY_DEFINITION in token.content or TILDE in token.content:
            token.content = token.content.replace(EMPTY_DEFINITION, "").replace(TILDE, "~")


def span_attributes(state: StateCore) -> None:
    """Apply ``{:...}`` written right after a span element to that element."""
    definitions = state.env.get("ial_definitions", {})
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children = block.children
        for i, child in enumerate(children):
            if child.type != "span_ial":
                continue
            ial = attributes.resolve_or_warn(
                attributes.parse_ial(child.content), definitions, state.env
            )
            target = _span_target(children, i)
            if target is not None:
                attributes.apply(target, ial)
                child.type, child.content = "text", ""
            else:  # not right after a span element: kramdown leaves it as text
                child.type, child.content = "text", "{:" + child.content + "}"


def _span_target(children: list[Token], index: int) -> Token | None:
    if index == 0:
        return None
    previous = children[index - 1]
    if previous.type in ("code_inline", "image"):
        return previous
    if previous.nesting == -1:
        depth = 0
        for j in range(index - 1, -1, -1):
            depth += children[j].nesting
            if depth == 0:
                return children[j]
    return None


def close_span_elements(state: StateCore) -> None:
    """Span-level HTML elements as kramdown parses them: closed at the end of their paragraph
    (heading, cell...) when the writer left them open, and a closing tag that does not close
    the innermost open element shown as text.  A block-level tag (``<p>``, ``<div>``...) in
    running text is text too, written as the writer typed it (no smart quotes)."""
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        open_tags: list[str] = []
        for child in block.children:
            if child.type != "html_inline":
                continue
            named = _ANY_TAG.match(child.content)
            if named and named.group(1).lower() in BLOCK_TAGS:
                child.type = "html_as_text"
                continue
            opened = _SPAN_OPEN.match(child.content)
            closed = _SPAN_CLOSE.match(child.content) if opened is None else None
            if opened and opened.group(1).lower() in SPAN_TAGS - VOID_TAGS:
                open_tags.append(opened.group(1).lower())
            elif closed and closed.group(1).lower() in SPAN_TAGS:
                if open_tags and open_tags[-1] == closed.group(1).lower():
                    open_tags.pop()
                else:
                    child.type = "text"
        for name in reversed(open_tags):
            closer = Token("html_inline", "", 0)
            closer.content = f"</{name}>"
            block.children.append(closer)


def typography(state: StateCore) -> None:
    """Smart quotes and dashes in running text (not in code, URLs or image alt text)."""
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children = block.children
        i = 0
        in_autolink = False
        while i < len(children):
            token = children[i]
            if token.type == "link_open":
                in_autolink = token.markup == "autolink"
            elif token.type == "link_close":
                in_autolink = False
            if token.type != "text" or in_autolink:
                i += 1
                continue
            j = i
            while j < len(children) and children[j].type == "text":
                j += 1
            text = "".join(t.content for t in children[i:j])
            after = _LOOKAHEAD.get(children[j].type, "") if j < len(children) else ""
            children[i].content = educate(text, after)
            del children[i + 1 : j]
            if children[i].content:
                i += 1
            else:
                del children[i]  # an emphasis marker's leftover; it only gets in the way


def abbreviations(state: StateCore) -> None:
    """Wrap every use of a ``*[ABBR]: ...`` definition in ``<abbr title>``."""
    abbrs = state.env.get("abbreviations")
    if not abbrs:
        return
    pattern = re.compile("|".join(re.escape(a) for a in sorted(abbrs, key=len, reverse=True)))
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        result = []
        for child in block.children:
            if child.type != "text" or not pattern.search(child.content):
                result.append(child)
                continue
            pos = 0
            for found in pattern.finditer(child.content):
                result.append(_text(child.content[pos : found.start()]))
                opener = Token("abbr_open", "abbr", 1)
                opener.attrSet("title", abbrs[found.group(0)])
                result += [opener, _text(found.group(0)), Token("abbr_close", "abbr", -1)]
                pos = found.end()
            result.append(_text(child.content[pos:]))
        block.children = result


def _text(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token


def heading_raw_text(children: list[Token]) -> str:
    """A heading's plain text as kramdown sees it for its id."""
    parts = []
    for child in children:
        if child.type in ("text", "code_inline", "text_special"):
            parts.append(child.content)
    return "".join(parts)


def heading_ids(
    state: StateCore, ids: HeadingIds | None = None, basic_ids: BasicHeadingIds | None = None
) -> None:
    """kramdown's automatic ids on every heading that has none yet.

    ``ids`` and ``basic_ids`` may come counting the headings before these tokens (a render of
    part of a post); each heading keeps the base of its id in ``meta["id_base"]``.
    """
    ids = ids if ids is not None else HeadingIds()
    basic_ids = basic_ids if basic_ids is not None else BasicHeadingIds()
    tokens = state.tokens
    inside_html = 0
    for i, token in enumerate(tokens):
        if token.type == "html_block" and token.meta and token.meta.get("markdown_html"):
            inside_html += -1 if token.content.startswith("</") else 1
        if token.type == "heading_open" and token.attrGet("id") is None:
            inline = tokens[i + 1]
            # kramdown's GFM parser leaves headings inside HTML elements with the base ids.
            chooser = basic_ids if inside_html else ids
            raw_text = heading_raw_text(inline.children or [])
            token.meta["id_base"] = (chooser is basic_ids, chooser.base(raw_text))
            new_id = chooser.next_id(raw_text)
            if new_id:
                token.attrSet("id", new_id)


def block_attributes(state: StateCore) -> None:
    """Apply ``{: ...}`` lines to the block before them (or after, past a blank line)."""
    tokens = state.tokens
    lines = state.src.split("\n")
    definitions = state.env.setdefault("ial_definitions", {})
    for token in tokens:
        if token.type == "ial" and "define" in (token.meta or {}):
            definitions[token.meta["define"]] = token.meta["attrs"]
    applier = attributes.Applier()
    previous: dict[int, Token | None] = {}
    following: dict[int, Token | None] = {}
    for i, token in enumerate(tokens):
        if token.type != "ial" or "define" in token.meta or "eob" in token.meta:
            continue
        line = token.map[0] if token.map else 0
        blank_before = line == 0 or not re.sub(r"^[\s>]*", "", lines[line - 1])
        target = None if blank_before else _previous_block(tokens, i, previous)
        if target is None:
            target = _next_block(tokens, i, following)
        ial = attributes.resolve_or_warn(token.meta["attrs"], definitions, state.env)
        if target is not None:
            if "toc" in ial["refs"] and target.type in ("bullet_list_open", "ordered_list_open"):
                target.meta = {**(target.meta or {}), "toc": True}
            applier.apply(target, ial)
    applier.finish()


def _previous_block(
    tokens: list[Token], index: int, known: dict[int, Token | None]
) -> Token | None:
    """The block an attribute list at ``index`` follows; ``known`` holds earlier answers.

    Attribute lists are skipped, so a run of them shares one answer: each is looked up from
    the one before it instead of walking back over the whole run again.
    """
    level = tokens[index].level
    before = tokens[index - 1] if index else None
    if before is not None and before.type == "ial" and before.level == level:
        if index - 1 in known:
            known[index] = known[index - 1]
            return known[index]
    depth = 0
    found = None
    for j in range(index - 1, -1, -1):
        token = tokens[j]
        if token.type == "ial":
            continue
        if token.level < level and token.nesting == 1:
            break
        depth += token.nesting
        if depth == 0 and token.level == level:
            found = token if token.nesting in (0, 1) and token.block else None
            break
    known[index] = found
    return found


def _next_block(tokens: list[Token], index: int, known: dict[int, Token | None]) -> Token | None:
    """The block an attribute list at ``index`` comes before; a run of them shares one answer."""
    if index in known:
        return known[index]
    level = tokens[index].level
    run_end = index + 1
    while run_end < len(tokens) and tokens[run_end].type == "ial":
        run_end += 1
    found = None
    for j in range(run_end, len(tokens)):
        token = tokens[j]
        if token.type == "ial":
            continue
        if token.level < level or token.nesting == -1:
            break
        if token.level == level and token.block:
            found = token
            break
    for k in range(index, run_end):
        known[k] = found
    return found


def lists(state: StateCore) -> None:
    """Lists as kramdown builds them: bullets of any kind in one list, ``<p>`` per item."""
    tokens = state.tokens
    i = 0
    while i < len(tokens) - 1:
        pair = (tokens[i].type, tokens[i + 1].type)
        if pair in (("bullet_list_close", "bullet_list_open"), ("dl_close", "dl_open")):
            del tokens[i : i + 2]
            continue
        i += 1
    lines = state.src.split("\n")
    for i, token in enumerate(tokens):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            _list_paragraphs(tokens, i, lines)
        elif token.type == "dd_open":
            _definition_paragraphs(tokens, i, lines)
    _task_lists(tokens)


def _definition_paragraphs(tokens: list[Token], start: int, lines: list[str]) -> None:
    """A definition's first paragraph gets ``<p>`` only after a blank line (kramdown)."""
    close = _closing_index(tokens, start)
    first = start + 1 if tokens[start + 1].type == "paragraph_open" else None
    if first is not None:
        line = tokens[first].map[0] if tokens[first].map else 0
        blank_before = line > 0 and not re.sub(r"^[\s>]*", "", lines[line - 1])
        _set_hidden(tokens, first, not blank_before)
    _unhide_later(tokens, start, close, first)


def _closing_index(tokens: list[Token], start: int) -> int:
    depth, i = 0, start
    while True:
        depth += tokens[i].nesting
        if depth == 0:
            return i
        i += 1


def _list_paragraphs(tokens: list[Token], start: int, lines: list[str]) -> None:
    """kramdown's rule for which items show their first paragraph without ``<p>``.

    An item's first paragraph is bare unless a blank line follows it inside the item; the last
    item's trailing blank does not count, but the last item is bare only if the list has one
    item or an earlier item was bare (or did not start with a paragraph).
    """
    end = _closing_index(tokens, start)
    items = []
    i = start + 1
    while i < end:
        close = _closing_index(tokens, i)
        items.append((i, close))
        i = close + 1
    any_bare = False
    for number, (open_index, close_index) in enumerate(items):
        first = tokens[open_index + 1] if open_index + 1 < close_index else None
        if first is None or first.type != "paragraph_open":
            any_bare = True
            _unhide_later(tokens, open_index, close_index, None)
            continue
        last = number == len(items) - 1
        end_line = first.map[1] if first.map else 0
        blank_after = end_line < len(lines) and not re.sub(r"^[\s>]*", "", lines[end_line])
        only_paragraph = open_index + 4 == close_index
        bare_by_content = not blank_after or (last and only_paragraph)
        bare = bare_by_content and (not last or len(items) == 1 or any_bare)
        any_bare = any_bare or bare
        _set_hidden(tokens, open_index + 1, bare)
        _unhide_later(tokens, open_index, close_index, open_index + 1)


def _unhide_later(tokens: list[Token], open_index: int, close_index: int, first) -> None:
    level = tokens[open_index].level + 1
    for j in range(open_index + 1, close_index):
        if j != first and tokens[j].type == "paragraph_open" and tokens[j].level == level:
            _set_hidden(tokens, j, False)


def _set_hidden(tokens: list[Token], index: int, hidden: bool) -> None:
    tokens[index].hidden = hidden
    tokens[index + 2].hidden = hidden


def _task_lists(tokens: list[Token]) -> None:
    """GFM task lists as kramdown-parser-gfm marks them, list by list: an item whose first
    paragraph starts with ``[ ]`` or ``[x]`` and a blank gets a checkbox; from the first such
    item on, every item that starts with a paragraph is a ``task-list-item``, and the list (bullet
    or ordered) is a ``task-list``."""
    for i, token in enumerate(tokens):
        if token.type not in ("bullet_list_open", "ordered_list_open"):
            continue
        is_tasklist = False
        for j in range(i + 1, _closing_index(tokens, i)):
            item = tokens[j]
            if item.type != "list_item_open" or item.level != token.level + 1:
                continue
            if tokens[j + 1].type != "paragraph_open":
                continue
            is_tasklist = _checkbox(tokens[j + 2]) or is_tasklist
            if is_tasklist:
                item.attrSet("class", "task-list-item")
        if is_tasklist:
            token.attrSet("class", "task-list")


def _checkbox(inline: Token) -> bool:
    """Turn a leading ``[ ]``/``[x]`` of an item's paragraph into kramdown's checkbox."""
    found = _TASK.match(inline.content)
    children = inline.children or []
    if not found or not children or children[0].type != "text":
        return False
    first = children[0]
    rest = first.content.lstrip()[3:]
    if not rest.strip() and len(children) > 1 and children[1].type in ("softbreak", "hardbreak"):
        del children[1]  # the blank after the box was the line break
    first.content = rest.lstrip()
    box = Token("html_inline", "", 0)
    box.content = (
        '<input type="checkbox" class="task-list-item-checkbox" disabled="disabled"'
        + (' checked="checked"' if found.group(1) != " " else "")
        + " />"
    )
    children.insert(0, box)
    return True


def source_lines(state: StateCore) -> None:
    """Mark each top-level block with the body line it starts on (for scroll sync)."""
    blocks = []
    for token in state.tokens:
        if token.level == 0 and token.nesting >= 0 and token.block and token.map:
            if token.type in ("inline", "ial"):
                continue
            token.attrSet("data-source-line", str(token.map[0]))
            blocks.append((token.map[0], token.map[1]))
    state.env["source_blocks"] = blocks


def strong_outside(state: StateCore) -> None:
    """``***x***`` is ``<strong><em>`` in kramdown, ``<em><strong>`` in CommonMark."""
    for block in state.tokens:
        children = block.children if block.type == "inline" else None
        if not children:
            continue
        for i in range(len(children) - 1):
            if children[i].type != "em_open" or children[i + 1].type != "strong_open":
                continue
            depth, j = 0, i + 1
            while j < len(children):
                depth += children[j].nesting
                if depth == 0:
                    break
                j += 1
            if j + 1 < len(children) and children[j + 1].type == "em_close":
                for k, swap in ((i, i + 1), (j, j + 1)):
                    children[k], children[swap] = children[swap], children[k]
