"""The date field: a zone is taken whole, and an unreadable date is never replaced by today's."""

import pytest

from editor.ui.datefield import DateTimeField

pytestmark = pytest.mark.ui


@pytest.fixture
def field(qtbot):
    widget = DateTimeField()
    qtbot.addWidget(widget)
    emitted: list[str] = []
    widget.edited.connect(emitted.append)
    return widget, emitted


def test_typing_a_zone_emits_once_when_the_writer_leaves_the_box(qtbot, field):
    widget, emitted = field
    widget.set_value("2025-10-25 08:36:32 +0900", "Asia/Tokyo")
    line = widget.zone.lineEdit()
    line.selectAll()
    qtbot.keyClicks(line, "+0530")
    assert emitted == []
    line.editingFinished.emit()
    assert emitted == ["2025-10-25 08:36:32 +0530"]


def test_a_zone_that_is_no_offset_is_refused_with_a_reason(qtbot, field):
    widget, emitted = field
    problems: list[str] = []
    widget.problem.connect(problems.append)
    widget.set_value("2025-10-25 08:36:32 +0900", "Asia/Tokyo")
    widget.zone.lineEdit().setText("+09000")
    widget.zone.lineEdit().editingFinished.emit()
    assert emitted == []
    assert widget.zone.currentText() == "+0900"
    assert problems and "+09000" in problems[0]


def test_a_date_picked_while_the_zone_is_half_typed_keeps_the_last_good_zone(qtbot, field):
    widget, emitted = field
    widget.set_value("2025-10-20 09:00:00 +0900", "Asia/Tokyo")
    widget.zone.lineEdit().setText("+90")
    widget.when.setDateTime(widget.when.dateTime().addDays(3))
    assert emitted == ["2025-10-23 09:00:00 +0900"]


def test_flush_takes_a_zone_still_being_typed(qtbot, field):
    widget, emitted = field
    widget.set_value("2025-10-20 09:00:00 +0900", "Asia/Tokyo")
    assert not widget.flush()  # nothing typed: nothing to take
    widget.zone.lineEdit().selectAll()
    qtbot.keyClicks(widget.zone.lineEdit(), "+0000")
    assert widget.flush()
    assert emitted == ["2025-10-20 09:00:00 +0000"]


def test_an_unreadable_date_is_not_replaced_by_a_zone_change(qtbot, field):
    widget, emitted = field
    widget.set_value("いつか", "Asia/Tokyo")
    widget.zone.lineEdit().setText("+0000")
    widget.zone.lineEdit().editingFinished.emit()
    assert emitted == []


def test_leaving_an_untouched_zone_box_reports_nothing(qtbot, field):
    widget, emitted = field
    widget.zone.lineEdit().editingFinished.emit()  # an empty form, focus passing through
    widget.set_value("2025-10-20 09:00:00 +0900", "Asia/Tokyo")
    widget.zone.lineEdit().editingFinished.emit()
    assert emitted == []
