"""Passages a post repeats from another post of the blog, and posts that nearly repeat each other.

Each post is cut into paragraphs as the doctor reads Markdown (:func:`doctor.text.scan_blocks`):
prose paragraphs and quotes only, so code blocks, front matter, headings, tables, HTML and lists
(mostly lists of links, which repeat by nature) are left out.  A paragraph's *key* is its prose
(links keep their text; code spans, URLs, images and tags are blanked) folded with NFKC and
lower-cased, with every space and punctuation mark dropped, so ``ＡＩは、`` and ``AIは`` agree.
Keys shorter than :data:`MIN_CHARS` are left out: a short line ("詳しくは以下をご覧ください") is a
generic phrase, not a passage.

Fingerprints kept per paragraph: the key's hash (exact repeats); a bottom-k sketch of its
character trigrams (the :data:`SKETCH_SIZE` smallest crc32 values), from which the trigram
resemblance of two paragraphs is estimated (near repeats: a changed word, a reworded clause);
and marks (:func:`marks`) through which the candidates to compare are found without comparing
every pair.  Character n-grams need no word splitter, so Japanese is handled as it is written.

Boilerplate: a paragraph found in more than :data:`BOILERPLATE_POSTS` posts (a disclaimer, a
footer, a fixed call to action) is a template, not a repeat, and is never reported.  Three,
because a writer reusing a passage does so once or twice (a series' introduction in its parts),
while a template sits in many posts.

The fingerprints live in an SQLite file (:func:`store_path`), updated incrementally by size and
modification time (:meth:`OverlapStore.update`, with progress, cancellable: files are written in
batches, each file whole or not at all).  :meth:`OverlapStore.lookup` answers the doctor from a
post's own paragraphs (indexed lookups, O(paragraphs of the post)); :meth:`OverlapStore.pairs`
lists pairs of posts sharing a large part of their paragraphs.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import hashlib
import multiprocessing
import os
import re
import sqlite3
import unicodedata
import zlib
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from editor.core.blog.posts import draft_files, post_files, read_metadata, shown_title
from editor.core.blog.progress import NO_PROGRESS, Progress
from editor.core.doctor.config import DoctorConfig
from editor.core.doctor.text import Block, masked_blocks, scan_blocks
from editor.core.files.cache import (
    blog_cache_file,
    discard_cache_file,
    open_cache_db,
    write_transaction,
)
from editor.core.files.reading import StorageError, read_post_file
from editor.core.post.split import split_post

SCHEMA_VERSION = 2
# Paragraphs whose key (letters and digits only) is shorter are not compared.
MIN_CHARS = 40
# A paragraph in more posts than this is boilerplate (see the module's description).
BOILERPLATE_POSTS = 3
SKETCH_SIZE = 32
# Marks indexed for near lookups: the smallest crc32 values of the key's trigrams and of its
# runs of LONG characters.  A mark held by more paragraphs than COMMON_MARK says nothing about
# copying (a trigram of everyday Japanese); the long runs stay rare where every post draws on the
# same words (the generated blog of the benchmark), the trigrams survive heavier rewording.
MARKS = 4
LONG = 16
COMMON_MARK = 64
# Marks two paragraphs must share before their sketches are compared: near copies share several,
# paragraphs that merely use the same words one at most.
VOTES = 2
# Estimated trigram resemblance from which two paragraphs are near repeats (a changed word in a
# paragraph of 60 characters keeps about 0.85; unrelated paragraphs on the same topic 0.1): the
# doctor's setting, whose default the pair list uses too.  At 0.5, 1 of 11 flagged pairs of the
# corpus was two unrelated English paragraphs (common trigrams); at 0.55, none of 10.
NEAR = DoctorConfig.across_similarity
# Share of a post's compared paragraphs found in the other post from which two posts are listed.
POST_SHARE = 0.3
_BATCH = 200
# From this many changed files on (a first start, a pull), the posts are read and fingerprinted
# by worker processes (one per core, at most four): about 6 ms of CPU a post, which on a
# 10,000-post blog would otherwise hold this process's interpreter for a minute.
PARALLEL_FROM = 64
_KINDS = ("paragraph", "quote")
_NOT_WORD = re.compile(r"[\W_]+")
_LINE_BREAK = re.compile(r"\r\n|\n|\r")


@dataclass(frozen=True)
class Paragraph:
    """A compared paragraph: code points ``start``..``end`` of the file, 0-based ``line`` (of
    the file, front matter counted), its key, the key's hash and its trigram sketch."""

    start: int
    end: int
    line: int
    key: str
    digest: int
    sketch: tuple[int, ...]
    marks: tuple[int, ...] = ()


def fold(prose: str) -> str:
    """The comparison key of a paragraph's prose: NFKC, lower case, letters and digits only."""
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", prose).lower())


def digest(key: str) -> int:
    """A stable 63-bit hash of ``key`` (SQLite's integers are signed)."""
    raw = hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(raw, "big") >> 1


def sketch(key: str) -> tuple[int, ...]:
    """The :data:`SKETCH_SIZE` smallest crc32 values of the key's character trigrams."""
    data = key.encode("utf-32-le")  # four bytes a character: a trigram is a 12-byte slice
    grams = {data[i : i + 12] for i in range(0, max(4, len(data) - 8), 4)}
    return tuple(sorted(map(zlib.crc32, grams))[:SKETCH_SIZE])


def marks(key: str, values: tuple[int, ...]) -> tuple[int, ...]:
    """The near-lookup marks of ``key`` whose sketch is ``values`` (long runs above 2**32, so
    they never meet a trigram's value)."""
    data = key.encode("utf-32-le")
    runs = {data[i : i + 4 * LONG] for i in range(0, max(4, len(data) - 4 * LONG + 4), 4)}
    long = sorted(map(zlib.crc32, runs))[:MARKS]
    return values[:MARKS] + tuple(v | 1 << 32 for v in long)


def resemblance(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated trigram resemblance (Jaccard) of two paragraphs from their sketches."""
    union = sorted(set(a) | set(b))[:SKETCH_SIZE]
    if not union:
        return 0.0
    shared = set(a) & set(b)
    return sum(1 for v in union if v in shared) / len(union)


def paragraphs(text: str, blocks: list[Block] | None = None) -> list[Paragraph]:
    """The compared paragraphs of the post file ``text`` (``blocks``: its body's blocks, when
    already scanned)."""
    if blocks is None:
        source = split_post(text)
        blocks = scan_blocks(text, len(text) - len(source.body))
    chosen = [b for b in blocks if b.kind in _KINDS]
    if not chosen:
        return []
    starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
    out: list[Paragraph] = []
    line = 0
    for block, _offset, prose in masked_blocks(text, chosen):
        key = fold(prose)
        if len(key) < MIN_CHARS:
            continue
        while line + 1 < len(starts) and starts[line + 1] <= block.content_start:
            line += 1  # blocks come in file order: one walk over the lines
        end = block.end
        while end > block.start and text[end - 1] in "\r\n":
            end -= 1
        values = sketch(key)
        out.append(
            Paragraph(block.content_start, end, line, key, digest(key), values, marks(key, values))
        )
    return out


def fingerprint_file(path: Path, size: int, mtime_ns: int) -> tuple[Path, int, int, list]:
    """The compared paragraphs of the file at ``path`` with the size and mtime they are of (a
    file that cannot be read has none until it changes)."""
    try:
        loaded = read_post_file(path)
    except (OSError, StorageError):
        return path, size, mtime_ns, []
    return path, loaded.fingerprint.size, loaded.fingerprint.mtime_ns, paragraphs(loaded.text)


def _fingerprint_one(job: tuple[Path, int, int]) -> tuple[Path, int, int, list]:
    return fingerprint_file(*job)


@contextlib.contextmanager
def _fingerprinter(count: int):
    """``fingerprint(changed)``: the results of :func:`fingerprint_file` for ``(path, stat)``
    pairs, in order; by worker processes when there are many (:data:`PARALLEL_FROM`)."""
    workers = min(4, os.cpu_count() or 1)
    if count < PARALLEL_FROM or workers < 2:
        yield lambda changed: (
            fingerprint_file(path, info.st_size, info.st_mtime_ns) for path, info in changed
        )
        return
    pool = concurrent.futures.ProcessPoolExecutor(
        max_workers=workers, mp_context=multiprocessing.get_context("spawn")
    )
    try:
        yield lambda changed: pool.map(
            _fingerprint_one,
            [(path, info.st_size, info.st_mtime_ns) for path, info in changed],
            chunksize=16,
        )
    finally:
        pool.shutdown(wait=True, cancel_futures=True)  # cancelled: the queued files are dropped


def store_path(root: Path | str) -> Path:
    """Where the fingerprints of the blog at ``root`` are kept."""
    return blog_cache_file("overlap", root)


@dataclass(frozen=True)
class Repeat:
    """A paragraph of the checked post found in ``path`` at 0-based file ``line``."""

    paragraph: Paragraph
    path: Path
    line: int
    similarity: float  # 1.0: the same after folding


@dataclass(frozen=True)
class SharedParagraph:
    """Paragraph at ``line_a`` of post a repeats the one at ``line_b`` of post b (0-based)."""

    path_a: Path
    line_a: int
    path_b: Path
    line_b: int
    similarity: float


@dataclass(frozen=True)
class PostPair:
    """Two posts sharing paragraphs: ``similarity`` is the larger of the shares of each post's
    compared paragraphs found in the other; ``first`` the shared paragraph first in post a."""

    path_a: Path
    path_b: Path
    similarity: float
    shared: int
    first: SharedParagraph


_SCHEMA = """
CREATE TABLE files(
    id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL, size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL, paragraphs INTEGER NOT NULL
);
CREATE TABLE paras(
    id INTEGER PRIMARY KEY, file INTEGER NOT NULL, line INTEGER NOT NULL,
    digest INTEGER NOT NULL, sketch BLOB NOT NULL, marks BLOB NOT NULL
);
CREATE INDEX paras_digest ON paras(digest);
CREATE INDEX paras_file ON paras(file);
CREATE TABLE marks(
    value INTEGER NOT NULL, para INTEGER NOT NULL, PRIMARY KEY(value, para)
) WITHOUT ROWID;
"""


def _blob(values: tuple[int, ...], kind: str = "I") -> bytes:
    return array(kind, values).tobytes()


def _values(blob: bytes, kind: str = "I") -> tuple[int, ...]:
    out = array(kind)
    out.frombytes(blob)
    return tuple(out)


class OverlapStore:
    """The paragraph fingerprints of one blog in the SQLite file ``path`` (made when missing;
    a corrupt or foreign file is replaced: everything in it is made again from the posts).

    ``readonly`` opens an existing file only (the doctor): :class:`FileNotFoundError` when
    there is none.  One store per thread.
    """

    def __init__(self, root: Path | str, path: Path | str | None = None, readonly: bool = False):
        self.root = Path(root)
        self.path = Path(path) if path is not None else store_path(root)
        self.readonly = readonly
        if readonly:
            if not self.path.is_file():
                raise FileNotFoundError(self.path)
            uri = self.path.resolve().as_uri() + "?mode=ro"
            self._db = sqlite3.connect(uri, uri=True, timeout=5, isolation_level=None)
            self._db.execute("SELECT count(*) FROM files").fetchone()
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = open_cache_db(
                self.path, _SCHEMA, SCHEMA_VERSION, "SELECT count(*) FROM paras"
            )
        except sqlite3.DatabaseError:  # corrupt, another version, someone else's: made again
            discard_cache_file(self.path)
            self._db = open_cache_db(
                self.path, _SCHEMA, SCHEMA_VERSION, "SELECT count(*) FROM paras"
            )
        # The marks go into an index at random places: a page cache of 64 MB keeps those
        # writes in memory until the transaction commits (the default 2 MB thrashes).
        self._db.execute("PRAGMA cache_size=-65536")

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> OverlapStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- keeping it up to date --------------------------------------------------------------

    def update(self, progress: Progress = NO_PROGRESS) -> int:
        """Fingerprint the posts and drafts that are new or changed (by size and mtime) and
        forget those that are gone; returns how many files were read."""
        files = {str(p): p for p in [*post_files(self.root), *draft_files(self.root)]}
        known = {
            name: (size, mtime)
            for name, size, mtime in self._db.execute("SELECT path, size, mtime_ns FROM files")
        }
        gone = [name for name in known if name not in files]
        changed = []
        for name, path in files.items():
            try:
                info = os.stat(path)
            except OSError:
                continue
            if known.get(name) != (info.st_size, info.st_mtime_ns):
                changed.append((path, info))
        total = len(changed)
        progress.step(0, total)
        if gone:
            with write_transaction(self._db):
                for name in gone:
                    self._drop(name)
        batch: list[tuple[Path, int, int, list[Paragraph]]] = []
        with _fingerprinter(total) as fingerprint:
            for done, item in enumerate(fingerprint(changed), start=1):
                batch.append(item)
                if len(batch) >= _BATCH or done == total:
                    progress.check()  # a cancelled update leaves the batch unwritten
                    self._write(batch)
                    batch = []
                progress.step(done, total)
        return total

    def _drop(self, name: str) -> None:
        row = self._db.execute("SELECT id FROM files WHERE path = ?", (name,)).fetchone()
        if row:
            # A paragraph's marks are the first values of its sketch: found by key, no index.
            marks = [
                (v, para)
                for para, blob in self._db.execute(
                    "SELECT id, marks FROM paras WHERE file = ?", row
                )
                for v in _values(blob, "q")
            ]
            self._db.executemany("DELETE FROM marks WHERE value = ? AND para = ?", marks)
            self._db.execute("DELETE FROM paras WHERE file = ?", row)
            self._db.execute("DELETE FROM files WHERE id = ?", row)

    def _write(self, batch: list[tuple[Path, int, int, list[Paragraph]]]) -> None:
        with write_transaction(self._db):
            for path, _size, _mtime, _found in batch:
                self._drop(str(path))
            para = self._db.execute("SELECT coalesce(max(id), 0) FROM paras").fetchone()[0]
            paras, marks = [], []
            for path, size, mtime, found in batch:
                file_id = self._db.execute(
                    "INSERT INTO files(path, size, mtime_ns, paragraphs) VALUES (?, ?, ?, ?)",
                    (str(path), size, mtime, len(found)),
                ).lastrowid
                for p in found:
                    para += 1  # numbered here, so a batch goes in with two statements
                    paras.append(
                        (para, file_id, p.line, p.digest, _blob(p.sketch), _blob(p.marks, "q"))
                    )
                    marks += [(v, para) for v in p.marks]
            self._db.executemany(
                "INSERT INTO paras(id, file, line, digest, sketch, marks) VALUES (?, ?, ?, ?, ?, ?)",
                paras,
            )
            self._db.executemany("INSERT OR IGNORE INTO marks(value, para) VALUES (?, ?)", marks)

    # -- the doctor's question --------------------------------------------------------------

    def lookup(
        self, found: list[Paragraph], exclude: Path | None = None, near: float = NEAR
    ) -> list[Repeat]:
        """For each paragraph of ``found`` (one post's), the most similar paragraph of another
        post (not ``exclude``, the post itself) at resemblance ``near`` or more; boilerplate
        (in more than :data:`BOILERPLATE_POSTS` other posts) left out."""
        own = self._file_id(exclude) if exclude is not None else None
        if own is None and exclude is not None:  # named otherwise: relative, through a link
            own = self._file_id(Path(os.path.abspath(exclude))) or self._file_id(exclude.resolve())
        out: list[Repeat] = []
        for p in found:
            hits: dict[int, tuple[float, int, int]] = {}  # file -> (similarity, line, para)
            for para, file, line in self._db.execute(
                "SELECT id, file, line FROM paras WHERE digest = ? LIMIT ?",
                (p.digest, BOILERPLATE_POSTS + 8),  # enough to tell boilerplate
            ):
                if file != own:
                    hits[file] = max(hits.get(file, (0.0, 0, 0)), (1.0, -line, para))
            for file, sim, line in self._near(p, own, near):
                if sim > hits.get(file, (0.0,))[0]:
                    hits[file] = (sim, -line, 0)
            if not hits or len(hits) >= BOILERPLATE_POSTS:
                continue  # nowhere else, or boilerplate: itself and three others make four
            file, (sim, line, _) = max(hits.items(), key=lambda kv: (kv[1][0], kv[1][1], -kv[0]))
            row = self._db.execute("SELECT path FROM files WHERE id = ?", (file,)).fetchone()
            if row:
                out.append(Repeat(p, Path(row[0]), -line, sim))
        return out

    def _file_id(self, path: Path) -> int | None:
        row = self._db.execute("SELECT id FROM files WHERE path = ?", (str(path),)).fetchone()
        return row[0] if row else None

    def _near(self, p: Paragraph, own: int | None, near: float) -> Iterator[tuple[int, float, int]]:
        votes: Counter[int] = Counter()
        for value in p.marks:
            rows = self._db.execute(
                "SELECT para FROM marks WHERE value = ? LIMIT ?", (value, COMMON_MARK + 1)
            ).fetchall()
            if len(rows) <= COMMON_MARK:
                votes.update(r[0] for r in rows)
        for para in sorted(k for k, n in votes.items() if n >= VOTES):
            row = self._db.execute(
                "SELECT file, line, sketch FROM paras WHERE id = ?", (para,)
            ).fetchone()
            if row is None or row[0] == own:
                continue
            sim = resemblance(p.sketch, _values(row[2]))
            if sim >= near:
                yield row[0], sim, row[1]

    # -- the blog's pairs -------------------------------------------------------------------

    def shared_paragraphs(
        self, near: float = NEAR, progress: Progress = NO_PROGRESS
    ) -> list[SharedParagraph]:
        """Every pair of paragraphs of two different posts that repeat each other (exact after
        folding, or resemblance ``near`` or more), boilerplate left out."""
        paths = dict(self._db.execute("SELECT id, path FROM files"))
        rows = self._db.execute(
            "SELECT id, file, line, digest, sketch, marks FROM paras"
        ).fetchall()
        total = len(rows)
        progress.step(0, total)
        by_digest: dict[int, list[int]] = defaultdict(list)
        by_mark: dict[int, list[int]] = defaultdict(list)
        sketches: list[tuple[int, ...]] = []
        for i, (_id, _file, _line, dig, blob, own) in enumerate(rows):
            by_digest[dig].append(i)
            sketches.append(_values(blob))
            for v in _values(own, "q"):
                by_mark[v].append(i)
        matched: dict[tuple[int, int], float] = {}
        boilerplate: set[int] = set()
        for members in by_digest.values():
            if len({rows[i][1] for i in members}) > BOILERPLATE_POSTS:
                # A footer in every post: its pairs would grow with the square of the blog.
                for i in members:
                    boilerplate.add(i)
            elif len(members) > 1:
                for x, i in enumerate(members):
                    for j in members[x + 1 :]:
                        if rows[i][1] != rows[j][1]:
                            matched[(i, j)] = 1.0
        votes: Counter[tuple[int, int]] = Counter()
        lists = len(by_mark)
        for step, members in enumerate(by_mark.values()):
            if step % 4096 == 0:
                progress.step(step, lists)  # the longest part: the bar moves, Cancel stops it
            if len(members) < 2 or len(members) > COMMON_MARK:
                continue
            members = [i for i in members if i not in boilerplate]
            for x, i in enumerate(members):
                votes.update((i, j) for j in members[x + 1 :] if rows[i][1] != rows[j][1])
        for (i, j), n in votes.items():
            if n >= VOTES and (i, j) not in matched:
                sim = resemblance(sketches[i], sketches[j])
                if sim >= near:
                    matched[(i, j)] = sim
        posts_of: dict[int, set[int]] = defaultdict(set)
        for (i, j), sim in matched.items():
            if sim:
                posts_of[i].add(rows[j][1])
                posts_of[j].add(rows[i][1])
        out = []
        for (i, j), sim in matched.items():
            if not sim:
                continue
            if len(posts_of[i]) >= BOILERPLATE_POSTS or len(posts_of[j]) >= BOILERPLATE_POSTS:
                continue
            a, b = sorted((i, j), key=lambda k: (paths[rows[k][1]], rows[k][2]))
            out.append(
                SharedParagraph(
                    Path(paths[rows[a][1]]),
                    rows[a][2],
                    Path(paths[rows[b][1]]),
                    rows[b][2],
                    sim,
                )
            )
        progress.step(lists, lists)
        return sorted(out, key=lambda s: (str(s.path_a), s.line_a, str(s.path_b), s.line_b))

    def pairs(
        self,
        share: float = POST_SHARE,
        near: float = NEAR,
        progress: Progress = NO_PROGRESS,
    ) -> list[PostPair]:
        """Pairs of posts where ``share`` or more of one post's compared paragraphs are found in
        the other, most similar first."""
        counts = {Path(p): n for p, n in self._db.execute("SELECT path, paragraphs FROM files")}
        grouped: dict[tuple[Path, Path], list[SharedParagraph]] = defaultdict(list)
        for s in self.shared_paragraphs(near, progress):
            grouped[(s.path_a, s.path_b)].append(s)
        out = []
        for (a, b), shared in grouped.items():
            in_a = len({s.line_a for s in shared})
            in_b = len({s.line_b for s in shared})
            similarity = max(in_a / max(1, counts.get(a, 0)), in_b / max(1, counts.get(b, 0)))
            if similarity >= share:
                first = min(shared, key=lambda s: s.line_a)
                out.append(PostPair(a, b, min(1.0, similarity), max(in_a, in_b), first))
        return sorted(out, key=lambda p: (-p.similarity, -p.shared, str(p.path_a), str(p.path_b)))


def title_of(path: Path | str) -> str:
    """A post's title for naming it to the writer (its file name when it has none)."""
    return shown_title(read_metadata(path).get("title"), path)
