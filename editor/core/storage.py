"""Reading posts safely and saving them atomically, with detection of changes made by others.

A save never leaves a partial or empty file behind: the new bytes go to a temporary file in the
same folder, are flushed to the disk, and only then renamed over the post, so at every instant
the post on disk is either the old version or the new one.  Before the rename the file on disk
is compared with the version the editor loaded (its :class:`Fingerprint`); if another program
changed or deleted it, :class:`ConflictError` carries the disk's bytes so the writer can choose.

Every failure is a :class:`StorageError` (an ``OSError``) with a plain-language ``message``, a
``kind`` code for the window to word or act on, and the ``errno`` when the system gave one.
"""

from __future__ import annotations

import difflib
import errno as errno_codes
import functools
import hashlib
import os
import re
import secrets
import stat
import time
from dataclasses import dataclass
from pathlib import Path

from editor.core import limits
from editor.core.post import PostReadError, decode_post

TEMP_PREFIX = ".tsuzuri-"  # Jekyll skips dot files, so a leftover never gets published
TEMP_SUFFIX = ".tmp"


class StorageError(OSError):
    """A post could not be read or written; ``message`` says why in plain words.

    ``kind`` is a stable code (``missing``, ``directory``, ``special``, ``too_large``,
    ``not_text``, ``permission``, ``disk_full``, ``read_only``, ``read_only_file``,
    ``folder_missing``, ``empty``,
    ``outside_blog``, ``conflict``, ``io``); ``line``/``column`` point into the file for
    ``not_text``.
    """

    def __init__(
        self,
        message: str,
        kind: str,
        *,
        errno: int | None = None,
        path: str | os.PathLike | None = None,
        line: int | None = None,
        column: int | None = None,
    ):
        super().__init__(errno, message, None if path is None else os.fspath(path))
        self.message = message
        self.kind = kind
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = f" (line {self.line}, column {self.column})" if self.line is not None else ""
        return f"{self.message}{where}"


class SaveError(StorageError):
    """Saving failed; the file on disk is exactly as it was and no temporary file remains."""


class ConflictError(StorageError):
    """The file on disk is not the version the editor loaded; nothing was written.

    ``disk_data`` holds the disk's current bytes, or None when the file was deleted or renamed.
    """

    def __init__(
        self, path: str | os.PathLike, disk_data: bytes | None, current: Fingerprint | None
    ):
        if disk_data is None:
            message = "The post was deleted or renamed by another program since it was opened"
        else:
            message = "The post was changed by another program since it was opened"
        super().__init__(message, "conflict", path=path)
        self.disk_data = disk_data
        self.current = current


@dataclass(frozen=True)
class Fingerprint:
    """Which version of a file the editor holds: its size, modification time and content hash."""

    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def of(cls, data: bytes, mtime_ns: int) -> Fingerprint:
        """The fingerprint of ``data`` stored with modification time ``mtime_ns``."""
        return cls(len(data), mtime_ns, hashlib.sha256(data).hexdigest())

    def same_content(self, data: bytes) -> bool:
        """True when ``data`` is byte for byte the content this fingerprint was taken of."""
        return len(data) == self.size and hashlib.sha256(data).hexdigest() == self.sha256

    def to_json(self) -> dict:
        """A JSON-ready dict (for the recovery journal)."""
        return {"size": self.size, "mtime_ns": self.mtime_ns, "sha256": self.sha256}

    @classmethod
    def from_json(cls, data: dict) -> Fingerprint:
        """The inverse of :meth:`to_json`; raises ValueError/TypeError/KeyError on bad input."""
        size, mtime_ns, digest = data["size"], data["mtime_ns"], data["sha256"]
        if not (isinstance(size, int) and isinstance(mtime_ns, int) and isinstance(digest, str)):
            raise TypeError("bad fingerprint")
        return cls(size, mtime_ns, digest)


@dataclass(frozen=True)
class LoadedPost:
    """A post read from disk: its text, its exact bytes, which version it was, and notices."""

    text: str
    data: bytes
    fingerprint: Fingerprint
    warnings: tuple[limits.Notice, ...] = ()


def read_post_file(
    path: str | os.PathLike,
    *,
    inside: str | os.PathLike | None = None,
    max_size: int = limits.MAX_POST_BYTES,
) -> LoadedPost:
    """Read a post (following symlinks), refusing what is not a regular UTF-8 text file.

    With ``inside`` (the blog's root), a path that resolves outside it is refused as well.
    """
    if inside is not None:
        ensure_inside(inside, os.path.abspath(path))
    data, mtime_ns = _read_regular_file(Path(path), max_size)
    refusal = limits.encoding_refusal(data)
    if refusal:
        raise StorageError(refusal, "not_text", path=path)
    try:
        text = decode_post(data)
    except PostReadError as exc:
        raise StorageError(
            exc.message, "not_text", path=path, line=exc.line, column=exc.column
        ) from None
    notices = limits.notices(text, len(data), _link_count(path))
    return LoadedPost(text, data, Fingerprint.of(data, mtime_ns), notices)


def _read_regular_file(path: Path, max_size: int) -> tuple[bytes, int]:
    # O_NONBLOCK: opening a FIFO must not hang the editor; we refuse it after fstat instead.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except (FileNotFoundError, NotADirectoryError):
        if path.is_symlink():
            raise StorageError(
                "The post is a link to a file that does not exist", "missing", path=path
            ) from None
        raise StorageError("The file does not exist", "missing", path=path) from None
    except IsADirectoryError:
        raise StorageError("This is a folder, not a post", "directory", path=path) from None
    except OSError as exc:
        raise _os_error(exc, path) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise StorageError("This is a folder, not a post", "directory", path=path)
        if not stat.S_ISREG(info.st_mode):
            raise StorageError(
                "This is a special file (a device, pipe or socket), not a post",
                "special",
                path=path,
            )
        refusal = limits.size_refusal(info.st_size, max_size)
        if refusal:
            raise StorageError(refusal, "too_large", path=path)
        chunks, total = [], 0
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            total += len(chunk)
            if total > max_size:  # it grew while we read it
                raise StorageError(limits.size_refusal(total, max_size), "too_large", path=path)
        return b"".join(chunks), os.fstat(fd).st_mtime_ns
    except StorageError:
        raise
    except OSError as exc:
        raise _os_error(exc, path) from None
    finally:
        os.close(fd)


def _link_count(path) -> int:
    try:
        return os.stat(path).st_nlink
    except OSError:
        return 1


def fingerprint_file(path: str | os.PathLike) -> tuple[Fingerprint, bytes] | None:
    """The fingerprint and bytes of the file at ``path`` now, or None when there is none."""
    try:
        data, mtime_ns = _read_regular_file(Path(path), limits.MAX_POST_BYTES)
    except StorageError as exc:
        if exc.kind == "missing":
            return None
        raise
    return Fingerprint.of(data, mtime_ns), data


class Disk:
    """The system calls a save makes, as one seam: tests subclass it to inject faults."""

    def open_temp(self, folder: str, name: str) -> tuple[int, str]:
        """Create a new, empty temporary file next to ``name``; returns (fd, path)."""
        for _ in range(100):
            # Only the start of the name: a long Japanese file name plus our prefix and suffix
            # could pass the 255-byte limit most file systems have.
            temp_name = f"{TEMP_PREFIX}{secrets.token_hex(4)}-{name[:40]}{TEMP_SUFFIX}"
            temp = os.path.join(folder, temp_name)
            try:
                flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
                return os.open(temp, flags, 0o600), temp
            except FileExistsError:
                continue
        raise FileExistsError(errno_codes.EEXIST, "No free temporary file name", folder)

    def write(self, fd: int, data: bytes) -> None:
        """Write all of ``data`` (os.write may write less than asked)."""
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]

    def fsync(self, fd: int) -> None:
        """Push the file's bytes to the disk."""
        os.fsync(fd)

    def replace(self, source: str, target: str) -> None:
        """Atomically put ``source`` in place of ``target``."""
        os.replace(source, target)

    def fsync_folder(self, folder: str) -> None:
        """Make the rename itself durable (not possible on every system; then skipped)."""
        try:
            fd = os.open(folder, os.O_RDONLY)
        except OSError:
            return
        try:
            os.fsync(fd)
        except OSError:
            pass
        finally:
            os.close(fd)


DISK = Disk()


def atomic_write(
    path: str | os.PathLike,
    data: bytes,
    expected: Fingerprint | None = None,
    *,
    allow_empty: bool = False,
    inside: str | os.PathLike | None = None,
    overwrite_read_only: bool = False,
    disk: Disk = DISK,
) -> Fingerprint:
    """Replace the file at ``path`` with ``data`` all at once; returns the new fingerprint.

    With ``expected``, raise :class:`ConflictError` if the file on disk is no longer that
    content (a deleted file counts as changed).  A symlinked post is written through to its
    target.  Refuses to empty a non-empty file unless ``allow_empty``, to replace a file marked
    read-only unless ``overwrite_read_only``, and with ``inside`` (the blog's root) a path that
    resolves outside it.  On any failure the old file is intact
    and the temporary file is gone (:class:`SaveError`).
    """
    target = os.path.realpath(path)
    if inside is not None:
        target = os.fspath(ensure_inside(inside, target))
    folder, name = os.path.split(target)
    try:
        old_info = os.stat(target)
    except FileNotFoundError:
        old_info = None
    except NotADirectoryError:
        raise _save_error(errno_codes.ENOENT, path) from None
    except OSError as exc:
        raise _save_error(exc.errno, path) from None
    if old_info is not None and not stat.S_ISREG(old_info.st_mode):
        kind = "directory" if stat.S_ISDIR(old_info.st_mode) else "special"
        raise SaveError(f"Cannot save over a {_kind_words(kind)}", kind, path=path)
    if old_info is not None and not overwrite_read_only and _marked_read_only(old_info):
        # A rename would go through, as the folder is writable, but the writer or another
        # program marked the post read-only: respect that unless told otherwise.
        raise SaveError(
            "The post is marked read-only; use Save As, or confirm to save over it",
            "read_only_file",
            errno=errno_codes.EACCES,
            path=path,
        )
    if not data and not allow_empty and old_info is not None and old_info.st_size > 0:
        raise SaveError(
            "Refusing to replace a non-empty post with an empty one", "empty", path=path
        )
    if expected is not None:
        _check_unchanged(target, expected, path)
    try:
        fd, temp = disk.open_temp(folder, name)
    except OSError as exc:
        raise _save_error(exc.errno, path) from None
    try:
        try:
            _copy_owner_and_mode(fd, old_info)
            disk.write(fd, data)
            disk.fsync(fd)
            written = os.fstat(fd)
        finally:
            os.close(fd)
        if written.st_size != len(data):  # a network or FUSE disk that dropped bytes silently
            raise OSError(errno_codes.EIO, "short write")
        if expected is not None:
            # Checked again right before the rename: the write may have taken a while.
            _check_unchanged(target, expected, path)
        disk.replace(temp, target)
    except BaseException as exc:
        _remove_quietly(temp)
        if isinstance(exc, OSError) and not isinstance(exc, StorageError):
            raise _save_error(exc.errno, path) from None
        raise
    disk.fsync_folder(folder)
    return Fingerprint.of(data, written.st_mtime_ns)


def _check_unchanged(target: str, expected: Fingerprint, path) -> None:
    # Content decides, not the clock: a file touched but not changed (a git checkout of the same
    # text) is no conflict, and a same-size rewrite within one mtime tick still is one.
    now = fingerprint_file(target)
    if now is None:
        raise ConflictError(path, None, None)
    current, data = now
    if current.size != expected.size or current.sha256 != expected.sha256:
        raise ConflictError(path, data, current)


def _copy_owner_and_mode(fd: int, old_info: os.stat_result | None) -> None:
    if not hasattr(os, "fchmod"):
        return  # Windows: a new file inherits the folder's permissions, which is what we want
    if old_info is not None and hasattr(os, "fchown"):
        try:
            os.fchown(fd, old_info.st_uid, old_info.st_gid)
        except OSError:
            pass  # only root may give a file away; the mode below still carries over
    mode = 0o666 & ~_umask() if old_info is None else stat.S_IMODE(old_info.st_mode)
    try:
        os.fchmod(fd, mode)
    except OSError:
        pass  # some file systems (FAT, network shares) have no modes; saving matters more


def _marked_read_only(info: os.stat_result) -> bool:
    # The mode bits, not os.access: a read-only disk is reported by the write itself (EROFS),
    # and root, who may write anything, is not stopped either.
    if not hasattr(os, "geteuid"):
        return not info.st_mode & stat.S_IWRITE
    if os.geteuid() == 0:
        return False
    if info.st_uid == os.geteuid():
        return not info.st_mode & stat.S_IWUSR
    if info.st_gid in (os.getegid(), *os.getgroups()):
        return not info.st_mode & stat.S_IWGRP
    return not info.st_mode & stat.S_IWOTH


@functools.cache
def _umask() -> int:
    # os.umask can only be read by setting it; done once, as the process's umask does not change.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _remove_quietly(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _kind_words(kind: str) -> str:
    return {"directory": "folder", "special": "special file"}.get(kind, kind)


_FULL = "The disk is full; free some space and save again"
_DENIED = "Permission denied: the folder or the post is read-only — use Save As"
_GONE = "The post's folder no longer exists — use Save As"
_SAVE_REASONS = {
    errno_codes.ENOSPC: ("disk_full", _FULL),
    getattr(errno_codes, "EDQUOT", errno_codes.ENOSPC): ("disk_full", _FULL),
    errno_codes.EACCES: ("permission", _DENIED),
    errno_codes.EPERM: ("permission", _DENIED),
    errno_codes.EROFS: ("read_only", "The disk is read-only — use Save As"),
    errno_codes.ENOENT: ("folder_missing", _GONE),
    errno_codes.ENOTDIR: ("folder_missing", _GONE),
    errno_codes.ENAMETOOLONG: ("io", "The file name is too long for this disk"),
    errno_codes.EIO: ("io", "The disk reported an input/output error"),
}


def _save_error(code: int | None, path) -> SaveError:
    kind, reason = _SAVE_REASONS.get(code, ("io", None))
    if reason is None:
        reason = f"Could not save: {os.strerror(code) if code else 'unknown error'}"
    return SaveError(
        f"{reason}. Your text is still in the editor; the file on disk is unchanged.",
        kind,
        errno=code,
        path=path,
    )


def _os_error(exc: OSError, path) -> StorageError:
    if isinstance(exc, PermissionError):
        return StorageError(
            "Permission denied: Tsuzuri may not read this file",
            "permission",
            errno=exc.errno,
            path=path,
        )
    return StorageError(
        f"Could not read the file: {exc.strerror or exc}", "io", errno=exc.errno, path=path
    )


def remove_leftover_temp_files(folder: str | os.PathLike, older_than: float = 3600.0) -> int:
    """Delete temporary files a crash left in ``folder``; returns how many were removed.

    Only files older than ``older_than`` seconds go, so another Tsuzuri saving right now keeps
    its temporary file.
    """
    removed = 0
    limit = time.time() - older_than
    try:
        candidates = list(Path(folder).glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"))
    except OSError:
        return 0
    for path in candidates:
        try:
            if path.lstat().st_mtime < limit and not path.is_symlink():
                path.unlink()
                removed += 1
        except OSError:
            continue
    return removed


def ensure_inside(blog_root: str | os.PathLike, path: str | os.PathLike) -> Path:
    """``path`` resolved (symlinks followed), refusing anything that lands outside the blog.

    A relative ``path`` is taken from ``blog_root`` (as paths in the blog's files are).
    """
    root = Path(os.path.realpath(blog_root))
    resolved = Path(os.path.realpath(Path(blog_root, path)))
    if resolved != root and root not in resolved.parents:
        raise StorageError(
            f"{os.fspath(path)} is outside the blog folder {root}; Tsuzuri only edits the blog's "
            "own files",
            "outside_blog",
            path=path,
        )
    return resolved


def describe_conflict(disk_text: str | None, mine_text: str) -> str:
    """A unified diff from the disk's version to the editor's, for the compare view."""
    if disk_text is None:
        return "The file no longer exists on disk; all of your text would be saved anew.\n"
    diff = difflib.unified_diff(
        _diff_lines(disk_text), _diff_lines(mine_text), "on disk", "in the editor"
    )
    shown = "".join(diff)
    if not shown and disk_text != mine_text:
        return "The two versions differ only in their line endings (Windows or Unix).\n"
    return shown


def _diff_lines(text: str) -> list[str]:
    # Lines end at \n, \r\n or \r only (str.splitlines would also break at form feeds and
    # U+2028).  Endings are shown as "\n" so CRLF files diff cleanly, and a last line without
    # one is marked the way diff(1) marks it instead of being glued to the next hunk header.
    lines = [line.rstrip("\r\n") + "\n" for line in _LINE.findall(text)]
    if lines and not text.endswith(("\n", "\r")):
        lines[-1] += "\\ No newline at end of file\n"
    return lines


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\n|\r)|[^\r\n]+\Z")
