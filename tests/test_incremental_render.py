"""The incremental renderer gives exactly what a full render gives, cut into keyed blocks."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.core.render import RenderContext, render_body
from editor.core.render.incremental import IncrementalRenderer

BODY = """# 見出し

段落です。[^1]

段落です。[^1]

- 項目
- 項目

```ruby
puts 1
```

[^1]: 脚注。
"""


def test_blocks_join_to_the_full_render_with_unique_keys():
    rendered = IncrementalRenderer().render(BODY, RenderContext())
    assert rendered.result.html == render_body(BODY, RenderContext()).html
    assert "".join(block.html for block in rendered.blocks) == rendered.result.html
    keys = [block.key for block in rendered.blocks]
    assert len(set(keys)) == len(keys)
    lines = [block.line for block in rendered.blocks if block.line is not None]
    assert lines == [start for start, _end in rendered.result.blocks]


def test_a_block_keeps_its_key_when_text_above_it_moves_it():
    renderer = IncrementalRenderer()
    before = renderer.render(BODY, RenderContext())
    after = renderer.render("前書き\n\n" + BODY, RenderContext())
    kept = {block.key for block in before.blocks} & {block.key for block in after.blocks}
    assert len(kept) >= len(before.blocks) - 1  # only the footnotes' back links may change


# --- reuse: an edit re-renders the blocks around it, not the post ---------------------------

from benchmarks.bench_render import make_post  # noqa: E402

CONTEXT = RenderContext(site={"title": "テストブログ"})


def _edit_after(text: str, marker: str, insert: str, nth: int = 0) -> str:
    position = -1
    for _ in range(nth + 1):
        position = text.index(marker, position + 1)
    position += len(marker)
    return text[:position] + insert + text[position:]


def _typed(text: str, marker: str, insert: str = "あ", nth: int = 40):
    renderer = IncrementalRenderer()
    first = renderer.render(text, CONTEXT)
    edited = _edit_after(text, marker, insert, nth)
    again = renderer.render(edited, CONTEXT)
    assert again.result.html == render_body(edited, CONTEXT).html
    return first, again


def test_typing_in_a_paragraph_of_a_big_post_renders_a_few_blocks():
    text = make_post(200_000)
    first, again = _typed(text, "これは**「重要」**です。")
    assert not again.full, again.reason
    assert len(first.blocks) > 500
    assert again.stats["rendered_blocks"] <= 4
    assert again.reused >= len(again.blocks) - 4
    changed = {b.key for b in again.blocks} - {b.key for b in first.blocks}
    assert len(changed) == 1


@pytest.mark.parametrize(
    "marker",
    [
        "- 項目その一",  # a list item
        "| 文字数 | ",  # a table cell
        "> 引用の段落です。",  # a quote
        "def reading_time",  # a fenced code block
        "見出しその",  # a heading line
        'puts "こんにちは ',  # a {% highlight %} block
        "サイト名は ",  # a paragraph with {{ site.title }}
    ],
)
def test_typing_in_common_blocks_is_not_a_full_render(marker):
    _first, again = _typed(make_post(60_000), marker, nth=10)
    assert not again.full, again.reason
    assert again.stats["rendered_blocks"] <= 4


@pytest.mark.parametrize(
    ("marker", "insert", "reason"),
    [
        ("\n[^n3", "x", "definitions"),
        ("\n\n", "[b]: https://example.com/b\n\n", "definitions"),
        ("\n\n", "*[HTML]: HyperText\n\n", "definitions"),
        ("\n\n", "{:c: .note}\n\n", "definitions"),
        ("これは**「重要」**です。", "[^n1]", "footnotes"),
        ("\n\n", "```\n", "boundary"),
        ("\n\n", "{::comment}\n", "boundary"),
        ("\n\n", "-->\n", "boundary"),
        ("\n\n", "$$\n", "boundary"),
    ],
)
def test_edits_to_what_the_whole_post_depends_on_render_it_all(marker, insert, reason):
    _first, again = _typed(make_post(30_000), marker, insert, nth=0 if "[^" in marker else 5)
    assert again.full
    assert again.reason == reason


def test_liquid_that_keeps_state_runs_again_and_the_markdown_follows_its_output():
    text = make_post(30_000).replace("サイト名は {{ site.title }}", "サイト名は {{ t }}")
    first, again = _typed(text, "\n\n", "{% assign t = '新しい' %}\n\n", nth=5)
    assert again.stats["liquid"] == "run"
    assert "新しい" in again.result.html


def test_a_changed_context_renders_it_all():
    renderer = IncrementalRenderer()
    text = make_post(20_000)
    renderer.render(text, CONTEXT)
    context = RenderContext(site={"title": "別の名前"})
    again = renderer.render(text, context)
    assert again.full and again.reason == "context"
    assert again.result.html == render_body(text, context).html


def _replaced(text: str, old: str, new: str):
    """The render after replacing ``old`` with ``new`` (checked against a full render)."""
    renderer = IncrementalRenderer()
    renderer.render(text, CONTEXT)
    edited = text.replace(old, new)
    again = renderer.render(edited, CONTEXT)
    assert again.result.html == render_body(edited, CONTEXT).html
    return again


def test_a_heading_whose_id_repeats_later_renders_it_all():
    again = _replaced("# 同じ\n\n段落\n\n# 違う\n\n段落\n\n# 同じ\n", "# 違う", "# 同じ")
    assert 'id="同じ-2"' in again.result.html


# --- the same HTML as ``tsuzuri render`` -----------------------------------------------------

CORPUS = Path("/work/shared/corpus/real")
CLI_POSTS = (
    "2016-06-10-tables.md",
    "2019-06-25-scala-docs-ja-tour-basics.md",
    "2023-12-12-footnotes.md",
    "2013-08-16-markup-syntax-highlighting.md",
)


def _cli_edits(text: str) -> list[str]:
    """The post after each of a few edits a writer makes: typing, a new line, a deleted one."""
    head_end = text.index("\n---", 3) + 4
    texts, current = [], text
    for fraction, typed, removed in ((0.3, "あ", 0), (0.5, "\n\n新しい段落。\n", 0), (0.7, "", 12)):
        at = current.find("\n", head_end + int((len(current) - head_end) * fraction)) + 1
        current = current[:at] + typed + current[at + removed :]
        texts.append(current)
    return texts


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not here")
@pytest.mark.parametrize("name", CLI_POSTS)
def test_every_edit_renders_as_tsuzuri_render_prints_it(name, tmp_path, capsys):
    from editor.cli import main
    from editor.commands.render import load_post

    (tmp_path / "_config.yml").write_text("title: 綴りブログ\n", "utf-8")
    (tmp_path / "_posts").mkdir()
    post = tmp_path / "_posts" / name
    text = (CORPUS / name).read_text(encoding="utf-8")
    renderer = IncrementalRenderer()
    kinds = []
    for edited in [text, *_cli_edits(text)]:
        post.write_text(edited, "utf-8")
        body, context = load_post(post, None, "en")
        rendered = renderer.render(body, context)
        kinds.append(rendered.full)
        assert main(["render", str(post)]) == 0
        assert rendered.result.html == capsys.readouterr().out
    assert kinds[0] and not all(kinds)


# --- the blog's files are read again only when they change -----------------------------------


def _site_blog(tmp_path: Path, count: int) -> Path:
    (tmp_path / "_config.yml").write_text("title: 綴りブログ\n", "utf-8")
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_data").mkdir()
    (tmp_path / "_data" / "authors.yml").write_text("name: 綴\n", "utf-8")
    for n in range(count):
        post = tmp_path / "_posts" / f"2020-01-{n % 28 + 1:02d}-post-{n}.md"
        post.write_text(f"---\ntitle: 記事{n}\n---\n本文\n", "utf-8")
    return tmp_path


def test_site_posts_and_data_are_read_again_only_when_their_files_change(tmp_path, monkeypatch):
    from editor.core.blog import posts
    from editor.core.post.yamlload import load_yaml

    blog = _site_blog(tmp_path, 30)
    body = "{% for p in site.posts %}- {{ p.title }}\n{% endfor %}\n{{ site.data.authors.name }}\n"
    context = RenderContext(site={"title": "綴りブログ"}, blog_root=blog.resolve())
    read: list[str] = []
    real_read, real_yaml = posts.read_metadata, load_yaml

    def counted(path, *args, **kwargs):
        read.append(Path(path).name)
        return real_read(path, *args, **kwargs)

    def counted_yaml(text, *args, **kwargs):
        read.append("yaml")
        return real_yaml(text, *args, **kwargs)

    monkeypatch.setattr(posts, "read_metadata", counted)
    monkeypatch.setattr("editor.core.render.liquid.blog.load_yaml", counted_yaml)
    first = render_body(body, context).html
    assert "記事29" in first and "綴" in first
    read.clear()
    assert render_body(body, context).html == first
    assert read == []
    changed = blog / "_posts" / "2020-01-04-post-3.md"
    changed.write_text("---\ntitle: 書き直した記事\n---\n本文\n", "utf-8")
    again = render_body(body, context).html
    assert "書き直した記事" in again
    assert read == [changed.name]


def test_a_liquid_line_typed_in_runs_liquid_on_that_piece_alone():
    text = make_post(30_000)
    first, again = _typed(text, "サイト名は {{ site.title }}", " と {{ page.title }}", nth=3)
    assert again.stats["liquid"] == "piece"
    assert again.stats["rendered_blocks"] == 1


def test_highlight_blocks_keep_their_numbers_where_the_numbers_show():
    # An unclosed fence above shows the highlight blocks' placeholders as code: a piece run on
    # its own must number its blocks as the whole body does.
    text = "```\n\n" + make_post(3_000)
    renderer = IncrementalRenderer()
    renderer.render(text, CONTEXT)
    for marker in ('puts "こんにちは 2"', 'puts "こんにちは 1"'):
        text = _edit_after(text, marker, "%")
        again = renderer.render(text, CONTEXT)
        assert again.result.html == render_body(text, CONTEXT).html


def test_a_highlight_inside_raw_html_follows_its_code():
    """An element never closed makes the rest of the post raw HTML, with the highlight blocks
    in it shown as their code: typing in their code shows the new code."""
    text = "<section>\n\n" + make_post(3_000)
    renderer = IncrementalRenderer()
    renderer.render(text, CONTEXT)
    for marker in ('puts "こんにちは 2', 'puts "こんにちは 1'):
        text = _edit_after(text, marker, "!")
        again = renderer.render(text, CONTEXT)
        assert again.result.html == render_body(text, CONTEXT).html
        assert "\x1a" not in again.result.html


def test_typing_in_a_footnote_renders_that_note_again_not_the_post():
    first, again = _typed(make_post(60_000), "[^n7]: 脚注その7", "の続き", nth=0)
    assert not again.full, again.reason
    assert again.stats["rendered_blocks"] <= 2
    assert "脚注その7の続き" in again.blocks[-1].html
    assert again.blocks[-1].key != first.blocks[-1].key


def test_a_definition_typed_under_a_blank_line_makes_the_paragraph_above_a_term():
    again = _replaced("# 見出し\n\n用語の段落\n\n> 引用\n", "> 引用", ": 引用")
    assert "<dt>用語の段落</dt>" in again.result.html


def test_typing_on_a_line_with_html_in_it_is_not_a_full_render():
    text = '段落\n\n```html\n<div class="a">\n</div>\n```\n\n<span>文</span>です。\n\n<div>\n箱\n</div>\n'
    for old, new in (
        ('<div class="a">', '<div class="ab">'),
        ("です。", "でした。"),
        ("箱", "大箱"),
    ):
        again = _replaced(text, old, new)
        assert not again.full, again.reason


def test_a_reference_typed_into_a_note_lists_and_links_the_notes_as_a_full_render():
    """A reference typed inside another note's text numbers the notes and back links far from
    the note: the result must still be the full render's, character by character."""
    context = RenderContext()
    for text, after, typed in (
        ("本文[^b]。\n\n[^b]: 注b\n\n[^a]: ノート\n", "注b", "[^a]"),
        ("本文[^a]と[^b]。\n\n[^a]: 注A\n[^b]: 注B\n", "注A", "[^b]"),
        ("本文[^a]。\n\n[^a]: 注A\n", "注A", "、本文[^a]"),
    ):
        renderer = IncrementalRenderer()
        renderer.render(text, context)
        at = text.index(after) + len(after)
        for end in range(1, len(typed) + 1):
            edited = text[:at] + typed[:end] + text[at:]
            assert renderer.render(edited, context).result.html == render_body(edited, context).html


@pytest.mark.parametrize(
    ("text", "after", "typed"),
    [
        # A reference typed in front of another: the inner one is the reference.
        ("本文[^a]。\n\n[^a]: 注A\n", "本文", "[^a[^a]]"),
        # A reference on a lazy continuation line of a note.
        ("本文[^a]と[^b]。\n\n[^a]: 注A\nつづき\n\n[^b]: 注B\n", "つづき", "と[^b]"),
        # An abbreviation defined inside a note is the whole post's.
        ("本文[^a]でHTML。\n\n[^a]: 注A\n\n段落\n", "注A\n", "    *[HTML]: Hyper"),
        ("本文[^a]でHTML。\n\n[^a]: 注A\n    *[HTML]: Hyper\n\n段落\n", "Hyper", "Text"),
        # An attribute list after an abbreviation's definition belongs to the block before it.
        ("段落HTML\n\n*[HTML]: Hyper\n\n次\n", "*[HTML]: Hyper\n", "{: #id}"),
        ("段落HTML\n\n*[HTML]: Hyper\n{: #id}\n\n次\n", "#id", "x"),
        ("段落HTML\n\n*[HTML]: Hyper\n{: #id}\n\n次\n", "段落", "新しい"),
        # A note defined twice: typing in the definition not shown changes nothing.
        ("本文[^1]。\n\n<div>\n箱\n</div>\n[^1]: 脚注\n\n[^1]: 本文の注。\n", "[^1]:", "あ"),
    ],
)
def test_edits_next_to_what_the_post_defines_show_as_a_full_render(text, after, typed):
    """Each character typed shows the page a full render gives (cases a review found)."""
    renderer = IncrementalRenderer()
    renderer.render(text, CONTEXT)
    at = text.index(after) + len(after)
    for end in range(1, len(typed) + 1):
        edited = text[:at] + typed[:end] + text[at:]
        assert renderer.render(edited, CONTEXT).result.html == render_body(edited, CONTEXT).html


def test_a_highlight_inside_a_fence_follows_its_code():
    """A ``{% highlight %}`` inside a fence shows its figure as code: typing in its code shows
    the new code there."""
    text = (
        "前の段落。\n\n```\n{% highlight ruby %}\nputs 1\n{% endhighlight %}\n```\n\n後の段落。\n"
    )
    renderer = IncrementalRenderer()
    renderer.render(text, CONTEXT)
    text = _edit_after(text, "puts 1", "23")
    again = renderer.render(text, CONTEXT)
    assert again.result.html == render_body(text, CONTEXT).html
    assert "123" in again.result.html and "\x1a" not in again.result.html


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # typing in a heading with an id of its own that a {:toc} lists
        (
            "* 目次\n{:toc}\n\n## はじめに {#intro}\n\n本文\n\n## まとめ {#end}\n\n終わり\n",
            "* 目次\n{:toc}\n\n## はじめに {#intro}\n\n本文\n\n## まとめだ {#end}\n\n終わり\n",
        ),
        # such a heading added
        (
            "* 目次\n{:toc}\n\n## A {#a}\n\n本文\n",
            "* 目次\n{:toc}\n\n## A {#a}\n\n## B {#b}\n\n本文\n",
        ),
        # such a heading made a paragraph
        (
            "段落\n\n# 見出し {#top}\n\n* 目次\n{:toc}\n",
            "段落\n\n 見出し {#top}\n\n* 目次\n{:toc}\n",
        ),
    ],
)
def test_a_toc_follows_headings_with_ids_of_their_own(before, after):
    renderer = IncrementalRenderer()
    renderer.render(before, CONTEXT)
    again = renderer.render(after, CONTEXT)
    assert again.result.html == render_body(after, CONTEXT).html
    # and stays right after a keystroke elsewhere
    later = after.replace("本文" if "本文" in after else "段落", "本文を", 1)
    assert renderer.render(later, CONTEXT).result.html == render_body(later, CONTEXT).html


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("本文\n\n- 一\n* 三\n\n後\n", "本文\n\n: 定義\n* 三\n\n後\n"),
        ("- 一\n- 二\n* 三\n", "\n: 定義\n* 三\n"),
    ],
)
def test_a_list_kramdown_joins_to_the_one_before_is_parsed_again_with_it(before, after):
    """kramdown makes one list of ``- 一`` and ``* 三``: when the first is edited away, the
    second is not taken as shown already."""
    renderer = IncrementalRenderer()
    renderer.render(before, CONTEXT)
    again = renderer.render(after, CONTEXT)
    assert again.result.html == render_body(after, CONTEXT).html
    assert "三" in again.result.html
