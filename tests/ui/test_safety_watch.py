"""Another program changes, replaces or deletes the open post: the window notices and loses nothing."""

from __future__ import annotations

import os

import pytest

from editor.ui import prompts
from tests.ui.conftest import JA_POST, type_text

pytestmark = pytest.mark.ui


@pytest.fixture
def post(blog):
    return blog / "_posts" / JA_POST


def _replace_by_rename(path, text: str) -> None:
    """Save the way many editors and git do: write a new file, rename it over the old one."""
    temp = path.with_name(path.name + ".new")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)


def _outside_change(qtbot, window, change) -> str:
    with qtbot.waitSignal(window.safekeeping.outside_change_checked, timeout=10000) as checked:
        change()
    return checked.args[0]


def test_outside_change_to_unmodified_post_reloads_keeping_cursor(qtbot, post, blog, make_window):
    window = make_window(blog, post)
    cursor = window.editor.textCursor()
    cursor.setPosition(40)
    window.editor.setTextCursor(cursor)
    scroll_bar = window.editor.verticalScrollBar()
    assert scroll_bar.maximum() > 3
    scroll_bar.setValue(3)
    theirs = post.read_text(encoding="utf-8") + "\n外から足された段落\n"
    assert _outside_change(qtbot, window, lambda: _replace_by_rename(post, theirs)) == "reloaded"
    assert window.document.text == theirs
    assert window.editor.toPlainText().endswith("外から足された段落\n")
    assert window.editor.textCursor().position() == 40
    assert scroll_bar.value() == 3
    assert not window.isWindowModified()
    assert "reloaded" in window.statusBar().currentMessage()

    # The rename dropped the watch on the old file; the post is still watched afterwards.
    again = theirs + "二度目の変更\n"
    assert _outside_change(qtbot, window, lambda: _replace_by_rename(post, again)) == "reloaded"
    assert window.document.text == again


def test_touch_without_change_is_ignored(qtbot, post, blog, make_window):
    window = make_window(blog, post)
    same = post.read_text(encoding="utf-8")
    assert _outside_change(qtbot, window, lambda: _replace_by_rename(post, same)) == "same"


@pytest.mark.parametrize("answer", ["keep", "reload"])
def test_outside_change_to_modified_post_asks(qtbot, post, blog, make_window, monkeypatch, answer):
    window = make_window(blog, post)
    type_text(qtbot, window.editor, "私の編集")
    mine = window.document.text
    theirs = post.read_text(encoding="utf-8") + "\n彼らの編集\n"
    asked = []
    monkeypatch.setattr(prompts, "ask_conflict", lambda *a: asked.append(a) or answer)
    assert _outside_change(qtbot, window, lambda: post.write_text(theirs, "utf-8")) == "asked"
    assert asked[0][1:] == (JA_POST, theirs, mine, False)
    if answer == "keep":
        assert window.document.text == mine and window.isWindowModified()
        assert post.read_text(encoding="utf-8") == theirs
        assert window.save()  # the writer saw theirs and chose theirs away: no second question
        assert post.read_text(encoding="utf-8") == mine and len(asked) == 1
    else:
        assert window.document.text == theirs and not window.isWindowModified()


def test_deleted_post_is_reported_text_kept_and_save_recreates_it(
    qtbot, post, blog, make_window, prompt_log
):
    window = make_window(blog, post)
    type_text(qtbot, window.editor, "残す文")
    mine = window.document.text
    assert _outside_change(qtbot, window, post.unlink) == "missing"
    told = [entry for entry in prompt_log if entry[0] == "info"]
    assert len(told) == 1 and "deleted or renamed" in told[0][3]
    assert window.document.text == mine
    assert window.save()
    assert post.read_text(encoding="utf-8") == mine


def test_renamed_post_keeps_text_and_the_new_name_is_left_alone(
    qtbot, post, blog, make_window, prompt_log
):
    window = make_window(blog, post)
    renamed = post.with_name("2025-10-20-renamed.md")
    original = post.read_text(encoding="utf-8")
    assert _outside_change(qtbot, window, lambda: post.rename(renamed)) == "missing"
    assert window.document.text == original
    assert window.windowTitle().startswith(JA_POST)
    assert renamed.read_text(encoding="utf-8") == original
