"""Japanese style suggestions: tuned for blog prose, each switchable, never applied on their own."""

import pytest

from editor.core.doctor import DoctorConfig, apply_fixes, diagnose, fix_all_safe

pytestmark = pytest.mark.core


def _only(*rules, **settings):
    return DoctorConfig(only=frozenset(rules), **settings)


POLITE = [
    "今日は晴れです。",
    "公園に行きました。",
    "楽しかったです。",
    "また行きます。",
    "次は友人を誘います。",
]


def test_long_sentences_are_noted_with_their_length_and_the_limit_is_a_setting():
    sentence = "この文は" + "とても" * 40 + "長いです。"
    text = f"短い文です。{sentence}\n"
    (finding,) = diagnose(text, _only("sentence-length"))
    assert finding.severity == "info"
    assert finding.params == {"length": len(sentence), "limit": 100}
    assert diagnose(text, _only("sentence-length", sentence_max_length=200)) == []


def test_a_few_plain_endings_in_a_polite_post_are_noted():
    text = "".join(POLITE) + "これは大事だ。" + "本当に大事である。" + "\n"
    findings = diagnose(text, _only("mixed-style"))
    assert [text[f.start : f.end] for f in findings] == ["これは大事だ。", "本当に大事である。"]


def test_lists_headings_quotes_and_a_single_slip_are_not_mixing():
    text = (
        "## 準備するものだ\n\n" + "".join(POLITE) + "「それは無理だ。」\n\n"
        "- 水筒を持つ\n- 帽子である\n- 地図だ\n\n> 引用の中はだ・である調だ。\n\n一度だけなら問題だ。\n"
    )
    assert diagnose(text, _only("mixed-style")) == []


def test_doubled_particles_are_found_but_sound_words_are_not():
    text = "資料をを読みました。ががが、と音がした。それがが問題です。\n"
    findings = diagnose(text, _only("doubled-particle"))
    assert [f.params["particle"] for f in findings] == ["を", "が"]
    assert apply_fixes(text, [findings[0].fix]).startswith("資料を読みました。")


def test_fullwidth_alphanumerics_are_suggested_in_half_width_outside_code_and_urls():
    text = "ＡＰＩを１２３回呼びます。`ＡＢＣ` と https://example.com/ＡＢＣ はそのまま。\n"
    findings = diagnose(text, _only("fullwidth-alnum"))
    assert [f.params["text"] for f in findings] == ["ＡＰＩ", "１２３"]
    assert all(not f.fix.safe for f in findings)
    assert fix_all_safe(text, _only("fullwidth-alnum")) == text


def test_full_width_spaces_inside_sentences_but_not_after_a_question_mark():
    text = "これは　おかしい。本当？　はい。\n　字下げは自由です。\n"
    (finding,) = diagnose(text, _only("fullwidth-space"))
    assert (finding.line, finding.column) == (1, 4)


def test_ra_nuki_words_are_suggested_with_the_ra_put_back():
    text = "朝早く起きれる人は、夜も早く寝れない。見れば分かる。できれば来てください。\n"
    findings = diagnose(text, _only("ra-nuki"))
    assert [f.params["suggestion"] for f in findings] == ["起きられる", "寝られない"]
    assert "起きられる人" in apply_fixes(text, [findings[0].fix])


def test_doubled_punctuation_but_not_an_ellipsis():
    text = "これは、、変です。終わり。。そして。。。余韻。\n"
    findings = diagnose(text, _only("doubled-punctuation"))
    assert [f.params["mark"] for f in findings] == ["、", "。"]


def test_style_rules_can_be_switched_off_one_by_one():
    text = "資料をを読みました。ＡＢＣ。\n"
    off = DoctorConfig(disabled=frozenset({"doubled-particle"}))
    rules = {f.rule for f in diagnose(text, off)}
    assert "doubled-particle" not in rules and "fullwidth-alnum" in rules


def test_a_line_break_between_japanese_characters_is_one_note_per_paragraph():
    text = "日本語の文章を\n途中で折り返し\nています。\n\n二行目は  \n改行です。English\nwrap is fine.\n"
    (finding,) = diagnose(text, _only("cjk-line-break"))
    assert (finding.line, finding.params["count"]) == (1, 2)
    assert not finding.fix.safe
    assert apply_fixes(text, [finding.fix]).startswith("日本語の文章を途中で折り返しています。\n\n")
