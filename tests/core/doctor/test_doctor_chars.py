"""Broken characters and text cut short are found where they are, in the body and front matter."""

import pytest

from editor.core.doctor import DoctorConfig, apply_fixes, diagnose, fix_all_safe
from tests.conftest import corpus_files

pytestmark = pytest.mark.core

CHARS = DoctorConfig(only=frozenset({"broken-character"}))
CUT = DoctorConfig(only=frozenset({"truncated-text"}))


def _mojibake_latin(text: str) -> str:
    return "".join(
        bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in text.encode("utf-8")
    )


def test_replacement_character_in_a_field_names_the_field_and_its_position():
    text = '---\nlayout: post\ntitle: "壊れ\ufffdた題"\n---\n本文です。\n'
    (finding,) = diagnose(text, CHARS)
    assert (finding.code, finding.line, finding.column) == ("replacement-character", 3, 11)
    assert "title" in finding.message_en and "title" in finding.message_ja
    assert not finding.fix.safe
    assert apply_fixes(text, [finding.fix]) == text.replace("\ufffd", "")


def test_control_characters_are_removed_safely_but_tabs_and_newlines_stay():
    text = "一行目\tです。\x08\r\n二行目\x1bです。\n"
    findings = diagnose(text, CHARS)
    assert [(f.line, f.column) for f in findings] == [(1, 8), (2, 4)]
    assert fix_all_safe(text, CHARS) == "一行目\tです。\r\n二行目です。\n"


@pytest.mark.parametrize("word", ["テスト", "Café", "日本語の文章"])
def test_utf8_read_as_latin1_is_recognised_with_the_original_as_suggestion(word):
    text = f"前の文。{_mojibake_latin(word)}後の文。\n"
    (finding,) = diagnose(text, CHARS)
    assert finding.code == "mojibake"
    assert apply_fixes(text, [finding.fix]) == f"前の文。{word}後の文。\n"
    assert not finding.fix.safe


def test_utf8_read_as_shift_jis_is_recognised():
    garbled = "こんにちは世界".encode().decode("cp932", errors="replace")
    (finding,) = diagnose(f"本文 {garbled} です。\n", CHARS)
    assert finding.code == "mojibake"


def test_ordinary_japanese_and_accented_latin_are_not_mojibake():
    text = "繊細な縫い目と、Café au lait や naïve な résumé。全角「ｶﾀｶﾅ」も。\n"
    assert diagnose(text, CHARS) == []


def test_a_post_that_stops_mid_sentence_is_reported_at_its_end():
    text = "---\ntitle: t\n---\n\n最初の段落です。\n\n最後の段落は途中で切れてしまって\n"
    (finding,) = diagnose(text, CUT)
    assert (finding.code, finding.line) == ("ends-mid-sentence", 7)
    assert finding.fix is None


@pytest.mark.parametrize("ending", ["終わりです。", "本当に？", "「以上」", "以上", "Thanks!"])
def test_a_post_with_a_proper_ending_is_fine(ending):
    assert diagnose(f"本文です。\n\n{ending}\n\n```\ncode without period\n```\n", CUT) == []


def test_headings_and_titles_cut_after_a_particle_are_reported():
    text = "---\ntitle: Microsoftの新モデルを\n---\n\n## AIの未来が\n\n## MAI-Image-1とは\n\n**まずは**\n"
    findings = diagnose(text, CUT)
    assert sorted(f.code for f in findings) == ["heading-cut", "title-cut"]
    assert {f.line for f in findings} == {2, 5}


@pytest.mark.parametrize("path", corpus_files("raw"), ids=lambda p: p.name)
def test_raw_post_title_is_the_only_broken_character(path):
    text = path.read_text(encoding="utf-8")
    (finding,) = diagnose(text, CHARS)
    assert (finding.line, finding.code, finding.params["count"]) == (3, "replacement-character", 1)


def test_a_heading_ending_in_a_broken_character_is_cut_but_the_title_is_reported_once():
    text = "---\ntitle: 題名の途中\ufffd\n---\n\n## 見出しの途\ufffd\n\n本文です。\n"
    cut = [(f.code, f.line) for f in diagnose(text, CUT)]
    assert cut == [("heading-cut", 5)]
    broken = [f.line for f in diagnose(text, CHARS)]
    assert broken == [2, 5]


RAW_TITLE = "Microsoftの「MAI-Image-1」はの可\ufffd"
FIRST_LINE = "Microsoftの「MAI-Image-1」は、画像生成AIの未来をどう変えるのか？"
EXCERPT_SUBJECT = "Microsoft、自社製画像生成AI「MAI-Image-1」公開"


def _raw_post() -> str:
    (path,) = corpus_files("raw")
    text = path.read_text(encoding="utf-8")
    assert f'title: "{RAW_TITLE}"' in text
    return text


def test_a_title_cut_by_a_broken_character_is_not_repaired_by_deleting_the_character():
    text = _raw_post()
    (finding,) = [f for f in diagnose(text, CHARS) if f.line == 3]
    # The writer is offered the first line and the excerpt's subject, never 「…はの可」.
    assert finding.params["candidates"] == [FIRST_LINE, EXCERPT_SUBJECT]
    assert FIRST_LINE in finding.message_ja and EXCERPT_SUBJECT in finding.message_en
    assert not finding.fix.safe
    fixed = apply_fixes(text, [finding.fix])
    assert f'title: "{FIRST_LINE}"\n' in fixed
    assert fixed.replace(f'title: "{FIRST_LINE}"', f'title: "{RAW_TITLE}"') == text


def test_a_title_left_ending_mid_word_once_the_broken_character_is_gone_is_still_cut():
    text = _raw_post().replace("\ufffd", "")
    (finding,) = [f for f in diagnose(text, CUT) if f.code == "title-cut"]
    assert finding.line == 3
    assert "の可" in finding.message_ja and "の可" in finding.message_en
    assert finding.params["candidates"] == [FIRST_LINE, EXCERPT_SUBJECT]
    assert f'title: "{FIRST_LINE}"\n' in apply_fixes(text, [finding.fix])


def test_a_title_cut_after_a_particle_is_offered_the_heading_it_was_cut_from():
    text = (
        "---\ntitle: 静的サイトジェネレーターを\n---\n\n"
        "## 静的サイトジェネレーターを選ぶ理由\n\n本文です。\n"
    )
    (finding,) = diagnose(text, CUT)
    assert finding.params["candidates"] == ["静的サイトジェネレーターを選ぶ理由"]
    fixed = apply_fixes(text, [finding.fix])
    assert fixed.startswith('---\ntitle: "静的サイトジェネレーターを選ぶ理由"\n---\n')


@pytest.mark.parametrize(
    "title",
    ["Jekyllの使い方", "Jekyllの使い方入門", "Microsoftの「MAI-Image-1」"],
)
def test_a_whole_title_that_starts_like_the_first_line_is_not_cut(title):
    text = f"---\ntitle: {title}\n---\n\nJekyllの使い方を説明します。Microsoftの「MAI-Image-1」は新しい。\n"
    assert diagnose(text, CUT) == []


CONTROLS = (
    "---\ntitle: t\n---\nThe quick\x0bbrown fox\x0cjumps.\n\n"
    "```\ncode\x07bell here\n```\n\n`span\x1bx` end.\n\n    indented\x07code\n"
)


def test_a_control_character_between_words_becomes_a_space_and_code_is_left_alone():
    after = fix_all_safe(CONTROLS)
    assert "The quick brown fox jumps." in after
    assert "code\x07bell here" in after
    assert "`span\x1bx`" in after
    assert "    indented\x07code" in after


def test_the_diff_of_a_control_character_fix_splits_lines_only_at_line_breaks():
    from editor.core.doctor import plan_fixes, unified_diff

    diff = unified_diff(CONTROLS, plan_fixes(CONTROLS).after, "p.md")
    assert "No newline at end of file" not in diff
    removed = [
        line for line in diff.split("\n") if line.startswith("-") and not line.startswith("---")
    ]
    assert removed == ["-The quick\x0bbrown fox\x0cjumps."]


@pytest.mark.parametrize("mark", ["\u200f", "\u200e", "\u061c"])
def test_bidi_marks_next_to_right_to_left_letters_are_not_broken(mark):
    text = f"---\ntitle: t\n---\nThe word שלום{mark} means peace, and سلام{mark} too.\n"
    assert [f for f in diagnose(text, CHARS) if f.code == "control-character"] == []
    assert fix_all_safe(text) == text
