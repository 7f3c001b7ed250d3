"""The issues panel on the raw post: findings listed and counted, fixes as one undo step each."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt

from editor.core.doctor import plan_fixes
from editor.ui import prompts
from editor.ui.prompts import compare_takes as real_compare_takes
from editor.ui.prompts import confirm_fixes as real_confirm_fixes
from tests.conftest import corpus_files
from tests.ui.conftest import JA_POST, type_text

pytestmark = pytest.mark.ui

RAW = corpus_files("raw")
SUBJECT = "MicrosoftがOpenAIとのパートナーシップを維持しつつも"


@pytest.fixture
def raw_window(qtbot, blog, make_window):
    if not RAW:
        pytest.skip("../shared/corpus/raw is not beside the checkout")
    post = blog / "_posts" / RAW[0].name
    shutil.copyfile(RAW[0], post)
    window = make_window(blog, post)
    qtbot.waitUntil(window.doctor.is_done, timeout=15000)
    return window, post


def _click(qtbot, window, button) -> None:
    """Click a fix button and wait while the worker works the fix out (the window stays live)."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.doctor.busy(), timeout=15000)


def _rules(window) -> set[str]:
    return {f.rule for f in window.doctor_panel.findings}


def test_raw_post_problems_are_listed_counted_and_marked(qtbot, raw_window):
    window, _post = raw_window
    rules = _rules(window)
    assert {"continuation-marker", "repeated-text", "broken-character", "reading-time"} <= rules, (
        rules
    )
    count = len(window.doctor_panel.findings)
    assert str(count) in window.doctor_status.text()
    assert window.doctor_panel.tree.model().rowCount() == count
    assert len(window.editor.extraSelections()) > 0


def test_clicking_a_finding_jumps_to_its_place(qtbot, raw_window):
    window, _post = raw_window
    panel = window.doctor_panel
    row = next(i for i, f in enumerate(panel.findings) if f.rule == "continuation-marker")
    index = panel.tree.model().index(row, 1)
    panel.tree.scrollTo(index)
    rect = panel.tree.visualRect(index)
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.editor.textCursor().selectedText().startswith("---END---") or (
        "---END---" in window.editor.textCursor().block().text()
    )


def test_fix_all_safe_is_one_undo_step_and_never_touches_disk(qtbot, raw_window):
    window, post = raw_window
    on_disk = post.read_bytes()
    before = window.editor.toPlainText()
    assert "---END---" in before
    _click(qtbot, window, window.doctor_panel.fix_all_button)
    after = window.editor.toPlainText()
    assert "---END---" not in after and len(after) < len(before)
    qtbot.waitUntil(lambda: "continuation-marker" not in _rules(window), timeout=15000)
    assert post.read_bytes() == on_disk
    assert window.isWindowModified()

    window.editor.undo()
    assert window.editor.toPlainText() == before
    window.editor.redo()
    assert window.editor.toPlainText() == after


def test_front_matter_fix_updates_the_form_and_undoes_in_one_step(qtbot, raw_window):
    window, _post = raw_window
    assert window.form.title.text().endswith("\ufffd")
    panel = window.doctor_panel
    row = next(
        i
        for i, f in enumerate(panel.findings)
        if f.rule == "broken-character" and f.fix and f.line == 3
    )
    panel.select(row)
    _click(qtbot, window, panel.fix_button)
    assert "\ufffd" not in window.form.title.text()
    assert "\ufffd" not in window.document.get("title")
    body = window.editor.toPlainText()

    window.editor.undo()
    qtbot.waitUntil(lambda: window.form.title.text().endswith("\ufffd"), timeout=5000)
    assert window.editor.toPlainText() == body
    window.editor.redo()
    qtbot.waitUntil(lambda: "\ufffd" not in window.form.title.text(), timeout=5000)


def test_a_rule_switched_off_is_not_reported_and_stays_off_for_the_blog(
    qtbot, raw_window, make_window, settings
):
    window, post = raw_window
    assert "sentence-length" in _rules(window)
    window.doctor.rule_actions["sentence-length"].setChecked(False)
    qtbot.waitUntil(lambda: "sentence-length" not in _rules(window), timeout=15000)
    assert "continuation-marker" in _rules(window)
    window.close()
    again = make_window(post.parent.parent, post, window_settings=settings)
    assert not again.doctor.rule_actions["sentence-length"].isChecked()
    qtbot.waitUntil(again.doctor.is_done, timeout=15000)
    assert "sentence-length" not in _rules(again)


def test_undoing_a_fix_then_editing_keeps_the_writers_edits(qtbot, raw_window):
    window, _post = raw_window
    before = window.document.get("reading_time")
    _click(qtbot, window, window.doctor_panel.fix_all_button)
    assert window.document.get("reading_time") != before
    window.editor.undo()
    qtbot.waitUntil(lambda: window.document.get("reading_time") == before, timeout=5000)
    window.form.title.selectAll()
    type_text(qtbot, window.form.title, "新しい題名")
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    type_text(qtbot, window.editor, "追記")
    qtbot.wait(100)  # let any deferred undo bookkeeping run
    assert window.document.get("title") == "新しい題名"
    assert window.document.get("reading_time") == before
    window.editor.undo()  # undoes the typing only
    qtbot.wait(100)
    assert window.document.get("title") == "新しい題名"


def test_fix_all_safe_in_the_window_matches_the_command_line(qtbot, raw_window):
    from editor.core.doctor import fix_all_safe

    window, post = raw_window
    expected = fix_all_safe(
        post.read_text(encoding="utf-8"), window.doctor.config, window.blog_root
    )
    _click(qtbot, window, window.doctor_panel.fix_all_button)
    assert window.document.text == expected


def test_a_yaml_edit_in_its_debounce_survives_a_fix_and_its_undo(qtbot, raw_window):
    window, _post = raw_window
    raw = window.form.raw
    window.form.tabs.setCurrentWidget(raw)
    raw.moveCursor(raw.textCursor().MoveOperation.End)
    type_text(qtbot, raw, "series: mine\n")
    _click(qtbot, window, window.doctor_panel.fix_all_button)
    assert window.document.get("series") == "mine"
    window.editor.undo()
    qtbot.wait(100)
    assert window.document.get("series") == "mine"
    assert "series: mine" in raw.toPlainText()


def _answer(monkeypatch, name: str, answer: bool) -> list[tuple]:
    calls: list[tuple] = []
    monkeypatch.setattr(prompts, name, lambda *a: calls.append(a) or answer)
    return calls


def test_fix_all_safe_shows_the_whole_change_and_applies_only_on_confirmation(
    qtbot, raw_window, monkeypatch
):
    window, _post = raw_window
    panel = window.doctor_panel
    window.doctor.request(window.document.text, window.blog_root, immediately=True)
    qtbot.waitUntil(window.doctor.is_done, timeout=15000)
    before = window.editor.toPlainText()
    text = window.document.text
    plan = plan_fixes(text, window.doctor.config, window.blog_root)
    assert panel.summary.text() == f"{len(panel.findings)} problems, {plan.count} safe fixes"
    announced = [f for f in panel.findings if f.fix and f.fix.safe]
    assert len(announced) == plan.count == 5

    asked = _answer(monkeypatch, "confirm_fixes", False)
    _click(qtbot, window, panel.fix_all_button)
    ((_parent, count, fixes, diff),) = asked
    assert (count, len(fixes)) == (5, 5)
    assert "-reading_time: 8\n+reading_time: 21\n" in diff and "\n----END---\n" in diff
    assert f"-{SUBJECT}" not in diff  # the near copy is a reviewed fix, not in "Fix all safe"
    assert window.editor.toPlainText() == before  # cancelled: nothing changed

    asked = _answer(monkeypatch, "confirm_fixes", True)
    _click(qtbot, window, panel.fix_all_button)
    assert len(asked) == 1
    assert window.document.text == plan.after
    assert SUBJECT in window.editor.toPlainText() and "---END---" not in plan.after
    window.editor.undo()
    assert window.editor.toPlainText() == before


def test_the_fix_all_dialog_speaks_the_writers_language(qtbot, raw_window, monkeypatch, language):
    from editor.ui.fix_dialogs import FixAllDialog

    language("ja")
    window, _post = raw_window
    shown = []

    def exec_(dialog):
        shown.append((dialog.windowTitle(), dialog.apply_button.text(), dialog.diff.toPlainText()))
        dialog.apply_button.click()
        return 1

    monkeypatch.setattr(FixAllDialog, "exec", exec_)
    monkeypatch.setattr(prompts, "confirm_fixes", real_confirm_fixes)
    _click(qtbot, window, window.doctor_panel.fix_all_button)
    ((title, button, diff),) = shown
    assert (title, button) == ("安全な修正をすべて適用", "5 件を修正")
    # The headers in the writer's language too, never "(before)" and "(after)".
    assert diff.startswith("--- 記事（修正前）\n+++ 記事（修正後）\n")
    assert "---END---" not in window.editor.toPlainText()


def test_the_panel_says_checking_until_the_current_text_is_checked(
    qtbot, blog, make_window, monkeypatch
):
    from editor.ui.doctor_panel import DoctorPanel

    shown: list[tuple[str, bool]] = []
    original = DoctorPanel.show_findings

    def record(panel, findings, text, fixable=0):
        original(panel, findings, text, fixable)
        shown.append((panel.summary.text(), fixable is not None))

    monkeypatch.setattr(DoctorPanel, "show_findings", record)
    window = make_window(blog, blog / "_posts" / JA_POST, settle=False)  # the first check runs
    panel = window.doctor_panel
    assert panel.summary.text() == "Checking…"
    qtbot.waitUntil(window.doctor.is_done, timeout=15000)
    assert panel.summary.text() == "No problems found"
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    type_text(qtbot, window.editor, "文章が途中で")
    assert panel.summary.text() == "Checking…"
    assert window.doctor_status.text() == "Doctor: checking…"
    qtbot.waitUntil(window.doctor.is_done, timeout=15000)
    assert panel.summary.text() != "Checking…"
    # "No problems found" only ever once a check had finished, never for a partial list.
    assert all(done for summary, done in shown if summary == "No problems found")
    assert ("No problems found", True) in shown


def test_a_reviewed_fix_shows_both_takes_side_by_side_first(qtbot, raw_window, monkeypatch):
    window, _post = raw_window
    panel = window.doctor_panel
    row = next(i for i, f in enumerate(panel.findings) if f.code == "near-passage")
    assert panel.findings[row].fix.reviewed and not panel.findings[row].fix.safe
    panel.select(row)
    before = window.editor.toPlainText()

    asked = _answer(monkeypatch, "compare_takes", False)
    _click(qtbot, window, panel.fix_button)
    ((_parent, kept, removed),) = asked
    assert kept.startswith("OpenAIとのパートナーシップを維持しつつも")
    assert removed.startswith(SUBJECT)
    assert window.editor.toPlainText() == before

    _answer(monkeypatch, "compare_takes", True)
    _click(qtbot, window, panel.fix_button)
    after = window.editor.toPlainText()
    assert SUBJECT not in after and after.count("OpenAIとのパートナーシップを維持しつつも") == 1


def test_the_takes_dialog_puts_the_two_takes_side_by_side(qtbot, monkeypatch, language):
    from PySide6.QtWidgets import QPlainTextEdit

    from editor.ui.fix_dialogs import TakesDialog

    language("ja")
    seen = []

    def exec_(dialog):
        dialog.show()
        kept = dialog.findChild(QPlainTextEdit, "takeKept")
        removed = dialog.findChild(QPlainTextEdit, "takeRemoved")
        left = kept.mapTo(dialog, kept.rect().topLeft()).x()
        right = removed.mapTo(dialog, removed.rect().topLeft()).x()
        seen.append((dialog.windowTitle(), kept.toPlainText(), removed.toPlainText(), left < right))
        dialog.keep_button.click()
        return 1

    monkeypatch.setattr(TakesDialog, "exec", exec_)
    assert real_compare_takes(None, "前の版です。", "後の版です。")
    assert seen == [("二つの版を比べる", "前の版です。", "後の版です。", True)]


def test_fix_all_right_after_an_edit_works_on_the_current_text(qtbot, raw_window, monkeypatch):
    window, _post = raw_window
    asked = _answer(monkeypatch, "confirm_fixes", True)
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.Start)
    type_text(qtbot, window.editor, "追記です。")
    current = window.document.text
    _click(qtbot, window, window.doctor_panel.fix_all_button)
    plan = plan_fixes(current, window.doctor.config, window.blog_root)
    assert asked and asked[0][1] == plan.count
    assert window.document.text == plan.after
    assert window.editor.toPlainText().startswith("追記です。")
    qtbot.waitUntil(window.doctor.is_done, timeout=15000)
    left = [f for f in window.doctor_panel.findings if f.rule == "continuation-marker"]
    assert left == []
    window.editor.undo()
    assert window.editor.toPlainText().startswith("追記です。")
    assert "---END---" in window.editor.toPlainText()


def test_a_check_fills_the_panel_in_as_the_rules_report(qtbot, blog, make_window, monkeypatch):
    if not RAW:
        pytest.skip("../shared/corpus/raw is not beside the checkout")
    from editor.ui.doctor_panel import DoctorPanel

    post = blog / "_posts" / RAW[0].name
    shutil.copyfile(RAW[0], post)
    shown: list[tuple[int, bool]] = []
    original = DoctorPanel.show_findings

    def record(panel, findings, text, fixable=0):
        original(panel, findings, text, fixable)
        if text:
            shown.append((len(findings), fixable is not None))

    monkeypatch.setattr(DoctorPanel, "show_findings", record)
    window = make_window(blog, post)
    qtbot.waitUntil(window.doctor.is_done, timeout=15000)
    partial = [count for count, done in shown if not done]
    final = len(window.doctor_panel.findings)
    # Markers first, then repeats, broken characters, …: the list grows while it says "checking".
    assert len(set(partial)) >= 3 and partial == sorted(partial)
    assert shown[-1] == (final, True) and max(partial) == final


def test_a_date_unlike_the_file_name_is_listed_and_mended_by_the_rename(
    qtbot, blog, make_window, monkeypatch
):
    """The doctor in the window knows where the post is saved: a date on another day than the
    file name's is listed with the name it should have, and File > Rename to match the date mends
    it (after which the finding is gone)."""
    post = blog / "_posts" / "2025-01-01-mismatch.md"
    post.write_text(
        "---\ntitle: 日付違い\ndate: 2025-03-05 09:00:00 +0900\n---\n本文です。\n", "utf-8"
    )
    window = make_window(blog, post)
    qtbot.waitUntil(window.doctor.is_done, timeout=15000)
    [finding] = [f for f in window.doctor_panel.findings if f.rule == "date-filename"]
    assert finding.params["rename_to"].endswith("2025-03-05-mismatch.md")
    assert window.saving.rename_to_date()
    assert window.document.path.name == "2025-03-05-mismatch.md" and not post.exists()
    qtbot.waitUntil(window.doctor.is_done, timeout=15000)
    qtbot.waitUntil(
        lambda: all(f.rule != "date-filename" for f in window.doctor_panel.findings),
        timeout=15000,
    )


def test_undoing_a_fix_leaves_the_caret_where_the_text_changed(qtbot, raw_window):
    window, _post = raw_window
    before = window.editor.toPlainText()
    _click(qtbot, window, window.doctor_panel.fix_all_button)
    after = window.editor.toPlainText()
    first = next(i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b)
    same_tail = next(
        i for i, (a, b) in enumerate(zip(reversed(before), reversed(after), strict=False)) if a != b
    )
    lines = range(before[:first].count("\n"), before[: len(before) - same_tail].count("\n") + 1)
    assert lines.start > 10  # the fixes are well below line 1
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.toPlainText() == before
    assert window.editor.textCursor().blockNumber() in lines  # in the stretch that was undone
