"""The blog-scale benchmarks still run (on a tiny blog: the figures are make bench's business)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUITES = ("search", "browser", "taxonomy", "git", "images", "overlap")


def test_the_blog_benchmarks_run_to_the_end_on_a_small_blog(tmp_path):
    env = dict(os.environ, TSUZURI_BENCH_POSTS="30", QT_QPA_PLATFORM="offscreen")
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    done = subprocess.run(
        [sys.executable, "benchmarks/run.py", *SUITES],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert "Traceback" not in done.stderr, done.stderr[-2000:]
    table = done.stdout.splitlines()
    for suite in SUITES:
        assert any(line.startswith(suite) for line in table), f"{suite} printed no row"
    assert table[-1] == "wrote build/benchmarks.json"
