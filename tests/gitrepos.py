"""Real git repositories made in a test: a bare remote, a clone holding the sample blog in a
subfolder, git's configuration confined to the test (user name and e-mail in the clone only)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "sample-blog"


def git(cwd: Path, *args: str, check: bool = True) -> str:
    result = subprocess.run(
        ["git", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"git {' '.join(args)}: {result.stderr}")
    return result.stdout


def isolate_git(monkeypatch, tmp_path: Path) -> None:
    """No global or system git configuration of the machine reaches the test."""
    empty = tmp_path / "gitconfig-global"
    empty.write_text("")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(empty))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_SSH_COMMAND", "GIT_SSH", "GIT_ASKPASS"):
        monkeypatch.delenv(name, raising=False)


def clone(bare: Path, target: Path) -> Path:
    git(bare.parent, "clone", "-q", str(bare), str(target))
    git(target, "config", "user.name", "Test Writer")
    git(target, "config", "user.email", "writer@example.invalid")
    return target


def make_repos(tmp_path: Path) -> tuple[Path, Path, Path]:
    """(bare remote, clone, blog root inside the clone's ``site/`` folder), one commit pushed
    holding the sample blog except the AI chip post and its image (left for the test)."""
    bare = tmp_path / "remote.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(bare))
    work = clone(bare, tmp_path / "work")
    blog = work / "site"
    shutil.copytree(SAMPLE, blog)
    git(
        work,
        "add",
        "--",
        "site",
        ":!site/_posts/2025-10-20-ai-chip-market.md",
        ":!site/assets/images/chart.png",
    )
    git(work, "commit", "-q", "-m", "first")
    git(work, "push", "-q", "-u", "origin", "main")
    return bare, work, blog


def tsuzuri_on_path(monkeypatch, tmp_path: Path) -> None:
    """A ``tsuzuri`` command on PATH running this checkout (the hook calls it by name)."""
    folder = tmp_path / "bin"
    folder.mkdir()
    script = folder / "tsuzuri"
    script.write_text(f'#!/bin/sh\nPYTHONPATH="{ROOT}" exec "{sys.executable}" -m editor "$@"\n')
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")


class _AskForCredentials(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's name
        self.send_response(401)
        self.send_header("WWW-Authenticate", 'Basic realm="blog"')
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_POST = do_GET

    def log_message(self, *args):
        pass


@contextmanager
def remote_wanting_credentials():
    """An http remote that answers every request with 401: git would ask for a user name."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _AskForCredentials)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/blog.git"
    finally:
        server.shutdown()
        server.server_close()


def push_from_another_clone(bare: Path, folder: Path, name: str, text: str) -> Path:
    """Another machine writes ``site/<name>``, commits and pushes it; returns that clone."""
    other = clone(bare, folder)
    path = other / "site" / name
    path.write_text(text, encoding="utf-8")
    git(other, "add", "--", str(path.relative_to(other)))
    git(other, "commit", "-q", "-m", "from another machine")
    git(other, "push", "-q")
    return other


def remote_that_never_answers(monkeypatch, folder: Path, work: Path) -> None:
    """``origin`` becomes an ssh remote whose ssh sleeps for a minute."""
    slow = folder / "slow-ssh"
    slow.write_text("#!/bin/sh\nsleep 60\n")
    slow.chmod(0o755)
    git(work, "remote", "set-url", "origin", "ssh://example.invalid/x.git")
    monkeypatch.setenv("GIT_SSH_COMMAND", str(slow))
