"""kramdown's tables: any run of lines with an unescaped ``|`` outside code is a table.

A separator line (``|---|``) after the first rows makes them the header, later separators start
new bodies, an ``|===|`` line starts the footer; a table cannot interrupt a paragraph.  A ``|``
inside a code span or a span HTML element (``<a href>a|b</a>``) does not count: kramdown
checks the lines again with its code span and span HTML parsers (:func:`pipe_on_line`).
"""

from __future__ import annotations

import re

from markdown_it.rules_block import StateBlock

from editor.core.render.blocks import BLOCK_TAGS, html_block
from editor.core.render.inline import code_span_at
from editor.core.render.rawhtml import TAG_CLOSE, TAG_START, WITHOUT_BODY

_SEPARATOR = re.compile(r"^\s*\|?[\s|:+=-]*[-=][\s|:+=-]*$")
_PIPE_CHECK = re.compile(r"\||.*?[^\\\n]\|")  # kramdown's TABLE_PIPE_CHECK, at a line's start
_SPAN_START = re.compile(r"`|<")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)  # kramdown's HTML_COMMENT_RE


def _line(state: StateBlock, line: int) -> str:
    return state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]


def split_cells(line: str) -> list[str]:
    """The cells of a row: split at ``|`` that is neither escaped nor inside a code span."""
    cells, current, i = [], [], 0
    while i < len(line):
        char = line[i]
        if char == "\\" and i + 1 < len(line):
            current.append(line[i : i + 2])
            i += 2
            continue
        if char == "`":
            span = code_span_at(line, i, len(line))
            run = len(line[i:]) - len(line[i:].lstrip("`"))
            stop = span[1] if span else i + run
            current.append(line[i:stop])
            i = stop
            continue
        if char == "|":
            cells.append("".join(current))
            current = []
        else:
            current.append(char)
        i += 1
    cells.append("".join(current))
    if cells and not cells[0].strip() and line.lstrip().startswith("|"):
        cells = cells[1:]
    if len(cells) > 1 and not cells[-1].strip() and line.rstrip().endswith("|"):
        cells = cells[:-1]
    return [c.strip() for c in cells]


def has_pipe(line: str) -> bool:
    """True when the line has a ``|`` that would split a table row."""
    if "|" not in line:
        return False
    return len(split_cells(line)) > 1 or line.strip() in ("|",) or line.lstrip().startswith("|")


def is_separator(line: str) -> bool:
    """``|---|:--:|``, ``|---+---|`` or ``|===|`` lines."""
    return bool(_SEPARATOR.match(line)) and ("|" in line or "+" in line or line.strip("-= ") == "")


def _ruby_lines(value: str) -> list[str]:
    """``value.split("\\n")`` as Ruby splits it: trailing empty strings dropped."""
    lines = value.split("\n")
    while lines and not lines[-1]:
        lines.pop()
    return lines


def span_elements(text: str) -> list[tuple[str, str]]:
    """The top-level pieces kramdown's code span and span HTML parsers make of ``text``:
    ``("text", ...)``, ``("code", content)``, ``("comment", ...)`` or ``("element", tag name)``.

    An element's content is not listed (it runs to its closing tag, or to the end when it has
    none); a block-level tag or a closing tag that closes nothing stays text.
    """
    pieces: list[tuple[str, str]] = []
    open_stops: list[re.Pattern[str]] = []  # closing tags of the elements we are inside

    def add(kind: str, value: str) -> None:
        if open_stops:
            return  # inside an element: not a top-level piece
        if kind == "text" and pieces and pieces[-1][0] == "text":
            pieces[-1] = ("text", pieces[-1][1] + value)
        elif value or kind != "text":
            pieces.append((kind, value))

    pos = 0
    while pos < len(text):
        found = _SPAN_START.search(text, pos)
        if found is None:
            add("text", text[pos:])
            break
        add("text", text[pos : found.start()])
        pos = found.start()
        if open_stops and (stop := open_stops[-1].match(text, pos)):
            open_stops.pop()
            pos = stop.end()
        elif text[pos] == "`":
            run = len(text[pos:]) - len(text[pos:].lstrip("`"))
            span = code_span_at(text, pos, len(text))
            if span is None:
                add("text", text[pos : pos + run])
                pos += run
            else:
                add("code", text[pos + run : span[0]])
                pos = span[1]
        elif comment := _COMMENT.match(text, pos):
            add("comment", comment.group(0))
            pos = comment.end()
        elif (tag := TAG_START.match(text, pos)) is not None:
            name = tag.group(1)
            if name.lower() in BLOCK_TAGS:
                add("text", tag.group(0))
            else:
                add("element", name)
                if not tag.group(4) and name.lower() not in WITHOUT_BODY:
                    open_stops.append(re.compile(rf"</{re.escape(name)}\s*>", re.IGNORECASE))
            pos = tag.end()
        elif (close := TAG_CLOSE.match(text, pos)) is not None:
            add("text", close.group(0))
            pos = close.end()
        else:
            add("text", "<")
            pos += 1
    return pieces


def pipe_on_line(text: str) -> bool:
    """kramdown's last check of a table's lines (``parse_table``): each line needs a ``|``
    outside code spans and span HTML elements, the last one always."""
    found = False
    for kind, value in span_elements(text):
        lines = _ruby_lines(value)
        if kind == "code":
            if len(lines) > 2 or (len(lines) == 2 and not found):
                break
            if len(lines) == 2:
                found = False
        else:
            if len(lines) > 1 and not found and not _PIPE_CHECK.match(lines[0]):
                break
            found = (found and len(lines) <= 1) or bool(lines and _PIPE_CHECK.match(lines[-1]))
    return found


def _alignment(line: str) -> list[str | None]:
    result: list[str | None] = []
    for cell in split_cells(line.replace("+", "|")):
        cell = cell.strip()
        if cell.startswith(":") and cell.endswith(":") and len(cell) > 1:
            result.append("center")
        elif cell.startswith(":"):
            result.append("left")
        elif cell.endswith(":"):
            result.append("right")
        else:
            result.append(None)
    return result


def table(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """The kramdown table rule (a block rule for markdown-it)."""
    if state.is_code_block(start):
        return False
    first = _line(state, start)
    if "|" not in first:
        return False
    if not (has_pipe(first) or (is_separator(first) and first.lstrip().startswith("|"))):
        return False
    if html_block(state, start, end, True):
        return False  # kramdown tries block HTML first: ``<div>a|b</div>`` is raw HTML
    last = start
    while last < end:
        text = _line(state, last)
        if not text.strip() or state.sCount[last] < state.blkIndent:
            break
        if state.sCount[last] - state.blkIndent >= 4 or not (has_pipe(text) or is_separator(text)):
            break
        last += 1
    if not pipe_on_line("\n".join(_line(state, line) for line in range(start, last))):
        return False
    if silent:
        return True
    sections: list[tuple[str, list[tuple[int, list[str]]]]] = [("tbody", [])]
    align: list[str | None] = []
    for line in range(start, last):
        text = _line(state, line)
        if is_separator(text) and not split_cells(text)[0].strip("-=:+ "):
            footer = "=" in text and "-" not in text
            if footer:
                sections.append(("tfoot", []))
            elif len(sections) == 1 and sections[0][1] and sections[0][0] == "tbody":
                # Only the separator under the header aligns the columns; kramdown ignores
                # one before any row and treats later ones as body separators.
                sections[0] = ("thead", sections[0][1])
                sections.append(("tbody", []))
                align = _alignment(text)
            elif sections[-1][1]:
                sections.append(("tbody", []))
            continue
        sections[-1][1].append((line, split_cells(text)))
    columns = max((len(cells) for _, rows in sections for _, cells in rows), default=0)
    if not columns or not any(rows for kind, rows in sections if kind != "thead"):
        return False  # a header with no body is a paragraph to kramdown
    _push_table(state, start, last, sections, align, columns)
    state.line = last
    return True


def _push_table(state, start, last, sections, align, columns) -> None:
    token = state.push("table_open", "table", 1)
    token.map = [start, last]
    for kind, rows in sections:
        if not rows:
            continue
        state.push(f"{kind}_open", kind, 1)
        cell_tag = "th" if kind == "thead" else "td"
        for line, cells in rows:
            row = state.push("tr_open", "tr", 1)
            row.map = [line, line + 1]
            for index in range(columns):
                cell = state.push(f"{cell_tag}_open", cell_tag, 1)
                if index < len(align) and align[index]:
                    cell.attrSet("style", f"text-align: {align[index]}")
                inline = state.push("inline", "", 0)
                inline.content = cells[index] if index < len(cells) else ""
                inline.map = [line, line + 1]
                inline.children = []
                state.push(f"{cell_tag}_close", cell_tag, -1)
            state.push("tr_close", "tr", -1)
        state.push(f"{kind}_close", kind, -1)
    state.push("table_close", "table", -1)
