"""The window's preview follows typing through the render process: every render it finishes is
shown, and a worker that dies is said, replaced and sent the text again."""

from __future__ import annotations

import json
import os
import signal

import pytest
from PySide6.QtCore import Qt

from editor.core.render import render_body
from tests.ui.conftest import JA_POST, type_text, wait_for_preview

pytestmark = pytest.mark.ui

PACED = "tests.service_handlers:PacedRenderWorkers"


def _page_equals_full_render(qtbot, window) -> bool:
    view = window.current_view
    full = render_body(view.editor.mirror.text, view.render_context()).html
    box: list = []
    window.preview.run_in_page(
        "(() => { const body = document.getElementById('tsuzuri-body').cloneNode(true);"
        " body.querySelectorAll('.tsuzuri-current').forEach((el) => {"
        " el.classList.remove('tsuzuri-current');"
        " if (!el.classList.length) { el.removeAttribute('class'); } });"
        f" return JSON.stringify([body.innerHTML, window.tsuzuri.normalise({json.dumps(full)})]);"
        " })()",
        box.append,
    )
    qtbot.waitUntil(lambda: bool(box), timeout=10000)
    shown, expected = json.loads(box[0])
    return shown == expected


def _settled(qtbot, window) -> None:
    view = window.current_view
    qtbot.waitUntil(
        lambda: (
            not view.renderer.busy() and view.preview.shown_version == view.editor.mirror.version
        ),
        timeout=30000,
    )


def test_each_finished_render_is_shown_while_typing_goes_on(qtbot, blog, make_window, monkeypatch):
    from editor.ui import live_preview

    monkeypatch.setattr(live_preview, "RENDER_WORKER", PACED)
    window = make_window(blog, blog / "_posts" / JA_POST)
    _settled(qtbot, window)
    view = window.current_view
    shown: list[int] = []
    view.preview.shown.connect(shown.append)
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    typed_at = []
    for letter in "\n\nkeepgoing":
        type_text(qtbot, window.editor, letter)
        typed_at.append(window.editor.mirror.version)
        qtbot.wait(150)  # faster than a render: edits pile up while one runs
    last = typed_at[-1]
    _settled(qtbot, window)
    assert shown == sorted(shown) and shown[-1] == last
    # Renders finished while the writer was still typing reached the page: the preview followed.
    assert len([v for v in shown if v < last]) >= 2
    assert len(shown) < len(typed_at)  # edits made during a render went in one call
    wait_for_preview(qtbot, window, "keepgoing")
    assert _page_equals_full_render(qtbot, window)


def test_a_worker_dying_mid_typing_is_said_replaced_and_sent_the_text(
    qtbot, blog, make_window, monkeypatch
):
    from editor.ui import live_preview

    monkeypatch.setattr(live_preview, "RENDER_WORKER", PACED)
    window = make_window(blog, blog / "_posts" / JA_POST)
    _settled(qtbot, window)
    service = window.current_view.renderer.service
    generation = service.generation
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    type_text(qtbot, window.editor, "\n\nbefore ")
    qtbot.waitUntil(service.busy, timeout=10000)
    os.kill(service._process.pid, signal.SIGKILL)
    type_text(qtbot, window.editor, "after")
    qtbot.waitUntil(
        lambda: "could not be rendered" in window.statusBar().currentMessage(), timeout=15000
    )
    assert "stopped" in window.statusBar().currentMessage()
    _settled(qtbot, window)
    assert service.generation == generation + 1
    wait_for_preview(qtbot, window, "before after")
    assert _page_equals_full_render(qtbot, window)


def test_the_simple_preview_follows_typing_with_the_whole_body(
    qtbot, blog, make_window, monkeypatch
):
    from editor.ui import preview

    monkeypatch.setattr(preview, "WEBENGINE_ERROR", "QtWebEngine could not start")
    window = make_window(blog, blog / "_posts" / JA_POST)
    assert not window.preview.uses_webengine
    wait_for_preview(qtbot, window, "需要を押し上げている三つの要因")
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    type_text(qtbot, window.editor, "\n\n簡易プレビューでも見える")
    wait_for_preview(qtbot, window, "簡易プレビューでも見える")
    _settled(qtbot, window)
    view = window.current_view
    full = render_body(view.editor.mirror.text, view.render_context()).html
    assert view.preview.blocks.html() == full


def test_a_front_matter_edit_renders_again_with_the_new_page(qtbot, blog, make_window):
    window = make_window(blog, blog / "_posts" / JA_POST)
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    type_text(qtbot, window.editor, "\n\n題は「{{ page.title }}」\n")
    wait_for_preview(qtbot, window, "題は「")
    window.form.title.setFocus()
    window.form.title.selectAll()
    type_text(qtbot, window.form.title, "書き換えた題")
    qtbot.keyClick(window.form.title, Qt.Key.Key_Tab)
    wait_for_preview(qtbot, window, "題は「書き換えた題」")
    _settled(qtbot, window)
    assert _page_equals_full_render(qtbot, window)
