"""The preview agrees with Jekyll on at least 95% of top-level blocks over the corpus."""

from __future__ import annotations

import pytest

from tests.fidelity.harness import corpus_posts, jekyll_available, run

pytestmark = pytest.mark.jekyll
THRESHOLD = 0.95


@pytest.fixture(scope="session")
def fidelity() -> dict:
    if not jekyll_available():
        pytest.skip("jekyll is not installed (apt-get install jekyll ruby-kramdown-parser-gfm)")
    if not any(group != "cases" for group, _ in corpus_posts()):
        pytest.skip("../shared/corpus is not beside the checkout")
    return run()


def test_preview_matches_jekyll_on_the_corpus(fidelity, capsys):
    with capsys.disabled():  # the score is the point of the run: always show the totals
        totals = [line for line in fidelity["table"].splitlines() if line.startswith("==")]
        print("\nfidelity (top-level blocks identical to Jekyll's):\n" + "\n".join(totals))
    assert fidelity["score"] >= THRESHOLD, f"fidelity {fidelity['score']:.1%} < {THRESHOLD:.0%}"


def test_every_own_case_is_mostly_right(fidelity):
    weak = [
        (post["name"], round(post["score"], 2))
        for post in fidelity["posts"]
        if post["group"] == "cases" and post["score"] < 0.8
    ]
    assert weak == []
