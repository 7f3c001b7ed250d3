"""The doctor's worker keeps the post's text from edits and answers as the doctor does."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.core.doctor import DEFAULT_CONFIG, announce, diagnose, plan_fixes
from editor.core.doctor.worker import DoctorWorker, composed_edits
from editor.core.post.split import split_post
from editor.core.text.edits import apply_edits
from tests.conftest import corpus_files

pytestmark = pytest.mark.core

RAW = corpus_files("raw")
POSTS = RAW + corpus_files("real")[:6]


def _raw() -> str:
    if not RAW:
        pytest.skip("../shared/corpus/raw is not beside the checkout")
    return RAW[0].read_text(encoding="utf-8")


def test_a_check_after_edits_is_the_doctor_on_the_edited_text():
    text = _raw()
    worker = DoctorWorker()
    worker.open(1, text)
    at = text.index("---END---")
    edits = [(2, at, 0, "追記です。"), (3, 0, 0, ""), (4, at + 5, 3, "")]
    for _, start, removed, added in edits:
        text = text[:start] + added + text[start + removed :]
    reports = []
    worker.report = reports.append
    checked = worker.check(edits, DEFAULT_CONFIG, None, None)
    plan = plan_fixes(text)
    assert checked.version == 4
    assert checked.findings == announce(diagnose(text), plan)
    assert checked.fixable == plan.count
    # Reported as the rules went, each finding once, all for version 4, the last saying so.
    assert {version for version, _, _ in reports} == {4}
    assert sum(len(new) for _, new, _ in reports) == len(checked.findings)
    assert [last for _, _, last in reports] == [False] * (len(reports) - 1) + [True]


def test_an_edit_that_went_missing_is_refused_not_checked():
    worker = DoctorWorker()
    worker.open(1, "---\ntitle: t\n---\n本文\n")
    with pytest.raises(LookupError):
        worker.check([(3, 0, 0, "x")], DEFAULT_CONFIG, None, None)


@pytest.mark.parametrize("path", POSTS, ids=lambda p: p.name)
def test_fix_all_is_the_plan_as_a_few_edits_of_the_body(path):
    text = path.read_text(encoding="utf-8", errors="replace")
    worker = DoctorWorker()
    worker.open(1, text)
    fixed = worker.fix_all([], DEFAULT_CONFIG, None, None, ("post (before)", "post (after)"))
    plan = plan_fixes(text)
    assert fixed.count == plan.count
    body = split_post(text).body
    assert apply_edits(body, fixed.change.body_edits)[0] == split_post(plan.after).body
    assert fixed.change.front_matter_after == split_post(plan.after).front_matter
    assert apply_edits(text, composed_edits(plan))[0] == plan.after


def test_a_fix_of_one_finding_is_that_fix_alone():
    text = _raw()
    worker = DoctorWorker()
    worker.open(1, text)
    finding = next(f for f in diagnose(text) if f.rule == "continuation-marker" and f.fix.safe)
    some = worker.fix([], [finding])
    body = split_post(text).body
    expected = apply_edits(text, list(finding.fix.edits))[0]
    assert apply_edits(body, some.change.body_edits)[0] == split_post(expected).body
    assert some.takes == ()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_composed_edits_make_the_plans_text(data):
    """Rounds of edits (each in the text the round before made) as edits of the first text."""
    from editor.core.doctor import Edit, Finding, Fix
    from editor.core.doctor.plan import FixPlan, PlannedFix
    from editor.core.words import QT_TRANSLATE_NOOP, Phrase

    text = data.draw(st.text(alphabet="ab\nあ。", min_size=0, max_size=30))
    current, applied = text, []
    for round_no in range(data.draw(st.integers(0, 3))):
        cuts = sorted(data.draw(st.lists(st.integers(0, len(current)), max_size=6)))
        edits = [
            Edit(a, b, data.draw(st.text(alphabet="xy\n", max_size=3)))
            for a, b in zip(cuts[::2], cuts[1::2], strict=False)
        ]
        words = Phrase(QT_TRANSLATE_NOOP("doctor", "Remove the marker"))
        for edit in edits:
            fix = Fix((edit,), True, words)
            finding = Finding("r", "c", "error", 1, 1, edit.start, edit.end, words, fix)
            applied.append(PlannedFix(finding, round_no, ""))
        current = apply_edits(current, edits)[0]
    plan = FixPlan(text, current, tuple(applied), True)
    assert apply_edits(text, composed_edits(plan))[0] == current


def test_one_worker_keeps_each_post_apart_and_forgets_a_closed_one():
    from editor.core.doctor.worker import DoctorWorkers

    raw = _raw()
    clean = "---\ntitle: 題\n---\n\n本文です。\n"
    workers = DoctorWorkers()
    workers.open(1, 1, raw)
    workers.open(2, 1, clean)
    reports = []
    workers.report = reports.append
    at = clean.index("本文")
    edited = clean[:at] + "追記。" + clean[at:]
    second = workers.check(2, [(2, at, 0, "追記。")], DEFAULT_CONFIG, None, None)
    first = workers.check(1, [], DEFAULT_CONFIG, None, None)
    assert second.findings == announce(diagnose(edited), plan_fixes(edited))
    assert first.findings == announce(diagnose(raw), plan_fixes(raw))
    assert reports and workers.posts() == [1, 2]
    workers.forget(1)
    assert workers.posts() == [2]
    with pytest.raises(LookupError):
        workers.check(1, [], DEFAULT_CONFIG, None, None)
