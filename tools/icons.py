"""Tsuzuri's icon set: the PNG sizes rendered from the one SVG source with Qt's QSvgRenderer.

    python tools/icons.py           write resources/icons/hicolor/NxN/apps/tsuzuri.png
    python tools/icons.py --check   exit 1 (and name them) when a PNG differs from its rendering

The folders follow the freedesktop icon theme layout, so packaging/linux/install-desktop.sh
copies ``resources/icons/hicolor`` as it is into the writer's icon theme.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons" / "hicolor"
SOURCE = ICONS / "scalable" / "apps" / "tsuzuri.svg"
SIZES = (16, 32, 48, 64, 128, 256, 512)


def png_path(size: int) -> Path:
    return ICONS / f"{size}x{size}" / "apps" / "tsuzuri.png"


def render(size: int):
    """The SVG drawn on a transparent ``size``×``size`` QImage."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"icons: {SOURCE.relative_to(ROOT)} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def differs(size: int) -> bool:
    from PySide6.QtGui import QImage

    saved = QImage(str(png_path(size)))
    return saved.isNull() or saved.convertToFormat(QImage.Format.Format_ARGB32) != render(size)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, write nothing")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    if args.check:
        stale = [png_path(size).relative_to(ROOT).as_posix() for size in SIZES if differs(size)]
        for name in stale:
            print(f"icons: {name} is not the rendering of the SVG; run python tools/icons.py")
        return 1 if stale else 0
    for size in SIZES:
        png_path(size).parent.mkdir(parents=True, exist_ok=True)
        if not render(size).save(str(png_path(size)), "PNG"):
            raise SystemExit(f"icons: could not write {png_path(size)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
