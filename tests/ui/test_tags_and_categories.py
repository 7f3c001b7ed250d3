"""Categories and tags in the window: completion with counts, the near-variant note and question
at save, and renaming or merging a value across posts (each file one line, undoable)."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from editor.ui import prompts
from editor.ui.prompts import ask_near_variant as real_ask_near_variant
from tests.ui.conftest import JA_POST, type_text

pytestmark = pytest.mark.ui

EXTRA = {
    "2025-11-01-kabu.md": 'tags: ["カブ", "AI"]\n',
    "2025-11-02-kabu-toushi.md": "tags:\n  - カブ\n  - 投資\n",
    "2025-11-03-ai.md": "tags: [AI, AIチップ]\n",
}


def _add_posts(blog: Path, posts: dict[str, str] = EXTRA) -> dict[str, Path]:
    made = {}
    for name, tags in posts.items():
        path = blog / "_posts" / name
        path.write_bytes(f"---\nlayout: post\ntitle: 記事\n{tags}---\n\n本文です。\n".encode())
        made[name] = path
    return made


def _ready(window, qtbot) -> None:
    qtbot.waitUntil(lambda: window.taxonomy.terms is not None and not window.tasks.running)


def _snapshot(blog: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in blog.rglob("*.md")}


def _one_line_each(before: dict[Path, bytes], after: dict[Path, bytes]) -> dict[str, tuple]:
    """The changed files, each with its (removed, added) lines; every file must differ by one."""
    changed = {}
    for path, data in before.items():
        if after[path] == data:
            continue
        a, b = data.decode().splitlines(True), after[path].decode().splitlines(True)
        removed = [line for line in difflib.ndiff(a, b) if line.startswith("- ")]
        added = [line for line in difflib.ndiff(a, b) if line.startswith("+ ")]
        assert len(removed) == len(added) == 1, path.name
        changed[path.name] = (removed[0][2:], added[0][2:])
    return changed


# -- completion --------------------------------------------------------------------------------


def test_tags_complete_with_counts_most_used_first_from_a_folded_prefix(make_window, blog, qtbot):
    _add_posts(blog)
    window = make_window(blog, blog / "_posts" / JA_POST)
    _ready(window, qtbot)
    field = window.form.tags
    completion = window.form.completions["tags"]
    field.setFocus()
    field.clear()
    type_text(qtbot, field, "投資, ＡＩ")  # full-width: the blog writes AI
    assert completion.shown() == ["AI (3)", "AIチップ (1)"]
    field.clear()
    type_text(qtbot, field, "投資, かぶ")  # hiragana: the blog writes カブ
    assert completion.shown() == ["カブ (2)"]
    popup = completion.completer.popup()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert field.text() == "投資, カブ"  # the value only, never its count
    assert window.document.fields["tags"] == ["投資", "カブ"]


def test_completing_one_item_keeps_the_others(make_window, blog, qtbot):
    _add_posts(blog)
    window = make_window(blog, blog / "_posts" / JA_POST)
    _ready(window, qtbot)
    field = window.form.tags
    field.setFocus()
    field.clear()
    type_text(qtbot, field, "AI, 半導体")
    field.setCursorPosition(len("AI"))
    type_text(qtbot, field, ", か")
    completion = window.form.completions["tags"]
    assert completion.shown() == ["カブ (2)"]
    qtbot.keyClick(completion.completer.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(completion.completer.popup(), Qt.Key.Key_Return)
    assert field.text() == "AI, カブ, 半導体"
    assert window.document.fields["tags"] == ["AI", "カブ", "半導体"]


# -- near variants -----------------------------------------------------------------------------


def test_a_near_variant_is_pointed_out_while_typing_and_asked_at_save(
    make_window, blog, qtbot, monkeypatch, prompt_log
):
    _add_posts(blog)
    post = blog / "_posts" / JA_POST
    window = make_window(blog, post)
    _ready(window, qtbot)
    note = window.form.notes["tags"]
    field = window.form.tags
    field.setFocus()
    field.end(False)
    type_text(qtbot, field, ", かぶ")
    assert note.isVisible()
    assert "“かぶ”" in note.text() and "“カブ”" in note.text()
    before = post.read_bytes()

    # Cancel: nothing is written.
    monkeypatch.setattr(prompts, "ask_near_variant", lambda *a: prompt_log.append(a) or "cancel")
    assert not window.save()
    assert post.read_bytes() == before
    assert prompt_log[-1][1:] == (note.text(), "かぶ", "カブ")

    # Use the existing value: the field takes it and only the tags line changes.
    monkeypatch.setattr(prompts, "ask_near_variant", lambda *a: "existing")
    assert window.save()
    assert field.text().endswith(", カブ")
    assert not note.isVisible()
    removed, added = _one_line_each({post: before}, {post: post.read_bytes()})[post.name]
    assert added == removed.replace("]", ', "カブ"]')


def test_the_note_speaks_the_interface_language(language, make_window, blog, qtbot):
    assert language("ja") == []
    _add_posts(blog)
    window = make_window(blog, blog / "_posts" / JA_POST)
    _ready(window, qtbot)
    window.form.tags.setFocus()
    window.form.tags.end(False)
    type_text(qtbot, window.form.tags, ", ａｉチップ")
    text = window.form.notes["tags"].text()
    assert "AIチップ" in text and "looks like" not in text


# -- rename and merge across posts -------------------------------------------------------------


def _dialog(window, qtbot, kind: str, old: str, new: str):
    window.taxonomy.rename_term(kind, old)
    dialog = window.taxonomy.dialog
    assert dialog.isVisible() and dialog.old.text() == old
    dialog.new.setText(new)
    qtbot.mouseClick(dialog.list_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.plan is not None)
    return dialog


def _rows(dialog) -> dict[str, str]:
    tree = dialog.files
    items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    return {item.text(0): item.text(1) for item in items}


def _apply(window, dialog, qtbot) -> None:
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.taxonomy.last_rename is not None and not window.tasks.running)


def test_rename_across_three_posts_one_line_each_then_undo(make_window, blog, qtbot):
    _add_posts(blog)
    window = make_window(blog)
    _ready(window, qtbot)
    before = _snapshot(blog)
    dialog = _dialog(window, qtbot, "tags", "AI", "人工知能")
    rows = _rows(dialog)
    assert sorted(rows) == [
        "_posts/2025-10-20-ai-chip-market.md",
        "_posts/2025-11-01-kabu.md",
        "_posts/2025-11-03-ai.md",
    ]
    assert rows["_posts/2025-11-03-ai.md"] == "− tags: [AI, AIチップ]\n+ tags: [人工知能, AIチップ]"
    assert _snapshot(blog) == before  # listed, nothing written yet

    _apply(window, dialog, qtbot)
    changed = _one_line_each(before, _snapshot(blog))
    assert sorted(changed) == [
        "2025-10-20-ai-chip-market.md",
        "2025-11-01-kabu.md",
        "2025-11-03-ai.md",
    ]
    for removed, added in changed.values():
        assert added == removed.replace("AI,", "人工知能,").replace('"AI"', '"人工知能"')
    assert window.taxonomy.of("tags").count("AI") == 0
    assert window.taxonomy.of("tags").count("人工知能") == 3
    assert "3" in dialog.status.text()

    assert dialog.undo_button.isEnabled()
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.taxonomy.last_rename is None and not window.tasks.running)
    assert _snapshot(blog) == before
    assert window.taxonomy.of("tags").count("AI") == 3
    assert not window.taxonomy.undo_action.isEnabled()


def test_merge_into_an_existing_tag(make_window, blog, qtbot):
    made = _add_posts(blog)
    window = make_window(blog)
    _ready(window, qtbot)
    dialog = _dialog(window, qtbot, "tags", "カブ", "投資")
    assert "merged" in dialog.merge_note.text()
    _apply(window, dialog, qtbot)
    assert made["2025-11-01-kabu.md"].read_text(encoding="utf-8").count('tags: ["投資", "AI"]') == 1
    assert "カブ" not in made["2025-11-02-kabu-toushi.md"].read_text(encoding="utf-8")
    terms = window.taxonomy.of("tags")
    assert terms.count("カブ") == 0 and terms.count("投資") == 3


def test_skipped_files_are_listed_with_their_reasons_and_never_overwritten(
    make_window, blog, qtbot
):
    made = _add_posts(blog)
    broken = blog / "_posts" / "2025-11-04-broken.md"
    broken.write_bytes("---\ntitle: [壊れた\ntags: [AI]\n---\n本文\n".encode())
    window = make_window(blog)
    _ready(window, qtbot)
    dialog = _dialog(window, qtbot, "tags", "AI", "人工知能")
    rows = _rows(dialog)
    assert "front matter cannot be read" in rows["_posts/2025-11-04-broken.md"]
    # Another program edits a listed post before Apply: it is skipped, its text kept.
    theirs = made["2025-11-03-ai.md"]
    theirs.write_bytes(theirs.read_bytes() + "追記\n".encode())
    edited, broken_bytes = theirs.read_bytes(), broken.read_bytes()
    _apply(window, dialog, qtbot)
    rows = _rows(dialog)
    assert "changed since" in rows["_posts/2025-11-03-ai.md"]
    assert rows["_posts/2025-11-01-kabu.md"] == "Changed"
    assert theirs.read_bytes() == edited and broken.read_bytes() == broken_bytes


def test_an_open_post_with_unsaved_edits_is_not_overwritten_and_a_clean_one_reloads(
    make_window, blog, qtbot
):
    made = _add_posts(blog)
    window = make_window(blog, made["2025-11-01-kabu.md"])
    _ready(window, qtbot)
    edited_view = window.current_view
    type_text(qtbot, window.form.title, "を書き直し")
    assert edited_view.is_modified
    on_disk = made["2025-11-01-kabu.md"].read_bytes()
    assert window.open_post(made["2025-11-03-ai.md"])
    clean_view = window.current_view
    assert clean_view is not edited_view
    dialog = _dialog(window, qtbot, "tags", "AI", "人工知能")
    _apply(window, dialog, qtbot)
    rows = _rows(dialog)
    assert "unsaved changes" in rows["_posts/2025-11-01-kabu.md"]
    assert made["2025-11-01-kabu.md"].read_bytes() == on_disk
    assert edited_view.document.fields["title"] == "記事を書き直し"
    assert edited_view.document.fields["tags"] == ["カブ", "AI"]
    qtbot.waitUntil(lambda: clean_view.document.fields["tags"] == ["人工知能", "AIチップ"])
    assert not clean_view.is_modified


def test_the_blog_menu_opens_the_rename_dialog(make_window, blog, qtbot):
    window = make_window(blog)
    _ready(window, qtbot)
    actions = {a.objectName(): a for a in window.menus["blog"].actions()}
    assert not actions["undoRenameAction"].isEnabled()
    actions["renameTermAction"].trigger()
    assert window.taxonomy.dialog.isVisible()


def test_a_cancelled_rename_leaves_every_file_as_it_was(make_window, blog, qtbot, monkeypatch):
    from editor.core.blog import taxonomy

    _add_posts(blog)
    window = make_window(blog)
    _ready(window, qtbot)
    before = _snapshot(blog)
    dialog = _dialog(window, qtbot, "tags", "AI", "人工知能")
    real = taxonomy.apply_rename

    def cancelled_at_once(root, plan, progress, leave):
        progress.cancel()  # the writer pressed Cancel in the status bar
        return real(root, plan, progress, leave)

    monkeypatch.setattr(taxonomy, "apply_rename", cancelled_at_once)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.tasks.running)
    assert "Cancelled" in dialog.status.text()
    assert _snapshot(blog) == before
    assert window.taxonomy.last_rename is None and dialog.apply_button.isEnabled()


@pytest.mark.parametrize(
    "button, answer",
    [("Use the existing “AI”", "existing"), ("Keep “ＡＩ”", "keep"), ("&Cancel", "cancel")],
)
def test_the_near_variant_question_offers_the_existing_value(qtbot, monkeypatch, button, answer):
    from PySide6.QtWidgets import QMessageBox, QWidget

    shown = []

    def click(box):
        buttons = {b.text(): b for b in box.buttons()}
        shown.append(box.text())
        buttons.get(button, buttons.get(button.replace("&", ""))).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click)
    parent = QWidget()
    qtbot.addWidget(parent)
    assert real_ask_near_variant(parent, "似ています", "ＡＩ", "AI") == answer
    assert shown == ["似ています"]


def test_counts_handed_over_by_a_part_that_read_the_posts_read_no_file(
    make_window, blog, qtbot, monkeypatch
):
    from editor.ui import taxonomy as window_taxonomy
    from editor.ui.taxonomy import TaxonomyController

    window = make_window(blog)
    _ready(window, qtbot)
    fed = TaxonomyController(window.tasks, lambda: window.blog_root, window.views, window, False)
    monkeypatch.setattr(window_taxonomy, "read_metadata", lambda path: pytest.fail(str(path)))
    fed.show_blog(window.blog_root)
    assert window.tasks.running == [] and fed.terms is None
    post = blog / "_posts" / JA_POST
    fed.use_posts(window.blog_root, {post: (("技術動向",), ("AI", "半導体"))})
    assert fed.of("tags").complete("ａ") == [("AI", 1)]
    fed.post_saved(post)  # the part that read the posts hands them over again
    assert fed.of("categories").ranked == [("技術動向", 1)]


def test_the_browsers_tag_menu_renames_and_the_browser_shows_the_new_tag(make_window, blog, qtbot):
    from tests.ui.conftest import wait_for_posts

    _add_posts(blog)
    window = make_window(blog)
    _ready(window, qtbot)
    browser = wait_for_posts(qtbot, window)
    menu = browser.term_menu("tags", "AI")
    menu.actions()[0].trigger()  # 「“AI” の名前を変更・統合…」 from the tag filter
    dialog = window.taxonomy.dialog
    assert dialog.isVisible() and dialog.old.text() == "AI"
    dialog.new.setText("人工知能")
    qtbot.mouseClick(dialog.list_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.plan is not None)
    _apply(window, dialog, qtbot)
    browser = wait_for_posts(qtbot, window)
    tags = [browser.tag.itemData(i) for i in range(browser.tag.count())]
    assert "人工知能" in tags and "AI" not in tags
    assert window.taxonomy.of("tags").count("人工知能") == 3


def test_typing_in_an_open_post_while_a_rename_runs_is_kept(make_window, blog, qtbot, monkeypatch):
    import threading

    from editor.core.blog import taxonomy

    made = _add_posts(blog)
    window = make_window(blog, made["2025-11-03-ai.md"])
    _ready(window, qtbot)
    view = window.current_view
    assert not view.is_modified  # clean when the rename starts: it may be rewritten
    dialog = _dialog(window, qtbot, "tags", "AI", "人工知能")
    real = taxonomy.apply_rename
    gate = threading.Event()

    def slow(root, plan, progress, leave):
        gate.wait(5)  # the writes take a while on a large blog
        return real(root, plan, progress, leave)

    monkeypatch.setattr(taxonomy, "apply_rename", slow)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    view.editor.moveCursor(view.editor.textCursor().MoveOperation.End)
    view.editor.insertPlainText("大事な一文を書いた。\n")  # the writer goes on writing
    gate.set()
    qtbot.waitUntil(lambda: not window.tasks.running, timeout=10000)
    qtbot.wait(200)
    assert "大事な一文を書いた。" in view.editor.toPlainText()
    assert view.is_modified
