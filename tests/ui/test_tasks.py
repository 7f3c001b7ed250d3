"""Long work runs off the window's thread, shows its progress, can be cancelled, and a failure
is shown to the writer."""

from __future__ import annotations

import threading

from editor.core.files.cache import blog_cache_file, cache_folder
from tests.ui.conftest import JA_POST, wait_for_posts


def _settled(qtbot, window):
    """The window's own work on opening a blog (its posts read and checked, its git status) has
    ended."""
    wait_for_posts(qtbot, window, doctor=True)
    qtbot.waitUntil(lambda: not window.tasks.running, timeout=15000)
    return window


def test_a_task_shows_progress_and_its_result_arrives_on_the_window_thread(
    qtbot, blog, make_window
):
    window = _settled(qtbot, make_window(blog))
    tasks = window.tasks
    qtbot.waitUntil(lambda: not tasks.running)  # the blog's own indexing is done
    main_thread = threading.current_thread()
    go_on = threading.Event()
    results: list[tuple] = []

    def work(progress):
        progress.step(1, 4, "1/4")
        go_on.wait(5)
        progress.step(2, 4)
        return threading.current_thread() is main_thread

    tasks.run("Indexing", work, lambda off_thread: results.append((off_thread,)))
    qtbot.waitUntil(lambda: tasks.bar.maximum() == 4)
    assert tasks.widget.isVisible()
    assert "Indexing" in tasks.label.text()
    assert tasks.bar.value() == 1
    go_on.set()
    qtbot.waitUntil(lambda: bool(results))
    assert results == [(False,)]  # the work ran on a worker, the result came back here
    assert not tasks.widget.isVisible()


def test_cancel_stops_the_work_at_its_next_step(qtbot, blog, make_window):
    window = _settled(qtbot, make_window(blog))
    tasks = window.tasks
    qtbot.waitUntil(lambda: not tasks.running)  # the blog's own indexing is done
    steps: list[int] = []
    ended: list[str] = []

    def work(progress):
        for n in range(10_000):
            progress.step(n, 10_000)
            steps.append(n)
            threading.Event().wait(0.001)
        return "finished"

    tasks.run(
        "Long", work, lambda r: ended.append(r), on_cancelled=lambda: ended.append("cancelled")
    )
    qtbot.waitUntil(lambda: len(steps) > 3)
    tasks.cancel_button.click()
    qtbot.waitUntil(lambda: bool(ended))
    assert ended == ["cancelled"]
    assert len(steps) < 10_000
    assert not tasks.widget.isVisible()


def test_a_failure_is_shown_never_swallowed(qtbot, blog, make_window, prompt_log):
    window = make_window(blog)

    def work(_progress):
        raise OSError("disk full")

    window.tasks.run("Saving the index", work, lambda _r: None)
    qtbot.waitUntil(lambda: any(entry[0] == "error" for entry in prompt_log))
    error = next(entry for entry in prompt_log if entry[0] == "error")
    assert "Saving the index" in error and "disk full" in error[-1]


def test_open_post_at_puts_the_cursor_on_the_line_of_the_file(qtbot, blog, make_window):
    window = make_window(blog)
    path = blog / "_posts" / JA_POST
    lines = path.read_text("utf-8").splitlines()
    target = next(n for n, line in enumerate(lines) if n > 12 and line.strip())
    assert window.open_post_at(path, target, 2)
    cursor = window.editor.textCursor()
    assert cursor.block().text() == lines[target]
    assert cursor.positionInBlock() == 2


def test_caches_live_under_xdg_cache_home_one_file_per_blog(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "c"))
    assert cache_folder("search") == tmp_path / "c" / "tsuzuri" / "search"
    one = blog_cache_file("search", tmp_path / "a")
    assert one == blog_cache_file("search", tmp_path / "x" / ".." / "a")
    assert one != blog_cache_file("search", tmp_path / "b")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative")
    assert cache_folder("search").parent.parent == tmp_path.home() / ".cache"


def test_an_older_task_ending_leaves_the_newest_tasks_progress_shown(qtbot, blog, make_window):
    window = make_window(blog)
    tasks = window.tasks
    qtbot.waitUntil(lambda: not tasks.running)  # the blog's own indexing is done
    first_go, second_go = threading.Event(), threading.Event()
    ended: list[str] = []

    def first(progress):
        first_go.wait(5)
        return "first"

    def second(progress):
        progress.step(3, 8)
        second_go.wait(5)
        return "second"

    tasks.run("First", first, ended.append)
    tasks.run("Second", second, ended.append)
    qtbot.waitUntil(lambda: tasks.bar.maximum() == 8)
    first_go.set()
    qtbot.waitUntil(lambda: ended == ["first"])
    assert (tasks.bar.maximum(), tasks.bar.value()) == (8, 3)
    assert "Second" in tasks.label.text()
    second_go.set()
    qtbot.waitUntil(lambda: len(ended) == 2)
