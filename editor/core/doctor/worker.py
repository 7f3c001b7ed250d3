"""The doctor in a worker process: it keeps the post's text and takes the writer's edits.

The window runs :class:`DoctorWorkers` through ``editor.ui.process_service.ProcessService`` (see
``editor.core.files.service``), so a check of a megabyte post never holds the editor's interpreter
lock: one process for every open post, each call naming its post (a :class:`DoctorWorker`).  Every call carries the edits made since the last one (``(version, start, removed,
added)``, code points of the whole post), never the whole text, except :meth:`DoctorWorker.open`
when the worker has nothing yet (a new post, or a new worker process after one died).

What comes back is small: findings (their positions in the text of the version checked), the
count of "Fix all safe", and for a fix the change as a few edits of the front matter and the body.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from editor.core.doctor import (
    DoctorConfig,
    Finding,
    FixPlan,
    alternate_takes,
    announce,
    compatible,
    diagnose_steps_with_spans,
    plan_fixes,
    unified_diff,
)
from editor.core.doctor.model import Edit
from editor.core.doctor.safety import apply_edits
from editor.core.post.split import split_post
from editor.core.text.edits import difference

TextEdit = tuple[int, int, int, str]  # (version, start, removed, added)


@dataclass(frozen=True)
class Checked:
    """The findings for the text of ``version`` (safe exactly where "Fix all safe" fixes) and
    how many fixes "Fix all safe" applies."""

    version: int
    findings: list[Finding]
    fixable: int


@dataclass(frozen=True)
class Change:
    """What a fix does to the text of ``version``: the front matter before and after (the same
    when it does not change) and edits of the body (code points of the body, in order)."""

    version: int
    front_matter_before: str
    front_matter_after: str
    body_edits: tuple[Edit, ...]

    @property
    def empty(self) -> bool:
        return not self.body_edits and self.front_matter_before == self.front_matter_after


@dataclass(frozen=True)
class FixAll:
    """The plan of "Fix all safe" for the text of ``change.version``, ready to confirm: one line
    per fix (its line, its round, its description) and the whole change as a diff."""

    change: Change
    count: int
    fixes: tuple[tuple[int, int, Finding], ...]
    diff: str


@dataclass(frozen=True)
class FixSome:
    """The fixes of chosen findings: the change, and for a fix that drops an alternate take the
    two takes the writer compares first."""

    change: Change
    takes: tuple[tuple[str, str], ...]


class DoctorWorker:
    """Handler of the doctor's worker process (state: the post's text and its last plan)."""

    def __init__(self) -> None:
        self.text = ""
        self.version = -1
        self._plan: FixPlan | None = None
        self._plan_key: tuple | None = None
        self.report = lambda value: None

    # -- the text ---------------------------------------------------------------------------

    def open(self, version: int, text: str) -> int:
        """Start over with the whole ``text``."""
        self.text, self.version = text, version
        return len(text)

    def _follow(self, edits: list[TextEdit]) -> None:
        if not edits:
            return
        if edits[0][0] != self.version + 1:  # an edit went missing: never check a wrong text
            raise LookupError(f"edits from version {edits[0][0]}, text at {self.version}")
        text = self.text
        for _, start, removed, added in edits:
            text = text[:start] + added + text[start + removed :]
        self.text, self.version = text, edits[-1][0]

    # -- checks -----------------------------------------------------------------------------

    def check(
        self,
        edits: list[TextEdit],
        config: DoctorConfig,
        blog_root: Path | None,
        path: Path | None,
    ) -> Checked:
        """Findings as each rule reports them (``report((version, new findings, False))``, and
        ``(version, [], True)`` once every rule has), then all of them announced against the
        plan of "Fix all safe"."""
        self._follow(edits)
        text, version = self.text, self.version
        seen: set[int] = set()
        findings: list[Finding] = []
        steps, measured = diagnose_steps_with_spans(text, config, blog_root, path)
        for findings in steps:
            new = [f for f in findings if id(f) not in seen]
            seen.update(id(f) for f in new)
            if new:
                self.report((version, new, False))
        self.report((version, [], True))  # every rule has run: the plan follows
        plan = self._plan_for(config, blog_root, path, (findings, measured()))
        return Checked(version, announce(findings, plan), plan.count)

    def _plan_for(
        self, config: DoctorConfig, blog_root: Path | None, path: Path | None, diagnosed=None
    ) -> FixPlan:
        """The plan of "Fix all safe" for the current text, made once per text and settings."""
        key = (self.version, config, blog_root, path)
        if self._plan is None or self._plan_key != key or self._plan.before is not self.text:
            self._plan = plan_fixes(self.text, config, blog_root, path=path, diagnosed=diagnosed)
            self._plan_key = key
        return self._plan

    # -- fixes ------------------------------------------------------------------------------

    def fix_all(
        self,
        edits: list[TextEdit],
        config: DoctorConfig,
        blog_root: Path | None,
        path: Path | None,
        diff_labels: tuple[str, str],
    ) -> FixAll:
        """The plan of "Fix all safe" for the current text (the one a check made, when the text
        has not changed since), as a change to apply and a diff to confirm (headed by
        ``diff_labels``, the text before and after)."""
        self._follow(edits)
        plan = self._plan_for(config, blog_root, path)
        fixes = tuple((p.finding.line, p.round, p.finding) for p in plan.applied)
        change = _change(self.version, plan.before, plan.after, composed_edits(plan))
        return FixAll(
            change, plan.count, fixes, unified_diff(plan.before, plan.after, labels=diff_labels)
        )

    def fix(self, edits: list[TextEdit], findings: list[Finding]) -> FixSome:
        """The fixes of ``findings`` (positions in the current text) applied together."""
        self._follow(edits)
        text = self.text
        takes = []
        for finding in findings:
            fix = finding.fix
            pair = alternate_takes(text, finding) if fix and not fix.safe else None
            if pair is not None:
                takes.append(pair)
        fixes = compatible(f.fix for f in findings)
        edits = sorted((e for fix in fixes for e in fix.edits), key=lambda e: (e.start, e.end))
        after = apply_edits(text, edits)[0]
        return FixSome(_change(self.version, text, after, edits), tuple(takes))


class DoctorWorkers:
    """The handler of the window's one doctor process: a :class:`DoctorWorker` per open post,
    each call naming its post; a post not held (never opened, or forgotten) is a LookupError, and
    the window sends its text whole again."""

    def __init__(self) -> None:
        self._posts: dict[int, DoctorWorker] = {}
        self.report = lambda value: None

    def _post(self, post: int) -> DoctorWorker:
        worker = self._posts.get(post)
        if worker is None:
            raise LookupError(f"post {post} is not held")
        worker.report = self.report  # this call's progress
        return worker

    def open(self, post: int, version: int, text: str) -> int:
        """:meth:`DoctorWorker.open` for ``post``."""
        return self._posts.setdefault(post, DoctorWorker()).open(version, text)

    def check(self, post: int, *args) -> Checked:
        """:meth:`DoctorWorker.check` for ``post``."""
        return self._post(post).check(*args)

    def fix_all(self, post: int, *args) -> FixAll:
        """:meth:`DoctorWorker.fix_all` for ``post``."""
        return self._post(post).fix_all(*args)

    def fix(self, post: int, *args) -> FixSome:
        """:meth:`DoctorWorker.fix` for ``post``."""
        return self._post(post).fix(*args)

    def forget(self, post: int) -> None:
        """The post's tab closed: its text and plan go."""
        self._posts.pop(post, None)

    def posts(self) -> list[int]:
        """The posts held."""
        return sorted(self._posts)


def _change(version: int, before: str, after: str, edits: list[Edit] | None = None) -> Change:
    """``before`` -> ``after`` as a front matter and edits of the body; ``edits`` (of the whole
    ``before``, sorted, when known) give the body's edits, else they are worked out."""
    old, new = split_post(before), split_post(after)
    body_start = len(before) - len(old.body)
    body_edits = None
    if edits is not None:
        body_edits = [
            Edit(e.start - body_start, e.end - body_start, e.replacement)
            for e in edits
            if e.end > body_start or (e.start == e.end == body_start)
        ]
        if any(e.start < 0 for e in body_edits) or apply_edits(old.body, body_edits)[0] != new.body:
            body_edits = None
    if body_edits is None:
        body_edits = [difference(old.body, new.body)] if old.body != new.body else []
    return Change(version, old.front_matter, new.front_matter, tuple(body_edits))


def composed_edits(plan: FixPlan) -> list[Edit]:
    """The edits of every round of ``plan`` as edits of ``plan.before`` (sorted, disjoint)."""
    rounds: dict[int, list[Edit]] = {}
    for planned in plan.applied:
        rounds.setdefault(planned.round, []).extend(planned.finding.fix.edits)
    # Within a round, last first, so that each edit's positions still hold (as apply_edits
    # orders them).
    sequence = [
        edit
        for number in sorted(rounds)
        for edit in reversed(sorted(rounds[number], key=lambda e: (e.start, e.end)))
    ]
    return compose(len(plan.before), sequence)


def compose(length: int, edits: Iterable[Edit]) -> list[Edit]:
    """Edits made one after another (each in the text the one before made) as edits of the
    first text (``length`` characters): sorted, disjoint.

    The text is kept as pieces, each either a stretch of the first text or new text; each edit
    replaces pieces, and what is left says which stretches of the first text survive.
    """
    pieces: list[tuple[int, int] | str] = [(0, length)] if length else []
    for edit in edits:
        pieces = _replace(pieces, edit)
    out: list[Edit] = []
    at = 0  # where in the first text the next kept stretch would start
    added: list[str] = []
    for piece in pieces:
        if isinstance(piece, str):
            added.append(piece)
            continue
        start, end = piece
        if start != at or added:
            out.append(Edit(at, start, "".join(added)))
            added = []
        at = end
    if at != length or added:
        out.append(Edit(at, length, "".join(added)))
    return out


def _replace(pieces: list, edit: Edit) -> list:
    """``pieces`` with the text at ``edit``'s span (positions in the text they make) replaced."""
    out: list = []
    pos = 0
    placed = False
    for piece in pieces:
        size = len(piece) if isinstance(piece, str) else piece[1] - piece[0]
        lo, hi = pos, pos + size
        pos = hi
        if hi <= edit.start:  # wholly before the edit
            out.append(piece)
            continue
        if lo < edit.start:  # what comes before the edit stays
            keep = edit.start - lo
            out.append(piece[:keep] if isinstance(piece, str) else (piece[0], piece[0] + keep))
        if not placed:
            if edit.replacement:
                out.append(edit.replacement)
            placed = True
        if hi > edit.end:  # what comes after the edit stays
            keep = min(size, hi - edit.end)
            out.append(
                piece[size - keep :] if isinstance(piece, str) else (piece[1] - keep, piece[1])
            )
    if not placed and edit.replacement:
        out.append(edit.replacement)
    return out
