"""Ordinary Liquid the preview gets right, as Liquid 4 and Jekyll 4.3 print it.

Expected outputs were checked against ``jekyll build`` of a post holding the same body (the
fidelity case ``2030-01-19-liquid-engine.md`` keeps checking most of them against Jekyll).
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from editor.core.render import RenderContext, render_body

pytestmark = pytest.mark.core

MARKER = "tsuzuri-liquid-unknown"


def _html(body: str, page: dict | None = None, blog: Path | None = None, site=None):
    context = RenderContext(
        site=site or {},
        page=page or {},
        blog_root=blog,
        post_path=(blog / "_posts" / "2030-01-10-this.md") if blog else None,
    )
    result = render_body(body, context)
    return re.sub(r' data-source-line="\d+"', "", result.html), result.warnings


def test_break_and_continue_end_a_for_loop_early():
    html, warnings = _html(
        "{% for i in (1..6) %}{% if i == 2 %}{% continue %}{% endif %}"
        "{% if i == 5 %}{% break %}{% endif %}{{ i }}{% endfor %}\n"
    )
    assert html == "<p>134</p>\n" and not warnings


def test_increment_and_decrement_count_from_zero():
    html, _ = _html("{% decrement a %}{% decrement a %} {% increment b %}{% increment b %}\n")
    assert html == "<p>-1-2 01</p>\n"


def test_concat_at_least_at_most_and_slice():
    html, warnings = _html(
        '{% assign a = "x,y" | split: "," %}{% assign b = "z" | split: "," %}'
        '{{ a | concat: b | join: "-" }} {{ 3 | at_least: 5 }} {{ 9 | at_most: 4 }} '
        '{{ "こんにちは" | slice: 1, 3 }} {{ "abc" | slice: -1 }}\n'
    )
    assert html == "<p>x-y-z 5 4 んにち c</p>\n" and not warnings


@pytest.mark.parametrize(
    ("expression", "shown"),
    [
        ("page.date | date_to_string", "05 Jan 2030"),
        ('page.date | date_to_string: "ordinal"', "5th Jan 2030"),
        ('page.date | date_to_string: "ordinal", "US"', "Jan 5th, 2030"),
        ('page.date | date_to_long_string: "ordinal", "US"', "January 5th, 2030"),
        ('page.date | date_to_long_string: "ordinal"', "5th January 2030"),
        ("page.date | date_to_xmlschema", "2030-01-05T09:30:00+09:00"),
    ],
)
def test_jekyll_date_filters_take_their_arguments(expression, shown):
    # Jekyll shows dates in the site's zone (here the post's own offset).
    site = {"timezone": "Asia/Tokyo"}
    html, _ = _html(
        f"{{{{ {expression} }}}}\n", page={"date": "2030-01-05 09:30:00 +0900"}, site=site
    )
    assert html == f"<p>{shown}</p>\n"


def test_tablerow_makes_rows_and_cells():
    html, warnings = _html("{% tablerow i in (1..3) cols:2 %}{{ i }}{% endtablerow %}\n")
    assert '<td class="col1">1</td><td class="col2">2</td></tr>' in html
    assert '<tr class="row2"><td class="col1">3</td></tr>' in html
    assert MARKER not in html and not warnings


def test_an_unknown_filter_passes_its_value_with_a_warning_saying_where():
    # Jekyll's Liquid (strict_filters off) prints the value unchanged; the warning names the
    # filter and its line, for the status bar and ``tsuzuri render``.
    html, warnings = _html('前\n\n{{ "x" | no_such_filter }} 後\n')
    assert html == "<p>前</p>\n<p>x 後</p>\n"
    assert "Liquid filter not known to the preview (line 3): no_such_filter" in warnings


def test_jekyll_filters_where_group_by_and_number_of_words():
    page = {
        "items": [
            {"name": "a", "kind": "x"},
            {"name": "b", "kind": "y"},
            {"name": "c", "kind": "x"},
        ]
    }
    html, warnings = _html(
        '{{ page.items | where: "kind", "x" | map: "name" | join: "" }} '
        '{{ page.items | where_exp: "i", "i.kind == \'y\'" | map: "name" | join: "" }} '
        '{% assign g = page.items | group_by: "kind" %}{{ g | map: "name" | join: "" }}'
        '{{ g[0].size }} {{ "日本語の文 two words" | number_of_words: "cjk" }} '
        '{{ "Hello World!" | slugify }} {{ "a&b" | xml_escape }}\n',
        page=page,
    )
    assert html == "<p>ac b xy2 7 hello-world a&amp;b</p>\n", warnings


def test_a_body_that_only_mentions_posts_reads_no_post(tmp_path, monkeypatch):
    from editor.core.render import site_posts

    (tmp_path / "_posts").mkdir()
    for day in range(1, 6):
        (tmp_path / "_posts" / f"2030-01-0{day}-p{day}.md").write_text("---\n---\n", "utf-8")
    reads: list[Path] = []
    real = site_posts.front_matter
    monkeypatch.setattr(site_posts, "front_matter", lambda p: reads.append(p) or real(p))
    # Words about the blog, not a loop over its posts: no post needs to be read.
    _html("Put posts in `_posts`; {{ site.title }} is the site.\n", blog=tmp_path)
    _html("The next and previous posts of {{ page.title }}.\n", blog=tmp_path)
    assert reads == []
    html, _ = _html(
        "{% for p in site.posts %}{{ p.slug }} {% endfor %}\n", blog=tmp_path, site={"future": True}
    )
    assert html == "<p>p5 p4 p3 p2 p1</p>\n" and len(reads) == 5


@pytest.fixture
def blog(tmp_path: Path) -> Path:
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_includes").mkdir()
    (tmp_path / "_data" / "people").mkdir(parents=True)
    (tmp_path / "_data" / "authors.yml").write_text("yamada:\n  name: 山田\n", "utf-8")
    (tmp_path / "_data" / "people" / "team.yml").write_text("- 佐藤\n- 鈴木\n", "utf-8")
    (tmp_path / "_includes" / "loop.html").write_text("[{% include loop.html %}]", "utf-8")
    (tmp_path / "_includes" / "card.html").write_text(
        "{{ include.who }}:{{ include.n }}{% assign seen = 'yes' %}", "utf-8"
    )
    (tmp_path / "_posts" / "side.md").write_text("beside the post", "utf-8")
    (tmp_path.parent / "secret.txt").write_text("SECRET", "utf-8")
    return tmp_path


def test_include_parameters_and_include_relative(blog):
    html, warnings = _html(
        '{% assign n = 3 %}{% include card.html who="山田" n=n %} {{ seen }} '
        "{% include_relative side.md %}\n",
        blog=blog,
    )
    assert html == "<p>山田:3 yes beside the post</p>\n" and not warnings


@pytest.mark.parametrize("name", ["../../secret.txt", "/../../secret.txt"])
def test_an_include_never_leaves_the_blog(blog, name):
    html, warnings = _html(f"{{% include {name} %}}\n", blog=blog)
    assert "SECRET" not in html and MARKER in html
    assert any("Could not locate the included file" in w for w in warnings)


def test_an_include_that_includes_itself_stops_with_a_marker(blog):
    html, warnings = _html("a {% include loop.html %} b\n", blog=blog)
    assert html.count("[") == 10 and MARKER in html and "a " in html and " b" in html
    assert any("Nesting too deep" in w for w in warnings)


def test_site_data_comes_from_the_data_folder(blog):
    html, _ = _html(
        "{{ site.data.authors.yamada.name }} {{ site.data.people.team | join: '・' }}\n",
        blog=blog,
    )
    assert html == "<p>山田 佐藤・鈴木</p>\n"


@pytest.mark.parametrize(
    ("mode", "slug"),
    [
        ("raw", "hello-wörld:-co.-日本"),
        ("default", "hello-wörld-co-日本"),
        ("pretty", "hello-wörld-co.-日本"),
        ("ascii", "hello-w-rld-co"),
        ("latin", "hello-world-co"),
        ("none", "hello wörld: co. 日本"),
    ],
)
def test_slugify_modes_as_jekyll(mode, slug):
    html, _ = _html(f'{{{{ "Hello Wörld: Co. 日本" | slugify: "{mode}" }}}}\n')
    assert html == f"<p>{slug}</p>\n"


def test_an_unknown_tag_is_a_marker_with_its_line():
    html, warnings = _html("一\n\n前 {% seo %} 後\n")
    assert f'<span class="{MARKER}"' in html and "{% seo %}" in html and "後" in html
    assert any("line 3" in w and "{% seo %}" in w for w in warnings)


def test_a_liquid_failure_is_shown_not_hidden(monkeypatch):
    from editor.core.render import renderer

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(renderer, "render_liquid", broken)
    result = render_body("# 見出し\n\n{{ x }}\n\n```ruby\nputs 1\n```\n", RenderContext())
    # The rest of the post is rendered as Jekyll would: heading ids, Rouge.
    assert (
        '<h1 id="見出し"' in result.html
        and 'class="language-ruby highlighter-rouge"' in result.html
    )
    assert "tsuzuri-render-failed" in result.html and "{{ x }}" in result.html
    assert any("Liquid could not be rendered" in w and "boom" in w for w in result.warnings)


def test_a_markdown_failure_is_shown_as_text_with_a_marker(monkeypatch):
    from editor.core.render import renderer

    def broken(text):
        raise RuntimeError("boom")

    monkeypatch.setattr(renderer, "extend_lazy_quotes", broken)
    result = render_body("# 見出し <b>\n", RenderContext())
    assert "tsuzuri-render-failed" in result.html and "# 見出し &lt;b&gt;" in result.html
    assert any("Markdown could not be rendered" in w and "boom" in w for w in result.warnings)


def test_liquid_dates_are_in_the_sites_time_zone():
    # Jekyll 4.3 with timezone: Asia/Tokyo prints this post's date as the next day.
    html, _ = _html(
        '{{ page.date | date_to_string }} / {{ page.date }} / {{ page.date | date: "%H:%M" }}\n',
        page={"date": "2025-01-01 20:00:00 +0000"},
        site={"timezone": "Asia/Tokyo"},
    )
    assert html == "<p>02 Jan 2025 / 2025-01-02 05:00:00 +0900 / 05:00</p>\n"


def test_an_unknown_tag_inside_a_loop_is_marked_each_time_it_renders():
    html, warnings = _html("{% for i in (1..3) %}{{ i }}{% seo %}{% endfor %}\n")
    assert html.count(f'<span class="{MARKER}"') == 3
    assert re.sub(r"<span[^>]*>\{% seo %\}</span>", "|", html) == "<p>1|2|3|</p>\n"
    assert len(warnings) == 1


def test_warnings_carry_a_code_params_and_japanese_words():
    _, warnings = _html("{% seo %}\n\n{{ 'x' | nope }}\n")
    unknown_tag, unknown_filter = warnings
    assert unknown_tag.code == "liquid-unknown-tag"
    assert unknown_tag.params == {"line": 1, "tag": "{% seo %}"}
    assert (
        unknown_tag.message("ja") == "プレビューで扱えない Liquid のタグです（1 行目）: {% seo %}"
    )
    assert unknown_filter.code == "liquid-unknown-filter"
    assert unknown_filter.params == {"line": 3, "name": "nope"}


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    ("body", "warning"),
    [
        ("{{ a" + "[b" * 3000 + "]" * 3000 + " }}", "Nesting too deep"),
        ("{% for i in (1..100000000) %}x{% endfor %}", "loop iteration limit"),
        ("{% for a in (1..3000) %}{% for b in (1..3000) %}x{% endfor %}{% endfor %}", "limit"),
        (
            "{% assign s = 'xxxxxxxxxx' %}" + "{% capture s %}{{ s }}{{ s }}{% endcapture %}" * 40,
            "limit",
        ),
        (
            "{% assign s = 'ab' %}{% for i in (1..60) %}{% assign s = s | append: s %}{% endfor %}"
            "{{ s | size }}",
            "local namespace limit",
        ),
        (
            "{% for a in (1..1000) %}{% for b in (1..1000) %}{% for c in (1..1000) %}x"
            "{% endfor %}{% endfor %}{% endfor %}",
            "loop iteration limit",
        ),
    ],
    ids=[
        "brackets-3000-deep",
        "range-of-100-million",
        "nine-million-loops",
        "doubling-capture",
        "doubling-assign-in-a-loop",
        "a-billion-loops",
    ],
)
def test_hostile_liquid_stops_at_a_limit_with_a_marker(body, warning):
    started = time.perf_counter()
    html, warnings = _html(body + "\n\nafter\n")
    assert time.perf_counter() - started < 20.0
    assert MARKER in html and "<p>after</p>\n" in html
    assert any(warning in w for w in warnings), warnings


@pytest.mark.timeout(60)
def test_includes_that_each_include_ten_more_stop_at_once(tmp_path):
    """Ten includes of ten includes, thirteen deep, are 10^13 renders: the page stops at a limit
    (once a limit is reached no tag runs again) in well under a second, not minutes and GBs."""
    (tmp_path / "_includes").mkdir()
    for level in range(1, 14):
        (tmp_path / "_includes" / f"l{level}.html").write_text(
            f"{{% include l{level + 1}.html %}}" * 10, "utf-8"
        )
    (tmp_path / "_includes" / "l14.html").write_text("leaf ", "utf-8")
    started = time.perf_counter()
    html, warnings = _html("{% include l1.html %}\n\nafter\n", blog=tmp_path)
    assert time.perf_counter() - started < 20.0
    assert html.endswith("<p>after</p>\n") and len(html) < 100_000
    assert any("limit" in w or "Nesting too deep" in w for w in warnings), warnings


def test_a_marker_for_a_tag_with_a_pipe_or_stars_is_not_read_as_markdown():
    """The marker of a failing tag is shown as the tag's text: never a table, never emphasis."""
    html, _ = _html("{% assign x = 1 | divided_by: 0 %} *a* {% bad_tag x_y_z %} after\n")
    assert html.startswith("<p>") and "<table" not in html and "<td" not in html
    assert html.count("<em>") == 1  # the writer's *a*, not the tags' underscores
    text = re.sub(r"<[^>]+>", "", html)
    assert "{% assign x = 1 &#124; divided&#95;by: 0 %}" in text or "divided_by: 0 %}" in text
    assert "x&#95;y&#95;z" in text or "x_y_z" in text


def test_an_include_in_a_loop_is_read_once_per_render(blog, monkeypatch):
    from editor.core.render.liquid import blog as blog_adapter

    reads = []
    real = blog_adapter.read_include
    monkeypatch.setattr(blog_adapter, "read_include", lambda *a: reads.append(a) or real(*a))
    html, _ = _html(
        '{% for i in (1..50) %}{% include card.html who="x" n=i %},{% endfor %}\n', blog=blog
    )
    assert html.count("x:") == 50 and "x:50," in html
    assert len(reads) == 1
