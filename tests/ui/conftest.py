"""Fixtures for driving the real window: a temp copy of the sample blog, temp settings."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths, Qt

from editor.ui.app import prepare_environment

prepare_environment()
# QtWebEngine needs shared GL contexts, set before pytest-qt creates the QApplication.
QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
QStandardPaths.setTestModeEnabled(True)

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample-blog"
JA_POST = "2025-10-20-ai-chip-market.md"


@pytest.fixture(scope="session", autouse=True)
def _release_web_profile_at_exit(qapp):
    """Pages before profile, profile before application: otherwise QtWebEngine crashes at exit."""
    yield
    from editor.ui.preview import release_web_profile

    release_web_profile()


@pytest.fixture(autouse=True)
def _application_palette(qapp):
    """A window's theme paints the whole application: the next test starts from the same look."""
    palette, style = qapp.palette(), qapp.style().name()
    yield
    if qapp.style().name() != style:
        qapp.setStyle(style)
    qapp.setPalette(palette)


@pytest.fixture(autouse=True)
def _isolated_data(tmp_path, monkeypatch):
    monkeypatch.setenv("TSUZURI_DATA_DIR", str(tmp_path / "data"))


@pytest.fixture(autouse=True)
def prompt_log(monkeypatch):
    """No real message box ever blocks a test: unsaved work is discarded at teardown and every
    error shown is recorded here for the test to assert on."""
    from editor.ui import prompts

    log: list[tuple] = []
    monkeypatch.setattr(
        prompts, "confirm_discard", lambda *a: log.append(("confirm", *a)) or "discard"
    )
    monkeypatch.setattr(prompts, "show_error", lambda *a: log.append(("error", *a)))
    monkeypatch.setattr(prompts, "show_info", lambda *a: log.append(("info", *a)))
    # The safe answers: never overwrite, never restore, never pick a file.
    monkeypatch.setattr(
        prompts, "ask_conflict", lambda *a: log.append(("conflict", *a)) or "cancel"
    )
    monkeypatch.setattr(
        prompts, "ask_read_only", lambda *a: log.append(("read_only", *a)) or "cancel"
    )
    monkeypatch.setattr(
        prompts, "offer_save_as", lambda *a: log.append(("save_failed", *a)) and False
    )
    monkeypatch.setattr(prompts, "choose_save_path", lambda *a: log.append(("save_as", *a)))
    monkeypatch.setattr(
        prompts, "confirm_overwrite", lambda *a: log.append(("overwrite", *a)) and False
    )
    # The doctor's confirmations are accepted (fixes only ever reach the text pane, not disk).
    monkeypatch.setattr(
        prompts, "confirm_fixes", lambda *a: log.append(("confirm_fixes", *a)) or True
    )
    monkeypatch.setattr(
        prompts, "compare_takes", lambda *a: log.append(("compare_takes", *a)) or True
    )
    # Git: never save for a commit, never commit (tests that commit answer for themselves).
    monkeypatch.setattr(
        prompts, "ask_save_before_commit", lambda *a: log.append(("save_for_commit", *a)) and False
    )
    monkeypatch.setattr(
        prompts, "edit_commit_message", lambda *a: log.append(("commit_message", *a)) and None
    )
    # A large image is copied as it is (the safe answer: nothing is changed).
    monkeypatch.setattr(
        prompts, "offer_scale_down", lambda *a: log.append(("scale_down", *a)) and False
    )
    monkeypatch.setattr(
        prompts, "choose_images", lambda *a: log.append(("choose_images", *a)) or []
    )
    for chooser in (
        "choose_post_to_open",
        "choose_blog_folder",
        "choose_stylesheet",
        "choose_export_path",
    ):
        monkeypatch.setattr(prompts, chooser, lambda *a, _n=chooser: log.append((_n, *a)))

    def choose_recovery(*args):
        from editor.ui.recovery_dialog import RecoveryChoice

        log.append(("recovery", *args))
        return RecoveryChoice()

    monkeypatch.setattr(prompts, "choose_recovery", choose_recovery)
    # A tag like one the blog uses is saved as typed (what a save did before it asked).
    monkeypatch.setattr(
        prompts, "ask_near_variant", lambda *a: log.append(("near_variant", *a)) or "keep"
    )
    return log


@pytest.fixture(autouse=True)
def _own_doctor_process():
    """Each test's windows share a doctor process started in that test's environment (its
    cache folder), as each window of the app shares one."""
    yield
    from editor.ui.doctor_controller import WORKER
    from editor.ui.process_service import stop_shared

    stop_shared(WORKER)


@pytest.fixture(scope="session")
def compiled_translations(tmp_path_factory) -> Path:
    """The committed .ts files compiled (as ``make translations`` does) into a folder of their
    own, so the tests read today's sources, never a stale .qm."""
    from tools.i18n import build

    folder = tmp_path_factory.mktemp("i18n")
    build(folder)
    return folder


@pytest.fixture
def language(compiled_translations):
    """Switch the interface language ("ja" or "en") as a start-up would, for one test; returns
    the translation files that could not be loaded."""
    from PySide6.QtCore import QLocale

    from editor.ui import i18n

    before = QLocale()
    yield lambda lang: i18n.install(lang, compiled_translations)
    i18n.install("en")
    QLocale.setDefault(before)


@pytest.fixture
def blog(tmp_path) -> Path:
    """A writable copy of the bundled sample blog."""
    target = tmp_path / "blog"
    shutil.copytree(SAMPLE, target)
    return target


@pytest.fixture
def settings(tmp_path):
    from editor.ui.settings import Settings

    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def make_window(qtbot, settings):
    """Build a main window on a blog (and optionally a post) like a writer opening it."""
    from editor.ui.main_window import MainWindow

    def build(
        blog_root: Path | None = None,
        post: Path | None = None,
        window_settings=None,
        settle: bool = True,
    ):
        window = MainWindow(window_settings or settings)
        qtbot.addWidget(window)
        if blog_root is not None:
            window.open_blog(blog_root)
        if post is not None:
            assert window.open_post(post)
        window.show()
        qtbot.waitExposed(window)
        if settle:
            # Opening a blog starts work of its own (reading the posts, indexing, git's
            # states): a test starts once it has ended, so what it counts or waits for is its
            # own.  ``settle=False`` for a test about that work itself.
            qtbot.waitUntil(lambda: not window.tasks.running, timeout=30000)
        return window

    return build


@pytest.fixture
def pane(qtbot, blog):
    """A preview pane alone, with the wrapper page of ``blog`` loaded."""
    from editor.ui.preview import PreviewPane

    pane = PreviewPane()
    if not pane.uses_webengine:
        pytest.skip(f"QtWebEngine unavailable: {pane.fallback_reason}")
    qtbot.addWidget(pane)
    pane.resize(800, 600)
    pane.show()
    qtbot.waitExposed(pane)
    pane.load_page(blog, [])
    return pane


def preview_text(qtbot, window) -> str:
    """The preview's visible text, read back from its DOM (or the fallback widget)."""
    if not window.preview.uses_webengine:
        return window.preview._browser.toPlainText()
    box: list = []
    window.preview.run_in_page(
        "(document.getElementById('tsuzuri-body') || document.body).innerText", box.append
    )
    qtbot.waitUntil(lambda: bool(box), timeout=10000)
    return box[0] or ""


def wait_for_preview(qtbot, window, needle: str, timeout: int = 15000) -> None:
    """Wait until the preview shows ``needle``."""
    qtbot.waitUntil(lambda: needle in preview_text(qtbot, window), timeout=timeout)


def wait_for_posts(qtbot, window, doctor: bool = False):
    """Wait until the post browser has read the blog (and, with ``doctor``, checked it);
    returns the browser."""
    browser = window.post_list
    busy = browser.is_checking if doctor else browser.is_reading
    qtbot.waitUntil(lambda: not busy(), timeout=20000)
    return browser


def type_text(qtbot, widget, text: str) -> None:
    """Type like a writer: ASCII as key presses, Japanese as input-method commits, Enter as a key.

    QTest cannot synthesise key events for non-ASCII characters, and Japanese arrives from an
    input method as a committed string anyway.
    """
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    run = ""

    def flush() -> None:
        nonlocal run
        if not run:
            return
        if run.isascii():
            qtbot.keyClicks(widget, run)
        else:
            event = QInputMethodEvent()
            event.setCommitString(run)
            QApplication.sendEvent(widget, event)
        run = ""

    for char in text:
        if char == "\n":
            flush()
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        elif run and (char.isascii() != run[-1].isascii()):
            flush()
            run = char
        else:
            run += char
    flush()
