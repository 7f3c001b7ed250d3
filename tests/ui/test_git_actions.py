"""The Git menu on a real repository made in the test: commit the current post (only it and
its image), push, pull, failures in git's words, a blog outside git, the status bar, the
pre-commit check.  The menu's own actions are triggered, as a writer's clicks would."""

from __future__ import annotations

import time

import pytest
from PySide6.QtGui import QKeySequence

from editor.ui import prompts
from tests.gitrepos import (
    git,
    isolate_git,
    push_from_another_clone,
    remote_that_never_answers,
    remote_wanting_credentials,
)
from tests.ui.conftest import JA_POST, type_text, wait_for_posts
from tests.ui.test_post_browser import cells, row_text

pytestmark = pytest.mark.ui


@pytest.fixture
def commits(monkeypatch, prompt_log):
    """The commit dialog answers with the message it was offered (or ``edit`` of it)."""
    answers = {"edit": lambda message: message}

    def edit(parent, files, message):
        prompt_log.append(("commit_message", files, message))
        return answers["edit"](message)

    monkeypatch.setattr(prompts, "edit_commit_message", edit)
    return answers


def _menu_action(window, text):
    found = [a for a in window.menus["git"].actions() if a.text().replace("&", "") == text]
    assert found, [a.text() for a in window.menus["git"].actions()]
    return found[0]


def _ready(qtbot, window):
    qtbot.waitUntil(lambda: window.git.repository is not None and not window.tasks.running)


def _idle(qtbot, window, timeout=30000):
    qtbot.waitUntil(lambda: not window.tasks.running, timeout=timeout)


def _title(window):
    return str(window.document.get("title"))


def test_commit_post_takes_only_the_post_and_its_image(
    qtbot, make_window, git_repos, commits, prompt_log
):
    _bare, work, blog = git_repos
    staged = blog / "_posts" / "2025-10-24-writing-with-tsuzuri.md"
    staged.write_text(staged.read_text("utf-8") + "\nstaged\n", encoding="utf-8")
    git(work, "add", "--", "site/_posts/2025-10-24-writing-with-tsuzuri.md")
    window = make_window(blog, blog / "_posts" / JA_POST)
    _ready(qtbot, window)
    assert window.git.status_label.text() == "main · untracked"

    commit = _menu_action(window, "Commit Post…")
    assert commit.shortcut() == QKeySequence("Ctrl+Shift+G")
    commit.trigger()
    qtbot.waitUntil(lambda: any(e[0] == "commit_message" for e in prompt_log))
    _idle(qtbot, window)
    (_kind, files, message) = [e for e in prompt_log if e[0] == "commit_message"][0]
    assert message == f"Add post: {_title(window)}"
    assert [name for name, _state in files] == [
        "site/_posts/2025-10-20-ai-chip-market.md",
        "site/assets/images/chart.png",
    ]
    shown = git(work, "show", "--name-only", "--format=%s", "HEAD").split("\n")
    assert shown[0] == message
    assert sorted(n for n in shown[1:] if n) == [name for name, _state in files]
    assert (
        "M  site/_posts/2025-10-24-writing-with-tsuzuri.md"
        in git(work, "status", "--porcelain=v1").splitlines()
    )  # the other staged post stays staged, uncommitted
    qtbot.waitUntil(lambda: window.git.status_label.text() == "main · committed")
    assert "Committed" in window.statusBar().currentMessage()


def test_an_unsaved_post_is_saved_first_and_committed_as_an_update(
    qtbot, make_window, git_repos, commits, prompt_log, monkeypatch
):
    _bare, work, blog = git_repos
    git(work, "add", "--", "site")
    git(work, "commit", "-q", "-m", "all")
    window = make_window(blog, blog / "_posts" / JA_POST)
    _ready(qtbot, window)
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    type_text(qtbot, window.editor, "\n追記した段落。\n")
    assert window.is_modified

    commits["edit"] = lambda message: message + "\n\n段落を追加"
    window.git.commit_action.trigger()  # answered "no": nothing saved, nothing committed
    assert prompt_log[-1][0] == "save_for_commit"
    assert window.is_modified
    monkeypatch.setattr(prompts, "ask_save_before_commit", lambda *a: True)
    window.git.commit_action.trigger()
    qtbot.waitUntil(lambda: git(work, "rev-list", "--count", "HEAD").strip() == "3")
    assert not window.is_modified
    assert git(work, "log", "-1", "--format=%B").strip() == (
        f"Update post: {_title(window)}\n\n段落を追加"
    )
    assert "追記した段落。" in git(work, "show", "HEAD:site/_posts/" + JA_POST)
    _idle(qtbot, window)
    window.git.commit_action.trigger()  # nothing changed since: said, nothing committed
    qtbot.waitUntil(lambda: prompt_log[-1][0] == "info")
    assert prompt_log[-1][2:] == (
        "Commit Post",
        "The post and its images have no changes to commit.",
    )
    assert git(work, "rev-list", "--count", "HEAD").strip() == "3"


def test_the_message_is_japanese_in_the_japanese_interface(
    qtbot, make_window, git_repos, commits, prompt_log, language
):
    assert language("ja") == []
    _bare, work, blog = git_repos
    window = make_window(blog, blog / "_posts" / JA_POST)
    _ready(qtbot, window)
    window.git.commit_action.trigger()
    qtbot.waitUntil(lambda: git(work, "rev-list", "--count", "HEAD").strip() == "2", timeout=15000)
    assert git(work, "log", "-1", "--format=%s").strip() == f"記事を追加: {_title(window)}"


def test_push_then_pull_a_change_made_in_another_clone(
    qtbot, make_window, git_repos, commits, tmp_path
):
    bare, work, blog = git_repos
    window = make_window(blog, blog / "_posts" / JA_POST)
    _ready(qtbot, window)
    window.git.commit_action.trigger()
    qtbot.waitUntil(lambda: git(work, "rev-list", "--count", "HEAD").strip() == "2")
    _idle(qtbot, window)
    _menu_action(window, "Push").trigger()
    _idle(qtbot, window)
    assert git(bare, "--git-dir", str(bare), "log", "-1", "--format=%s").strip() == (
        f"Add post: {_title(window)}"
    )
    assert window.statusBar().currentMessage() == "Pushed."

    name = "_posts/2025-11-05-別の 端末から.md"
    push_from_another_clone(bare, tmp_path / "other", name, "---\ntitle: 別の端末から\n---\n")
    _menu_action(window, "Pull").trigger()
    _idle(qtbot, window)
    assert (blog / "_posts" / "2025-11-05-別の 端末から.md").is_file()
    qtbot.waitUntil(lambda: "別の端末から" in cells(wait_for_posts(qtbot, window)))


def test_a_rejected_push_shows_gits_message(
    qtbot, make_window, git_repos, commits, prompt_log, tmp_path
):
    bare, work, blog = git_repos
    push_from_another_clone(bare, tmp_path / "other", "x.md", "x")
    window = make_window(blog, blog / "_posts" / JA_POST)
    _ready(qtbot, window)
    window.git.commit_action.trigger()
    qtbot.waitUntil(lambda: git(work, "rev-list", "--count", "HEAD").strip() == "2")
    _idle(qtbot, window)
    window.git.push_action.trigger()
    qtbot.waitUntil(lambda: any(e[0] == "error" for e in prompt_log), timeout=30000)
    _kind, _parent, title, text = [e for e in prompt_log if e[0] == "error"][0]
    assert title == "Push"
    assert text.startswith("The push failed.")
    assert "[rejected]" in text and "main -> main" in text


def test_a_remote_wanting_credentials_fails_with_the_reason(
    qtbot, make_window, git_repos, prompt_log
):
    _bare, work, blog = git_repos
    window = make_window(blog, blog / "_posts" / JA_POST)
    _ready(qtbot, window)
    with remote_wanting_credentials() as url:
        git(work, "remote", "set-url", "origin", url)
        start = time.monotonic()
        window.git.pull_action.trigger()
        qtbot.waitUntil(lambda: any(e[0] == "error" for e in prompt_log), timeout=30000)
    assert time.monotonic() - start < 30
    text = [e for e in prompt_log if e[0] == "error"][0][3]
    assert "terminal prompts disabled" in text
    assert "prompts disabled (GIT_TERMINAL_PROMPT=0)" in text


def test_cancel_stops_a_pull_that_hangs(qtbot, make_window, git_repos, tmp_path, monkeypatch):
    _bare, work, blog = git_repos
    remote_that_never_answers(monkeypatch, tmp_path, work)
    window = make_window(blog, blog / "_posts" / JA_POST)
    _ready(qtbot, window)
    window.git.pull_action.trigger()
    assert window.tasks.running and window.tasks.cancel_button.isEnabled()
    start = time.monotonic()
    window.tasks.cancel_button.click()
    _idle(qtbot, window, timeout=10000)
    assert time.monotonic() - start < 10


def test_a_blog_outside_git_has_the_actions_disabled_with_the_reason(
    qtbot, make_window, blog, monkeypatch, tmp_path
):
    isolate_git(monkeypatch, tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    window = make_window(blog, blog / "_posts" / JA_POST)
    _idle(qtbot, window)
    reason = "The blog is not in a git repository."
    qtbot.waitUntil(lambda: window.git.reason == reason)
    assert window.menus["git"].toolTipsVisible()
    for name in ("Commit Post…", "Push", "Pull", "Install the Pre-commit Check"):
        action = _menu_action(window, name)
        assert not action.isEnabled() and action.toolTip() == reason
    assert not window.git.status_label.isVisible()


def test_status_bar_and_post_list_learn_each_posts_state(qtbot, make_window, git_repos):
    _bare, work, blog = git_repos
    changed = blog / "_posts" / "2025-10-22-index-fund-basics.md"
    changed.write_text(changed.read_text("utf-8") + "\n追記\n", encoding="utf-8")
    draft = blog / "_drafts" / "新しい 下書き.md"
    draft.write_text("---\ntitle: 下書き\n---\n", encoding="utf-8")
    git(work, "add", "--", "site/_drafts/新しい 下書き.md")
    window = make_window(blog, changed)
    _menu_action(window, "Refresh Status").trigger()
    _ready(qtbot, window)
    browser = wait_for_posts(qtbot, window)
    assert window.git.status_label.text() == "main · modified"
    assert row_text(browser, changed, "state") == "Published, Modified"
    assert row_text(browser, draft, "state") == "Draft, New"
    assert row_text(browser, blog / "_posts" / JA_POST, "state") == "Published, Untracked"
    window.open_post(draft)
    assert window.git.status_label.text() == "main · staged, new"


def test_the_pre_commit_check_from_the_menu(qtbot, make_window, git_repos, prompt_log):
    _bare, work, blog = git_repos
    window = make_window(blog, blog / "_posts" / JA_POST)
    _ready(qtbot, window)
    install = _menu_action(window, "Install the Pre-commit Check")
    remove = _menu_action(window, "Remove the Pre-commit Check")
    assert install.isEnabled() and not remove.isEnabled()
    install.trigger()
    _idle(qtbot, window)
    hook = work / ".git" / "hooks" / "pre-commit"
    assert "tsuzuri doctor" in hook.read_text()
    assert prompt_log[-1][0] == "info" and str(hook.resolve()) in prompt_log[-1][3]
    qtbot.waitUntil(lambda: remove.isEnabled() and not install.isEnabled())
    remove.trigger()
    _idle(qtbot, window)
    assert not hook.exists()

    hook.write_text("#!/bin/sh\nmy-own-linter\n")
    window.git.refresh()
    _idle(qtbot, window)
    window.git.install_hook()
    _idle(qtbot, window)
    error = prompt_log[-1]
    assert error[0] == "error" and "my-own-linter" in error[3]
    assert "did not write" in error[3]
    assert hook.read_text() == "#!/bin/sh\nmy-own-linter\n"
