"""A save that fails half-way leaves the old post intact, no temporary file, and a clear reason."""

import errno
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from editor.core.files.storage import Disk, SaveError, atomic_write, read_post_file

pytestmark = pytest.mark.core

OLD = "---\ntitle: 元の記事\n---\n大事な本文。\n".encode()
NEW = OLD + "新しい段落。\n".encode() * 1000


class FailingDisk(Disk):
    """Raises ``code`` at one step of the save, after writing part of the data if asked."""

    def __init__(self, step: str, code: int, partial: bool = False):
        self.step, self.code, self.partial = step, code, partial

    def _fail(self, step):
        if step == self.step:
            raise OSError(self.code, os.strerror(self.code))

    def open_temp(self, folder, name):
        self._fail("open")
        return super().open_temp(folder, name)

    def write(self, fd, data):
        if self.step == "write" and self.partial:
            os.write(fd, data[: len(data) // 2])  # half written, then the disk fills up
        self._fail("write")
        super().write(fd, data)

    def fsync(self, fd):
        self._fail("fsync")
        super().fsync(fd)

    def replace(self, source, target):
        self._fail("replace")
        super().replace(source, target)


def _temp_files(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name != "post.md"]


@pytest.mark.parametrize("step", ["open", "write", "fsync", "replace"])
@pytest.mark.parametrize(
    ("code", "kind", "words"),
    [
        (errno.ENOSPC, "disk_full", "The disk is full"),
        (errno.EACCES, "permission", "Permission denied"),
        (errno.EROFS, "read_only", "read-only"),
        (errno.EIO, "io", "input/output error"),
    ],
)
def test_failed_save_keeps_old_file_and_removes_temp(tmp_path, step, code, kind, words):
    path = tmp_path / "post.md"
    path.write_bytes(OLD)
    loaded = read_post_file(path)
    with pytest.raises(SaveError) as info:
        atomic_write(path, NEW, loaded.fingerprint, disk=FailingDisk(step, code, partial=True))
    assert info.value.errno == code
    assert info.value.kind == kind
    assert words in str(info.value)
    assert "the file on disk is unchanged" in str(info.value)
    assert path.read_bytes() == OLD
    assert _temp_files(tmp_path) == []
    # Once the fault is gone, the same save goes through.
    atomic_write(path, NEW, loaded.fingerprint)
    assert path.read_bytes() == NEW


def test_interrupt_during_write_removes_temp(tmp_path):
    class Interrupted(Disk):
        def write(self, fd, data):
            os.write(fd, data[:10])
            raise KeyboardInterrupt

    path = tmp_path / "post.md"
    path.write_bytes(OLD)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(path, NEW, disk=Interrupted())
    assert path.read_bytes() == OLD
    assert _temp_files(tmp_path) == []


def test_a_disk_that_silently_drops_bytes_is_caught(tmp_path):
    class Lossy(Disk):
        def write(self, fd, data):
            os.write(fd, data[:-1])  # reports success, keeps all but the last byte

    path = tmp_path / "post.md"
    path.write_bytes(OLD)
    with pytest.raises(SaveError) as info:
        atomic_write(path, NEW, disk=Lossy())
    assert info.value.kind == "io"
    assert path.read_bytes() == OLD
    assert _temp_files(tmp_path) == []


def test_permission_and_read_only_messages_suggest_save_as(tmp_path):
    path = tmp_path / "post.md"
    path.write_bytes(OLD)
    for code in (errno.EACCES, errno.EROFS):
        with pytest.raises(SaveError) as info:
            atomic_write(path, NEW, disk=FailingDisk("open", code))
        assert "Save As" in str(info.value)


def _save_as_other_user(folder: Path, name: str, data: bytes, **options) -> str:
    """Run atomic_write in a forked child that dropped root; returns the error kind or 'saved'."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never return into pytest
        try:
            os.close(read_end)
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
            try:
                atomic_write(folder / name, data, **options)
                result = "saved"
            except SaveError as exc:
                result = f"{exc.kind}:{exc.errno}"
            os.write(write_end, result.encode())
        finally:
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        result = pipe.read().decode()
    os.waitpid(pid, 0)
    return result


def test_read_only_folder_gives_permission_denied_for_real():
    # /tmp itself, not tmp_path: pytest's temporary folders are closed to other users.
    folder = Path(tempfile.mkdtemp(prefix="tsuzuri-ro-"))
    try:
        path = folder / "post.md"
        path.write_bytes(OLD)
        folder.chmod(0o555)
        if os.geteuid() == 0:
            # Root writes through any mode bits, so the save runs as "nobody", who owns the post
            # (it could be written in place) but may not create files in the folder.
            os.chown(path, 65534, 65534)
            folder.chmod(0o755)
            os.chown(folder, 0, 0)
            result = _save_as_other_user(folder, "post.md", NEW)
            assert result == f"permission:{errno.EACCES}"
        else:
            with pytest.raises(SaveError) as info:
                atomic_write(path, NEW)
            assert info.value.kind == "permission"
        assert path.read_bytes() == OLD
        assert _temp_files(folder) == []
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)


def test_read_only_file_system_gives_read_only_for_real(tmp_path):
    mount_point = tmp_path / "ro"
    mount_point.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a read-only file system needs root")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount_point)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip("this system does not allow mounting a tmpfs")
    try:
        (mount_point / "post.md").write_bytes(OLD)
        subprocess.run(["mount", "-o", "remount,ro", str(mount_point)], check=True)
        with pytest.raises(SaveError) as info:
            atomic_write(mount_point / "post.md", NEW)
        assert info.value.kind == "read_only"
        assert info.value.errno == errno.EROFS
        assert (mount_point / "post.md").read_bytes() == OLD
        assert _temp_files(mount_point) == []
    finally:
        subprocess.run(["umount", str(mount_point)], check=True)


def test_full_file_system_gives_disk_full_for_real(tmp_path):
    mount_point = tmp_path / "small"
    mount_point.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small file system needs root")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount_point)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip("this system does not allow mounting a tmpfs")
    try:
        (mount_point / "post.md").write_bytes(OLD)
        with pytest.raises(SaveError) as info:
            atomic_write(mount_point / "post.md", OLD * 5000)
        assert info.value.kind == "disk_full"
        assert (mount_point / "post.md").read_bytes() == OLD
        assert _temp_files(mount_point) == []
    finally:
        subprocess.run(["umount", str(mount_point)], check=True)


def _save_as_writer(folder: Path, name: str, data: bytes, **options) -> str:
    """Save as an ordinary user would: root is swapped for "nobody" in a child process."""
    if os.geteuid() == 0:
        return _save_as_other_user(folder, name, data, **options)
    try:
        atomic_write(folder / name, data, **options)
    except SaveError as exc:
        return f"{exc.kind}:{exc.errno}"
    return "saved"


def test_read_only_post_is_not_replaced_without_confirmation():
    folder = Path(tempfile.mkdtemp(prefix="tsuzuri-rofile-"))
    try:
        folder.chmod(0o777)  # the folder is writable: only the post's own mark protects it
        path = folder / "post.md"
        path.write_bytes(OLD)
        path.chmod(0o444)
        if os.geteuid() == 0:
            os.chown(path, 65534, 65534)
        assert _save_as_writer(folder, "post.md", NEW) == f"read_only_file:{errno.EACCES}"
        assert path.read_bytes() == OLD
        assert _save_as_writer(folder, "post.md", NEW, overwrite_read_only=True) == "saved"
        assert path.read_bytes() == NEW
        assert path.stat().st_mode & 0o777 == 0o444
    finally:
        shutil.rmtree(folder)
