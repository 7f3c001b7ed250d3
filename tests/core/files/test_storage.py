"""Reading posts refuses what is not a post; saving is atomic and notices changes by others."""

import os
import stat

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core.files import limits
from editor.core.files.storage import (
    ConflictError,
    Fingerprint,
    SaveError,
    StorageError,
    atomic_write,
    describe_conflict,
    ensure_inside,
    fingerprint_file,
    read_post_file,
    remove_leftover_temp_files,
)

pytestmark = pytest.mark.core

POST = "---\ntitle: 綴り\n---\n本文です。\n".encode()


def _leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".tsuzuri-"))


def test_read_gives_text_bytes_and_fingerprint(tmp_path):
    path = tmp_path / "2024-01-01-post.md"
    path.write_bytes(POST)
    loaded = read_post_file(path)
    assert loaded.text == POST.decode()
    assert loaded.data == POST
    assert loaded.fingerprint == Fingerprint.of(POST, path.stat().st_mtime_ns)
    assert loaded.warnings == ()


@pytest.mark.parametrize(
    ("make", "kind", "words"),
    [
        (lambda p: None, "missing", "does not exist"),
        (lambda p: p.mkdir(), "directory", "folder"),
        (lambda p: os.mkfifo(p), "special", "special file"),
        (lambda p: os.symlink(p.parent / "gone.md", p), "missing", "link"),
    ],
    ids=["missing", "folder", "fifo", "dangling-symlink"],
)
def test_read_refuses_what_is_not_a_post(tmp_path, make, kind, words):
    path = tmp_path / "post.md"
    make(path)
    with pytest.raises(StorageError) as info:
        read_post_file(path)
    assert info.value.kind == kind
    assert words in str(info.value)
    assert isinstance(info.value, OSError)


def test_read_refuses_files_over_the_hard_limit(tmp_path):
    path = tmp_path / "dump.md"
    path.write_bytes(b"x" * 2048)
    with pytest.raises(StorageError) as info:
        read_post_file(path, max_size=1024)
    assert info.value.kind == "too_large"
    assert "2.0 KB" in str(info.value)


def test_read_follows_symlinks_to_the_target(tmp_path):
    (tmp_path / "real.md").write_bytes(POST)
    (tmp_path / "link.md").symlink_to("real.md")
    assert read_post_file(tmp_path / "link.md").data == POST


def test_save_replaces_content_and_returns_new_fingerprint(tmp_path):
    path = tmp_path / "post.md"
    path.write_bytes(POST)
    loaded = read_post_file(path)
    new = POST + "追記\n".encode()
    fingerprint = atomic_write(path, new, loaded.fingerprint)
    assert path.read_bytes() == new
    assert fingerprint == read_post_file(path).fingerprint
    assert _leftovers(tmp_path) == []


def test_save_creates_a_new_file_with_umask_permissions(tmp_path):
    path = tmp_path / "新しい 記事.md"
    atomic_write(path, POST)
    assert path.read_bytes() == POST
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask


def test_save_keeps_the_original_mode(tmp_path):
    path = tmp_path / "post.md"
    path.write_bytes(POST)
    path.chmod(0o640)
    atomic_write(path, POST + b"more\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another owner")
def test_save_keeps_the_original_owner(tmp_path):
    path = tmp_path / "post.md"
    path.write_bytes(POST)
    os.chown(path, 65534, 65534)
    atomic_write(path, POST + b"more\n")
    assert (path.stat().st_uid, path.stat().st_gid) == (65534, 65534)


def test_save_through_a_symlink_writes_the_target_and_keeps_the_link(tmp_path):
    target = tmp_path / "drafts" / "real.md"
    target.parent.mkdir()
    target.write_bytes(POST)
    link = tmp_path / "link.md"
    link.symlink_to(target)
    loaded = read_post_file(link)
    atomic_write(link, POST + b"x\n", loaded.fingerprint)
    assert link.is_symlink()
    assert target.read_bytes() == POST + b"x\n"
    assert _leftovers(target.parent) == []


def test_save_detects_a_change_by_another_program(tmp_path):
    path = tmp_path / "post.md"
    path.write_bytes(POST)
    loaded = read_post_file(path)
    theirs = POST + "他のプログラム\n".encode()
    path.write_bytes(theirs)
    with pytest.raises(ConflictError) as info:
        atomic_write(path, POST + "私の\n".encode(), loaded.fingerprint)
    assert info.value.disk_data == theirs
    assert info.value.kind == "conflict"
    assert path.read_bytes() == theirs
    assert _leftovers(tmp_path) == []


def test_same_size_rewrite_is_a_conflict_even_within_one_clock_tick(tmp_path):
    path = tmp_path / "post.md"
    path.write_bytes(b"aaaa\n")
    loaded = read_post_file(path)
    path.write_bytes(b"bbbb\n")
    os.utime(path, ns=(loaded.fingerprint.mtime_ns, loaded.fingerprint.mtime_ns))
    with pytest.raises(ConflictError):
        atomic_write(path, b"mine\n", loaded.fingerprint)


def test_touched_but_unchanged_file_is_no_conflict(tmp_path):
    path = tmp_path / "post.md"
    path.write_bytes(POST)
    loaded = read_post_file(path)
    os.utime(path, ns=(1, 1))
    atomic_write(path, b"mine\n", loaded.fingerprint)
    assert path.read_bytes() == b"mine\n"


@pytest.mark.parametrize("how", ["deleted", "renamed"])
def test_save_detects_a_deleted_or_renamed_post(tmp_path, how):
    path = tmp_path / "post.md"
    path.write_bytes(POST)
    loaded = read_post_file(path)
    if how == "deleted":
        path.unlink()
    else:
        path.rename(tmp_path / "other.md")
    with pytest.raises(ConflictError) as info:
        atomic_write(path, b"mine\n", loaded.fingerprint)
    assert info.value.disk_data is None
    assert "deleted or renamed" in str(info.value)
    assert not path.exists()
    # The writer chooses "save anyway": writing without an expected version re-creates it.
    atomic_write(path, b"mine\n")
    assert path.read_bytes() == b"mine\n"


def test_refuses_to_empty_a_non_empty_post(tmp_path):
    path = tmp_path / "post.md"
    path.write_bytes(POST)
    with pytest.raises(SaveError) as info:
        atomic_write(path, b"")
    assert info.value.kind == "empty"
    assert path.read_bytes() == POST
    atomic_write(path, b"", allow_empty=True)
    assert path.read_bytes() == b""


def test_save_over_a_folder_is_refused(tmp_path):
    (tmp_path / "post.md").mkdir()
    with pytest.raises(SaveError) as info:
        atomic_write(tmp_path / "post.md", POST)
    assert info.value.kind == "directory"


def test_save_into_a_deleted_folder_says_so(tmp_path):
    path = tmp_path / "gone" / "post.md"
    with pytest.raises(SaveError) as info:
        atomic_write(path, POST)
    assert info.value.kind == "folder_missing"
    assert "no longer exists" in str(info.value)
    assert "Save As" in str(info.value)


def test_long_japanese_file_name_saves(tmp_path):
    # 80 kanji are 240 bytes: the temporary file's name must not pass the 255-byte limit.
    path = tmp_path / ("記" * 80 + ".md")
    atomic_write(path, POST)
    assert path.read_bytes() == POST


def test_fingerprint_file_reports_missing_as_none(tmp_path):
    assert fingerprint_file(tmp_path / "none.md") is None
    (tmp_path / "a.md").write_bytes(POST)
    fingerprint, data = fingerprint_file(tmp_path / "a.md")
    assert data == POST and fingerprint.same_content(POST)


def test_fingerprint_round_trips_through_json():
    fingerprint = Fingerprint.of(POST, 123)
    assert Fingerprint.from_json(fingerprint.to_json()) == fingerprint
    with pytest.raises(TypeError):
        Fingerprint.from_json({"size": "1", "mtime_ns": 1, "sha256": "x"})


def test_ensure_inside_accepts_blog_files_and_refuses_escapes(tmp_path):
    blog = tmp_path / "blog"
    (blog / "_posts").mkdir(parents=True)
    (tmp_path / "secret.md").write_text("x")
    (blog / "_posts" / "escape.md").symlink_to(tmp_path / "secret.md")
    assert ensure_inside(blog, "_posts/a.md") == (blog / "_posts" / "a.md").resolve()
    assert ensure_inside(blog, blog / "_posts" / "a.md") == (blog / "_posts" / "a.md").resolve()
    for bad in ["../secret.md", "_posts/../../secret.md", "_posts/escape.md", tmp_path / "x.md"]:
        with pytest.raises(StorageError) as info:
            ensure_inside(blog, bad)
        assert info.value.kind == "outside_blog"
        assert "outside the blog" in str(info.value)


def test_describe_conflict_shows_both_sides():
    diff = describe_conflict("一行目\n二行目\n", "一行目\n書き換え\n")
    assert "--- on disk" in diff and "+++ in the editor" in diff
    assert "-二行目" in diff and "+書き換え" in diff
    assert describe_conflict("same\n", "same\n") == ""


def test_describe_conflict_splits_only_at_line_ends_and_names_ending_only_changes():
    diff = describe_conflict("一\r\n二\x0c三\r\n", "一\r\n二\x0c参\r\n")
    assert "-二\x0c三\n" in diff and "+二\x0c参\n" in diff
    assert "line endings" in describe_conflict("a\r\nb\r\n", "a\nb\n")


def test_describe_conflict_marks_a_missing_final_newline_and_a_deleted_file():
    assert "No newline at end of file" in describe_conflict("a\nb", "a\nb\n")
    assert "no longer exists" in describe_conflict(None, "mine")


def test_size_words_and_thresholds():
    assert limits.size_warning(limits.WARN_POST_BYTES) is None
    assert "very large" in limits.size_warning(limits.WARN_POST_BYTES + 1)
    assert limits.size_refusal(limits.MAX_POST_BYTES) is None
    assert "too large" in limits.size_refusal(limits.MAX_POST_BYTES + 1)
    assert limits.describe_size(812) == "812 bytes"
    assert limits.describe_size(52 * limits.MB) == "52.0 MB"


def test_leftover_temp_files_are_removed_only_when_old(tmp_path):
    old = tmp_path / ".tsuzuri-0000-post.md.tmp"
    fresh = tmp_path / ".tsuzuri-1111-post.md.tmp"
    post = tmp_path / "post.md"
    for path in (old, fresh, post):
        path.write_bytes(b"x")
    os.utime(old, (1, 1))
    os.utime(post, (1, 1))
    assert remove_leftover_temp_files(tmp_path) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([fresh.name, post.name])


def test_hard_linked_post_opens_with_a_note(tmp_path):
    path = tmp_path / "post.md"
    path.write_bytes(POST)
    os.link(path, tmp_path / "other-name.md")
    assert [w.code for w in read_post_file(path).warnings] == ["hard_link"]


@settings(max_examples=60, deadline=None)
@given(text=st.text(alphabet=st.characters(exclude_categories=["Cs"])))
def test_any_text_saves_and_reads_back_byte_for_byte(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("prop") / "post.md"
    data = text.encode("utf-8")
    fingerprint = atomic_write(path, data)
    assert path.read_bytes() == data
    if "\x00" in text:
        with pytest.raises(StorageError):
            read_post_file(path)  # NUL reads as binary: refused, never mangled
        return
    loaded = read_post_file(path)
    assert loaded.data == data and loaded.text == text
    assert loaded.fingerprint.sha256 == fingerprint.sha256


def test_the_compare_view_is_worded_in_the_writers_language():
    """The conflict and recovery dialogs show this diff: its headers and notes follow the
    interface language like every other word of the dialog."""
    from editor.core.files.storage import describe_conflict

    japanese = describe_conflict("前の文\n", "後の文\n", "ja")
    assert japanese.startswith("--- ディスク上の版\n+++ エディターの版\n")
    assert "on disk" not in japanese
    assert describe_conflict("a\r\n", "a\n", "ja").startswith("二つの版の違いは改行コード")
    assert describe_conflict(None, "a\n", "ja").startswith("ファイルはもうディスクにありません")
    assert describe_conflict("a\n", "b\n").startswith("--- on disk\n+++ in the editor\n")
