"""Runs the doctor while the writer types, marks findings in the text pane and applies fixes.

The doctor runs in a worker process (:class:`~editor.ui.process_service.ProcessService` with
:class:`editor.core.doctor.worker.DoctorWorkers`), so a check of a long post never holds the
editor's interpreter lock; one process serves every tab (each call names its post), and a tab
closed is forgotten there.  The worker keeps the post's text: the controller sends it whole once
(a post shown, a new worker process), then only the edits the text pane's mirror reports and the
front matter's changes.  A check starts shortly after the first edit (typing does not put it
off) and the next one as soon as it ends if the text changed meanwhile.  Each check's result is
shown even when the writer typed since, with its positions carried through the edits made since
(a fix that an edit ran into is dropped until the next check); the panel says "checking…" until
a check of the current text has finished.

Fixes go to the text pane and the form, never to disk, and each one is a single undo step of
the text pane: a fix that changes the front matter is tied to an edit block in the body (a
no-op one when the body does not change), and undoing or redoing that step swaps the front
matter back or forth.  The worker works out every fix (and the plan of "Fix all safe") while the
window stays responsive; the panel's buttons wait meanwhile, and a fix asked for while another is
being worked out follows it.  "Fix all safe" shows that plan's whole change as a diff and applies
it only on confirmation; a fix that drops an alternate take shows both takes first.
"""

from __future__ import annotations

import bisect
import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTabWidget, QTextEdit

from editor.core.doctor import DoctorConfig, Edit, Finding, all_rules
from editor.core.doctor.carry import Carry
from editor.core.doctor.worker import Change, Checked, FixAll, FixSome
from editor.core.post.split import split_post
from editor.core.text.edits import difference
from editor.core.text.textpos import Utf16Offsets, qt_lines
from editor.ui import prompts
from editor.ui.doctor_panel import DoctorPanel, severity_colour
from editor.ui.i18n import current_language
from editor.ui.pane_marks import set_marks
from editor.ui.process_service import shared
from editor.ui.settings import DOCTOR_THRESHOLDS, Settings

WORKER = "editor.core.doctor.worker:DoctorWorkers"
_POSTS = itertools.count(1)
START_MS = 300  # a check starts this long after the first edit it has not seen
MAX_MARKS = 400  # at most this many marks near the view
MARK_MARGIN = 60  # lines above and below the view whose findings are marked too
LONG_SPAN = 2000  # a finding this long may reach into the view from far above it


def disabled_rules(settings: Settings, blog: Path | None) -> frozenset[str]:
    """The rules a blog's writer switched off (none when no blog is open)."""
    saved = settings.blog_value(str(blog), "doctor_disabled", "") if blog else ""
    return frozenset(rule for rule in str(saved or "").split(",") if rule)


def set_disabled_rules(settings: Settings, blog: Path, disabled: frozenset[str]) -> None:
    settings.set_blog_value(str(blog), "doctor_disabled", ",".join(sorted(disabled)))


def doctor_config(settings: Settings, disabled: frozenset[str] = frozenset()) -> DoctorConfig:
    """The doctor's settings as the writer set them (``doctor/...``), with ``disabled`` rules."""
    markers = str(settings.value("doctor/markers")).splitlines()
    return DoctorConfig(
        disabled=frozenset(disabled),
        markers=tuple(m.strip() for m in markers if m.strip()),
        **{name: settings.value(f"doctor/{name}") for name in DOCTOR_THRESHOLDS},
    )


def rule_label(rule: str) -> str:
    """A doctor rule's name for the writer (the id, e.g. ``ra-nuki``, is the command line's)."""
    labels = {
        "front-matter": QCoreApplication.translate("DoctorRules", "Front matter"),
        "continuation-marker": QCoreApplication.translate("DoctorRules", "Continuation markers"),
        "repeated-text": QCoreApplication.translate("DoctorRules", "Repeated text"),
        "broken-character": QCoreApplication.translate("DoctorRules", "Broken characters"),
        "truncated-text": QCoreApplication.translate("DoctorRules", "Text cut off"),
        "reading-time": QCoreApplication.translate("DoctorRules", "Reading time"),
        "excerpt": QCoreApplication.translate("DoctorRules", "Excerpt"),
        "heading-level": QCoreApplication.translate("DoctorRules", "Heading levels"),
        "date-filename": QCoreApplication.translate("DoctorRules", "Date and file name"),
        "empty-link": QCoreApplication.translate("DoctorRules", "Empty links"),
        "missing-target": QCoreApplication.translate("DoctorRules", "Missing link targets"),
        "sentence-length": QCoreApplication.translate("DoctorRules", "Long sentences"),
        "mixed-style": QCoreApplication.translate("DoctorRules", "Mixed polite and plain style"),
        "doubled-particle": QCoreApplication.translate("DoctorRules", "Doubled particles"),
        "doubled-punctuation": QCoreApplication.translate("DoctorRules", "Doubled punctuation"),
        "fullwidth-alnum": QCoreApplication.translate(
            "DoctorRules", "Full-width letters and digits"
        ),
        "fullwidth-space": QCoreApplication.translate("DoctorRules", "Full-width spaces"),
        "ra-nuki": QCoreApplication.translate("DoctorRules", "Ra-nuki words (見れる)"),
        "cjk-line-break": QCoreApplication.translate(
            "DoctorRules", "Line breaks inside Japanese sentences"
        ),
        "repeated-across-posts": QCoreApplication.translate(
            "DoctorRules", "Repeated from another post"
        ),
    }
    return labels.get(rule, rule)


@dataclass
class _FrontMatterStep:
    """A fix's front-matter change; ``base`` is the text pane's undo count before the fix.

    Qt counts undo commands, not edit blocks, so only "at or below base" (the fix is undone)
    and "above base" (it is done) are meaningful.
    """

    base: int
    before: str
    after: str
    applied: bool = True


class _TextNow:
    """The post as it is now (front matter and the pane's mirror), sliced without copying it
    whole: the panel quotes findings from it."""

    def __init__(self, controller: DoctorController):
        self._controller = controller

    def _parts(self) -> tuple[str, str]:
        return self._controller._head or "", self._controller.editor.mirror.text

    def __len__(self) -> int:
        head, body = self._parts()
        return len(head) + len(body)

    def __getitem__(self, span: slice) -> str:
        head, body = self._parts()
        start, stop, _ = span.indices(len(head) + len(body))
        out = head[start:stop] if start < len(head) else ""
        if stop > len(head):
            out += body[max(0, start - len(head)) : stop - len(head)]
        return out


def _selection(
    editor: QPlainTextEdit, span: tuple[int, int], finding: Finding, language: str
) -> QTextEdit.ExtraSelection:
    """A wavy underline in the severity's colour over ``span`` (Qt positions)."""
    selection = QTextEdit.ExtraSelection()
    cursor = QTextCursor(editor.document())
    cursor.setPosition(span[0])
    cursor.setPosition(max(span[1], span[0] + 1), QTextCursor.MoveMode.KeepAnchor)
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    fmt.setUnderlineColor(QColor(severity_colour(finding.severity)))
    fmt.setToolTip(finding.message(language))
    selection.cursor, selection.format = cursor, fmt
    return selection


class DoctorController(QObject):
    """Owns the doctor's worker, the marks in the text pane and fixes with undo."""

    findings_changed = Signal(int)
    checking = Signal()  # a check of a new text is pending or running
    status_message = Signal(str)
    front_matter_replaced = Signal(str)  # new front-matter text ("\n" line endings)
    busy_changed = Signal(bool)  # a fix is being worked out (the panel's buttons wait)

    def __init__(
        self,
        editor: QPlainTextEdit,
        panel: DoctorPanel,
        raw_editor: QPlainTextEdit,
        settings: Settings,
        current_text: Callable[[], str],
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.editor = editor
        self.panel = panel
        self._raw_editor = raw_editor  # the form's YAML tab, for front-matter findings
        self._settings = settings
        self._current_post_text = current_text
        self._blog_root: Path | None = None
        self._path: Path | None = None  # where the post is saved: its file name is checked too
        self.config = doctor_config(settings)
        settings.changed.connect(self._on_setting_changed)
        self.rule_actions: dict[str, QAction] = {}
        self._make_rule_actions()
        panel.jump_requested.connect(self.jump_to)
        panel.fix_requested.connect(self.apply)
        panel.fix_all_requested.connect(self.apply_all_safe)
        self.findings: list[Finding] = []
        self._steps: list[_FrontMatterStep] = []
        # The text: the front matter part here, the body in the pane's mirror; ``_version``
        # counts their changes, ``_log`` keeps those since the findings shown were made.
        self._head: str | None = None
        self._body_line_offset = 0
        self._version = 0
        self._log: list[tuple[int, int, int, str]] = []
        self._unsent: list[tuple[int, int, int, str]] = []
        self._opened = 0  # the worker process (generation) that holds the text
        self._shown_version = 0
        self._checked_key: tuple | None = None  # (version, settings) of the last finished check
        self._check_job = 0
        self._check_version = 0
        self._partial: list[Finding] = []
        self._fix_job = 0
        self._fix_kind: tuple | None = None
        self._queue: list[tuple] = []
        self._said_checking = False
        self._has_result = False  # a check of this post has ended (its list is worth keeping)
        self._retried = -1
        self.failure = ""
        """What went wrong with the last check (the worker failed or stopped), else ""."""
        self._service = shared(WORKER)
        self._post = next(_POSTS)  # this post's name in the worker
        self._closed = False
        self._service.progress.connect(self._on_progress)
        self._service.done.connect(self._on_done)
        self._service.failed.connect(self._on_failed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(START_MS)
        self._timer.timeout.connect(self._start)
        self._service.start()  # the worker imports the doctor while the window opens
        # Marks: only the findings near the view carry one, made again after a scroll.
        self._marked: dict[int, QTextEdit.ExtraSelection] = {}  # by index in ``findings``
        self._mark_starts: list[int] = []
        self._long: list[int] = []  # indexes of findings longer than LONG_SPAN
        self._remark = QTimer(self)
        self._remark.setSingleShot(True)
        self._remark.timeout.connect(self._mark_visible)
        editor.verticalScrollBar().valueChanged.connect(self._remark_soon)
        editor.updateRequest.connect(self._on_update_request)
        # The line column: worked out for the rows in view, through the edits since the list.
        panel.model.line_for = self._line_now
        self._lines_key: tuple | None = None
        self._lines_carry: Carry | None = None
        self._lines_offsets: Utf16Offsets | None = None
        self._blocks = editor.document().blockCount()
        mirror = getattr(editor, "mirror", None)
        if mirror is not None:
            mirror.edited.connect(self._on_pane_edit)
        self.editor.document().contentsChanged.connect(self._on_contents_changed)
        self.editor.document().undoCommandAdded.connect(self._on_undo_command_added)

    # -- menu and rules ----------------------------------------------------------------------

    def _make_rule_actions(self) -> None:
        for rule in all_rules():
            action = QAction(rule_label(rule), self)
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(self._on_rule_toggled)
            self.rule_actions[rule] = action

    def fill_rules_menu(self, menu: QMenu) -> None:
        """A checkable entry per rule (the window's Doctor > Rules shows the current post's)."""
        for action in self.rule_actions.values():
            menu.addAction(action)

    def show_blog(self, root: Path | None) -> None:
        """Use the rules this blog's writer left switched on."""
        self._blog_root = root
        self._show_disabled(disabled_rules(self._settings, root))

    def _show_disabled(self, disabled: frozenset[str]) -> None:
        for rule, action in self.rule_actions.items():
            action.blockSignals(True)
            action.setChecked(rule not in disabled)
            action.blockSignals(False)
        self.config = replace(self.config, disabled=disabled)

    def _on_rule_toggled(self, _checked: bool) -> None:
        """Rules switched off are remembered per blog."""
        disabled = sorted(r for r, action in self.rule_actions.items() if not action.isChecked())
        self.config = replace(self.config, disabled=frozenset(disabled))
        if self._blog_root is not None:
            set_disabled_rules(self._settings, self._blog_root, frozenset(disabled))
        self.check_again()

    def _on_setting_changed(self, key: str) -> None:
        """A threshold, a marker or this blog's rules changed (the settings dialog): check again."""
        if key == "blog/doctor_disabled":
            disabled = disabled_rules(self._settings, self._blog_root)
            if disabled == self.config.disabled:
                return
            self._show_disabled(disabled)
        elif key.startswith("doctor/"):
            self.config = doctor_config(self._settings, self.config.disabled)
        else:
            return
        self.check_again()

    def check_again(self) -> None:
        """Check the current post again at once (the rules or their settings changed)."""
        self._checked_key = None
        self.request(self._current_post_text(), self._blog_root, self._path, immediately=True)

    def recolour(self) -> None:
        """The theme changed: the marks and the list in its colours."""
        self.panel.recolour()
        self._mark(self.findings)

    # -- the text the worker keeps -----------------------------------------------------------

    def request(
        self,
        text: str,
        blog_root: Path | None,
        path: Path | None = None,
        immediately: bool = False,
    ) -> None:
        """The post is ``text`` (saved at ``path``): check it soon, or at once.

        Only its front matter is read here; the body's typing reaches the doctor edit by edit
        from the text pane's mirror.
        """
        source = split_post(text)
        head = text[: len(text) - len(source.body)]
        self._blog_root = blog_root
        self._path = path
        self._body_line_offset = source.body_line_offset
        if self._head is None:
            self._head = head
            self._changed(None)
            self._opened = 0  # the worker gets the whole text with the next call
        elif head != self._head:
            edit = difference(self._head, head)
            self._head = head
            self._changed((edit.start, edit.end - edit.start, edit.replacement))
        if not self.is_done():
            self._say_checking()
            self._schedule(immediately)

    def _on_pane_edit(self, edit) -> None:
        """The writer typed (a :class:`~editor.ui.pane_mirror.PaneEdit`)."""
        if self._head is None:
            return  # no post yet: the first request sends the text whole
        self._changed((len(self._head) + edit.start, edit.removed, edit.added))
        blocks = self.editor.document().blockCount()
        if blocks != self._blocks:  # lines came or went: the rows in view say their new line
            self._blocks = blocks
            self.panel.model.lines_moved()
        self._say_checking()
        self._schedule(False)

    def _changed(self, edit: tuple[int, int, str] | None) -> None:
        self._version += 1
        if edit is None:
            self._log.clear()
            self._unsent.clear()
            return
        entry = (self._version, *edit)
        self._log.append(entry)
        self._unsent.append(entry)

    def _text_now(self) -> str:
        return (self._head or "") + self.editor.mirror.text

    def _edits_to_send(self) -> list[tuple[int, int, int, str]]:
        """The edits the worker has not seen, after the whole text when it has none."""
        self._service.start()
        if self._opened != self._service.generation:
            self._service.call("open", self._post, self._version, self._text_now())
            self._opened = self._service.generation
            self._unsent.clear()
        edits, self._unsent = self._unsent, []
        return edits

    def _settings_key(self) -> tuple:
        return (self.config, self._blog_root, self._path)

    # -- checks ------------------------------------------------------------------------------

    def _say_checking(self) -> None:
        if not self._said_checking:
            self._said_checking = True
            self.panel.show_checking()
            self.checking.emit()

    def _schedule(self, immediately: bool) -> None:
        if self._check_job:
            return  # the next check starts when this one ends
        if immediately:
            self._timer.stop()
            self._start()
        elif not self._timer.isActive():
            self._timer.start()

    def _start(self) -> None:
        if self._check_job or self._head is None or self.is_done():
            return
        edits = self._edits_to_send()
        self._check_version = self._version
        self._check_key = (self._version, *self._settings_key())
        self._partial = []
        self._check_job = self._service.call(
            "check", self._post, edits, self.config, self._blog_root, self._path
        )

    def _on_progress(self, job: int, value) -> None:
        if job != self._check_job:
            return
        version, new, last = value
        self._partial += new
        # A post's first check fills the list in rule by rule; after that the last list stays
        # (carried along) until every rule of the next has run.
        if last or not self._has_result:
            self._partial.sort(key=lambda f: (f.start, f.end, f.rule, f.code))
            self._show(self._partial, version, None)

    def _on_done(self, job: int, value) -> None:
        if job == self._check_job:
            self._check_job = 0
            self._on_checked(value)
        elif job == self._fix_job:
            self._fix_job = 0
            kind, self._fix_kind = self._fix_kind, None
            self._on_fix_worked_out(kind, value)
            if not self._fix_job:
                self._set_busy(False)
                self._next_queued()

    def _on_checked(self, checked: Checked) -> None:
        self.failure = ""
        self._has_result = True
        current = checked.version == self._version
        if current:
            self._checked_key = self._check_key
        self._show(checked.findings, checked.version, checked.fixable if current else None)
        if current:
            self._said_checking = False
            self.findings_changed.emit(len(self.findings))
        else:
            self._start()  # the writer typed meanwhile: the next check starts now

    def _on_failed(self, job: int, message: str) -> None:
        if job == self._check_job:
            self._check_job = 0
        elif job == self._fix_job:
            self._fix_job = 0
            self._fix_kind = None
            self._set_busy(False)
            self._queue.clear()
        else:
            return
        self._opened = 0  # the worker's copy of the text cannot be trusted: send it whole
        self.failure = self.tr("The doctor stopped: {message}").format(message=message)
        self.panel.summary.setText(self.failure)
        self.status_message.emit(self.failure)
        if self._retried != self._version:
            # Once more, in a new worker with the whole text; a text that fails again waits
            # for the next edit.
            self._retried = self._version
            QTimer.singleShot(0, lambda: self._schedule(True))

    def is_done(self) -> bool:
        """True once the check of the current text has finished (findings and plan)."""
        return (
            self._head is not None
            and self._checked_key == (self._version, *self._settings_key())
            and not self._check_job
        )

    def busy(self) -> bool:
        """True while a fix is being worked out (or one asked for waits its turn)."""
        return bool(self._fix_job or self._queue)

    def wait(self, timeout_ms: int = 60000) -> None:
        """Let events run until the current text is checked and no fix is being worked out."""
        clock = QElapsedTimer()
        clock.start()
        while (not self.is_done() or self.busy()) and clock.elapsed() < timeout_ms:
            if not self._check_job and not self.is_done() and self._head is not None:
                self._schedule(True)
            QCoreApplication.processEvents()
            time.sleep(0.005)

    @property
    def path(self) -> Path | None:
        """Where the post last checked is saved (rules compare it with its file name)."""
        return self._path

    def reset(self) -> None:
        """A new post is being shown: forget undo ties to the previous one, and send the worker
        the new text whole."""
        self._steps.clear()
        self._head = None
        self._checked_key = None
        self._has_result = False
        # What the worker answers about the previous post is not for this one.
        self._check_job = self._fix_job = 0
        self._fix_kind = None
        if self._queue:
            self._queue.clear()
        self._set_busy(False)

    def shut_down(self) -> None:
        """The tab is closing: a run still going is not waited for, and the worker forgets the
        post (the process goes on for the other tabs)."""
        self._timer.stop()
        if self._closed:
            return
        self._closed = True
        service = self._service
        service.progress.disconnect(self._on_progress)
        service.done.disconnect(self._on_done)
        service.failed.disconnect(self._on_failed)
        if service.running:
            try:
                service.call("forget", self._post)
            except Exception:  # noqa: BLE001, S110 - the process is going anyway
                pass

    # -- showing findings --------------------------------------------------------------------

    def _since(self, version: int) -> list[tuple[int, int, int, str]]:
        i = bisect.bisect_right(self._log, (version, float("inf")))
        return self._log[i:]

    def _show(self, findings: list[Finding], version: int, fixable: int | None) -> None:
        """Show findings made for the text of ``version``, carried to the text of now."""
        since = self._since(version)
        if since:
            carry = Carry(since)
            findings = [carry.finding(f) for f in findings]
        self._shown_version = self._version
        self._blocks = self.editor.document().blockCount()
        # Edits older than both the list and the check under way are never needed again.
        oldest = self._check_version if self._check_job else self._version
        self._log = self._since(min(oldest, self._shown_version))
        self.findings = findings
        self.panel.show_findings(findings, _TextNow(self), fixable)
        if self._fix_job or self._queue:
            self.panel.set_busy(True)
        self._mark(findings)

    def _offsets(self) -> Utf16Offsets | None:
        text = self.editor.mirror.text
        return None if text.isascii() else Utf16Offsets(text)

    def _line_now(self, finding: Finding) -> int:
        """The line of the file ``finding`` (of the list) starts on in the text of now."""
        head = len(self._head or "")
        if finding.start < head:
            return finding.line  # the front matter's lines move only with a new check
        key = (self._version, self._shown_version)
        if self._lines_key != key:  # once per edit, for all the rows in view
            since = self._since(self._shown_version)
            self._lines_carry = Carry(since) if since else None
            self._lines_offsets = self._offsets()
            self._lines_key = key
        start = self._lines_carry.position(finding.start) if self._lines_carry else finding.start
        body = start - head
        position = self._lines_offsets.utf16(body) if self._lines_offsets else body
        block = self.editor.document().findBlock(position)
        return self._body_line_offset + block.blockNumber() + 1

    def _current(self, finding: Finding) -> Finding:
        """A finding of the list, with its positions in the text of now."""
        edits = self._since(self._shown_version)
        return Carry(edits).finding(finding) if edits else finding

    # -- marks and jumps ---------------------------------------------------------------------

    def body_range(
        self, start: int, end: int, offsets: Utf16Offsets | None = None
    ) -> tuple[int, int] | None:
        """Text-pane cursor positions for a whole-file span of the text of now, or None if it
        is in the front matter."""
        head = len(self._head or "")
        if start < head:
            return None
        length = len(self.editor.mirror.text)
        span = [min(start - head, length), min(end - head, length)]
        if offsets is None and not self.editor.mirror.text.isascii():
            offsets = Utf16Offsets(self.editor.mirror.text)
        if offsets is not None:
            span = [offsets.utf16(p) for p in span]
        return span[0], span[1]

    def jump_to(self, finding: Finding) -> None:
        """Select a finding's text in the text pane, or its line in the YAML tab."""
        finding = self._current(finding)
        span = self.body_range(finding.start, finding.end)
        if span is None:
            tabs = self._raw_editor.parentWidget()
            while tabs is not None and not isinstance(tabs, QTabWidget):
                tabs = tabs.parentWidget()
            if tabs is not None:
                tabs.setCurrentWidget(self._raw_editor)
            block = self._raw_editor.document().findBlockByNumber(max(0, finding.line - 2))
            cursor = self._raw_editor.textCursor()
            cursor.setPosition(block.position())
            self._raw_editor.setTextCursor(cursor)
            self._raw_editor.setFocus()
            return
        cursor = self.editor.textCursor()
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.centerCursor()
        self.editor.setFocus()

    def _mark(self, findings: list[Finding]) -> None:
        """Mark ``findings`` (positions in the text of ``_shown_version``) near the view."""
        self._marked = {}
        self._mark_starts = [f.start for f in findings]
        self._long = [i for i, f in enumerate(findings) if f.end - f.start > LONG_SPAN]
        if any(a > b for a, b in zip(self._mark_starts, self._mark_starts[1:], strict=False)):
            order = sorted(range(len(findings)), key=self._mark_starts.__getitem__)
            self._mark_order: list[int] | None = order
            self._mark_starts = [findings[i].start for i in order]
        else:
            self._mark_order = None
        self._mark_visible(force=True)

    def _on_update_request(self, _rect, dy: int) -> None:
        if dy:
            self._remark_soon()

    def _remark_soon(self, *_args) -> None:
        # Never put off: the pane lays a long post out as it scrolls, moving the bar again and
        # again, and a restarted timer would wait for that to end.
        if not self._remark.isActive():
            self._remark.start(0)

    def _view_span(self) -> tuple[int, int]:
        """Qt positions of the lines in view, MARK_MARGIN lines either side."""
        editor = self.editor
        document = editor.document()
        first = editor.firstVisibleBlock().blockNumber()
        bottom = editor.cursorForPosition(editor.viewport().rect().bottomRight()).block()
        lo = document.findBlockByNumber(max(0, first - MARK_MARGIN))
        hi = document.findBlockByNumber(bottom.blockNumber() + MARK_MARGIN)
        if not hi.isValid():
            hi = document.lastBlock()
        return lo.position(), hi.position() + hi.length()

    def _mark_visible(self, force: bool = False) -> None:
        """The marks of the findings near the view; a mark made once is kept (its cursor moves
        with the text), so a scroll only adds the findings it brings into view."""
        findings = self.findings
        if not findings and not force:
            return
        head = len(self._head or "")
        offsets = self._offsets()
        qlo, qhi = self._view_span()
        lo, hi = (offsets.code_point(qlo), offsets.code_point(qhi)) if offsets else (qlo, qhi)
        since = self._since(self._shown_version)
        carry = Carry(since) if since else None
        # Edits since the list was shown move positions by at most what they touched.
        slack = sum(removed + len(added) for _, _, removed, added in since)
        a = bisect.bisect_left(self._mark_starts, head + lo - slack)
        b = bisect.bisect_right(self._mark_starts, head + hi + slack)
        order = self._mark_order
        wanted = [order[i] for i in range(a, b)] if order else list(range(a, b))
        near = set(wanted)
        wanted += [i for i in self._long if i not in near]
        kept: dict[int, QTextEdit.ExtraSelection] = {}
        language = current_language()
        for index in sorted(wanted):
            if len(kept) >= MAX_MARKS:
                break
            selection = self._marked.get(index)
            if selection is None:
                finding = findings[index]
                finding = carry.finding(finding) if carry else finding
                end = max(finding.end, finding.start + 1)
                if end < head + lo or finding.start > head + hi:
                    continue
                span = self.body_range(finding.start, end, offsets)
                if span is None:
                    continue
                selection = _selection(self.editor, span, finding, language)
            kept[index] = selection
        if not force and kept.keys() == self._marked.keys():
            return
        self._marked = kept
        set_marks(self.editor, "doctor", list(kept.values()))

    # -- fixes -------------------------------------------------------------------------------

    def _set_busy(self, busy: bool) -> None:
        self.panel.set_busy(busy)
        self.busy_changed.emit(busy)

    def apply(self, findings: list[Finding], _text: str | None = None) -> None:
        """Apply the fixes of ``findings`` (of the list) as one undo step, once the worker has
        worked them out; a fix that drops an alternate take shows both takes side by side first.
        """
        self._ask(("some", list(findings), 0))

    def apply_all_safe(self, _text: str | None = None) -> None:
        """Every fix of the plan (as ``tsuzuri doctor --fix``), shown as a diff and applied as one
        undo step once the writer confirms."""
        self._ask(("all", None, 0))

    def _ask(self, kind: tuple) -> None:
        if self._head is None:
            return
        # The form's typing still in its pause is part of the post the fix is made for.
        self.request(self._current_post_text(), self._blog_root, self._path)
        if self._fix_job or self._queue:
            self._queue.append(kind)  # follows the fix being worked out: never dropped
            self.status_message.emit(self.tr("Working out the fixes; yours follows"))
            return
        self._send_fix(kind)

    def _next_queued(self) -> None:
        if self._queue and not self._fix_job:
            self._send_fix(self._queue.pop(0))

    def _send_fix(self, kind: tuple) -> None:
        what, findings, tries = kind
        if what == "some":
            moved = [self._current(f) for f in findings]
            if any(f.fix is None for f in moved):
                # The writer's typing ran into the fix: the next check offers it again.
                self.status_message.emit(
                    self.tr("The list is being updated; try again in a moment")
                )
                self._schedule(True)
                self._set_busy(bool(self._queue))
                return
            args = ("fix", self._post, self._edits_to_send(), moved)
        else:
            args = (
                "fix_all",
                self._post,
                self._edits_to_send(),
                self.config,
                self._blog_root,
                self._path,
                (self.tr("post (before)"), self.tr("post (after)")),  # the diff's headers
            )
        self._fix_kind = kind
        self._fix_job = self._service.call(*args)
        self._set_busy(True)

    def _on_fix_worked_out(self, kind: tuple, value: FixAll | FixSome) -> None:
        what, findings, tries = kind
        if value.change.version != self._version:
            # The writer typed while the worker worked: work it out again on the text of now.
            if tries < 3:
                self._send_fix((what, findings, tries + 1))
            else:
                self.status_message.emit(
                    self.tr("The list is being updated; try again in a moment")
                )
            return
        if isinstance(value, FixSome):
            for kept, removed in value.takes:
                if not prompts.compare_takes(self.editor.window(), kept, removed):
                    return
            self._apply_change(value.change)
            return
        if not value.count:
            self.status_message.emit(self.tr("Nothing to fix safely"))
            return
        lang = current_language()
        fixes = []
        for line, round_no, finding in value.fixes:
            fix = finding.fix
            description = fix.description_ja if lang == "ja" else fix.description_en
            if round_no == 0:
                text = self.tr("{line}: {description}").format(line=line, description=description)
            else:
                text = self.tr("then: {description}").format(description=description)
            fixes.append(text)
        if prompts.confirm_fixes(self.editor.window(), value.count, fixes, value.diff):
            self._apply_change(value.change)

    def _apply_change(self, change: Change) -> bool:
        if change.empty or change.version != self._version:
            return False
        fm_before, fm_after = (
            qt_lines(change.front_matter_before),
            qt_lines(change.front_matter_after),
        )
        base = self.editor.document().availableUndoSteps()
        self._steps = [step for step in self._steps if step.applied]  # redo history is gone
        self._edit_body(change.body_edits, force_step=fm_before != fm_after)
        if fm_before != fm_after:
            self._steps.append(_FrontMatterStep(base, fm_before, fm_after))
            self.front_matter_replaced.emit(fm_after)
        return True

    def _edit_body(self, edits: tuple[Edit, ...], force_step: bool) -> None:
        """The body's edits (code points of the pane's text) as one edit block."""
        if not edits and not force_step:
            return
        current = self.editor.mirror.text
        offsets = None if current.isascii() else Utf16Offsets(current)

        def qt(pos: int) -> int:
            return offsets.utf16(pos) if offsets else pos

        cursor = QTextCursor(self.editor.document())
        # Undo puts the caret where the block began: where the text changes, not on line 1.
        cursor.setPosition(qt(edits[0].start) if edits else 0)
        cursor.beginEditBlock()
        if not edits:
            # The body does not change: replacing a character with itself gives the fix its
            # undo step.
            if current:
                cursor.setPosition(0)
                cursor.setPosition(qt(1), QTextCursor.MoveMode.KeepAnchor)
                cursor.insertText(current[0])
            else:
                cursor.insertText(" ")
                cursor.deletePreviousChar()
        else:
            for edit in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
                cursor.setPosition(qt(edit.start))
                cursor.setPosition(qt(edit.end), QTextCursor.MoveMode.KeepAnchor)
                cursor.insertText(qt_lines(edit.replacement))
        cursor.endEditBlock()

    def _on_contents_changed(self) -> None:
        if self._steps:
            # Undo and redo update the step counts only after the text changed: look then.
            QTimer.singleShot(0, self._sync_front_matter_with_undo)

    def _sync_front_matter_with_undo(self) -> None:
        document = self.editor.document()
        done = document.availableUndoSteps()
        # Newest first: undoing two fixes restores the older "before".
        for step in reversed(list(self._steps)):
            if step.applied and done <= step.base:
                step.applied = False
                self.front_matter_replaced.emit(step.before)
            elif not step.applied and done > step.base:
                step.applied = True
                self.front_matter_replaced.emit(step.after)

    def _on_undo_command_added(self) -> None:
        """A new edit in the text pane: fixes that were undone can no longer be redone."""
        self._steps = [step for step in self._steps if step.applied]

    def forget_front_matter_steps(self) -> None:
        """The writer edited the front matter: undoing an older fix's body step must not put
        back a front matter from before that edit."""
        self._steps.clear()
