"""The benchmarks still run, small (a tiny blog, the smallest post, a few edits, no peers
installed): the figures are make bench's business; the README's table is written in place."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SUITES = ("search", "browser", "taxonomy", "git", "images", "overlap")


def _bench(*names: str, tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", **env)
    environment["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    environment["TSUZURI_DATA_DIR"] = str(tmp_path / "data")
    return subprocess.run(
        [sys.executable, "benchmarks/run.py", *names],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_the_blog_benchmarks_run_to_the_end_on_a_small_blog(tmp_path):
    done = _bench(*SUITES, tmp_path=tmp_path, TSUZURI_BENCH_POSTS="30")
    assert "Traceback" not in done.stderr, done.stderr[-2000:]
    table = done.stdout.splitlines()
    for suite in SUITES:
        assert any(line.startswith(suite) for line in table), f"{suite} printed no row"
    assert table[-1] == "wrote build/benchmarks.json"


def test_issue_18_benchmark_prints_every_figure_on_the_smallest_post(tmp_path):
    """Keystroke → preview in the real window, the full renders, cold start and memory: each
    prints its row (two edits, one start: the figures are make bench's business)."""
    done = _bench(
        "preview",
        "peers",
        "startup",
        tmp_path=tmp_path,
        TSUZURI_BENCH_SIZES="10 KB",
        TSUZURI_BENCH_EDITS="2",
        TSUZURI_BENCH_STARTS="1",
        TSUZURI_BENCH_SETTLE_S="0",
        TSUZURI_BENCH_VENV=str(tmp_path / "no-venv"),  # make test installs no peer
    )
    assert "Traceback" not in done.stderr, done.stderr[-2000:]
    table = done.stdout.splitlines()
    names = [
        "keystroke → preview, 10 KB",
        "input method → preview, 10 KB",
        "Tsuzuri render_body (full), 10 KB",
        "peers: not installed",
        "cold start until the post is painted",
        "cold start until its preview is shown",
        "RSS, main process, 10 KB post open",
        "RSS, QtWebEngine processes, 10 KB post open",
    ]
    for name in names:
        assert any(name in line for line in table), f"no row {name!r} in:\n{done.stdout}"
    preview = next(line for line in table if "keystroke → preview, 10 KB" in line)
    assert " ms" in preview and "p90" in preview
    report = json.loads((ROOT / "build" / "benchmarks.json").read_text(encoding="utf-8"))
    assert report["machine"]["cores"] == os.cpu_count()
    rows = {row["name"]: row for row in report["rows"]}
    full = rows["Tsuzuri render_body (full), 10 KB"]
    assert full["ratio"] == round(
        full["median_ms"] / rows["keystroke → preview, 10 KB"]["median_ms"], 4
    )
    assert table[-1] == "wrote build/benchmarks.json"


def test_an_unknown_size_is_one_line_not_a_traceback(tmp_path):
    done = _bench("peers", tmp_path=tmp_path, TSUZURI_BENCH_SIZES="2 MB")
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == [
        "TSUZURI_BENCH_SIZES: unknown size '2 MB' (one of 10 KB, 30 KB, 100 KB, 1 MB)"
    ]


def test_the_benchmark_documents_are_japanese_posts_with_every_construct():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from documents import SIZES, corpus_bodies, document

    if not corpus_bodies():
        pytest.skip("the corpus (../shared/corpus) is not beside this checkout")
    for size in SIZES.values():
        text = document(size)
        assert size <= len(text.encode("utf-8")) <= size + 1000
        assert text == document.__wrapped__(size)  # the same text every time
        japanese = sum(1 for c in text if "\u3040" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff")
        assert japanese > len(text) / 4
        for construct in ("\n```", "\n| ", "[^", "{% highlight", "{{ site.title }}", "\n## "):
            assert construct in text, f"{construct!r} missing at {size} bytes"
    corpus_text = corpus_bodies()[0].strip()[:200]
    assert corpus_text in document(SIZES["1 MB"])


def test_no_post_of_the_benchmark_documents_swallows_the_posts_joined_after_it():
    """A corpus post whose raw HTML stays open would turn every post after it into one HTML
    block; documents.OPEN_TO_THE_END names those left out, and the renderer finds no other."""
    import re

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from documents import CORPUS, OPEN_TO_THE_END, body_of, corpus_bodies

    from editor.core.render import render_body

    if not corpus_bodies():
        pytest.skip("the corpus (../shared/corpus) is not beside this checkout")
    after = re.compile(r"<p[^>]*>zqafter</p>")
    for body in corpus_bodies():
        assert after.search(render_body(body + "\n\nzqafter\n").html), body[:80]
    for name in OPEN_TO_THE_END:
        body = body_of((CORPUS / "real" / name).read_text(encoding="utf-8"))
        assert not after.search(render_body(body + "\n\nzqafter\n").html), name


def test_the_readme_table_is_written_between_its_markers_and_nowhere_else(tmp_path):
    readme = tmp_path / "README.md"
    before, after = "# Title\n\nIntro.\n\n", "\n\n## Next\n\nMore.\n"
    readme.write_text(before + "<!-- bench:start -->\nold\n<!-- bench:end -->" + after)
    report = {
        "machine": {
            "date": "2026-11-30 18:00 UTC",
            "cpu": "Test CPU",
            "cores": 2,
            "load_at_start": 0.5,
            "python": "3.11.7",
            "pyside6": "6.9.0",
            "system": "Linux",
        },
        "rows": [
            {
                "suite": "preview",
                "name": "keystroke → preview, 1 MB",
                "median_ms": 40.0,
                "p90_ms": 50.0,
                "target_ms": 30.0,
            },
            {
                "suite": "peers",
                "name": "cmark-gfm, 1 MB",
                "median_ms": 20.0,
                "ratio": 0.5,
            },
            {"suite": "search", "name": "search, 2 characters", "median_ms": 16.0},
        ],
    }
    source = tmp_path / "benchmarks.json"
    source.write_text(json.dumps(report), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "tools/bench_table.py", str(source), str(readme)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    text = readme.read_text()
    assert text.startswith(before + "<!-- bench:start -->\n")
    assert text.endswith("<!-- bench:end -->" + after)
    assert "old" not in text
    assert "Test CPU, 2 cores" in text
    assert "| keystroke → preview, 1 MB | 40.0 ms | p90 50.0 | < 30 ms | **no** |  |" in text
    assert "| cmark-gfm, 1 MB | 20.0 ms |  |  |  | 0.5× |" in text  # no target: no verdict
    assert "search, 2 characters" not in text  # issue 18's table only


def test_a_readme_without_markers_is_left_alone_and_said_in_one_line(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("# Title\n")
    source = tmp_path / "benchmarks.json"
    source.write_text(json.dumps({"machine": {}, "rows": []}), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "tools/bench_table.py", str(source), str(readme)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert readme.read_text() == "# Title\n"
    assert len(done.stderr.strip().splitlines()) == 1
    assert "markers" in done.stderr
