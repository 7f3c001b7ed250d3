"""Hostile HTML that tries to reach the network, and a probe that watches for lookups.

:func:`hostile_body` holds the ways a post's HTML can make a browser open a connection or look
up a host name without the writer clicking anything.  Run as a program
(``unshare -mn python -m tests.ui.leak_probe``) it sets up a private network namespace with a
fake DNS server on loopback, shows that HTML in the preview, and prints as JSON every query and
connection that arrived: first for the hostile body (none may), then for one remote image with
remote images allowed (a control that must arrive, proving the probe can see a lookup).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable

# name -> HTML using url(name); each name is also the host or path that would reach us.
VECTORS: dict[str, str] = {
    "preconnect": '<link rel="preconnect" href="{u}">',
    "preconnect-mixed-case": '<link rel="PreConnect" href="{u}" crossorigin>',
    "dns-prefetch": '<link rel="dns-prefetch" href="{u}">',
    "hints-together": '<link rel="preconnect dns-prefetch" href="{u}">',
    "prefetch": '<link rel="prefetch" href="{u}">',
    "preload-image": '<link rel="preload" as="image" href="{u}">',
    "preload-imagesrcset": '<link rel="preload" as="image" imagesrcset="{u} 1x" href="">',
    "preload-style": '<link rel="preload" as="style" href="{u}">',
    "preload-font": '<link rel="preload" as="font" href="{u}" crossorigin>',
    "preload-fetch": '<link rel="preload" as="fetch" href="{u}">',
    "modulepreload": '<link rel="modulepreload" href="{u}">',
    "prerender": '<link rel="prerender" href="{u}">',
    "next": '<link rel="next" href="{u}">',
    "stylesheet": '<link rel="stylesheet" href="{u}">',
    "icon": '<link rel="icon" href="{u}">',
    "manifest": '<link rel="manifest" href="{u}">',
    "speculation-rules": (
        '<script type="speculationrules">{{"prefetch": [{{"source": "list", "urls": ["{u}"]}}],'
        ' "prerender": [{{"source": "list", "urls": ["{u}"]}}]}}</script>'
    ),
    "img": '<img src="{u}">',
    "img-srcset": '<img srcset="{u} 2x" src="data:,">',
    "img-lazy": '<img loading="lazy" src="{u}">',
    "picture": '<picture><source srcset="{u}"><img src="data:,"></picture>',
    "input-image": '<input type="image" src="{u}">',
    "video": '<video src="{u}" preload="auto"></video>',
    "video-poster": '<video poster="{u}"></video>',
    "audio": '<audio src="{u}" preload="auto"></audio>',
    "source": '<video><source src="{u}"></video>',
    "track": '<video><track default src="{u}"></video>',
    "object": '<object data="{u}"></object>',
    "embed": '<embed src="{u}">',
    "iframe": '<iframe src="{u}"></iframe>',
    "iframe-srcdoc": '<iframe srcdoc="<img src=&quot;{u}&quot;>"></iframe>',
    "iframe-srcdoc-preconnect": (
        '<iframe srcdoc="<link rel=&quot;preconnect&quot; href=&quot;{u}&quot;>"></iframe>'
    ),
    "iframe-data-preconnect": (
        '<iframe src="data:text/html,<link rel=&quot;preconnect&quot; href=&quot;{u}&quot;>">'
        "</iframe>"
    ),
    "svg-image": '<svg><image href="{u}" width="9" height="9"></image></svg>',
    "svg-use": '<svg><use href="{u}#x"></use></svg>',
    "svg-feimage": '<svg><filter id="f"><feImage href="{u}"/></filter></svg>',
    "style-attr": "<p style=\"background-image: url('{u}')\">bg</p>",
    "style-import": "<style>@import url('{u}');</style>",
    "style-font-face": "<style>@font-face {{ font-family: x; src: url('{u}'); }}"
    " p {{ font-family: x; }}</style>",
    "style-image-set": "<p style=\"background: image-set('{u}' 1x)\">set</p>",
    "style-cursor": "<p style=\"cursor: url('{u}'), auto\">cursor</p>",
    "style-list-image": "<ul style=\"list-style-image: url('{u}')\"><li>li</li></ul>",
    "style-border-image": "<p style=\"border: 5px solid; border-image: url('{u}') 30\">b</p>",
    "style-mask": "<p style=\"mask-image: url('{u}')\">mask</p>",
    "table-background": '<table background="{u}"><tr><td>t</td></tr></table>',
    "script": '<script src="{u}"></script>',
    "meta-refresh": '<meta http-equiv="refresh" content="0; url={u}">',
    "meta-link-header": '<meta http-equiv="Link" content="<{u}>; rel=preconnect">',
    "anchor": '<a href="{u}">a link, never clicked</a>',
    "anchor-ping": '<a href="#here" ping="{u}">ping</a>',
    "form": '<form action="{u}"><input name="q" value="x" autofocus></form>',
    "base": '<base href="{u}">',
}


def hostile_body(url: Callable[[str], str]) -> str:
    """Every vector, each pointing at ``url(name)``."""
    return "\n".join(html.format(u=url(name)) for name, html in VECTORS.items())


class Listener:
    """A TCP server on 127.0.0.1 that records the first line of every connection made to it."""

    def __init__(self, port: int = 0):
        self._server = socket.socket()
        self._server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._server.bind(("127.0.0.1", port))
        self._server.listen(64)
        self._server.settimeout(0.2)
        self.port = self._server.getsockname()[1]
        self.seen: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.port}/{name}"

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _peer = self._server.accept()
            except OSError:
                continue
            conn.settimeout(1)
            try:
                first = conn.recv(200).split(b"\r\n", 1)[0].decode("latin-1")
            except OSError:
                first = ""
            self.seen.append(first or "(a connection without a request: a preconnect)")
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self._server.close()


# -- the probe, run inside a private network namespace ---------------------------------------

DOMAIN = "leak.test"
PORT = 8080


def _run(*command: str) -> None:
    subprocess.run(command, check=True, capture_output=True)


def _private_network(resolv_conf: str) -> None:
    """Loopback, a veth pair with a default route (so Chromium sees a network), our resolver."""
    _run("ip", "link", "set", "lo", "up")
    _run("ip", "link", "add", "tz0", "type", "veth", "peer", "name", "tz1")
    _run("ip", "addr", "add", "10.53.0.1/24", "dev", "tz0")
    _run("ip", "addr", "add", "10.53.0.2/24", "dev", "tz1")
    _run("ip", "link", "set", "tz0", "up")
    _run("ip", "link", "set", "tz1", "up")
    _run("ip", "route", "add", "default", "via", "10.53.0.2", "dev", "tz0")
    with open(resolv_conf, "w", encoding="ascii") as f:
        f.write("nameserver 127.0.0.1\noptions timeout:1 attempts:1\n")
    _run("mount", "--bind", resolv_conf, "/etc/resolv.conf")


def _question(packet: bytes) -> tuple[str, bytes, int]:
    """(name, type, end of the question) of a DNS query."""
    labels, i = [], 12
    while packet[i]:
        labels.append(packet[i + 1 : i + 1 + packet[i]].decode("ascii", "replace"))
        i += packet[i] + 1
    return ".".join(labels).lower(), packet[i + 1 : i + 3], i + 5


def _answer(packet: bytes) -> bytes:
    """127.0.0.1 for an A query, an empty answer for anything else."""
    _name, qtype, end = _question(packet)
    is_a = qtype == b"\x00\x01"
    header = packet[:2] + b"\x81\x80" + packet[4:6] + (b"\x00\x01" if is_a else b"\x00\x00")
    record = b"\xc0\x0c\x00\x01\x00\x01\x00\x00\x00\x3c\x00\x04\x7f\x00\x00\x01" if is_a else b""
    return header + b"\x00\x00\x00\x00" + packet[12:end] + record


def _serve_dns(queries: list[str]) -> None:
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    udp.bind(("127.0.0.1", 53))
    tcp = socket.socket()
    tcp.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    tcp.bind(("127.0.0.1", 53))
    tcp.listen(16)

    def over_udp() -> None:
        while True:
            packet, peer = udp.recvfrom(4096)
            queries.append(_question(packet)[0])
            udp.sendto(_answer(packet), peer)

    def over_tcp() -> None:
        while True:
            conn, _peer = tcp.accept()
            with conn:
                size = int.from_bytes(conn.recv(2), "big")
                packet = conn.recv(size)
                queries.append(_question(packet)[0])
                reply = _answer(packet)
                conn.sendall(len(reply).to_bytes(2, "big") + reply)

    for serve in (over_udp, over_tcp):
        threading.Thread(target=serve, daemon=True).start()


def _show(app, pane, body: str, seconds: float) -> None:
    pane.set_body_html(body)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        _private_network(os.path.join(tmp, "resolv.conf"))
        queries: list[str] = []
        _serve_dns(queries)
        http = Listener(PORT)
        connections = http.seen
        socket.getaddrinfo(f"self-test.{DOMAIN}", PORT, socket.AF_INET)
        report: dict = {"self_test": list(queries)}
        queries.clear()

        from PySide6.QtCore import QCoreApplication, Qt
        from PySide6.QtWidgets import QApplication

        from editor.ui.app import prepare_environment

        prepare_environment()
        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
        app = QApplication(sys.argv[:1])
        from editor.ui.preview import PreviewPane, release_web_profile

        pane = PreviewPane()
        pane.resize(800, 600)
        pane.show()
        pane.load_page(None, [])
        _show(app, pane, hostile_body(lambda name: f"http://{name}.{DOMAIN}:{PORT}/{name}"), 8)
        report["hostile"] = {"queries": list(queries), "connections": list(connections)}
        queries.clear()
        connections.clear()

        pane.load_page(None, [], allow_remote=True)
        _show(app, pane, f'<img src="http://control.{DOMAIN}:{PORT}/control.png">', 8)
        report["control"] = {"queries": list(queries), "connections": list(connections)}
        pane.close()
        pane.deleteLater()
        release_web_profile()
        print("LEAK-PROBE " + json.dumps(report), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
