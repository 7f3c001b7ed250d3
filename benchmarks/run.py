"""Run every benchmark (benchmarks/bench_*.py), print one table and write build/benchmarks.json.

Each module exposes ``run() -> list[dict]``; a row has at least ``name`` and ``median_ms``
(None for a row that is not a time: then ``value`` and ``unit``, as memory is), and where there
is one ``target_ms``; ``p90_ms``, ``p95_ms`` or ``p99_ms`` with ``p95_target_ms`` or
``p99_target_ms`` when a percentile has a bound; ``ok`` when the row says itself whether it
passed; ``target_note`` for how the target reads; ``ratio_to``: the name of the row it is
compared with (a peer's full render against Tsuzuri's keystroke → preview of the same size),
which puts ``ratio`` (this row's median ÷ that row's) in the table.  One more row says how
Tsuzuri's keystroke → preview at 1 MB compares with ReText's update (target: at most 0.1×).

The JSON is ``{"machine": {...}, "rows": [...]}``; ``tools/bench_table.py`` writes issue 18's
rows into the README.  Usage: ``make bench`` or ``python benchmarks/run.py [NAME…]``.
"""

from __future__ import annotations

import datetime
import importlib.util
import json
import os
import platform
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RETEXT_SHARE_TARGET = 0.1
"""Issue 18: at 1 MB, keystroke → preview at most 0.1× ReText's update time."""


def _load(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def machine() -> dict:
    """What the figures were measured on: CPU, cores, load, Python, Qt, the date."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        from PySide6 import __version__ as qt
    except ImportError:
        qt = "none"
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "load_at_start": None if load is None else round(load, 2),
        "python": platform.python_version(),
        "pyside6": qt,
        "system": f"{platform.system()} {platform.release()}",
        "date": datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
    }


def passed(row: dict) -> bool:
    """Whether a row meets its targets (a row without one passes)."""
    median = row.get("median_ms")
    target = row.get("target_ms")
    ok = target is None or (median is not None and median <= target)
    for share in ("p90", "p95", "p99"):
        bound = row.get(f"{share}_target_ms")
        if bound is not None:
            ok = ok and row.get(f"{share}_ms", float("inf")) <= bound
    return ok and row.get("ok", True)


def add_ratios(rows: list[dict]) -> list[dict]:
    """Put each ``ratio_to`` row's ratio beside it; add the 1 MB comparison with ReText."""
    by_name = {row["name"]: row for row in rows}
    for row in rows:
        other = by_name.get(row.get("ratio_to"))
        if other and other.get("median_ms") and row.get("median_ms") is not None:
            row["ratio"] = round(row["median_ms"] / other["median_ms"], 4)
    ours = by_name.get("keystroke → preview, 1 MB")
    retext = by_name.get("ReText update, 1 MB")
    if ours and retext and ours.get("median_ms") and retext.get("median_ms"):
        share = round(ours["median_ms"] / retext["median_ms"], 3)
        rows.append(
            {
                "suite": "peers",
                "name": "keystroke → preview ÷ ReText update, 1 MB",
                "median_ms": None,
                "value": share,
                "unit": "×",
                "target_note": f"≤ {RETEXT_SHARE_TARGET:g}×",
                "ok": share <= RETEXT_SHARE_TARGET,
            }
        )
    return rows


def has_target(row: dict) -> bool:
    """Whether the row has anything to meet (else its ok column stays empty)."""
    keys = ("target_ms", "target", "ok", "p90_target_ms", "p95_target_ms", "p99_target_ms")
    return any(row.get(key) is not None for key in keys)


def figure(value: float) -> str:
    """A figure with the digits that mean something at its size: 4265, 24.2, 1.36, 0.0064."""
    if abs(value) >= 100:
        return f"{value:.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}" if abs(value) >= 1 else f"{value:.2g}"


def cells(row: dict) -> dict[str, str]:
    """A row's figures as the table shows them."""
    if row.get("median_ms") is None:
        value = row.get("value")
        unit = row.get("unit", "")
        median = "" if value is None else f"{figure(value)}{'' if unit == '×' else ' '}{unit}"
        if value is None and row.get("note"):
            median = row["note"]  # what kept the row from a figure (an edit never shown)
    else:
        median = f"{figure(row['median_ms'])} ms"
    spread = "  ".join(
        f"{share} {figure(row[f'{share}_ms'])}"
        for share in ("p90", "p95", "p99")
        if f"{share}_ms" in row
    )
    target = row.get("target_note")
    if target is None:
        if row.get("target_ms") is not None:
            target = f"< {row['target_ms']:g} ms"
        elif row.get("target") is not None:
            target = f"< {row['target']:g} {row.get('unit', '')}".strip()
        else:
            bounds = [
                f"{share} < {row[f'{share}_target_ms']:g} ms"
                for share in ("p90", "p95", "p99")
                if f"{share}_target_ms" in row
            ]
            target = ", ".join(bounds)
    ratio = f"{figure(row['ratio'])}×" if "ratio" in row else ""
    ok = ("yes" if passed(row) else "NO") if has_target(row) else ""
    return {"median": median, "spread": spread, "target": target, "ratio": ratio, "ok": ok}


def main(names: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(HERE))
    measured_on = machine()
    rows: list[dict] = []
    for path in sorted(HERE.glob("bench_*.py")):
        if names and path.stem.removeprefix("bench_") not in names:
            continue
        for row in _load(path).run():
            name = row.get("name") or row.get("benchmark")
            rows.append({"suite": path.stem.removeprefix("bench_"), **row, "name": name})
    rows = add_ratios(rows)
    width = max((len(str(r["name"])) for r in rows), default=10)
    print(
        f"{'suite':<10} {'benchmark':<{width}} {'median':>12} {'p90/p95/p99':<22} "
        f"{'target':<30} {'ok':<3} {'× ours':>7}"
    )
    failed = 0
    for row in rows:
        ok = passed(row)
        row["passed"] = ok
        failed += not ok
        shown = cells(row)
        print(
            f"{row['suite']:<10} {row['name']:<{width}} {shown['median']:>12} "
            f"{shown['spread']:<22} {shown['target']:<30} {shown['ok']:<3} "
            f"{shown['ratio']:>7}"
        )
    out = ROOT / "build" / "benchmarks.json"
    out.parent.mkdir(exist_ok=True)
    report = {"machine": measured_on, "rows": rows}
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
