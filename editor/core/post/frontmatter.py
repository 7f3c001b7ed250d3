"""Front matter: parse with positions, and edit one key at a time changing only its lines.

Editing works on the raw text, not on a re-dumped YAML tree: PyYAML (and ruamel.yaml, whose
round trip still re-indents flow lists, re-wraps long scalars and normalises quotes in places)
cannot promise that untouched lines stay byte-identical.  Here PyYAML's composer tells where each
top-level key's lines are, only those lines are rewritten, and the result is parsed again to
check that the key now holds exactly the new value.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import yaml

from editor.core.blog.keys import KNOWN_KEYS, PROSE_KEYS, key_name
from editor.core.post.split import dominant_newline
from editor.core.post.yamlemit import Style, render_value, same_value
from editor.core.post.yamlload import YamlLoadError, load_yaml
from editor.core.words import QT_TRANSLATE_NOOP, Phrase

# The blog's usual order; new keys are placed after the nearest preceding one of these.
KEY_ORDER = KNOWN_KEYS


class FrontMatterError(YamlLoadError):
    """Front matter that cannot be read or edited; positions are 1-based in the whole file."""


@dataclass
class ParsedFrontMatter:
    """The values of a front matter, its top-level keys' line spans and any warnings."""

    values: dict[str, Any]
    spans: dict[str, KeySpan] = field(default_factory=dict)
    duplicates: list[tuple[str, int, int]] = field(default_factory=list)  # key, lines (1-based)
    indent: int = 0  # column of the top-level keys (front matter may be indented as a whole)


@dataclass(frozen=True)
class KeySpan:
    """Lines ``start``..``end`` (0-based, end exclusive) holding one key and its value."""

    start: int
    end: int
    head: str  # the key as written, up to and including the colon
    line_head: str  # the whole key line when the value starts on the next line ("tags: ")
    separator: str  # what stood between the colon and an inline value
    trailing_comment: str  # " # ..." after a one-line value, kept when the value changes
    style: Style
    node: yaml.Node


def parse(fm_text: str, first_line: int = 2) -> ParsedFrontMatter:
    """Parse front-matter text; ``first_line`` is the file line of its first line (2 after ``---``).

    Raises :class:`FrontMatterError` for broken YAML, alias bombs and a top level that is not
    a mapping.  Duplicate keys keep the last value, as Jekyll does, and are listed.
    """
    try:
        result = load_yaml(fm_text, first_line)
    except YamlLoadError as exc:
        raise FrontMatterError(exc.said, exc.line, exc.column) from None
    if result.node is None:
        return ParsedFrontMatter({})
    if not isinstance(result.node, yaml.MappingNode):
        if isinstance(result.node, yaml.SequenceNode):
            message = QT_TRANSLATE_NOOP(
                "yaml", "Front matter must be 'key: value' lines, but it is a list"
            )
        else:
            message = QT_TRANSLATE_NOOP(
                "yaml", "Front matter must be 'key: value' lines, but it is a single value"
            )
        mark = result.node.start_mark
        raise FrontMatterError(Phrase(message), mark.line + first_line, mark.column + 1)
    values = {str(k): v for k, v in result.value.items()}
    duplicates = [(k, a + first_line, b + first_line) for k, a, b in result.duplicates]
    pairs = result.node.value
    indent = pairs[0][0].start_mark.column if pairs and not result.node.flow_style else 0
    return ParsedFrontMatter(values, _spans(fm_text, result.node), duplicates, indent)


def load(fm_text: str, first_line: int = 2) -> dict[str, Any]:
    """The values of a front matter as a dict (empty front matter gives ``{}``)."""
    return parse(fm_text, first_line).values


def _spans(text: str, root: yaml.MappingNode) -> dict[str, KeySpan]:
    lines = text.splitlines(keepends=True)
    spans: dict[str, KeySpan] = {}
    if root.flow_style:
        return spans  # "{title: a, tags: [b]}" on one line: no key has lines of its own
    for key_node, value_node in root.value:
        if not isinstance(key_node, yaml.ScalarNode):
            continue
        start = key_node.start_mark.line
        line = lines[start]
        colon = line.find(":", key_node.end_mark.column)
        if colon == -1 or key_node.end_mark.line != start:
            continue  # a key over several lines or "? key" form: edited as text only
        head = line[key_node.start_mark.column : colon + 1]
        end_mark = value_node.end_mark
        last = end_mark.line
        if end_mark.column == 0 and last > start:
            last -= 1
        is_block_scalar = isinstance(value_node, yaml.ScalarNode) and value_node.style in ("|", ">")
        while last > start and _is_filler(lines[last], keep_comments=is_block_scalar):
            last -= 1
        inline = value_node.start_mark.line == start and not is_block_scalar
        separator = line[colon + 1 : value_node.start_mark.column] if inline else " "
        comment = ""
        if last == start and inline:
            rest = line[end_mark.column :].rstrip("\r\n")
            if rest.strip().startswith("#"):
                comment = rest
        line_head = "" if inline else line[key_node.start_mark.column :].rstrip("\r\n")
        spans[key_node.value] = KeySpan(
            start,
            last + 1,
            head,
            line_head,
            separator,
            comment,
            _style_of(value_node, lines),
            value_node,
        )
    return spans


def _is_filler(line: str, keep_comments: bool) -> bool:
    stripped = line.strip()
    return not stripped or (not keep_comments and stripped.startswith("#"))


def _style_of(node: yaml.Node, lines: list[str]) -> Style:
    if isinstance(node, yaml.SequenceNode):
        items = [n for n in node.value if isinstance(n, yaml.ScalarNode)]
        quote = items[0].style if items and items[0].style in ("'", '"') else ""
        raw = tuple(_item_text(n, lines) for n in items)
        if node.flow_style:
            return Style(kind="flow", quote=quote, items=raw)
        indent = node.value[0].start_mark.column - 2 if node.value else 2
        return Style(kind="block", quote=quote, indent=max(indent, 0), items=raw)
    if isinstance(node, yaml.ScalarNode):
        if node.style in ("|", ">"):
            stop = node.end_mark.line + (0 if node.end_mark.column == 0 else 1)
            content = lines[node.start_mark.line + 1 : stop]
            widths = [len(x) - len(x.lstrip(" ")) for x in content if x.strip()]
            return Style(kind=node.style, indent=min(widths) if widths else 2)
        return Style(kind="scalar", quote=node.style or "", raw=node.value)
    return Style(kind="other")


def _item_text(node: yaml.ScalarNode, lines: list[str]) -> tuple[Any, str]:
    """A list item's value and its text as written (empty when it spans lines)."""
    start, end = node.start_mark, node.end_mark
    text = lines[start.line][start.column : end.column] if start.line == end.line else ""
    try:
        return load_yaml(f"- {text}").value[0], text
    except (YamlLoadError, IndexError, TypeError):
        return None, ""


def set_key(
    fm_text: str,
    key: str,
    value: Any,
    newline: str | None = None,
    parsed: ParsedFrontMatter | None = None,
) -> str:
    """Front-matter text with ``key`` set to ``value``, changing only that key's lines.

    The value is written in the style the old one used (quotes, flow or block list, block
    scalar); a new key goes after the nearest preceding key of :data:`KEY_ORDER`.  Setting the
    value a key already has returns ``fm_text`` unchanged.  ``parsed`` is ``parse(fm_text)``
    when the caller already has it (a 10 MB front matter takes seconds to read).
    """
    parsed = parsed if parsed is not None else parse(fm_text)
    _refuse_duplicate(parsed, key)
    nl = newline or (dominant_newline(fm_text) if fm_text else "\n")
    span = parsed.spans.get(key)
    if key in parsed.values and span is not None:
        if same_value(parsed.values[key], value):
            return fm_text
        style = span.style
        head, separator, comment = span.head, span.separator, span.trailing_comment
        if span.line_head and style.kind == "block" and value:
            head = span.line_head
    elif key in parsed.values:
        message = QT_TRANSLATE_NOOP(
            "yaml", "Cannot edit '{key}' in place; edit the front matter as text"
        )
        raise FrontMatterError(Phrase(message, key=key_name(key)))
    else:
        style = _house_style(parsed, value)
        head, separator, comment = " " * parsed.indent + _key_text(key) + ":", " ", ""
    lines = fm_text.splitlines(keepends=True)
    start, end = (span.start, span.end) if span else _insertion_point(parsed, key, lines)
    ending = _line_ending(lines, end - 1, nl) if span else nl
    if not span and start == len(lines) and lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += nl  # the last line must end before a new one is appended
    for candidate in (style, Style(kind="scalar", quote='"'), Style(kind="flow", quote='"')):
        block = render_value(head, separator, value, candidate, nl)
        if block is None:
            continue
        new_lines = (block + comment + ending) if block else ""
        text = "".join(lines[:start]) + new_lines + "".join(lines[end:])
        try:
            check = parse(text)
        except FrontMatterError:
            continue
        if key in check.values and same_value(check.values[key], value):
            return text
    message = QT_TRANSLATE_NOOP("yaml", "Cannot write this value for '{key}' as YAML")
    raise FrontMatterError(Phrase(message, key=key_name(key)))


def remove_key(fm_text: str, key: str) -> str:
    """Front-matter text without ``key``; other lines stay as they are (no-op when absent)."""
    parsed = parse(fm_text)
    _refuse_duplicate(parsed, key)
    span = parsed.spans.get(key)
    if span is None:
        if key in parsed.values:
            message = QT_TRANSLATE_NOOP(
                "yaml", "Cannot remove '{key}' in place; edit the front matter as text"
            )
            raise FrontMatterError(Phrase(message, key=key_name(key)))
        return fm_text
    lines = fm_text.splitlines(keepends=True)
    return "".join(lines[: span.start] + lines[span.end :])


def key_lines(fm_text: str, key: str) -> range | None:
    """0-based line numbers of ``key`` and its value within the front-matter text."""
    span = parse(fm_text).spans.get(key)
    return range(span.start, span.end) if span else None


def _refuse_duplicate(parsed: ParsedFrontMatter, key: str) -> None:
    for name, first, last in parsed.duplicates:
        if name == key:
            message = QT_TRANSLATE_NOOP(
                "yaml",
                "'{key}' appears twice (lines {first} and {last}); remove one in the front "
                "matter text first",
            )
            raise FrontMatterError(
                Phrase(message, key=key_name(key), first=first, last=last), last, 1
            )


def _key_text(key: str) -> str:
    """The key as YAML: plain when it reads back as the same string (not ``yes`` or ``1``)."""
    plain = render_value("", "", key, Style(kind="scalar"), "\n").strip()
    try:
        if plain == key and load_yaml(f"{plain}: 0").value == {key: 0}:
            return key
    except YamlLoadError:
        pass
    return render_value("", "", key, Style(kind="scalar", quote='"'), "\n").strip()


def _line_ending(lines: list[str], index: int, nl: str) -> str:
    if index < 0 or index >= len(lines):
        return nl
    line = lines[index]
    if line.endswith("\r\n"):
        return "\r\n"
    if line.endswith(("\n", "\r")):
        return line[-1]
    return ""  # the key was the last line and had no line ending: keep it that way


def _insertion_point(parsed: ParsedFrontMatter, key: str, lines: list[str]) -> tuple[int, int]:
    spans = parsed.spans
    if key in KEY_ORDER:
        index = KEY_ORDER.index(key)
        for before in reversed(KEY_ORDER[:index]):
            if before in spans:
                return spans[before].end, spans[before].end
        for after in KEY_ORDER[index + 1 :]:
            if after in spans:
                return spans[after].start, spans[after].start
    if spans:
        last = max(span.end for span in spans.values())
        return last, last
    return len(lines), len(lines)


def _house_style(parsed: ParsedFrontMatter, value: Any) -> Style:
    """The style the post's other values use, for a key it does not have yet."""
    spans = parsed.spans
    if isinstance(value, list | tuple):
        lists = [s.style for s in spans.values() if s.style.kind in ("flow", "block")]
        if lists:
            return lists[0]
        return Style(kind="flow", quote=_common_quote(spans))
    if isinstance(value, dt.date | dt.datetime | int | float | bool) or value is None:
        return Style(kind="scalar")
    return Style(kind="scalar", quote=_common_quote(spans))


def _common_quote(spans: dict[str, KeySpan]) -> str:
    """The quoting most prose values of the post use ('"' when quoted ones are as common).

    Prose keys (title, author, excerpt...) decide when the post has any: a plain ``layout``
    or date says nothing about how the writer quotes sentences.
    """
    counts = {"": 0, "'": 0, '"': 0}
    prose = [spans[key] for key in PROSE_KEYS if key in spans]
    for span in prose or spans.values():
        node = span.node
        if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:str":
            counts[node.style if node.style in counts else ""] += 1
    quoted = max(counts["'"], counts['"'])
    if quoted and quoted >= counts[""]:
        return "'" if counts["'"] > counts['"'] else '"'
    return ""
