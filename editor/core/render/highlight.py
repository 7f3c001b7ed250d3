"""Code highlighting with Pygments, wrapped the way Jekyll's Rouge output is.

Rouge uses Pygments' short token classes (``k``, ``nf``, ``s2``...), so the stylesheets written
for Rouge themes apply unchanged.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape

from pygments import highlight as pygments_highlight
from pygments.formatters import HtmlFormatter
from pygments.lexer import Lexer
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

from editor.core.render.rouge_names import ROUGE_NAMES

# Rouge names that Pygments spells differently; other Rouge-only names show as plain text.
_ALIASES = {
    "plaintext": "text",
    "patch": "diff",
    "viml": "vim",
    "vimscript": "vim",
    "terminal": "console",
    "shell_session": "console",
    "jsonc": "json",
    "json-doc": "json",
    "conf": "ini",
    "config": "ini",
    "configuration": "ini",
    "hbs": "handlebars",
    "mustache": "handlebars",
    "eruby": "erb",
    "gradle": "groovy",
    "dlang": "d",
    "ml": "ocaml",
    "plist": "xml",
    "vb": "vbnet",
    "common_lisp": "common-lisp",
    "obj_c": "objective-c",
    "objective_c": "objective-c",
    "batchfile": "batch",
    "pp": "puppet",
    "ps": "powershell",
    "msshell": "powershell",
    "microsoftshell": "powershell",
    "irb_output": "text",
}
_FORMATTER = HtmlFormatter(nowrap=True)


@lru_cache(maxsize=256)
def _lexer(language: str) -> Lexer | None:
    # Lexers are stateless once built and safe to share between threads.
    name = _ALIASES.get(language, language)
    try:
        return get_lexer_by_name(name, stripnl=False, ensurenl=False)
    except ClassNotFound:
        return None


def knows(language: str) -> bool:
    """True when Rouge has a lexer for exactly this name (so Jekyll highlights the block)."""
    return language.split("?")[0] in ROUGE_NAMES


@lru_cache(maxsize=4096)
def highlight(code: str, language: str) -> str:
    """Code as HTML spans with Rouge class names; plain escaped text for unknown languages.

    Kept for the blocks rendered last: a render after an edit highlights only the code that
    changed (Pygments is most of the time of rendering a post with much code)."""
    lexer = _lexer(language) if knows(language) else None
    if lexer is None:
        return escape(code, quote=False)
    return pygments_highlight(code, lexer, _FORMATTER)


def fenced_block(code: str, language: str, classes: str = "") -> str:
    """A fenced or indented code block as Jekyll publishes it (kramdown + Rouge).

    ``classes`` come from an IAL (``{: .wide}``) and go on the outer element, as kramdown does.
    """
    language = language or "plaintext"
    extra = f" {escape(classes)}" if classes else ""
    if not knows(language):
        lang_class = escape(language)
        code_html = escape(code, quote=False)
        if extra:
            return f'<pre class="{extra.strip()}"><code class="language-{lang_class}">{code_html}</code></pre>\n'
        return f'<pre><code class="language-{lang_class}">{code_html}</code></pre>\n'
    body = highlight(code, language)
    return (
        f'<div class="language-{escape(language)}{extra} highlighter-rouge">'
        f'<div class="highlight"><pre class="highlight"><code>{body}</code></pre></div></div>\n'
    )


def liquid_block(code: str, language: str, linenos: bool) -> str:
    """``{% highlight lang [linenos] %}`` as Jekyll renders it: a ``figure.highlight``."""
    code = code.strip("\n")
    lang = escape(language.replace("+", "-"))  # Jekyll writes c++ as language-c--
    body = highlight(code, language).rstrip("\n")
    if linenos:
        lines = code.split("\n")
        gutter = "".join(f"{n}\n" for n in range(1, len(lines) + 1))
        body = (
            '<table class="rouge-table"><tbody><tr><td class="gutter gl">'
            f'<pre class="lineno">{gutter}</pre></td><td class="code"><pre>{body}\n</pre></td>'
            "</tr></tbody></table>"
        )
    return (
        f'<figure class="highlight"><pre><code class="language-{lang}" data-lang="{lang}">'
        f"{body}</code></pre></figure>"
    )
