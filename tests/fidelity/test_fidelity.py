"""No block that agreed with Jekyll stops agreeing (the committed baseline only moves up)."""

from __future__ import annotations

import pytest

from tests.fidelity import baseline
from tests.fidelity.harness import corpus_posts, jekyll_available, run

pytestmark = pytest.mark.jekyll


@pytest.fixture(scope="session")
def fidelity() -> dict:
    if not jekyll_available():
        pytest.skip("jekyll is not installed (apt-get install jekyll ruby-kramdown-parser-gfm)")
    if not any(group != "cases" for group, _ in corpus_posts()):
        pytest.skip("../shared/corpus is not beside the checkout")
    return run()


def test_no_block_that_agreed_with_jekyll_stops_agreeing(fidelity, capsys):
    found = baseline.check(baseline.load(), fidelity["measured"])
    with capsys.disabled():  # the score is the point of the run: always show the totals
        totals = [line for line in fidelity["table"].splitlines() if line.startswith("==")]
        print("\nfidelity (top-level blocks identical to Jekyll's):\n" + "\n".join(totals))
        if found.gained:
            print(
                f"{found.gained} more block(s) agree: record them with python -m tests.fidelity --update"
            )
    assert not found.regressions, baseline.describe(found.regressions)


def test_the_baseline_covers_every_post_as_it_is(fidelity):
    found = baseline.check(baseline.load(), fidelity["measured"])
    assert found.changed == [], (
        "posts new or edited since the baseline: python -m tests.fidelity --update"
    )


def test_every_block_of_our_own_cases_agrees_with_jekyll(fidelity):
    """Each case is a rule of kramdown's, written down: all of it must come out as Jekyll's."""
    differing = {
        post["name"]: post["differences"]
        for post in fidelity["posts"]
        if post["group"] == "cases" and post["differences"]
    }
    assert differing == {}
