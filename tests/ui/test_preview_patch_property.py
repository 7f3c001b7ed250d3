"""The page patched block by block holds exactly what the full render set in one go would."""

from __future__ import annotations

import json
import pickle

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.core.render import render_body
from editor.core.render.worker import RenderWorker

pytestmark = pytest.mark.ui

BLOCKS = [
    "段落です。日本語の文章。\n\n",
    "同じ段落。\n\n",
    "# 見出し\n\n",
    "## 小見出し {#id}\n\n",
    "- 項目\n- 項目\n\n",
    "1. 一\n2. 二\n\n",
    "> 引用\n> 続き\n\n",
    "```ruby\nputs 1\n```\n\n",
    "| a | b |\n|---|---|\n| 1 | 2 |\n\n",
    "脚注つき[^1]。\n\n",
    "[^1]: 脚注。\n\n",
    "<div>\n生の HTML\n</div>\n\n",
    "<div>\n閉じない\n\n",
    "<script>\n閉じない script\n\n",
    "<b>太字のまま\n\n",
    '<div class="indent" markdown="1">\n\n中の段落。\n\n</div>\n\n',
    "</div>\n\n",
    "{% if true %}Liquid{% endif %}\n\n",
    "![画像](/img/a.png)\n\n",
    "---\n\n",
]
INLINE = ["テスト", "*", "`", "[", "]", "\n", "\n\n", "<", "</div>", "<b>", "a", "「」"]


def _eval(qtbot, pane, script: str):
    box: list = []
    pane.run_in_page(script, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10000)
    return box[0]


def _page_and_full(qtbot, pane, text: str) -> tuple[str, str]:
    full = render_body(text).html
    return tuple(
        json.loads(
            _eval(
                qtbot,
                pane,
                "JSON.stringify([document.getElementById('tsuzuri-body').innerHTML,"
                f" window.tsuzuri.normalise({json.dumps(full)})])",
            )
        )
    )


def _show(qtbot, pane, patch) -> None:
    patch = pickle.loads(pickle.dumps(patch))  # as it comes from the worker process
    with qtbot.waitSignal(pane.shown, timeout=15000, check_params_cb=lambda v: v == patch.version):
        assert pane.apply_patch(patch)


@st.composite
def _edit(draw, text: str):
    """An edit anywhere, or at a block boundary: a block inserted, removed, repeated or moved,
    or a few characters typed."""
    bounds = [0] + [i + 2 for i in range(len(text)) if text.startswith("\n\n", i)]
    kind = draw(st.sampled_from(["insert", "remove", "repeat", "move", "type"]))
    at = draw(st.sampled_from(bounds))
    following = [b for b in bounds if b > at] + [len(text)]
    end = following[0]
    if kind == "insert":
        return [(at, 0, draw(st.sampled_from(BLOCKS)))]
    if kind == "remove":
        return [(at, end - at, "")]
    if kind == "repeat":
        return [(at, 0, text[at:end])]
    if kind == "move":
        to = draw(st.sampled_from(bounds))
        block = text[at:end]
        if to >= end:
            return [(to, 0, block), (at, end - at, "")]
        if to <= at:
            return [(at, end - at, ""), (to, 0, block)]
        return [(at, 0, "")]
    where = draw(st.integers(0, len(text)))
    removed = draw(st.integers(0, min(3, len(text) - where)))
    return [(where, removed, draw(st.lists(st.sampled_from(INLINE), max_size=3).map("".join)))]


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    first=st.lists(st.sampled_from(BLOCKS), min_size=1, max_size=8).map("".join),
    data=st.data(),
)
def test_patched_page_equals_the_full_render(qtbot, pane, first, data):
    worker = RenderWorker()
    text, version = first, 0
    _show(qtbot, pane, worker.reset(version, text))
    shown, full = _page_and_full(qtbot, pane, text)
    assert shown == full
    for _ in range(data.draw(st.integers(1, 5))):
        edits = []
        for start, removed, added in data.draw(_edit(text)):
            text = text[:start] + added + text[start + removed :]
            version += 1
            edits.append((version, start, removed, added, len(text)))
        _show(qtbot, pane, worker.edit(tuple(edits)))
        shown, full = _page_and_full(qtbot, pane, text)
        assert shown == full


LONG = "".join(f"段落 {n} です。\n\n" for n in range(300))


def test_a_paragraph_inserted_at_the_top_adds_one_node_and_keeps_the_rest(qtbot, pane):
    worker = RenderWorker()
    _show(qtbot, pane, worker.reset(0, LONG))
    marked = _eval(
        qtbot,
        pane,
        "(() => { const kids = document.getElementById('tsuzuri-body').children;"
        " for (const el of kids) { el.tsuzuriMark = true; } return kids.length; })()",
    )
    assert marked == 300
    added = "新しい段落。\n\n"
    _show(qtbot, pane, worker.edit(((1, 0, 0, added, len(LONG) + len(added)),)))
    fresh, kept, lines = json.loads(
        _eval(
            qtbot,
            pane,
            "(() => { const kids = Array.from(document.getElementById('tsuzuri-body').children);"
            " return JSON.stringify([kids.filter((el) => !el.tsuzuriMark).length,"
            " kids.filter((el) => el.tsuzuriMark).length,"
            " kids.map((el) => Number(el.dataset.sourceLine))]); })()",
        )
    )
    assert (fresh, kept) == (1, 300)
    assert lines == [2 * n for n in range(301)]  # the kept blocks' lines moved down
    shown, full = _page_and_full(qtbot, pane, added + LONG)
    assert shown == full


def test_a_reloaded_page_is_built_again_from_the_blocks_the_pane_holds(qtbot, pane, blog):
    worker = RenderWorker()
    _show(qtbot, pane, worker.reset(0, LONG))
    added = "<div>\n閉じない div\n\n"
    patch = worker.edit(((1, 0, 0, added, len(LONG) + len(added)),))
    with qtbot.waitSignal(pane.shown, timeout=15000):
        pane.load_page(blog, [], dark=True)  # a theme change: the page starts empty
        assert pane.apply_patch(pickle.loads(pickle.dumps(patch)))
    shown, full = _page_and_full(qtbot, pane, added + LONG)
    assert shown == full
    assert "閉じない div" in shown


def test_typing_far_from_raw_html_that_spans_blocks_sends_only_the_edited_block(qtbot, pane):
    # An unclosed <div> closed three blocks later: those blocks are parsed together on the
    # page, and nothing else is sent again when the writer types elsewhere.
    text = '<div class="note" markdown="1">\n\n囲みの中。\n\n</div>\n\n' + LONG
    worker = RenderWorker()
    _show(qtbot, pane, worker.reset(0, text))
    scripts: list[str] = []
    page = pane._view.page()
    run = page.runJavaScript
    page.runJavaScript = lambda script, *args: (scripts.append(script), run(script, *args))
    at = text.index("段落 250 です。") + len("段落 250")
    _show(qtbot, pane, worker.edit(((1, at, 0, "字", len(text) + 1),)))
    text = text[:at] + "字" + text[at:]
    assert len(scripts) == 1 and "段落 250字" in scripts[0]
    assert len(scripts[0]) < 1000  # nor the page's own bridge script again
    assert "段落 10 です" not in scripts[0] and "囲みの中" not in scripts[0]
    shown, full = _page_and_full(qtbot, pane, text)
    assert shown == full
    at = text.index("囲みの中") + 1
    _show(qtbot, pane, worker.edit(((2, at, 0, "字", len(text) + 1),)))
    text = text[:at] + "字" + text[at:]
    assert "囲字みの中" in scripts[-1] and "段落 10 です" not in scripts[-1]
    shown, full = _page_and_full(qtbot, pane, text)
    assert shown == full
