"""A safe fix loses no word; what "fix all" announces is what it applies, round after round."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.core.doctor import (
    Edit,
    Finding,
    Fix,
    announce,
    diagnose,
    diagnose_with_spans,
    fix_all_safe,
    plan_fixes,
    unified_diff,
)
from editor.core.doctor.config import DoctorConfig
from editor.core.doctor.plan import _round
from editor.core.doctor.safety import latin, lost_words, readable, removed_pieces, words
from editor.core.post.split import split_post
from editor.core.words import QT_TRANSLATE_NOOP, Phrase
from tests.conftest import corpus_files

pytestmark = pytest.mark.core

RAW = corpus_files("raw")
REAL = corpus_files("real")
MARKER = "---END---"
SUBJECT = "MicrosoftがOpenAIとのパートナーシップを維持しつつも"
REPEATED = "私としては、この「MAI-」シリーズが、AIの新たなスタンダードを築く可能性を秘めていると、今は素直に期待しています。"


def _raw() -> str:
    if not RAW:
        pytest.skip("../shared/corpus/raw is not beside the checkout")
    return RAW[0].read_text(encoding="utf-8")


def _without_markers(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if line.strip() != MARKER)


def _words_lost(original: str, result: str) -> list[str]:
    """Sentences (and lines) of ``original`` whose words are no longer side by side in ``result``.

    Marker lines are dropped first, so a marker the doctor left in place hides nothing; the
    numbers the doctor measures (reading_time) are not the writer's words.
    """
    _, measured = diagnose_with_spans(original)
    for start, end in sorted(measured, reverse=True):
        original = original[:start] + original[end:]
    kept = words(_without_markers(result))
    return [p for p in removed_pieces(original, (MARKER,)) if p not in kept]


# -- the word check ---------------------------------------------------------------------------


def test_a_removed_copy_keeps_its_words_a_near_copy_does_not():
    first = "OpenAIとのパートナーシップを維持しつつも、自社で技術を開発するのでしょう。"
    text = f"{first}\n\n{first}\n\nMicrosoftが{first}\n"
    exact = Edit(len(first) + 2, 2 * len(first) + 4, "")
    assert text[exact.start : exact.end] == f"{first}\n\n"
    assert lost_words(text, [exact]) == []
    near = Edit(2 * len(first) + 4, len(text) - 1, "")
    # "Microsoft" and "が" are both elsewhere; 「Microsoftが」 before this sentence is not.
    assert lost_words(text, [near]) == [readable(words(f"Microsoftが{first}"))]


def test_markers_white_space_and_punctuation_are_not_words():
    text = "前半の文が\n\n---END---\n\n、続きます。。\x07\n"
    gone = Edit(5, 18, "")
    assert text[gone.start : gone.end] == "\n\n---END---\n\n"
    assert lost_words(text, [gone], markers=(MARKER,)) == []
    assert lost_words(text, [gone]) == ["END"]  # without knowing the marker
    assert lost_words(text, [Edit(text.index("。。") + 1, text.index("。。") + 2, "")]) == []


def test_a_latin_word_cut_short_is_a_lost_word():
    text = "then I will install the app\n---END---\nthe apple pie recipe is next.\n"
    # Removing the marker and "the app" leaves "the apple": "app" as a word is gone.
    gone = Edit(text.index("\n---END---"), text.index("le pie"), "")
    assert lost_words(text, [gone], markers=(MARKER,)) == ["the app"]
    # Removing a whole repeated word keeps it.
    again = "install the app\n---END---\napp and more.\n"
    whole = Edit(again.index("\n---END---"), again.index(" and"), "")
    assert lost_words(again, [whole], markers=(MARKER,)) == []


def test_a_measured_number_is_exempt_only_where_it_is_measured():
    text = "---\nreading_time: 8\n---\n\n本文です。\n"
    at = text.index("8")
    assert lost_words(text, [Edit(at, at + 1, "21")]) == ["8"]
    assert lost_words(text, [Edit(at, at + 1, "21")], exempt=[(at, at + 1)]) == []
    (finding,) = [f for f in diagnose(text) if f.rule == "reading-time"]
    assert finding.fix.safe


def test_two_fixes_that_each_remove_one_copy_are_not_applied_together():
    sentence = "同じ文がここに二回書かれていて、どちらか一方だけを消せば十分です。"
    text = f"{sentence}\n\n{sentence}\n"
    fixes = [
        Edit(0, len(sentence) + 2, ""),
        Edit(len(sentence) + 2, len(text) - 1, ""),
    ]
    said = Phrase(QT_TRANSLATE_NOOP("doctor", "Remove the marker"))
    findings = [
        Finding("repeated-text", "x", "warning", 1, 1, e.start, e.end, said, Fix((e,), True, said))
        for e in fixes
    ]
    assert all(lost_words(text, f.fix.edits) == [] for f in findings)  # each one alone is safe
    chosen, result = _round(text, findings, DoctorConfig(), [])
    assert len(chosen) == 1 and result.count(sentence) == 1


# -- the raw post -----------------------------------------------------------------------------


def test_raw_post_announces_exactly_what_fix_all_safe_applies():
    text = _raw()
    plan = plan_fixes(text)
    announced = [f for f in announce(diagnose(text), plan) if f.fix and f.fix.safe]
    assert len(announced) == plan.count == 5, [(f.line, f.code) for f in plan.findings()]
    assert plan.stable and plan.after == fix_all_safe(text)
    # The exact repeat next to a stitched marker is announced, because it is applied ...
    assert any(f.code == "exact-sentence" and f.line == 34 for f in announced)
    assert plan.after.count(REPEATED) == 1
    # ... and the near copy on line 72 is not: its subject 「Microsoftが」 stays.
    assert SUBJECT in plan.after
    assert not any(f.line == 72 for f in announced)
    assert plan_fixes(plan.after).count == 0


def test_raw_post_reviewed_fixes_keep_the_first_take():
    text = _raw()
    near = next(f for f in diagnose(text) if f.code == "near-passage")
    assert near.fix.reviewed and not near.fix.safe
    # Once the markers are stitched the rule would remove it; the words only this take has are
    # what keeps it from being safe, and they are named for the writer and for scripts.
    near = next(f for f in diagnose(plan_fixes(text).after) if f.code == "near-passage")
    assert near.params["lost_words"][0].startswith("MicrosoftがOpenAI")
    plan = plan_fixes(text, reviewed=True)
    assert plan.count == 6 and plan.stable
    assert SUBJECT not in plan.after
    assert plan.after.count("OpenAIとのパートナーシップを維持しつつも、自社で核となる技術") == 1
    assert MARKER not in plan.after


def test_the_diff_shows_every_change_and_nothing_else():
    text = _raw()
    plan = plan_fixes(text)
    diff = unified_diff(text, plan.after, "post.md")
    assert diff.startswith("--- post.md (before)\n+++ post.md (after)\n")
    lines = diff.splitlines()[2:]
    removed = [line[1:] for line in lines if line.startswith("-")]
    added = [line[1:] for line in lines if line.startswith("+")]
    assert "reading_time: 8" in removed and "reading_time: 21" in added
    assert MARKER in removed and not any(MARKER in line for line in added)
    assert unified_diff(text, text) == ""


# -- many copies, after an edit -----------------------------------------------------------------


def test_a_post_of_many_cut_copies_is_stitched_to_the_end_in_one_go():
    text = _raw()
    head = text[: len(text) - len(split_post(text).body)]
    body = split_post(text).body.replace(MARKER, "").strip()
    body = body.replace("いやはや", "いやはや（追記）", 1)  # the writer's edit
    # Copies cut mid-sentence, each restarting a little before where the last one stopped.
    pieces, pos = [], 0
    while pos < len(body):
        end = min(len(body), pos + 1500)
        pieces.append(body[max(0, pos - 40) : end])
        pos = end
    stitched = head + f"\n\n{MARKER}\n\n".join(pieces) + f"\n\n{MARKER}\n\n" + pieces[1] + "\n"
    plan = plan_fixes(stitched)
    assert plan.stable and plan.count >= len(pieces)
    assert "いやはや（追記）" in plan.after
    assert _words_lost(stitched, plan.after) == []
    # Whatever is left is offered: no marker stays without a fix.
    left = [f for f in diagnose(plan.after) if f.rule == "continuation-marker"]
    assert all(f.fix is not None and f.fix.reviewed for f in left)
    everything = plan_fixes(stitched, reviewed=True)
    assert everything.stable and MARKER not in everything.after
    assert "いやはや（追記）" in everything.after
    assert plan_fixes(everything.after, reviewed=True).count == 0


# -- properties over real posts ---------------------------------------------------------------


@pytest.mark.parametrize("path", REAL + RAW, ids=lambda p: p.name)
def test_safe_fixes_lose_no_word_of_a_corpus_post(path):
    text = path.read_text(encoding="utf-8")
    plan = plan_fixes(text)
    assert plan.stable
    assert _words_lost(text, plan.after) == []


def _edge(text: str, i: int) -> int:
    """``i``, or the end of the Latin word it falls inside: "the app" + "le" can be no overlap
    nor cut the doctor tells from a word, so pieces part between words."""
    while 0 < i < len(text) and latin(text[i - 1]) and latin(text[i]):
        i += 1
    return i


def _stitched(draw, text: str) -> tuple[str, str]:
    """A window of a real post's body cut at random and stitched with markers, restarts and
    repeated passages; returns (the window, the stitched text)."""
    body = split_post(text).body
    start = _edge(body, draw(st.integers(0, max(0, len(body) - 1))))
    window = body[start : _edge(body, start + draw(st.integers(200, 2500)))]
    cuts = draw(st.lists(st.integers(1, max(1, len(window) - 1)), max_size=5))
    cuts = sorted({c for c in (_edge(window, c) for c in cuts) if 0 < c < len(window)})
    bounds = [0, *cuts, len(window)]
    out = window[: bounds[1]]
    for a, b in zip(bounds[1:-1], bounds[2:], strict=True):
        marker = draw(st.sampled_from([f"\n\n{MARKER}\n\n", f"\n{MARKER}\n", f"\n\n{MARKER}\n"]))
        how = draw(st.sampled_from(["plain", "restart", "repeat"]))
        if how == "restart":  # the next piece repeats the end of the previous one
            back = draw(st.integers(1, 120))
            out += marker + window[_edge(window, max(0, a - back)) : b]
        elif how == "repeat":  # an earlier passage again, then the piece
            s = _edge(window, draw(st.integers(0, a)))
            out += marker + window[s : _edge(window, min(a, s + 400))] + marker + window[a:b]
        else:
            out += marker + window[a:b]
    return window, out


@st.composite
def stitched_posts(draw):
    path = draw(st.sampled_from(REAL + RAW))
    return _stitched(draw, path.read_text(encoding="utf-8"))


@pytest.mark.skipif(not REAL, reason="../shared/corpus/real is not beside the checkout")
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stitched_posts())
def test_fix_all_safe_on_cut_and_stitched_posts_loses_no_word(case):
    _window, stitched = case
    plan = plan_fixes(stitched)
    assert plan.stable
    # Every sentence and line the fixes worked on is still there, word for word: the pieces of
    # the original post and the repeats put around them.
    assert _words_lost(stitched, plan.after) == []
    # A marker left behind is one the writer is offered to review.
    left = [f for f in diagnose(plan.after) if f.rule == "continuation-marker"]
    assert all(f.fix is not None and not f.fix.safe for f in left)
    # What it announces is what it applies.
    announced = [f for f in announce(diagnose(stitched), plan) if f.fix and f.fix.safe]
    assert len(announced) <= plan.count
    assert plan_fixes(plan.after).count == 0


def test_the_diff_marks_a_missing_final_line_break_as_diff_does():
    text = "---\ntitle: 題\n---\n\n本文です。\n\n---END---"
    fixed = fix_all_safe(text)
    assert fixed == "---\ntitle: 題\n---\n\n本文です。\n"
    assert unified_diff(text, fixed).endswith("-\n----END---\n\\ No newline at end of file\n")
    crlf = text.replace("\n", "\r\n")
    assert unified_diff(crlf, fix_all_safe(crlf)) == unified_diff(text, fixed)


# -- takes that say something else -------------------------------------------------------------

TAKE = "この製品の価格は{x}で、毎月の利用料金としてはかなり手頃な水準だと言えるでしょう{f}。"
TAKES = {
    "number": ("1,000円", "2,000円", "", ""),
    "url": ("[公式サイト](https://a.example/one)", "[公式サイト](https://a.example/two)", "", ""),
    "code-span": ("`plan-a`", "`plan-b`", "", ""),
    "footnote": ("1,000円", "1,000円", "[^1]", "[^2]"),
}
NOTES = "\n\n[^1]: 注一です。\n[^2]: 注二です。\n"


@pytest.mark.parametrize(
    "between",
    ["\n\n別の段落がここに入ります。内容は関係ありません。\n\n", f"\n\n{MARKER}\n\n"],
    ids=["far-apart", "after-a-marker"],
)
@pytest.mark.parametrize("name", list(TAKES))
def test_fix_all_keeps_a_take_that_differs_in_a_number_url_code_or_footnote(name, between):
    kept, other, kept_note, other_note = TAKES[name]
    first = TAKE.format(x=kept, f=kept_note)
    second = TAKE.format(x=other, f=other_note)
    text = f"---\ntitle: t\n---\n{first}{between}{second}{NOTES}"
    after = plan_fixes(text, reviewed=True).after
    assert second in after and first in after
    assert "[^2]: 注二です。" in after
    found = [f for f in diagnose(text) if f.rule in ("repeated-text", "continuation-marker")]
    assert found and all(
        not f.fix or not (f.fix.safe or f.fix.reviewed) for f in found if f.code != "paragraph"
    )


def test_fix_all_still_drops_a_take_with_the_same_numbers_and_links():
    first = TAKE.format(x="[公式サイト](https://a.example/one)の1,000円", f="")
    second = first.replace("かなり", "とても")
    text = f"---\ntitle: t\n---\n{first}\n\n別の段落がここに入ります。内容は関係ありません。\n\n{second}\n"
    after = plan_fixes(text, reviewed=True).after
    assert first in after and second not in after
