"""Safe YAML loading for front matter and ``_config.yml``: positions, limits, duplicate keys.

PyYAML's safe loader is used as the parser.  On top of it this module refuses alias bombs (the
node graph is measured with aliases expanded before anything is constructed, so a "billion
laughs" document is refused in microseconds), reports duplicate keys (Jekyll keeps the last one,
so do we, with a warning), turns impossible dates into strings the validator can name, and
words every error with a line and column counted in the whole file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from editor.core.post.errors import PositionedError
from editor.core.words import QT_TRANSLATE_NOOP, Phrase

# A front matter has tens of nodes; a generous cap on the nodes aliases add (a long front
# matter without aliases is no bomb, whatever its size) still stops exponential expansion.
MAX_EXPANDED_NODES = 100_000


_CYCLE = QT_TRANSLATE_NOOP("yaml", "An alias refers to the value that contains it (a cycle)")


class YamlLoadError(PositionedError):
    """YAML that cannot be read; ``line`` and ``column`` are 1-based in the whole file."""


@dataclass
class LoadResult:
    """What a YAML text holds: the top node (``None`` when empty), the value and warnings."""

    node: yaml.Node | None
    value: Any
    duplicates: list[tuple[str, int, int]] = field(default_factory=list)  # key, first, last line


if yaml.__with_libyaml__:
    from yaml._yaml import CParser

    class _Base(Composer, CParser, SafeConstructor, Resolver):
        """libyaml's scanner and parser (a 10 MB front matter in about a second instead of
        seven) under PyYAML's own composer: libyaml's composer recurses in C and crashes the
        process on 100,000 nested brackets, where Python's stops with a RecursionError."""

        def __init__(self, stream: str):
            CParser.__init__(self, stream)
            Composer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)

else:  # pragma: no cover - PyYAML built without libyaml
    _Base = yaml.SafeLoader


class _Loader(_Base):
    """SafeLoader that records duplicate mapping keys instead of silently dropping them."""

    def __init__(self, stream: str):
        super().__init__(stream)
        self.duplicates: list[tuple[str, int, int]] = []

    def construct_mapping(self, node, deep=False):
        seen: dict[Any, int] = {}
        for key_node, _value in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                key = key_node.value
                line = key_node.start_mark.line
                if key in seen:
                    self.duplicates.append((key, seen[key], line))
                seen.setdefault(key, line)
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_timestamp(self, node):
        # "2025-13-45" matches YAML's timestamp pattern but is no date: keep the text so the
        # field validator can report it, as Jekyll reports it, instead of crashing here.
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return node.value


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


def _expanded_size(root: yaml.Node) -> int:
    """Number of nodes with every alias expanded; refuses cycles, and aliases adding more
    nodes than the cap."""
    sizes: dict[int, int] = {}
    in_progress: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if key in sizes:
            continue
        if isinstance(node, yaml.ScalarNode):
            sizes[key] = 1
            continue
        children = (
            [child for pair in node.value for child in pair]
            if isinstance(node, yaml.MappingNode)
            else list(node.value)
        )
        if children_done:
            in_progress.discard(key)
            total = 1 + sum(sizes[id(child)] for child in children)
            # The nodes under this one number at most len(sizes) + 1 without aliases.
            if total - len(sizes) - 1 > MAX_EXPANDED_NODES:
                message = QT_TRANSLATE_NOOP(
                    "yaml",
                    "Too many nodes once aliases are expanded (over {limit}); "
                    "refusing what looks like an alias bomb",
                )
                raise YamlLoadError(Phrase(message, limit=f"{MAX_EXPANDED_NODES:,}"))
            sizes[key] = total
            continue
        if key in in_progress:
            raise YamlLoadError(Phrase(_CYCLE))
        in_progress.add(key)
        stack.append((node, True))
        for child in children:
            if id(child) in in_progress:
                raise YamlLoadError(Phrase(_CYCLE))
            if id(child) not in sizes:
                stack.append((child, False))
    return sizes[id(root)]


# What YAML 1.1 (PyYAML's reader) accepts; anything else stops the reader.
_NOT_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


def _refuse_unprintable(text: str, first_line: int) -> None:
    """A control character anywhere is refused with its place (the reader's own error is two
    lines long and counts bytes in libyaml)."""
    found = _NOT_PRINTABLE.search(text)
    if found is None:
        return
    line = text.count("\n", 0, found.start())
    column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
    message = QT_TRANSLATE_NOOP("yaml", "YAML does not allow the control character {char}")
    char = f"U+{ord(found.group(0)):04X}"
    raise YamlLoadError(Phrase(message, char=char), line + first_line, column)


def load_yaml(text: str, first_line: int = 1) -> LoadResult:
    """Parse ``text`` safely; ``first_line`` is the file line number of its first line.

    Raises :class:`YamlLoadError` with the parser's message and position.
    """
    _refuse_unprintable(text, first_line)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return LoadResult(None, None)
        if "&" in text:  # no anchor, no alias: nothing to expand
            _expanded_size(node)
        value = loader.construct_document(node)
        return LoadResult(node, value, loader.duplicates)
    except yaml.MarkedYAMLError as exc:
        raise _marked_error(exc, text, first_line) from None
    except yaml.YAMLError as exc:
        message = QT_TRANSLATE_NOOP("yaml", "Not valid YAML: {error}")
        raise YamlLoadError(Phrase(message, error=str(exc))) from None
    except RecursionError:
        message = QT_TRANSLATE_NOOP("yaml", "The YAML is nested too deeply")
        raise YamlLoadError(Phrase(message)) from None
    finally:
        loader.dispose()


def _marked_error(exc: yaml.MarkedYAMLError, text: str, first_line: int) -> YamlLoadError:
    mark = exc.problem_mark or exc.context_mark
    parts = [p for p in (exc.context, exc.problem) if p]
    if not parts:
        message: str | Phrase = Phrase(QT_TRANSLATE_NOOP("yaml", "Not valid YAML"))
    else:
        message = "; ".join(parts)  # PyYAML's words, as a search finds them
        message = message[0].upper() + message[1:]
    if mark is None:
        return YamlLoadError(message)
    lines = text.splitlines()
    bad_line = lines[mark.line] if mark.line < len(lines) else ""
    if "\t" in bad_line[: len(bad_line) - len(bad_line.lstrip())] or re.search(
        r"character '\\t'", str(exc)
    ):
        tabs = QT_TRANSLATE_NOOP(
            "yaml", "{error} (YAML does not allow tabs for indentation; use spaces)"
        )
        message = Phrase(tabs, error=message)
    return YamlLoadError(message, mark.line + first_line, mark.column + 1)
