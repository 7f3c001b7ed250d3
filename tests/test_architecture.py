"""The core stays plain Python: nothing under editor/core imports Qt or the UI."""

import ast
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parent.parent / "editor" / "core"
FORBIDDEN = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "editor.ui")

pytestmark = pytest.mark.core


def _imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def test_core_modules_import_no_qt():
    files = list(CORE.rglob("*.py"))
    assert files
    offenders = [
        f"{path.relative_to(CORE)}: {name}"
        for path in files
        for name in _imports(path)
        if name.startswith(FORBIDDEN)
    ]
    assert offenders == []


def test_importing_the_core_loads_no_qt():
    import subprocess
    import sys

    code = (
        "import pkgutil, importlib, sys, editor.core as c\n"
        "for m in pkgutil.walk_packages(c.__path__, 'editor.core.'): importlib.import_module(m.name)\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=CORE.parent.parent
    )
    assert result.returncode == 0, result.stdout + result.stderr


# -- a map a newcomer can follow: editor/core is grouped by what each part knows ---------------

# What each sub-package of editor/core knows; docs/architecture.md describes each one.
CORE_GROUPS = ("blog", "post", "files", "text", "render", "doctor", "words")


def test_every_core_module_lives_in_a_named_group():
    """No loose module in editor/core: each file is in the sub-package of what it knows."""
    loose = sorted(p.name for p in CORE.glob("*.py") if p.name != "__init__.py")
    assert loose == []
    packages = sorted(p.name for p in CORE.iterdir() if (p / "__init__.py").is_file())
    assert packages == sorted(CORE_GROUPS)


def test_core_tests_mirror_the_core_groups():
    """tests/core has one folder per group of editor/core and no loose test files, so the tests
    of a module are found beside the tests of its neighbours."""
    tests_core = Path(__file__).resolve().parent / "core"
    loose = sorted(p.name for p in tests_core.glob("*.py") if p.name != "conftest.py")
    assert loose == []
    folders = sorted(p.name for p in tests_core.iterdir() if p.is_dir() and p.name != "__pycache__")
    assert folders == sorted(CORE_GROUPS)
    empty = [name for name in CORE_GROUPS if not list((tests_core / name).glob("test_*.py"))]
    assert empty == []
