"""The post browser on a generated blog: cold catalogue, warm start, filter keystrokes, memory.

- cold catalogue: every post read once into an empty cache (a first start, in the background);
- warm start: a new browser showing the rows of the cached catalogue (what the writer sees at
  once), and the update after it that stats every file and reads none;
- a filter keystroke: the rows narrowed for one more character typed in the filter box;
- memory: the process's resident size grown by the browser holding every row;
- the doctor's check for errors, per post (the background work of a first start; a second
  start checks none), measured on the first DOCTOR_POSTS posts.

N posts, 2000 by default to keep ``make bench`` short; ``TSUZURI_BENCH_POSTS=10000`` for the
issue's scale.  Run: ``python benchmarks/bench_browser.py``.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.blog_gen import make_blog  # noqa: E402
from editor.core.blog.catalog import Catalog  # noqa: E402

POSTS = int(os.environ.get("TSUZURI_BENCH_POSTS", "2000"))
SITE = {"timezone": "Asia/Tokyo"}
WARM_TARGET_MS = 1000.0
KEYSTROKE_TARGET_MS = 50.0
MEMORY_TARGET_MB = 300.0
# What a writer types, one character at a time: a title word, then a file name.
TYPED = ("半導体の話", "post-12")
DOCTOR_POSTS = 100


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


class _Idle:
    """A task runner that never runs the work: the browser shows only what the cache holds."""

    def run(self, *_args, **_kwargs):
        return SimpleNamespace(cancel=lambda: None)


def run() -> list[dict]:
    from PySide6.QtWidgets import QApplication

    from editor.core.blog.catalog import has_doctor_errors
    from editor.core.doctor import DoctorConfig
    from editor.ui.post_browser import PostBrowser

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CACHE_HOME"] = str(Path(tmp) / "cache")
        root = Path(tmp) / "blog"
        make_blog(root, POSTS)
        start = time.perf_counter()
        count = len(Catalog(root, SITE).update().entries)
        cold_ms = (time.perf_counter() - start) * 1000
        start = time.perf_counter()
        warm_update = Catalog(root, SITE).update()
        update_ms = (time.perf_counter() - start) * 1000

        before = _rss_mb()
        start = time.perf_counter()
        browser = PostBrowser(lambda: _Idle(), lambda: SITE)
        browser.resize(420, 800)
        browser.show()
        browser.show_blog(root)
        app.processEvents()
        shown = browser.model.rowCount()
        warm_ms = (time.perf_counter() - start) * 1000
        grown = _rss_mb() - before

        times = []
        for word in TYPED:
            for end in range(1, len(word) + 1):
                start = time.perf_counter()
                browser.filter.setText(word[:end])
                app.processEvents()
                times.append((time.perf_counter() - start) * 1000)
            browser.filter.clear()
        times.sort()
        browser.close()

        config = DoctorConfig()
        files = [e.path for e in Catalog(root, SITE).cached()][:DOCTOR_POSTS]
        start = time.perf_counter()
        errors = sum(has_doctor_errors(path, config, root) for path in files)
        doctor_ms = (time.perf_counter() - start) * 1000 / len(files)
    return [
        {"name": f"browser cold catalogue {POSTS} posts", "median_ms": cold_ms, "posts": count},
        {
            "name": f"browser warm start {POSTS} posts (cached rows shown)",
            "median_ms": warm_ms,
            "target_ms": WARM_TARGET_MS,
            "rows": shown,
        },
        {
            "name": f"browser warm update {POSTS} posts (stat only)",
            "median_ms": update_ms,
            "read": warm_update.read,
        },
        {
            "name": f"browser filter keystroke {POSTS} posts",
            "median_ms": statistics.median(times),
            "p95_ms": times[int(0.95 * (len(times) - 1))],
            "target_ms": KEYSTROKE_TARGET_MS,
        },
        {
            "name": f"browser memory {POSTS} posts (RSS growth)",
            "median_ms": None,
            "value": round(grown, 1),
            "unit": "MB",
            "target": MEMORY_TARGET_MB,
            "ok": grown <= MEMORY_TARGET_MB,
            "rss_growth_mb": round(grown, 1),
        },
        {
            "name": f"browser doctor check per post (first {DOCTOR_POSTS})",
            "median_ms": doctor_ms,
            "with_errors": errors,
        },
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
