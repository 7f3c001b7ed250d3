"""Dates as Jekyll reads them: the forms it accepts, the site's ``timezone``, the file name.

The one home of these rules: the form, the renderer (``page.date``, ``site.posts``, URLs),
the commands and the doctor all read dates through here.  A date without a zone is in the
site's ``timezone``; a post without ``date:`` has its file name's date at 00:00 in that zone.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

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
    if not 1 <= int(day) <= 31:
        return None
    try:
        # Ruby's Time.parse (and so Jekyll) rolls a day past the month's end over: 02-30 is 03-02.
        result = dt.datetime(
            int(year),
            int(month),
            1,
            int(hour or 0),
            int(minute or 0),
            int(second or 0),
            int((frac or "0").ljust(6, "0")[:6]),
        ) + dt.timedelta(days=int(day) - 1)
    except (ValueError, OverflowError):
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


def zone_or_local(timezone: str | dt.tzinfo | None) -> dt.tzinfo:
    """The zone a site reads dates in: its ``timezone``, else this machine's (as
    ``jekyll build`` does)."""
    return site_zone(timezone) or dt.datetime.now().astimezone().tzinfo


def now_in(timezone: str | dt.tzinfo | None) -> dt.datetime:
    """The current time in the site's zone, to the second."""
    return dt.datetime.now(zone_or_local(timezone)).replace(microsecond=0)
