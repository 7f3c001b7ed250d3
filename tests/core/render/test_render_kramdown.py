"""Markdown read the way Jekyll's kramdown (GFM input) reads it; each case checked with Jekyll."""

from __future__ import annotations

import re

import pytest

from editor.core.render import render_body

pytestmark = pytest.mark.core


def html(body: str) -> str:
    """Rendered HTML without the preview's data-source-line markers."""
    return re.sub(r' data-source-line="\d+"', "", render_body(body).html)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("これは**「重要」**です。", "<strong>「重要」</strong>です"),
        ("**テスト。**テスト", "<strong>テスト。</strong>テスト"),
        ("*斜体、*の後。", "<em>斜体、</em>の後"),
        ("***三つ***", "<strong><em>三つ</em></strong>"),
    ],
)
def test_emphasis_next_to_japanese_punctuation_is_emphasis(source, expected):
    assert expected in html(source)


def test_underscores_inside_words_stay_text():
    out = html("日本語の中の__下線強調__と snake_case_name")
    assert "<strong>" not in out and "<em>" not in out


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("# 日本語の見出し\n\n## 日本語の見出し", ['id="日本語の見出し"', 'id="日本語の見出し-1"']),
        ("## Hello, World! (v2.0)", ['id="hello-world-v20"']),
        ("## 「かぎ括弧」と、句読点。", ['id="かぎ括弧と句読点"']),
        ("## pg\\_trgm と PGroonga", ['id="pg_trgm-と-pgroonga"']),
        ("## Custom id {#custom}", ['<h2 id="custom">Custom id</h2>']),
        ('## --- dashes ... and "quotes"', ['id="-dashes--and-quotes"']),
    ],
)
def test_heading_ids_follow_kramdown_gfm(source, expected):
    out = html(source)
    for fragment in expected:
        assert fragment in out


def test_headings_inside_markdown_html_get_kramdown_base_ids():
    out = html('<div markdown="1">\n\n## 中の見出し\n\n## ターミナル (Windows)\n\n</div>\n')
    assert 'id="section"' in out and 'id="windows"' in out
    assert "markdown=" not in out


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('She said "hello" -- then left...', "She said \u201chello\u201d \u2013 then left\u2026"),
        ('と"quote"と', "と\u201dquote\u201dと"),
        ("It's the '80s", "It\u2019s the \u201980s"),
        ("Wait---really?", "Wait\u2014really?"),
        ('Escaped \\"quotes\\"', "Escaped &quot;quotes&quot;"),
    ],
)
def test_typography_matches_kramdown(source, expected):
    assert expected in html(source)


def test_code_keeps_ascii_quotes_and_dashes():
    assert '<code class="language-plaintext highlighter-rouge">a "b" -- c</code>' in html(
        '`a "b" -- c`'
    )


def test_bare_urls_are_not_linked_but_angle_brackets_are():
    out = html("See https://example.com and <https://example.org>.")
    assert 'href="https://example.com"' not in out
    assert '<a href="https://example.org">https://example.org</a>' in out


def test_list_items_get_paragraphs_the_kramdown_way():
    out = html("- one\n- two\n\n- three\n")
    assert "<li>one</li>" in out and "<li>\n<p>two</p>\n</li>" in out and "<li>three</li>" in out


def test_bullets_of_different_kinds_make_one_list_and_paren_numbers_are_text():
    out = html("* a\n* b\n\n- c\n\n1) not a list\n")
    assert out.count("<ul>") == 1
    assert "<p>1) not a list</p>" in out


def test_bullet_list_under_ordered_item_is_nested_at_two_spaces():
    out = html("1. first\n  - child\n2. second\n")
    assert re.search(r"<li>first\s*<ul>\s*<li>child</li>", out)


def test_task_list_markup():
    out = html("- [ ] todo\n- [x] done\n")
    assert '<ul class="task-list">' in out
    assert (
        '<li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" disabled="disabled" />todo</li>'
        in out
    )
    assert 'checked="checked" />done' in out


def test_tables_with_alignment_and_kramdown_forms():
    out = html("| 左 | 右 |\n|:---|---:|\n| a | `x|y` |\n")
    assert '<th style="text-align: left">左</th>' in out
    assert '<code class="language-plaintext highlighter-rouge">x|y</code>' in out
    headerless = html("CPU | Xeon\nメモリー | 32GiB\n")
    assert "<thead>" not in headerless and "<td>メモリー</td>" in headerless
    assert "<table>" not in html("Text before\n| a | b |\n|---|---|\n| 1 | 2 |\n")


def test_footnotes_use_kramdown_markup():
    out = html("本文[^a]と再参照[^a]。\n\n[^a]: 脚注。\n")
    assert (
        '<sup id="fnref:a" role="doc-noteref"><a href="#fn:a" class="footnote" rel="footnote">1</a></sup>'
        in out
    )
    assert 'id="fnref:a:1"' in out
    assert '<div class="footnotes" role="doc-endnotes">' in out
    assert '<li id="fn:a" role="doc-endnote">' in out
    assert (
        '<a href="#fnref:a:1" class="reversefootnote" role="doc-backlink">&#8617;<sup>2</sup></a>'
        in out
    )


def test_definition_list_with_several_terms():
    out = html("Term\n: Def\n\nOne\nTwo\n: Shared\n")
    assert out.count("<dl>") == 1 and "<dt>One</dt>" in out and "<dt>Two</dt>" in out


def test_block_and_span_attribute_lists():
    out = html("A paragraph.\n{: .lead}\n\n{: .before}\nNext.\n\n`code`{:.ok} and *em*{: #e1}\n")
    assert '<p class="lead">A paragraph.</p>' in out
    assert '<p class="before">Next.</p>' in out
    assert '<code class="language-plaintext ok highlighter-rouge">code</code>' in out
    assert '<em id="e1">em</em>' in out


def test_table_of_contents_replaces_the_marked_list():
    out = html("# Title\n{: .no_toc}\n\n* TOC\n{:toc}\n\n## One\n\n### Sub\n\n## Two\n")
    assert '<ul id="markdown-toc">' in out
    assert '<a href="#one" id="markdown-toc-one">One</a>' in out
    assert "markdown-toc-title" not in out
    assert re.search(r'markdown-toc-one">One</a>\s*<ul>\s*<li><a href="#sub"', out)


def test_raw_html_blocks_run_to_their_closing_tag():
    out = html('<div class="box">\n本文 **太字**\n\n二段落目。\n</div>\n\nAfter.\n')
    assert "本文 **太字**" in out and "<p>After.</p>" in out
    inner = html('<div markdown="1">\n中の **Markdown**\n</div>\n')
    assert "<strong>Markdown</strong>" in inner


def test_span_level_html_starts_a_paragraph():
    assert html('<span class="x">a</span> text').startswith('<p><span class="x">a</span> text</p>')


def test_code_blocks_have_rouge_wrappers():
    fenced = html("```python\nprint(1)\n```\n")
    assert fenced.startswith(
        '<div class="language-python highlighter-rouge"><div class="highlight"><pre class="highlight"><code>'
    )
    assert '<span class="nb">print</span>' in fenced
    plain = html("```\nplain\n```\n")
    assert plain.startswith('<div class="language-plaintext highlighter-rouge">')
    assert html("```nosuchlang\nx\n```\n").startswith('<pre><code class="language-nosuchlang">')


def test_fence_with_a_space_in_the_info_string_does_not_open():
    out = html("```scala mdoc\n1 + 1\n```\n")
    assert out.startswith("<p>")


def test_math_and_strikethrough_and_hard_breaks():
    assert "\\[E = mc^2\\]" in html("$$\nE = mc^2\n$$\n")
    assert "\\(x^2\\)" in html("Inline $$x^2$$ math.")
    assert "<del>消す</del>" in html("~~消す~~")
    assert html("a  \nb\\\nc").count("<br />") == 2


def test_abbreviations_wrap_every_use():
    out = html("HTML is fine.\n\n*[HTML]: HyperText Markup Language\n")
    assert '<abbr title="HyperText Markup Language">HTML</abbr> is fine.' in out


def test_markdown_attribute_inside_raw_html_and_on_one_line():
    nested = html('<div class="grid">\n<div class="cell" markdown="1">\n**中**\n</div>\n</div>\n')
    assert '<div class="cell"><p><strong>中</strong></p>' in nested.replace("\n", "")
    one_line = html('<div markdown="1">**一行**</div>\n')
    assert "<p><strong>一行</strong></p>" in one_line
    assert "markdown=" not in nested + one_line


def test_blockquote_runs_until_a_blank_line():
    out = html("> 引用\n>\n続きの行\n\n後の段落\n")
    assert re.search(r"<blockquote>\s*<p>引用</p>\s*<p>続きの行</p>\s*</blockquote>", out)
    assert "<p>後の段落</p>" in out


def test_setext_heading_needs_a_one_line_paragraph():
    assert "<h2" not in html("一行目\n二行目\n---\n")
    assert '<h2 id="一行">一行</h2>' in html("一行\n---\n")


def test_span_ial_not_after_an_element_stays_text():
    assert "text {:.cls} and <em>em</em> {:.x}" in html("text {:.cls} and *em* {:.x}")


def test_markdown_html_with_the_closing_tag_after_text_keeps_the_text():
    out = html('<div markdown="1">\ntext\nmore</div>\n\nafter\n')
    assert "more" in out and "<p>after</p>" in out


def test_a_block_level_tag_in_running_text_is_shown_as_the_writer_typed_it():
    # kramdown (span_html) writes <p>, <div>... inside a paragraph as text, quotes unchanged.
    written = html('X <p>a</p> and <div class="note">b</div> Y\n')
    assert written == '<p>X &lt;p&gt;a&lt;/p&gt; and &lt;div class="note"&gt;b&lt;/div&gt; Y</p>\n'
    assert html("Press <kbd>k</kbd> <hr />\n") == "<p>Press <kbd>k</kbd> &lt;hr /&gt;</p>\n"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('<a href="/x">a|b</a> text\n', '<p><a href="/x">a|b</a> text</p>\n'),
        ("Press <kbd>|</kbd> key\n", "<p>Press <kbd>|</kbd> key</p>\n"),
        ("<p>para|pipe</p>\n", "<p>para|pipe</p>\n"),
        ('<div class="note">var|info</div>\n', '<div class="note">var|info</div>\n'),
    ],
)
def test_a_pipe_inside_span_html_or_block_html_makes_no_table(source, expected):
    assert html(source) == expected


def test_a_pipe_outside_the_html_still_makes_a_table():
    written = html("<kbd>|</kbd> | cell\n")
    assert "<table>" in written and "<td>cell</td>" in written
