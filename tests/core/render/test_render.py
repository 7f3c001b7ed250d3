"""render_body: the preview's contract (source lines, images, purity) on small posts."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core.render import RenderContext, RenderResult, render_body

pytestmark = pytest.mark.core


@pytest.fixture
def blog(tmp_path: Path) -> Path:
    (tmp_path / "_posts").mkdir()
    (tmp_path / "assets" / "img").mkdir(parents=True)
    (tmp_path / "assets" / "img" / "cat.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return tmp_path


def _context(blog: Path, **kwargs) -> RenderContext:
    return RenderContext(blog_root=blog, post_path=blog / "_posts" / "2025-01-01-a.md", **kwargs)


def test_every_top_level_block_carries_its_source_line():
    body = "# 見出し\n\n段落の一行目\n二行目\n\n- a\n- b\n\n```python\nx = 1\n```\n"
    result = render_body(body)
    assert isinstance(result, RenderResult)
    lines = [int(n) for n in re.findall(r'data-source-line="(\d+)"', result.html)]
    assert lines == [0, 2, 5, 8]
    assert [start for start, _ in result.blocks] == lines
    assert (
        result.blocks[0] == (0, 1) and result.blocks[1] == (2, 4) and result.blocks[-1] == (8, 11)
    )


def test_source_lines_count_from_the_body_even_after_liquid_blocks():
    body = "{% highlight ruby %}\nputs 1\nputs 2\n{% endhighlight %}\n\n最後の段落\n"
    html = render_body(body).html
    assert html.startswith('<figure data-source-line="0" class="highlight">')
    assert '<p data-source-line="5">最後の段落</p>' in html


def test_site_image_resolves_to_the_blog_file_and_keeps_its_src(blog):
    html = render_body("![猫](/assets/img/cat.png)", _context(blog)).html
    assert 'src="/assets/img/cat.png"' in html
    local = (blog / "assets" / "img" / "cat.png").resolve().as_uri()
    assert f'data-local-src="{local}"' in html
    assert "tsuzuri-missing-image" not in html


def test_missing_image_is_marked(blog):
    html = render_body("![無い](/assets/img/none.png)", _context(blog)).html
    assert 'class="tsuzuri-missing-image"' in html


def test_remote_image_is_withheld_unless_allowed(blog):
    blocked = render_body("![x](https://example.com/a.png)", _context(blog)).html
    assert 'data-remote-src="https://example.com/a.png"' in blocked
    assert 'src=""' in blocked and "tsuzuri-remote-image" in blocked
    allowed = render_body("![x](https://example.com/a.png)", _context(blog, allow_remote=True))
    assert 'src="https://example.com/a.png"' in allowed.html


def test_crlf_and_cr_bodies_render_like_lf():
    lf = render_body("一行目\n二行目\n\n## 見出し\n").html
    assert render_body("一行目\r\n二行目\r\n\r\n## 見出し\r\n").html == lf
    assert render_body("一行目\r二行目\r\r## 見出し\r").html == lf


def test_rendering_is_pure_and_safe_from_threads():
    bodies = [
        f"## 見出し{i}\n\n**「重要」**です {i}\n\n| a | b |\n|---|---|\n| {i} | x |\n"
        for i in range(8)
    ]
    expected = [render_body(b).html for b in bodies]
    results: dict[int, str] = {}

    def work(i: int) -> None:
        for _ in range(5):
            results[i] = render_body(bodies[i]).html

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [results[i] for i in range(8)] == expected


@settings(max_examples=150, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("ab 日本「」。*_`#>-|:{}%[]()!\\\"'~$^\n\t<>/=.1")),
        max_size=120,
    )
)
def test_any_text_renders_without_error(text):
    result = render_body(text)
    assert isinstance(result.html, str)
    assert all(0 <= start <= end for start, end in result.blocks)


@pytest.mark.parametrize(
    "page",
    [
        {"tags": 5, "categories": {"a": 1}, "date": "not a date", "title": None},
        {"date": 20250101, "permalink": 3, 1: "numeric key"},
    ],
)
def test_odd_front_matter_still_renders(blog, page):
    body = (
        "{{ page.title }} {{ page.tags | join: ',' }} {{ page.date | date: '%Y' }}\n\n## 見出し\n"
    )
    result = render_body(body, _context(blog, page=page))
    assert '<h2 id="見出し"' in result.html
    # Nothing fell back; the one word is for the date Jekyll would refuse to build.
    expected = ["Invalid date 'not a date'"] if page["date"] == "not a date" else []
    assert [w.split(":")[0] for w in result.warnings] == expected
