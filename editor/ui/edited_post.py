"""The post being edited and the text pane, kept in step edit by edit.

The document takes the text from the pane's mirror (:class:`~editor.ui.pane_mirror.PaneMirror`),
which is patched with each edit: a keystroke never copies the whole text out of the pane.  Only a
large body with its own line endings (``\r\n``), whose every line the document would compare
to keep them, follows once typing pauses (or as soon as anything reads the document)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from editor.core.post.document import PostDocument
from editor.ui.editor_pane import MarkdownEditor

# Above this many characters, a body with "\r" line endings follows the pane once typing pauses.
LARGE_POST_CHARS = 200_000
LARGE_POST_SYNC_MS = 300


class EditedPost(QObject):
    """Holds the :class:`PostDocument` the window edits; ``editor`` is the text pane whose
    typing it follows."""

    body_changed = Signal(object)  # the body as a Python str: no copy into a QString and back
    """The document's body now holds this text from the pane."""
    pane_ahead = Signal()
    """A large post's pane holds typing the document has not caught up with yet."""

    def __init__(self, editor: MarkdownEditor, parent: QObject | None = None):
        super().__init__(parent)
        self._editor = editor
        self._document = PostDocument.from_text("")
        self._syncing = False
        self._own_endings = False  # the body has "\r" line endings the document keeps
        self.body_pending = False
        """The text pane is ahead of the document (a large post being typed in): unsaved."""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(LARGE_POST_SYNC_MS)
        self._timer.timeout.connect(self.sync)
        editor.mirror.edited.connect(self._on_edited)

    @property
    def document(self) -> PostDocument:
        """The post being edited, always up to date with the text pane when read."""
        if self.body_pending:
            self.sync()
        return self._document

    @property
    def path(self):
        """Where the post is saved (None before its first save), without waiting for the
        pane's typing to be copied over."""
        return self._document.path

    def title(self) -> str:
        """The post's front-matter title ("" when it has none), read without copying the
        pane's typing over: the body does not change it."""
        title = self._document.get("title")
        return " ".join(str(title).split()) if title is not None else ""

    def body_line_offset(self) -> int:
        """Lines of the file above the body (the front matter), read without copying the pane's
        typing over: the body does not change them."""
        return self._document.source.body_line_offset

    def name(self) -> str:
        """The post's file name, or "New post" before its first save."""
        path = self.path
        return path.name if path else self.tr("New post")

    def label(self) -> str:
        """How the writer is asked about this post: its file name, or before its first save the
        title typed so far (what its tab says), else "New post"."""
        return self.name() if self.path else (self.title() or self.name())

    def show(self, document: PostDocument) -> bool:
        """Edit ``document`` and put its body in the pane; the same post shown again (a reload)
        keeps the cursor and the scroll.  True when it is the post already shown."""
        same_post = document.path is not None and document.path == self.document.path
        cursor = self._editor.textCursor().position()
        scroll = self._editor.verticalScrollBar().value()
        self._timer.stop()
        self.body_pending = False
        self._document = document
        self._own_endings = "\r" in document.body
        self._syncing = True
        try:
            self._editor.set_text_keeping_view(document.body_for_editor())
            if same_post:
                restored = self._editor.textCursor()
                restored.setPosition(min(cursor, self._editor.document().characterCount() - 1))
                self._editor.setTextCursor(restored)
                self._editor.verticalScrollBar().setValue(scroll)
        finally:
            self._syncing = False
        return same_post

    def sync(self) -> None:
        """Put the pane's text into the document now."""
        self.body_pending = False
        self._timer.stop()
        self._apply(self._editor.mirror.text)

    def _on_edited(self, edit) -> None:
        if self._syncing:
            return
        if self._own_endings and edit.length > LARGE_POST_CHARS:
            # Keeping each line's own ending compares the whole body line by line: too slow
            # for every keystroke of a large post, so the document catches up when typing
            # pauses, or at once when anything reads it.
            self.body_pending = True
            self._timer.start()
            self.pane_ahead.emit()
            return
        self._apply(self._editor.mirror.text)

    def _apply(self, body: str) -> None:
        self._document.set_body(body)
        self.body_changed.emit(body)
