"""Full-render times of the peers on the benchmark's documents; runs in build/bench-venv.

Started by benchmarks/bench_peers.py as ``build/bench-venv/bin/python benchmarks/peers/timing.py``
with a JSON request on stdin (``{"sizes": {name: bytes}, "repeats": {name: n}}``); prints one
JSON object: ``{peer: {size name: [milliseconds, ...]}}`` and the peers' versions.  It imports
nothing of Tsuzuri but benchmarks/documents.py (the standard library alone), so the peers never
meet the app's packages.

Peers, each converting the whole document once per run:
- ``markdown-it-py``: ``MarkdownIt("commonmark").enable("table")``;
- ``Python-Markdown (ReText)``: ``markups.MarkdownMarkup(filename).convert(text)``, which is what
  ReText's converter process calls: extra and mdx_math, Python-Markdown's html5 output;
- ``mistune 3``: ``mistune.create_markdown(plugins=["table", "footnotes"])``;
- ``cmark-gfm``: ``cmarkgfm.github_flavored_markdown_to_html`` (C, the floor of a full render);
- ``ReText update``: one preview update as ReText makes it: the 500 ms pause of its single-shot
  timer, then the text pickled over a socket to a converter child process, converted there by
  markups, the result pickled back, and the page's HTML made (``get_whole_html``).  What ReText
  does after that (QtWebEngine's ``setHtml`` reloading the page) is not counted.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import pickle
import socket
import struct
import sys
import time
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from documents import document  # noqa: E402

RETEXT_PAUSE_MS = 500.0
"""ReText's ``QTimer.singleShot(500, startPendingConversion)`` after the first change."""


def _send(sock: socket.socket, obj) -> None:
    data = pickle.dumps(obj)
    sock.sendall(struct.pack("I", len(data)) + data)


def _receive(sock: socket.socket):
    (size,) = struct.unpack("I", _exactly(sock, 4))
    return pickle.loads(_exactly(sock, size))


def _exactly(sock: socket.socket, size: int) -> bytes:
    data = bytearray()
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            raise EOFError("the converter process ended")
        data += chunk
    return bytes(data)


def _converter(sock: socket.socket) -> None:
    """ReText's converter process: one markups object, a conversion per request."""
    import markups

    markup = None
    while True:
        job = _receive(sock)
        if job is None:
            return
        if markup is None:
            markup = markups.MarkdownMarkup(job["filename"])
        _send(sock, markup.convert(job["text"]))


def _retext_update(sock: socket.socket, text: str) -> float:
    start = time.perf_counter()
    _send(sock, {"filename": "post.md", "text": text})
    converted = _receive(sock)
    converted.get_whole_html(include_stylesheet=True, fallback_title="post", webenv=False)
    return (time.perf_counter() - start) * 1000 + RETEXT_PAUSE_MS


def _converters() -> dict:
    import cmarkgfm
    import markups
    import mistune
    from markdown_it import MarkdownIt

    markdown_it = MarkdownIt("commonmark").enable("table")
    retext = markups.MarkdownMarkup("post.md")
    mistune_md = mistune.create_markdown(plugins=["table", "footnotes"])
    return {
        "markdown-it-py": markdown_it.render,
        "Python-Markdown (ReText)": lambda text: retext.convert(text).get_document_body(),
        "mistune 3": mistune_md,
        "cmark-gfm": cmarkgfm.github_flavored_markdown_to_html,
    }


def _versions() -> dict:
    from importlib.metadata import version

    names = ("markdown-it-py", "Markdown", "markups", "mistune", "cmarkgfm")
    return {name: version(name) for name in names}


def measure(sizes: dict[str, int], repeats: dict[str, int]) -> dict:
    warnings.simplefilter("ignore")
    times: dict[str, dict[str, list[float]]] = {}
    for peer, convert in _converters().items():
        for name, size in sizes.items():
            text = document(size)
            convert(text)  # warm up (imports, compiled patterns)
            runs = []
            for _ in range(repeats[name]):
                start = time.perf_counter()
                convert(text)
                runs.append((time.perf_counter() - start) * 1000)
            times.setdefault(peer, {})[name] = runs
    parent, child = socket.socketpair()
    process = mp.get_context("spawn").Process(target=_converter, args=(child,), daemon=True)
    process.start()
    child.close()
    try:
        for name, size in sizes.items():
            text = document(size)
            _retext_update(parent, text)  # the child's first conversion builds its markup
            runs = [_retext_update(parent, text) for _ in range(repeats[name])]
            times.setdefault("ReText update", {})[name] = runs
    finally:
        _send(parent, None)
        process.join(10)
    return {"times": times, "versions": _versions()}


def main() -> int:
    request = json.loads(sys.stdin.read())
    print(json.dumps(measure(request["sizes"], request["repeats"])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
