"""Find and replace in the real window: the bar, its count and marks, replace with one undo
step, the Edit menu, and find in the preview."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from editor.ui.find_controller import MAX_VISIBLE_MARKS
from editor.ui.pane_marks import marks
from tests.ui.conftest import JA_POST, type_text

pytestmark = pytest.mark.ui

BODY = "AIとＡＩの話。\n\nAIは便利だ。ｶﾀｶﾅとカタカナ。\n\n2024年から2025年まで。\n"


@pytest.fixture
def window(blog, make_window):
    post = blog / "_posts" / "2025-11-01-find.md"
    post.write_text(f"---\ntitle: 検索\n---\n{BODY}", encoding="utf-8")
    window = make_window(blog, post)
    window.activateWindow()
    window.editor.setFocus()
    return window


def _press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key typed on the window: it goes through shortcut handling, as a writer's would."""
    qtbot.waitActive(window)
    QTest.keyClick(window, key, modifier)


def _find(qtbot, window, query: str, replace: bool = False) -> None:
    key = Qt.Key.Key_H if replace else Qt.Key.Key_F
    _press(qtbot, window, key, Qt.KeyboardModifier.ControlModifier)
    field = window.find.bar.find_field
    field.selectAll()
    type_text(qtbot, field, query)


def _count(window) -> str:
    return window.find.bar.count_label.text()


def test_ctrl_f_opens_the_bar_seeded_with_the_selection(qtbot, window):
    assert not window.find.bar.isVisible()
    cursor = window.editor.textCursor()
    cursor.setPosition(BODY.index("カタカナ"))
    cursor.setPosition(BODY.index("カタカナ") + 4, QTextCursor.MoveMode.KeepAnchor)
    window.editor.setTextCursor(cursor)
    _press(qtbot, window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find.bar.isVisible()
    assert window.find.bar.find_field.text() == "カタカナ"
    assert QApplication.focusWidget() is window.find.bar.find_field
    assert not window.find.bar.replace_row.isVisible()
    assert _count(window) == "2 / 2"  # ｶﾀｶﾅ and カタカナ: width-insensitive by default


def test_typing_a_query_marks_every_match_and_shows_the_count(qtbot, window):
    _find(qtbot, window, "AI")
    assert _count(window) == "1 / 3"
    assert len(marks(window.editor, "find")) == 3
    selected = window.editor.textCursor().selectedText()
    assert selected == "AI"
    window.find.bar.width_button.click()  # full-width ＡＩ no longer matches
    assert _count(window) == "1 / 2"
    assert len(marks(window.editor, "find")) == 2
    assert window.settings.value("find/width_insensitive") is False


def test_width_insensitive_finds_full_width_for_half_width(qtbot, window):
    _find(qtbot, window, "AI")
    _press(qtbot, window, Qt.Key.Key_F3)
    assert window.editor.textCursor().selectedText() == "ＡＩ"
    assert _count(window) == "2 / 3"
    _press(qtbot, window, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert _count(window) == "1 / 3"
    _press(qtbot, window, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)  # wraps round
    assert _count(window) == "3 / 3"


def test_the_count_follows_the_text_as_it_changes(qtbot, window):
    _find(qtbot, window, "AI")
    window.editor.setFocus()
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(qtbot, window.editor, "AIとＡＩ")
    qtbot.waitUntil(lambda: _count(window) == "? / 5", timeout=3000)
    assert len(marks(window.editor, "find")) == 5


def test_escape_closes_the_bar_and_gives_the_text_pane_the_focus(qtbot, window):
    _find(qtbot, window, "AI")
    QTest.keyClick(window.find.bar.find_field, Qt.Key.Key_Escape)
    assert not window.find.bar.isVisible()
    assert QApplication.focusWidget() is window.editor
    assert marks(window.editor, "find") == []


def test_replace_all_is_one_undo_step(qtbot, window):
    before = window.editor.toPlainText()
    _find(qtbot, window, "AI", replace=True)
    assert window.find.bar.replace_row.isVisible()
    window.find.bar.replace_field.setFocus()
    type_text(qtbot, window.find.bar.replace_field, "人工知能")
    window.find.bar.replace_all_button.click()
    assert window.editor.toPlainText() == before.replace("AI", "人工知能").replace(
        "ＡＩ", "人工知能"
    )
    assert _count(window) == "No results"
    assert "Replaced 3 matches" in window.statusBar().currentMessage()
    window.editor.setFocus()
    QTest.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.toPlainText() == before


def test_replace_one_replaces_the_selected_match_and_moves_on(qtbot, window):
    _find(qtbot, window, "AI", replace=True)
    window.find.bar.replace_field.setText("人工知能")
    window.find.bar.replace_button.click()
    text = window.editor.toPlainText()
    assert text.startswith("人工知能とＡＩの話。")
    assert text.count("AI") == 1
    assert window.editor.textCursor().selectedText() == "ＡＩ"
    assert _count(window) == "1 / 2"


def test_regular_expression_with_groups(qtbot, window):
    window.find.bar.regex_button.setChecked(True)
    _find(qtbot, window, r"(\d{4})年", replace=True)
    assert _count(window) == "1 / 2"
    window.find.bar.replace_field.setText(r"\1 年")
    window.find.bar.replace_all_button.click()
    assert "2024 年から2025 年まで。" in window.editor.toPlainText()


def test_a_bad_regex_shows_a_message_in_the_bar_and_changes_nothing(qtbot, window):
    before = window.editor.toPlainText()
    window.find.bar.regex_button.setChecked(True)
    _find(qtbot, window, "(AI", replace=True)
    problem = window.find.bar.problem_label
    assert problem.isVisible()
    assert "Not a valid regular expression" in problem.text()
    assert "at character 1" in problem.text()
    window.find.bar.replace_field.setText("x")
    window.find.bar.replace_all_button.click()
    assert window.editor.toPlainText() == before
    assert marks(window.editor, "find") == []


def test_find_marks_and_the_doctors_marks_are_both_kept(qtbot, blog, make_window):
    post = blog / "_posts" / "2025-11-02-broken.md"
    post.write_text("---\ntitle: 壊れ\n---\n文字が\ufffd壊れたAIの話。\n", encoding="utf-8")
    window = make_window(blog, post)
    qtbot.waitUntil(lambda: len(marks(window.editor, "doctor")) > 0, timeout=10000)
    doctor = len(marks(window.editor, "doctor"))
    _find(qtbot, window, "AI")
    assert len(marks(window.editor, "find")) == 1
    assert len(marks(window.editor, "doctor")) == doctor
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(qtbot, window.editor, "AI")  # the doctor checks again and marks again
    qtbot.waitUntil(lambda: len(marks(window.editor, "find")) == 2, timeout=5000)
    qtbot.waitUntil(window.doctor.is_done, timeout=10000)
    assert len(marks(window.editor, "doctor")) >= doctor  # marked again, beside find's
    assert len(marks(window.editor, "find")) == 2


def test_a_long_post_marks_only_what_the_pane_shows(qtbot, window):
    window.editor.setPlainText("AIの話。\n" * 40_000)
    _find(qtbot, window, "AI")
    assert _count(window) == "1 / 40000"
    shown = len(marks(window.editor, "find"))
    assert 0 < shown < 200 and shown <= MAX_VISIBLE_MARKS
    window.editor.verticalScrollBar().setValue(20_000)
    qtbot.waitUntil(lambda: marks(window.editor, "find")[0].cursor.selectionStart() > 0)
    first = marks(window.editor, "find")[0].cursor.selectionStart()
    assert first >= 19_000 * len("AIの話。\n")
    window.editor.setFocus()
    window.editor.moveCursor(QTextCursor.MoveOperation.End)  # scrolls while laying out
    qtbot.waitUntil(
        lambda: (
            marks(window.editor, "find")[-1].cursor.selectionStart() == 39_999 * len("AIの話。\n")
        )
    )


def test_attach_moves_find_to_another_text_pane(qtbot, window):
    from editor.ui.editor_pane import MarkdownEditor

    other = MarkdownEditor()
    qtbot.addWidget(other)
    other.setPlainText("AI AI AI AI")
    other.show()
    _find(qtbot, window, "AI")
    window.find.attach(other, window.preview)
    assert marks(window.editor, "find") == []
    assert _count(window) == "? / 4"
    window.find.find_next()
    assert other.textCursor().selectedText() == "AI"
    assert len(marks(other, "find")) == 4


# -- the Edit menu ------------------------------------------------------------------------------


def test_the_edit_menu_holds_editing_and_finding_in_order(window):
    names = [a.text().replace("&", "") for a in window.menus["edit"].actions() if a.text()]
    assert names == [
        "Undo",
        "Redo",
        "Cut",
        "Copy",
        "Paste",
        "Select All",
        "Find…",
        "Replace…",
        "Find Next",
        "Find Previous",
        "Find in Preview…",
        "Settings…",
    ]


def test_edit_actions_act_on_the_focused_field_and_follow_what_it_can_do(qtbot, window):
    actions = window.edit_actions.actions
    title = window.form.findChild(QLineEdit) or window.find.bar.find_field
    window.find.bar.show()
    field = window.find.bar.find_field
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.setText("")
    assert not actions["copy"].isEnabled()
    assert not actions["undo"].isEnabled()
    type_text(qtbot, field, "abc")
    assert actions["undo"].isEnabled()
    actions["selectAll"].trigger()
    assert field.selectedText() == "abc"
    assert actions["copy"].isEnabled() and actions["cut"].isEnabled()
    actions["cut"].trigger()
    assert field.text() == ""
    actions["paste"].trigger()
    actions["paste"].trigger()
    assert field.text() == "abcabc"
    actions["undo"].trigger()
    assert field.text() == "abc"
    assert actions["redo"].isEnabled()
    window.editor.setFocus()
    qtbot.waitUntil(window.editor.hasFocus)
    assert title is not None
    window.editor.moveCursor(QTextCursor.MoveOperation.Start)  # typing "a" found the A of AI
    assert not actions["undo"].isEnabled() and not actions["copy"].isEnabled()
    assert actions["paste"].isEnabled()  # "abc" is on the clipboard
    actions["selectAll"].trigger()
    assert window.editor.textCursor().selectedText().replace("\u2029", "\n") == BODY
    assert actions["copy"].isEnabled()
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    actions["paste"].trigger()
    assert window.editor.toPlainText() == BODY + "abc"
    assert actions["undo"].isEnabled()
    actions["undo"].trigger()
    assert window.editor.toPlainText() == BODY


# -- the preview --------------------------------------------------------------------------------


def test_find_in_the_preview_counts_japanese_text(qtbot, blog, make_window):
    from tests.ui.conftest import wait_for_preview

    window = make_window(blog, blog / "_posts" / JA_POST)
    wait_for_preview(qtbot, window, "データセンター")
    window.find.preview_action.trigger()
    assert window.find.bar.isVisible() and window.find.bar.where.isVisible()
    assert not window.find.bar.regex_button.isEnabled()
    window.find.bar.find_field.setText("推論")  # four times in the text, once in code
    qtbot.waitUntil(lambda: "/" in _count(window), timeout=10000)
    current, total = (part.strip() for part in _count(window).split("/"))
    assert int(total) >= 4 and current == "1"
    assert window.find.visible_marks() == 0  # the text pane is not marked
    window.find.next_action.trigger()
    qtbot.waitUntil(lambda: _count(window).startswith("2 /"), timeout=10000)
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(qtbot, window.editor, "\n\n推論の段落。")  # the page is rendered again
    qtbot.waitUntil(lambda: _count(window).endswith(f" / {int(total) + 1}"), timeout=15000)
    QTest.keyClick(window.find.bar.find_field, Qt.Key.Key_Escape)
    assert not window.find.bar.isVisible()


def test_matches_after_astral_characters_are_selected_exactly(qtbot, window):
    window.editor.setPlainText("𠮷野家の🍚とＡＩ、𠮷のAI")
    _find(qtbot, window, "AI")
    assert window.editor.textCursor().selectedText() == "ＡＩ"
    window.find.find_next()
    assert window.editor.textCursor().selectedText() == "AI"
    window.find.bar.replace_field.setText("人工知能")
    window.find.replace_all()
    assert window.editor.toPlainText() == "𠮷野家の🍚と人工知能、𠮷の人工知能"


def test_find_in_the_simple_preview_when_webengine_is_missing(
    qtbot, blog, make_window, monkeypatch
):
    from editor.ui import preview
    from tests.ui.conftest import wait_for_preview

    monkeypatch.setattr(preview, "WEBENGINE_ERROR", "QtWebEngine could not start")
    window = make_window(blog, blog / "_posts" / JA_POST)
    wait_for_preview(qtbot, window, "推論")
    window.find.preview_action.trigger()
    window.find.bar.find_field.setText("推論")
    assert _count(window) == "1 / 5"
    window.find.find_previous()
    assert _count(window) == "5 / 5"


def test_replace_all_of_many_matches_is_one_edit_and_one_undo(qtbot, window, monkeypatch):
    from editor.ui import find_controller

    monkeypatch.setattr(find_controller, "MAX_SINGLE_EDITS", 2)  # the path for many matches
    text = "前置き\n" + "𠮷のＡＩとAI。\n" * 50 + "後書き"
    window.editor.setPlainText(text)
    _find(qtbot, window, "AI", replace=True)
    assert _count(window) == "1 / 100"
    window.find.bar.replace_field.setText("人工知能")
    window.find.replace_all()
    expected = text.replace("ＡＩ", "人工知能").replace("AI", "人工知能")
    assert window.editor.toPlainText() == expected
    window.editor.setFocus()
    QTest.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.toPlainText() == text


def test_a_regex_that_backtracks_for_ever_is_stopped_and_said_so(qtbot, window, monkeypatch):
    from editor.ui import find_controller

    monkeypatch.setattr(find_controller, "REGEX_TIME_LIMIT", 0.3)
    window.editor.setPlainText("a" * 40 + "!")
    window.find.bar.regex_button.setChecked(True)
    _find(qtbot, window, "(a*)*b", replace=True)
    assert "takes too long" in window.find.bar.problem_label.text()
    window.find.bar.replace_field.setText("x")
    window.find.replace_all()
    assert window.editor.toPlainText() == "a" * 40 + "!"


def test_copy_and_select_all_act_on_the_preview_page(qtbot, blog, make_window):
    from editor.ui.preview import PreviewPane
    from tests.ui.conftest import wait_for_preview

    window = make_window(blog, blog / "_posts" / JA_POST)
    wait_for_preview(qtbot, window, "推論")
    window.activateWindow()
    window.preview.setFocus()
    qtbot.waitUntil(lambda: isinstance(window.edit_actions.target(), PreviewPane))
    actions = window.edit_actions.actions
    assert not actions["paste"].isEnabled() and not actions["undo"].isEnabled()
    assert not actions["copy"].isEnabled()
    actions["selectAll"].trigger()
    qtbot.waitUntil(actions["copy"].isEnabled, timeout=10000)
    QApplication.clipboard().clear()
    actions["copy"].trigger()
    qtbot.waitUntil(lambda: "推論" in QApplication.clipboard().text(), timeout=10000)


def _replace_all(qtbot, window, query: str, replacement: str) -> None:
    _find(qtbot, window, query, replace=True)
    window.find.bar.replace_field.setFocus()
    type_text(qtbot, window.find.bar.replace_field, replacement)
    window.find.bar.replace_all_button.click()  # a click leaves the focus in the field


def test_ctrl_z_in_the_bar_after_replace_all_undoes_the_replace(qtbot, window):
    before = window.editor.toPlainText()
    _replace_all(qtbot, window, "カタカナ", "片仮名")
    field = window.find.bar.replace_field
    assert QApplication.focusWidget() is field
    after = window.editor.toPlainText()
    assert after == before.replace("ｶﾀｶﾅ", "片仮名").replace("カタカナ", "片仮名")
    QTest.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.toPlainText() == before  # the post's edit, not the field's
    assert field.text() == "片仮名"
    QTest.keyClick(
        field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert window.editor.toPlainText() == after  # redo too
    undo = window.edit_actions.actions["undo"]
    window.edit_actions.update()
    assert undo.isEnabled()
    undo.trigger()  # Edit ▸ Undo
    assert window.editor.toPlainText() == before
    assert field.text() == "片仮名"
    type_text(qtbot, field, "語")  # once the writer types in the field, Ctrl+Z is the field's
    QTest.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.toPlainText() == before
    assert field.text() != "片仮名語"


def test_undo_of_replace_all_in_the_pane_keeps_the_caret_near_the_replaced_text(qtbot, window):
    _replace_all(qtbot, window, "カタカナ", "片仮名")
    window.editor.setFocus()
    QTest.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    cursor = window.editor.textCursor()
    assert cursor.blockNumber() == BODY[: BODY.index("ｶﾀｶﾅ")].count("\n")  # not line 1


def test_escape_in_the_text_pane_closes_the_bar_but_not_during_a_composition(qtbot, window):
    from PySide6.QtGui import QInputMethodEvent

    window.find.open_find(replace=False)
    assert window.find.bar.isVisible()
    window.editor.setFocus()
    window.editor.inputMethodEvent(QInputMethodEvent("かな", []))  # a composition is showing
    qtbot.keyClick(window.editor, Qt.Key.Key_Escape)
    assert window.find.bar.isVisible()
    window.editor.inputMethodEvent(QInputMethodEvent("", []))  # the composition is cancelled
    qtbot.keyClick(window.editor, Qt.Key.Key_Escape)
    assert not window.find.bar.isVisible()
