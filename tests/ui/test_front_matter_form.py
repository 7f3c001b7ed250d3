"""The form edits only what the writer changes; broken front matter is shown and kept."""

from __future__ import annotations

import subprocess

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import type_text

pytestmark = pytest.mark.ui

POSTS = [
    "2025-10-20-ai-chip-market.md",
    "2025-10-22-index-fund-basics.md",
    "2025-10-24-writing-with-tsuzuri.md",
]


def git(blog, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(blog), *args], capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture
def git_blog(blog):
    git(blog, "init", "-q")
    git(blog, "-c", "user.name=t", "-c", "user.email=t@example.com", "add", "-A")
    git(blog, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "start")
    return blog


def changed_lines(blog) -> tuple[list[str], list[str]]:
    diff = git(blog, "diff", "-U0").splitlines()
    removed = [line[1:] for line in diff if line.startswith("-") and not line.startswith("---")]
    added = [line[1:] for line in diff if line.startswith("+") and not line.startswith("+++")]
    return removed, added


@pytest.mark.parametrize("name", POSTS)
def test_editing_one_field_gives_a_one_line_git_diff(qtbot, git_blog, make_window, name):
    post = git_blog / "_posts" / name
    window = make_window(git_blog, post)
    window.form.author.selectAll()
    type_text(qtbot, window.form.author, "編集部 B")
    with qtbot.waitSignal(window.post_saved, timeout=5000):
        window.save_action.trigger()
    removed, added = changed_lines(git_blog)
    assert len(removed) == 1 and removed[0].startswith("author:")
    assert added == ['author: "編集部 B"']  # the double quotes the post used are kept


def test_changing_tags_keeps_the_flow_list_style(qtbot, git_blog, make_window):
    post = git_blog / "_posts" / POSTS[0]
    window = make_window(git_blog, post)
    window.form.tags.end(False)
    type_text(qtbot, window.form.tags, ", 投資")
    window.save_action.trigger()
    removed, added = changed_lines(git_blog)
    assert removed == ['tags: ["AI", "半導体", "データセンター"]']
    assert added == ['tags: ["AI", "半導体", "データセンター", "投資"]']


def test_untouched_post_saves_byte_identical(qtbot, git_blog, make_window):
    post = git_blog / "_posts" / POSTS[1]
    before = post.read_bytes()
    window = make_window(git_blog, post)
    window.save_action.trigger()
    assert post.read_bytes() == before


def test_title_with_broken_character_is_flagged_next_to_the_field(qtbot, blog, make_window):
    post = blog / "_posts" / "2025-10-25-cut.md"
    post.write_text(
        '---\ntitle: "Microsoftの「MAI-Image-1」はの可\ufffd"\n---\n\n本文\n', encoding="utf-8"
    )
    window = make_window(blog, post)
    message = window.form.messages["title"]
    assert message.isVisible() and "U+FFFD" in message.text()


BROKEN = '---\ntitle: "閉じていない\ntags: [AI\n---\n\n本文はここにあります。\n'


def test_broken_front_matter_is_shown_editable_and_never_lost(qtbot, blog, make_window):
    post = blog / "_posts" / "2025-10-26-broken.md"
    post.write_text(BROKEN, encoding="utf-8")
    window = make_window(blog, post)

    banner = window.form.error_banner
    assert banner.isVisible() and "line" in banner.text()
    assert not window.form.fields_page.isEnabled()
    assert window.form.tabs.currentWidget() is window.form.raw
    assert window.form.raw.toPlainText() == 'title: "閉じていない\ntags: [AI\n'

    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    type_text(qtbot, window.editor, "追記。")
    window.save_action.trigger()
    saved = post.read_text(encoding="utf-8")
    assert saved == BROKEN + "追記。"

    window.form.raw.selectAll()
    type_text(qtbot, window.form.raw, 'title: "直した題名"\ntags: [AI]\n')
    qtbot.waitUntil(lambda: window.form.fields_page.isEnabled(), timeout=5000)
    assert not banner.isVisible()
    assert window.form.title.text() == "直した題名"
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert post.read_text(encoding="utf-8").startswith(
        '---\ntitle: "直した題名"\ntags: [AI]\n---\n'
    )


def test_unknown_keys_are_listed_and_kept(qtbot, blog, make_window):
    post = blog / "_posts" / "2025-10-27-extra.md"
    post.write_text(
        "---\ntitle: 題\nmath: true\n# a comment\nseries: 入門\n---\n本文\n", encoding="utf-8"
    )
    window = make_window(blog, post)
    assert "math" in window.form.other_label.text() and "series" in window.form.other_label.text()
    window.form.title.selectAll()
    type_text(qtbot, window.form.title, "新題")
    window.save_action.trigger()
    assert post.read_text(encoding="utf-8") == (
        "---\ntitle: 新題\nmath: true\n# a comment\nseries: 入門\n---\n本文\n"
    )


def test_changing_date_and_slug_renames_the_file_with_git_mv(qtbot, git_blog, make_window):
    post = git_blog / "_posts" / POSTS[0]
    window = make_window(git_blog, post)
    window.form.slug.selectAll()
    qtbot.keyClicks(window.form.slug, "ai-chips-2025")
    assert "2025-10-20-ai-chips-2025.md" in window.form.messages["slug"].text()
    assert window.form.url.text().endswith("/2025/10/20/ai-chips-2025.html")
    with qtbot.waitSignal(window.post_saved, timeout=5000) as saved:
        window.save_action.trigger()
    target = git_blog / "_posts" / "2025-10-20-ai-chips-2025.md"
    assert target.is_file() and not post.exists()
    assert window.document.path == target.resolve() or window.document.path == target
    status = git(git_blog, "status", "--porcelain")
    assert f"R  _posts/{POSTS[0]} -> _posts/2025-10-20-ai-chips-2025.md" in status
    assert saved.args[0].name == target.name


def test_an_unsafe_slug_is_refused_at_the_field(qtbot, blog, make_window):
    window = make_window(blog, blog / "_posts" / POSTS[0])
    window.form.slug.selectAll()
    qtbot.keyClicks(window.form.slug, "../../etc")
    assert window.form.messages["slug"].isVisible()
    assert window.form.url.text() == "—"
