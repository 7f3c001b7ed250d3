"""Search across posts in the window: the 記事を検索 tab lists the lines that hold the query with
the match marked, a hit opens its post at the line with the match selected, the index follows
saves, mends a corrupt file by itself and shows its progress in the status bar."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from editor.core.files.cache import blog_cache_file
from editor.ui.search_panel import hit_html
from tests.ui.conftest import JA_POST, type_text

pytestmark = pytest.mark.ui
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _ready(qtbot, window):
    qtbot.waitUntil(lambda: window.search.ready, timeout=20_000)
    return window.search


def _search(qtbot, window, query: str):
    """Type ``query`` into the tab's box like a writer and wait for its hits."""
    search = _ready(qtbot, window)
    window.sidebar.setCurrentWidget(search.panel)
    search.panel.query.clear()
    with qtbot.waitSignal(search.searched, timeout=20_000):
        type_text(qtbot, search.panel.query, query)
    return search.panel


def _file_lines(path: Path) -> list[str]:
    return path.read_text("utf-8").splitlines()


@pytest.mark.parametrize("query", ["投資", "半導体"])
def test_typing_a_japanese_word_lists_each_line_that_holds_it(qtbot, blog, make_window, query):
    window = make_window(blog)
    panel = _search(qtbot, window, query)
    hits = panel.model.hits
    expected = {
        (path.name, number)
        for path in blog.glob("_*/*.md")
        for number, line in enumerate(_file_lines(path), 1)
        if query in line and (line.startswith("title:") or number > 12)
    }
    assert {(hit.path.name, hit.line) for hit in hits} >= {e for e in expected if e[1] > 12}
    for hit in hits:
        assert _file_lines(hit.path)[hit.line - 1] == hit.text  # the line as written
        assert f"<b class='match'>{query}</b>" in hit_html(hit, lead=None)
    posts = len({hit.path for hit in hits})
    assert panel.counts.text() == f"{len(hits)} lines in {posts} posts"
    # Each row is labelled by its post's title and line.
    first = panel.model.index(0, 0)
    assert first.data(Qt.ItemDataRole.DisplayRole).startswith(f"{hits[0].title} {hits[0].line}: ")


def test_activating_a_hit_opens_the_post_at_the_line_with_the_match_selected(
    qtbot, blog, make_window
):
    window = make_window(blog)
    panel = _search(qtbot, window, "半導体")
    row = next(
        n
        for n, hit in enumerate(panel.model.hits)
        if hit.path.name == JA_POST and not hit.text.startswith("title:")
    )
    hit = panel.hit_at(row)
    panel.results.setCurrentIndex(panel.model.index(row, 0))
    panel.results.setFocus()
    qtbot.keyClick(panel.results, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.document.path == hit.path)
    cursor = window.editor.textCursor()
    offset = window.document.source.body_line_offset
    assert cursor.blockNumber() == hit.line - 1 - offset
    assert cursor.block().text() == hit.text
    assert cursor.selectedText() == "半導体"
    assert cursor.selectionStart() - cursor.block().position() == hit.span[0]


def test_a_save_updates_the_index_so_the_new_phrase_is_found(qtbot, blog, make_window):
    window = make_window(blog, blog / "_posts" / JA_POST)
    search = _ready(qtbot, window)
    panel = _search(qtbot, window, "綴り鳥の羽ばたき")
    assert panel.model.hits == []
    assert panel.counts.text() == "No post holds “綴り鳥の羽ばたき”."
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    type_text(qtbot, window.editor, "\n綴り鳥の羽ばたき\n")
    with qtbot.waitSignal(search.searched, timeout=20_000):  # the open query is asked again
        assert window.save()
    assert [(h.path.name, h.text) for h in panel.model.hits] == [(JA_POST, "綴り鳥の羽ばたき")]


def test_a_corrupt_index_is_made_again_and_the_status_bar_says_so(qtbot, blog, make_window):
    index = blog_cache_file("search", blog)
    index.parent.mkdir(parents=True, exist_ok=True)
    index.write_bytes(b"not an index at all\x00" * 500)
    messages: list[str] = []
    window = make_window()
    window.statusBar().messageChanged.connect(messages.append)
    window.open_blog(blog)
    _ready(qtbot, window)
    assert "The search index was damaged and has been made again." in messages
    panel = _search(qtbot, window, "半導体")
    assert panel.model.hits


def test_indexing_shows_its_progress_in_the_status_bar(qtbot, blog, make_window):
    for n in range(60):
        (blog / "_posts" / f"2024-03-{n % 28 + 1:02d}-p{n}.md").write_text(
            f"---\ntitle: 記事{n}\n---\n" + "半導体の話\n" * 200, "utf-8"
        )
    window = make_window()
    seen: list[tuple] = []

    def watch(task):
        if not task.title.startswith("Indexing posts for search"):
            return  # the browser and git work at the same time: their steps are theirs
        task.stepped.connect(
            lambda done, total, _label: seen.append(
                (
                    done,
                    total,
                    window.tasks.label.text(),
                    window.tasks.widget.isVisible() and window.tasks.running[-1] is task,
                )
            )
        )

    window.tasks.started.connect(watch)
    window.open_blog(blog)
    _ready(qtbot, window)
    total = len(list(blog.glob("_*/*.md")))
    assert seen and all(step[1] == total for step in seen)
    assert seen[-1][0] == total
    # While it is the newest task, the status bar shows its title and its bar.
    newest = [label for *_, label, newest in seen if newest]
    assert newest and all(label.startswith("Indexing posts for search") for label in newest)
    assert not window.tasks.widget.isVisible()


def test_ctrl_shift_f_opens_the_tab_with_the_selection_as_the_query(qtbot, blog, make_window):
    window = make_window(blog, blog / "_posts" / JA_POST)
    search = _ready(qtbot, window)
    text = window.editor.toPlainText()
    start = text.index("半導体")
    cursor = window.editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + 3, cursor.MoveMode.KeepAnchor)
    window.editor.setTextCursor(cursor)
    window.view.post_list_action.setChecked(False)  # the sidebar hidden: the shortcut shows it
    qtbot.waitActive(window)
    with qtbot.waitSignal(search.searched, timeout=20_000):
        QTest.keyClick(window, Qt.Key.Key_F, CTRL_SHIFT)  # through shortcut handling
    assert window.sidebar.isVisible()
    assert window.sidebar.currentWidget() is search.panel
    assert search.panel.query.text() == "半導体"
    assert search.panel.query.hasFocus()
    assert search.panel.model.hits
    assert search.search_action in window.menus["blog"].actions()


def test_a_query_of_spaces_shows_nothing_and_no_error(qtbot, blog, make_window, prompt_log):
    window = make_window(blog)
    panel = _search(qtbot, window, "半導体")
    assert panel.model.hits
    panel.query.setText("   ")
    assert panel.model.hits == [] and panel.counts.text() == ""
    qtbot.wait(400)  # longer than the typing pause: no search ran, no error came
    assert panel.model.hits == [] and panel.counts.text() == ""
    assert prompt_log == []


def test_a_hit_whose_post_is_gone_brings_the_index_up_to_date(qtbot, blog, make_window):
    window = make_window(blog)
    panel = _search(qtbot, window, "半導体")
    hit = next(h for h in panel.model.hits if h.path.name == JA_POST)
    hit.path.unlink()  # deleted outside the window since the search
    with qtbot.waitSignal(window.search.searched, timeout=20_000):
        assert not window.search.open_hit(hit)
    assert panel.model.hits and all(h.path.name != JA_POST for h in panel.model.hits)


def test_a_hit_in_an_open_post_with_lines_added_above_still_selects_the_match(
    qtbot, blog, make_window
):
    window = make_window(blog, blog / "_posts" / JA_POST)
    panel = _search(qtbot, window, "半導体")
    hit = next(
        h for h in panel.model.hits if h.path.name == JA_POST and not h.text.startswith("title:")
    )
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.Start)
    type_text(qtbot, window.editor, "新しい一行目\n二行目\n三行目\n")  # unsaved, above the hit
    assert window.search.open_hit(hit)
    cursor = window.editor.textCursor()
    assert cursor.block().text() == hit.text
    assert cursor.selectedText() == "半導体"


def test_cancelling_the_indexing_still_searches_what_was_indexed(
    qtbot, blog, make_window, monkeypatch
):
    from editor.core.blog.progress import Cancelled
    from editor.ui import search_controller

    def cancelled(*_args):
        raise Cancelled()

    monkeypatch.setattr(search_controller, "_update", cancelled)
    window = make_window(blog)
    qtbot.waitUntil(lambda: window.search.ready, timeout=20_000)
    assert "cancelled" in window.statusBar().currentMessage()


def test_a_post_made_by_another_program_is_found(qtbot, blog, make_window):
    window = make_window(blog)
    _ready(qtbot, window)
    (blog / "_posts" / "2026-11-30-dc-followup.md").write_text(
        "---\ntitle: 続報\n---\n\n綴り鳥の続報です。\n", "utf-8"
    )
    search = window.search
    qtbot.waitUntil(
        lambda: (
            not window.tasks.running
            and window.post_list.row_of(blog / "_posts" / "2026-11-30-dc-followup.md") >= 0
        ),
        timeout=10_000,
    )
    panel = _search(qtbot, window, "綴り鳥の続報")
    assert [h.path.name for h in panel.model.hits] == ["2026-11-30-dc-followup.md"]
    assert search.ready


def test_down_in_the_query_goes_to_the_results_and_enter_opens_a_hit(qtbot, blog, make_window):
    window = make_window(blog)
    window.show()
    panel = _search(qtbot, window, "半導体")
    panel.query.setFocus()
    qtbot.keyClick(panel.query, Qt.Key.Key_Down)
    assert panel.results.hasFocus() or window.focusWidget() is panel.results
    assert panel.results.currentIndex().row() == 0
    hit = panel.hit_at(0)
    qtbot.keyClick(panel.results, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.document.path == hit.path)
