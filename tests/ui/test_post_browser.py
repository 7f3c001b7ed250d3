"""The post browser: posts by title with date, categories, tags and state; filters, sorting,
opening, states from git and the doctor, rows kept up to date from the cached catalogue."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from editor.core.blog import posts
from tests.ui.conftest import JA_POST, type_text, wait_for_posts

pytestmark = pytest.mark.ui

CHIP_TITLE = "AI半導体市場の現在地：データセンター需要はどこまで続くか"
COLUMN = {"title": 0, "date": 1, "categories": 2, "tags": 3, "state": 4}


def cells(browser, column: str = "title") -> list[str]:
    model = browser.model
    return [model.index(row, COLUMN[column]).data() for row in range(model.rowCount())]


def row_text(browser, path: Path, column: str) -> str:
    row = browser.row_of(path)
    assert row >= 0, f"{path.name} is not shown"
    return browser.model.index(row, COLUMN[column]).data()


def choose(combo, value) -> None:
    index = combo.findData(value)
    assert index >= 0, f"{value!r} is not offered"
    combo.setCurrentIndex(index)


@pytest.fixture
def more_posts(blog) -> Path:
    (blog / "_posts" / "2024-05-01-kept.md").write_text(
        "---\ntitle: 非公開のメモ\npublished: false\ntags: [メモ]\n---\n本文\n", "utf-8"
    )
    (blog / "_posts" / "2099-01-01-later.md").write_text(
        "---\ntitle: ずっと先の記事\n---\n本文\n", "utf-8"
    )
    (blog / "_posts" / "2025-01-05-broken.md").write_text(
        "---\ntitle: [閉じていない\n---\n本文\n", "utf-8"
    )
    return blog


def test_rows_show_titles_dates_categories_and_tags_not_file_names(qtbot, blog, make_window):
    window = make_window(blog)
    browser = wait_for_posts(qtbot, window)
    assert cells(browser) == [
        "Writing posts with Tsuzuri",
        "インデックス投資の基本：手数料が長期の成果を左右する理由",
        CHIP_TITLE,
        "半導体サプライチェーンの地図（下書き）",  # a draft has no date: last
    ]
    chip = blog / "_posts" / JA_POST
    assert row_text(browser, chip, "date") == "2025-10-20"
    assert row_text(browser, chip, "categories") == "技術動向"
    assert row_text(browser, chip, "tags") == "AI, 半導体, データセンター"
    tip = browser.model.index(browser.row_of(chip), 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == f"{CHIP_TITLE}\n_posts/{JA_POST}"
    assert browser.view.textElideMode() == Qt.TextElideMode.ElideMiddle
    assert browser.count.text() == "4 of 4 posts"


def test_drafts_unpublished_future_and_unreadable_posts_say_so(qtbot, more_posts, make_window):
    blog = more_posts
    window = make_window(blog)
    browser = wait_for_posts(qtbot, window)
    draft = blog / "_drafts" / "semiconductor-supply-chain.md"
    assert row_text(browser, draft, "state") == "Draft"
    assert row_text(browser, blog / "_posts" / JA_POST, "state") == "Published"
    assert row_text(browser, blog / "_posts" / "2024-05-01-kept.md", "state") == ("Not published")
    assert row_text(browser, blog / "_posts" / "2099-01-01-later.md", "state") == "Future-dated"
    broken = blog / "_posts" / "2025-01-05-broken.md"
    assert row_text(browser, broken, "title") == "2025-01-05-broken"  # still listed
    assert "Unreadable" in row_text(browser, broken, "state")


def test_typing_in_the_filter_narrows_the_rows_at_once(qtbot, blog, make_window):
    window = make_window(blog)
    browser = wait_for_posts(qtbot, window)
    browser.filter.setFocus()
    type_text(qtbot, browser.filter, "ｲﾝﾃﾞｯｸｽ")  # half-width kana finds インデックス
    assert cells(browser) == ["インデックス投資の基本：手数料が長期の成果を左右する理由"]
    browser.filter.clear()
    qtbot.keyClicks(browser.filter, "WRITING-WITH")  # the file name, any case
    assert cells(browser) == ["Writing posts with Tsuzuri"]
    assert browser.count.text() == "1 of 4 posts"
    browser.filter.clear()
    type_text(qtbot, browser.filter, "資産形成")  # a tag: in no title
    assert cells(browser) == ["インデックス投資の基本：手数料が長期の成果を左右する理由"]
    browser.filter.clear()
    type_text(qtbot, browser.filter, "技術動向")  # a category: a post and a draft
    assert len(cells(browser)) == 2
    browser.filter.clear()
    assert len(cells(browser)) == 4


def test_filters_by_category_tag_year_and_state(qtbot, more_posts, make_window):
    window = make_window(more_posts)
    browser = wait_for_posts(qtbot, window)
    assert browser.category.itemText(browser.category.findData("技術動向")) == "技術動向 (2)"
    choose(browser.category, "技術動向")
    assert cells(browser) == [CHIP_TITLE, "半導体サプライチェーンの地図（下書き）"]
    choose(browser.tag, "AI")
    assert cells(browser) == [CHIP_TITLE]
    choose(browser.category, None)
    choose(browser.tag, None)
    choose(browser.year, 2024)
    assert cells(browser) == ["非公開のメモ"]
    choose(browser.year, None)
    choose(browser.state, "draft")
    assert cells(browser) == ["半導体サプライチェーンの地図（下書き）"]
    choose(browser.state, "future")
    assert cells(browser) == ["ずっと先の記事"]
    choose(browser.state, "unpublished")
    assert cells(browser) == ["非公開のメモ"]


def test_sorting_by_date_or_title_from_the_header(qtbot, blog, make_window):
    window = make_window(blog)
    browser = wait_for_posts(qtbot, window)
    header = browser.view.header()
    assert header.sortIndicatorSection() == COLUMN["date"]
    header.setSortIndicator(COLUMN["date"], Qt.SortOrder.AscendingOrder)
    assert cells(browser, "date") == ["2025-10-20", "2025-10-22", "2025-10-24", ""]
    header.setSortIndicator(COLUMN["title"], Qt.SortOrder.AscendingOrder)
    titles = cells(browser)
    assert titles == sorted(titles) and titles[0] == CHIP_TITLE
    header.setSortIndicator(COLUMN["title"], Qt.SortOrder.DescendingOrder)
    assert cells(browser) == titles[::-1]


def test_activating_a_row_opens_its_post(qtbot, blog, make_window):
    window = make_window(blog)
    browser = wait_for_posts(qtbot, window)
    chip = blog / "_posts" / JA_POST
    index = browser.model.index(browser.row_of(chip), 0)
    browser.view.setFocus()
    browser.view.setCurrentIndex(index)
    qtbot.keyClick(browser.view, Qt.Key.Key_Return)  # as a double click: the row is activated
    assert window.document.path == chip
    assert window.form.title.text() == CHIP_TITLE
    assert browser.view.currentIndex().row() == browser.row_of(chip)


def test_git_states_given_from_outside_show_and_filter(qtbot, blog, make_window):
    window = make_window(blog)
    browser = wait_for_posts(qtbot, window)
    chip = blog / "_posts" / JA_POST
    draft = blog / "_drafts" / "semiconductor-supply-chain.md"
    browser.set_vcs_states({chip: "modified", Path("_drafts/semiconductor-supply-chain.md"): "new"})
    assert row_text(browser, chip, "state") == "Published, Modified"
    assert row_text(browser, draft, "state") == "Draft, New"
    choose(browser.state, "modified")
    assert cells(browser) == [CHIP_TITLE]
    browser.set_vcs_states({})
    assert cells(browser) == []
    choose(browser.state, None)
    assert row_text(browser, chip, "state") == "Published"


def test_posts_with_doctor_errors_are_marked_and_a_second_start_checks_nothing(
    qtbot, blog, make_window, monkeypatch
):
    post = blog / "_posts" / "2025-10-22-index-fund-basics.md"
    post.write_text(post.read_text("utf-8") + "\n---END---\n続きの段落。\n", "utf-8")
    from editor.ui import post_browser

    checked: list[Path] = []
    original = post_browser.ask_doctor
    monkeypatch.setattr(
        post_browser, "ask_doctor", lambda pool, p, *a: checked.append(p) or original(pool, p, *a)
    )
    window = make_window(blog)
    browser = wait_for_posts(qtbot, window, doctor=True)
    assert checked == []  # a large blog is not checked until the writer asks
    assert row_text(browser, post, "state") == "Published"
    choose(browser.state, "doctor-errors")
    browser = wait_for_posts(qtbot, window, doctor=True)
    assert len(checked) == 4  # three posts and a draft, each in the checking process
    assert [e.path for e in browser.model.rows] == [post]
    assert "Doctor errors" in row_text(browser, post, "state")
    choose(browser.state, None)
    assert row_text(browser, blog / "_posts" / JA_POST, "state") == "Published"
    window.close()

    checked.clear()
    again = make_window(blog)
    browser = wait_for_posts(qtbot, again, doctor=True)
    assert "Doctor errors" in row_text(browser, post, "state")  # kept from the last check
    choose(browser.state, "doctor-errors")
    browser = wait_for_posts(qtbot, again, doctor=True)
    assert checked == [] and [e.path for e in browser.model.rows] == [post]


def test_a_saved_post_updates_its_row_and_only_its_file_is_read(
    qtbot, blog, make_window, monkeypatch
):
    chip = blog / "_posts" / JA_POST
    window = make_window(blog, chip)
    browser = wait_for_posts(qtbot, window)
    reads: list[Path] = []
    original = posts.read_metadata_or_none
    monkeypatch.setattr(posts, "read_metadata_or_none", lambda p: reads.append(p) or original(p))
    window.form.title.setFocus()
    window.form.title.selectAll()
    type_text(qtbot, window.form.title, "半導体の新しい題")
    with qtbot.waitSignal(window.post_saved, timeout=5000):
        window.save_action.trigger()
    qtbot.waitUntil(lambda: row_text(browser, chip, "title") == "半導体の新しい題", timeout=10000)
    wait_for_posts(qtbot, window)
    assert reads == [chip]
    assert browser.view.currentIndex().row() == browser.row_of(chip)


def test_a_second_window_reads_no_unchanged_post(qtbot, blog, make_window, monkeypatch):
    first = make_window(blog)
    wait_for_posts(qtbot, first)
    first.close()
    reads: list[Path] = []
    original = posts.read_metadata_or_none
    monkeypatch.setattr(posts, "read_metadata_or_none", lambda p: reads.append(p) or original(p))
    again = make_window(blog)
    # The cached rows are there before any task has run.
    assert len(cells(again.post_list)) == 4
    wait_for_posts(qtbot, again)
    assert reads == []


def test_rename_or_merge_is_asked_from_a_tag_or_category_of_the_filter(qtbot, blog, make_window):
    window = make_window(blog)
    browser = wait_for_posts(qtbot, window)
    menu = browser.term_menu("tags", "半導体")
    (action,) = menu.actions()
    assert action.text() == "Rename or merge “半導体”…"
    with qtbot.waitSignal(browser.rename_term_requested) as signal:
        action.trigger()
    assert signal.args == ["tags", "半導体"]
    # The combo's own context menu asks about the value it shows.
    choose(browser.category, "技術動向")
    assert browser.category.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu


def test_ctrl_shift_l_puts_the_cursor_in_the_filter(qtbot, blog, make_window):
    window = make_window(blog, blog / "_posts" / JA_POST)
    browser = wait_for_posts(qtbot, window)
    window.editor.setFocus()
    qtbot.keyClick(
        window.editor,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(browser.filter.hasFocus, timeout=3000)
    assert window.sidebar.currentWidget() is browser


def test_another_blog_opened_while_reading_shows_only_its_own_posts(
    qtbot, blog, make_window, tmp_path
):
    other = tmp_path / "other"
    (other / "_posts").mkdir(parents=True)
    (other / "_config.yml").write_text("title: 別のブログ\n", "utf-8")
    (other / "_posts" / "2025-02-03-only.md").write_text("---\ntitle: 唯一の記事\n---\n", "utf-8")
    window = make_window(blog, settle=False)  # the first blog is still being read
    window.open_blog(other)
    browser = wait_for_posts(qtbot, window, doctor=True)
    assert cells(browser) == ["唯一の記事"]
    assert browser.count.text() == "1 of 1 posts"


def test_an_unusable_cache_folder_still_lists_the_posts_and_says_why(
    qtbot, blog, make_window, tmp_path, monkeypatch, prompt_log
):
    cache = tmp_path / "broken-cache"
    cache.mkdir()
    (cache / "tsuzuri").write_text("a file where the folder should be", "utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    window = make_window(blog)
    browser = wait_for_posts(qtbot, window)
    assert CHIP_TITLE in cells(browser)
    assert window.blog_root == blog.resolve() or window.blog_root == blog
    errors = [entry for entry in prompt_log if entry[0] == "error"]
    assert any(str(cache / "tsuzuri") in entry[-1] for entry in errors)


def test_a_post_made_by_another_program_shows_up(qtbot, blog, make_window):
    window = make_window(blog)
    browser = wait_for_posts(qtbot, window)
    (blog / "_posts" / "2026-11-30-dc-followup.md").write_text(
        "---\ntitle: データセンターの続報\n---\n\n本文\n", "utf-8"
    )
    qtbot.waitUntil(lambda: "データセンターの続報" in cells(browser), timeout=10_000)
    (blog / "_posts" / "2026-11-30-dc-followup.md").unlink()
    qtbot.waitUntil(lambda: "データセンターの続報" not in cells(browser), timeout=10_000)


def test_a_narrow_sidebar_shows_title_date_and_state_and_the_header_shows_more(
    qtbot, blog, make_window
):
    window = make_window(blog)
    browser = wait_for_posts(qtbot, window)
    header = browser.view.header()
    shown = [c for n, c in enumerate(COLUMN) if not header.isSectionHidden(COLUMN[c])]
    assert shown == ["title", "date", "state"]
    menu = browser.column_menu()
    tags = next(a for a in menu.actions() if a.text() == "Tags")
    tags.trigger()
    assert not header.isSectionHidden(COLUMN["tags"])
