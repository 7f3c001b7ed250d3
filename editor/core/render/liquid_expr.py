"""Liquid expressions: literals, variable paths, filters and conditions."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from editor.core.render.liquid_values import FILTERS, absolute_url, relative_url, truthy

_STRING = r"'[^']*'|\"[^\"]*\""
_SPLIT_PIPES = re.compile(rf"((?:{_STRING}|[^|'\"])+)")
_ARG = re.compile(rf"\s*(?:([\w-]+)\s*:\s*)?({_STRING}|[^,]+)\s*(?:,|$)")
_RANGE = re.compile(r"^\(\s*(\S+)\s*\.\.\s*(\S+)\s*\)$")
_PATH_PART = re.compile(r"\.?([\w-]+\??)|\[([^\]]+)\]")
_COMPARISON = re.compile(
    rf"^((?:{_STRING}|[^=!<>'\"])+?)\s*(==|!=|<>|<=|>=|<|>|\bcontains\b)\s*(.+)$"
)
_LOGIC = re.compile(rf"({_STRING})|\s+(and|or)\s+")
_EMPTY = object()


class _Special:
    """``empty`` and ``blank``: compare equal to empty strings, lists and maps."""

    def __init__(self, blank: bool) -> None:
        self.blank = blank

    def matches(self, value) -> bool:
        if value is None:
            return self.blank
        if isinstance(value, str):
            return not (value.strip() if self.blank else value)
        return hasattr(value, "__len__") and len(value) == 0


def lookup(path: str, scope: list[dict], context=None):
    """A variable path like ``page.tags[0]`` or ``site.data["x"].size``; None when undefined."""
    parts = list(_PATH_PART.finditer(path.strip()))
    if not parts or parts[0].group(1) is None:
        return None
    name = parts[0].group(1)
    value = None
    for frame in reversed(scope):
        if name in frame:
            value = frame[name]
            break
    for part in parts[1:]:
        key = part.group(1) if part.group(1) is not None else literal_or_path(part.group(2), scope)
        value = _index(value, key)
    return value


def _index(value, key):
    if isinstance(value, Mapping):
        if key in value:
            return value[key]
        if key == "size":
            return len(value)
        return None
    if isinstance(value, Sequence) and not isinstance(value, str):
        if isinstance(key, int) or (isinstance(key, str) and re.fullmatch(r"-?\d+", key)):
            index = int(key)
            return value[index] if -len(value) <= index < len(value) else None
        return {"size": len(value), "first": value[0] if value else None}.get(
            key, value[-1] if key == "last" and value else None
        )
    if isinstance(value, str) and key == "size":
        return len(value)
    return None


def literal_or_path(text: str, scope: list[dict], context=None):
    """A literal (string, number, range, true/false/nil/empty/blank) or a variable's value."""
    text = text.strip()
    if not text:
        return None
    if text[0] in "'\"" and text[-1] == text[0] and len(text) > 1:
        return text[1:-1]
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    if re.fullmatch(r"-?\d+\.\d+", text):
        return float(text)
    constants = {"true": True, "false": False, "nil": None, "null": None}
    if text in constants:
        return constants[text]
    if text in ("empty", "blank"):
        return _Special(text == "blank")
    found = _RANGE.match(text)
    if found:
        low = literal_or_path(found.group(1), scope, context)
        high = literal_or_path(found.group(2), scope, context)
        return list(range(int(low or 0), int(high or 0) + 1))
    if not re.fullmatch(r"[\w-]+\??(?:\.[\w-]+\??|\[[^\]]+\])*", text):
        raise ValueError(text)
    return lookup(text, scope, context)


def evaluate(expression: str, scope: list[dict], context, warnings: list[str]):
    """The value of ``value | filter: args | ...``; unknown filters leave the value as is."""
    pieces = [p.strip() for p in _SPLIT_PIPES.findall(expression)]
    if not pieces:
        return None
    value = literal_or_path(pieces[0], scope, context)
    for piece in pieces[1:]:
        name, _, arg_text = piece.partition(":")
        name = name.strip()
        args = []
        for found in _ARG.finditer(arg_text):
            if found.group(2) and not found.group(1):
                args.append(literal_or_path(found.group(2), scope, context))
        value = apply_filter(name, value, args, context, warnings)
    return value


def apply_filter(name: str, value, args: list, context, warnings: list[str]):
    """Run one filter; Jekyll without strict filters passes unknown ones through."""
    site = context.site if context is not None else {}
    if name == "relative_url":
        return relative_url(site, value)
    if name == "absolute_url":
        return absolute_url(site, value)
    function = FILTERS.get(name)
    if function is None:
        warnings.append(f"Liquid filter not known to the preview: {name}")
        return value
    try:
        return function(value, *args)
    except (TypeError, ValueError, AttributeError, KeyError, ZeroDivisionError):
        return value


def _compare(left, op: str, right) -> bool:
    if isinstance(right, _Special) or isinstance(left, _Special):
        special, other = (right, left) if isinstance(right, _Special) else (left, right)
        equal = special.matches(other)
        return equal if op == "==" else (not equal if op in ("!=", "<>") else False)
    if op == "==":
        return left == right
    if op in ("!=", "<>"):
        return left != right
    if op == "contains":
        if isinstance(left, str):
            return str(right) in left
        return hasattr(left, "__contains__") and right in left
    try:
        return {"<": left < right, ">": left > right, "<=": left <= right, ">=": left >= right}[op]
    except TypeError:
        return False


def _single_condition(text: str, scope, context) -> bool:
    found = _COMPARISON.match(text.strip())
    if found:
        left = literal_or_path(found.group(1), scope, context)
        right = literal_or_path(found.group(3), scope, context)
        return _compare(left, found.group(2), right)
    value = literal_or_path(text, scope, context)
    return truthy(value) and not isinstance(value, _Special)


def evaluate_condition(expression: str, scope, context, warnings: list[str]) -> bool:
    """``a == b and c or d`` evaluated right to left, as Liquid does."""
    parts: list[str] = []
    operators: list[str] = []
    current = ""
    pos = 0
    for found in _LOGIC.finditer(expression):
        if found.group(1):
            continue
        current += expression[pos : found.start()]
        parts.append(current)
        operators.append(found.group(2))
        current = ""
        pos = found.end()
    parts.append(current + expression[pos:])
    result = _single_condition(parts[-1], scope, context)
    for part, op in zip(reversed(parts[:-1]), reversed(operators), strict=True):
        left = _single_condition(part, scope, context)
        result = (left and result) if op == "and" else (left or result)
    return result
