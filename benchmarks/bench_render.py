"""Render speed: median time of render_body on generated 30 KB and 1 MB Japanese posts.

Run ``python benchmarks/bench_render.py``; prints a table and writes build/bench_render.json.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from editor.core.render import RenderContext, render_body  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks"))
from documents import sections  # noqa: E402


def make_post(size: int) -> str:
    """A Japanese post body of about ``size`` bytes of UTF-8 that uses most constructs (generated
    sections alone; ``documents.document`` is the corpus-based post of the issue's benchmark)."""
    return sections(size)


def _median_seconds(text: str, repeats: int) -> float:
    context = RenderContext(site={"title": "テストブログ"})
    render_body(text, context)  # warm caches (lexers, regexes)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        render_body(text, context)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run() -> list[dict]:
    """Measure; returns one row per post size (name, bytes, median_ms, repeats)."""
    rows = []
    for name, size, repeats in (("30 KB post", 30_000, 15), ("1 MB post", 1_000_000, 3)):
        text = make_post(size)
        seconds = _median_seconds(text, repeats)
        rows.append(
            {
                "benchmark": f"render {name}",
                "bytes": len(text.encode("utf-8")),
                "median_ms": round(seconds * 1000, 1),
                "repeats": repeats,
            }
        )
    # One paragraph of 8,000 short lines: the definition-list look-ahead once made this 49 s.
    text = "大きな投稿の段落。\n" * 8000
    rows.append(
        {
            "benchmark": "render 8,000-line paragraph",
            "bytes": len(text.encode("utf-8")),
            "median_ms": round(_median_seconds(text, 3) * 1000, 1),
            "repeats": 3,
        }
    )
    return rows


def main() -> None:
    """Print the table and write build/bench_render.json."""
    rows = run()
    print(f"{'benchmark':<22} {'bytes':>10} {'median ms':>10} {'repeats':>8}")
    for row in rows:
        print(
            f"{row['benchmark']:<22} {row['bytes']:>10} {row['median_ms']:>10} {row['repeats']:>8}"
        )
    out = ROOT / "build" / "bench_render.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(rows, indent=1), "utf-8")


if __name__ == "__main__":
    main()
