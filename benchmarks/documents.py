"""The posts every speed benchmark of the preview, the doctor and the peers runs on.

``document(size)`` is a post body of about ``size`` bytes of UTF-8 built from the corpus beside
the repository (``../shared/corpus``: the raw post and the Japanese posts of ``real``, front
matter stripped), so the text is what writers write: Japanese-heavy, with code, tables,
footnotes and Liquid.  After each corpus post comes one generated ``section`` that holds every
construct the corpus may lack (a table, a footnote, a fence, ``{% highlight %}``, ``{{ site }}``),
and generated sections fill the rest, so every size has all of them.  Posts repeated to reach
1 MB get footnote labels of their own, as one long post would.  The corpus posts in
``OPEN_TO_THE_END`` are left out: their raw HTML stays open to their end (a fence kramdown
refuses leaves a ``<function>`` open, as their published page shows), so joined to others they
would swallow every post after them into one HTML block, which no one writes in a single post
(tests/test_benchmarks.py checks with the renderer that no other post does).  Deterministic: the
same corpus gives the same text.  Without the corpus the document is generated sections alone.
Standard library only: the peers' environment imports it too.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("TSUZURI_CORPUS", ROOT.parent / "shared" / "corpus"))

SIZES = {"10 KB": 10_000, "30 KB": 30_000, "100 KB": 100_000, "1 MB": 1_000_000}
"""The documents of issue 18's benchmark, by the name its table gives them."""

_SECTION = """## {n}. 見出しその{n}

これは**「重要」**です。プレビューが公開サイトと同じ見た目になるかを確かめる段落で、
*強調*や`インラインコード`、[リンク](https://example.com/{n})を混ぜます。"引用符"と -- ダッシュ...

- 項目その一
- 項目その二
  - 入れ子の項目

| 項目 | 値 |
|:-----|---:|
| 文字数 | {n} |

```python
def reading_time(chars: int) -> int:
    return max(1, round(chars / 500))  # {n}
```

> 引用の段落です。脚注も付けます[^n{n}]。

[^n{n}]: 脚注その{n}。

{{% highlight ruby %}}
puts "こんにちは {n}"
{{% endhighlight %}}

サイト名は {{{{ site.title }}}} です。

"""

_JAPANESE_SHARE = 0.15
"""A corpus post is used when at least this share of its characters is kana or kanji."""

OPEN_TO_THE_END = frozenset({"2019-06-25-scala-docs-ja-tour-unified-types.md"})
"""Corpus posts whose raw HTML is left open to their end (see the module's text)."""

_FOOTNOTE = re.compile(r"\[\^([^\]\s]+)\]")


def measured_sizes() -> dict[str, int]:
    """The sizes a run measures: all of SIZES, or those ``TSUZURI_BENCH_SIZES`` names
    (comma-separated, e.g. ``10 KB,1 MB``; the tests run the smallest)."""
    names = [s.strip() for s in os.environ.get("TSUZURI_BENCH_SIZES", "").split(",") if s.strip()]
    unknown = [name for name in names if name not in SIZES]
    if unknown:
        raise SystemExit(
            f"TSUZURI_BENCH_SIZES: unknown size {unknown[0]!r} (one of {', '.join(SIZES)})"
        )
    return {name: SIZES[name] for name in (names or SIZES)}


def section(n: int) -> str:
    """Generated section ``n``: a heading, a paragraph, a list, a table, code, a quote, a
    footnote, ``{% highlight %}`` and a Liquid variable (about 800 bytes)."""
    return _SECTION.format(n=n)


def sections(size: int, first: int = 1) -> str:
    """Generated sections numbered from ``first`` until at least ``size`` bytes of UTF-8."""
    parts, total, n = [], 0, first
    while total < size:
        parts.append(section(n))
        total += _utf8(parts[-1])
        n += 1
    return "".join(parts)


def body_of(text: str) -> str:
    """A post's body: the text after its front matter (all of it when it has none)."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            return text[end + 5 :]
    return text


def _japanese_share(text: str) -> float:
    kana_kanji = sum(1 for c in text if "\u3040" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff")
    return kana_kanji / max(1, len(text))


@cache
def corpus_bodies() -> tuple[str, ...]:
    """The Japanese bodies of the corpus in file-name order (raw first), empty without it."""
    paths = sorted((CORPUS / "raw").glob("*.md")) + sorted((CORPUS / "real").glob("*.md"))
    bodies = []
    for path in paths:
        if path.name == "SOURCES.md" or path.name in OPEN_TO_THE_END:
            continue
        body = body_of(path.read_text(encoding="utf-8")).strip("\n") + "\n\n"
        if _japanese_share(body) >= _JAPANESE_SHARE:
            bodies.append(body)
    return tuple(bodies)


def _utf8(text: str) -> int:
    return len(text.encode("utf-8"))


@cache
def document(size: int) -> str:
    """A post body of at least ``size`` bytes of UTF-8 (and at most one section more)."""
    parts: list[str] = []
    total = n = 0
    bodies = corpus_bodies()
    rounds = 0
    while bodies and rounds < 1000:
        added = False
        for body in bodies:
            if rounds:
                body = _FOOTNOTE.sub(rf"[^\1-{rounds}]", body)
            n += 1
            piece = body + section(n)
            if total + _utf8(piece) > size:
                n -= 1
                continue
            parts.append(piece)
            total += _utf8(piece)
            added = True
        rounds += 1
        if not added:
            break
    return "".join(parts) + sections(size - total, n + 1)


def post(size: int, title: str = "計測") -> str:
    """``document(size)`` as a whole post file, with front matter."""
    return f"---\ntitle: {title}\n---\n" + document(size)
