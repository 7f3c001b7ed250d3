"""The start-up probe: with TSUZURI_QUIT_AFTER_FIRST_PAINT the window says when it first painted
the post's text, then quits (what the start-up benchmark times)."""

from __future__ import annotations

import re

import pytest

from editor.ui.app import quit_after_first_paint, seconds_since_start
from tests.ui.conftest import JA_POST

pytestmark = pytest.mark.ui


class _App:
    def __init__(self):
        self.quits = 0

    def quit(self):
        self.quits += 1


def test_the_window_says_when_it_first_painted_the_post_then_quits(
    qtbot, blog, make_window, capsys
):
    window = make_window(blog)
    app = _App()
    quit_after_first_paint(app, window)
    window.open_post(blog / "_posts" / JA_POST)
    window.editor.viewport().repaint()
    qtbot.waitUntil(lambda: app.quits == 1, timeout=10000)
    said = capsys.readouterr().out
    assert re.fullmatch(r"first paint: \d+ ms \(UI thread CPU \d+ ms\)\n", said)
    window.editor.viewport().repaint()  # said once
    qtbot.wait(50)
    assert app.quits == 1 and capsys.readouterr().out == ""


def test_the_time_since_start_is_this_process_s():
    seconds = seconds_since_start()
    assert seconds is None or 0 < seconds < 24 * 3600
