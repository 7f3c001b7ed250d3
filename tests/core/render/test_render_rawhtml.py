"""Raw block HTML ends where kramdown's HTML parser ends it (cases checked against Jekyll live in
tests/fidelity/cases/2030-01-26-block-html.md); here, the parts a reader sees and the bound."""

from __future__ import annotations

from html import escape

import pytest

from editor.core.render import RenderContext, highlight, render_body
from editor.core.render.rawhtml import extent

pytestmark = pytest.mark.core


def test_an_unclosed_item_takes_the_rest_of_the_post_as_jekyll_publishes_it():
    html = render_body("<ul>\n<li>one\n</ul>\n\nAfter *the* list.\n", RenderContext()).html
    assert "&lt;/ul&gt;" in html  # the closing tag closes nothing: it is text
    assert "After *the* list." in html  # raw, not a paragraph of Markdown
    assert html.rstrip().endswith("</li></ul>")


def test_comments_script_and_void_tags_open_nothing():
    found = extent("<div><br><img src=x /><!-- </div> --><script>'</div>'</script></div> tail")
    assert (found.end, found.stray, found.unclosed) == (
        len("<div><br><img src=x /><!-- </div> --><script>'</div>'</script></div>"),
        [],
        [],
    )


def test_a_thousand_unclosed_comments_are_read_once_not_each_to_the_end():
    text = "<div>\n<!-- never closed\n\n" * 5000
    calls = []

    class Counting(str):
        def find(self, *args):
            calls.append(args)
            return str.find(self, *args)

    found = extent(Counting(text))
    assert found.unclosed == ["div"] * 5000  # every <div> stays open, innermost first
    assert len(calls) == 1


# Checked against Jekyll 4 (kramdown GFM): the fence kramdown refuses (a space in its info
# string) leaves ``<function>`` at a line start, an element never closed, so the rest of the
# post is raw HTML; the ``{% highlight %}`` in it is published as Rouge's figure, set between
# line breaks, never as the preview's own placeholder for it.
REFUSED_FENCE = """Before.

```scala mdoc
val x = 1
<function>
```

Middle text.

{% highlight ruby %}
puts "hi"
{% endhighlight %}

After **bold**.
"""
# Jekyll's figure differs in its spans alone (Rouge leaves a blank unmarked, Pygments marks it
# ``w``): the same figure as a highlight elsewhere in the preview.
FIGURE = highlight.liquid_block('puts "hi"', "ruby", False)
JEKYLL_RAW_PART = (
    f"<function>\n```\n\nMiddle text.\n\n\n{FIGURE}\n\n\nAfter **bold**.\n</function>\n"
)


def test_a_highlight_inside_raw_html_shows_its_code_as_jekyll_publishes_it():
    html = render_body(REFUSED_FENCE, RenderContext()).html
    assert "\x1a" not in html
    raw = html[html.index("<function") :].replace(' data-source-line="4"', "", 1)
    assert raw == JEKYLL_RAW_PART


# Checked against Jekyll 4: Liquid runs before kramdown, so a ``{% highlight %}`` written inside
# a fenced code block is published as its figure's HTML, shown as text in the code block.
FENCED_HIGHLIGHT = """```
{% highlight ruby %}
puts "hi"
{% endhighlight %}
```
"""


def test_a_highlight_inside_a_fence_shows_its_figure_as_code_as_jekyll_publishes_it():
    html = render_body(FENCED_HIGHLIGHT, RenderContext()).html
    assert "\x1a" not in html
    code = html[html.index("<code>") + len("<code>") : html.index("</code></pre></div></div>")]
    assert code == "\n" + escape(FIGURE, quote=False) + "\n\n"


def test_a_highlight_inside_an_indented_code_block_never_shows_the_placeholder():
    text = "Before.\n\n    {% highlight ruby %}\n    puts 2\n    {% endhighlight %}\n"
    html = render_body(text, RenderContext()).html
    assert "\x1a" not in html and "puts" in html
