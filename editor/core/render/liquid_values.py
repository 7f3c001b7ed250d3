"""Liquid values: reading variables, comparing, printing, and Jekyll's common filters."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, timedelta, timezone
from html import escape
from urllib.parse import quote

_DATE = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?\s*$"
)


def to_text(value) -> str:
    """How Liquid prints a value: nil is empty, lists are joined, times use Ruby's format."""
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S %z").rstrip()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return f"{value:.1f}"
    if isinstance(value, Sequence) and not isinstance(value, str):
        return "".join(to_text(v) for v in value)
    if isinstance(value, Mapping):
        return json.dumps(dict(value), ensure_ascii=False, default=str)
    return str(value)


def truthy(value) -> bool:
    """Liquid truth: only nil and false are false."""
    return value is not None and value is not False


def to_datetime(value) -> datetime | None:
    """A date from a datetime, a date, ``"now"`` or a YAML-ish date string."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, (int, float)):
        return datetime.fromtimestamp(value, tz=UTC)
    if not isinstance(value, str):
        return None
    if value.strip() in ("now", "today"):
        return datetime.now().astimezone()
    found = _DATE.match(value.strip())
    if not found:
        return None
    y, mo, d, h, mi, s, tz = found.groups()
    try:
        # Ruby's Time (and so Jekyll) rolls a day past the month's end over: 02-30 is 03-02.
        if not 1 <= int(d) <= 31:
            return None
        result = datetime(int(y), int(mo), 1, int(h or 0), int(mi or 0), int(s or 0))
        result += timedelta(days=int(d) - 1)
        if tz:
            if tz == "Z":
                return result.replace(tzinfo=UTC)
            digits = tz.replace(":", "")
            offset = timedelta(hours=int(digits[1:3]), minutes=int(digits[3:5]))
            return result.replace(tzinfo=timezone(offset if digits[0] == "+" else -offset))
    except (ValueError, OverflowError):  # month 13, hour 25, a zone of 24 hours or more
        return None
    return result


def _date(value, fmt=None):
    when = to_datetime(value)
    if when is None or fmt is None:
        return value
    return when.strftime(str(fmt))


def _ordinal_date(value, fmt):
    when = to_datetime(value)
    return value if when is None else f"{when.day:02d} {when.strftime(fmt)} {when.year}"


def _join_url(base: str, path) -> str:
    path = to_text(path)
    if re.match(r"^[a-z][a-z0-9+.-]*:", path):
        return path
    base = base.rstrip("/")
    return f"{base}/{path.lstrip('/')}" if path else base or "/"


def relative_url(site: Mapping, path) -> str:
    """Jekyll's ``relative_url``: the site's ``baseurl`` in front of a path."""
    baseurl = str(site.get("baseurl") or "")
    joined = _join_url(baseurl, path)
    return joined if joined.startswith(("/", "http")) else "/" + joined


def absolute_url(site: Mapping, path) -> str:
    """Jekyll's ``absolute_url``: ``url`` + ``baseurl`` + path."""
    return str(site.get("url") or "").rstrip("/") + relative_url(site, path)


def _slugify(value, mode="default"):
    text = to_text(value).lower()
    if mode == "raw":
        return re.sub(r"\s+", "-", text).strip("-")
    return re.sub(r"[^\w]+|_", "-", text).strip("-")


def _sized(value):
    if value is None:
        return 0
    return len(value) if hasattr(value, "__len__") else 0


def _number(value):
    if isinstance(value, (int, float)):
        return value
    try:
        return int(str(value))
    except ValueError:
        try:
            return float(str(value))
        except ValueError:
            return 0


def _list(value) -> list:
    if value is None:
        return []
    if isinstance(value, Sequence) and not isinstance(value, str):
        return list(value)
    return [value]


def _truncate(value, length=50, ellipsis="..."):
    text, length, ellipsis = to_text(value), int(_number(length)), to_text(ellipsis)
    if len(text) <= length:
        return text
    return text[: max(length - len(ellipsis), 0)] + ellipsis


def _truncatewords(value, count=15, ellipsis="..."):
    words = to_text(value).split()
    count = int(_number(count))
    return " ".join(words[:count]) + (to_text(ellipsis) if len(words) > count else "")


def _where(value, key, target=None):
    return [
        item
        for item in _list(value)
        if isinstance(item, Mapping)
        and (item.get(key) == target if target is not None else truthy(item.get(key)))
    ]


def _divided_by(value, by):
    a, b = _number(value), _number(by)
    if not b:
        return None
    return a // b if isinstance(a, int) and isinstance(b, int) else a / b


def _sentence(value, connector="and"):
    items = [to_text(v) for v in _list(value)]
    if len(items) < 3:
        return f" {connector} ".join(items)
    return ", ".join(items[:-1]) + f", {connector} " + items[-1]


FILTERS = {
    "date": _date,
    "date_to_string": lambda v, *_: _ordinal_date(v, "%b"),
    "date_to_long_string": lambda v, *_: _ordinal_date(v, "%B"),
    "date_to_xmlschema": lambda v: _date(v, "%Y-%m-%dT%H:%M:%S%z"),
    "date_to_rfc822": lambda v: _date(v, "%a, %d %b %Y %H:%M:%S %z"),
    "escape": lambda v: escape(to_text(v)).replace("&#x27;", "&#39;"),
    "xml_escape": lambda v: escape(to_text(v)).replace("&#x27;", "&#39;"),
    "escape_once": lambda v: re.sub(
        r"&(?!(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);)", "&amp;", to_text(v)
    ).translate({ord("<"): "&lt;", ord(">"): "&gt;", ord('"'): "&quot;"}),
    "upcase": lambda v: to_text(v).upper(),
    "downcase": lambda v: to_text(v).lower(),
    "capitalize": lambda v: to_text(v)[:1].upper() + to_text(v)[1:],
    "default": lambda v, d=None, *_: v if truthy(v) and v != "" and v != [] else d,
    "size": _sized,
    "join": lambda v, sep=" ": to_text(sep).join(to_text(i) for i in _list(v)),
    "first": lambda v: _list(v)[0] if _list(v) else None,
    "last": lambda v: _list(v)[-1] if _list(v) else None,
    "split": lambda v, sep=" ": to_text(v).split(to_text(sep)) if sep else list(to_text(v)),
    "strip": lambda v: to_text(v).strip(),
    "lstrip": lambda v: to_text(v).lstrip(),
    "rstrip": lambda v: to_text(v).rstrip(),
    "strip_html": lambda v: re.sub(r"<[^>]*>", "", to_text(v)),
    "strip_newlines": lambda v: re.sub(r"\r?\n", "", to_text(v)),
    "newline_to_br": lambda v: re.sub(r"\r?\n", "<br />\n", to_text(v)),
    "truncate": _truncate,
    "truncatewords": _truncatewords,
    "replace": lambda v, a="", b="": to_text(v).replace(to_text(a), to_text(b)),
    "replace_first": lambda v, a="", b="": to_text(v).replace(to_text(a), to_text(b), 1),
    "remove": lambda v, a="": to_text(v).replace(to_text(a), ""),
    "remove_first": lambda v, a="": to_text(v).replace(to_text(a), "", 1),
    "append": lambda v, a="": to_text(v) + to_text(a),
    "prepend": lambda v, a="": to_text(a) + to_text(v),
    "slugify": _slugify,
    "url_encode": lambda v: quote(to_text(v), safe="").replace("%20", "+"),
    "uri_escape": lambda v: quote(to_text(v), safe="!#$&'()*+,/:;=?@[]~"),
    "cgi_escape": lambda v: quote(to_text(v), safe="").replace("%20", "+"),
    "jsonify": lambda v: json.dumps(v, ensure_ascii=False, default=to_text),
    "number_of_words": lambda v: len(to_text(v).split()),
    "array_to_sentence_string": _sentence,
    "plus": lambda v, n=0: _number(v) + _number(n),
    "minus": lambda v, n=0: _number(v) - _number(n),
    "times": lambda v, n=1: _number(v) * _number(n),
    "divided_by": _divided_by,
    "modulo": lambda v, n=1: _number(v) % _number(n) if _number(n) else None,
    "abs": lambda v: abs(_number(v)),
    "round": lambda v, n=0: round(_number(v), int(_number(n))) if n else round(_number(v)),
    "ceil": lambda v: -(-_number(v) // 1),
    "floor": lambda v: _number(v) // 1,
    "sort": lambda v, key=None: sorted(
        _list(v), key=(lambda i: to_text(i.get(key))) if key else to_text
    ),
    "uniq": lambda v: list(dict.fromkeys(_list(v))),
    "reverse": lambda v: list(reversed(_list(v))),
    "compact": lambda v: [i for i in _list(v) if i is not None],
    "map": lambda v, key: [i.get(key) if isinstance(i, Mapping) else None for i in _list(v)],
    "where": _where,
    "smartify": lambda v: to_text(v),
}
