"""The text pane colours Markdown: headings bold, code in fences, markers flagged."""

import sys

import pytest
from PySide6.QtGui import QFont

from editor.ui.editor_pane import MarkdownEditor

pytestmark = pytest.mark.ui


def _formats(editor, line: int):
    return editor.document().findBlockByNumber(line).layout().formats()


def test_headings_fences_and_markers_are_coloured(qtbot):
    editor = MarkdownEditor()
    qtbot.addWidget(editor)
    editor.setPlainText(
        "## 見出し\n\n```python\n# not a heading\n```\n本文の **太字** です\n---END---\n"
    )
    heading = _formats(editor, 0)
    assert heading and heading[0].format.fontWeight() == QFont.Weight.Bold
    inside_fence = _formats(editor, 3)
    assert inside_fence and inside_fence[0].format.fontWeight() != QFont.Weight.Bold
    strong = [r for r in _formats(editor, 5) if r.format.fontWeight() == QFont.Weight.Bold]
    assert strong and strong[0].start == len("本文の ")
    marker = _formats(editor, 6)
    assert marker and marker[0].format.background().color().name() == "#c62828"


def test_only_what_kramdown_reads_as_a_heading_is_coloured_as_one(qtbot):
    editor = MarkdownEditor()
    qtbot.addWidget(editor)
    editor.setPlainText("   ## 段落\n\n#タグ\n\n# 見出し\n")
    bold = [
        any(r.format.fontWeight() == QFont.Weight.Bold for r in _formats(editor, line))
        for line in (0, 2, 4)
    ]
    assert bold == [False, False, True]


def test_colouring_a_long_post_keeps_none_alive(qtbot):
    editor = MarkdownEditor()
    qtbot.addWidget(editor)
    before = sys.getrefcount(None)
    editor.setPlainText("## 見出し\n本文の **太字**\n" * 3000)
    assert sys.getrefcount(None) - before > -100


def _first_colour(editor, line: int):
    from PySide6.QtGui import QColor

    first = _formats(editor, line)[0]
    fmt = first.format
    return QColor(fmt.foreground().color()).name()


def test_a_theme_change_recolours_a_long_post_from_the_view_without_freezing(qtbot):
    from editor.ui.highlighter import DARK_FORMATS, FORMATS

    editor = MarkdownEditor()
    qtbot.addWidget(editor)
    editor.setPlainText("## 見出し\n\n本文です。\n\n" * 20000)  # 80,000 lines
    light = FORMATS["heading"].foreground().color().name()
    dark = DARK_FORMATS["heading"].foreground().color().name()
    assert _first_colour(editor, 40000) == light
    editor.highlighter.set_dark(True, first_block=40000)
    # The lines in view first; the rest later, between events.
    assert _first_colour(editor, 40000) == dark
    assert editor.highlighter.recolouring()
    assert _first_colour(editor, 0) == light
    qtbot.waitUntil(lambda: not editor.highlighter.recolouring(), timeout=120000)
    assert _first_colour(editor, 0) == dark
    assert _first_colour(editor, 79996) == dark


def test_list_markers_are_coloured_where_enter_continues_the_list(qtbot):
    """The colour of a list marker and Enter's list continuation agree on what a list item is:
    a full-width space is prose, not the indent or gap of a list item."""
    editor = MarkdownEditor()
    qtbot.addWidget(editor)
    editor.setPlainText("- 項目\n  1. 番号\n　- 全角の字下げ\n-　全角の後\n* * *\n- [ ] 作業\n")

    def marker(line: int) -> int:
        runs = [r for r in _formats(editor, line) if r.format.fontWeight() == QFont.Weight.Bold]
        return runs[0].start + runs[0].length if runs else 0

    assert [marker(line) for line in range(6)] == [2, 5, 0, 0, 0, 2]


def test_a_long_post_is_coloured_where_the_writer_looks(qtbot, monkeypatch):
    """Showing a 1 MB post colours the lines in view, not its 40,000 lines (the better part of
    a second, and tens of megabytes of formats): the rest is coloured as it scrolls into view,
    a fence opened far above still read as a fence."""
    from editor.ui.highlighter import MarkdownHighlighter

    coloured = []
    colour = MarkdownHighlighter._colour
    monkeypatch.setattr(
        MarkdownHighlighter,
        "_colour",
        lambda self, text: coloured.append(text) or colour(self, text),
    )
    editor = MarkdownEditor()
    qtbot.addWidget(editor)
    editor.resize(600, 400)
    editor.show()
    section = "## 見出し\n\n本文の **太字** です。\n\n```\n## コードの中\n```\n\n"
    editor.set_text_keeping_view(section * 10000)  # 80,000 lines
    qtbot.wait(50)
    assert 0 < len(coloured) < 1000  # the view's lines, not the whole post
    assert _formats(editor, 0)[0].format.fontWeight() == QFont.Weight.Bold
    assert _formats(editor, 79992) == []
    editor.scroll_to_line(79990)
    qtbot.waitUntil(lambda: _formats(editor, 79992) != [])  # coloured once the scroll is over
    assert len(coloured) < 2000
    assert _formats(editor, 79992)[0].format.fontWeight() == QFont.Weight.Bold
    inside_fence = _formats(editor, 79997)  # "## コードの中" is code, not a heading
    assert inside_fence and inside_fence[0].format.fontWeight() != QFont.Weight.Bold
    assert _formats(editor, 40000) == []  # never looked at, never coloured
    coloured.clear()
    editor.scroll_to_line(79980)  # ten lines up: those ten are coloured, not the whole view
    qtbot.waitUntil(lambda: len(coloured) > 0)
    assert 0 < len(coloured) <= 10
    # Typing colours the line typed in; a theme change colours the view in its colours.
    editor.highlighter.set_dark(True, first_block=79990)
    from editor.ui.highlighter import DARK_FORMATS

    dark = DARK_FORMATS["heading"].foreground().color().name()
    assert _first_colour(editor, 79992) == dark
    assert not editor.highlighter.recolouring()
