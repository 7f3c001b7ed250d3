"""Writing aids over plain text: Enter on lists and quotes, Tab and Shift+Tab, bold, italic,
links, headings and Japanese brackets."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editor.core.text.markup import (
    Edit,
    closing_for,
    continue_list,
    indent,
    looks_like_url,
    make_link,
    outdent,
    paste_address,
    set_heading,
    steps_over,
    toggle_wrap,
)
from editor.core.text.outline import headings

pytestmark = pytest.mark.core


def press_enter(line: str, column: int | None = None) -> tuple[str, int]:
    """The line after Enter, and the caret; a plain Enter where the aid stays out of it."""
    column = len(line) if column is None else column
    edit = continue_list(line, column)
    if edit is None:
        return line[:column] + "\n" + line[column:], column + 1
    return edit.apply(line), edit.cursor


def marked(text: str) -> tuple[str, int, int]:
    """``text`` with ``[`` and ``]`` marking the selection (or ``|`` the caret)."""
    if "|" in text:
        at = text.index("|")
        return text.replace("|", "", 1), at, at
    start = text.index("[")
    end = text.index("]", start) - 1
    return text[:start] + text[start + 1 : end + 1] + text[end + 2 :], start, end


def shown(text: str, edit: Edit) -> str:
    """The new text with the selection marked as in :func:`marked`."""
    new = edit.apply(text)
    low, high = sorted((edit.anchor, edit.cursor))
    if low == high:
        return new[:low] + "|" + new[low:]
    return new[:low] + "[" + new[low:high] + "]" + new[high:]


@pytest.mark.parametrize(
    ("line", "after"),
    [
        ("- 買い物", "- 買い物\n- |"),
        ("* item", "* item\n* |"),
        ("+ item", "+ item\n+ |"),
        ("1. 最初", "1. 最初\n2. |"),
        ("9) nine", "9) nine\n10) |"),
        ("- [x] 済み", "- [x] 済み\n- [ ] |"),
        ("- [ ] todo", "- [ ] todo\n- [ ] |"),
        ("> 引用の文", "> 引用の文\n> |"),
        ("> - 引用の中のリスト", "> - 引用の中のリスト\n> - |"),
        ("    - 深い項目", "    - 深い項目\n    - |"),
        ("\t1. tab", "\t1. tab\n\t2. |"),
    ],
)
def test_enter_at_the_end_of_an_item_starts_the_next_one(line, after):
    text, cursor = press_enter(line)
    assert text[:cursor] + "|" + text[cursor:] == after


@pytest.mark.parametrize(
    ("line", "after"),
    [
        ("- ", "|"),
        ("3. ", "|"),
        ("- [ ] ", "|"),
        ("> ", "|"),
        ("> - ", "> |"),
        ("  - ", "|"),
    ],
)
def test_enter_on_an_empty_item_ends_the_list(line, after):
    text, cursor = press_enter(line)
    assert text[:cursor] + "|" + text[cursor:] == after


def test_enter_in_the_middle_of_an_item_carries_the_rest_to_the_next_item():
    line = "- 東京 大阪"
    text, cursor = press_enter(line, line.index(" 大阪"))
    assert text[:cursor] + "|" + text[cursor:] == "- 東京\n- |大阪"


@pytest.mark.parametrize(
    "line",
    [
        "ただの文。",
        "　- 全角スペースで字下げした文",  # a Japanese paragraph indent is prose, not a list
        "-　全角スペースの後",  # kramdown needs an ASCII space after the marker
        "**太字**で始まる文",
        "---",
        "* * *",
        "- - -",
        "# 見出し",
        "-",
    ],
)
def test_enter_on_prose_is_a_plain_line_break(line):
    assert continue_list(line, len(line)) is None


def test_enter_inside_the_marker_is_a_plain_line_break():
    assert continue_list("- item", 1) is None


_items = st.sampled_from(["- ", "* ", "1. ", "12) ", "> ", "- [ ] ", "  - ", "> 1. "])
_words = st.text(
    alphabet=st.sampled_from("あいう漢字カナ abc123「」、。　"), min_size=1, max_size=20
).filter(lambda s: s.strip(" \t\u3000"))


@given(_items, _words, st.data())
def test_enter_never_loses_or_reorders_a_character(marker, words, data):
    line = marker + words
    column = data.draw(st.integers(min_value=0, max_value=len(line)))
    text, cursor = press_enter(line, column)
    assert 0 <= cursor <= len(text)
    # What was before the caret is still before it, what was after it is still after it,
    # apart from spaces around the break.
    assert (
        text[:cursor].replace("\n", "").replace(" ", "").startswith(line[:column].replace(" ", ""))
    )
    assert text[cursor:].lstrip(" ") == line[column:].lstrip(" ")


@given(st.lists(_words, min_size=1, max_size=5), st.data())
def test_prose_lines_never_change_on_enter(lines, data):
    for line in lines:
        if line.lstrip(" \t")[:1] in "-*+>0123456789":
            continue
        column = data.draw(st.integers(min_value=0, max_value=len(line)))
        assert continue_list(line, column) is None


# -- Tab and Shift+Tab --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("- one\n- tw|o", "- one\n  - tw|o"),
        ("1. one\n2. tw|o", "1. one\n   2. tw|o"),
        ("- one\n  - two\n  - thr|ee", "- one\n  - two\n    - thr|ee"),
        ("- one\n\t- tw|o", "- one\n\t\t- tw|o"),
        ("- [one\n- two]\n- three", "  - [one\n  - two]\n- three"),
        ("[- one\n- two]\n- three", "[  - one\n  - two]\n- three"),
        ("[段落\nもう一つ]", "[    段落\n    もう一つ]"),
    ],
)
def test_tab_indents_list_items(before, after):
    text, start, end = marked(before)
    edit = indent(text, start, end)
    assert edit is not None
    assert shown(text, edit) == after


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("- one\n  - tw|o", "- one\n- tw|o"),
        ("1. one\n   2. tw|o", "1. one\n2. tw|o"),
        ("- a\n  - b\n    - |c", "- a\n  - b\n  - |c"),
        ("  [- one\n  - two]", "[- one\n- two]"),
        ("[　字下げ\n    - item]", "[　字下げ\n  - item]"),  # the full-width indent stays
    ],
)
def test_shift_tab_outdents_list_items(before, after):
    text, start, end = marked(before)
    edit = outdent(text, start, end)
    assert edit is not None
    assert shown(text, edit) == after


@pytest.mark.parametrize("text", ["ただの文", "　字下げした文", "- 余白のない項目"])
def test_shift_tab_with_nothing_to_outdent_does_nothing(text):
    assert outdent(text, 2, 2) is None


def test_tab_in_prose_types_a_tab():
    assert indent("ただの文", 2, 2) is None
    assert indent("\n\n- a", 0, 2) is None  # blank lines selected: nothing to indent


@given(
    st.lists(
        st.sampled_from(["- a", "  - b", "    - e", "1. c", "> q", "  > z", "", "　和文", "text"]),
        min_size=1,
    ),
    st.data(),
)
def test_indent_then_outdent_gives_back_the_text(lines, data):
    text = "\n".join(lines)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    edit = indent(text, start, end)
    if edit is None:
        return
    new = edit.apply(text)
    # Shift+Tab takes back exactly what Tab added, no level more or less.
    back = outdent(new, edit.anchor, edit.cursor)
    assert back is not None
    assert back.apply(new) == text


@pytest.mark.parametrize(
    "before",
    [
        "- a\n  - |x",  # nested already, nothing at its depth above
        "- a\n  - b\n    - |c",
        "1. a\n   1. |b",
        "- a\n- |b",
        "- |a",
        "- a\n\t- |b",
    ],
)
def test_shift_tab_takes_back_one_tab(before):
    text, start, end = marked(before)
    tabbed = indent(text, start, end)
    assert tabbed is not None
    moved = tabbed.apply(text)
    assert moved != text
    back = outdent(moved, tabbed.anchor, tabbed.cursor)
    assert back is not None
    assert shown(moved, back) == before


# -- bold, italic, links, headings --------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "marker", "after"),
    [
        ("これは[重要]です", "**", "これは**[重要]**です"),
        ("これは**[重要]**です", "**", "これは[重要]です"),
        ("これは[**重要**]です", "**", "これは[重要]です"),
        ("[word ]next", "**", "**[word]** next"),
        ("一[　全角　]二", "*", "一　*[全角]*　二"),
        ("a|b", "**", "a**|**b"),
        ("a**|**b", "**", "a|b"),
        ("**[bold]**", "*", "***[bold]***"),
        ("***[both]***", "*", "**[both]**"),
        ("***[both]***", "**", "*[both]*"),
        ("*[it]*", "**", "***[it]***"),
        # Two bold words selected together are not one bold span: the whole becomes bold.
        ("[**a** と **b**]", "**", "**[a と b]**"),
        ("[*a* と *b*]", "*", "*[a と b]*"),
        ("[a **b** c]", "**", "**[a b c]**"),
        ("[a *b* c]", "**", "**[a *b* c]**"),
        ("[***both***]", "*", "[**both**]"),
        ("[2*3]", "*", "*[2*3]*"),  # a lone asterisk is the writer's
        ("[*2*3*]", "*", "[2*3]"),
    ],
)
def test_bold_and_italic_wrap_and_unwrap(before, marker, after):
    text, start, end = marked(before)
    assert shown(text, toggle_wrap(text, start, end, marker)) == after


@given(
    st.text(alphabet=st.sampled_from("漢字かなab *　"), max_size=15),
    st.sampled_from(["*", "**"]),
    st.data(),
)
def test_wrapping_twice_gives_back_the_text(text, marker, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    once = toggle_wrap(text, start, end, marker)
    wrapped = once.apply(text)
    assert wrapped.replace("*", "") == text.replace("*", "")
    twice = toggle_wrap(wrapped, once.anchor, once.cursor, marker)
    if "*" not in text:
        assert twice.apply(wrapped) == text


@pytest.mark.parametrize(
    ("before", "url", "after"),
    [
        ("[Jekyll] の説明", "https://jekyllrb.com/", "[Jekyll](https://jekyllrb.com/)| の説明"),
        ("[Jekyll] の説明", "", "[Jekyll](|) の説明"),
        ("前|後", "https://example.com", "前[|](https://example.com)後"),
        ("[a]", "https://example.com/a b(c", "[a](https://example.com/a%20b%28c)|"),
    ],
)
def test_ctrl_k_makes_a_link(before, url, after):
    text, start, end = marked(before)
    assert shown(text, make_link(text, start, end, url)) == after


@pytest.mark.parametrize("link", ["[記事](http://old.example)", "[記事]()"])
def test_an_address_pasted_over_a_whole_link_replaces_its_address(link):
    text = f"前 {link} 後"
    start = text.index(link)
    edit = paste_address(text, start, start + len(link), "https://new.example/")
    assert shown(text, edit) == "前 [記事](https://new.example/)| 後"


def test_an_address_pasted_over_words_links_them():
    text, start, end = marked("前 [記事] 後")
    edit = paste_address(text, start, end, " https://new.example/ ")
    assert shown(text, edit) == "前 [記事](https://new.example/)| 後"


def test_ctrl_k_on_a_whole_link_gives_its_text_back():
    text = "見て [Jekyll](https://jekyllrb.com/) を"
    start = text.index("[")
    edit = make_link(text, start, text.index(")") + 1, "https://example.com")
    assert edit.apply(text) == "見て Jekyll を"
    assert (edit.anchor, edit.cursor) == (start, start + len("Jekyll"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://example.com/記事?a=1", True),
        ("  http://example.com  ", True),
        ("mailto:a@example.com", True),
        ("example.com", False),
        ("https://example.com and more", False),
        ("ふつうの文", False),
    ],
)
def test_what_counts_as_an_address(text, expected):
    assert looks_like_url(text) is expected


@pytest.mark.parametrize(
    ("line", "level", "after"),
    [
        ("はじめに", 2, "## はじめに"),
        ("## はじめに", 2, "はじめに"),
        ("## はじめに", 1, "# はじめに"),
        ("###", 3, ""),
    ],
)
def test_headings_toggle(line, level, after):
    assert set_heading(line, level).apply(line) == after


@pytest.mark.parametrize(
    ("line", "after"),
    [
        ("   ## 見出し", "## 見出し"),  # a paragraph to kramdown: its marks are not taken away
        ("#タグ", "## #タグ"),  # no blank after the mark: a paragraph
        ("## ", ""),  # the empty heading Ctrl+2 starts
    ],
)
def test_a_heading_is_what_kramdown_reads_as_one(line, after):
    edit = set_heading(line, 2)
    assert edit is not None
    new = edit.apply(line)
    assert new == after
    # The outline (kramdown's headings) agrees: an h2 now, or no heading when toggled off.
    wanted = [(2, "見出し" if "見出し" in line else "#タグ")] if after else []
    assert [(h.level, h.text) for h in headings(new)] == wanted


def test_indented_code_is_not_made_a_heading():
    assert set_heading("    code", 2) is None
    assert set_heading("\tcode", 2) is None


# -- Japanese brackets --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "following", "closer"),
    [
        ("「", "", "」"),
        ("『", " ", "』"),
        ("（", "。", "）"),
        ("【", "", "】"),
        ("「", "」", "」"),
        ("「", "漢", None),  # before a word: only opens
        ("漢字", "", None),
        ("「漢字", "", None),
        ("(", "", None),
        ("", "", None),
    ],
)
def test_which_brackets_pair(typed, following, closer):
    assert closing_for(typed, following) == closer


def test_a_closing_bracket_steps_over_only_the_one_added_for_it():
    assert steps_over("」", "」", auto_inserted=True)
    assert not steps_over("」", "」", auto_inserted=False)
    assert not steps_over("』", "」", auto_inserted=True)
    assert not steps_over("a", "a", auto_inserted=True)
