"""The text pane's font: a default with a real bold CJK face, the writer's family and size,
and zooming with the keyboard, remembered for the next start."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication

from editor.ui.editor_pane import default_editor_family
from editor.ui.settings import DEFAULTS
from tests.ui.conftest import JA_POST

pytestmark = pytest.mark.ui


def test_the_default_editor_font_has_a_real_bold_face_for_japanese(make_window):
    family = default_editor_family()
    assert QFontDatabase.WritingSystem.Japanese in QFontDatabase.writingSystems(family)
    assert "Bold" in QFontDatabase.styles(family)
    assert QFontDatabase.weight(family, "Bold") >= QFont.Weight.Bold
    window = make_window()
    assert QFontInfo(window.editor.font()).family() == family
    bold = QFont(window.editor.font())
    bold.setBold(True)
    # Qt finds the face itself, not a thickened regular one.
    assert QFontInfo(bold).styleName() == "Bold"


def _press(qtbot, window, key, modifier=Qt.KeyboardModifier.ControlModifier) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    window.editor.setFocus()
    qtbot.keyClick(window.editor, key, modifier)  # where the writer types


def test_zoom_keys_change_the_text_size_and_it_is_remembered(qtbot, blog, make_window, settings):
    window = make_window(blog, blog / "_posts" / JA_POST)
    text = window.editor.toPlainText()
    start = window.editor.font().pointSize()
    assert start == DEFAULTS["editor/font_size"]

    _press(qtbot, window, Qt.Key.Key_Equal)
    _press(qtbot, window, Qt.Key.Key_Equal)
    assert window.editor.font().pointSize() == start + 2
    _press(qtbot, window, Qt.Key.Key_Minus)
    assert window.editor.font().pointSize() == start + 1
    assert settings.value("editor/font_size") == start + 1
    assert window.editor.toPlainText() == text  # the keys did not type into the post
    window.close()

    again = make_window(blog, blog / "_posts" / JA_POST, window_settings=settings)
    assert again.editor.font().pointSize() == start + 1
    _press(qtbot, again, Qt.Key.Key_0)
    assert again.editor.font().pointSize() == start
    assert settings.value("editor/font_size") == start


def test_a_chosen_family_applies_at_once_and_an_unknown_one_falls_back(make_window, settings):
    window = make_window()
    other = next(
        f
        for f in QFontDatabase.families(QFontDatabase.WritingSystem.Japanese)
        if f != default_editor_family()
    )
    settings.set_value("editor/font_family", other)
    assert QFontInfo(window.editor.font()).family() == other
    settings.set_value("editor/font_family", "No Such Font 123")
    assert QFontInfo(window.editor.font()).family() == default_editor_family()
