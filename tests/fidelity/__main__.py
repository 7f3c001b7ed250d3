"""Measure the preview against Jekyll: ``python -m tests.fidelity [--update]`` from the root.

Without options it prints the table.  ``--update`` records the blocks that now agree in
``tests/fidelity/baseline.json`` (never dropping one that agreed before: a regression is listed
and nothing is written) and the figures by corpus in ``docs/fidelity.md``.
"""

import argparse
import re
import sys

from tests.fidelity import baseline
from tests.fidelity.harness import ROOT, figures, jekyll_available, run

DOC = ROOT / "docs" / "fidelity.md"
_FIGURES = re.compile(r"(<!-- figures -->\n).*?(<!-- /figures -->)", re.DOTALL)

parser = argparse.ArgumentParser(prog="python -m tests.fidelity")
parser.add_argument("--update", action="store_true", help="record gains in the baseline and docs")
options = parser.parse_args()
if not jekyll_available():
    print("tsuzuri: jekyll is not installed; cannot measure fidelity", file=sys.stderr)
    sys.exit(2)
summary = run()
print(summary["table"])
if options.update:
    try:
        posts = baseline.ratchet(baseline.load(), summary["measured"])
    except ValueError as regression:
        print(f"tsuzuri: baseline not updated: {regression}", file=sys.stderr)
        sys.exit(1)
    baseline.save(posts)
    text = _FIGURES.sub(lambda m: m[1] + figures(summary) + "\n" + m[2], DOC.read_text("utf-8"))
    DOC.write_text(text, "utf-8")
    print(f"recorded {sum(len(p['agreed']) for p in posts.values())} agreeing blocks")
