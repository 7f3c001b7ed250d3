"""Desktop integration: the desktop entry and the AppStream entry validate, carry Japanese and
English wording, and the user-level install script puts "Open with Tsuzuri" in place."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / "tsuzuri.desktop"
METAINFO = LINUX / "io.github.tsuzuri.Tsuzuri.metainfo.xml"
INSTALL = LINUX / "install-desktop.sh"
LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive: Name[ja]
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (tools/setup.sh --test installs it)")
    return found


def test_the_desktop_entry_opens_markdown_and_speaks_both_languages():
    keys = entry(DESKTOP)
    assert keys["Type"] == "Application" and keys["Icon"] == "tsuzuri"
    # One path per start (the command line opens one blog or post): %f, so a file manager
    # starts one window per file it opens.
    assert keys["Exec"] == "tsuzuri %f"
    assert keys["MimeType"] == "text/markdown;text/x-markdown;"
    for key in ("Name", "Comment", "GenericName"):
        assert keys[key].isascii() and not keys[f"{key}[ja]"].isascii()
    assert "記事" in keys["Comment[ja]"] and "プレビュー" in keys["Comment[ja]"]


def test_the_desktop_entry_validates():
    done = subprocess.run([tool("desktop-file-validate"), DESKTOP], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.strip() == "", done.stdout + done.stderr


def test_the_appstream_entry_validates_and_names_itself_in_japanese():
    done = subprocess.run(
        [tool("appstreamcli"), "validate", "--no-net", METAINFO], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "E:" not in done.stdout and "W:" not in done.stdout, done.stdout
    root = ET.parse(METAINFO).getroot()
    for tag in ("name", "summary"):
        wording = {e.get(LANG): e.text for e in root.iter(tag) if e in list(root)}
        assert wording[None] and wording["ja"] and not wording["ja"].isascii()
    assert root.findtext("launchable") == DESKTOP.name
    # Every screenshot is one of the README's own images.
    images = [Path(i.text).name for i in root.iter("image")]
    assert images and all((ROOT / "docs" / "images" / name).is_file() for name in images)


@pytest.fixture
def account(tmp_path) -> dict[str, str]:
    """A writer's account: its own data folder, and an xdg-mime that notes what it was told."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "xdg-mime.log"
    fake = bin_dir / "xdg-mime"
    fake.write_text(f'#!/bin/sh\necho "$@" >> "{log}"\n')
    fake.chmod(0o755)
    return {
        "PATH": f"{bin_dir}:/usr/local/bin:/usr/bin:/bin",
        "HOME": str(tmp_path / "home"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "LOG": str(log),
    }


def install(env, *args) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["bash", INSTALL, *args], capture_output=True, text=True, env=env, timeout=60
    )


def test_open_with_tsuzuri_installs_for_the_writer_alone(account, tmp_path):
    command = tmp_path / "my apps" / "tsuzuri"  # a folder name with a space
    command.parent.mkdir()
    command.write_text("#!/bin/sh\n")
    command.chmod(0o755)
    done = install(account, "--exec", command, "--default")
    assert done.returncode == 0, done.stderr
    data = Path(account["XDG_DATA_HOME"])
    installed = data / "applications" / "tsuzuri.desktop"
    assert entry(installed)["Exec"] == f'"{command}" %f'
    assert entry(installed)["MimeType"] == entry(DESKTOP)["MimeType"]
    if shutil.which("desktop-file-validate"):
        assert subprocess.run(["desktop-file-validate", installed]).returncode == 0
    for size in (16, 32, 48, 64, 128, 256, 512):
        assert (data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "tsuzuri.png").is_file()
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / "tsuzuri.svg").is_file()
    assert (data / "metainfo" / METAINFO.name).is_file()
    assert (
        Path(account["LOG"]).read_text()
        == "default tsuzuri.desktop text/markdown text/x-markdown\n"
    )
    assert not (Path(account["HOME"])).exists() or not any(Path(account["HOME"]).iterdir())

    done = install(account, "--uninstall")
    assert done.returncode == 0, done.stderr
    assert not installed.exists()
    assert not list((data / "icons").rglob("tsuzuri.*"))


def test_open_with_tsuzuri_says_what_is_missing_in_one_line(account, tmp_path):
    account["PATH"] = "/usr/bin:/bin"  # no tsuzuri anywhere
    done = install(account)
    assert done.returncode != 0
    assert done.stderr.strip() == "install-desktop: no tsuzuri command found: pass --exec PATH"
    assert not (Path(account["XDG_DATA_HOME"]) / "applications" / "tsuzuri.desktop").exists()
    done = install(account, "--exec", tmp_path / "nowhere")
    assert done.returncode != 0 and len(done.stderr.strip().splitlines()) == 1
    assert "is not an executable file" in done.stderr


def test_the_install_script_is_executable():
    assert os.access(INSTALL, os.X_OK)
