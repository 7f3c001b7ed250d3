"""url_for agrees with the URLs the real Jekyll gives the same posts (needs ``jekyll``)."""

import shutil
from urllib.parse import unquote

import pytest

from editor.core.blog.repository import BlogRepository
from tests.conftest import jekyll_build

pytestmark = [
    pytest.mark.core,
    pytest.mark.jekyll,
    pytest.mark.skipif(shutil.which("jekyll") is None, reason="jekyll is not installed"),
]

POSTS = {
    "_posts/2025-10-25-My-Post.md": (
        '---\ntitle: t\ndate: 2025-10-25 20:00:00 +0000\ncategories: ["投資", "Edge Case"]\n---\n'
    ),
    "Tech/_posts/2025-01-02-x.md": "---\ncategories: AI ML\n---\n",
    "_posts/2025-01-03-b.md": "---\ntitle: b\nslug: 日本 語!\n---\n",
    "_posts/2025-01-04-c.md": "---\ntitle: c\ndate: 2025-01-04 23:30:00\ncategory: Misc\n---\n",
    "_posts/2025-01-05-about.md": "---\ntitle: d\npermalink: /about/:year/\n---\n",
    "_posts/2025-01-06-e.md": '---\ndate: "2025-01-06 23:30"\ntags: [a]\n---\n',
    "_posts/2025-01-07-f.md": "---\ndate: 2025-01-08\n---\n",
}


@pytest.mark.parametrize(
    "permalink",
    ["date", "pretty", "ordinal", "none", "/:categories/:year/:i_month/:slug:output_ext"],
)
def test_urls_match_a_real_jekyll_build(tmp_path, permalink):
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_config.yml").write_text(
        f"timezone: Asia/Tokyo\npermalink: {permalink}\n", encoding="utf-8"
    )
    for name, text in POSTS.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text + "本文\n", encoding="utf-8")
    out = jekyll_build(site, tmp_path / "out")
    built = {p.relative_to(out).as_posix() for p in out.rglob("*.html")}
    blog = BlogRepository(site)
    for name in POSTS:
        url = unquote(blog.url_for(site / name)).lstrip("/")
        expected = url + "index.html" if url.endswith("/") or not url else url
        assert expected in built, (name, url, sorted(built))
