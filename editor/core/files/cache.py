"""Where Tsuzuri keeps what it can always make again (search index, post catalogue, ...).

One folder per kind under ``$XDG_CACHE_HOME/tsuzuri`` (``~/.cache/tsuzuri`` when unset or not
absolute), and one file per blog in it, named from the blog's resolved path, so two blogs never
share a file and the same blog always finds its own.  Losing the folder loses nothing: every
file in it is rebuilt from the blog.  :func:`open_cache_db` opens (or makes again) such a file
when it is an SQLite database, :func:`write_transaction` writes to it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path


def cache_folder(kind: str) -> Path:
    """``$XDG_CACHE_HOME/tsuzuri/<kind>`` (not created here)."""
    base = os.environ.get("XDG_CACHE_HOME")
    home = Path(base) if base and os.path.isabs(base) else Path.home() / ".cache"
    return home / "tsuzuri" / kind


def blog_key(root: Path | str) -> str:
    """A name for the blog at ``root`` that is the same whenever the same folder is meant."""
    key = hashlib.sha256(str(Path(root).resolve()).encode("utf-8", "surrogateescape"))
    return key.hexdigest()[:24]


def blog_cache_file(kind: str, root: Path | str, suffix: str = ".sqlite") -> Path:
    """The cache file of ``kind`` for the blog at ``root``: ``<folder>/<blog_key><suffix>``."""
    return cache_folder(kind) / f"{blog_key(root)}{suffix}"


def open_cache_db(path: Path, schema: str, version: int, probe: str) -> sqlite3.Connection:
    """The SQLite cache file ``path`` in WAL mode, made with ``schema`` (statements separated by
    ``;``, recorded as ``user_version`` ``version``) when new.  A file that is corrupt, holds
    another schema version or something else entirely is deleted and made again: a cache is
    always rebuilt from the blog.  ``probe`` is a query that must run on a good file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        return _connect_cache_db(path, schema, version, probe)
    except sqlite3.DatabaseError:  # garbage, a truncated file, someone else's database
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(f"{path}{suffix}")
        return _connect_cache_db(path, schema, version, probe)


def _connect_cache_db(path: Path, schema: str, version: int, probe: str) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=30, isolation_level=None)
    try:
        db.execute("PRAGMA journal_mode=WAL")
        if db.execute("PRAGMA user_version").fetchone()[0] != version:
            with write_transaction(db):  # two windows making it at once: the second finds it
                if db.execute("PRAGMA user_version").fetchone()[0] != version:
                    if db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                        raise sqlite3.DatabaseError(f"not a cache of version {version}")
                    for statement in filter(str.strip, schema.split(";")):
                        db.execute(statement)
                    db.execute(f"PRAGMA user_version={int(version)}")
        db.execute(probe).fetchall()
    except sqlite3.DatabaseError:
        db.close()
        raise
    return db


@contextlib.contextmanager
def write_transaction(db: sqlite3.Connection) -> Iterator[None]:
    """One write transaction, taken at once (``BEGIN IMMEDIATE``) so two writers queue."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
