"""Print the fidelity table: ``python -m tests.fidelity`` from the repository root."""

import sys

from tests.fidelity.harness import jekyll_available, run

if not jekyll_available():
    print("tsuzuri: jekyll is not installed; cannot measure fidelity", file=sys.stderr)
    sys.exit(2)
print(run()["table"])
