"""Code points vs UTF-16 columns, and offsets to lines across line endings."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editor.core.text.textpos import (
    LineIndex,
    Utf16Offsets,
    code_point_column,
    utf16_column,
    utf16_length,
)

pytestmark = pytest.mark.ui


def test_astral_characters_take_two_utf16_units():
    line = "𠮷野家の🍚です"
    assert utf16_length(line) == len(line) + 2
    assert utf16_column(line, 3) == 4  # after 𠮷野家
    assert code_point_column(line, 4) == 3
    for column in range(len(line) + 1):
        assert code_point_column(line, utf16_column(line, column)) == column


def test_line_index_counts_crlf_cr_and_lf_as_one_break():
    text = "一\r\n二\r三\n四"
    index = LineIndex(text)
    assert index.line_col(text.index("二")) == (1, 0)
    assert index.line_col(text.index("三")) == (2, 0)
    assert index.line_col(text.index("四")) == (3, 0)
    assert index.line_col(len(text)) == (3, 1)


def test_whole_text_offsets_go_both_ways_past_astral_characters():
    from editor.core.text.textpos import Utf16Offsets

    text = "a𠮷b🍚🍚c"
    offsets = Utf16Offsets(text)
    assert offsets.has_astral and not Utf16Offsets("漢字").has_astral
    for offset in range(len(text) + 1):
        position = offsets.utf16(offset)
        assert position == utf16_length(text[:offset])
        assert offsets.code_point(position) == offset
    assert offsets.code_point(2) == 1  # inside 𠮷's surrogate pair: that character


@given(
    text=st.text(st.sampled_from(list("ab漢\n") + ["😀", "𠮷"]), max_size=30),
    where=st.floats(0, 1),
    span=st.integers(0, 6),
    added=st.text(st.sampled_from(list("c字") + ["🎉"]), max_size=5),
)
def test_offsets_after_an_edit_are_those_of_the_edited_text(text, where, span, added):
    first = int(where * len(text))
    last = min(len(text), first + span)
    edited = text[:first] + added + text[last:]
    moved, fresh = Utf16Offsets(text).replaced(first, last, added), Utf16Offsets(edited)
    assert moved.count == fresh.count == utf16_length(edited) - len(edited)
    for offset in range(len(edited) + 1):
        assert moved.utf16(offset) == fresh.utf16(offset) == utf16_length(edited[:offset])
        assert moved.code_point(moved.utf16(offset)) == offset
