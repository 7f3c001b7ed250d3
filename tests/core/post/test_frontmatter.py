"""Front matter: parsing with positions and limits, and key edits that touch only their lines."""

import datetime as dt
import time

import pytest

from editor.core.post import frontmatter as fm
from editor.core.post.frontmatter import FrontMatterError

pytestmark = pytest.mark.core

BLOG = (
    "layout: post\n"
    'title: "Microsoftの「MAI-Image-1」"\n'
    "date: 2025-10-25 08:36:32 +0000\n"
    'categories: ["投資分析"]\n'
    'tags: ["AI", "最新ニュース"]\n'
    'author: "ALLFORCES編集部"\n'
    "reading_time: 8\n"
)


def changed_lines(old: str, new: str) -> tuple[list[str], list[str]]:
    """Lines only in old, lines only in new."""
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    return [x for x in a if x not in b], [x for x in b if x not in a]


def test_values_keep_the_date_as_written_and_lists_as_lists():
    values = fm.load(BLOG)
    assert values["date"] == "2025-10-25 08:36:32 +0000"
    assert values["tags"] == ["AI", "最新ニュース"]
    assert values["reading_time"] == 8


def test_setting_the_title_keeps_double_quotes_and_writes_japanese_as_itself():
    new = fm.set_key(BLOG, "title", "新しい題：ＡＩの話")
    assert changed_lines(BLOG, new) == (
        ['title: "Microsoftの「MAI-Image-1」"\n'],
        ['title: "新しい題：ＡＩの話"\n'],
    )


def test_setting_the_same_value_returns_identical_text():
    for key, value in fm.load(BLOG).items():
        assert fm.set_key(BLOG, key, value) is BLOG


def test_flow_list_stays_flow_and_block_list_stays_block():
    assert 'tags: ["AI", "最新ニュース", "投資"]\n' in fm.set_key(
        BLOG, "tags", ["AI", "最新ニュース", "投資"]
    )
    block = "title: x\ntags: \n  - sample post\n  - test\nlast: 1\n"
    new = fm.set_key(block, "tags", ["sample post", "テスト"])
    assert new == "title: x\ntags: \n  - sample post\n  - テスト\nlast: 1\n"


def test_values_that_would_change_type_are_quoted():
    plain = "layout: post\ntitle: x\n"
    for value in ["yes", "123", "a: b", "*star", "#tag", "2025-01-01", "null", "- x", "[a]"]:
        new = fm.set_key(plain, "title", value)
        assert fm.load(new)["title"] == value
        assert new.startswith("layout: post\n")
    assert fm.set_key(plain, "title", "普通の題") == "layout: post\ntitle: 普通の題\n"


def test_single_quotes_are_kept_and_doubled():
    text = "title: 'It''s'\n"
    assert fm.set_key(text, "title", "Rock 'n' roll") == "title: 'Rock ''n'' roll'\n"


def test_long_values_are_never_wrapped():
    long = "長い" * 200
    new = fm.set_key(BLOG, "title", long)
    assert f'title: "{long}"\n' in new


def test_crlf_is_kept_for_changed_and_new_lines():
    text = BLOG.replace("\n", "\r\n")
    new = fm.set_key(fm.set_key(text, "title", "題"), "excerpt", "抜粋")
    assert "\n" not in new.replace("\r\n", "")
    assert 'title: "題"\r\n' in new and 'excerpt: "抜粋"\r\n' in new


def test_new_keys_go_in_the_blogs_order():
    text = "layout: post\ntitle: t\ntags: [a]\nextra: 1\n"
    new = fm.set_key(text, "date", dt.datetime(2025, 10, 25, 8, 36, 32, tzinfo=dt.UTC))
    assert new.splitlines()[2] == "date: 2025-10-25 08:36:32 +0000"
    assert fm.set_key(text, "reading_time", 3).splitlines()[3] == "reading_time: 3"
    assert fm.set_key("title: t\n", "layout", "post") == "layout: post\ntitle: t\n"
    assert fm.set_key(text, "unknown", "v").endswith("extra: 1\nunknown: v\n")


def test_comments_blank_lines_and_trailing_comments_survive():
    text = "# head\ntitle: old # keep me\n\n# about tags\ntags:\n- a\n# after\n\nz: 1\n"
    new = fm.set_key(text, "title", "new")
    assert new == text.replace("title: old", "title: new")
    assert fm.set_key(text, "tags", ["a", "b"]) == text.replace("- a\n", "- a\n- b\n")
    assert (
        fm.remove_key(text, "tags")
        == "# head\ntitle: old # keep me\n\n# about tags\n# after\n\nz: 1\n"
    )


def test_block_scalars_are_replaced_whole():
    text = "excerpt: >\n  folded\n  text\nnext: 1\n"
    new = fm.set_key(text, "excerpt", "one line")
    assert fm.load(new) == {"excerpt": "one line", "next": 1}
    assert new.endswith("next: 1\n")
    literal = "code: |\n  # not a comment\n  x\nnext: 1\n"
    assert fm.load(fm.set_key(literal, "next", 2))["code"] == "# not a comment\nx\n"


def test_date_in_the_same_instant_and_offset_is_unchanged():
    moment = dt.datetime(2025, 10, 25, 8, 36, 32, tzinfo=dt.UTC)
    assert fm.set_key(BLOG, "date", moment) is BLOG
    tokyo = moment.astimezone(dt.timezone(dt.timedelta(hours=9)))
    assert "date: 2025-10-25 17:36:32 +0900\n" in fm.set_key(BLOG, "date", tokyo)


def test_missing_final_newline_is_kept_when_the_last_key_changes():
    assert fm.set_key("a: 1\nb: 2", "b", 3) == "a: 1\nb: 3"
    assert fm.set_key("a: 1", "c", 3) == "a: 1\nc: 3\n"


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("title: a\ntags: [a, b\nx: 1\n", 4, "flow sequence"),
        ("title: a\n\tx: 1\n", 3, "tabs"),
        ("- a\n- b\n", 2, "list"),
        ("just text\n", 2, "single value"),
        ('title: "open\n', 3, "quoted scalar"),
    ],
)
def test_errors_name_the_file_line(text, line, words):
    with pytest.raises(FrontMatterError) as info:
        fm.parse(text, first_line=2)
    assert info.value.line == line
    assert words in str(info.value)


def test_duplicate_keys_keep_the_last_value_and_refuse_editing_that_key():
    parsed = fm.parse("title: a\ntitle: b\nx: 1\n", first_line=2)
    assert parsed.values["title"] == "b"
    assert parsed.duplicates == [("title", 2, 3)]
    with pytest.raises(FrontMatterError, match="twice"):
        fm.set_key("title: a\ntitle: b\n", "title", "c")
    assert fm.set_key("title: a\ntitle: b\nx: 1\n", "x", 2).endswith("x: 2\n")


def test_alias_bomb_is_refused_quickly():
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        refs = ",".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    started = time.perf_counter()
    with pytest.raises(FrontMatterError, match="alias"):
        fm.parse("\n".join(lines) + "\n")
    assert time.perf_counter() - started < 1


def test_recursive_alias_is_refused():
    with pytest.raises(FrontMatterError, match="cycle"):
        fm.parse("a: &x [*x]\n")


def test_impossible_date_stays_text_for_the_validator():
    assert fm.load("date: 2025-13-45\n") == {"date": "2025-13-45"}


def test_python_tags_are_refused():
    with pytest.raises(FrontMatterError):
        fm.parse("x: !!python/object/apply:os.system ['true']\n")


def test_front_matter_indented_as_a_whole_gets_new_keys_at_its_indent():
    assert (
        fm.set_key("  title: a\n  x: 1\n", "layout", "post")
        == "  layout: post\n  title: a\n  x: 1\n"
    )


def test_multi_line_values_are_replaced_whole():
    assert fm.set_key("tags: [a,\n  b]\nx: 1\n", "tags", ["a", "c"]) == "tags: [a, c]\nx: 1\n"
    assert fm.set_key("title: a long\n  title\nx: 1\n", "title", "t") == "title: t\nx: 1\n"
    nested = "author:\n  name: x\n  url: y\nx: 1\n"
    assert fm.set_key(nested, "author", "名前") == 'author: "名前"\nx: 1\n'


def test_explicit_keys_are_left_alone_and_other_keys_still_edit():
    text = "? a\n: 1\nb: 2\n"
    assert fm.set_key(text, "b", 3) == "? a\n: 1\nb: 3\n"
    with pytest.raises(FrontMatterError, match="edit the front matter as text"):
        fm.set_key(text, "a", 5)


@pytest.mark.parametrize("key", ["yes", "123", "a: b", "#x", "日本語のキー"])
def test_new_keys_are_quoted_when_plain_would_read_differently(key):
    new = fm.set_key("title: t\n", key, "v")
    assert fm.load(new) == {"title": "t", key: "v"}


@pytest.mark.parametrize(
    ("text", "english", "japanese"),
    [
        (
            "- a\n- b\n",
            "Front matter must be 'key: value' lines, but it is a list (line 2, column 1)",
            "フロントマターは「key: value」の行で書きますが、これはリストです（2 行 1 列）",
        ),
        (
            "title: \x07\n",
            "YAML does not allow the control character U+0007 (line 2, column 8)",
            "YAML では制御文字 U+0007 を使えません（2 行 8 列）",
        ),
    ],
)
def test_front_matter_errors_are_worded_in_japanese_too(text, english, japanese):
    with pytest.raises(FrontMatterError) as refused:
        fm.parse(text)
    assert (str(refused.value), refused.value.message_in("ja")) == (english, japanese)


def test_the_yaml_parsers_own_words_stay_as_it_says_them_with_the_place_in_japanese():
    with pytest.raises(FrontMatterError) as refused:
        fm.parse("title: [\n")
    said = refused.value.message_in("ja")
    assert said.startswith("While parsing a flow node") and said.endswith("（3 行 1 列）")
