"""Watching the open post on disk, including editors and git that replace it by a rename."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

SETTLE_MS = 150  # editors write a file in several steps; look once they are done


class PostWatcher(QObject):
    """Emits ``changed`` once a burst of changes to the watched post (or its folder) settles."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._path: Path | None = None
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_changed)
        self._watcher.directoryChanged.connect(self._on_changed)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.changed)

    def watch(self, path: Path | None) -> None:
        """Watch ``path`` (None: nothing); call again after a change to pick up a new file."""
        self._path = path
        old = self._watcher.files() + self._watcher.directories()
        if old:
            self._watcher.removePaths(old)
        if path is None:
            return
        # The folder too: a rename over the post replaces the file and drops its watch; the
        # folder reports that, and watch() then follows the new file.
        wanted = [str(path.parent), str(path)]
        self._watcher.addPaths([p for p in wanted if os.path.exists(p)])

    def rewatch(self) -> None:
        """Follow a file that was replaced or re-created since the last :meth:`watch`."""
        if self._path is not None and str(self._path) not in self._watcher.files():
            self.watch(self._path)

    def stop(self) -> None:
        """Stop watching (the window is closing)."""
        self._settle.stop()
        self.watch(None)

    def _on_changed(self, _path: str) -> None:
        self._settle.start()
