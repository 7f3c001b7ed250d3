"""The doctor's engine: applying fixes together, converging, switching rules off."""

import pytest

from editor.core.doctor import DoctorConfig, Edit, Fix, all_rules, apply_fixes, diagnose

pytestmark = pytest.mark.core


def _fix(*edits, safe=True):
    return Fix(tuple(edits), safe, "d", "d")


def test_fixes_apply_together_from_right_to_left():
    text = "0123456789"
    fixes = [_fix(Edit(1, 2, "AB")), _fix(Edit(5, 7, "")), _fix(Edit(9, 9, "!"))]
    assert apply_fixes(text, fixes) == "0AB23478!9"


def test_a_fix_that_overlaps_an_earlier_one_is_skipped_whole():
    text = "abcdef"
    fixes = [_fix(Edit(1, 3, "X")), _fix(Edit(2, 4, "Y"), Edit(5, 6, "Z"))]
    assert apply_fixes(text, fixes) == "aXdef"


def test_every_rule_can_be_switched_off():
    text = "---\ntitle: 壊れ\ufffd\n---\n\n文章が\n---END---\n続きます。\n"
    assert diagnose(text)
    assert diagnose(text, DoctorConfig(disabled=frozenset(all_rules()))) == []


def test_findings_serialise_with_positions_and_fix():
    text = "前半\n---END---\n後半。\n"
    (finding,) = diagnose(text, DoctorConfig(only=frozenset({"continuation-marker"})))
    data = finding.to_dict()
    assert (data["rule"], data["line"], data["column"]) == ("continuation-marker", 2, 1)
    assert data["fix"]["safe"] is True
    assert data["fix"]["edits"] == [{"start": 2, "end": 13, "replacement": ""}]
    assert finding.message("ja") != finding.message("en")
