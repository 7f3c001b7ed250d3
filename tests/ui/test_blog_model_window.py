"""The window sees the blog as Jekyll does: its posts, their dates, their file names."""

from __future__ import annotations

import subprocess

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import type_text, wait_for_posts

pytestmark = pytest.mark.ui


def git(blog, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(blog), "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def _labels(qtbot, window) -> list[str]:
    browser = wait_for_posts(qtbot, window)
    return [browser.model.index(row, 0).data() for row in range(browser.model.rowCount())]


def test_the_post_list_shows_the_posts_jekyll_publishes(qtbot, blog, make_window):
    (blog / "tech" / "_posts").mkdir(parents=True)
    (blog / "tech" / "_posts" / "2025-11-01-b.md").write_text("---\ntitle: B\n---\n", "utf-8")
    (blog / "_posts" / "notes.md").write_text("---\ntitle: メモ\n---\n", "utf-8")
    window = make_window(blog)
    labels = _labels(qtbot, window)
    assert labels[0] == "B"
    assert "メモ" not in labels
    window.post_list.view.activated.emit(window.post_list.model.index(0, 0))
    assert window.document.path.name == "2025-11-01-b.md"


def test_a_blog_opened_at_start_up_shows_its_newest_post_with_its_date(qtbot, blog, make_window):
    from editor.ui.app import open_target, resolve_target

    root, post = resolve_target(str(blog))
    window = make_window()
    open_target(window, root, post)
    assert window.document.path.name == "2025-10-24-writing-with-tsuzuri.md"
    assert window.form.date.text() == "2025-10-24 18:15:00 +0900"


def test_a_post_without_a_date_shows_its_file_names_date_while_the_writer_types(
    qtbot, blog, make_window
):
    post = blog / "_posts" / "2025-11-02-nodate.md"
    post.write_text("---\ntitle: 日付なし\n---\n本文\n", "utf-8")
    window = make_window(blog, post)
    assert window.form.date.text() == "2025-11-02 00:00:00 +0900"
    window.form.title.setFocus()
    window.form.title.end(False)
    type_text(qtbot, window.form.title, "です")
    qtbot.keyClick(window.form.title, Qt.Key.Key_Tab)
    qtbot.wait(50)
    assert window.form.date.text() == "2025-11-02 00:00:00 +0900"
    assert window.form.url.text().endswith("/2025/11/02/nodate.html")
    with qtbot.waitSignal(window.post_saved, timeout=5000):
        window.save_action.trigger()
    assert post.read_text("utf-8") == "---\ntitle: 日付なしです\n---\n本文\n"


def test_a_tag_added_to_a_post_dated_unlike_its_file_name_keeps_the_file_name(
    qtbot, blog, make_window
):
    post = blog / "_posts" / "2024-03-01-spring.md"
    post.write_text("---\ntitle: 春\ndate: 2024-03-24 10:00:00 +0900\ntags: [a]\n---\n", "utf-8")
    git(blog, "init", "-q")
    git(blog, "add", "-A")
    git(blog, "commit", "-qm", "start")
    window = make_window(blog, post)
    assert "2024-03-01" in window.form.messages["date"].text()  # the mismatch is pointed out
    assert not window.form.messages["slug"].isVisible()
    window.form.tags.setFocus()
    window.form.tags.end(False)
    type_text(qtbot, window.form.tags, ", b")
    qtbot.keyClick(window.form.tags, Qt.Key.Key_Tab)
    with qtbot.waitSignal(window.post_saved, timeout=5000):
        window.save_action.trigger()
    assert post.is_file()
    assert "tags: [a, b]" in post.read_text("utf-8")
    assert git(blog, "status", "--porcelain").strip() == "M _posts/2024-03-01-spring.md"


def test_changing_the_date_renames_and_lists_links_to_the_old_name(qtbot, blog, make_window):
    post = blog / "_posts" / "2024-03-01-spring.md"
    post.write_text("---\ntitle: 春\ndate: 2024-03-01 10:00:00 +0900\n---\n", "utf-8")
    linking = blog / "_posts" / "2024-04-01-link.md"
    linking.write_text("---\ntitle: l\n---\n[春]({% post_url 2024-03-01-spring %})\n", "utf-8")
    window = make_window(blog, post)
    window.form.date.set_value("2024-03-02 10:00:00 +0900", "Asia/Tokyo")
    window.form.date.edited.emit(window.form.date.text())
    with qtbot.waitSignal(window.post_saved, timeout=5000):
        window.save_action.trigger()
    assert window.document.path.name == "2024-03-02-spring.md"
    status = window.statusBar().currentMessage()
    assert "2024-03-02-spring.md" in status and "2024-04-01-link.md" in status


def test_a_new_post_in_the_window_is_what_tsuzuri_new_writes_with_the_date_shown(
    qtbot, tmp_path, make_window, capsys
):
    from editor.cli import main
    from tests.core.blog.test_blog_skeleton import HABITS

    blog = tmp_path / "habits"
    (blog / "_posts").mkdir(parents=True)
    (blog / "_config.yml").write_text("timezone: Asia/Tokyo\n", encoding="utf-8")
    for n in (1, 2, 3):
        post = blog / "_posts" / f"2025-01-0{n}-p{n}.md"
        post.write_text(HABITS.format(title=f"記事 {n}", n=n), encoding="utf-8")
    window = make_window(blog)
    window.new_post()
    window.form.title.setFocus()
    type_text(qtbot, window.form.title, "新しい記事")
    qtbot.keyClick(window.form.title, Qt.Key.Key_Tab)
    shown = window.form.date.text()  # "YYYY-MM-DD HH:MM:SS +0900"
    with qtbot.waitSignal(window.post_saved, timeout=5000):
        window.save_action.trigger()
    text = window.document.path.read_text("utf-8")
    assert f"\ndate: {shown[:16]}{shown[19:]}\n" in text  # as the blog writes it: no seconds
    assert main(["new", "--title", "新しい記事", "--repo", str(blog), "--date", shown]) == 0
    created = capsys.readouterr().out.strip()
    assert text == (blog / created).read_text("utf-8")


def test_a_date_unlike_the_file_name_is_mended_by_renaming_on_request(qtbot, blog, make_window):
    post = blog / "_posts" / "2024-03-01-spring.md"
    post.write_text("---\ntitle: 春\ndate: 2024-03-24 10:00:00 +0900\n---\n", "utf-8")
    linking = blog / "_posts" / "2024-04-01-link.md"
    linking.write_text(
        "---\ntitle: l\n---\n[春]({% link _posts/2024-03-01-spring.md %})\n", "utf-8"
    )
    window = make_window(blog, post)
    window.rename_to_date_action.trigger()
    assert window.document.path.name == "2024-03-24-spring.md" and not post.exists()
    status = window.statusBar().currentMessage()
    assert "2024-03-24-spring.md" in status and "2024-04-01-link.md" in status
    browser = wait_for_posts(qtbot, window)
    names = [entry.path.name for entry in browser.model.rows]
    assert "2024-03-24-spring.md" in names and "2024-03-01-spring.md" not in names
    assert browser.row_of(window.document.path) == browser.view.currentIndex().row()
