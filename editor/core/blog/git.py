"""The blog's git repository, through the writer's own ``git`` (their config and credentials).

Every call is a subprocess with a timeout; the window runs them on a worker
(``window.tasks``), whose Cancel kills the process.  No credential prompt can hang: git runs
with ``GIT_TERMINAL_PROMPT=0``, its stdin closed, and ssh in batch mode unless the writer chose
their own ssh command.  When git fails, its own words are kept verbatim in the error.

- :func:`find_repository`: the repository a blog is in (a blog in a subfolder works), or why
  git actions are off (no git, not a repository).
- :func:`status`: the branch and the state of each changed file ("modified", "new" = staged
  new, "untracked"; a clean file is absent), read with ``-z`` so Japanese names and spaces
  are never quoted.
- :func:`commit_paths`: the files a "Commit post" commits: the post and the local images it
  shows (found the way the preview finds them); :func:`commit_only` commits exactly those,
  whatever else is staged or modified.
- :func:`push`, :func:`pull` (``--ff-only``: a pull never makes a merge commit or stops in the
  middle of a conflict in the writer's posts; a diverged branch is told, not merged).
- The pre-commit check: :data:`HOOK_SCRIPT` (the one text, also shown in docs/doctor.md),
  :func:`install_hook`, :func:`remove_hook`.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from editor.core.blog.posts import kind_of, slug_of
from editor.core.blog.progress import NO_PROGRESS, Cancelled, Progress
from editor.core.words import QT_TRANSLATE_NOOP, Phrase, WordedError

LOCAL_TIMEOUT = 30.0
"""Seconds for git's work on the disk (status, add, rm)."""
COMMIT_TIMEOUT = 600.0
"""Seconds for a commit: its hooks (the pre-commit check on a large blog) may take long, and a
commit killed half-way leaves git's index lock behind."""
NETWORK_TIMEOUT = 120.0
"""Seconds for push and pull: a remote that does not answer ends in an error, not a hang."""

MODIFIED, NEW, UNTRACKED = "modified", "new", "untracked"

HOOK_MARK = "# tsuzuri: pre-commit check"
HOOK_SCRIPT = f"""#!/bin/sh
{HOOK_MARK} (remove it from the Git menu, or delete this file)
# Runs the doctor on the posts and drafts being committed; a problem stops the commit.
GIT_LITERAL_PATHSPECS=0 git diff --cached --name-only -z --diff-filter=ACMR -- \\
  '*_posts/*.md' '*_posts/*.markdown' '*_drafts/*.md' '*_drafts/*.markdown' \\
  | xargs -0 -r sh -c 'command -v tsuzuri >/dev/null 2>&1 || {{
      echo "pre-commit: tsuzuri is not on PATH: install it, or remove this hook" >&2; exit 1; }}
    exec tsuzuri doctor --fail-on error "$@"' pre-commit
"""
"""The hook's text (docs/doctor.md shows it; a test keeps them one).  The installed hook may
add one line, :func:`hook_script`'s PATH line, after the comments."""

_PATH_LINE = re.compile(r'^PATH="\$PATH":[^\n]*\n', re.MULTILINE)


def hook_script(tsuzuri_folder: Path | None = None) -> str:
    """The hook as installed: :data:`HOOK_SCRIPT`, and when ``tsuzuri_folder`` is given (the
    folder of the tsuzuri that installs it, often a virtual environment that is not on PATH),
    a line adding it to the end of PATH, so a commit from a terminal finds it too."""
    if tsuzuri_folder is None:
        return HOOK_SCRIPT
    head, rest = HOOK_SCRIPT.split("GIT_LITERAL_PATHSPECS=0", 1)
    line = f'PATH="$PATH":{shlex.quote(str(tsuzuri_folder))}\n'
    return f"{head}{line}GIT_LITERAL_PATHSPECS=0{rest}"


def tsuzuri_folder() -> Path | None:
    """The folder of the ``tsuzuri`` beside this Python (None when there is none)."""
    beside = Path(sys.executable).parent
    return beside if (beside / "tsuzuri").is_file() else None


_AUTH_SIGNS = (
    "terminal prompts disabled",
    "could not read username",
    "could not read password",
    "authentication failed",
    "permission denied (publickey",
    "host key verification failed",
    "invalid username or password",
    "http basic: access denied",
    "returned error: 401",
    "returned error: 403",
)


class GitError(WordedError):
    """A git action that did not happen: what Tsuzuri says, then git's own words verbatim.

    ``code`` names the failure ("no_git", "not_repository", "failed", "timeout", ...),
    ``output`` is git's stderr as it printed it, ``auth`` is True when the failure looks like
    a remote wanting credentials (prompts are disabled, so the message says so).
    """

    def __init__(self, code: str, phrase: Phrase, output: str = ""):
        super().__init__(phrase)
        self.code = code
        self.output = output.strip()
        lowered = self.output.lower()
        self.auth = any(sign in lowered for sign in _AUTH_SIGNS)

    def message_in(self, lang: str = "en") -> str:
        parts = [super().message_in(lang)]
        if self.output:
            parts.append(self.output)
        if self.auth:
            note = QT_TRANSLATE_NOOP(
                "git",
                "Tsuzuri runs git with prompts disabled (GIT_TERMINAL_PROMPT=0), so it cannot ask "
                "for a user name, password or passphrase: set up a credential helper or an ssh "
                "key, or run this once in a terminal.",
            )
            parts.append(Phrase(note).say(lang))
        return "\n\n".join(parts)

    def __str__(self) -> str:
        return self.message_in("en")


@dataclass(frozen=True)
class Repository:
    """A git work tree holding the blog."""

    top: Path
    """The work tree's top folder (git prints paths relative to it)."""


@dataclass(frozen=True)
class Status:
    """What ``git status`` says: the branch and each changed file's state (absent = clean)."""

    branch: str
    """The branch name; "" on a detached HEAD (see ``detached``)."""
    detached: str = ""
    """The short commit a detached HEAD is at."""
    initial: bool = False
    """No commit yet on this branch."""
    states: dict[Path, str] = field(default_factory=dict)


def git_environment(base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment git runs in: the writer's own, with every prompt turned off."""
    env = dict(os.environ if base is None else base)
    env["GIT_TERMINAL_PROMPT"] = "0"
    # A post's file name is a name, never a pattern: post[1].md must not commit post1.md.
    env["GIT_LITERAL_PATHSPECS"] = "1"
    # The pre-commit check calls ``tsuzuri``: the one beside this Python when PATH has none
    # (a window started from a desktop entry), after the writer's own PATH.
    beside = tsuzuri_folder()
    if beside is not None and str(beside) not in env.get("PATH", "").split(os.pathsep):
        env["PATH"] = os.pathsep.join(p for p in (env.get("PATH", ""), str(beside)) if p)
    if not env.get("GIT_SSH_COMMAND") and not env.get("GIT_SSH"):
        # Only when the writer chose no ssh of their own (env or core.sshCommand, checked by
        # the caller): ssh would otherwise ask for a passphrase or a host key on a terminal.
        env["GIT_SSH_COMMAND"] = "ssh -o BatchMode=yes"
    return env


def run_git(
    args: list[str],
    cwd: Path,
    *,
    timeout: float = LOCAL_TIMEOUT,
    progress: Progress = NO_PROGRESS,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess:
    """Run ``git ARGS`` in ``cwd``; a timeout or a cancel kills it (GitError / Cancelled).

    A non-zero exit is returned, not raised: callers word it.
    """
    executable = shutil.which("git")
    if executable is None:
        raise GitError("no_git", Phrase(QT_TRANSLATE_NOOP("git", "git is not installed")))
    process = subprocess.Popen(
        [executable, *args],
        cwd=cwd,
        env=env if env is not None else git_environment(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # never the window's terminal; killed as a group below
    )
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                out, err = process.communicate(timeout=0.1)
                break
            except subprocess.TimeoutExpired:
                progress.check()
                if time.monotonic() > deadline:
                    _kill(process)
                    message = QT_TRANSLATE_NOOP(
                        "git", "git did not finish within {seconds} seconds and was stopped"
                    )
                    raise GitError("timeout", Phrase(message, seconds=int(timeout))) from None
    except Cancelled:
        _kill(process)
        raise
    return subprocess.CompletedProcess(
        process.args,
        process.returncode,
        out.decode("utf-8", "replace"),
        err.decode("utf-8", "replace"),
    )


def _kill(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, 9)
    except OSError:
        process.kill()
    process.communicate()


def _failed(what: Phrase, result: subprocess.CompletedProcess) -> GitError:
    return GitError("failed", what, result.stderr or result.stdout)


def find_repository(blog_root: Path) -> Repository:
    """The repository the blog is in; GitError saying why git actions are off otherwise."""
    result = run_git(["rev-parse", "--show-toplevel"], blog_root)
    if result.returncode != 0:
        if "not a git repository" in result.stderr.lower():
            message = QT_TRANSLATE_NOOP("git", "The blog is not in a git repository.")
            raise GitError("not_repository", Phrase(message))
        message = QT_TRANSLATE_NOOP("git", "git cannot read the blog's repository.")
        raise _failed(Phrase(message), result)
    return Repository(Path(result.stdout.strip()))


def status(
    repo: Repository,
    blog_root: Path,
    progress: Progress = NO_PROGRESS,
    paths: list[Path] | None = None,
) -> Status:
    """The branch and the state of the blog's changed files (or of ``paths`` only), keyed by
    paths under ``blog_root`` as given (so they compare with the post list's paths)."""
    result = run_git(
        [
            "status",
            "--porcelain=v2",
            "--branch",
            "-z",
            "--untracked-files=all",
            "--",
            *[str(p) for p in (paths or [blog_root.resolve()])],
        ],
        repo.top,
        progress=progress,
    )
    if result.returncode != 0:
        raise _failed(Phrase(QT_TRANSLATE_NOOP("git", "git status failed.")), result)
    return parse_status(result.stdout, repo.top, blog_root)


def parse_status(output: str, top: Path, blog_root: Path) -> Status:
    """Read ``git status --porcelain=v2 --branch -z`` (paths relative to ``top``)."""
    real_root = blog_root.resolve()
    branch, oid = "", ""
    states: dict[Path, str] = {}
    entries = output.split("\0")
    index = 0
    while index < len(entries):
        entry = entries[index]
        index += 1
        if not entry:
            continue
        kind = entry[0]
        if kind == "#":
            if entry.startswith("# branch.head "):
                branch = entry[len("# branch.head ") :]
            elif entry.startswith("# branch.oid "):
                oid = entry[len("# branch.oid ") :]
            continue
        if kind == "?":
            path, state = entry[2:], UNTRACKED
        elif kind == "1":
            fields = entry.split(" ", 8)
            path, state = fields[8], NEW if fields[1][0] == "A" else MODIFIED
        elif kind == "2":
            fields = entry.split(" ", 9)
            path, state = fields[9], MODIFIED
            index += 1  # the path it was renamed from
        elif kind == "u":
            path, state = entry.split(" ", 10)[10], MODIFIED
        else:  # "!" ignored files (not asked for)
            continue
        absolute = (top / path).resolve()
        try:
            key = blog_root / absolute.relative_to(real_root)
        except ValueError:
            key = absolute
        states[key] = state
    detached = branch == "(detached)"
    return Status(
        branch="" if detached else branch,
        detached=oid[:7] if detached else "",
        initial=oid == "(initial)",
        states=states,
    )


# -- commit a post ---------------------------------------------------------------------------


class _LocalImages(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.files: list[Path] = []

    def handle_starttag(self, tag, attrs):
        if tag != "img":
            return
        uri = dict(attrs).get("data-local-src")
        if uri and urlsplit(uri).scheme == "file":
            self.files.append(Path(url2pathname(unquote(urlsplit(uri).path))))

    handle_startendtag = handle_starttag


def post_images(body: str, context) -> list[Path]:
    """The local image files a post shows, found as the preview finds them (the renderer marks
    each with the file :func:`editor.core.render.images.resolve_local` gives); existing only."""
    from editor.core.render import render_body

    finder = _LocalImages()
    finder.feed(render_body(body, context).html)
    seen: list[Path] = []
    for path in finder.files:
        if path.is_file() and path not in seen:
            seen.append(path)
    return seen


def commit_paths(repo: Repository, post: Path, images: list[Path], blog: Path) -> list[Path]:
    """The post and those of its images inside the blog at ``blog`` and the repository (nothing
    else: an image linked from outside the blog is not the blog's to commit)."""
    inside = (repo.top.resolve(), Path(blog).resolve())
    paths = [post.resolve()]
    for path in images:
        real = path.resolve()
        if all(real.is_relative_to(folder) for folder in inside) and real not in paths:
            paths.append(real)
    return paths


def renamed_from(blog: Path, post: Path, states: dict[Path, str]) -> list[Path]:
    """The post's old file when it was renamed (Rename to match the date, Publish, a new
    slug): tracked posts or drafts of the blog with the same slug, gone from the working tree.
    Their removal belongs in the same commit, or the site publishes the post twice."""
    slug, own = slug_of(post), post.resolve()
    root = Path(blog).resolve()
    return [
        path.resolve()
        for path, state in states.items()
        if state == MODIFIED
        and not path.exists()
        and path.resolve() != own
        and kind_of(root, path.resolve()) in ("post", "draft")
        and slug_of(path) == slug
    ]


def commit_message(title: str, new: bool, lang: str) -> str:
    """The prefilled message in the blog's language: 記事を追加/記事を更新 in Japanese."""
    if new:
        template = QT_TRANSLATE_NOOP("git", "Add post: {title}")
    else:
        template = QT_TRANSLATE_NOOP("git", "Update post: {title}")
    return Phrase(template, title=title).say(lang)


def changed_paths(paths: list[Path], states: dict[Path, str]) -> list[Path]:
    """Those of ``paths`` with something to commit; GitError "nothing" when none has."""
    changed = [p for p in paths if states.get(p.resolve())]
    if not changed:
        message = QT_TRANSLATE_NOOP("git", "The post and its images have no changes to commit.")
        raise GitError("nothing", Phrase(message))
    return changed


def commit_only(
    repo: Repository,
    paths: list[Path],
    message: str,
    states: dict[Path, str],
    progress: Progress = NO_PROGRESS,
) -> str:
    """Commit exactly ``paths`` (the working tree's content of each), leaving everything else
    staged or modified as it was; returns git's summary line.

    Untracked ones are added first (``git commit --only`` takes only files git knows) and taken
    out of the index again when the commit fails (a hook said no), so a failure changes nothing.
    ``states`` are the paths' states from :func:`status`.
    """
    if not message.strip():
        raise GitError("empty_message", Phrase(QT_TRANSLATE_NOOP("git", "The message is empty.")))
    states = {p.resolve(): s for p, s in states.items()}
    changed = changed_paths(paths, states)
    relative = [str(p.relative_to(repo.top.resolve())) for p in changed]
    untracked = [r for p, r in zip(changed, relative, strict=True) if states[p] == UNTRACKED]
    if untracked:
        result = run_git(["add", "--", *untracked], repo.top, progress=progress)
        if result.returncode != 0:
            what = QT_TRANSLATE_NOOP("git", "git could not add the post's files.")
            raise _failed(Phrase(what), result)
    progress.step(1, 2)
    try:
        result = run_git(
            ["commit", "--only", "-m", message, "--", *relative],
            repo.top,
            timeout=COMMIT_TIMEOUT,
            progress=progress,
        )
    except (GitError, Cancelled):
        _unstage(repo, untracked)
        raise
    if result.returncode != 0:
        _unstage(repo, untracked)
        raise _failed(Phrase(QT_TRANSLATE_NOOP("git", "The commit failed.")), result)
    progress.step(2, 2)
    return result.stdout.strip().splitlines()[0] if result.stdout.strip() else ""


def _unstage(repo: Repository, relative: list[str]) -> None:
    if relative:
        run_git(["rm", "--cached", "-q", "--", *relative], repo.top)


def is_new(state: str | None, initial: bool) -> bool:
    """A post git has never committed (the message says "Add post")."""
    return initial or state in (NEW, UNTRACKED)


# -- push and pull ---------------------------------------------------------------------------


def _network_environment(repo: Repository) -> dict[str, str]:
    env = dict(os.environ)
    if not env.get("GIT_SSH_COMMAND") and not env.get("GIT_SSH"):
        configured = run_git(["config", "--get", "core.sshCommand"], repo.top)
        if configured.returncode == 0 and configured.stdout.strip():
            env["GIT_SSH_COMMAND"] = configured.stdout.strip()  # the writer's own, kept
    return git_environment(env)


def push(
    repo: Repository, progress: Progress = NO_PROGRESS, timeout: float = NETWORK_TIMEOUT
) -> str:
    """``git push`` as the writer set it up; returns what git printed."""
    result = run_git(
        ["push"], repo.top, timeout=timeout, progress=progress, env=_network_environment(repo)
    )
    if result.returncode != 0:
        raise _failed(Phrase(QT_TRANSLATE_NOOP("git", "The push failed.")), result)
    return (result.stderr + result.stdout).strip()


def pull(
    repo: Repository, progress: Progress = NO_PROGRESS, timeout: float = NETWORK_TIMEOUT
) -> str:
    """``git pull --ff-only``: brings the remote's commits when the branch has not diverged;
    otherwise git's message says so and nothing in the working tree changes."""
    result = run_git(
        ["pull", "--ff-only"],
        repo.top,
        timeout=timeout,
        progress=progress,
        env=_network_environment(repo),
    )
    if result.returncode != 0:
        if "fast-forward" in (result.stderr + result.stdout).lower():
            why = QT_TRANSLATE_NOOP(
                "git",
                "The pull failed: this branch and the remote both have commits the other lacks. "
                "Tsuzuri pulls only by fast-forward, so a pull never makes a merge commit or "
                "leaves conflicts in your posts; merge or rebase in a terminal.",
            )
            raise _failed(Phrase(why), result)
        raise _failed(Phrase(QT_TRANSLATE_NOOP("git", "The pull failed.")), result)
    return (result.stdout + result.stderr).strip()


# -- the pre-commit check --------------------------------------------------------------------


def hook_path(repo: Repository) -> Path:
    """Where git looks for the pre-commit hook (``core.hooksPath`` respected)."""
    result = run_git(["rev-parse", "--git-path", "hooks"], repo.top)
    if result.returncode != 0:
        raise _failed(Phrase(QT_TRANSLATE_NOOP("git", "git cannot find the hooks folder.")), result)
    return repo.top / result.stdout.strip() / "pre-commit"


def is_ours(text: str) -> bool:
    """The hook Tsuzuri wrote (it may since have been changed: see :func:`is_untouched`)."""
    return HOOK_MARK in text


def is_untouched(text: str) -> bool:
    """Our hook exactly as written (whichever tsuzuri folder it names): only then may it be
    replaced or removed."""
    return _PATH_LINE.sub("", text, count=1) == HOOK_SCRIPT


def hook_installed(repo: Repository) -> bool:
    path = hook_path(repo)
    return path.is_file() and is_ours(path.read_text("utf-8", "replace"))


def _foreign(path: Path) -> GitError:
    text = path.read_text("utf-8", "replace")
    shown = "\n".join(text.splitlines()[:20])
    message = QT_TRANSLATE_NOOP(
        "git", "{path} is a pre-commit hook Tsuzuri did not write; it is left as it is."
    )
    return GitError("foreign_hook", Phrase(message, path=str(path)), shown)


def _changed(path: Path) -> GitError:
    message = QT_TRANSLATE_NOOP(
        "git", "{path} was changed since Tsuzuri wrote it; it is left as it is."
    )
    shown = "\n".join(path.read_text("utf-8", "replace").splitlines()[:20])
    return GitError("changed_hook", Phrase(message, path=str(path)), shown)


def _refuse_unless_untouched(path: Path) -> None:
    text = path.read_text("utf-8", "replace")
    if not is_ours(text):
        raise _foreign(path)
    if not is_untouched(text):
        raise _changed(path)


def _inside_repository(repo: Repository, path: Path) -> None:
    """A hooks folder outside the repository (a global ``core.hooksPath``) serves every
    repository of the writer: the check for one blog is not written there."""
    result = run_git(["rev-parse", "--absolute-git-dir"], repo.top)
    folders = [repo.top.resolve()]
    if result.returncode == 0 and result.stdout.strip():
        folders.append(Path(result.stdout.strip()).resolve())
    if not any(path.parent.resolve().is_relative_to(folder) for folder in folders):
        message = QT_TRANSLATE_NOOP(
            "git",
            "git's hooks folder {folder} (core.hooksPath) is outside this repository and serves "
            "others too; add the check there yourself (see docs/doctor.md).",
        )
        raise GitError("global_hooks", Phrase(message, folder=str(path.parent)))


def install_hook(repo: Repository) -> Path:
    """Write :data:`HOOK_SCRIPT` as the pre-commit hook; a hook that is not ours, or ours
    changed by the writer, is refused, and so is a hooks folder outside the repository."""
    path = hook_path(repo)
    _inside_repository(repo, path)
    if path.exists():
        _refuse_unless_untouched(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(hook_script(tsuzuri_folder()), encoding="utf-8", newline="\n")
    path.chmod(0o755)
    return path


def remove_hook(repo: Repository) -> Path:
    """Delete our pre-commit hook; a hook that is not ours is refused."""
    path = hook_path(repo)
    if not path.exists():
        message = QT_TRANSLATE_NOOP("git", "No pre-commit check is installed.")
        raise GitError("no_hook", Phrase(message))
    _refuse_unless_untouched(path)
    path.unlink()
    return path
