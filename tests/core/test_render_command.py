"""``tsuzuri render``: prints the preview HTML of a post, errors are one line with status 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.cli import main
from editor.core.render import RenderContext, render_body

pytestmark = pytest.mark.core


@pytest.fixture
def blog(tmp_path: Path) -> Path:
    (tmp_path / "_config.yml").write_text("title: 綴りブログ\nbaseurl: /b\n", "utf-8")
    (tmp_path / "_posts").mkdir()
    return tmp_path


def test_prints_exactly_the_rendered_body(blog, capsys):
    post = blog / "_posts" / "2030-01-01-hello.md"
    post.write_text(
        "---\ntitle: こんにちは\n---\n# {{ page.title }}\n\n{{ site.title }}\n", "utf-8"
    )
    assert main(["render", str(post)]) == 0
    expected = render_body(
        "# {{ page.title }}\n\n{{ site.title }}\n",
        RenderContext(
            site={"title": "綴りブログ", "baseurl": "/b"},
            page={"title": "こんにちは"},
            blog_root=blog.resolve(),
            post_path=post.resolve(),
        ),
    ).html
    out = capsys.readouterr().out
    assert out == expected
    assert "こんにちは</h1>" in out and "綴りブログ" in out


def test_repo_option_gives_the_site(blog, tmp_path_factory, capsys):
    elsewhere = tmp_path_factory.mktemp("loose") / "post.md"
    elsewhere.write_text("{{ site.title }}\n", "utf-8")
    assert main(["render", str(elsewhere), "--repo", str(blog)]) == 0
    assert "綴りブログ" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "no such post file"), (b"ok\n\xff\xfe", "not valid UTF-8"), (b"a\x00b", "NUL")],
)
def test_unreadable_posts_fail_with_one_line(tmp_path, capsys, content, message):
    post = tmp_path / "post.md"
    if content is not None:
        post.write_bytes(content)
    assert main(["render", str(post)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("tsuzuri: ") and message in err and err.count("\n") == 1
