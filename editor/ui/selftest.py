"""``tsuzuri --self-test``: the whole app end to end on a copy of the sample blog, offscreen.

It opens the real window on a copy of the bundled sample blog in a temporary folder, waits for
the real preview (QtWebEngine, fed by the render worker process) to show the post's body, types
into the text pane with key events, waits for the preview to show what was typed, saves, reads
the file back (the typed text there, the front matter and the rest of the post untouched),
closes the window and checks no worker process is left.  One line per step on stdout; a failed
step or one over its time limit ends it with one line on stderr and exit status 1.

Made for a bundle or an install to prove itself where no display exists: it sets
``QT_QPA_PLATFORM=offscreen`` unless the environment names a platform, and keeps the writer's
own settings, data and caches out of it (all in the temporary folder, removed at the end).
"""

from __future__ import annotations

import multiprocessing
import os
import secrets
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import TextIO

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

EXIT_FAILED = 1

# Seconds each step may take before the self-test gives up on it: wall bounds for a slow,
# cold machine (the first QtWebEngine start on a fresh account is the slowest).
LIMITS_S = {
    "start": 90.0,
    "open": 60.0,
    "preview": 90.0,
    "checks": 90.0,
    "type": 30.0,
    "typed": 60.0,
    "save": 30.0,
    "check": 10.0,
    "close": 30.0,
    "workers": 20.0,
}
# A step stuck inside Qt (a dialog's own event loop) is ended from a thread this much later.
WATCHDOG_GRACE_S = 15.0


class StepFailed(Exception):
    """A step did not do what it should: which step and why, in the interface's language."""

    def __init__(self, step: str, reason: str):
        super().__init__(f"{step}: {reason}")
        self.step = step
        self.reason = reason


class _FirstText(HTMLParser):
    """The first run of words of a rendered body (what the preview must show first)."""

    def __init__(self) -> None:
        super().__init__()
        self.found = ""
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "pre", "code"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style", "pre", "code") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        words = " ".join(data.split())
        if not self.found and not self._skip and len(words) >= 8:
            self.found = words


def first_words(html: str, count: int = 24) -> str:
    """The first words of ``html``'s text (at most ``count`` characters), as a page shows them."""
    parser = _FirstText()
    parser.feed(html)
    return parser.found[:count].strip()


class SelfTest(QObject):
    """The steps, run on an application that exists; :meth:`run` returns the exit status."""

    def __init__(self, out: TextIO, err: TextIO, folder: Path, settings=None):
        super().__init__()
        self.out = out
        self.err = err
        self.folder = folder
        self._settings = settings
        self.window = None
        self.step = ""
        self._began = 0.0
        self.reported = False
        self.token = secrets.token_hex(4)
        self.typed = f"Tsuzuri self-test {self.token} 自己診断"

    # -- wording -------------------------------------------------------------------------------

    def step_name(self, step: str) -> str:
        names = {
            "start": self.tr("start"),
            "open": self.tr("open the sample post"),
            "preview": self.tr("preview"),
            "checks": self.tr("the doctor and the counts"),
            "type": self.tr("typing"),
            "typed": self.tr("preview of the typed text"),
            "save": self.tr("save"),
            "check": self.tr("check of the saved file"),
            "close": self.tr("close"),
            "workers": self.tr("worker processes"),
        }
        return names.get(step, step)

    def fail(self, reason: str) -> StepFailed:
        return StepFailed(self.step_name(self.step), reason)

    def _say(self, line: str) -> None:
        ms = (time.monotonic() - self._began) * 1000
        self.out.write(f"ok {self.step_name(self.step)}: {line} ({ms:.0f} ms)\n")
        self.out.flush()

    # -- running -------------------------------------------------------------------------------

    def _begin(self, step: str) -> None:
        self.step = step
        self._began = time.monotonic()

    def _limit(self) -> float:
        return LIMITS_S[self.step]

    def overdue(self, grace_s: float = 0.0) -> str:
        """Why the step fails when it has run over its limit (plus ``grace_s``), else ""."""
        if not self.step or time.monotonic() - self._began <= self._limit() + grace_s:
            return ""
        return self.tr("not done within {seconds} s").format(seconds=f"{self._limit():.0f}")

    def _check_time(self) -> None:
        reason = self.overdue()
        if reason:
            raise self.fail(reason)

    def _wait_until(self, done: Callable[[], bool], reason: Callable[[], str]) -> None:
        """Process events until ``done()``; past the step's limit, fail with ``reason()``."""
        deadline = self._began + self._limit()
        while not done():
            if time.monotonic() > deadline:
                raise self.fail(
                    self.tr("{reason} after {seconds} s").format(
                        reason=reason(), seconds=f"{self._limit():.0f}"
                    )
                )
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            time.sleep(0.005)

    def run(self) -> int:
        """Every step in order; 0 when all passed, else the one-line reason on ``err`` and 1."""
        started = time.monotonic()
        try:
            for step in (
                self.start,
                self.open_post,
                self.preview,
                self.checks,
                self.type_text,
                self.preview_typed,
                self.save,
                self.check_file,
                self.close,
                self.workers,
            ):
                step()
        except StepFailed as failed:
            self.report(failed.step, failed.reason)
            return EXIT_FAILED
        except Exception as exc:  # noqa: BLE001 - said in one line, never a traceback
            self.report(self.step_name(self.step), f"{type(exc).__name__}: {exc}")
            return EXIT_FAILED
        finally:
            self._close_quietly()
        seconds = time.monotonic() - started
        self.out.write(
            self.tr("Self-test passed in {seconds} s").format(seconds=f"{seconds:.1f}") + "\n"
        )
        self.out.flush()
        return 0

    def report(self, step: str, reason: str) -> None:
        """Say why the self-test failed, once: a second failure on the way out is not said."""
        if self.reported:
            return
        self.reported = True
        line = self.tr("self-test failed at {step}: {reason}").format(step=step, reason=reason)
        self.err.write("tsuzuri: " + " ".join(line.split()) + "\n")
        self.err.flush()

    def _close_quietly(self) -> None:
        """After a failure: the window goes without asking (its copy of the blog goes too)."""
        window, self.window = self.window, None
        if window is None:
            return
        self._begin("close")  # the watchdog's limit is the close's from now on
        for view in window.views():
            view.edited.document.mark_saved()
        window.close()
        deadline = time.monotonic() + LIMITS_S["close"]
        while window.tasks.running and time.monotonic() < deadline:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        window.deleteLater()
        from editor.ui.app import stop_worker_processes

        stop_worker_processes()
        deadline = time.monotonic() + LIMITS_S["workers"]
        while multiprocessing.active_children() and time.monotonic() < deadline:
            time.sleep(0.05)  # the stopped ones are reaped; none outlives the self-test

    # -- the steps -----------------------------------------------------------------------------

    def start(self) -> None:
        self._begin("start")
        from editor.ui.app import start_window
        from editor.ui.settings import Settings

        settings = self._settings
        if settings is None:
            ini = str(self.folder / "settings.ini")
            settings = Settings(QSettings(ini, QSettings.Format.IniFormat))
        self.window = start_window(settings)
        self._answered: set[str] = set()
        self.window.facts.finished.connect(lambda _facts: self._answered.add("counts"))
        self.window.post_list.doctor_checked.connect(lambda: self._answered.add("posts"))
        self.window.resize(1200, 800)
        self.window.show()
        self._check_time()
        self._say(self.tr("the window is open"))

    def open_post(self) -> None:
        self._begin("open")
        from editor.ui.resources import SAMPLE_BLOG, resource_path

        blog = self.folder / "blog"
        shutil.copytree(resource_path(SAMPLE_BLOG), blog)
        self.blog = blog
        self.window.open_blog(blog)
        self.window.open_newest_post()
        view = self.window.current_view
        path = view.edited.document.path
        if path is None:
            raise self.fail(self.tr("the sample blog has no post"))
        self.path = Path(path)
        self.original = self.path.read_bytes()
        self._wait_until(
            lambda: not self.window.tasks.running,
            lambda: self.tr("the blog's posts were not read"),
        )
        self._say(self.path.name)

    def preview(self) -> None:
        self._begin("preview")
        from editor.core.render import render_body

        view = self.window.current_view
        if not view.preview.uses_webengine:
            raise self.fail(
                self.tr("QtWebEngine is not available: {reason}").format(
                    reason=view.preview.fallback_reason
                )
            )
        html = render_body(view.editor.mirror.text, view.render_context()).html
        expected = first_words(html)
        if not expected:
            raise self.fail(self.tr("the sample post has no text to show"))
        self._patches = []
        view.renderer.finished.connect(self._patches.append)
        shown = self._page_text_poll()
        self._wait_until(
            lambda: expected in shown(),
            lambda: self.tr("the preview does not show “{words}”").format(words=expected),
        )
        pid = view.renderer.service.pid
        if pid is None or pid == os.getpid():
            raise self.fail(self.tr("the preview was not rendered by the render process"))
        self.render_pid = pid
        self._say(
            self.tr(
                "the preview shows “{words}”, rendered by the render process (pid {pid})"
            ).format(words=expected, pid=pid)
        )

    def checks(self) -> None:
        """The other worker processes answered: the doctor of the open post, the doctor's check
        of every post in the post list (a process pool) and the counts."""
        self._begin("checks")
        window = self.window
        view = window.current_view
        # The post list checks every post once the writer filters on the doctor's errors.
        states = window.post_list.state
        states.setCurrentIndex(states.findData("doctor-errors"))
        self._wait_until(view.doctor.is_done, lambda: self.tr("the doctor did not check the post"))
        self._wait_until(
            lambda: "posts" in self._answered and not window.post_list.is_checking(),
            lambda: self.tr("the doctor did not check the posts of the post list"),
        )
        self._wait_until(
            lambda: "counts" in self._answered,
            lambda: self.tr("the counts of the post were not read"),
        )
        from editor.ui import doctor_controller
        from editor.ui.process_service import shared

        own = os.getpid()
        doctor, counts = shared(doctor_controller.WORKER).pid, window.facts.service.pid
        if doctor in (None, own) or counts in (None, own):
            raise self.fail(self.tr("the doctor or the counts did not run in a worker process"))
        self._say(
            self.tr(
                "the doctor (pid {doctor}), its check of every post and the counts (pid {counts}) answered"
            ).format(doctor=doctor, counts=counts)
        )

    def _page_text_poll(self) -> Callable[[], str]:
        """A function giving the preview's text as last read; each call asks the page again
        when the last answer came (the page answers asynchronously)."""
        view = self.window.current_view
        state = {"text": "", "asked": False}

        def answer(value) -> None:
            state["text"] = value or ""
            state["asked"] = False

        def shown() -> str:
            if not state["asked"]:
                state["asked"] = True
                view.preview.run_in_page(
                    "(document.getElementById('tsuzuri-body') || document.body).innerText",
                    answer,
                )
            return state["text"]

        return shown

    def type_text(self) -> None:
        self._begin("type")
        editor = self.window.editor
        editor.setFocus()
        cursor = editor.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        editor.setTextCursor(cursor)
        before = editor.mirror.text
        keys = [] if before.endswith("\n") else ["\n"]
        keys += ["\n", *self.typed, "\n"]
        for char in keys:
            self._key(editor, char)
        QCoreApplication.processEvents()
        expected = before + "".join(keys)
        if editor.mirror.text != expected:
            raise self.fail(self.tr("the text pane does not hold what was typed"))
        self._added = "".join(keys)
        self._say(self.tr("{count} characters typed").format(count=len(keys)))

    @staticmethod
    def _key(widget, char: str) -> None:
        """One key press and release, as the keyboard (or an input method's commit) sends it."""
        if char == "\n":
            key, text = Qt.Key.Key_Return, "\r"
        elif char == " ":
            key, text = Qt.Key.Key_Space, char
        elif char.isascii() and char.isalnum():
            key, text = Qt.Key(ord(char.upper())), char
        elif char == "-":
            key, text = Qt.Key.Key_Minus, char
        else:
            key, text = Qt.Key.Key_unknown, char
        modifiers = (
            Qt.KeyboardModifier.ShiftModifier
            if char.isascii() and char.isupper()
            else Qt.KeyboardModifier.NoModifier
        )
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers, text))

    def preview_typed(self) -> None:
        self._begin("typed")
        view = self.window.current_view
        shown = self._page_text_poll()
        self._wait_until(
            lambda: self.typed in shown(),
            lambda: self.tr("the preview does not show the typed text"),
        )
        self._wait_until(
            lambda: bool(self._patches) and self._patches[-1].version == view.editor.mirror.version,
            lambda: self.tr("the render process did not render the typed text"),
        )
        got = self._patches[-1].stats.get("got_at", 0.0)
        if not got or view.renderer.service.pid != self.render_pid:
            raise self.fail(self.tr("the preview was not rendered by the render process"))
        self._say(self.tr("the preview shows “{words}”").format(words=self.typed))

    def save(self) -> None:
        self._begin("save")
        if not self.window.save():
            raise self.fail(self.tr("the post was not saved"))
        self._check_time()
        self.saved = Path(self.window.current_view.edited.document.path)
        self._say(str(self.saved))

    def check_file(self) -> None:
        self._begin("check")
        from editor.core.post.split import split_post

        data = self.saved.read_bytes()
        before = split_post(self.original.decode("utf-8"))
        try:
            after = split_post(data.decode("utf-8"))
        except UnicodeDecodeError:
            raise self.fail(self.tr("the saved file is not UTF-8")) from None
        if (after.bom, after.opening, after.front_matter, after.closing) != (
            before.bom,
            before.opening,
            before.front_matter,
            before.closing,
        ):
            raise self.fail(self.tr("the front matter changed"))
        if self.typed not in after.body:
            raise self.fail(self.tr("the saved file does not hold the typed text"))
        added = self._added.replace("\n", before.newline)
        if after.body != before.body + added:
            raise self.fail(self.tr("the post's text changed beyond what was typed"))
        self._say(self.tr("the typed text is there, the front matter and the rest as they were"))

    def close(self) -> None:
        self._begin("close")
        window, self.window = self.window, None
        window.close()
        self._wait_until(
            lambda: not window.isVisible(), lambda: self.tr("the window did not close")
        )
        # Closing cancelled the window's background work (the post list's checks after the
        # save, say): it ends before the window goes.
        self._wait_until(
            lambda: not window.tasks.running,
            lambda: self.tr("the window's background work did not stop"),
        )
        window.deleteLater()
        QCoreApplication.processEvents()
        self._say(self.tr("the window closed"))

    def workers(self) -> None:
        self._begin("workers")
        from editor.ui.app import stop_worker_processes

        stop_worker_processes()

        def left() -> str:
            return ", ".join(f"{p.name} (pid {p.pid})" for p in multiprocessing.active_children())

        self._wait_until(
            lambda: not multiprocessing.active_children(),
            lambda: self.tr("still running: {processes}").format(processes=left()),
        )
        self._say(self.tr("no worker process is left"))


def _watchdog(test: SelfTest) -> threading.Event:
    """End the process when a step hangs where events are not processed (a modal dialog)."""
    stop = threading.Event()

    def watch() -> None:
        while not stop.wait(1.0):
            step, reason = test.step, test.overdue(WATCHDOG_GRACE_S)
            if reason:
                test.report(test.step_name(step), reason)  # unless a failure was said already
                # The UI thread is stuck inside Qt and cannot unwind: ended as a kill would,
                # the temporary copy removed first (the workers end with their pipes).
                shutil.rmtree(test.folder, ignore_errors=True)
                os.kill(os.getpid(), signal.SIGKILL)

    threading.Thread(target=watch, name="tsuzuri-self-test-watchdog", daemon=True).start()
    return stop


def run_self_test(out: TextIO | None = None, err: TextIO | None = None) -> int:
    """``tsuzuri --self-test``: set up the environment, start the application, run the steps."""
    out = sys.stdout if out is None else out
    err = sys.stderr if err is None else err
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="tsuzuri-self-test-") as temp:
        folder = Path(temp)
        # The writer's own data and caches stay out of it; worker processes inherit these.
        os.environ["TSUZURI_DATA_DIR"] = str(folder / "data")
        os.environ["XDG_CACHE_HOME"] = str(folder / "cache")
        from editor.ui.app import APP_NAME, APP_ORGANISATION, _print_qt_message, prepare_environment

        prepare_environment()
        from PySide6.QtCore import qInstallMessageHandler

        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
        QCoreApplication.setOrganizationName(APP_ORGANISATION)
        QCoreApplication.setApplicationName(APP_NAME)
        qInstallMessageHandler(_print_qt_message)
        app = QApplication.instance() or QApplication(sys.argv[:1])
        test = SelfTest(out, err, folder)
        stop = _watchdog(test)
        try:
            status = test.run()
        finally:
            stop.set()
            from editor.ui.preview import release_web_profile

            release_web_profile()
            del app
    return status
