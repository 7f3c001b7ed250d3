"""One model of the blog: the same posts, dates and URLs wherever Tsuzuri looks at a blog."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from editor.cli import main
from editor.core.blog import posts
from editor.core.blog.repository import BlogRepository
from editor.core.render import RenderContext, render_body

pytestmark = pytest.mark.core


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def blog(tmp_path: Path) -> Path:
    """A blog with a post in a category folder and a file in _posts that is no post."""
    _write(tmp_path / "_config.yml", "title: t\ntimezone: Asia/Tokyo\n")
    _write(tmp_path / "_posts" / "2025-01-01-a.md", "---\ntitle: A\n---\n本文\n")
    _write(tmp_path / "tech" / "_posts" / "2025-01-02-b.md", "---\ntitle: B\n---\n本文\n")
    _write(tmp_path / "_posts" / "notes.md", "---\ntitle: メモ\n---\n本文\n")
    _write(tmp_path / "_drafts" / "idea.md", "---\ntitle: 案\n---\n本文\n")
    return tmp_path


def _render(blog: Path, body: str, post: Path, page: dict | None = None) -> str:
    repo = BlogRepository(blog)
    context = RenderContext(site=repo.config, page=page or {}, blog_root=blog, post_path=post)
    return re.sub(r"<[^>]+>", "", render_body(body, context).html).strip()


def test_site_posts_and_post_url_in_the_preview_know_the_category_folder_post(blog):
    body = (
        "{% for post in site.posts %}[{{ post.title }} {{ post.url }}]{% endfor %}\n\n"
        "{% post_url 2025-01-02-b %}"
    )
    out = _render(blog, body, blog / "_posts" / "2025-01-01-a.md")
    assert "[B /tech/2025/01/02/b.html][A /2025/01/01/a.html]" in out
    assert "メモ" not in out
    assert out.endswith("/tech/2025/01/02/b.html")
    names = [p.relative_to(blog).as_posix() for p in BlogRepository(blog).posts()]
    assert names == ["tech/_posts/2025-01-02-b.md", "_posts/2025-01-01-a.md"]


def test_doctor_on_a_blog_checks_the_posts_jekyll_publishes(blog, capsys):
    main(["doctor", "--json", str(blog)])
    files = json.loads(capsys.readouterr().out)["files"]
    checked = {Path(p).relative_to(blog).as_posix() for p in files}
    assert "tech/_posts/2025-01-02-b.md" in checked
    assert "_posts/notes.md" not in checked
    assert "_drafts/idea.md" in checked


def test_the_preview_reads_dates_in_the_sites_time_zone(blog):
    post = _write(
        blog / "_posts" / "2025-01-01-tz.md",
        "---\ntitle: TZ\ndate: 2025-01-01 20:00:00 +0000\n---\n",
    )
    page = {"title": "TZ", "date": "2025-01-01 20:00:00 +0000"}
    out = _render(blog, "{{ page.date | date_to_string }} {{ page.url }}", post, page)
    assert out == "02 Jan 2025 /2025/01/02/tz.html"
    other = blog / "_posts" / "2025-01-01-a.md"
    linked = _render(blog, "{% post_url 2025-01-01-tz %}", other)
    assert linked == "/2025/01/02/tz.html"
    listed = _render(
        blog, "{% for p in site.posts %}{{ p.date | date_to_string }};{% endfor %}", other
    )
    assert listed.startswith("02 Jan 2025;")


def test_a_post_without_a_date_has_its_file_names_date_at_midnight_in_the_site_zone(blog):
    post = blog / "tech" / "_posts" / "2025-01-02-b.md"
    out = _render(blog, "{{ page.date | date: '%Y-%m-%d %H:%M:%S %z' }}", post, {"title": "B"})
    assert out == "2025-01-02 00:00:00 +0900"
    assert str(posts.post_date(None, post, "Asia/Tokyo")) == "2025-01-02 00:00:00+09:00"


@pytest.mark.parametrize("config", [True, False], ids=["with-config", "without-config"])
def test_a_category_folder_post_belongs_to_the_blog_above_it(tmp_path, capsys, config):
    """``blog/tech/_posts/x.md`` is a post of ``blog`` in category ``tech``: the doctor, the
    command line and the window all read the site's zone from ``blog`` (the doctor once took
    ``tech`` for the blog, read no zone, and asked to rename a post Jekyll dates correctly)."""
    blog = tmp_path / "blog"
    (blog / "_posts").mkdir(parents=True)
    if config:
        (blog / "_config.yml").write_text("timezone: Asia/Tokyo\n", "utf-8")
    post = blog / "tech" / "_posts" / "2024-03-02-a.md"
    post.parent.mkdir(parents=True)
    # 20:00 in Los Angeles on the 1st is the 2nd in Tokyo: the file name's day, for Jekyll.
    post.write_text("---\ntitle: a\ndate: 2024-03-01 20:00:00 -0800\n---\n本文です。\n", "utf-8")
    assert posts.find_root(post) == blog
    assert posts.find_root(post.parent) == blog
    if config:
        assert main(["doctor", str(post), "--rules", "date-filename"]) == 0, capsys.readouterr()
        assert main(["render", str(post)]) == 0
        # In the site's own zone it is the 1st: now the file name is another day.
        (blog / "_config.yml").write_text("timezone: America/Los_Angeles\n", "utf-8")
        assert main(["doctor", str(post), "--rules", "date-filename"]) == 1
