"""Run every benchmark (benchmarks/bench_*.py), print one table and write build/benchmarks.json.

Each module exposes ``run() -> list[dict]``; a row has at least ``name``, ``median_ms`` and,
where there is one, ``target_ms``; ``p95_ms`` with ``p95_target_ms``, or ``ok``, when it has
more to meet.  Usage: ``make bench`` or ``python benchmarks/run.py [NAME…]``.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def _load(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(names: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    rows: list[dict] = []
    for path in sorted(HERE.glob("bench_*.py")):
        if names and path.stem.removeprefix("bench_") not in names:
            continue
        for row in _load(path).run():
            name = row.get("name") or row.get("benchmark")
            rows.append({"suite": path.stem.removeprefix("bench_"), **row, "name": name})
    width = max((len(str(r["name"])) for r in rows), default=10)
    print(f"{'suite':<10} {'benchmark':<{width}} {'median ms':>10} {'target ms':>10}  ok")
    failed = 0
    for row in rows:
        target = row.get("target_ms")
        ok = target is None or row["median_ms"] <= target
        # A row may bound its 95th percentile too, or say itself whether it passed.
        ok = ok and row.get("p95_ms", 0) <= row.get("p95_target_ms", float("inf"))
        ok = ok and row.get("ok", True)
        failed += not ok
        print(
            f"{row['suite']:<10} {row['name']:<{width}} {row['median_ms']:>10.2f} "
            f"{'' if target is None else f'{target:.0f}':>10}  {'yes' if ok else 'NO'}"
        )
    out = ROOT / "build" / "benchmarks.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
