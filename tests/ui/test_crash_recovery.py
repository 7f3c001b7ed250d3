"""A real crash: the editor process is killed with SIGKILL mid-edit, and the next start recovers."""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
import time

import pytest

from editor.ui import prompts
from editor.ui.recovery_dialog import RecoveryChoice
from tests.ui.conftest import JA_POST, ROOT

pytestmark = [pytest.mark.ui, pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL")]

# Starts the application exactly as `python -m editor POST` does (run_app), and once the window
# is up types into it like an input method would, then reports when the journal has the text.
WRITER = """
import sys
from editor.ui.app import prepare_environment, run_app
prepare_environment()
from PySide6.QtCore import QCoreApplication, Qt, QTimer
QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])

def type_text():
    from editor.ui.main_window import MainWindow
    [window] = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow)]
    window.safekeeping.journaled.connect(lambda: print("READY", flush=True))
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    window.editor.insertPlainText(sys.argv[2])

QTimer.singleShot(0, type_text)
sys.exit(run_app(sys.argv[1]))
"""

TYPED = "\n\n強制終了の直前に書いた段落。保存はしていない。\n"


def _wait_for_line(process: subprocess.Popen, wanted: str, timeout: float) -> list[str]:
    seen: list[str] = []
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not selector.select(timeout=deadline - time.monotonic()):
            break
        line = process.stdout.readline()
        if not line:
            break
        seen.append(line.strip())
        if line.strip() == wanted:
            return seen
    raise AssertionError(f"the editor never printed {wanted}; it printed {seen}")


def test_sigkilled_editor_offers_exactly_the_typed_text(
    qtbot, blog, tmp_path, make_window, monkeypatch
):
    post = blog / "_posts" / JA_POST
    on_disk = post.read_text(encoding="utf-8")
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        QTWEBENGINE_DISABLE_SANDBOX="1",
        TSUZURI_DATA_DIR=os.environ["TSUZURI_DATA_DIR"],
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        PYTHONPATH=str(ROOT),
    )
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(post), TYPED],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        _wait_for_line(process, "READY", timeout=90)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        process.stdout.close()
    assert process.returncode == -signal.SIGKILL
    assert post.read_text(encoding="utf-8") == on_disk

    offered = []

    def restore_first(_parent, entries, _corrupt):
        offered.extend(entries)
        return RecoveryChoice(restore=entries[0].id)

    monkeypatch.setattr(prompts, "choose_recovery", restore_first)
    window = make_window(blog)
    assert [(entry.label, entry.disk_state()) for entry in offered] == [(JA_POST, "unchanged")]
    assert window.document.text == on_disk + TYPED
    assert window.editor.toPlainText().endswith(TYPED)
    assert window.isWindowModified()
    assert post.read_text(encoding="utf-8") == on_disk
