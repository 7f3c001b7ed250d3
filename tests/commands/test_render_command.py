"""``tsuzuri render``: prints the preview HTML of a post, errors are one line with status 2."""

from __future__ import annotations

import time
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


def _alias_bomb(levels: int = 9) -> str:
    """A "billion laughs" YAML mapping: 9 levels of 9 aliases each, 9**9 nodes expanded."""
    lines = ["l0: &l0 [a, a, a, a, a, a, a, a, a]"]
    for level in range(1, levels):
        lines.append(f"l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def _render_cli(post, capsys, *args, bound: float = 20) -> tuple[int, str, str]:
    started = time.perf_counter()
    status = main(["render", str(post), *args])
    assert time.perf_counter() - started < bound  # generous: a refusal takes milliseconds
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.mark.timeout(60)
def test_an_alias_bomb_in_the_front_matter_is_refused_in_one_line(blog, capsys):
    post = blog / "_posts" / "2030-01-01-bomb.md"
    post.write_text("---\n" + _alias_bomb() + "---\n本文 {{ page.l8 }}\n", "utf-8")
    status, out, err = _render_cli(post, capsys)
    assert status == 0 and "本文" in out
    assert err.startswith("tsuzuri: the front matter") and "alias" in err
    assert err.count("\n") == 1


@pytest.mark.timeout(60)
def test_an_alias_bomb_in_config_is_refused_in_one_line(blog, capsys):
    (blog / "_config.yml").write_text(_alias_bomb(), "utf-8")
    post = blog / "_posts" / "2030-01-01-a.md"
    post.write_text("---\ntitle: t\n---\n本文 {{ site.l8 }}\n", "utf-8")
    status, out, err = _render_cli(post, capsys)
    assert status == 0 and "本文" in out
    assert err.startswith("tsuzuri: _config.yml") and "alias" in err
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    "value",
    ["[" * 5000 + "]" * 5000, "[" * 100_000 + "]" * 100_000, "\n" + "- " * 100_000 + "x"],
    ids=["5k-brackets", "100k-brackets", "100k-dashes"],
)
def test_deeply_nested_front_matter_is_refused_in_one_line(blog, capsys, value):
    post = blog / "_posts" / "2030-01-01-deep.md"
    post.write_text(f"---\nx: {value}\n---\n本文\n", "utf-8")
    status, out, err = _render_cli(post, capsys)
    assert status == 0 and "本文" in out
    assert err.startswith("tsuzuri: the front matter") and "nested" in err
    assert err.count("\n") == 1


def test_february_30_rolls_over_as_jekyll_reads_it(blog, capsys):
    # Ruby's Time.parse, and so Jekyll, reads 2025-02-30 as 2 March (checked with jekyll 4.3).
    body = "{{ page.date }} / {{ page.date | date: '%Y-%m-%d' }}\n"
    outputs = []
    for date in ("2025-02-30", "2025-03-02"):
        post = blog / "_posts" / "2030-01-01-a.md"
        post.write_text(f"---\ntitle: t\ndate: {date}\n---\n{body}", "utf-8")
        status, out, err = _render_cli(post, capsys)
        assert status == 0 and err == ""
        outputs.append(out)
    assert outputs[0] == outputs[1] and "2025-03-02" in outputs[0]


@pytest.mark.parametrize("date", ["2025-02-03 10:00:00 +25:00", "2025-02-32"])
def test_dates_jekyll_cannot_read_do_not_stop_the_render(blog, capsys, date):
    post = blog / "_posts" / "2030-01-01-a.md"
    post.write_text(f"---\ntitle: t\ndate: {date}\n---\n本文 {{{{ page.title }}}}\n", "utf-8")
    status, out, err = _render_cli(post, capsys)
    # The body renders; Jekyll's refusal of the date is the one warning line on stderr.
    assert status == 0 and len(err.splitlines()) == 1 and f"Invalid date '{date}'" in err
    assert out.startswith('<p data-source-line="0">本文 t</p>')


def _ten_megabyte_front_matter() -> str:
    keys = [f'k{i}: "{"あ" * 30}"' for i in range(100_000)]  # 100,000 keys, 10 MB, no alias
    return "---\ntitle: 大きな前付け\n" + "\n".join(keys) + "\n---\n本文 {{ page.title }}\n"


@pytest.mark.timeout(120)
def test_a_ten_megabyte_front_matter_renders_in_seconds(blog, capsys):
    post = blog / "_posts" / "2030-01-01-big.md"
    post.write_text(_ten_megabyte_front_matter(), "utf-8")
    assert post.stat().st_size > 10_000_000
    # About 3 s here; reading the YAML twice in pure Python took 16 s.
    status, out, err = _render_cli(post, capsys, bound=12)
    assert status == 0 and err == ""
    assert out == '<p data-source-line="0">本文 大きな前付け</p>\n'


def test_warnings_go_to_stderr_and_strict_makes_them_fail(blog, capsys):
    post = blog / "_posts" / "2030-01-02-warned.md"
    post.write_text("---\ntitle: t\n---\n前\n\n{% seo %} 後\n", "utf-8")
    assert main(["render", "--lang", "en", str(post)]) == 0
    captured = capsys.readouterr()
    assert "後" in captured.out and "tsuzuri-liquid-unknown" in captured.out
    [line] = captured.err.splitlines()
    assert line.startswith(f"{post}: warning: ") and "line 3" in line and "{% seo %}" in line
    assert main(["render", "--strict", "--lang", "en", str(post)]) == 1
    assert capsys.readouterr().err.splitlines() == [line]
    assert main(["render", "--lang", "ja", str(post)]) == 0
    [japanese] = capsys.readouterr().err.splitlines()
    assert (
        japanese == f"{post}: 警告: プレビューで扱えない Liquid のタグです（3 行目）: {{% seo %}}"
    )


def test_a_clean_post_has_no_warning_even_when_strict(blog, capsys):
    post = blog / "_posts" / "2030-01-03-clean.md"
    post.write_text("---\ntitle: t\n---\n{{ page.title }}\n", "utf-8")
    assert main(["render", "--strict", str(post)]) == 0
    assert capsys.readouterr().err == ""
