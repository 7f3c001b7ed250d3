"""Repeated sentences, paragraphs and sections are found; only unmistakable copies are removed."""

import re

import pytest

from editor.core.doctor import DoctorConfig, apply_fixes, diagnose, fix_all_safe, plan_fixes
from editor.core.doctor.similarity import similarity
from editor.core.doctor.text import split_sentences
from tests.conftest import corpus_files

pytestmark = pytest.mark.core

ONLY = DoctorConfig(only=frozenset({"repeated-text"}))
A = "静的サイトジェネレーターを使うと、記事の管理がずっと楽になります。"
B = "公開前には、リンク切れと誤字がないかを必ず確認するようにしています。"
C = "画像は記事ごとのフォルダーにまとめておくと、後で探すときに迷いません。"
D = "下書きは別のフォルダーに置き、公開する日に日付付きのファイル名へ移します。"
E = "読者からの指摘で気づいたときには、すでに多くの人に読まれた後でした。"


def _repeats(text):
    return diagnose(text, ONLY)


def test_a_sentence_repeated_across_a_paragraph_break_is_removed_safely():
    text = f"{A}{B}\n\n{B}{C}\n"
    (finding,) = _repeats(text)
    assert finding.severity == "warning"
    assert (finding.code, finding.line, finding.column) == ("exact-sentence", 3, 1)
    assert finding.related == ((len(A), len(A) + len(B)),)
    assert finding.fix.safe
    assert fix_all_safe(text, ONLY) == f"{A}{B}\n\n{C}\n"


def test_a_sentence_repeated_right_after_itself_is_removed_safely():
    assert fix_all_safe(f"{A}{B}{B}{C}\n", ONLY) == f"{A}{B}{C}\n"


def test_a_copy_in_the_middle_of_a_far_paragraph_is_only_suggested():
    text = f"{A}{B}{C}\n\n{D}{B}{E}\n"
    findings = _repeats(text)
    assert [(f.code, f.severity) for f in findings] == [("exact-sentence", "info")]
    assert not findings[0].fix.safe
    assert fix_all_safe(text, ONLY) == text


def test_a_near_duplicate_sentence_is_reported_with_both_places():
    near = B.replace("必ず", "いつも必ず")
    text = f"{A}{B}\n\n{C}{near}{D}\n"
    (finding,) = _repeats(text)
    assert finding.code == "near-sentence"
    assert text[finding.start : finding.end] == near
    (original,) = finding.related
    assert text[original[0] : original[1]] == B
    assert not finding.fix.safe
    assert f"{C}{D}" in apply_fixes(text, [finding.fix])


def test_a_repeated_section_is_one_finding_and_is_removed_whole():
    section = f"## 公開の手順\n\n{B}{C}\n\n{D}\n"
    text = f"{A}\n\n{section}\n{section}\n## まとめ\n\n{E}\n"
    (finding,) = _repeats(text)
    assert finding.code == "exact-passage"
    assert finding.params["sentences"] == 4
    assert finding.fix.safe
    assert fix_all_safe(text, ONLY) == f"{A}\n\n{section}\n## まとめ\n\n{E}\n"


def test_short_list_items_code_and_tables_may_repeat():
    text = (
        "- 準備\n- 確認\n\n手順は以下です。\n\n- 準備\n- 確認\n\n"
        f"```\n{B}\n```\n\n```\n{B}\n```\n\n| {C} |\n|---|\n| {C} |\n"
    )
    assert _repeats(text) == []


def test_sentence_splitting_understands_japanese_and_latin_endings():
    text = "「本当？」と聞いた。はい！ It works. Does it?ええ"
    spans = split_sentences(text, 0, len(text))
    assert [text[s:e] for s, e in spans] == [
        "「本当？」と聞いた。",
        "はい！",
        "It works.",
        "Does it?",
        "ええ",
    ]


@pytest.mark.parametrize("path", corpus_files("raw"), ids=lambda p: p.name)
def test_raw_post_keeps_every_sentence_and_loses_its_repeats(path):
    text = path.read_text(encoding="utf-8")
    fixed = plan_fixes(text, reviewed=True).after  # the near copy is a reviewed fix
    repeated = "私としては、この「MAI-」シリーズが、AIの新たなスタンダードを築く可能性を秘めていると、今は素直に期待しています。"
    assert fixed.count(repeated) == 1
    assert fixed.count("OpenAIとのパートナーシップを維持しつつも、自社で核となる技術を") == 1
    assert fixed.count("投資家としては、この長期的なビジョンと、それを支える技術開発") == 1
    body = fixed.split("---\n", 2)[2]
    kept = [body[s:e] for s, e in split_sentences(body, 0, len(body))]
    squeezed = re.sub(r"\s", "", fixed)
    pieces = re.split(r"\n---END---\n|\n\s*\n", text.split("\n---\n", 1)[1])
    for sentence in [p[s:e] for p in pieces for s, e in split_sentences(p, 0, len(p))]:
        if sentence == "---END---":
            continue
        present = re.sub(r"\s", "", sentence) in squeezed
        assert present or max(similarity(sentence, k) for k in kept) >= 0.85, sentence
    assert [f for f in diagnose(fixed) if f.rule == "repeated-text"] == []
