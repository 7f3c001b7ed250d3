"""Search across the blog's posts and drafts: an index kept in the user's cache folder.

The index is an SQLite database (the caller chooses its path; :func:`index_path` names one per
blog under a cache folder) with an FTS5 table using the ``trigram`` tokenizer, so any Japanese
substring of three characters or more is found without a word splitter.  Titles and bodies are
indexed folded as the find bar matches them (:func:`editor.core.text.search.fold_width`: NFKC
widths, ``ＡＩ`` = ``AI``, ``ｶﾞ`` = ``ガ``) and lower-cased.

Each body is stored once, as written (hits show lines as they are in the file); the full-text
table is contentless (``content=''``): it keeps only its trigram lists, and a post being
replaced is folded again to tell it what to forget.

Queries of one or two characters (``投資``), which are shorter than any trigram, are answered
from the trigram index too: every place a two-character string occurs is the start of a
trigram, except at the very end of the text, so two sentinel characters (U+E000) are appended
when a post is indexed.  The ``fts5vocab`` table lists the index's terms in order; the terms
between ``投資`` and ``投資`` followed by the highest characters are exactly the trigrams that
start with it, and the posts holding any of them are the posts holding ``投資``.  That is a
range read of the term list and of their post lists, never a scan of the text: a query no post
holds finds no term and ends at once.

Every candidate post is then searched with the find bar's own matching
(:func:`editor.core.text.search.find_all`, width-insensitive), so a hit's line and span are in
the file as written.  Hits come newest post first (the post's date from
:func:`editor.core.blog.posts.post_date`), then by path, then by line.

:meth:`SearchIndex.update` is incremental: a file is read again only when its size or
modification time changed; files that are no longer posts are dropped.  It writes in batches,
each one transaction in WAL mode, so two windows updating the same index at once do not
corrupt it (the second waits for the first, up to a busy timeout), and work cancelled half way
leaves every post either indexed or not.  :meth:`SearchIndex.update_file` reads one post again
(after a save).  A missing, corrupt or foreign index file is rebuilt (``rebuilt`` says so).
"""

from __future__ import annotations

import bisect
import datetime as dt
import os
import re
import sqlite3
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from editor.core.blog.posts import draft_files, kind_of, post_date, post_files
from editor.core.blog.progress import NO_PROGRESS, Progress
from editor.core.files.cache import blog_key, discard_cache_file, open_cache_db, write_transaction
from editor.core.files.reading import StorageError, read_post_file
from editor.core.post.split import split_post
from editor.core.post.yamlload import YamlLoadError, load_yaml
from editor.core.text.search import SearchOptions, find_all, fold_width

SCHEMA_VERSION = 5
# The trigram tokenizer came with SQLite 3.34.
TRIGRAM_SQLITE = (3, 34, 0)
# Appended twice to each indexed text, so its last one or two characters start a trigram too.
SENTINEL = "\ue000"
# Above every character: a term range "starts with" ends here.
_LAST = "\U0010ffff"
# Posts written per transaction: a cancelled or interrupted update keeps what it finished.
BATCH = 200
_TITLE_LINE = re.compile(r"^title\s*:", re.MULTILINE)
_LINE_BREAK = re.compile(r"\r\n|\n|\r")


def folded(text: str) -> str:
    """``text`` as the index holds it: widths folded as the find bar folds them, lower-cased."""
    return fold_width(text).lower()


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
    """What an update did: files read (new or changed), dropped, and refused (unreadable);
    ``rebuilt`` when the index file was missing its contents, corrupt or foreign and was made
    again."""

    read: int
    dropped: int
    refused: int
    rebuilt: bool = False


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
    body TEXT NOT NULL
);
CREATE INDEX files_order ON files(sort_date IS NULL, sort_date DESC, path);
CREATE VIRTUAL TABLE fts USING fts5(
    folded, content='', tokenize='trigram case_sensitive 1', detail='none'
);
CREATE VIRTUAL TABLE fts_terms USING fts5vocab(fts, 'row')
"""


def _indexed(title: str, body: str) -> str:
    """The text the full-text table is given for a post (and told to forget when it goes)."""
    return folded(title) + "\n" + folded(body) + SENTINEL * 2


class SearchIndex:
    """The search index of one blog, in the SQLite file ``path`` (made when missing).

    ``zone`` is the site's time zone, for the dates posts are ordered by.  One object may be
    used from one thread at a time (any thread); two objects, in two threads or two windows,
    may share the file.
    """

    def __init__(self, root: Path | str, path: Path | str, zone: dt.tzinfo | None = None):
        self.root = Path(root)
        self.path = Path(path)
        self.zone = zone
        self.rebuilt = False  # the file was found unusable and made again (since opened)
        self._db = self._open()

    # -- the file ---------------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            return self._connect()
        except sqlite3.OperationalError:  # busy or unwritable: the caller's to report
            raise
        except sqlite3.DatabaseError:  # garbage, a truncated file, someone else's database
            self._discard()
            return self._connect()

    def _connect(self) -> sqlite3.Connection:
        return open_cache_db(self.path, _SCHEMA, SCHEMA_VERSION, "SELECT count(*) FROM files")

    def _discard(self) -> None:
        self.rebuilt = True
        discard_cache_file(self.path)

    def close(self) -> None:
        """Close the database file."""
        self._db.close()

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _guarded(self, action: Callable, progress: Progress = NO_PROGRESS):
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
            self._update(progress)
            return action()

    # -- keeping it up to date --------------------------------------------------------------

    def update(self, progress: Progress = NO_PROGRESS) -> Update:
        """Bring the index up to date with the blog's posts and drafts on disk, reporting each
        post read to ``progress`` (cancelled: the posts written so far stay indexed)."""
        return self._guarded(lambda: self._update(progress), progress)

    def _update(self, progress: Progress = NO_PROGRESS) -> Update:
        files = {str(p): p for p in [*post_files(self.root), *draft_files(self.root)]}
        known = {
            path: (size, mtime_ns)
            for path, size, mtime_ns in self._db.execute("SELECT path, size, mtime_ns FROM files")
        }
        changed, refused = [], []
        for name, path in files.items():
            try:
                info = os.stat(path)
            except OSError:
                refused.append(name)
                continue
            if known.get(name) != (info.st_size, info.st_mtime_ns):
                changed.append(path)
        gone = [name for name in known if name not in files or name in refused]
        if gone:
            with write_transaction(self._db):
                for name in gone:
                    self._drop(name)
        read = 0
        batches = [changed[start : start + BATCH] for start in range(0, len(changed), BATCH)]
        # The next batch is read and folded on a second thread while this one is written:
        # SQLite lets go of the interpreter while it works, so the two overlap.
        with ThreadPoolExecutor(1, thread_name_prefix="tsuzuri-index") as reader:
            coming = reader.submit(self._prepared, batches[0]) if batches else None
            for number, _batch in enumerate(batches):
                prepared = coming.result()
                if number + 1 < len(batches):
                    coming = reader.submit(self._prepared, batches[number + 1])
                progress.step(number * BATCH, len(changed))  # cancelled: this batch unwritten
                with write_transaction(self._db):
                    for name, row, text in prepared:
                        self._store(name, row, text, name in known)
                for name, row, _text in prepared:
                    if row is None:
                        refused.append(name)
                        gone.append(name)
                    else:
                        read += 1
        if changed:
            progress.step(len(changed), len(changed))
        dropped = len({n for n in gone if n in known})
        return Update(read, dropped, len(refused), self.rebuilt)

    def update_file(self, path: Path | str) -> bool:
        """Read one file again (a post just saved, renamed or deleted): indexed when it is a
        post or draft of the blog, dropped when it is gone or no longer one.  True when it is
        in the index afterwards."""
        path = Path(path)
        return self._guarded(lambda: self._update_file(path))

    def _update_file(self, path: Path) -> bool:
        row = self._row(path) if kind_of(self.root, path) and path.is_file() else None
        with write_transaction(self._db):
            self._store(str(path), row)
        return row is not None

    def _prepared(self, paths: list[Path]) -> list[tuple[str, tuple | None, str | None]]:
        """Each file's row and the text its trigrams come from (None: unreadable)."""
        out = []
        for path in paths:
            row = self._row(path)
            out.append((str(path), row, None if row is None else _indexed(row[3], row[-1])))
        return out

    def _store(
        self, name: str, row: tuple | None, text: str | None = None, known: bool = True
    ) -> None:
        """Replace what the index holds for ``name`` by ``row`` (None: forget it), whose
        indexed text is ``text`` (made here when not given); ``known``: it may be there."""
        if known:
            self._drop(name)
        if row is None:
            return
        cursor = self._db.execute(
            "INSERT INTO files(path, size, mtime_ns, title, sort_date, title_line,"
            " title_text, body_line, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            row,
        )
        self._db.execute(
            "INSERT INTO fts(rowid, folded) VALUES (?, ?)",
            (cursor.lastrowid, text if text is not None else _indexed(row[3], row[-1])),
        )

    def _drop(self, name: str) -> None:
        found = self._db.execute("SELECT id, title, body FROM files WHERE path = ?", (name,))
        found = found.fetchone()
        if found:  # a contentless index is told exactly what it was given, to forget it
            self._db.execute(
                "INSERT INTO fts(fts, rowid, folded) VALUES ('delete', ?, ?)",
                (found[0], _indexed(found[1], found[2])),
            )
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
        )

    # -- asking it --------------------------------------------------------------------------

    def search(self, query: str, limit: int | None = None) -> list[Hit]:
        """The lines matching ``query`` (width- and case-insensitive), at most ``limit``."""
        wanted = folded(query)
        if not wanted.strip() or "\x00" in wanted:  # no post holds a NUL: the reader refuses it
            return []
        return self._guarded(lambda: list(self._hits(query, limit)))

    def _candidates(self, wanted: str) -> Iterator[int]:
        """The posts holding ``wanted``, newest first: ids only, so a search that stops at
        ``limit`` reads the text of just the posts it shows.  The full-text index names the
        posts (in C, unsorted); the posts are then walked in date order, which stops as soon
        as the caller has enough."""
        if len(wanted) >= 3:
            # Every trigram of the query (the index keeps no positions, which makes it a
            # third of the size); the lines are checked one by one below anyway.
            terms = sorted({wanted[i : i + 3] for i in range(len(wanted) - 2)})
            joiner = " AND "
        else:  # shorter than a trigram: the trigrams that start with it, any of them
            terms = [
                row[0]
                for row in self._db.execute(
                    "SELECT term FROM fts_terms WHERE term >= ? AND term <= ?",
                    (wanted, wanted + _LAST * 2),
                )
            ]
            joiner = " OR "
        if not terms:
            return
        expression = joiner.join('"' + term.replace('"', '""') + '"' for term in terms)
        found = {
            row[0]
            for row in self._db.execute("SELECT rowid FROM fts WHERE fts MATCH ?", (expression,))
        }
        if not found:
            return
        newest_first = self._db.execute(
            "SELECT id FROM files ORDER BY sort_date IS NULL, sort_date DESC, path"
        )
        for (post,) in newest_first:
            if post in found:
                yield post

    def _hits(self, query: str, limit: int | None) -> Iterator[Hit]:
        count = 0
        for found in self._candidates(folded(query)):
            row = self._db.execute(
                "SELECT path, title, title_line, title_text, body_line, body FROM files"
                " WHERE id = ?",
                (found,),
            ).fetchone()
            if row is None:  # dropped by another window's update meanwhile
                continue
            name, title, title_line, title_text, body_line, body = row
            path = Path(name)
            for number, text, spans in _matching_lines(query, title_line, title_text):
                yield Hit(path, title, number, text, spans)
                count += 1
                if limit is not None and count >= limit:
                    return
            for number, text, spans in _matching_lines(query, body_line, body):
                yield Hit(path, title, number, text, spans)
                count += 1
                if limit is not None and count >= limit:
                    return


_OPTIONS = SearchOptions(width_insensitive=True)


def _matching_lines(
    query: str, first_line: int | None, text: str | None
) -> Iterator[tuple[int, str, tuple[tuple[int, int], ...]]]:
    """The lines of ``text`` (its first is line ``first_line`` of the file) that hold a match
    of ``query``: line number, the line as written, the spans on it.  The folded text finds
    the lines (folding keeps every line break); the find bar's matching then runs on just
    those lines, for spans in the line as written."""
    if first_line is None or not text:
        return
    wanted, haystack = folded(query), folded(text)
    at = haystack.find(wanted)
    if at < 0:
        return
    starts = [0] + [m.end() for m in _LINE_BREAK.finditer(haystack)]
    lines = _LINE_BREAK.split(text)
    while at >= 0:
        index = bisect.bisect_right(starts, at) - 1
        spans = find_all(lines[index], query, _OPTIONS).spans
        if spans:
            yield first_line + index, lines[index], tuple(spans)
        if index + 1 >= len(starts):
            return
        at = haystack.find(wanted, starts[index + 1])
