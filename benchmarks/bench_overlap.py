"""Paragraphs repeated across posts on a generated blog: cold fingerprints, the pair list, a
warm update and the doctor's lookup for one post.

The generated posts draw their sentences from a vocabulary of 32 words, so their paragraphs
share trigrams far more than real posts do: a good test of false positives.  Five paragraphs
are pasted into other posts (one word changed) and one post is copied whole with a word changed
in each paragraph: the row says how many of the five are found and how many pairs of posts are
listed (one is right).  N posts, 2000
by default to keep ``make bench`` short; ``TSUZURI_BENCH_POSTS=10000`` for the issue's scale.
Run: ``python benchmarks/bench_overlap.py``.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.blog_gen import make_blog  # noqa: E402
from editor.core.blog.overlap import OverlapStore, paragraphs  # noqa: E402
from editor.core.blog.posts import post_files  # noqa: E402

POSTS = int(os.environ.get("TSUZURI_BENCH_POSTS", "2000"))
PLANTED = 5
# Targets: the cold pass runs once per blog on a worker (the search index's 10 s for 10,000
# posts, scaled); a warm update and the pair list run when the writer asks; the lookup runs
# with the doctor after each pause in typing.
TARGETS = {"cold": 5.0 * POSTS, "warm update": 1000.0, "pairs": 10_000.0, "lookup": 50.0}


def _changed(piece: str) -> str:
    middle = len(piece) // 2
    return piece[:middle] + "新しい" + piece[middle + 3 :]


def _plant(root: Path) -> set[frozenset[Path]]:
    """Paste a paragraph of post k into post k + POSTS // 2, a word changed; and copy one post
    whole as a new post, a word changed in every paragraph (the one pair of posts to list)."""
    files = post_files(root)
    planted = set()
    for k in range(PLANTED):
        source, target = files[k * 7], files[(k * 7 + len(files) // 2) % len(files)]
        text = source.read_text("utf-8")
        chosen = paragraphs(text)[0]
        piece = _changed(text[chosen.start : chosen.end])
        target.write_text(target.read_text("utf-8") + f"\n{piece}\n", "utf-8")
        planted.add(frozenset((source, target)))
    text = files[3].read_text("utf-8")
    for p in reversed(paragraphs(text)):
        text = text[: p.start] + _changed(text[p.start : p.end]) + text[p.end :]
    (root / "_posts" / "2020-01-01-rewritten.md").write_text(text, "utf-8")
    return planted


def run() -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "blog"
        make_blog(root, POSTS)
        planted = _plant(root)
        path = Path(tmp) / "overlap.sqlite"
        rows = []
        with OverlapStore(root, path) as store:
            start = time.perf_counter()
            store.update()
            cold = (time.perf_counter() - start) * 1000
            count = store._db.execute("SELECT count(*) FROM paras").fetchone()[0]
            rows.append(
                {
                    "name": f"cold fingerprints, {POSTS} posts",
                    "median_ms": cold,
                    "target_ms": TARGETS["cold"],
                    "paragraphs": count,
                    "store_mb": round(path.stat().st_size / 1e6, 1),
                }
            )
            start = time.perf_counter()
            store.update()
            rows.append(
                {
                    "name": "warm update (nothing changed)",
                    "median_ms": (time.perf_counter() - start) * 1000,
                    "target_ms": TARGETS["warm update"],
                }
            )
            start = time.perf_counter()
            shared = store.shared_paragraphs()
            pairs = store.pairs()
            rows.append(
                {
                    "name": "shared paragraphs and pairs",
                    "median_ms": (time.perf_counter() - start) * 1000 / 2,
                    "target_ms": TARGETS["pairs"],
                    "shared": len(shared),
                    "planted_found": sum(
                        1 for pair in planted if any({x.path_a, x.path_b} == pair for x in shared)
                    ),
                    "planted": PLANTED,
                    "pairs": len(pairs),
                }
            )
            target = post_files(root)[len(post_files(root)) // 2]
            found = paragraphs(target.read_text("utf-8"))
            times = []
            for _ in range(20):
                start = time.perf_counter()
                with OverlapStore(root, path, readonly=True) as reader:
                    reader.lookup(found, target)
                times.append((time.perf_counter() - start) * 1000)
            rows.append(
                {
                    "name": f"doctor lookup, one post ({len(found)} paragraphs)",
                    "median_ms": sorted(times)[len(times) // 2],
                    "target_ms": TARGETS["lookup"],
                }
            )
        return rows


if __name__ == "__main__":
    for row in run():
        print(row)
