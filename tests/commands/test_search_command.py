"""``tsuzuri search``: matching lines of every post and draft, grep's exit statuses, one-line
errors, the index in the user's cache folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from editor.cli import main

pytestmark = pytest.mark.core

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample-blog"


@pytest.fixture
def blog(tmp_path: Path, monkeypatch) -> Path:
    root = tmp_path / "blog"
    shutil.copytree(SAMPLE, root)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("LANG", "C")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    return root


def _plant(blog: Path, name: str, body: str) -> Path:
    post = blog / "_posts" / name
    post.write_text(f"---\ntitle: 植えた記事\n---\n前置き\n\n{body}\n", "utf-8")
    return post


def test_finds_a_planted_phrase_as_path_line_text(blog, capsys, monkeypatch):
    _plant(blog, "2026-01-05-planted.md", "ここに青い鳥の羽ばたきがある。")
    monkeypatch.chdir(blog)
    assert main(["search", "青い鳥の羽ばたき"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "_posts/2026-01-05-planted.md:6: ここに青い鳥の羽ばたきがある。\n"
    assert "\x1b[" not in captured.out  # not a terminal: no marks
    assert (blog.parent / "cache" / "tsuzuri" / "search").is_dir()


def test_json_lists_each_hit_with_its_span(blog, capsys):
    _plant(blog, "2026-01-05-planted.md", "ＡＩと半導体")
    assert main(["search", "ai", "--repo", str(blog), "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    first = hits[0]  # the newest post comes first
    assert first["path"].endswith("2026-01-05-planted.md")
    assert (first["line"], first["title"]) == (6, "植えた記事")
    start, end = first["spans"][0]
    assert first["text"][start:end] == "ＡＩ"
    assert len(hits) > 1


def test_limit_caps_the_lines(blog, capsys):
    assert main(["search", "半導体", "--repo", str(blog), "--limit", "2"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2


def test_nothing_found_is_status_1_with_no_output(blog, capsys):
    assert main(["search", "存在しない言葉の並び", "--repo", str(blog)]) == 1
    assert capsys.readouterr() == ("", "")


def test_an_edit_between_runs_is_seen(blog, capsys):
    post = _plant(blog, "2026-01-05-planted.md", "一度目")
    assert main(["search", "二度目の文", "--repo", str(blog)]) == 1
    post.write_text(post.read_text("utf-8") + "二度目の文\n", "utf-8")
    assert main(["search", "二度目の文", "--repo", str(blog)]) == 0
    assert capsys.readouterr().out.endswith(":7: 二度目の文\n")


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["search", "x", "--repo", "/nonexistent/blog"], "no such blog folder: /nonexistent/blog"),
        (["search", "  "], "the query is empty"),
        (["search", "x", "--limit", "0"], "--limit"),
    ],
)
def test_mistakes_are_one_line_and_status_2(blog, capsys, monkeypatch, argv, said):
    monkeypatch.chdir(blog)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and said in err and "Traceback" not in err


def test_outside_a_blog_says_so(tmp_path, capsys, monkeypatch, blog):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    monkeypatch.chdir(outside)
    assert main(["search", "半導体"]) == 2
    assert "no blog here" in capsys.readouterr().err


def test_an_unusable_cache_folder_is_one_line(blog, capsys, monkeypatch, tmp_path):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert main(["search", "半導体", "--repo", str(blog)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("tsuzuri: ") and err.count("\n") == 1


def test_japanese_messages_when_the_locale_is(blog, capsys):
    assert main(["search", " ", "--lang", "ja", "--repo", str(blog)]) == 2
    err = capsys.readouterr().err
    assert "the query is empty" not in err and err.startswith("tsuzuri: ")


def test_a_folder_that_is_not_a_blog_is_one_line_and_makes_no_index(tmp_path, capsys):
    folder = tmp_path / "shots"
    folder.mkdir()
    assert main(["search", "投資", "--repo", str(folder)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "not a Jekyll blog" in err[0] and str(folder) in err[0]
    assert not (tmp_path / "cache" / "tsuzuri" / "search").exists()
