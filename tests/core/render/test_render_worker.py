"""The preview's render worker: edits in, patches out; the patches rebuild the full render."""

from __future__ import annotations

import pickle

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.core.render import RenderContext, render_body
from editor.core.render.context import RenderWarning
from editor.core.render.worker import NEED_TEXT, PreviewBlocks, RenderWorker, parses_alone

BODY = """## はじめに

本文の段落。注をつける[^a]。

> 引用の段落。

1. 一つ目
2. 二つ目

```python
print("こんにちは")
```

| 項目 | 値 |
|------|----|
| 文字 | 3 |

同じ段落。

同じ段落。

[^a]: 注の本文。
"""

PIECES = [
    "段落。\n\n",
    "# 見出し\n\n",
    "- 項目\n",
    "> 引用\n",
    "```\ncode\n```\n",
    "\n",
    "<div>\n",
    "</div>\n",
    "<script>\n",
    "<b>太字\n\n",
    "[^1]\n\n",
    "[^1]: 注\n",
    "{% if true %}x{% endif %}\n",
    "| a |\n|---|\n| 1 |\n",
    "テスト",
    "*",
]


def _through_pickle(value):
    return pickle.loads(pickle.dumps(value))


class _Pane:
    """The window's side: a version counter and the blocks, fed through pickled calls."""

    def __init__(self, text: str, context: RenderContext):
        self.worker = RenderWorker()
        self.blocks = PreviewBlocks()
        self.text, self.version = text, 0
        self.take(self.worker.reset(0, text, _through_pickle(context)))

    def take(self, patch):
        patch = _through_pickle(patch)
        assert self.blocks.apply(patch)
        assert patch.version == self.version
        return patch

    def edit(self, start: int, removed: int, added: str):
        self.text = self.text[:start] + added + self.text[start + removed :]
        self.version += 1
        edit = (self.version, start, removed, added, len(self.text))
        return self.take(self.worker.edit(_through_pickle((edit,))))


def test_an_inserted_paragraph_sends_one_block_and_shifts_the_rest():
    pane = _Pane(BODY, RenderContext())
    count = len(pane.blocks.keys)
    at = BODY.index("1. 一つ目")
    patch = pane.edit(at, 0, "新しい段落。\n\n")
    assert len(patch.insert) == 1 and patch.remove == 0
    assert list(patch.html) == [patch.insert[0][0]]
    assert sum(stop - first for first, stop, _delta in patch.shifts) >= count - 4
    assert {delta for _first, _stop, delta in patch.shifts} == {2}
    assert pane.blocks.html() == render_body(pane.text).html


def test_an_edit_that_does_not_follow_asks_for_the_whole_text():
    worker = RenderWorker()
    assert worker.edit(((1, 0, 0, "x", 1),)) == NEED_TEXT  # nothing held yet
    worker.reset(5, "abc\n")
    assert worker.edit(((7, 0, 0, "x", 5),)) == NEED_TEXT  # version 6 was lost
    assert worker.edit(((6, 2, 9, "", 0),)) == NEED_TEXT  # does not fit the text
    assert worker.edit(((6, 0, 0, "x", 9),)) == NEED_TEXT  # the lengths disagree
    blocks = PreviewBlocks()
    assert blocks.apply(worker.reset(5, "abc\n"))
    patch = worker.edit(((6, 0, 0, "x", 5),))
    assert patch.version == 6
    assert blocks.apply(patch)
    assert blocks.html() == render_body("xabc\n").html


def test_context_and_warnings_cross_the_process_boundary():
    context = RenderContext(page={"title": "題"})
    assert _through_pickle(RenderContext()) == RenderContext()
    assert _through_pickle(context).page == {"title": "題"}
    warning = RenderWarning("invalid-date", date="昨日")
    back = _through_pickle(warning)
    assert back == warning and back.code == "invalid-date" and back.message("ja")
    patch = _through_pickle(RenderWorker().reset(0, "{% seo %}\n", context))
    assert [w.code for w in patch.warnings] == ["liquid-unknown-tag"]
    assert patch.warnings[0].message("ja") != patch.warnings[0].message("en")


def test_unclosed_raw_html_is_flagged_to_be_set_whole():
    assert parses_alone("<p>a<br>b</p>\n")
    assert parses_alone('<svg><path d="M0"/></svg>\n')
    assert not parses_alone("<div>\n<p>a</p>\n")
    assert not parses_alone("<p><b>太字</p>\n")
    assert not parses_alone("<!-- 続く\n")
    assert not parses_alone("</div>\n")
    # The renderer closes what raw HTML leaves open, except what a browser reads as raw text.
    pane = _Pane("<script>\n\n段落\n", RenderContext())
    assert pane.blocks.whole_only
    pane.edit(0, len("<script>\n\n"), "")
    assert not pane.blocks.whole_only


@st.composite
def _edits(draw, text_size):
    start = draw(st.integers(0, text_size))
    removed = draw(st.integers(0, min(12, text_size - start)))
    added = draw(st.lists(st.sampled_from(PIECES), max_size=3).map("".join))
    return start, removed, added


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_patches_rebuild_exactly_the_full_render(data):
    pane = _Pane(BODY, RenderContext())
    for _ in range(data.draw(st.integers(1, 6))):
        start, removed, added = data.draw(_edits(len(pane.text)))
        pane.edit(start, removed, added)
        assert pane.blocks.html() == render_body(pane.text).html
        assert len(set(pane.blocks.keys)) == len(pane.blocks.keys)
    # Several edits sent together make one patch.
    before, after = "前。\n\n", "\n後。\n"
    size = len(pane.text) + len(before)
    first = (pane.version + 1, 0, 0, before, size)
    second = (pane.version + 2, size, 0, after, size + len(after))
    pane.text = before + pane.text + after
    pane.version += 2
    pane.take(pane.worker.edit((first, second)))
    assert pane.blocks.html() == render_body(pane.text).html
