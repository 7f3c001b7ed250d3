"""The incremental render: one render after a one-character edit, at 10 KB, 30 KB, 100 KB, 1 MB.

Each size types one character at 60 places spread through the post (one edit after the other,
as a writer moving through it would) and times ``IncrementalRenderer.render`` after each: median
and 90th percentile, the share of edits that rendered the whole post again and why, and the
full render of the same post beside it.  Run ``python benchmarks/bench_incremental.py``, or
``python benchmarks/run.py incremental``.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from editor.core.render import RenderContext, render_body  # noqa: E402
from editor.core.render.incremental import IncrementalRenderer  # noqa: E402

SIZES = (("10 KB", 10_000), ("30 KB", 30_000), ("100 KB", 100_000), ("1 MB", 1_000_000))
EDITS = 60
# Typing in an ordinary paragraph should stay well under a frame at any size.
TARGET_MS = {"10 KB": 5, "30 KB": 5, "100 KB": 10, "1 MB": 30}


def document(size: int) -> str:
    """The shared benchmark post of about ``size`` bytes (the generated one until it lands)."""
    try:
        from benchmarks.documents import document as shared
    except ImportError:
        from benchmarks.bench_render import make_post

        return make_post(size)
    return shared(size)


def _places(text: str, count: int) -> list[int]:
    """``count`` places spread through the text, each at the end of a line of prose."""
    places = []
    for n in range(count):
        at = text.find("。\n", len(text) * n // count)
        if at < 0:
            at = text.find("\n", len(text) * n // count)
        places.append(max(at, 0))
    return places


def measure(text: str, edits: int = EDITS, typed: str = "あ") -> dict:
    """Times (seconds) of the renders after each edit, and the full renders' reasons."""
    context = RenderContext(site={"title": "テストブログ"})
    renderer = IncrementalRenderer()
    renderer.render(text, context)
    times, with_html, reasons, rendered = [], [], Counter(), []
    for place in reversed(_places(text, edits)):  # from the end: earlier places stay put
        text = text[:place] + typed + text[place:]
        start = time.perf_counter()
        made = renderer.render(text, context)
        times.append(time.perf_counter() - start)
        len(made.result.html)  # the body's HTML is joined when first asked for
        with_html.append(time.perf_counter() - start)
        rendered.append(made.stats.get("rendered_blocks", 0))
        if made.full:
            reasons[made.reason] += 1
    start = time.perf_counter()
    render_body(text, context)
    full = time.perf_counter() - start
    return {
        "times": times,
        "with_html": with_html,
        "reasons": reasons,
        "full": full,
        "rendered": rendered,
    }


def run() -> list[dict]:
    """One row per size, and one for Enter (every block below moves a line) at 1 MB."""
    rows = []
    for name, size, typed in (*((n, s, "あ") for n, s in SIZES), ("1 MB", 1_000_000, "\n")):
        text = document(size)
        measured = measure(text, typed=typed)
        times = sorted(measured["times"])
        median = statistics.median(times) * 1000
        p90 = times[int(len(times) * 0.9) - 1] * 1000
        fell_back = sum(measured["reasons"].values())
        rows.append(
            {
                "name": f"incremental render after {'Enter' if typed == chr(10) else 'a keystroke'}"
                f", {name}",
                "bytes": len(text.encode("utf-8")),
                "median_ms": round(median, 2),
                "p90_ms": round(p90, 2),
                "median_with_html_ms": round(statistics.median(measured["with_html"]) * 1000, 2),
                "target_ms": TARGET_MS[name],
                "edits": len(times),
                "full_share": round(fell_back / len(times), 3),
                "full_reasons": dict(measured["reasons"]),
                "median_blocks_rendered": statistics.median(measured["rendered"]),
                "full_render_ms": round(measured["full"] * 1000, 1),
            }
        )
    return rows


def main() -> None:
    """Print the table."""
    print(
        f"{'edit, size':<16} {'bytes':>9} {'median ms':>10} {'p90 ms':>8} {'full share':>10} "
        f"{'+ html ms':>9} {'full render ms':>15}  reasons"
    )
    for row in run():
        name = row["name"].split("after ")[1]
        print(
            f"{name:<16} {row['bytes']:>9} {row['median_ms']:>10.2f} {row['p90_ms']:>8.2f} "
            f"{row['full_share']:>10.1%} {row['median_with_html_ms']:>9.2f} "
            f"{row['full_render_ms']:>15.1f}  {row['full_reasons']}"
        )


if __name__ == "__main__":
    main()
