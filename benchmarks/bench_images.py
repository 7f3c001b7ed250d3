"""Images copied into a blog: naming and writing one more image in a folder that already holds
N of them named like it (image.png, image-2.png, …: the worst case of the unique name), and
scaling a phone photo (4032 x 3024 JPEG) down to the offered width on the worker.

N is ``TSUZURI_BENCH_POSTS`` (2000 by default, as the other benchmarks; 10000 for the issue's
scale).  Run: ``python benchmarks/bench_images.py``.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import timeit
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from editor.core.blog.images import scaled_size, store_image  # noqa: E402

POSTS = int(os.environ.get("TSUZURI_BENCH_POSTS", "2000"))
RUNS = 15
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 2000
STORE_TARGET_MS = 100.0  # the Markdown appears a moment after the paste
SCALE_TARGET_MS = 2000.0  # on the worker: the window goes on, the writer waits this once


def _median_ms(work, runs: int = RUNS) -> float:
    return statistics.median(timeit.repeat(work, number=1, repeat=runs)) * 1000


def run() -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "blog"
        folder = root / "assets" / "images"
        folder.mkdir(parents=True)
        (folder / "image.png").write_bytes(PNG)
        for number in range(2, POSTS + 1):
            (folder / f"image-{number}.png").write_bytes(PNG)
        median = _median_ms(lambda: store_image(root, {}, "assets/images", PNG, None))
        rows.append(
            {
                "name": f"paste one more image beside {POSTS}",
                "median_ms": median,
                "target_ms": STORE_TARGET_MS,
            }
        )
    rows += _scale_rows()
    return rows


def _scale_rows() -> list[dict]:
    try:
        from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter

        from editor.ui.images import scaled_copy
    except ImportError:  # pragma: no cover - no Qt: the core's rows only
        return []
    photo = QImage(4032, 3024, QImage.Format.Format_RGB32)
    painter = QPainter(photo)
    gradient = QLinearGradient(0, 0, 4032, 3024)
    gradient.setColorAt(0, QColor("#2060c0"))
    gradient.setColorAt(1, QColor("#e08020"))
    painter.fillRect(photo.rect(), gradient)
    painter.end()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "photo.jpg"
        photo.save(str(path), "JPEG", 90)
        data = path.read_bytes()
    scaled = scaled_size(4032, 3024, len(data))
    return [
        {
            "name": "scale a 4032x3024 JPEG to 1600 px",
            "median_ms": _median_ms(lambda: scaled_copy(data, "jpeg", scaled), runs=5),
            "target_ms": SCALE_TARGET_MS,
            "photo_kb": len(data) // 1024,
            "scaled_kb": len(scaled_copy(data, "jpeg", scaled)) // 1024,
        }
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
