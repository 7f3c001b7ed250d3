"""Everything the rules share about one post, computed once per :func:`diagnose` call."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from editor.core.doctor.config import DoctorConfig
from editor.core.doctor.model import Finding, Fix
from editor.core.doctor.similarity import Match, find_matches
from editor.core.doctor.text import (
    Block,
    LineIndex,
    iter_lines,
    mask_markup,
    normalize,
    scan_blocks,
    split_sentences,
)
from editor.core.post import split_post

_KEY = re.compile(r"([A-Za-z_][\w.-]*)[ \t]*:(?:[ \t]+|$)")
PROSE_KINDS = ("paragraph", "list", "quote", "heading")
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

    def __init__(self, text: str, config: DoctorConfig, blog_root: Path | None):
        self.text = text
        self.config = config
        self.blog_root = blog_root
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
        message_en: str,
        message_ja: str,
        fix: Fix | None = None,
        related: tuple[tuple[int, int], ...] = (),
        **params,
    ) -> Finding:
        """A :class:`Finding` with its line and column worked out from ``start``."""
        line, column = self.lines.position(start)
        return Finding(
            rule,
            code,
            severity,
            line,
            column,
            start,
            end,
            message_en,
            message_ja,
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
                for bs, be, _ in lines[i + 1 :]:
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
        return next((f for f in self.fields if f.key == key), None)

    @cached_property
    def units(self) -> list[Unit]:
        """Prose sentences, headings and list items of the body, in order."""
        out = []
        for index, block in enumerate(self.blocks):
            if block.kind not in PROSE_KINDS:
                continue
            if block.kind == "paragraph":
                spans = split_sentences(self.text, block.content_start, block.end)
            else:
                spans = [(block.content_start, block.end)]
            for s, e in spans:
                # Links, code and URLs are masked so "see [x](y)" lines do not all look alike.
                segment = self.text[s:e]
                out.append(Unit(s, e, normalize(mask_markup(segment)), index, normalize(segment)))
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
        """(block, offset, text) for prose blocks, markup blanked so offsets still line up."""
        return [
            (b, b.content_start, mask_markup(self.text[b.content_start : b.end]))
            for b in self.blocks
            if b.kind in PROSE_KINDS
        ]

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
