"""Light and dark for the whole window: text pane, form, lists, the highlighter, the doctor's
marks and the preview together, following the desktop unless the writer chose."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from tests.ui.conftest import JA_POST, wait_for_preview

pytestmark = pytest.mark.ui

BACKGROUND = "getComputedStyle(document.documentElement).backgroundColor"
DARK_PAGE = "rgb(13, 17, 23)"
LIGHT_PAGE = "rgb(255, 255, 255)"


def _eval(qtbot, window, script: str):
    box: list = []
    window.preview.run_in_page(script, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10000)
    return box[0]


def _page_background(qtbot, window, expected: str) -> None:
    if not window.preview.uses_webengine:
        pytest.skip(f"QtWebEngine unavailable: {window.preview.fallback_reason}")
    qtbot.waitUntil(lambda: _eval(qtbot, window, BACKGROUND) == expected, timeout=10000)


def _seen(widget) -> QColor:
    """The colour the writer sees near the top left corner of a widget (a real paint)."""
    return widget.grab().toImage().pixelColor(4, 4)


def _is_dark(colour: QColor) -> bool:
    return colour.lightness() < 80


def _looks(qtbot, widget, dark: bool) -> None:
    """The widget is painted dark (or light) once the palette change reached it."""
    qtbot.waitUntil(lambda: _is_dark(_seen(widget)) == dark, timeout=5000)


def _heading_colour(window) -> QColor:
    block = window.editor.document().firstBlock()
    while block.isValid() and not block.text().startswith("#"):
        block = block.next()
    first = block.layout().formats()[0]
    fmt = first.format
    return QColor(fmt.foreground().color())


def test_dark_theme_paints_the_window_and_the_preview_dark_and_is_remembered(
    qtbot, blog, make_window, settings
):
    window = make_window(blog, blog / "_posts" / JA_POST)
    wait_for_preview(qtbot, window, "まとめ")
    _looks(qtbot, window.editor.viewport(), False)
    assert not _is_dark(_seen(window.form))
    _page_background(qtbot, window, LIGHT_PAGE)
    light_heading = _heading_colour(window)

    window.theme.menu_actions["dark"].trigger()

    assert settings.value("ui/theme") == "dark"
    _looks(qtbot, window.editor.viewport(), True)
    assert _is_dark(_seen(window.form))
    assert _is_dark(_seen(window.post_list))
    _looks(qtbot, window.doctor_panel.tree.viewport(), True)
    # The Markdown colours stay readable on the dark pane.
    heading = _heading_colour(window)
    assert heading != light_heading and heading.lightness() > 128
    _page_background(qtbot, window, DARK_PAGE)
    wait_for_preview(qtbot, window, "まとめ")
    window.close()

    again = make_window(blog, blog / "_posts" / JA_POST, window_settings=settings)
    assert again.theme.menu_actions["dark"].isChecked()
    _looks(qtbot, again.editor.viewport(), True)
    _page_background(qtbot, again, DARK_PAGE)


def test_the_window_follows_the_desktop_colour_scheme_unless_the_writer_chose(
    qtbot, blog, make_window, settings
):
    window = make_window(blog, blog / "_posts" / JA_POST)
    assert settings.value("ui/theme") == "system"
    assert window.theme.menu_actions["system"].isChecked()

    window.theme.on_system_scheme_changed(Qt.ColorScheme.Dark)
    _looks(qtbot, window.editor.viewport(), True)
    _page_background(qtbot, window, DARK_PAGE)

    window.theme.on_system_scheme_changed(Qt.ColorScheme.Light)
    _looks(qtbot, window.editor.viewport(), False)
    _page_background(qtbot, window, LIGHT_PAGE)

    window.theme.menu_actions["light"].trigger()
    window.theme.on_system_scheme_changed(Qt.ColorScheme.Dark)
    _looks(qtbot, window.editor.viewport(), False)


def _first_mark_colour(window) -> QColor:
    marks = window.editor.extraSelections()
    assert marks
    first = marks[0]
    fmt = first.format
    return QColor(fmt.underlineColor())


def test_the_doctors_marks_change_colour_with_the_theme(qtbot, blog, make_window):
    post = blog / "_posts" / JA_POST
    post.write_text(post.read_text(encoding="utf-8") + "\n---END---\n", encoding="utf-8")
    window = make_window(blog, post)
    qtbot.waitUntil(window.doctor.is_done, timeout=15000)
    light = _first_mark_colour(window)
    window.theme.menu_actions["dark"].trigger()
    qtbot.waitUntil(lambda: _first_mark_colour(window) != light)
    dark = _first_mark_colour(window)
    assert dark != light
    assert dark.lightness() > light.lightness()


def test_the_view_menu_offers_the_three_themes(make_window):
    window = make_window()
    menus = {a.text().replace("&", ""): a.menu() for a in window.menus["view"].actions()}
    assert "Theme" in menus
    names = [a.text().replace("&", "") for a in menus["Theme"].actions()]
    assert names == ["Follow the system", "Light", "Dark"]


def _text_pixels(label) -> list[QColor]:
    """The colours of a label's text: the pixels unlike its background."""
    image = label.grab().toImage()
    background = image.pixelColor(1, 1)
    pixels = [
        image.pixelColor(x, y)
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    ]
    return [p for p in pixels if abs(p.lightness() - background.lightness()) > 60]


def test_the_forms_problem_texts_stay_readable_in_the_dark(qtbot, blog, make_window):
    post = blog / "_posts" / JA_POST
    text = post.read_text(encoding="utf-8")
    post.write_text(text.replace("title: ", "title: \ufffd", 1), encoding="utf-8")
    window = make_window(blog, post)
    message = window.form.messages["title"]
    qtbot.waitUntil(message.isVisible, timeout=5000)
    assert min(p.lightness() for p in _text_pixels(message)) < 110  # dark red on light
    window.theme.menu_actions["dark"].trigger()
    _looks(qtbot, message, True)  # no light stripe in the dark form
    assert max(p.lightness() for p in _text_pixels(message)) > 150  # light red on dark


def test_the_fix_all_diff_is_readable_in_the_dark(qtbot, make_window):
    from editor.ui.fix_dialogs import FixAllDialog

    window = make_window()
    window.theme.menu_actions["dark"].trigger()
    dialog = FixAllDialog(window, 1, ["fix"], "--- a\n+++ b\n-古い文\n+新しい文\n")
    qtbot.addWidget(dialog)
    document = dialog.diff.document()
    qtbot.waitUntil(lambda: bool(document.findBlockByNumber(2).layout().formats()))
    for line in (2, 3):
        block = document.findBlockByNumber(line)
        first = block.layout().formats()[0]
        fmt = first.format
        background = QColor(fmt.background().color())
        text = dialog.diff.palette().color(dialog.diff.foregroundRole())
        assert _is_dark(background), block.text()
        assert text.lightness() - background.lightness() > 100


def test_the_previews_own_markers_are_dark_in_the_dark(qtbot, blog, make_window):
    post = blog / "_posts" / JA_POST
    post.write_text(post.read_text(encoding="utf-8") + "\n{% no_such_tag %}\n", encoding="utf-8")
    window = make_window(blog, post)
    window.theme.menu_actions["dark"].trigger()
    _page_background(qtbot, window, DARK_PAGE)
    marker = (
        "(e => e ? getComputedStyle(e).backgroundColor : '')"
        "(document.querySelector('.tsuzuri-liquid-unknown'))"
    )
    qtbot.waitUntil(lambda: _eval(qtbot, window, marker) not in ("", None), timeout=15000)
    red, green, blue = (int(v) for v in _eval(qtbot, window, marker)[4:-1].split(",")[:3])
    assert _is_dark(QColor(red, green, blue))
