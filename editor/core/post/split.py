"""Lossless split of a post file into its parts, and the checks done when reading bytes.

A post's text is always exactly ``bom + opening + front_matter + closing + body``; nothing is
normalised, so joining the parts gives back the file's bytes.  Every editing function elsewhere
works on these parts and changes only the lines it means to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from editor.core.files import limits
from editor.core.files.words import words
from editor.core.post.errors import PositionedError

BOM = "\ufeff"

# The opening delimiter must be the very first line; the closing one is "---" or "..." alone on a
# line (Jekyll accepts trailing spaces on both).
_OPENING = re.compile(r"---[ \t]*(\r\n|\n|\r)")
# A line starts after any of the three endings: "^" in MULTILINE mode knows only "\n", which
# would leave a file with old Mac "\r" endings without its front matter.
_CLOSING = re.compile(r"(?:\A|(?<=\n)|(?<=\r))(?:---|\.\.\.)[ \t]*(?:\r\n|\n|\r|\Z)")


class PostReadError(PositionedError):
    """The bytes are not a text post Tsuzuri can edit without losing anything.

    ``line`` and ``column`` are 1-based and point at the first offending byte, when known;
    ``code`` and ``params`` name the message in :data:`editor.core.files.words.WORDS`.
    """

    def __init__(self, code: str, line: int | None = None, column: int | None = None, **params):
        super().__init__(words(code, **params), line, column)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class PostSource:
    """A post's text in five parts that concatenate to the original text."""

    bom: str = ""
    opening: str = ""
    front_matter: str = ""
    closing: str = ""
    body: str = ""

    @property
    def has_front_matter(self) -> bool:
        """True when the file starts with a ``---`` block (Jekyll only renders such files)."""
        return bool(self.opening)

    @property
    def newline(self) -> str:
        """The line ending the file mostly uses ("\\n" when it has none)."""
        return dominant_newline(self.text)

    @property
    def text(self) -> str:
        """The whole text, identical to what was split."""
        return self.bom + self.opening + self.front_matter + self.closing + self.body

    @property
    def body_line_offset(self) -> int:
        """How many lines come before the body in the file (0 without front matter)."""
        head = self.opening + self.front_matter + self.closing
        return len(re.findall(r"\r\n|\n|\r", head))

    def with_front_matter(self, front_matter: str) -> PostSource:
        """A copy with new front-matter text; adds delimiters if the post had none."""
        if self.opening:
            return replace(self, front_matter=front_matter)
        nl = self.newline
        return replace(self, opening="---" + nl, front_matter=front_matter, closing="---" + nl)

    def with_body(self, body: str) -> PostSource:
        """A copy with a new body."""
        return replace(self, body=body)


def split_post(text: str) -> PostSource:
    """Split text into a :class:`PostSource`; text without a leading ``---`` line is all body."""
    bom = BOM if text.startswith(BOM) else ""
    rest = text[len(bom) :]
    opening = _OPENING.match(rest)
    if not opening:
        return PostSource(bom=bom, body=rest)
    after = rest[opening.end() :]
    closing = _CLOSING.search(after)
    if not closing:
        # An unterminated block is not front matter to Jekyll either: keep it all as body.
        return PostSource(bom=bom, body=rest)
    return PostSource(
        bom=bom,
        opening=opening.group(0),
        front_matter=after[: closing.start()],
        closing=closing.group(0),
        body=after[closing.end() :],
    )


def unclosed_front_matter(source: PostSource) -> bool:
    """True when the file's first line is ``---`` and no later line closes it.

    Jekyll's rule (``Utils.has_yaml_header?``): a first line of ``---`` opens front matter,
    whatever follows (keys, comments, quoted keys, a list); when no ``---`` or ``...`` line
    closes it (``Document::YAML_FRONT_MATTER_REGEXP`` fails), the post gets no front matter.
    :func:`split_post` keeps such a file as all body, and the doctor and ``tsuzuri set`` report
    it (at line 1, column 1) instead of adding a second front matter above it.
    """
    return not source.opening and bool(_OPENING.match(source.body))


def dominant_newline(text: str) -> str:
    """The most common line ending in ``text``: "\\r\\n", "\\r" or "\\n" (default)."""
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    cr = text.count("\r") - crlf
    best = max((lf, "\n"), (crlf, "\r\n"), (cr, "\r"), key=lambda item: item[0])
    return best[1] if best[0] else "\n"


def decode_post(data: bytes) -> str:
    """Decode a post's bytes as UTF-8, refusing binary data with a clear message.

    Raises :class:`PostReadError` naming the line and column of the first bad byte, or the
    encoding the file is in when it is another Unicode encoding (UTF-16).
    """
    if limits.encoding_refusal(data):
        raise PostReadError("utf16")
    nul = data.find(b"\x00")
    if nul != -1:
        line, column = _position(data, nul)
        raise PostReadError("nul_bytes", line, column)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _position(data, exc.start)
        raise PostReadError("not_utf8", line, column, byte=f"{data[exc.start]:02x}") from None


def _position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of a byte offset."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return line, column
