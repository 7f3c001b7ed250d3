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


def test_a_half_typed_zone_is_not_written(qtbot, field):
    widget, emitted = field
    widget.set_value("2025-10-25 08:36:32 +0900", "Asia/Tokyo")
    widget.zone.lineEdit().setText("+09000")
    widget.zone.lineEdit().editingFinished.emit()
    assert emitted == []


def test_an_unreadable_date_is_not_replaced_by_a_zone_change(qtbot, field):
    widget, emitted = field
    widget.set_value("いつか", "Asia/Tokyo")
    widget.zone.lineEdit().setText("+0000")
    widget.zone.lineEdit().editingFinished.emit()
    assert emitted == []
