"""The window wears Tsuzuri's icon (resources/icons, rendered from the SVG by tools/icons.py)."""

from __future__ import annotations

import importlib.util

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication, QImage

from editor.core.files.bundle import resource_path
from tests.ui.conftest import ROOT


def test_the_started_window_shows_tsuzuris_icon_in_every_size(qtbot, settings):
    from editor.ui.app import start_window

    window = start_window(settings)
    qtbot.addWidget(window)
    window.show()
    icon = window.windowIcon()
    assert not icon.isNull()
    sizes = {size.width() for size in icon.availableSizes()}
    assert sizes >= {16, 32, 48, 64, 128, 256, 512}
    # What the title bar draws at 48 px is the 48 px file of the icon set.
    drawn = icon.pixmap(QSize(48, 48)).toImage().convertToFormat(QImage.Format.Format_ARGB32)
    png = QImage(str(resource_path("icons", "hicolor", "48x48", "apps", "tsuzuri.png")))
    assert drawn == png.convertToFormat(QImage.Format.Format_ARGB32)
    assert QGuiApplication.desktopFileName() == "tsuzuri"


def test_every_png_of_the_icon_set_is_the_rendering_of_the_svg(qapp):
    spec = importlib.util.spec_from_file_location("icons", ROOT / "tools" / "icons.py")
    icons = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(icons)
    assert [size for size in icons.SIZES if icons.differs(size)] == []
