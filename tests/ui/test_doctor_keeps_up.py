"""The doctor keeps up with a writer who keeps typing, and its fixes never freeze the window.

The doctor runs in a worker process: while the writer types (an edit every 50 ms) its checks
still end and are shown, their positions carried through what was typed since; the panel says
"checking…" until the current text is checked; "Fix all safe" is worked out while the window
goes on (a timer keeps ticking) and lands as one undo step; a worker that dies is reported.
"""

from __future__ import annotations

import os
import signal

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor

from editor.core.post.split import split_post
from tests.conftest import corpus_files
from tests.ui.conftest import JA_POST

pytestmark = pytest.mark.ui

RAW = corpus_files("raw")
MARKER = "---END---"


def _raw_post(blog, copies: int):
    """The raw corpus post with its body ``copies`` times (a check takes a while)."""
    if not RAW:
        pytest.skip("../shared/corpus/raw is not beside the checkout")
    text = RAW[0].read_text(encoding="utf-8")
    source = split_post(text)
    post = blog / "_posts" / RAW[0].name
    post.write_text(text[: len(text) - len(source.body)] + source.body * copies, "utf-8")
    return post


def _type_at(window, position: int, text: str) -> None:
    cursor = QTextCursor(window.editor.document())
    cursor.setPosition(position)
    cursor.insertText(text)


def _marked_text(window, finding) -> str:
    """What a finding's span covers in the text pane now."""
    span = window.doctor.body_range(finding.start, finding.end)
    assert span is not None
    cursor = QTextCursor(window.editor.document())
    cursor.setPosition(span[0])
    cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


def test_checks_are_shown_while_the_writer_keeps_typing(qtbot, blog, make_window, monkeypatch):
    from editor.ui.doctor_panel import DoctorPanel

    window = make_window(blog, _raw_post(blog, 10))
    qtbot.waitUntil(window.doctor.is_done, timeout=30000)
    panel = window.doctor_panel
    shown: list[tuple[str, list[str]]] = []
    original = DoctorPanel.show_findings

    def record(panel_, findings, text, fixable=0):
        original(panel_, findings, text, fixable)
        markers = [f for f in findings if f.rule == "continuation-marker"]
        # Shown where the markers are in the text of now, however much was typed since.
        shown.append((panel_.summary.text(), [_marked_text(window, f) for f in markers]))

    monkeypatch.setattr(DoctorPanel, "show_findings", record)
    summaries = []
    for i in range(120):  # six seconds of typing, an edit every 50 ms, at the top of the body
        _type_at(window, 0, "あ" if i % 2 else "い")
        summaries.append(panel.summary.text())
        qtbot.wait(50)
    assert shown, "no check was shown while the writer typed"
    assert all(marked and all(m.startswith(MARKER) for m in marked) for _, marked in shown)
    assert all("checking" in summary.lower() for summary in summaries), set(summaries)
    assert "No problems found" not in {summary for summary, _ in shown}
    qtbot.waitUntil(window.doctor.is_done, timeout=30000)
    assert "checking" not in panel.summary.text().lower()
    assert all(
        _marked_text(window, f).startswith(MARKER)
        for f in panel.findings
        if f.rule == "continuation-marker"
    )


def test_the_panel_says_checking_never_no_problems_while_a_check_is_pending(
    qtbot, blog, make_window
):
    window = make_window(blog, blog / "_posts" / JA_POST)
    qtbot.waitUntil(window.doctor.is_done, timeout=15000)
    panel = window.doctor_panel
    assert panel.summary.text() == "No problems found"
    seen = []
    end = len(window.editor.toPlainText())
    for i in range(30):
        _type_at(window, end + i, "文")
        seen.append((panel.summary.text(), window.doctor.is_done()))
        qtbot.wait(50)
    assert all(done for summary, done in seen if summary == "No problems found")
    assert seen[0] == ("Checking…", False)
    qtbot.waitUntil(window.doctor.is_done, timeout=15000)
    assert panel.summary.text() != "Checking…"


def test_fix_all_safe_leaves_the_window_live_and_is_one_undo_step(qtbot, blog, make_window):
    window = make_window(blog, _raw_post(blog, 5))
    qtbot.waitUntil(window.doctor.is_done, timeout=30000)
    _type_at(window, 0, "追記。\n\n")  # the plan is for the text before: worked out again
    before = window.editor.toPlainText()
    ticks = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(window.editor.toPlainText() == before))
    timer.start()
    qtbot.mouseClick(window.doctor_panel.fix_all_button, Qt.MouseButton.LeftButton)
    assert not window.doctor_panel.fix_all_button.isEnabled()  # busy: no second click
    qtbot.waitUntil(lambda: not window.doctor.busy(), timeout=30000)
    timer.stop()
    after = window.editor.toPlainText()
    assert MARKER in before and MARKER not in after
    # The window kept going while the fixes were worked out (on the old text still).
    assert ticks.count(True) >= 3, ticks.count(True)
    window.editor.undo()
    assert window.editor.toPlainText() == before
    window.editor.redo()
    assert window.editor.toPlainText() == after


def test_a_click_while_a_fix_is_worked_out_follows_it(qtbot, blog, make_window):
    window = make_window(blog, _raw_post(blog, 3))
    qtbot.waitUntil(window.doctor.is_done, timeout=30000)
    messages = []
    window.doctor.status_message.connect(messages.append)
    window.doctor.apply_all_safe()
    window.doctor.apply_all_safe()  # e.g. from the menu, before the first is worked out
    assert messages == ["Working out the fixes; yours follows"]
    qtbot.waitUntil(lambda: not window.doctor.busy(), timeout=30000)
    assert MARKER not in window.editor.toPlainText()
    # The second click was not dropped: its plan, for the fixed text, has nothing left.
    assert messages == ["Working out the fixes; yours follows", "Nothing to fix safely"]


def test_a_worker_that_dies_is_reported_and_the_next_check_runs(qtbot, blog, make_window):
    window = make_window(blog, _raw_post(blog, 10))
    qtbot.waitUntil(window.doctor.is_done, timeout=30000)
    _type_at(window, 0, "追記")
    service = window.doctor._service
    qtbot.waitUntil(lambda: service.busy(), timeout=5000)  # a check is under way
    os.kill(service._process.pid, signal.SIGKILL)
    qtbot.waitUntil(lambda: "stopped" in window.doctor_panel.summary.text(), timeout=10000)
    assert not window.doctor.is_done()
    _type_at(window, 0, "。")
    qtbot.waitUntil(window.doctor.is_done, timeout=30000)
    assert any(f.rule == "continuation-marker" for f in window.doctor_panel.findings)
    assert "stopped" not in window.doctor_panel.summary.text()


def test_the_raw_post_shown_again_is_checked_whole(qtbot, blog, make_window):
    """A post opened in the tab of another: the worker is given the new text, not edits."""
    post = _raw_post(blog, 1)
    window = make_window(blog, blog / "_posts" / JA_POST)
    qtbot.waitUntil(window.doctor.is_done, timeout=15000)
    assert window.current_view.open_here(post)
    qtbot.waitUntil(window.doctor.is_done, timeout=15000)
    assert any(f.rule == "continuation-marker" for f in window.doctor_panel.findings)


def _doctor_marks(window) -> set[tuple[int, int]]:
    from editor.ui.pane_marks import marks

    return {
        (s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in marks(window.editor, "doctor")
    }


def test_a_long_list_is_marked_where_the_writer_looks(qtbot, blog, make_window):
    window = make_window(blog, _raw_post(blog, 60))
    window.resize(1000, 700)
    qtbot.waitUntil(window.doctor.is_done, timeout=60000)
    findings = [f for f in window.doctor_panel.findings if window.doctor.body_range(f.start, f.end)]
    assert len(findings) > 400
    editor = window.editor
    editor.moveCursor(QTextCursor.MoveOperation.End)
    editor.ensureCursorVisible()
    qtbot.wait(50)
    last = window.doctor.body_range(findings[-1].start, findings[-1].end)
    # The findings at the end of a long post are underlined once the writer scrolls there,
    # and only the findings near the view carry a mark.
    assert any(s <= last[0] and last[0] < e for s, e in _doctor_marks(window))
    assert len(_doctor_marks(window)) < len(findings) / 2
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    editor.ensureCursorVisible()
    qtbot.wait(50)
    first = window.doctor.body_range(findings[0].start, findings[0].end)
    assert any(s <= first[0] and first[0] < e for s, e in _doctor_marks(window))


def _line_now(window, finding) -> int:
    """The line of the file a finding's start is on in the text pane now."""
    doctor = window.doctor
    finding = doctor._current(finding)
    span = doctor.body_range(finding.start, finding.end)
    block = window.editor.document().findBlock(span[0])
    return doctor._body_line_offset + block.blockNumber() + 1


def test_the_line_column_follows_lines_typed_above_while_a_check_runs(qtbot, blog, make_window):
    window = make_window(blog, _raw_post(blog, 3))
    qtbot.waitUntil(window.doctor.is_done, timeout=30000)
    panel = window.doctor_panel
    in_body = [
        row
        for row, f in enumerate(panel.findings)
        if window.doctor.body_range(f.start, f.end) and _line_now(window, f) > 3
    ]
    assert len(in_body) > 5
    cursor = window.editor.textCursor()
    for i in range(12):  # new lines above every finding, a check pending or running meanwhile
        cursor.setPosition(0)
        cursor.insertText("\n" if i % 3 else "改行\n")
        qtbot.wait(20)
        shown = {row: panel.row_text(row)[0].split()[-1] for row in in_body}
        now = {row: str(_line_now(window, panel.findings[row])) for row in in_body}
        assert shown == now, i
    qtbot.waitUntil(window.doctor.is_done, timeout=30000)


def _held_posts(qtbot, service) -> list[int]:
    answers = []
    job = service.call("posts")
    service.done.connect(lambda j, value: answers.append(value) if j == job else None)
    qtbot.waitUntil(lambda: bool(answers), timeout=10000)
    return answers[0]


def test_every_tab_shares_one_doctor_process_that_forgets_a_closed_tab(qtbot, blog, make_window):
    window = make_window(blog, blog / "_posts" / JA_POST)
    assert window.open_post(_raw_post(blog, 1))
    first, second = window.views()
    for view in (first, second):
        qtbot.waitUntil(view.doctor.is_done, timeout=30000)
    service = first.doctor._service
    assert second.doctor._service is service and service.running
    assert any(f.rule == "continuation-marker" for f in second.doctor_panel.findings)
    assert not any(f.rule == "continuation-marker" for f in first.doctor_panel.findings)
    assert len(_held_posts(qtbot, service)) == 2
    window.tabs.tabCloseRequested.emit(window.tabs.indexOf(second))
    assert window.views() == [first]
    assert len(_held_posts(qtbot, service)) == 1
    _type_at(first, 0, "追記")
    qtbot.waitUntil(first.doctor.is_done, timeout=30000)
