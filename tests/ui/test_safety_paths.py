"""The window on paths, fields and titles a reviewer attacked: refused clearly, never crashed."""

from __future__ import annotations

import time

import pytest

from editor.ui.app import resolve_target
from tests.ui.conftest import JA_POST

pytestmark = pytest.mark.ui

POST = "---\ntitle: x\nreading_time: 99\n---\nbody text here.\n"


def _errors(prompt_log) -> list[str]:
    return [entry[3] for entry in prompt_log if entry[0] == "error"]


def test_a_post_in_a_folder_linked_outside_opens_with_its_blog_and_is_refused(
    qtbot, blog, tmp_path, make_window, prompt_log
):
    outside = tmp_path / "ext"
    outside.mkdir()
    (outside / "2025-01-01-a.md").write_text(POST, encoding="utf-8")
    (blog / "_posts" / "sub").symlink_to(outside, target_is_directory=True)
    # `tsuzuri blog/_posts/sub/2025-01-01-a.md`, as run_app does it.
    root, post = resolve_target(str(blog / "_posts" / "sub" / "2025-01-01-a.md"))
    assert root == blog.resolve()
    window = make_window(root)
    assert window.open_post(post) is False
    [message] = _errors(prompt_log)
    assert "outside the blog" in message
    assert (outside / "2025-01-01-a.md").read_text(encoding="utf-8") == POST


def test_a_dev_zero_link_in_posts_is_called_a_special_file(qtbot, blog, make_window, prompt_log):
    link = blog / "_posts" / "2025-01-08-zero.md"
    link.symlink_to("/dev/zero")
    window = make_window(blog, blog / "_posts" / JA_POST)
    assert window.open_post(link) is False
    [message] = _errors(prompt_log)
    assert "special file" in message and "outside" not in message


@pytest.mark.parametrize(
    "value",
    ["99999999999999999999999999", "2147483648", "5000", "-5", "3.5"],
    ids=["huge", "2^31", "over-form-range", "negative", "float"],
)
def test_a_reading_time_the_form_cannot_show_is_explained_and_kept(qtbot, blog, make_window, value):
    post = blog / "_posts" / "2025-01-09-long.md"
    text = f"---\ntitle: 題\nreading_time: {value}\n---\n\n本文。\n"
    post.write_text(text, encoding="utf-8")
    window = make_window(blog, blog / "_posts" / JA_POST)
    assert window.open_post(post)
    form = window.form
    message = form.messages["reading_time"]
    assert message.isVisibleTo(form) and value in message.text()
    assert not form.reading_time.isEnabled()  # edited in the YAML tab, where it can be seen whole
    form.title.setText("新しい題")
    form.title.textEdited.emit("新しい題")
    assert window.save()
    saved = post.read_text(encoding="utf-8")
    assert f"\nreading_time: {value}\n" in saved and "新しい題" in saved


@pytest.mark.timeout(120)
def test_pasting_a_very_long_japanese_title_keeps_the_window_responsive(qtbot, blog, make_window):
    window = make_window(blog)
    window.new_post()
    title = "漢字" * 15000
    started = time.perf_counter()
    window.form.title.setText(title)
    window.form.title.textEdited.emit(title)
    qtbot.wait(10)
    pasted = time.perf_counter() - started
    started = time.perf_counter()
    window.form.title.setText(title + "字")
    window.form.title.textEdited.emit(title + "字")
    qtbot.wait(10)
    keyed = time.perf_counter() - started
    assert pasted < 5 and keyed < 5  # were 53 s and 47 s
    assert 0 < len(window.form.slug.text()) <= 60


def test_a_category_folder_post_opened_alone_opens_its_blog(qtbot, blog, make_window):
    """``tsuzuri blog/tech/_posts/x.md`` opens ``blog`` (its zone, its post list), not ``tech``."""
    (blog / "_config.yml").write_text(
        (blog / "_config.yml").read_text("utf-8") + "\ntimezone: Asia/Tokyo\n", "utf-8"
    )
    post = blog / "tech" / "_posts" / "2025-01-02-b.md"
    post.parent.mkdir(parents=True)
    post.write_text("---\ntitle: b\n---\n本文です。\n", "utf-8")
    root, target = resolve_target(str(post))
    assert root == blog.resolve() and target == post.resolve()
    window = make_window(root, target)
    assert window.blog_root == blog.resolve()
    assert window.form.date.text() == "2025-01-02 00:00:00 +0900"  # the file name's day, in Tokyo
