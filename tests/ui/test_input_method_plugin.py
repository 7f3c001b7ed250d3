"""Japanese input on Linux: Qt's ibus plugin loads, and a desktop on fcitx reaches fcitx5
through its ibus frontend because the PySide6 wheel has no fcitx plugin."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from editor.ui.app import bridge_fcitx_to_ibus

pytestmark = pytest.mark.ui

ROOT = Path(__file__).resolve().parents[2]
IBUS_LOADED = 'libibusplatforminputcontextplugin.so" loaded library'

# Start-up as the app does it, then a text pane with the focus.
START = """
from editor.ui.app import prepare_environment
prepare_environment()
from PySide6.QtWidgets import QApplication, QPlainTextEdit
app = QApplication([])
pane = QPlainTextEdit()
pane.show()
pane.setFocus()
app.processEvents()
print("im-module:", __import__("os").environ.get("QT_IM_MODULE", ""))
"""


def _start(**env: str) -> subprocess.CompletedProcess:
    environ = {
        k: v
        for k, v in os.environ.items()
        if k not in ("QT_IM_MODULE", "QT_IM_MODULES", "XMODIFIERS", "GTK_IM_MODULE")
    }
    environ.update(QT_QPA_PLATFORM="offscreen", QT_DEBUG_PLUGINS="1", LANG="C.UTF-8", **env)
    return subprocess.run(
        [sys.executable, "-c", START],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_qt_loads_the_ibus_plugin_when_asked():
    run = _start(QT_IM_MODULE="ibus")
    assert run.returncode == 0, run.stderr[-2000:]
    assert IBUS_LOADED in run.stderr


@pytest.mark.parametrize(
    "desktop",
    [
        {"QT_IM_MODULE": "fcitx"},
        {"QT_IM_MODULE": "fcitx5"},
        {"XMODIFIERS": "@im=fcitx"},
        {"GTK_IM_MODULE": "fcitx"},
    ],
)
def test_a_desktop_on_fcitx_gets_the_ibus_plugin_and_is_told_once(desktop):
    run = _start(**desktop)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "im-module: ibus" in run.stdout
    assert IBUS_LOADED in run.stderr
    told = [line for line in run.stderr.splitlines() if line.startswith("tsuzuri:")]
    assert len(told) == 1 and "QT_IM_MODULE=ibus" in told[0]


def _plugins(tmp_path: Path, *names: str) -> Path:
    folder = tmp_path / "plugins"
    (folder / "platforminputcontexts").mkdir(parents=True)
    for name in names:
        (folder / "platforminputcontexts" / name).write_bytes(b"")
    return folder


@pytest.mark.parametrize(
    ("environ", "switched"),
    [
        ({"QT_IM_MODULE": "fcitx"}, True),
        ({"QT_IM_MODULE": " FCITX5 "}, True),
        ({"XMODIFIERS": "@im=fcitx"}, True),
        ({"XMODIFIERS": "@im=fcitx5", "GTK_IM_MODULE": "fcitx"}, True),
        ({"GTK_IM_MODULE": "fcitx"}, True),
        ({"QT_IM_MODULE": "ibus", "XMODIFIERS": "@im=fcitx"}, False),  # the writer chose
        ({"QT_IM_MODULE": "xim", "GTK_IM_MODULE": "fcitx"}, False),
        ({"QT_IM_MODULES": "wayland;fcitx", "QT_IM_MODULE": "fcitx"}, False),
        ({"XMODIFIERS": "@im=ibus"}, False),
        ({}, False),
    ],
)
def test_when_fcitx_is_reached_through_ibus(tmp_path, environ, switched):
    plugins = _plugins(tmp_path, "libibusplatforminputcontextplugin.so")
    before = dict(environ)
    assert bridge_fcitx_to_ibus(environ, [plugins]) is switched
    if switched:
        assert environ == {**before, "QT_IM_MODULE": "ibus"}
    else:
        assert environ == before


def test_a_real_fcitx_plugin_is_used_when_qt_has_one(tmp_path):
    plugins = _plugins(tmp_path, "libfcitx5platforminputcontextplugin.so")
    environ = {"QT_IM_MODULE": "fcitx"}
    assert not bridge_fcitx_to_ibus(environ, [tmp_path / "missing", plugins])
    assert environ == {"QT_IM_MODULE": "fcitx"}
