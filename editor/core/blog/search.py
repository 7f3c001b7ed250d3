"""Search across the blog's posts and drafts: an index kept in the user's cache folder.

The index is an SQLite database (the caller chooses its path; :func:`index_path` names one per
blog under a cache folder) with an FTS5 table using the ``trigram`` tokenizer, so any Japanese
substring of three characters or more is found without a word splitter.  Titles and bodies are
indexed folded: NFKC (full-width and half-width forms, ``ＡＩ`` = ``AI``, ``ｶﾞ`` = ``ガ``) and
lower-cased.

Queries of one or two characters (``投資``), which trigram cannot answer, fall back to a scan
with ``instr()`` over the folded text stored beside the index: slower, but still inside SQLite
and without reading the posts again.

Every candidate post is then searched line by line with the find bar's own matching
(:func:`editor.core.text.search.find_all`, width-insensitive), so a hit's line and span are in
the file as written.  Hits come newest post first (the post's date from
:func:`editor.core.blog.posts.post_date`), then by path, then by line.

:meth:`SearchIndex.update` is incremental: a file is read again only when its size or
modification time changed; files that are no longer posts are dropped.  Each update is one
transaction in WAL mode, so two windows updating the same index at once do not corrupt it.  A
missing, corrupt or foreign index file is rebuilt.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from editor.core.blog.posts import draft_files, post_date, post_files
from editor.core.files.cache import blog_key, discard_cache_file, open_cache_db, write_transaction
from editor.core.files.reading import StorageError, read_post_file
from editor.core.post.split import split_post
from editor.core.post.yamlload import YamlLoadError, load_yaml
from editor.core.text.search import SearchOptions, find_all

SCHEMA_VERSION = 4
# The trigram tokenizer came with SQLite 3.34.
TRIGRAM_SQLITE = (3, 34, 0)
_TITLE_LINE = re.compile(r"^title\s*:", re.MULTILINE)
_LINE_BREAK = re.compile(r"\r\n|\n|\r")


def fold(text: str) -> str:
    """``text`` as the index holds it: NFKC-folded widths, lower-cased."""
    if not unicodedata.is_normalized("NFKC", text):  # most posts are: the quick check is cheap
        # Line by line (a line break never composes with its neighbours), so only the lines
        # that need it pay for normalizing.
        text = "\n".join(
            line if unicodedata.is_normalized("NFKC", line) else unicodedata.normalize("NFKC", line)
            for line in text.split("\n")
        )
    return text.lower()


def index_path(cache_dir: Path | str, root: Path | str) -> Path:
    """Where the index of the blog at ``root`` lives under ``cache_dir``: one file per blog,
    named by a hash of the blog's resolved path."""
    return Path(cache_dir) / f"{blog_key(root)}.sqlite"


def trigram_supported() -> bool:
    """True when this Python's SQLite has FTS5's trigram tokenizer (3.34 or later)."""
    return sqlite3.sqlite_version_info >= TRIGRAM_SQLITE


@dataclass(frozen=True)
class Hit:
    """One line that matches: ``line`` is 1-based in the file, ``spans`` are code points of
    ``text`` (the line as written, without its line break)."""

    path: Path
    title: str
    line: int
    text: str
    spans: tuple[tuple[int, int], ...]

    @property
    def span(self) -> tuple[int, int]:
        """The first match on the line."""
        return self.spans[0]


@dataclass(frozen=True)
class Update:
    """What an update did: files read (new or changed), dropped, and refused (unreadable)."""

    read: int
    dropped: int
    refused: int


_SCHEMA = """
CREATE TABLE files(
    id INTEGER PRIMARY KEY,
    path TEXT UNIQUE NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    title TEXT NOT NULL,
    sort_date REAL,
    title_line INTEGER,
    title_text TEXT,
    body_line INTEGER NOT NULL,
    body TEXT NOT NULL,
    folded TEXT NOT NULL
);
CREATE INDEX files_order ON files(sort_date IS NULL, sort_date DESC, path);
CREATE VIRTUAL TABLE fts USING fts5(
    folded, content='files', content_rowid='id', tokenize='trigram', detail='none'
);
"""


class SearchIndex:
    """The search index of one blog, in the SQLite file ``path`` (made when missing).

    ``zone`` is the site's time zone, for the dates posts are ordered by.
    """

    def __init__(self, root: Path | str, path: Path | str, zone: dt.tzinfo | None = None):
        self.root = Path(root)
        self.path = Path(path)
        self.zone = zone
        self._db = self._open()

    # -- the file ---------------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            return self._connect()
        except sqlite3.DatabaseError:  # garbage, a truncated file, someone else's database
            self._discard()
            return self._connect()

    def _connect(self) -> sqlite3.Connection:
        return open_cache_db(self.path, _SCHEMA, SCHEMA_VERSION, "SELECT count(*) FROM files")

    def _discard(self) -> None:
        discard_cache_file(self.path)

    def close(self) -> None:
        """Close the database file."""
        self._db.close()

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _guarded(self, action):
        """Run ``action()``; an index found corrupt on the way is rebuilt from the posts and
        asked again.  Other failures (a busy or unwritable file) are the caller's to report."""
        try:
            return action()
        except sqlite3.OperationalError:
            raise
        except sqlite3.DatabaseError:  # "file is not a database", "disk image is malformed"
            self._db.close()
            self._discard()
            self._db = self._connect()
            self._update()
            return action()

    # -- keeping it up to date --------------------------------------------------------------

    def update(self) -> Update:
        """Bring the index up to date with the blog's posts and drafts on disk."""
        return self._guarded(self._update)

    def _update(self) -> Update:
        files = {str(p): p for p in [*post_files(self.root), *draft_files(self.root)]}
        known = {
            path: (size, mtime_ns)
            for path, size, mtime_ns in self._db.execute("SELECT path, size, mtime_ns FROM files")
        }
        rows, refused = [], []
        for name, path in files.items():
            try:
                info = os.stat(path)
            except OSError:
                refused.append(name)
                continue
            if known.get(name) == (info.st_size, info.st_mtime_ns):
                continue
            row = self._row(path)
            if row is None:
                refused.append(name)
            else:
                rows.append(row)
        gone = [name for name in known if name not in files or name in refused]
        if rows or gone:
            with write_transaction(self._db):
                for name in gone:
                    self._drop(name)
                for row in rows:
                    self._drop(row[0])
                    cursor = self._db.execute(
                        "INSERT INTO files(path, size, mtime_ns, title, sort_date, title_line,"
                        " title_text, body_line, body, folded)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        row,
                    )
                    self._db.execute(
                        "INSERT INTO fts(rowid, folded) VALUES (?, ?)",
                        (cursor.lastrowid, row[-1]),
                    )
        return Update(len(rows), len([n for n in gone if n in known]), len(refused))

    def _drop(self, name: str) -> None:
        found = self._db.execute("SELECT id, folded FROM files WHERE path = ?", (name,)).fetchone()
        if found:  # the index only refers to the text in files: it is told what to forget
            self._db.execute("INSERT INTO fts(fts, rowid, folded) VALUES ('delete', ?, ?)", found)
            self._db.execute("DELETE FROM files WHERE id = ?", found[:1])

    def _row(self, path: Path) -> tuple | None:
        try:
            loaded = read_post_file(path)
        except (OSError, StorageError):
            return None
        source = split_post(loaded.text)
        try:
            front = load_yaml(source.front_matter).value if source.front_matter.strip() else {}
        except (YamlLoadError, ValueError):
            front = {}
        front = front if isinstance(front, dict) else {}
        title = front.get("title")
        title = "" if title is None else str(title)
        date = post_date(front.get("date"), path, self.zone)
        found = _TITLE_LINE.search(source.front_matter) if "title" in front else None
        title_line = title_text = None
        if found:
            before = source.bom + source.opening + source.front_matter[: found.start()]
            title_line = len(_LINE_BREAK.findall(before)) + 1
            title_text = _LINE_BREAK.split(source.front_matter[found.start() :], 1)[0]
        return (
            str(path),
            loaded.fingerprint.size,
            loaded.fingerprint.mtime_ns,
            title,
            date.timestamp() if date else None,
            title_line,
            title_text,
            source.body_line_offset + 1,
            source.body,
            fold(title) + "\n" + fold(source.body),
        )

    # -- asking it --------------------------------------------------------------------------

    def search(self, query: str, limit: int | None = None) -> list[Hit]:
        """The lines matching ``query`` (width- and case-insensitive), at most ``limit``."""
        wanted = fold(query)
        if not wanted.strip() or "\x00" in wanted:  # no post holds a NUL: the reader refuses it
            return []
        return self._guarded(lambda: list(self._hits(query, wanted, limit)))

    def _candidates(self, wanted: str) -> Iterator[int]:
        """The posts holding ``wanted``, newest first: ids only, so a search that stops at
        ``limit`` reads the text of just the posts it shows (and the scan of short queries,
        walking the posts in date order, stops there too)."""
        order = "ORDER BY files.sort_date IS NULL, files.sort_date DESC, files.path"
        if len(wanted) >= 3:
            # Every trigram of the query (the index keeps no positions, which makes it a
            # third of the size); the lines are checked one by one below anyway.
            grams = {wanted[i : i + 3] for i in range(len(wanted) - 2)}
            phrase = " AND ".join('"' + gram.replace('"', '""') + '"' for gram in sorted(grams))
            rows = self._db.execute(
                f"SELECT files.id FROM fts JOIN files ON files.id = fts.rowid"
                f" WHERE fts MATCH ? {order}",
                (phrase,),
            )
        else:  # trigram cannot answer one or two characters: scan the stored folded text
            rows = self._db.execute(
                f"SELECT id FROM files WHERE instr(folded, ?) > 0 {order}", (wanted,)
            )
        return (row[0] for row in rows)

    def _hits(self, query: str, wanted: str, limit: int | None) -> Iterator[Hit]:
        count = 0
        for found in self._candidates(wanted):
            row = self._db.execute(
                "SELECT path, title, title_line, title_text, body_line, body FROM files"
                " WHERE id = ?",
                (found,),
            ).fetchone()
            if row is None:  # dropped by another window's update meanwhile
                continue
            name, title, title_line, title_text, body_line, body = row
            path = Path(name)
            lines = [(title_line, title_text)] if title_line is not None else []
            lines += enumerate(_LINE_BREAK.split(body), start=body_line)
            for number, text in lines:
                if wanted not in fold(text):
                    continue
                spans = find_all(text, query, _OPTIONS).spans
                if not spans:
                    continue
                yield Hit(path, title, number, text, tuple(spans))
                count += 1
                if limit is not None and count >= limit:
                    return


_OPTIONS = SearchOptions(width_insensitive=True)
