"""The outline panel and the status bar's counts, driven through the real window."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from editor.ui.editor_pane import MarkdownEditor
from tests.ui.conftest import JA_POST, type_text, wait_for_preview

SAMPLE_HEADINGS = [
    "需要を押し上げている三つの要因",
    "数字で見る市場",
    "供給側の制約",
    "簡単な試算",
    "まとめ",
]


def _titles(window) -> list[str]:
    return [item.text(0) for item in window.outline_panel.items()]


def _line_text(editor) -> str:
    return editor.textCursor().block().text()


def _new_post(qtbot, window, body: str = "") -> None:
    window.new_post()
    window.editor.setFocus()
    if body:
        type_text(qtbot, window.editor, body)


def test_the_outline_lists_the_posts_headings_and_a_click_jumps_there(qtbot, blog, make_window):
    window = make_window(blog, blog / "_posts" / JA_POST)
    qtbot.waitUntil(lambda: _titles(window) == SAMPLE_HEADINGS)
    panel = window.outline_panel
    item = panel.items()[2]
    rect = panel.visualItemRect(item)
    qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert _line_text(window.editor) == "## 供給側の制約"
    assert window.editor.hasFocus()

    # Enter on an item jumps as well.
    panel.setFocus()
    panel.setCurrentItem(panel.items()[4])
    qtbot.keyClick(panel, Qt.Key.Key_Return)
    assert _line_text(window.editor) == "## まとめ"


def test_the_current_heading_follows_the_cursor(qtbot, blog, make_window):
    window = make_window(blog, blog / "_posts" / JA_POST)
    qtbot.waitUntil(lambda: _titles(window) == SAMPLE_HEADINGS)
    editor = window.editor
    cursor = editor.textCursor()
    cursor.setPosition(editor.toPlainText().index("区分"))  # the table under 数字で見る市場
    editor.setTextCursor(cursor)
    assert window.outline_panel.currentItem().text(0) == "数字で見る市場"
    editor.moveCursor(QTextCursor.MoveOperation.End)
    assert window.outline_panel.currentItem().text(0) == "まとめ"
    editor.moveCursor(QTextCursor.MoveOperation.Start)  # above the first heading
    assert window.outline_panel.currentItem() is None


def test_typed_headings_appear_nested_and_a_level_jump_is_marked(qtbot, blog, make_window):
    window = make_window(blog)
    _new_post(qtbot, window, "## 概要\n\n本文。\n\n#### 詳細\n\n見出し\n---\n")
    qtbot.waitUntil(lambda: _titles(window) == ["概要", "詳細", "見出し"])
    top = window.outline_panel.topLevelItem(0)
    jumped = top.child(0)
    assert (top.text(0), jumped.text(0), top.childCount()) == ("概要", "詳細", 1)
    assert "h2" in jumped.toolTip(0) and "h4" in jumped.toolTip(0)
    assert not jumped.icon(0).isNull() and top.icon(0).isNull()


def test_the_outline_can_follow_another_text_pane(qtbot, blog, make_window):
    window = make_window(blog, blog / "_posts" / JA_POST)
    qtbot.waitUntil(lambda: _titles(window) == SAMPLE_HEADINGS)
    other = MarkdownEditor()
    qtbot.addWidget(other)
    other.setPlainText("# 別のタブ\n\n## 二つ目\n")
    window.outline.attach(other)
    qtbot.waitUntil(lambda: _titles(window) == ["別のタブ", "二つ目"])
    window.editor.moveCursor(QTextCursor.MoveOperation.End)  # the old pane no longer moves it
    other.moveCursor(QTextCursor.MoveOperation.End)
    assert window.outline_panel.currentItem().text(0) == "二つ目"


def test_the_status_bar_counts_japanese_as_it_is_typed(qtbot, blog, make_window):
    window = make_window(blog)
    _new_post(qtbot, window, "日本語の文章です。")
    counts = window.counts
    qtbot.waitUntil(lambda: counts.characters.text() == "Characters 9")
    assert counts.reading.text() == "1 min read"
    first = window.document.source.body_line_offset + 1  # the file's line, as the doctor says
    assert first > 1
    assert counts.position.text() == f"Ln {first}, Col 10"
    assert not counts.words.isVisible() and not counts.selection.isVisible()

    type_text(qtbot, window.editor, "\n## AI と **GPU** の話\n")
    qtbot.waitUntil(lambda: counts.characters.text() == "Characters 17")  # AIと GPU の話: 8
    assert counts.words.isVisible() and counts.words.text() == "Words 2"
    assert counts.position.text() == f"Ln {first + 2}, Col 1"

    window.editor.selectAll()
    assert counts.selection.isVisible() and counts.selection.text() == "Selected 17 characters"
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    assert not counts.selection.isVisible()


def test_a_column_counts_characters_not_utf16_units(qtbot, blog, make_window):
    window = make_window(blog)
    _new_post(qtbot, window, "𠮷野家の😀")
    first = window.document.source.body_line_offset + 1
    assert window.counts.position.text() == f"Ln {first}, Col 6"


def test_a_thousand_characters_are_grouped_and_the_reading_time_is_the_doctors(
    qtbot, blog, make_window
):
    window = make_window(blog)
    window.new_post()
    sentence = "静的サイトの記事を書く時間は、思っていたよりずっと短くなりました。"  # 33
    window.editor.setPlainText(sentence * 31)
    counts = window.counts
    qtbot.waitUntil(lambda: counts.characters.text() == "Characters 1,023")
    assert counts.reading.text() == "3 min read"
    # The doctor's reading speed is the status bar's: at 100 characters a minute, 11 minutes.
    window.doctor.config = replace(window.doctor.config, chars_per_minute=100)
    window.editor.setPlainText(sentence * 31)
    qtbot.waitUntil(lambda: counts.reading.text() == "11 min read")


def test_a_long_selection_is_counted_off_the_keystroke(qtbot, blog, make_window):
    window = make_window(blog)
    window.new_post()
    window.editor.setPlainText("段落の文。\n\n" * 5000)  # 25,000 characters of prose
    window.editor.selectAll()
    counts = window.counts
    qtbot.waitUntil(lambda: counts.selection.text() == "Selected 25,000 characters")
    assert counts.selection.isVisible()


def test_the_counts_and_outline_of_a_long_post_are_worked_out_outside_the_window_process(
    qtbot, blog, make_window, monkeypatch
):
    """Counting a megabyte post holds Python for a few hundred ms: on a thread of the window's
    process that holds every keystroke too.  Here nothing of it runs in the window's process,
    and typing sends at most a read per pause, never one per keystroke."""
    import editor.core.text.facts as facts_module
    import editor.core.text.outline as outline
    import editor.core.text.readtime as readtime

    in_window: list[str] = []
    for module in (readtime, outline, facts_module):
        scan = module.scan_blocks
        monkeypatch.setattr(
            module, "scan_blocks", lambda *a, _s=scan: in_window.append(len(a[0])) or _s(*a)
        )
    window = make_window(blog)
    window.new_post()
    window.editor.setPlainText(
        "## 見出し\n\n" + "段落の文。\n\n" * 12_000
    )  # a 72,000-character post
    qtbot.waitUntil(lambda: window.counts.characters.text() == "Characters 60,003")
    qtbot.waitUntil(lambda: _titles(window) == ["見出し"])
    # Neither the counts nor the headings were read in this process (a new post's skeleton
    # works out the reading time of its empty body, that is all).
    assert not any(in_window)
    facts = window.facts
    reads: list[int] = []
    call = facts.service.call
    monkeypatch.setattr(facts.service, "call", lambda *a: reads.append(1) or call(*a))
    window.editor.setFocus()
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    for key in "abcdefghijklmnopqrstuvwxyz" * 2:
        qtbot.keyClick(window.editor, key)
        qtbot.wait(5)  # the event loop runs between keys, as it does for a writer
    assert len(reads) <= 2  # 52 keystrokes: at most a pause or two, never one read per key
    type_text(qtbot, window.editor, "\n\n### 小見出し\n")
    qtbot.waitUntil(lambda: window.counts.characters.text() == "Characters 60,059")
    qtbot.waitUntil(lambda: _titles(window) == ["見出し", "小見出し"])
    assert len(reads) <= 6
    assert not any(in_window)


def test_in_preview_only_a_heading_chosen_in_the_outline_scrolls_the_preview(
    qtbot, blog, make_window
):
    window = make_window(blog, blog / "_posts" / JA_POST)
    if not window.preview.uses_webengine:
        pytest.skip(f"QtWebEngine unavailable: {window.preview.fallback_reason}")
    wait_for_preview(qtbot, window, "まとめ")
    window.view.mode_actions["preview"].trigger()
    qtbot.waitUntil(lambda: _titles(window) == SAMPLE_HEADINGS)

    def scrolled() -> float:
        box: list = []
        window.preview.run_in_page("window.scrollY", box.append)
        qtbot.waitUntil(lambda: bool(box), timeout=10000)
        return box[0] or 0

    before = scrolled()
    window.outline_panel.setFocus()
    window.outline_panel.setCurrentItem(window.outline_panel.items()[4])
    qtbot.keyClick(window.outline_panel, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: scrolled() > before + 100, timeout=10000)


def test_the_status_bar_counts_the_prose_the_doctor_reads(qtbot, blog, make_window):
    # A continuation marker left by a generator is no prose to the doctor: nor to the counts.
    window = make_window(blog)
    window.new_post()
    window.editor.setPlainText("Hello world です。\n\n---END---\n\n続きの文章。\n")
    counts = window.counts
    qtbot.waitUntil(lambda: counts.words.text() == "Words 2")
    assert counts.characters.text() == "Characters 19"  # Hello world です。 続きの文章。
    assert "Japanese" in counts.characters.toolTip()  # says what it counts, and what not
    assert "reading time" in counts.characters.toolTip()
