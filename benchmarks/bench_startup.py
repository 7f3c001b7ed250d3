"""Cold start and memory, each in a fresh process of the app as a writer starts it.

- cold start: from starting ``python -m editor POST`` (the sample blog's Japanese post) until the
  window has painted the post's text (and the UI thread's own CPU time until then, which other
  work on the machine does not inflate), and until its preview is shown; median of
  TSUZURI_BENCH_STARTS fresh processes (5 by default).  Target: under 1.2 s (issue 18).
- RSS with the 1 MB post (documents.py) open: the main process once its preview is shown and
  the window has had 5 s more (the doctor's first run), QtWebEngine's processes beside it
  (their resident memory added up), and any other process the app started (workers).
  Target: the main process under 300 MB.

The app runs unchanged: ``--probe`` (this file run in the child) wraps ``editor.ui.app``'s
``start_window`` to watch the window it makes, then calls the app's own ``run_app``; it prints
one JSON line and quits the application once it has seen what it waits for.  Settings, data
and cache live in a temporary folder.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "benchmarks") not in sys.path:
    sys.path.insert(0, str(ROOT / "benchmarks"))

import harness  # noqa: E402

STARTS = int(os.environ.get("TSUZURI_BENCH_STARTS", "5"))
SAMPLE_POST = "2025-10-20-ai-chip-market.md"
START_TARGET_MS = 1200.0
RSS_TARGET_MB = 300.0
SETTLE_S = float(os.environ.get("TSUZURI_BENCH_SETTLE_S", "5"))
TIMEOUT_S = 300


def _probe(started: float, settle_s: float) -> int:
    """In the child: run the app, report when its window painted the post and showed the
    preview (monotonic milliseconds since ``started``), then memory, then quit."""
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from editor.ui import app as app_module

    seen: dict = {}
    start_window = app_module.start_window

    def since() -> float:
        return round((time.monotonic() - started) * 1000, 1)

    def report() -> None:
        me = os.getpid()
        engine, others = 0, 0
        for pid in harness.children(me):
            if harness.command_name(pid).startswith("QtWebEngine"):
                engine += harness.rss_kib(pid)
            else:
                others += harness.rss_kib(pid)
        seen["rss_mib"] = round(harness.rss_kib(me) / 1024, 1)
        seen["webengine_rss_mib"] = round(engine / 1024, 1)
        seen["other_children_rss_mib"] = round(others / 1024, 1)
        print(json.dumps(seen), flush=True)
        QApplication.instance().quit()

    class Painted(QObject):
        """The first paint of the text pane with the post's text in it."""

        def eventFilter(self, watched, event):  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint and "painted_ms" not in seen:
                if watched.parent().document().characterCount() > 1:
                    seen["painted_ms"] = since()
                    # The UI thread's own CPU time: what the start cost, however loaded the
                    # machine (the wall time above waits for other work too).
                    seen["painted_cpu_ms"] = round(time.thread_time() * 1000, 1)
            return False

    def shown(*_args) -> None:
        if "preview_ms" not in seen:
            seen["preview_ms"] = since()
            QTimer.singleShot(int(settle_s * 1000), report)

    def watched_start_window(settings):
        window = start_window(settings)
        painted = Painted(window)
        original_open = window.open_post

        def open_post(path, *args, **kwargs):
            opened = original_open(path, *args, **kwargs)
            window.editor.viewport().installEventFilter(painted)
            preview = window.preview
            signal = getattr(preview, "shown", None) or preview.body_updated
            signal.connect(shown)
            return opened

        window.open_post = open_post
        return window

    app_module.start_window = watched_start_window
    return app_module.run_app(sys.argv[-1])


def _start(post: Path, home: Path, settle_s: float) -> dict:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
    for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
        env[name] = str(home / name.lower())
        Path(env[name]).mkdir(parents=True, exist_ok=True)
    env["TSUZURI_DATA_DIR"] = str(home / "data")
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, __file__, "--probe", str(started), str(settle_s), str(post)],
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        cwd=ROOT,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(
            f"the app said no figure (exit {done.returncode}): {done.stderr[-2000:]}"
        )
    return json.loads(lines[-1])


def run() -> list[dict]:
    """Cold start (painted, preview shown) and memory with the 1 MB post open."""
    from documents import SIZES, measured_sizes, post

    rows: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        blog = Path(tmp) / "blog"
        shutil.copytree(ROOT / "resources" / "sample-blog", blog)
        painted, cpu, preview = [], [], []
        for n in range(STARTS):
            harness.say(f"startup: cold start {n + 1} of {STARTS}")
            seen = _start(blog / "_posts" / SAMPLE_POST, Path(tmp) / f"home{n}", 0)
            painted.append(seen["painted_ms"])
            cpu.append(seen["painted_cpu_ms"])
            preview.append(seen["preview_ms"])
        rows.append(
            {
                "name": "cold start until the post is painted",
                **harness.summary(painted),
                "target_ms": START_TARGET_MS,
            }
        )
        rows.append(
            {"name": "cold start until painted, the UI thread's CPU time", **harness.summary(cpu)}
        )
        rows.append({"name": "cold start until its preview is shown", **harness.summary(preview)})
        size_name = "1 MB" if "1 MB" in measured_sizes() else next(iter(measured_sizes()))
        big = blog / "_posts" / "2025-01-01-bench-memory.md"
        big.write_text(post(SIZES[size_name]), encoding="utf-8")
        harness.say(f"startup: memory with the {size_name} post open")
        seen = _start(big, Path(tmp) / "home-memory", SETTLE_S)
        rows.append(
            {
                "name": f"RSS, main process, {size_name} post open",
                "median_ms": None,
                "value": seen["rss_mib"],
                "unit": "MiB",
                "target": RSS_TARGET_MB,
                "ok": seen["rss_mib"] <= RSS_TARGET_MB,
            }
        )
        rows.append(
            {
                "name": f"RSS, QtWebEngine processes, {size_name} post open",
                "median_ms": None,
                "value": seen["webengine_rss_mib"],
                "unit": "MiB",
            }
        )
        rows.append(
            {
                "name": f"RSS, the app's other processes, {size_name} post open",
                "median_ms": None,
                "value": seen["other_children_rss_mib"],
                "unit": "MiB",
            }
        )
    return rows


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--probe":
        sys.exit(_probe(float(sys.argv[2]), float(sys.argv[3])))
    for row in run():
        print(row)
