"""Writing aids as pure functions over text: what Enter, Tab and Shift+Tab do on a list item,
bold, italic and links around a selection, headings, and the Japanese brackets that pair.

Positions are code points.  Each function returns an :class:`Edit` (replace ``start:end`` of
the text it was given, then select ``anchor..cursor`` in the new text) or None when the key
should do what it always does.

Only ASCII spaces and tabs indent Markdown: a line that starts with a full-width space
(U+3000, a Japanese paragraph indent) is prose, never a list item, and no aid adds or removes
one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# indent, quote markers ("> > "), indent inside the quote, list marker, spaces, task box.
_PREFIX = re.compile(
    r"(?P<indent>[ \t]*)"
    r"(?P<quote>(?:>[ ]?)*)"
    r"(?P<inner>[ \t]*)"
    r"(?:(?P<marker>[-*+]|(?P<number>\d{1,9})(?P<delim>[.)]))(?P<gap>[ \t]+)"
    r"(?P<task>\[[ xX]\][ \t]+|\[[ xX]\]$)?)?"
)
_THEMATIC_BREAK = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
# kramdown's ATX headers (GFM parser): ``#`` at the very start of the line, a blank, then text
# (the block scan, the outline, the doctor and the highlighter read headings with it).
ATX_HEADING = re.compile(r"^(#{1,6})[ \t]+(?=[^ \t])")
# A line indented as code (or as a list item's continuation): four spaces or a tab.
INDENTED = re.compile(r"^(?: {4}|\t)")
# Only the marks of a heading not written yet (what Ctrl+2 on an empty line leaves).
_EMPTY_HEADING = re.compile(r"^(#{1,6})[ \t]*$")
_URL = re.compile(r"^(?:https?://|ftp://|mailto:)[^\s<>\"]+$", re.IGNORECASE)
_LINK = re.compile(r"^\[(?P<text>[^\]\n]*)\]\((?P<url>[^)\s]*)\)$")

# Opening Japanese brackets and the closing one each pairs with.
PAIRS: dict[str, str] = {"「": "」", "『": "』", "（": "）", "【": "】"}
CLOSERS = frozenset(PAIRS.values())
# A closing bracket is added only before the end of the line, a space, or one of these.
_PAIR_BEFORE = frozenset("」』）】、。，．,.!?！？)]}")
# Spaces moved outside the markers when a selection is wrapped: "**word **" is not bold.
_EDGE_SPACE = " \t\u3000"
DEFAULT_INDENT = "    "


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` with ``insert``; then the selection is ``anchor..cursor``
    (code points in the new text)."""

    start: int
    end: int
    insert: str
    cursor: int
    anchor: int

    def apply(self, text: str) -> str:
        return text[: self.start] + self.insert + text[self.end :]


def _edit(start: int, end: int, insert: str, cursor: int, anchor: int | None = None) -> Edit:
    return Edit(start, end, insert, cursor, cursor if anchor is None else anchor)


@dataclass(frozen=True)
class ListPrefix:
    """The structure at the start of a line: ``indent`` + ``quote`` + ``inner`` + ``marker``
    (with its gap and task box).  ``marker`` is "" on a quote line without a list item."""

    indent: str
    quote: str
    inner: str
    marker: str
    number: int | None
    delim: str
    gap: str
    task: str

    @property
    def width(self) -> int:
        """Where the item's text starts."""
        return sum(
            map(len, (self.indent, self.quote, self.inner, self.marker, self.gap, self.task))
        )

    @property
    def is_item(self) -> bool:
        return bool(self.marker)

    @property
    def marker_width(self) -> int:
        """How far a nested item is indented under this one: its marker and the gap."""
        return len(self.marker) + max(1, len(self.gap))

    def next_marker(self) -> str:
        """The prefix of the item Enter starts after this one: the next number, an open box."""
        if not self.marker:
            return self.indent + self.quote + ("" if self.quote.endswith(" ") else " ")
        if self.number is not None:
            marker = f"{self.number + 1}{self.delim}"
        else:
            marker = self.marker
        gap = self.gap or " "
        task = ""
        if self.task:
            task = "[ ]" + (self.task[3:] or " ")
        return self.indent + self.quote + self.inner + marker + gap + task


def parse_prefix(line: str) -> ListPrefix | None:
    """The list item or quote a line starts with, or None for prose (and fenced-off lines,
    thematic breaks and lines indented with a full-width space)."""
    if _THEMATIC_BREAK.match(line):
        return None
    match = _PREFIX.match(line)
    if match is None or not (match["quote"] or match["marker"]):
        return None
    number = match["number"]
    marker = match["marker"] or ""
    return ListPrefix(
        indent=match["indent"],
        quote=match["quote"],
        inner=match["inner"] if marker else "",
        marker=marker,
        number=int(number) if number is not None else None,
        delim=match["delim"] or "",
        gap=match["gap"] or "",
        task=match["task"] or "",
    )


def continue_list(line: str, column: int) -> Edit | None:
    """What Enter does at ``column`` of ``line`` (positions relative to the line).

    On a list item or quote with text, the line breaks and the next line starts with the next
    marker (``2.`` after ``1.``, an open box after a task); on an empty item the marker is
    removed and the list ends.  None means a plain Enter: prose, or the cursor inside the
    marker itself.
    """
    prefix = parse_prefix(line)
    if prefix is None or column < prefix.width:
        return None
    if not line[prefix.width :].strip(" \t"):
        # An empty item ends the list: the marker goes, an enclosing quote stays.
        if prefix.is_item and prefix.quote:
            kept = prefix.indent + prefix.quote
        else:
            kept = ""
        return _edit(0, len(line), kept, len(kept))
    following = prefix.next_marker()
    rest = line[column:].lstrip(" \t") if column < len(line) else ""
    tail_start = len(line) - len(rest)
    insert = line[:column].rstrip(" \t") if column > prefix.width else line[:column]
    insert = insert + "\n" + following
    return _edit(0, tail_start, insert, len(insert))


# -- indent and outdent -------------------------------------------------------------------------


def _leading(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" \t"))]


def _items_above(lines: list[str], row: int):
    """The list items above ``row``, nearest first, within the same list (no blank line then
    prose)."""
    for index in range(row - 1, max(-1, row - 500), -1):
        line = lines[index]
        if not line.strip():
            continue
        prefix = parse_prefix(line)
        if prefix is None or not prefix.is_item:
            if not line.startswith((" ", "\t")):
                return  # prose at the margin: the list ended above it
            continue
        yield prefix


def _previous_item(lines: list[str], row: int, deeper_than: int | None, below: int | None):
    """The nearest list item above ``row`` whose indent is ``<= deeper_than`` (a sibling or
    parent) or ``< below`` (a parent), within the same list (no blank line then prose)."""
    for prefix in _items_above(lines, row):
        width = len(prefix.indent)
        if deeper_than is not None and width <= deeper_than:
            return prefix
        if below is not None and width < below:
            return prefix
    return None


def _unit_at(lines: list[str], row: int, depth: int, prefix: ListPrefix) -> int:
    """How far Tab moves the item ``prefix`` on ``row`` when it is ``depth`` spaces in: the
    width of the item above it at that depth (the parent-to-be), else its own."""
    sibling = _previous_item(lines, row, deeper_than=depth, below=None)
    source = sibling if sibling is not None and len(sibling.indent) == depth else prefix
    return source.marker_width


def _indent_unit(lines: list[str], row: int) -> str:
    """What Tab adds before the item on ``row``: the width of the item above it at the same
    depth (the parent-to-be), so the nested item lines up with that item's text."""
    prefix = parse_prefix(lines[row])
    if prefix is None or not prefix.is_item:
        return DEFAULT_INDENT
    if "\t" in prefix.indent:
        return "\t"
    return " " * _unit_at(lines, row, len(prefix.indent), prefix)


def _outdent_width(lines: list[str], row: int) -> int:
    """How many indent characters Shift+Tab removes from ``row``: one level, what Tab adds.

    An item goes back to a depth from which Tab would have brought it where it is; failing
    that, to its parent's depth."""
    line = lines[row]
    lead = _leading(line)
    if not lead:
        return 0
    if lead.startswith("\t"):
        return 1
    prefix = parse_prefix(line)
    if prefix is not None and prefix.is_item and not prefix.quote:
        # The depths of the items above first (the list's own levels), nearest first; then
        # one marker's width in, where Tab on an item with nothing at its depth starts.
        levels = sorted({len(above.indent) for above in _items_above(lines, row)}, reverse=True)
        for depth in [*levels, len(lead) - prefix.marker_width]:
            if 0 <= depth < len(lead) and depth + _unit_at(lines, row, depth, prefix) == len(lead):
                return len(lead) - depth
        parent = _previous_item(lines, row, deeper_than=None, below=len(lead))
        if parent is not None:
            return len(lead) - len(parent.indent)
        return min(len(lead), prefix.marker_width)
    return min(len(lead) - len(lead.lstrip(" ")), len(DEFAULT_INDENT)) or 0


def _line_span(text: str, start: int, end: int) -> tuple[int, int, list[str]]:
    """(first line's start, last line's end, the lines) of a selection; a selection ending at
    the very start of a line does not take that line."""
    first = text.rfind("\n", 0, start) + 1
    if end > start and end > first and text[end - 1] == "\n":
        end -= 1
    last = text.find("\n", end)
    last = len(text) if last < 0 else last
    return first, last, text[first:last].split("\n")


def _all_lines(text: str, first: int) -> tuple[list[str], int]:
    """Every line of ``text`` and the row of the line starting at ``first``."""
    return text.split("\n"), text.count("\n", 0, first)


def indent(text: str, start: int, end: int) -> Edit | None:
    """Tab over ``start..end``: list items move one level deeper (every selected non-blank line
    when the selection spans lines).  None for a caret in prose: Tab types a tab there."""
    first, last, lines = _line_span(text, start, end)
    all_lines, row = _all_lines(text, first)
    multi = len(lines) > 1
    if not multi:
        prefix = parse_prefix(lines[0])
        if prefix is None or not prefix.is_item or prefix.quote:
            return None
    unit = None
    for offset, line in enumerate(lines):
        prefix = parse_prefix(line)
        if prefix is not None and prefix.is_item and not prefix.quote:
            unit = _indent_unit(all_lines, row + offset)
            break
    unit = unit or DEFAULT_INDENT
    shifted = [unit + line if line.strip() else line for line in lines]
    if shifted == lines:
        return None  # only blank lines selected
    return _shifted_edit(text, start, end, first, last, lines, shifted)


def outdent(text: str, start: int, end: int) -> Edit | None:
    """Shift+Tab over ``start..end``: list items move one level up (every selected line loses
    up to one level of ASCII indent).  Full-width spaces stay.  None when nothing moves."""
    first, last, lines = _line_span(text, start, end)
    all_lines, row = _all_lines(text, first)
    if len(lines) == 1:
        prefix = parse_prefix(lines[0])
        if prefix is None or not prefix.is_item:
            return None
    widths = [_outdent_width(all_lines, row + i) for i in range(len(lines))]
    for offset, line in enumerate(lines):
        prefix = parse_prefix(line)
        if prefix is not None and prefix.is_item and not prefix.quote:
            # Selected lines move together, by what their first item loses (as Tab moved them
            # by one width); when that item is at the margin, each line moves on its own.
            if widths[offset]:
                width = _tab_width(text, first, last, lines, widths[offset], len(_leading(line)))
                widths = [min(width, len(_leading(each))) for each in lines]
            break
    shifted = [line[width:] for line, width in zip(lines, widths, strict=True)]
    if shifted == lines:
        return None
    return _shifted_edit(text, start, end, first, last, lines, shifted)


def _tab_width(text: str, first: int, last: int, lines: list[str], guess: int, most: int) -> int:
    """How far Tab moved ``lines`` (``text[first:last]``) when it did, so Shift+Tab gives back
    exactly the text Tab was pressed on: ``guess`` (one level by the items above) when Tab from
    there makes these lines, else the first other width up to ``most`` that does, else
    ``guess``.  (Tab looks at the lines before it moved them, which Shift+Tab cannot see.)"""
    for width in (guess, *range(1, most + 1)):
        back = "\n".join(line[min(width, len(_leading(line))) :] for line in lines)
        edit = indent(text[:first] + back + text[last:], first, first + len(back))
        if edit is not None and edit.insert == "\n".join(lines):
            return width
    return guess


def _shifted_edit(
    text: str,
    start: int,
    end: int,
    first: int,
    last: int,
    lines: list[str],
    shifted: list[str],
) -> Edit:
    """The lines replaced; the caret and selection keep their place in the text they were in."""

    def moved(position: int) -> int:
        offset = first
        new_offset = first
        for old, new in zip(lines, shifted, strict=True):
            if position <= offset + len(old):
                column = position - offset
                delta = len(new) - len(old)
                lead = len(old) - len(old.lstrip(" \t"))
                if column == 0:
                    return new_offset  # a whole line selected stays whole
                return new_offset + max(min(column, lead + min(0, delta)), column + delta)
            offset += len(old) + 1
            new_offset += len(new) + 1
        return position - (last - first) + (new_offset - 1 - first)

    insert = "\n".join(shifted)
    return Edit(first, last, insert, moved(end), moved(start))


# -- emphasis, links, headings ------------------------------------------------------------------


def _run(text: str, index: int, step: int, char: str = "*") -> int:
    """How many ``char`` follow ``index`` going ``step`` (1 right, -1 left)."""
    count = 0
    while 0 <= index < len(text) and text[index] == char:
        count += 1
        index += step
    return count


def _wrapped(left: int, right: int, marker: str) -> bool:
    both = min(left, right)
    return both in ((2, 3) if marker == "**" else (1, 3))


_STARS = re.compile(r"\*+")


def _without(chosen: str, marker: str) -> str:
    """``chosen`` without the spans of ``marker`` it holds (``**`` in ``***`` leaves ``*``);
    as it is when they do not pair up (a lone ``*`` in ``2*3`` is the writer's)."""
    runs = [run for run in _STARS.finditer(chosen) if _wrapped(len(run[0]), len(run[0]), marker)]
    if len(runs) % 2:
        return chosen
    for run in reversed(runs):
        kept = "*" * (len(run[0]) - len(marker))
        chosen = chosen[: run.start()] + kept + chosen[run.end() :]
    return chosen


def toggle_wrap(text: str, start: int, end: int, marker: str) -> Edit:
    """Bold (``**``) or italic (``*``) on ``start..end``: wraps it, or unwraps it when it is
    already wrapped (markers inside the selection or just around it).  A selection holding
    spans of the same kind (``**a** と **b**``) becomes one span (``**a と b**``).  A bare
    caret gets an empty pair with the caret inside; spaces at the selection's edges stay
    outside."""
    start, end = min(start, end), max(start, end)
    size = len(marker)
    chosen = text[start:end]
    if _wrapped(_run(text, start - 1, -1), _run(text, end, 1), marker):
        # **[word]** -> word
        insert = chosen
        return _edit(start - size, end + size, insert, start - size + len(chosen), start - size)
    if len(chosen) >= 2 * size and _wrapped(
        _run(chosen, 0, 1), _run(chosen, len(chosen) - 1, -1), marker
    ):
        inner = chosen[size:-size]  # [**word**] -> word
        if _without(inner, marker) == inner:
            return _edit(start, end, inner, start + len(inner), start)
    chosen = _without(chosen, marker)  # [**a** と **b**] -> **a と b**
    lead = len(chosen) - len(chosen.lstrip(_EDGE_SPACE))
    trail = len(chosen) - len(chosen.rstrip(_EDGE_SPACE))
    if lead == len(chosen):
        lead, trail = 0, 0
        core = chosen
    else:
        core = chosen[lead : len(chosen) - trail]
    if not core:
        return _edit(start, end, chosen + marker + marker, start + len(chosen) + size)
    insert = chosen[:lead] + marker + core + marker + chosen[len(chosen) - trail :]
    inner_start = start + lead + size
    return _edit(start, end, insert, inner_start + len(core), inner_start)


def looks_like_url(text: str) -> bool:
    """A single web or mail address (what pasting or Ctrl+K turns into a link)."""
    return bool(_URL.match(text.strip()))


def _link_target(url: str) -> str:
    url = url.strip().replace(" ", "%20")
    if url.count("(") != url.count(")"):
        url = url.replace("(", "%28").replace(")", "%29")
    return url


def make_link(text: str, start: int, end: int, url: str = "") -> Edit:
    """Ctrl+K on ``start..end``: ``[selection](url)``.  With no address the caret waits in the
    parentheses; with one it goes after the link (or into an empty ``[]``).  A selection that
    is a whole link already becomes its text again."""
    start, end = min(start, end), max(start, end)
    chosen = text[start:end]
    existing = _LINK.match(chosen)
    if existing:
        words = existing["text"]
        return _edit(start, end, words, start + len(words), start)
    target = _link_target(url)
    insert = f"[{chosen}]({target})"
    if not target:
        cursor = start + len(chosen) + 3
    elif not chosen:
        cursor = start + 1
    else:
        cursor = start + len(insert)
    return _edit(start, end, insert, cursor)


def paste_address(text: str, start: int, end: int, url: str) -> Edit:
    """An address pasted over ``start..end``: the selection becomes a link to it, and a
    selection that is a whole link already keeps its text and gets the new address."""
    start, end = min(start, end), max(start, end)
    existing = _LINK.match(text[start:end])
    if existing is None:
        return make_link(text, start, end, url)
    insert = f"[{existing['text']}]({_link_target(url)})"
    return _edit(start, end, insert, start + len(insert))


def set_heading(line: str, level: int) -> Edit | None:
    """Make ``line`` a heading of ``level`` (1-6), or plain text again when it already is one
    of that level; the text after the hashes is kept.  A line kramdown reads as a paragraph
    (``   ## text``, ``#tag``) becomes a heading; an indented one (code) is left alone (None)."""
    if INDENTED.match(line):
        return None
    match = ATX_HEADING.match(line) or _EMPTY_HEADING.match(line)
    if match:
        body = line[match.end() :]
        current = len(match[1])
    else:
        body = line.lstrip(" ")
        current = 0
        marked = ATX_HEADING.match(body)
        if marked:  # "   ## text" was meant as a heading: its marks make way for the level's
            body = body[marked.end() :]
    insert = body if current == level else "#" * level + " " + body
    return _edit(0, len(line), insert, len(insert))


# -- Japanese brackets --------------------------------------------------------------------------


def closing_for(committed: str, following: str = "") -> str | None:
    """The closing bracket to add after text the writer just typed or committed from the input
    method: when it ends with an opening 「『（【 and the caret is not right before a word
    (「 typed in front of existing text only opens)."""
    if not committed or (following and following not in _PAIR_BEFORE and not following.isspace()):
        return None
    return PAIRS.get(committed[-1])


def wrap_in_pair(opener: str, chosen: str) -> str:
    """An opening bracket typed over a selection brackets it: 「selection」."""
    return opener + chosen + PAIRS[opener]


def steps_over(typed: str, following: str, auto_inserted: bool) -> bool:
    """Typing a closing bracket just before the same bracket that was inserted automatically
    moves past it instead of adding a second one."""
    return auto_inserted and typed in CLOSERS and typed == following
