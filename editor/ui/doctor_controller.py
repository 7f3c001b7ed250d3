"""Runs the doctor while the writer types, marks findings in the text pane and applies fixes.

Fixes go to the text pane and the form, never to disk, and each one is a single undo step of
the text pane: a fix that changes the front matter is tied to an edit block in the body (a
no-op one when the body does not change), and undoing or redoing that step swaps the front
matter back or forth.

Each run lists findings as the rules report them ("checking…" until it is done), then works out
the plan of "Fix all safe" (:func:`editor.core.doctor.plan_fixes`), whose count the panel
announces.  "Fix all safe" shows that plan's whole change as a diff and applies it only on
confirmation; a fix that drops an alternate take shows both takes first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTabWidget, QTextEdit

from editor.core.doctor import (
    DoctorConfig,
    Finding,
    FixPlan,
    all_rules,
    alternate_takes,
    announce,
    apply_fixes,
    diagnose_steps,
    plan_fixes,
    unified_diff,
)
from editor.core.post.split import split_post
from editor.core.text.textpos import LineIndex, qt_lines, utf16_column, utf16_length
from editor.ui import prompts
from editor.ui.background import LatestOnly
from editor.ui.doctor_panel import DoctorPanel, severity_colour
from editor.ui.i18n import current_language
from editor.ui.pane_marks import set_marks
from editor.ui.settings import DOCTOR_THRESHOLDS, Settings

MAX_MARKS = 400


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


def _check(
    text: str,
    config: DoctorConfig,
    blog_root: Path | None,
    path: Path | None,
    report: Callable[[object], None],
) -> tuple[str, list[Finding], FixPlan]:
    """Worker: findings as each rule reports them, then the plan of "Fix all safe"."""
    findings: list[Finding] = []
    for findings in diagnose_steps(text, config, blog_root, path):
        report((text, findings))
    return text, findings, plan_fixes(text, config, blog_root, path=path)


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


class DoctorController(QObject):
    """Owns the doctor's background runs, the marks in the text pane and fixes with undo."""

    findings_changed = Signal(int)
    checking = Signal()  # a check of a new text is pending or running
    status_message = Signal(str)
    front_matter_replaced = Signal(str)  # new front-matter text ("\n" line endings)

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
        panel.fix_requested.connect(lambda findings: self.apply(findings, current_text()))
        panel.fix_all_requested.connect(lambda: self.apply_all_safe(current_text()))
        self.findings: list[Finding] = []
        self._text = ""
        self._index = LineIndex("")
        self._body_line_offset = 0
        self._steps: list[_FrontMatterStep] = []
        self._plan: FixPlan | None = None
        self._runner = LatestOnly(_check, 400, self, reports=True)
        self._runner.progress.connect(self._on_progress)
        self._runner.finished.connect(self._on_finished)
        self._runner.failed.connect(self._on_failed)
        self._current_text = ""
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
        self.request(self._current_post_text(), self._blog_root, self._path, immediately=True)

    def recolour(self) -> None:
        """The theme changed: the marks and the list in its colours."""
        self.panel.recolour()
        self._mark(self.findings)

    # -- running -----------------------------------------------------------------------------

    def request(
        self,
        text: str,
        blog_root: Path | None,
        path: Path | None = None,
        immediately: bool = False,
    ) -> None:
        """Check ``text`` (the whole post, saved at ``path``) soon; only the newest text's
        findings are shown."""
        self._current_text = text
        self._path = path
        self._plan = None
        self.panel.show_checking()
        self.checking.emit()
        self._runner.request(text, self.config, blog_root, path, immediately=immediately)

    @property
    def path(self) -> Path | None:
        """Where the post last checked is saved (rules compare it with its file name)."""
        return self._path

    def reset(self) -> None:
        """A new post was opened: forget undo ties to the previous one."""
        self._steps.clear()

    def _show(self, text: str, findings: list[Finding], plan: FixPlan | None) -> None:
        self._text = text
        self._body_line_offset = split_post(text).body_line_offset
        self._index = LineIndex(text)
        self.findings = findings
        self.panel.show_findings(findings, text, None if plan is None else plan.count)
        self._mark(findings)

    def _on_progress(self, result) -> None:
        text, findings = result
        if text == self._current_text:
            self._show(text, findings, None)  # partial: the panel still says "checking…"

    def _on_finished(self, result) -> None:
        text, findings, plan = result
        if text != self._current_text:
            return  # stale: a newer run is on its way
        self._plan = plan
        # Announced as safe: exactly the findings "Fix all safe" fixes.
        self._show(text, announce(findings, plan), plan)
        self.findings_changed.emit(len(findings))

    def _on_failed(self, message: str) -> None:
        self.panel.summary.setText(message)
        self.status_message.emit(message)

    def is_done(self) -> bool:
        """True once the check of the current text has finished (findings and plan)."""
        return self._plan is not None and self._plan.before == self._current_text

    def wait(self) -> None:
        self._runner.wait()

    def shut_down(self) -> None:
        """The window is closing: a run still going is not waited for."""
        self._runner.shut_down()

    # -- marks and jumps ---------------------------------------------------------------------

    def body_range(self, start: int, end: int) -> tuple[int, int] | None:
        """Text-pane cursor positions for a whole-file span, or None if it is in the front matter."""
        index = self._index
        positions = []
        for offset in (start, end):
            line, column = index.line_col(offset)
            body_line = line - self._body_line_offset
            if body_line < 0:
                return None
            block = self.editor.document().findBlockByNumber(body_line)
            if not block.isValid():
                return None
            positions.append(block.position() + utf16_column(block.text(), column))
        return positions[0], positions[1]

    def jump_to(self, finding: Finding) -> None:
        """Select a finding's text in the text pane, or its line in the YAML tab."""
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
        selections = []
        for finding in findings[:MAX_MARKS]:
            span = self.body_range(finding.start, max(finding.end, finding.start + 1))
            if span is None:
                continue
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.editor.document())
            cursor.setPosition(span[0])
            cursor.setPosition(max(span[1], span[0] + 1), QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(QColor(severity_colour(finding.severity)))
            fmt.setToolTip(finding.message(current_language()))
            selection.cursor, selection.format = cursor, fmt
            selections.append(selection)
        set_marks(self.editor, "doctor", selections)

    # -- fixes -------------------------------------------------------------------------------

    def apply(self, findings: list[Finding], text: str) -> bool:
        """Apply the fixes of ``findings`` to ``text`` (the current post) as one undo step.

        A fix that drops an alternate take (not safe) shows both takes side by side first.
        """
        if text != self._text:
            # The list is for an older text (typing since); it is rebuilt in a moment.
            self.status_message.emit(self.tr("The list is being updated; try again in a moment"))
            self.request(text, self._blog_root, self._path, immediately=True)
            return False
        for finding in findings:
            fix = finding.fix
            takes = alternate_takes(text, finding) if fix and not fix.safe else None
            if takes is not None and not prompts.compare_takes(
                self.editor.window(), takes[0], takes[1]
            ):
                return False
        return self._replace_post(text, apply_fixes(text, [f.fix for f in findings if f.fix]))

    def plan_for(self, text: str) -> FixPlan:
        """The plan of "Fix all safe" for ``text``: the one the panel announced when it was made
        for this very text, else worked out now (the writer typed since)."""
        if self._plan is not None and self._plan.before == text:
            return self._plan
        return plan_fixes(text, self.config, self._blog_root, path=self._path)

    def apply_all_safe(self, text: str) -> bool:
        """Every fix of the plan (as ``tsuzuri doctor --fix``), shown as a diff and applied as one
        undo step once the writer confirms."""
        plan = self.plan_for(text)
        lang = current_language()
        if not plan.count:
            self.status_message.emit(self.tr("Nothing to fix safely"))
            return False
        fixes = []
        for p in plan.applied:
            fix = p.finding.fix
            description = fix.description_ja if lang == "ja" else fix.description_en
            if p.round == 0:
                line = self.tr("{line}: {description}").format(
                    line=p.finding.line, description=description
                )
            else:
                line = self.tr("then: {description}").format(description=description)
            fixes.append(line)
        # The diff's file name: the words "post (before)" and "post (after)" head it.
        diff = unified_diff(text, plan.after, self.tr("post"))
        if not prompts.confirm_fixes(self.editor.window(), plan.count, fixes, diff):
            return False
        return self._replace_post(text, plan.after)

    def _replace_post(self, text: str, new_text: str) -> bool:
        if new_text == text:
            return False
        old, new = split_post(text), split_post(new_text)
        fm_before, fm_after = qt_lines(old.front_matter), qt_lines(new.front_matter)
        base = self.editor.document().availableUndoSteps()
        self._steps = [step for step in self._steps if step.applied]  # redo history is gone
        self._replace_body(qt_lines(new.body), force_step=fm_before != fm_after)
        if fm_before != fm_after:
            self._steps.append(_FrontMatterStep(base, fm_before, fm_after))
            self.front_matter_replaced.emit(fm_after)
        return True

    def _replace_body(self, body: str, force_step: bool) -> None:
        current = self.editor.toPlainText()
        start = 0
        limit = min(len(current), len(body))
        while start < limit and current[start] == body[start]:
            start += 1
        end_old, end_new = len(current), len(body)
        while end_old > start and end_new > start and current[end_old - 1] == body[end_new - 1]:
            end_old -= 1
            end_new -= 1
        if start == end_old == end_new and not force_step:
            return
        cursor = QTextCursor(self.editor.document())
        # Undo puts the caret where the block began: where the text changes, not on line 1.
        cursor.setPosition(utf16_length(current[:start]))
        cursor.beginEditBlock()
        if start == end_old == end_new:
            # The body does not change: replacing a character with itself gives the fix its
            # undo step.
            if current:
                cursor.setPosition(0)
                cursor.setPosition(utf16_length(current[:1]), QTextCursor.MoveMode.KeepAnchor)
                cursor.insertText(current[0])
            else:
                cursor.insertText(" ")
                cursor.deletePreviousChar()
        else:
            cursor.setPosition(utf16_length(current[:start]))
            cursor.setPosition(utf16_length(current[:end_old]), QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(body[start:end_new])
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
