"""Search across posts on a generated blog: cold index time, then the median and 95th
percentile of 2-, 3- and 6-character Japanese queries (the first 100 lines, as a results list
shows them), and ``tsuzuri search`` finding phrases planted in the blog.

The blog comes from :func:`benchmarks.blog_gen.make_blog` (Japanese prose of 8-30 KB with the
blog's front matter, drafts, future posts), with 20 phrases planted in posts spread over it.
N posts, 2000 by default to keep ``make bench`` short; ``TSUZURI_BENCH_POSTS=10000`` for the
issue's scale.  Run: ``python benchmarks/bench_search.py``.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.blog_gen import make_blog  # noqa: E402
from editor.commands import search as search_command  # noqa: E402
from editor.core.blog.search import SearchIndex  # noqa: E402

POSTS = int(os.environ.get("TSUZURI_BENCH_POSTS", "2000"))
# The last one is in no post: it must end as fast as the others (no scan of the text).
QUERIES = {
    "2 chars": "投資",
    "3 chars": "半導体",
    "6 chars": "データセンター",
    "2 chars, no post has it": "皆無",
}
LIMIT = 100
RUNS = 40
COLD_TARGET_MS = 10_000.0 * POSTS / 10_000  # the 10 s for 10,000 posts, scaled
QUERY_TARGET_MS = 100.0
P95_TARGET_MS = 250.0
# Planted phrases: (what is written in the post, what the writer types to find it); a few are
# written in full-width or half-width forms and searched in the other.
PLANTED = [(f"綴り鳥の観測記録その{n}番", f"綴り鳥の観測記録その{n}番") for n in range(16)] + [
    ("ＡＩ綴り鳥の報告書", "AI綴り鳥の報告書"),
    ("ｶﾞｲﾄﾞ綴り鳥の手引き", "ガイド綴り鳥の手引き"),
    ("綴り鳥ＥＴＦの目論見書", "綴り鳥etfの目論見書"),
    ("季節外れの綴り鳥", "季節外れの綴り鳥"),
]


def _planted_posts(count: int) -> dict[int, str]:
    """Post numbers spread over the blog (newest, oldest and between) and their phrase."""
    step = max(1, count // len(PLANTED))
    return {min(count - 1, 1 + i * step): written for i, (written, _typed) in enumerate(PLANTED)}


def _command_finds(root: Path, typed: str, wanted: Path) -> tuple[bool, float]:
    """Run ``tsuzuri search TYPED --repo ROOT --json`` as the command line does; True when
    the post the phrase was planted in is among the hits."""
    import json

    args = argparse.Namespace(query=typed, repo=str(root), json=True, limit=None, lang="en")
    out = io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stdout(out):
        status = search_command.run(args)
    took = (time.perf_counter() - start) * 1000
    hits = json.loads(out.getvalue()) if status == 0 else []
    return any(Path(hit["path"]) == wanted for hit in hits), took


def run() -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "blog"
        planted = _planted_posts(POSTS)
        files = make_blog(root, POSTS, planted=planted)
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
                "posts_mb": round(sum(f.stat().st_size for f in files) / 1e6, 1),
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
                        "p95_target_ms": P95_TARGET_MS,
                        "hits": len(hits),
                    }
                )
        # The command line, with its own index in a cache folder of its own.
        cache = os.environ.get("XDG_CACHE_HOME")
        os.environ["XDG_CACHE_HOME"] = str(Path(tmp) / "xdg")
        try:
            found, times = 0, []
            for number, (_written, typed) in zip(planted, PLANTED, strict=True):
                hit, took = _command_finds(root, typed, files[number])
                found += hit
                times.append(took)
        finally:
            if cache is None:
                del os.environ["XDG_CACHE_HOME"]
            else:
                os.environ["XDG_CACHE_HOME"] = cache
        print(f"tsuzuri search found {found}/{len(PLANTED)} planted phrases in {POSTS} posts")
        rows.append(
            {
                "name": f"tsuzuri search planted phrases ({POSTS} posts, first run indexes)",
                "median_ms": statistics.median(times[1:]),
                "first_run_ms": times[0],
                "found": f"{found}/{len(PLANTED)}",
                "ok": found == len(PLANTED),
            }
        )
    return rows


if __name__ == "__main__":
    for row in run():
        print(row)
