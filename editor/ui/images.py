"""Images in a post: paste a bitmap, drop files or pick them (Format ▸ Insert image…), and the
image is copied into the blog and ``![alt](/assets/…)`` put at the cursor.

Where the file goes, its name and URL, and what counts as an image are the core's
(:mod:`editor.core.blog.images`); this controller reads the clipboard and the drops, asks about
large images, and inserts the Markdown as one undo step with the alt text selected.  Reading,
encoding, scaling and copying run on ``window.tasks``, never on the window's thread.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import shiboken6
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMimeData,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QImage,
    QImageIOHandler,
    QImageReader,
    QImageWriter,
    QKeySequence,
    QTextCursor,
)
from PySide6.QtWidgets import QMenu, QWidget

from editor.core.blog import images as core
from editor.core.blog.location import current_slug
from editor.core.blog.posts import post_date
from editor.core.blog.progress import Cancelled, Progress
from editor.core.files.limits import describe_size
from editor.core.text.textpos import code_point_column, utf16_column
from editor.ui import prompts
from editor.ui.editor_pane import MarkdownEditor
from editor.ui.i18n import worded
from editor.ui.open_blog import OpenBlog
from editor.ui.settings import Settings
from editor.ui.tasks import TaskRunner

INSERT_IMAGE_SHORTCUT = "Ctrl+Shift+I"
# Formats a scaled copy is written in, by kind (GIF would lose its frames, SVG has no pixels).
_SCALABLE = {"png": b"png", "jpeg": b"jpeg", "webp": b"webp"}
_JPEG_QUALITY = 90


@dataclass
class _Source:
    """One image on its way into the blog, read and checked on a worker."""

    name: str | None  # the file's name; None for a bitmap from the clipboard
    linked: core.StoredImage | None = None  # already a published file of the blog
    data: bytes = b""
    kind: str = ""
    size: tuple[int, int] = (0, 0)
    scaled: tuple[int, int] | None = None  # offered when large
    scale: bool = False  # the writer accepted the offer


class ImagesController(QObject):
    """Pastes, drops and picks images into the text pane given to :meth:`attach`.

    ``views()`` gives the open tabs (a ``PostView``'s ``editor``, ``document``,
    ``current_document()`` and ``naming.typed_slug``), so an image that finishes copying after
    the writer moved on goes into the post it was meant for, or nowhere.
    """

    status_message = Signal(str)
    inserted = Signal(object)
    """A list of :class:`~editor.core.blog.images.StoredImage` put into a post."""

    def __init__(
        self,
        blog: OpenBlog,
        settings: Settings,
        tasks: TaskRunner,
        views: Callable[[], list],
        parent: QWidget,
    ):
        super().__init__(parent)
        self._blog = blog
        self._settings = settings
        self._tasks = tasks
        self._views = views
        self._parent = parent
        self._editor: MarkdownEditor | None = None
        self.insert_action = QAction(self.tr("Insert i&mage…"), self)
        self.insert_action.setShortcut(QKeySequence(INSERT_IMAGE_SHORTCUT))
        self.insert_action.setStatusTip(
            self.tr("Copy an image into the blog and put it in the post at the cursor")
        )
        self.insert_action.triggered.connect(lambda _checked=False: self.pick())

    def fill_menu(self, menu: QMenu) -> None:
        menu.addSeparator()
        menu.addAction(self.insert_action)

    def attach(self, editor: MarkdownEditor) -> None:
        """Take pastes and drops of ``editor`` (the current tab's text pane) from now on."""
        if self._editor is not None and shiboken6.isValid(self._editor):
            if self._handle_mime in self._editor.mime_handlers:
                self._editor.mime_handlers.remove(self._handle_mime)
        self._editor = editor
        editor.mime_handlers.append(self._handle_mime)

    # -- the three ways in -------------------------------------------------------------------

    def pick(self) -> None:
        """Format ▸ Insert image…: images chosen in a file dialog."""
        if self._editor is None or self._editor.isReadOnly():
            return
        root = self._blog.root
        paths = prompts.choose_images(self._parent, root or Path.home())
        if paths:
            self.insert_files(paths)

    def _handle_mime(self, source: QMimeData) -> bool:
        """A paste or a drop on the text pane: files or a bitmap are taken, text is not (nor a
        bitmap that comes with text)."""
        if source.hasUrls():
            files = [Path(url.toLocalFile()) for url in source.urls() if url.isLocalFile()]
            if files:
                self.insert_files(files)
                return True
        if source.hasText() and source.text().strip():
            # A spreadsheet or office copy carries a picture of the cells beside their text:
            # the writer pasting into a post wants the text.
            return False
        if source.hasImage():
            image = QImage(source.imageData())
            if not image.isNull():
                self.insert_bitmap(image)
                return True
        return False

    def insert_files(self, paths: list[Path]) -> None:
        """Copy the image files ``paths`` (each checked by its bytes) in at the cursor."""
        self._start([_Source(path.name) for path in paths], list(paths))

    def insert_bitmap(self, image: QImage) -> None:
        """Copy a bitmap from the clipboard in at the cursor, as a PNG."""
        self._start([_Source(None)], [image])

    # -- the work ----------------------------------------------------------------------------

    def _start(self, sources: list[_Source], originals: list) -> None:
        editor = self._editor
        if editor is None or editor.isReadOnly():
            return
        view = self._view_of(editor)
        root = self._blog.root
        if root is None or view is None:
            prompts.show_error(
                self._parent,
                self.tr("Image not inserted"),
                self.tr("Images are copied into a blog: open the post's blog first."),
            )
            return
        document = view.current_document()
        try:
            folder = self._folder(view, document)
        except core.ImageError as exc:
            prompts.show_error(self._parent, self.tr("Image not inserted"), worded(exc))
            return
        cursor = QTextCursor(editor.textCursor())  # follows the writer's edits meanwhile
        site = dict(self._blog.site)

        def read(progress: Progress) -> tuple[list[_Source], list[str]]:
            return _read_all(sources, originals, progress, root, site)

        def then_ask(result: tuple[list[_Source], list[str]]) -> None:
            ready, refused = result
            self._refused(refused)
            if ready and not self._still_showing(editor, document):
                self.status_message.emit(
                    self.tr("The image was not copied: its post is no longer open")
                )
                return
            for item in ready:
                if item.scaled is not None:
                    item.scale = prompts.offer_scale_down(
                        self._parent,
                        item.name or core.CLIPBOARD_NAME,
                        item.size,
                        item.scaled,
                        describe_size(len(item.data)),
                    )
            if ready:
                self._tasks.run(
                    self.tr("Copying images"),
                    lambda progress: _store_all(root, site, folder, ready, progress),
                    lambda stored: self._insert(editor, document, cursor, stored),
                    lambda message: self._failed(message),
                )

        self._tasks.run(
            self.tr("Reading images"), read, then_ask, lambda message: self._failed(message)
        )

    def _folder(self, view, document) -> str:
        repository = self._blog.repository
        date = post_date(document.get("date"), document.path, repository.zone) or repository.now()
        slug = current_slug(repository, document, view.naming.typed_slug)
        pattern = self._settings.images_folder(self._blog.root)
        return core.image_folder(pattern, date.astimezone(repository.zone), slug)

    def _view_of(self, editor: MarkdownEditor):
        return next((view for view in self._views() if view.editor is editor), None)

    def _still_showing(self, editor: MarkdownEditor, document) -> bool:
        """The text pane is still open on the post an image was asked for."""
        view = self._view_of(editor) if shiboken6.isValid(editor) else None
        return view is not None and view.document is document

    def _insert(self, editor, document, cursor: QTextCursor, result) -> None:
        stored, refused = result
        self._refused(refused)
        if not stored:
            return
        if not self._still_showing(editor, document):
            # The tab was closed or shows another post now: the files stay, nothing is typed.
            self.status_message.emit(
                self.tr("The image was copied to {path}; its post is no longer open").format(
                    path=stored[0].path
                )
            )
            return
        lines = [image.markdown() for image in stored]
        _step_out_of_markup(cursor)
        cursor.beginEditBlock()
        cursor.insertText("\n".join(lines))
        cursor.endEditBlock()
        # The last image's alt text selected, for the writer to type over.
        alt_start = cursor.position() - _utf16(lines[-1]) + len("![")
        cursor.setPosition(alt_start)
        cursor.setPosition(alt_start + _utf16(stored[-1].alt), QTextCursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        if len(stored) == 1:
            text = self.tr("Image copied to {path}").format(path=self._shown(stored[0].path))
        else:
            text = self.tr("{count} images copied to {folder}").format(
                count=len(stored), folder=self._shown(stored[0].path.parent)
            )
        self.status_message.emit(text)
        self.inserted.emit(stored)

    def _shown(self, path: Path) -> str:
        """``path`` as the writer knows it: from the blog's folder."""
        root = self._blog.root
        try:
            return path.resolve().relative_to(root.resolve()).as_posix() if root else str(path)
        except ValueError:
            return str(path)

    def _refused(self, refused: list[str]) -> None:
        if refused:
            prompts.show_error(self._parent, self.tr("Image not inserted"), "\n".join(refused))

    def _failed(self, message: str) -> None:
        prompts.show_error(self._parent, self.tr("Image not inserted"), message)


# A link, an image, an autolink or HTML tag, a code span: an image put inside one breaks both.
_MARKUP = re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)|<[^>\n]*>|`[^`\n]*`")


def _step_out_of_markup(cursor: QTextCursor) -> None:
    """Move ``cursor`` to the end of the link, image or code span it sits inside, if any (a
    drop puts the cursor where the mouse was)."""
    if cursor.hasSelection():
        return
    block = cursor.block()
    text = block.text()
    at = code_point_column(text, cursor.positionInBlock())
    for found in _MARKUP.finditer(text):
        if found.start() < at < found.end():
            cursor.setPosition(block.position() + utf16_column(text, found.end()))
            return


def _utf16(text: str) -> int:
    """The length of ``text`` in Qt's positions (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


# -- on the worker ---------------------------------------------------------------------------


def _read_all(
    sources: list[_Source], originals: list, progress: Progress, root: Path, site: dict
) -> tuple[list[_Source], list[str]]:
    """Read and check each source (a file's path or a clipboard QImage); what is refused goes
    to the second list as the writer's message.  An image the blog already publishes is
    linked where it is."""
    ready, refused = [], []
    for number, (item, original) in enumerate(zip(sources, originals, strict=True)):
        progress.step(number, len(sources))
        try:
            item.data = core.read_image(original) if item.name else _png(original)
            item.kind = core.check_image(item.data, item.name or core.CLIPBOARD_NAME)
        except core.ImageError as exc:
            refused.append(worded(exc))
            continue
        except OSError as exc:  # the file's own words do not name it
            refused.append(_named(item.name or core.CLIPBOARD_NAME, exc))
            continue
        if item.name is not None:
            item.linked = core.image_in_blog(root, site, original)
            if item.linked is not None:
                ready.append(item)
                continue
        if item.kind in _SCALABLE and _SCALABLE[item.kind] in QImageWriter.supportedImageFormats():
            buffer = _buffer(item.data)  # kept: the reader does not own it
            reader = QImageReader(buffer)
            reader.setAutoTransform(True)
            size = reader.size()
            item.size = (size.width(), size.height())
            if reader.transformation() & QImageIOHandler.Transformation.TransformationRotate90:
                item.size = item.size[::-1]  # a phone photo taken upright: as it is shown
            item.scaled = core.scaled_size(*item.size, len(item.data))
        ready.append(item)
    return ready, refused


def _store_all(
    root: Path, site: dict, folder: str, ready: list[_Source], progress: Progress
) -> tuple[list[core.StoredImage], list[str]]:
    """Copy each image in; cancelled, the copies made so far go again (no image is left in the
    blog that no post shows)."""
    stored, refused, made = [], [], []
    try:
        for number, item in enumerate(ready):
            progress.step(number, len(ready))
            if item.linked is not None:
                stored.append(item.linked)
                continue
            scale = item.scale and item.scaled is not None
            data = scaled_copy(item.data, item.kind, item.scaled) if scale else item.data
            try:
                stored.append(core.store_image(root, site, folder, data, item.name, progress))
                made.append(stored[-1].path)
            except core.ImageError as exc:
                refused.append(worded(exc))
            except OSError as exc:
                refused.append(_named(item.name or core.CLIPBOARD_NAME, exc))
    except Cancelled:
        for path in made:
            path.unlink(missing_ok=True)
        raise
    return stored, refused


def _named(name: str, error: OSError) -> str:
    return QCoreApplication.translate("ImagesController", "“{name}”: {reason}").format(
        name=name, reason=worded(error)
    )


def _png(image: QImage) -> bytes:
    out = QByteArray()
    buffer = QBuffer(out)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(out.data())


def _buffer(data: bytes) -> QBuffer:
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    return buffer


def scaled_copy(data: bytes, kind: str, size: tuple[int, int]) -> bytes:
    """The image ``data`` (of ``kind``) scaled down to fit ``size``, in its own format; ``data``
    itself when it cannot be read or written (nothing is lost, it is only larger)."""
    source = _buffer(data)  # kept: the reader does not own it
    reader = QImageReader(source)
    reader.setAutoTransform(True)  # the photo stays upright once its EXIF is gone
    image = reader.read()
    if image.isNull() or kind not in _SCALABLE:
        return data
    smaller = image.scaled(
        *size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    out = QByteArray()
    buffer = QBuffer(out)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    quality = _JPEG_QUALITY if kind == "jpeg" else -1
    if not smaller.save(buffer, _SCALABLE[kind].decode(), quality):
        return data
    return bytes(out.data())
