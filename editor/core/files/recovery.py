"""Journal of unsaved work: a copy of each unsaved post kept on disk so a crash loses nothing.

Each open document has one journal entry, a small JSON file in the recovery folder (the window
uses a folder under the user's data directory).  Entries are written atomically, so a crash or
power cut while journaling leaves the previous entry, never a broken one.  After a crash the
window lists :meth:`RecoveryStore.entries` for the blog it opens, shows each entry's
:meth:`RecoveryEntry.diff_against_disk`, and puts :meth:`RecoveryStore.restore`'s text into the
editor as unsaved changes.  An entry is removed when its post is saved or its changes discarded.

:class:`Journal` decides when to write: every ``interval`` seconds while there are edits not yet
journaled, and at once when asked (the window losing focus, the application quitting).  Its
clock is a parameter, so tests run without sleeping.
"""

from __future__ import annotations

import json
import os
import re
import socket
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from editor.core.files import limits
from editor.core.files.storage import (
    DISK,
    Disk,
    Fingerprint,
    StorageError,
    _save_error,
    atomic_write,
    describe_conflict,
    fingerprint_file,
    process_ended,
    read_regular_file,
    remove_leftover_temp_files,
)
from editor.core.words import QT_TRANSLATE_NOOP, Marked, Phrase, say
from editor.version import __version__

FORMAT = 1
# An entry holds one post's text (at most limits.MAX_POST_BYTES) plus JSON escapes.
MAX_ENTRY_BYTES = 2 * limits.MAX_POST_BYTES
_ID = re.compile(r"[0-9A-Za-z_-]{1,64}")


def new_document_id() -> str:
    """A fresh id for a newly opened document; it stays the same while the document is open."""
    return uuid.uuid4().hex


@dataclass(frozen=True)
class RecoveryEntry:
    """Unsaved text of one document, with where it belongs and which disk version it started from.

    ``post_path`` is None for a post never saved; ``base`` is the fingerprint of the file the
    editor had loaded or last saved (None when untitled); ``saved_at`` is seconds since the epoch.
    """

    id: str
    blog_root: str
    post_path: str | None
    text: str
    base: Fingerprint | None = None
    saved_at: float = 0.0
    app_version: str = __version__
    owner: str = ""  # "host:pid:start" of the process that wrote it, see in_use_elsewhere()

    @property
    def label(self) -> str:
        """A name to list the entry by: the file name, or the first words of an untitled post."""
        if self.post_path:
            return os.path.basename(self.post_path)
        first = next((line.strip() for line in self.text.splitlines() if line.strip()), "")
        return f"Untitled: {first[:40]}" if first else "Untitled"

    def disk_state(self) -> str:
        """Where the post on disk stands against this entry.

        ``untitled`` (never saved), ``missing`` (deleted or renamed), ``saved`` (the disk already
        holds exactly this text: nothing to recover), ``unchanged`` (the disk is still the
        version the edits started from) or ``changed`` (someone else wrote it since).
        """
        if self.post_path is None:
            return "untitled"
        current = self._disk_now()
        if current is None:
            return "missing"
        if current.decode("utf-8", errors="replace") == self.text:
            return "saved"
        if self.base is not None and self.base.same_content(current):
            return "unchanged"
        return "changed"

    def diff_against_disk(self, lang: str = "en") -> str:
        """A unified diff from the post on disk now to the journaled text (headers in ``lang``)."""
        if self.post_path is None:
            return describe_conflict("", self.text, lang)
        current = self._disk_now()
        if current is None:
            return describe_conflict(None, self.text, lang)
        return describe_conflict(current.decode("utf-8", errors="replace"), self.text, lang)

    def in_use_elsewhere(self) -> bool:
        """True when another Tsuzuri that is still running wrote this entry (not a crash).

        Like Vim's swap files: the process id and its start time tell a live editor from a
        dead one whose id was reused.  When that cannot be told (another host, no /proc on this
        system, Windows) the answer is False, so the text is offered rather than hidden.
        """
        host, _, rest = self.owner.partition(":")
        pid_text, _, start = rest.partition(":")
        if not pid_text.isdigit() or host != socket.gethostname() or os.name == "nt":
            return False
        pid = int(pid_text)
        if pid == os.getpid() or process_ended(pid):
            return False
        # Alive (perhaps someone else's): the start time tells it from a reused id.
        now_start = _process_start(pid)
        return not start or now_start is None or now_start == start

    def _disk_now(self) -> bytes | None:
        try:
            current = fingerprint_file(self.post_path)
        except StorageError:
            return None  # a folder or an unreadable file where the post was: it is gone for us
        return None if current is None else current[1]

    def to_json(self) -> dict:
        """The entry as the JSON object stored on disk."""
        return {
            "format": FORMAT,
            "id": self.id,
            "blog_root": self.blog_root,
            "post_path": self.post_path,
            "text": self.text,
            "base": None if self.base is None else self.base.to_json(),
            "saved_at": self.saved_at,
            "app_version": self.app_version,
            "owner": self.owner,
        }

    @classmethod
    def from_json(cls, data: dict) -> RecoveryEntry:
        """Read an entry back; raises ValueError (or TypeError/KeyError) on anything malformed."""
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError("not a Tsuzuri recovery entry of a known format")
        entry = cls(
            id=data["id"],
            blog_root=data["blog_root"],
            post_path=data["post_path"],
            text=data["text"],
            base=None if data["base"] is None else Fingerprint.from_json(data["base"]),
            saved_at=float(data["saved_at"]),
            app_version=str(data.get("app_version", "")),
            owner=str(data.get("owner", "")),
        )
        if not (isinstance(entry.id, str) and _ID.fullmatch(entry.id)):
            raise ValueError("bad id")
        if not isinstance(entry.text, str) or not isinstance(entry.blog_root, str):
            raise TypeError("text and blog_root must be strings")
        if entry.post_path is not None and not isinstance(entry.post_path, str):
            raise TypeError("post_path must be a string or null")
        return entry


# Characters of an entry's text escaped at a time (see _json_bytes).
_JSON_PIECE = 1 << 16


def _json_bytes(data: dict) -> bytes:
    """``data`` (an entry's JSON object) as UTF-8 JSON, byte for byte ``json.dumps(data,
    ensure_ascii=False)``, its text escaped a piece at a time: escaping a megabyte in one call
    holds the interpreter ~20 ms, so a journal written on a thread would stall a keystroke."""
    head = json.dumps({**data, "text": ""}, ensure_ascii=False)
    at = head.index('"text": ""') + len(
        '"text": "'
    )  # no other "text" key: quotes in values are escaped
    text = data["text"]
    pieces = [head[:at].encode("utf-8")]
    for start in range(0, len(text), _JSON_PIECE):
        piece = json.dumps(text[start : start + _JSON_PIECE], ensure_ascii=False)
        pieces.append(piece[1:-1].encode("utf-8"))
    pieces.append(head[at:].encode("utf-8"))
    return b"".join(pieces)


def _read_entry(path: Path) -> bytes:
    # Through the one reader: a FIFO or a link to /dev/zero in the folder is refused, not read.
    return read_regular_file(path, MAX_ENTRY_BYTES)[0]


def _process_start(pid: int) -> str | None:
    """When process ``pid`` started, in clock ticks since boot (Linux), or None if unknown."""
    try:
        line = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
        # Fields after the command name, which is in parentheses and may contain spaces;
        # the start time is field 22 of the whole line.
        return line.rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return None


def this_process() -> str:
    """The owner mark of the running process: host, process id and start time."""
    return f"{socket.gethostname()}:{os.getpid()}:{_process_start(os.getpid()) or ''}"


@dataclass(frozen=True)
class CorruptEntry:
    """A file in the recovery folder that could not be read; it is kept, never deleted."""

    path: Path
    reason: str


@dataclass(frozen=True)
class RecoveryScan:
    """What :meth:`RecoveryStore.scan` found, each list newest first.

    ``entries`` are recoverable; ``in_use`` belong to another Tsuzuri still running (offer them
    only if the writer asks); ``corrupt`` are files that could not be read.
    """

    entries: list[RecoveryEntry] = field(default_factory=list)
    in_use: list[RecoveryEntry] = field(default_factory=list)
    corrupt: list[CorruptEntry] = field(default_factory=list)


class RecoveryStore:
    """The recovery folder: one ``<id>.json`` per document with unsaved work."""

    def __init__(self, folder: str | os.PathLike, *, disk: Disk = DISK):
        self.folder = Path(folder)
        self._disk = disk

    def _path(self, entry_id: str) -> Path:
        if not _ID.fullmatch(entry_id):
            raise ValueError(f"not a recovery entry id: {entry_id!r}")
        return self.folder / f"{entry_id}.json"

    def save(self, entry: RecoveryEntry) -> None:
        """Write (or replace) the entry atomically; raises :class:`StorageError` on failure."""
        # The folder holds unpublished writing: keep it private to the user.
        if not self.folder.is_dir():
            try:
                self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            except (FileExistsError, NotADirectoryError):  # a file where a folder should be
                raise StorageError(
                    f"A file is in the way of the folder {self.folder}",
                    "not_a_folder",
                    path=self.folder,
                ) from None
            except OSError as exc:
                raise _save_error(exc.errno, self.folder) from None
            self._disk.fsync_folder(
                os.fspath(self.folder.parent)
            )  # the folder survives a power cut
        try:
            payload = _json_bytes(entry.to_json())
        except UnicodeEncodeError:  # a lone surrogate pasted from somewhere: escape everything
            payload = json.dumps(entry.to_json(), ensure_ascii=True).encode("ascii")
        atomic_write(self._path(entry.id), payload, disk=self._disk)

    def scan(self, blog_root: str | os.PathLike | None = None) -> RecoveryScan:
        """Entries (of ``blog_root`` only, when given) newest first, and files that are broken."""
        root = None if blog_root is None else os.path.realpath(blog_root)
        result = RecoveryScan()
        remove_leftover_temp_files(self.folder)  # from a journal write cut short by a crash
        try:
            paths = sorted(self.folder.glob("*.json"))
        except OSError:
            return result
        for path in paths:
            try:
                entry = RecoveryEntry.from_json(json.loads(_read_entry(path)))
                if entry.id != path.stem:  # discard(id) must remove this very file
                    raise ValueError(f"entry {entry.id} stored as {path.name}")
            except (OSError, ValueError, TypeError, KeyError, RecursionError) as exc:
                result.corrupt.append(CorruptEntry(path, f"{type(exc).__name__}: {exc}"))
                continue
            if root is None or entry.blog_root == root:
                (result.in_use if entry.in_use_elsewhere() else result.entries).append(entry)
        for found in (result.entries, result.in_use):
            found.sort(key=lambda e: (e.saved_at, e.id), reverse=True)
        return result

    def entries(self, blog_root: str | os.PathLike | None = None) -> list[RecoveryEntry]:
        """Recoverable entries, newest first; pass the open blog's root to see only its posts.

        Entries of another Tsuzuri that is still running are left out (see :meth:`scan`).
        """
        return self.scan(blog_root).entries

    def get(self, entry_id: str) -> RecoveryEntry | None:
        """The entry with this id, or None when there is none (or it cannot be read).

        Raises ValueError for a string that is not an entry id (it could name another file).
        """
        path = self._path(entry_id)
        try:
            return RecoveryEntry.from_json(json.loads(_read_entry(path)))
        except (OSError, ValueError, TypeError, KeyError, RecursionError):
            return None

    def restore(self, entry_id: str) -> str:
        """The journaled text, to put in the editor as unsaved changes (nothing is written)."""
        entry = self.get(entry_id)
        if entry is None:
            raise KeyError(f"no recovery entry {entry_id}")
        return entry.text

    def discard(self, entry_id: str) -> None:
        """Forget an entry (its post was saved, or the writer chose to throw the changes away)."""
        try:
            self._path(entry_id).unlink()
        except FileNotFoundError:
            pass


# Why the journal could not write, by StorageError kind (the Japanese is in tsuzuri_core_ja.ts).
_REASONS: dict[str, Marked] = {
    "disk_full": QT_TRANSLATE_NOOP("recovery", "the disk is full"),
    "permission": QT_TRANSLATE_NOOP("recovery", "the folder may not be written to"),
    "read_only": QT_TRANSLATE_NOOP("recovery", "the disk is read-only"),
    "not_a_folder": QT_TRANSLATE_NOOP("recovery", "a file is where the folder should be"),
    "folder_missing": QT_TRANSLATE_NOOP("recovery", "the folder is missing"),
    "io": QT_TRANSLATE_NOOP("recovery", "the disk reported an error"),
}
JOURNAL_MESSAGES: dict[str, Marked] = {
    "journal-failed": QT_TRANSLATE_NOOP(
        "recovery",
        "Unsaved changes cannot be kept for recovery in {folder}: {reason}. "
        "Your text is still in the editor; save the post to keep it.",
    ),
}


@dataclass(frozen=True)
class JournalProblem:
    """The journal cannot write; ``params`` hold the folder and the reason's code."""

    params: dict[str, str]
    code: str = "journal-failed"

    def message(self, lang: str = "en") -> str:
        """The problem worded in English or Japanese (``"ja"``)."""
        reason = Phrase(_REASONS[self.params["reason"]])
        return say(
            "recovery",
            JOURNAL_MESSAGES[self.code],
            lang,
            folder=self.params["folder"],
            reason=reason,
        )


@dataclass(frozen=True)
class Snapshot:
    """What the journal copies from the open document: its text, file and base version."""

    text: str
    post_path: str | os.PathLike | None = None
    base: Fingerprint | None = None


class Journal:
    """Decides when to journal one open document; the window calls it, it never calls back.

    ``note_edit()`` after every change, ``poll()`` from a timer (about once a second),
    ``flush()`` when the window loses focus or the application quits, ``saved()`` once the post
    on disk matches the editor again, ``discard()`` when the writer throws the changes away.
    """

    def __init__(
        self,
        store: RecoveryStore,
        blog_root: str | os.PathLike,
        snapshot: Callable[[], Snapshot],
        *,
        document_id: str | None = None,
        interval: float = 2.0,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
    ):
        self.store = store
        self.blog_root = os.path.realpath(blog_root)
        self.document_id = document_id or new_document_id()
        self.interval = interval
        self.last_error: StorageError | None = None
        self._snapshot = snapshot
        self._clock = clock
        self._wall_clock = wall_clock
        self._due_at: float | None = None  # None: nothing waiting to be journaled
        self._gap = interval
        self._journaled_text: str | None = None

    @property
    def pending(self) -> bool:
        """True while there are edits the journal does not hold yet."""
        return self._due_at is not None

    def note_edit(self) -> None:
        """Record that the document changed; it will be journaled within ``interval`` seconds."""
        if self._due_at is None:
            self._due_at = self._clock() + self._gap

    def poll(self) -> bool:
        """Journal now if edits have waited ``interval`` seconds; True when an entry was written."""
        if self._due_at is None or self._clock() < self._due_at:
            return False
        return self._write()

    def flush(self) -> bool:
        """Journal pending edits at once (focus lost, quitting); True when an entry was written."""
        return self._write() if self._due_at is not None else False

    def saved(self) -> None:
        """The file on disk now holds the editor's text: the entry is no longer needed."""
        self._due_at = None
        self._journaled_text = None
        try:
            self.store.discard(self.document_id)
        except OSError as exc:
            # A stale entry is harmless: its disk_state() is "saved" and it is dropped later.
            self.last_error = StorageError(
                f"Could not remove the recovery copy: {exc.strerror or exc}", "io", errno=exc.errno
            )

    def discard(self) -> None:
        """The writer threw the unsaved changes away: forget them here too."""
        self.saved()

    @property
    def problem(self) -> JournalProblem | None:
        """Why the last write failed, worded for the writer; None after a successful one."""
        if self.last_error is None:
            return None
        reason = self.last_error.kind if self.last_error.kind in _REASONS else "io"
        return JournalProblem({"folder": str(self.store.folder), "reason": reason})

    def write_failed(self, exc: OSError) -> None:
        """A write failed (here, or on the thread a store writes on): report it, and write the
        text again after a while.  Journaling must never interrupt typing (nor quitting)."""
        self.last_error = (
            exc if isinstance(exc, StorageError) else _save_error(exc.errno, self.store.folder)
        )
        self._journaled_text = None
        self._due_at = self._clock() + self._gap

    def _write(self) -> bool:
        snap = self._snapshot()
        if snap.text == self._journaled_text:
            self._due_at = None
            return False
        entry = RecoveryEntry(
            id=self.document_id,
            blog_root=self.blog_root,
            post_path=None if snap.post_path is None else os.path.abspath(snap.post_path),
            text=snap.text,
            base=snap.base,
            saved_at=self._wall_clock(),
            owner=this_process(),
        )
        started = self._clock()
        try:
            self.store.save(entry)
        except OSError as exc:
            self.write_failed(exc)
            return False
        # A huge post on a slow disk: never spend more than about a twentieth of the time
        # journaling, so typing stays smooth.
        self._gap = max(self.interval, (self._clock() - started) * 20)
        self.last_error = None
        self._journaled_text = snap.text
        self._due_at = None
        return True
