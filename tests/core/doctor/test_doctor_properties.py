"""Whatever the text, the doctor answers with findings inside it, and safe fixes settle."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.core.doctor import diagnose, fix_all_safe

pytestmark = pytest.mark.core

PIECES = [
    "---END---",
    "\n",
    "\n\n",
    "## 見出し",
    "- 項目",
    "> 引用",
    "```",
    "`code`",
    "[リンク](/a.png)",
    "[]()",
    "文章です。",
    "続きの文",
    "静的サイトの記事は手元で書いてから公開します。",
    "です",
    "だ。",
    "ＡＢＣ",
    "\ufffd",
    "\x07",
    "ã‚",
    "縺ｯ",
    "　",
    "。。",
    "をを",
    "見れる",
    "reading_time: 3",
    "---",
    "\r\n",
    "English words.",
    "画像は記事ごとのフォルダーにまとめておくと、後で探すときに迷いません。",
    "画像は記事ごとのフォルダーにまとめておくと、あとで探すときに迷いません。",
    "**太字の見出し**",
    "| 表 | です |",
    "{% post_url 2024-01-01-x %}",
    "<div>",
]

posts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(posts)
def test_findings_point_inside_the_text_and_fixes_settle(text):
    for finding in diagnose(text):
        assert 0 <= finding.start <= finding.end <= len(text)
        assert finding.line >= 1 and finding.column >= 1
        if finding.fix:
            assert all(0 <= e.start <= e.end <= len(text) for e in finding.fix.edits)
    fixed = fix_all_safe(text)
    assert fix_all_safe(fixed) == fixed
