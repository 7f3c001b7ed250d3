"""Liquid in posts, rendered before Markdown as Jekyll does; expectations checked with Jekyll."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from editor.core.render import RenderContext, render_body

pytestmark = pytest.mark.core

SITE = {
    "title": "テストブログ",
    "url": "https://blog.example.com",
    "baseurl": "/blog",
    "future": True,
}


@pytest.fixture
def blog(tmp_path: Path) -> Path:
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_includes").mkdir()
    (tmp_path / "_posts" / "2030-01-01-first.md").write_text("---\ntitle: 一\n---\n", "utf-8")
    (tmp_path / "_posts" / "2030-01-02-second.md").write_text(
        "---\ncategories: [diary]\n---\n", "utf-8"
    )
    (tmp_path / "_includes" / "note.html").write_text(
        '<div class="note">{{ include.text | default: "注意" }}</div>\n', "utf-8"
    )
    return tmp_path


def render(body: str, blog: Path | None = None, page: dict | None = None) -> str:
    context = RenderContext(
        site=SITE,
        page=page or {},
        blog_root=blog,
        post_path=(blog / "_posts" / "2030-01-10-this.md") if blog else None,
    )
    return re.sub(r' data-source-line="\d+"', "", render_body(body, context).html)


def test_site_and_page_variables_and_filters():
    page = {"title": "記事", "author": "yamada", "tags": ["日本語", "jekyll"]}
    out = render(
        "{{ site.title }} / {{ page.author | upcase }} / [{{ page.missing }}] / "
        "{{ page.tags | join: ', ' }} / {{ page.tags | size }} / {{ '<b>' | xml_escape }}",
        page=page,
    )
    assert "テストブログ / YAMADA / [] / 日本語, jekyll / 2 / &lt;b&gt;" in out


def test_url_filters_use_baseurl_and_url():
    out = render("{{ '/about/' | relative_url }} {{ '/x/' | absolute_url }}")
    assert "/blog/about/ https://blog.example.com/blog/x/" in out


def test_dates_from_front_matter():
    when = datetime(2030, 1, 10, 9, 30, tzinfo=timezone(timedelta(hours=9)))
    out = render(
        '{{ page.date | date: "%Y年%m月%d日" }} {{ page.date | date_to_string }} '
        "{{ page.date | date_to_long_string }}",
        page={"date": when},
    )
    assert "2030年01月10日 10 Jan 2030 10 January 2030" in out
    assert "2030年01月10日" in render(
        '{{ page.date | date: "%Y年%m月%d日" }}', page={"date": "2030-01-10 09:30:00 +0900"}
    )


def test_control_flow_assign_and_capture():
    body = (
        '{% assign greeting = "こんにちは" %}{{ greeting }}\n\n'
        "{% capture note %}取り込み{{ page.author }}{% endcapture %}{{ note }}\n\n"
        "{% if page.author %}あり{% else %}なし{% endif %}\n\n"
        "{% for tag in page.tags %}- {{ tag }}\n{% endfor %}\n"
        "{% for x in site.missing %}never{% endfor %}空ループ\n\n"
        "{% unless page.draft %}公開{% endunless %}\n"
    )
    out = render(body, page={"author": "山田", "tags": ["a", "b"]})
    for fragment in (
        "<p>こんにちは</p>",
        "<p>取り込み山田</p>",
        "<p>あり</p>",
        "<li>a</li>",
        "<li>b</li>",
        "<p>空ループ</p>",
        "<p>公開</p>",
    ):
        assert fragment in out
    assert "never" not in out


def test_raw_and_comment():
    out = render(
        "{% raw %}{{ not rendered }}{% endraw %}\n\n{% comment %}見えない{% endcomment %}見える"
    )
    assert "{{ not rendered }}" in out and "見えない" not in out and "見える" in out


def test_include_with_parameters(blog):
    out = render('{% include note.html text="含める" %}\n\n{% include note.html %}\n', blog)
    assert '<div class="note">含める</div>' in out and '<div class="note">注意</div>' in out


def test_post_url_and_link_resolve_against_the_blog(blog):
    out = render(
        "[一]({% post_url 2030-01-01-first %}) [二]({% link _posts/2030-01-02-second.md %})", blog
    )
    assert 'href="/blog/2030/01/01/first.html"' in out
    assert 'href="/blog/diary/2030/01/02/second.html"' in out


def test_highlight_tag_as_jekyll_publishes_it():
    out = render("{% highlight python linenos %}\ndef f():\n    return 1\n{% endhighlight %}\n")
    assert out.startswith(
        '<figure class="highlight"><pre><code class="language-python" data-lang="python"><table class="rouge-table">'
    )
    assert '<pre class="lineno">1\n2\n</pre>' in out


def test_unknown_tags_show_a_marker_and_never_raise(blog):
    body = (
        "前 {% seo %} 後\n\n{% post_url 2099-01-01-none %}\n\n{% if x %}閉じない\n\n{{ a | | }}\n"
    )
    out = render(body, blog)
    assert out.count("tsuzuri-liquid-unknown") >= 3
    assert "{% seo %}" in out  # shown escaped inside the marker, not as raw template noise
    result = render_body(body, RenderContext(blog_root=blog))
    assert result.warnings


def test_site_posts_lists_the_blog_newest_first(blog):
    body = "{% for post in site.posts %}- {{ post.title }} {{ post.url }}\n{% endfor %}"
    out = render(body, blog, page={"title": "今の記事"})
    titles = re.findall(r"<li>(.*?)</li>", out)
    assert titles == ["Second /diary/2030/01/02/second.html", "一 /2030/01/01/first.html"]


def test_page_url_and_id_of_the_open_post(blog):
    out = render("{{ page.url }} {{ page.id }} {{ page.slug }}", blog)
    assert "/2030/01/10/this.html /2030/01/10/this this" in out
