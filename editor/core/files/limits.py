"""Limits and warnings for files being opened: what to refuse outright, what to point out.

A real post is a few tens of kilobytes.  A file far larger is almost always a mistake (a log, a
dump, an export) and editing it would make typing slow, so Tsuzuri warns above
:data:`WARN_POST_BYTES` and refuses above :data:`MAX_POST_BYTES` rather than freeze.  Other
oddities that are kept as they are but worth knowing become :class:`Notice` objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from editor.core.files.words import words

MB = 1024 * 1024

# Above this, the post opens with a warning that editing may be slow.
WARN_POST_BYTES = 50 * MB
# Above this, the file is refused: loading it would take the whole memory of a small laptop
# (the bytes, the decoded text and the editor's own copy).
MAX_POST_BYTES = 256 * MB


def describe_size(size: int) -> str:
    """A size for people: "812 bytes", "3.4 KB", "52.0 MB"."""
    if size < 1024:
        return f"{size} bytes"
    if size < MB:
        return f"{size / 1024:.1f} KB"
    return f"{size / MB:.1f} MB"


def size_warning(size: int, warn_at: int = WARN_POST_BYTES) -> str | None:
    """The warning to show for a post of ``size`` bytes, or None when it is an ordinary size."""
    if size <= warn_at:
        return None
    return words("large_file", size=describe_size(size))


def size_refusal(size: int, max_size: int = MAX_POST_BYTES) -> str | None:
    """The reason to refuse a file of ``size`` bytes, or None when it may be opened."""
    if size <= max_size:
        return None
    return words("too_large", size=describe_size(size), limit=describe_size(max_size))


def encoding_refusal(data: bytes) -> str | None:
    """Why bytes in a known non-UTF-8 Unicode encoding cannot be opened, or None."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Windows editors save "Unicode" as UTF-16; its NUL bytes would otherwise read as binary.
        return words("utf16")
    return None


@dataclass(frozen=True)
class Notice:
    """Something the writer should know about a file that was still opened: a code and words."""

    code: str
    params: dict = field(default_factory=dict)

    @property
    def message(self) -> str:
        return self.message_in("en")

    def message_in(self, lang: str = "en") -> str:
        """The notice in ``lang`` ("en" or "ja")."""
        return words(self.code, lang, **self.params)


def notices(text: str, size: int, link_count: int = 1) -> tuple[Notice, ...]:
    """What to point out about a post that opened: its size, hard links, mixed line endings."""
    found = []
    if size_warning(size):
        found.append(Notice("large_file", {"size": describe_size(size)}))
    if link_count > 1:
        found.append(Notice("hard_link"))
    crlf = text.count("\r\n")
    if 0 < crlf < text.count("\n"):
        found.append(Notice("mixed_newlines"))
    return tuple(found)
