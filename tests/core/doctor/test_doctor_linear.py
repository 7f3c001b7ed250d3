"""The doctor's work grows with the post's length, not with its square.

Counted, not timed: the characters the word check reads (``safety.words``, the one place a
fix's text is cut into words) on the raw corpus post repeated 4 and 32 times.  Eight times the
text may cost about eight times the reading; a check that reads the whole post again for each
finding (as it once did) costs some thirty times as much.
"""

from __future__ import annotations

import pytest

import editor.core.doctor.safety as safety
from editor.core.doctor import diagnose, plan_fixes
from tests.conftest import corpus_files

pytestmark = pytest.mark.core

RAW = corpus_files("raw")


def _raw_times(n: int) -> str:
    if not RAW:
        pytest.skip("../shared/corpus/raw is not beside the checkout")
    head, body = RAW[0].read_text(encoding="utf-8").split("\n---\n", 1)
    return head + "\n---\n" + body * n


def _characters_read(monkeypatch, run, text: str) -> int:
    read = [0]
    words = safety.words

    def counting(piece: str) -> str:
        read[0] += len(piece)
        return words(piece)

    monkeypatch.setattr(safety, "words", counting)
    run(text)
    monkeypatch.setattr(safety, "words", words)
    return read[0]


@pytest.mark.parametrize("run", [diagnose, plan_fixes], ids=["diagnose", "plan_fixes"])
def test_the_word_check_reads_each_character_a_bounded_number_of_times(monkeypatch, run):
    small, large = _raw_times(4), _raw_times(32)
    ratio = len(large) / len(small)
    read_small = _characters_read(monkeypatch, run, small)
    read_large = _characters_read(monkeypatch, run, large)
    assert read_small > 0
    # Generous: linear work gives about ``ratio``; a whole-text pass per finding gives ~30x.
    assert read_large / read_small < 1.6 * ratio, (read_small, read_large, ratio)
