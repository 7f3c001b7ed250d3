"""The preview is a sandbox: hostile HTML in a post runs nothing, reads nothing, goes nowhere."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl

from editor.ui import preview as preview_module
from tests.ui.conftest import wait_for_preview

pytestmark = pytest.mark.ui

OUTSIDE = "file:///etc/hostname"


def _eval(qtbot, pane, script: str):
    box: list = []
    pane.run_in_page(script, lambda result: box.append(result))
    qtbot.waitUntil(lambda: bool(box), timeout=10000)
    return box[0]


def _show(qtbot, pane, body: str) -> None:
    with qtbot.waitSignal(pane.body_updated, timeout=15000):
        pane.set_body_html(body + '<p id="ready">ready</p>')
    qtbot.waitUntil(lambda: _eval(qtbot, pane, "!!document.getElementById('ready')"))


def _settle(qtbot, pane) -> None:
    """Give loads and handlers their chance to run: round-trip a second body through the page."""
    for _ in range(3):
        with qtbot.waitSignal(pane.body_updated, timeout=15000):
            pane.set_body_html(
                _eval(qtbot, pane, "document.getElementById('tsuzuri-body').innerHTML")
            )


def test_scripts_and_event_handlers_in_a_post_do_not_run(qtbot, pane):
    hostile = (
        "<script>document.title = 'script ran';"
        "document.body.setAttribute('data-pwned', 'script')</script>"
        '<img src="data:," onerror="document.title = \'onerror ran\'" '
        "onload=\"document.body.setAttribute('data-pwned', 'onload')\">"
        "<img src=\"missing.png\" onerror=\"document.body.setAttribute('data-pwned', 'err')\">"
        "<svg><script>document.title = 'svg ran'</script></svg>"
        '<iframe srcdoc="<script>parent.document.title=1</script>"></iframe>'
    )
    title_before = _eval(qtbot, pane, "document.title")
    _show(qtbot, pane, hostile)
    _settle(qtbot, pane)
    state = _eval(
        qtbot,
        pane,
        "JSON.stringify([document.title, document.body.getAttribute('data-pwned'),"
        " document.querySelectorAll('img').length])",
    )
    assert state == f'["{title_before}",null,2]'  # the images are there; nothing they carry ran


def test_local_files_outside_the_blog_are_never_loaded(qtbot, pane, blog):
    inside = QUrl.fromLocalFile(str(blog / "assets" / "nothing-here.png")).toString()
    _show(
        qtbot,
        pane,
        f'<img src="{OUTSIDE}"><iframe src="file:///etc/passwd"></iframe>'
        '<link rel="stylesheet" href="file:///etc/ssl/openssl.cnf">'
        f'<img src="{inside}">'
        '<object data="file:///etc/passwd"></object><video src="file:///etc/machine-id"></video>',
    )
    qtbot.waitUntil(lambda: OUTSIDE in pane.blocked_requests, timeout=10000)
    qtbot.waitUntil(lambda: inside in pane.allowed_requests, timeout=10000)
    _settle(qtbot, pane)
    assert not [url for url in pane.allowed_requests if url.startswith("file:///etc")]
    assert "file:///etc/ssl/openssl.cnf" in pane.blocked_requests


def test_remote_resources_are_not_fetched_unless_allowed(qtbot, pane, blog):
    remote = "http://example.invalid/tracker.png"
    _show(
        qtbot, pane, f'<img src="{remote}"><link rel="stylesheet" href="https://x.invalid/a.css">'
    )
    _settle(qtbot, pane)
    assert not [url for url in pane.allowed_requests if url.startswith("http")]

    pane.load_page(blog, [], allow_remote=True)
    _show(qtbot, pane, f'<img src="{remote}">')
    qtbot.waitUntil(lambda: remote in pane.allowed_requests, timeout=10000)


def test_blog_setting_allows_remote_images_in_the_window(qtbot, blog, make_window, settings):
    post = blog / "_posts" / "2025-01-02-remote.md"
    post.write_text(
        "---\ntitle: r\n---\n\n![図](http://example.invalid/fig.png)\n\n遠隔画像\n", "utf-8"
    )
    window = make_window(blog, post)
    wait_for_preview(qtbot, window, "遠隔画像")
    _settle(qtbot, window.preview)
    assert not [u for u in window.preview.allowed_requests if u.startswith("http")]
    window.close()

    settings.set_blog_value(str(blog), "allow_remote", True)
    again = make_window(blog, post, window_settings=settings)
    qtbot.waitUntil(
        lambda: "http://example.invalid/fig.png" in again.preview.allowed_requests, timeout=15000
    )


def _click(qtbot, pane, element_id: str) -> None:
    rect = _eval(
        qtbot,
        pane,
        f"(() => {{ const r = document.getElementById('{element_id}').getBoundingClientRect();"
        " return JSON.stringify([r.left + r.width / 2, r.top + r.height / 2]); })()",
    )
    rect = json.loads(rect)
    target = pane._view.focusProxy() or pane._view
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=QPoint(int(rect[0]), int(rect[1])))


def test_links_open_outside_and_the_preview_stays(qtbot, pane, monkeypatch):
    opened: list[QUrl] = []
    monkeypatch.setattr(preview_module, "open_external", opened.append)
    _show(
        qtbot,
        pane,
        '<p><a id="js" href="javascript:document.title=\'clicked\'">js link</a></p>'
        '<p><a id="web" href="https://example.com/page">web link</a></p>'
        '<p><a id="file" href="file:///etc/passwd">file link</a></p>',
    )
    page_url = pane._page.url()
    title = _eval(qtbot, pane, "document.title")

    _click(qtbot, pane, "js")
    _click(qtbot, pane, "file")
    _click(qtbot, pane, "web")
    qtbot.waitUntil(lambda: bool(opened), timeout=10000)
    _settle(qtbot, pane)
    assert [url.toString() for url in opened] == ["https://example.com/page"]
    assert pane._page.url() == page_url
    assert _eval(qtbot, pane, "document.title") == title
    assert _eval(qtbot, pane, "!!document.getElementById('ready')")


# A regression would block the page's loader for ever, beyond the reach of the usual alarm.
@pytest.mark.timeout(60, method="thread")
def test_a_fifo_inside_the_blog_is_never_loaded(qtbot, pane, blog):
    import os

    (blog / "assets").mkdir(exist_ok=True)
    fifo = blog / "assets" / "pipe.png"
    os.mkfifo(fifo)  # nobody writes into it: reading it would wait for ever
    url = QUrl.fromLocalFile(str(fifo)).toString()
    _show(qtbot, pane, f'<img src="{url}">')
    qtbot.waitUntil(lambda: url in pane.blocked_requests or url in pane.allowed_requests)
    assert url in pane.blocked_requests


def test_what_the_sandbox_refuses_is_not_printed_to_the_writers_terminal(qtbot, pane, capfd):
    """A blocked script or remote image is logged for developers, never printed on stderr."""
    capfd.readouterr()
    pane.set_body_html(
        '<p>本文</p><img src="https://example.com/x.png"><script>console.log("post")</script>'
        '<img src="x" onerror="console.error(\'handler\')">'
    )
    qtbot.waitUntil(lambda: bool(pane.console_messages), timeout=10000)
    qtbot.wait(300)
    err = capfd.readouterr().err
    assert "Refused" not in err and "js:" not in err, err
    assert any("Refused" in m or "Content Security Policy" in m for m in pane.console_messages)
