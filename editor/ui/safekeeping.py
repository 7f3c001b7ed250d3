"""Keeping the writer's text safe in the window: atomic saves, conflicts, the journal, a watcher.

:class:`SafeKeeper` owns everything between the open post and the disk, so the main window only
calls :meth:`~SafeKeeper.read`, :meth:`~SafeKeeper.save`, :meth:`~SafeKeeper.follow` and
:meth:`~SafeKeeper.offer_recovery`, and shows the documents it hands back through
:attr:`~SafeKeeper.document_ready`.  Every question to the writer goes through ``prompts``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from editor.core.files.recovery import Journal, RecoveryStore, Snapshot
from editor.core.files.storage import (
    ConflictError,
    Fingerprint,
    LoadedPost,
    StorageError,
    atomic_write,
    fingerprint_file,
    read_post_file,
)
from editor.core.post.document import PostDocument
from editor.ui import prompts
from editor.ui.i18n import current_language, worded
from editor.ui.journal_writer import BackgroundStore
from editor.ui.open_blog import OpenBlog
from editor.ui.post_watcher import PostWatcher
from editor.ui.recovery_dialog import restored_document
from editor.ui.resources import data_dir

POLL_MS = 1000  # the journal decides itself when to write (every 2 s of pending edits)
# Save errors the writer can get around by saving somewhere else.
SAVE_AS_KINDS = {"permission", "read_only", "folder_missing", "outside_blog", "io", "disk_full"}


class SafeKeeper(QObject):
    """Between the window's open post and the disk.

    ``window`` parents the questions to the writer (and losing its focus journals pending
    edits), ``blog`` is the open blog, ``text()`` the whole post as edited and ``unsaved()``
    whether it has changes the disk does not hold.
    """

    document_ready = Signal(object, object, object)
    """(PostDocument, LoadedPost or None, None): show this document again (a reload)."""
    recovered = Signal(object, object, object)
    """(PostDocument, LoadedPost or None, recovery id): unsaved work restored after a crash;
    the window shows it in the tab of its post, or in a new one."""
    status_message = Signal(str)
    """A quiet note for the status bar (warnings on open, a reload, a journal problem)."""
    outside_change_checked = Signal(str)
    """The watched post was looked at after a change: "same", "reloaded", "asked", "missing"."""
    journaled = Signal()
    """A journal entry was written."""

    def __init__(
        self,
        window: QWidget,
        blog: OpenBlog,
        text: Callable[[], str],
        unsaved: Callable[[], bool],
    ):
        super().__init__(window)
        self._window = window
        self._blog = blog
        self._text = text
        self._window_unsaved = unsaved
        self.store = RecoveryStore(data_dir() / "recovery")
        # The journal writes on a thread: a keystroke never waits for a megabyte's fsync.
        self._writes = BackgroundStore(self.store, self)
        self._writes.written.connect(self._collect)
        self.fingerprint: Fingerprint | None = None
        self.journal: Journal | None = None
        self._path: Path | None = None
        self._restored_unsaved = False
        self._missing_told = False
        self._checking = False
        self._journal_failure_told = False
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.poll)
        self._poll.start()
        self.watcher = PostWatcher(self)
        self.watcher.changed.connect(self.check_disk)
        app = QApplication.instance()
        if app is not None:
            app.applicationStateChanged.connect(self._on_application_state_changed)
        # Losing the focus is the top-level window's (``window`` may be a tab inside it).
        self._top = window.window()
        self._top.installEventFilter(self)

    # -- opening -------------------------------------------------------------------------------

    def read(self, path: Path) -> LoadedPost:
        """Read a post of the open blog; raises :class:`StorageError` with the reason."""
        root = self._blog.root
        return read_post_file(path, inside=root)

    def follow(
        self, document: PostDocument, loaded: LoadedPost | None, document_id: str | None
    ) -> None:
        """Start keeping ``document`` (just shown): its version on disk, its journal, a watch."""
        # The previous document's entry is not touched here: saving, discarding and reloading
        # remove it, and work the writer has not decided on must survive.
        same_post = document.path is not None and document.path == self._path
        if loaded is not None:
            self.fingerprint = loaded.fingerprint
        elif not same_post:
            self.fingerprint = None
        self._path = document.path
        self._missing_told = False
        self._restored_unsaved = document_id is not None
        root = self._journal_root()
        if root is None:
            self.journal = None  # an untitled post outside any blog: nowhere to list it
        else:
            self.journal = Journal(
                self._writes,
                root,
                lambda: Snapshot(self._text(), self._path, self.fingerprint),
                document_id=document_id,
            )
            if document_id is not None:
                self.journal.note_edit()
        self._watch()
        if loaded is not None and loaded.warnings:
            self.status_message.emit(" ".join(worded(n) for n in loaded.warnings))

    # -- recovery ------------------------------------------------------------------------------

    def _journal_root(self) -> Path | None:
        """Where unsaved work is listed: the blog, or a lone post's own folder."""
        if self._blog.root is not None:
            return self._blog.root
        return self._path.parent if self._path is not None else None

    def offer_recovery(self, exclude: frozenset[str] = frozenset()) -> bool:
        """List this blog's unsaved work left by a crash, but for the entries in ``exclude``
        (kept by other open posts); True when an entry was restored."""
        root = self._journal_root()
        if root is None:
            return False
        scan = self.store.scan(root)
        entries = []
        for entry in scan.entries:
            if entry.disk_state() == "saved":
                self.store.discard(entry.id)  # the disk already holds it: nothing to offer
            elif entry.id not in exclude and (
                self.journal is None or entry.id != self.journal.document_id
            ):
                entries.append(entry)
        if not entries:
            return False
        choice = prompts.choose_recovery(self._window, entries, len(scan.corrupt))
        for entry_id in choice.discard:
            self.store.discard(entry_id)
        if choice.restore is None:
            return False
        entry = self.store.get(choice.restore)
        if entry is None:
            return False
        loaded = None
        if entry.post_path is not None:
            try:
                loaded = self.read(Path(entry.post_path))
            except StorageError:
                loaded = None  # gone or unreadable: saving re-creates it
        document, loaded = restored_document(entry, loaded, self._blog.timezone)
        self.recovered.emit(document, loaded, entry.id)
        self.status_message.emit(
            QCoreApplication.translate("SafeKeeper", "Restored unsaved work; it is not saved yet.")
        )
        return True

    @property
    def has_unsaved(self) -> bool:
        """Unsaved work the window's own modified flag may not see (restored text)."""
        return self._restored_unsaved

    # -- journal -------------------------------------------------------------------------------

    def note_edit(self) -> None:
        """The document changed (text, a field or the raw YAML)."""
        if self.journal is not None:
            self.journal.note_edit()

    def poll(self) -> None:
        """Journal edits that have waited long enough; forget the entry once nothing is unsaved."""
        if self.journal is None or not self.journal.pending:
            return  # nothing new: skip comparing a possibly huge text every second
        if not self._unsaved():
            self.journal.saved()
            return
        self._after_write(self.journal.poll())

    def flush(self) -> None:
        """Journal pending edits now (focus lost, quitting), and wait until they are on disk."""
        if self.journal is not None and self._unsaved():
            self._after_write(self.journal.flush())
        self._settle_writes()

    def discard(self) -> None:
        """The writer threw the unsaved changes away."""
        self._restored_unsaved = False
        if self.journal is not None:
            self.journal.discard()
        self._settle_writes()

    def writing(self) -> bool:
        """True while the journal's writes are queued or running on their thread."""
        return self._writes.writing()

    def _settle_writes(self) -> None:
        """Wait for the journal's thread, and take in what it did."""
        self._writes.drain()
        self._collect()

    def _collect(self) -> None:
        """The journal's thread wrote (UI thread): say so, or report a failed write and retry."""
        for kind, error in self._writes.results():
            if kind != "save":
                continue  # a copy left after a failed removal is harmless: dropped later
            if error is None:
                self._journal_failure_told = False
                self.journaled.emit()
            elif self.journal is not None:
                self.journal.write_failed(error)
                self._after_write(False)

    def shut_down(self) -> None:
        """The window (or the post's tab) is closing: stop timers and watching."""
        self._poll.stop()
        self.watcher.stop()
        self._writes.drain()  # the latest text reaches the disk before the tab goes
        if self._top is None:
            return  # shut down already
        self._top.removeEventFilter(self)
        self._top = None
        app = QApplication.instance()
        if app is not None:
            app.applicationStateChanged.disconnect(self._on_application_state_changed)

    @property
    def document_id(self) -> str | None:
        """The journal entry this post's unsaved work goes to (None: nowhere to keep it)."""
        return self.journal.document_id if self.journal is not None else None

    def _unsaved(self) -> bool:
        return self._window_unsaved() or self._restored_unsaved

    def _after_write(self, written: bool) -> None:
        if written:
            return  # queued: the thread's answer says when it is on disk (_collect)
        problem = self.journal.problem if self.journal is not None else None
        if problem is not None and not self._journal_failure_told:
            # Said once: the journal keeps retrying quietly, and quitting still asks.
            self._journal_failure_told = True
            self.status_message.emit(problem.message(current_language()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            self._top is not None
            and watched is self._top
            and event.type() == QEvent.Type.WindowDeactivate
        ):
            self.flush()
        return False

    def _on_application_state_changed(self, state) -> None:
        if state != Qt.ApplicationState.ApplicationActive:
            self.flush()

    # -- saving --------------------------------------------------------------------------------

    def save(self, path: Path, text: str) -> Path | None:
        """Write ``text`` to ``path`` atomically; returns where it went, None when not saved.

        Never overwrites a post another program changed without asking; a failure leaves the
        file on disk as it was and the text in the editor, and offers Save As.
        """
        data = text.encode("utf-8")
        root = self._blog.root
        expected = self.fingerprint if path == self._path else None
        overwrite_read_only = False
        while True:
            try:
                if expected is None:
                    self._refuse_silent_overwrite(path, text)
                    if self._path is None:  # a new post: _posts/ may not exist yet
                        _make_folder(path.parent)
                fingerprint = atomic_write(
                    path,
                    data,
                    expected,
                    inside=root,
                    overwrite_read_only=overwrite_read_only,
                )
            except ConflictError as exc:
                disk = None if exc.disk_data is None else exc.disk_data.decode("utf-8", "replace")
                answer = prompts.ask_conflict(self._window, path.name, disk, text, True)
                if answer == "keep":
                    expected = exc.current
                    continue
                if answer == "reload":
                    self.reload()
                return None
            except StorageError as exc:
                if exc.kind == "read_only_file":
                    answer = prompts.ask_read_only(
                        self._window, path.name, exc.message_in(current_language())
                    )
                    if answer == "overwrite":
                        overwrite_read_only = True
                        continue
                    wants_save_as = answer == "save_as"
                else:
                    title = QCoreApplication.translate(
                        "SafeKeeper", "Could not save “{name}”"
                    ).format(name=path.name)
                    if exc.kind in SAVE_AS_KINDS:
                        wants_save_as = prompts.offer_save_as(
                            self._window, title, exc.message_in(current_language())
                        )
                    else:
                        prompts.show_error(self._window, title, exc.message_in(current_language()))
                        wants_save_as = False
                if not wants_save_as:
                    return None
                chosen = prompts.choose_save_path(self._window, self._save_as_start(path))
                if chosen is None:
                    return None
                path, expected, overwrite_read_only = chosen, None, False
                continue
            break
        self.fingerprint = fingerprint
        self._path = path
        self._restored_unsaved = False
        self._missing_told = False
        if self.journal is not None:
            self.journal.saved()
            self._settle_writes()  # the copy is gone once the post is saved
        self._watch()
        return path

    def moved(self, path: Path) -> None:
        """The saved post was renamed (same bytes): keep watching and journaling it there."""
        self._path = path
        self._watch()

    def _refuse_silent_overwrite(self, path: Path, text: str) -> None:
        # A post the editor never loaded from this path (a new post, Save As) must not replace
        # a file that is already there without the writer saying so.
        current = fingerprint_file(path) if os.path.lexists(path) else None
        if current is not None:
            raise ConflictError(path, current[1], current[0])

    def _save_as_start(self, path: Path) -> Path:
        root = self._blog.root
        for folder in (path.parent, root, Path.home()):
            if folder is not None and Path(folder).is_dir():
                return Path(folder) / path.name
        return path

    # -- watching ------------------------------------------------------------------------------

    def _watch(self) -> None:
        self.watcher.watch(self._path)

    def check_disk(self) -> None:
        """Look at the open post on disk and react to another program's change."""
        if self._checking or self._path is None:
            return
        self._checking = True
        try:
            self.outside_change_checked.emit(self._check())
        finally:
            self._checking = False
            self.watcher.rewatch()

    def _check(self) -> str:
        try:
            now = fingerprint_file(self._path)
        except StorageError:
            now = None
        if now is None:
            if self.fingerprint is None or self._missing_told:
                return "same"
            self._missing_told = True
            # Told once; from now on a save re-creates the post (still refusing to replace a
            # file that appears there meanwhile).
            self.fingerprint = None
            prompts.show_info(
                self._window,
                QCoreApplication.translate("SafeKeeper", "The post is gone"),
                QCoreApplication.translate(
                    "SafeKeeper",
                    "“{name}” was deleted or renamed by another program. Your text is still in "
                    "the editor; saving creates the post again.",
                ).format(name=self._path.name),
            )
            return "missing"
        current, data = now
        if self.fingerprint is not None and self.fingerprint.same_content(data):
            self._missing_told = False
            return "same"
        if self.fingerprint is None and not self._missing_told:
            return "same"  # a post never saved here: nothing of ours on disk to compare
        self._missing_told = False
        if not self._unsaved():
            self.reload()
            self.status_message.emit(
                QCoreApplication.translate(
                    "SafeKeeper", "“{name}” was changed by another program and has been reloaded."
                ).format(name=self._path.name)
            )
            return "reloaded"
        disk = data.decode("utf-8", "replace")
        answer = prompts.ask_conflict(self._window, self._path.name, disk, self._text(), False)
        if answer == "reload":
            self.reload()
        elif answer == "keep":
            # The writer has seen their version and keeps theirs: the next save may replace it.
            self.fingerprint = current
        return "asked"

    def reload(self) -> bool:
        """Read the post again and show it (the writer's unsaved changes are dropped)."""
        if self._path is None:
            return False
        try:
            loaded = self.read(self._path)
        except StorageError as exc:
            prompts.show_error(
                self._window,
                QCoreApplication.translate("SafeKeeper", "Cannot reload the post"),
                exc.message_in(current_language()),
            )
            return False
        if self.journal is not None:
            self.journal.discard()
        self._restored_unsaved = False
        document = PostDocument.from_text(loaded.text, self._path, self._blog.timezone)
        self.document_ready.emit(document, loaded, None)
        return True


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        kind = "permission" if isinstance(exc, PermissionError) else "io"
        raise StorageError(
            QCoreApplication.translate(
                "SafeKeeper", "Could not create the folder {folder}: {reason}"
            ).format(folder=folder, reason=exc.strerror or exc),
            kind,
            errno=exc.errno,
            path=folder,
        ) from None
