"""File ▸ Export: the current post as one standalone HTML file, or as a PDF printed from it.

The HTML is :func:`editor.core.render.export.export_post` (the preview's body and styles, images
inside).  The PDF is that same page loaded into an offscreen page fenced in as the preview is,
then printed by the web engine (A4, with margins); Chromium embeds the fonts it used, so the
Japanese text is in the file.  Either file is written atomically; the post is never touched.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QObject, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QKeySequence, QPageLayout, QPageSize
from PySide6.QtWidgets import QMenu, QWidget

from editor.core.blog import posts, slug
from editor.core.files.storage import StorageError, atomic_write
from editor.core.post.document import PostDocument
from editor.core.render import RenderContext
from editor.core.render.context import warning_text
from editor.core.render.export import Export, export_post
from editor.core.render.pdftext import kanji_for_radicals
from editor.ui import preview, prompts
from editor.ui.background import LatestOnly
from editor.ui.i18n import current_language
from editor.ui.settings import Settings

PDF_TIMEOUT_MS = 60_000
PDF_MARGINS_MM = QMarginsF(15, 15, 15, 15)
_SUFFIXES = {"html": (".html", ".htm"), "pdf": (".pdf",)}


class Exporting(QObject):
    """The two export actions; handed callables for the current post, so they follow whichever
    post the window shows."""

    status_message = Signal(str)
    exported = Signal(Path)
    """A file was written (HTML, or PDF once printed)."""
    failed = Signal(str)
    """An export was not written; the message was shown to the writer."""

    def __init__(
        self,
        document: Callable[[], PostDocument],
        context: Callable[[], RenderContext],
        stylesheets: Callable[[], list[Path]],
        settings: Settings,
        window: QWidget,
    ):
        super().__init__(window)
        self._document, self._context, self._stylesheets = document, context, stylesheets
        self._settings, self._window = settings, window
        self._job: _PdfJob | None = None
        self._pending: tuple[str, Path, bool] | None = None
        self._worker = LatestOnly(_make_page, 0, self)
        self._worker.finished.connect(self._on_page_made)
        self._worker.failed.connect(self._on_page_failed)
        self.html_action = QAction(self.tr("Export as &HTML…"), self)
        self.html_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.html_action.triggered.connect(lambda _checked=False: self.export_html())
        self.pdf_action = QAction(self.tr("Export as &PDF…"), self)
        self.pdf_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.pdf_action.triggered.connect(lambda _checked=False: self.export_pdf())

    def fill_menu(self, menu: QMenu, before: QAction | None = None) -> QMenu:
        """Add the Export submenu to ``menu`` (above ``before`` when given)."""
        submenu = QMenu(self.tr("E&xport"), menu)
        submenu.setObjectName("exportMenu")
        submenu.addAction(self.html_action)
        submenu.addAction(self.pdf_action)
        if before is None:
            menu.addMenu(submenu)
        else:
            menu.insertMenu(before, submenu)
            menu.insertSeparator(before)
        return submenu

    @property
    def busy(self) -> bool:
        """An export is under way (the page being made, or the PDF printed)."""
        return self._pending is not None

    def export_html(self) -> bool:
        """Ask where, then make and write the standalone HTML in the background; False when
        nothing was started."""
        return self._begin("html")

    def export_pdf(self) -> bool:
        """Ask where, then make the page and print it to PDF in the background; False when
        nothing was started."""
        if preview.WEBENGINE_ERROR and not self.busy:
            self._fail(
                self.tr(
                    "PDF export needs Qt WebEngine, which is not available here ({reason}). "
                    "Export as HTML and print that file from a web browser instead."
                ).format(reason=preview.WEBENGINE_ERROR)
            )
            return False
        return self._begin("pdf")

    def _begin(self, kind: str) -> bool:
        if self.busy:
            self.status_message.emit(self.tr("An export is already under way…"))
            return False
        target = self._ask_target(kind)
        if target is None:
            return False
        document = self._document()
        title = document.get("title") if document.fields else None
        context = self._context()
        self._pending = (kind, target, context.allow_remote)
        self._set_busy(True)
        if kind == "pdf":
            message = self.tr("Exporting to PDF: {name}…")
        else:
            message = self.tr("Exporting to HTML: {name}…")
        self.status_message.emit(message.format(name=target.name))
        # Rendered off the UI thread, as the preview is: a long post never freezes the window.
        self._worker.request(
            document.body,
            context,
            str(title) if title is not None else "",
            self._stylesheets(),
            immediately=True,
        )
        return True

    def _on_page_made(self, result: Export) -> None:
        if self._pending is None:
            return
        kind, target, allow_remote = self._pending
        if kind == "html":
            self._end()
            if self._write(target, result.html.encode("utf-8")):
                self._done(target, result)
            return
        self._job = job = _PdfJob(self, target, result, allow_remote)
        job.finished.connect(lambda data, error: self._pdf_finished(job, data, error))
        job.start()

    def _on_page_failed(self, message: str) -> None:
        self._end()
        self._fail(self.tr("The export could not be made: {reason}").format(reason=message))

    def _pdf_finished(self, job: _PdfJob, data: bytes | None, error: str) -> None:
        if job is not self._job:
            return
        self._end()
        job.dispose()
        if data is None or not data.startswith(b"%PDF"):
            self._fail(
                self.tr("The PDF could not be made: {reason}").format(
                    reason=error or self.tr("the web engine returned no PDF")
                )
            )
            return
        if self._write(job.target, kanji_for_radicals(data)):
            self._done(job.target, job.result)

    # -- shared ------------------------------------------------------------------------------

    def _set_busy(self, busy: bool) -> None:
        self.html_action.setEnabled(not busy)
        self.pdf_action.setEnabled(not busy)

    def _end(self) -> None:
        self._pending = None
        self._job = None
        self._set_busy(False)

    def _ask_target(self, kind: str) -> Path | None:
        document = self._document()
        folder = str(self._settings.value("export/folder") or "")
        start = Path(folder) if folder and Path(folder).is_dir() else Path.home()
        path = prompts.choose_export_path(
            self._window, start / f"{default_name(document)}{_SUFFIXES[kind][0]}", kind
        )
        if path is None:
            return None
        if path.suffix.lower() not in _SUFFIXES[kind]:
            path = path.with_name(path.name + _SUFFIXES[kind][0])
            # The dialog asked about the name without the suffix, if at all: ask about this one.
            if path.exists() and not prompts.confirm_overwrite(self._window, path):
                return None
        if document.path is not None and _same_file(path, document.path):
            self._fail(self.tr("An export cannot be written over the post itself."))
            return None
        return path

    def _write(self, target: Path, data: bytes) -> bool:
        try:
            atomic_write(target, data)
        except StorageError as exc:
            lang = current_language()
            self._fail(
                self.tr("The export could not be written to {path}: {reason}").format(
                    path=str(target), reason=exc.message_in(lang)
                )
            )
            return False
        self._settings.set_value("export/folder", str(target.parent))
        return True

    def _done(self, target: Path, result: Export) -> None:
        message = self.tr("Exported to {path}").format(path=str(target))
        if result.warnings:
            lang = current_language()
            first = " ".join(warning_text(result.warnings[0], lang).split())
            count = len(result.warnings)
            warned = (
                self.tr("1 warning: {first}")
                if count == 1
                else self.tr("{count} warnings: {first}")
            )
            message += " — " + warned.format(count=count, first=first)
        self.status_message.emit(message)
        self.exported.emit(target)

    def _fail(self, message: str) -> None:
        self.status_message.emit(message)
        prompts.show_error(self._window, self.tr("Export failed"), message)
        self.failed.emit(message)


def _make_page(body: str, context: RenderContext, title: str, stylesheets: list[Path]) -> Export:
    """The standalone page (runs on a worker thread)."""
    return export_post(body, context, title=title, stylesheets=stylesheets)


def default_name(document: PostDocument) -> str:
    """The export's file name without suffix: the post's slug (its title's for a new post)."""
    if document.path is not None:
        return posts.slug_of(document.path)
    title = document.get("title") if document.fields else None
    return slug.slugify(str(title)) if title else "post"


def _same_file(a: Path, b: Path) -> bool:
    return os.path.realpath(a) == os.path.realpath(b)


class _PdfJob(QObject):
    """One PDF: the standalone page in a temporary folder, loaded offscreen, then printed."""

    finished = Signal(object, str)
    """The PDF's bytes (None when it failed) and why it failed."""

    def __init__(self, owner: Exporting, target: Path, result: Export, allow_remote: bool):
        super().__init__(owner)
        self.target, self.result = target, result
        self._folder = tempfile.mkdtemp(prefix="tsuzuri-pdf-")
        self._page_file = Path(self._folder) / "page.html"
        # Loaded from a file, not setHtml: a page with its images inside passes setHtml's 2 MB.
        self._page_file.write_text(result.html, encoding="utf-8")
        self.page = preview.sandboxed_page(self, [self._folder], allow_remote)
        self.page.loadFinished.connect(self._on_loaded)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(
            lambda: self._finish(None, self.tr("it took more than a minute"))
        )
        self._over = False

    def start(self) -> None:
        self._timer.start(PDF_TIMEOUT_MS)
        self.page.expecting_load = True
        self.page.load(QUrl.fromLocalFile(str(self._page_file)))

    def _on_loaded(self, ok: bool) -> None:
        if self._over:
            return
        if not ok:
            self._finish(None, self.tr("the page could not be loaded"))
            return
        layout = QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            PDF_MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
        self.page.printToPdf(lambda data: self._finish(bytes(data), ""), layout)

    def _finish(self, data: bytes | None, error: str) -> None:
        if self._over:
            return
        self._over = True
        self._timer.stop()
        self.finished.emit(data, error)

    def dispose(self) -> None:
        """Remove the temporary page and let the web page go (later: it may be mid-callback)."""
        shutil.rmtree(self._folder, ignore_errors=True)
        self.page.loadFinished.disconnect(self._on_loaded)
        self.deleteLater()
