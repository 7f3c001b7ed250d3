"""The Git menu: commit the current post, push, pull, the status, the pre-commit check.

Every git call runs on a worker through ``window.tasks`` (progress, and Cancel kills git) with
the core's timeouts and prompts disabled (:mod:`editor.core.blog.git`).  A blog outside git, or
a machine without git, leaves every action disabled with the reason as its tip (shown as the
menu is hovered, and in the status bar).  The status bar shows the branch and the current
post's state; the post list learns every post's state (``set_vcs_states``) after each refresh.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from editor.core.blog import git as blog_git
from editor.core.blog.posts import shown_title
from editor.ui import prompts
from editor.ui.i18n import current_language

COMMIT_SHORTCUT = "Ctrl+Shift+G"


@dataclass(frozen=True)
class _Found:
    """What a refresh learnt: the repository and its status, or why git is off."""

    repo: blog_git.Repository | None
    status: blog_git.Status | None
    hook: bool
    reason: str


@dataclass(frozen=True)
class _Plan:
    repo: blog_git.Repository
    paths: list[Path]
    states: dict[Path, str]
    message: str


def _worded(work: Callable[[], object], lang: str) -> object:
    """Run ``work``; a GitError reaches the window in the interface's language, git's words
    verbatim inside."""
    try:
        return work()
    except blog_git.GitError as error:
        raise RuntimeError(error.message_in(lang)) from None


class GitActions(QObject):
    """The Git menu's actions and the branch and post state in the status bar."""

    status_changed = Signal()

    def __init__(
        self,
        tasks,
        blog_root: Callable[[], Path | None],
        current_view: Callable[[], object],
        save: Callable[[], bool],
        post_list,
        status_bar: QStatusBar,
        window: QWidget,
    ):
        super().__init__(window)
        self._tasks = tasks
        self._blog_root = blog_root
        self._current_view = current_view
        self._save = save
        self._post_list = post_list
        self._status_bar = status_bar
        self._window = window
        self._found = _Found(None, None, False, self.tr("No blog is open."))
        self._generation = 0
        self.status_label = QLabel()
        self.status_label.setObjectName("gitStatus")
        status_bar.addPermanentWidget(self.status_label)
        self.status_label.hide()

        self.commit_action = self._action(self.tr("&Commit Post…"), self.commit_post)
        self.commit_action.setShortcut(QKeySequence(COMMIT_SHORTCUT))
        self.push_action = self._action(self.tr("&Push"), self.push)
        self.pull_action = self._action(self.tr("P&ull"), self.pull)
        self.refresh_action = self._action(self.tr("&Refresh Status"), self.refresh)
        self.install_hook_action = self._action(
            self.tr("&Install the Pre-commit Check"), self.install_hook
        )
        self.remove_hook_action = self._action(
            self.tr("Re&move the Pre-commit Check"), self.remove_hook
        )
        self._apply(self._found)

    def _action(self, text: str, slot) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def fill_menu(self, menu: QMenu) -> None:
        menu.setToolTipsVisible(True)  # a disabled action's tip says why git is off
        menu.addAction(self.commit_action)
        menu.addSeparator()
        menu.addAction(self.push_action)
        menu.addAction(self.pull_action)
        menu.addAction(self.refresh_action)
        menu.addSeparator()
        menu.addAction(self.install_hook_action)
        menu.addAction(self.remove_hook_action)

    @property
    def reason(self) -> str:
        """Why the git actions are off ("" when they are on)."""
        return self._found.reason

    @property
    def repository(self) -> blog_git.Repository | None:
        return self._found.repo

    @property
    def states(self) -> dict[Path, str]:
        return dict(self._found.status.states) if self._found.status else {}

    # -- status --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Ask git for the branch and every post's state (on a worker); the newest answer wins."""
        root = self._blog_root()
        self._generation += 1
        generation = self._generation
        if root is None:
            self._apply(_Found(None, None, False, self.tr("No blog is open.")))
            return

        def work(progress):
            try:
                repo = blog_git.find_repository(root)
                found = blog_git.status(repo, root, progress)
                return _Found(repo, found, blog_git.hook_installed(repo), "")
            except blog_git.GitError as error:
                return _Found(None, None, False, error.message_in(current_language()))

        self._tasks.run(
            self.tr("Git status"),
            work,
            lambda found: generation == self._generation and self._apply(found),
        )

    def _apply(self, found: _Found) -> None:
        self._found = found
        ready = found.repo is not None
        for action in (
            self.commit_action,
            self.push_action,
            self.pull_action,
            self.install_hook_action,
            self.remove_hook_action,
        ):
            action.setEnabled(ready)
            action.setToolTip("" if ready else found.reason)
            action.setStatusTip("" if ready else found.reason)
        self.refresh_action.setEnabled(self._blog_root() is not None)
        if ready:
            self.install_hook_action.setEnabled(not found.hook)
            self.remove_hook_action.setEnabled(found.hook)
        if found.status is not None:
            self._post_list.set_vcs_states(dict(found.status.states))
        self.show_current()
        self.status_changed.emit()

    def post_state(self, path: Path | None) -> str | None:
        """The state of ``path`` ("modified", "new", "untracked"), "" when clean, None unknown."""
        if path is None or self._found.status is None:
            return None
        real = path.resolve()
        for key, state in self._found.status.states.items():
            if key.resolve() == real:
                return state
        return ""

    def show_current(self, _view=None) -> None:
        """The branch and the current post's state in the status bar."""
        found = self._found
        if found.status is None:
            self.status_label.hide()
            return
        status = found.status
        if status.detached:
            branch = self.tr("detached at {commit}").format(commit=status.detached)
        elif status.initial:
            branch = self.tr("{branch} (no commits yet)").format(branch=status.branch)
        else:
            branch = status.branch
        view = self._current_view()
        state = self.post_state(getattr(view, "path", None))
        words = {
            "modified": self.tr("modified"),
            "new": self.tr("staged, new"),
            "untracked": self.tr("untracked"),
            "": self.tr("committed"),
        }
        text = branch if state is None else f"{branch} · {words.get(state, state)}"
        self.status_label.setText(text)
        self.status_label.setToolTip(self.tr("Git branch and the state of this post"))
        self.status_label.show()

    # -- commit ----------------------------------------------------------------------------

    def commit_post(self) -> None:
        """Commit the current post and its images only, after the writer saw the files and
        edited the message."""
        repo, root, view = self._found.repo, self._blog_root(), self._current_view()
        if repo is None or root is None or view is None:
            return
        if view.path is None or view.is_modified:
            if not prompts.ask_save_before_commit(self._window, view.name()):
                return
            if not self._save() or view.path is None:
                return
        post = view.path
        title = shown_title(view.document.get("title"), post)
        body = view.document.body
        context = view.render_context()
        lang = current_language()

        def work(progress):
            def plan():
                images = blog_git.post_images(body, context)
                paths = blog_git.commit_paths(repo, post, images, root)
                whole = blog_git.status(repo, root, progress)  # a rename leaves the old name
                paths += blog_git.renamed_from(root, post, whole.states)
                found = blog_git.status(repo, root, progress, paths=paths)
                states = {p.resolve(): s for p, s in found.states.items()}
                new = blog_git.is_new(states.get(post.resolve()), found.initial)
                try:
                    blog_git.changed_paths(paths, states)
                except blog_git.GitError as nothing:
                    return nothing.message_in(lang)  # nothing to commit: said, not an error
                return _Plan(repo, paths, states, blog_git.commit_message(title, new, lang))

            return _worded(plan, lang)

        self._tasks.run(
            self.tr("Preparing the commit"),
            work,
            self._ask_and_commit,
            lambda text: prompts.show_error(self._window, self.tr("Commit Post"), text),
        )

    def _ask_and_commit(self, plan: _Plan | str) -> None:
        if isinstance(plan, str):
            prompts.show_info(self._window, self.tr("Commit Post"), plan)
            return
        changed = [p for p in plan.paths if plan.states.get(p)]
        top = plan.repo.top.resolve()
        words = {
            "modified": self.tr("modified"),
            "new": self.tr("staged, new"),
            "untracked": self.tr("untracked"),
        }
        files = [(str(p.relative_to(top)), words.get(plan.states[p], "")) for p in changed]
        message = prompts.edit_commit_message(self._window, files, plan.message)
        if not message:
            return
        lang = current_language()

        def work(progress):
            return _worded(
                lambda: blog_git.commit_only(plan.repo, changed, message, plan.states, progress),
                lang,
            )

        self._tasks.run(
            self.tr("Committing"),
            work,
            lambda summary: self._done(self.tr("Committed: {summary}").format(summary=summary)),
            lambda text: self._failed(self.tr("Commit Post"), text),
            cancellable=False,  # local and quick; a killed commit could leave git's lock behind
        )

    # -- push and pull ---------------------------------------------------------------------

    def push(self) -> None:
        self._network(self.tr("Pushing"), self.tr("Push"), blog_git.push, self.tr("Pushed."))

    def pull(self) -> None:
        self._network(self.tr("Pulling"), self.tr("Pull"), blog_git.pull, self.tr("Pulled."))

    def _network(self, running: str, title: str, call, done: str) -> None:
        repo = self._found.repo
        if repo is None:
            return
        lang = current_language()
        self._tasks.run(
            running,
            lambda progress: _worded(lambda: call(repo, progress), lang),
            lambda _output: self._done(done, pulled=call is blog_git.pull),
            lambda text: self._failed(title, text),
        )

    def _done(self, message: str, pulled: bool = False) -> None:
        self._status_bar.showMessage(message, 8000)
        if pulled:
            self._post_list.refresh()
        self.refresh()

    def _failed(self, title: str, text: str) -> None:
        prompts.show_error(self._window, title, text)
        self.refresh()

    # -- the pre-commit check --------------------------------------------------------------

    def install_hook(self) -> None:
        self._hook(blog_git.install_hook, self.tr("The pre-commit check is installed: {path}"))

    def remove_hook(self) -> None:
        self._hook(blog_git.remove_hook, self.tr("The pre-commit check is removed: {path}"))

    def _hook(self, call, done: str) -> None:
        repo = self._found.repo
        if repo is None:
            return
        lang = current_language()
        title = self.tr("Pre-commit Check")
        self._tasks.run(
            title,
            lambda _progress: _worded(lambda: call(repo), lang),
            lambda path: self._hook_done(title, done.format(path=path)),
            lambda text: self._failed(title, text),
        )

    def _hook_done(self, title: str, message: str) -> None:
        prompts.show_info(self._window, title, message)
        self.refresh()


class CommitDialog(QDialog):
    """The files a commit takes and its message, editable; Commit needs a message."""

    def __init__(self, parent: QWidget | None, files: list[tuple[str, str]], message: str):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Commit Post"))
        self.setObjectName("commitDialog")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("These files will be committed, and nothing else:")))
        self.files = QListWidget()
        self.files.setObjectName("commitFiles")
        for name, state in files:
            self.files.addItem(f"{name}  ({state})" if state else name)
        self.files.setMaximumHeight(140)
        layout.addWidget(self.files)
        label = QLabel(self.tr("&Message:"))
        self.message = QPlainTextEdit(message)
        self.message.setObjectName("commitMessage")
        label.setBuddy(self.message)
        layout.addWidget(label)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.commit_button = self.buttons.addButton(
            self.tr("&Commit"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.message.textChanged.connect(self._enable)
        self.message.setFocus(Qt.FocusReason.OtherFocusReason)
        self.resize(560, 360)
        self._enable()

    def _enable(self) -> None:
        self.commit_button.setEnabled(bool(self.message.toPlainText().strip()))

    def text(self) -> str:
        return self.message.toPlainText().strip()
