"""The session: the next start reopens the blog and posts where the writer left them; recent
blogs and posts in the File menu; the sample blog only on the very first start."""

from __future__ import annotations

import shutil

import pytest

from editor.ui.app import open_at_start, resolve_target
from editor.ui.resources import sample_blog
from tests.ui.conftest import JA_POST, SAMPLE

pytestmark = pytest.mark.ui

OTHER = "2025-10-22-index-fund-basics.md"
THIRD = "2025-10-24-writing-with-tsuzuri.md"


def _start(make_window, settings, path=None):
    """A new window started like `tsuzuri [PATH]` on these settings."""
    window = make_window(window_settings=settings)
    open_at_start(window, path, *resolve_target(path))
    return window


def test_the_next_start_reopens_the_tabs_with_cursor_scroll_and_current_tab(
    qtbot, blog, make_window, settings
):
    posts = [blog / "_posts" / name for name in (JA_POST, OTHER, THIRD)]
    window = make_window(blog, posts[0])
    for post in posts[1:]:
        assert window.open_post(post)
    first, second, _third = window.views()
    first.editor.scroll_to_line(20)
    top = first.editor.top_line()
    assert top > 0
    cursor = second.editor.textCursor()
    cursor.setPosition(42)
    second.editor.setTextCursor(cursor)
    window.tabs.setCurrentWidget(second)
    window.close()

    again = _start(make_window, settings)
    assert again.blog_root == blog.resolve()
    assert [view.document.path for view in again.views()] == [p.resolve() for p in posts]
    assert again.current_view is again.views()[1]
    assert again.editor.textCursor().position() == 42
    again.tabs.setCurrentIndex(0)
    qtbot.waitUntil(lambda: again.editor.top_line() == top, timeout=5000)


def test_closing_remembers_the_tab_the_writer_was_on_not_the_last_one_asked_about(
    qtbot, blog, make_window, settings, monkeypatch
):
    from editor.ui import prompts
    from tests.ui.conftest import type_text

    posts = [blog / "_posts" / name for name in (JA_POST, OTHER, THIRD)]
    window = make_window(blog, posts[0])
    for post in posts[1:]:
        assert window.open_post(post)
    first, second, third = window.views()
    for view in (first, third):
        view.editor.moveCursor(view.editor.textCursor().MoveOperation.End)
        type_text(qtbot, view.editor, "追記")
    window.tabs.setCurrentWidget(second)
    monkeypatch.setattr(prompts, "confirm_discard", lambda *a: "discard")
    window.close()
    again = _start(make_window, settings)
    assert again.current_view is again.views()[1]


def test_cursor_moves_reach_the_session_without_a_close(qtbot, blog, make_window, settings):
    """A crash keeps where the writer was, give or take the few seconds between saves."""
    from editor.ui import main_window

    window = make_window(blog, blog / "_posts" / JA_POST)
    assert window.open_post(blog / "_posts" / OTHER)
    cursor = window.editor.textCursor()
    cursor.setPosition(30)
    window.editor.setTextCursor(cursor)
    window.tabs.setCurrentIndex(0)
    qtbot.wait(main_window.SESSION_SAVE_MS + 500)
    state = window.session.saved()
    assert state["current"] == 0
    assert state["tabs"][1]["cursor"] == 30


def test_the_first_start_opens_the_sample_blog_and_later_starts_do_not(
    qtbot, blog, make_window, settings
):
    first = _start(make_window, settings)
    assert first.blog_root == sample_blog().resolve()
    assert first.document.path is not None  # its newest post, to show what Tsuzuri does
    assert first.opening.open_blog_folder(blog)
    first.close()

    later = _start(make_window, settings)
    assert later.blog_root == blog.resolve()
    assert later.document.path.parent == (blog / "_posts").resolve()
    later.close()

    named = _start(make_window, settings, str(blog / "_posts" / THIRD))  # `tsuzuri PATH`
    assert named.document.path == (blog / "_posts" / THIRD).resolve()
    assert named.tabs.count() == 1


def test_a_session_with_nothing_open_stays_empty(qtbot, make_window, settings):
    window = make_window(window_settings=settings)
    window.close()
    again = _start(make_window, settings)
    assert again.blog_root is None and again.tabs.count() == 1


def test_recent_menus_list_and_open(qtbot, blog, tmp_path, make_window, settings, prompt_log):
    other = tmp_path / "other-blog"
    shutil.copytree(SAMPLE, other)
    window = make_window(other, other / "_posts" / OTHER)
    window.close()
    window = make_window(blog, blog / "_posts" / JA_POST)
    assert window.open_post(blog / "_posts" / THIRD)
    gone = blog / "_posts" / OTHER
    assert window.open_post(gone)
    assert window.close_current_tab()
    gone.unlink()

    posts_menu = window.session.recent_posts_menu
    posts_menu.aboutToShow.emit()
    labels = [action.text() for action in posts_menu.actions()]
    assert [label.split()[1] for label in labels] == [OTHER, THIRD, JA_POST, OTHER]
    assert "blog" in labels[1] and "other-blog" in labels[3]
    enabled = [action.isEnabled() for action in posts_menu.actions()]
    assert enabled == [False, True, True, True]  # the deleted post is greyed out
    assert "not found" in labels[0]

    blogs_menu = window.session.recent_blogs_menu
    blogs_menu.aboutToShow.emit()
    assert [action.data() for action in blogs_menu.actions()] == [
        str(blog.resolve()),
        str(other.resolve()),
    ]

    posts_menu.actions()[1].trigger()  # already open: its tab comes forward
    assert window.document.path == (blog / "_posts" / THIRD).resolve()
    assert window.tabs.count() == 2
    posts_menu.actions()[3].trigger()  # a post of the other blog opens that blog
    assert window.blog_root == other.resolve()
    assert window.document.path == (other / "_posts" / OTHER).resolve()
    blogs_menu.aboutToShow.emit()
    blogs_menu.actions()[1].trigger()
    assert window.blog_root == blog.resolve()
    assert [entry for entry in prompt_log if entry[0] == "error"] == []


def test_recent_lists_keep_the_newest_ten(qtbot, blog, make_window, tmp_path):
    window = make_window(blog)
    for number in range(12):
        window.session.remember("posts", tmp_path / f"post-{number}.md")
    listed = window.session.recent("posts")
    assert len(listed) == 10 and listed[0].name == "post-11.md"
    assert len(window.session.recent_posts_menu.actions()) == 10


def test_after_a_crash_the_next_start_still_reopens_the_posts_that_were_open(
    qtbot, blog, make_window, settings
):
    posts = [blog / "_posts" / name for name in (JA_POST, OTHER)]
    window = make_window(blog, posts[0])
    assert window.open_post(posts[1])
    for view in window.views():  # the process dies: the window is never closed
        view.shut_down()
    window.hide()

    again = _start(make_window, settings)
    assert again.blog_root == blog.resolve()
    assert [view.document.path for view in again.views()] == [p.resolve() for p in posts]
