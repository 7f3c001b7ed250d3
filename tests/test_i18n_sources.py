"""The interface's Linguist source is complete: lupdate finds exactly its strings, each one is
translated with the same placeholders, and every tr()/translate() says a literal lupdate can read."""

from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path

import pytest

from tools import i18n as tool

ROOT = Path(__file__).resolve().parent.parent
UI_TS = ROOT / "resources" / "i18n" / "tsuzuri_ja.ts"
PLACEHOLDER = re.compile(r"\{\w*\}")

pytestmark = pytest.mark.core


def _found_by_lupdate(tmp_path: Path, folders: tuple[str, ...]) -> set[tuple[str, str]]:
    fresh = tmp_path / "fresh.ts"
    tool.lupdate(fresh, folders)
    return set(tool.messages(fresh))


def test_lupdate_finds_exactly_the_committed_strings(tmp_path):
    found = _found_by_lupdate(tmp_path, tool.SOURCES[UI_TS.name])
    committed = set(tool.messages(UI_TS))
    assert sorted(found - committed) == [], "new strings: run `make translations`"
    assert sorted(committed - found) == [], "strings no longer in the code"
    assert len(found) > 150


def test_every_string_is_translated_with_its_placeholders():
    assert tool.unfinished(UI_TS) == []
    for (context, source), translation in tool.messages(UI_TS).items():
        text = translation.text or ""
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), (
            context,
            source,
        )
        assert source.count("&") == text.count("&"), (context, source)  # one mnemonic each


def _calls(tree: ast.AST):
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        owner = getattr(func.value, "id", "") if isinstance(func, ast.Attribute) else ""
        if name == "tr":
            yield node, node.args[:1]
        elif name == "translate" and (
            owner in ("QCoreApplication", "QApplication") or len(node.args) >= 2
        ):
            yield node, node.args[:2]
        elif name in ("QT_TR_NOOP", "QT_TRANSLATE_NOOP"):
            yield node, node.args


def test_every_translated_string_is_a_literal():
    """lupdate reads the source, not the running program: ``tr(variable)``, ``tr(f"…")`` or a
    wrapper around ``translate`` would leave the string out of the .ts and English on screen."""
    wrong = []
    count = 0
    for path in sorted((ROOT / "editor").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node, args in _calls(tree):
            count += 1
            if not args or not all(
                isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args
            ):
                wrong.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert wrong == []
    assert count > 150


def test_the_literal_check_catches_a_variable_and_an_f_string():
    source = 'def f(self, x):\n    self.tr(x)\n    self.tr(f"{x} a")\n    self.tr("ok")\n'
    flagged = [
        node.lineno
        for node, args in _calls(ast.parse(source))
        if not all(isinstance(a, ast.Constant) for a in args)
    ]
    assert flagged == [2, 3]


def test_update_folds_an_incoming_tsv_and_deletes_it(tmp_path):
    code = tmp_path / "code"
    code.mkdir()
    (code / "w.py").write_text(
        "from PySide6.QtCore import QObject\n\n\nclass Pane(QObject):\n"
        "    def f(self):\n"
        '        return self.tr("Two\\nlines"), self.tr("Kept {n}"), self.tr("Left")\n',
        encoding="utf-8",
    )
    ts = tmp_path / "x_ja.ts"
    tool.lupdate(ts, (str(code),))
    assert len(tool.unfinished(ts)) == 3
    tsv = tmp_path / "pane.tsv"
    tsv.write_text(
        "Pane\tTwo\\nlines\t二行\\n目\nPane\tKept {n}\t{n} 件\nPane\tGone\t消えた\n",
        encoding="utf-8",
    )
    left = tool.fold(tsv, [ts])
    assert left == ["Pane\tGone\t消えた"]
    assert tsv.read_text(encoding="utf-8") == "Pane\tGone\t消えた\n"  # kept for a look
    translated = {key: t.text for key, t in tool.messages(ts).items()}
    assert translated[("Pane", "Two\nlines")] == "二行\n目"
    assert translated[("Pane", "Kept {n}")] == "{n} 件"
    assert tool.unfinished(ts) == [("Pane", "Left")]
    tsv.write_text("Pane\tLeft\t残り\n", encoding="utf-8")
    assert tool.fold(tsv, [ts]) == [] and not tsv.exists()
    tool.lupdate(ts, (str(code),))  # lupdate keeps what was folded
    assert tool.unfinished(ts) == []


def test_build_compiles_every_source(tmp_path):
    tool.build(tmp_path)
    sources = sorted(p.stem for p in UI_TS.parent.glob("*.ts"))
    assert sorted(p.stem for p in tmp_path.glob("*.qm")) == sources
    assert "tsuzuri_ja" in sources


@pytest.mark.skipif(shutil.which("git") is None, reason="git is needed to read .gitignore")
def test_compiled_translations_are_not_committed():
    import subprocess

    ignored = subprocess.run(
        ["git", "check-ignore", "-q", "resources/i18n/tsuzuri_ja.qm"], cwd=ROOT, check=False
    )
    assert ignored.returncode == 0
