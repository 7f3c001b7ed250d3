"""Reading posts safely: refusing what is not a regular UTF-8 text file, and knowing its version.

:func:`read_post_file` opens a post without blocking (a FIFO cannot hang the editor), refuses
folders, special files, huge files and non-UTF-8 data with a plain-language
:class:`StorageError`, and returns the text with the :class:`Fingerprint` of the bytes it read,
so a later save can tell whether another program changed the file in between.
:func:`describe_conflict` words the difference between two versions for the compare view.
"""

from __future__ import annotations

import difflib
import errno as errno_codes
import hashlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from editor.core.files import limits
from editor.core.files.words import words
from editor.core.post.split import PostReadError, decode_post


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
        code: str | None = None,
        params: dict | None = None,
        message_ja: str | None = None,
    ):
        super().__init__(errno, message, None if path is None else os.fspath(path))
        self.message = message
        self.kind = kind
        self.line = line
        self.column = column
        self.code = code or kind  # the message's code in file_words.WORDS, when worded there
        self.params = dict(params or {})
        self.message_ja = message_ja

    @classmethod
    def worded(cls, code: str, kind: str, params: dict | None = None, **where) -> StorageError:
        """An error worded by ``code`` of file_words.WORDS filled in with ``params``.

        ``where`` is passed on as it is: ``errno``, ``path``, ``line``, ``column``.
        """
        params = params or {}
        english, japanese = (words(code, lang, **params) for lang in ("en", "ja"))
        return cls(english, kind, code=code, params=params, message_ja=japanese, **where)

    def message_in(self, lang: str = "en") -> str:
        """The message with its place, in ``lang`` ("ja" when Japanese words exist, else "en")."""
        if lang == "ja" and self.message_ja:
            return self._placed(self.message_ja, "ja")
        return str(self)

    def __str__(self) -> str:
        return self._placed(self.message, "en")

    def _placed(self, message: str, lang: str) -> str:
        if self.line is None:
            return message
        return words("at_place", lang, message=message, line=self.line, column=self.column)


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
    data, mtime_ns = read_regular_file(path, max_size, inside=inside)
    text = _decode(data, path)
    notices = limits.notices(text, len(data), _link_count(path))
    return LoadedPost(text, data, Fingerprint.of(data, mtime_ns), notices)


def read_regular_file(
    path: str | os.PathLike,
    max_size: int = limits.MAX_POST_BYTES,
    *,
    inside: str | os.PathLike | None = None,
) -> tuple[bytes, int]:
    """The one reader: the bytes of a regular file and their modification time.

    Every file Tsuzuri reads (posts, includes, ``_config.yml``, recovery entries) comes through
    here.  What is not a regular file (a folder, a FIFO, a device such as ``/dev/zero``, a
    socket, or a link to one of them) is refused *before* a byte is read, and so is a file over
    ``max_size``; a file that grows past it while being read is refused too, so nothing can
    make Tsuzuri read without end.  With ``inside`` (the blog's root), a path whose real
    location is outside it is refused as well.  Failures are :class:`StorageError`.
    """
    path = Path(path)
    try:
        # Looked at before opening: opening some devices has effects of its own.  And before
        # the blog's bounds, so a link to /dev/zero is called what it is, a special file.
        _refuse_irregular(os.stat(path), path)
    except FileNotFoundError:
        pass  # worded below, where a dangling link is told from a missing file
    except OSError as exc:
        if not isinstance(exc, StorageError):
            raise _os_error(exc, path) from None
        raise
    if inside is not None:
        ensure_inside(inside, os.path.abspath(path))
    # O_NONBLOCK: should the file be swapped for a FIFO after the look above, opening it must
    # not hang; it is refused after fstat instead.  O_NOCTTY: a terminal never becomes ours.
    flags = (
        os.O_RDONLY
        | getattr(os, "O_NONBLOCK", 0)
        | getattr(os, "O_NOCTTY", 0)
        | getattr(os, "O_BINARY", 0)
    )
    try:
        fd = os.open(path, flags)
    except (FileNotFoundError, NotADirectoryError):
        code = "missing_link" if path.is_symlink() else "missing"
        raise StorageError.worded(code, "missing", path=path) from None
    except IsADirectoryError:
        raise StorageError.worded("directory", "directory", path=path) from None
    except OSError as exc:
        if exc.errno == errno_codes.ENXIO:  # a socket, or a device with nothing behind it
            raise StorageError.worded("special", "special", path=path) from None
        raise _os_error(exc, path) from None
    try:
        info = os.fstat(fd)
        _refuse_irregular(info, path)
        _refuse_size(info.st_size, max_size, path)
        chunks, total = [], 0
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            total += len(chunk)
            _refuse_size(total, max_size, path)  # it grew while we read it
        return b"".join(chunks), os.fstat(fd).st_mtime_ns
    except StorageError:
        raise
    except OSError as exc:
        raise _os_error(exc, path) from None
    finally:
        os.close(fd)


def _refuse_irregular(info: os.stat_result, path) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise StorageError.worded("directory", "directory", path=path)
    if _special(info):
        raise StorageError.worded("special", "special", path=path)


def _special(info: os.stat_result) -> bool:
    return not (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode))


def is_special_file(path: str | os.PathLike) -> bool:
    """True when ``path`` (links followed) is a FIFO, device or socket: never to be read.

    For readers outside Tsuzuri's own (the preview's web engine loading a post's images).
    """
    try:
        return _special(os.stat(path))
    except (OSError, ValueError):
        return False


def _refuse_size(size: int, max_size: int, path) -> None:
    if size > max_size:
        sizes = {"size": limits.describe_size(size), "limit": limits.describe_size(max_size)}
        raise StorageError.worded("too_large", "too_large", sizes, path=path)


def read_text_file(
    path: str | os.PathLike,
    max_size: int = limits.MAX_POST_BYTES,
    *,
    inside: str | os.PathLike | None = None,
) -> str:
    """A text file's contents through :func:`read_regular_file`, decoded as a post is.

    For the files around a post (includes, ``_config.yml``, other posts a link points at);
    refusals are :class:`StorageError`, with line and column for text that is not UTF-8.
    """
    return _decode(read_regular_file(path, max_size, inside=inside)[0], path)


def _decode(data: bytes, path) -> str:
    try:
        return decode_post(data)
    except PostReadError as exc:
        raise StorageError.worded(
            exc.code, "not_text", exc.params, path=path, line=exc.line, column=exc.column
        ) from None


def _link_count(path) -> int:
    try:
        return os.stat(path).st_nlink
    except OSError:
        return 1


def fingerprint_file(path: str | os.PathLike) -> tuple[Fingerprint, bytes] | None:
    """The fingerprint and bytes of the file at ``path`` now, or None when there is none."""
    try:
        data, mtime_ns = read_regular_file(path)
    except StorageError as exc:
        if exc.kind == "missing":
            return None
        raise
    return Fingerprint.of(data, mtime_ns), data


def _os_error(exc: OSError, path) -> StorageError:
    if isinstance(exc, PermissionError):
        return StorageError.worded("read_permission", "permission", errno=exc.errno, path=path)
    reason = {"reason": exc.strerror or str(exc)}
    return StorageError.worded("read_io", "io", reason, errno=exc.errno, path=path)


def ensure_inside(blog_root: str | os.PathLike, path: str | os.PathLike) -> Path:
    """``path`` resolved (symlinks followed), refusing anything that lands outside the blog.

    A relative ``path`` is taken from ``blog_root`` (as paths in the blog's files are).
    """
    root = Path(os.path.realpath(blog_root))
    resolved = Path(os.path.realpath(Path(blog_root, path)))
    if resolved != root and root not in resolved.parents:
        where = {"name": os.fspath(path), "root": os.fspath(root)}
        raise StorageError.worded("outside_blog", "outside_blog", where, path=path)
    return resolved


def is_inside(blog_root: str | os.PathLike, path: str | os.PathLike) -> bool:
    """True when ``path``'s real location (symlinks followed) is in the blog (see ensure_inside)."""
    try:
        ensure_inside(blog_root, path)
    except StorageError:
        return False
    return True


def describe_conflict(disk_text: str | None, mine_text: str, lang: str = "en") -> str:
    """A unified diff from the disk's version to the editor's, for the compare view, its
    headers and notes in ``lang``."""
    if disk_text is None:
        return words("diff_gone", lang) + "\n"
    diff = difflib.unified_diff(
        _diff_lines(disk_text),
        _diff_lines(mine_text),
        words("diff_on_disk", lang),
        words("diff_in_editor", lang),
    )
    shown = "".join(diff)
    if not shown and disk_text != mine_text:
        return words("diff_line_endings", lang) + "\n"
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
