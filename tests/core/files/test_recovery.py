"""Unsaved work is journaled, listed per blog after a crash, and restored exactly."""

import json
import os
from pathlib import Path

import pytest

from editor.core.files.recovery import Journal, RecoveryEntry, RecoveryStore, Snapshot
from editor.core.files.storage import SaveError, atomic_write, read_post_file
from tests.core.files.test_storage_faults import FailingDisk

pytestmark = pytest.mark.core

TEXT = "---\ntitle: 綴り\n---\n書きかけの本文。\r\n絵文字🍣も𠮷も。"


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def blog(tmp_path):
    root = tmp_path / "blog"
    (root / "_posts").mkdir(parents=True)
    return root


@pytest.fixture
def store(tmp_path):
    return RecoveryStore(tmp_path / "recovery")


def _entry(blog, **changes):
    fields = dict(id="doc1", blog_root=str(blog.resolve()), post_path=None, text=TEXT)
    fields.update(changes)
    return RecoveryEntry(**fields)


def test_saved_entry_is_listed_and_restores_exactly(store, blog):
    store.save(_entry(blog, saved_at=5.0))
    [entry] = store.entries(blog)
    assert entry.id == "doc1"
    assert store.restore("doc1") == TEXT
    assert entry.label == "Untitled: ---"


def test_entries_are_newest_first_and_only_for_the_given_blog(store, blog, tmp_path):
    other = tmp_path / "other-blog"
    other.mkdir()
    store.save(_entry(blog, id="old", saved_at=1.0))
    store.save(_entry(blog, id="new", saved_at=2.0))
    store.save(_entry(other, id="elsewhere", saved_at=3.0))
    assert [e.id for e in store.entries(blog)] == ["new", "old"]
    assert [e.id for e in store.entries(other)] == ["elsewhere"]
    assert [e.id for e in store.entries()] == ["elsewhere", "new", "old"]


def test_blog_reached_through_a_symlink_is_the_same_blog(store, blog, tmp_path):
    (tmp_path / "link").symlink_to(blog)
    store.save(_entry(blog))
    assert [e.id for e in store.entries(tmp_path / "link")] == ["doc1"]


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"",
        b"\xff\xfe",
        b'{"format": 1}',
        b'{"format": 99}',
        b"[1, 2]",
        b"[" * 100_000 + b"]" * 100_000,
        json.dumps(_entry(Path("/blog")).to_json()).encode(),  # valid, but named broken.json
    ],
    ids=[
        "broken-json",
        "empty",
        "not-utf8",
        "missing-fields",
        "unknown-format",
        "list",
        "nested-deeply",
        "id-not-file-name",
    ],
)
def test_corrupt_files_are_reported_and_kept_not_fatal(store, blog, content):
    store.save(_entry(blog))
    broken = store.folder / "broken.json"
    broken.write_bytes(content)
    scan = store.scan(blog)
    assert [e.id for e in scan.entries] == ["doc1"]
    assert [c.path for c in scan.corrupt] == [broken]
    assert broken.read_bytes() == content


def test_entry_with_bad_types_is_corrupt(store, blog):
    data = _entry(blog).to_json()
    data["text"] = 42
    (store.folder).mkdir()
    (store.folder / "x.json").write_text(json.dumps(data))
    assert store.scan(blog).corrupt and not store.entries(blog)


def test_ids_cannot_escape_the_folder(store):
    with pytest.raises(ValueError):
        store.discard("../../etc/passwd")
    with pytest.raises(ValueError):
        store.restore("../x")
    with pytest.raises(ValueError):
        store.get("/etc/passwd")


def test_discard_removes_the_entry(store, blog):
    store.save(_entry(blog))
    store.discard("doc1")
    store.discard("doc1")  # twice is harmless
    assert store.entries(blog) == []


def test_lone_surrogate_text_is_journaled_and_restored(store, blog):
    odd = "前\ud800後"
    store.save(_entry(blog, text=odd))
    assert store.restore("doc1") == odd


def test_recovery_folder_is_private(store, blog):
    store.save(_entry(blog))
    assert oct(store.folder.stat().st_mode & 0o777) == oct(0o700)


def test_diff_against_disk_and_disk_state(store, blog):
    post = blog / "_posts" / "2024-01-01-a.md"
    post.write_text("---\ntitle: 綴り\n---\n元の本文。\n", encoding="utf-8")
    loaded = read_post_file(post)
    entry = _entry(
        blog, post_path=str(post), text=loaded.text + "追記。\n", base=loaded.fingerprint
    )
    assert entry.disk_state() == "unchanged"
    assert "+追記。" in entry.diff_against_disk()
    post.write_text("他のプログラムが書いた\n", encoding="utf-8")
    assert entry.disk_state() == "changed"
    assert "-他のプログラムが書いた" in entry.diff_against_disk()
    post.write_text(entry.text, encoding="utf-8")
    assert entry.disk_state() == "saved"
    post.unlink()
    assert entry.disk_state() == "missing"
    assert "no longer exists" in entry.diff_against_disk()
    assert entry.label == "2024-01-01-a.md"


def test_untitled_entry_diff_shows_all_text_as_added(blog):
    entry = _entry(blog, text="新しい記事\n")
    assert entry.disk_state() == "untitled"
    assert "+新しい記事" in entry.diff_against_disk()


def _journal(store, blog, state, clock, **kw):
    return Journal(store, blog, lambda: state["snap"], clock=clock, interval=5.0, **kw)


def test_journal_writes_after_interval_not_before(store, blog):
    clock, state = Clock(), {"snap": Snapshot("a")}
    journal = _journal(store, blog, state, clock)
    assert not journal.poll()
    journal.note_edit()
    clock.now += 4.9
    assert not journal.poll() and store.entries(blog) == []
    clock.now += 0.1
    assert journal.poll()
    assert store.restore(journal.document_id) == "a"
    assert not journal.pending


def test_journal_writes_every_interval_while_typing(store, blog):
    clock, state = Clock(), {"snap": Snapshot("")}
    journal = _journal(store, blog, state, clock)
    writes = 0
    for step in range(100):  # one keystroke every 0.5 s for 50 s
        state["snap"] = Snapshot("x" * (step + 1))
        journal.note_edit()
        writes += journal.poll()
        clock.now += 0.5
    assert 9 <= writes <= 10
    assert len(store.restore(journal.document_id)) >= 90


def test_flush_writes_at_once_and_saved_removes_the_entry(store, blog):
    clock, state = Clock(), {"snap": Snapshot("下書き", None, None)}
    journal = _journal(store, blog, state, clock)
    assert not journal.flush()  # nothing pending
    journal.note_edit()
    assert journal.flush()
    [entry] = store.entries(blog)
    assert entry.post_path is None and entry.text == "下書き"
    journal.saved()
    assert store.entries(blog) == []
    journal.note_edit()
    assert journal.flush()
    journal.discard()
    assert store.entries(blog) == []


def test_journal_skips_writing_the_same_text_twice(store, blog):
    clock, state = Clock(), {"snap": Snapshot("same")}
    journal = _journal(store, blog, state, clock)
    journal.note_edit()
    assert journal.flush()
    journal.note_edit()
    assert not journal.flush()
    assert not journal.pending


def test_journal_failure_is_reported_retried_and_never_raised(tmp_path, blog):
    import errno

    failing = RecoveryStore(tmp_path / "recovery", disk=FailingDisk("write", errno.ENOSPC))
    clock, state = Clock(), {"snap": Snapshot("大事な文")}
    journal = _journal(failing, blog, state, clock)
    journal.note_edit()
    assert not journal.flush()
    assert isinstance(journal.last_error, SaveError)
    assert journal.last_error.kind == "disk_full"
    assert journal.pending
    working = RecoveryStore(tmp_path / "recovery")
    journal.store = working
    clock.now += 5
    assert journal.poll()
    assert journal.last_error is None
    assert working.restore(journal.document_id) == "大事な文"


def test_journal_records_post_path_and_base(store, blog):
    post = blog / "_posts" / "2024-01-01-a.md"
    atomic_write(post, b"---\ntitle: a\n---\n")
    loaded = read_post_file(post)
    clock = Clock()
    state = {"snap": Snapshot(loaded.text + "more", post, loaded.fingerprint)}
    journal = _journal(store, blog, state, clock)
    journal.note_edit()
    journal.flush()
    [entry] = store.entries(blog)
    assert entry.post_path == os.path.abspath(post)
    assert entry.base == loaded.fingerprint
    assert entry.disk_state() == "unchanged"


def test_entry_of_a_live_other_process_is_in_use_and_of_a_dead_one_is_not(store, blog):
    import socket

    from editor.core.files.recovery import _process_start

    host, parent = socket.gethostname(), os.getppid()  # the process that started pytest: alive
    live = f"{host}:{parent}:{_process_start(parent) or ''}"
    reused = f"{host}:{parent}:1"  # same pid, another start time: the id was reused
    store.save(_entry(blog, id="live", owner=live))
    store.save(_entry(blog, id="reused", owner=reused))
    store.save(_entry(blog, id="elsewhere", owner=f"other-host-{host}:{parent}:"))
    store.save(_entry(blog, id="old", owner=""))  # written before owners were recorded
    scan = store.scan(blog)
    assert [e.id for e in scan.in_use] == ["live"]
    expected = ["reused", "old", "elsewhere"] if _process_start(parent) else ["old", "elsewhere"]
    assert sorted(e.id for e in scan.entries) == sorted(expected)
    assert "live" not in [e.id for e in store.entries(blog)]


def test_journal_marks_entries_with_this_process(store, blog):
    clock, state = Clock(), {"snap": Snapshot("a")}
    journal = _journal(store, blog, state, clock)
    journal.note_edit()
    journal.flush()
    [entry] = store.entries(blog)  # our own entries are listed: this process knows them
    assert entry.owner.split(":")[1] == str(os.getpid())
    assert not entry.in_use_elsewhere()


def test_journal_backs_off_when_writing_is_slow(tmp_path, blog):
    from editor.core.files.storage import Disk

    clock = Clock()

    class SlowDisk(Disk):
        def write(self, fd, data):
            clock.now += 1.0  # a huge post on a slow disk: one second per journal write
            super().write(fd, data)

    slow = RecoveryStore(tmp_path / "recovery", disk=SlowDisk())
    state = {"snap": Snapshot("a")}
    journal = _journal(slow, blog, state, clock)
    journal.note_edit()
    assert journal.flush()
    state["snap"] = Snapshot("ab")
    journal.note_edit()
    clock.now += 19.0
    assert not journal.poll()  # 20 s between writes now, not 5: typing stays smooth
    clock.now += 1.0
    assert journal.poll()


def test_saved_never_raises_when_the_entry_cannot_be_removed(store, blog):
    class StuckStore(RecoveryStore):
        def discard(self, entry_id):
            raise PermissionError(13, "Permission denied")

    clock, state = Clock(), {"snap": Snapshot("a")}
    journal = _journal(StuckStore(store.folder), blog, state, clock)
    journal.saved()
    assert journal.last_error.kind == "io"
    assert not journal.pending


def test_a_file_where_the_recovery_folder_should_be_is_reported_in_both_languages(tmp_path, blog):
    folder = tmp_path / "recovery"
    folder.write_text("in the way", encoding="utf-8")
    clock, state = Clock(), {"snap": Snapshot("大事な文")}
    journal = _journal(RecoveryStore(folder), blog, state, clock)
    journal.note_edit()
    assert not journal.flush()  # no exception: journaling never interrupts the writer
    assert journal.pending
    problem = journal.problem
    assert problem.code == "journal-failed"
    assert problem.params == {"folder": str(folder), "reason": "not_a_folder"}
    assert str(folder) in problem.message() and "a file is where the folder" in problem.message()
    assert "フォルダーの場所にファイルがあります" in problem.message("ja")
    assert folder.read_text(encoding="utf-8") == "in the way"
    clock.now += 5
    assert not journal.poll() and journal.problem is not None


def test_a_long_entry_is_stored_as_plain_json_of_its_text(tmp_path):
    """The text is escaped piece by piece (a journal written on a thread); the file is the same
    JSON, whatever falls on the pieces' edges."""
    import json

    from editor.core.files.recovery import RecoveryEntry, RecoveryStore

    text = ("日本語の段落\n" * 9_000) + 'ab"\\\u2028😀\t' + ("x" * 70_000) + "終わり"
    store = RecoveryStore(tmp_path / "recovery")
    entry = RecoveryEntry(id="doc1", blog_root=str(tmp_path), post_path=None, text=text)
    store.save(entry)
    [path] = (tmp_path / "recovery").glob("*.json")
    assert path.read_bytes() == json.dumps(entry.to_json(), ensure_ascii=False).encode("utf-8")
    assert store.get("doc1").text == text
