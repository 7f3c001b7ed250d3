"""The blog's front-matter fields: Jekyll dates, tag lists, and validation with codes.

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
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# Fields the front-matter form shows, in the order the blog writes them.
FORM_KEYS = ("layout", "title", "date", "categories", "tags", "author", "excerpt", "reading_time")
LIST_KEYS = ("categories", "tags")
INT_KEYS = ("reading_time",)
BOOL_KEYS = ("published",)
TITLE_HINT = 60
EXCERPT_HINT = 160
SEVERITY_ORDER = {"error": 0, "warning": 1, "hint": 2}

_DATE = re.compile(
    r"^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})"
    r"(?:(?P<sep>[Tt]|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?"
    r"(?P<zsp>\s*)(?P<zone>[A-Z]{1,4}|[+-]\d{2}(?::?\d{2})?)?\s*$"
)
# Zone names Ruby's Time.parse (and so Jekyll) understands that a blog is likely to use.
_ZONE_NAMES = {"Z": 0, "UT": 0, "UTC": 0, "GMT": 0, "JST": 9, "KST": 9, "EST": -5, "EDT": -4}
_ZONE_NAMES |= {"CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7}
# Forms like "Oct 25 2025" that Time.parse also reads (midnight in the site's zone).  Month
# names are English whatever the locale, so no strptime.
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WORDY = (
    re.compile(r"^\s*(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})\s*$"),
    re.compile(r"^\s*(?P<day>\d{1,2})\s+(?P<month>[A-Za-z]{3,9})\.?,?\s+(?P<year>\d{4})\s*$"),
)
# Python's datetime ends at years 1 and 9999; a day's margin keeps every time-zone conversion
# of an accepted date inside (zone offsets are under a day).
_EARLIEST = dt.datetime(1, 1, 2)
_LATEST = dt.datetime(9999, 12, 30, 23, 59, 59, 999999)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def site_zone(name: str | dt.tzinfo | None) -> dt.tzinfo | None:
    """The tzinfo for a ``timezone`` setting such as ``Asia/Tokyo`` (``None`` if unknown)."""
    if name is None or isinstance(name, dt.tzinfo):
        return name
    try:
        return ZoneInfo(str(name))
    except (ZoneInfoNotFoundError, ValueError):
        return None


def parse_date(value: Any, tz: str | dt.tzinfo | None = None) -> dt.datetime | None:
    """A front-matter date as a datetime, or ``None`` when it is not one Jekyll would read.

    Text or a date without a zone is in ``tz`` (the site's ``timezone``; without ``tz`` the
    result stays naive).  A naive ``datetime`` is what YAML gives for an unquoted
    ``2025-01-04 23:30:00``: Jekyll (through Ruby's YAML) reads that as UTC, and so do we.
    A date too close to year 1 or 9999 to show in every time zone is ``None`` too.
    """
    result = _parse_any(value, tz)
    return result if result is not None and _in_range(result) else None


def _in_range(value: dt.datetime) -> bool:
    """True when ``value`` is at least a day inside Python's years 1 to 9999 (in UTC), so that
    showing it in any time zone cannot overflow."""
    try:
        utc = value.replace(tzinfo=None) - (value.utcoffset() or dt.timedelta(0))
    except OverflowError:
        return False
    return _EARLIEST <= utc <= _LATEST


def _parse_any(value: Any, tz: str | dt.tzinfo | None) -> dt.datetime | None:
    zone = site_zone(tz)
    if isinstance(value, dt.datetime):
        result = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    elif isinstance(value, dt.date):
        result = dt.datetime(value.year, value.month, value.day)
    elif isinstance(value, str):
        result = _parse_text(value)
        if result is None:
            return None
    else:
        return None
    if result.tzinfo is None and zone is not None:
        result = result.replace(tzinfo=zone)
    return result


def _parse_text(text: str) -> dt.datetime | None:
    match = _DATE.match(text)
    if not match:
        return _parse_wordy(text)
    year, month, day, _sep, hour, minute, second, frac = match.groups()[:8]
    try:
        result = dt.datetime(
            int(year),
            int(month),
            int(day),
            int(hour or 0),
            int(minute or 0),
            int(second or 0),
            int((frac or "0").ljust(6, "0")[:6]),
        )
    except ValueError:
        return None
    zone = match.group("zone")
    if zone and zone[0].isalpha():
        if zone not in _ZONE_NAMES:
            return None
        hours = _ZONE_NAMES[zone]
        return result.replace(
            tzinfo=dt.UTC if hours == 0 else dt.timezone(dt.timedelta(hours=hours))
        )
    if zone:
        digits = zone[1:].replace(":", "").ljust(4, "0")
        offset = dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        if offset >= dt.timedelta(hours=24):
            return None
        return result.replace(tzinfo=dt.timezone(-offset if zone[0] == "-" else offset))
    return result


def _parse_wordy(text: str) -> dt.datetime | None:
    for pattern in _WORDY:
        match = pattern.match(text)
        month = match.group("month").lower()[:3] if match else ""
        if month in _MONTHS:
            try:
                return dt.datetime(
                    int(match.group("year")), _MONTHS.index(month) + 1, int(match.group("day"))
                )
            except ValueError:
                return None
    return None


def format_date(value: dt.datetime | dt.date, like: str | None = None) -> str:
    """Jekyll's ``YYYY-MM-DD HH:MM:SS +ZZZZ``, or the form ``like`` (an old value) was written in."""
    if not isinstance(value, dt.datetime):
        return value.isoformat()
    shape = _DATE.match(like) if like else None
    if shape and shape.group(5) is None and value.time() == dt.time(0) and value.tzinfo is None:
        return value.date().isoformat()
    sep = "T" if shape and shape.group("sep") in ("T", "t") else " "
    seconds = not shape or shape.group(5) is None or shape.group(7) is not None
    text = value.strftime("%Y-%m-%d") + sep + value.strftime("%H:%M:%S" if seconds else "%H:%M")
    if value.tzinfo is None:
        return text
    zone = value.strftime("%z")
    old_zone = shape.group("zone") if shape else None
    if old_zone and ":" in old_zone:
        zone = zone[:3] + ":" + zone[3:]
    elif old_zone == "Z" and value.utcoffset() == dt.timedelta(0):
        zone = "Z"
    space = shape.group("zsp") if shape and old_zone else " "
    return text + space + zone


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

    def message(self, lang: str = "en") -> str:
        """The finding worded for the command line, in English or Japanese (``"ja"``)."""
        english, japanese = MESSAGES[self.code]
        return (japanese if lang == "ja" else english).format(key=self.key, **self.params)


MESSAGES: dict[str, tuple[str, str]] = {
    "front-matter-syntax": (
        "The front matter is not valid YAML: {error} (line {line}, column {column})",
        "フロントマターの YAML が正しくありません: {error}（{line} 行 {column} 列）",
    ),
    "duplicate-key": (
        "“{key}” appears twice (lines {first} and {last}); Jekyll uses the last one",
        "「{key}」が 2 回あります（{first} 行と {last} 行）。Jekyll は後の方を使います",
    ),
    "front-matter-unclosed": (
        "The front matter opened on line {line} is never closed: add a line with --- after its "
        "last key",
        "{line} 行目で始まるフロントマターが閉じられていません。最後のキーの後に --- の行を"
        "加えてください",
    ),
    "no-front-matter": (
        "The file has no front matter (--- lines); Jekyll copies it without rendering",
        "フロントマター（--- の行）がありません。Jekyll は変換せずにそのままコピーします",
    ),
    "missing-title": ("The post has no title", "タイトルがありません"),
    "bad-date": (
        "“{value}” is not a date Jekyll can read (use YYYY-MM-DD HH:MM:SS +0900)",
        "「{value}」は Jekyll が読める日付ではありません（YYYY-MM-DD HH:MM:SS +0900 の形で）",
    ),
    "date-out-of-range": (
        "“{value}” is out of range: dates must fall within the years 0001 to 9999 in every "
        "time zone",
        "「{value}」は扱える範囲外の日付です。どのタイムゾーンでも 0001 年から 9999 年の間にしてください",
    ),
    "replacement-char": (
        "“{key}” contains U+FFFD (�): a character was cut or lost",
        "「{key}」に U+FFFD（�）があります。文字が途中で切れたか失われています",
    ),
    "control-char": (
        "“{key}” contains the invisible control character {char}",
        "「{key}」に見えない制御文字 {char} があります",
    ),
    "bad-integer": (
        "“{key}” should be a whole number, not “{value}”",
        "「{key}」は整数にしてください（今は「{value}」）",
    ),
    "bad-bool": (
        "“{key}” should be true or false, not “{value}”",
        "「{key}」は true か false にしてください（今は「{value}」）",
    ),
    "bad-list": (
        "“{key}” should be a list or words separated by spaces",
        "「{key}」はリストか、スペース区切りの語にしてください",
    ),
    "long-title": (
        "The title is {length} characters; search results show about {limit}",
        "タイトルが {length} 文字あります。検索結果に出るのは {limit} 文字ほどです",
    ),
    "long-excerpt": (
        "The excerpt is {length} characters; search results show about {limit}",
        "抜粋が {length} 文字あります。検索結果に出るのは {limit} 文字ほどです",
    ),
    "date-filename-mismatch": (
        "The date {date} differs from the file name's date {file_date}",
        "日付 {date} がファイル名の日付 {file_date} と違います",
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
