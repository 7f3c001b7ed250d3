"""The window speaks Japanese (and English) through Qt's translators: every menu, button, label,
dialog and the status bar, Qt's own buttons and calendar too."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QListWidget, QMessageBox, QWidget

from editor.core.files.recovery import RecoveryEntry
from editor.ui import i18n
from editor.ui.prompts import ask_conflict as real_ask_conflict
from editor.ui.prompts import ask_read_only as real_ask_read_only
from editor.ui.prompts import choose_blog_folder as real_choose_blog_folder
from editor.ui.prompts import choose_post_to_open as real_choose_post_to_open
from editor.ui.prompts import choose_recovery as real_choose_recovery
from editor.ui.prompts import choose_save_path as real_choose_save_path
from editor.ui.prompts import choose_stylesheet as real_choose_stylesheet
from editor.ui.prompts import compare_takes as real_compare_takes
from editor.ui.prompts import confirm_discard as real_confirm_discard
from editor.ui.prompts import confirm_fixes as real_confirm_fixes
from editor.ui.prompts import offer_save_as as real_offer_save_as
from tests.ui.conftest import JA_POST, type_text
from tests.ui.interface_words import english_words, visible_texts

pytestmark = pytest.mark.ui

MENUS_EN = ["&File", "&Edit", "F&ormat", "&View", "&Blog", "&Git", "&Doctor", "&Help"]
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
# Examples in the form's placeholders: the writer's kind of data, not words of the interface.
EXAMPLES = ("ai-chip-market",)


def _data_values(window) -> tuple[str, ...]:
    """What the window shows of the writer's own data: post names, fields, the URL, the blog."""
    document = window.document
    values = [window.form.url.text(), window.form.url.toolTip()]
    values.append(str(window.site.get("title") or ""))
    values += [str(p) for p in (document.path, window.blog_root) if p is not None]
    values += [window.blog_root.name] if window.blog_root is not None else []  # recent blogs
    # The tabs: each post's title, cut short.
    values += [window.tabs.tabText(index) for index in range(window.tabs.count())]
    values += [document.path.name] if document.path is not None else []
    for key, value in (document.fields or {}).items():
        values += [str(key), str(value)]
        if isinstance(value, list):
            values += [str(item) for item in value]
    browser = window.post_list  # the blog's posts: titles, names, categories, tags, years
    for entry in browser.model.rows:
        values += [entry.title, entry.path.stem, str(entry.path), *entry.categories, *entry.tags]
    for combo in (browser.category, browser.tag, browser.year):
        values += [combo.itemText(i) for i in range(1, combo.count())]
    return (*values, *EXAMPLES)


@pytest.fixture
def japanese_window(language, make_window, blog, qtbot):
    assert language("ja") == []  # Qt's and Tsuzuri's translations all loaded
    window = make_window(blog, blog / "_posts" / JA_POST)
    qtbot.waitUntil(window.doctor.is_done, timeout=15000)
    return window


def test_the_japanese_window_shows_no_english_word(japanese_window):
    window = japanese_window
    texts = visible_texts(window, items=True)
    assert [title for where, title in texts if where == "menu"] == [
        "ファイル(&F)",
        "編集(&E)",
        "書式(&O)",
        "表示(&V)",
        "ブログ(&B)",
        "Git(&G)",
        "記事の点検(&D)",
        "ヘルプ(&H)",
    ]
    assert ("menu > ファイル(&F) > 保存(&S)", "保存(&S)") in texts
    assert window.doctor_status.text().startswith("点検: ")
    assert english_words(texts, _data_values(window)) == []


def test_the_doctor_menu_names_each_rule_in_japanese(japanese_window):
    rules = japanese_window.doctor.rule_actions
    assert rules["ra-nuki"].text() == "ら抜き言葉（見れる）"
    assert rules["continuation-marker"].text() == "継ぎ目の印"
    assert english_words([(rule, action.text()) for rule, action in rules.items()]) == []


def test_the_windows_own_errors_and_notes_are_japanese(japanese_window, prompt_log):
    window = japanese_window
    window.new_post()  # a post with no title cannot be named
    assert not window.save()
    window.saving.rename_to_date()
    window.saving.publish_draft()  # not a draft: said in the status bar
    said = [(kind, *(a for a in rest if isinstance(a, str))) for kind, _p, *rest in prompt_log]
    errors = [entry for entry in said if entry[0] == "error"]
    assert errors[0][1:] == (
        "記事に名前が必要です",
        "保存する前に記事のタイトル（またはスラッグ）を入力してください。何も失われていません。",
    )
    assert len(errors) == 2
    texts = [(kind, text) for kind, *words in errors for text in words]
    texts.append(("status bar", window.statusBar().currentMessage()))
    assert (
        window.statusBar().currentMessage() == "公開できるのは _drafts/ に保存済みの下書きだけです"
    )
    assert english_words(texts) == []


def _entry(blog: Path, post: Path | None, text: str) -> RecoveryEntry:
    return RecoveryEntry(
        id=("b" if post is None else "a") * 32,
        blog_root=str(blog),
        post_path=None if post is None else str(post),
        text=text,
        saved_at=1_700_000_000.0,
    )


def _shown(monkeypatch, kind: type, answer) -> list:
    """Dialogs of ``kind`` shown instead of run: each is recorded and answers ``answer``."""
    shown: list = []

    def exec_(dialog):
        dialog.show()
        shown.append(dialog)
        return answer

    monkeypatch.setattr(kind, "exec", exec_)
    return shown


def test_every_dialog_speaks_japanese(japanese_window, blog, monkeypatch):
    """Each dialog the window opens through prompts.py, walked as it is shown."""
    window = japanese_window
    shown = _shown(monkeypatch, QDialog, QDialog.DialogCode.Rejected)
    post = blog / "_posts" / JA_POST
    entries = [
        _entry(blog, post, post.read_text(encoding="utf-8") + "追記\n"),
        _entry(blog, None, "---\ntitle: 春の下書き\n---\n本文\n"),
    ]
    real_choose_recovery(window, entries, 2)
    real_ask_conflict(window, JA_POST, "theirs", "mine", True)
    real_ask_conflict(window, JA_POST, "theirs", "mine", False)
    real_ask_conflict(window, JA_POST, None, "mine", True)
    real_confirm_fixes(window, 2, ["3: 説明"], "--- 記事 (before)\n")
    real_compare_takes(window, "前の版", "後の版")
    assert [d.objectName() for d in shown] == [
        "recoveryDialog",
        "conflictDialog",
        "conflictDialog",
        "conflictDialog",
        "fixAllDialog",
        "takesDialog",
    ]
    for dialog in shown:
        name = dialog.objectName()
        assert JAPANESE.search(dialog.windowTitle()), name
        assert english_words(visible_texts(dialog, items=True), (JA_POST,)) == [], name
        dialog.close()


def _boxes(monkeypatch) -> list[QMessageBox]:
    return _shown(monkeypatch, QMessageBox, QMessageBox.StandardButton.Cancel)


def test_every_message_box_and_file_dialog_speaks_japanese(japanese_window, monkeypatch, blog):
    window = japanese_window
    boxes = _boxes(monkeypatch)
    assert real_confirm_discard(window, JA_POST) == "cancel"
    assert real_ask_read_only(window, JA_POST, "記事は読み取り専用です") == "cancel"
    assert not real_offer_save_as(window, "保存できませんでした", "権限がありません")
    for box in boxes:
        texts = visible_texts(box) + [("informative", box.informativeText())]
        assert english_words(texts, (JA_POST,)) == [], box.windowTitle()
    asked: list[tuple] = []
    for name in ("getOpenFileName", "getSaveFileName", "getExistingDirectory"):
        empty = "" if name == "getExistingDirectory" else ("", "")
        monkeypatch.setattr(QFileDialog, name, lambda *a, _e=empty: asked.append(a) or _e)
    real_choose_post_to_open(window, blog)
    real_choose_save_path(window, blog)
    real_choose_stylesheet(window, blog)
    real_choose_blog_folder(window, blog)
    texts = [(str(a[1]), text) for a in asked for text in a[1:] if isinstance(text, str)]
    assert [a[1] for a in asked] == [
        "記事を開く",
        "名前を付けて記事を保存",
        "プレビューのスタイルシート",
        "ブログを開く",
    ]
    assert english_words(texts, (str(blog),)) == []


def test_qt_own_buttons_calendar_and_file_dialog_are_japanese(japanese_window, monkeypatch, blog):
    window = japanese_window
    boxes = _boxes(monkeypatch)
    real_confirm_discard(window, JA_POST)
    buttons = {box.standardButton(b): b.text() for box in boxes for b in box.buttons()}
    assert buttons[QMessageBox.StandardButton.Cancel] == "キャンセル"
    assert JAPANESE.search(buttons[QMessageBox.StandardButton.Save])
    calendar = window.form.date.when.calendarWidget()
    assert calendar.locale().language() == QLocale.Language.Japanese
    assert calendar.locale().standaloneMonthName(1) == "1月"
    menu = window.editor.createStandardContextMenu()  # the text pane's right-click menu
    # Each action's text, without the shortcut after the tab (key names are Ctrl+V everywhere).
    texts = [("context menu", a.text().split("\t")[0]) for a in menu.actions()]
    assert ("context menu", "貼り付け(&P)") in texts
    assert english_words(texts) == []
    menu.deleteLater()
    dialog = QFileDialog(window, "", str(blog))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    assert english_words(visible_texts(dialog), (str(blog),)) == []
    dialog.deleteLater()


def test_the_english_window_is_english(language, make_window, blog, qtbot, monkeypatch):
    assert language("en") == []
    window = make_window(blog, blog / "_posts" / JA_POST)
    qtbot.waitUntil(window.doctor.is_done, timeout=15000)
    texts = visible_texts(window, items=True)
    assert [title for where, title in texts if where == "menu"] == MENUS_EN
    values = sorted(_data_values(window), key=len, reverse=True)
    leftovers = []
    for where, text in texts:
        for value in values:
            text = text.replace(value, " ") if value else text
        if JAPANESE.search(text):
            leftovers.append((where, text))
    # Japanese on purpose: the form's examples of categories and tags, the rule's example word.
    assert {where for where, _ in leftovers} <= {
        "menu > &Doctor > &Rules > Ra-nuki words (見れる)",
        "menu > &Doctor > &Rules > Ra-nuki words (見れる) (tip)",
        "QLineEdit field_categories (placeholder)",
        "QLineEdit field_tags (placeholder)",
        "QToolButton (tooltip)",  # find's width toggle: ＡＩ = AI, ｶﾅ = カナ
    }
    boxes = _boxes(monkeypatch)
    real_confirm_discard(window, JA_POST)
    assert "Cancel" in [b.text() for b in boxes[0].buttons()]


def test_the_language_follows_the_setting_then_the_system(tmp_path):
    from editor.ui.settings import Settings

    assert i18n.language_of("", QLocale(QLocale.Language.Japanese)) == "ja"
    assert i18n.language_of("", QLocale(QLocale.Language.English)) == "en"
    assert i18n.language_of("", QLocale(QLocale.Language.French)) == "en"
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    for chosen in ("ja", "en"):
        settings.set_value("ui/language", chosen)
        assert i18n.interface_language(settings) == chosen


@pytest.fixture
def start(language, settings, qtbot, monkeypatch):
    """Start the window as the application does, with translations from ``folder``."""
    from editor.ui.app import start_window

    language("en")  # the fixture puts English back afterwards

    def run(chosen: str, folder: Path):
        monkeypatch.setattr(i18n, "translations_folder", lambda: folder)
        settings.set_value("ui/language", chosen)
        window = start_window(settings)
        qtbot.addWidget(window)
        window.show()
        return window, window.statusBar().findChild(QWidget, "languageStatus")

    return run


def test_start_up_speaks_the_language_the_settings_choose(start, compiled_translations):
    window, notice = start("ja", compiled_translations)
    assert window.menus["file"].title() == "ファイル(&F)" and notice is None
    window, notice = start("en", compiled_translations)
    assert window.menus["file"].title() == "&File" and notice is None


def test_a_japanese_run_without_its_translations_says_so(start, tmp_path):
    window, notice = start("ja", tmp_path)
    assert notice is not None and notice.isVisible()
    assert "tsuzuri_ja.qm" in notice.text() and "make translations" in notice.text()
    assert window.menus["file"].title() == "&File"  # English, and said to be


def test_the_cores_refusals_reach_the_japanese_window_in_japanese(japanese_window, qtbot):
    """A slug the core refuses is explained under the field in the interface language, from the
    core's catalogue, not in the English the exception prints as."""
    window = japanese_window
    window.form.slug.selectAll()
    qtbot.keyClicks(window.form.slug, "../../etc")
    message = window.form.messages["slug"]
    assert message.isVisible()
    assert english_words([("slug", message.text())], ("../../etc",)) == []
    assert re.search(r"[\u3040-\u30ff]", message.text())


def test_a_bad_regular_expression_is_explained_in_japanese(japanese_window, qtbot):
    """Python's words for the mistake stay (a writer can search for them), after Japanese that
    says what they mean."""
    window = japanese_window
    window.find.open_find()
    window.find.bar.regex_button.setChecked(True)
    window.find.bar.find_field.setText("(AI")
    problem = window.find.bar.problem_label
    qtbot.waitUntil(problem.isVisible, timeout=5000)
    python = "missing ), unterminated subpattern"
    assert python in problem.text()
    assert "「(」が閉じられていません" in problem.text()
    assert english_words([("find", problem.text().replace(python, ""))], ()) == []


def test_settings_shortcuts_and_about_speak_japanese(japanese_window, qtbot):
    """The dialogs the Edit and Help menus open: every page of the settings, the table of
    shortcuts (built from the menus) and the About text."""
    from PySide6.QtWidgets import QTabWidget

    window = japanese_window
    dialog = window.preferences.open()
    qtbot.waitExposed(dialog)
    pages = dialog.findChildren(QTabWidget)
    assert JAPANESE.search(dialog.windowTitle())
    # Language names are written in their own language.
    from PySide6.QtGui import QFontDatabase

    families = sorted(QFontDatabase.families(), key=len, reverse=True)  # the writer's fonts
    allowed = ("English", *families)
    assert english_words(visible_texts(dialog, items=True), allowed) == []
    assert pages or dialog.findChildren(QListWidget)  # the pages are there to walk
    dialog.reject()
    shortcuts = window.help.show_shortcuts()
    qtbot.waitExposed(shortcuts)
    rows = visible_texts(shortcuts, items=True)
    assert english_words(rows) == []
    assert any("保存" in text for _where, text in rows) or _table_has(shortcuts, "保存")
    shortcuts.close()
    about = re.sub(r"<[^>]+>", " ", window.help.about_text())
    assert english_words([("about", about)], ("PySide6", "Qt", "MIT")) == []


def _table_has(dialog, text: str) -> bool:
    from PySide6.QtWidgets import QTableWidget, QTreeWidget

    for table in dialog.findChildren(QTableWidget):
        for row in range(table.rowCount()):
            for column in range(table.columnCount()):
                item = table.item(row, column)
                if item is not None and text in item.text():
                    return True
    for tree in dialog.findChildren(QTreeWidget):
        for item in tree.findItems(text, Qt.MatchFlag.MatchContains | Qt.MatchFlag.MatchRecursive):
            return item is not None
    return False


def _tree_texts(tree) -> list[str]:
    model = tree.model()
    columns = range(model.columnCount())
    return [
        model.index(row, column).data() for row in range(model.rowCount()) for column in columns
    ]


def test_front_matter_keys_and_rules_go_by_the_names_the_writer_sees(japanese_window, qtbot):
    """A key in a message is the form's label with the key after it, not the bare YAML key;
    the settings name the doctor's rules as the Doctor menu does."""
    window = japanese_window
    window.form.excerpt.setPlainText("")
    title = window.form.title
    title.selectAll()
    type_text(qtbot, title, "壊れた\ufffd題")
    message = window.form.messages["title"]
    qtbot.waitUntil(message.isVisible)
    assert "「タイトル（title）」" in message.text()
    qtbot.waitUntil(
        lambda: any(
            text.startswith("抜粋（excerpt）がありません")
            for text in _tree_texts(window.doctor_panel.tree)
        ),
        timeout=15000,
    )
    dialog = window.preferences.open()
    qtbot.waitExposed(dialog)
    item = dialog.rule_items["continuation-marker"]
    assert item.text(0) == window.doctor.rule_actions["continuation-marker"].text() == "継ぎ目の印"
    assert item.toolTip(0) == "continuation-marker"
    dialog.reject()


def _calendar_header(window) -> list[str]:
    """The calendar's month and year buttons, left to right as the navigation bar lays them."""
    from PySide6.QtWidgets import QToolButton

    calendar = window.form.date.when.calendarWidget()
    calendar.setCurrentPage(2025, 10)
    bar = calendar.findChild(QWidget, "qt_calendar_navigationbar")
    buttons = [
        calendar.findChild(QToolButton, name)
        for name in ("qt_calendar_monthbutton", "qt_calendar_yearbutton")
    ]
    buttons.sort(key=bar.layout().indexOf)
    return [button.text() for button in buttons]


def test_the_calendar_heads_its_month_as_the_language_writes_it(language, make_window, blog, qtbot):
    assert language("ja") == []
    assert _calendar_header(make_window(blog, blog / "_posts" / JA_POST)) == ["2025年", "10月"]
    language("en")
    assert _calendar_header(make_window(blog, blog / "_posts" / JA_POST)) == ["October", "2025"]


def _access_keys(menu) -> list[str]:
    keys = []
    for action in menu.actions():
        text = action.text()
        found = re.search(r"&([^&\s])", text.replace("&&", ""))
        if found and action.isVisible():
            keys.append(found.group(1).lower())
    return keys


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_no_menu_gives_one_access_key_to_two_items(lang, language, make_window, blog):
    assert language(lang) == []
    window = make_window(blog)
    for name, menu in window.menus.items():
        keys = _access_keys(menu)
        doubled = sorted({k for k in keys if keys.count(k) > 1})
        assert doubled == [], f"{name}: {doubled}"
