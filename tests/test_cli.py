"""The command line: version, help, and one clear line for bad input, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from editor.version import __version__

pytestmark = pytest.mark.core

ROOT = Path(__file__).resolve().parent.parent


def tsuzuri(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "editor", *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=60,
    )


def test_version_and_help():
    assert tsuzuri("--version").stdout.strip() == f"tsuzuri {__version__}"
    result = tsuzuri("--help")
    assert result.returncode == 0 and "Jekyll" in result.stdout


def test_missing_path_is_one_line_and_exit_2(tmp_path):
    result = tsuzuri(str(tmp_path / "ない.md"), env={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "no such file or folder" in result.stderr and "Traceback" not in result.stderr


def test_no_display_is_explained_not_crashed(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(
        [sys.executable, "-m", "editor", str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 2
    assert "display" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("args", [["set"], ["--bogus"], ["render"], ["new"]])
def test_usage_mistakes_are_one_line(args):
    result = tsuzuri(*args)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("tsuzuri: ") and "--help" in result.stderr


def test_an_unknown_word_without_a_display_is_named_not_blamed_on_the_display():
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(
        [sys.executable, "-m", "editor", "frobnicate"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 2
    assert "frobnicate: no such file or folder" in result.stderr and "doctor" in result.stderr


def test_an_install_without_its_messages_says_so_in_one_line(tmp_path):
    """A copy of Tsuzuri whose resources/i18n catalogue is missing cannot word anything; it says
    which file is missing instead of failing with a traceback."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "import editor.core.words.catalogue as c\n"
        f"c.ts_path = lambda: Path({str(tmp_path / 'missing.ts')!r})\n"
        "from editor.cli import main\n"
        "sys.exit(main(['doctor', '--lang', 'ja', sys.argv[1]]))\n"
    )
    post = tmp_path / "post.md"
    post.write_text("---\ntitle: a\n---\n\n本文　です。\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", code, str(post)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.startswith("tsuzuri: Tsuzuri's messages cannot be read (")
    assert "missing.ts" in done.stderr and done.stderr.count("\n") == 1
