"""What one keystroke costs on the UI thread, in the real window (offscreen).

Measures the synchronous work from a key press reaching the text pane until control returns
to the event loop (the document update, dirty check and scheduling of preview and doctor;
the render and the doctor themselves run on workers). Target: under one 60 Hz frame.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

TARGET_MS = 16.0
ROOT = Path(__file__).resolve().parent.parent


def run() -> list[dict]:
    """One row per post size: median and worst milliseconds per keystroke."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_render import make_post
    from PySide6.QtCore import QCoreApplication, QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from editor.ui.app import prepare_environment

    prepare_environment()
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication.instance() or QApplication([])
    from editor.ui.main_window import MainWindow
    from editor.ui.preview import release_web_profile
    from editor.ui.settings import Settings

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        blog = Path(tmp)
        (blog / "_posts").mkdir()
        (blog / "_config.yml").write_text("title: bench\ntimezone: Asia/Tokyo\n", encoding="utf-8")
        settings = Settings(QSettings(str(blog / "s.ini"), QSettings.Format.IniFormat))
        for name, size in (("30 KB post", 30_000), ("1 MB post", 1_000_000)):
            post = blog / "_posts" / f"2025-01-01-{size}.md"
            post.write_text("---\ntitle: 計測\n---\n" + make_post(size), encoding="utf-8")
            window = MainWindow(settings)
            window.open_blog(blog)
            window.open_post(post)
            window.show()
            app.processEvents()
            window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
            times = []
            for _ in range(40):
                start = time.perf_counter()
                QTest.keyClick(window.editor, Qt.Key.Key_A)
                times.append((time.perf_counter() - start) * 1000)
                app.processEvents()
            window.renderer.wait()
            window.doctor.wait()
            window.document.mark_saved()
            window.close()
            median = statistics.median(times)
            rows.append(
                {
                    "name": f"keystroke, {name}",
                    "median_ms": round(median, 2),
                    "max_ms": round(max(times), 2),
                    "target_ms": TARGET_MS,
                    "ok": median < TARGET_MS,
                }
            )
    release_web_profile()
    return rows


if __name__ == "__main__":
    for row in run():
        print(row)
