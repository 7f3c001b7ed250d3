"""Paths, unclosed front matter and slugs a reviewer attacked: the commands a writer runs.

A folder linked out of the blog, front matter opened and never closed in its rarer shapes, a
post the user may not write, and a very long Japanese title.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from editor.cli import main
from editor.core.blog import slug as slug_module
from tests.core.files import test_files_safety

blog = test_files_safety.blog  # the same blog the other file-safety tests use
_one_line = test_files_safety._one_line

pytestmark = pytest.mark.core

POST = "---\ntitle: x\nreading_time: 99\n---\nbody text here.\n"


# -- a folder of the blog linked to a folder elsewhere ------------------------------------------


def _refusal(err: str, command: str) -> str:
    """The line refusing the post (the doctor adds its summary of what it fixed)."""
    lines = [line for line in err.splitlines() if "outside the blog" in line]
    assert len(lines) == 1 and "Traceback" not in err, err
    if command == "set":
        _one_line(err)
    return lines[0]


def _outside_folder(tmp_path: Path) -> Path:
    outside = tmp_path / "ext"
    outside.mkdir()
    (outside / "2025-01-01-a.md").write_text(POST, encoding="utf-8")
    return outside


@pytest.mark.parametrize("command", ["set", "doctor"])
def test_a_subfolder_of_posts_linked_outside_is_never_written(blog, tmp_path, capsys, command):
    outside = _outside_folder(tmp_path)
    (blog / "_posts" / "sub").symlink_to(outside, target_is_directory=True)
    post = blog / "_posts" / "sub" / "2025-01-01-a.md"
    args = [str(post), "title=HACKED"] if command == "set" else [str(post), "--fix"]
    assert main([command, *args]) == 2
    assert f"{post}: " in _refusal(capsys.readouterr().err, command)
    assert (outside / "2025-01-01-a.md").read_text(encoding="utf-8") == POST


@pytest.mark.parametrize("command", ["set", "doctor"])
def test_a_posts_folder_linked_outside_is_never_written(blog, tmp_path, capsys, command):
    outside = _outside_folder(tmp_path)
    shutil.rmtree(blog / "_posts")
    (blog / "_posts").symlink_to(outside, target_is_directory=True)
    post = blog / "_posts" / "2025-01-01-a.md"
    args = [str(post), "title=HACKED"] if command == "set" else [str(post), "--fix"]
    assert main([command, *args]) == 2
    assert f"{post}: " in _refusal(capsys.readouterr().err, command)
    assert (outside / "2025-01-01-a.md").read_text(encoding="utf-8") == POST


def test_a_relative_post_path_in_a_linked_folder_is_refused_too(
    blog, tmp_path, capsys, monkeypatch
):
    outside = _outside_folder(tmp_path)
    (blog / "_posts" / "sub").symlink_to(outside, target_is_directory=True)
    monkeypatch.chdir(blog)
    assert main(["set", "_posts/sub/2025-01-01-a.md", "title=HACKED"]) == 2
    assert "outside the blog" in _one_line(capsys.readouterr().err)
    assert (outside / "2025-01-01-a.md").read_text(encoding="utf-8") == POST


# -- front matter opened and never closed -------------------------------------------------------

UNCLOSED = [
    "---\n# comment only\ntitle: a\n",
    '---\n"title": a\n',
    "---\n- a\n- b\n",
    "---\n\n  indented: a\nbody\n",
    "---\r\ntitle: a\r\n",
]


@pytest.mark.parametrize("text", UNCLOSED)
def test_set_refuses_every_shape_of_unclosed_front_matter(blog, capsys, text):
    post = blog / "_posts" / "2025-01-11-open.md"
    post.write_bytes(text.encode("utf-8"))
    assert main(["set", str(post), "title=NEW"]) == 2
    assert "never closed" in _one_line(capsys.readouterr().err)
    assert post.read_bytes() == text.encode("utf-8")


@pytest.mark.parametrize("text", UNCLOSED)
def test_doctor_reports_every_shape_of_unclosed_front_matter(blog, capsys, text):
    post = blog / "_posts" / "2025-01-11-open.md"
    post.write_bytes(text.encode("utf-8"))
    assert main(["doctor", str(post), "--rules", "front-matter"]) == 1
    out = capsys.readouterr().out
    assert f"{post}:1:1: error front-matter: " in out and "never closed" in out


def test_a_post_without_a_dashes_first_line_still_gets_front_matter(blog, capsys):
    post = blog / "_posts" / "2025-01-12-plain.md"
    post.write_text("本文だけ。\n\n---\n\n続き。\n", encoding="utf-8")
    assert main(["set", str(post), "title=題"]) == 0
    assert post.read_text(encoding="utf-8") == "---\ntitle: 題\n---\n本文だけ。\n\n---\n\n続き。\n"


# -- a post the user may not write --------------------------------------------------------------


def test_set_on_a_post_of_another_user_says_so_in_command_line_words(blog, capsys, monkeypatch):
    post = blog / "_posts" / "2025-01-13-theirs.md"
    post.write_text(POST, encoding="utf-8")
    os.chmod(post, 0o644)
    owner = post.stat().st_uid
    # What `su nobody` sees: a post owned by someone else, writable by its owner only.
    monkeypatch.setattr(os, "geteuid", lambda: owner + 12345)
    monkeypatch.setattr(os, "getegid", lambda: post.stat().st_gid + 12345)
    monkeypatch.setattr(os, "getgroups", lambda: [])
    assert main(["set", str(post), "title=NEW"]) == 2
    line = _one_line(capsys.readouterr().err)
    assert "read-only" in line
    assert "Save As" not in line and "confirm" not in line
    assert post.read_text(encoding="utf-8") == POST


# -- long Japanese titles -----------------------------------------------------------------------


def _count_romanised(monkeypatch) -> list[int]:
    """Lengths of the texts handed to the romaniser."""
    real = slug_module._kakasi()
    seen: list[int] = []

    class Counting:
        def convert(self, text):
            seen.append(len(text))
            return real.convert(text)

    monkeypatch.setattr(slug_module, "_kakasi", lambda: Counting())
    return seen


@pytest.mark.parametrize("repeat", [8000, 16000])
def test_a_long_japanese_title_romanises_only_what_the_slug_can_use(monkeypatch, repeat):
    seen = _count_romanised(monkeypatch)
    slug = slug_module.slugify("漢字" * repeat)
    assert sum(seen) <= 1024  # the same for 8,000 and 16,000 repeats: the slug's share only
    assert 0 < len(slug) <= slug_module.MAX_LENGTH
    assert slug == slug_module.slugify("漢字" * 100)  # the cut, as if the title were short


def test_new_with_a_very_long_japanese_title_is_quick(blog, capsys):
    started = time.perf_counter()
    assert (
        main(["new", "--title", "漢字" * 16000, "--repo", str(blog), "--date", "2025-03-01"]) == 0
    )
    assert time.perf_counter() - started < 10  # was 29.8 s
    [post] = (blog / "_posts").glob("2025-03-01-*.md")
    assert len(post.name) <= len("2025-03-01-.md") + slug_module.MAX_LENGTH
