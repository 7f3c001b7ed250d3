"""The post doctor: finds what arrives broken in a post and repairs what can be repaired safely.

``diagnose`` runs every enabled rule module on the whole file text and keeps a fix safe only when
it loses no word (:mod:`.safety`); ``apply_fixes`` applies the edits of several fixes at once;
``plan_fixes`` (:mod:`.plan`) works out everything "fix all" will do, round after round, and
``fix_all_safe`` is its resulting text.
"""

from __future__ import annotations

import bisect
import hashlib
import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from editor.core.doctor.config import DoctorConfig
from editor.core.doctor.context import Context
from editor.core.doctor.model import Edit, Finding, Fix
from editor.core.doctor.safety import apply_edits, lost_words

__all__ = [
    "DoctorConfig",
    "Edit",
    "Finding",
    "Fix",
    "FixPlan",
    "RULE_MODULES",
    "all_rules",
    "alternate_takes",
    "announce",
    "apply_fixes",
    "diagnose",
    "diagnose_steps",
    "diagnose_steps_with_spans",
    "fingerprint",
    "fix_all_safe",
    "plan_fixes",
    "unified_diff",
]

# One module per rule (or per family of closely related rules); each has RULES and check(ctx).
RULE_MODULES = (
    "front_matter",
    "markers",
    "repeats",
    "broken_chars",
    "truncation",
    "reading_time",
    "excerpt",
    "headings",
    "file_date",
    "links",
    "style_length",
    "style_endings",
    "style_doubled",
    "style_width",
    "style_ranuki",
    "style_linebreak",
    "across",
)
# Front-matter fields whose value the doctor measures: a number, not the writer's words.
MEASURED_FIELDS = ("reading_time",)
DEFAULT_CONFIG = DoctorConfig()  # frozen, so sharing one is safe


def _modules():
    return [importlib.import_module(f"editor.core.doctor.{name}") for name in RULE_MODULES]


def all_rules() -> list[str]:
    """Every rule id the doctor knows, in the order the rules run."""
    return [rule for module in _modules() for rule in module.RULES]


def diagnose(
    text: str,
    config: DoctorConfig = DEFAULT_CONFIG,
    blog_root: Path | None = None,
    path: Path | None = None,
) -> list[Finding]:
    """All findings for the whole post file ``text``, sorted by position.

    ``path``, where the post is (or will be) saved, lets the rules that compare the post with
    its file name run.
    """
    return diagnose_with_spans(text, config, blog_root, path)[0]


def diagnose_with_spans(
    text: str,
    config: DoctorConfig = DEFAULT_CONFIG,
    blog_root: Path | None = None,
    path: Path | None = None,
) -> tuple[list[Finding], list[tuple[int, int]]]:
    """:func:`diagnose`, and the spans of measured values (see :func:`measured_spans`)."""
    ctx = Context(text, config, blog_root, path)
    *_, findings = _steps(ctx)  # the last step holds every finding
    return findings, measured_spans(ctx)


def diagnose_steps(
    text: str,
    config: DoctorConfig = DEFAULT_CONFIG,
    blog_root: Path | None = None,
    path: Path | None = None,
) -> Iterator[list[Finding]]:
    """:func:`diagnose` rule module by rule module: after each, all findings so far, sorted.

    The last list yielded is what :func:`diagnose` returns; a window shows the others while a
    long post is still being checked.
    """
    return _steps(Context(text, config, blog_root, path))


def diagnose_steps_with_spans(
    text: str,
    config: DoctorConfig = DEFAULT_CONFIG,
    blog_root: Path | None = None,
    path: Path | None = None,
) -> tuple[Iterator[list[Finding]], Callable[[], list[tuple[int, int]]]]:
    """:func:`diagnose_steps`, and a function giving the spans of measured values
    (:func:`measured_spans`) for the plan of "fix all" made right after."""
    ctx = Context(text, config, blog_root, path)
    return _steps(ctx), lambda: measured_spans(ctx)


def _steps(ctx: Context) -> Iterator[list[Finding]]:
    findings: list[Finding] = []
    config = ctx.config
    for module in _modules():
        if not any(config.enabled(rule) for rule in module.RULES):
            continue
        found = [_checked(ctx, f) for f in module.check(ctx) if config.enabled(f.rule)]
        if found:
            findings = sorted(findings + found, key=lambda f: (f.start, f.end, f.rule, f.code))
            yield findings
    yield findings


def measured_spans(ctx: Context) -> list[tuple[int, int]]:
    """Where the values of :data:`MEASURED_FIELDS` are in the text."""
    return [(f.value_start, f.value_end) for f in ctx.fields if f.key in MEASURED_FIELDS]


def _checked(ctx: Context, finding: Finding) -> Finding:
    """``finding`` with its fix no longer safe when the fix loses a word."""
    fix = finding.fix
    if fix is None or not fix.safe:
        return finding
    lost = lost_words(ctx.text, fix.edits, markers=ctx.config.markers, exempt=measured_spans(ctx))
    if not lost:
        return finding
    # What only this text says (a few pieces, shortened), for the writer and for scripts.
    shown = [p if len(p) <= 40 else p[:39] + "…" for p in lost[:3]]
    params = {**finding.params, "lost_words": shown}
    return replace(finding, fix=replace(fix, safe=False), params=params)


def fingerprint(text: str, finding: Finding) -> str:
    """A key for ``finding`` that survives edits elsewhere in the post (for baselines).

    Made of the rule, the code and the text the finding covers, not of its position.
    """
    covered = text[finding.start : finding.end].strip()
    digest = hashlib.sha1(covered.encode("utf-8")).hexdigest()[:16]
    return f"{finding.rule}:{finding.code}:{digest}"


def _clash(edit: Edit, other: Edit) -> bool:
    """True when two edits cannot both be applied: they overlap, insert at the same place, or one
    inserts strictly inside what the other replaces (touching ends are fine)."""
    if edit.start < other.end and other.start < edit.end:
        return True
    if edit.start == edit.end == other.start == other.end:
        return True
    if edit.start == edit.end and other.start < edit.start < other.end:
        return True
    return other.start == other.end and edit.start < other.start < edit.end


class _Taken:
    """Edits that do not clash with one another, sorted by place, so that whether a new edit
    clashes is answered by looking at its neighbours only (linear "fix all" on many edits)."""

    def __init__(self) -> None:
        self._keys: list[tuple[int, int]] = []
        self._edits: list[Edit] = []

    def clashes(self, edit: Edit) -> bool:
        # Taken edits are disjoint, so only the one starting just before ``edit`` and those
        # starting inside it can clash; the walk stops at the first clash.
        i = max(0, bisect.bisect_left(self._keys, (edit.start, edit.start)) - 1)
        while i < len(self._edits) and self._edits[i].start <= edit.end:
            if _clash(edit, self._edits[i]):
                return True
            i += 1
        return False

    def add(self, edit: Edit) -> None:
        i = bisect.bisect_right(self._keys, (edit.start, edit.end))
        self._keys.insert(i, (edit.start, edit.end))
        self._edits.insert(i, edit)


def compatible(fixes: Iterable[Fix | None]) -> list[Fix]:
    """The fixes of ``fixes`` that can be applied together, in order; a fix clashing with an
    earlier one is left out (each fix is taken whole or not at all)."""
    taken = _Taken()
    out: list[Fix] = []
    for fix in fixes:
        if fix is None:
            continue
        own = _Taken()
        clash = False
        for edit in fix.edits:
            if taken.clashes(edit) or own.clashes(edit):
                clash = True
                break
            own.add(edit)
        if clash:
            continue
        for edit in fix.edits:
            taken.add(edit)
        out.append(fix)
    return out


def apply_fixes(text: str, fixes: Iterable[Fix]) -> str:
    """``text`` with the edits of ``fixes`` applied; a fix clashing with an earlier one is skipped.

    Each fix is applied whole or not at all.  Run :func:`diagnose` again to pick up what was
    skipped.
    """
    return apply_edits(text, [e for fix in compatible(fixes) for e in fix.edits])[0]


# Imported last: plan.py runs diagnose and apply_fixes from this module.
from editor.core.doctor.plan import (  # noqa: E402
    FixPlan,
    alternate_takes,
    announce,
    fix_all_safe,
    plan_fixes,
    unified_diff,
)
