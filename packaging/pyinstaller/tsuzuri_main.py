"""The bundle's entry point: the same ``main`` as the ``tsuzuri`` script and ``python -m editor``.

``editor.cli.main`` calls ``multiprocessing.freeze_support()`` first, so the executable answers
as a worker when the window's render, doctor, search or overlap processes start it.
"""

import sys

from editor.cli import main

if __name__ == "__main__":
    sys.exit(main())
