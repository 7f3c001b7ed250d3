"""The Linux bundle (``make dist``: packaging/build_bundle.sh) as a writer gets it: built from
this checkout, started in a clean environment (no virtual environment, a fresh HOME), it passes
its own ``--self-test`` (window, preview through the render process, typing, saving), answers
``--version`` and renders a post from the command line.

Slow: the bundle is built once per run unless ``dist/tsuzuri`` is newer than every file it is
made of (the editor package, resources/, packaging/, pyproject.toml).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

BUILD_TIMEOUT_S = 3600  # a first build downloads PyInstaller and PySide6 into build/dist-venv
# The first test builds the bundle (setup counts towards the timeout).
pytestmark = [pytest.mark.slow, pytest.mark.timeout(BUILD_TIMEOUT_S + 600)]

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "tsuzuri"
EXECUTABLE = BUNDLE / "tsuzuri"
SAMPLE_POST = ROOT / "resources" / "sample-blog" / "_posts" / "2025-10-24-writing-with-tsuzuri.md"


def _inputs_newest_mtime() -> float:
    """The newest change to what the bundle is made of (compiled .qm files are made from the .ts)."""
    newest = (ROOT / "pyproject.toml").stat().st_mtime
    for folder in ("editor", "resources", "packaging"):
        for path in (ROOT / folder).rglob("*"):
            if path.is_file() and path.suffix not in (".pyc", ".qm"):
                newest = max(newest, path.stat().st_mtime)
    return newest


@pytest.fixture(scope="module")
def bundle() -> Path:
    """dist/tsuzuri, built now unless a bundle newer than its inputs is there."""
    if not EXECUTABLE.exists() or EXECUTABLE.stat().st_mtime < _inputs_newest_mtime():
        built = subprocess.run(
            ["bash", str(ROOT / "packaging" / "build_bundle.sh")],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=BUILD_TIMEOUT_S,
        )
        if built.returncode != 0:
            tail = "\n".join((built.stdout + built.stderr).splitlines()[-30:])
            pytest.fail(f"packaging/build_bundle.sh failed ({built.returncode}):\n{tail}")
    assert EXECUTABLE.is_file()
    return BUNDLE


def _clean_environment(tmp_path: Path) -> dict[str, str]:
    """``env -i`` with only PATH (system folders, no virtual environment) and a fresh HOME."""
    home = tmp_path / "home"
    home.mkdir()
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8"}
    if os.geteuid() == 0:
        env["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
    return env


def _run(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(EXECUTABLE), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )


def test_the_bundle_passes_its_self_test_in_a_clean_environment(bundle, tmp_path):
    done = _run(["--self-test"], _clean_environment(tmp_path), tmp_path)

    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[-1].startswith("Self-test passed")
    # The preview was rendered by the render worker: the bundle started itself as a worker.
    preview = next(line for line in lines if line.startswith("ok preview:"))
    assert "render process (pid" in preview
    assert any(line.startswith("ok worker processes:") for line in lines)
    # The writer's home was left as it was: the self-test works on a copy in a temporary folder.
    assert not any((tmp_path / "home").iterdir())


def test_the_bundle_says_its_version_and_renders_a_post(bundle, tmp_path):
    env = _clean_environment(tmp_path)
    expected = subprocess.run(
        [sys.executable, "-m", "editor", "--version"], cwd=ROOT, capture_output=True, text=True
    ).stdout

    version = _run(["--version"], env, tmp_path)
    rendered = _run(["render", str(SAMPLE_POST)], env, tmp_path)

    assert (version.returncode, version.stdout) == (0, expected)
    assert rendered.returncode == 0, rendered.stderr
    assert '<h2 id="text" data-source-line="4">Text</h2>' in rendered.stdout


def test_the_bundle_keeps_japanese_and_english_and_leaves_out_what_tsuzuri_never_loads(bundle):
    internal = bundle / "_internal"
    qt = internal / "PySide6" / "Qt"
    locales = {p.name for p in (qt / "translations" / "qtwebengine_locales").iterdir()}
    assert locales == {"en-US.pak", "ja.pak"}
    assert (qt / "translations" / "qtbase_ja.qm").is_file()
    assert (internal / "resources" / "i18n" / "tsuzuri_ja.qm").is_file()
    assert (internal / "resources" / "sample-blog" / "_config.yml").is_file()
    assert (internal / "resources" / "preview" / "bridge.js").is_file()
    assert (qt / "libexec" / "QtWebEngineProcess").is_file()
    # "Open with Tsuzuri": the desktop entry and its installer travel in the tar.
    assert (bundle / "install-desktop.sh").is_file() and (bundle / "tsuzuri.desktop").is_file()
    assert (
        internal / "resources" / "icons" / "hicolor" / "scalable" / "apps" / "tsuzuri.svg"
    ).is_file()
    assert (
        qt / "plugins" / "platforminputcontexts" / "libibusplatforminputcontextplugin.so"
    ).is_file()
    assert not (qt / "qml").exists()
    libraries = {p.name for p in (qt / "lib").iterdir()}
    unused = {"libQt63DCore.so.6", "libQt6Multimedia.so.6", "libQt6Pdf.so.6", "libQt6Charts.so.6"}
    assert not libraries & unused
    assert not [str(p) for p in bundle.rglob("*") if p.is_symlink() and not p.exists()]
