"""Tags and categories of a generated 10,000-post blog: the scan once, then completion queries.

Completion runs on every keystroke in the tags field, so one query must fit well inside a frame
(16 ms).  The posts are short (the scan reads front matter; their bodies do not matter here).
Run: ``python benchmarks/bench_taxonomy.py``.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_find import _median_ms  # noqa: E402
from blog_gen import make_blog as make_shaped_blog  # noqa: E402

from editor.core.blog import taxonomy  # noqa: E402

POSTS = 10_000
# The scan of a blog shaped like ours (posts of 8-30 KB): 2000 by default to keep ``make bench``
# short; ``TSUZURI_BENCH_POSTS=10000`` for the figure of the issue.
SHAPED_POSTS = int(os.environ.get("TSUZURI_BENCH_POSTS", "2000"))
TARGET_MS = 16.0
_STEMS = [
    "半導体",
    "投資",
    "カブ",
    "かぶ",
    "AI",
    "ＡＩ",
    "データ",
    "市場",
    "Jekyll",
    "株価",
    "決算",
]
_SUFFIXES = ["", "株", "関連", "入門", "ニュース", "分析", "戦略", "2025", "メモ", "比較"]


def make_blog(folder: Path, posts: int = POSTS, seed: int = 17) -> Path:
    """A blog of ``posts`` posts, each with 3-5 tags from a vocabulary of 3,300 (two drawn
    from a long-tailed distribution, three evenly) and one of five categories."""
    rng = random.Random(seed)
    vocabulary = [
        f"{stem}{suffix}{n or ''}" for stem in _STEMS for suffix in _SUFFIXES for n in range(30)
    ]
    categories = ["技術動向", "投資分析", "Guides", "日記", "ニュース"]
    (folder / "_posts").mkdir(parents=True)
    (folder / "_config.yml").write_text("title: bench\n", encoding="utf-8")
    for index in range(posts):
        day = 1 + index % 28
        popular = [vocabulary[int(rng.paretovariate(1.2)) % len(vocabulary)] for _ in range(2)]
        tags = sorted({*popular, *rng.sample(vocabulary, 3)})
        body = "本文の段落です。半導体と投資について書いています。\n" * 20
        text = (
            f"---\ntitle: 記事{index}\ndate: 2025-01-{day:02d}\n"
            f"categories: [{rng.choice(categories)}]\ntags: [{', '.join(tags)}]\n---\n\n{body}"
        )
        (folder / "_posts" / f"2025-01-{day:02d}-post-{index}.md").write_text(text, "utf-8")
    return folder


def run() -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        root = make_blog(Path(tmp) / "blog")
        start = time.perf_counter()
        posts = taxonomy.scan_posts(root)
        scan_ms = (time.perf_counter() - start) * 1000
        found = taxonomy.Taxonomy.from_posts(posts.values())
        # After a save the window counts again from the posts already read (no file read).
        recount_ms = _median_ms(lambda: taxonomy.Taxonomy.from_posts(posts.values()))
        start = time.perf_counter()
        plan = taxonomy.plan_rename(root, "tags", "半導体株", "半導体")
        plan_ms = (time.perf_counter() - start) * 1000
        start = time.perf_counter()
        applied = taxonomy.apply_rename(root, plan)
        apply_ms = (time.perf_counter() - start) * 1000
        start = time.perf_counter()
        taxonomy.undo_rename(root, applied)
        undo_ms = (time.perf_counter() - start) * 1000
    tags = found.tags
    rows = [
        {"name": f"taxonomy scan {POSTS} posts", "median_ms": scan_ms, "tags": len(tags)},
        {"name": f"plan rename 半導体株 ({len(plan.changes)} posts)", "median_ms": plan_ms},
        {"name": f"apply the rename ({len(applied.written)} files)", "median_ms": apply_ms},
        {"name": "undo the rename", "median_ms": undo_ms},
        {"name": f"recount after a save ({POSTS} posts read)", "median_ms": recount_ms},
    ]
    for query in ("", "半", "ａｉ", "かぶ", "データ分析1"):
        ms = _median_ms(lambda q=query: tags.complete(q))
        matches = len(tags.complete(query, limit=10**6))
        rows.append(
            {
                "name": f"complete {query or '(empty)'} of {len(tags)} tags ({matches} match)",
                "median_ms": ms,
                "target_ms": TARGET_MS,
                "matches": matches,
            }
        )
    ms = _median_ms(lambda: tags.near_variant("ＡＩ株"))
    rows.append({"name": "near variant ＡＩ株", "median_ms": ms, "target_ms": TARGET_MS})
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "shaped"
        make_shaped_blog(root, SHAPED_POSTS)
        start = time.perf_counter()
        shaped = taxonomy.scan(root)
        ms = (time.perf_counter() - start) * 1000
    rows.append(
        {
            "name": f"taxonomy scan of {SHAPED_POSTS} posts of 8-30 KB (a worker at blog open)",
            "median_ms": ms,
            "tags": len(shaped.tags),
        }
    )
    return rows


if __name__ == "__main__":
    for row in run():
        print(row)
