"""Speed of the post doctor on a 100 KB post: median of several runs, target under 200 ms.

Prints a table and writes build/bench_doctor.json.  Run: ``python benchmarks/bench_doctor.py``.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from editor.core.doctor import diagnose, fix_all_safe  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
TARGET_MS = 200.0
SIZE = 100 * 1024
RUNS = 7

_WORDS = "記事 静的 サイト 生成 画像 文章 読者 公開 設定 確認 構成 見出し 段落 時間 方法".split()
_TAILS = ["です。", "ます。", "でした。", "と考えています。", "かもしれません。"]


def _synthetic(size: int, seed: int = 1) -> str:
    """Distinct Japanese-like sentences in paragraphs, about ``size`` bytes of UTF-8."""
    rng = random.Random(seed)
    parts, total = ["---\ntitle: 合成\nreading_time: 3\n---\n\n"], 0
    while total < size:
        sentences = [
            "、".join("".join(rng.choices(_WORDS, k=3)) for _ in range(rng.randint(1, 4)))
            + rng.choice(_TAILS)
            for _ in range(rng.randint(2, 6))
        ]
        paragraph = "".join(sentences) + "\n\n"
        if rng.random() < 0.1:
            paragraph = f"## {rng.choice(_WORDS)}{rng.randint(1, 999)}\n\n" + paragraph
        parts.append(paragraph)
        total += len(paragraph.encode("utf-8"))
    return "".join(parts)


def _from_corpus(kind: str, size: int) -> str | None:
    """Japanese posts of the corpus joined until ``size`` bytes (None without the corpus)."""
    files = sorted((CORPUS / kind).glob("*.md")) if (CORPUS / kind).is_dir() else []
    bodies = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        if any("\u3040" <= c <= "\u30ff" for c in text[:2000]):
            bodies.append(text.split("\n---\n", 1)[-1])
    if not bodies:
        return None
    out, i = ["---\ntitle: 連結\nreading_time: 5\n---\n\n"], 0
    while sum(len(p.encode("utf-8")) for p in out) < size:
        out.append(bodies[i % len(bodies)] + "\n\n")
        i += 1
    return "".join(out)


def _time(func, text: str) -> list[float]:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        func(text)
        times.append((time.perf_counter() - start) * 1000)
    return times


def run() -> list[dict]:
    """Time diagnose (and fix_all_safe on the messy post) on ~100 KB inputs."""
    cases = {"synthetic Japanese": _synthetic(SIZE)}
    raw = CORPUS / "raw" / "2025-10-25-mai-image-1.md"
    if raw.is_file():
        text = raw.read_text(encoding="utf-8")
        head, body = text.split("\n---\n", 1)
        cases["raw post x3.4 (markers, repeats)"] = (
            head + "\n---\n" + body * (SIZE // len(body.encode("utf-8")) + 1)
        )
    real = _from_corpus("real", SIZE)
    if real:
        cases["real Japanese posts joined"] = real
    rows = []
    for name, text in cases.items():
        times = _time(diagnose, text)
        rows.append(_row(f"diagnose: {name}", text, times))
    if raw.is_file():
        times = _time(fix_all_safe, raw.read_text(encoding="utf-8"))
        rows.append(_row("fix_all_safe: raw post", raw.read_text(encoding="utf-8"), times))
    return rows


def _row(name: str, text: str, times: list[float]) -> dict:
    median = statistics.median(times)
    return {
        "name": name,
        "size_kb": round(len(text.encode("utf-8")) / 1024, 1),
        "median_ms": round(median, 1),
        "min_ms": round(min(times), 1),
        "runs": len(times),
        "target_ms": TARGET_MS,
        "ok": median < TARGET_MS,
    }


def main() -> int:
    """Print the table and write build/bench_doctor.json."""
    rows = run()
    print(f"{'case':<48} {'KB':>7} {'median ms':>10} {'min ms':>8}  ok")
    for r in rows:
        ok = "yes" if r["ok"] else "NO"
        print(f"{r['name']:<48} {r['size_kb']:>7} {r['median_ms']:>10} {r['min_ms']:>8}  {ok}")
    out = ROOT / "build" / "bench_doctor.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
