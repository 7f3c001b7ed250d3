"""A Jekyll site on disk: finding it, settings, new posts, publishing, renaming and URLs."""

import datetime as dt
import shutil
import subprocess

import pytest

from editor.core.blog.repository import BlogRepository, RepositoryError
from editor.core.blog.slug import SlugError
from editor.core.post.document import PostDocument

pytestmark = pytest.mark.core

JST = dt.timezone(dt.timedelta(hours=9))
CONFIG = """\
title: ALLFORCES
url: https://example.com
baseurl: /blog
timezone: Asia/Tokyo
excerpt_separator: <!--more-->
defaults:
  - scope: {path: "", type: posts}
    values: {layout: post, categories: ["投資分析"]}
  - scope: {path: "_drafts", type: posts}
    values: {layout: draft}
"""


@pytest.fixture
def blog(tmp_path):
    (tmp_path / "_config.yml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_drafts").mkdir()
    return BlogRepository(tmp_path)


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="")
    return path


def test_found_from_the_folder_or_any_file_inside(blog):
    post = write(blog.root / "_posts" / "2025-10-25-a.md", "---\ntitle: a\n---\n")
    assert BlogRepository.find(post).root == blog.root
    assert BlogRepository.find(blog.root / "_posts").root == blog.root
    assert BlogRepository.find(blog.root.parent) is None


def test_settings_come_from_config(blog):
    assert (blog.title, blog.timezone, blog.baseurl) == ("ALLFORCES", "Asia/Tokyo", "/blog")
    assert blog.excerpt_separator == "<!--more-->"
    assert blog.permalink == "date"
    assert blog.defaults_for("_posts/2025-10-25-a.md")["layout"] == "post"
    assert blog.defaults_for("_drafts/a.md") == {"layout": "draft", "categories": ["投資分析"]}


def test_broken_config_is_reported_not_fatal(tmp_path):
    write(tmp_path / "_config.yml", "title: [oops\n")
    blog = BlogRepository(tmp_path)
    assert blog.config == {}
    assert "_config.yml" in str(blog.config_error) and blog.config_error.line == 2


def test_new_post_has_the_blogs_order_and_defaults(blog):
    when = dt.datetime(2025, 10, 25, 8, 36, 32, tzinfo=dt.UTC)
    path = blog.new_post("AIの未来: 展望", date=when)
    assert path == blog.root / "_posts" / "2025-10-25-ai-no-mirai-tenbou.md"
    assert path.read_text(encoding="utf-8") == (
        "---\n"
        "layout: post\n"
        'title: "AIの未来: 展望"\n'
        "date: 2025-10-25 17:36:32 +0900\n"
        'categories: ["投資分析"]\n'
        "tags: []\n"
        "---\n\n"
    )
    assert blog.posts() == [path]
    assert blog.new_post("AIの未来: 展望", date=when).name == "2025-10-25-ai-no-mirai-tenbou-2.md"


def test_new_draft_has_no_date_and_an_editable_slug(blog):
    path = blog.new_post("下書き", draft=True, slug="my-draft")
    assert path == blog.root / "_drafts" / "my-draft.md"
    assert "date:" not in path.read_text(encoding="utf-8")
    assert blog.drafts() == [path]
    with pytest.raises(SlugError):
        blog.new_post("x", slug="../escape")


def test_publish_moves_the_draft_and_dates_it(blog):
    draft = write(blog.root / "_drafts" / "idea.md", "---\r\ntitle: 案\r\n---\r\n本文\r\n")
    path = blog.publish(draft, dt.datetime(2025, 10, 26, 9, 0, tzinfo=JST))
    assert path == blog.root / "_posts" / "2025-10-26-idea.md"
    assert not draft.exists()
    assert (
        path.read_bytes()
        == "---\r\ntitle: 案\r\ndate: 2025-10-26 09:00:00 +0900\r\n---\r\n本文\r\n".encode()
    )


def test_rename_follows_date_and_slug_and_refuses_to_overwrite(blog):
    post = write(blog.root / "_posts" / "2025-10-25-old.md", "---\ntitle: a\n---\n")
    moved = blog.rename_for(post, date=dt.date(2025, 10, 27), slug="new")
    assert moved.name == "2025-10-27-new.md" and moved.exists() and not post.exists()
    assert blog.rename_for(moved) == moved
    write(blog.root / "_posts" / "2025-10-28-new.md", "x")
    with pytest.raises(RepositoryError, match="already exists"):
        blog.rename_for(moved, date=dt.date(2025, 10, 28))
    with pytest.raises(RepositoryError) as refused:
        blog.rename_for(moved, date=dt.date(2025, 10, 28))
    assert refused.value.message_in("ja") == "_posts/2025-10-28-new.md はすでにあります"


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_tracked_posts_are_renamed_with_git_mv(blog):
    post = write(blog.root / "_posts" / "2025-10-25-old.md", "---\ntitle: a\n---\n")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com"]
    subprocess.run([*git, "init", "-q"], cwd=blog.root, check=True)
    subprocess.run([*git, "add", "."], cwd=blog.root, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "x"], cwd=blog.root, check=True)
    blog.rename_for(post, slug="new")
    status = subprocess.run(
        ["git", "status", "--porcelain"], cwd=blog.root, capture_output=True, text=True
    ).stdout
    assert "R  _posts/2025-10-25-old.md -> _posts/2025-10-25-new.md" in status


@pytest.mark.parametrize(
    ("permalink", "expected"),
    [
        ("date", "/%E6%8A%95%E8%B3%87/2025/10/26/my-post.html"),
        ("pretty", "/%E6%8A%95%E8%B3%87/2025/10/26/my-post/"),
        ("ordinal", "/%E6%8A%95%E8%B3%87/2025/299/my-post.html"),
        ("none", "/%E6%8A%95%E8%B3%87/my-post.html"),
        ("/:year/:month/:slug/", "/2025/10/my-post/"),
        ("/blog/:categories/:title:output_ext", "/blog/%E6%8A%95%E8%B3%87/my-post.html"),
    ],
)
def test_url_for_follows_the_permalink_style(tmp_path, permalink, expected):
    write(tmp_path / "_config.yml", f"timezone: Asia/Tokyo\npermalink: {permalink}\n")
    # 20:00 UTC on the 25th is the 26th in Tokyo: Jekyll dates the URL in the site's zone.
    post = write(
        tmp_path / "_posts" / "2025-10-25-My-Post.md",
        '---\ntitle: t\ndate: 2025-10-25 20:00:00 +0000\ncategories: ["投資"]\n---\n',
    )
    expected = expected.replace("my-post", "My-Post") if ":slug" not in permalink else expected
    assert BlogRepository(tmp_path).url_for(post) == expected


def test_url_uses_folder_categories_and_front_matter_permalink(blog):
    post = write(blog.root / "Tech" / "_posts" / "2025-01-02-x.md", "---\ncategories: AI ML\n---\n")
    assert blog.url_for(post) == "/tech/ai/ml/2025/01/02/x.html"
    own = write(blog.root / "_posts" / "2025-01-03-y.md", "---\npermalink: about\n---\n")
    assert blog.url_for(PostDocument.load(own)) == "/about"


def test_posts_skip_site_output_and_hidden_folders(blog):
    kept = write(blog.root / "_posts" / "2025-01-01-a.md", "---\n---\n")
    nested = write(blog.root / "news" / "_posts" / "2025-01-02-b.markdown", "---\n---\n")
    write(blog.root / "_site" / "_posts" / "2025-01-03-c.md", "---\n---\n")
    write(blog.root / ".git" / "_posts" / "2025-01-04-d.md", "---\n---\n")
    write(blog.root / "_posts" / "notes.md", "not a post name")
    assert blog.posts() == [nested, kept]
