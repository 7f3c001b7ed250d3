"""Broken and hostile files: each gets a clear message, and no byte of the writer's text is lost."""

import os

import pytest

from editor.core.files import limits
from editor.core.files.recovery import Journal, RecoveryStore, Snapshot
from editor.core.files.storage import (
    ConflictError,
    StorageError,
    atomic_write,
    ensure_inside,
    read_post_file,
)
from editor.core.post.split import split_post

pytestmark = pytest.mark.core


def _edit_body(path, old: str, new: str) -> bytes:
    """Open, replace one phrase in the body, save: what the editor does, minus the window."""
    loaded = read_post_file(path)
    source = split_post(loaded.text)
    assert old in source.body
    edited = source.with_body(source.body.replace(old, new, 1))
    atomic_write(path, edited.text.encode("utf-8"), loaded.fingerprint)
    return path.read_bytes()


@pytest.mark.parametrize(
    ("data", "line", "column", "words"),
    [
        ("---\ntitle: あ\n---\n本文".encode() + b"\xff\n", 4, 3, "not valid UTF-8"),
        ("---\ntitle: 日本語\n---\n".encode("shift_jis"), 2, 8, "not valid UTF-8"),
        ("---\ntitle: 日本語\n---\n".encode("euc_jp"), 2, 8, "not valid UTF-8"),
        ("本文".encode()[:-1] + b"\n", 1, 2, "not valid UTF-8"),  # a character cut in half
    ],
    ids=["stray-byte", "shift-jis", "euc-jp", "truncated-character"],
)
def test_invalid_utf8_is_refused_with_its_place_and_the_file_is_untouched(
    tmp_path, data, line, column, words
):
    path = tmp_path / "post.md"
    path.write_bytes(data)
    with pytest.raises(StorageError) as info:
        read_post_file(path)
    assert info.value.kind == "not_text"
    assert (info.value.line, info.value.column) == (line, column)
    assert words in str(info.value) and f"line {line}" in str(info.value)
    assert path.read_bytes() == data


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"---\ntitle: a\x00\n---\n", "binary"),
        ("---\ntitle: 題\n---\n".encode("utf-16"), "UTF-16"),
        ("---\ntitle: 題\n---\n".encode("utf-16-be").join([b"\xfe\xff", b""]), "UTF-16"),
    ],
    ids=["png", "nul-in-text", "utf16-le", "utf16-be"],
)
def test_binary_and_utf16_files_are_refused(tmp_path, data, words):
    path = tmp_path / "post.md"
    path.write_bytes(data)
    with pytest.raises(StorageError) as info:
        read_post_file(path)
    assert info.value.kind == "not_text"
    assert words in str(info.value)


def test_bom_is_kept_on_save(tmp_path):
    path = tmp_path / "post.md"
    original = "\ufeff---\ntitle: 題\n---\n本文\n".encode()
    path.write_bytes(original)
    saved = _edit_body(path, "本文", "本文を直した")
    assert saved == original.replace("本文".encode(), "本文を直した".encode())
    assert saved.startswith(b"\xef\xbb\xbf---")


@pytest.mark.parametrize(
    "original",
    [
        "---\r\ntitle: 題\r\n---\r\n一行目\r\n二行目\r\n",
        "---\ntitle: 題\r\n---\n一行目\r\n二行目\n三行目\r",
        "---\rtitle: 題\r---\r一行目\r二行目\r",
    ],
    ids=["crlf", "mixed", "old-mac-cr"],
)
def test_line_endings_are_kept_on_save(tmp_path, original):
    path = tmp_path / "post.md"
    path.write_bytes(original.encode())
    saved = _edit_body(path, "二行目", "二行目です")
    assert saved == original.replace("二行目", "二行目です").encode()


def test_mixed_line_endings_are_noted(tmp_path):
    path = tmp_path / "post.md"
    path.write_bytes(b"---\ntitle: a\r\n---\nbody\n")
    assert [w.code for w in read_post_file(path).warnings] == ["mixed_newlines"]


def test_notices_about_an_opened_post_are_worded_in_japanese_too(tmp_path):
    path = tmp_path / "post.md"
    path.write_bytes(b"---\ntitle: a\r\n---\nbody\n")
    os.link(path, tmp_path / "other.md")
    notices = {n.code: n for n in read_post_file(path).warnings}
    assert notices["mixed_newlines"].message_in("ja").startswith("この記事では Windows と Unix")
    assert notices["hard_link"].message_in("ja").startswith("この記事にはほかのハードリンク")
    assert "hard links" in notices["hard_link"].message
    big = limits.Notice("large_file", {"size": limits.describe_size(limits.WARN_POST_BYTES + 1)})
    assert big.message_in("ja").startswith("この記事はとても大きなファイルです（50.0 MB）")


def test_front_matter_like_lines_in_the_body_stay_exactly(tmp_path):
    original = "---\ntitle: 題\n---\n前\n\n---\n\ntitle: 本文の中\n...\n---\n後\n"
    path = tmp_path / "post.md"
    path.write_bytes(original.encode())
    source = split_post(read_post_file(path).text)
    assert source.front_matter == "title: 題\n"
    assert source.body == "前\n\n---\n\ntitle: 本文の中\n...\n---\n後\n"
    saved = _edit_body(path, "後", "後ろ")
    assert saved == original.replace("\n後\n", "\n後ろ\n").encode()


def _big_post(path, size, unit):
    head = "---\ntitle: 大きな記事\n---\n".encode()
    body = unit * ((size - len(head)) // len(unit) + 1)
    path.write_bytes(head + body)
    return head + body


@pytest.mark.parametrize(
    "unit",
    ["日本語の文章。\n".encode(), b"---\n", b"x" * 1_000_000],
    ids=["japanese-lines", "delimiter-lines", "one-megabyte-lines"],
)
def test_a_50_megabyte_post_opens_with_a_warning(tmp_path, unit):
    # A quadratic step anywhere in loading would not finish within the test timeout at this size.
    path = tmp_path / "huge.md"
    data = _big_post(path, limits.WARN_POST_BYTES + 1, unit)
    loaded = read_post_file(path)
    assert [w.code for w in loaded.warnings] == ["large_file"]
    assert "very large" in loaded.warnings[0].message
    source = split_post(loaded.text)
    assert source.front_matter == "title: 大きな記事\n"
    assert len(source.text) == len(loaded.text) and loaded.data == data


def test_unterminated_front_matter_in_a_large_file_is_all_body(tmp_path):
    path = tmp_path / "big.md"
    path.write_bytes(b"---\n" + b"title: x\n" * 2_000_000)
    source = split_post(read_post_file(path).text)
    assert not source.has_front_matter
    assert source.text.startswith("---\ntitle: x\n")


def test_post_deleted_while_open_is_a_conflict_and_can_be_recreated(tmp_path):
    path = tmp_path / "post.md"
    path.write_bytes("---\ntitle: 題\n---\n本文\n".encode())
    loaded = read_post_file(path)
    path.unlink()
    with pytest.raises(ConflictError) as info:
        atomic_write(path, loaded.data + "追記\n".encode(), loaded.fingerprint)
    assert info.value.disk_data is None
    atomic_write(path, loaded.data + "追記\n".encode())
    assert path.read_bytes().endswith("追記\n".encode())


def test_post_replaced_by_a_symlink_out_of_the_blog_is_caught_before_saving(tmp_path):
    blog = tmp_path / "blog"
    (blog / "_posts").mkdir(parents=True)
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"not yours\n")
    post = blog / "_posts" / "2024-01-01-a.md"
    post.write_bytes(b"---\ntitle: a\n---\n")
    ensure_inside(blog, post)
    post.unlink()
    post.symlink_to(outside)  # another program swapped the post for a link out of the blog
    with pytest.raises(StorageError) as info:
        ensure_inside(blog, post)
    assert info.value.kind == "outside_blog"
    with pytest.raises(StorageError) as info:
        atomic_write(post, b"---\ntitle: mine\n---\n", inside=blog)
    assert info.value.kind == "outside_blog"
    with pytest.raises(StorageError) as info:
        read_post_file(post, inside=blog)
    assert info.value.kind == "outside_blog"
    assert outside.read_bytes() == b"not yours\n"
    atomic_write(blog / "_posts" / "b.md", b"---\ntitle: b\n---\n", inside=blog)
    assert (blog / "_posts" / "b.md").exists()


@pytest.mark.parametrize(
    "name",
    [
        "2024-01-01-日本語 の 記事.md",
        "下書き　全角スペース.md",
        " leading and trailing .md",
        "🍣.md",
    ],
)
def test_japanese_and_spaced_file_names_open_save_and_journal(tmp_path, name):
    blog = tmp_path / "ブログ 置き場"
    (blog / "_posts").mkdir(parents=True)
    path = blog / "_posts" / name
    path.write_bytes("---\ntitle: 題\n---\n本文\n".encode())
    assert ensure_inside(blog, path) == path.resolve()
    saved = _edit_body(path, "本文", "本文２")
    assert saved.endswith("本文２\n".encode())
    store = RecoveryStore(tmp_path / "recovery")
    loaded = read_post_file(path)
    journal = Journal(store, blog, lambda: Snapshot(loaded.text + "続き", path, loaded.fingerprint))
    journal.note_edit()
    assert journal.flush()
    [entry] = store.entries(blog)
    assert entry.label == name
    assert os.path.basename(entry.post_path) == name
    assert entry.disk_state() == "unchanged"


def test_empty_and_bom_only_files_open_and_save(tmp_path):
    for data in (b"", b"\xef\xbb\xbf"):
        path = tmp_path / "post.md"
        path.write_bytes(data)
        loaded = read_post_file(path)
        assert loaded.text == data.decode("utf-8")
        assert split_post(loaded.text).text == loaded.text
        atomic_write(path, loaded.data, loaded.fingerprint, allow_empty=True)
        assert path.read_bytes() == data


def test_post_replaced_by_a_pipe_is_refused_without_hanging(tmp_path):
    blog = tmp_path / "blog"
    blog.mkdir()
    path = blog / "post.md"
    path.write_bytes(b"---\ntitle: a\n---\n")
    loaded = read_post_file(path)
    store = RecoveryStore(tmp_path / "recovery")
    journal = Journal(store, blog, lambda: Snapshot(loaded.text + "x", path, loaded.fingerprint))
    journal.note_edit()
    journal.flush()
    path.unlink()
    os.mkfifo(path)  # nobody writes into it: opening it for reading would wait forever
    with pytest.raises(StorageError) as info:
        atomic_write(path, b"mine\n", loaded.fingerprint)
    assert info.value.kind == "special"
    [entry] = store.entries(blog)
    assert entry.disk_state() == "missing"
