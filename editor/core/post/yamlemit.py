"""Writing one YAML value the way a post already writes its values.

A :class:`Style` describes how a value was written (plain or quoted scalar, flow or block list,
literal or folded block); :func:`render_value` writes a new value in that style, keeping Japanese
as UTF-8 and never wrapping long lines.  Callers parse the result again, so a style that cannot
hold a value (a plain ``yes`` that would turn into a boolean) simply falls back to quotes.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Any

from editor.core.blog.dates import format_date, parse_date

# Characters YAML does not allow raw inside a double-quoted scalar (C0/C1 controls, DEL, BOM,
# surrogates); everything else, Japanese included, is written as itself.
_NEEDS_ESCAPE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]"
)
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\x00": "\\0"}
_PLAIN_START = set("-?:,[]{}#&*!|>'\"%@`")
_NULL_WORDS = ("~", "null", "Null", "NULL")


@dataclass(frozen=True)
class Style:
    """How a value is written: ``kind`` is scalar, flow, block, ``|``, ``>`` or other."""

    kind: str = "scalar"
    quote: str = ""  # "", "'" or '"' for scalars and list items
    indent: int = 2  # block list items / block scalar content
    raw: str = ""  # the scalar's text as written (keeps "~" or "+0900" forms)
    items: tuple[tuple[Any, str], ...] = ()  # list items as (value, text as written)


def render_value(head: str, separator: str, value: Any, style: Style, nl: str) -> str | None:
    """``head`` + the value in ``style``, lines joined by ``nl``; ``None`` when it cannot be."""
    if isinstance(value, list | tuple):
        return _render_list(head, separator, list(value), style, nl)
    if isinstance(value, dict):
        return None
    if style.kind in ("|", ">") and isinstance(value, str):
        return _render_block_scalar(head, value, style, nl)
    text = _scalar(value, style.quote if style.kind != "other" else '"', style.raw, flow=False)
    if text is None:
        return None
    return head + ((separator or " ") + text if text else "")


def _render_list(head: str, separator: str, items: list, style: Style, nl: str) -> str | None:
    known = {_key(v): text for v, text in style.items if text}
    quote = style.quote if style.kind in ("flow", "block") else style.quote or '"'
    flow = style.kind != "block" or not items
    texts = []
    for item in items:
        if isinstance(item, list | tuple | dict):
            return None
        text = known.get(_key(item)) or _scalar(item, quote, "", flow=flow)
        if text is None:
            text = _scalar(item, '"', "", flow=flow)
        texts.append(text)
    if flow:
        return head + (separator or " ") + "[" + ", ".join(texts) + "]"
    pad = " " * style.indent
    return head + "".join(f"{nl}{pad}- {text}" for text in texts)


def _key(value: Any) -> tuple[str, Any]:
    return type(value).__name__, value


def _render_block_scalar(head: str, value: str, style: Style, nl: str) -> str | None:
    body = value.rstrip("\n")
    if not body or body.startswith((" ", "\t")) or _NEEDS_ESCAPE.search(value.replace("\r", "")):
        return None
    if "\r" in value or any(line.endswith(" ") for line in body.split("\n")):
        return None
    kind = "|" if "\n" in body else style.kind
    trailing = len(value) - len(body)
    chomp = "-" if trailing == 0 else "" if trailing == 1 else "+"
    pad = " " * max(style.indent, 1)
    lines = [pad + line if line else "" for line in body.split("\n")]
    extra = [""] * (trailing - 1) if trailing > 1 else []
    return head + " " + kind + chomp + "".join(nl + line for line in lines + extra)


def _scalar(value: Any, quote: str, raw: str, flow: bool) -> str | None:
    """One scalar as YAML text, or ``None`` when ``quote`` cannot hold it."""
    if value is None:
        return raw if raw in _NULL_WORDS else ""
    if isinstance(value, bool):
        word = "true" if value else "false"
        return word.capitalize() if raw[:1].isupper() else word
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ".nan"
        if math.isinf(value):
            return ".inf" if value > 0 else "-.inf"
        return repr(value)
    if isinstance(value, dt.datetime):
        return format_date(value, like=raw or None)
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    if quote == "'":
        if _NEEDS_ESCAPE.search(value) or "\n" in value or "\r" in value:
            return None
        return "'" + value.replace("'", "''") + "'"
    if quote == "" and _plain_ok(value, flow):
        return value
    return double_quoted(value)


def double_quoted(value: str) -> str:
    """``value`` as a YAML double-quoted scalar; only what YAML requires is escaped."""

    def escape(match: re.Match[str]) -> str:
        char = match.group(0)
        if char in _ESCAPES:
            return _ESCAPES[char]
        code = ord(char)
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return '"' + re.sub(r'[\\"\n\t\r]|' + _NEEDS_ESCAPE.pattern, escape, value) + '"'


def _plain_ok(value: str, flow: bool) -> bool:
    if not value or value != value.strip() or value[0] in _PLAIN_START:
        return False
    if _NEEDS_ESCAPE.search(value) or "\n" in value or "\r" in value or "\t" in value:
        return False
    if ": " in value or " #" in value or value.endswith(":"):
        return False
    return not (flow and any(c in value for c in ",[]{}"))


def same_value(old: Any, new: Any) -> bool:
    """True when ``old`` (as loaded) already is ``new``; types count (``"1"`` is not ``1``).

    A date given as a ``datetime`` matches the same instant written as text with the same
    offset, since PyYAML reads Jekyll's ``2025-10-25 08:36:32 +0000`` as a string.
    """
    if isinstance(new, dt.datetime) and isinstance(old, dt.datetime):
        return _same_time(old, new)
    if isinstance(new, dt.datetime) and isinstance(old, str | dt.date):
        parsed = parse_date(old)
        return parsed is not None and _same_time(parsed, new)
    if isinstance(new, list | tuple):
        return (
            isinstance(old, list | tuple)
            and len(old) == len(new)
            and all(same_value(a, b) for a, b in zip(old, new, strict=True))
        )
    if isinstance(new, dict):
        return (
            isinstance(old, dict)
            and old.keys() == new.keys()
            and all(same_value(old[k], new[k]) for k in new)
        )
    if isinstance(new, float) and isinstance(old, float) and math.isnan(new):
        return math.isnan(old)
    return type(old) is type(new) and old == new


def _same_time(a: dt.datetime, b: dt.datetime) -> bool:
    if (a.tzinfo is None) != (b.tzinfo is None):
        return False
    return (
        a == b
        and a.utcoffset() == b.utcoffset()
        and a.replace(tzinfo=None) == b.replace(tzinfo=None)
    )
