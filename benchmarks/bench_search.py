"""Search across posts on a generated blog: cold index time, then the median and 95th
percentile of 2-, 3- and 6-character Japanese queries (the first 100 lines, as a results list
shows them).

Posts are shaped like the corpus: Japanese prose of 8-30 KB with headings, lists and front
matter.  N posts, 2000 by default to keep ``make bench`` short; ``TSUZURI_BENCH_POSTS=10000``
for the issue's scale.  Run: ``python benchmarks/bench_search.py``.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.blog_gen import make_blog  # noqa: E402
from editor.core.blog.search import SearchIndex  # noqa: E402

POSTS = int(os.environ.get("TSUZURI_BENCH_POSTS", "2000"))
# The last one is in no post: the scan of a short query reads every post's text once.
QUERIES = {
    "2 chars": "投資",
    "3 chars": "半導体",
    "6 chars": "データセンター",
    "2 chars, no post has it": "皆無",
}
LIMIT = 100
RUNS = 20
COLD_TARGET_MS = 10_000.0 * POSTS / 10_000  # the 10 s for 10,000 posts, scaled
QUERY_TARGET_MS = 100.0


def run() -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "blog"
        make_blog(root, POSTS)
        path = Path(tmp) / "cache" / "index.sqlite"
        start = time.perf_counter()
        with SearchIndex(root, path) as index:
            index.update()
        cold_ms = (time.perf_counter() - start) * 1000
        rows = [
            {
                "name": f"search cold index {POSTS} posts",
                "median_ms": cold_ms,
                "target_ms": COLD_TARGET_MS,
                "index_mb": round(path.stat().st_size / 1e6, 1),
            }
        ]
        with SearchIndex(root, path) as index:
            start = time.perf_counter()
            index.update()
            rows.append(
                {
                    "name": f"search warm update {POSTS} posts (nothing changed)",
                    "median_ms": (time.perf_counter() - start) * 1000,
                }
            )
            for label, query in QUERIES.items():
                hits = index.search(query, LIMIT)
                times = []
                for _ in range(RUNS):
                    start = time.perf_counter()
                    index.search(query, LIMIT)
                    times.append((time.perf_counter() - start) * 1000)
                times.sort()
                rows.append(
                    {
                        "name": f"search {label} {query} ({POSTS} posts, first {LIMIT})",
                        "median_ms": statistics.median(times),
                        "p95_ms": times[int(0.95 * (len(times) - 1))],
                        "target_ms": QUERY_TARGET_MS,
                        "hits": len(hits),
                    }
                )
    return rows


if __name__ == "__main__":
    for row in run():
        print(row)
