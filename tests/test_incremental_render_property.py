"""After any sequence of edits the incremental render is exactly a full render of the same text.

Each step renders the edited text twice: with the one :class:`IncrementalRenderer` that saw every
step before (reusing what it can), and with :func:`render_body` on its own.  The HTML, the blocks'
source lines, the warnings and the blocks themselves must be the same.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.bench_render import make_post
from editor.core.post.split import split_post
from editor.core.render import RenderContext, _shared_renderer
from editor.core.render.incremental import IncrementalRenderer

CORPUS = Path("/work/shared/corpus/real")
CONTEXT = RenderContext(site={"title": "テストブログ"}, page={"title": "記事の題"})

# Posts the incremental renderer was designed against; the others are held out (see below).
TUNED = (
    "2009-05-15-edge-case-nested-and-mixed-lists.md",
    "2013-01-11-markup-html-elements-and-formatting.md",
    "2016-05-19-codeblocks-ahoy.md",
    "2016-06-10-tables.md",
)

SYNTHETIC = """# 見出し {#top}

段落です。**強調**と`コード`と[リンク][a]。*[HTML]: HyperText

> 引用の段落
続きの行

- 項目その一
- 項目その二
  - 入れ子

1. 番号
  - 浅い入れ子

| 表 | 値 |
|----|---:|
| セル | 1 |

```ruby
puts "こんにちは"
```

脚注つき[^1]。{: .note}

{::comment}
コメント
{:/comment}

<div markdown="1">
中の *段落*
</div>

## 見出し

用語
: 定義

$$
x^2
$$

{% raw %}{{ 生 }}{% endraw %} と {{ page.title }}

[a]: https://example.com
[^1]: 脚注の本文。
"""

FRAGMENTS = [
    "あ",
    "日本語の文。",
    "テスト",
    "x",
    " ",
    "\n",
    "\n\n",
    "# ",
    "## 見出し",
    "- ",
    "  - ",
    "1. ",
    "* ",
    "> ",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "|",
    "`",
    "```",
    "\n```\n",
    "~~~",
    "[^1]",
    "[^2]",
    "[^[^1]]",
    "\n    *[HTML]: 注の中の略語\n",
    "<function>\n",
    "\n[^1]: 脚注\n",
    "[a]",
    "\n[a]: https://example.com/a\n",
    "\n*[HTML]: HyperText Markup Language\n",
    "HTML",
    "\n{: .c}\n",
    "{: #id}",
    "\n{:toc}\n",
    "{::comment}\n",
    "\n{:/comment}\n",
    "{:/}",
    "<div>",
    "</div>",
    "<details>\n",
    "\n</details>\n",
    "<span>",
    "</span>",
    "<p>",
    "<br>",
    '<div markdown="1">\n',
    "<!--",
    "-->",
    "{% raw %}",
    "{% endraw %}",
    "{{ page.title }}",
    "{{ site.title }}",
    "{% assign t = 1 %}",
    "{% highlight ruby %}\nputs 1\n{% endhighlight %}\n",
    "$$",
    "\n: 定義\n",
    "---",
    "===",
    '"引用符"',
    "--",
    "^",
    "\t",
]


@st.composite
def edits(draw, length: int):
    """One edit: where (often at a line start), how much to delete, what to insert."""
    position = draw(st.integers(0, length))
    removed = draw(st.sampled_from([0, 0, 0, 1, 2, 5, 20]))
    added = draw(
        st.lists(
            st.one_of(
                st.sampled_from(FRAGMENTS), st.text("あいう漢字 。-*#>`|[]{}:%\n", max_size=4)
            ),
            max_size=3,
        ).map("".join)
    )
    at_line_start = draw(st.booleans())
    return position, removed, added, at_line_start


def apply(text: str, edit) -> str:
    position, removed, added, at_line_start = edit
    position = min(position, len(text))
    if at_line_start:
        position = text.rfind("\n", 0, position) + 1
    return text[:position] + added + text[position + removed :]


def assert_same_as_full(rendered, text: str, context: RenderContext) -> None:
    assert not rendered.reason.startswith("failed"), rendered.reason
    full, parts = _shared_renderer().render_parts(text, context)
    assert rendered.result.html == full.html
    assert rendered.result.blocks == full.blocks
    assert list(rendered.result.warnings) == list(full.warnings)
    assert [(block.line, block.html) for block in rendered.blocks] == parts
    keys = [block.key for block in rendered.blocks]
    assert len(set(keys)) == len(keys)


def check_edits(body: str, steps, context: RenderContext = CONTEXT) -> None:
    renderer = IncrementalRenderer()
    text = body
    assert_same_as_full(renderer.render(text, context), text, context)
    for step in steps:
        text = apply(text, step)
        assert_same_as_full(renderer.render(text, context), text, context)


def body_of(name: str) -> str:
    return split_post((CORPUS / name).read_text(encoding="utf-8")).body


def held_out() -> list[str]:
    if not CORPUS.is_dir():
        return []
    return sorted(p.name for p in CORPUS.glob("*.md") if p.name not in TUNED)[:24]


SEEDS = [SYNTHETIC, make_post(2500)]


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_any_edits_render_as_a_full_render(data):
    body = data.draw(st.sampled_from(SEEDS))
    steps = data.draw(st.lists(edits(len(body)), min_size=1, max_size=6))
    check_edits(body, steps)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not here")
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_edits_of_tuned_corpus_posts_render_as_a_full_render(data):
    body = body_of(data.draw(st.sampled_from(TUNED)))
    steps = data.draw(st.lists(edits(len(body)), min_size=1, max_size=5))
    check_edits(body, steps)


@pytest.mark.skipif(not held_out(), reason="the shared corpus is not here")
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_edits_of_held_out_corpus_posts_render_as_a_full_render(data):
    body = body_of(data.draw(st.sampled_from(held_out())))
    steps = data.draw(st.lists(edits(len(body)), min_size=1, max_size=5))
    check_edits(body, steps)


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="ab\n😀", max_size=60),
    st.integers(0, 60),
    st.integers(0, 60),
    st.text(alphabet="ab😀", max_size=4),
    st.data(),
)
def test_the_edit_is_found_in_chunks_from_any_known_start(text, at, cut, typed, data):
    """The common start and end of two texts (where an edit lies), compared a chunk at a time
    from lengths known to be shared, are the ones a character-by-character scan finds."""
    from unittest import mock

    from editor.core.render import incremental

    at = min(at, len(text))
    new = text[:at] + typed + text[min(at + cut, len(text)) :]
    shortest = min(len(text), len(new))
    prefix = next((i for i in range(shortest) if text[i] != new[i]), shortest)
    common_end = next((i for i in range(shortest) if text[-1 - i] != new[-1 - i]), shortest)
    suffix = min(common_end, shortest - prefix)
    known = (data.draw(st.integers(0, prefix)), data.draw(st.integers(0, common_end)))
    with mock.patch.object(incremental, "_CHUNK", 3):
        assert incremental._diff(text, new) == (prefix, suffix)
        assert incremental._diff(text, new, known) == (prefix, suffix)
