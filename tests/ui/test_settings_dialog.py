"""The settings dialog (Edit ▸ Settings…, Ctrl+,): each page writes its settings, the window
follows at once, Cancel changes nothing and Restore Defaults brings the defaults back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from editor.core.doctor import all_rules
from editor.ui.settings import DEFAULTS
from editor.ui.settings_dialog import rule_descriptions

pytestmark = pytest.mark.ui

LONG = "この文はとても長い文であり、" * 8 + "終わります。"
SHORT = "これは四十文字ほどの文であって、設定で上限を下げると長すぎる文になります。"
POST = (
    "---\nlayout: post\ntitle: 設定の確認\ndate: 2025-10-01 10:00:00 +0900\n---\n\n"
    f"{LONG}\n\n{SHORT}\n\n二つめの{SHORT}\n"
)


@pytest.fixture
def post_window(qtbot, blog, make_window):
    post = blog / "_posts" / "2025-10-01-settings.md"
    post.write_text(POST, encoding="utf-8")
    window = make_window(blog, post)
    qtbot.waitUntil(window.doctor.is_done, timeout=15000)
    return window


def _findings(window, rule: str) -> int:
    return sum(1 for f in window.doctor_panel.findings if f.rule == rule)


def _open(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.preferences.dialog is not None, timeout=5000)
    dialog = window.preferences.dialog
    qtbot.waitExposed(dialog)
    return dialog


def _click(qtbot, dialog, button: QDialogButtonBox.StandardButton) -> None:
    qtbot.mouseClick(dialog.buttons.button(button), Qt.MouseButton.LeftButton)


def test_settings_is_the_last_item_of_the_edit_menu_on_ctrl_comma(make_window):
    window = make_window()
    last = [a for a in window.menus["edit"].actions() if not a.isSeparator()][-1]
    assert last.text().replace("&", "") == "Settings…"
    assert "Ctrl+," in [s.toString() for s in last.shortcuts()]


def test_the_dialog_writes_the_settings_and_the_window_follows(qtbot, post_window, settings):
    window = post_window
    assert _findings(window, "sentence-length") == 1
    dialog = _open(qtbot, window)
    assert [dialog.tabs.tabText(i).replace("&", "") for i in range(dialog.tabs.count())] == [
        "General",
        "Editor",
        "Preview",
        "Doctor",
        "Images",
    ]
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.language.setCurrentIndex(dialog.language.findData("ja"))
    dialog.font_size.setValue(19)
    dialog.debounce.setValue(300)
    dialog.images_folder.setText("img/posts")
    dialog.rule_items["sentence-length"].setCheckState(0, Qt.CheckState.Unchecked)
    _click(qtbot, dialog, QDialogButtonBox.StandardButton.Apply)

    assert settings.value("ui/theme") == "dark"
    assert settings.value("ui/language") == "ja"
    assert settings.value("editor/font_size") == 19
    assert settings.value("render/debounce_ms") == 300
    # The images folder is the open blog's own; other blogs keep the default.
    assert settings.images_folder(window.blog_root) == "img/posts"
    assert settings.images_folder(window.blog_root.parent) == "assets/images/{year}/{month}"
    assert window.theme.dark
    assert window.editor.font().pointSize() == 19
    assert window.renderer.debounce_ms == 300
    qtbot.waitUntil(lambda: _findings(window, "sentence-length") == 0, timeout=15000)
    assert not window.doctor.rule_actions["sentence-length"].isChecked()
    _click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert not dialog.isVisible()

    # The dialog opens again on what was written.
    dialog = _open(qtbot, window)
    assert dialog.theme.currentData() == "dark"
    assert dialog.font_size.value() == 19
    assert dialog.images_folder.text() == "img/posts"
    assert dialog.rule_items["sentence-length"].checkState(0) == Qt.CheckState.Unchecked


def test_a_lower_threshold_finds_more_long_sentences(qtbot, post_window, settings):
    window = post_window
    assert _findings(window, "sentence-length") == 1
    dialog = _open(qtbot, window)
    dialog.thresholds["sentence_max_length"].setValue(30)
    _click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert settings.value("doctor/sentence_max_length") == 30
    qtbot.waitUntil(lambda: _findings(window, "sentence-length") == 3, timeout=15000)


def test_a_new_continuation_marker_is_found(qtbot, blog, make_window, settings):
    post = blog / "_posts" / "2025-10-01-marker.md"
    post.write_text(POST + "\n=====CUT=====\n\n続きの文です。\n", encoding="utf-8")
    window = make_window(blog, post)
    qtbot.waitUntil(window.doctor.is_done, timeout=15000)
    assert _findings(window, "continuation-marker") == 0
    dialog = _open(qtbot, window)
    dialog.markers.setPlainText("---END---\n=====CUT=====\n")
    _click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert settings.value("doctor/markers") == "---END---\n=====CUT====="
    qtbot.waitUntil(lambda: _findings(window, "continuation-marker") >= 1, timeout=15000)


def test_cancel_writes_nothing_and_restore_defaults_brings_them_back(qtbot, post_window, settings):
    window = post_window
    settings.set_value("editor/font_size", 20)
    settings.set_value("doctor/sentence_max_length", 40)
    dialog = _open(qtbot, window)
    dialog.font_size.setValue(9)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    _click(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)
    assert settings.value("editor/font_size") == 20
    assert settings.value("ui/theme") == "system"

    dialog = _open(qtbot, window)
    dialog.allow_remote.setChecked(True)
    dialog.rule_items["ra-nuki"].setCheckState(0, Qt.CheckState.Unchecked)
    _click(qtbot, dialog, QDialogButtonBox.StandardButton.Apply)
    assert settings.allow_remote(window.blog_root)
    _click(qtbot, dialog, QDialogButtonBox.StandardButton.RestoreDefaults)
    assert dialog.font_size.value() == DEFAULTS["editor/font_size"]
    _click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    for key, default in DEFAULTS.items():
        assert settings.value(key) == default, key
    assert not settings.allow_remote(window.blog_root)
    assert window.doctor.rule_actions["ra-nuki"].isChecked()
    assert window.editor.font().pointSize() == DEFAULTS["editor/font_size"]


def test_the_font_sample_shows_the_chosen_font(qtbot, post_window):
    dialog = _open(qtbot, post_window)
    dialog.font_size.setValue(24)
    assert dialog.sample.font().pointSize() == 24
    assert "漢字かなカナ" in dialog.sample.text() and "<b>太字</b>" in dialog.sample.text()


def test_every_rule_is_described():
    descriptions = rule_descriptions()
    assert set(descriptions) == set(all_rules())
    assert all(text.strip() for text in descriptions.values())


def test_remote_images_for_this_blog_reload_the_preview_at_once(qtbot, post_window, settings):
    window = post_window
    if not window.preview.uses_webengine:
        pytest.skip(f"QtWebEngine unavailable: {window.preview.fallback_reason}")
    policy = "document.querySelector('meta[http-equiv=Content-Security-Policy]').content"

    def csp() -> str:
        box: list = []
        window.preview.run_in_page(policy, box.append)
        qtbot.waitUntil(lambda: bool(box), timeout=10000)
        return box[0] or ""

    qtbot.waitUntil(lambda: "img-src file: data:;" in csp(), timeout=10000)
    dialog = _open(qtbot, window)
    dialog.allow_remote.setChecked(True)
    _click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert settings.allow_remote(window.blog_root)
    qtbot.waitUntil(lambda: "img-src file: data: http: https:" in csp(), timeout=10000)
