"""The View menu's layouts, focus mode and full screen; the Help menu; every menu action's keys."""

from __future__ import annotations

from collections import Counter

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QKeySequence, QTextCursor

from editor.ui.help_menu import menu_actions
from editor.version import __version__
from tests.ui.conftest import JA_POST, type_text


def _keys(action) -> list[str]:
    return [s.toString() for s in action.shortcuts()]


def test_view_modes_show_and_hide_the_panes_and_are_remembered(qtbot, blog, make_window, settings):
    window = make_window(blog, blog / "_posts" / JA_POST)
    view = window.view
    assert [_keys(view.mode_actions[m]) for m in ("editor", "split", "preview")] == [
        ["Ctrl+1"],
        ["Ctrl+2"],
        ["Ctrl+3"],
    ]
    assert window.editor.isVisible() and window.preview.isVisible()
    view.mode_actions["editor"].trigger()
    assert window.editor.isVisible() and not window.preview.isVisible()
    view.mode_actions["preview"].trigger()
    assert not window.editor.isVisible() and window.preview.isVisible()
    assert [a.isChecked() for a in view.mode_actions.values()] == [False, False, True]

    window.document.mark_saved()
    window.close()
    again = make_window(blog, blog / "_posts" / JA_POST, settings)
    assert not again.editor.isVisible() and again.preview.isVisible()
    again.view.mode_actions["split"].trigger()
    assert again.editor.isVisible() and again.preview.isVisible()


def test_the_outline_and_the_post_list_can_be_hidden(qtbot, blog, make_window, settings):
    window = make_window(blog, blog / "_posts" / JA_POST)
    assert window.outline_panel.isVisible() and window.post_list.isVisible()
    window.view.outline_action.trigger()
    window.view.post_list_action.trigger()
    assert not window.outline_panel.isVisible() and not window.post_list.isVisible()
    assert window.editor.isVisible()
    window.close()
    again = make_window(blog, blog / "_posts" / JA_POST, settings)
    assert not again.outline_panel.isVisible() and not again.post_list.isVisible()


def test_full_screen_uses_the_standard_key(qtbot, blog, make_window):
    window = make_window(blog)
    action = window.view.full_screen_action
    assert "F11" in _keys(action)
    action.trigger()
    qtbot.waitUntil(lambda: bool(window.windowState() & Qt.WindowState.WindowFullScreen))
    action.trigger()
    qtbot.waitUntil(lambda: not window.windowState() & Qt.WindowState.WindowFullScreen)


def _dimmed(window) -> list[tuple[int, int]]:
    dim = window.view.focus.dim_colour()
    return [
        (s.cursor.selectionStart(), s.cursor.selectionEnd())
        for s in window.editor.extraSelections()
        if s.format.foreground().color() == dim
    ]


def test_focus_mode_dims_all_but_the_current_paragraph_and_keeps_the_doctors_marks(
    qtbot, blog, make_window
):
    window = make_window(blog)
    window.new_post()
    window.editor.setFocus()
    type_text(qtbot, window.editor, "## 概要\n\n一つ目の段落。\n続きの行。\n\n#### 飛んだ見出し\n")
    editor = window.editor
    qtbot.waitUntil(lambda: window.doctor.is_done() and len(editor.extraSelections()) > 0)
    marks = len(editor.extraSelections())  # the level jump and what else the doctor found
    assert window.view.focus_action.shortcut().toString() == "F8"
    window.view.focus_action.trigger()
    text = editor.toPlainText()
    cursor = editor.textCursor()
    cursor.setPosition(text.index("続き"))
    editor.setTextCursor(cursor)
    start, end = text.index("一つ目"), text.index("続きの行。") + len("続きの行。")
    assert _dimmed(window) == [(0, start), (end, len(text))]
    assert len(editor.extraSelections()) == marks + 2  # the doctor's marks are still there

    editor.moveCursor(QTextCursor.MoveOperation.Start)
    assert _dimmed(window) == [(len("## 概要"), len(text))]
    window.view.focus_action.trigger()
    assert _dimmed(window) == [] and len(editor.extraSelections()) == marks


def test_the_shortcut_list_shows_every_menu_action_with_its_keys(qtbot, blog, make_window):
    window = make_window(blog)
    assert window.help.shortcuts_action.shortcut() == QKeySequence(
        QKeySequence.StandardKey.HelpContents
    )
    dialog = window.help.show_shortcuts()
    qtbot.waitExposed(dialog)
    rows = dict(dialog.rows())
    assert rows["File › Save"] == QKeySequence("Ctrl+S").toString(
        QKeySequence.SequenceFormat.NativeText
    )
    assert rows["View › Focus mode"] == "F8"
    assert len(rows) == len(menu_actions(window))


def test_the_shortcut_list_shows_the_keys_a_writer_presses_and_whole_names(
    qtbot, blog, make_window
):
    window = make_window(blog)
    dialog = window.help.show_shortcuts()
    qtbot.waitExposed(dialog)
    rows = dict(dialog.rows())
    native = QKeySequence.SequenceFormat.NativeText

    def shown(*keys: str) -> str:
        return ", ".join(QKeySequence(k).toString(native) for k in keys)

    # The platform's first key, and a second only when it is a common alternative (a letter
    # or F-key chord), never the keyboard's own Cut key, Shift+Del or F20.
    assert rows["Edit › Cut"] == shown("Ctrl+X")
    assert rows["Edit › Copy"] == shown("Ctrl+C")
    assert rows["Edit › Undo"] == shown("Ctrl+Z")
    redo = {k.toString(native) for k in window.edit_actions.actions["redo"].shortcuts()}
    assert set(rows["Edit › Redo"].split(", ")) == redo & {shown("Ctrl+Y"), shown("Ctrl+Shift+Z")}
    assert rows["Edit › Find Next"].startswith(shown("F3"))
    # Every name and every key is shown whole, not cut with an ellipsis.
    table = dialog.table
    metrics = table.fontMetrics()
    for column in (0, 1):
        widest = max(
            metrics.horizontalAdvance(table.item(r, column).text()) for r in range(table.rowCount())
        )
        assert table.columnWidth(column) > widest
    assert table.columnWidth(0) + table.columnWidth(1) <= table.viewport().width()


def test_about_names_the_version_qt_and_the_licence(qtbot, blog, make_window, monkeypatch):
    from editor.ui import prompts

    shown = []
    monkeypatch.setattr(prompts, "show_about", lambda *args: shown.append(args))
    window = make_window(blog)
    window.help.about_action.trigger()
    ((_, title, text),) = shown
    assert title == "About Tsuzuri"
    for needle in (f"Tsuzuri {__version__}", f"Qt {qVersion()}", PySide6.__version__, "MIT"):
        assert needle in text


def test_every_menu_action_is_named_reachable_by_keyboard_and_no_two_share_a_key(
    qtbot, blog, make_window
):
    window = make_window(blog)
    assert all("&" in top.text() for top in window.menuBar().actions())
    # A path by keyboard alone: every menu on the way has a mnemonic (Alt+letter, then letters),
    # and an entry of a top-level menu has its own shortcut or mnemonic; the entries of a
    # submenu (the doctor's list of rules) are reached with the arrow keys once it is open.
    unreachable = [
        " › ".join([*path, action.text()])
        for path, action in menu_actions(window)
        if not action.text().strip()
        or not all("&" in title.replace("&&", "") for title in path)
        or (
            len(path) == 1
            and action.shortcut().isEmpty()
            and "&" not in action.text().replace("&&", "")
        )
    ]
    assert unreachable == []
    keys = Counter(
        key.toString()
        for action in {id(a): a for a in window.findChildren(type(window.save_action))}.values()
        for key in action.shortcuts()
    )
    assert [key for key, n in keys.items() if n > 1] == []


def test_the_shortcut_list_names_menus_without_their_mnemonics():
    from editor.ui.help_menu import _plain

    assert [_plain(t) for t in ("ファイル(&F)", "&File", "F&ull screen", "A && B")] == [
        "ファイル",
        "File",
        "Full screen",
        "A & B",
    ]
