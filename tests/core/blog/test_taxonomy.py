"""The blog's categories and tags: counts, completion, near variants and rename/merge plans."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from editor.core.blog import taxonomy
from editor.core.blog.posts import post_tags, read_metadata
from editor.core.blog.progress import Cancelled, Progress
from editor.core.files.bundle import resource_path
from editor.core.words import WordedError


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    root = tmp_path / "blog"
    shutil.copytree(resource_path("sample-blog"), root)
    return root


def _blog(tmp_path: Path, posts: dict[str, str]) -> Path:
    root = tmp_path / "gen"
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("title: t\n", encoding="utf-8")
    for name, front in posts.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(f"---\ntitle: x\n{front}---\n\n本文です。\n".encode())
    return root


def _changed_lines(old: str, new: str) -> tuple[list[str], list[str]]:
    """(removed, added) lines between two texts, as a diff shows them."""
    removed, added = [], []
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b).get_opcodes():
        if op != "equal":
            removed += a[i1:i2]
            added += b[j1:j2]
    return removed, added


def _snapshot(root: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}


# -- counts ------------------------------------------------------------------------------------


def test_sample_blog_counts_sorted_by_count_then_name(sample):
    found = taxonomy.scan(sample)
    assert found.tags.ranked[:3] == [("半導体", 2), ("AI", 1), ("Jekyll", 1)]
    assert found.categories.ranked == [("技術動向", 2), ("Guides", 1), ("投資分析", 1)]


def test_drafts_are_counted_only_when_asked(sample):
    without = taxonomy.scan(sample, drafts=False)
    assert without.tags.count("半導体") == 1
    assert without.tags.count("サプライチェーン") == 0
    assert without.categories.count("技術動向") == 1


def test_counts_follow_what_jekyll_reads(tmp_path):
    root = _blog(
        tmp_path,
        {
            "_posts/2025-01-01-a.md": "tags: 投資 半導体\ncategories: 市場 技術\n",
            "_posts/2025-01-02-b.md": "tags: [投資, 投資]\ncategory: 市場\n",
            "_posts/2025-01-03-c.md": "tag: 単独\ntags: [無視]\n",
            "ノート/_posts/2025-01-04-d.md": "tags:\n  - 投資\n",
            "_posts/2025-01-05-e.md": "tags: [壊れた\n",
        },
    )
    found = taxonomy.scan(root)
    assert found.tags.ranked == [("投資", 3), ("半導体", 1), ("単独", 1)]
    assert found.categories.ranked == [("市場", 2), ("ノート", 1), ("技術", 1)]


# -- completion --------------------------------------------------------------------------------


def _terms(counts: dict[str, int]) -> taxonomy.Terms:
    from collections import Counter

    return taxonomy.Terms("tags", Counter(counts))


def test_completion_folds_width_case_and_kana_most_used_first():
    terms = _terms({"AI": 5, "AIチップ": 9, "ai倫理": 1, "カブ": 3, "かぶ式": 4, "半導体": 7})
    assert terms.complete("ａｉ") == [("AIチップ", 9), ("AI", 5), ("ai倫理", 1)]
    assert terms.complete("Ai", limit=1) == [("AIチップ", 9)]
    assert terms.complete("ｶﾌﾞ") == [("かぶ式", 4), ("カブ", 3)]
    assert terms.complete("半") == [("半導体", 7)]
    assert terms.complete("株") == []
    assert terms.complete("")[0] == ("AIチップ", 9)


# -- near variants -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "existing"),
    [
        ("ＡＩ", ("AI",)),
        ("ai", ("AI",)),
        ("かぶ", ("カブ",)),
        ("半導体　株", ("半導体株",)),
        ("半導体 株", ("半導体株",)),
        ("Machine Learning", ("machinelearning",)),
        ("データセンタ", ("データセンター",)),  # a word-final long vowel dropped (JIS Z 8301)
    ],
)
def test_near_variant_names_the_existing_value(typed, existing):
    terms = _terms(
        {
            "AI": 2,
            "カブ": 1,
            "半導体株": 4,
            "machinelearning": 1,
            "半導体": 3,
            "データセンター": 2,
            "ビール": 1,
        }
    )
    found = terms.near_variant(typed)
    assert found is not None
    assert found.existing == existing
    assert found.code == "near-variant-tags"
    assert found.params["value"] == typed
    assert existing[0] in found.message("en")
    assert "タグ" in found.message("ja") and existing[0] in found.message("ja")


def test_exact_or_unrelated_values_are_not_variants():
    terms = _terms({"AI": 2, "半導体": 3, "半導体株": 1})
    assert terms.near_variant("AI") is None
    assert terms.near_variant("半導体") is None  # not a variant of 半導体株
    assert terms.near_variant("semiconductor") is None
    assert terms.near_variant("   ") is None
    terms = _terms({"ビール": 1})
    assert terms.near_variant("ビル") is None  # a long vowel inside a word tells them apart


def test_category_variant_says_category(sample):
    found = taxonomy.scan(sample).categories.near_variant("guides")
    assert found.existing == ("Guides",)
    assert "カテゴリー" in found.message("ja")


# -- rename and merge plans --------------------------------------------------------------------


def test_rename_on_sample_blog_changes_only_the_tags_line(sample):
    before = _snapshot(sample)
    plan = taxonomy.plan_rename(sample, "tags", "半導体", "チップ")
    assert sorted(c.path.name for c in plan.changes) == [
        "2025-10-20-ai-chip-market.md",
        "semiconductor-supply-chain.md",
    ]
    for change in plan.changes:
        assert change.old_text == before[change.path].decode("utf-8")
        removed, added = _changed_lines(change.old_text, change.new_text)
        assert len(removed) == len(added) == 1
        assert removed[0].startswith("tags:") and added[0].startswith("tags:")
        assert added[0] == removed[0].replace("半導体", "チップ")
    assert _snapshot(sample) == before  # a plan writes nothing
    assert plan.skipped == []


def test_merge_keeps_one_value_and_the_list_style(tmp_path):
    root = _blog(
        tmp_path,
        {
            "_posts/2025-01-01-flow.md": "tags: [半導体, 半導体株, AI]\n",
            "_posts/2025-01-02-block.md": "tags:\n  - 投資\n  - 半導体株\nlayout: post\n",
            "_posts/2025-01-03-words.md": "tags: 半導体株 投資\n",
            "_posts/2025-01-04-other.md": "tags: [投資]\n",
        },
    )
    plan = taxonomy.plan_rename(root, "tags", "半導体株", "半導体")
    new = {c.path.name: c for c in plan.changes}
    assert sorted(new) == [
        "2025-01-01-flow.md",
        "2025-01-02-block.md",
        "2025-01-03-words.md",
    ]
    assert _changed_lines(
        new["2025-01-01-flow.md"].old_text, new["2025-01-01-flow.md"].new_text
    ) == (
        ["tags: [半導体, 半導体株, AI]\n"],
        ["tags: [半導体, AI]\n"],
    )
    assert _changed_lines(
        new["2025-01-02-block.md"].old_text, new["2025-01-02-block.md"].new_text
    ) == (["  - 半導体株\n"], ["  - 半導体\n"])
    assert _changed_lines(
        new["2025-01-03-words.md"].old_text, new["2025-01-03-words.md"].new_text
    ) == (["tags: 半導体株 投資\n"], ["tags: 半導体 投資\n"])
    for change in plan.changes:
        change.path.write_text(change.new_text, encoding="utf-8")
        tags = post_tags(read_metadata(change.path))
        assert "半導体株" not in tags and tags.count("半導体") == 1


def test_broken_front_matter_is_skipped_with_a_reason(tmp_path):
    root = _blog(
        tmp_path,
        {
            "_posts/2025-01-01-ok.md": "tags: [AI]\n",
            "_posts/2025-01-02-broken.md": "tags: [AI\ntitle: : :\n",
        },
    )
    plan = taxonomy.plan_rename(root, "tags", "AI", "人工知能")
    assert [c.path.name for c in plan.changes] == ["2025-01-01-ok.md"]
    [skipped] = plan.skipped
    assert skipped.path.name == "2025-01-02-broken.md"
    assert skipped.code == "broken-front-matter"
    assert skipped.message("en").startswith("Skipped: the front matter cannot be read")
    assert "フロントマター" in skipped.message("ja")


def test_space_separated_words_cannot_take_a_value_with_a_space(tmp_path):
    root = _blog(tmp_path, {"_posts/2025-01-01-a.md": "tags: AI 投資\n"})
    plan = taxonomy.plan_rename(root, "tags", "AI", "Machine Learning")
    assert plan.changes == []
    assert [s.code for s in plan.skipped] == ["space-in-words"]
    assert "Machine Learning" in plan.skipped[0].message("en")


def test_categories_rename_in_both_keys_and_folder_is_refused(tmp_path):
    root = _blog(
        tmp_path,
        {
            "_posts/2025-01-01-a.md": "categories: [市場, 技術]\n",
            "_posts/2025-01-02-b.md": "category: 市場\n",
            "市場/_posts/2025-01-03-c.md": "categories: [技術]\n",
        },
    )
    plan = taxonomy.plan_rename(root, "categories", "市場", "マーケット")
    new = {c.path.name: c for c in plan.changes}
    assert sorted(new) == ["2025-01-01-a.md", "2025-01-02-b.md"]
    assert _changed_lines(new["2025-01-02-b.md"].old_text, new["2025-01-02-b.md"].new_text) == (
        ["category: 市場\n"],
        ["category: マーケット\n"],
    )
    assert [(s.path.name, s.code) for s in plan.skipped] == [("2025-01-03-c.md", "folder-category")]


def test_tag_key_wins_over_tags_as_in_jekyll(tmp_path):
    root = _blog(tmp_path, {"_posts/2025-01-01-a.md": "tag: AI\ntags: [AI, 投資]\n"})
    [change] = taxonomy.plan_rename(root, "tags", "AI", "人工知能").changes
    assert _changed_lines(change.old_text, change.new_text) == (["tag: AI\n"], ["tag: 人工知能\n"])


@pytest.mark.parametrize(("new", "code"), [("  ", "empty-value"), ("AI", "same-value")])
def test_pointless_renames_are_refused(sample, new, code):
    with pytest.raises(WordedError) as caught:
        taxonomy.plan_rename(sample, "tags", "AI", new)
    assert caught.value.wording.source == taxonomy.MESSAGES[code]


def test_crlf_post_keeps_its_line_endings(tmp_path):
    root = _blog(tmp_path, {})
    path = root / "_posts" / "2025-01-01-crlf.md"
    path.write_bytes("---\r\ntitle: x\r\ntags: [AI, 投資]\r\n---\r\n本文\r\n".encode())
    [change] = taxonomy.plan_rename(root, "tags", "投資", "資産").changes
    assert change.new_text == "---\r\ntitle: x\r\ntags: [AI, 資産]\r\n---\r\n本文\r\n"


def test_a_list_holding_a_mapping_is_skipped_not_rewritten(tmp_path):
    root = _blog(tmp_path, {"_posts/2025-01-01-a.md": "tags: [AI, {x: 1}]\n"})
    plan = taxonomy.plan_rename(root, "tags", "AI", "人工知能")
    assert plan.changes == []
    assert [(s.code, s.params) for s in plan.skipped] == [("not-a-list", {"key": "tags"})]


def test_a_value_written_with_yaml_escapes_is_found(tmp_path):
    root = _blog(tmp_path, {"_posts/2025-01-01-a.md": 'tags: ["\\u534a導体", AI]\n'})
    assert taxonomy.scan(root).tags.count("半導体") == 1
    [change] = taxonomy.plan_rename(root, "tags", "半導体", "チップ").changes
    removed, added = _changed_lines(change.old_text, change.new_text)
    assert removed == ['tags: ["\\u534a導体", AI]\n']
    assert len(added) == 1 and added[0].startswith("tags: [") and "チップ" in added[0]


# -- terms of posts already read, applying and undoing a plan ----------------------------------


def test_terms_from_posts_already_read_match_a_scan(sample):
    read = taxonomy.scan_posts(sample)
    built = taxonomy.Taxonomy.from_posts(read.values())
    scanned = taxonomy.scan(sample)
    assert built.tags.ranked == scanned.tags.ranked
    assert built.categories.ranked == scanned.categories.ranked
    # A post read again (its tags edited) changes the counts without reading the others.
    post = next(path for path, (_, tags) in read.items() if "半導体" in tags)
    read[post] = (read[post][0], ("新しいタグ",))
    again = taxonomy.Taxonomy.from_posts(read.values())
    assert again.tags.count("半導体") == scanned.tags.count("半導体") - 1
    assert again.tags.count("新しいタグ") == 1


def test_apply_writes_the_plan_and_undo_restores_the_bytes(tmp_path):
    root = _blog(
        tmp_path,
        {
            "_posts/2025-01-01-a.md": "tags: [ＡＩ, 投資]\n",
            "_posts/2025-01-02-b.md": "tags:\n  - ＡＩ\n",
            "_posts/2025-01-03-c.md": "tags: ＡＩ\n",
            "_posts/2025-01-04-d.md": "tags: [投資]\n",
        },
    )
    before = _snapshot(root)
    plan = taxonomy.plan_rename(root, "tags", "ＡＩ", "AI")
    applied = taxonomy.apply_rename(root, plan)
    assert len(applied.written) == 3 and applied.skipped == []
    after = _snapshot(root)
    for path, data in before.items():
        removed, added = _changed_lines(data.decode(), after[path].decode())
        if path.name in ("2025-01-04-d.md", "_config.yml"):
            assert removed == added == []
        else:
            assert len(removed) == len(added) == 1
            assert added[0] == removed[0].replace("ＡＩ", "AI")
    undone = taxonomy.undo_rename(root, applied)
    assert len(undone.written) == 3 and undone.skipped == []
    assert _snapshot(root) == before


def test_a_file_changed_since_the_plan_is_skipped_not_overwritten(tmp_path):
    root = _blog(
        tmp_path,
        {"_posts/2025-01-01-a.md": "tags: [ＡＩ]\n", "_posts/2025-01-02-b.md": "tags: [ＡＩ]\n"},
    )
    plan = taxonomy.plan_rename(root, "tags", "ＡＩ", "AI")
    theirs = root / "_posts/2025-01-02-b.md"
    theirs.write_bytes(theirs.read_bytes() + "追記\n".encode())
    edited = theirs.read_bytes()
    applied = taxonomy.apply_rename(root, plan, leave=[root / "_posts/2025-01-01-a.md"])
    assert applied.written == []
    assert sorted((s.path.name, s.code) for s in applied.skipped) == [
        ("2025-01-01-a.md", "open-unsaved"),
        ("2025-01-02-b.md", "changed-since"),
    ]
    assert theirs.read_bytes() == edited
    assert "changed since" in applied.skipped[1].message()
    assert "保存していない変更" in applied.skipped[0].message("ja")


def test_undo_skips_a_file_edited_after_the_rename(tmp_path):
    root = _blog(tmp_path, {"_posts/2025-01-01-a.md": "tags: [ＡＩ]\n"})
    applied = taxonomy.apply_rename(root, taxonomy.plan_rename(root, "tags", "ＡＩ", "AI"))
    post = root / "_posts/2025-01-01-a.md"
    post.write_bytes(post.read_bytes() + "追記\n".encode())
    edited = post.read_bytes()
    undone = taxonomy.undo_rename(root, applied)
    assert undone.written == [] and [s.code for s in undone.skipped] == ["changed-since"]
    assert post.read_bytes() == edited


def test_changed_line_is_the_line_that_differs(tmp_path):
    root = _blog(tmp_path, {"_posts/2025-01-01-a.md": "tags: [ＡＩ, 投資]\nlayout: post\n"})
    (change,) = taxonomy.plan_rename(root, "tags", "ＡＩ", "AI").changes
    assert taxonomy.changed_line(change) == ("tags: [ＡＩ, 投資]", "tags: [AI, 投資]")


def test_a_cancelled_rename_puts_back_what_it_wrote(tmp_path):
    root = _blog(tmp_path, {f"_posts/2025-01-0{n}-p.md": "tags: [ＡＩ]\n" for n in range(1, 5)})
    before = _snapshot(root)
    plan = taxonomy.plan_rename(root, "tags", "ＡＩ", "AI")
    steps = []

    def on_step(done, total, label):
        steps.append(done)
        if done == 2:
            progress.cancel()  # two files are written by now

    progress = Progress(on_step)
    with pytest.raises(Cancelled):
        taxonomy.apply_rename(root, plan, progress)
    assert steps == [0, 1, 2]
    assert _snapshot(root) == before


def test_listing_a_rename_reports_progress_and_stops_when_cancelled(tmp_path):
    root = _blog(tmp_path, {f"_posts/2025-01-01-p{n}.md": "tags: [ＡＩ]\n" for n in range(250)})
    steps = []
    listed = taxonomy.plan_rename(
        root,
        "tags",
        "ＡＩ",
        "AI",
        progress=Progress(lambda done, total, _label: steps.append(done)),
    )
    assert len(listed.changes) == 250
    assert steps == [0, 100, 200]
    cancelled = Progress()
    cancelled.cancel()
    with pytest.raises(Cancelled):
        taxonomy.plan_rename(root, "tags", "ＡＩ", "AI", progress=cancelled)


def test_a_file_that_cannot_be_written_is_skipped_in_the_writers_language(tmp_path):
    from editor.core.blog.taxonomy import Skipped
    from editor.core.files.reading import StorageError

    refused = StorageError.worded("read_only_file", "read_only_file", path=tmp_path / "a.md")
    skipped = Skipped(tmp_path / "a.md", "not-written", {"error": refused})
    assert refused.message_in("ja") in skipped.message("ja")
    assert refused.message_in("en") in skipped.message("en")
    assert refused.message_in("en") not in skipped.message("ja")
