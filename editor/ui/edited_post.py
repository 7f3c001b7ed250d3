"""The post being edited and the text pane, kept in step: at once for an ordinary post, once
typing pauses for a large one (or as soon as anything reads the document)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from editor.core.post.document import PostDocument
from editor.ui.editor_pane import MarkdownEditor

# Above this many characters the document follows the text pane once typing pauses.
LARGE_POST_CHARS = 2_000_000
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
        self.body_pending = False
        """The text pane is ahead of the document (a large post being typed in): unsaved."""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(LARGE_POST_SYNC_MS)
        self._timer.timeout.connect(self.sync)
        editor.textChanged.connect(self._on_text_changed)

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
        self._syncing = True
        try:
            self._editor.set_text_keeping_view(document.body_for_editor())
            if same_post:
                restored = self._editor.textCursor()
                restored.setPosition(min(cursor, len(self._editor.toPlainText())))
                self._editor.setTextCursor(restored)
                self._editor.verticalScrollBar().setValue(scroll)
        finally:
            self._syncing = False
        return same_post

    def sync(self) -> None:
        """Copy the pane's text into the document now."""
        self.body_pending = False
        self._timer.stop()
        self._apply(self._editor.toPlainText())

    def _on_text_changed(self) -> None:
        if self._syncing:
            return
        if self._editor.document().characterCount() > LARGE_POST_CHARS:
            # Copying megabytes out of the pane on every keystroke would make typing lag: the
            # document catches up when typing pauses, or at once when anything reads it.
            self.body_pending = True
            self._timer.start()
            self.pane_ahead.emit()
            return
        self._apply(self._editor.toPlainText())

    def _apply(self, body: str) -> None:
        self._document.set_body(body)
        self.body_changed.emit(body)
