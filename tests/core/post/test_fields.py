"""Field types (Jekyll dates, tag lists) and validation with codes and two languages."""

import datetime as dt

import pytest

from editor.core.blog import dates
from editor.core.post import fields
from editor.core.post.document import PostDocument
from tests.conftest import corpus_files

pytestmark = pytest.mark.core

JST = dt.timezone(dt.timedelta(hours=9))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-10-25 08:36:32 +0000", dt.datetime(2025, 10, 25, 8, 36, 32, tzinfo=dt.UTC)),
        ("2025-01-10 09:00:00 +0900", dt.datetime(2025, 1, 10, 9, 0, tzinfo=JST)),
        (
            "2017-03-09T14:25:52-05:00",
            dt.datetime(2017, 3, 9, 14, 25, 52, tzinfo=dt.timezone(-dt.timedelta(hours=5))),
        ),
        ("2025-10-25 08:36 Z", dt.datetime(2025, 10, 25, 8, 36, tzinfo=dt.UTC)),
        # Forms Jekyll (Ruby's Time.parse) also reads, checked with a real build.
        ("2025/10/25 10:00 JST", dt.datetime(2025, 10, 25, 10, tzinfo=JST)),
        ("2025-10-25 10:00:00 +09", dt.datetime(2025, 10, 25, 10, tzinfo=JST)),
        ("2025-10-25T10:00:00.123+09:00", dt.datetime(2025, 10, 25, 10, 0, 0, 123000, tzinfo=JST)),
    ],
)
def test_dates_with_zones_parse(text, expected):
    parsed = dates.parse_date(text)
    assert parsed == expected and parsed.utcoffset() == expected.utcoffset()


def test_missing_zone_means_the_site_timezone():
    parsed = dates.parse_date("2025-10-25 08:36:32", "Asia/Tokyo")
    assert parsed.utcoffset() == dt.timedelta(hours=9)
    assert dates.parse_date(dt.date(2019, 6, 4), "Asia/Tokyo").hour == 0
    assert dates.parse_date("2025-10-25").tzinfo is None
    assert dates.parse_date("Oct 25 2025", "Asia/Tokyo") == dt.datetime(2025, 10, 25, tzinfo=JST)


@pytest.mark.parametrize(
    "text", ["2025-13-45", "yesterday", "2025-10-25 25:00", "", "2025-10-25 10:00 XYZ"]
)
def test_impossible_dates_do_not_parse(text):
    assert dates.parse_date(text) is None


def test_format_is_jekylls_unless_the_old_value_used_another_form():
    moment = dt.datetime(2025, 10, 26, 9, 5, tzinfo=JST)
    assert dates.format_date(moment) == "2025-10-26 09:05:00 +0900"
    assert (
        dates.format_date(moment, like="2017-03-09T14:25:52-05:00") == "2025-10-26T09:05:00+09:00"
    )
    assert dates.format_date(moment, like="2025-01-01 10:00 +0900") == "2025-10-26 09:05 +0900"
    assert dates.format_date(dt.datetime(2019, 6, 5), like="2019-06-04") == "2019-06-05"


def test_tags_read_as_lists_in_either_form():
    assert fields.as_list("AI 投資") == ["AI", "投資"]
    assert fields.as_list(["AI", 2025]) == ["AI", "2025"]
    assert fields.as_list(None) == []
    assert fields.list_value_like("a b", ["a", "c"]) == "a c"
    assert fields.list_value_like(["a"], ["a", "c"]) == ["a", "c"]


def codes(values, **kwargs):
    return [p.code for p in fields.validate(values, **kwargs)]


def test_missing_title_and_bad_values_are_reported():
    found = codes({"date": "tomorrow", "reading_time": "9分", "published": "no", "tags": 3})
    assert found[:3] == ["missing-title", "bad-date", "bad-bool"]
    assert set(found[3:]) == {"bad-integer", "bad-list"}


def test_length_hints_at_60_and_160_characters():
    assert codes({"title": "あ" * 60, "excerpt": "い" * 160}) == []
    problems = fields.validate({"title": "あ" * 61, "excerpt": "い" * 161})
    assert [(p.code, p.severity, p.params["length"]) for p in problems] == [
        ("long-title", "hint", 61),
        ("long-excerpt", "hint", 161),
    ]


def test_control_characters_are_named():
    problem = fields.validate({"title": "a\x07b"})[0]
    assert (problem.code, problem.params) == ("control-char", {"char": "U+0007"})


def test_messages_exist_in_english_and_japanese():
    problem = fields.Problem("long-title", "title", "hint", {"length": 70, "limit": 60})
    assert "70" in problem.message() and "70" in problem.message("ja")
    assert problem.message() != problem.message("ja")
    assert set(fields.MESSAGES) >= {"missing-title", "bad-date", "replacement-char"}


@pytest.mark.parametrize("path", corpus_files("raw"), ids=lambda p: p.name)
def test_raw_post_title_cut_mid_character_is_an_error(path):
    document = PostDocument.load(path)
    problems = [p for p in document.problems() if p.code == "replacement-char"]
    assert [(p.key, p.severity) for p in problems] == [("title", "error")]
    assert "U+FFFD" in problems[0].message() and "U+FFFD" in problems[0].message("ja")


@pytest.mark.parametrize("path", corpus_files("fidelity"), ids=lambda p: p.name)
def test_clean_blog_posts_have_no_errors(path):
    document = PostDocument.load(path, timezone="Asia/Tokyo")
    assert [p.code for p in document.problems() if p.severity == "error"] == []


@pytest.mark.parametrize(
    "value",
    [
        "9999-12-31 23:59:59 -2359",
        "9999-12-31 23:00:00 +0000",
        "0001-01-01 00:00:00 +2300",
        dt.datetime(9999, 12, 31, 23, 59, tzinfo=dt.timezone(-dt.timedelta(hours=23))),
    ],
)
def test_dates_past_the_years_a_datetime_holds_are_out_of_range_not_a_crash(value):
    assert dates.parse_date(value, "Asia/Tokyo") is None
    [problem] = fields.validate({"title": "t", "date": value}, "Asia/Tokyo", dt.date(2025, 1, 1))
    assert problem.code == "date-out-of-range"
    assert "out of range" in problem.message() and "範囲外" in problem.message("ja")
    document = PostDocument.from_text(f"---\ntitle: t\ndate: {value}\n---\n", None, "Asia/Tokyo")
    assert document.get_date() is None and document.problems()[0].code == "date-out-of-range"


def test_the_last_whole_years_still_parse():
    assert dates.parse_date("9999-12-30 12:00:00 +0900", "Asia/Tokyo").year == 9999
    assert dates.parse_date("0001-01-02 12:00:00 +0000").year == 1
