"""Findings of an older text carried through the writer's edits since (the window's doctor)."""

from __future__ import annotations

from editor.core.doctor import Edit, Finding, Fix
from editor.core.doctor.carry import Carry
from editor.core.words import QT_TRANSLATE_NOOP, Phrase

SAID = Phrase(QT_TRANSLATE_NOOP("doctor", "Remove the marker"))


def _finding(start: int, end: int, fix: Fix | None = None, related=()) -> Finding:
    return Finding("markers", "marker", "error", 1, 1, start, end, SAID, fix, related)


def test_a_finding_before_every_edit_stays_as_it_was():
    finding = _finding(2, 5, Fix((Edit(2, 5, ""),), True, SAID), related=((0, 1),))
    carried = Carry([(1, 10, 0, "あいう")]).finding(finding)
    assert carried is finding


def test_a_finding_after_an_edit_moves_with_the_text_and_keeps_its_fix():
    text = "前置き。---END---の後"
    finding = _finding(4, 13, Fix((Edit(4, 13, ""),), True, SAID), related=((0, 3),))
    carried = Carry([(1, 0, 0, "追記、")]).finding(finding)
    now = "追記、" + text
    assert now[carried.start : carried.end] == "---END---"
    assert carried.fix is not None and carried.fix.edits == (Edit(7, 16, ""),)
    assert carried.related == ((3, 6),)


def test_a_fix_the_writer_typed_into_is_left_out():
    finding = _finding(4, 13, Fix((Edit(4, 13, ""),), True, SAID))
    carried = Carry([(1, 6, 0, "x")]).finding(finding)
    assert carried.fix is None and (carried.start, carried.end) == (4, 14)
