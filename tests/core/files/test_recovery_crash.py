"""A process killed with SIGKILL while editing loses nothing that the journal had written."""

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from editor.core.files.recovery import RecoveryStore
from tests.conftest import ROOT

pytestmark = [
    pytest.mark.core,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL"),
]

PIECE = "吾輩は猫である。名前はまだ無い🐈\r\n"

# The child types PIECE over and over into a document, journaling after every piece (a fake clock
# makes every poll due), and reports each journaled length on stdout.  With `stop_after`, it then
# waits on stdin forever, so the parent kills it at a known point; without, it keeps typing and
# journaling until killed at an arbitrary moment, possibly in the middle of a journal write.
CHILD = textwrap.dedent(
    """
    import sys
    from editor.core.files.recovery import Journal, RecoveryStore, Snapshot

    store = RecoveryStore(sys.argv[1])
    text = ""
    clock = [0.0]
    journal = Journal(store, sys.argv[2], lambda: Snapshot(text), document_id="crashdoc",
                      interval=1.0, clock=lambda: clock[0])
    stop_after = int(sys.argv[3])
    typed = 0
    while stop_after == 0 or typed < stop_after:
        text += sys.argv[4]
        typed += 1
        journal.note_edit()
        clock[0] += 1.0
        assert journal.poll()
        print(len(text), flush=True)
    print("ready", flush=True)
    sys.stdin.read()
    """
)


def _start(tmp_path, stop_after):
    blog = tmp_path / "blog"
    blog.mkdir(exist_ok=True)
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            CHILD,
            str(tmp_path / "recovery"),
            str(blog),
            str(stop_after),
            PIECE,
        ],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    ), blog


def test_killed_editor_leaves_exactly_the_typed_text(tmp_path):
    child, blog = _start(tmp_path, stop_after=20)
    lines = [child.stdout.readline().strip() for _ in range(21)]
    assert lines[-1] == "ready"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert child.returncode == -signal.SIGKILL
    store = RecoveryStore(tmp_path / "recovery")
    [entry] = store.entries(blog)
    assert store.restore(entry.id) == PIECE * 20
    assert entry.post_path is None


def test_kill_during_continuous_journaling_never_corrupts_the_entry(tmp_path):
    child, blog = _start(tmp_path, stop_after=0)
    last = 0
    for _ in range(200):  # let it journal a while, then kill it wherever it happens to be
        last = int(child.stdout.readline())
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    store = RecoveryStore(tmp_path / "recovery")
    scan = store.scan(blog)
    assert scan.corrupt == []
    [entry] = scan.entries
    restored = store.restore(entry.id)
    # Whatever the moment of the kill, the entry is one whole journaled state, at least as new
    # as the last one the child reported.
    assert len(restored) >= last
    assert restored == PIECE * (len(restored) // len(PIECE))
    leftovers = [p for p in store.folder.iterdir() if not p.name.endswith(".json")]
    assert all(p.name.startswith(".tsuzuri-") for p in leftovers)


def test_entry_of_a_running_editor_is_not_offered_until_it_dies(tmp_path):
    child, blog = _start(tmp_path, stop_after=3)
    lines = [child.stdout.readline().strip() for _ in range(4)]
    assert lines[-1] == "ready"
    store = RecoveryStore(tmp_path / "recovery")
    assert store.entries(blog) == []
    assert [e.text for e in store.scan(blog).in_use] == [PIECE * 3]
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert [e.text for e in store.entries(blog)] == [PIECE * 3]
