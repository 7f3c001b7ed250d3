"""Writing aids in the text pane as a writer meets them: keys, input-method compositions,
the Format menu, pasting, the right-click menu; and the candidate window at the caret."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPoint, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QInputMethodEvent, QInputMethodQueryEvent, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from editor.core.text.textpos import code_point_column, utf16_length
from editor.ui.editor_pane import MarkdownEditor
from tests.ui.conftest import JA_POST

pytestmark = pytest.mark.ui


@pytest.fixture
def editor(qtbot):
    pane = MarkdownEditor()
    qtbot.addWidget(pane)
    pane.resize(600, 400)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


def put(editor, text: str) -> None:
    """``text`` in the pane with ``|`` marking the caret (or ``[``/``]`` the selection)."""
    if "|" in text:
        start = end = text.index("|")
        text = text.replace("|", "", 1)
    else:
        start = text.index("[")
        end = text.index("]") - 1
        text = text.replace("[", "", 1).replace("]", "", 1)
    editor.setPlainText(text)
    cursor = editor.textCursor()
    cursor.setPosition(utf16_length(text[:start]))  # Qt counts UTF-16 units
    cursor.setPosition(utf16_length(text[:end]), cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)


def seen(editor) -> str:
    """The pane's text with the caret as ``|`` or the selection in ``[`` ``]``."""
    text = editor.toPlainText()
    cursor = editor.textCursor()
    low = code_point_column(text, cursor.selectionStart())
    high = code_point_column(text, cursor.selectionEnd())
    if low == high:
        return text[:low] + "|" + text[low:]
    return text[:low] + "[" + text[low:high] + "]" + text[high:]


def compose(editor, *preedits: str, commit: str | None = None) -> None:
    """An input method's composition: each preedit shown in turn, then (maybe) committed."""
    for preedit in preedits:
        attributes = [
            QInputMethodEvent.Attribute(
                QInputMethodEvent.AttributeType.Cursor, len(preedit), 1, None
            )
        ]
        QApplication.sendEvent(editor, QInputMethodEvent(preedit, attributes))
    if commit is not None:
        event = QInputMethodEvent()
        event.setCommitString(commit)
        QApplication.sendEvent(editor, event)


# -- Enter, Tab, Shift+Tab ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("- 牛乳|", "- 牛乳\n- |"),
        ("1. 最初|", "1. 最初\n2. |"),
        ("- [x] 済み|", "- [x] 済み\n- [ ] |"),
        ("> 引用|", "> 引用\n> |"),
        ("- 牛乳\n- |", "- 牛乳\n|"),
    ],
)
def test_enter_continues_and_ends_lists(qtbot, editor, before, after):
    put(editor, before)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert seen(editor) == after


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("ただの文|", "ただの文\n|"),
        ("　- 全角の字下げ|", "　- 全角の字下げ\n|"),
        ("```\n- コードの中|\n```", "```\n- コードの中\n|\n```"),
    ],
)
def test_enter_leaves_prose_and_code_alone(qtbot, editor, before, after):
    put(editor, "- 項目|")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert seen(editor) == "- 項目\n- |"  # the aid is on...
    put(editor, before)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert seen(editor) == after  # ...and stays out of these


def test_enter_on_a_list_is_one_undo_step(qtbot, editor):
    put(editor, "- 牛乳|")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert seen(editor) == "- 牛乳\n- |"
    editor.undo()
    assert editor.toPlainText() == "- 牛乳"


def test_list_continuation_follows_its_setting(qtbot, settings, make_window, blog):
    window = make_window(blog, blog / "_posts" / JA_POST)
    settings.set_value("editor/list_continuation", False)
    put(window.editor, "- 牛乳|")
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    assert seen(window.editor) == "- 牛乳\n|"
    settings.set_value("editor/list_continuation", True)
    qtbot.keyClick(window.editor, Qt.Key.Key_Backspace)
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    assert seen(window.editor) == "- 牛乳\n- |"


def test_tab_and_shift_tab_move_list_items(qtbot, editor):
    put(editor, "- 果物\n- り|んご")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert seen(editor) == "- 果物\n  - り|んご"
    qtbot.keyClick(editor, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert seen(editor) == "- 果物\n- り|んご"
    put(editor, "文|")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert seen(editor) == "文\t|"  # in prose Tab still types a tab


def test_tab_on_selected_lines_indents_them_all_in_one_undo_step(qtbot, editor):
    put(editor, "[- 一\n- 二]")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.toPlainText() == "  - 一\n  - 二"
    editor.undo()
    assert editor.toPlainText() == "- 一\n- 二"


# -- the input method ---------------------------------------------------------------------------


def test_a_composition_commits_as_typed(editor):
    put(editor, "- |")
    compose(editor, "か", "かん", "かんじ", commit="漢字")
    assert seen(editor) == "- 漢字|"
    assert not editor.aids.composing


def test_enter_during_a_composition_does_not_continue_the_list(qtbot, editor):
    put(editor, "- 項目|")
    compose(editor, "か", "かん")
    assert editor.aids.composing
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert "\n- " not in editor.toPlainText()
    compose(editor, commit="感")
    assert not editor.toPlainText().endswith("- ")


def test_tab_during_a_composition_does_not_indent(qtbot, editor):
    put(editor, "- 一\n- 二|")
    compose(editor, "さん")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.toPlainText().startswith("- 一\n- 二")
    compose(editor, commit="三")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.toPlainText().startswith("- 一\n  - 二")  # once committed, Tab indents


def test_a_committed_bracket_gets_its_pair_with_the_caret_inside(editor):
    put(editor, "彼は|")
    compose(editor, "「", commit="「")
    assert seen(editor) == "彼は「|」"
    compose(editor, "は", "はい", commit="はい")
    compose(editor, commit="」")
    assert seen(editor) == "彼は「はい」|"  # stepped over the one added
    put(editor, "|」")
    compose(editor, commit="」")
    assert editor.toPlainText() == "」」"  # one the writer typed is never stepped over


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("前|", "前『|』"),  # the pair is one undo step
        # Across lines the selection is not bracketed: the commit replaces it, as typing does.
        ("一行[目\n二行]目", "一行『|目"),
    ],
)
def test_a_committed_bracket_is_one_undo_step(editor, before, after):
    put(editor, before)
    compose(editor, commit="『")
    assert seen(editor) == after
    editor.undo()
    assert editor.toPlainText() == before.translate(str.maketrans("", "", "|[]"))


def test_a_commit_and_the_next_composition_in_one_event(editor):
    put(editor, "|")
    event = QInputMethodEvent("か", [])
    event.setCommitString("【")
    QApplication.sendEvent(editor, event)
    assert editor.aids.composing
    compose(editor, commit="書式")
    assert seen(editor) == "【書式|】"


def test_typed_brackets_pair_and_backspace_removes_the_empty_pair(qtbot, editor):
    put(editor, "|")
    # A keyboard layout that types the bracket itself, without an input method.
    QApplication.sendEvent(
        editor,
        QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, "（"),
    )
    assert seen(editor) == "（|）"
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert seen(editor) == "|"


def test_a_bracket_over_a_selection_brackets_it(editor):
    put(editor, "[重要]です")
    compose(editor, commit="「")
    assert editor.toPlainText() == "「重要」です"


def test_no_pair_before_a_word_nor_with_the_setting_off(editor):
    put(editor, "|漢字")
    compose(editor, commit="「")
    assert seen(editor) == "「|漢字"
    editor.aids.auto_pairs = False
    put(editor, "|")
    compose(editor, commit="「")
    assert seen(editor) == "「|"


def test_the_candidate_window_is_at_the_caret_with_viewport_margins(editor):
    editor.setViewportMargins(48, 24, 0, 0)
    put(editor, "一行目\n二行目の|文")
    compose(editor, "へんかん")
    expected = QRectF(editor.cursorRect()).translated(editor.viewport().pos())
    asked = editor.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle)
    assert QRectF(asked) == expected
    # The same answer the input method gets through Qt's query event.
    query = QInputMethodQueryEvent(Qt.InputMethodQuery.ImCursorRectangle)
    QApplication.sendEvent(editor, query)
    assert QRectF(query.value(Qt.InputMethodQuery.ImCursorRectangle)) == expected
    assert expected.left() >= 48 and expected.top() >= 24


def test_the_input_method_follows_the_caret_into_a_bracket_pair(qtbot, editor):
    editor.setViewportMargins(48, 24, 0, 0)
    editor.activateWindow()
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    put(editor, "一行目\n二行目|")
    method = QGuiApplication.inputMethod()
    moves: list[QRectF] = []
    method.cursorRectangleChanged.connect(lambda: moves.append(method.cursorRectangle()))
    compose(editor, commit="「")
    assert seen(editor) == "一行目\n二行目「|」"
    caret = QRectF(editor.cursorRect()).translated(editor.viewport().pos())
    at_caret = QRectF(editor.mapTo(editor.window(), caret.topLeft().toPoint()), caret.size())
    assert moves and moves[-1] == method.cursorRectangle() == at_caret


# -- the Format menu, pasting, the right-click menu ---------------------------------------------


def _format_action(window, text: str):
    for action in window.menus["format"].actions():
        if action.text().replace("&", "") == text:
            return action
    raise AssertionError(f"no {text!r} in the Format menu")


def test_the_format_menu_bolds_italicises_and_links(qtbot, make_window, blog):
    window = make_window(blog, blog / "_posts" / JA_POST)
    put(window.editor, "ここは[大事]です")
    _format_action(window, "Bold").trigger()
    assert seen(window.editor) == "ここは**[大事]**です"
    _format_action(window, "Bold").trigger()
    assert seen(window.editor) == "ここは[大事]です"
    _format_action(window, "Italic").trigger()
    assert seen(window.editor) == "ここは*[大事]*です"
    window.editor.undo()
    assert window.editor.toPlainText() == "ここは大事です"
    put(window.editor, "ここは[大事]です")
    QGuiApplication.clipboard().setText("https://jekyllrb.com/")
    _format_action(window, "Link").trigger()
    assert seen(window.editor) == "ここは[大事](https://jekyllrb.com/)|です"
    QGuiApplication.clipboard().setText("ただの文")
    put(window.editor, "[Jekyll]")
    _format_action(window, "Link").trigger()
    assert seen(window.editor) == "[Jekyll](|)"
    put(window.editor, "見出し|")
    _format_action(window, "Heading 2").trigger()
    assert window.editor.toPlainText() == "## 見出し"
    shortcuts = {
        a.text().replace("&", ""): a.shortcut().toString() for a in window.menus["format"].actions()
    }
    assert (shortcuts["Bold"], shortcuts["Italic"], shortcuts["Link"]) == (
        "Ctrl+B",
        "Ctrl+I",
        "Ctrl+K",
    )


def test_pasting_an_address_over_a_selection_makes_a_link(editor):
    put(editor, "詳しくは[公式サイト]へ")
    data = QMimeData()
    data.setText("https://jekyllrb.com/docs/")
    editor.insertFromMimeData(data)
    assert editor.toPlainText() == "詳しくは[公式サイト](https://jekyllrb.com/docs/)へ"
    editor.undo()
    assert editor.toPlainText() == "詳しくは公式サイトへ"
    put(editor, "URL: |")
    editor.insertFromMimeData(data)
    assert editor.toPlainText() == "URL: https://jekyllrb.com/docs/"  # no selection: pasted


def test_pasting_an_address_over_a_link_changes_its_address(editor):
    link = "[記事](http://old.example/)"
    editor.setPlainText(f"前 {link} 後")
    cursor = editor.textCursor()
    cursor.setPosition(2)
    cursor.setPosition(2 + len(link), cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    data = QMimeData()
    data.setText("https://new.example/")
    editor.insertFromMimeData(data)
    assert seen(editor) == "前 [記事](https://new.example/)| 後"
    editor.undo()
    assert editor.toPlainText() == f"前 {link} 後"


def test_the_right_click_menu_has_the_format_actions(make_window, blog):
    window = make_window(blog, blog / "_posts" / JA_POST)
    menu = window.editor.context_menu(QPoint(5, 5))
    texts = [a.text().replace("&", "") for a in menu.actions()]
    assert {"Bold", "Italic", "Link"} <= set(texts)
    assert any(t.startswith("Paste") for t in texts)  # Qt's own entries stay


@pytest.mark.parametrize(
    ("before", "act", "after"),
    [
        ("- 項目|", lambda e: QTest.keyClick(e, Qt.Key.Key_Return), "- 項目\n- |"),
        ("- 一\n- 二|", lambda e: QTest.keyClick(e, Qt.Key.Key_Tab), "- 一\n  - 二|"),
        ("前|", lambda e: compose(e, commit="「"), "前「|」"),
        ("[強調]", lambda e: e.aids.wrap("**"), "**[強調]**"),
    ],
)
def test_each_aid_changes_the_text_once(editor, before, act, after):
    """A large post is copied to the document on every change of the pane: an aid that
    inserts in two steps would cost two keystrokes' worth of work."""
    put(editor, before)
    changes: list[int] = []
    editor.textChanged.connect(lambda: changes.append(1))
    act(editor)
    assert seen(editor) == after
    assert len(changes) == 1


@pytest.mark.parametrize(
    ("before", "act", "after"),
    [
        ("- 𠮷野家🍣|の話", lambda e: QTest.keyClick(e, Qt.Key.Key_Return), "- 𠮷野家🍣\n- |の話"),
        ("🍣 [𠮷野家] 🍣", lambda e: e.aids.wrap("**"), "🍣 **[𠮷野家]** 🍣"),
        ("- 🍣\n- 𠮷|", lambda e: QTest.keyClick(e, Qt.Key.Key_Tab), "- 🍣\n  - 𠮷|"),
        ("𠮷|", lambda e: compose(e, commit="【"), "𠮷【|】"),
    ],
)
def test_characters_beyond_the_bmp_keep_their_place(editor, before, act, after):
    """Qt counts 𠮷 and 🍣 as two positions, Python as one: the caret and the edit land right."""
    put(editor, before)
    act(editor)
    assert seen(editor) == after


def _undo_key(qtbot, editor) -> None:
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


@pytest.mark.parametrize("commit", ["「", "言葉"])
def test_undo_after_a_commit_leaves_the_caret_where_the_text_was(qtbot, editor, commit):
    lines = [f"{n}行目の文章です。" for n in range(1, 121)]
    editor.setPlainText("\n".join(lines))
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().findBlockByNumber(99).position() + len(lines[99]))
    editor.setTextCursor(cursor)
    compose(editor, commit[:1], commit=commit)
    _undo_key(qtbot, editor)
    assert editor.toPlainText() == "\n".join(lines)
    assert editor.textCursor().blockNumber() == 99  # line 100, not line 1
    assert editor.textCursor().positionInBlock() == len(lines[99])
    compose(editor, commit="次")
    assert editor.document().findBlockByNumber(99).text() == lines[99] + "次"


def test_a_committed_bracket_over_a_selection_after_a_preedit_brackets_it(qtbot, editor):
    put(editor, "[50行目]の文章です。")
    compose(editor, "「", commit="「")
    assert editor.toPlainText() == "「50行目」の文章です。"  # as the typed key does
    _undo_key(qtbot, editor)
    assert seen(editor) == "50行目|の文章です。"  # one undo step, as after the typed key


def test_a_preedit_over_a_selection_keeps_it_until_the_commit(editor):
    put(editor, "[50行目]の文章です。")
    compose(editor, "ご", "ごじゅう", commit="")  # the writer cancels the composition
    assert seen(editor) == "[50行目]の文章です。"
    compose(editor, "ご", "ごじゅう", commit="五十")  # a conversion replaces it as usual
    assert seen(editor) == "五十|の文章です。"
