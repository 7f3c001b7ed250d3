"""Find through real key presses from the X server (xdotool): Ctrl+F, typing, F3, Escape."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from editor.core.text.search import find_all
from tests.ui.conftest import JA_POST
from tests.ui.test_real_keyboard import _focus, _keys, _needs_x_and_xdotool  # noqa: F401

pytestmark = [pytest.mark.ui, pytest.mark.xserver]


def test_ctrl_f_then_typing_finds_and_escape_goes_back_to_the_text(qtbot, blog, make_window):
    window = make_window(blog, blog / "_posts" / JA_POST)
    _focus(qtbot, window)
    window.editor.setFocus()
    qtbot.waitUntil(window.editor.hasFocus)
    bar = window.find.bar
    _keys("key", "ctrl+f")
    qtbot.waitUntil(lambda: bar.isVisible() and bar.find_field.hasFocus(), timeout=5000)
    _keys("type", "--delay", "60", "AI")
    qtbot.waitUntil(lambda: bar.find_field.text() == "AI", timeout=5000)
    total = len(find_all(window.editor.toPlainText(), "AI", window.find.options()).spans)
    assert total > 1
    qtbot.waitUntil(lambda: bar.count_label.text() == f"1 / {total}", timeout=5000)
    _keys("key", "F3")
    qtbot.waitUntil(lambda: bar.count_label.text() == f"2 / {total}", timeout=5000)
    assert window.editor.textCursor().selectedText().casefold() == "ai"
    _keys("key", "Escape")
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=5000)
    assert QApplication.focusWidget() is window.editor
    _keys("key", "ctrl+h")
    qtbot.waitUntil(lambda: bar.isVisible() and bar.replace_row.isVisible(), timeout=5000)
