"""Full renders of the benchmark's documents by Tsuzuri and by its peers, in the same run.

Tsuzuri's ``render_body`` (a full render, what every keystroke cost before the incremental
preview) runs here; markdown-it-py, Python-Markdown as ReText converts (through markups),
mistune 3, cmark-gfm and ReText's whole preview update run in the benchmark's own environment
(build/bench-venv, made by ``make bench`` with tools/bench_venv.sh) as a subprocess:
benchmarks/peers/timing.py says exactly what each one times.  Each peer row names the
keystroke → preview row of its size (``ratio_to``); run.py puts the ratio beside it.

Without build/bench-venv (or ``TSUZURI_BENCH_VENV``) the peers are one row saying so
(``make bench`` makes it).
``TSUZURI_BENCH_SIZES=10 KB,30 KB`` limits the sizes (documents.measured_sizes).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "benchmarks"
VENV = Path(os.environ.get("TSUZURI_BENCH_VENV", ROOT / "build" / "bench-venv"))
VENV_PYTHON = VENV / "bin" / "python"
REPEATS = {"10 KB": 20, "30 KB": 15, "100 KB": 7, "1 MB": 3}


def preview_row(size_name: str) -> str:
    """The name of the keystroke → preview row a peer's ratio is taken to."""
    return f"keystroke → preview, {size_name}"


def _row(name: str, times: list[float], **extra) -> dict:
    return {
        "name": name,
        "median_ms": round(statistics.median(times), 2),
        "min_ms": round(min(times), 2),
        "runs": len(times),
        **extra,
    }


def _tsuzuri(measured: dict[str, int]) -> list[dict]:
    from documents import document

    from editor.core.render import RenderContext, render_body

    context = RenderContext(site={"title": "計測"})
    rows = []
    for name, size in measured.items():
        text = document(size)
        render_body(text, context)
        times = []
        for _ in range(REPEATS[name]):
            start = time.perf_counter()
            render_body(text, context)
            times.append((time.perf_counter() - start) * 1000)
        rows.append(_row(f"Tsuzuri render_body (full), {name}", times, ratio_to=preview_row(name)))
    return rows


def _peers(measured: dict[str, int]) -> list[dict]:
    if not VENV_PYTHON.exists():
        return [
            {
                "name": "peers: not installed (make bench makes build/bench-venv)",
                "median_ms": None,
                "ok": True,
            }
        ]
    request = {"sizes": measured, "repeats": {name: REPEATS[name] for name in measured}}
    done = subprocess.run(
        [str(VENV_PYTHON), str(HERE / "peers" / "timing.py")],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        timeout=1200,
        cwd=ROOT,
    )
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return [{"name": f"peers: failed ({last})", "median_ms": None, "ok": False}]
    measured_times = json.loads(done.stdout)
    versions = measured_times["versions"]
    rows = []
    for peer, by_size in measured_times["times"].items():
        for name, times in by_size.items():
            rows.append(_row(f"{peer}, {name}", times, ratio_to=preview_row(name), peer=True))
    listed = ", ".join(f"{name} {version}" for name, version in versions.items())
    rows.append({"name": f"peers: {listed}", "median_ms": None, "versions": versions})
    return rows


def run() -> list[dict]:
    """Tsuzuri's full render and every peer's on each document size."""
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(HERE))
    from documents import measured_sizes

    measured = measured_sizes()
    return _tsuzuri(measured) + _peers(measured)


if __name__ == "__main__":
    for row in run():
        print(row)
