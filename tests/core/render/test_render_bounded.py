"""Hostile bodies render in bounded time, with Jekyll's output or a visible refusal.

Each input is generated at the size that took from seconds to forever before; the bound is a
generous CPU time (a busy machine stretches wall time, not CPU time).  A ``timeout`` mark, in
wall time, stops a run that would otherwise never end.
"""

from __future__ import annotations

import re
import time
from html import unescape

import pytest

from editor.core.render import RenderContext, render_body
from editor.core.render.liquid import UNKNOWN_CLASS

pytestmark = pytest.mark.core

BOUND = 20.0  # CPU seconds, for a slow machine; a laptop needs a tenth to a fifth of it


def _render(body: str):
    # CPU time, not wall time: a machine busy with other work must not fail the bound.
    started = time.process_time()
    result = render_body(body, RenderContext())
    seconds = time.process_time() - started
    assert seconds < BOUND, f"took {seconds:.1f} s"
    assert not any("fell back" in w for w in result.warnings), result.warnings
    return result


@pytest.mark.timeout(300)
def test_nested_unclosed_ifs_show_each_tag_once_with_jekylls_error():
    # Liquid refuses this ("'if' tag was never closed") and Jekyll fails the build; the preview
    # shows each unclosed tag as a marker and keeps every word once.
    depth = 17
    body = "".join(f"{{% if true %}}w{i}." for i in range(depth))
    result = _render(body)
    assert result.html.count(UNKNOWN_CLASS) == depth
    for i in range(depth):
        assert result.html.count(f"w{i}.") == 1
    assert any("'if' tag was never closed" in w for w in result.warnings)


@pytest.mark.timeout(300)
def test_unclosed_else_branch_keeps_its_text_once():
    result = _render("{% if false %}ONE{% else %}TWO\n")
    assert result.html.count("ONE") == 1 and result.html.count("TWO") == 1
    assert result.html.count(UNKNOWN_CLASS) == 2  # the if and the else


@pytest.mark.timeout(300)
@pytest.mark.parametrize("opener", ["{{ a ", "{{", "{% if "])
def test_50k_unclosed_liquid_openers_are_shown_as_text(opener):
    body = opener * 50_000
    result = _render(body + "\n\nafter\n")
    assert '<p data-source-line="2">after</p>' in result.html
    assert any("not properly terminated" in w for w in result.warnings)


@pytest.mark.parametrize(
    ("body", "marked", "after", "error"),
    [
        ("a {{ b\n\nc\n", "{{", "c", "Variable '{{' was not"),
        # Liquid's tokenizer ends a variable at its first "}", even with a "}}" further on.
        ("a {{ b }\n\nc }}\n", "{{ b }", "c }}", "Variable '{{ b }' was not"),
    ],
    ids=["no-brace", "one-brace"],
)
def test_an_unclosed_variable_is_marked_with_jekylls_error(body, marked, after, error):
    result = _render(body)
    [warning] = [w for w in result.warnings if f"{error} properly terminated" in w]
    # The marker's tooltip gives the error, so the preview shows why.
    [(title, text)] = re.findall(
        rf'<span class="{UNKNOWN_CLASS}" title="([^"]*)">([^<]*)</span>', result.html
    )
    assert (unescape(title), unescape(text)) == (warning, marked)
    assert f'<p data-source-line="2">{after}</p>' in result.html


@pytest.mark.timeout(300)
@pytest.mark.parametrize("tag", ["raw", "comment"])
def test_50k_unclosed_raw_and_comment_tags(tag):
    body = f"{{% {tag} %}}x." * 50_000
    result = _render(body)
    assert result.html.count(UNKNOWN_CLASS) == 50_000
    assert result.html.count("x.") == 50_000
    assert any(f"'{tag}' tag was never closed" in w for w in result.warnings)


@pytest.mark.timeout(300)
def test_120k_attribute_lists_all_apply_to_their_paragraph():
    # kramdown gives a paragraph every class of the attribute lists under it.
    count = 120_000
    body = "p\n" + "".join(f"{{: .c{i}}}\n" for i in range(count)) + "\nq\n"
    result = _render(body)
    opening = result.html.split(">", 1)[0]
    assert opening.startswith('<p class="c0 c1 c2 ') and f" c{count - 1}" in opening
    assert result.html.endswith(f'<p data-source-line="{count + 2}">q</p>\n')


def _without_markers(html: str) -> str:
    return re.sub(r' data-source-line="\d+"', "", html).replace("\n\n", "\n")


def test_unclosed_span_elements_close_where_kramdown_closes_them():
    # Jekyll 4.3 (kramdown GFM) output for this body, checked with the real jekyll.
    body = "a <span>b <span>c\n\nd <b>e <i>f\n\n<span>a <b>b</span> c\n"
    jekyll = (
        "<p>a <span>b <span>c</span></span></p>\n\n<p>d <b>e <i>f</i></b></p>\n\n"
        "<p><span>a <b>b&lt;/span&gt; c</b></span></p>\n"
    )
    assert _without_markers(_render(body).html) == _without_markers(jekyll)


@pytest.mark.timeout(300)
def test_100k_unclosed_spans_are_all_closed_at_the_paragraph_end():
    count = 100_000
    result = _render("<span>a\n" * count + "\nq\n")
    first, rest = result.html.split("</p>\n", 1)
    assert first.count("<span>") == count and first.endswith("a" + "</span>" * count)
    assert rest == f'<p data-source-line="{count + 1}">q</p>\n'


@pytest.mark.timeout(300)
def test_50k_unclosed_html_comments_are_text():
    count = 50_000
    result = _render("<!-- a\n" * count + "\nq\n")
    first, rest = result.html.split("</p>\n", 1)
    assert first.count("&lt;!– a") == count  # kramdown's output: text, the dashes typeset
    assert rest == f'<p data-source-line="{count + 1}">q</p>\n'


@pytest.mark.timeout(300)
def test_50k_unclosed_span_attribute_lists_are_text():
    count = 50_000
    result = _render("*a*{: .b " * count + "\n")
    assert result.html.count("<em>a</em>{: .b") == count


@pytest.mark.parametrize(
    "definitions",
    ["{:a: b .x}\n{:b: a .y}\n", "".join(f"{{:d{i}: d{i + 1}}}\n" for i in range(5000))],
    ids=["cycle", "chain-of-5000"],
)
def test_attribute_definitions_that_never_end_are_refused_with_a_warning(definitions):
    # kramdown stops with "stack level too deep" on the cycle and Jekyll fails the build.
    ref = definitions[2 : definitions.index(":", 2)]
    result = _render(f"{definitions}\npara\n{{: {ref} .z}}\n")
    assert '<p class="z"' in result.html and ">para</p>" in result.html
    assert any("attribute list definitions" in w for w in result.warnings)


@pytest.mark.timeout(300)
@pytest.mark.parametrize("depth", [120, 5000])
def test_liquid_nested_past_100_blocks_is_refused_with_jekylls_error(depth):
    # Liquid stops at 100 nested blocks ("Liquid error: Nesting too deep"; the build fails).
    body = "{% if true %}x" * depth + "{% endif %}" * depth + "\n\nafter\n"
    result = _render(body)
    assert UNKNOWN_CLASS in result.html and '<p data-source-line="2">after</p>' in result.html
    assert any("Nesting too deep" in w for w in result.warnings)


@pytest.mark.timeout(300)
@pytest.mark.parametrize("name", ["comment", "nomarkdown"])
def test_50k_unclosed_kramdown_extensions_are_text(name):
    count = 50_000
    result = _render(f"{{::{name}}}\n" * count + "\nq\n")
    first, rest = result.html.split("</p>\n", 1)
    assert first.count(f"{{::{name}}}") == count  # kramdown's output: the lines as text
    assert rest == f'<p data-source-line="{count + 1}">q</p>\n'


@pytest.mark.timeout(300)
@pytest.mark.parametrize(("count", "closed"), [(20_000, False), (2_000, True)])
def test_html_with_markdown_inside_nested_deep_renders_with_a_warning(count, closed):
    closing = "\n" + "</div>\n" * count if closed else ""
    result = _render('<div markdown="1">\n' * count + "\n*q*\n" + closing)
    assert "<em>" not in result.html and "*q*" in result.html
    assert any('markdown="1"' in w and "nested" in w for w in result.warnings)


def test_the_nesting_warning_is_worded_in_japanese_too():
    result = _render('<div markdown="1">\n' * 60 + "\n*q*\n")
    (warning,) = [w for w in result.warnings if getattr(w, "code", "") == "markdown-too-deep"]
    assert warning.message("ja").startswith(
        'markdown="1" の HTML 要素の入れ子が 50 段を超えています'
    )


@pytest.mark.timeout(300)
def test_40k_unclosed_blocks_with_branches_keep_each_word_once():
    count = 40_000
    result = _render("{% if a %}Q.{% else %}R." * count)
    assert result.html.count(UNKNOWN_CLASS) == 2 * count
    assert result.html.count("Q.") == count and result.html.count("R.") == count


@pytest.mark.parametrize(
    ("date", "refused"),
    [
        ("2025-02-03 10:00:00 +25:00", True),
        ("2025-02-32", True),
        ("2025-02-30", False),  # 2 March for Ruby, and so for Jekyll
        ("Oct 25 2025", False),
    ],
)
def test_a_date_jekyll_cannot_read_is_a_warning_not_a_failure(date, refused):
    # Jekyll 4.3: "Invalid date '...': Document '...' does not have a valid date in the YAML
    # front matter", and the post is not built.
    result = render_body("本文\n", RenderContext(page={"title": "t", "date": date}))
    assert not any("fell back" in w for w in result.warnings)
    assert result.html == '<p data-source-line="0">本文</p>\n'
    assert any(f"Invalid date '{date}'" in w for w in result.warnings) == refused
