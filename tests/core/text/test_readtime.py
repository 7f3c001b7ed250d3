"""Reading time counts Japanese by characters and English by words; the excerpt is checked too."""

import pytest

from editor.core.doctor import DoctorConfig, diagnose, fix_all_safe
from editor.core.text.readtime import count_prose, reading_minutes
from tests.conftest import corpus_files

pytestmark = pytest.mark.core

TIME = DoctorConfig(only=frozenset({"reading-time"}))
EXCERPT = DoctorConfig(only=frozenset({"excerpt"}))
SENTENCE = "静的サイトの記事を書く時間は、思っていたよりずっと短くなりました。"  # 33 characters


def _post(front: str, body: str) -> str:
    return f"---\n{front}---\n\n{body}"


def test_japanese_is_counted_by_characters_and_markup_is_not_read():
    body = (
        "日本語の文。[リンク](https://example.com/very/long/path) と `code` と <b>太字</b>\n\n"
        "```python\nprint('コードの中の日本語は数えない')\n```\n\n"
        "![画像の説明](/assets/a.png)\n{% include note.html %}\nThree English words.\n"
    )
    count = count_prose(body)
    assert count.cjk_chars == len("日本語の文。リンクとと太字")
    assert count.latin_words == 3


def test_minutes_follow_the_configured_speeds():
    body = SENTENCE * 100  # 3,300 characters
    assert reading_minutes(body) == 7
    assert reading_minutes(body, chars_per_minute=1000) == 4
    assert reading_minutes("word " * 450) == 3
    assert reading_minutes("") == 1


def test_a_wrong_reading_time_is_fixed_on_its_own_line_only():
    text = _post('title: "題"\nreading_time: 1   # minutes\ntags: [a]\n', SENTENCE * 100)
    (finding,) = diagnose(text, TIME)
    assert (finding.line, finding.column, finding.params["computed"]) == (3, 15, 7)
    assert finding.fix.safe
    fixed = fix_all_safe(text, TIME)
    assert fixed == text.replace("reading_time: 1   #", "reading_time: 7   #")


def test_a_reading_time_close_enough_is_left_alone():
    assert diagnose(_post("reading_time: 6\n", SENTENCE * 100), TIME) == []
    assert diagnose(_post("title: t\n", SENTENCE * 100), TIME) == []


def test_excerpt_missing_is_a_note_and_too_long_or_unrelated_is_a_warning():
    (missing,) = diagnose(_post("title: t\n", SENTENCE), EXCERPT)
    assert (missing.code, missing.severity) == ("missing", "info")
    long = "記事の要約です。" * 30
    codes = {f.code for f in diagnose(_post(f"excerpt: {long}\n", SENTENCE), EXCERPT)}
    assert codes == {"too-long", "unrelated"}
    good = "静的サイトで記事を書く時間が短くなった話。"
    assert diagnose(_post(f'excerpt: "{good}"\n', SENTENCE), EXCERPT) == []


@pytest.mark.parametrize("path", corpus_files("raw"), ids=lambda p: p.name)
def test_raw_post_reading_time_is_corrected(path):
    text = path.read_text(encoding="utf-8")
    (finding,) = diagnose(text, TIME)
    assert finding.params["declared"] == 8
    assert finding.params["computed"] >= 18
    assert f"reading_time: {finding.params['computed']}\n" in fix_all_safe(text, TIME)


def test_a_folded_excerpt_is_read_from_its_indented_lines():
    long = "記事の要約です。" * 30
    text = _post(f"excerpt: >-\n  {long[:100]}\n  {long[100:]}\ntitle: t\n", SENTENCE)
    (finding,) = [f for f in diagnose(text, EXCERPT) if f.code == "too-long"]
    assert finding.params["length"] == len(long) + 1  # the line break folds into a space
    assert finding.line == 3


def _reading_time_fix(text):
    return [f for f in diagnose(text, TIME) if f.rule == "reading-time"]


@pytest.mark.parametrize(
    "value",
    [">-\n  50", "5_0", "50.5", '"50"', "0x32", "50 # min", "[50]"],
    ids=["folded", "underscore", "float", "quoted", "hex", "comment", "list"],
)
def test_only_a_plain_whole_number_gets_a_safe_reading_time_fix(value):
    from editor.core.post.frontmatter import load
    from editor.core.post.split import split_post

    text = _post(
        f"title: t\nreading_time: {value}\ntags: [a]\n", "Body sentence is here and it is short.\n"
    )
    after = fix_all_safe(text)
    # Whatever --fix does, the front matter still reads, with its other keys as they were.
    values = load(split_post(after).front_matter)
    assert values["title"] == "t" and values["tags"] == ["a"]
    if value in ("50 # min",):
        assert values["reading_time"] == 1 and "# min" in after
    else:
        assert after == text
        assert all(not f.fix or not f.fix.safe for f in _reading_time_fix(text))


def test_a_plain_reading_time_is_replaced_whole():
    text = _post("title: t\nreading_time: 50\n", "Body sentence is here and it is short.\n")
    assert fix_all_safe(text) == text.replace("reading_time: 50", "reading_time: 1")
    (finding,) = _reading_time_fix(text)
    assert finding.params["declared"] == 50


def test_the_finding_points_at_the_number_not_its_comment():
    text = _post(
        "title: t\nreading_time: 50   # minutes\n", "Body sentence is here and it is short.\n"
    )
    (finding,) = _reading_time_fix(text)
    assert text[finding.start : finding.end] == "50"


def test_characters_count_japanese_and_latin_letters_not_spaces_or_markup():
    body = (
        "# 見出し\n\n"  # 見出し: 3
        "日本語の文、AI と GPU-4 です。\n\n"  # 日本語の文、=6 AI=2 と=1 GPU4=4 です。=3: 16
        "- **太字**の　項目\n"  # 太字の項目=5 (the ideographic space is a space)
        "> [リンク](https://example.com/長い/パス) と ![画像](/a.png)\n\n"  # リンクと=4
        '<span class="x">タグ</span> {% include note.html %} {{ page.title }}\n\n'  # タグ=2
        "```ruby\nputs 'コード'\n```\n\n"  # code is not prose
        "Hello, world! `code` 123\n"  # Helloworld=10, 123=3
    )
    count = count_prose(body)
    assert count.characters == 3 + 16 + 5 + 4 + 2 + 13
    assert count.latin_words == len(["AI", "GPU-4", "Hello", "world", "123"])


def test_a_status_count_and_the_doctor_read_the_same_minutes():
    body = SENTENCE * 31 + "\n"  # 1,023 Japanese characters: 3 minutes at 500 a minute
    count = count_prose(body)
    assert (count.cjk_chars, count.characters) == (1023, 1023)
    assert reading_minutes(body) == 3


@pytest.mark.parametrize(
    ("decomposed", "composed"),
    [
        ("か\u3099", "が"),  # the voiced mark typed (or pasted) apart from its kana
        ("は\u309a", "ぱ"),  # the semi-voiced mark
        ("カ\u3099キ\u3099", "ガギ"),
        ("cafe\u0301", "café"),  # any combining mark, Latin too
        ("漢\u302a字", "漢字"),  # an ideographic tone mark
    ],
)
def test_a_combining_mark_is_part_of_the_character_before_it(decomposed, composed):
    # The writer sees one character; 文字数 and the reading time count one.
    assert count_prose(decomposed).characters == count_prose(composed).characters
    assert count_prose(decomposed).cjk_chars == count_prose(composed).cjk_chars
