"""Nothing a post's HTML says makes the preview look up a host or open a connection."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from PySide6.QtCore import QUrl

from editor.ui import preview as preview_module
from tests.ui.conftest import ROOT
from tests.ui.leak_probe import VECTORS, Listener, hostile_body
from tests.ui.test_sandbox import _click, _eval, _settle, _show

pytestmark = pytest.mark.ui


@pytest.fixture
def listener():
    server = Listener()
    yield server
    server.close()


def test_no_vector_in_a_post_reaches_a_local_server(qtbot, pane, blog, listener):
    _show(qtbot, pane, hostile_body(listener.url))
    _settle(qtbot, pane)
    qtbot.wait(1500)  # a preconnect is fire-and-forget: give it time to arrive
    assert listener.seen == [], f"{len(VECTORS)} vectors tried; these got through"

    # The control: with remote images allowed, one image does reach the server.
    pane.load_page(blog, [], allow_remote=True)
    _show(qtbot, pane, f'<img src="{listener.url("control.png")}">')
    qtbot.waitUntil(lambda: bool(listener.seen), timeout=10000)
    assert listener.seen == ["GET /control.png HTTP/1.1"]


def test_a_base_element_cannot_send_an_in_page_link_outside(qtbot, pane, listener, monkeypatch):
    opened: list[QUrl] = []
    monkeypatch.setattr(preview_module, "open_external", opened.append)
    _show(
        qtbot,
        pane,
        f'<base href="{listener.url("")}">'
        '<p><a id="ref" href="#fn:1">1</a></p>'
        '<div style="height: 3000px"></div><p id="fn:1">脚注の本文</p>',
    )
    page_url = pane._page.url()
    assert _eval(qtbot, pane, "document.baseURI") == page_url.toString()
    _click(qtbot, pane, "ref")
    _settle(qtbot, pane)
    qtbot.wait(500)
    assert opened == []
    assert listener.seen == []
    assert _eval(qtbot, pane, "window.scrollY") > 1000  # the footnote link still goes to its note
    assert pane._page.url().toString().split("#")[0] == page_url.toString()


def _namespace_command() -> list[str] | None:
    if shutil.which("unshare") is None or shutil.which("ip") is None:
        return None
    as_root = hasattr(os, "geteuid") and os.geteuid() == 0
    return ["unshare", "-mn"] if as_root else ["unshare", "-rmn"]


def _skip_unless_ci(reason: str) -> None:
    """Skip where a private network cannot be made; in CI (root, set up by us) that is a failure."""
    if os.environ.get("CI"):
        pytest.fail(f"CI must run the private-network leak check: {reason}")
    pytest.skip(reason)


def test_no_host_name_is_looked_up_in_a_private_network():
    """In a network namespace whose only resolver is ours, the hostile body asks it nothing."""
    command = _namespace_command()
    if command is None:
        _skip_unless_ci("needs unshare and ip (util-linux, iproute2) for a private network")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QTWEBENGINE_DISABLE_SANDBOX="1")
    result = subprocess.run(
        [*command, sys.executable, "-m", "tests.ui.leak_probe"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=100,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("LEAK-PROBE ")]
    if not lines and ("unshare" in result.stderr or "Operation not permitted" in result.stderr):
        _skip_unless_ci(f"no private network namespace here: {result.stderr.strip()[-300:]}")
    assert lines, result.stderr[-2000:]
    report = json.loads(lines[0].removeprefix("LEAK-PROBE "))
    assert report["self_test"] == ["self-test.leak.test"]  # our resolver answers
    # The control: an allowed remote image is looked up through it and fetched.
    assert "control.leak.test" in report["control"]["queries"]
    assert "GET /control.png HTTP/1.1" in report["control"]["connections"]
    assert report["hostile"] == {"queries": [], "connections": []}
