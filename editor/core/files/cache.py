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


@contextlib.contextmanager
def write_transaction(db: sqlite3.Connection) -> Iterator[None]:
    """One write transaction on a cache's SQLite file, taken at once (``BEGIN IMMEDIATE``) so two writers queue."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def discard_cache_file(path: Path | str) -> None:
    """Remove an SQLite cache file and what SQLite keeps beside it (to be made again)."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(f"{path}{suffix}")


def open_cache_db(path: Path | str, schema: str, version: int, check: str) -> sqlite3.Connection:
    """The SQLite cache file at ``path`` in WAL mode, made with ``schema`` (statements split on
    ``;``) and marked ``version`` when empty; ``check`` is a statement it must answer.  Raises
    ``sqlite3.DatabaseError`` for a corrupt file, another version or someone else's database:
    the caller discards it (:func:`discard_cache_file`) and opens it again."""
    # A task may open the file on one thread and hand it on; each connection is used by one
    # thread at a time.
    db = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
    try:
        db.execute("PRAGMA journal_mode=WAL")
        # A cache: a power cut may lose the last writes (made again next time), never the
        # file's soundness, so no sync on every commit.
        db.execute("PRAGMA synchronous=NORMAL")
        if db.execute("PRAGMA user_version").fetchone()[0] != version:
            with write_transaction(db):
                tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
                if db.execute("PRAGMA user_version").fetchone()[0] != version:
                    if tables:
                        raise sqlite3.DatabaseError(f"{path}: not a Tsuzuri cache of this version")
                    for statement in filter(str.strip, schema.split(";")):
                        db.execute(statement)
                    db.execute(f"PRAGMA user_version={version}")
        db.execute(check).fetchall()
    except sqlite3.DatabaseError:
        db.close()
        raise
    return db
