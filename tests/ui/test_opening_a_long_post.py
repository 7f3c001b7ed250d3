"""Opening a long post as the window starts: the status bar says the preview is being made
until the post's own preview is on the page, and the counts never read 0 while the post is
being counted (the empty first tab's preview and counts arrive meanwhile)."""

from __future__ import annotations

import pytest

from tests.ui.conftest import wait_for_preview

pytestmark = pytest.mark.ui

RENDERING = "Preview: rendering…"


def _long_post(blog):
    body = "".join(f"## 節{n}\n\n段落{n}の文章です。**太字**と`code`。\n\n" for n in range(4000))
    post = blog / "_posts" / "2025-02-01-long.md"
    post.write_text("---\ntitle: 長い記事\n---\n" + body + "最後の段落。\n", encoding="utf-8")
    return post


def test_opening_a_long_post_says_rendering_until_its_preview_is_shown(qtbot, blog, make_window):
    post = _long_post(blog)
    window = make_window(blog, settle=False)  # opened as the window starts: its first preview
    renderer = window.current_view.renderer
    qtbot.waitUntil(renderer.service.busy, timeout=10000)  # the empty tab's render on its way
    seen: list[tuple[str, str, bool]] = []  # (preview label, counts label, post in preview)

    def look() -> None:
        view = window.current_view
        shown = view.preview.shown_version >= view.editor.mirror.version > 0
        seen.append((window.preview_status.text(), window.counts.characters.text(), shown))

    window.open_post(post)
    view = window.current_view
    view.preview.body_updated.connect(look)
    look()
    assert RENDERING in window.preview_status.text()
    if view.preview.shown_version < view.editor.mirror.version:
        # What the page says when a render of the tab's text before the post lands on it.
        view.preview.body_updated.emit()
        assert RENDERING in window.preview_status.text()
    wait_for_preview(qtbot, window, "最後の段落", timeout=60000)
    qtbot.waitUntil(lambda: RENDERING not in window.preview_status.text(), timeout=10000)
    look()
    # Every time the page changed before the post's own preview was on it, the label still
    # said the preview was being made.
    for label, _counts, shown in seen:
        assert shown or RENDERING in label, seen
    qtbot.waitUntil(lambda: window.counts.characters.text() not in ("", "Characters 0"))
    counted = window.counts.characters.text()
    assert counted.startswith("Characters ") and int(counted.split()[1].replace(",", "")) > 10_000


def test_the_counts_never_read_0_while_a_long_post_is_counted(qtbot, blog, make_window):
    post = _long_post(blog)
    window = make_window(blog, settle=False)
    labels: list[str] = []
    window.open_post(post)
    label = window.counts.characters
    while not (label.text().startswith("Characters ") and label.text() != "Characters 0"):
        labels.append(label.text())
        qtbot.wait(5)
        assert len(labels) < 6000, labels[-3:]
    assert "Characters 0" not in labels, sorted(set(labels))
