"""Search across posts on a generated blog: cold index time, then the median and 95th
percentile of 2-, 3- and 6-character Japanese queries (the first 100 lines, as a results list
shows them).

Posts are shaped like the corpus: Japanese prose of 8-30 KB with headings, lists and front
matter.  N posts, 2000 by default to keep ``make bench`` short; ``TSUZURI_BENCH_POSTS=10000``
for the issue's scale.  Run: ``python benchmarks/bench_search.py``.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

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

_WORDS = (
    "市場 需要 供給 金利 為替 株価 決算 成長 企業 政府 予算 計画 価格 指数 手数料 資産 "
    "配当 利回り 物価 景気 電力 工場 設備 人材 研究 開発 輸出 輸入 在庫 販売 利益"
).split()
_RARE = ("投資", "半導体", "データセンター", "ＡＩ", "ｶﾞｲﾄﾞ")
_TAILS = ("が伸びている。", "を見直す必要がある。", "は長期で考えたい。", "の動きに注目する。")


def _sentence(rng: random.Random) -> str:
    words = rng.choices(_WORDS, k=rng.randint(3, 6))
    if rng.random() < 0.04:
        words.insert(rng.randrange(len(words)), rng.choice(_RARE))
    return "の".join(words) + rng.choice(_TAILS)


def _post(rng: random.Random, n: int) -> str:
    size = rng.randint(8_000, 30_000)
    parts = [f'---\ntitle: "{rng.choice(_WORDS)}と{rng.choice(_WORDS)}の話 {n}"\n---\n\n']
    total = 0
    while total < size:
        if rng.random() < 0.1:
            block = f"## {rng.choice(_WORDS)}について\n\n"
        elif rng.random() < 0.1:
            block = "".join(f"- {_sentence(rng)}\n" for _ in range(3)) + "\n"
        else:
            block = "".join(_sentence(rng) for _ in range(rng.randint(2, 5))) + "\n\n"
        parts.append(block)
        total += len(block.encode("utf-8"))
    return "".join(parts)


def make_blog(root: Path, count: int) -> None:
    """``count`` posts over the years before 2026, deterministic."""
    rng = random.Random(17)
    posts = root / "_posts"
    posts.mkdir(parents=True)
    (root / "_config.yml").write_text("title: 検索ベンチ\ntimezone: Asia/Tokyo\n", "utf-8")
    for n in range(count):
        day = 1 + n % 28
        month = 1 + (n // 28) % 12
        year = 2025 - n // (28 * 12)
        name = f"{year:04d}-{month:02d}-{day:02d}-post-{n}.md"
        (posts / name).write_text(_post(rng, n), "utf-8")


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
