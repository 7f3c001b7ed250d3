"""Unsaved work is journaled while the writer types and offered back after a crash."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from editor.core.files.recovery import RecoveryEntry, RecoveryStore
from editor.ui import prompts
from editor.ui.recovery_dialog import RecoveryChoice
from editor.ui.resources import data_dir
from tests.ui.conftest import JA_POST, SAMPLE, type_text

pytestmark = pytest.mark.ui


@pytest.fixture
def post(blog):
    return blog / "_posts" / JA_POST


def _store() -> RecoveryStore:
    return RecoveryStore(data_dir() / "recovery")


def _end(window) -> None:
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)


def _lose_focus(window) -> None:
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowDeactivate))


def test_typing_is_journaled_within_seconds(qtbot, post, blog, make_window):
    window = make_window(blog, post)
    _end(window)
    with qtbot.waitSignal(window.safekeeping.journaled, timeout=15000):
        type_text(qtbot, window.editor, "\n書きかけの段落")
    [entry] = _store().entries(blog)
    assert entry.text == window.document.text
    assert entry.post_path == str(post.resolve())
    assert entry.disk_state() == "unchanged"


def test_typing_is_journaled_off_the_window_thread_and_the_newest_text_wins(
    qtbot, post, blog, make_window, monkeypatch
):
    """Writing the journal (its JSON and fsync: ~40 ms at 1 MB) never holds a keystroke: it
    runs on a thread, in order, and a text typed while a write is slow is the one kept."""
    import threading

    window = make_window(blog, post)
    _end(window)
    writers: list[bool] = []
    gate = threading.Event()
    save = RecoveryStore.save

    def slow_save(store, entry):
        writers.append(threading.current_thread() is threading.main_thread())
        if len(writers) == 1:
            gate.wait(10)  # the first write is stuck on a slow disk
        save(store, entry)

    monkeypatch.setattr(RecoveryStore, "save", slow_save)
    safekeeping = window.safekeeping
    type_text(qtbot, window.editor, "\n一つ目")
    monkeypatch.setattr(safekeeping.journal, "_due_at", 0.0)  # due now, as 2 s after typing
    safekeeping.poll()  # returns while the write waits for the disk
    qtbot.waitUntil(lambda: writers == [False], timeout=5000)
    type_text(qtbot, window.editor, "二つ目")
    monkeypatch.setattr(safekeeping.journal, "_due_at", 0.0)
    safekeeping.poll()
    gate.set()
    qtbot.waitUntil(lambda: len(writers) == 2, timeout=10000)
    qtbot.waitUntil(lambda: not safekeeping.writing(), timeout=10000)
    assert writers == [False, False]
    [entry] = _store().entries(blog)
    assert entry.text == window.document.text and "一つ目二つ目" in entry.text


def test_losing_focus_journals_at_once_including_front_matter(qtbot, post, blog, make_window):
    window = make_window(blog, post)
    window.form.title.selectAll()
    qtbot.keyClicks(window.form.title, "New title")
    with qtbot.waitSignal(window.safekeeping.journaled, timeout=1000):
        _lose_focus(window)
    [entry] = _store().entries(blog)
    assert 'title: "New title"' in entry.text or "title: New title" in entry.text


def test_saving_removes_the_recovery_copy(qtbot, post, blog, make_window):
    window = make_window(blog, post)
    type_text(qtbot, window.editor, "保存前")
    _lose_focus(window)
    assert _store().entries(blog)
    assert window.save()
    assert _store().entries(blog) == []


def test_discarding_removes_the_recovery_copy(qtbot, post, blog, make_window, monkeypatch):
    window = make_window(blog, post)
    type_text(qtbot, window.editor, "捨てる文")
    _lose_focus(window)
    assert _store().entries(blog)
    monkeypatch.setattr(prompts, "confirm_discard", lambda *a: "discard")
    window.close()
    assert _store().entries(blog) == []


def test_undoing_back_to_the_saved_text_removes_the_copy(qtbot, post, blog, make_window):
    window = make_window(blog, post)
    type_text(qtbot, window.editor, "x")
    _lose_focus(window)
    assert _store().entries(blog)
    window.editor.undo()
    qtbot.waitUntil(lambda: _store().entries(blog) == [], timeout=5000)


def test_untitled_new_post_is_journaled(qtbot, blog, make_window):
    window = make_window(blog)
    window.new_post()
    type_text(qtbot, window.editor, "題のない下書き")
    with qtbot.waitSignal(window.safekeeping.journaled, timeout=1000):
        _lose_focus(window)
    [entry] = _store().entries(blog)
    assert entry.post_path is None and entry.disk_state() == "untitled"
    assert "題のない下書き" in entry.text and entry.text == window.document.text


def _left_by_a_crash(blog, post, text: str) -> RecoveryEntry:
    """An entry as a Tsuzuri that died mid-edit leaves it (its process is gone)."""
    from editor.core.files.storage import read_post_file

    entry = RecoveryEntry(
        id="a" * 32,
        blog_root=str(blog.resolve()),
        post_path=None if post is None else str(post.resolve()),
        text=text,
        base=None if post is None else read_post_file(post).fingerprint,
        saved_at=1_700_000_000.0,
        owner="",
    )
    _store().save(entry)
    return entry


def test_start_offers_recovery_and_restores_as_unsaved_changes(
    qtbot, post, blog, make_window, monkeypatch
):
    on_disk = post.read_text(encoding="utf-8")
    crashed = on_disk + "\nクラッシュ前の文\n"
    _left_by_a_crash(blog, post, crashed)
    offered = []

    def restore_first(_parent, entries, _corrupt):
        offered.extend(entries)
        return RecoveryChoice(restore=entries[0].id)

    monkeypatch.setattr(prompts, "choose_recovery", restore_first)
    window = make_window(blog)
    assert [entry.label for entry in offered] == [JA_POST]
    assert "+クラッシュ前の文" in offered[0].diff_against_disk()
    assert window.document.text == crashed
    assert window.document.path == post.resolve()
    assert window.isWindowModified()
    assert post.read_text(encoding="utf-8") == on_disk  # nothing written until saved
    assert window.save()
    assert post.read_text(encoding="utf-8") == crashed
    assert _store().entries(blog) == []


def test_restored_untitled_post_keeps_asking_until_saved_or_discarded(
    qtbot, blog, make_window, monkeypatch
):
    _left_by_a_crash(blog, None, "---\ntitle: 下書き\n---\n")
    monkeypatch.setattr(
        prompts, "choose_recovery", lambda _p, entries, _c: RecoveryChoice(restore=entries[0].id)
    )
    window = make_window(blog)
    assert window.document.text == "---\ntitle: 下書き\n---\n"
    asked = []
    monkeypatch.setattr(prompts, "confirm_discard", lambda *a: asked.append(a) or "cancel")
    window.close()
    assert asked and window.isVisible()
    assert _store().entries(blog)


def test_discarding_in_the_recovery_list_deletes_the_entry(
    qtbot, post, blog, make_window, monkeypatch
):
    entry = _left_by_a_crash(blog, post, "捨てられる文\n")
    monkeypatch.setattr(prompts, "choose_recovery", lambda *a: RecoveryChoice(discard=[entry.id]))
    window = make_window(blog)
    assert not window.isWindowModified()
    assert _store().entries(blog) == []


def test_another_blogs_work_is_not_offered(qtbot, post, blog, tmp_path, make_window, prompt_log):
    other = tmp_path / "other-blog"
    shutil.copytree(SAMPLE, other)
    _left_by_a_crash(other, other / "_posts" / JA_POST, "別のブログの文\n")
    make_window(blog)
    assert [entry for entry in prompt_log if entry[0] == "recovery"] == []
    assert len(_store().entries(other)) == 1


def test_recovery_dialog_shows_the_difference_and_restores(qtbot, post, blog):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    from editor.ui.recovery_dialog import RecoveryDialog

    entry = _left_by_a_crash(blog, post, post.read_text(encoding="utf-8") + "戻したい文\n")
    dialog = RecoveryDialog(None, [entry], corrupt=1)
    qtbot.addWidget(dialog)
    dialog.show()
    assert JA_POST in dialog.list.item(0).text()
    assert "+戻したい文" in dialog.diff_view.toPlainText()
    buttons = {b.text().replace("&", ""): b for b in dialog.findChildren(QPushButton)}
    qtbot.mouseClick(buttons["Restore"], Qt.MouseButton.LeftButton)
    assert dialog.choice == RecoveryChoice(restore=entry.id)


def test_opening_the_restored_post_again_keeps_the_restored_text(
    qtbot, post, blog, make_window, monkeypatch
):
    crashed = post.read_text(encoding="utf-8") + "\n復元した文\n"
    _left_by_a_crash(blog, post, crashed)
    monkeypatch.setattr(
        prompts, "choose_recovery", lambda _p, entries, _c: RecoveryChoice(restore=entries[0].id)
    )
    asked = []
    monkeypatch.setattr(prompts, "confirm_discard", lambda *a: asked.append(a) or "discard")
    window = make_window(blog, post)  # as `tsuzuri POST` does after the recovery list
    assert window.document.text == crashed and asked == []


def test_restoring_keeps_windows_line_endings_exactly(qtbot, blog, make_window, monkeypatch):
    post = blog / "_posts" / "2025-01-03-crlf.md"
    post.write_bytes(b"---\r\ntitle: t\r\n---\r\n\r\nline one\r\n")
    crashed = "---\r\ntitle: t\r\n---\r\n\r\nline one\r\n行を足した\r\n"
    _left_by_a_crash(blog, post, crashed)
    monkeypatch.setattr(
        prompts, "choose_recovery", lambda _p, entries, _c: RecoveryChoice(restore=entries[0].id)
    )
    window = make_window(blog)
    assert window.document.text == crashed and window.isWindowModified()
    assert window.save()
    assert post.read_bytes() == crashed.encode("utf-8")


def test_untitled_entry_is_listed_by_its_title(qtbot, blog):
    from editor.ui.recovery_dialog import RecoveryDialog

    entry = _left_by_a_crash(blog, None, "---\ntitle: 春の下書き\n---\n本文\n")
    dialog = RecoveryDialog(None, [entry])
    qtbot.addWidget(dialog)
    assert dialog.list.item(0).text().startswith("New post: 春の下書き — ")


def test_a_lone_post_outside_any_blog_is_journaled_in_its_folder(qtbot, tmp_path, make_window):
    from editor.core.files.recovery import RecoveryStore
    from editor.ui.resources import data_dir

    folder = tmp_path / "loose"
    folder.mkdir()
    post = folder / "メモ.md"
    post.write_text("---\ntitle: メモ\n---\n本文\n", encoding="utf-8")
    window = make_window(None, post)
    assert window.blog_root is None
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    type_text(qtbot, window.editor, "未保存の追記")
    window.safekeeping.flush()
    entries = RecoveryStore(data_dir() / "recovery").entries(folder)
    assert len(entries) == 1 and "未保存の追記" in entries[0].text


def _break_recovery_folder(how: str, monkeypatch) -> Path:
    """The ways the recovery folder fails in the field; returns the folder."""
    import errno
    import os
    import pathlib

    from editor.core.files import storage

    folder = Path(os.environ["TSUZURI_DATA_DIR"]) / "recovery"
    if how == "data-folder-a-file":
        folder.parent.write_text("not a folder", encoding="utf-8")
    elif how == "a-file":
        folder.parent.mkdir(parents=True, exist_ok=True)
        folder.write_text("not a folder", encoding="utf-8")
    elif how == "read-only":
        # What a read-only data folder does to mkdir (chmod alone does not stop root).
        real_mkdir = pathlib.Path.mkdir

        def refuse(path, *args, **kwargs):
            if path == folder:
                raise PermissionError(errno.EACCES, "Permission denied", str(path))
            return real_mkdir(path, *args, **kwargs)

        monkeypatch.setattr(pathlib.Path, "mkdir", refuse)
    else:

        def full(*_args):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(storage.DISK, "write", full)
    return folder


@pytest.mark.parametrize("how", ["a-file", "data-folder-a-file", "read-only", "disk-full"])
def test_quitting_asks_about_unsaved_text_when_the_journal_cannot_write(
    qtbot, post, blog, make_window, monkeypatch, prompt_log, how
):
    folder = _break_recovery_folder(how, monkeypatch)
    window = make_window(blog, post)
    _end(window)
    shown = []
    window.statusBar().messageChanged.connect(shown.append)
    type_text(qtbot, window.editor, "\n消えてはいけない段落")
    # The journal tries every couple of seconds; give it time to fail more than once.
    qtbot.waitUntil(lambda: any("recovery" in text for text in shown), timeout=6000)
    _lose_focus(window)
    qtbot.wait(3000)
    told = [text for text in shown if "recovery" in text]
    assert len(told) == 1, told  # said once, plainly
    assert str(folder) in told[0] and "Error" not in told[0]
    if how.endswith("a-file"):
        assert "a file is where the folder should be" in told[0]

    monkeypatch.setattr(
        prompts, "confirm_discard", lambda *a: prompt_log.append(("confirm", *a)) or "cancel"
    )
    window.close()
    assert [entry for entry in prompt_log if entry[0] == "confirm"]
    assert window.isVisible()
    assert window.editor.toPlainText().endswith("消えてはいけない段落")


@pytest.mark.timeout(60)
def test_start_survives_a_fifo_and_a_dev_zero_link_in_the_recovery_folder(
    qtbot, post, blog, make_window, monkeypatch
):
    import os

    crashed = post.read_text(encoding="utf-8") + "\n特殊ファイルの隣の文\n"
    _left_by_a_crash(blog, post, crashed)
    folder = _store().folder
    os.mkfifo(folder / "0000.json")  # listed first: nobody ever writes into it
    (folder / "0001.json").symlink_to("/dev/zero")  # endless: must not be read
    offered = []

    def restore_first(_parent, entries, corrupt):
        offered.append(([e.text for e in entries], corrupt))
        return RecoveryChoice(restore=entries[0].id)

    monkeypatch.setattr(prompts, "choose_recovery", restore_first)
    window = make_window(blog)
    assert offered == [([crashed], 2)]  # both listed as broken files, kept
    assert window.document.text == crashed
