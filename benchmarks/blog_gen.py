"""A generated Jekyll blog shaped like ours, for the benchmarks at the issue's scale.

Posts are Japanese prose of 8-30 KB with headings, lists and the blog's front matter (layout,
title, date with zone, categories and tags as lists of Japanese values, author, excerpt,
reading_time).  About 2 % are drafts, 1 % say ``published: false`` and a few are dated after
``2026-12-31``.  Deterministic for a seed: the same call makes the same bytes.

``planted`` maps a post number to a phrase put in the middle of that post's body, so a search
can be checked to find it.
"""

from __future__ import annotations

import random
from pathlib import Path

WORDS = (
    "市場 需要 供給 金利 為替 株価 決算 成長 企業 政府 予算 計画 価格 指数 手数料 資産 "
    "配当 利回り 物価 景気 電力 工場 設備 人材 研究 開発 輸出 輸入 在庫 販売 利益"
).split()
RARE = ("投資", "半導体", "データセンター", "ＡＩ", "ｶﾞｲﾄﾞ")
TAILS = ("が伸びている。", "を見直す必要がある。", "は長期で考えたい。", "の動きに注目する。")
CATEGORIES = ("投資", "テクノロジー", "経済", "半導体", "日記", "書評")
TAGS = (
    "半導体 半導体株 AI 生成AI データセンター 米国株 日本株 ETF 配当 NISA 円安 金利 "
    "決算 GPU クラウド 電力 原発 為替 インフレ 不動産 Python 機械学習 セキュリティ"
).split()
AUTHORS = ("編集部", "山田", "佐藤", "鈴木")


def sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(3, 6))
    if rng.random() < 0.04:
        words.insert(rng.randrange(len(words)), rng.choice(RARE))
    return "の".join(words) + rng.choice(TAILS)


def body(rng: random.Random, size: int, planted: str | None = None) -> str:
    parts: list[str] = []
    total = 0
    while total < size:
        if planted is not None and total >= size // 2:
            parts.append(f"{sentence(rng)}{planted}{sentence(rng)}\n\n")
            planted = None
        roll = rng.random()
        if roll < 0.1:
            block = f"## {rng.choice(WORDS)}について\n\n"
        elif roll < 0.2:
            block = "".join(f"- {sentence(rng)}\n" for _ in range(3)) + "\n"
        else:
            block = "".join(sentence(rng) for _ in range(rng.randint(2, 5))) + "\n\n"
        parts.append(block)
        total += len(block.encode("utf-8"))
    return "".join(parts)


def front_matter(rng: random.Random, n: int, date: str) -> str:
    title = f"{rng.choice(WORDS)}と{rng.choice(WORDS)}の話 その{n}"
    categories = rng.sample(CATEGORIES, rng.randint(1, 2))
    tags = rng.sample(TAGS, rng.randint(1, 5))
    lines = [
        "layout: post",
        f'title: "{title}"',
        f"date: {date} +0900",
        "categories: [" + ", ".join(categories) + "]",
        "tags: [" + ", ".join(tags) + "]",
        f"author: {rng.choice(AUTHORS)}",
        f'excerpt: "{sentence(rng)}"',
        f"reading_time: {rng.randint(3, 30)}",
    ]
    if rng.random() < 0.01:
        lines.append("published: false")
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def make_blog(root: Path, count: int, seed: int = 17, planted: dict[int, str] | None = None):
    """``count`` posts (drafts among them) under ``root``; returns the post files by number."""
    rng = random.Random(seed)
    planted = planted or {}
    (root / "_posts").mkdir(parents=True)
    (root / "_drafts").mkdir()
    (root / "_config.yml").write_text(
        "title: ベンチマークのブログ\ntimezone: Asia/Tokyo\nlang: ja\n", "utf-8"
    )
    files: list[Path] = []
    for n in range(count):
        day = 1 + n % 28
        month = 1 + (n // 28) % 12
        year = 2026 - n // (28 * 12)
        if n % 500 == 7:
            year = 2027  # future-dated
        slug = f"post-{n}"
        date = f"{year:04d}-{month:02d}-{day:02d} {8 + n % 12:02d}:{n % 60:02d}:00"
        text = front_matter(rng, n, date) + body(rng, rng.randint(8_000, 30_000), planted.get(n))
        if n % 50 == 3:
            path = root / "_drafts" / f"{slug}.md"
        else:
            path = root / "_posts" / f"{year:04d}-{month:02d}-{day:02d}-{slug}.md"
        path.write_text(text, "utf-8")
        files.append(path)
    return files
