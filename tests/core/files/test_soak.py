"""Soak: 10,000 random editing steps with saves, faults, other programs and crashes lose nothing.

A seeded loop drives a simulated editing session through storage and recovery the way the
window does: typing (Japanese included), front-matter edits, undo, saves (some with an injected
ENOSPC or EACCES), other programs writing or deleting the post, reloads, focus loss and crashes
(all in-memory state dropped, then recovered from the journal).  After every step it checks that
the post on disk is exactly the last successful save or the last outside write, whichever came
later, that no temporary file is left, and that every typed piece the writer did not delete is in
the editor.  A crash may only lose pieces typed since the last journal write.

SOAK_OPS and SOAK_SEED change the run; the counts go to stdout and build/soak.json.
"""

import errno
import json
import os
import random
import re
import time

import pytest

from editor.core.files.recovery import Journal, RecoveryStore, Snapshot
from editor.core.files.storage import (
    DISK,
    ConflictError,
    Disk,
    SaveError,
    atomic_write,
    read_post_file,
)
from tests.conftest import ROOT
from tests.core.files.test_storage_faults import FailingDisk

pytestmark = pytest.mark.core

OPS = int(os.environ.get("SOAK_OPS", "10000"))
SEED = int(os.environ.get("SOAK_SEED", "20261123"))
INTERVAL = 2.0  # the journal's default
TOKEN = re.compile(r"〔(\d+)〕")
FILLERS = [
    "吾輩は猫である。",
    "名前はまだ無い",
    "𠮷野家🍣",
    " plain ASCII ",
    "\n",
    "\r\n",
    "、",
    "\n\n",
]
FRONT = "---\ntitle: 綴りの試験\ntags: [soak]\n---\n"


class FlakyDisk(Disk):
    """Fails a write with ENOSPC now and then: the journal must survive a full disk too."""

    def __init__(self, rng, rate):
        self.rng, self.rate, self.failures = rng, rate, 0

    def write(self, fd, data):
        if self.rng.random() < self.rate:
            self.failures += 1
            raise OSError(errno.ENOSPC, "No space left on device")
        super().write(fd, data)


class Soak:
    def __init__(self, tmp_path, rng):
        self.rng = rng
        self.blog = tmp_path / "ブログ"
        (self.blog / "_posts").mkdir(parents=True)
        self.path = self.blog / "_posts" / "2024-01-01-耐久 試験.md"
        self.recovery_dir = tmp_path / "recovery"
        self.journal_disk = FlakyDisk(rng, 0.03)
        self.now = 0.0
        self.counter = 0
        self.counts = dict.fromkeys(
            [
                "type",
                "delete",
                "front_matter",
                "undo",
                "save",
                "save_fault",
                "conflict",
                "external_write",
                "external_delete",
                "reload",
                "focus_lost",
                "crash",
                "journal_write",
                "journal_fault",
                "recovered",
                "pieces_lost_in_crashes",
            ],
            0,
        )
        self.max_unjournaled_seconds = 0.0
        self.max_seconds_lost = 0.0
        initial = (FRONT + "本文\n").encode()
        self.expected_disk = initial
        self.path.write_bytes(initial)
        self._open_from_disk()
        self.typed_at: dict[int, float] = {}  # piece number -> time typed
        self.deleted: set[int] = set()  # pieces the writer removed on purpose

    # --- the editor session, as the window would run it ---------------------------------------

    def _open_from_disk(self, document_id=None):
        loaded = read_post_file(self.path)
        self.text, self.base, self.saved_text = loaded.text, loaded.fingerprint, loaded.text
        self.history: list[str] = []
        self._new_journal(document_id)

    def _new_journal(self, document_id=None):
        store = RecoveryStore(self.recovery_dir, disk=self.journal_disk)
        self.journal = Journal(
            store,
            self.blog,
            lambda: Snapshot(self.text, self.path, self.base),
            document_id=document_id,
            interval=INTERVAL,
            clock=lambda: self.now,
            wall_clock=lambda: self.now,
        )
        self.journaled_text: str | None = None  # what the journal holds for this document
        self.first_unjournaled = None  # when the editor first got ahead of the journal

    def _changed(self, new_text, on_purpose=True):
        if on_purpose:  # what the writer deletes, undoes or overwrites is not lost
            self.deleted |= _pieces(self.text) - _pieces(new_text)
        self.history.append(self.text)
        self.text = new_text
        if self.text == self.saved_text:
            self._clean()
        else:
            self.journal.note_edit()
            if self.first_unjournaled is None:
                self.first_unjournaled = self.now

    def _clean(self):
        self.journal.saved()
        self.journaled_text = None
        self.first_unjournaled = None

    def _body_start(self):
        return self.text.find("\n---\n") + 5 if self.text.startswith("---\n") else 0

    def type(self):
        self.counter += 1
        piece = f"〔{self.counter}〕" + self.rng.choice(FILLERS)
        self.typed_at[self.counter] = self.now
        at = self.rng.randint(self._body_start(), len(self.text))
        # Never inside another piece's marker: type at a line or piece boundary.
        while at < len(self.text) and not (self.text[at - 1 : at] in "\n〕" or at == 0):
            at += 1
        self._changed(self.text[:at] + piece + self.text[at:], on_purpose=False)

    def delete(self):
        start = self.rng.randint(self._body_start(), len(self.text))
        end = min(len(self.text), start + self.rng.randint(1, 60))
        self._changed(self.text[:start] + self.text[end:])

    def front_matter(self):
        title = f"title: 綴りの試験 第{self.rng.randint(1, 999)}回\n"
        self._changed(re.sub(r"^title: .*\n", title, self.text, count=1, flags=re.M))

    def undo(self):
        if self.history:
            previous = self.history.pop()
            self._changed(previous)
            self.history.pop()  # undo is not itself undoable here

    def save(self):
        self.counts["save"] += 1
        faulty = self.rng.random() < 0.15
        disk = DISK
        if faulty:
            step = self.rng.choice(["open", "write", "fsync", "replace"])
            disk = FailingDisk(step, self.rng.choice([errno.ENOSPC, errno.EACCES]), partial=True)
        data = self.text.encode("utf-8")
        try:
            self.base = atomic_write(
                self.path, data, self.base, allow_empty=True, inside=self.blog, disk=disk
            )
        except SaveError as exc:
            assert faulty and exc.kind in ("disk_full", "permission"), exc
            self.counts["save_fault"] += 1
            return
        except ConflictError as exc:
            self.counts["conflict"] += 1
            assert exc.disk_data == self.expected_disk
            self._resolve_conflict(exc)
            return
        assert not faulty
        self.expected_disk = data
        self.saved_text = self.text
        self._clean()

    def _resolve_conflict(self, exc):
        if exc.disk_data is not None and self.rng.random() < 0.5:
            self.reload()  # the writer takes the other program's version
            return
        # "Keep mine": save without an expected version, over (or in place of) theirs.
        data = self.text.encode("utf-8")
        self.base = atomic_write(self.path, data, allow_empty=True, inside=self.blog)
        self.expected_disk = data
        self.saved_text = self.text
        self._clean()

    def external_write(self):
        self.counts["external_write"] += 1
        current = self.expected_disk or FRONT.encode()
        data = current + f"外部のプログラムの追記{self.rng.randint(0, 10**6)}\n".encode()
        same_tick = self.rng.random() < 0.3 and self.expected_disk is not None
        if same_tick:  # rewritten in place: same size, same modification time, other bytes
            data = current.swapcase() if current.swapcase() != current else current + b"x"
            old_mtime = self.path.stat().st_mtime_ns
        self.path.write_bytes(data)
        if same_tick:
            os.utime(self.path, ns=(old_mtime, old_mtime))
        self.expected_disk = data

    def external_delete(self):
        if self.expected_disk is not None:
            self.counts["external_delete"] += 1
            self.path.unlink()
            self.expected_disk = None

    def reload(self):
        if self.expected_disk is None:
            return
        self.counts["reload"] += 1
        self.deleted |= _pieces(self.text) - _pieces(self.expected_disk.decode())
        self.journal.discard()
        self._open_from_disk(self.journal.document_id)

    def focus_lost(self):
        self.counts["focus_lost"] += 1
        self._journal_step(self.journal.flush)

    def tick(self):
        self.now += self.rng.uniform(0.0, 2.0)
        self._journal_step(self.journal.poll)

    def _journal_step(self, action):
        before = self.journal_disk.failures
        if action():
            self.counts["journal_write"] += 1
            self.journaled_text = self.text
            self.first_unjournaled = None
        self.counts["journal_fault"] += self.journal_disk.failures - before
        if self.first_unjournaled is not None:
            waited = self.now - self.first_unjournaled
            self.max_unjournaled_seconds = max(self.max_unjournaled_seconds, waited)

    def crash(self):
        """Drop everything in memory, as SIGKILL would, then start again as the window does."""
        self.counts["crash"] += 1
        before, unjournaled_since = _pieces(self.text), self.first_unjournaled
        journaled = self.journaled_text
        store = RecoveryStore(self.recovery_dir)
        scan = store.scan(self.blog)
        assert scan.corrupt == [] and len(scan.entries) <= 1
        entry = scan.entries[0] if scan.entries else None
        # The journal holds exactly its last write, and nothing once the post was saved.
        assert (entry.text if entry else None) == journaled
        if self.expected_disk is None and entry is None:
            # Another program deleted the clean post: the writer re-creates it from a copy.
            self.path.write_bytes(self.text.encode())
            self.expected_disk = self.text.encode()
        if entry is not None and entry.disk_state() != "saved":
            self.counts["recovered"] += 1
            self.text, self.base = store.restore(entry.id), entry.base
            current = read_post_file(self.path) if self.expected_disk is not None else None
            self.saved_text = current.text if current else None
            self.history = []
            self._new_journal(entry.id)
            self.journaled_text = entry.text  # the entry stays until the post is saved
        else:
            if entry is not None:
                store.discard(entry.id)
            self._open_from_disk()
        lost = before - _pieces(self.text)
        if lost and unjournaled_since is not None:
            # Typing since the last journal write is all a crash may take.
            self.counts["pieces_lost_in_crashes"] += len(lost)
            self.max_seconds_lost = max(self.max_seconds_lost, self.now - unjournaled_since)
        # Otherwise the pieces went with another program's rewrite of a saved post.
        self.deleted |= lost

    # --- the checks after every step -----------------------------------------------------------

    def check(self):
        on_disk = self.path.read_bytes() if self.path.exists() else None
        assert on_disk == self.expected_disk
        leftovers = [p.name for p in self.path.parent.iterdir() if p.name.startswith(".")]
        assert leftovers == []
        missing = set(self.typed_at) - self.deleted - _pieces(self.text)
        assert not missing, f"typed text lost: {sorted(missing)[:5]}"


def _pieces(text: str) -> set[int]:
    return {int(n) for n in TOKEN.findall(text)}


WEIGHTS = {
    "type": 40,
    "delete": 4,
    "front_matter": 8,
    "undo": 8,
    "save": 15,
    "external_write": 4,
    "external_delete": 1,
    "reload": 2,
    "focus_lost": 5,
    "crash": 4,
}


def test_soak_random_editing_session_loses_nothing(tmp_path, capsys):
    rng = random.Random(SEED)
    soak = Soak(tmp_path, rng)
    names, weights = list(WEIGHTS), list(WEIGHTS.values())
    started = time.perf_counter()
    for _ in range(OPS):
        name = rng.choices(names, weights)[0]
        if name == "type" and len(soak.text) > 20_000:
            name = "delete"  # keep the post a realistic size
        if name in ("type", "delete", "front_matter", "undo"):
            soak.counts[name] += 1
        getattr(soak, name)()
        soak.tick()
        soak.check()
    seconds = time.perf_counter() - started
    report = {
        "operations": OPS,
        "seed": SEED,
        "seconds": round(seconds, 2),
        "max_unjournaled_seconds": round(soak.max_unjournaled_seconds, 2),
        "max_seconds_of_typing_lost_in_a_crash": round(soak.max_seconds_lost, 2),
        "final_text_chars": len(soak.text),
        **soak.counts,
    }
    with capsys.disabled():  # the counts are the point of the run: always show them
        print("\nsoak:", json.dumps(report, ensure_ascii=False))
    (ROOT / "build").mkdir(exist_ok=True)
    (ROOT / "build" / "soak.json").write_text(json.dumps(report, indent=2) + "\n")
    assert soak.counts["save_fault"] > 0 and soak.counts["conflict"] > 0
    assert soak.counts["crash"] > 0 and soak.counts["recovered"] > 0
