"""Write issue 18's benchmark table (build/benchmarks.json) into README.md.

The table goes between ``<!-- bench:start -->`` and ``<!-- bench:end -->`` with the machine it
was measured on; nothing else of the README changes.  ``make bench`` runs it after
benchmarks/run.py.  Usage: ``python tools/bench_table.py [build/benchmarks.json] [README.md]``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from run import cells  # noqa: E402

START, END = "<!-- bench:start -->", "<!-- bench:end -->"
SUITES = ("preview", "incremental", "typing", "peers", "startup", "doctor")
"""The suites of issue 18's benchmark, in the order the table shows them."""


def table(report: dict) -> str:
    """The Markdown of the table and the line saying where it was measured."""
    m = report["machine"]
    lines = [
        f"Measured {m['date']} on {m['cpu']}, {m['cores']} cores (load {m['load_at_start']} at the "
        f"start), Python {m['python']}, PySide6 {m['pyside6']}, {m['system']}; `make bench`.",
        "",
        "| benchmark | median | p90 / p99 | target | ok | peer ÷ our keystroke → preview |",
        "|---|---:|---|---|---|---:|",
    ]
    for suite in SUITES:
        for row in report["rows"]:
            if row.get("suite") != suite:
                continue
            shown = cells(row)
            ok = {"NO": "**no**"}.get(shown["ok"], shown["ok"])
            lines.append(
                f"| {row['name']} | {shown['median']} | {shown['spread']} | {shown['target']} "
                f"| {ok} | {shown['ratio']} |"
            )
    return "\n".join(lines)


def write(report: dict, readme: Path) -> bool:
    """Put the table between the markers of ``readme``; False when it has no markers."""
    text = readme.read_text(encoding="utf-8")
    start, end = text.find(START), text.find(END)
    if start == -1 or end < start:
        return False
    body = text[: start + len(START)] + "\n" + table(report) + "\n" + text[end:]
    readme.write_text(body, encoding="utf-8")
    return True


def main(argv: list[str]) -> int:
    source = Path(argv[0]) if argv else ROOT / "build" / "benchmarks.json"
    readme = Path(argv[1]) if len(argv) > 1 else ROOT / "README.md"
    try:
        report = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        print(f"bench_table: cannot read {source}: {exc}", file=sys.stderr)
        return 2
    if not isinstance(report, dict) or "rows" not in report:
        print(f"bench_table: {source} is not what benchmarks/run.py writes", file=sys.stderr)
        return 2
    if not write(report, readme):
        print(f"bench_table: {readme} has no {START} … {END} markers", file=sys.stderr)
        return 2
    print(f"wrote the benchmark table into {readme.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
