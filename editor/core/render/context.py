"""What a render depends on besides the Markdown text, and what it gives back."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from editor.core.words import say

_EMPTY: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True)
class RenderContext:
    """The blog and post a body belongs to: site config, front matter, paths, options."""

    site: Mapping[str, Any] = field(default_factory=lambda: _EMPTY)
    page: Mapping[str, Any] = field(default_factory=lambda: _EMPTY)
    blog_root: Path | None = None
    post_path: Path | None = None
    allow_remote: bool = False

    def __reduce__(self):
        # Sent to the preview's worker process: its mappings (read-only views) go as dicts.
        return (
            RenderContext,
            (dict(self.site), dict(self.page), self.blog_root, self.post_path, self.allow_remote),
        )


class RenderWarning(str):
    """A warning of one render: it reads as its English words, and carries a ``code`` and
    ``params`` with :meth:`message` for the Japanese (see ``render.words``)."""

    code: str
    params: dict[str, Any]

    def __new__(cls, code: str, **params: Any) -> RenderWarning:
        from editor.core.render.words import WORDS

        made = super().__new__(cls, say("render", WORDS[code], "en", **params))
        made.code, made.params = code, params
        return made

    def __reduce__(self):
        # Pickled (from the preview's worker process) as its code and params, not its words.
        return (_warning, (self.code, self.params))

    def message(self, lang: str = "en") -> str:
        """The warning in English or Japanese (``"ja"``)."""
        from editor.core.render.words import WORDS

        return say("render", WORDS[self.code], lang, **self.params)


def _warning(code: str, params: dict[str, Any]) -> RenderWarning:
    return RenderWarning(code, **params)


def warning_text(warning: str, lang: str = "en") -> str:
    """Any render warning in ``lang``; the Markdown side's plain warnings are English only."""
    return warning.message(lang) if isinstance(warning, RenderWarning) else str(warning)


@dataclass(frozen=True)
class RenderResult:
    """Body HTML as the preview shows it, the source lines of each top-level block, warnings.

    ``blocks`` holds ``(start_line, end_line)`` per top-level block, 0-based body lines, end
    exclusive, in document order (the same numbers as the blocks' ``data-source-line``).  The
    blocks inside a ``markdown="1"`` HTML element are listed too, after the element itself.
    ``warnings`` name Liquid the preview could not render (shown as markers in the HTML).
    """

    html: str
    blocks: list[tuple[int, int]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
