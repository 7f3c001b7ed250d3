"""Start the application: environment for QtWebEngine, settings, the window on a blog or post."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, MutableMapping
from pathlib import Path

APP_ORGANISATION = "Tsuzuri"
APP_NAME = "tsuzuri"


UI_SWITCH_INTERVAL_S = 0.0005


def prepare_environment() -> None:
    """Settings QtWebEngine and the input method read before the QApplication exists."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Chromium refuses its sandbox as root; the preview has its own (no JavaScript, no network).
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
    # --log-level=3: Chromium's own chatter (no D-Bus, no GPU) is not for the writer.
    for flag in ("--disable-background-networking", "--disable-component-update", "--log-level=3"):
        if flag not in flags:
            flags = f"{flags} {flag}".strip()
    os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = flags
    # The preview's render and the doctor run on threads of this process and share its GIL with
    # the UI thread; Python hands it over every 5 ms by default, and a keystroke asks for it
    # several times.  Every 0.5 ms, a keystroke on a 1 MB post with the doctor running costs a
    # median of 10 ms instead of 18-28 (benchmarks/bench_typing.py), until they move to a worker
    # process of their own.
    sys.setswitchinterval(UI_SWITCH_INTERVAL_S)
    prepare_input_method()


FCITX_NAMES = ("fcitx", "fcitx5")
# Said once on stderr when fcitx is reached through its ibus frontend.
IBUS_BRIDGE_WORDS = {
    "en": "fcitx has no input-method plugin for this Qt: Japanese input goes through "
    "fcitx5's ibus frontend (QT_IM_MODULE=ibus)",
    "ja": "この Qt 用の fcitx のプラグインがないため、日本語入力は fcitx5 の ibus 互換機能を"
    "通します (QT_IM_MODULE=ibus)",
}


def _asks_for_fcitx(environ: MutableMapping[str, str]) -> bool:
    """The desktop's input method is fcitx: named for Qt, or only for X and GTK."""
    module = environ.get("QT_IM_MODULE", "").strip().lower()
    if module:
        return module in FCITX_NAMES
    xmodifiers = environ.get("XMODIFIERS", "").replace(" ", "").lower()
    gtk = environ.get("GTK_IM_MODULE", "").strip().lower()
    return xmodifiers in ("@im=fcitx", "@im=fcitx5") or gtk in FCITX_NAMES


def _has_fcitx_plugin(plugin_folders: Iterable[Path]) -> bool:
    for folder in plugin_folders:
        contexts = Path(folder) / "platforminputcontexts"
        if contexts.is_dir() and any("fcitx" in p.name.lower() for p in contexts.iterdir()):
            return True
    return False


def bridge_fcitx_to_ibus(environ: MutableMapping[str, str], plugin_folders: Iterable[Path]) -> bool:
    """Set ``QT_IM_MODULE=ibus`` when the desktop uses fcitx and Qt has no fcitx plugin.

    The PySide6 wheel ships only Qt's ibus plugin, and a distribution's fcitx5 plugin is built
    against its own Qt (Debian's against 6.4's private API) and cannot load into this one.
    fcitx5 answers the ibus protocol on D-Bus, so the ibus plugin reaches it.  An explicit
    ``QT_IM_MODULES`` list is the writer's own choice and is left alone.  True when switched.
    """
    if environ.get("QT_IM_MODULES") or not _asks_for_fcitx(environ):
        return False
    if _has_fcitx_plugin(plugin_folders):
        return False
    environ["QT_IM_MODULE"] = "ibus"
    return True


def qt_plugin_folders() -> list[Path]:
    """Where Qt looks for plugins: its own folder and ``QT_PLUGIN_PATH``."""
    from PySide6.QtCore import QLibraryInfo

    folders = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))]
    folders += [Path(p) for p in os.environ.get("QT_PLUGIN_PATH", "").split(os.pathsep) if p]
    return folders


def _writer_language(environ: MutableMapping[str, str]) -> str:
    for key in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(key, "")
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    return "en"


def prepare_input_method() -> None:
    """Reach fcitx through ibus when needed (before the QApplication exists), and say so."""
    if bridge_fcitx_to_ibus(os.environ, qt_plugin_folders()):
        print(f"tsuzuri: {IBUS_BRIDGE_WORDS[_writer_language(os.environ)]}", file=sys.stderr)


# What Qt says on start-up on a machine without a GPU or as root: it falls back and works, so
# the writer's terminal is spared it.  Everything else still reaches stderr.
HARMLESS_MESSAGES = (
    "Sandboxing disabled by user",
    "Failed to load vulkan",
    "QVulkanInstance: Failed to initialize Vulkan",
    "initInstance: No Vulkan library available",
    "Failed to create platform Vulkan instance",
    "Unable to detect GPU vendor",
    "Failed to create RHI",
    "QRhiGles2: Failed to create",
    "GBM is not supported",
    "This plugin does not support",
    "GPUInfo not initialized",
)


def _print_qt_message(_mode, _context, message: str) -> None:
    if not message.startswith(HARMLESS_MESSAGES):
        print(message, file=sys.stderr)


def display_problem() -> str:
    """Why no window can open here (Linux without a display), or "" when one can."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return ""
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return ""
    return "no display to open a window on (DISPLAY is not set); run it in a desktop session or under xvfb-run"


def resolve_target(path: str | None) -> tuple[Path | None, Path | None]:
    """(blog root, post) for a command-line PATH; raises ValueError with a clear message."""
    from editor.ui.resources import sample_blog

    if path is None:
        return sample_blog(), None  # the window opens the blog's newest post
    target = Path(path).expanduser()
    if not target.exists():
        from editor.commands.common import COMMANDS

        known = ", ".join(COMMANDS)
        raise ValueError(f"{path}: no such file or folder (commands are: {known})")
    if target.is_dir():
        return target.resolve(), None
    from editor.core.blog.posts import find_root

    root = find_root(target)  # as given: a linked folder still belongs to its blog
    return (None if root is None else root.resolve()), target.resolve()


def open_target(window, root: Path | None, post: Path | None) -> None:
    """Show what the command line named: the post, else the blog's newest post."""
    if root is not None:
        window.open_blog(root)
    if post is not None:
        window.open_post(post)
        if root is None:  # a lone post: its folder keeps its recovery copies
            window.offer_recovery()
    elif root is not None:
        window.open_newest_post()


def open_at_start(window, path: str | None, root: Path | None, post: Path | None) -> None:
    """What a new window shows: PATH when one was given (``root`` and ``post`` from
    :func:`resolve_target`); else what the last window left open; the sample blog only on the
    very first start, when there is no session yet."""
    if path is None and window.restore_session():
        return
    open_target(window, root, post)


def start_window(settings):
    """The main window, speaking the language ``settings`` choose.

    The translators are installed before any widget exists, so every tr() of the window is in
    that language; a Japanese run missing a translation file says so in the status bar.
    """
    from PySide6.QtGui import QGuiApplication

    from editor.ui import i18n
    from editor.ui.main_window import MainWindow
    from editor.ui.resources import DESKTOP_ID, app_icon

    # The icon every window shows, and the desktop entry a Wayland compositor matches it to.
    QGuiApplication.setWindowIcon(app_icon())
    QGuiApplication.setDesktopFileName(DESKTOP_ID)
    missing = i18n.install(i18n.interface_language(settings))
    window = MainWindow(settings)
    i18n.report_missing(window, missing)
    return window


# Set (to anything) to print how long the start took once the window has painted the post's
# text, and quit: the start-up benchmark's probe.
QUIT_AFTER_PAINT = "TSUZURI_QUIT_AFTER_FIRST_PAINT"


def seconds_since_start() -> float | None:
    """Seconds since this process started (Linux's /proc, 10 ms steps), None elsewhere."""
    try:
        with open("/proc/self/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        with open("/proc/uptime", encoding="ascii") as uptime:
            now = float(uptime.read().split()[0])
    except (OSError, IndexError, ValueError):
        return None
    return now - int(fields[19]) / os.sysconf("SC_CLK_TCK")  # field 22: starttime


def quit_after_first_paint(app, window) -> None:
    """Once ``window``'s text pane has painted, print ``first paint: <ms> ms`` (since the
    process started) on stdout and quit."""
    import time

    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint and self.parent() is not None:
                watched.removeEventFilter(self)
                seconds = seconds_since_start()
                shown = "?" if seconds is None else f"{seconds * 1000:.0f}"
                cpu = time.thread_time() * 1000  # this (the UI) thread's, whatever else runs
                print(f"first paint: {shown} ms (UI thread CPU {cpu:.0f} ms)", flush=True)
                QTimer.singleShot(0, app.quit)
            return False

    viewport = window.editor.viewport()
    viewport.installEventFilter(FirstPaint(viewport))


def stop_worker_processes() -> None:
    """Stop the render, doctor and facts processes the windows shared (they have closed)."""
    from editor.ui.process_service import stop_shared

    stop_shared()


def run_app(path: str | None) -> int:
    """Open the main window and run the event loop; returns the exit status."""
    prepare_environment()
    from PySide6.QtCore import QCoreApplication, QSettings, Qt
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    QCoreApplication.setOrganizationName(APP_ORGANISATION)
    QCoreApplication.setApplicationName(APP_NAME)
    try:
        root, post = resolve_target(path)  # a mistyped path is the first thing to say
    except ValueError as exc:
        print(f"tsuzuri: {exc}", file=sys.stderr)
        return 2
    problem = display_problem()
    if problem:
        print(f"tsuzuri: {problem}", file=sys.stderr)
        return 2
    from PySide6.QtCore import qInstallMessageHandler

    qInstallMessageHandler(_print_qt_message)
    app = QApplication.instance() or QApplication(sys.argv[:1])

    from editor.ui.settings import Settings

    store = QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_ORGANISATION, APP_NAME
    )
    window = start_window(Settings(store))
    open_at_start(window, path, root, post)
    if os.environ.get(QUIT_AFTER_PAINT):
        quit_after_first_paint(app, window)
    window.show()
    status = app.exec()
    stop_worker_processes()
    from editor.ui.preview import release_web_profile

    release_web_profile()
    return status
