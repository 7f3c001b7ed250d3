"""The doctor's engine: applying fixes together, converging, switching rules off."""

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core.doctor import (
    DoctorConfig,
    Edit,
    Fix,
    all_rules,
    apply_fixes,
    compatible,
    diagnose,
    fix_all_safe,
)
from editor.core.words import QT_TRANSLATE_NOOP, Phrase

pytestmark = pytest.mark.core


# Any worded fix will do: these tests are about the edits.
SAID = Phrase(QT_TRANSLATE_NOOP("doctor", "Remove the marker"))


def _fix(*edits, safe=True):
    return Fix(tuple(edits), safe, SAID)


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


@given(
    st.lists(
        st.lists(
            st.tuples(st.integers(0, 40), st.integers(0, 6)).map(lambda p: Edit(p[0], p[0] + p[1])),
            min_size=1,
            max_size=3,
        ),
        max_size=12,
    )
)
@settings(max_examples=300, deadline=None)
def test_fixes_are_taken_exactly_when_no_edit_clashes_with_one_taken_before(edit_lists):
    """The fast "which fixes fit together" agrees with checking every pair of edits."""

    def clash(a: Edit, b: Edit) -> bool:
        if a.start < b.end and b.start < a.end:
            return True
        if a.start == a.end == b.start == b.end:
            return True
        if a.start == a.end and b.start < a.start < b.end:
            return True
        return b.start == b.end and a.start < b.start < a.end

    fixes = [Fix(tuple(edits), True, SAID) for edits in edit_lists]
    expected, taken = [], []
    for fix in fixes:
        own = list(fix.edits)
        inner = any(clash(a, b) for i, a in enumerate(own) for b in own[:i])
        if not inner and not any(clash(a, b) for a in own for b in taken):
            expected.append(fix)
            taken += own
    assert compatible(fixes) == expected


def test_fix_all_safe_on_twenty_thousand_control_characters_is_linear():
    """Each control character is its own safe fix; taking 20,000 of them used to take 16 s."""
    body = "本文です。\x07" * 20_000
    text = "---\ntitle: t\n---\n" + body
    began = time.monotonic()
    fixed = fix_all_safe(text)
    assert "\x07" not in fixed
    assert fixed.count("本文です。") == 20_000
    assert time.monotonic() - began < 15
