"""The doctor reads prose only: CSS, code, tables, HTML, Liquid and attributes are never sentences."""

import pytest

from editor.core.doctor import DoctorConfig, apply_fixes, diagnose
from editor.core.doctor.context import Context
from editor.core.doctor.text import prose_spans
from editor.core.text.readtime import count_prose

pytestmark = pytest.mark.core

HEAD = "---\ntitle: 題名\nexcerpt: 文章の話\n---\n\n"
PROSE = "今日は静的サイトの作り方について、順を追って説明していきます。\n\n"
REPEATS = DoctorConfig(only=frozenset({"repeated-text"}))
CSS = """<style>
div.photos img.photo {
    max-width: 480px;
    width: 100%;
    object-fit: cover;
}

div.photos img.vertically-photo {
    max-width: 250px;
    width: 100%;
    object-fit: cover;
}

div.photos img.horizontally-photo {
    max-width: 250px;
    width: 100%;
    object-fit: cover;
}
</style>
"""
TABLE_WITH_PRE = """<table>
  <tr>
    <td><pre><code>option match {
  case Some(x) =&gt; f(x)

  case None    =&gt; ()
}</code></pre></td>
    <td>オプション値へのプロシージャの適用をここで行います。</td>
  </tr>
  <tr>
    <td><pre><code>option match {
  case Some(x) =&gt; f(x)

  case None    =&gt; y
}</code></pre></td>
    <td>オプション値へのプロシージャの適用をここで行いました。</td>
  </tr>
</table>
"""

SCRIPT = """<script>
window.dataLayer.push({event: "page_view", page: location.pathname});

window.dataLayer.push({event: "page_view", page: location.pathname});

window.dataLayer.push({event: "page_view", page: location.pathname});
</script>
"""


def _prose(text: str) -> str:
    ctx = Context(text, DoctorConfig(), None)
    return "".join(text[s:e] for _, s, e in prose_spans(text, ctx.blocks))


@pytest.mark.parametrize(
    "markup",
    [CSS, TABLE_WITH_PRE, SCRIPT],
    ids=["style-with-blank-lines", "html-table-with-pre", "script"],
)
def test_html_blocks_read_whole_are_never_repeated_sentences(markup):
    text = HEAD + PROSE + markup + "\nまとめとして、ここまでの要点を最後に振り返ります。\n"
    assert diagnose(text, REPEATS) == []
    prose = _prose(text)
    assert "max-width" not in prose and "case" not in prose and "dataLayer" not in prose


def test_attribute_lists_liquid_and_tag_attributes_are_not_prose():
    text = HEAD + (
        "### 見出しの一つ目です\n{: .no_toc .text-delta }\n\n"
        "### 見出しの二つ目です\n{: .no_toc .text-delta }\n\n"
        '画像です<img src="/assets/photo-with-a-long-name.jpg" alt="写真の説明文をここに書きます">。\n\n'
        '{% include figure.html image_path="/assets/a.png" caption="長い説明" %}\n\n'
        "結果は{{ page.title | upcase }}のとおりで、 &nbsp;詳しくは[手順書](https://example.com/a)へ。\n"
    )
    prose = _prose(text)
    for markup in ("no_toc", "src=", "alt=", "写真の説明文", "include", "upcase", "nbsp", "https"):
        assert markup not in prose, markup
    assert "手順書" in prose  # a link's text is read
    assert diagnose(text, REPEATS) == []


def test_style_rules_do_not_look_inside_markup():
    # ら抜き and full-width letters inside an attribute, Liquid or CSS are not the writer's prose.
    text = HEAD + (
        '<span title="見れる">見られる</span>ようになりました。\n\n'
        "{{ site.data.見れる }}を使います。\n\n"
        "<style>\n.ＡＢＣ { color: red; }\n\n.見れる { color: blue; }\n</style>\n"
    )
    rules = {"ra-nuki", "fullwidth-alnum"}
    assert [f for f in diagnose(text) if f.rule in rules] == []


def test_reading_time_counts_the_same_prose():
    body = "本文です。" * 10 + "\n\n" + CSS + "\n" + "[リンク](https://example.com/長いパス)\n"
    count = count_prose(body)
    assert count.cjk_chars == len("本文です。" * 10) + len("リンク")
    assert count.latin_words == 0


def test_joining_lines_never_takes_a_code_span_with_the_line_break():
    text = HEAD + "このプログラムはなじみ深いはずです。\n`main` と呼ばれるメソッドがあります。\n"
    findings = diagnose(text, DoctorConfig(only=frozenset({"cjk-line-break"})))
    assert [f.fix for f in findings if "`main`" not in apply_fixes(text, [f.fix])] == []


def test_a_two_column_table_row_with_one_pipe_is_not_prose():
    text = HEAD + "項目 | 値\n---|---\nサイズ | 約33ギガ\nレコード数 | 約530万件\n"
    assert diagnose(text, DoctorConfig(only=frozenset({"cjk-line-break"}))) == []
