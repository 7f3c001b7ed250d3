"""Reading posts safely and saving them atomically, with detection of changes made by others.

A save never leaves a partial or empty file behind: the new bytes go to a temporary file in the
same folder, are flushed to the disk, and only then renamed over the post, so at every instant
the post on disk is either the old version or the new one.  Before the rename the file on disk
is compared with the version the editor loaded (its :class:`Fingerprint`); if another program
changed or deleted it, :class:`ConflictError` carries the disk's bytes so the writer can choose.

Every failure is a :class:`StorageError` (an ``OSError``) with a plain-language ``message``, a
``kind`` code for the window to word or act on, and the ``errno`` when the system gave one.

The reading half (:func:`read_post_file`, :class:`Fingerprint`, :func:`describe_conflict`) lives
in :mod:`editor.core.files.reading`; its names are re-exported here so callers need one import.
"""

from __future__ import annotations

import errno as errno_codes
import functools
import hashlib
import os
import re
import secrets
import socket
import stat
import time

from editor.core.files.reading import (  # noqa: F401 - re-exported: storage is the one import callers need
    Fingerprint,
    LoadedPost,
    StorageError,
    describe_conflict,
    ensure_inside,
    fingerprint_file,
    is_inside,
    is_special_file,
    read_post_file,
    read_regular_file,
    read_text_file,
)
from editor.core.files.words import WORDS, words
from editor.core.words import Phrase

# A save's temporary file is ".tsuzuri-<host>-<pid>-<random>-<name>.tmp~": Jekyll skips it
# twice over (a name starting with "." and a backup name ending in "~", see
# repository.skipped_by_jekyll), so a leftover is never published.  Git has no such rule short
# of an ignore file, and Tsuzuri does not write into the writer's repository or git settings:
# instead a leftover does not last.  The host and process in the name tell a save still running
# from one a crash or a kill cut short, and remove_leftover_temp_files deletes the latter when a
# folder is saved into and when a blog is opened.
TEMP_PREFIX = ".tsuzuri-"
TEMP_SUFFIX = ".tmp~"
_OLD_TEMP_SUFFIX = ".tmp"  # written by earlier versions, without host and process
_TEMP_OWNER = re.compile(r"\.tsuzuri-([0-9a-f]{4})-([0-9]+)-[0-9a-f]{8}-")
STALE_AFTER = 3600.0  # seconds; a temporary file whose owner cannot be told is kept this long


class SaveError(StorageError):
    """Saving failed; the file on disk is exactly as it was and no temporary file remains."""


class ConflictError(StorageError):
    """The file on disk is not the version the editor loaded; nothing was written.

    ``disk_data`` holds the disk's current bytes, or None when the file was deleted or renamed.
    """

    def __init__(
        self, path: str | os.PathLike, disk_data: bytes | None, current: Fingerprint | None
    ):
        code = "deleted" if disk_data is None else "changed"
        super().__init__(
            words(code), "conflict", path=path, code=code, message_ja=words(code, "ja")
        )
        self.disk_data = disk_data
        self.current = current


class Disk:
    """The system calls a save makes, as one seam: tests subclass it to inject faults."""

    def open_temp(self, folder: str, name: str) -> tuple[int, str]:
        """Create a new, empty temporary file next to ``name``; returns (fd, path)."""
        for _ in range(100):
            # Only the start of the name: a long Japanese file name plus our prefix and suffix
            # could pass the 255-byte limit most file systems have.
            temp_name = f"{_temp_owner()}-{secrets.token_hex(4)}-{name[:40]}{TEMP_SUFFIX}"
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
        raise SaveError.worded(f"save_over_{kind}", kind, path=path)
    if old_info is not None and not overwrite_read_only and _marked_read_only(old_info):
        # A rename would go through, as the folder is writable, but the writer or another
        # program marked the post read-only: respect that unless told otherwise.
        raise SaveError.worded(
            "read_only_file", "read_only_file", errno=errno_codes.EACCES, path=path
        )
    if not data and not allow_empty and old_info is not None and old_info.st_size > 0:
        raise SaveError.worded("empty", "empty", path=path)
    if expected is not None:
        _check_unchanged(target, expected, path)
    remove_leftover_temp_files(folder)  # a save cut short here before must not stay for ever
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


# errno -> (kind, code of file_words.WORDS)
_SAVE_REASONS = {
    errno_codes.ENOSPC: ("disk_full", "disk_full"),
    getattr(errno_codes, "EDQUOT", errno_codes.ENOSPC): ("disk_full", "disk_full"),
    errno_codes.EACCES: ("permission", "permission"),
    errno_codes.EPERM: ("permission", "permission"),
    errno_codes.EROFS: ("read_only", "read_only"),
    errno_codes.ENOENT: ("folder_missing", "folder_missing"),
    errno_codes.ENOTDIR: ("folder_missing", "folder_missing"),
    errno_codes.ENAMETOOLONG: ("io", "name_too_long"),
    errno_codes.EIO: ("io", "disk_io"),
}


def _save_error(code: int | None, path, outcome: str = "unchanged") -> SaveError:
    """Why a write failed, then what became of the text (``outcome``: unchanged, not_created)."""
    kind, reason = _SAVE_REASONS.get(code, ("io", "save_failed"))
    params = {"reason": os.strerror(code) if code else "unknown error"}
    said = {"reason": Phrase(WORDS[reason], **params), "outcome": Phrase(WORDS[outcome])}
    english, japanese = (words("reason_and_outcome", lang, **said) for lang in ("en", "ja"))
    return SaveError(
        english,
        kind,
        errno=code,
        path=path,
        code=reason,
        params={**params, "outcome": outcome},
        message_ja=japanese,
    )


def create_new_file(
    path: str | os.PathLike,
    data: bytes,
    *,
    inside: str | os.PathLike | None = None,
    disk: Disk = DISK,
) -> None:
    """Create ``path`` holding ``data``; never replaces a file, never leaves a part of one.

    The bytes go to a temporary file that is flushed to the disk and then hard-linked under the
    new name, which fails when the name is taken, so the post appears whole or not at all.
    Where hard links are not possible (some FAT or network disks) the file is created
    exclusively and removed again if writing fails.  Failures are :class:`SaveError` whose
    ``filename`` is ``path``; an existing file is kind ``exists``.  With ``inside`` (the
    blog's root), a place whose real location is outside it (a linked folder) is refused.
    """
    if inside is not None:
        ensure_inside(inside, os.path.abspath(path))
    folder, name = os.path.split(os.path.abspath(path))
    not_created = "not_created"
    try:
        fd, temp = disk.open_temp(folder, name)
    except OSError as exc:
        raise _save_error(exc.errno, path, not_created) from None
    try:
        try:
            _copy_owner_and_mode(fd, None)
            disk.write(fd, data)
            disk.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.link(temp, path)
        except FileExistsError:
            raise SaveError.worded(
                "exists", "exists", errno=errno_codes.EEXIST, path=path
            ) from None
        except OSError as exc:
            if exc.errno not in _NO_HARD_LINKS:
                raise
            _create_exclusively(path, data, disk)
    except SaveError:
        raise
    except OSError as exc:
        raise _save_error(exc.errno, path, not_created) from None
    finally:
        _remove_quietly(temp)
    disk.fsync_folder(folder)


_NO_HARD_LINKS = {errno_codes.EPERM, errno_codes.EMLINK, getattr(errno_codes, "ENOTSUP", -1)} | {
    getattr(errno_codes, "EOPNOTSUPP", -1)
}


def _create_exclusively(path, data: bytes, disk: Disk) -> None:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, 0o666)
    try:
        try:
            disk.write(fd, data)
            disk.fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        _remove_quietly(os.fspath(path))
        raise


def _temp_owner() -> str:
    """``.tsuzuri-<host>-<pid>``: who is writing a temporary file (host as 4 hex digits)."""
    return f"{TEMP_PREFIX}{_host_tag()}-{os.getpid()}"


@functools.cache
def _host_tag() -> str:
    return hashlib.sha1(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:4]


def _owner_is_gone(name: str) -> bool:
    """True when the save that wrote temporary file ``name`` is certainly over (its process ended).

    Another host's file, or an old name without its process, cannot be told: False.
    """
    owner = _TEMP_OWNER.match(name)
    if owner is None or owner.group(1) != _host_tag() or os.name == "nt":
        return False
    pid = int(owner.group(2))
    return pid != os.getpid() and process_ended(pid)


def process_ended(pid: int) -> bool:
    """True when no process ``pid`` runs on this machine (one of another user's still runs)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OverflowError:
        return True  # not a process id this system can have
    except PermissionError:
        return False
    return False


def remove_leftover_temp_files(folder: str | os.PathLike, older_than: float = STALE_AFTER) -> int:
    """Delete temporary files a crash or a kill left in ``folder``; returns how many went.

    A file goes when the process that wrote it has ended (on this host), or when it is older
    than ``older_than`` seconds; a save running right now, here or in another Tsuzuri, keeps
    its temporary file.  Links and anything not named as our temporary files are left alone.
    """
    removed = 0
    limit = time.time() - older_than
    try:
        with os.scandir(folder) as entries:
            candidates = [
                entry
                for entry in entries
                if entry.name.startswith(TEMP_PREFIX)
                and entry.name.endswith((TEMP_SUFFIX, _OLD_TEMP_SUFFIX))
            ]
    except OSError:
        return 0
    for entry in candidates:
        try:
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode):
                continue
            if _owner_is_gone(entry.name) or info.st_mtime < limit:
                os.unlink(entry.path)
                removed += 1
        except OSError:
            continue
    return removed
