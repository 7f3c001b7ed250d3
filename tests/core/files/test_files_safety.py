"""Files, paths and names that cannot hurt the writer (issue 14, "Trust").

Each test drives what a writer runs (the ``tsuzuri`` commands, the recovery listing the window
shows at start-up) with a hostile file, and checks what they would see: one clear line, their
text intact, nothing written outside the blog, nothing left behind.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import textwrap
import threading
import unicodedata
from pathlib import Path

import pytest

from editor.cli import main
from editor.core.files.recovery import RecoveryStore
from editor.core.files.storage import Disk
from editor.core.post.document import PostDocument
from tests.conftest import ROOT

pytestmark = pytest.mark.core

POST = "---\nlayout: post\ntitle: 題名\n---\n\n本文です。\n"
BROKEN = "---\ntitle: 題\n---\n\n文章が途中で\n\n---END---\n\n続きます。\n"


@pytest.fixture
def blog(tmp_path):
    root = tmp_path / "blog"
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("timezone: Asia/Tokyo\n", encoding="utf-8")
    (root / "_posts" / "2025-01-02-ok.md").write_text(POST, encoding="utf-8")
    return root


def _one_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def _run_cli(
    args: list[str], memory_mb: int = 1024, timeout: float = 60
) -> subprocess.CompletedProcess:
    """``tsuzuri ARGS`` in a child with a memory cap, so a reader gone wild cannot hurt the machine."""
    code = textwrap.dedent(
        f"""
        import resource, sys
        resource.setrlimit(resource.RLIMIT_AS, ({memory_mb} << 20, {memory_mb} << 20))
        from editor.cli import main
        sys.exit(main({args!r}))
        """
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


# -- writing outside the blog -------------------------------------------------------------------


def _post_linked_outside(blog: Path, tmp_path: Path, text: str) -> tuple[Path, Path]:
    outside = tmp_path / "outside.md"
    outside.write_text(text, encoding="utf-8")
    link = blog / "_posts" / "2025-01-03-linked.md"
    link.symlink_to(outside)
    return link, outside


def test_set_refuses_to_write_through_a_link_out_of_the_blog(blog, tmp_path, capsys):
    link, outside = _post_linked_outside(blog, tmp_path, POST)
    assert main(["set", str(link), "title=書き換え"]) == 2
    assert "outside the blog" in _one_line(capsys.readouterr().err)
    assert outside.read_text(encoding="utf-8") == POST
    assert link.is_symlink()


def test_doctor_fix_refuses_to_write_through_a_link_out_of_the_blog(blog, tmp_path, capsys):
    link, outside = _post_linked_outside(blog, tmp_path, BROKEN)
    assert main(["doctor", str(link), "--fix"]) == 2
    err = capsys.readouterr().err
    assert f"{link}: " in err and "outside the blog" in err
    assert outside.read_text(encoding="utf-8") == BROKEN


def _render_post(blog: Path, body: str) -> Path:
    post = blog / "_posts" / "2025-01-04-inc.md"
    post.write_text("---\ntitle: t\n---\n\n" + body, encoding="utf-8")
    return post


def test_include_of_an_absolute_path_is_not_printed(blog, tmp_path, capsys):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-PASSWORD\n", encoding="utf-8")
    (blog / "_includes").mkdir()
    post = _render_post(blog, f"{{% include {secret} %}}\n\n{{% include /etc/passwd %}}\n")
    assert main(["render", str(post)]) == 0
    out = capsys.readouterr().out
    assert "SECRET-PASSWORD" not in out and "root:" not in out


def test_include_linked_out_of_the_blog_is_not_printed(blog, tmp_path, capsys):
    secret = tmp_path / "secret.html"
    secret.write_text("SECRET-PASSWORD\n", encoding="utf-8")
    (blog / "_includes").mkdir()
    (blog / "_includes" / "leak.html").symlink_to(secret)
    (blog / "_includes" / "inner.html").write_text("<p>内側</p>\n", encoding="utf-8")
    (blog / "_includes" / "alias.html").symlink_to(blog / "_includes" / "inner.html")
    post = _render_post(blog, "{% include leak.html %}\n\n{% include alias.html %}\n")
    assert main(["render", str(post)]) == 0
    out = capsys.readouterr().out
    assert "SECRET-PASSWORD" not in out
    assert "内側</p>" in out  # a link that stays inside the blog works as in Jekyll


# -- overwritten without asking -----------------------------------------------------------------


APPENDED = "\n追記: 別のプログラムが書き足した行\n"


def test_doctor_fix_keeps_an_append_made_while_it_ran(blog, capsys, monkeypatch):
    from editor.commands import doctor

    post = blog / "_posts" / "2025-01-05-broken.md"
    post.write_text(BROKEN, encoding="utf-8")
    real_plan = doctor.plan_fixes

    def plan_while_another_program_appends(*args, **kwargs):
        with open(post, "a", encoding="utf-8") as handle:
            handle.write(APPENDED)
        return real_plan(*args, **kwargs)

    monkeypatch.setattr(doctor, "plan_fixes", plan_while_another_program_appends)
    assert main(["doctor", str(post), "--fix"]) == 2
    assert "changed by another program" in capsys.readouterr().err
    assert post.read_text(encoding="utf-8") == BROKEN + APPENDED


def test_set_keeps_an_append_made_while_it_ran(blog, capsys, monkeypatch):
    post = blog / "_posts" / "2025-01-02-ok.md"
    real_set = PostDocument.set_field

    def set_while_another_program_appends(self, key, value):
        with open(post, "a", encoding="utf-8") as handle:
            handle.write(APPENDED)
        return real_set(self, key, value)

    monkeypatch.setattr(PostDocument, "set_field", set_while_another_program_appends)
    assert main(["set", str(post), "title=新しい題"]) == 2
    assert "changed by another program" in _one_line(capsys.readouterr().err)
    assert post.read_text(encoding="utf-8") == POST + APPENDED


# -- special files ------------------------------------------------------------------------------


def _unblock(fifo: Path) -> None:
    """Open the FIFO's writing end, so a reader stuck on it (a failing test) is let go."""
    try:
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
    except OSError:
        return
    os.close(fd)


@pytest.mark.timeout(30)
def test_doctor_on_a_blog_with_a_fifo_post_reports_it_and_checks_the_rest(blog, capsys):
    fifo = blog / "_posts" / "2025-01-06-pipe.md"
    os.mkfifo(fifo)
    broken = blog / "_posts" / "2025-01-07-broken.md"
    broken.write_text(BROKEN, encoding="utf-8")
    timer = threading.Timer(20, _unblock, [fifo])
    timer.start()
    try:
        status = main(["doctor", str(blog)])
    finally:
        timer.cancel()
    captured = capsys.readouterr()
    assert status == 2
    assert f"{fifo}: " in captured.err and "special file" in captured.err
    assert f"{broken}:" in captured.out  # the other posts were still checked


def test_doctor_on_a_post_linked_to_dev_zero_refuses_it(blog):
    (blog / "_posts" / "2025-01-08-zero.md").symlink_to("/dev/zero")
    result = _run_cli(["doctor", str(blog), "--rules", "front-matter"])
    assert result.returncode == 2
    line = _one_line(result.stderr)
    assert "2025-01-08-zero.md: " in line and "special file" in line


@pytest.mark.parametrize("command", ["render", "set", "doctor"])
def test_commands_refuse_a_post_linked_to_dev_zero(blog, command):
    post = blog / "_posts" / "2025-01-08-zero.md"
    post.symlink_to("/dev/zero")
    args = {"render": [str(post)], "set": [str(post), "title=x"], "doctor": [str(post)]}[command]
    result = _run_cli([command, *args])
    assert result.returncode == 2
    assert "special file" in _one_line(result.stderr)


@pytest.mark.timeout(30)
def test_recovery_listing_survives_a_fifo_in_the_recovery_folder(tmp_path):
    folder = tmp_path / "recovery"
    folder.mkdir()
    fifo = folder / "0123abcd.json"
    os.mkfifo(fifo)
    timer = threading.Timer(20, _unblock, [fifo])
    timer.start()
    try:
        scan = RecoveryStore(folder).scan(tmp_path / "blog")
        entry = RecoveryStore(folder).get("0123abcd")
    finally:
        timer.cancel()
    assert scan.entries == []
    assert [c.path for c in scan.corrupt] == [fifo]
    assert "special file" in scan.corrupt[0].reason
    assert entry is None


def test_recovery_listing_survives_a_dev_zero_link_in_the_recovery_folder(tmp_path):
    folder = tmp_path / "recovery"
    folder.mkdir()
    (folder / "0123abcd.json").symlink_to("/dev/zero")
    code = textwrap.dedent(
        f"""
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
        from editor.core.files.recovery import RecoveryStore
        scan = RecoveryStore({str(folder)!r}).scan()
        print(len(scan.entries), [c.reason for c in scan.corrupt])
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("0 [") and "special file" in result.stdout


def test_utf16_posts_are_called_utf16_by_the_commands(blog, capsys):
    post = blog / "_posts" / "2025-01-09-utf16.md"
    post.write_bytes(POST.encode("utf-16"))
    for args in (["doctor", str(post)], ["render", str(post)], ["set", str(post), "title=x"]):
        assert main(args) == 2
        line = _one_line(capsys.readouterr().err)
        assert "UTF-16" in line and "NUL" not in line
    assert post.read_bytes() == POST.encode("utf-16")


# -- names --------------------------------------------------------------------------------------


@pytest.mark.parametrize("invisible", ["\u200b", "\u202e", "\u2066", "\ufeff"])
def test_new_refuses_invisible_and_bidirectional_characters_in_the_slug(blog, capsys, invisible):
    before = sorted(os.listdir(blog / "_posts"))
    assert main(["new", "--title", "題", "--repo", str(blog), "--slug", f"ab{invisible}cd"]) == 2
    line = _one_line(capsys.readouterr().err)
    assert f"U+{ord(invisible):04X}" in line
    assert sorted(os.listdir(blog / "_posts")) == before


def test_new_normalises_the_slug_so_cafe_is_one_name(blog, capsys):
    nfd = unicodedata.normalize("NFD", "café")
    nfc = unicodedata.normalize("NFC", "café")
    for slug in (nfd, nfc):
        assert (
            main(
                ["new", "--title", "t", "--repo", str(blog), "--date", "2025-02-01", "--slug", slug]
            )
            == 0
        )
    made = sorted(n for n in os.listdir(blog / "_posts") if n.startswith("2025-02-01"))
    assert made == [f"2025-02-01-{nfc}-2.md", f"2025-02-01-{nfc}.md"]


def test_new_sees_a_name_written_in_another_normal_form_as_taken(blog, capsys):
    nfd = unicodedata.normalize("NFD", "café")
    (blog / "_posts" / f"2025-02-01-{nfd}.md").write_text(POST, encoding="utf-8")
    assert (
        main(["new", "--title", "t", "--repo", str(blog), "--date", "2025-02-01", "--slug", "café"])
        == 0
    )
    assert capsys.readouterr().out.strip().endswith("café-2.md")


def test_new_on_a_full_disk_leaves_no_empty_post_and_names_the_file(blog, capsys, monkeypatch):
    def full(self, fd, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(Disk, "write", full)
    before = sorted(os.listdir(blog / "_posts"))
    status = main(
        ["new", "--title", "t", "--repo", str(blog), "--date", "2025-02-01", "--slug", "full"]
    )
    line = _one_line(capsys.readouterr().err)
    assert status == 2
    assert str(blog / "_posts" / "2025-02-01-full.md") in line and "disk is full" in line
    assert sorted(os.listdir(blog / "_posts")) == before


# -- line endings -------------------------------------------------------------------------------


OLD_MAC = "---\rlayout: post\rtitle: 古い Mac\r---\r\r本文。\r"


def test_old_mac_line_endings_show_the_fields(tmp_path):
    document = PostDocument.from_text(OLD_MAC)
    assert document.fields == {"layout": "post", "title": "古い Mac"}
    assert document.body == "\r本文。\r"


def test_set_on_old_mac_line_endings_changes_only_the_title(blog, capsys):
    post = blog / "_posts" / "2025-01-10-mac.md"
    post.write_bytes(OLD_MAC.encode("utf-8"))
    assert main(["set", str(post), "title=新しい"]) == 0
    assert post.read_bytes().decode("utf-8") == OLD_MAC.replace("古い Mac", "新しい")


# -- front matter opened and never closed -------------------------------------------------------


UNCLOSED = "---\nlayout: post\ntitle: 閉じていない\n\n本文。\n"


def test_doctor_reports_front_matter_that_is_never_closed(blog, capsys):
    post = blog / "_posts" / "2025-01-11-open.md"
    post.write_text(UNCLOSED, encoding="utf-8")
    assert main(["doctor", str(post), "--rules", "front-matter"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1
    assert out[0].startswith(f"{post}:1:1: error front-matter: ")
    assert "never closed" in out[0]


def test_set_refuses_front_matter_that_is_never_closed(blog, capsys):
    post = blog / "_posts" / "2025-01-11-open.md"
    post.write_text(UNCLOSED, encoding="utf-8")
    assert main(["set", str(post), "title=x"]) == 2
    line = _one_line(capsys.readouterr().err)
    assert "never closed" in line and "line 1, column 1" in line
    assert post.read_text(encoding="utf-8") == UNCLOSED


# -- leftovers ----------------------------------------------------------------------------------


def _save_killed_midway(post: Path) -> subprocess.Popen:
    """A child saving ``post`` that stops inside the save (after writing, before the rename)."""
    code = textwrap.dedent(
        f"""
        import sys, time
        from editor.core.files.storage import Disk, atomic_write

        class Stuck(Disk):
            def fsync(self, fd):
                print("writing", flush=True)
                time.sleep(120)

        atomic_write({str(post)!r}, "新しい本文\\n".encode(), disk=Stuck())
        """
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert child.stdout.readline().strip() == "writing"
    return child


def _temp_files(folder: Path) -> list[str]:
    return sorted(n for n in os.listdir(folder) if n.startswith(".tsuzuri-"))


def test_a_killed_save_leaves_a_file_jekyll_skips_and_the_next_save_removes_it(blog, capsys):
    from editor.core.blog.repository import skipped_by_jekyll

    posts = blog / "_posts"
    child = _save_killed_midway(posts / "2025-01-02-ok.md")
    child.kill()
    child.wait()
    [leftover] = _temp_files(posts)
    assert skipped_by_jekyll(leftover)
    assert (posts / "2025-01-02-ok.md").read_text(encoding="utf-8") == POST
    (posts / "2025-01-12-other.md").write_text(POST, encoding="utf-8")
    assert main(["set", str(posts / "2025-01-12-other.md"), "title=次"]) == 0
    assert _temp_files(posts) == []


def test_opening_a_blog_removes_leftovers_of_dead_saves_only(blog):
    from editor.core.blog.repository import BlogRepository

    drafts = blog / "_drafts"
    drafts.mkdir()
    (drafts / "a.md").write_text(POST, encoding="utf-8")
    (drafts / "b.md").write_text(POST, encoding="utf-8")
    running = _save_killed_midway(drafts / "b.md")  # still saving while the blog is opened
    [running_temp] = _temp_files(drafts)
    dead = _save_killed_midway(drafts / "a.md")
    dead.kill()
    dead.wait()
    try:
        assert len(_temp_files(drafts)) == 2
        assert BlogRepository(blog).remove_leftovers() == 1
        assert _temp_files(drafts) == [running_temp]
    finally:
        running.kill()
        running.wait()


def test_a_blog_reached_through_a_linked_folder_is_still_found(blog, tmp_path, capsys):
    link = tmp_path / "blog-link"
    link.symlink_to(blog)
    assert main(["new", "--title", "t", "--repo", str(link), "--date", "2025-03-01"]) == 0
    assert (blog / "_posts" / "2025-03-01-t.md").is_file()


@pytest.mark.timeout(30)
def test_doctor_refuses_a_fifo_given_as_its_baseline(blog, tmp_path, capsys):
    fifo = tmp_path / "baseline.json"
    os.mkfifo(fifo)
    timer = threading.Timer(20, _unblock, [fifo])
    timer.start()
    try:
        status = main(["doctor", str(blog), "--baseline", str(fifo)])
    finally:
        timer.cancel()
    assert status == 2
    assert "special file" in _one_line(capsys.readouterr().err)


def test_doctor_words_unreadable_files_in_japanese(blog, capsys):
    fifo = blog / "_posts" / "2025-01-06-pipe.md"
    os.mkfifo(fifo)
    utf16 = blog / "_posts" / "2025-01-09-utf16.md"
    utf16.write_bytes(POST.encode("utf-16"))
    assert main(["doctor", str(fifo), str(utf16), "--lang", "ja"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"tsuzuri: {fifo}: これは特殊なファイル（デバイス、パイプ、ソケット）で、"
        "テキストファイルではありません",
        f"tsuzuri: {utf16}: ファイルが UTF-16 で保存されています。Jekyll と Tsuzuri には UTF-8 が"
        "必要です（書いたプログラムで UTF-8 として保存し直してください）",
    ]


def test_new_refuses_a_drafts_folder_linked_out_of_the_blog(blog, tmp_path, capsys):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (blog / "_drafts").symlink_to(elsewhere)
    assert main(["new", "--title", "t", "--draft", "--repo", str(blog)]) == 2
    assert "outside the blog" in _one_line(capsys.readouterr().err)
    assert os.listdir(elsewhere) == []


def test_publishing_a_draft_linked_out_of_the_blog_writes_nothing_there(blog, tmp_path):
    from editor.core.blog.repository import BlogRepository
    from editor.core.files.storage import StorageError

    outside = tmp_path / "draft.md"
    outside.write_text(POST, encoding="utf-8")
    (blog / "_drafts").mkdir()
    (blog / "_drafts" / "linked.md").symlink_to(outside)
    with pytest.raises(StorageError) as info:
        BlogRepository(blog).publish(blog / "_drafts" / "linked.md")
    assert info.value.kind == "outside_blog"
    assert outside.read_text(encoding="utf-8") == POST
