"""A structure a newcomer can follow: the window is wiring, its parts are controllers that are
handed their collaborators, and the command line, its commands and the app import no cycle."""

from __future__ import annotations

import ast
import os
import random
import subprocess
import sys
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


# -- imports ------------------------------------------------------------------------------------


def _resolve(name: str, modules: dict[str, Path]) -> str | None:
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def _imports_of(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """Every editor module ``name`` imports, at the top or inside a function, plus its package
    and the commands it loads by name with importlib."""
    found: set[str] = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(_tree(path)):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
        elif (
            isinstance(node, ast.Call)
            and ast.unparse(node.func) == "importlib.import_module"
            and node.args
        ):
            spelled = ast.unparse(node.args[0]).strip("f'\"")
            prefix = spelled.split("{")[0]
            targets = [m for m in modules if prefix and m.startswith(prefix)]
        for target in targets:
            if target.startswith("editor"):
                resolved = _resolve(target, modules)
                if resolved and resolved != name:
                    found.add(resolved)
    parent = name.rpartition(".")[0]
    if parent and parent in modules:
        found.add(parent)
    return found


def _cycles_through(roots: set[str], graph: dict[str, set[str]]) -> list[list[str]]:
    """The import cycles (strongly connected parts) that contain one of ``roots``."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    parts: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            part = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                part.append(top)
                if top == node:
                    break
            if len(part) > 1 and roots & set(part):
                parts.append(sorted(part))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for node in sorted(graph):
        if node not in index:
            visit(node)
    return parts


def _command_line_modules(modules: dict[str, Path]) -> set[str]:
    return {"editor.cli", "editor.ui.app"} | {
        m for m in modules if m.startswith("editor.commands.")
    }


def test_the_command_line_its_commands_and_the_app_import_no_cycle():
    modules = _all_modules()
    graph = {name: _imports_of(name, path, modules) for name, path in modules.items()}
    roots = _command_line_modules(modules)
    assert {"editor.commands.render", "editor.commands.doctor"} <= roots
    assert "editor.commands.doctor" in graph["editor.cli"]  # loaded by name, still an edge
    assert _cycles_through(roots, graph) == []


def _import_in_fresh_interpreter(names: list[str]) -> subprocess.CompletedProcess:
    code = "import importlib, sys\nfor name in sys.argv[1:]:\n    importlib.import_module(name)\n"
    return subprocess.run(
        [sys.executable, "-c", code, *names],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )


def test_each_command_line_module_imports_first_in_a_fresh_interpreter():
    """Each of them imported first and alone, then the others: none needs another loaded
    before it."""
    names = sorted(_command_line_modules(_all_modules()))
    for name in names:
        result = _import_in_fresh_interpreter([name, *[n for n in names if n != name]])
        assert result.returncode == 0, f"{name} first:\n{result.stderr}"


@pytest.mark.parametrize("seed", ["sorted", "reversed", 1, 2, 3])
def test_every_editor_module_imports_in_any_order(seed):
    names = sorted(m for m in _all_modules() if m != "editor.__main__")  # runs the editor
    if seed == "reversed":
        names.reverse()
    elif seed != "sorted":
        random.Random(seed).shuffle(names)
    result = _import_in_fresh_interpreter(names)
    assert result.returncode == 0, result.stderr
