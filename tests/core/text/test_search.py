"""Find and replace in the core: options, width folding back to original spans, replacements."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from editor.core.text.edits import apply_edits as apply_all
from editor.core.text.search import (
    Folded,
    SearchOptions,
    find_all,
    fold_width,
    plan_replace_all,
)


def apply_edits(text, edits):
    return apply_all(text, edits)[0]


pytestmark = pytest.mark.core

WIDTH = SearchOptions(width_insensitive=True)
REGEX = SearchOptions(regex=True)
PLAIN = SearchOptions()


def _found(text: str, query: str, options: SearchOptions = PLAIN) -> list[str]:
    return [text[start:end] for start, end in find_all(text, query, options).spans]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("AI", ["ＡＩ", "AI"]),
        ("ＡＩ", ["ＡＩ", "AI"]),
        ("カタカナ", ["ｶﾀｶﾅ", "カタカナ"]),
        ("ガイド", ["ｶﾞｲﾄﾞ", "ガイド"]),
        ("123", ["１２３", "123"]),
        ("平成", ["㍻", "平成"]),
    ],
)
def test_width_insensitive_finds_both_widths_at_their_original_places(query, expected):
    text = "ＡＩチップとAIの話。ｶﾀｶﾅとカタカナ、ｶﾞｲﾄﾞとガイド、１２３と123、㍻と平成"
    assert _found(text, query, WIDTH) == expected


def test_width_sensitive_by_default_and_part_of_a_folded_character_is_no_match():
    text = "ＡＩとAI、㍻"
    assert _found(text, "AI") == ["AI"]
    assert _found(text, "成", WIDTH) == []  # ㍻ is 平成 as a whole, never half of it


def test_spans_after_astral_characters_are_code_points():
    text = "𠮷野家のＡＩと𠮷"
    assert find_all(text, "AI", WIDTH).spans == [(4, 6)]
    assert find_all(text, "𠮷", WIDTH).spans == [(0, 1), (7, 8)]


def test_case_is_ignored_unless_asked():
    assert _found("Jekyll jekyll JEKYLL", "jekyll") == ["Jekyll", "jekyll", "JEKYLL"]
    assert _found("Jekyll jekyll", "jekyll", SearchOptions(case_sensitive=True)) == ["jekyll"]


def test_whole_word_follows_japanese_script_runs():
    whole = SearchOptions(whole_word=True)
    assert find_all("AIは便利。AIMも。", "AI", whole).spans == [(0, 2)]
    assert _found("AIチップ市場とチップス", "チップ", whole) == ["チップ"]
    assert _found("日本語と日本", "日本", whole) == ["日本"]
    assert find_all("日本語と日本", "日本", whole).spans == [(4, 6)]
    assert _found("cat concat cat_ cat.", "cat", whole) == ["cat", "cat"]


def test_whole_word_after_a_refused_match_still_finds_an_overlapping_one():
    assert find_all("aaa aa", "aa", SearchOptions(whole_word=True)).spans == [(4, 6)]


def test_regular_expressions_and_empty_matches():
    assert _found("2024年と2025年", r"\d{4}年", REGEX) == ["2024年", "2025年"]
    assert find_all("一\n二\n", "^", REGEX).spans == [(0, 0), (2, 2), (4, 4)]
    assert find_all("abc", "", REGEX).spans == []


def test_width_insensitive_regex_treats_full_width_characters_as_literals():
    options = SearchOptions(regex=True, width_insensitive=True)
    assert _found("（注）と(注)と注", "（注）", options) == ["（注）", "(注)"]
    assert _found("ＡＩ１と AI2", r"AI\d", options) == ["ＡＩ１", "AI2"]


@pytest.mark.parametrize(
    ("pattern", "position"), [("(abc", 1), ("a[b", 2), ("*a", 1), ("a{2,1}", 3)]
)
def test_a_bad_regex_is_a_problem_with_a_code_never_an_exception(pattern, position):
    found = find_all("abc", pattern, REGEX)
    assert found.spans == []
    assert found.problem.code == "bad-pattern"
    assert found.problem.params["position"] == position
    assert "not valid" in found.problem.message()
    assert plan_replace_all("abc", pattern, "x", REGEX).problem.code == "bad-pattern"


def test_replace_all_with_groups_by_number_and_name():
    text = "2024-01-05 と 2025-12-31"
    planned = plan_replace_all(
        text, r"(?P<y>\d{4})-(\d\d)-(\d\d)", r"\g<y>年\2月\3日", SearchOptions(regex=True)
    )
    assert apply_edits(text, planned.edits) == "2024年01月05日 と 2025年12月31日"


def test_groups_keep_the_original_width():
    options = SearchOptions(regex=True, width_insensitive=True)
    planned = plan_replace_all("ＡＩと AI", r"(AI)", r"「\1」", options)
    assert apply_edits("ＡＩと AI", planned.edits) == "「ＡＩ」と 「AI」"


def test_a_literal_replacement_is_taken_as_written():
    planned = plan_replace_all("a.b", ".", r"\1\n", SearchOptions())
    assert apply_edits("a.b", planned.edits) == r"a\1\nb"


@pytest.mark.parametrize(
    ("replacement", "reason"),
    [(r"\3", "invalid group reference 3"), (r"\g<nope>", "unknown group name"), ("\\", "escape")],
)
def test_a_bad_replacement_is_a_problem(replacement, reason):
    planned = plan_replace_all("ab", "(a)(b)", replacement, REGEX)
    assert planned.edits == []
    assert planned.problem.code == "bad-replacement"
    assert reason in planned.problem.params["reason"]


def test_replace_only_at_one_match():
    text = "AI と ＡＩ と AI"
    planned = plan_replace_all(text, "AI", "人工知能", WIDTH, only_at=5)
    assert apply_edits(text, planned.edits) == "AI と 人工知能 と AI"
    assert plan_replace_all(text, "AI", "x", WIDTH, only_at=3).edits == []


# -- properties --------------------------------------------------------------------------------

# Characters that fold in interesting ways, plus plain ones.
ALPHABET = st.sampled_from(
    list("aAｂb1１アｱカｶﾞﾟ゛ガ平成㍻ー ー-_.の日本\n𠮷") + ["\u0301", "\u3099", "ﾞ"]
)
TEXTS = st.text(ALPHABET, max_size=40)
QUERIES = st.text(ALPHABET, min_size=1, max_size=4)


@st.composite
def texts_and_queries(draw) -> tuple[str, str]:
    """A query and a text that holds it here and there among other characters."""
    query = draw(QUERIES)
    parts = st.one_of(st.just(query), st.text(ALPHABET, max_size=6))
    return "".join(draw(st.lists(parts, max_size=8))), query


@settings(max_examples=400, deadline=None)
@given(texts_and_queries(), st.booleans(), st.booleans())
def test_every_span_points_at_text_that_folds_to_the_query(text_and_query, whole, case):
    text, query = text_and_query
    options = SearchOptions(case_sensitive=case, whole_word=whole, width_insensitive=True)
    wanted = fold_width(query)
    for start, end in find_all(text, query, options).spans:
        got = fold_width(text[start:end])
        assert got == wanted if case else got.lower() == wanted.lower()


@settings(max_examples=400, deadline=None)
@given(TEXTS, QUERIES)
def test_width_folding_is_nfkc_on_each_character_with_its_marks(text, query):
    assert unicodedata.normalize("NFKC", fold_width(text)) == unicodedata.normalize("NFKC", text)


@settings(max_examples=400, deadline=None)
@given(st.text(ALPHABET | st.characters(), max_size=40))
def test_folding_a_whole_text_is_folding_it_as_matching_does(text):
    """The quick way (lines already in NFKC kept as they are) folds as the matching does."""
    assert fold_width(text) == Folded(text).text


@settings(max_examples=500, deadline=None)
@given(texts_and_queries(), st.text(ALPHABET, max_size=3), st.booleans(), st.booleans())
def test_after_replacing_all_no_match_is_left_away_from_the_replacements(
    text_and_query, replacement, width, whole
):
    """Every match is replaced: a match found afterwards can only be a new one, made where a
    replacement meets the text around it (``aabb`` less ``ab`` is ``ab`` again)."""
    text, query = text_and_query
    options = SearchOptions(case_sensitive=True, whole_word=whole, width_insensitive=width)
    fold = fold_width if width else (lambda s: s)
    assume(fold(query) not in fold(replacement))
    edits = plan_replace_all(text, query, replacement, options).edits
    replaced, at = apply_all(text, edits)
    for start, end in find_all(replaced, query, options).spans:
        assert any(
            start <= where + len(edit.replacement) and end >= where
            for where, edit in zip(at, edits, strict=True)
        )


def test_after_replacing_all_nothing_is_found_when_nothing_new_can_form():
    text = "AIとＡＩ、ｱｲとアイ。AI"
    for query in ("AI", "アイ"):
        edits = plan_replace_all(text, query, "「人工知能」", WIDTH).edits
        assert len(edits) >= 2
        assert find_all(apply_edits(text, edits), query, WIDTH).spans == []


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from("ab12\\g<>n0x&"), max_size=8))
def test_replacement_templates_read_as_pythons_re_sub_does(template):
    pattern = re.compile("(?P<n>a)(b)?")
    try:
        expected = pattern.sub(template, "a ab")
    except (re.error, IndexError):
        expected = None
    planned = plan_replace_all("a ab", "(?P<n>a)(b)?", template, REGEX)
    if expected is None:
        assert planned.problem is not None and planned.problem.code == "bad-replacement"
    else:
        assert planned.problem is None
        assert apply_edits("a ab", planned.edits) == expected


def test_a_regex_that_backtracks_for_ever_is_stopped_with_a_problem():
    import signal
    import time

    outer = signal.setitimer(signal.ITIMER_REAL, 60)  # an alarm set by someone else
    try:
        started = time.monotonic()
        found = find_all("a" * 40 + "!", r"(a*)*b", REGEX, time_limit=0.3)
        assert time.monotonic() - started < 10
        assert found.spans == [] and found.problem.code == "slow-pattern"
        assert "too long" in found.problem.message()
        planned = plan_replace_all("a" * 40, r"(a|aa)*b", "x", REGEX, time_limit=0.3)
        assert planned.edits == [] and planned.problem.code == "slow-pattern"
        assert find_all("abab", "b", REGEX, time_limit=0.3).spans == [(1, 2), (3, 4)]
        assert 50 < signal.getitimer(signal.ITIMER_REAL)[0] <= 60  # still set, still counting
    finally:
        signal.setitimer(signal.ITIMER_REAL, *outer)


@pytest.mark.parametrize(
    ("pattern", "japanese"),
    [("(a", "閉じ"), ("a)", "対応"), ("*a", "繰り返し"), ("[a", "閉じ"), (r"\q", r"\q")],
)
def test_a_bad_pattern_is_explained_in_japanese_with_pythons_words_kept(pattern, japanese):
    problem = find_all("abc", pattern, REGEX).problem
    assert problem is not None and problem.code == "bad-pattern"
    python = problem.params["reason"]
    assert problem.reason("en") == python
    said = problem.reason("ja")
    assert japanese in said and python in said  # Python's words stay, to search for
    assert re.search(r"[ぁ-んァ-ヶ一-龠]", said.replace(python, ""))


def test_a_bad_replacement_is_explained_in_japanese_too():
    problem = plan_replace_all("ab", "(a)(b)", r"\3", REGEX).problem
    said = problem.reason("ja")
    assert "3" in said and "invalid group reference 3" in said
    assert re.search(r"[ぁ-んァ-ヶ一-龠]", said.replace("invalid group reference 3", ""))
