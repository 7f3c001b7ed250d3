"""Git on a generated blog: the status the window asks for after each save, and one commit of
a post while other files are modified, staged and untracked.

N posts (TSUZURI_BENCH_POSTS, 2000 by default to keep ``make bench`` short; 10000 for the
issue's scale) in a repository made for the run, committed once; then 50 posts are modified,
10 drafts staged new and 20 posts left untracked.  git's configuration of the machine is kept
out (a config of its own, user name and e-mail in the repository).
Run: ``python benchmarks/bench_git.py``.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from blog_gen import make_blog  # noqa: E402

from editor.core.blog import git as blog_git  # noqa: E402

POSTS = int(os.environ.get("TSUZURI_BENCH_POSTS", "2000"))
STATUS_TARGET_MS = 500.0
COMMIT_TARGET_MS = 1000.0
RUNS = 5


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, timeout=600)


def run() -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "gitconfig").write_text("")
        os.environ["GIT_CONFIG_GLOBAL"] = str(folder / "gitconfig")
        os.environ["GIT_CONFIG_NOSYSTEM"] = "1"
        work = folder / "work"
        blog = work / "site"
        files = make_blog(blog, POSTS)
        _git(work, "init", "-q", "-b", "main")
        _git(work, "config", "user.name", "Bench")
        _git(work, "config", "user.email", "bench@example.invalid")
        untracked = files[-20:]
        aside = folder / "aside"
        aside.mkdir()
        for path in untracked:
            path.rename(aside / path.name)
        _git(work, "add", "-A")
        _git(work, "commit", "-q", "-m", "the blog")
        for path in untracked:
            (aside / path.name).rename(path)
        for path in files[:50]:
            path.write_text(path.read_text("utf-8") + "\n追記\n", "utf-8")
        for n in range(10):
            draft = blog / "_drafts" / f"新しい 下書き {n}.md"
            draft.write_text("---\ntitle: 下書き\n---\n本文\n", "utf-8")
            _git(work, "add", "--", str(draft))
        repo = blog_git.find_repository(blog)
        timings, found = [], None
        for _ in range(RUNS):
            start = time.perf_counter()
            found = blog_git.status(repo, blog)
            timings.append((time.perf_counter() - start) * 1000)
        post = untracked[0]
        start = time.perf_counter()
        paths = blog_git.commit_paths(repo, post, [], blog)
        states = blog_git.status(repo, blog, paths=paths).states
        blog_git.commit_only(repo, paths, blog_git.commit_message("x", True, "ja"), states)
        commit_ms = (time.perf_counter() - start) * 1000
    return [
        {
            "name": f"git status {POSTS} posts",
            "median_ms": statistics.median(timings),
            "target_ms": STATUS_TARGET_MS,
            "changed": len(found.states),
        },
        {
            "name": f"commit one post of {POSTS}",
            "median_ms": commit_ms,
            "target_ms": COMMIT_TARGET_MS,
        },
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
