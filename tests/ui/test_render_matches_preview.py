"""`tsuzuri render` prints exactly the body HTML the preview shows."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.ui.conftest import wait_for_preview

pytestmark = pytest.mark.ui


@pytest.mark.parametrize(
    ("name", "marker"),
    [
        ("2025-10-20-ai-chip-market.md", "まとめ"),
        ("2025-10-22-index-fund-basics.md", "チェックリスト"),
        ("2025-10-24-writing-with-tsuzuri.md", "A table"),
    ],
)
def test_cli_render_equals_preview_dom(qtbot, blog, make_window, name, marker):
    post = blog / "_posts" / name
    result = subprocess.run(
        [sys.executable, "-m", "editor", "render", str(post)],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    window = make_window(blog, post)
    wait_for_preview(qtbot, window, marker)
    box: list = []
    window.preview.run_in_page(
        f"JSON.stringify([window.tsuzuri.normalise({json.dumps(result.stdout)}),"
        " document.getElementById('tsuzuri-body').innerHTML])",
        box.append,
    )
    qtbot.waitUntil(lambda: bool(box), timeout=10000)
    from_cli, shown = json.loads(box[0])
    assert marker in shown
    assert from_cli == shown
