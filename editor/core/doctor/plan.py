"""What "fix all" does, worked out before anything is applied: one plan for the window, ``--json``,
``--fix``, ``--fix-all`` and ``--dry-run``, so the count they announce is the count applied.

The plan is a transaction on the text it is given: fixes are applied round after round (a
stitched marker can reveal a repeat, the reading time waits until the body has settled), each
round's result is diagnosed again until nothing more is offered, and only the final text comes
out.  In every round the safe fixes are checked once more on the text all of them make together
(:mod:`.safety`): a fix that would lose a word there waits for the next round, where it is
diagnosed again.
"""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

import editor.core.doctor as doctor
from editor.core.doctor.config import DoctorConfig
from editor.core.doctor.model import Finding
from editor.core.doctor.safety import apply_edits, lost_words
from editor.core.doctor.text import SENTENCE_END, iter_lines

MAX_ROUNDS = 32
_AFTER_BODY = frozenset({"reading-time"})  # fixes that measure the body wait until it settles


@dataclass(frozen=True)
class PlannedFix:
    """A fix the plan applies: its finding as diagnosed on the text of round ``round``."""

    finding: Finding
    round: int
    fingerprint: str


@dataclass(frozen=True)
class FixPlan:
    """``before`` becomes ``after`` by the fixes in ``applied``.

    ``stable`` is True when ``after`` was diagnosed again and offers nothing more to apply (it is
    False only when the rounds ran out, which the tests treat as a bug).
    """

    before: str
    after: str
    applied: tuple[PlannedFix, ...]
    stable: bool

    @property
    def count(self) -> int:
        """How many fixes are applied."""
        return len(self.applied)

    def findings(self) -> list[Finding]:
        return [p.finding for p in self.applied]


def plan_fixes(
    text: str,
    config: DoctorConfig | None = None,
    blog_root: Path | None = None,
    reviewed: bool = False,
    max_rounds: int = MAX_ROUNDS,
    path: Path | None = None,
    diagnosed: tuple[list[Finding], list[tuple[int, int]]] | None = None,
) -> FixPlan:
    """Every safe fix (and with ``reviewed`` the reviewed ones too) for ``text``, until stable.

    ``diagnosed`` is what :func:`~editor.core.doctor.diagnose_with_spans` already found in
    ``text`` with these settings (a check just made), so the first round need not diagnose it
    again.
    """
    config = config or doctor.DEFAULT_CONFIG
    applied: list[PlannedFix] = []
    seen = {text}
    current = text
    stable = False
    for round_no in range(max_rounds):
        if round_no == 0 and diagnosed is not None:
            findings, measured = diagnosed
        else:
            findings, measured = doctor.diagnose_with_spans(current, config, blog_root, path)
        wanted = [f for f in findings if f.fix and (f.fix.safe or (reviewed and f.fix.reviewed))]
        first = [f for f in wanted if f.rule not in _AFTER_BODY]
        chosen, result = _round(current, first or wanted, config, measured)
        if first and (not chosen or result == current) and len(first) < len(wanted):
            chosen, result = _round(current, wanted, config, measured)  # the body has settled
        if not chosen or result == current:
            stable = True
            break
        if result in seen:
            break  # fixes undoing each other: stop rather than go round in circles
        seen.add(result)
        applied += [PlannedFix(f, round_no, doctor.fingerprint(current, f)) for f in chosen]
        current = result
    return FixPlan(text, current, tuple(applied), stable)


def _round(
    text: str, wanted: list[Finding], config: DoctorConfig, measured: list[tuple[int, int]]
) -> tuple[list[Finding], str]:
    """The findings whose fixes go together in one round, and the text they make."""
    ids = {id(fix) for fix in doctor.compatible(f.fix for f in wanted)}
    chosen = [f for f in wanted if id(f.fix) in ids]
    while chosen:
        edits = [e for f in chosen for e in f.fix.edits]
        result, at = apply_edits(text, edits)
        losing = None
        k = 0
        for f in chosen:
            n = len(f.fix.edits)
            if f.fix.safe and lost_words(
                text,
                f.fix.edits,
                markers=config.markers,
                exempt=measured,
                result=result,
                at=at[k : k + n],
            ):
                losing = f  # the last one: the fixes before it keep their words without it
            k += n
        if losing is None:
            return chosen, result
        chosen = [f for f in chosen if f is not losing]
    return [], text


def announce(findings: list[Finding], plan: FixPlan) -> list[Finding]:
    """``findings`` of ``plan.before`` with ``safe`` set exactly on those the plan fixes.

    A finding counts as fixed by the plan when a fix it applies (in any round) has the same
    fingerprint: rule, code and covered text.  So what is announced as safe is what is applied,
    including fixes that only become possible after an earlier round (a repeat next to a stitched
    marker).
    """
    planned = Counter(p.fingerprint for p in plan.applied)
    out = []
    for f in findings:
        key = doctor.fingerprint(plan.before, f)
        if f.fix is not None and planned[key] > 0:
            planned[key] -= 1
            out.append(f if f.fix.safe else replace(f, fix=replace(f.fix, safe=True)))
        elif f.fix is not None and f.fix.safe:
            out.append(replace(f, fix=replace(f.fix, safe=False)))
        else:
            out.append(f)
    return out


def alternate_takes(text: str, finding: Finding) -> tuple[str, str] | None:
    """For a fix that drops an alternate take: (the take kept, the take removed), else None."""
    fix = finding.fix
    if fix is None or not fix.reviewed or len(fix.edits) != 1:
        return None
    edit = fix.edits[0]
    removed = text[edit.start : edit.end].strip()
    if finding.related and finding.rule == "repeated-text":
        start, end = finding.related[0]
        return text[start:end].strip(), removed
    if finding.code == "restart":
        # The cut sentence before the marker and the complete one after it.
        end = _sentence_end(text, edit.end, edit.end + 2 * len(removed) + 40)
        return text[edit.end : end].strip(), text[edit.start : finding.start].strip()
    # A duplicate piece: what came before the marker, as long as the piece.
    start = text.rfind("\n", 0, max(0, finding.start - len(removed)))
    return text[start + 1 : finding.start].strip(), removed


def _sentence_end(text: str, start: int, limit: int) -> int:
    m = SENTENCE_END.search(text, start, min(limit, len(text)))
    return m.end() if m else min(limit, len(text))


def fix_all_safe(
    text: str, config: DoctorConfig | None = None, blog_root: Path | None = None
) -> str:
    """``text`` after every safe fix of :func:`plan_fixes`."""
    return plan_fixes(text, config, blog_root).after


def unified_diff(
    before: str,
    after: str,
    name: str = "post",
    context: int = 3,
    labels: tuple[str, str] | None = None,
) -> str:
    """The change from ``before`` to ``after`` as a unified diff (plain text, "\\n" lines);
    its two headers are ``labels`` (the window's, in the writer's language), else "``name``
    (before)" and "``name`` (after)"."""
    # Only the text's own line breaks part lines: str.splitlines would also break at \v, \f
    # and U+2028, which the post (and a control-character fix) has inside a line.
    a = [before[start:end] for start, _, end in iter_lines(before)]
    b = [after[start:end] for start, _, end in iter_lines(after)]
    old, new = labels or (f"{name} (before)", f"{name} (after)")
    out = []
    for line in difflib.unified_diff(a, b, old, new, n=context):
        if line.endswith(("\n", "\r")):
            out.append(line.rstrip("\r\n") + "\n")
        else:  # the last line of a text without a final line break, as diff(1) shows it
            out.append(line + "\n\\ No newline at end of file\n")
    return "".join(out)
