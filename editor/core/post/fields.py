"""The blog's front-matter fields: Jekyll dates, tag lists, and validation with codes
(worded in :mod:`editor.core.words`).

Dates follow Jekyll: ``2025-10-25 08:36:32 +0000``; a date without a zone is in the site's
``timezone`` (from ``_config.yml``).  ``categories`` and ``tags`` may be a YAML list or Jekyll's
space-separated string; both read as a list here and are written back in the form the post used.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from editor.core.blog.dates import _parse_any, parse_date, site_zone
from editor.core.blog.keys import BOOL_KEYS, INT_KEYS, KNOWN_KEYS, LIST_KEYS, key_name  # noqa: F401
from editor.core.words import QT_TRANSLATE_NOOP, Marked, Phrase

# Fields the front-matter form shows, in the order the blog writes them.
FORM_KEYS = KNOWN_KEYS
TITLE_HINT = 60
EXCERPT_HINT = 160
SEVERITY_ORDER = {"error": 0, "warning": 1, "hint": 2}

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def as_list(value: Any) -> list[str]:
    """Tags or categories as a list: Jekyll splits a string on whitespace."""
    if value is None:
        return []
    if isinstance(value, str):
        return value.split()
    if isinstance(value, list | tuple):
        return [str(item) for item in value if item is not None]
    return [str(value)]


def list_value_like(old: Any, items: list[str]) -> list[str] | str:
    """``items`` in the form ``old`` used: a space-separated string stays a string if it can."""
    if isinstance(old, str) and all(item and not re.search(r"\s", item) for item in items):
        return " ".join(items)
    return list(items)


@dataclass(frozen=True)
class Problem:
    """One validation finding; the window words it from ``code`` and ``params``."""

    code: str
    key: str | None
    severity: str  # "error", "warning" or "hint"
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def wording(self) -> Phrase:
        """The message, to be read in a language later."""
        return Phrase(MESSAGES[self.code], key=key_name(self.key), **self.params)

    def message(self, lang: str = "en") -> str:
        """The finding worded for the command line, in English or Japanese (``"ja"``)."""
        return self.wording.say(lang)


# code -> English template; the Japanese is in resources/i18n/tsuzuri_core_ja.ts
MESSAGES: dict[str, Marked] = {
    "front-matter-syntax": QT_TRANSLATE_NOOP(
        "fields", "The front matter is not valid YAML: {error} (line {line}, column {column})"
    ),
    "duplicate-key": QT_TRANSLATE_NOOP(
        "fields", "“{key}” appears twice (lines {first} and {last}); Jekyll uses the last one"
    ),
    "front-matter-unclosed": QT_TRANSLATE_NOOP(
        "fields",
        "The front matter opened on line {line} is never closed: add a line with --- after its "
        "last key",
    ),
    "no-front-matter": QT_TRANSLATE_NOOP(
        "fields", "The file has no front matter (--- lines); Jekyll copies it without rendering"
    ),
    "missing-title": QT_TRANSLATE_NOOP("fields", "The post has no title"),
    "bad-date": QT_TRANSLATE_NOOP(
        "fields", "“{value}” is not a date Jekyll can read (use YYYY-MM-DD HH:MM:SS +0900)"
    ),
    "date-out-of-range": QT_TRANSLATE_NOOP(
        "fields",
        "“{value}” is out of range: dates must fall within the years 0001 to 9999 in every "
        "time zone",
    ),
    "replacement-char": QT_TRANSLATE_NOOP(
        "fields", "“{key}” contains U+FFFD (�): a character was cut or lost"
    ),
    "control-char": QT_TRANSLATE_NOOP(
        "fields", "“{key}” contains the invisible control character {char}"
    ),
    "bad-integer": QT_TRANSLATE_NOOP("fields", "“{key}” should be a whole number, not “{value}”"),
    "bad-bool": QT_TRANSLATE_NOOP("fields", "“{key}” should be true or false, not “{value}”"),
    "bad-list": QT_TRANSLATE_NOOP(
        "fields", "“{key}” should be a list or words separated by spaces"
    ),
    "long-title": QT_TRANSLATE_NOOP(
        "fields", "The title is {length} characters; search results show about {limit}"
    ),
    "long-excerpt": QT_TRANSLATE_NOOP(
        "fields", "The excerpt is {length} characters; search results show about {limit}"
    ),
    "date-filename-mismatch": QT_TRANSLATE_NOOP(
        "fields", "The date {date} differs from the file name's date {file_date}"
    ),
}


def validate(
    values: Mapping[str, Any], tz: str | dt.tzinfo | None = None, file_date: dt.date | None = None
) -> list[Problem]:
    """Problems in parsed front-matter values, most serious first."""
    problems: list[Problem] = []
    title = values.get("title")
    if title is None or (isinstance(title, str) and not title.strip()):
        problems.append(Problem("missing-title", "title", "error"))
    elif isinstance(title, str) and len(title) > TITLE_HINT:
        problems.append(
            Problem("long-title", "title", "hint", {"length": len(title), "limit": TITLE_HINT})
        )
    excerpt = values.get("excerpt")
    if isinstance(excerpt, str) and len(excerpt) > EXCERPT_HINT:
        params = {"length": len(excerpt), "limit": EXCERPT_HINT}
        problems.append(Problem("long-excerpt", "excerpt", "hint", params))
    if "date" in values:
        problems += _check_date(values["date"], tz, file_date)
    for key in INT_KEYS:
        value = values.get(key)
        if key in values and value is not None and (type(value) is not int or value < 0):
            problems.append(Problem("bad-integer", key, "warning", {"value": value}))
    for key in BOOL_KEYS:
        value = values.get(key)
        if key in values and not isinstance(value, bool):
            problems.append(Problem("bad-bool", key, "error", {"value": value}))
    for key in LIST_KEYS:
        value = values.get(key)
        if value is not None and not isinstance(value, str | list | tuple):
            problems.append(Problem("bad-list", key, "warning", {}))
        elif isinstance(value, list | tuple) and any(isinstance(v, list | dict) for v in value):
            problems.append(Problem("bad-list", key, "warning", {}))
    for key, value in values.items():
        problems += _check_characters(str(key), value)
    return sorted(problems, key=lambda p: SEVERITY_ORDER[p.severity])


def _check_date(value: Any, tz: Any, file_date: dt.date | None) -> list[Problem]:
    parsed = parse_date(value, tz)
    if parsed is None:
        code = "bad-date" if _parse_any(value, tz) is None else "date-out-of-range"
        return [Problem(code, "date", "error", {"value": value})]
    zone = site_zone(tz)
    local = parsed.astimezone(zone) if zone and parsed.tzinfo else parsed
    if file_date is not None and local.date() != file_date:
        params = {"date": local.date().isoformat(), "file_date": file_date.isoformat()}
        return [Problem("date-filename-mismatch", "date", "warning", params)]
    return []


def _check_characters(key: str, value: Any) -> list[Problem]:
    texts = [value] if isinstance(value, str) else value if isinstance(value, list | tuple) else []
    problems = []
    for text in (t for t in texts if isinstance(t, str)):
        if "\ufffd" in text:
            problems.append(Problem("replacement-char", key, "error", {}))
            break
        control = _CONTROL.search(text)
        if control:
            char = f"U+{ord(control.group(0)):04X}"
            problems.append(Problem("control-char", key, "warning", {"char": char}))
            break
    return problems
