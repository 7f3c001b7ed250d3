"""The real window under a benchmark: Qt offscreen, a blog in a temporary folder, the preview's
DOM read back.  Shared by bench_preview.py and bench_startup.py."""

from __future__ import annotations

import contextlib
import json
import math
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = "title: 計測\ntimezone: Asia/Tokyo\n"


def application():
    """The QApplication, set up as the app sets it up (offscreen when there is no display)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    for path in (ROOT, ROOT / "benchmarks"):
        if str(path) not in sys.path:
            sys.path.insert(0, str(path))
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QApplication

    from editor.ui.app import prepare_environment

    prepare_environment()
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    return QApplication.instance() or QApplication([])


def no_questions() -> None:
    """No dialog ever waits for an answer nobody gives: the recovery of unsaved work from an
    earlier window is declined (nothing restored, nothing deleted), closing discards the
    benchmark's edits, and an error or a notice is printed on stderr instead of shown."""
    from editor.ui import prompts
    from editor.ui.recovery_dialog import RecoveryChoice

    prompts.choose_recovery = lambda *args: RecoveryChoice()
    prompts.confirm_discard = lambda *args: "discard"
    prompts.show_error = lambda _parent, title, message: say(f"error shown: {title}: {message}")
    prompts.show_info = lambda _parent, title, message: say(f"notice shown: {title}: {message}")


def fresh_data_folder(folder: Path) -> None:
    """The next window's data (recovery journal, session) in ``folder``, never the writer's
    own nor an earlier window's."""
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["TSUZURI_DATA_DIR"] = str(folder)


@contextlib.contextmanager
def own_data_folder():
    """``TSUZURI_DATA_DIR`` as it was once the block ends (the benchmarks after see no folder
    of this one's)."""
    before = os.environ.get("TSUZURI_DATA_DIR")
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("TSUZURI_DATA_DIR", None)
        else:
            os.environ["TSUZURI_DATA_DIR"] = before


def make_blog(folder: Path) -> Path:
    """An empty blog (``_config.yml`` and ``_posts``) in ``folder``."""
    (folder / "_posts").mkdir(parents=True, exist_ok=True)
    (folder / "_config.yml").write_text(CONFIG, encoding="utf-8")
    return folder


def settings_in(folder: Path):
    """The window's settings kept in ``folder`` (never the writer's own)."""
    from PySide6.QtCore import QSettings

    from editor.ui.settings import Settings

    return Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))


def say(text: str) -> None:
    """A line of progress on stderr (the table goes to stdout)."""
    print(f"bench: {text}", file=sys.stderr, flush=True)


def wait_until(app, condition, timeout_s: float) -> bool:
    """Run the event loop until ``condition()`` holds; False when ``timeout_s`` passed first."""
    deadline = time.perf_counter() + timeout_s
    while not condition():
        if time.perf_counter() > deadline:
            return False
        app.processEvents()
        time.sleep(0.0005)
    return True


def page_shows(app, preview, needle: str, timeout_s: float) -> float | None:
    """Poll the preview's DOM until its text holds ``needle``; the ``perf_counter`` time the
    answer that saw it arrived, None after ``timeout_s``.  One question at a time: the page
    answers each before the next is asked."""
    script = (
        "(document.getElementById('tsuzuri-body') || document.body).textContent"
        f".indexOf({json.dumps(needle)}) >= 0"
    )
    seen: list[float] = []
    deadline = time.perf_counter() + timeout_s
    while time.perf_counter() < deadline:
        answer: list = []
        preview.run_in_page(script, answer.append)
        left = max(0.0, deadline - time.perf_counter())
        if not wait_until(app, lambda answer=answer: bool(answer), left):
            return None
        if answer[0]:
            seen.append(time.perf_counter())
            return seen[0]
    return None


def percentile(values: list[float], share: float) -> float:
    """The ``share`` percentile (0.9 for p90) by the nearest rank."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def summary(times_ms: list[float], *percentiles: float) -> dict:
    """Median and the asked percentiles (``p90_ms``, ``p99_ms``) of milliseconds, rounded."""
    out = {"median_ms": round(statistics.median(times_ms), 2), "runs": len(times_ms)}
    for share in percentiles:
        out[f"p{round(share * 100)}_ms"] = round(percentile(times_ms, share), 2)
    return out


def rss_kib(pid: int) -> int:
    """Resident memory of a process in KiB (0 once it has gone)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def children(pid: int) -> list[int]:
    """Every process below ``pid`` (children, their children…)."""
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        for task in Path(f"/proc/{parent}/task").glob("*"):
            try:
                kids = (task / "children").read_text().split()
            except OSError:
                continue
            for kid in map(int, kids):
                if kid not in found:
                    found.append(kid)
                    todo.append(kid)
    return found


def command_name(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return ""
