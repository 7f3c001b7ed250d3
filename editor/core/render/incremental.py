"""Render a body again after an edit, reusing what did not change.

:class:`IncrementalRenderer` keeps the last render of one post: per top-level block its key and
HTML.  Its result is always the same HTML as :func:`editor.core.render.render_body` on the same
text (a property test holds it to that); what it adds is the blocks' keys, so the preview can
patch only the blocks that changed.

A block's key names its HTML apart from its source line (the line moves when text above it is
edited; the preview is told the new lines separately), with a count for repeats so keys are
unique within one render.

How an edit is rendered, step by step (each step keeps what the next needs):

1. Liquid: the body is cut into the text between Liquid constructs and the constructs
   (``liquid/segments.py``); an edit inside such text that brings no Liquid changes Liquid's
   output by the same edit.  Otherwise Liquid runs over the whole body again.
2. The two kramdown passes over lines (short-indented lists, lazy quotes) run from a saved
   state before the edit until their state is the one saved at the same line before.
3. markdown-it's block rules run on the whole new source from the start of a top-level block
   before the edit, in a loop of our own that stops at the first block start after the edit that
   was a block start before (from there on the text is the same, so the parse is too).  The
   core rules run on the new tokens alone, with what the whole post defines (references,
   footnotes, abbreviations, attribute lists, the heading ids before) taken from the last
   render.  The new blocks are rendered and put in place of the old ones.

The whole body is rendered again when the edit touches something the whole post depends on
(``Rendered.reason`` says which): a definition, a footnote reference, a heading whose id
another heading repeats or that a ``{:toc}`` lists, a line that opens or closes something
read to its end far below (a fence, ``{::…}``/``{:/}``, raw HTML, ``$$``), the context.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from itertools import chain

from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.rules_core.normalize import NULL_RE

from editor.core.render import _shared_renderer
from editor.core.render.blocks import has_marker_lines, mark_definitions, placed_indices
from editor.core.render.context import RenderContext, RenderResult
from editor.core.render.ids import BasicHeadingIds, HeadingIds
from editor.core.render.liquid import segments
from editor.core.render.nesting import ListNesting
from editor.core.render.quotes import LazyQuotes
from editor.core.render.renderer import _date_warnings, top_level_groups, with_newlines
from editor.core.render.tree import heading_ids

LINE_MARK = "\x00line\x00"
"""Stands for the block's source line in :attr:`Block.template`."""

# Why a render was a full one (``Rendered.reason``).
FIRST = "first render"
CONTEXT = "context"
DEFINITIONS = "definitions"
FOOTNOTES = "footnotes"
HEADINGS = "headings"
TOC = "toc"
BOUNDARY = "boundary"
LIQUID = "liquid"
WARNINGS = "warnings"
FAILED = "failed"

# What a rule may read far past its own block: a fence's closer, a comment's or extension's
# end, an HTML element's closing tag, math's closing ``$$``.  An edit whose lines hold one
# may change how a block far above reads, so the whole body is parsed again.
_BOUNDARY = re.compile(r"```|~~~|-->|\{::|\{:/|\$\$")
# Blocks that may take in lines after a blank line (an indented line continues them).
_ABSORBING = frozenset(
    (
        "bullet_list_open",
        "ordered_list_open",
        "dl_open",
        "code_block",
        "footnote_reference_open",
        "blockquote_open",
    )
)
# Neighbours the core rules join: two lists in a row are one list in kramdown.
_JOINED = frozenset((("bullet_list_close", "bullet_list_open"), ("dl_close", "dl_open")))
# Core rules the steps above stand in for, or that need the whole post.
_OWN_RULES = frozenset(("normalize", "definition_lines", "block"))
_WHOLE_POST_RULES = frozenset(("footnote_tail", "toc"))


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


def _digest(template: str) -> str:
    return hashlib.blake2b(template.encode("utf-8"), digest_size=8).hexdigest()


def block_keys(templates: list[str]) -> list[str]:
    """A unique key per template: a hash of it, with ``~n`` for its n-th repeat."""
    seen: dict[str, int] = {}
    keys = []
    for template in templates:
        digest = _digest(template)
        count = seen.get(digest, 0)
        seen[digest] = count + 1
        keys.append(digest if count == 0 else f"{digest}~{count}")
    return keys


class _Fallback(Exception):
    """The edit touches something the whole post depends on: render it all."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class _Watched(dict):
    """A dict of the post's definitions that notes when a rule defines (or looks up, for
    references, whose rule asks before it defines) an entry."""

    touched = False
    asks = False

    def __setitem__(self, key, value) -> None:
        self.touched = True
        super().__setitem__(key, value)

    def __contains__(self, key) -> bool:
        if self.asks:
            self.touched = True
        return super().__contains__(key)


def _watched(items: dict, asks: bool = False) -> _Watched:
    made = _Watched(items)
    made.asks = asks
    return made


@dataclass(frozen=True, slots=True)
class _Unit:
    """What one call of the block rules at the top level made (one block, or several for raw
    HTML with Markdown inside, or none for a definition); lines are relative to its start."""

    length: int
    first: str
    last: str
    parts: tuple  # ((relative line or None, template, key), ...)
    blocks: tuple  # ((relative start, relative end), ...)
    defines: str  # its source text when it defines something (else "")
    notes: tuple  # the labels of the footnotes it refers to, in order
    headings: tuple  # ((basic ids?, base id), ...)
    toc: bool
    liquid: tuple  # indices of the Liquid blocks it shows


@dataclass
class _Passes:
    """The line passes' output and their saved states (before line ``lines[i]``, which starts
    at ``liquid_at[i]`` in the Liquid output and ``source_at[i]`` in the source)."""

    lines: list[int]
    liquid_at: list[int]
    source_at: list[int]
    states: list[tuple]


@dataclass
class _Kept:
    """The last render, as the next one needs it."""

    context: RenderContext
    raw: str
    pieces: segments.Pieces | None
    liquid_text: str
    liquid_blocks: list[str]
    liquid_warnings: list[str]
    date_warnings: list[str]
    passes: _Passes
    source: str
    arrays: tuple  # bMarks, eMarks, tShift, sCount, bsCount of the source
    starts: list[int]
    units: list[_Unit]
    unit_blocks: list[tuple]  # per unit: its Blocks at its current start
    unit_lines: list[tuple]  # per unit: its (start, end) source blocks at its current start
    tail: tuple  # the Blocks after the last unit (the footnotes)
    keys: set
    references: dict
    abbreviations: dict
    footnote_refs: dict
    footnote_list: dict
    ial_definitions: dict
    has_toc: bool
    warned: bool
    notes_at_end: bool
    markers: bool  # whether a line of the source could be a definition
    notes: tuple | None = None  # the footnotes' parts, when a note can be rendered alone
    html: str = ""
    sizes: list | None = None  # per unit: the length of its HTML (None: not known)


def _passes_line(nesting: ListNesting, quotes: LazyQuotes, line: str) -> str:
    """One line as markdown-it's block rules read it: nested lists moved, lazy quotes marked,
    then markdown-it's normalization and the definition marks."""
    line = quotes.line(nesting.line(line))
    if "\0" in line:
        line = NULL_RE.sub("\ufffd", line)
    return mark_definitions(line)


# A state is saved after every so many blank lines: an edit runs the passes from the one
# before it to the one after it, and an edit shifts few saved states.
_SAVE_EVERY = 24


def _passes_full(text: str) -> tuple[str, _Passes]:
    nesting, quotes = ListNesting(), LazyQuotes()
    passes = _Passes([0], [0], [0], [(nesting.state, quotes.state)])
    out = []
    liquid_at = source_at = blanks = 0
    for index, line in enumerate(text.split("\n")):
        made = _passes_line(nesting, quotes, line)
        out.append(made)
        liquid_at += len(line) + 1
        source_at += len(made) + 1
        if not line.strip():
            blanks += 1
            if blanks % _SAVE_EVERY:
                continue
            passes.lines.append(index + 1)
            passes.liquid_at.append(liquid_at)
            passes.source_at.append(source_at)
            passes.states.append((nesting.state, quotes.state))
    return "\n".join(out), passes


# The texts are compared a chunk at a time: a slice of a 1 MB post is a copy of megabytes (four
# bytes a character once an emoji is in it), and fresh blocks that size cost page faults on
# every keystroke; chunks this size are reused by the allocator.
_CHUNK = 8192


def _common_prefix(a: str, b: str, at: int = 0) -> int:
    """The length of the longest common start of ``a`` and ``b``, known to be at least ``at``."""
    n = min(len(a), len(b))
    while at < n:
        end = min(at + _CHUNK, n)
        if not a.startswith(b[at:end], at):
            break
        at = end
    else:
        return n
    low, high = at, end  # a[:low] == b[:low], a[:high] != b[:high]
    while high - low > 1:
        middle = (low + high) // 2
        if a.startswith(b[low:middle], low):
            low = middle
        else:
            high = middle
    return low


def _common_suffix(a: str, b: str, limit: int, at: int = 0) -> int:
    """The length of the longest common end of ``a`` and ``b``, at most ``limit`` and known to
    be at least ``at`` (or ``limit``)."""
    la, lb = len(a), len(b)
    at = min(at, limit)  # a[la - at:] == b[lb - at:]
    while at < limit:
        step = min(_CHUNK, limit - at)
        if not a.endswith(b[lb - at - step : lb - at], 0, la - at):
            break
        at += step
    else:
        return limit
    low, high = at, at + step
    while high - low > 1:
        middle = (low + high) // 2
        if a.endswith(b[lb - middle : lb - low], 0, la - low):
            low = middle
        else:
            high = middle
    return low


def _diff(old: str, new: str, known: tuple[int, int] = (0, 0)) -> tuple[int, int]:
    """Common prefix and suffix lengths (not overlapping in either text); ``known``: lengths
    the caller knows they reach at least (the comparison starts there)."""
    prefix = _common_prefix(old, new, known[0])
    suffix = _common_suffix(old, new, min(len(old), len(new)) - prefix, known[1])
    return prefix, suffix


class IncrementalRenderer:
    """The renders of one post, each reusing the last where it can (not thread-safe: one per
    post, called from one thread or process at a time)."""

    def __init__(self) -> None:
        self._kept: _Kept | None = None

    def forget(self) -> None:
        """Drop the last render (the next is a full one)."""
        self._kept = None

    def render(self, text: str, context: RenderContext) -> Rendered:
        """The body's HTML as :func:`render_body` gives it, cut into keyed blocks."""
        kept = self._kept
        if kept is None:
            return self._full(text, context, FIRST)
        if context != kept.context:
            return self._full(text, context, CONTEXT)
        if kept.warned:
            return self._full(text, context, WARNINGS)
        try:
            return self._edit(kept, text, context)
        except _Fallback as fallback:
            return self._full(text, context, fallback.reason)
        except Exception as exc:  # noqa: BLE001 - a fault here must not cost the preview
            return self._full(text, context, f"{FAILED}: {type(exc).__name__}: {exc}")

    # --- the whole body ---------------------------------------------------------------------

    def _full(self, markdown: str, context: RenderContext, reason: str) -> Rendered:
        self._kept = None
        renderer = _shared_renderer()
        raw = with_newlines(markdown)
        try:
            pieces, liquid = _run_liquid(raw, context)
            return self._render_all(raw, context, pieces, liquid, reason)
        except Exception as exc:  # noqa: BLE001 - the plain render shows and warns what failed
            failure = f"{type(exc).__name__}: {exc}"
        self._kept = None
        result, parts = renderer.render_parts(markdown, context)
        templates = [_template(html, line) for line, html in parts]
        keys = block_keys(templates)
        blocks = tuple(
            Block(key, line, html) for key, (line, html) in zip(keys, parts, strict=True)
        )
        stats = {"failed": failure}  # Liquid or Markdown that cannot run, shown as a marker
        return Rendered(result, blocks, reused=0, full=True, reason=reason, stats=stats)

    def _render_all(self, raw, context, pieces, liquid, reason) -> Rendered:
        renderer = _shared_renderer()
        md = renderer._md
        liquid_text, liquid_blocks, liquid_warnings = liquid
        source, passes = _passes_full(liquid_text)
        env = _env(renderer, context, liquid_blocks, {}, {}, {}, {})
        core = StateCore(source, md, env)
        block_state = StateBlock(source, md, env, core.tokens)
        units, _found = _parse_region(block_state, 0, None)
        _run_core(core, None, None)
        starts = [unit[0] for unit in units]
        made, tail, notes_at_end = _made_units(core, units, env, starts, renderer)
        keys: set = set()
        made = [_with_keys(unit, keys) for unit in made]
        placed = [_placed(unit, start) for unit, start in zip(made, starts, strict=True)]
        footnotes = env["footnotes"]
        kept = _Kept(
            context=context,
            raw=raw,
            pieces=pieces,
            liquid_text=liquid_text,
            liquid_blocks=liquid_blocks,
            liquid_warnings=liquid_warnings,
            date_warnings=_date_warnings(context.page),
            passes=passes,
            source=source,
            arrays=(
                block_state.bMarks,
                block_state.eMarks,
                block_state.tShift,
                block_state.sCount,
                block_state.bsCount,
            ),
            starts=starts,
            units=made,
            unit_blocks=[blocks for blocks, _lines in placed],
            unit_lines=[lines for _blocks, lines in placed],
            tail=tuple(Block(_new_key(_digest(html), keys), None, html) for html, _ in tail),
            notes=_notes_kept(tail),
            keys=keys,
            references=dict(env["references"]),
            abbreviations=dict(env["abbreviations"]),
            footnote_refs=dict(footnotes.get("refs", {})),
            footnote_list=footnotes.get("list", {}),
            ial_definitions=dict(env.get("ial_definitions", {})),
            has_toc=any(unit.toc for unit in made),
            warned=bool(env.get("warnings")),
            notes_at_end=notes_at_end,
            markers=has_marker_lines(source),
        )
        kept.sizes = [sum(len(block.html) for block in blocks) for blocks, _lines in placed]
        self._kept = kept
        stats = {
            "liquid": "run",
            "rendered_blocks": sum(len(blocks) for blocks in kept.unit_blocks),
        }
        return _rendered(
            kept, env.get("warnings", []), reused=0, full=True, reason=reason, stats=stats
        )

    # --- an edit ----------------------------------------------------------------------------

    def _edit(self, kept: _Kept, markdown: str, context: RenderContext) -> Rendered:
        raw = with_newlines(markdown)
        stats: dict = {}
        pieces, liquid_text = kept.pieces, kept.liquid_text
        liquid_blocks, liquid_warnings = kept.liquid_blocks, kept.liquid_warnings
        dirty: set[int] = set()
        known = (0, 0)  # how far the Liquid output is known to be the same from either end
        if raw != kept.raw:
            prefix, suffix = _diff(kept.raw, raw)
            made = None
            if pieces is not None and not liquid_warnings:  # warnings say their lines
                made = _liquid_piece(
                    pieces,
                    prefix,
                    len(kept.raw) - suffix,
                    raw[prefix : len(raw) - suffix],
                    context,
                )
            if made is not None:
                pieces, added, stats["liquid"], index = made
                liquid_text = pieces.text()
                known = _known_in_output(kept.pieces, pieces, index, prefix, suffix, len(kept.raw))
                if added and added[1]:
                    first, blocks = added
                    liquid_blocks = list(liquid_blocks)
                    liquid_blocks[first : first + len(blocks)] = blocks
                    dirty.update(range(first, first + len(blocks)))
            else:
                stats["liquid"] = "run"
                pieces, (liquid_text, liquid_blocks, liquid_warnings) = _run_liquid(raw, context)
                old = kept.liquid_blocks
                for index in range(max(len(old), len(liquid_blocks))):
                    if index >= len(old) or index >= len(liquid_blocks):
                        dirty.add(index)
                    elif old[index] != liquid_blocks[index]:
                        dirty.add(index)
        new_kept = _Kept(**{**kept.__dict__})
        new_kept.raw, new_kept.pieces, new_kept.liquid_text = raw, pieces, liquid_text
        new_kept.liquid_blocks, new_kept.liquid_warnings = liquid_blocks, liquid_warnings
        if liquid_text != kept.liquid_text:
            source, passes, known = _passes_edit(kept, liquid_text, known)
        else:
            source, passes = kept.source, kept.passes
        new_kept.source, new_kept.passes = source, passes
        rendered_parts = self._reparse(kept, new_kept, dirty, stats, known)
        self._kept = new_kept
        return _rendered(new_kept, [], reused=-rendered_parts, full=False, reason="", stats=stats)

    def _reparse(self, kept: _Kept, new: _Kept, dirty: set[int], stats: dict, known) -> int:
        """Parse the changed lines of the source again and put their blocks in place; the
        number of blocks rendered (``known``: how far the source is known to be the same from
        either end)."""
        old_source, source = kept.source, new.source
        starts, units = kept.starts, kept.units
        dirty_units = (
            [i for i, unit in enumerate(units) if dirty.intersection(unit.liquid)] if dirty else []
        )
        if old_source == source and not dirty_units:
            stats["rendered_blocks"] = 0
            return 0
        b_marks = kept.arrays[0]
        old_lines = len(b_marks) - 1
        shift = len(source) - len(old_source)
        # The changed lines: [first, old_last) before, [first, new_last) now.
        if old_source != source:
            prefix, suffix = _diff(old_source, source, known)
            begin = source.rfind("\n", 0, prefix) + 1
            first = bisect_right(b_marks, begin) - 1  # the text up to begin is the old one
            cut = old_source.find("\n", len(old_source) - suffix)
            old_end = len(old_source) if cut < 0 else cut + 1
            if _BOUNDARY.search(old_source, begin, old_end) or _BOUNDARY.search(
                source, begin, old_end + shift
            ):
                raise _Fallback(BOUNDARY)
        else:
            first = starts[dirty_units[0]]
            begin = old_end = b_marks[first]
        if dirty_units:
            low = starts[dirty_units[0]]
            last = dirty_units[-1]
            high = starts[last] + units[last].length
            if low < first:
                first, begin = low, b_marks[low]
            old_end = max(old_end, b_marks_at(b_marks, high, len(old_source)))
        to_end = old_end >= len(old_source)
        new_end = len(source) if to_end else old_end + shift
        region = _line_arrays(source[begin:new_end])
        old_last = old_lines if to_end else first + old_source.count("\n", begin, old_end)
        new_last = first + len(region[0]) - 1
        moved = new_last - old_last
        arrays = []
        for index, (old, made) in enumerate(zip(kept.arrays, region, strict=True)):
            if index < 2:
                made = [x + begin for x in made]
            if to_end:
                arrays.append(old[:first] + made)
            elif index < 2:
                arrays.append(old[:first] + made[:-1] + [x + shift for x in old[old_last:]])
            else:
                arrays.append(old[:first] + made[:-1] + old[old_last:])

        # The first unit to parse again: the one the edit starts in (or after), and those
        # before it that lean on it.
        # A definition line (": ...") makes the paragraph before it a term, across one blank.
        new_stop = len(source) if to_end else old_end + shift
        new_markers = has_marker_lines(source, begin, new_stop)
        reach = 1 if new_markers or has_marker_lines(old_source, begin, old_end) else 0
        k = bisect_right(starts, first) - 1
        while k > 0:
            before, unit = units[k - 1], units[k]
            if (
                starts[k - 1] + before.length + reach >= starts[k]
                or (before.last, unit.first) in _JOINED
                or before.first in _ABSORBING
                or "ial" in (before.first, unit.first)
                # A definition shows nothing: an attribute list after it is the block's before.
                or "" in (before.first, unit.first)
            ):
                k -= 1
                continue
            break
        begin_line = starts[k] if k >= 0 else 0
        k = max(k, 0)

        renderer = _shared_renderer()
        md = renderer._md
        env = _env(
            renderer,
            new.context,
            new.liquid_blocks,
            _watched(kept.references, asks=True),
            _watched(kept.abbreviations),
            _watched(kept.footnote_refs),
            kept.footnote_list,
        )
        # Whether a line could be a definition: the old answer, unless the edit's lines tell.
        markers = new_markers
        if kept.markers and not markers:
            markers = not has_marker_lines(old_source, begin, old_end) or has_marker_lines(source)
        new.markers = markers
        env["deflist_markers"] = (source, markers)
        state = StateBlock.__new__(StateBlock)
        state.src, state.md, state.env, state.tokens = source, md, env, []
        state.bMarks, state.eMarks, state.tShift, state.sCount, state.bsCount = arrays
        state.blkIndent, state.line, state.lineMax, state.tight = 0, 0, len(arrays[0]) - 1, False
        state.ddIndent = state.listIndent = -1
        state.parentType, state.level, state.result = "root", 0, ""
        state._code_enabled = "code" in md.block.ruler.get_active_rules()

        def stop(line: int, made: list) -> int | None:
            """The old unit starting where the parse is now, when the rest reads as before."""
            if line < new_last:
                return None
            j = bisect_left(starts, line - moved)
            if j >= len(starts) or starts[j] != line - moved:
                return None
            if dirty_units and j <= dirty_units[-1]:
                return None
            if not kept.unit_blocks[j] and units[j].first not in ("ial", ""):
                # It shows nothing of its own: the unit before took it in (a list with another
                # bullet is the same list in kramdown), so it is parsed again with that one.
                return None
            first_type = units[j].first
            if made:
                before_first, before_last = made[-1][4], made[-1][5]
                if before_first == "ial" or (before_last, first_type) in _JOINED:
                    return None
            return None if first_type in ("ial", "") else j

        parsed, j = _parse_region(state, begin_line, stop)
        if j is None:
            j = len(units)
        old_region = units[k:j]
        old_defined = [unit.defines for unit in old_region if unit.defines]
        new_defined = [unit[3] for unit in parsed if unit[3]]
        notes_changed = _notes_changed(old_defined, new_defined) if kept.notes else None
        if notes_changed and (
            any(map(_INNER_DEFINITION.search, (*old_defined, *new_defined)))
            or any(source.count(f"[^{label}]:") > 1 for label in notes_changed)
        ):
            # Defined inside a note, for the whole post; or a note defined twice, where the
            # edited definition may not be the one shown.
            raise _Fallback(DEFINITIONS)
        if old_defined != new_defined and not notes_changed:
            raise _Fallback(DEFINITIONS)
        if kept.footnote_refs:
            old_stop = b_marks_at(
                b_marks, starts[j] if j < len(starts) else old_lines, len(old_source)
            )
            new_stop = b_marks_at(arrays[0], parsed[-1][1] if parsed else begin_line, len(source))
            start_at = b_marks_at(b_marks, begin_line, len(old_source))
            region_text = source[start_at:new_stop]
            old_text = old_source[start_at:old_stop]
            if "[^" in old_text or "[^" in region_text:
                if kept.notes_at_end or (
                    notes_changed and _references(old_text) != _references(region_text)
                ):
                    # A reference inside a note's text numbers notes and back links elsewhere.
                    raise _Fallback(FOOTNOTES)
                # Footnote numbers count on: the notes referred to here, with their references
                # so far (the others are not read).
                labels = set(_NOTE_REFERENCE.findall(region_text))
                counts = Counter(
                    label
                    for unit in units[:k]
                    if unit.notes
                    for label in unit.notes
                    if label in labels
                )
                listed = dict(kept.footnote_list)
                for label in labels:
                    number = kept.footnote_refs.get(":" + label, -1)
                    if number in listed:
                        listed[number] = {**listed[number], "count": counts[label]}
                env["footnotes"]["list"] = listed

        # Definitions parsed again reset their footnotes' numbers: they are as they were.
        env["footnotes"]["refs"].update(kept.footnote_refs)
        tokens = [token for unit in parsed for token in unit[2]]
        core = StateCore(_padded(source, arrays[0], begin_line, parsed), md, env)
        core.tokens = tokens
        ids, basic_ids = HeadingIds(), BasicHeadingIds()
        if any(token.type == "heading_open" for token in tokens):
            for unit in units[:k]:
                for basic, base in unit.headings:
                    if basic is not None:
                        (basic_ids if basic else ids).count(base)
        rewritten = (
            {
                number: note
                for number, note in kept.footnote_list.items()
                if note.get("label") in notes_changed
            }
            if notes_changed
            else {}
        )
        _run_core(core, (ids, basic_ids), kept.ial_definitions, rewritten)
        if env.get("warnings"):
            raise _Fallback(WARNINGS)
        region_starts = [unit[0] for unit in parsed]
        made, tail, _notes = _made_units(core, parsed, env, region_starts, renderer)
        notes = kept.notes
        if tail:
            if not rewritten or len(tail) != 1 or tail[0][1] is None:
                raise _Fallback(FOOTNOTES)
            opening, closing, texts, order = notes
            texts = {**texts, **dict(tail[0][1][2])}
            notes = (opening, closing, texts, order)
        old_notes = [label for unit in old_region for label in unit.notes]
        if old_notes != [label for unit in made for label in unit.notes]:
            raise _Fallback(FOOTNOTES)
        if any(unit.toc for unit in made) or any(unit.toc for unit in old_region):
            raise _Fallback(TOC)
        old_headings = Counter(h for unit in old_region for h in unit.headings)
        new_headings = Counter(h for unit in made for h in unit.headings)
        if old_headings or new_headings:
            if kept.has_toc:
                raise _Fallback(TOC)
            if old_headings != new_headings:
                differ = set((old_headings - new_headings) + (new_headings - old_headings))
                for unit in units[j:]:
                    if differ.intersection(unit.headings):
                        raise _Fallback(HEADINGS)

        # Put the new blocks in place of the old.
        keys = kept.keys  # the last render's: it is replaced by this one
        for blocks in kept.unit_blocks[k:j]:
            for block in blocks:
                keys.discard(block.key)
        made = [_with_keys(unit, keys) for unit in made]
        placed = [_placed(unit, start) for unit, start in zip(made, region_starts, strict=True)]
        after_blocks, after_lines = kept.unit_blocks[j:], kept.unit_lines[j:]
        after_starts = starts[j:]
        if moved:
            after_starts = [start + moved for start in after_starts]
            moved_placed = [
                _placed(unit, start, moved=True)
                for unit, start in zip(units[j:], after_starts, strict=True)
            ]
            after_blocks = [blocks for blocks, _lines in moved_placed]
            after_lines = [lines for _blocks, lines in moved_placed]
        new.starts = starts[:k] + region_starts + after_starts
        new.units = units[:k] + made + units[j:]
        new.unit_blocks = kept.unit_blocks[:k] + [b for b, _l in placed] + after_blocks
        new.unit_lines = kept.unit_lines[:k] + [lines for _b, lines in placed] + after_lines
        new.arrays = tuple(arrays)
        new.keys = keys
        # The body's HTML: the old one with the new blocks spliced in when no line moved and
        # it was ever asked for; else joined from the blocks when asked for.
        sizes = kept.sizes
        if moved or not kept.html or sizes is None:
            new.html, new.sizes = "", None
        else:
            made_sizes = [sum(len(block.html) for block in blocks) for blocks, _lines in placed]
            at = sum(sizes[:k])
            middle = "".join([block.html for blocks, _lines in placed for block in blocks])
            new.html = kept.html[:at] + middle + kept.html[at + sum(sizes[k:j]) :]
            new.sizes = sizes[:k] + made_sizes + sizes[j:]
        if notes is not kept.notes:
            opening, closing, texts, order = notes
            html = opening + "".join(texts[label] for label in order) + closing
            old_tail = kept.tail[0].html
            keys.discard(kept.tail[0].key)
            new.tail = (Block(_new_key(_digest(html), keys), None, html),)
            new.notes = notes
            if new.html:
                new.html = new.html[: len(new.html) - len(old_tail)] + html
        rendered = sum(len(unit.parts) for unit in made) + (notes is not kept.notes)
        stats.update(rendered_blocks=rendered, units=len(made), replaced_units=j - k)
        return rendered


def b_marks_at(b_marks: list[int], line: int, length: int) -> int:
    """Where ``line`` starts (the text's length past its last line)."""
    return b_marks[line] if line < len(b_marks) - 1 else length


def _line_arrays(text: str) -> tuple:
    """bMarks, eMarks, tShift, sCount, bsCount of ``text`` (with the closing extra line)."""
    state = StateBlock(text, _shared_renderer()._md, {}, [])
    return state.bMarks, state.eMarks, state.tShift, state.sCount, state.bsCount


def _padded(source: str, b_marks: list[int], begin: int, parsed: list) -> str:
    """A source with the lines the core rules read around the new blocks (the line before
    them, theirs, and the line after) at their own line numbers, and empty lines elsewhere."""
    first = max(begin - 1, 0)
    last = parsed[-1][1] + 1 if parsed else begin + 1
    start = b_marks_at(b_marks, first, len(source))
    end = b_marks_at(b_marks, last, len(source))
    return "\n" * first + source[start:end]


def _env(renderer, context, liquid_blocks, references, abbreviations, refs, footnotes) -> dict:
    env: dict = {"render_context": context, "liquid_blocks": liquid_blocks}
    env["render_fragment"] = lambda text, inline: renderer._fragment(text, inline, env)
    env["references"] = references if isinstance(references, _Watched) else _watched({}, True)
    env["abbreviations"] = abbreviations if isinstance(abbreviations, _Watched) else _watched({})
    env["footnotes"] = {
        "refs": refs if isinstance(refs, _Watched) else _watched({}),
        "list": footnotes,
    }
    return env


def _parse_region(state: StateBlock, line: int, stop) -> tuple[list, int | None]:
    """markdown-it's block loop at the top level from ``line``, one unit per rule call, until
    ``stop(line, units)`` names the old unit the parse has come back in step with."""
    rules = state.md.block.ruler.getRules("")
    end = state.lineMax
    env = state.env
    watched = (env["references"], env["abbreviations"], env["footnotes"]["refs"])
    made: list = []
    while line < end:
        state.line = line = state.skipEmptyLines(line)
        if line >= end:
            break
        found = stop(line, made) if stop is not None else None
        if found is not None:
            return made, found
        before = len(state.tokens)
        touched = [w.touched for w in watched]
        for w in watched:
            w.touched = False
        for rule in rules:
            if rule(state, line, end, False):
                break
        tokens = state.tokens[before:]
        defines = any(w.touched for w in watched) or not tokens
        defines = defines or any(
            t.type == "footnote_reference_open" or (t.type == "ial" and "define" in t.meta)
            for t in tokens
        )
        if defines:
            end_at = state.bMarks[state.line] if state.line < end else len(state.src)
            defines = state.src[state.bMarks[line] : end_at] or "\n"
        else:
            defines = ""
        for w, was in zip(watched, touched, strict=True):
            w.touched = w.touched or was
        first = tokens[0].type if tokens else ""
        last = tokens[-1].type if tokens else ""
        made.append((line, state.line, tokens, defines, first, last))
        line = state.line
        if line < end and state.isEmpty(line):
            line += 1
            state.line = line
    return made, None


def _run_core(core: StateCore, seeded_ids, ial_definitions, rewritten=None) -> None:
    """The core rules after the block rules, on ``core.tokens``; for a part of a post
    (``seeded_ids`` given) the heading ids continue the blocks before and the rules that need
    the whole post are left out (the footnotes at the end: only the ``rewritten`` ones)."""
    md = core.md
    for rule in md.core.ruler.__rules__:
        if not rule.enabled or rule.name in _OWN_RULES:
            continue
        if seeded_ids is not None:
            if rule.name == "footnote_tail":
                # The definitions taken out; of the notes at the end, only those rewritten.
                footnotes = core.env["footnotes"]
                kept_list, footnotes["list"] = footnotes["list"], rewritten or {}
                rule.fn(core)
                footnotes["list"] = kept_list
                continue
            if rule.name in _WHOLE_POST_RULES:
                continue
            if rule.name == "heading_ids":
                heading_ids(core, *seeded_ids)
                continue
            if rule.name == "block_attributes":
                core.env["ial_definitions"] = dict(ial_definitions)
        rule.fn(core)


def _notes_kept(tail: list) -> tuple | None:
    """The footnotes' parts as kept: (opening, closing, {label: HTML}, labels in order)."""
    if len(tail) != 1 or tail[0][1] is None:
        return None
    html, (opening, closing, notes) = tail[0]
    if opening + "".join(note for _label, note in notes) + closing != html:
        return None
    return opening, closing, dict(notes), [label for label, _note in notes]


_NOTE_LABEL = re.compile(r" {0,3}\[\^([^\]\n]+)\]:")
# Every reference a text may hold, also one inside another's brackets (``[^[^a]``).
_NOTE_REFERENCE = re.compile(r"(?=\[\^([^\]\s]+)\])")
# A definition on a later line of a note (an abbreviation, a link, attributes): the whole post's.
_INNER_DEFINITION = re.compile(r"\n[ \t>]*(?:\*\[|\[[^\]\n]*\]:|\{:[\w-]+:)")


def _notes_changed(old: list[str], new: list[str]) -> set[str] | None:
    """The labels of the footnotes whose definitions alone changed, or None when anything
    else defined changed too."""
    if len(old) != len(new):
        return None
    changed = set()
    for before, after in zip(old, new, strict=True):
        if before == after:
            continue
        label, again = _NOTE_LABEL.match(before), _NOTE_LABEL.match(after)
        if label is None or again is None or label.group(1) != again.group(1):
            return None
        changed.add(label.group(1))
    return changed


def _notes_apart(group, md, env) -> tuple | None:
    """The footnotes' HTML in parts: (opening, closing, [(label, one note's HTML), ...]); None
    when the parts do not make the whole."""
    render = md.renderer.render
    notes, i = [], 1
    while i < len(group) - 1:
        if group[i].type != "footnote_open":
            return None
        j, depth = i, 0
        while True:
            depth += group[j].nesting
            if depth == 0:
                break
            j += 1
        notes.append((group[i].meta.get("label"), render(group[i : j + 1], md.options, env)))
        i = j + 1
    return render(group[:1], md.options, env), render(group[-1:], md.options, env), notes


def _made_units(core, units, env, starts, renderer) -> tuple[list[_Unit], list, bool]:
    """The rendered units, the parts after them (the footnotes: their HTML and its parts, see
    ``_notes_apart``), and whether the footnotes refer to footnotes themselves."""
    md = renderer._md
    tokens = core.tokens
    parts: list[list] = [[] for _ in units]
    headings: list[list] = [[] for _ in units]
    notes: list[list] = [[] for _ in units]
    any_notes = bool(env["footnotes"]["refs"])
    notes_at_end = False
    tail: list[str] = []
    current = 0
    for start, end, closed in top_level_groups(tokens):
        group = tokens[start:end]
        head = group[0]
        if head.type == "footnote_block_open":
            tail.append((md.renderer.render(group, md.options, env), _notes_apart(group, md, env)))
            notes_at_end = notes_at_end or any(
                child.type == "footnote_ref"
                for token in group
                if token.type == "inline"
                for child in token.children or ()
            )
            continue
        if head.map:
            current = max(bisect_right(starts, head.map[0]) - 1, 0)
        line = head.attrGet("data-source-line") if closed else None
        line = int(line) if line is not None else None
        html = md.renderer.render(group, md.options, env)
        parts[current].append((line, html))
        for index, token in enumerate(group):
            if token.type == "heading_open":
                # A heading with an id of its own counts no automatic id, but a {:toc} lists it.
                headings[current].append(
                    token.meta["id_base"]
                    if "id_base" in (token.meta or {})
                    else (None, (token.tag, _inline_source(group, index)))
                )
            elif any_notes and token.type == "inline" and token.children:
                notes[current] += [
                    child.meta["label"] for child in token.children if child.type == "footnote_ref"
                ]
    lines: list[list] = [[] for _ in units]
    for entry in env.get("source_blocks", []):
        index = max(bisect_right(starts, entry[0]) - 1, 0)
        lines[index].append(entry)
    made = []
    for index, unit in enumerate(units):
        start, end, unit_tokens, defines, first, last = unit
        made.append(
            _Unit(
                length=end - start,
                first=first,
                last=last,
                parts=tuple(
                    (
                        None if line is None else line - start,
                        _template(html, line),
                        None,
                    )
                    for line, html in parts[index]
                ),
                blocks=tuple((a - start, b - start) for a, b in lines[index]),
                defines=defines,
                notes=tuple(notes[index]),
                headings=tuple(headings[index]),
                toc=any(
                    t.type == "ial" and "toc" in (t.meta.get("attrs") or {}).get("refs", ())
                    for t in unit_tokens
                ),
                liquid=tuple(_placed_in(unit_tokens)),
            )
        )
    return made, tail, notes_at_end


def _placed_in(tokens):
    """The numbers of the Liquid blocks a unit shows: its own, and those in its raw HTML and
    its code."""
    for token in tokens:
        if token.type == "liquid_block":
            yield token.meta["index"]
        elif token.type in ("html_block", "fence", "code_block"):
            yield from placed_indices(token.content)


def _inline_source(group, index: int) -> str:
    """The source of the heading that opens at ``group[index]``."""
    following = group[index + 1] if index + 1 < len(group) else None
    return following.content if following is not None and following.type == "inline" else ""


def _new_key(digest: str, keys: set) -> str:
    key, count = digest, 0
    while key in keys:
        count += 1
        key = f"{digest}~{count}"
    keys.add(key)
    return key


def _with_keys(unit: _Unit, keys: set) -> _Unit:
    parts = tuple(
        (line, template, _new_key(_digest(template), keys)) for line, template, _key in unit.parts
    )
    return _Unit(
        unit.length,
        unit.first,
        unit.last,
        parts,
        unit.blocks,
        unit.defines,
        unit.notes,
        unit.headings,
        unit.toc,
        unit.liquid,
    )


class _MovedBlock(Block):
    """A block reused on another line: its HTML is written when asked for (a new line above
    moves every block below it, and the preview asks only for the blocks it does not have).
    Made by ``_placed``: ``key``, ``line`` and ``_unplaced`` (the template) set directly."""

    @property
    def html(self) -> str:  # noqa: D102 - Block.html
        made = self.__dict__.get("_html")
        if made is None:
            made = self._unplaced.replace(LINE_MARK, f'"{self.line}"', 1)
            object.__setattr__(self, "_html", made)
        return made


class _JoinedResult(RenderResult):
    """A result whose HTML is joined from its blocks when asked for."""

    def __init__(self, blocks: tuple, lines: list, warnings: list, kept: _Kept) -> None:  # noqa: D107
        object.__setattr__(self, "blocks", lines)
        object.__setattr__(self, "warnings", warnings)
        object.__setattr__(self, "_parts", blocks)
        object.__setattr__(self, "_kept", kept)

    @property
    def html(self) -> str:  # noqa: D102 - RenderResult.html
        made = self.__dict__.get("_html")
        if made is None:
            made = "".join([block.html for block in self._parts])
            object.__setattr__(self, "_html", made)
            kept = self._kept
            if not kept.html:
                kept.html = made
                kept.sizes = [sum(len(b.html) for b in blocks) for blocks in kept.unit_blocks]
        return made


def _placed(unit: _Unit, start: int, moved: bool = False) -> tuple[tuple, tuple]:
    """The unit's Blocks and source blocks with its first line at ``start`` (``moved``: a
    unit reused on another line, its HTML written when asked for)."""
    blocks = []
    for line, template, key in unit.parts:
        if line is None:
            blocks.append(Block(key, None, template))
        elif moved:
            # Every block below a new line moves: made without the frozen class's checks.
            block = _new_block(_MovedBlock)
            block.__dict__.update(key=key, line=start + line, _unplaced=template)
            blocks.append(block)
        else:
            blocks.append(
                Block(key, start + line, template.replace(LINE_MARK, f'"{start + line}"', 1))
            )
    lines = tuple([(start + a, start + b) for a, b in unit.blocks])
    return tuple(blocks), lines


_new_block = object.__new__


def _rendered(kept: _Kept, env_warnings, reused: int, full: bool, reason: str, stats=None):
    blocks = tuple(chain(chain.from_iterable(kept.unit_blocks), kept.tail))
    if reused < 0:  # minus the blocks rendered: the others were reused
        reused += len(blocks)
    lines = list(chain.from_iterable(kept.unit_lines))
    warnings = list(kept.date_warnings) + list(kept.liquid_warnings) + list(env_warnings)
    if kept.html:
        result = RenderResult(kept.html, lines, warnings)
    else:
        result = _JoinedResult(blocks, lines, warnings, kept)
    return Rendered(result, blocks, reused=reused, full=full, reason=reason, stats=stats or {})


def _liquid_piece(pieces, start: int, old_end: int, new_text: str, context):
    """The pieces after an edit inside one piece, the Liquid blocks it added and how it was
    made ("kept": plain text, "piece": Liquid ran over that piece alone); None when Liquid
    must run over the whole body."""
    index = segments.piece_at(pieces, start, old_end)
    if index is None:
        return None
    source = segments.edited(pieces, index, start, old_end, new_text)
    if pieces.gaps[index] and not segments.has_liquid(source):
        return segments.replaced(pieces, index, source, source, True), None, "kept", index
    if not pieces.alone or not segments.runs_alone(source):
        return None
    output = _shared_renderer()._liquid(source, context)
    if output.warnings or segments.CUT in output.text:
        return None
    # Its blocks take the numbers a run over the whole body gives them (the numbers are text:
    # inside a code block they show), and no later block's number may change.
    before = sum(map(segments.placed_count, pieces.outputs[:index]))
    if len(output.blocks) != segments.placed_count(pieces.outputs[index]):
        return None
    text = segments.renumbered(output.text, before)
    made = segments.replaced(pieces, index, source, text, False)
    return made, (before, output.blocks), "piece", index


def _known_in_output(old, new, index: int, prefix: int, suffix: int, length: int):
    """How far the Liquid output after an edit inside piece ``index`` is known to be the old
    one from either end: the pieces around it printed the same; inside a plain piece, the text
    around the edit is its own output too (``prefix``, ``suffix``: the body's, of ``length``)."""
    before = sum(map(len, old.outputs[:index]))
    after = sum(map(len, old.outputs[index + 1 :])) + len(old.tail)
    if not (old.gaps[index] and new.gaps[index]):
        return before, after
    at = sum(map(len, old.sources[:index]))
    return before + prefix - at, after + at + len(old.sources[index]) - (length - suffix)


def _run_liquid(raw: str, context: RenderContext):
    """Liquid over the whole body: its pieces (None when it cannot be cut) and its output
    (text, blocks, warnings)."""
    renderer = _shared_renderer()
    if "{%" not in raw and "{{" not in raw:
        return segments.Pieces([raw], [raw], [True]), (raw, [], [])
    cut = segments.cut(raw)
    if cut is not None:
        sources, gaps = cut
        output = renderer._liquid(segments.CUT.join(sources) + segments.CUT, context)
        pieces = segments.read_output(sources, gaps, output.text)
        clean = pieces is not None and not any(
            segments.CUT in str(item) for item in (*output.warnings, *output.blocks)
        )
        if clean:
            return pieces, (pieces.text(), output.blocks, output.warnings)
    output = renderer._liquid(raw, context)
    return None, (output.text, output.blocks, output.warnings)


def _passes_edit(kept: _Kept, text: str, known=(0, 0)) -> tuple[str, _Passes, tuple]:
    """The source after the line passes, run from the saved state before the edit until the
    state is again one saved before, and how far it is known to be the old source from either
    end (``known``: the same for the text)."""
    old_text, old = kept.liquid_text, kept.passes
    prefix, suffix = _diff(old_text, text, known)
    m = bisect_right(old.liquid_at, prefix) - 1  # the last state saved on a line before
    nesting_state, quotes_state = old.states[m]
    nesting, quotes = ListNesting(nesting_state), LazyQuotes(quotes_state)
    shift = len(text) - len(old_text)
    edit_end = len(text) - suffix
    passes = _Passes(
        old.lines[: m + 1], old.liquid_at[: m + 1], old.source_at[: m + 1], old.states[: m + 1]
    )
    pos, line_number = old.liquid_at[m], old.lines[m]
    source_at = old.source_at[m]
    out = []
    synced = None
    blanks = 0
    while True:
        cut = text.find("\n", pos)
        line = text[pos:] if cut < 0 else text[pos:cut]
        made = _passes_line(nesting, quotes, line)
        out.append(made)
        if cut < 0:
            break
        pos, line_number = cut + 1, line_number + 1
        source_at += len(made) + 1
        if not line.strip():
            state = (nesting.state, quotes.state)
            if pos > edit_end:
                q = bisect_left(old.liquid_at, pos - shift)
                if (
                    q < len(old.liquid_at)
                    and old.liquid_at[q] == pos - shift
                    and old.states[q] == state
                ):
                    synced = q
                    break
            blanks += 1
            if blanks % _SAVE_EVERY:
                continue
            passes.lines.append(line_number)
            passes.liquid_at.append(pos)
            passes.source_at.append(source_at)
            passes.states.append(state)
    # Grown in place (one reference to it): the post is copied once, not once per part.
    source = kept.source[: old.source_at[m]]
    source += "\n".join(out)
    if synced is None:
        return source, passes, (old.source_at[m], 0)
    tail = len(kept.source) - old.source_at[synced]
    source += "\n"
    source += kept.source[old.source_at[synced] :]
    moved_lines = line_number - old.lines[synced]
    moved_source = len(source) - len(kept.source)
    passes.lines += [n + moved_lines for n in old.lines[synced:]]
    passes.liquid_at += [n + shift for n in old.liquid_at[synced:]]
    passes.source_at += [n + moved_source for n in old.source_at[synced:]]
    passes.states += old.states[synced:]
    return source, passes, (old.source_at[m], tail)


_REFERENCE = re.compile(r"(?=\[\^([^\]\n]*)\](?!:))")


def _references(text: str) -> list[str]:
    """The footnote references written in ``text``, in order (not the notes' own labels)."""
    return _REFERENCE.findall(text)
