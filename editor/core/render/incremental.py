"""Render a body again after an edit, reusing what did not change.

:class:`IncrementalRenderer` keeps the last render of one post: per top-level block its key and
HTML.  Its result is always the same HTML as :func:`editor.core.render.render_body` on the same
text (a property test holds it to that); what it adds is the blocks' keys, so the preview can
patch only the blocks that changed.

A block's key names its HTML apart from its source line (the line moves when text above it is
edited; the preview is told the new lines separately), with a count for repeats so keys are
unique within one render.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from editor.core.render import _shared_renderer
from editor.core.render.context import RenderContext, RenderResult

_LINE_ATTR = re.compile(r' data-source-line="(\d+)"')
LINE_MARK = "\x00line\x00"
"""Stands for the block's source line in :attr:`Block.template`."""


@dataclass(frozen=True)
class Block:
    """One top-level block of the preview: ``key`` unique within a render, ``line`` its first
    body line (None for parts with no source, such as the footnotes at the end), ``html`` as
    the full render writes it."""

    key: str
    line: int | None
    html: str

    @property
    def template(self) -> str:
        """The HTML with its own source line left out (what the key names)."""
        return _template(self.html, self.line)


@dataclass(frozen=True)
class Rendered:
    """One render: the result :func:`render_body` gives, its blocks, and how it was made."""

    result: RenderResult
    blocks: tuple[Block, ...]
    reused: int = 0
    """How many blocks were taken from the previous render unchanged."""
    full: bool = True
    """True when the whole body was rendered again (the first render, or an edit to something
    the whole post depends on)."""
    reason: str = ""
    """Why the whole body was rendered again (for benchmarks and the developer)."""
    stats: dict = field(default_factory=dict)


def _template(html: str, line: int | None) -> str:
    if line is None:
        return html
    return html.replace(f' data-source-line="{line}"', f" data-source-line={LINE_MARK}", 1)


def block_keys(templates: list[str]) -> list[str]:
    """A unique key per template: a hash of it, with ``~n`` for its n-th repeat."""
    seen: dict[str, int] = {}
    keys = []
    for template in templates:
        digest = hashlib.blake2b(template.encode("utf-8"), digest_size=8).hexdigest()
        count = seen.get(digest, 0)
        seen[digest] = count + 1
        keys.append(digest if count == 0 else f"{digest}~{count}")
    return keys


class IncrementalRenderer:
    """The renders of one post, each reusing the last where it can (not thread-safe: one per
    post, called from one thread or process at a time)."""

    def __init__(self) -> None:
        self._last: Rendered | None = None
        self._last_text: str | None = None
        self._last_context: RenderContext | None = None

    def render(self, text: str, context: RenderContext) -> Rendered:
        """The body's HTML as :func:`render_body` gives it, cut into keyed blocks."""
        result, parts = _shared_renderer().render_parts(text, context)
        templates = [_template(html, line) for line, html in parts]
        keys = block_keys(templates)
        blocks = tuple(
            Block(key, line, html) for key, (line, html) in zip(keys, parts, strict=True)
        )
        rendered = Rendered(result, blocks, reused=0, full=True, reason="first render")
        self._last, self._last_text, self._last_context = rendered, text, context
        return rendered

    def forget(self) -> None:
        """Drop the last render (the next is a full one)."""
        self._last = self._last_text = self._last_context = None
