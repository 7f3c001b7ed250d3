"""The preview's look: the blog's own stylesheet when the writer picks it (dark and light:
test_theme.py)."""

from __future__ import annotations

import pytest

from editor.ui import prompts
from tests.ui.conftest import JA_POST, wait_for_preview

pytestmark = pytest.mark.ui

H2_COLOUR = (
    "(document.querySelector('h2') ? getComputedStyle(document.querySelector('h2')).color : '')"
)


def _eval(qtbot, window, script: str):
    box: list = []
    window.preview.run_in_page(script, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10000)
    return box[0]


def _wait_for(qtbot, window, script: str, expected) -> None:
    qtbot.waitUntil(lambda: _eval(qtbot, window, script) == expected, timeout=10000)


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
