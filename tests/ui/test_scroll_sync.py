"""Scroll sync both ways: one pane follows the other within one block."""

from __future__ import annotations

import json

import pytest

from tests.ui.conftest import JA_POST, wait_for_preview

pytestmark = pytest.mark.ui


def _blocks(qtbot, window) -> list[int]:
    box: list = []
    window.preview.run_in_page(
        "JSON.stringify(Array.from(document.querySelectorAll('#tsuzuri-body > [data-source-line]'))"
        ".map(e => Number(e.dataset.sourceLine)))",
        box.append,
    )
    qtbot.waitUntil(lambda: bool(box), timeout=10000)
    return json.loads(box[0])


def _preview_top(qtbot, window) -> int:
    box: list = []
    window.preview.run_in_page("window.tsuzuri.topLine()", box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10000)
    return int(box[0])


def _block_index(blocks: list[int], line: int) -> int:
    """Index of the block that holds body line ``line``."""
    return max(i for i, start in enumerate(blocks) if start <= max(line, blocks[0]))


@pytest.fixture
def small_window(qtbot, blog, make_window):
    window = make_window(blog, blog / "_posts" / JA_POST)
    window.resize(900, 420)
    window.main_splitter.setSizes([0, 450, 450])
    wait_for_preview(qtbot, window, "まとめ")
    return window


def test_scrolling_the_text_pane_moves_the_preview(qtbot, small_window):
    window = small_window
    blocks = _blocks(qtbot, window)
    target = blocks[len(blocks) * 2 // 3]  # a block well down the post
    window.editor.verticalScrollBar().setValue(
        window.editor.document().findBlockByNumber(target).firstLineNumber()
    )
    assert window.editor.top_line() == target
    expected = _block_index(blocks, target)
    qtbot.waitUntil(
        lambda: abs(_block_index(blocks, _preview_top(qtbot, window)) - expected) <= 1,
        timeout=10000,
    )


def test_scrolling_the_preview_moves_the_text_pane(qtbot, small_window):
    window = small_window
    blocks = _blocks(qtbot, window)
    qtbot.wait(400)  # past the echo window of the initial sync
    window.preview.run_in_page(
        "window.scrollTo(0, document.body.scrollHeight / 2); 1", lambda _r: None
    )
    qtbot.waitUntil(lambda: window.editor.top_line() > 5, timeout=10000)
    preview_block = _block_index(blocks, _preview_top(qtbot, window))
    assert abs(_block_index(blocks, window.editor.top_line()) - preview_block) <= 1


def test_block_under_cursor_is_marked_in_preview(qtbot, small_window):
    window = small_window
    blocks = _blocks(qtbot, window)
    line = blocks[3]
    window.editor.go_to_line(line)
    box: list = []

    def marked():
        box.clear()
        window.preview.run_in_page(
            "JSON.stringify(Array.from(document.querySelectorAll('.tsuzuri-current'))"
            ".map(e => Number(e.dataset.sourceLine)))",
            box.append,
        )
        qtbot.waitUntil(lambda: bool(box), timeout=5000)
        return json.loads(box[0]) == [line]

    qtbot.waitUntil(marked, timeout=10000)
