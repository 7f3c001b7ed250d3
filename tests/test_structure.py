"""A structure a newcomer can follow: the window is wiring, its parts are controllers that are
handed their collaborators."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EDITOR = ROOT / "editor"

pytestmark = pytest.mark.core


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _all_modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(EDITOR.rglob("*.py"))}


# -- the window and its controllers -------------------------------------------------------------


def test_the_main_window_mixes_nothing_in():
    """MainWindow is a QMainWindow and nothing else: its parts are controllers it holds."""
    tree = _tree(EDITOR / "ui" / "main_window.py")
    (window,) = [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "MainWindow"]
    assert [ast.unparse(base) for base in window.bases] == ["QMainWindow"]
    mixins = [
        f"{path.name}: {node.name}"
        for path in (EDITOR / "ui").glob("*.py")
        for node in ast.walk(_tree(path))
        if isinstance(node, ast.ClassDef) and node.name.endswith("Mixin")
    ]
    assert mixins == []


def _own_private_names(tree: ast.Module) -> set[str]:
    """Private names a module defines itself: its functions, methods and ``self._x`` fields."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            names.add(node.attr)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
    return {name for name in names if name.startswith("_")}


@pytest.mark.parametrize("package", ["ui", "commands"])
def test_no_object_reaches_into_another_modules_private_state(package):
    """``other._name`` is only read inside the module that defines ``_name``; everything else
    goes through what a collaborator offers in public."""
    files = sorted((EDITOR / package).glob("*.py"))
    if package == "ui":
        files.append(EDITOR / "cli.py")
    offenders = []
    for path in files:
        tree = _tree(path)
        own = _own_private_names(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Attribute) or not node.attr.startswith("_"):
                continue
            if node.attr.startswith("__") or node.attr in own:
                continue
            if isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"):
                continue
            offenders.append(f"{path.name}:{node.lineno}: {ast.unparse(node)}")
    assert offenders == []
