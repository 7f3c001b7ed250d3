"""Precision and recall of "repeated from another post" on the corpus.

Every paragraph pair flagged across the corpus's posts (real/, raw/, fidelity/ and the sample
blog, as one blog) was read and judged in tests/data/overlap_judged.json: true when the same
passage, reworded or not, false for boilerplate, generic phrases and lists.  Precision must not
fall below what was measured there; a pair nobody judged counts as false until judged.

Recall: paragraphs of one post pasted into another with small edits (punctuation, full-width
letters and digits, one word changed) must be found as they were when measured.
"""

from __future__ import annotations

import json
import random
import shutil

import pytest

from editor.core.blog.overlap import OverlapStore, paragraphs
from editor.core.blog.posts import is_post_name
from tests.conftest import ROOT, corpus_files

pytestmark = pytest.mark.core

JUDGED = json.loads((ROOT / "tests" / "data" / "overlap_judged.json").read_text("utf-8"))
SOURCES = [
    *corpus_files("real"),
    *corpus_files("raw"),
    *corpus_files("fidelity"),
    *sorted((ROOT / "resources" / "sample-blog" / "_posts").glob("*.md")),
]
WIDE = str.maketrans({chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)})


@pytest.fixture
def corpus_blog(tmp_path):
    if not corpus_files("real"):
        pytest.skip("../shared/corpus is not beside the checkout")
    root = tmp_path / "corpus"
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("title: corpus\n", encoding="utf-8")
    for source in SOURCES:
        if is_post_name(source.name):
            shutil.copyfile(source, root / "_posts" / source.name)
    return root


def _key(a, line_a, b, line_b):
    return (a, line_a, b, line_b)


def test_precision_on_the_corpus_does_not_fall(corpus_blog):
    judged = {_key(j["a"], j["line_a"], j["b"], j["line_b"]): j["true"] for j in JUDGED["pairs"]}
    with OverlapStore(corpus_blog) as store:
        store.update()
        flagged = [
            _key(s.path_a.name, s.line_a + 1, s.path_b.name, s.line_b + 1)
            for s in store.shared_paragraphs()
        ]
    assert len(flagged) >= JUDGED["flagged"]  # fewer would be recall lost, not precision won
    true = sum(1 for key in flagged if judged.get(key, False))
    assert true / len(flagged) >= JUDGED["precision"], [k for k in flagged if not judged.get(k)]


def _vary(text: str, kind: str) -> str:
    if kind == "punctuation":
        return text.replace("、", ",").replace("。", ".").replace(", ", "、")
    if kind == "width":
        return text.translate(WIDE)
    middle = len(text) // 2
    return text[:middle] + "新しい" + text[middle + 3 :]


def test_planted_repeats_are_found(corpus_blog):
    rng = random.Random(17)
    files = sorted((corpus_blog / "_posts").glob("*.md"))
    planted = []
    for n in range(30):
        source, target = rng.sample(files, 2)
        text = source.read_text("utf-8")
        found = [p for p in paragraphs(text) if "|" not in text[p.start : p.end]]
        if not found:
            continue
        chosen = rng.choice(found)
        piece = _vary(text[chosen.start : chosen.end], ("punctuation", "width", "word")[n % 3])
        with target.open("a", encoding="utf-8") as out:
            out.write(f"\n\n{piece}\n")
        planted.append((source, target, piece))
    assert len(planted) >= JUDGED["planted"]
    hits = 0
    with OverlapStore(corpus_blog) as store:
        store.update()
        for _source, target, piece in planted:
            text = target.read_text("utf-8")
            mine = [p for p in paragraphs(text) if text[p.start : p.end] == piece]
            hits += bool(mine and store.lookup(mine, target))
    assert hits / len(planted) >= JUDGED["recall"]
