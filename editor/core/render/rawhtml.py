"""Raw block HTML as kramdown reads it: element by element, to the tag that closes the first.

kramdown does not look for the first tag's name alone: it parses the HTML inside
(``parse_raw_html``).  A closing tag that is not the innermost open element's is text
(``</div>`` inside an unclosed ``<p>`` is published as ``&lt;/div&gt;``), so an element left open
inside runs the block on to the end of the post, where kramdown closes everything still open.
Void elements (``<br>``), ``<x/>``, comments and ``<?...?>`` open nothing; ``script`` and
``style`` run to their own closing tag.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# kramdown's HTML_TAG_RE, HTML_TAG_CLOSE_RE, HTML_COMMENT_RE, HTML_INSTRUCTION_RE.
_NAME = r"[A-Za-z_:][\w:.-]*"
TAG_START = re.compile(
    rf"<({_NAME})\s*((?:\s+{_NAME}(?:\s*=\s*(?:\w+|(\"|').*?\3))?)*)\s*(/)?>", re.DOTALL
)
TAG_CLOSE = re.compile(rf"</({_NAME})\s*>")
_SKIPPED = {"<!--": "-->", "<?": "?>"}  # comments and processing instructions
_RAW_START = re.compile(rf"<(?={_NAME}|/|!--|\?)")
WITHOUT_BODY = frozenset(
    "area base br col command embed hr img input keygen link meta param source track wbr".split()
)


@dataclass
class Extent:
    """Where the first element of some HTML ends, and what kramdown makes of it."""

    end: int  # index just after the closing tag, or len(html) when it never closes
    stray: list[tuple[int, int]]  # closing tags that close nothing: written as text
    unclosed: list[str]  # elements still open at the end, innermost first


def extent(html: str, pos: int = 0, stop: int | None = None) -> Extent:
    """Read ``html[pos:stop]`` from its first tag as kramdown's raw HTML parser does."""
    stop = len(html) if stop is None else stop
    stack: list[str] = []
    stray: list[tuple[int, int]] = []
    ends: dict[str, int] = {}
    while True:
        found = _RAW_START.search(html, pos, stop)
        if found is None:
            return Extent(stop, stray, stack[::-1])
        pos = found.start()
        skipped = _skip(html, pos, stop, ends)
        if skipped is not None:
            pos = skipped
        elif (tag := TAG_START.match(html, pos, stop)) is not None:
            pos = tag.end()
            name = tag.group(1).lower()
            if name in ("script", "style"):
                closer = re.compile(rf"</{name}\s*>", re.IGNORECASE).search(html, pos, stop)
                pos = closer.end() if closer else stop
            elif not tag.group(4) and name not in WITHOUT_BODY:
                stack.append(name)
        elif (close := TAG_CLOSE.match(html, pos, stop)) is not None:
            if stack and stack[-1] == close.group(1).lower():
                stack.pop()
                if not stack:
                    return Extent(close.end(), stray, [])
            else:
                stray.append((close.start(), close.end()))
            pos = close.end()
        else:
            pos += 1
        if not stack:  # the first tag opened nothing that stays open (script, a void tag)
            return Extent(pos, stray, [])


def _skip(html: str, pos: int, stop: int, ends: dict[str, int]) -> int | None:
    """After the comment or ``<?...?>`` at ``pos``; None when there is none (or it never ends).

    Where each ending was last found is kept in ``ends``, so a thousand unclosed ``<!--`` do not
    each search to the end of the post.
    """
    for opener, closer in _SKIPPED.items():
        if html.startswith(opener, pos):
            known = ends.get(closer)
            if known is None or (0 <= known < pos + len(opener)):
                known = ends[closer] = html.find(closer, pos + len(opener), stop)
            return known + len(closer) if known >= 0 else None
    return None


def as_published(html: str) -> str:
    """The HTML with stray closing tags as text and open elements closed at the end."""
    found = extent(html)
    if not found.stray and not found.unclosed:
        return html
    out, last = [], 0
    for start, stop in found.stray:
        out += [html[last:start], html[start:stop].replace("<", "&lt;").replace(">", "&gt;")]
        last = stop
    out.append(html[last:])
    # kramdown closes what is still open right after the text, its last line break kept.
    return "".join(out) + "".join(f"</{name}>" for name in found.unclosed) + "\n"
