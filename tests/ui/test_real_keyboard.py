"""Real key presses from the X server (xdotool), where QTest's synthetic events skip shortcuts."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from tests.ui.conftest import JA_POST

pytestmark = [pytest.mark.ui, pytest.mark.xserver]


@pytest.fixture(autouse=True)
def _needs_x_and_xdotool():
    if not os.environ.get("DISPLAY") or os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        pytest.skip("needs a real X server: run under xvfb-run (make test does)")
    if shutil.which("xdotool") is None:
        pytest.skip("xdotool is not installed (make test installs it)")


def _keys(*args: str) -> None:
    subprocess.run(["xdotool", *args], check=True, timeout=30)


def _focus(qtbot, window) -> None:
    """Give the window the X input focus (Xvfb has no window manager to do it)."""
    window.activateWindow()
    qtbot.waitExposed(window)
    _keys("windowfocus", "--sync", str(int(window.winId())))
    qtbot.waitActive(window)


def test_typing_a_zone_then_ctrl_s_saves_it(qtbot, blog, make_window):
    post = blog / "_posts" / JA_POST
    window = make_window(blog, post)
    _focus(qtbot, window)
    zone = window.form.date.zone.lineEdit()
    zone.setFocus()
    zone.selectAll()
    with qtbot.waitSignal(window.post_saved, timeout=10000):
        _keys("type", "--delay", "40", "+0000")
        _keys("key", "ctrl+s")
    assert "date: 2025-10-20 09:00:00 +0000" in post.read_text(encoding="utf-8")


def test_typing_in_the_text_pane_then_ctrl_s_saves_it(qtbot, blog, make_window):
    post = blog / "_posts" / JA_POST
    window = make_window(blog, post)
    _focus(qtbot, window)
    window.editor.setFocus()
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    with qtbot.waitSignal(window.post_saved, timeout=10000):
        _keys("type", "--delay", "20", "Typed on a keyboard.")
        _keys("key", "ctrl+s")
    assert post.read_text(encoding="utf-8").rstrip().endswith("Typed on a keyboard.")


def _type_into_date(qtbot, window, keys: list[tuple[str, ...]]) -> str:
    _focus(qtbot, window)
    when = window.form.date.when
    when.setFocus()
    qtbot.waitUntil(when.hasFocus)
    for key in keys:
        _keys(*key)
    qtbot.wait(100)
    with qtbot.waitSignal(window.post_saved, timeout=10000):
        _keys("key", "ctrl+s")
    return window.document.path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "typed",
    ["2026-12-05 07:00:00", "2026-12-05 07:45:30", "2026/01/09 23:05:07"],
)
def test_typing_a_full_date_and_time_gives_exactly_what_was_typed(qtbot, blog, make_window, typed):
    window = make_window(blog, blog / "_posts" / JA_POST)
    text = _type_into_date(qtbot, window, [("key", "ctrl+a"), ("type", "--delay", "60", typed)])
    expected = typed.replace("/", "-")
    assert f"date: {expected} +0900" in text


def test_editing_the_time_alone_changes_only_the_time(qtbot, blog, make_window):
    window = make_window(blog, blog / "_posts" / JA_POST)
    when = window.form.date.when
    _focus(qtbot, window)
    when.setFocus()
    qtbot.waitUntil(when.hasFocus)
    when.setSelectedSection(when.Section.HourSection)
    for key in ("type", "--delay", "60", "8:15"), ("key", "Tab"):
        _keys(*key)
    with qtbot.waitSignal(window.post_saved, timeout=10000):
        _keys("key", "ctrl+s")
    text = window.document.path.read_text(encoding="utf-8")
    assert "date: 2025-10-20 08:15:00 +0900" in text


def test_ctrl_tab_moves_between_tabs_and_ctrl_w_closes_one(qtbot, blog, make_window):
    first = blog / "_posts" / JA_POST
    window = make_window(blog, first)
    assert window.open_post(blog / "_posts" / "2025-10-22-index-fund-basics.md")
    _focus(qtbot, window)
    window.editor.setFocus()
    qtbot.waitUntil(window.editor.hasFocus)
    _keys("key", "ctrl+Tab")
    qtbot.waitUntil(lambda: window.tabs.currentIndex() == 0, timeout=5000)
    window.editor.setFocus()
    _keys("key", "ctrl+shift+Tab")
    qtbot.waitUntil(lambda: window.tabs.currentIndex() == 1, timeout=5000)
    _keys("key", "ctrl+w")
    qtbot.waitUntil(lambda: window.tabs.count() == 1, timeout=5000)
    assert window.document.path == first.resolve()


def test_ctrl_equals_minus_and_zero_zoom_the_text_pane_from_the_keyboard(qtbot, blog, make_window):
    window = make_window(blog, blog / "_posts" / JA_POST)
    text = window.editor.toPlainText()
    start = window.editor.font().pointSize()
    _focus(qtbot, window)
    window.editor.setFocus()
    _keys("key", "ctrl+equal", "ctrl+equal")
    qtbot.waitUntil(lambda: window.editor.font().pointSize() == start + 2, timeout=5000)
    _keys("key", "ctrl+minus")
    qtbot.waitUntil(lambda: window.editor.font().pointSize() == start + 1, timeout=5000)
    _keys("key", "ctrl+0")
    qtbot.waitUntil(lambda: window.editor.font().pointSize() == start, timeout=5000)
    assert window.editor.toPlainText() == text


def test_ctrl_comma_opens_the_settings(qtbot, blog, make_window):
    window = make_window(blog, blog / "_posts" / JA_POST)
    _focus(qtbot, window)
    window.editor.setFocus()
    _keys("key", "ctrl+comma")
    qtbot.waitUntil(lambda: window.preferences.dialog is not None, timeout=5000)
    dialog = window.preferences.dialog
    qtbot.waitExposed(dialog)
    dialog.reject()


def test_return_on_a_list_item_continues_it_and_ctrl_b_ctrl_k_format(qtbot, blog, make_window):
    from PySide6.QtGui import QGuiApplication

    window = make_window(blog, blog / "_posts" / JA_POST)
    _focus(qtbot, window)
    editor = window.editor
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    _keys("key", "Return")
    _keys("type", "--delay", "20", "--", "- milk")
    _keys("key", "Return")
    _keys("type", "--delay", "20", "eggs")
    qtbot.waitUntil(lambda: editor.toPlainText().endswith("- milk\n- eggs"))
    _keys("key", "ctrl+shift+Left")
    _keys("key", "ctrl+b")
    qtbot.waitUntil(lambda: editor.toPlainText().endswith("- milk\n- **eggs**"), timeout=3000)
    # Ctrl+K is a link here, not Qt's "delete to the end of the line" of X11.
    QGuiApplication.clipboard().setText("https://example.com/")
    _keys("key", "ctrl+k")
    qtbot.waitUntil(
        lambda: editor.toPlainText().endswith("- **[eggs](https://example.com/)**"), timeout=3000
    )


def test_the_view_and_help_keys_work_from_the_keyboard(qtbot, blog, make_window):
    window = make_window(blog, blog / "_posts" / JA_POST)
    _focus(qtbot, window)
    window.editor.setFocus()
    _keys("key", "ctrl+1")
    qtbot.waitUntil(lambda: not window.preview.isVisible() and window.editor.isVisible())
    _keys("key", "ctrl+3")
    qtbot.waitUntil(lambda: window.preview.isVisible() and not window.editor.isVisible())
    _keys("key", "ctrl+2")
    qtbot.waitUntil(lambda: window.preview.isVisible() and window.editor.isVisible())
    _keys("key", "F8")
    qtbot.waitUntil(window.view.focus_action.isChecked)
    _keys("key", "F11")
    qtbot.waitUntil(window.view.full_screen_action.isChecked)
    _keys("key", "F11")
    qtbot.waitUntil(lambda: not window.view.full_screen_action.isChecked())
    _keys("key", "F1")
    qtbot.waitUntil(lambda: window.help.dialog is not None and window.help.dialog.isVisible())
