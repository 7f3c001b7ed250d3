"""Jekyll's filters (``Jekyll::Filters``) on top of Liquid's standard ones.

Dates are shown in the site's ``timezone`` as Jekyll shows them; URLs, slugs and post dates
come from the blog through :mod:`editor.core.render.liquid.blog`.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from collections.abc import Mapping, Sequence
from html import escape
from urllib.parse import quote

from editor.core.blog import dates
from editor.core.render.liquid import blog
from editor.core.render.liquid.engine import current

# Jekyll's number_of_words "cjk" mode counts each Han, Katakana, Hiragana and Hangul character.
_CJK = "\u1100-\u11ff\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3038-\u303b\u3040-\u30ff"
_CJK += "\u3131-\u318e\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_CJK_CHAR = re.compile(f"[{_CJK}]")
_CJK_WORD = re.compile(f"[^{_CJK}\\s]+")


class LiquidTime(dt.datetime):
    """A time printed as Ruby prints one: ``2030-01-05 09:30:00 +0900``."""

    def __str__(self) -> str:
        return self.strftime("%Y-%m-%d %H:%M:%S %z").rstrip()


def as_time(value, keep_offset: bool = False) -> LiquidTime | None:
    """A front-matter or Liquid date as Jekyll's ``time`` filter helper reads it: in the site's
    zone (this machine's if the blog names none), as Ruby's ``localtime`` puts it.

    With ``keep_offset`` (Liquid's own ``date`` filter) a time that names its offset keeps it;
    a time without one is read in the site's zone either way.
    """
    site = current().context.site
    when = blog.to_datetime(value, site)
    if when is None:
        return None
    zone = dates.zone_or_local(site.get("timezone"))
    if when.tzinfo is None:
        when = when.replace(tzinfo=zone)
    elif not keep_offset or (isinstance(value, str) and value.strip() in ("now", "today")):
        when = when.astimezone(zone)
    return LiquidTime(
        when.year, when.month, when.day, when.hour, when.minute, when.second,
        when.microsecond, tzinfo=when.tzinfo,
    )  # fmt: skip


# What Ruby's strftime reads and Python's does not, or reads in the machine's zone.
_RUBY_ONLY = re.compile(r"%(%|:{1,2}z|[sLN])")


def ruby_strftime(when: dt.datetime, fmt: str) -> str:
    """``when`` formatted as Ruby's ``Time#strftime`` does: ``%s`` counts seconds since 1970
    whatever the zone, ``%L`` and ``%N`` are milli- and nanoseconds, ``%:z`` is ``+09:00``."""

    def part(match: re.Match) -> str:
        code = match.group(1)
        if code == "%":
            return "%%"
        if code == "s":
            return str(int(when.timestamp()))
        if code == "L":
            return f"{when.microsecond // 1000:03d}"
        if code == "N":
            return f"{when.microsecond * 1000:09d}"
        offset = when.strftime("%z")
        if not offset:
            return ""
        return f"{offset[:3]}:{offset[3:5]}" + (
            ":" + (offset[5:7] or "00") if code == "::z" else ""
        )

    return when.strftime(_RUBY_ONLY.sub(part, fmt))


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (list, tuple)):
        return "".join(_text(v) for v in value)
    return str(value)


def _ordinal(day: int) -> str:
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def _date_string(value, month: str, kind=None, style=None):
    when = as_time(value)
    if when is None:
        return value
    if kind != "ordinal":
        return when.strftime(f"%d {month} %Y")
    if style == "US":
        return when.strftime(f"{month} {_ordinal(when.day)}, %Y")
    return when.strftime(f"{_ordinal(when.day)} {month} %Y")


def date(value, fmt=None):
    """Liquid's ``date`` with Jekyll's reading of dates (and ``"now"``)."""
    when = as_time(value, keep_offset=True)
    if when is None or fmt is None or str(fmt) == "":
        return value
    return ruby_strftime(when, str(fmt))


def date_to_xmlschema(value):
    when = as_time(value)
    if when is None:
        return value
    text = when.isoformat(timespec="seconds")
    return text if when.tzinfo else text  # Ruby adds the local offset; naive stays naive


def date_to_rfc822(value):
    when = as_time(value)
    return value if when is None else when.strftime("%a, %d %b %Y %H:%M:%S %z").rstrip()


def relative_url(value):
    return blog.relative_url(current().context.site, value)


def absolute_url(value):
    return blog.absolute_url(current().context.site, value)


def slugify(value, mode="default"):
    """Jekyll's ``slugify`` with its modes (``raw``, ``default``, ``pretty``, ``ascii``, ...)."""
    return blog.jekyll_slugify(_text(value), str(mode or "default"))


def xml_escape(value):
    return "" if value is None else escape(_text(value)).replace("&#x27;", "&#39;")


def cgi_escape(value):
    return quote(_text(value), safe="*").replace("%20", "+")


def uri_escape(value):
    return quote(_text(value), safe="!#$&'()*+,/:;=?@[]~%")


def number_of_words(value, mode=None):
    text = _text(value)
    if mode == "cjk" or (mode == "auto" and _CJK_CHAR.search(text)):
        return len(_CJK_CHAR.findall(text)) + len(_CJK_WORD.findall(text))
    return len(text.split())


def array_to_sentence_string(value, connector="and"):
    items = [_text(v) for v in _list(value)]
    if len(items) < 3:
        return f" {connector} ".join(items)
    return ", ".join(items[:-1]) + f", {connector} " + items[-1]


def markdownify(value):
    return current().markdownify(_text(value))


def smartify(value):
    return _text(value)


def jsonify(value):
    return json.dumps(_plain(value), ensure_ascii=False, separators=(",", ":"), default=str)


def normalize_whitespace(value):
    return re.sub(r"\s+", " ", _text(value)).strip()


def _plain(value):
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dt.datetime):
        return str(as_time(value))
    return value


def _list(value) -> list:
    if value is None:
        return []
    if isinstance(value, Mapping):
        return [value]
    if isinstance(value, Sequence) and not isinstance(value, str):
        return list(value)
    return [value]


def _property(item, name):
    if isinstance(item, Mapping):
        return item.get(name)
    return None


def where(value, name, target=None):
    """Jekyll's ``where``: items whose property, as text, equals ``target`` as text."""
    wanted = _text(target)
    found = []
    for item in _list(value):
        prop = _property(item, _text(name))
        if isinstance(prop, (list, tuple)):
            if wanted in [_text(p) for p in prop]:
                found.append(item)
        elif _text(prop) == wanted:
            found.append(item)
    return found


def _test(variable, expression):
    """A compiled ``where_exp`` condition: called with an item, true or false."""
    from editor.core.render.liquid.engine import environment

    template = environment().from_string(f"{{% if {expression} %}}1{{% endif %}}")

    def test(item) -> bool:
        return template.render({variable: item}) == "1"

    return test


def where_exp(value, variable, expression):
    test = _test(_text(variable), _text(expression))
    return [item for item in _list(value) if test(item)]


def find(value, name, target=None):
    found = where(value, name, target)
    return found[0] if found else None


def find_exp(value, variable, expression):
    found = where_exp(value, variable, expression)
    return found[0] if found else None


def _groups(pairs) -> list[dict]:
    groups: dict[str, list] = {}
    for key, item in pairs:
        groups.setdefault(key, []).append(item)
    return [{"name": k, "items": v, "size": len(v)} for k, v in groups.items()]


def group_by(value, name):
    return _groups((_text(_property(item, _text(name))), item) for item in _list(value))


def group_by_exp(value, variable, expression):
    from editor.core.render.liquid.engine import environment

    template = environment().from_string(f"{{{{ {expression} }}}}")
    return _groups((template.render({_text(variable): i}), i) for i in _list(value))


def sort(value, name=None, nils="first"):
    """Jekyll's ``sort``: by a property, nils first (or ``"last"``)."""
    items = _list(value)
    if name is None:
        return sorted(items, key=lambda i: (_kind(i), i if _kind(i) < 2 else _text(i)))
    present = [i for i in items if _property(i, _text(name)) is not None]
    absent = [i for i in items if _property(i, _text(name)) is None]
    present.sort(key=lambda i: _sort_key(_property(i, _text(name))))
    return absent + present if nils != "last" else present + absent


def _kind(value) -> int:
    return 0 if isinstance(value, (int, float)) and not isinstance(value, bool) else 2


def _sort_key(value):
    if isinstance(value, dt.datetime):
        return (1, as_time(value).timestamp(), "")
    if _kind(value) == 0:
        return (0, value, "")
    return (2, 0, _text(value))


def sample(value, count=1):
    """Jekyll's ``sample``, with a fixed seed: the preview shows the same pick every time."""
    items = _list(value)
    picker = random.Random(0)
    if count == 1:
        return picker.choice(items) if items else None
    return picker.sample(items, min(int(count), len(items)))


def pop(value, count=1):
    items = _list(value)
    return items[: max(len(items) - int(count), 0)]


def push(value, item):
    return [*_list(value), item]


def shift(value, count=1):
    return _list(value)[int(count) :]


def unshift(value, item):
    return [item, *_list(value)]


def to_integer(value):
    try:
        return int(float(_text(value)))
    except ValueError:
        return 0


def inspect(value):
    return json.dumps(_plain(value), ensure_ascii=False, default=str)


FILTERS = {
    "date": date,
    "date_to_string": lambda v, kind=None, style=None: _date_string(v, "%b", kind, style),
    "date_to_long_string": lambda v, kind=None, style=None: _date_string(v, "%B", kind, style),
    "date_to_xmlschema": date_to_xmlschema,
    "date_to_rfc822": date_to_rfc822,
    "relative_url": relative_url,
    "absolute_url": absolute_url,
    "slugify": slugify,
    "xml_escape": xml_escape,
    "cgi_escape": cgi_escape,
    "uri_escape": uri_escape,
    "number_of_words": number_of_words,
    "array_to_sentence_string": array_to_sentence_string,
    "markdownify": markdownify,
    "smartify": smartify,
    "jsonify": jsonify,
    "normalize_whitespace": normalize_whitespace,
    "where": where,
    "where_exp": where_exp,
    "find": find,
    "find_exp": find_exp,
    "group_by": group_by,
    "group_by_exp": group_by_exp,
    "sort": sort,
    "sample": sample,
    "pop": pop,
    "push": push,
    "shift": shift,
    "unshift": unshift,
    "to_integer": to_integer,
    "inspect": inspect,
}
