"""kramdown inline attribute lists (``{: #id .class key="value" ref}``) and applying them."""

from __future__ import annotations

import re
from collections.abc import Mapping

from markdown_it.token import Token

_PART = re.compile(
    r"""([#.])([^\s#.="']+)|([\w:-]+)=(?:"((?:\\.|[^"])*)"|'((?:\\.|[^'])*)')|([\w-]+)"""
)


def parse_ial(text: str) -> dict:
    """The parts of an attribute list: ``id``, ``classes``, other ``attrs`` and ``refs``.

    As kramdown's ``parse_attribute_list`` reads it, left to right: each ``.name`` adds a class
    (a repeated one too), and ``class="..."`` replaces the classes written before it, in this
    list and in the lists before it on the same element (``reset``).
    """
    result: dict = {"id": None, "classes": [], "attrs": {}, "refs": [], "reset": False}
    for found in _PART.finditer(text):
        if found.group(1) == "#":
            result["id"] = found.group(2)
        elif found.group(1) == ".":
            result["classes"].append(found.group(2))
        elif found.group(3) == "class":
            value = found.group(4) if found.group(4) is not None else found.group(5)
            result["classes"] = (value or "").split()
            result["reset"] = True
        elif found.group(3):
            value = found.group(4) if found.group(4) is not None else found.group(5)
            result["attrs"][found.group(3)] = value or ""
        elif found.group(6):
            result["refs"].append(found.group(6))
    return result


# kramdown follows references with no limit and stops with "stack level too deep".
MAX_REFERENCE_DEPTH = 100


class DefinitionLoop(ValueError):
    """``{:a: b}`` and ``{:b: a}``: attribute list definitions that never end."""


def resolve(ial: dict, definitions: Mapping[str, dict], _path: tuple[str, ...] = ()) -> dict:
    """An attribute list with its references to ``{:name: ...}`` definitions expanded.

    Raises :class:`DefinitionLoop` for a cycle or a chain deeper than kramdown survives.
    """
    merged: dict = {"id": None, "classes": [], "attrs": {}, "refs": [], "reset": ial.get("reset")}
    for ref in ial["refs"]:
        if ref in definitions:
            if ref in _path or len(_path) >= MAX_REFERENCE_DEPTH:
                raise DefinitionLoop(" → ".join((*_path[-3:], ref)))
            inner = resolve(definitions[ref], definitions, (*_path, ref))
            merged["id"] = inner["id"] or merged["id"]
            merged["classes"] += inner["classes"]
            merged["attrs"].update(inner["attrs"])
        else:
            merged["refs"].append(ref)
    merged["id"] = ial["id"] or merged["id"]
    merged["classes"] += ial["classes"]
    merged["attrs"].update(ial["attrs"])
    return merged


def resolve_or_warn(ial: dict, definitions: Mapping[str, dict], env: dict) -> dict:
    """:func:`resolve`, or the list without its definitions and a warning in ``env``."""
    try:
        return resolve(ial, definitions)
    except DefinitionLoop as loop:
        env.setdefault("warnings", []).append(
            f"The attribute list definitions {loop} never end: kramdown stops with "
            "'stack level too deep' and Jekyll fails the build"
        )
        return resolve(ial, {})


def apply(token: Token, ial: dict) -> None:
    """Set an attribute list's id, classes and attributes on an opening token."""
    applier = Applier()
    applier.apply(token, ial)
    applier.finish()


class Applier:
    """Applies many attribute lists; each token's classes are joined once, in ``finish``.

    Classes are appended in order, repeats kept, after those the element already has; a list
    with ``class="..."`` starts the element's classes over (kramdown reads the lists under a
    block into one set of attributes, left to right). A
    paragraph may have 100,000 ``{: .x}`` lines under it: re-reading and re-joining its class
    string for each one was quadratic.
    """

    def __init__(self) -> None:
        self._classes: dict[int, tuple[Token, list[str]]] = {}

    def apply(self, token: Token, ial: dict) -> None:
        """Set the id and attributes now; remember the classes, in order."""
        if ial["id"]:
            token.attrSet("id", ial["id"])
        for name, value in ial["attrs"].items():
            token.attrSet(name, value)
        if ial.get("reset"):
            self._classes.pop(id(token), None)
            token.attrSet("class", "")
        if not ial["classes"]:
            return
        entry = self._classes.get(id(token))
        if entry is None:
            entry = (token, str(token.attrGet("class") or "").split())
            self._classes[id(token)] = entry
            token.attrSet("class", "")  # takes its place among the attributes now
        entry[1].extend(ial["classes"])

    def finish(self) -> None:
        """Write every token's classes."""
        for token, names in self._classes.values():
            token.attrSet("class", " ".join(names))
        self._classes.clear()
