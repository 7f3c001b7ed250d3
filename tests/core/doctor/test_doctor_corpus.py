"""The doctor on real posts: nothing lost by safe fixes, and the raw post comes out readable."""

import re

import pytest

from editor.core.doctor import diagnose, fix_all_safe, plan_fixes
from editor.core.doctor.config import DoctorConfig
from editor.core.doctor.context import Context
from editor.core.doctor.similarity import similarity
from tests.conftest import corpus_files

pytestmark = pytest.mark.core

POSTS = corpus_files("real") + corpus_files("fidelity")


def _squeezed(text: str) -> str:
    return re.sub(r"\s", "", text)


def _sentences(text: str) -> list[str]:
    ctx = Context(text, DoctorConfig(), None)
    return [text[u.start : u.end] for u in ctx.units]


@pytest.mark.parametrize("path", POSTS, ids=lambda p: p.name)
def test_safe_fixes_keep_every_sentence_of_a_real_post(path):
    text = path.read_text(encoding="utf-8")
    fixed = fix_all_safe(text)
    if fixed == text:
        return
    kept = _squeezed(fixed)
    remaining = _sentences(fixed)
    for sentence in _sentences(text):
        if _squeezed(sentence) in kept:
            continue
        # Only copies of text that is still there may go.
        assert max(similarity(sentence, other) for other in remaining) >= 0.85, sentence


@pytest.mark.parametrize("path", corpus_files("raw"), ids=lambda p: p.name)
def test_raw_post_after_safe_fixes_leaves_the_title_and_one_take_to_compare(path):
    text = path.read_text(encoding="utf-8")
    fixed = fix_all_safe(text)
    left = [f for f in diagnose(fixed) if f.severity != "info"]
    # The near copy of a passage carries its own words (「Microsoftが」): the writer compares.
    assert [(f.rule, f.code) for f in left] == [
        ("broken-character", "replacement-character"),
        ("repeated-text", "near-passage"),
    ]
    assert left[1].fix.reviewed and not left[1].fix.safe
    # The reviewed fixes too (tsuzuri doctor --fix-all) leave only the title for the writer.
    fixed = plan_fixes(text, reviewed=True).after
    left = [f for f in diagnose(fixed) if f.severity != "info"]
    assert [(f.rule, f.line) for f in left] == [("broken-character", 3)]
    (title,) = left
    assert not title.fix.safe
    assert fixed[title.start : title.end] == "\ufffd"
    # The reading time was put right on its own line and nothing else in the front matter moved.
    head_before = text.split("\n---\n", 1)[0].splitlines()
    head_after = fixed.split("\n---\n", 1)[0].splitlines()
    changed = [(a, b) for a, b in zip(head_before, head_after, strict=True) if a != b]
    assert len(changed) == 1 and changed[0][0] == "reading_time: 8"
    assert int(changed[0][1].split(": ")[1]) >= 18
