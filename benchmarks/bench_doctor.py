"""Speed of the post doctor: a check of a 100 KB and a 1 MB post, and "Fix all safe" on the raw
corpus post repeated 30 times.

Rows (median of several runs):

* ``doctor 100 KB`` and ``doctor 1 MB``: :func:`diagnose` on the benchmark's document of that
  size (``benchmarks/documents.py``, else ``bench_render.make_post``), targets 200 ms and 2 s;
  beside them the whole check the window's worker makes (findings and the plan of "Fix all
  safe"), and diagnose on the raw post repeated to the same size (markers, repeats).
* ``Fix all safe raw x30``: the worker working out the plan of the raw post with its body 30
  times and the change applied to the body (what the window waits for after a click).
* the earlier cases on ~100 KB inputs (synthetic Japanese, real posts joined).

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

from editor.core.doctor import DEFAULT_CONFIG, diagnose  # noqa: E402
from editor.core.doctor.worker import DoctorWorker  # noqa: E402
from editor.core.post.split import split_post  # noqa: E402
from editor.core.text.edits import apply_edits  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
RAW = CORPUS / "raw" / "2025-10-25-mai-image-1.md"
TARGET_MS = 200.0
TARGETS = {100_000: 200.0, 1_000_000: 2000.0}
SIZE = 100 * 1024
RUNS = 7
RUNS_1MB = 3
FIX_ALL_COPIES = 30


def document(size: int) -> str:
    """The benchmark's document of about ``size`` bytes, as a post with front matter."""
    try:
        from benchmarks.documents import document as shared
    except ImportError:
        from benchmarks.bench_render import make_post

        return "---\ntitle: 計測\nreading_time: 3\n---\n\n" + make_post(size)
    text = shared(size)
    return text if text.startswith("---") else "---\ntitle: 計測\n---\n\n" + text


def _raw_times(copies: int) -> str | None:
    if not RAW.is_file():
        return None
    text = RAW.read_text(encoding="utf-8")
    body = split_post(text).body
    return text[: len(text) - len(body)] + body * copies


def _raw_sized(size: int) -> str | None:
    raw = _raw_times(1)
    if raw is None:
        return None
    return _raw_times(max(1, round(size / len(raw.encode("utf-8")))))


def _check(text: str) -> None:
    """What the window's worker does for a text: findings, then the plan of Fix all safe."""
    worker = DoctorWorker()
    worker.open(0, text)
    worker.check([], DEFAULT_CONFIG, None, None)


def _fix_all(text: str) -> None:
    """The worker working out Fix all safe, and its change applied to the body."""
    worker = DoctorWorker()
    worker.open(0, text)
    fixed = worker.fix_all([], DEFAULT_CONFIG, None, None, ("post (before)", "post (after)"))
    apply_edits(split_post(text).body, fixed.change.body_edits)


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


def _time(func, text: str, runs: int = RUNS) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func(text)
        times.append((time.perf_counter() - start) * 1000)
    return times


def run() -> list[dict]:
    """Every row: the issue's three, then the earlier ~100 KB cases."""
    rows = []
    for size, target in TARGETS.items():
        label = "100 KB" if size < 1_000_000 else "1 MB"
        runs = RUNS if size < 1_000_000 else RUNS_1MB
        text = document(size)
        rows.append(_row(f"doctor {label}", text, _time(diagnose, text, runs), target))
        rows.append(_row(f"doctor check + plan {label}", text, _time(_check, text, runs), None))
        raw = _raw_sized(size)
        if raw is not None:
            rows.append(_row(f"doctor raw post {label}", raw, _time(diagnose, raw, runs), target))
    raw30 = _raw_times(FIX_ALL_COPIES)
    if raw30 is not None:
        rows.append(_row("Fix all safe raw x30", raw30, _time(_fix_all, raw30, RUNS_1MB), None))
    cases = {"synthetic Japanese": _synthetic(SIZE)}
    real = _from_corpus("real", SIZE)
    if real:
        cases["real Japanese posts joined"] = real
    for name, text in cases.items():
        rows.append(_row(f"diagnose: {name}", text, _time(diagnose, text, RUNS), TARGET_MS))
    return rows


def _row(name: str, text: str, times: list[float], target: float | None) -> dict:
    median = statistics.median(times)
    row = {
        "name": name,
        "size_kb": round(len(text.encode("utf-8")) / 1024, 1),
        "median_ms": round(median, 1),
        "min_ms": round(min(times), 1),
        "runs": len(times),
    }
    if target is not None:
        row["target_ms"] = target
    row["ok"] = target is None or median < target
    return row


def main() -> int:
    """Print the table and write build/bench_doctor.json."""
    rows = run()
    print(f"{'case':<48} {'KB':>7} {'median ms':>10} {'target':>7}  ok")
    for r in rows:
        ok = "yes" if r["ok"] else "NO"
        target = r.get("target_ms", "")
        print(f"{r['name']:<48} {r['size_kb']:>7} {r['median_ms']:>10} {target:>7}  {ok}")
    out = ROOT / "build" / "bench_doctor.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
