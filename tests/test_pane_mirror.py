"""The pane's mirror always reads as the pane does, edit by edit, without reading it whole."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit

from editor.core.text.textpos import Utf16Offsets
from editor.ui.pane_mirror import PaneMirror

ALPHABET = st.sampled_from(
    list("ab 日本語。\n\t#-*`>|") + ["\u00a0", "\u3000", "」", "😀", "𠮷", "\U0001f1ef"]
)

EDITS = st.lists(
    st.tuples(
        st.sampled_from(["insert", "remove", "undo", "redo", "replace_all"]),
        st.floats(0, 1),
        st.floats(0, 1),
        st.text(ALPHABET, max_size=12),
    ),
    max_size=25,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(start=st.text(ALPHABET, max_size=60), edits=EDITS)
def test_the_mirror_reads_as_the_pane_after_any_edits(qtbot, start, edits):
    pane = QPlainTextEdit()
    pane.setPlainText(start)
    mirror = PaneMirror(pane.document())
    seen = []
    mirror.edited.connect(seen.append)
    for kind, where, span, text in edits:
        # Qt's positions are UTF-16 units: never one inside an emoji's surrogate pair.
        now = pane.toPlainText()
        offsets = Utf16Offsets(now)
        cursor = QTextCursor(pane.document())
        at = int(where * len(now))
        if kind == "insert":
            cursor.setPosition(offsets.utf16(at))
            cursor.insertText(text)
        elif kind == "remove":
            cursor.setPosition(offsets.utf16(at))
            end = offsets.utf16(min(len(now), at + int(span * 10)))
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
        elif kind == "undo":
            pane.undo()
        elif kind == "redo":
            pane.redo()
        else:
            pane.setPlainText(text)
        assert mirror.text == pane.toPlainText()
    assert mirror.resyncs == 0
    rebuilt = start.replace("\u00a0", " ")
    for edit in seen:
        rebuilt = rebuilt[: edit.start] + edit.added + rebuilt[edit.start + edit.removed :]
        assert len(rebuilt) == edit.length
    assert rebuilt == pane.toPlainText()


def test_emoji_are_read_right_too(qtbot):
    pane = QPlainTextEdit()
    pane.setPlainText("絵文字😀のある文\n次の行")
    mirror = PaneMirror(pane.document())
    cursor = pane.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText("🎉末尾")
    assert mirror.text == pane.toPlainText() == "絵文字😀のある文\n次の行🎉末尾"


def test_typing_after_an_emoji_copies_only_what_was_typed(qtbot):
    pane = QPlainTextEdit()
    pane.setPlainText("前😀の行\n" * 200 + "🎉最後")
    mirror = PaneMirror(pane.document())
    seen = []
    mirror.edited.connect(seen.append)
    cursor = pane.textCursor()
    cursor.setPosition(
        len("前😀の行\n".encode("utf-16-le")) // 2 * 100 + 3
    )  # after line 100's emoji
    cursor.insertText("字")
    cursor.insertText("🍣")
    cursor.deletePreviousChar()  # the sushi: two UTF-16 units, one character
    cursor.deletePreviousChar()
    cursor.setPosition(1)
    cursor.setPosition(3, QTextCursor.MoveMode.KeepAnchor)  # the first line's emoji and の
    cursor.insertText("絵文字")
    assert mirror.text == pane.toPlainText()
    assert mirror.resyncs == 0
    assert not any(edit.whole for edit in seen)
    assert [edit.added for edit in seen] == ["字", "🍣", "", "", "絵文字"]
    assert seen[0].start == 5 * 100 + 2


def test_a_change_qt_never_reports_is_caught_once_typing_pauses(qtbot):
    pane = QPlainTextEdit()
    pane.setPlainText("一行目\n二行目")
    mirror = PaneMirror(pane.document())
    seen = []
    mirror.edited.connect(seen.append)
    editing = []

    def edit_while_reported(*_args):
        # A slot that edits the text while Qt reports a change: Qt reports only the first.
        if not editing:
            editing.append(True)
            QTextCursor(pane.document()).insertText("先頭")

    pane.document().contentsChange.connect(edit_while_reported)
    pane.textCursor().insertText("追記")
    assert pane.toPlainText() == "先頭追記一行目\n二行目"
    qtbot.waitUntil(lambda: mirror.text == pane.toPlainText(), timeout=5000)
    assert seen[-1].whole and seen[-1].added == pane.toPlainText()


def test_the_check_after_a_pause_never_copies_the_whole_pane(qtbot, monkeypatch):
    # A megabyte copied in one go holds up a key pressed meanwhile: the check goes by stretches.
    pane = QPlainTextEdit()
    pane.setPlainText(("段落の文です😀。" * 12 + "\n") * 3000)
    mirror = PaneMirror(pane.document())
    copies = []
    whole = QTextDocument.toPlainText

    def counted(document):
        copies.append(document)
        return whole(document)

    monkeypatch.setattr(QTextDocument, "toPlainText", counted)
    cursor = pane.textCursor()
    cursor.setPosition(pane.document().characterCount() // 2)
    cursor.insertText("字")
    qtbot.waitUntil(lambda: mirror.checks == 1, timeout=10000)
    assert copies == [] and mirror.resyncs == 0
    # A change Qt never reported, far down the pane (one character for another), is found by
    # the check after the next pause.
    at = Utf16Offsets(mirror.text).utf16(mirror.text.rindex("段"))
    pane.document().blockSignals(True)
    edit = pane.textCursor()
    edit.setPosition(at)
    edit.setPosition(at + 1, QTextCursor.MoveMode.KeepAnchor)
    edit.insertText("黙")
    pane.document().blockSignals(False)
    cursor.insertText("字")
    assert mirror.resyncs == 0
    qtbot.waitUntil(lambda: mirror.resyncs == 1, timeout=10000)
    assert mirror.text == whole(pane.document()) and "黙落の文" in mirror.text
