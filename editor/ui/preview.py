"""The live preview: a sandboxed QtWebEngine page patched in place, or a plain fallback.

The wrapper page is loaded once per blog; body HTML is pushed into it by a bridge script that
runs in Qt's isolated ApplicationWorld.  The page's own JavaScript is off, requests outside the
blog (and remote ones unless allowed) are blocked, and clicked links open the system browser.
"""

from __future__ import annotations

import html
import json
import logging
import os
import time
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QObject, QTimer, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QTextCursor, QTextDocument
from PySide6.QtWidgets import QStackedLayout, QTextBrowser, QWidget
from shiboken6 import isValid

from editor.core.files.storage import is_special_file
from editor.core.render.worker import Patch, PreviewBlocks
from editor.ui.resources import resource_path

try:  # QtWebEngine needs system libraries; without them the preview falls back.
    from PySide6.QtWebEngineCore import (
        QWebEnginePage,
        QWebEngineProfile,
        QWebEngineScript,
        QWebEngineSettings,
        QWebEngineUrlRequestInterceptor,
    )
    from PySide6.QtWebEngineWidgets import QWebEngineView

    WEBENGINE_ERROR = ""
except ImportError as exc:  # pragma: no cover - depends on the machine
    WEBENGINE_ERROR = str(exc)

if os.environ.get("TSUZURI_NO_WEBENGINE"):
    WEBENGINE_ERROR = "TSUZURI_NO_WEBENGINE is set"

BRIDGE_WORLD = 1  # QWebEngineScript.ScriptWorldId.ApplicationWorld
EXTERNAL_SCHEMES = {"http", "https", "mailto"}
ECHO_MS = 250


_log = logging.getLogger("tsuzuri.preview")
_CONSOLE_KEPT = 200  # the newest console lines kept for the developer (and tests)


def open_external(url: QUrl) -> None:
    """Open a clicked link in the system browser (a seam tests replace)."""
    QDesktopServices.openUrl(url)


def release_web_profile() -> None:
    """Destroy every preview page, then the shared profile, before the application goes away.

    QtWebEngine crashes at exit when a profile outlives its QApplication or dies before its
    pages; call this once the event loop has finished.
    """
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication
    from shiboken6 import isValid

    for widget in QApplication.topLevelWidgets():
        if isValid(widget):
            widget.close()
        if isValid(widget):  # closing may already have destroyed it
            widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    if not WEBENGINE_ERROR and _PROFILE:
        _PROFILE.pop().deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def wrapper_page(stylesheets: list[Path], allow_remote: bool, dark: bool) -> str:
    """The HTML page the body is pushed into; its CSP forbids every script, every <base> and
    form, and it asks for no DNS prefetching."""
    remote = " http: https:" if allow_remote else ""
    csp = (
        "default-src 'none'; script-src 'none'; object-src 'none'; base-uri 'none'; "
        f"form-action 'none'; img-src file: data:{remote}; "
        f"style-src 'unsafe-inline' file:{remote}; "
        f"font-src file: data:{remote}; media-src file:{remote}"
    )
    links = "\n".join(
        f'<link rel="stylesheet" href="{html.escape(QUrl.fromLocalFile(str(p)).toString())}">'
        for p in stylesheets
    )
    theme = "dark" if dark else "light"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="ja" class="tsuzuri-{theme}"><head><meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta http-equiv="x-dns-prefetch-control" content="off">\n'
        f"{links}\n</head><body>\n"
        '<main id="tsuzuri-body" class="post-content"></main>\n</body></html>\n'
    )


_PROFILE: list = []

if not WEBENGINE_ERROR:

    class _Interceptor(QWebEngineUrlRequestInterceptor):
        """Blocks requests for files outside the allowed folders, and remote ones unless allowed."""

        def __init__(self, parent: QObject | None = None):
            super().__init__(parent)
            self.allowed_roots: list[Path] = []
            self.allow_remote = False
            self.blocked: list[str] = []
            self.allowed: list[str] = []

        def interceptRequest(self, info) -> None:  # noqa: N802 - Qt override
            url = info.requestUrl()
            if self._allows(url):
                self.allowed.append(url.toString())
                return
            self.blocked.append(url.toString())
            info.block(True)

        def _allows(self, url: QUrl) -> bool:
            scheme = url.scheme()
            if scheme in ("data", "qrc", "blob", "about"):
                return True
            if scheme == "file":
                path = Path(os.path.realpath(url.toLocalFile()))
                if is_special_file(path):  # a FIFO would hang the page (and quitting) for ever
                    return False
                return any(path.is_relative_to(root) for root in self.allowed_roots)
            return scheme in ("http", "https") and self.allow_remote

    def _shared_profile() -> QWebEngineProfile:
        """One off-the-record profile (no cache or cookies on disk) for every preview page;
        :func:`release_web_profile` destroys it after the pages."""
        if not _PROFILE:
            _PROFILE.append(QWebEngineProfile())
        return _PROFILE[0]

    class _SandboxedPage(QWebEnginePage):
        """Never navigates away from the wrapper page; links go to the system browser."""

        def __init__(self, profile: QWebEngineProfile, parent: QObject | None = None):
            super().__init__(profile, parent)
            self.expecting_load = False
            self.console: list[str] = []

        def javaScriptConsoleMessage(self, level, message: str, line: int, source: str) -> None:  # noqa: N802
            # What the sandbox refuses (a post's scripts, remote images, resource hints) is
            # reported here by Chromium; it is for developers, not the writer's terminal.
            text = f"{source}:{line}: {message}"
            del self.console[:-_CONSOLE_KEPT]
            self.console.append(text)
            _log.debug("preview console (%s): %s", level, text)

        def acceptNavigationRequest(self, url: QUrl, nav_type, is_main_frame: bool) -> bool:  # noqa: N802
            if self.expecting_load and is_main_frame:
                self.expecting_load = False
                return True
            if nav_type == QWebEnginePage.NavigationType.NavigationTypeLinkClicked:
                if url.scheme() in EXTERNAL_SCHEMES:
                    open_external(url)
            return False

        def createWindow(self, _type):  # noqa: N802 - Qt override: no pop-ups
            return None


def sandboxed_page(parent: QObject, allowed_roots=(), allow_remote: bool = False):
    """A page on the shared profile, fenced in as the preview is: no JavaScript, no pop-ups, no
    navigation away, only files under ``allowed_roots`` (and remote ones when allowed); its
    request filter is ``page.interceptor``.  Needs QtWebEngine (see ``WEBENGINE_ERROR``)."""
    interceptor = _Interceptor(parent)
    interceptor.allowed_roots = [Path(os.path.realpath(root)) for root in allowed_roots]
    interceptor.allow_remote = allow_remote
    page = _SandboxedPage(_shared_profile(), parent)
    page.setUrlRequestInterceptor(interceptor)
    page.interceptor = interceptor
    settings = page.settings()
    settings.setAttribute(QWebEngineSettings.WebAttribute.JavascriptEnabled, False)
    settings.setAttribute(QWebEngineSettings.WebAttribute.JavascriptCanOpenWindows, False)
    settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, True)
    settings.setAttribute(
        QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, allow_remote
    )
    settings.setAttribute(QWebEngineSettings.WebAttribute.PluginsEnabled, False)
    settings.setAttribute(QWebEngineSettings.WebAttribute.ErrorPageEnabled, False)
    # No looking up the hosts of links nobody clicked (Qt's default, made explicit).
    settings.setAttribute(QWebEngineSettings.WebAttribute.DnsPrefetchEnabled, False)
    return page


class PreviewPane(QWidget):
    """Shows rendered body HTML; reports scrolling as body lines."""

    top_line_changed = Signal(int)
    """The writer scrolled the preview; the line is the body line now at its top."""
    body_updated = Signal()
    """New body HTML is on the page."""
    find_finished = Signal(int, int)
    """A find in the page ended: the active match (1-based, 0 for none) and how many there are."""
    selection_changed = Signal()
    shown = Signal(int)
    """The render of this version of the text (see :meth:`apply_patch`) is on the page."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("previewPane")
        layout = QStackedLayout(self)
        self.fallback_reason = WEBENGINE_ERROR
        self._loaded = False
        self._awaiting_page = False
        self._pending_html: str | None = None
        self.blocks = PreviewBlocks()
        """Every block the patches brought (the page's body, put together in Python)."""
        self.shown_version = -1
        """The version of the text whose render is on the page (-1: none yet)."""
        self._version = -1
        self._page_keyed = False  # the page's blocks are those of self.blocks, by key
        self._page_units = None  # or, while some block must be parsed with others, its units
        self.sent_to_page_at = 0.0
        """When the last patch was handed to the page (``time.time()``, for the benchmark)."""
        self.simple_pause_ms = 0
        """The simple preview sets a whole page per update: at most one per this pause."""
        self._simple_timer = QTimer(self)
        self._simple_timer.setSingleShot(True)
        self._simple_timer.timeout.connect(self._show_blocks_in_browser)
        self._pending_line: int | None = None
        # Scroll events this soon after we scrolled the page ourselves are echoes, not the writer.
        self._our_scroll = QElapsedTimer()
        self._page_html = ""
        self._view = None
        if not WEBENGINE_ERROR:
            try:
                self._build_web_view(layout)
            except Exception as exc:  # noqa: BLE001 - any failure here means: use the fallback
                self.fallback_reason = str(exc)
        if self._view is None:
            self._browser = QTextBrowser(self)
            self._browser.setOpenLinks(False)
            self._browser.anchorClicked.connect(self._on_fallback_anchor_clicked)
            layout.addWidget(self._browser)
        self.setFocusProxy(self._view or self._browser)

    @property
    def uses_webengine(self) -> bool:
        return self._view is not None

    @property
    def console_messages(self) -> list[str]:
        """The page's newest console lines (logged at debug level, never printed)."""
        return self._page.console if self._view is not None else []

    @property
    def blocked_requests(self) -> list[str]:
        """URLs the sandbox refused (for the status bar and tests)."""
        return self._interceptor.blocked if self._view is not None else []

    @property
    def allowed_requests(self) -> list[str]:
        """URLs the sandbox let through (local files of the blog; remote ones when allowed)."""
        return self._interceptor.allowed if self._view is not None else []

    def _build_web_view(self, layout: QStackedLayout) -> None:
        page = sandboxed_page(self)
        self._interceptor = page.interceptor
        script = QWebEngineScript()
        script.setName("tsuzuri-bridge")
        script.setSourceCode(resource_path("preview", "bridge.js").read_text(encoding="utf-8"))
        script.setWorldId(BRIDGE_WORLD)
        script.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentReady)
        page.scripts().insert(script)
        self._bridge_source = script.sourceCode()
        self._view = QWebEngineView(self)
        self._view.setPage(page)
        self._page = page
        page.loadFinished.connect(self._on_load_finished)
        page.selectionChanged.connect(self.selection_changed)
        page.findTextFinished.connect(
            lambda result: self.find_finished.emit(result.activeMatch(), result.numberOfMatches())
        )
        page.scrollPositionChanged.connect(self._on_scroll_position_changed)
        layout.addWidget(self._view)

    # -- page set-up -------------------------------------------------------------------------

    def load_page(self, base: Path | None, stylesheets: list[Path], allow_remote=False, dark=False):
        """(Re)load the wrapper page for a blog; images and styles may come from ``base``."""
        self._page_html = wrapper_page(stylesheets, allow_remote, dark)
        if self._view is None:
            return
        roots = [resource_path().resolve()] + ([Path(os.path.realpath(base))] if base else [])
        roots += [Path(os.path.realpath(p)).parent for p in stylesheets]
        self._interceptor.allowed_roots = roots
        self._interceptor.allow_remote = allow_remote
        self._page.settings().setAttribute(
            QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, allow_remote
        )
        self._loaded = False
        self._page_keyed = False
        self._awaiting_page = True
        self._page.expecting_load = True
        # No white flash before a dark page paints (the wrapper page's own background follows).
        self._page.setBackgroundColor(QColor("#0d1117" if dark else "#ffffff"))
        base_url = QUrl.fromLocalFile(str(base) + os.sep) if base else QUrl("file:///")
        self._page.setHtml(self._page_html, base_url)

    def _on_load_finished(self, ok: bool) -> None:
        if not self._awaiting_page:
            # A clicked link's navigation, refused by the page: it still reports a failed load,
            # but the wrapper page is still there and must keep taking new bodies.
            return
        self._awaiting_page = False
        self._loaded = ok
        if self._pending_html is not None:
            body, self._pending_html = self._pending_html, None
            self.set_body_html(body)
        elif self.blocks.keys:
            self._send_blocks(self.blocks.everything(self._version))

    # -- content -----------------------------------------------------------------------------

    def apply_patch(self, patch: Patch) -> bool:
        """Show a render of the post's text from the render worker: the page keeps the nodes of
        every block the patch keeps, and ``shown`` says when this version is on it.  False (and
        nothing changed) when the patch does not follow the ones before: send the whole text."""
        if not self.blocks.apply(patch):
            return False
        self._version = patch.version
        self._pending_html = None
        if self._view is None:
            if not self._simple_timer.isActive():
                self._simple_timer.start(max(0, self.simple_pause_ms))
            return True
        if self._loaded:
            self._send_blocks(patch)
        return True

    def _send_blocks(self, patch: Patch) -> None:
        version = patch.version
        self.sent_to_page_at = time.time()
        if self.blocks.whole_only or self._page_units is not None:
            # Some block reaches into the others (an unclosed <div>, raw text): the page parses
            # it together with the blocks it reaches, as one unit; the rest stay blocks.
            units = self.blocks.units()
            patch = units.patch(self._page_units if self._page_keyed else None, version)
            self._page_units = units if self.blocks.whole_only else None
            expected = len(units.keys)
        else:
            if not self._page_keyed:
                patch = self.blocks.everything(version)
            expected = len(self.blocks.keys)
        self._page_keyed = True
        data = {
            "fresh": patch.fresh,
            "start": patch.start,
            "remove": patch.remove,
            "insert": patch.insert,
            "html": {key: template for key, (template, _whole) in patch.html.items()},
            "shifts": patch.shifts,
        }
        script = f"window.tsuzuri.applyPatch({json.dumps(data, ensure_ascii=False)})"
        self._run(script, lambda count: self._after_patch(version, count, expected))

    def _after_patch(self, version: int, count, expected: int) -> None:
        if count != expected and self._loaded:
            # The page lost step with the blocks (it was reloaded meanwhile): build it again.
            self._page_keyed = False
            self._send_blocks(self.blocks.everything(self._version))
            return
        self._after_body(version)

    def _set_browser_body(self, body: str) -> None:
        page = self._page_html or wrapper_page([], False, False)
        self._browser.setHtml(
            page.replace(
                '<main id="tsuzuri-body" class="post-content"></main>',
                f'<main id="tsuzuri-body">{body}</main>',
            )
        )
        self.body_updated.emit()

    def _show_blocks_in_browser(self) -> None:
        self._set_browser_body(self.blocks.html())
        self._mark_shown(self._version)

    def _mark_shown(self, version: int) -> None:
        if version >= 0:
            self.shown_version = version
            self.shown.emit(version)

    def set_body_html(self, body: str) -> None:
        """Show new body HTML, patching only the blocks that changed."""
        self._page_keyed = False
        if self._view is None:
            self._set_browser_body(body)
            return
        if not self._loaded:
            self._pending_html = body
            return
        self._run(f"window.tsuzuri.setBody({json.dumps(body)})", lambda _r: self._after_body())

    def _after_body(self, version: int = -1) -> None:
        if self._pending_line is not None:
            line, self._pending_line = self._pending_line, None
            self.scroll_to_line(line)
        self._mark_shown(version)
        self.body_updated.emit()

    def run_in_page(self, script: str, callback) -> None:
        """Evaluate JavaScript in the bridge's world (used by tests to read the DOM)."""
        if self._view is None:
            callback(None)
            return
        self._run(script, callback)

    def _run(self, script: str, callback=None) -> None:
        if not isValid(self._page):
            return  # the window closed while a result was on its way (a theme change reloads)
        # The bridge is injected on DocumentReady; define it again if a call races the load
        # (once the page has loaded, it is there: a patch does not carry it).
        code = script if self._loaded else f"{self._bridge_source}\n;{script}"
        if callback is None:
            self._page.runJavaScript(code, BRIDGE_WORLD)
        else:
            self._page.runJavaScript(code, BRIDGE_WORLD, callback)

    # -- find ------------------------------------------------------------------------------

    def find_text(self, text: str, backward: bool = False, case_sensitive: bool = False) -> None:
        """Find ``text`` in the page and select the next (or previous) match; "" clears.

        ``find_finished`` reports the result (the page's own count, or the simple preview's).
        """
        if self._view is not None:
            flags = QWebEnginePage.FindFlag(0)
            if backward:
                flags |= QWebEnginePage.FindFlag.FindBackward
            if case_sensitive:
                flags |= QWebEnginePage.FindFlag.FindCaseSensitively
            self._view.findText(text, flags)
            return
        self._find_in_browser(text, backward, case_sensitive)

    def _find_in_browser(self, text: str, backward: bool, case_sensitive: bool) -> None:
        browser, document = self._browser, self._browser.document()
        if not text:
            cursor = browser.textCursor()
            cursor.clearSelection()
            browser.setTextCursor(cursor)
            self.find_finished.emit(0, 0)
            return
        flags = QTextDocument.FindFlag(0)
        if case_sensitive:
            flags |= QTextDocument.FindFlag.FindCaseSensitively
        step = flags | QTextDocument.FindFlag.FindBackward if backward else flags
        if not browser.find(text, step):  # wrap round
            cursor = browser.textCursor()
            cursor.movePosition(
                QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start
            )
            browser.setTextCursor(cursor)
            browser.find(text, step)
        selected = (
            browser.textCursor().selectionStart() if browser.textCursor().hasSelection() else -1
        )
        total = active = 0
        cursor = document.find(text, 0, flags)
        while not cursor.isNull():
            total += 1
            if cursor.selectionStart() == selected:
                active = total
            cursor = document.find(text, cursor, flags)
        self.find_finished.emit(active, total)

    def copy_selection(self) -> None:
        """Copy what is selected in the page to the clipboard."""
        if self._view is not None:
            self._view.triggerPageAction(QWebEnginePage.WebAction.Copy)
        else:
            self._browser.copy()

    def select_all(self) -> None:
        if self._view is not None:
            self._view.triggerPageAction(QWebEnginePage.WebAction.SelectAll)
        else:
            self._browser.selectAll()

    def has_selection(self) -> bool:
        if self._view is not None:
            return self._view.hasSelection()
        return self._browser.textCursor().hasSelection()

    def selected_text(self) -> str:
        """The text selected in the page."""
        if self._view is not None:
            return self._view.selectedText()
        return self._browser.textCursor().selectedText().replace("\u2029", "\n")

    # -- scroll sync -------------------------------------------------------------------------

    def scroll_to_line(self, line: int) -> None:
        """Bring the block holding body line ``line`` to the top of the preview."""
        if self._view is None:
            return
        if not self._loaded:
            self._pending_line = line
            return
        self._our_scroll.start()
        self._run(f"window.tsuzuri.scrollToLine({int(line)})")

    def mark_line(self, line: int) -> None:
        """Subtly mark the block under the writer's cursor."""
        if self._view is not None and self._loaded:
            self._run(f"window.tsuzuri.markLine({int(line)})")

    def _on_scroll_position_changed(self, _pos) -> None:
        if self._our_scroll.isValid() and self._our_scroll.elapsed() < ECHO_MS:
            return
        self._run("window.tsuzuri.topLine()", self._on_top_line)

    def _on_top_line(self, line) -> None:
        if isinstance(line, (int, float)):
            self.top_line_changed.emit(int(line))

    def _on_fallback_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() in EXTERNAL_SCHEMES:
            open_external(url)
