"""The preview's look: dark or light, and the blog's own stylesheet when the writer picks it."""

from __future__ import annotations

import pytest

from editor.ui import prompts
from tests.ui.conftest import JA_POST, wait_for_preview

pytestmark = pytest.mark.ui

H2_COLOUR = (
    "(document.querySelector('h2') ? getComputedStyle(document.querySelector('h2')).color : '')"
)
BACKGROUND = "getComputedStyle(document.documentElement).backgroundColor"


def _eval(qtbot, window, script: str):
    box: list = []
    window.preview.run_in_page(script, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10000)
    return box[0]


def _wait_for(qtbot, window, script: str, expected) -> None:
    qtbot.waitUntil(lambda: _eval(qtbot, window, script) == expected, timeout=10000)


def test_dark_preview_is_remembered_and_paints_dark(qtbot, blog, make_window, settings):
    window = make_window(blog, blog / "_posts" / JA_POST)
    wait_for_preview(qtbot, window, "まとめ")
    assert _eval(qtbot, window, BACKGROUND) == "rgb(255, 255, 255)"
    window.preview_style.dark_action.trigger()
    _wait_for(qtbot, window, BACKGROUND, "rgb(13, 17, 23)")
    wait_for_preview(qtbot, window, "まとめ")
    assert settings.value("preview/dark") is True
    window.close()
    again = make_window(blog, blog / "_posts" / JA_POST, window_settings=settings)
    assert again.preview_style.dark_action.isChecked()
    _wait_for(qtbot, again, BACKGROUND, "rgb(13, 17, 23)")


def test_blog_stylesheet_is_used_per_blog(qtbot, blog, make_window, monkeypatch):
    css = blog / "assets" / "site.css"
    css.write_text("h2 { color: rgb(1, 2, 3); }\n", encoding="utf-8")
    monkeypatch.setattr(prompts, "choose_stylesheet", lambda *a: css)
    window = make_window(blog, blog / "_posts" / JA_POST)
    wait_for_preview(qtbot, window, "まとめ")
    assert _eval(qtbot, window, H2_COLOUR) not in ("", "rgb(1, 2, 3)")
    window.preview_style.blog_css_action.trigger()
    _wait_for(qtbot, window, H2_COLOUR, "rgb(1, 2, 3)")
    window.preview_style.default_css_action.trigger()
    qtbot.waitUntil(
        lambda: _eval(qtbot, window, H2_COLOUR) not in ("", "rgb(1, 2, 3)"), timeout=10000
    )
