"""Find and replace on a 1 MB Japanese post: median of several runs of each search.

The find bar counts again after every edit (debounced), so one search of the whole post must
fit well inside a keystroke's pause.  Run: ``python benchmarks/bench_find.py``.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_render import make_post  # noqa: E402

from editor.core.text.edits import apply_edits  # noqa: E402
from editor.core.text.search import SearchOptions, find_all, plan_replace_all  # noqa: E402

SIZE = 1_000_000
RUNS = 5
TARGET_MS = 150.0
# Full-width letters and digits, half-width katakana with voiced marks on every line: the
# slowest case for width folding.
_WIDE = "ＡＩチップの市場はAIと共に伸びた（２０２５年）。ｶﾞｲﾄﾞも読む。\n"


def _median_ms(action) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def run() -> list[dict]:
    post = make_post(SIZE)
    wide = (_WIDE * (SIZE // len(_WIDE.encode("utf-8")) + 1))[: len(post)]
    cases = [
        ("plain 見出し", post, "見出し", SearchOptions()),
        ("ignore case EXAMPLE", post, "EXAMPLE", SearchOptions()),
        ("regex \\d+", post, r"\d+", SearchOptions(regex=True)),
        ("whole word 項目", post, "項目", SearchOptions(whole_word=True)),
        ("width 項目 (post)", post, "項目", SearchOptions(width_insensitive=True)),
        ("width AI (full-width text)", wide, "AI", SearchOptions(width_insensitive=True)),
    ]
    rows = []
    for name, text, query, options in cases:
        count = len(find_all(text, query, options).spans)
        ms = _median_ms(lambda t=text, q=query, o=options: find_all(t, q, o))
        rows.append({"name": f"find {name} 1 MB", "median_ms": ms, "target_ms": TARGET_MS})
        rows[-1]["matches"] = count
    ms = _median_ms(
        lambda: apply_edits(
            wide,
            plan_replace_all(wide, "AI", "人工知能", SearchOptions(width_insensitive=True)).edits,
        )
    )
    rows.append({"name": "replace all width AI 1 MB", "median_ms": ms, "target_ms": 2 * TARGET_MS})
    return rows


if __name__ == "__main__":
    for row in run():
        print(f"{row['name']:<40} {row['median_ms']:>8.1f} ms (target {row['target_ms']:.0f})")
