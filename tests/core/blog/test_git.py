"""The blog's git repository through the writer's own git: status, commit post, push, pull,
the pre-commit check.  Real repositories made in each test (tests/gitrepos.py)."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest

from editor.core.blog import git as blog_git
from editor.core.render import RenderContext
from tests.gitrepos import (
    git,
    isolate_git,
    push_from_another_clone,
    remote_that_never_answers,
    remote_wanting_credentials,
    tsuzuri_on_path,
)

pytestmark = pytest.mark.core

AI_POST = "_posts/2025-10-20-ai-chip-market.md"


def _context(blog: Path, post: Path) -> RenderContext:
    return RenderContext(site={}, page={}, blog_root=blog.resolve(), post_path=post.resolve())


def _commit_post(blog: Path, post: Path, lang: str = "ja", title: str = "AIチップ市場"):
    repo = blog_git.find_repository(blog)
    from editor.core.post.split import split_post

    body = split_post(post.read_text("utf-8")).body
    images = blog_git.post_images(body, _context(blog, post))
    paths = blog_git.commit_paths(repo, post, images, blog)
    state = blog_git.status(repo, blog, paths=paths)
    message = blog_git.commit_message(
        title, blog_git.is_new(state.states.get(post), state.initial), lang
    )
    return blog_git.commit_only(repo, paths, message, state.states)


def test_a_blog_outside_git_says_why(tmp_path, monkeypatch):
    isolate_git(monkeypatch, tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    blog = tmp_path / "blog"
    blog.mkdir()
    with pytest.raises(blog_git.GitError) as raised:
        blog_git.find_repository(blog)
    assert raised.value.code == "not_repository"
    assert "not in a git repository" in raised.value.message_in("en")
    assert "gitリポジトリ" in raised.value.message_in("ja").replace(" ", "")


def test_status_of_a_blog_in_a_subfolder_with_japanese_names_and_spaces(git_repos):
    _bare, work, blog = git_repos
    (blog / "_posts" / "2025-11-01-日本語 の 記事.md").write_text("---\ntitle: x\n---\n本文\n")
    (blog / "_drafts" / "新しい 下書き.md").write_text("---\ntitle: y\n---\n")
    git(work, "add", "--", "site/_drafts/新しい 下書き.md")
    changed = blog / "_posts" / "2025-10-22-index-fund-basics.md"
    changed.write_text(changed.read_text("utf-8") + "\n追記\n", encoding="utf-8")
    repo = blog_git.find_repository(blog)
    assert repo.top == work.resolve()
    found = blog_git.status(repo, blog)
    assert found.branch == "main" and not found.initial and not found.detached
    assert found.states[blog / "_posts" / "2025-11-01-日本語 の 記事.md"] == "untracked"
    assert found.states[blog / "_drafts" / "新しい 下書き.md"] == "new"
    assert found.states[changed] == "modified"
    assert found.states[blog / AI_POST] == "untracked"
    assert blog / "_posts" / "2025-10-24-writing-with-tsuzuri.md" not in found.states


def test_branch_before_the_first_commit_and_on_a_detached_head(tmp_path, monkeypatch, git_repos):
    fresh = tmp_path / "fresh"
    git(tmp_path, "init", "-q", "-b", "draft-work", str(fresh))
    found = blog_git.status(blog_git.find_repository(fresh), fresh)
    assert (found.branch, found.initial) == ("draft-work", True)
    _bare, work, blog = git_repos
    head = git(work, "rev-parse", "--short=7", "HEAD").strip()
    git(work, "checkout", "-q", "--detach")
    found = blog_git.status(blog_git.find_repository(blog), blog)
    assert (found.branch, found.detached) == ("", head)


def test_commit_post_commits_only_the_post_and_its_image(git_repos):
    _bare, work, blog = git_repos
    other_staged = blog / "_posts" / "2025-10-24-writing-with-tsuzuri.md"
    other_staged.write_text(other_staged.read_text("utf-8") + "\nstaged\n", encoding="utf-8")
    git(work, "add", "--", "site/_posts/2025-10-24-writing-with-tsuzuri.md")
    other_modified = blog / "_posts" / "2025-10-22-index-fund-basics.md"
    other_modified.write_text(other_modified.read_text("utf-8") + "\nmod\n", encoding="utf-8")
    (blog / "notes.txt").write_text("untracked and unrelated")

    _commit_post(blog, blog / AI_POST)

    shown = git(work, "show", "--name-only", "--format=%s", "HEAD").split("\n")
    assert shown[0] == "記事を追加: AIチップ市場"
    assert sorted(n for n in shown[1:] if n) == [
        "site/_posts/2025-10-20-ai-chip-market.md",
        "site/assets/images/chart.png",
    ]
    short = git(work, "status", "--porcelain=v1").splitlines()
    assert "M  site/_posts/2025-10-24-writing-with-tsuzuri.md" in short  # still staged only
    assert " M site/_posts/2025-10-22-index-fund-basics.md" in short  # still modified only
    assert "?? site/notes.txt" in short


def test_a_second_commit_says_update_in_english_too(git_repos):
    _bare, work, blog = git_repos
    post = blog / AI_POST
    _commit_post(blog, post)
    post.write_text(post.read_text("utf-8") + "\n追記\n", encoding="utf-8")
    _commit_post(blog, post, lang="en")
    assert git(work, "log", "-1", "--format=%s").strip() == "Update post: AIチップ市場"
    with pytest.raises(blog_git.GitError) as raised:
        _commit_post(blog, post)
    assert raised.value.code == "nothing"


def test_push_then_pull_from_another_clone(git_repos, tmp_path):
    bare, work, blog = git_repos
    _commit_post(blog, blog / AI_POST)
    repo = blog_git.find_repository(blog)
    blog_git.push(repo)
    assert git(bare, "--git-dir", str(bare), "log", "-1", "--format=%s").strip() == (
        "記事を追加: AIチップ市場"
    )
    push_from_another_clone(
        bare, tmp_path / "other", "_posts/2025-10-24-writing-with-tsuzuri.md", "elsewhere\n"
    )
    blog_git.pull(repo)
    assert (blog / "_posts" / "2025-10-24-writing-with-tsuzuri.md").read_text() == "elsewhere\n"


def test_a_rejected_push_keeps_gits_words(git_repos, tmp_path):
    bare, work, blog = git_repos
    push_from_another_clone(bare, tmp_path / "other", "x.md", "x")
    _commit_post(blog, blog / AI_POST)
    with pytest.raises(blog_git.GitError) as raised:
        blog_git.push(blog_git.find_repository(blog))
    text = raised.value.message_in("en")
    assert text.startswith("The push failed.")
    assert "[rejected]" in text and "main -> main" in text


def test_a_remote_that_is_not_there_fails_at_once(git_repos):
    _bare, work, blog = git_repos
    git(work, "remote", "set-url", "origin", "http://127.0.0.1:9/x.git")
    start = time.monotonic()
    with pytest.raises(blog_git.GitError) as raised:
        blog_git.push(blog_git.find_repository(blog), timeout=20)
    assert time.monotonic() - start < 20
    assert "127.0.0.1" in raised.value.output


def test_a_remote_wanting_credentials_does_not_hang(git_repos):
    _bare, work, blog = git_repos
    with remote_wanting_credentials() as url:
        git(work, "remote", "set-url", "origin", url)
        start = time.monotonic()
        with pytest.raises(blog_git.GitError) as raised:
            blog_git.push(blog_git.find_repository(blog), timeout=20)
    assert time.monotonic() - start < 20
    assert "terminal prompts disabled" in raised.value.output  # git's words, verbatim
    assert raised.value.auth
    assert "GIT_TERMINAL_PROMPT=0" in raised.value.message_in("en")


def test_a_credentials_failure_says_prompts_are_disabled():
    error = blog_git.GitError(
        "failed",
        blog_git.Phrase(blog_git.QT_TRANSLATE_NOOP("git", "The push failed.")),
        "fatal: could not read Username for 'https://example.com': terminal prompts disabled",
    )
    assert "GIT_TERMINAL_PROMPT=0" in error.message_in("en")
    assert "terminal prompts disabled" in error.message_in("ja")


def test_a_git_that_never_answers_is_stopped_at_the_timeout(git_repos, tmp_path, monkeypatch):
    _bare, work, blog = git_repos
    remote_that_never_answers(monkeypatch, tmp_path, work)
    start = time.monotonic()
    with pytest.raises(blog_git.GitError) as raised:
        blog_git.pull(blog_git.find_repository(blog), timeout=2)
    assert time.monotonic() - start < 10
    assert raised.value.code == "timeout"


def test_the_hook_runs_the_doctor_and_blocks_a_broken_post(git_repos, tmp_path, monkeypatch):
    _bare, work, blog = git_repos
    tsuzuri_on_path(monkeypatch, tmp_path)
    repo = blog_git.find_repository(blog)
    path = blog_git.install_hook(repo)
    assert path == work.resolve() / ".git" / "hooks" / "pre-commit"
    broken = blog / "_posts" / "2025-11-02-壊れた 記事.md"
    broken.write_text("---\ntitle: [unclosed\n---\n本文\n", encoding="utf-8")
    git(work, "add", "--", "site/_posts/2025-11-02-壊れた 記事.md")
    blocked = subprocess.run(
        ["git", "commit", "-m", "broken"], cwd=work, capture_output=True, text=True, timeout=60
    )
    assert blocked.returncode != 0
    assert "壊れた 記事.md" in blocked.stderr  # the doctor's finding, the name intact
    assert git(work, "rev-list", "--count", "HEAD").strip() == "1"
    git(work, "reset", "-q")
    git(work, "add", "--", "site/" + AI_POST)
    git(work, "commit", "-q", "-m", "fine")  # a sound post passes the check
    assert git(work, "rev-list", "--count", "HEAD").strip() == "2"
    # A warning (here a reading time that does not match the text) is the writer's to weigh:
    # it is shown, and the commit goes on.
    warned = blog / "_posts" / "2025-11-03-warned.md"
    warned.write_text("---\ntitle: 注意\nreading_time: 40\n---\n\n短い本文です。\n", "utf-8")
    git(work, "add", "--", "site/_posts/2025-11-03-warned.md")
    done = subprocess.run(
        ["git", "commit", "-m", "warned"], cwd=work, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "reading-time" in done.stdout + done.stderr
    assert git(work, "rev-list", "--count", "HEAD").strip() == "3"


def test_the_hook_text_is_the_one_in_the_docs():
    docs = (Path(__file__).resolve().parents[3] / "docs" / "doctor.md").read_text("utf-8")
    assert blog_git.HOOK_SCRIPT in docs


def test_a_foreign_hook_is_not_overwritten_and_ours_is_removable(git_repos):
    _bare, work, blog = git_repos
    git(work, "config", "core.hooksPath", "githooks")
    repo = blog_git.find_repository(blog)
    hooks = work / "githooks"
    hooks.mkdir()
    (hooks / "pre-commit").write_text("#!/bin/sh\nrun-my-linter\n")
    with pytest.raises(blog_git.GitError) as raised:
        blog_git.install_hook(repo)
    assert "run-my-linter" in raised.value.message_in("en")
    assert (hooks / "pre-commit").read_text() == "#!/bin/sh\nrun-my-linter\n"
    with pytest.raises(blog_git.GitError):
        blog_git.remove_hook(repo)
    (hooks / "pre-commit").unlink()
    assert blog_git.install_hook(repo) == work.resolve() / "githooks" / "pre-commit"
    assert blog_git.hook_installed(repo)
    blog_git.remove_hook(repo)
    assert not (hooks / "pre-commit").exists()


def test_the_hook_says_so_when_tsuzuri_is_not_on_path(git_repos, monkeypatch):
    _bare, work, blog = git_repos
    monkeypatch.setattr(blog_git, "tsuzuri_folder", lambda: None)  # installed from elsewhere
    blog_git.install_hook(blog_git.find_repository(blog))
    git(work, "add", "--", "site/" + AI_POST)
    bare_path = {"PATH": "/usr/bin:/bin", "HOME": str(work)}
    blocked = subprocess.run(
        ["git", "commit", "-m", "x"], cwd=work, capture_output=True, text=True, env=bare_path
    )
    assert blocked.returncode != 0
    assert "pre-commit: tsuzuri is not on PATH" in blocked.stderr


def test_a_pull_that_would_merge_is_refused_and_says_why(git_repos, tmp_path):
    bare, work, blog = git_repos
    push_from_another_clone(bare, tmp_path / "other", "x.md", "x")
    _commit_post(blog, blog / AI_POST)  # both sides have a commit the other lacks
    before = git(work, "rev-parse", "HEAD")
    with pytest.raises(blog_git.GitError) as raised:
        blog_git.pull(blog_git.find_repository(blog))
    text = raised.value.message_in("en")
    assert "only by fast-forward" in text
    assert raised.value.output in text  # git's words too
    assert git(work, "rev-parse", "HEAD") == before
    assert not (blog / "x.md").exists()
    assert "早送り" in raised.value.message_in("ja")


def test_a_commit_the_check_refuses_leaves_the_new_post_untracked(git_repos, tmp_path, monkeypatch):
    _bare, work, blog = git_repos
    tsuzuri_on_path(monkeypatch, tmp_path)
    repo = blog_git.find_repository(blog)
    blog_git.install_hook(repo)
    broken = blog / "_posts" / "2025-11-02-壊れた 記事.md"
    broken.write_text("---\ntitle: [unclosed\n---\n本文\n", encoding="utf-8")
    state = blog_git.status(repo, blog, paths=[broken])
    with pytest.raises(blog_git.GitError) as raised:
        blog_git.commit_only(repo, [broken.resolve()], "記事を追加: x", state.states)
    assert raised.value.message_in("en").startswith("The commit failed.")
    assert "壊れた 記事.md" in raised.value.output  # the doctor's finding, verbatim
    assert blog_git.status(repo, blog).states[broken] == "untracked"
    assert git(work, "rev-list", "--count", "HEAD").strip() == "1"


def test_a_hook_changed_by_the_writer_is_neither_replaced_nor_removed(git_repos):
    _bare, work, blog = git_repos
    repo = blog_git.find_repository(blog)
    path = blog_git.install_hook(repo)
    mine = path.read_text("utf-8") + "run-my-linter\n"
    path.write_text(mine, "utf-8")
    for action in (blog_git.install_hook, blog_git.remove_hook):
        with pytest.raises(blog_git.GitError) as raised:
            action(repo)
        assert raised.value.code == "changed_hook"
        assert path.read_text("utf-8") == mine


def test_a_global_hooks_folder_is_not_written(git_repos, tmp_path):
    _bare, work, blog = git_repos
    shared = tmp_path / "global-hooks"
    git(work, "config", "core.hooksPath", str(shared))
    with pytest.raises(blog_git.GitError) as raised:
        blog_git.install_hook(blog_git.find_repository(blog))
    assert raised.value.code == "global_hooks"
    assert not (shared / "pre-commit").exists()


def test_brackets_in_a_name_commit_that_post_alone(git_repos):
    _bare, work, blog = git_repos
    posts = blog / "_posts"
    one = posts / "2024-01-01-post1.md"
    odd = posts / "2024-01-01-post[12].md"
    for path in (one, odd):
        path.write_text("---\ntitle: x\n---\n\n本文\n", "utf-8")
    _commit_post(blog, odd, title="x")
    committed = git(work, "show", "--name-only", "--format=", "HEAD").split("\n")
    assert "site/_posts/2024-01-01-post[12].md" in committed
    assert "site/_posts/2024-01-01-post1.md" not in committed
    assert "?? site/_posts/2024-01-01-post1.md" in git(work, "status", "--porcelain")


def test_an_image_outside_the_blog_is_not_committed(git_repos):
    _bare, work, blog = git_repos
    secret = work / "private" / "secret.png"
    secret.parent.mkdir()
    secret.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 32)
    repo = blog_git.find_repository(blog)
    post = blog / "_posts" / "2025-11-01-linked.md"
    post.write_text("---\ntitle: x\n---\n\n![](../../private/secret.png)\n", "utf-8")
    paths = blog_git.commit_paths(repo, post, [secret], blog)
    assert paths == [post.resolve()]


def test_a_renamed_post_is_committed_under_its_new_name_only(git_repos):
    _bare, work, blog = git_repos
    old = blog / AI_POST
    _commit_post(blog, old)
    new = blog / "_posts" / "2025-11-02-ai-chip-market.md"  # Rename to match the date
    old.rename(new)
    repo = blog_git.find_repository(blog)
    paths = blog_git.commit_paths(repo, new, [], blog)
    paths += blog_git.renamed_from(blog, new, blog_git.status(repo, blog).states)
    assert paths == [new.resolve(), old.resolve()]
    state = blog_git.status(repo, blog, paths=paths)
    blog_git.commit_only(repo, paths, "記事を更新: AIチップ市場", state.states)
    tree = git(work, "ls-tree", "-r", "--name-only", "HEAD").split("\n")
    assert "site/_posts/2025-11-02-ai-chip-market.md" in tree
    assert "site/_posts/2025-10-20-ai-chip-market.md" not in tree
    assert git(work, "status", "--porcelain", "--", "site/_posts").strip() == ""


def test_the_installed_hook_finds_the_tsuzuri_that_installed_it(git_repos, tmp_path, monkeypatch):
    # The writer's tsuzuri lives in a virtual environment their terminal's PATH does not name.
    _bare, work, blog = git_repos
    folder = tmp_path / "venv bin"
    folder.mkdir()
    (folder / "tsuzuri").write_text('#!/bin/sh\necho "doctor ran on $*" >&2\nexit 1\n')
    (folder / "tsuzuri").chmod(0o755)
    monkeypatch.setattr(blog_git, "tsuzuri_folder", lambda: folder)
    hook = blog_git.install_hook(blog_git.find_repository(blog))
    assert blog_git.is_untouched(hook.read_text("utf-8"))
    git(work, "add", "--", "site/" + AI_POST)
    blocked = subprocess.run(
        ["git", "commit", "-m", "x"],
        cwd=work,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "HOME": str(work)},
    )
    assert blocked.returncode != 0
    assert "doctor ran on doctor --fail-on error site/_posts/2025-10-20-ai-chip-market.md" in (
        blocked.stderr
    )
    blog_git.remove_hook(blog_git.find_repository(blog))  # still ours: removable
    assert not hook.exists()
