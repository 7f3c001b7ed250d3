"""The command line: version, help, and one clear line for bad input, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from editor import __version__

pytestmark = pytest.mark.core


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
