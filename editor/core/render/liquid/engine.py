"""Liquid on python-liquid 2, with Jekyll's tags and filters and the preview's markers.

One :class:`JekyllEnvironment` is built on first use and never changed after; everything a
render needs (the blog, the markers, the warnings, the highlight blocks) lives in a
:class:`RunState` bound to the running thread for that render only.  Every tag and output node
is wrapped in a guard: whatever fails inside it (an unknown filter, a bad argument, a loop or
output past its limit, an include that cannot be read) is shown in place as a visible marker
with a warning naming it, and the rest of the post renders.
"""

from __future__ import annotations

import contextvars
import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from liquid import Environment, Mode
from liquid.ast import Node
from liquid.exceptions import LiquidError, LiquidInterrupt, StopRender
from liquid.tag import Tag
from liquid.token import TOKEN_COMMENT, TOKEN_CONTENT, TOKEN_EXPRESSION, TOKEN_ILLEGAL

from editor.core.render.context import RenderWarning
from editor.core.render.liquid.balance import (
    BLOCKS,
    MARKER_TAG,
    MAX_NESTING,
    unknown,
)

MAX_INCLUDE_DEPTH = 10
MAX_WARNINGS = 50
# Tags Liquid 4 (the Liquid of Jekyll 4) does not have: shown as unknown, as Jekyll refuses them.
NOT_IN_LIQUID_4 = ("render", "liquid", "doc", "#", "include")


@dataclass
class RunState:
    """One render's blog, output on the side and warnings."""

    context: Any  # editor.core.render.RenderContext
    markdownify: Callable[[str], str] = lambda text: text
    markers: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    blocks: list[str] = field(default_factory=list)
    include_depth: int = 0
    analysed_includes: set[tuple] = field(default_factory=set)
    includes: dict[tuple, Any] = field(default_factory=dict)  # (relative, name) -> template
    unknown_filters: set[str] = field(default_factory=set)
    source: str = ""  # the body's template, for the lines of warnings

    def warn(self, message: str) -> None:
        if len(self.warnings) < MAX_WARNINGS and message not in self.warnings:
            self.warnings.append(message)


_RUN: contextvars.ContextVar[RunState] = contextvars.ContextVar("tsuzuri_liquid_run")


def current() -> RunState:
    """The state of the render running on this thread."""
    return _RUN.get()


def run_with(state: RunState, work: Callable[[], Any]) -> Any:
    """Call ``work`` with ``state`` as the current render's state."""
    token = _RUN.set(state)
    try:
        return work()
    finally:
        _RUN.reset(token)


def raw_source(token) -> str:
    """The template text of a tag or output token, as written."""
    source, start = token.source, token.start_index
    if token.value.startswith("{{"):
        return token.value
    begin = source.rfind("{%", 0, start + 1)
    end = source.find("%}", start)
    return source[begin if begin >= 0 else start : end + 2 if end >= 0 else len(source)]


def line_of(token) -> int:
    return token.source.count("\n", 0, max(token.start_index, 0)) + 1


class GuardNode(Node):
    """A tag or output that shows a marker, never an exception, when it cannot render."""

    __slots__ = ("inner",)

    def __init__(self, inner: Node) -> None:
        super().__init__(inner.token)
        self.inner = inner
        self.blank = inner.blank

    def render_to_output(self, context, buffer) -> int:
        try:
            return self.inner.render(context, buffer)
        except (LiquidInterrupt, StopRender):
            raise
        except LiquidError as exc:
            why = exc.args[0] if exc.args else type(exc).__name__
        except RecursionError:
            why = "Nesting too deep"
        except Exception as exc:  # noqa: BLE001 - a tag that cannot render is shown, not raised
            why = f"{type(exc).__name__}: {exc}"
        raw = raw_source(self.token)
        message = RenderWarning("liquid-error", line=line_of(self.token), why=why, tag=raw)
        current().warn(message)
        return buffer.write(unknown(raw, message))

    def children(self, static_context, *, include_partials: bool = True) -> Iterable[Node]:
        return self.inner.children(static_context, include_partials=include_partials)

    def expressions(self):
        return self.inner.expressions()

    def template_scope(self):
        return self.inner.template_scope()

    def block_scope(self):
        return self.inner.block_scope()

    def partial_scope(self):
        return self.inner.partial_scope()


class _Guarded:
    """A registered tag whose nodes are wrapped in :class:`GuardNode`."""

    def __init__(self, tag: Tag) -> None:
        self.tag = tag
        self.name = tag.name
        self.block = tag.block

    def get_node(self, stream) -> Node:
        return GuardNode(self.tag.get_node(stream))

    def __getattr__(self, name: str):
        return getattr(self.tag, name)


class MarkerNode(Node):
    """A part of the template shown as a marker: from :mod:`balance`, or a tag nobody knows."""

    __slots__ = ("index", "raw")

    def __init__(self, token, index: int | None, raw: str = "") -> None:
        super().__init__(token)
        self.index, self.raw = index, raw
        self.blank = False

    def render_to_output(self, context, buffer) -> int:
        state = current()
        if self.index is not None:
            raw, why = state.markers[self.index]
        else:
            raw = self.raw
            why = RenderWarning("liquid-unknown-tag", line=line_of(self.token), tag=raw)
            state.warn(why)
        return buffer.write(unknown(raw, why))


class MarkerTag(Tag):
    """``{% tsuzuri_marker N %}``: the N-th marker of this render."""

    name = MARKER_TAG
    block = False

    def parse(self, stream) -> Node:
        token = stream.current
        index = None
        if stream.peek.kind == TOKEN_EXPRESSION:
            next(stream)
            index = int(stream.current.value.split()[0])
        return MarkerNode(token, index)


class UnknownTag(Tag):
    """A tag Liquid does not know: a marker in place, and a warning when it renders."""

    name = TOKEN_ILLEGAL
    block = False

    def parse(self, stream) -> Node:
        token = stream.current
        if stream.peek.kind == TOKEN_EXPRESSION:
            next(stream)
        return MarkerNode(token, None, raw_source(token))


class JekyllEnvironment(Environment):
    """Liquid as Jekyll 4 configures it: lax, undefined prints nothing, Jekyll's extensions."""

    block_nesting_limit = MAX_NESTING + 5
    context_depth_limit = 30
    loop_iteration_limit = 1_000_000
    local_namespace_limit = 20_000_000
    output_stream_limit = 64_000_000

    def add_tag(self, tag: type[Tag]) -> None:
        instance = tag(self)
        if tag.name in (TOKEN_CONTENT, TOKEN_COMMENT, TOKEN_ILLEGAL, MARKER_TAG):
            self.tags[tag.name] = instance
        else:
            self.tags[tag.name] = _Guarded(instance)  # type: ignore[assignment]

    def error(self, exc, msg=None, token=None) -> None:
        if not isinstance(exc, LiquidError):
            exc = exc(msg, token=token)
        if self.mode == Mode.STRICT:
            raise exc
        state = _RUN.get(None)
        if state is not None:
            state.warn(RenderWarning("liquid-parse", why=exc.args[0] if exc.args else exc))


class _Filters(dict):
    """The filter register; a filter nobody knows passes its value through, as Jekyll's
    Liquid does (``strict_filters`` off), with a warning naming it and its line."""

    def __missing__(self, name: str):
        return functools.partial(_unknown_filter, name)


def _unknown_filter(name: str, value, *args, **kwargs):
    state = current()
    if name in state.unknown_filters:
        return value
    state.unknown_filters.add(name)
    found = re.search(rf"\|\s*{re.escape(name)}\b", state.source)
    line = state.source.count("\n", 0, found.start()) + 1 if found else 1
    state.warn(RenderWarning("liquid-unknown-filter", line=line, name=name))
    return value


def build_environment(mode: Mode = Mode.LAX) -> JekyllEnvironment:
    """The environment with Liquid 4's tags and filters plus Jekyll's."""
    from editor.core.render.liquid import filters, tags

    env = JekyllEnvironment(tolerance=mode, strict_filters=True)
    env.filters = _Filters(env.filters)
    for name in NOT_IN_LIQUID_4:
        env.tags.pop(name, None)
    env.tags[TOKEN_ILLEGAL] = UnknownTag(env)
    env.tags[MARKER_TAG] = MarkerTag(env)
    for tag in tags.TAGS:
        env.add_tag(tag)
    for name, function in filters.FILTERS.items():
        env.add_filter(name, function)
    return env


@functools.lru_cache(maxsize=8192)
def readable(raw: str, name: str, block: str | None) -> str | None:
    """Liquid's parse error for one tag or output on its own, or None when it parses.

    A pure function of its arguments, so its answers are kept (the same tag in every render
    of a post is checked once).
    """
    if not name:
        source = raw
    elif name in BLOCKS:
        source = f"{raw}{{% end{name} %}}"
    elif block is not None:
        opener = "{% case x %}" if block == "case" else f"{{% {block} true %}}"
        source = f"{opener}{raw}{{% end{block} %}}"
    else:
        source = raw
    try:
        _strict()._parse(source)
    except LiquidError as exc:
        return str(exc.args[0]) if exc.args else type(exc).__name__
    except RecursionError:  # an expression nested thousands deep: Liquid gives up too
        return "Nesting too deep"
    return None


@functools.lru_cache(maxsize=1)
def _strict() -> JekyllEnvironment:
    """A strict twin of the environment, used only to check that one tag parses."""
    return build_environment(Mode.STRICT)


@functools.lru_cache(maxsize=1)
def environment() -> JekyllEnvironment:
    """The one lax environment every render uses; built on first use, never changed after."""
    return build_environment()


def compile_template(text: str):
    """``text`` made safe for Liquid (markers for what Liquid refuses), then parsed."""
    from editor.core.render.liquid.balance import balance

    env = environment()
    state = current()
    balanced = balance(text, lambda name: name in env.tags, readable, state.markers)
    for warning in balanced.warnings:
        state.warn(warning)
    if not state.source:
        state.source = balanced.template
    return env.from_string(balanced.template)
