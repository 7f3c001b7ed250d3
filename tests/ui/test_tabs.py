"""Several posts open at once, each in its own tab with its own undo, unsaved mark and journal."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from editor.core.files.recovery import RecoveryStore
from editor.ui import prompts
from editor.ui.recovery_dialog import RecoveryChoice
from editor.ui.resources import data_dir
from tests.ui.conftest import JA_POST, type_text, wait_for_posts

pytestmark = pytest.mark.ui

OTHER = "2025-10-22-index-fund-basics.md"


def _two_tabs(qtbot, blog, make_window):
    a, b = blog / "_posts" / JA_POST, blog / "_posts" / OTHER
    window = make_window(blog, a)
    assert window.open_post(b)
    _activate(qtbot, window)
    return window, a, b


def _activate(qtbot, window) -> None:
    """The window has the keyboard, as it has when the writer types in it."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)


def _end(editor) -> None:
    editor.moveCursor(editor.textCursor().MoveOperation.End)


def test_two_posts_in_two_tabs_keep_their_own_text_and_undo(qtbot, blog, make_window):
    window, a, b = _two_tabs(qtbot, blog, make_window)
    assert window.tabs.count() == 2
    assert window.document.path == b.resolve() and window.windowTitle().startswith(OTHER)
    first, second = window.views()
    before = first.editor.toPlainText()
    _end(window.editor)
    type_text(qtbot, window.editor, "二つ目だけ")
    assert second.editor.toPlainText().endswith("二つ目だけ")
    assert window.tabs.tabText(1).endswith("●") and not window.tabs.tabText(0).endswith("●")
    assert window.tabs.tabToolTip(1) == str(b.resolve())

    qtbot.keyClick(window.editor, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert window.current_view is first
    assert window.windowTitle().startswith(JA_POST) and not window.isWindowModified()
    assert window.editor.toPlainText() == before
    assert not window.editor.document().isUndoAvailable()  # the other tab's typing is not here
    window.editor.undo()
    assert second.editor.toPlainText().endswith("二つ目だけ")

    qtbot.keyClick(
        window.editor,
        Qt.Key.Key_Backtab,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.current_view is second and window.isWindowModified()
    window.editor.undo()
    assert "二つ目だけ" not in window.editor.toPlainText()


def test_a_tab_is_titled_by_its_post(qtbot, blog, make_window):
    window, a, _b = _two_tabs(qtbot, blog, make_window)
    title = str(window.views()[0].document.get("title"))
    assert window.tabs.tabText(0).rstrip("…") in title.replace("&", "&&")
    window.form.title.selectAll()
    qtbot.keyClicks(window.form.title, "Index & funds")
    qtbot.waitUntil(lambda: window.tabs.tabText(1).startswith("Index && funds"), timeout=5000)


def test_opening_an_open_post_switches_to_its_tab(qtbot, blog, make_window):
    window, a, _b = _two_tabs(qtbot, blog, make_window)
    _end(window.editor)
    type_text(qtbot, window.editor, "残す")
    assert window.open_post(a)
    assert window.tabs.count() == 2 and window.document.path == a.resolve()
    assert window.open_post(blog / "_posts" / OTHER)
    assert window.editor.toPlainText().endswith("残す")


def test_closing_a_modified_tab_asks_and_cancel_keeps_it(qtbot, blog, make_window, monkeypatch):
    window, _a, b = _two_tabs(qtbot, blog, make_window)
    on_disk = b.read_text(encoding="utf-8")
    _end(window.editor)
    type_text(qtbot, window.editor, "閉じる前の文")
    asked = []
    monkeypatch.setattr(prompts, "confirm_discard", lambda *a: asked.append(a[1]) or "cancel")
    qtbot.keyClick(window.editor, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert asked == [OTHER]
    assert window.tabs.count() == 2 and window.editor.toPlainText().endswith("閉じる前の文")

    monkeypatch.setattr(prompts, "confirm_discard", lambda *a: asked.append(a[1]) or "discard")
    qtbot.keyClick(window.editor, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.count() == 1 and window.document.path != b.resolve()
    assert b.read_text(encoding="utf-8") == on_disk


def test_an_unmodified_tab_closes_without_asking_by_middle_click(
    qtbot, blog, make_window, prompt_log
):
    window, a, _b = _two_tabs(qtbot, blog, make_window)
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.MiddleButton, pos=bar.tabRect(1).center())
    assert window.tabs.count() == 1 and window.document.path == a.resolve()
    window.tabs.tabCloseRequested.emit(0)  # the close button on the tab
    assert window.tabs.count() == 1 and window.document.path is None  # an empty tab is left
    assert [entry for entry in prompt_log if entry[0] == "confirm"] == []


def test_save_saves_only_the_current_tab(qtbot, blog, make_window):
    window, a, b = _two_tabs(qtbot, blog, make_window)
    a_on_disk = a.read_text(encoding="utf-8")
    first, second = window.views()
    _end(second.editor)
    type_text(qtbot, second.editor, "二つ目を保存")
    window.tabs.setCurrentWidget(first)
    _end(first.editor)
    type_text(qtbot, first.editor, "一つ目は保存しない")
    window.tabs.setCurrentWidget(second)
    qtbot.keyClick(window.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "二つ目を保存" in b.read_text(encoding="utf-8")
    assert a.read_text(encoding="utf-8") == a_on_disk
    assert first.is_modified and not second.is_modified
    assert not window.tabs.tabText(1).endswith("●") and window.tabs.tabText(0).endswith("●")


def test_closing_the_window_asks_for_each_modified_tab(qtbot, blog, make_window, monkeypatch):
    window, _a, _b = _two_tabs(qtbot, blog, make_window)
    for view in window.views():
        _end(view.editor)
        type_text(qtbot, view.editor, "未保存")
    answers = ["discard", "cancel"]
    asked = []
    monkeypatch.setattr(prompts, "confirm_discard", lambda *a: asked.append(a[1]) or answers.pop(0))
    window.close()
    assert asked == [JA_POST, OTHER] and window.isVisible()
    assert window.current_view is window.views()[1]  # the tab asked about is shown
    monkeypatch.setattr(prompts, "confirm_discard", lambda *a: asked.append(a[1]) or "discard")
    window.close()
    assert not window.isVisible()


def test_discard_then_cancel_on_closing_keeps_every_crash_copy(
    qtbot, blog, make_window, monkeypatch
):
    """Discard on the first post, Cancel on the second: the window stays open with both posts
    as they were, so the first one's crash copy must still be there."""
    window, _a, _b = _two_tabs(qtbot, blog, make_window)
    for view in window.views():
        _end(view.editor)
        type_text(qtbot, view.editor, "未保存")
        view.safekeeping.flush()
    answers = ["discard", "cancel"]
    monkeypatch.setattr(
        prompts, "confirm_discard", lambda *a: answers.pop(0) if answers else "discard"
    )
    window.close()
    try:
        assert window.isVisible()
        journals = [view.safekeeping.journal for view in window.views()]
        kept = {entry.id for entry in journals[0].store.entries()}
        assert {journal.document_id for journal in journals} <= kept
    finally:
        window.close()  # Discard from now on


def test_a_new_post_is_asked_about_by_its_title(qtbot, blog, make_window, monkeypatch):
    window = make_window(blog)
    window.new_post()
    window.form.title.setFocus()
    type_text(qtbot, window.form.title, "新しい題の記事")
    qtbot.keyClick(window.form.title, Qt.Key.Key_Tab)
    type_text(qtbot, window.editor, "本文")
    asked = []
    monkeypatch.setattr(prompts, "confirm_discard", lambda *a: asked.append(a[1]) or "cancel")
    window.close()
    assert asked == ["新しい題の記事"]
    assert window.windowTitle().startswith("新しい題の記事")
    monkeypatch.setattr(prompts, "confirm_discard", lambda *a: "discard")
    window.close()


def test_clicks_in_the_post_list_reuse_a_tab_only_looked_at(qtbot, blog, make_window):
    window = make_window(blog)
    browser = wait_for_posts(qtbot, window)
    rows = [browser.model.index(row, 0) for row in range(3)]

    def click(index):
        rect = browser.view.visualRect(index)
        qtbot.mouseClick(browser.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    for index in rows[:2]:
        click(index)
    assert window.tabs.count() == 1  # browsing the list does not pile up tabs
    second = window.document.path
    assert second == browser.model.rows[1].path
    type_text(qtbot, window.editor, "手を入れた")
    click(rows[2])
    assert window.tabs.count() == 2  # the tab with typing in it stays
    assert window.views()[0].document.path == second


def test_new_post_opens_in_a_tab_of_its_own(qtbot, blog, make_window):
    window = make_window(blog, blog / "_posts" / JA_POST)
    _activate(qtbot, window)
    qtbot.keyClick(window.editor, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.count() == 2 and window.document.path is None
    assert window.views()[0].document.path == (blog / "_posts" / JA_POST).resolve()


def test_other_controllers_can_follow_the_current_tab(qtbot, blog, make_window):
    window, _a, _b = _two_tabs(qtbot, blog, make_window)
    followed = []
    window.current_post_changed.connect(lambda view: followed.append(view.editor))
    window.tabs.setCurrentIndex(0)
    assert followed == [window.editor] and window.editor is window.views()[0].editor


def test_a_rule_switched_off_applies_to_every_tab(qtbot, blog, make_window):
    window, _a, _b = _two_tabs(qtbot, blog, make_window)
    first, second = window.views()
    assert set(window.doctor_rules_menu.actions()) == set(second.doctor.rule_actions.values())
    second.doctor.rule_actions["sentence-length"].setChecked(False)
    assert not first.doctor.rule_actions["sentence-length"].isChecked()
    window.tabs.setCurrentWidget(first)
    assert set(window.doctor_rules_menu.actions()) == set(first.doctor.rule_actions.values())


def test_a_crash_with_two_modified_tabs_recovers_both(
    qtbot, blog, make_window, settings, monkeypatch
):
    window, a, b = _two_tabs(qtbot, blog, make_window)
    for view, words in zip(window.views(), ("一つ目の書きかけ", "二つ目の書きかけ"), strict=True):
        _end(view.editor)
        type_text(qtbot, view.editor, words)
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowDeactivate))  # every tab journals
    store = RecoveryStore(data_dir() / "recovery")
    assert len(store.entries(blog)) == 2
    for view in window.views():  # the process dies: nothing is asked, nothing discarded
        view.shut_down()
    window.hide()

    offered = []

    def restore_first(_parent, entries, _corrupt):
        offered.append(sorted(entry.label for entry in entries))
        return RecoveryChoice(restore=entries[0].id)

    monkeypatch.setattr(prompts, "choose_recovery", restore_first)
    again = make_window(blog, window_settings=settings)
    # Offered again after the first restore, with what is left; then nothing is left to offer.
    assert len(offered) == 2 and offered[0] == sorted([JA_POST, OTHER]) and len(offered[1]) == 1
    texts = {view.document.path.name: view.editor.toPlainText() for view in again.views()}
    assert texts[JA_POST].endswith("一つ目の書きかけ")
    assert texts[OTHER].endswith("二つ目の書きかけ")
    assert all(view.is_modified for view in again.views()) and again.tabs.count() == 2
    assert a.read_text(encoding="utf-8").find("一つ目の書きかけ") == -1


def test_a_closed_tab_lets_go_of_its_preview_page_and_journal(qtbot, blog, make_window):
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtCore import QEvent as Event
    from shiboken6 import isValid

    window, _a, _b = _two_tabs(qtbot, blog, make_window)
    closed = window.current_view
    preview, keeper = closed.preview, closed.safekeeping
    assert window.close_current_tab()
    QCoreApplication.sendPostedEvents(None, Event.Type.DeferredDelete)
    assert not isValid(preview) and not isValid(keeper)
    assert window.tabs.count() == 1 and isValid(window.preview)
