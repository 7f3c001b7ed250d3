"""Keystroke → preview in the real window: from a key press, or an input method's commit, until
the preview's DOM shows it.

For each document of documents.py (10 KB, 30 KB, 100 KB, 1 MB) opened as a post in MainWindow
(offscreen, QtWebEngine), markers (``qzm017k``) are put at the ends of prose lines spread
through the post before it opens (up to one per edit; those the renderer shows as text are
kept).  Then, one edit after another (TSUZURI_BENCH_EDITS of each kind, 50 by default), in turn
at each marker from the top of the post to its end, after what was typed there before:

- keystroke: the cursor goes after a marker, ``QTest.keyClick`` types ``z``; the time from the
  key press until the page's DOM holds ``qzm017kz``;
- input method: the same with a ``QInputMethodEvent`` committing 「テスト」 after the next marker.

How "the DOM holds it" is timed: before each edit a ``MutationObserver`` is set on the page's
body that looks at the nodes added (and text changed) for the marker, and stamps the moment it
saw it with ``performance.timeOrigin + performance.now()``; the key press is stamped with
Python's ``time.time()``: the same wall clock, so no round trip to the page is counted (asking
the page in turn would add one, and make the page search the whole body's text per question).
The page is asked for the stamp afterwards.

Each edit's way through the chain is stamped too (``LivePreview.timeline``, the worker's
stats, the page's ``appliedAt``); the median of each stage is a row of its own
(``chain, 1 MB: worker → UI read`` and so on), to show where a keystroke's time goes.

Each edit waits for the previous one to be shown, so it is the preview's latency, not a queue.
What a keystroke costs the UI thread, and opening a post, are bench_typing.py's rows.

Targets (issue 18): median < 15 ms at 100 KB and < 30 ms at 1 MB; p90 < 2 × median.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "benchmarks") not in sys.path:
    sys.path.insert(0, str(ROOT / "benchmarks"))

import harness  # noqa: E402

EDITS = int(os.environ.get("TSUZURI_BENCH_EDITS", "50"))
EDIT_TIMEOUT_S = 60.0
TARGET_MS = {"100 KB": 15.0, "1 MB": 30.0}
IME_TEXT = "テスト"

_NOT_PROSE = re.compile(r"^(\s|[#|>*+`{<\[!:~=-]|\d+[.)]|$)")
_FENCE = re.compile(r"^\s*(```|~~~)")
_LIQUID_OPEN = re.compile(r"\{%-?\s*(highlight|raw|comment|capture)\b")
_LIQUID_CLOSE = re.compile(r"\{%-?\s*end(highlight|raw|comment|capture)\b")


def marker(n: int) -> str:
    return f"qzm{n:03d}k"


def prose_lines(text: str) -> list[int]:
    """Indexes of lines that read as paragraph text: outside fences and Liquid blocks, not a
    heading, list, table, quote, tag or indented code, not ending in a hard break."""
    lines = text.split("\n")
    out, in_fence, in_liquid = [], False, False
    for i, line in enumerate(lines):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if _LIQUID_OPEN.search(line):
            in_liquid = not _LIQUID_CLOSE.search(line)
            continue
        if _LIQUID_CLOSE.search(line):
            in_liquid = False
            continue
        if in_fence or in_liquid or _NOT_PROSE.match(line) or line.endswith("  "):
            continue
        if "{{" in line or "{%" in line or "|" in line or "<" in line:
            continue
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if following.strip() and set(following.strip()) <= set("=-"):
            continue  # a setext heading's text
        out.append(i)
    return out


def planted(text: str, count: int) -> tuple[str, list[str]]:
    """``text`` with ``count`` markers at prose line ends spread evenly through it (only those
    a full render shows as text), and the markers in order."""
    from editor.core.render import RenderContext, render_body

    lines = text.split("\n")
    candidates = prose_lines(text)
    tries = min(len(candidates), count * 2)
    chosen = [
        candidates[round(i * (len(candidates) - 1) / max(1, tries - 1))] for i in range(tries)
    ]
    chosen = sorted(set(chosen))
    for n, index in enumerate(chosen):
        lines[index] += f" {marker(n)}"
    out = "\n".join(lines)
    html = render_body(out, RenderContext(site={"title": "計測"})).html
    shown_text = re.sub(r"<[^>]*>", "", html)
    shown = [marker(n) for n in range(len(chosen)) if shown_text.count(marker(n)) == 1]
    step = max(1, len(shown) // count)
    return out, shown[::step][:count]


def _cursor_after(editor, needle: str) -> None:
    from editor.core.text.textpos import utf16_length

    mirror = getattr(editor, "mirror", None)
    text = mirror.text if mirror is not None else editor.toPlainText()
    index = text.index(needle) + len(needle)
    cursor = editor.textCursor()
    cursor.setPosition(utf16_length(text[:index]))
    editor.setTextCursor(cursor)


def _press(app, editor, kind: str) -> None:
    """One edit at the cursor: a key press, or an input method's commit."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtTest import QTest

    if kind == "keystroke":
        QTest.keyClick(editor, Qt.Key.Key_Z)
    else:
        event = QInputMethodEvent()
        event.setCommitString(IME_TEXT)
        app.sendEvent(editor, event)


_WATCH = """(function () {
  const needle = %s;
  const root = document.getElementById("tsuzuri-body");
  if (window.tsuzuriBench) { window.tsuzuriBench.observer.disconnect(); }
  const holds = (node) => (node.textContent || "").indexOf(needle) >= 0;
  const bench = { seen: 0, observer: null };
  bench.observer = new MutationObserver((records) => {
    for (const record of records) {
      const nodes = record.type === "characterData" ? [record.target] : record.addedNodes;
      for (const node of nodes) {
        if (holds(node)) {
          bench.seen = performance.timeOrigin + performance.now();
          bench.observer.disconnect();
          return;
        }
      }
    }
  });
  bench.observer.observe(root, { childList: true, characterData: true, subtree: true });
  window.tsuzuriBench = bench;
  return true;
})()"""

# The stages of LivePreview.timeline and the page's stamps, in the order a keystroke passes them.
STAGES = (
    ("key → mirror edit", "key", "edited"),
    ("mirror edit → call sent", "edited", "sent"),
    ("call sent → worker began", "sent", "worker_got"),
    ("worker: render + patch", "worker_got", "worker_done"),
    ("worker → reader thread", "worker_done", "read"),
    ("reader → UI thread", "read", "ui"),
    ("UI thread → patch sent to page", "ui", "to_page"),
    ("patch sent → page applied", "to_page", "applied"),
    ("page applied → marker seen", "applied", "seen"),
)


def _ask_page(app, preview, script: str, timeout_s: float):
    answer: list = []
    preview.run_in_page(script, answer.append)
    if not harness.wait_until(app, lambda: bool(answer), timeout_s):
        return None
    return answer[0]


def _watch(app, preview, needle: str) -> None:
    """Set the page to stamp the moment its DOM first holds ``needle``."""
    import json

    _ask_page(app, preview, _WATCH % json.dumps(needle), EDIT_TIMEOUT_S)


def _seen_at(app, preview, timeout_s: float) -> float | None:
    """The page's stamp (``time.time()`` clock) of the moment it showed the watched text."""
    deadline = time.perf_counter() + timeout_s
    while time.perf_counter() < deadline:
        seen = _ask_page(app, preview, "window.tsuzuriBench.seen", timeout_s)
        if seen:
            return seen / 1000
        harness.wait_until(app, lambda: False, 0.002)
    return None


def _measure_size(app, blog: Path, settings, size_name: str, size: int) -> list[dict]:
    from documents import document

    from editor.ui.main_window import MainWindow

    harness.fresh_data_folder(blog.parent / f"data-{size}")
    text, markers = planted(document(size), 2 * EDITS)
    post = blog / "_posts" / f"2025-01-01-bench-{size}.md"
    post.write_text(f"---\ntitle: 計測 {size_name}\n---\n" + text, encoding="utf-8")
    window = MainWindow(settings)
    window.resize(1400, 900)
    window.open_blog(blog)
    window.open_post(post)
    window.show()
    rows: list[dict] = []
    harness.say(f"preview, {size_name}: {2 * EDITS} edits at {len(markers)} places")
    try:
        harness.wait_until(app, lambda: not window.tasks.running, 120)
        if harness.page_shows(app, window.preview, markers[-1], 300) is None:
            return [_failed(f"keystroke → preview, {size_name}", "the post never showed")]
        editor = window.editor
        editor.setFocus()
        latency = {"keystroke": [], "input method": []}
        stages: dict[str, list[float]] = {name: [] for name, _a, _b in STAGES}
        typed = dict.fromkeys(markers, "")
        for n in range(2 * EDITS):
            kind = "keystroke" if n % 2 == 0 else "input method"
            # Spread through the post; a short post has fewer markers than edits, so each
            # marker takes several, one after another at its end.
            needle = markers[n * len(markers) // (2 * EDITS)]
            _cursor_after(editor, needle + typed[needle])
            shown = needle + typed[needle] + ("z" if kind == "keystroke" else IME_TEXT)
            _watch(app, window.preview, shown)
            harness.wait_until(app, lambda: False, 0.02)  # the cursor's own work settles
            start = time.time()
            _press(app, editor, kind)
            typed[needle] = shown[len(needle) :]
            seen = _seen_at(app, window.preview, EDIT_TIMEOUT_S)
            if seen is None:
                rows.append(
                    _failed(f"{kind} → preview, {size_name}, stopped", f"{shown} never showed")
                )
                break
            latency[kind].append((seen - start) * 1000)
            applied = _ask_page(app, window.preview, "window.tsuzuri.appliedAt", EDIT_TIMEOUT_S)
            stamps = {
                **window.renderer.timeline,
                "key": start,
                "to_page": window.preview.sent_to_page_at,
                "applied": (applied or 0) / 1000,
                "seen": seen,
            }
            for name, first, then in STAGES:
                stages[name].append((stamps[then] - stamps[first]) * 1000)
            if n % 20 == 19:
                harness.say(f"preview, {size_name}: {n + 1} edits done")
        target = TARGET_MS.get(size_name)
        for kind, times in latency.items():
            if not times:
                continue
            row = {"name": f"{kind} → preview, {size_name}", **harness.summary(times, 0.9)}
            row["target_ms"] = target
            row["ok"] = (target is None or row["median_ms"] <= target) and (
                row["p90_ms"] <= 2 * row["median_ms"]
            )
            row["target_note"] = "p90 < 2× median" + (f", median < {target:g} ms" if target else "")
            rows.append(row)
        for name, times in stages.items():
            if times:
                rows.append({"name": f"chain, {size_name}: {name}", **harness.summary(times, 0.9)})
    finally:
        _close(app, window)
    return rows


def _failed(name: str, why: str) -> dict:
    return {"name": name, "median_ms": None, "ok": False, "note": why}


def _close(app, window) -> None:
    """Close without a question: the post's edits are the benchmark's, never saved."""
    try:
        window.document.mark_saved()
    except AttributeError:
        pass
    window.close()
    window.deleteLater()
    harness.wait_until(app, lambda: False, 0.2)


def run() -> list[dict]:
    """One row per size and kind of edit."""
    app = harness.application()
    from documents import measured_sizes

    from editor.ui.preview import release_web_profile

    rows: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp, harness.own_data_folder():
        harness.no_questions()
        blog = harness.make_blog(Path(tmp) / "blog")
        settings = harness.settings_in(Path(tmp))
        for size_name, size in measured_sizes().items():
            rows += _measure_size(app, blog, settings, size_name, size)
    release_web_profile()
    return rows


if __name__ == "__main__":
    for row in run():
        print(row)
