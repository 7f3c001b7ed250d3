"""A date-and-time field with a time zone, for the post's ``date``."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QToolButton,
    QWidget,
)

from editor.core.blog import dates, posts

_YEAR_FIRST = re.compile(r"^y+([^dMy]*)")


def head_as_the_locale_writes(calendar: QCalendarWidget) -> None:
    """Put the year before the month in the calendar's header where the language writes dates
    year first, with its year word (2025年 10月, not 10月 2025).  Qt lays out the month button,
    then the year button, whatever the language; their object names are Qt's documented ones.
    The year's spin box is left alone: Qt reads the year back from its text."""
    locale = calendar.locale()
    found = _YEAR_FIRST.match(locale.dateFormat(locale.FormatType.LongFormat))
    bar = calendar.findChild(QWidget, "qt_calendar_navigationbar")
    month = calendar.findChild(QToolButton, "qt_calendar_monthbutton")
    year = calendar.findChild(QToolButton, "qt_calendar_yearbutton")
    if found is None or None in (bar, month, year):
        return
    layout = bar.layout()
    layout.removeWidget(month)
    layout.insertWidget(layout.indexOf(year) + 1, month)
    word = found.group(1).strip()

    def name_year(shown: int, _month: int = 0) -> None:
        year.setText(f"{shown}{word}")

    calendar.currentPageChanged.connect(name_year)  # after Qt has written the bare year
    name_year(calendar.yearShown())


_ZONE = re.compile(r"[+-](?:[01]\d|2[0-3]):?[0-5]\d|Z")
ZONES = ["+0900", "+0000", "+0100", "+0800", "-0500", "-0800"]


class TypedDateTimeEdit(QDateTimeEdit):
    """A date-time box that takes a whole date and time typed in one go, separators included.

    Qt moves to the next section when one is full, and again on the separator typed after it,
    which skipped a section ("07:00" put 00 in the seconds); a separator right after such a
    move is taken as already done.  With all the text selected, typing starts at the year.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._moved_on = False

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        typed = event.text()
        edit = self.lineEdit()
        if typed.isdigit() and edit.hasSelectedText() and edit.selectedText() == edit.text():
            self.setSelectedSection(self.sectionAt(0))
        if typed and not typed.isdigit() and typed.isprintable() and self._moved_on:
            self._moved_on = False
            event.accept()
            return
        before = self.currentSectionIndex()
        super().keyPressEvent(event)
        if typed:  # a modifier alone (the Shift of ":") changes nothing
            self._moved_on = typed.isdigit() and self.currentSectionIndex() != before

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._moved_on = False
        super().focusInEvent(event)


class DateTimeField(QWidget):
    """Emits ``edited(text)`` with the date in Jekyll's format when the writer changes it.

    It shows the moment in the zone the post wrote it in (a zoneless date in the site's zone).
    """

    edited = Signal(str)
    problem = Signal(str)  # something the writer typed was not taken, and why

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.when = TypedDateTimeEdit()
        self.when.setObjectName("dateTime")
        self.when.setCalendarPopup(True)
        head_as_the_locale_writes(self.when.calendarWidget())
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
        self.zone = QComboBox()
        self.zone.setObjectName("dateZone")
        self.zone.setEditable(True)
        self.zone.addItems(ZONES)
        self.zone.setToolTip(self.tr("UTC offset, e.g. +0900 for Japan"))
        layout.addWidget(self.when, 1)
        layout.addWidget(self.zone)
        self._loading = False
        self._readable = True
        self._placeholder: dt.datetime | None = None  # shown for a post without a date
        self._last_emitted = ""
        self._valid_zone = "+0000"
        self.when.dateTimeChanged.connect(self._on_when_changed)
        # The zone is taken when the writer picks one or leaves the box, never mid-typing.
        self.zone.activated.connect(self._on_zone_changed)
        self.zone.lineEdit().editingFinished.connect(self._on_zone_changed)
        self._last_emitted = self.text()  # nothing to report until the writer changes something
        self._zone_taken = self._zone_text()

    def set_value(self, value, timezone: str | None, path: Path | None = None) -> None:
        """Show the date a post has: its ``date:`` (text, date or datetime) in the zone it was
        written in, else the date its file name at ``path`` gives it at 00:00 in the site's
        zone (as Jekyll dates it).  An unreadable date, or none at all, shows the moment the
        post was first shown here, and it stays put while the writer edits other fields."""
        parsed = dates.parse_date(value, timezone) if value is not None else None
        if parsed is None and value is None and path is not None:
            parsed = posts.post_date(None, path, timezone)
        self._readable = parsed is not None
        if parsed is None:
            if self._placeholder is None:
                self._placeholder = dates.now_in(timezone)
            parsed = self._placeholder
        else:
            self._placeholder = None
        if parsed.tzinfo is None:
            parsed = parsed.astimezone()
        self._loading = True
        try:
            self.when.setDateTime(QDateTime(parsed.replace(tzinfo=None)))
            self.zone.setEditText(parsed.strftime("%z"))
        finally:
            self._loading = False
        self._valid_zone = self._zone_taken = self._zone_text()
        self._last_emitted = self.text()

    def _emit(self) -> None:
        self._zone_taken = self._zone_text()
        self._last_emitted = self.text()
        self._valid_zone = self._zone_text()
        self.edited.emit(self._last_emitted)

    def _zone_text(self) -> str:
        return self.zone.currentText().strip()

    def text(self) -> str:
        """The shown moment as ``YYYY-MM-DD HH:MM:SS +ZZZZ``; a zone being typed that is not yet
        an offset counts as the last good one."""
        when = self.when.dateTime().toPython().replace(microsecond=0)
        zone = self._zone_text() if self.zone_is_valid() else self._valid_zone
        return f"{when:%Y-%m-%d %H:%M:%S} {zone or '+0000'}"

    def zone_is_valid(self) -> bool:
        return bool(_ZONE.fullmatch(self._zone_text()))

    def flush(self) -> bool:
        """Take a zone still being typed (before a save or leaving); True if the date changed."""
        if self._zone_text() == self._zone_taken:
            return False  # nothing new in the zone box (the completer resets isModified())
        before = self._last_emitted
        self._on_zone_changed()
        return self._last_emitted != before

    def _on_when_changed(self, *_args) -> None:
        # Picking a date replaces an unreadable one on purpose.
        if not self._loading:
            self._readable = True
            self._emit()

    def _on_zone_changed(self, *_args) -> None:
        if self._loading:
            return
        if not self.zone_is_valid():
            typed = self._zone_text()
            self._loading = True
            self.zone.setEditText(self._valid_zone)  # back to the last good offset
            self._zone_taken = self._valid_zone
            self._loading = False
            self.problem.emit(
                self.tr(
                    "“{typed}” is not a UTC offset such as +0900; the date keeps {zone}"
                ).format(typed=typed, zone=self._valid_zone)
            )
            return
        # A zone alone never turns an unreadable date into today's date.
        if self._readable and self.text() != self._last_emitted:
            self._emit()
