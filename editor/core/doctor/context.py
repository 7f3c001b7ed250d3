"""Everything the rules share about one post, computed once per :func:`diagnose` call."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from editor.core.doctor.config import DoctorConfig
from editor.core.doctor.model import Finding, Fix
from editor.core.doctor.similarity import Match, find_matches
from editor.core.doctor.text import (
    PROSE_KINDS,
    Block,
    LineIndex,
    iter_lines,
    masked_blocks,
    normalize,
    scan_blocks,
    split_sentences,
)
from editor.core.post.split import split_post
from editor.core.words import Phrase

_KEY = re.compile(r"([A-Za-z_][\w.-]*)[ \t]*:(?:[ \t]+|$)")
_BLOCK_SCALAR = re.compile(r"[|>][+-]?\d?[+-]?")


@dataclass(frozen=True)
class Field:
    """A top-level front-matter key with the span of its (unquoted) value on its line."""

    key: str
    line_start: int
    line_end: int
    value: str
    value_start: int
    value_end: int


@dataclass(frozen=True)
class Unit:
    """A sentence (or heading, list item) of prose, with its comparison key."""

    start: int
    end: int
    key: str
    block: int
    raw: str = ""  # the key before links and code were blanked


class Context:
    """The post split once: front matter fields, body blocks, sentences and their repeats."""

    def __init__(
        self, text: str, config: DoctorConfig, blog_root: Path | None, path: Path | None = None
    ):
        self.text = text
        self.config = config
        self.blog_root = blog_root
        self.path = Path(path) if path is not None else None
        self.source = split_post(text)
        self.fm_start = len(self.source.bom) + len(self.source.opening)
        self.fm_end = self.fm_start + len(self.source.front_matter)
        self.body_start = len(text) - len(self.source.body)
        self.newline = self.source.newline
        self.lines = LineIndex(text)
        self.blocks: list[Block] = scan_blocks(text, self.body_start, config.markers)

    def finding(
        self,
        rule: str,
        code: str,
        severity: str,
        start: int,
        end: int,
        wording: Phrase,
        fix: Fix | None = None,
        related: tuple[tuple[int, int], ...] = (),
        **params,
    ) -> Finding:
        """A :class:`Finding` with its line and column worked out from ``start``; ``wording`` is
        its message, ``params`` the numbers and names the window may word it from."""
        line, column = self.lines.position(start)
        return Finding(
            rule,
            code,
            severity,
            line,
            column,
            start,
            end,
            wording,
            fix,
            related,
            params,
        )

    @cached_property
    def fields(self) -> list[Field]:
        """Top-level front-matter keys in file order.

        A value is the rest of the key's line (unquoted), or for a block scalar (``|``, ``>-``)
        the indented lines under it, joined by spaces.
        """
        out: list[Field] = []
        lines = list(iter_lines(self.text[: self.fm_end], self.fm_start))
        for i, (ls, le, _) in enumerate(lines):
            m = _KEY.match(self.text, ls, le)
            if not m:
                continue
            vs, ve = m.end(), le
            while ve > vs and self.text[ve - 1] in " \t":
                ve -= 1
            if ve - vs >= 2 and self.text[vs] in "\"'" and self.text[ve - 1] == self.text[vs]:
                vs, ve = vs + 1, ve - 1
            value = self.text[vs:ve]
            if _BLOCK_SCALAR.fullmatch(value):
                body = []
                for j in range(i + 1, len(lines)):  # no slice: many block scalars stay linear
                    bs, be, _ = lines[j]
                    if self.text[bs:be].strip() and self.text[bs] not in " \t":
                        break
                    body.append((bs, be))
                content = [(bs, be) for bs, be in body if self.text[bs:be].strip()]
                if content:
                    vs, ve = content[0][0], content[-1][1]
                    value = " ".join(self.text[bs:be].strip() for bs, be in content)
                    le = ve
            out.append(Field(m.group(1), ls, le, value, vs, ve))
        return out

    def field(self, key: str) -> Field | None:
        """The first front-matter field named ``key``, if any."""
        return self._first_fields.get(key)

    @cached_property
    def _first_fields(self) -> dict[str, Field]:
        out: dict[str, Field] = {}
        for f in self.fields:
            out.setdefault(f.key, f)
        return out

    @cached_property
    def _field_starts(self) -> list[int]:
        return [f.line_start for f in self.fields]

    def field_at(self, offset: int) -> Field | None:
        """The front-matter field whose lines hold ``offset``, if any."""
        i = bisect_right(self._field_starts, offset) - 1
        if i >= 0 and offset <= self.fields[i].line_end:
            return self.fields[i]
        return None

    @cached_property
    def units(self) -> list[Unit]:
        """Prose sentences, headings and list items of the body, in order."""
        out = []
        # Link texts are left out of the keys; only blocks with a link need masking again (one
        # that is nothing but links has no prose left at all).
        linked = [b for b in self.blocks if self.text.find("[", b.content_start, b.end) != -1]
        keys = {id(b): "" for b in linked}
        keys.update((id(b), prose) for b, _, prose in masked_blocks(self.text, linked, False))
        for index, block in enumerate(self.blocks):
            if block.kind not in PROSE_KINDS:
                continue
            if block.kind == "paragraph":
                spans = split_sentences(self.text, block.content_start, block.end)
            else:
                spans = [(block.content_start, block.end)]
            prose = keys[id(block)] if id(block) in keys else self.prose_of(block)
            for s, e in spans:
                # Only prose outside links counts, so "see [x](y)" lines do not all look alike.
                key = normalize(prose[s - block.content_start : e - block.content_start])
                out.append(Unit(s, e, key, index, normalize(self.text[s:e])))
        return out

    @cached_property
    def matches(self) -> list[Match]:
        """Units that repeat an earlier unit, exactly or nearly."""
        # Lists and headings are often near copies of each other by design ("使う方法" x 5).
        near = [self.blocks[u.block].kind == "paragraph" for u in self.units]
        # Sentences are compared whole (code and links included: "`a.html`を編集します" and
        # "`b.html`を編集します" differ), but only when their prose alone is long enough.
        return find_matches(
            [u.raw for u in self.units],
            self.config.min_repeat_length,
            self.config.similarity_threshold,
            near,
            [len(u.key) for u in self.units],
        )

    @cached_property
    def masked_prose(self) -> list[tuple[Block, int, str]]:
        """(block, offset, text) for prose blocks, all but prose blanked so offsets line up.

        Built from :func:`text.prose_spans`, the one definition of prose every prose rule reads.
        """
        return masked_blocks(self.text, self.blocks)

    @cached_property
    def _masked_by_block(self) -> dict[int, str]:
        return {id(block): masked for block, _, masked in self.masked_prose}

    def prose_of(self, block: Block) -> str:
        """The masked text of ``block`` from its ``content_start`` (all blank if it has no prose)."""
        masked = self._masked_by_block.get(id(block))
        if masked is None:
            return re.sub(r"[^\r\n]", " ", self.text[block.content_start : block.end])
        return masked

    @cached_property
    def sentences(self) -> list[tuple[int, int, str]]:
        """(start, end, masked text) of sentences in paragraphs (not lists, quotes, headings)."""
        out = []
        for block, offset, masked in self.masked_prose:
            if block.kind != "paragraph":
                continue
            for s, e in split_sentences(self.text, block.content_start, block.end):
                out.append((s, e, masked[s - offset : e - offset]))
        return out

    def prose_blocks(self, kinds: tuple[str, ...] = ("paragraph",)) -> list[Block]:
        """Blocks of the given kinds."""
        return [b for b in self.blocks if b.kind in kinds]
