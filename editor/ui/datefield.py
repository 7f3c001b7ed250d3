"""A date-and-time field with a time zone, showing exactly what the post's front matter says."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QHBoxLayout, QWidget

_DATE = re.compile(
    r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?\s*$"
)
ZONES = ["+0900", "+0000", "-0500", "-0800", "+0100", "+0800"]


def parse_date(value) -> tuple[dt.datetime, str | None] | None:
    """(naive datetime, zone text or None) from a front-matter date value; None if unreadable."""
    if isinstance(value, dt.datetime):
        zone = value.strftime("%z") or None
        return value.replace(tzinfo=None), zone
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day), None
    match = _DATE.match(str(value or ""))
    if not match:
        return None
    y, mo, d, h, mi, s, zone = match.groups()
    try:
        when = dt.datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0))
    except ValueError:
        return None
    if zone == "Z":
        zone = "+0000"
    return when, zone.replace(":", "") if zone else None


def format_date(when: dt.datetime, zone: str) -> str:
    """Jekyll's format: ``2025-10-25 08:36:32 +0900``."""
    return f"{when:%Y-%m-%d %H:%M:%S} {zone}"


def zone_of(tz: dt.tzinfo | None, when: dt.datetime) -> str:
    if tz is None:
        return "+0000"
    offset = tz.utcoffset(when) or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"


class DateTimeField(QWidget):
    """Emits ``edited(text)`` with the date in Jekyll's format when the writer changes it."""

    edited = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.when = QDateTimeEdit()
        self.when.setObjectName("dateTime")
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
        self.zone = QComboBox()
        self.zone.setObjectName("dateZone")
        self.zone.setEditable(True)
        self.zone.addItems(ZONES)
        layout.addWidget(self.when, 1)
        layout.addWidget(self.zone)
        self._loading = False
        self.when.dateTimeChanged.connect(self._on_changed)
        self.zone.currentTextChanged.connect(self._on_changed)

    def set_value(self, value, default_zone: dt.tzinfo | None) -> None:
        parsed = parse_date(value) if value is not None else None
        self._loading = True
        try:
            if parsed is None:
                when, zone = dt.datetime.now().replace(microsecond=0), None
            else:
                when, zone = parsed
            self.when.setDateTime(QDateTime(when))
            self.zone.setEditText(zone or zone_of(default_zone, when))
        finally:
            self._loading = False

    def text(self) -> str:
        when = self.when.dateTime().toPython().replace(microsecond=0)
        return format_date(when, self.zone.currentText().strip() or "+0000")

    def _on_changed(self, *_args) -> None:
        if not self._loading:
            self.edited.emit(self.text())
