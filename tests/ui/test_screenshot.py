"""Under a real X server with Japanese fonts: both panes paint real content, in glyphs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QImage, QRawFont

from tests.ui.conftest import JA_POST, ROOT, wait_for_preview

pytestmark = [pytest.mark.ui, pytest.mark.xserver]

SHOTS = ROOT / "build" / "screenshots"


def _colour_stats(image: QImage, area: QRect) -> tuple[int, float]:
    """(distinct colours, share of pixels unlike the most common colour) in an area, sampled."""
    counts: dict[int, int] = {}
    for y in range(area.top(), area.bottom(), 3):
        for x in range(area.left(), area.right(), 3):
            rgb = image.pixel(x, y)
            counts[rgb] = counts.get(rgb, 0) + 1
    total = sum(counts.values())
    return len(counts), 1 - max(counts.values()) / total


def _area_of(widget, window) -> QRect:
    top_left = widget.mapTo(window, widget.rect().topLeft())
    return QRect(top_left, widget.size())


@pytest.fixture(autouse=True)
def _needs_x():
    if not os.environ.get("DISPLAY") or os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        pytest.skip("needs a real X server: run under xvfb-run (make test does)")


def test_window_with_japanese_post_paints_both_panes(qtbot, blog, make_window):
    window = make_window(blog, blog / "_posts" / JA_POST)
    window.resize(1400, 900)
    wait_for_preview(qtbot, window, "需要を押し上げている三つの要因")
    qtbot.wait(800)  # let the compositor paint the web view's last frame

    # Japanese glyphs, not boxes: the editor's font has kana and kanji.
    for widget in (window.editor, window.form.title):
        raw = QRawFont.fromFont(widget.font())
        glyphs = raw.glyphIndexesForString("需要を押し上げ綴り")
        assert glyphs and 0 not in glyphs, (
            f"{widget.objectName()}: {raw.familyName()} lacks kana/kanji"
        )

    image = window.screen().grabWindow(window.winId()).toImage()
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / "main-window.png"
    assert image.save(str(path))
    assert Path(path).stat().st_size > 10_000

    for pane in (window.editor, window.preview, window.form):
        colours, ink = _colour_stats(image, _area_of(pane, window))
        assert colours > 20, f"{pane.objectName()} looks blank ({colours} colours)"
        assert ink > 0.02, f"{pane.objectName()} is nearly one colour ({ink:.3f} ink)"
