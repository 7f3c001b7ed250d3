"""The catalogue of a blog's posts and drafts: what the post browser lists, kept in the cache.

Each entry is a post or draft file as :mod:`editor.core.blog.posts` finds them, with its title,
date (:func:`~editor.core.blog.posts.post_date`, in the site's zone), categories and tags
(:func:`~editor.core.blog.posts.post_categories`, :func:`~editor.core.blog.posts.post_tags`),
``published: false``, its size and modification time.  Whether a post is dated in the future is
asked of :func:`~editor.core.blog.posts.is_listed` when the entries are handed out, against now
and the site's ``future:`` setting, never stored.  A file whose front matter cannot be read is
listed all the same, titled by its file name and marked unreadable.

The entries live in an SQLite file (``blog_cache_file("catalog", root)``).  :meth:`Catalog.cached`
hands them out as stored without touching the posts (the browser shows them at once);
:meth:`Catalog.update` stats every file and reads again only those whose size or modification
time changed, so a warm start reads no post.  Whether a post has doctor errors is worked out by
:meth:`Catalog.check_doctor` for the posts not yet checked with the same doctor settings, and
kept beside the entry until the file changes.  A missing, corrupt or foreign cache is rebuilt.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from editor.core.blog import posts
from editor.core.blog.dates import zone_or_local
from editor.core.blog.progress import NO_PROGRESS, Progress
from editor.core.blog.taxonomy import fold
from editor.core.doctor import diagnose
from editor.core.files.cache import (
    blog_cache_file,
    discard_cache_file,
    open_cache_db,
    write_transaction,
)
from editor.core.files.storage import StorageError, read_post_file

SCHEMA_VERSION = 2
KINDS = ("post", "draft")
# What a row can be: its kind and what the front matter, the date, git and the doctor say.
STATES = (
    "draft",
    "published",
    "unpublished",  # published: false
    "future",
    "modified",
    "new",
    "untracked",
    "doctor-errors",
    "unreadable",
)
VCS_STATES = ("modified", "new", "untracked")
# Between the categories (and the tags) of a row: a control character no tag is written with.
_SEPARATOR = "\x1f"

_SCHEMA = """
CREATE TABLE entries(
    path TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    title TEXT NOT NULL,
    date REAL,
    categories TEXT NOT NULL,
    tags TEXT NOT NULL,
    folded TEXT NOT NULL,
    unpublished INTEGER NOT NULL,
    unreadable INTEGER NOT NULL,
    doctor_key TEXT,
    doctor_errors INTEGER
);
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)
"""


@dataclass(frozen=True)
class Entry:
    """One post or draft as the browser lists it.  ``future`` is relative to when the entries
    were handed out; ``doctor_errors`` is ``None`` until the doctor has checked the file."""

    file: str  # the file's path as text (the catalogue hands out thousands: no Path each)
    kind: str  # "post" or "draft"
    title: str
    date: dt.datetime | None
    categories: tuple[str, ...]
    tags: tuple[str, ...]
    unpublished: bool = False
    future: bool = False
    unreadable: bool = False
    size: int = 0
    mtime_ns: int = 0
    doctor_errors: bool | None = None
    folded: str = field(default="", compare=False, repr=False)

    @property
    def path(self) -> Path:
        return Path(self.file)

    def states(self, vcs: str | None = None) -> frozenset[str]:
        """The row's states (names of :data:`STATES`); ``vcs`` is git's word for the file."""
        found = {self.kind if self.kind == "draft" else "published"}
        if self.kind == "post" and (self.unpublished or self.future):
            found.discard("published")
        found |= {
            name
            for name, on in (
                ("unpublished", self.unpublished),
                ("future", self.future),
                ("unreadable", self.unreadable),
                ("doctor-errors", bool(self.doctor_errors)),
            )
            if on
        }
        if vcs in VCS_STATES:
            found.add(vcs)
        return frozenset(found)


@dataclass(frozen=True)
class Filter:
    """What the browser shows: ``text`` in the title, file name, categories or tags (folded as
    completion folds: width, case, kana), and optionally one category, tag, year and state."""

    text: str = ""
    category: str | None = None
    tag: str | None = None
    year: int | None = None
    state: str | None = None


def select(
    entries: Iterable[Entry], wanted: Filter, vcs: dict[str, str] | None = None
) -> list[Entry]:
    """The entries ``wanted`` lets through, in their order; ``vcs`` is git's word for each
    file (by :attr:`Entry.file`)."""
    needle = fold(wanted.text.strip())
    vcs = vcs or {}
    found = []
    for entry in entries:
        if needle and needle not in entry.folded:
            continue
        if wanted.category is not None and wanted.category not in entry.categories:
            continue
        if wanted.tag is not None and wanted.tag not in entry.tags:
            continue
        if wanted.year is not None and (entry.date is None or entry.date.year != wanted.year):
            continue
        if wanted.state is not None and wanted.state not in entry.states(vcs.get(entry.file)):
            continue
        found.append(entry)
    return found


def sort_entries(entries: Iterable[Entry], by: str = "date", reverse: bool = False):
    """``by`` "date", newest first (undated last), or "title" in code-point order of the title
    (kana before kanji, as Unicode numbers them; kanji are not read); ties by path.
    ``reverse`` turns the order round (undated posts stay last)."""
    items = sorted(entries, key=lambda e: e.file)
    if by == "title":
        return sorted(items, key=lambda e: e.title, reverse=reverse)
    dated = [e for e in items if e.date is not None]
    dated.sort(key=lambda e: e.date, reverse=not reverse)
    return dated + [e for e in items if e.date is None]


@dataclass(frozen=True)
class Update:
    """What an update did: files read (new or changed), dropped (gone), and the entries now."""

    read: int
    dropped: int
    entries: list[Entry]


class Catalog:
    """The catalogue of the blog at ``root``; ``site`` is its ``_config.yml`` (``timezone``,
    ``future``).  ``path`` is the cache file (the blog's own under the cache folder by default).
    Each call opens the file anew, so the window's thread and a worker may both use one."""

    def __init__(self, root: Path | str, site: dict[str, Any] | None = None, path=None):
        self.root = Path(root)
        self.site = site or {}
        self.zone = zone_or_local(self.site.get("timezone"))
        self.path = Path(path) if path is not None else blog_cache_file("catalog", self.root)

    # -- the file ---------------------------------------------------------------------------

    @contextlib.contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            db = self._connect()
        except sqlite3.DatabaseError:  # garbage, a truncated file, someone else's database
            self._discard()
            db = self._connect()
        try:
            yield db
        finally:
            db.close()

    def _connect(self) -> sqlite3.Connection:
        db = open_cache_db(self.path, _SCHEMA, SCHEMA_VERSION, "SELECT count(*) FROM entries")
        try:
            zone = db.execute("SELECT value FROM meta WHERE key = 'zone'").fetchone()
            if zone is None or zone[0] != str(self.zone):  # dates were read in another zone
                with write_transaction(db):
                    db.execute("DELETE FROM entries")
                    db.execute("INSERT OR REPLACE INTO meta VALUES ('zone', ?)", (str(self.zone),))
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def _discard(self) -> None:
        discard_cache_file(self.path)

    def _guarded(self, action):
        """``action(db)``; a cache found corrupt on the way is thrown away and made again."""
        try:
            with self._db() as db:
                return action(db)
        except sqlite3.OperationalError:
            raise
        except sqlite3.DatabaseError:
            self._discard()
            with self._db() as db:
                return action(db)

    # -- reading it -------------------------------------------------------------------------

    def cached(self, now: dt.datetime | None = None) -> list[Entry]:
        """The entries as the cache holds them, without looking at the posts."""
        return self._guarded(lambda db: self._entries(db, now))

    def _entries(self, db: sqlite3.Connection, now: dt.datetime | None) -> list[Entry]:
        now = now or dt.datetime.now(self.zone)
        rows = db.execute(
            "SELECT path, kind, size, mtime_ns, title, date, categories, tags, folded,"
            " unpublished, unreadable, doctor_errors FROM entries"
        )
        return [self._entry(row, now) for row in rows]

    def _entry(self, row: tuple, now: dt.datetime) -> Entry:
        name, kind, size, mtime_ns, title, stamp, categories, tags, folded = row[:9]
        unpublished, unreadable, doctor_errors = row[9:]
        date = None if stamp is None else dt.datetime.fromtimestamp(stamp, self.zone)
        # Future: what site.posts would leave out for its date alone (published aside).
        future = kind == "post" and not posts.is_listed({}, date, self.site, now)
        return Entry(
            file=name,
            kind=kind,
            title=title,
            date=date,
            categories=_split(categories),
            tags=_split(tags),
            unpublished=bool(unpublished),
            future=future,
            unreadable=bool(unreadable),
            size=size,
            mtime_ns=mtime_ns,
            doctor_errors=None if doctor_errors is None else bool(doctor_errors),
            folded=folded,
        )

    # -- keeping it up to date --------------------------------------------------------------

    def update(self, progress: Progress = NO_PROGRESS, only: Iterable[Path] | None = None):
        """Bring the catalogue up to date with the blog's posts and drafts on disk and return
        the entries (:class:`Update`).  ``only``: look at just these files (a saved post, a
        renamed one), not the whole blog."""
        if only is None:
            files = {str(p): kind for kind in KINDS for p in _files(self.root, kind)}
            look = None
        else:
            look = {str(Path(p)) for p in only}
            files = {}
            for name in look:
                kind = posts.kind_of(self.root, name)
                if kind is not None and os.path.isfile(name):
                    files[name] = kind
        return self._guarded(lambda db: self._update(db, files, look, progress))

    def _update(self, db, files: dict[str, str], look: set[str] | None, progress) -> Update:
        known = {
            name: (size, mtime_ns)
            for name, size, mtime_ns in db.execute("SELECT path, size, mtime_ns FROM entries")
            if look is None or name in look
        }
        rows = []
        total = len(files)
        for done, (name, kind) in enumerate(files.items()):
            if done % 200 == 0:
                progress.step(done, total)
            try:
                info = os.stat(name)
            except OSError:
                continue
            if known.get(name) == (info.st_size, info.st_mtime_ns):
                continue
            rows.append(self._row(Path(name), kind, info))
        gone = [name for name in known if name not in files]
        progress.check()  # nothing is written once cancelled
        if rows or gone:
            with write_transaction(db):
                db.executemany("DELETE FROM entries WHERE path = ?", [(n,) for n in gone])
                db.executemany(
                    "INSERT OR REPLACE INTO entries(path, kind, size, mtime_ns, title, date,"
                    " categories, tags, folded, unpublished, unreadable, doctor_key,"
                    " doctor_errors) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)",
                    rows,
                )
        progress.step(total, total)
        return Update(len(rows), len(gone), self._entries(db, None))

    def _row(self, path: Path, kind: str, info: os.stat_result) -> tuple:
        front = posts.read_metadata_or_none(path)
        unreadable = front is None
        front = front or {}
        title = posts.shown_title(front.get("title"), path)
        date = posts.post_date(front.get("date"), path if kind == "post" else None, self.zone)
        categories = posts.post_categories(self.root, path, front)
        tags = [str(tag) for tag in posts.post_tags(front)]
        return (
            str(path),
            kind,
            info.st_size,
            info.st_mtime_ns,
            title,
            None if date is None else date.timestamp(),
            _SEPARATOR.join(categories),
            _SEPARATOR.join(tags),
            fold("\n".join([title, path.name, *categories, *tags])),  # what the filter box looks in
            int(front.get("published") is False),
            int(unreadable),
        )

    # -- the doctor -------------------------------------------------------------------------

    def check_doctor(
        self,
        settings_key: str,
        has_errors: Callable[[Path], bool],
        progress: Progress = NO_PROGRESS,
    ) -> int:
        """Ask ``has_errors(path)`` of every entry not yet checked under ``settings_key`` (the
        doctor's settings, see :func:`doctor_key`) and keep the answers; returns how many were
        checked.  Each answer is kept as it comes, so a cancelled run loses nothing done."""
        todo = self._guarded(
            lambda db: db.execute(
                "SELECT path, size, mtime_ns FROM entries"
                " WHERE doctor_key IS NULL OR doctor_key != ?",
                (settings_key,),
            ).fetchall()
        )
        for done, (name, size, mtime_ns) in enumerate(todo):
            progress.step(done, len(todo))
            answer = int(bool(has_errors(Path(name))))
            self._guarded(
                lambda db, n=name, s=size, m=mtime_ns, a=answer: db.execute(
                    "UPDATE entries SET doctor_key = ?, doctor_errors = ?"
                    " WHERE path = ? AND size = ? AND mtime_ns = ?",
                    (settings_key, a, n, s, m),
                )
            )
        progress.step(len(todo), len(todo))
        return len(todo)


def has_doctor_errors(path: Path | str, config: Any, root: Path | str) -> bool:
    """True when the doctor finds an error (not a warning) in the post at ``path``; a file that
    cannot be read has none (the catalogue lists it as unreadable)."""
    try:
        text = read_post_file(Path(path)).text
    except (OSError, StorageError):
        return False
    return any(f.severity == "error" for f in diagnose(text, config, Path(root), Path(path)))


def doctor_key(config: Any) -> str:
    """A stable text of the doctor's settings (a dataclass): answers kept under another key
    are asked again."""
    values = dataclasses.asdict(config)
    values = {k: sorted(v) if isinstance(v, frozenset | set) else v for k, v in values.items()}
    return json.dumps(values, sort_keys=True, ensure_ascii=False, default=str)


def _split(joined: str) -> tuple[str, ...]:
    return tuple(joined.split(_SEPARATOR)) if joined else ()


def _files(root: Path, kind: str) -> list[Path]:
    return posts.post_files(root) if kind == "post" else posts.draft_files(root)
