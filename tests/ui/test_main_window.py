"""Driving the real main window on the sample blog, as a writer would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from editor.ui import prompts
from tests.ui.conftest import JA_POST, SAMPLE, type_text, wait_for_preview

pytestmark = pytest.mark.ui


def test_typing_shows_in_preview_and_title_edit_is_saved(qtbot, blog, make_window):
    post = blog / "_posts" / JA_POST
    window = make_window(blog, post)
    assert window.preview.uses_webengine, window.preview.fallback_reason
    wait_for_preview(qtbot, window, "需要を押し上げている三つの要因")

    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    type_text(qtbot, window.editor, "\n\n追記の段落です")
    wait_for_preview(qtbot, window, "追記の段落です")
    assert window.isWindowModified()

    window.form.title.selectAll()
    type_text(qtbot, window.form.title, "新しい題名")
    with qtbot.waitSignal(window.post_saved, timeout=5000):
        qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    saved = post.read_text(encoding="utf-8")
    assert 'title: "新しい題名"' in saved
    assert saved.rstrip().endswith("追記の段落です")
    assert not window.isWindowModified()
    assert "*" not in window.windowTitle().replace("[*]", "")


def test_title_bar_names_post_and_marks_unsaved_changes(qtbot, blog, make_window):
    window = make_window(blog, blog / "_posts" / JA_POST)
    assert window.windowTitle().startswith(JA_POST)
    assert not window.isWindowModified()
    type_text(qtbot, window.editor, "あ")
    assert window.isWindowModified()


def test_closing_with_unsaved_changes_asks_first(qtbot, blog, make_window, monkeypatch):
    window = make_window(blog, blog / "_posts" / JA_POST)
    type_text(qtbot, window.editor, "未保存")
    asked = []
    monkeypatch.setattr(prompts, "confirm_discard", lambda *a: asked.append(a) or "cancel")
    window.close()
    assert asked and window.isVisible()
    monkeypatch.setattr(prompts, "confirm_discard", lambda *a: "discard")
    window.close()
    assert not window.isVisible()
    assert "未保存" not in (blog / "_posts" / JA_POST).read_text(encoding="utf-8")


def test_new_post_is_saved_into_posts_with_date_and_slug(qtbot, blog, make_window):
    window = make_window(blog)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.form.title, "Hello Tsuzuri")
    type_text(qtbot, window.editor, "最初の本文")
    with qtbot.waitSignal(window.post_saved, timeout=5000) as saved:
        window.save_action.trigger()
    path = saved.args[0]
    assert path.parent == (blog / "_posts").resolve()
    assert path.name.endswith("-hello-tsuzuri.md") and path.name[:4].isdigit()
    assert "最初の本文" in path.read_text(encoding="utf-8")


def test_splitter_sizes_are_remembered(qtbot, blog, make_window, settings):
    window = make_window(blog)
    window.resize(760, 560)  # fits any test screen, so the geometry is restored unclamped
    window.main_splitter.setSizes([100, 360, 280])
    remembered = window.main_splitter.sizes()
    window.close()
    again = make_window(blog, window_settings=settings)
    assert again.main_splitter.sizes() == remembered


def test_preview_falls_back_when_webengine_is_unavailable(qtbot, blog, make_window, monkeypatch):
    from editor.ui import preview

    monkeypatch.setattr(preview, "WEBENGINE_ERROR", "QtWebEngine could not start")
    window = make_window(blog, blog / "_posts" / JA_POST)
    assert not window.preview.uses_webengine
    assert "QtWebEngine could not start" in window.preview_status.text()
    wait_for_preview(qtbot, window, "需要を押し上げている三つの要因")


def test_publishing_a_draft_moves_it_into_posts_with_todays_date(qtbot, blog, make_window):
    import datetime as dt

    draft = blog / "_drafts" / "semiconductor-supply-chain.md"
    window = make_window(blog, draft)
    type_text(qtbot, window.editor, "公開前の一文。")
    assert window.publish_draft()
    today = dt.datetime.now(dt.timezone(dt.timedelta(hours=9))).strftime("%Y-%m-%d")
    published = blog / "_posts" / f"{today}-semiconductor-supply-chain.md"
    assert published.is_file() and not draft.exists()
    text = published.read_text(encoding="utf-8")
    assert f"date: {today}" in text and "公開前の一文。" in text
    assert window.document.path.name == published.name


def test_a_yaml_edit_waiting_for_its_debounce_is_not_lost_when_leaving(
    qtbot, blog, make_window, prompt_log
):
    post = blog / "_posts" / JA_POST
    window = make_window(blog, post)
    window.form.tabs.setCurrentWidget(window.form.raw)
    window.form.raw.moveCursor(window.form.raw.textCursor().MoveOperation.End)
    type_text(qtbot, window.form.raw, "mood: 楽しい\n")
    window.close_current_tab()  # at once, no wait
    assert any(entry[0] == "confirm" for entry in prompt_log)


def test_opening_a_post_of_another_blog_opens_that_blog(
    qtbot, blog, tmp_path, make_window, monkeypatch
):
    import shutil

    other = tmp_path / "other-blog"
    shutil.copytree(blog, other)
    window = make_window(blog, blog / "_posts" / JA_POST)
    target = other / "_posts" / "2025-10-22-index-fund-basics.md"
    monkeypatch.setattr(prompts, "choose_post_to_open", lambda *a: target)
    window.open_action.trigger()
    assert window.blog_root == other.resolve()
    assert window.document.path == target.resolve()


def test_open_blog_opens_its_newest_post(qtbot, blog, tmp_path, make_window, monkeypatch):
    import shutil

    other = tmp_path / "other-blog"
    shutil.copytree(blog, other)
    window = make_window(blog, blog / "_posts" / JA_POST)
    monkeypatch.setattr(prompts, "choose_blog_folder", lambda *a: other)
    window.open_blog_action.trigger()
    assert window.blog_root == other.resolve()
    assert window.document.path.name == "2025-10-24-writing-with-tsuzuri.md"


def test_a_typed_slug_counts_as_a_change_and_publishing_uses_it(
    qtbot, blog, make_window, prompt_log
):
    draft = blog / "_drafts" / "semiconductor-supply-chain.md"
    window = make_window(blog, draft)
    assert not window.isWindowModified()
    window.form.slug.selectAll()
    qtbot.keyClicks(window.form.slug, "chips-map")
    assert window.isWindowModified()
    assert window.publish_draft()
    assert window.document.path.name.endswith("-chips-map.md")
    assert window.document.path.parent.name == "_posts"
    assert not (blog / "_drafts" / "chips-map.md").exists() and not draft.exists()


def test_a_new_post_without_a_title_is_not_saved_under_a_made_up_name(
    qtbot, blog, make_window, prompt_log
):
    window = make_window(blog)
    window.new_post()
    type_text(qtbot, window.editor, "題名のない本文")
    assert not window.save()
    assert any(entry[0] == "error" and "title" in entry[3] for entry in prompt_log)
    assert "題名のない本文" in window.editor.toPlainText()
    assert window.document.path is None
    assert sorted(p.name for p in (blog / "_posts").iterdir()) == sorted(
        p.name for p in (SAMPLE / "_posts").iterdir()
    )


def test_saving_takes_a_zone_still_being_typed(qtbot, blog, make_window):
    post = blog / "_posts" / JA_POST
    window = make_window(blog, post)
    zone = window.form.date.zone.lineEdit()
    zone.setFocus()
    zone.selectAll()
    qtbot.keyClicks(zone, "+0000")
    window.save_action.trigger()  # while the zone box still has the focus
    assert "date: 2025-10-20 09:00:00 +0000" in post.read_text(encoding="utf-8")


def test_closing_during_a_long_render_does_not_wait_for_it(qtbot, blog, make_window, monkeypatch):
    import time

    from editor.ui import live_preview

    # The render process takes seconds over each render (the doctor checks in its own process:
    # closing stops both without waiting).
    monkeypatch.setattr(live_preview, "RENDER_WORKER", "tests.service_handlers:SlowRenderWorkers")
    window = make_window(blog, blog / "_posts" / JA_POST)
    shown = []
    window.renderer.finished.connect(shown.append)
    service = window.renderer.service
    qtbot.waitUntil(service.busy, timeout=10000)
    began = time.monotonic()
    window.close()
    took = time.monotonic() - began
    assert not window.isVisible()
    assert took < 5, f"closing waited {took:.1f} s for the render"
    qtbot.wait(500)
    assert shown == []  # a closed window's late result is dropped


def test_preview_warnings_show_in_the_status_bar(qtbot, blog, make_window):
    window = make_window(blog, blog / "_posts" / JA_POST)
    wait_for_preview(qtbot, window, "需要を押し上げている三つの要因")
    assert "warning" not in window.preview_status.text()
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    type_text(qtbot, window.editor, "\n\n{% seo %}\n")
    qtbot.waitUntil(lambda: "{% seo %}" in window.preview_status.toolTip(), timeout=15000)
    assert "1 warning" in window.preview_status.text()
    assert "Liquid tag not understood" in window.preview_status.toolTip()
    # Fixed text: the warning goes away with the next render.
    for _ in range(len("{% seo %}\n")):
        qtbot.keyClick(window.editor, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: window.preview_status.toolTip() == "", timeout=15000)
    assert "warning" not in window.preview_status.text()
