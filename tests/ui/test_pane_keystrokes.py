"""What a keystroke does on the UI thread: the post follows the text pane edit by edit (never a
copy of the whole pane), in step after typing, undo, redo, paste, input-method commits and
replace all; a large post opens with its text shown first."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from editor.ui.editor_pane import MarkdownEditor
from tests.ui.conftest import JA_POST, type_text

pytestmark = pytest.mark.ui


def large_body(size: int) -> str:
    """A Japanese post of about ``size`` bytes with headings, lists, code, tables and Liquid
    (the render benchmark's)."""
    from benchmarks.bench_render import make_post

    return make_post(size)


@pytest.fixture
def copies(monkeypatch):
    """Counts every copy of a text pane's whole text made through ``toPlainText``."""
    calls = []

    def counted(self):
        calls.append(self)
        return QPlainTextEdit.toPlainText(self)

    monkeypatch.setattr(MarkdownEditor, "toPlainText", counted)
    return calls


def _pane_text(window) -> str:
    return QPlainTextEdit.toPlainText(window.editor)


def _in_step(window, bodies: list[str]) -> None:
    text = _pane_text(window)
    assert window.editor.mirror.text == text
    assert window.document.body == text
    assert bodies and bodies[-1] == text  # what the preview and the doctor were handed


def test_typing_in_a_large_post_never_copies_the_whole_pane(qtbot, blog, make_window, copies):
    post = blog / "_posts" / "2025-01-01-large.md"
    post.write_text("---\ntitle: 大きな記事\n---\n" + large_body(300_000), encoding="utf-8")
    window = make_window(blog, post)
    cursor = window.editor.textCursor()
    cursor.setPosition(window.editor.document().characterCount() // 2)
    window.editor.setTextCursor(cursor)
    qtbot.wait(600)  # whatever the opening started has read the pane by now
    copies.clear()
    for _ in range(5):
        qtbot.keyClick(window.editor, Qt.Key.Key_A)
    event = QInputMethodEvent()
    event.setCommitString("テスト")
    QApplication.sendEvent(window.editor, event)
    qtbot.keyClick(window.editor, Qt.Key.Key_Backspace)
    qtbot.wait(700)  # past every pause: the counts, the outline, the post's own copy
    assert copies == []
    assert window.editor.mirror.resyncs == 0
    assert window.document.body.count("aaaaaテス") == 1
    assert window.document.body == _pane_text(window)
    assert window.isWindowModified()


def test_the_post_stays_in_step_with_the_pane_through_every_kind_of_edit(qtbot, blog, make_window):
    window = make_window(blog, blog / "_posts" / JA_POST)
    window.activateWindow()
    window.editor.setFocus()
    bodies: list[str] = []
    window.edited.body_changed.connect(bodies.append)
    editor = window.editor
    editor.moveCursor(QTextCursor.MoveOperation.End)

    type_text(qtbot, editor, "\n追記する段落 with words.\n")
    _in_step(window, bodies)
    editor.undo()
    _in_step(window, bodies)
    editor.redo()
    _in_step(window, bodies)

    QApplication.clipboard().setText("貼り付けた\n二行")
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    editor.paste()
    _in_step(window, bodies)

    editor.moveCursor(QTextCursor.MoveOperation.Start)
    event = QInputMethodEvent("かな", [])  # a composition shows, then is committed
    QApplication.sendEvent(editor, event)
    commit = QInputMethodEvent()
    commit.setCommitString("仮名")
    QApplication.sendEvent(editor, commit)
    _in_step(window, bodies)
    assert window.document.body.startswith("仮名貼り付けた\n二行")

    window.find.open_find(replace=True)
    window.find.bar.find_field.setText("段落")
    window.find.bar.replace_field.setText("節")
    window.find.replace_all()
    _in_step(window, bodies)
    assert "追記する節" in window.document.body
    editor.undo()  # replace all is one step
    _in_step(window, bodies)
    assert "追記する段落" in window.document.body


def test_a_large_post_shows_its_text_first_and_says_the_preview_is_coming(qtbot, blog, make_window):
    window = make_window(blog, blog / "_posts" / JA_POST)
    qtbot.waitUntil(lambda: not window.current_view.renderer.pending(), timeout=30000)
    updates = []
    window.preview.body_updated.connect(lambda: updates.append(window.preview_status.text()))
    post = blog / "_posts" / "2025-01-01-large.md"
    body = large_body(200_000)
    post.write_text("---\ntitle: 大きな記事\n---\n" + body, encoding="utf-8")
    assert window.open_post(post)
    # Before the event loop turns: the text is in the pane, the preview is still coming.
    assert window.editor.mirror.text == body
    assert updates == []
    assert "Preview: rendering…" in window.preview_status.text()
    assert window.doctor_status.text() == "Doctor: checking…"
    qtbot.waitUntil(lambda: bool(updates), timeout=60000)
    qtbot.waitUntil(lambda: "rendering" not in window.preview_status.text(), timeout=10000)
