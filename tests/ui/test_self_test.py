"""``tsuzuri --self-test``: the window on a copy of the sample blog, typed into, previewed and
saved, one line per step; a step that fails is one line and status 1, never a traceback."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from editor.core.post.split import split_post
from tests.ui.conftest import ROOT, SAMPLE

pytestmark = pytest.mark.ui

STEPS = (
    "start",
    "open the sample post",
    "preview",
    "the doctor and the counts",
    "typing",
    "preview of the typed text",
    "save",
    "check of the saved file",
    "close",
    "worker processes",
)
# A render process that cannot render: it has no method the preview calls.
BROKEN_RENDERER = "tests.service_handlers:Counter"


def _fresh_environment(tmp_path: Path) -> dict[str, str]:
    """A new account's environment: its own empty HOME and XDG folders, no display, no
    platform chosen, the checkout's Python (not activated)."""
    home = tmp_path / "home"
    home.mkdir()
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_RUNTIME_DIR": str(tmp_path / "runtime"),
        "TMPDIR": str(tmp_path),
        "LANG": "C.UTF-8",
    }
    if os.geteuid() == 0:
        env["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
    (tmp_path / "runtime").mkdir(mode=0o700)
    return env


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
    )


def _said(stderr: str) -> list[str]:
    """Our lines on stderr (Chromium's own chatter from its processes left out)."""
    return [line for line in stderr.splitlines() if line.startswith("tsuzuri:")]


# -- in the test's own application -------------------------------------------------------------


def test_the_self_test_types_previews_saves_and_says_each_step(qapp, tmp_path, settings):
    from editor.ui.selftest import SelfTest

    out, err = io.StringIO(), io.StringIO()
    test = SelfTest(out, err, tmp_path, settings)
    assert test.run() == 0, err.getvalue()
    lines = out.getvalue().splitlines()
    assert [line.split(":")[0] for line in lines[:-1]] == [f"ok {step}" for step in STEPS]
    assert re.fullmatch(r"Self-test passed in \d+\.\d s", lines[-1])
    assert "render process (pid " in lines[2]
    assert err.getvalue() == ""
    # The copy of the blog holds the post as it was, plus exactly the typed line.
    name = lines[1].split(": ")[1].split(" (")[0]
    saved = (tmp_path / "blog" / "_posts" / name).read_text(encoding="utf-8")
    original = (SAMPLE / "_posts" / name).read_text(encoding="utf-8")
    assert saved == original + f"\n{test.typed}\n"
    assert split_post(saved).front_matter == split_post(original).front_matter
    assert test.typed in lines[5]
    assert not (SAMPLE / "_posts" / name).read_text(encoding="utf-8").count(test.typed)


def test_a_step_that_fails_is_said_in_one_line_with_its_reason(
    qapp, tmp_path, settings, monkeypatch
):
    from editor.ui import live_preview, selftest

    monkeypatch.setattr(live_preview, "RENDER_WORKER", BROKEN_RENDERER)
    monkeypatch.setitem(selftest.LIMITS_S, "preview", 3.0)
    out, err = io.StringIO(), io.StringIO()
    assert selftest.SelfTest(out, err, tmp_path, settings).run() == 1
    assert [line.split(":")[0] for line in out.getvalue().splitlines()] == [
        "ok start",
        "ok open the sample post",
    ]
    assert re.fullmatch(
        r"tsuzuri: self-test failed at preview: the preview does not show “[^”]+” after 3 s\n",
        err.getvalue(),
    )
    import multiprocessing

    assert multiprocessing.active_children() == []  # a failed run leaves no worker either


@pytest.fixture
def translations_with_incoming(tmp_path_factory) -> Path:
    """The .ts files compiled as ``make translations`` would make them: today's strings, with the
    Japanese still waiting in resources/i18n/incoming/ folded in (a copy; nothing committed
    changes)."""
    import shutil
    import subprocess

    from tools import i18n as tool

    folder = tmp_path_factory.mktemp("i18n-incoming")
    sources = []
    for ts in sorted(tool.I18N.glob("*.ts")):
        sources.append(Path(shutil.copy(ts, folder / ts.name)))
        if ts.name in tool.SOURCES:
            tool.lupdate(sources[-1], tool.SOURCES[ts.name])
    for tsv in sorted(tool.INCOMING.glob("*.tsv")):
        tool.fold(Path(shutil.copy(tsv, folder / tsv.name)), sources)
    for ts in sources:
        qm = ts.with_suffix(".qm")
        subprocess.run([tool.qt_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
    return folder


def test_the_self_test_speaks_japanese(
    qapp, tmp_path, settings, translations_with_incoming, monkeypatch
):
    from PySide6.QtCore import QLocale

    from editor.ui import i18n
    from editor.ui.selftest import SelfTest

    before = QLocale()
    settings.set_value("ui/language", "ja")
    real_install = i18n.install
    monkeypatch.setattr(
        i18n, "install", lambda lang, folder=None: real_install(lang, translations_with_incoming)
    )
    out, err = io.StringIO(), io.StringIO()
    try:
        assert SelfTest(out, err, tmp_path, settings).run() == 0, err.getvalue()
    finally:
        real_install("en")
        QLocale.setDefault(before)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("ok 起動: ウィンドウが開きました (")
    assert lines[2].startswith("ok プレビュー: プレビューに「")
    assert "描画用プロセス pid " in lines[2]
    assert lines[-2].startswith("ok 作業用プロセス: 作業用プロセスは残っていません (")
    assert re.fullmatch(r"自己診断に合格しました（\d+\.\d 秒）", lines[-1])


# -- as a writer runs it: python -m editor --self-test on a fresh account ----------------------


def test_python_m_editor_self_test_passes_on_a_fresh_account(tmp_path):
    env = _fresh_environment(tmp_path)
    done = _run(["-m", "editor", "--self-test"], env)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert [line.split(":")[0] for line in lines[:-1]] == [f"ok {step}" for step in STEPS]
    assert lines[-1].startswith("Self-test passed in ")
    assert _said(done.stderr) == [] and "Traceback" not in done.stderr
    # Nothing of it is left behind: the copy of the blog and its settings were temporary.
    assert not list(tmp_path.glob("tsuzuri-self-test-*"))
    assert list((tmp_path / "home").rglob("*")) == []  # no settings, session, cache or data


def test_a_failing_step_run_from_the_command_line_is_one_line_and_status_1(tmp_path):
    env = _fresh_environment(tmp_path)
    script = (
        "import sys\n"
        "from editor.ui import live_preview, selftest\n"
        f"live_preview.RENDER_WORKER = {BROKEN_RENDERER!r}\n"
        "selftest.LIMITS_S['preview'] = 3.0\n"
        "from editor.cli import main\n"
        "sys.exit(main(['--self-test']))\n"
    )
    done = _run(["-c", script], env)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    said = _said(done.stderr)
    assert len(said) == 1, done.stderr
    assert re.fullmatch(
        r"tsuzuri: self-test failed at preview: the preview does not show “[^”]+” after 3 s",
        said[0],
    )
    assert not list(tmp_path.glob("tsuzuri-self-test-*"))


def test_a_step_stuck_where_no_event_is_processed_is_ended_with_its_reason(tmp_path):
    env = _fresh_environment(tmp_path)
    script = (
        "import sys, time\n"
        "from editor.ui import selftest\n"
        "selftest.LIMITS_S['save'] = 1.0\n"
        "selftest.WATCHDOG_GRACE_S = 1.0\n"
        "selftest.SelfTest.save = lambda self: (self._begin('save'), time.sleep(600))\n"
        "from editor.cli import main\n"
        "sys.exit(main(['--self-test']))\n"
    )
    done = _run(["-c", script], env)
    assert done.returncode != 0
    assert _said(done.stderr) == ["tsuzuri: self-test failed at save: not done within 1 s"]
    assert "Traceback" not in done.stderr
    assert done.stdout.splitlines()[-1].startswith("ok preview of the typed text: ")
    assert not list(tmp_path.glob("tsuzuri-self-test-*"))


def test_self_test_takes_no_path(tmp_path):
    done = _run(["-m", "editor", "--self-test", str(SAMPLE)], _fresh_environment(tmp_path))
    assert done.returncode != 0
    assert done.stderr.splitlines() == ["tsuzuri: --self-test takes no path (see 'tsuzuri --help')"]


def test_version_and_help_do_not_import_qt(tmp_path):
    script = (
        "import sys\n"
        "from editor.cli import main\n"
        "for args in (['--version'], ['--help']):\n"
        "    try:\n"
        "        main(args)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))\n"
    )
    done = _run(["-c", script], _fresh_environment(tmp_path))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0].startswith("tsuzuri ")
    assert "--self-test" in done.stdout
    assert done.stdout.splitlines()[-1] == "[]"
