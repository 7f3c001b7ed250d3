"""Saving in the window: all or nothing, never over someone else's version, failures lose nothing."""

from __future__ import annotations

import errno
import shutil

import pytest

from editor.core.files import storage
from editor.core.files.storage import TEMP_PREFIX
from editor.ui import prompts
from tests.ui.conftest import JA_POST, type_text

pytestmark = pytest.mark.ui


@pytest.fixture
def post(blog):
    return blog / "_posts" / JA_POST


def _end(window) -> None:
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)


def _leftovers(folder) -> list:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(TEMP_PREFIX))


def test_save_writes_the_post_and_leaves_no_temporary_file(qtbot, post, blog, make_window):
    window = make_window(blog, post)
    _end(window)
    type_text(qtbot, window.editor, "\n保存する段落")
    with qtbot.waitSignal(window.post_saved, timeout=5000):
        window.save_action.trigger()
    assert post.read_text(encoding="utf-8").endswith("保存する段落")
    assert _leftovers(post.parent) == []
    assert not window.isWindowModified()


@pytest.mark.parametrize(
    ("code", "words"),
    [(errno.ENOSPC, "disk is full"), (errno.EACCES, "Permission denied")],
)
def test_failed_save_keeps_old_file_and_text_and_says_why(
    qtbot, post, blog, make_window, monkeypatch, prompt_log, code, words
):
    before = post.read_bytes()
    window = make_window(blog, post)
    _end(window)
    type_text(qtbot, window.editor, "\n消えてはいけない文")

    def fail(*_args):
        raise OSError(code, "injected")

    monkeypatch.setattr(storage.DISK, "write", fail)
    assert window.save() is False
    assert post.read_bytes() == before
    assert _leftovers(post.parent) == []
    assert window.editor.toPlainText().endswith("消えてはいけない文")
    assert window.isWindowModified()
    failures = [entry for entry in prompt_log if entry[0] == "save_failed"]
    assert failures and words in failures[0][3]


def test_failed_save_offers_save_as_which_saves_elsewhere(
    qtbot, post, blog, make_window, monkeypatch, tmp_path
):
    window = make_window(blog, post)
    _end(window)
    type_text(qtbot, window.editor, "\n別の場所へ")
    real_open_temp = storage.Disk.open_temp

    def refuse_in_posts(disk, folder, name):
        if folder == str(post.parent.resolve()):
            raise PermissionError(errno.EACCES, "injected")
        return real_open_temp(disk, folder, name)

    monkeypatch.setattr(storage.DISK, "open_temp", refuse_in_posts.__get__(storage.DISK))
    elsewhere = blog / "_drafts" / "別の場所.md"
    elsewhere.parent.mkdir(exist_ok=True)
    monkeypatch.setattr(prompts, "offer_save_as", lambda *a: True)
    monkeypatch.setattr(prompts, "choose_save_path", lambda *a: elsewhere)
    with qtbot.waitSignal(window.post_saved, timeout=5000) as saved:
        window.save_action.trigger()
    assert saved.args[0] == elsewhere
    assert elsewhere.read_text(encoding="utf-8").endswith("別の場所へ")
    assert "別の場所へ" not in post.read_text(encoding="utf-8")
    assert window.windowTitle().startswith("別の場所.md")


def test_read_only_post_asks_before_saving_over_it(
    qtbot, post, blog, make_window, monkeypatch, prompt_log
):
    # Root may write anything, so the check of the mode bits is what a writer's account sees.
    monkeypatch.setattr(storage, "_marked_read_only", lambda info: not info.st_mode & 0o200)
    post.chmod(0o444)
    before = post.read_bytes()
    window = make_window(blog, post)
    type_text(qtbot, window.editor, "読み取り専用")
    assert window.save() is False
    asked = [entry for entry in prompt_log if entry[0] == "read_only"]
    assert asked and "read-only" in asked[0][3]
    assert post.read_bytes() == before
    assert window.isWindowModified()

    monkeypatch.setattr(prompts, "ask_read_only", lambda *a: "overwrite")
    assert window.save() is True
    assert "読み取り専用" in post.read_text(encoding="utf-8")
    assert post.stat().st_mode & 0o777 == 0o444


def test_deleted_folder_fails_the_save_and_keeps_the_text(
    qtbot, blog, make_window, monkeypatch, prompt_log
):
    folder = blog / "_drafts" / "series"
    folder.mkdir(parents=True)
    draft = folder / "part-1.md"
    draft.write_text("---\ntitle: 一\n---\n\n本文\n", encoding="utf-8")
    window = make_window(blog, draft)
    _end(window)
    type_text(qtbot, window.editor, "\n追記")
    shutil.rmtree(folder)
    answers = iter(["keep"])  # "the post is gone: keep mine?" then the folder is missing too
    monkeypatch.setattr(prompts, "ask_conflict", lambda *a: next(answers))
    assert window.save() is False
    assert not folder.exists()
    failures = [entry for entry in prompt_log if entry[0] == "save_failed"]
    assert failures and "folder no longer exists" in failures[0][3]
    assert window.editor.toPlainText().endswith("追記")


def _write_theirs(post, text: str) -> None:
    post.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("answer", ["cancel", "keep", "reload"])
def test_save_over_a_changed_post_asks_and_follows_the_answer(
    qtbot, post, blog, make_window, monkeypatch, answer
):
    window = make_window(blog, post)
    _end(window)
    type_text(qtbot, window.editor, "\n私の追記")
    mine = window.document.text
    theirs = post.read_text(encoding="utf-8") + "\n他のプログラムの追記\n"
    asked = []
    monkeypatch.setattr(prompts, "ask_conflict", lambda *a: asked.append(a) or answer)
    _write_theirs(post, theirs)  # no event loop runs before the save: the save itself notices
    saved = window.save()
    assert asked and asked[0][2] == theirs and asked[0][3] == mine and asked[0][4] is True
    on_disk = post.read_text(encoding="utf-8")
    if answer == "cancel":
        assert not saved and on_disk == theirs and window.document.text == mine
    elif answer == "keep":
        assert saved and on_disk == mine and not window.isWindowModified()
    else:
        assert not saved and on_disk == theirs
        assert window.document.text == theirs and not window.isWindowModified()


def test_new_post_never_replaces_an_existing_file_silently(
    qtbot, blog, make_window, monkeypatch, prompt_log
):
    window = make_window(blog)
    window.new_post()
    qtbot.keyClicks(window.form.title, "Hello Tsuzuri")
    type_text(qtbot, window.editor, "新しい本文")
    target = window.naming.new_post_path()
    target.write_text("先にあった記事\n", encoding="utf-8")
    monkeypatch.setattr(window.naming, "new_post_path", lambda: target)
    assert window.save() is False
    assert target.read_text(encoding="utf-8") == "先にあった記事\n"
    assert [entry[3] for entry in prompt_log if entry[0] == "conflict"] == ["先にあった記事\n"]


def test_conflict_dialog_compare_shows_the_difference(qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    from editor.ui.conflict_dialog import ConflictDialog

    dialog = ConflictDialog(None, "post.md", "共通\n彼らの行\n", "共通\n私の行\n", True)
    qtbot.addWidget(dialog)
    dialog.show()
    buttons = {b.text().replace("&", ""): b for b in dialog.findChildren(QPushButton)}
    assert not dialog.diff_view.isVisible()
    qtbot.mouseClick(buttons["Compare"], Qt.MouseButton.LeftButton)
    assert dialog.diff_view.isVisible()
    shown = dialog.diff_view.toPlainText()
    assert "-彼らの行" in shown and "+私の行" in shown
    qtbot.mouseClick(buttons["Keep mine"], Qt.MouseButton.LeftButton)
    assert dialog.choice == "keep" and not dialog.isVisible()


def test_conflict_dialog_for_a_deleted_post_offers_no_reload(qtbot):
    from PySide6.QtWidgets import QPushButton

    from editor.ui.conflict_dialog import ConflictDialog

    dialog = ConflictDialog(None, "post.md", None, "私の文\n", True)
    qtbot.addWidget(dialog)
    labels = {b.text().replace("&", "") for b in dialog.findChildren(QPushButton)}
    assert "Keep mine" in labels and "Reload theirs" not in labels
