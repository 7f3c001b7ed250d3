"""kramdown's tables: any run of lines with an unescaped ``|`` outside code is a table.

A separator line (``|---|``) after the first rows makes them the header, later separators start
new bodies, an ``|===|`` line starts the footer; a table cannot interrupt a paragraph.
"""

from __future__ import annotations

import re

from markdown_it.rules_block import StateBlock

from editor.core.render.inline import code_span_at

_SEPARATOR = re.compile(r"^\s*\|?[\s|:+=-]*[-=][\s|:+=-]*$")


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
    last = start
    while last < end:
        text = _line(state, last)
        if not text.strip() or state.sCount[last] < state.blkIndent:
            break
        if state.sCount[last] - state.blkIndent >= 4 or not (has_pipe(text) or is_separator(text)):
            break
        last += 1
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
