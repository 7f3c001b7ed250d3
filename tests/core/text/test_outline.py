"""The outline: which lines kramdown makes headings, their words, lines and level jumps."""

import pytest

from editor.core.doctor import DoctorConfig, diagnose
from editor.core.text.outline import headings, post_headings

pytestmark = pytest.mark.core


def _outline(body: str) -> list[tuple[int, str, int]]:
    return [(h.level, h.text, h.line) for h in headings(body)]


def test_atx_and_setext_headings_with_their_levels_and_body_lines():
    body = (
        "# はじめに\n"  # 0
        "\n"
        "本文です。\n"  # 2
        "\n"
        "使い方\n"  # 4: setext level 1
        "======\n"
        "\n"
        "注意点\n"  # 7: setext level 2
        "---\n"
        "\n"
        "### [Jekyll](https://jekyllrb.com) の **設定** ###\n"  # 10
        "\n"
        "## 終わりに {#owari}\n"  # 12
    )
    assert _outline(body) == [
        (1, "はじめに", 0),
        (1, "使い方", 4),
        (2, "注意点", 7),
        (3, "Jekyll の 設定", 10),
        (2, "終わりに", 12),
    ]


def test_what_kramdown_does_not_make_a_heading_is_left_out():
    body = (
        "```\n# コードの中\n```\n\n"  # fenced code
        "    # 字下げしたコード\n\n"  # indented code
        "<div>\n\n# HTML の中\n\n</div>\n\n"  # an HTML block read whole
        "#ハッシュタグ\n\n"  # no blank after the marks
        "#\n\n"  # no text
        " # 一字下げ\n\n"  # kramdown wants the marks at the line start
        "**太字の行**\n\n"  # looks like a heading, is a paragraph
        "一行目\n二行目\n---\n\n"  # a setext underline needs a one-line paragraph
        "## 本物\n"
    )
    assert _outline(body) == [(2, "本物", 24)]


def test_the_front_matter_is_not_read_for_headings():
    post = "---\ntitle: 記事\n# YAML のコメント\ntags: [a]\n---\n\n## 概要\n"
    (heading,) = post_headings(post)
    assert (heading.level, heading.text, heading.line) == (2, "概要", 1)
    assert post[heading.start : heading.end] == "## 概要"


def test_a_level_jump_is_flagged_with_a_code_and_both_languages():
    found = headings("## 概要\n\n#### 詳細\n\n### 補足\n\n# 次\n\n### 次の詳細\n")
    assert [(h.level, h.jumps) for h in found] == [
        (2, False),
        (4, True),
        (3, False),
        (1, False),
        (3, True),
    ]
    jump = found[1]
    assert jump.code == "heading-jump" and (jump.previous, jump.level) == (2, 4)
    assert jump.message("en") == "Heading level jumps from h2 to h4"
    assert jump.message("ja") == "見出しのレベルが h2 から h4 に飛んでいます"
    assert found[0].code is None and found[0].message("ja") == ""


def test_the_doctor_sees_the_same_jumps_as_the_outline():
    text = "---\ntitle: x\n---\n見出し\n===\n\n### 飛んだ\n\n本文。\n"
    (finding,) = diagnose(text, DoctorConfig(only=frozenset({"heading-level"})))
    assert (finding.line, finding.params) == (7, {"previous": 1, "level": 3})


def test_crlf_line_endings_count_lines_once():
    assert _outline("# 一\r\n\r\n## 二\r\n\r\n## 三\r") == [
        (1, "一", 0),
        (2, "二", 2),
        (2, "三", 4),
    ]
