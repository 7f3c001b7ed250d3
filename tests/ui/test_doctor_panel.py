"""The issues panel on the raw post: findings listed and counted, fixes as one undo step each."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt

from tests.conftest import corpus_files
from tests.ui.conftest import type_text

pytestmark = pytest.mark.ui

RAW = corpus_files("raw")


@pytest.fixture
def raw_window(qtbot, blog, make_window):
    if not RAW:
        pytest.skip("../shared/corpus/raw is not beside the checkout")
    post = blog / "_posts" / RAW[0].name
    shutil.copyfile(RAW[0], post)
    window = make_window(blog, post)
    qtbot.waitUntil(lambda: bool(window.doctor_panel.findings), timeout=15000)
    return window, post


def _rules(window) -> set[str]:
    return {f.rule for f in window.doctor_panel.findings}


def test_raw_post_problems_are_listed_counted_and_marked(qtbot, raw_window):
    window, _post = raw_window
    rules = _rules(window)
    assert {"continuation-marker", "repeated-text", "broken-character", "reading-time"} <= rules, (
        rules
    )
    count = len(window.doctor_panel.findings)
    assert str(count) in window.doctor_status.text()
    assert window.doctor_panel.tree.topLevelItemCount() == count
    assert len(window.editor.extraSelections()) > 0


def test_clicking_a_finding_jumps_to_its_place(qtbot, raw_window):
    window, _post = raw_window
    panel = window.doctor_panel
    row = next(i for i, f in enumerate(panel.findings) if f.rule == "continuation-marker")
    item = panel.tree.topLevelItem(row)
    panel.tree.setCurrentItem(item)
    panel.tree.itemActivated.emit(item, 0)
    assert window.editor.textCursor().selectedText().startswith("---END---") or (
        "---END---" in window.editor.textCursor().block().text()
    )


def test_fix_all_safe_is_one_undo_step_and_never_touches_disk(qtbot, raw_window):
    window, post = raw_window
    on_disk = post.read_bytes()
    before = window.editor.toPlainText()
    assert "---END---" in before
    qtbot.mouseClick(window.doctor_panel.fix_all_button, Qt.MouseButton.LeftButton)
    after = window.editor.toPlainText()
    assert "---END---" not in after and len(after) < len(before)
    qtbot.waitUntil(lambda: "continuation-marker" not in _rules(window), timeout=15000)
    assert post.read_bytes() == on_disk
    assert window.isWindowModified()

    window.editor.undo()
    assert window.editor.toPlainText() == before
    window.editor.redo()
    assert window.editor.toPlainText() == after


def test_front_matter_fix_updates_the_form_and_undoes_in_one_step(qtbot, raw_window):
    window, _post = raw_window
    assert window.form.title.text().endswith("\ufffd")
    panel = window.doctor_panel
    row = next(
        i
        for i, f in enumerate(panel.findings)
        if f.rule == "broken-character" and f.fix and f.line == 3
    )
    panel.tree.setCurrentItem(panel.tree.topLevelItem(row))
    qtbot.mouseClick(panel.fix_button, Qt.MouseButton.LeftButton)
    assert "\ufffd" not in window.form.title.text()
    assert "\ufffd" not in window.document.get("title")
    body = window.editor.toPlainText()

    window.editor.undo()
    qtbot.waitUntil(lambda: window.form.title.text().endswith("\ufffd"), timeout=5000)
    assert window.editor.toPlainText() == body
    window.editor.redo()
    qtbot.waitUntil(lambda: "\ufffd" not in window.form.title.text(), timeout=5000)


def test_a_rule_switched_off_is_not_reported_and_stays_off_for_the_blog(
    qtbot, raw_window, make_window, settings
):
    window, post = raw_window
    assert "sentence-length" in _rules(window)
    window.doctor.rule_actions["sentence-length"].setChecked(False)
    qtbot.waitUntil(lambda: "sentence-length" not in _rules(window), timeout=15000)
    assert "continuation-marker" in _rules(window)
    window.close()
    again = make_window(post.parent.parent, post, window_settings=settings)
    assert not again.doctor.rule_actions["sentence-length"].isChecked()
    qtbot.waitUntil(lambda: bool(again.doctor_panel.findings), timeout=15000)
    assert "sentence-length" not in _rules(again)


def test_undoing_a_fix_then_editing_keeps_the_writers_edits(qtbot, raw_window):
    window, _post = raw_window
    before = window.document.get("reading_time")
    qtbot.mouseClick(window.doctor_panel.fix_all_button, Qt.MouseButton.LeftButton)
    assert window.document.get("reading_time") != before
    window.editor.undo()
    qtbot.waitUntil(lambda: window.document.get("reading_time") == before, timeout=5000)
    window.form.title.selectAll()
    type_text(qtbot, window.form.title, "新しい題名")
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    type_text(qtbot, window.editor, "追記")
    qtbot.wait(100)  # let any deferred undo bookkeeping run
    assert window.document.get("title") == "新しい題名"
    assert window.document.get("reading_time") == before
    window.editor.undo()  # undoes the typing only
    qtbot.wait(100)
    assert window.document.get("title") == "新しい題名"


def test_fix_all_safe_in_the_window_matches_the_command_line(qtbot, raw_window):
    from editor.core.doctor import fix_all_safe

    window, post = raw_window
    expected = fix_all_safe(
        post.read_text(encoding="utf-8"), window.doctor.config, window.blog_root
    )
    qtbot.mouseClick(window.doctor_panel.fix_all_button, Qt.MouseButton.LeftButton)
    assert window.document.text == expected


def test_a_yaml_edit_in_its_debounce_survives_a_fix_and_its_undo(qtbot, raw_window):
    window, _post = raw_window
    raw = window.form.raw
    window.form.tabs.setCurrentWidget(raw)
    raw.moveCursor(raw.textCursor().MoveOperation.End)
    type_text(qtbot, raw, "series: mine\n")
    qtbot.mouseClick(window.doctor_panel.fix_all_button, Qt.MouseButton.LeftButton)
    assert window.document.get("series") == "mine"
    window.editor.undo()
    qtbot.wait(100)
    assert window.document.get("series") == "mine"
    assert "series: mine" in raw.toPlainText()
