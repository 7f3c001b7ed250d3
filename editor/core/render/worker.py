"""The preview's renders in a worker process: the post's text kept there, edits sent in, patches
sent back.

:class:`RenderWorker` is the handler ``editor.ui.process_service.ProcessService`` runs.  The window
sends the post's text once (:meth:`RenderWorker.reset`), then only the edits the writer makes
(:meth:`RenderWorker.edit`), and the render context when it changes.  Each answer is a
:class:`Patch`: how the preview's list of blocks changes (one splice of keys), the HTML of the
blocks the preview does not have yet (the worker knows which keys it sent), how the lines of the
other blocks moved, the warnings, and the version of the text rendered.  An edit that does not
follow the worker's version gets :data:`NEED_TEXT`: the window sends the whole text again.

:class:`PreviewBlocks` is the preview's side of the same bookkeeping: applying the patches in
order, it holds every block's HTML, so the whole body can always be put together again (a page
reloaded, the simple preview, HTML that must be set in one piece).
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser

from editor.core.render.context import RenderContext
from editor.core.render.incremental import LINE_MARK, Block, IncrementalRenderer

NEED_TEXT = "need-text"
"""The answer to an edit the worker cannot apply: send the whole text (:meth:`reset`)."""

Edit = tuple[int, int, int, str, int]
"""``(version, start, removed, added, length)``: ``text[start:start + removed]`` (code points)
became ``added``, making version ``version`` of ``length`` code points."""


@dataclass(frozen=True)
class Patch:
    """How the preview's blocks change from the last patch to this render.

    The new list of keys is the old one with ``old[start:start + remove]`` replaced by the keys
    of ``insert`` (``(key, line)`` each).  ``html`` holds ``key: (template, whole_only)`` for the
    keys the preview does not hold yet: the block's HTML with its line left out (``LINE_MARK``)
    and whether a browser could parse it differently on its own than inside the whole body (an
    unclosed tag).  ``shifts`` are ``(first, stop, delta)`` over the new list: the blocks at those
    places kept their HTML but moved ``delta`` lines.  ``fresh``: drop everything held before (the
    worker started again, or the whole text came).
    """

    version: int
    start: int
    remove: int
    insert: tuple[tuple[str, int | None], ...]
    html: dict[str, tuple[str, bool]]
    shifts: tuple[tuple[int, int, int], ...] = ()
    warnings: tuple = ()
    fresh: bool = False
    stats: dict = field(default_factory=dict)


def block_html(template: str, line: int | None) -> str:
    """A block's HTML from its template and its line (the inverse of ``Block.template``)."""
    return template if line is None else template.replace(LINE_MARK, f'"{line}"', 1)


class RenderWorker:
    """Keeps one post's text and last render in the worker process (see the module's notes)."""

    def __init__(self) -> None:
        self._renderer = IncrementalRenderer()
        self._text: str | None = None
        self._version = -1
        self._context = RenderContext()
        self._blocks: tuple[Block, ...] = ()
        self.report = lambda value: None

    def reset(self, version: int, text: str, context: RenderContext | None = None) -> Patch:
        """Render ``text`` (version ``version``) from scratch; the preview gets every block."""
        self._text, self._version = text, version
        if context is not None:
            self._context = context
        self._blocks = ()
        return self._render(fresh=True)

    def edit(self, edits: tuple[Edit, ...], context: RenderContext | None = None) -> Patch | str:
        """Apply the edits in order and render; :data:`NEED_TEXT` when they do not follow the
        text held here (another process's text, a lost edit) or do not fit it."""
        if self._text is None:
            return NEED_TEXT
        text, version = self._text, self._version
        for number, start, removed, added, length in edits:
            if number != version + 1 or start < 0 or removed < 0 or start + removed > len(text):
                return NEED_TEXT
            text = text[:start] + added + text[start + removed :]
            if len(text) != length:
                return NEED_TEXT
            version = number
        self._text, self._version = text, version
        if context is not None:
            self._context = context
        return self._render(fresh=False)

    def _render(self, fresh: bool) -> Patch:
        # After the render, Python work only for the blocks that changed: the kept ones are
        # compared as whole runs (in C, the same objects when the renderer reused them), so a
        # keystroke in a 10,000-block post costs no loop over every block here.
        got = time.time()
        began = time.perf_counter()
        rendered = self._renderer.render(self._text, self._context)
        rendered_ms = (time.perf_counter() - began) * 1000
        old, new = self._blocks, rendered.blocks
        limit = min(len(old), len(new))
        prefix = _same_run(lambda a, b: old[a:b] == new[a:b], limit)
        while prefix < limit and old[prefix].key == new[prefix].key:
            prefix += 1  # kept blocks whose line moved
        limit -= prefix
        suffix = _same_run(
            lambda a, b: old[len(old) - b : len(old) - a] == new[len(new) - b : len(new) - a], limit
        )
        while suffix < limit and old[-1 - suffix].key == new[-1 - suffix].key:
            suffix += 1
        stop = len(new) - suffix
        # A key the preview holds and the new render places in the changed range was in the
        # old changed range (keys are unique per render): it moved, its HTML is not sent.
        held = {block.key for block in old[prefix : len(old) - suffix]}
        html = {}
        for block in new[prefix:stop]:
            if block.key not in held:
                template = block.template
                html[block.key] = (template, not parses_alone(template))
        self._blocks = new
        return Patch(
            version=self._version,
            start=prefix,
            remove=len(old) - prefix - suffix,
            insert=tuple((block.key, block.line) for block in new[prefix:stop]),
            html=html,
            shifts=_shifts(old, new, prefix, stop),
            warnings=tuple(rendered.result.warnings),
            fresh=fresh,
            stats={
                "render_ms": rendered_ms,
                "patch_ms": (time.perf_counter() - began) * 1000 - rendered_ms,
                "full": rendered.full,
                "reused": rendered.reused,
                "blocks": len(new),
                # Wall-clock times (``time.time()``, the same clock in every process) for the
                # benchmark's timeline of a keystroke: render began, patch ready to send.
                "got_at": got,
                "done_at": time.time(),
            },
        )


def _same_run(same, limit: int) -> int:
    """The largest ``m <= limit`` such that the runs up to ``m`` are the same, where
    ``same(a, b)`` compares the runs from ``a`` to ``b``: a binary search that compares each
    block once at most (in C: the same objects when the renderer reused them)."""
    low, high = 0, limit  # the runs up to low are the same; the answer is at most high
    while low < high:
        middle = (low + high + 1) // 2
        if same(low, middle):
            low = middle
        else:
            high = middle - 1
    return low


def _shifts(old, new, prefix, stop) -> tuple[tuple[int, int, int], ...]:
    """Runs of kept blocks (before ``prefix``, from ``stop`` on in ``new``) whose line moved by
    the same amount."""
    runs: list[list[int]] = []
    for first, end, offset in ((0, prefix, 0), (stop, len(new), len(old) - len(new))):
        if old[first + offset : end + offset] == new[first:end]:
            continue  # nothing moved (typing within a line): compared in C
        for index in range(first, end):
            was, now = old[index + offset].line, new[index].line
            delta = 0 if was is None or now is None else now - was
            if not delta:
                continue
            if runs and runs[-1][1] == index and runs[-1][2] == delta:
                runs[-1][1] = index + 1
            else:
                runs.append([index, index + 1, delta])
    return tuple(tuple(run) for run in runs)


# -- whether a block parses the same on its own as inside the whole body ---------------------

_VOID = frozenset(
    "area base br col embed hr img input link meta source track wbr param keygen frame".split()
)
_FOREIGN = frozenset({"svg", "math"})
# Elements whose content the HTML parser reads by rules of its own (raw text, templates, forms
# and the like): a block holding one is set in one piece with the body, to be safe.
_SPECIAL = frozenset(
    "textarea title plaintext xmp noscript noembed noframes iframe template select "
    "form frameset".split()
)


class _Balance(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.broken = False

    def handle_starttag(self, tag, attrs) -> None:
        if tag in _SPECIAL:
            self.broken = True
        elif tag not in _VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs) -> None:
        # <x/> closes itself only inside SVG or MathML; in HTML it opens x.
        if tag in _SPECIAL or not (tag in _VOID or any(t in _FOREIGN for t in self.stack)):
            self.broken = True

    def handle_endtag(self, tag) -> None:
        if tag in _VOID or not self.stack or self.stack[-1] != tag:
            self.broken = True
        else:
            self.stack.pop()


def parses_alone(html: str) -> bool:
    """True when every tag of ``html`` is closed in order and nothing is left open (no comment,
    no raw text): then a browser builds the same nodes from it alone as from it inside a longer
    body.  Anything else (an unclosed ``<div>`` or ``<b>`` of raw HTML, a stray end tag) may
    reach into the blocks around it."""
    if "<" not in html:
        return True
    parser = _Balance()
    parser.feed(html)
    # What the parser holds back is markup it has not seen the end of (a comment, a tag).
    return not (parser.broken or parser.stack or "<" in parser.rawdata)


class PreviewBlocks:
    """The preview's copy of the blocks, kept by applying each :class:`Patch` in order."""

    def __init__(self) -> None:
        self.keys: list[str] = []
        self.lines: list[int | None] = []
        self.templates: dict[str, str] = {}
        self.whole_only: set[str] = set()
        """Keys of blocks that must be set with the whole body (see :func:`parses_alone`)."""

    def apply(self, patch: Patch) -> bool:
        """Take in a patch; False (and nothing changed) when it does not fit what is held."""
        start, remove = (0, len(self.keys)) if patch.fresh else (patch.start, patch.remove)
        if start + remove > len(self.keys):
            return False
        inserted = {key for key, _line in patch.insert}
        if any(key not in patch.html and key not in self.templates for key in inserted):
            return False
        gone = set(self.keys[start : start + remove]) - inserted
        for key in gone:
            self.templates.pop(key, None)
            self.whole_only.discard(key)
        for key, (template, whole_only) in patch.html.items():
            self.templates[key] = template
            if whole_only:
                self.whole_only.add(key)
            else:
                self.whole_only.discard(key)
        self.keys[start : start + remove] = [key for key, _line in patch.insert]
        self.lines[start : start + remove] = [line for _key, line in patch.insert]
        lines = self.lines
        for first, stop, delta in patch.shifts:
            for index in range(first, stop):
                if lines[index] is not None:
                    lines[index] += delta
        return True

    def units(self) -> PageUnits:
        """The page's units (see :class:`PageUnits`): the blocks, with each stretch that
        must be parsed in one piece joined.  Work in the joined stretches, not the blocks."""
        keys, lines, templates = self.keys, self.lines, self.templates
        unit_keys: list[str] = []
        unit_lines: list[int | None] = []
        html: dict[str, str] = {}
        done = 0
        for first, stop in _joined_runs(self):
            unit_keys += keys[done:first]
            unit_lines += lines[done:first]
            joined = "".join(
                block_html(templates[key], line)
                for key, line in zip(keys[first:stop], lines[first:stop], strict=True)
            )
            digest = hashlib.blake2b((keys[first] + joined).encode(), digest_size=12)
            key = "joined-" + digest.hexdigest()
            unit_keys.append(key)
            unit_lines.append(None)
            html[key] = joined
            done = stop
        unit_keys += keys[done:]
        unit_lines += lines[done:]
        return PageUnits(tuple(unit_keys), tuple(unit_lines), html, templates)

    def html(self) -> str:
        """The whole body's HTML."""
        templates = self.templates
        return "".join(
            block_html(templates[key], line)
            for key, line in zip(self.keys, self.lines, strict=True)
        )

    def everything(self, version: int) -> Patch:
        """A fresh patch holding every block (to build a page that holds nothing yet)."""
        return Patch(
            version=version,
            start=0,
            remove=0,
            insert=tuple(zip(self.keys, self.lines, strict=True)),
            html={key: (self.templates[key], key in self.whole_only) for key in self.keys},
            fresh=True,
        )


@dataclass(frozen=True)
class PageUnits:
    """The blocks as the page holds them when some block does not parse alone: such a block
    and the blocks after it, up to where the run parses alone (an unclosed ``<div>`` to its
    ``</div>``), are one unit, set in one piece; every other block is a unit of its own.

    ``keys`` and ``lines`` per unit; ``joined`` holds the joined runs' HTML (lines filled in,
    so their ``line`` is None and their key is made from that HTML); the other units' HTML is
    their block's template in ``templates``."""

    keys: tuple[str, ...]
    lines: tuple[int | None, ...]
    joined: dict[str, str]
    templates: dict[str, str]

    def patch(self, old: PageUnits | None, version: int) -> Patch:
        """What the page does to go from ``old`` (None: it holds nothing) to these units: the
        units kept at both ends stay on the page, only the changed stretch is sent."""
        if old is None:
            old = PageUnits((), (), {}, {})
            fresh = True
        else:
            fresh = False
        limit = min(len(old.keys), len(self.keys))
        prefix = _same_run(lambda a, b: old.keys[a:b] == self.keys[a:b], limit)
        limit -= prefix
        n, m = len(old.keys), len(self.keys)
        suffix = _same_run(lambda a, b: old.keys[n - b : n - a] == self.keys[m - b : m - a], limit)
        stop = m - suffix
        held = set(old.keys[prefix : n - suffix])
        shifts = []
        for first, end, offset in ((0, prefix, 0), (stop, m, n - m)):
            if old.lines[first + offset : end + offset] == self.lines[first:end]:
                continue  # nothing moved (typing within a line): compared in C
            for index in range(first, end):
                was, now = old.lines[index + offset], self.lines[index]
                if was is not None and now is not None and was != now:
                    if shifts and shifts[-1][1] == index and shifts[-1][2] == now - was:
                        shifts[-1][1] = index + 1
                    else:
                        shifts.append([index, index + 1, now - was])
        return Patch(
            version=version,
            start=prefix,
            remove=n - prefix - suffix,
            insert=tuple(zip(self.keys[prefix:stop], self.lines[prefix:stop], strict=True)),
            html={
                key: (self.joined[key] if key in self.joined else self.templates[key], False)
                for key in self.keys[prefix:stop]
                if key not in held
            },
            shifts=tuple(tuple(run) for run in shifts),
            fresh=fresh,
        )


def _joined_runs(blocks: PreviewBlocks) -> list[tuple[int, int]]:
    """``(first, stop)`` of each run of blocks that the page must parse in one piece."""
    keys, templates = blocks.keys, blocks.templates
    runs: list[tuple[int, int]] = []
    for first in sorted(keys.index(key) for key in blocks.whole_only):
        if runs and first < runs[-1][1]:
            continue  # inside the run before
        parser = _Balance()
        stop = first
        while stop < len(keys):
            parser.feed(block_html(templates[keys[stop]], blocks.lines[stop]))
            stop += 1
            if not (parser.broken or parser.stack or "<" in parser.rawdata):
                break
        runs.append((first, stop))
    return runs


class RenderWorkers:
    """The handler of the window's one render process: a :class:`RenderWorker` per open post,
    each call naming its post."""

    def __init__(self) -> None:
        self._posts: dict[int, RenderWorker] = {}
        self.report = lambda value: None

    def reset(
        self, post: int, version: int, text: str, context: RenderContext | None = None
    ) -> Patch:
        """:meth:`RenderWorker.reset` for ``post``."""
        return self._posts.setdefault(post, RenderWorker()).reset(version, text, context)

    def edit(
        self, post: int, edits: tuple[Edit, ...], context: RenderContext | None = None
    ) -> Patch | str:
        """:meth:`RenderWorker.edit` for ``post`` (:data:`NEED_TEXT` for a post not held)."""
        worker = self._posts.get(post)
        return NEED_TEXT if worker is None else worker.edit(edits, context)

    def forget(self, post: int) -> None:
        """The post's tab closed."""
        self._posts.pop(post, None)
