"""Size limits for posts: when to warn the writer and when to refuse a file outright.

A real post is a few tens of kilobytes.  A file far larger is almost always a mistake (a log, a
dump, an export) and editing it would make typing slow, so Tsuzuri warns above
:data:`WARN_POST_BYTES` and refuses above :data:`MAX_POST_BYTES` rather than freeze.
"""

from __future__ import annotations

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
    return (
        f"This post is very large ({describe_size(size)}); editing and the preview may be slow. "
        "Nothing is changed until you save."
    )


def size_refusal(size: int, max_size: int = MAX_POST_BYTES) -> str | None:
    """The reason to refuse a file of ``size`` bytes, or None when it may be opened."""
    if size <= max_size:
        return None
    return (
        f"The file is too large to open ({describe_size(size)}; the limit is "
        f"{describe_size(max_size)}). It is probably not a post."
    )
