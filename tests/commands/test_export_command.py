"""``tsuzuri export POST --html OUT``: the standalone page a writer can mail or open anywhere."""

from __future__ import annotations

import base64
import shutil
from pathlib import Path

import pytest

from editor.cli import main

pytestmark = pytest.mark.core

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample-blog"
JA_POST = "2025-10-20-ai-chip-market.md"


@pytest.fixture
def blog(tmp_path) -> Path:
    target = tmp_path / "blog"
    shutil.copytree(SAMPLE, target)
    return target


def test_writes_the_post_as_one_file_with_its_image_inside(blog, tmp_path, capsys):
    out = tmp_path / "記事.html"
    assert main(["export", str(blog / "_posts" / JA_POST), "--html", str(out)]) == 0

    html = out.read_text(encoding="utf-8")
    assert '<html lang="ja"' in html and "数字で見る市場</h2>" in html
    chart = (blog / "assets" / "images" / "chart.png").read_bytes()
    assert f'src="data:image/png;base64,{base64.b64encode(chart).decode()}"' in html
    assert "Noto Sans CJK JP" in html  # Tsuzuri's stylesheet, inside the file
    assert "file:" not in html and str(blog) not in html
    assert capsys.readouterr().err == ""


def test_a_missing_image_is_one_warning_line_and_strict_makes_it_status_1(blog, tmp_path, capsys):
    post = blog / "_posts" / "2025-11-01-gone.md"
    post.write_text("---\ntitle: 図がない\n---\n![図](/assets/images/gone.png)\n", "utf-8")
    out = tmp_path / "gone.html"
    assert main(["export", str(post), "--html", str(out), "--lang", "ja"]) == 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "警告" in err and "gone.png" in err
    assert "<title>図がない</title>" in out.read_text(encoding="utf-8")
    assert main(["export", str(post), "--html", str(out), "--strict"]) == 1


def test_the_blogs_own_stylesheet_and_stdout(blog, capsys):
    css = blog / "assets" / "main.css"
    css.write_text(".post-content { color: #123456 }", "utf-8")
    post = str(blog / "_posts" / JA_POST)
    assert main(["export", post, "--html", "-", "--css", str(css)]) == 0
    page = capsys.readouterr().out
    assert page.startswith("<!DOCTYPE html>") and "#123456" in page
    assert "Noto Sans CJK JP" not in page  # instead of Tsuzuri's own


@pytest.mark.parametrize(
    ("make_args", "message"),
    [
        (lambda blog, tmp: [str(tmp / "none.md"), "--html", str(tmp / "a.html")], "no such post"),
        (
            lambda blog, tmp: [str(blog / "_posts" / JA_POST), "--html", str(tmp / "x" / "a.html")],
            "no such folder",
        ),
        (
            lambda blog, tmp: [
                str(blog / "_posts" / JA_POST),
                "--html",
                str(blog / "_posts" / JA_POST),
            ],
            "over the post itself",
        ),
        (lambda blog, tmp: [str(blog / "_posts" / JA_POST)], "--html"),
        (
            lambda blog, tmp: [str(blog / "_posts" / JA_POST), "--html", "-", "--css", "no.css"],
            "no such stylesheet",
        ),
    ],
)
def test_mistakes_are_one_line_and_status_2(blog, tmp_path, capsys, make_args, message):
    before = (blog / "_posts" / JA_POST).read_bytes()
    assert main(["export", *make_args(blog, tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("tsuzuri: ") and message in err and err.count("\n") == 1
    assert (blog / "_posts" / JA_POST).read_bytes() == before
    assert not (tmp_path / "a.html").exists()
