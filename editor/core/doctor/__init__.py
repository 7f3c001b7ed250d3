"""The post doctor: finds what arrives broken in a post and repairs what can be repaired safely.

``diagnose`` runs every enabled rule module on the whole file text; ``apply_fixes`` applies the
edits of several fixes at once; ``fix_all_safe`` repeats both until nothing safe is left.
"""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Iterable
from pathlib import Path

from editor.core.doctor.config import DoctorConfig
from editor.core.doctor.context import Context
from editor.core.doctor.model import Edit, Finding, Fix

__all__ = [
    "DoctorConfig",
    "Edit",
    "Finding",
    "Fix",
    "RULE_MODULES",
    "all_rules",
    "apply_fixes",
    "diagnose",
    "fingerprint",
    "fix_all_safe",
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
    "links",
    "style_length",
    "style_endings",
    "style_doubled",
    "style_width",
    "style_ranuki",
    "style_linebreak",
)
_MAX_ROUNDS = 8
_AFTER_BODY = frozenset({"reading-time"})
DEFAULT_CONFIG = DoctorConfig()  # frozen, so sharing one is safe


def _modules():
    return [importlib.import_module(f"editor.core.doctor.{name}") for name in RULE_MODULES]


def all_rules() -> list[str]:
    """Every rule id the doctor knows, in the order the rules run."""
    return [rule for module in _modules() for rule in module.RULES]


def diagnose(
    text: str, config: DoctorConfig = DEFAULT_CONFIG, blog_root: Path | None = None
) -> list[Finding]:
    """All findings for the whole post file ``text``, sorted by position."""
    ctx = Context(text, config, blog_root)
    findings: list[Finding] = []
    for module in _modules():
        if not any(config.enabled(rule) for rule in module.RULES):
            continue
        findings.extend(f for f in module.check(ctx) if config.enabled(f.rule))
    findings.sort(key=lambda f: (f.start, f.end, f.rule, f.code))
    return findings


def fingerprint(text: str, finding: Finding) -> str:
    """A key for ``finding`` that survives edits elsewhere in the post (for baselines).

    Made of the rule, the code and the text the finding covers, not of its position.
    """
    covered = text[finding.start : finding.end].strip()
    digest = hashlib.sha1(covered.encode("utf-8")).hexdigest()[:16]
    return f"{finding.rule}:{finding.code}:{digest}"


def _conflicts(edit: Edit, taken: list[Edit]) -> bool:
    for other in taken:
        if edit.start < other.end and other.start < edit.end:
            return True
        if edit.start == edit.end == other.start == other.end:
            return True
        if edit.start == edit.end and other.start < edit.start < other.end:
            return True
        if other.start == other.end and edit.start < other.start < edit.end:
            return True
    return False


def apply_fixes(text: str, fixes: Iterable[Fix]) -> str:
    """``text`` with the edits of ``fixes`` applied; a fix clashing with an earlier one is skipped.

    Each fix is applied whole or not at all.  Run :func:`diagnose` again to pick up what was
    skipped.
    """
    taken: list[Edit] = []
    for fix in fixes:
        if fix is None:
            continue
        edits = list(fix.edits)
        if any(_conflicts(e, taken) for e in edits) or any(
            _conflicts(e, edits[:i]) for i, e in enumerate(edits)
        ):
            continue
        taken.extend(edits)
    for edit in sorted(taken, key=lambda e: (e.start, e.end), reverse=True):
        text = text[: edit.start] + edit.replacement + text[edit.end :]
    return text


def fix_all_safe(
    text: str, config: DoctorConfig = DEFAULT_CONFIG, blog_root: Path | None = None
) -> str:
    """``text`` after applying safe fixes until none is left (at most a few rounds)."""
    for _ in range(_MAX_ROUNDS):
        safe = [f for f in diagnose(text, config, blog_root) if f.fix and f.fix.safe]
        # Fixes that measure the body (reading time) wait until the body has settled.
        first = [f for f in safe if f.rule not in _AFTER_BODY]
        fixes = [f.fix for f in (first or safe)]
        if not fixes:
            break
        fixed = apply_fixes(text, fixes)
        if fixed == text:
            break
        text = fixed
    return text
