"""What the fidelity gate counts as agreeing, and the baseline that only moves up."""

from __future__ import annotations

import pytest

from tests.fidelity import baseline
from tests.fidelity.baseline import Measured
from tests.fidelity.compare import compare

pytestmark = pytest.mark.core

RIGHT = '<table><tbody><tr><td style="text-align: right">1</td></tr></tbody></table>'


def test_a_table_column_aligned_differently_does_not_agree():
    assert compare(RIGHT, RIGHT.replace("right", "left")).matched == 0
    assert compare(RIGHT, RIGHT.replace(' style="text-align: right"', "")).matched == 0


def test_style_spelling_alone_is_not_a_difference():
    spaced = RIGHT.replace("text-align: right", "text-align:right;")
    assert compare(RIGHT, spaced).matched == 1


def test_class_order_written_by_an_ial_is_compared():
    assert compare('<p class="zeta alpha">x</p>', '<p class="alpha zeta">x</p>').matched == 0
    assert compare('<p class="b tsuzuri-x a">x</p>', '<p class="b a">x</p>').matched == 1


def _post(agreed, differing=(), source="s1", key="real/a.md"):
    return Measured(key, source, list(agreed), list(differing))


def test_a_block_that_stops_agreeing_is_a_regression_with_jekylls_html():
    recorded = {"real/a.md": baseline.record(_post(["<p>one</p>", "<h2>two</h2>"]))}
    found = baseline.check(recorded, [_post(["<p>one</p>"], ["<h2>two</h2>"])])
    assert found.regressions == [("real/a.md", "<h2>two</h2>")]
    with pytest.raises(ValueError, match="<h2>two</h2>"):
        baseline.ratchet(recorded, [_post(["<p>one</p>"], ["<h2>two</h2>"])])


def test_a_repeated_block_counts_each_time():
    recorded = {"real/a.md": baseline.record(_post(["<hr>", "<hr>"]))}
    found = baseline.check(recorded, [_post(["<hr>"], ["<hr>"])])
    assert found.regressions == [("real/a.md", "<hr>")]


def test_blocks_that_newly_agree_are_recorded():
    recorded = {"real/a.md": baseline.record(_post(["<p>one</p>"], ["<p>two</p>"]))}
    now = [_post(["<p>one</p>", "<p>two</p>"])]
    assert baseline.check(recorded, now).gained == 1
    assert len(baseline.ratchet(recorded, now)["real/a.md"]["agreed"]) == 2


def test_an_edited_new_or_removed_post_is_recorded_afresh_not_a_regression():
    recorded = {
        "real/a.md": baseline.record(_post(["<p>one</p>"])),
        "real/gone.md": baseline.record(_post(["<p>x</p>"], key="real/gone.md")),
    }
    now = [_post([], ["<p>edited</p>"], source="s2"), _post(["<p>n</p>"], key="cases/new.md")]
    found = baseline.check(recorded, now)
    assert found.regressions == []
    assert found.changed == ["real/a.md", "cases/new.md", "real/gone.md"]
    assert set(baseline.ratchet(recorded, now)) == {"real/a.md", "cases/new.md"}


def test_the_baseline_file_round_trips(tmp_path):
    posts = {"real/a.md": baseline.record(_post(["<p>one</p>"]))}
    baseline.save(posts, tmp_path / "b.json")
    assert baseline.load(tmp_path / "b.json") == posts


def test_a_block_jekyll_no_longer_writes_is_a_changed_page_not_a_regression():
    recorded = {
        "cases/list.md": baseline.record(_post(["<ul><li>a</li></ul>"], key="cases/list.md"))
    }
    now = [_post(["<ul><li>b</li><li>a</li></ul>"], key="cases/list.md")]
    found = baseline.check(recorded, now)
    assert (found.regressions, found.changed) == ([], ["cases/list.md"])
