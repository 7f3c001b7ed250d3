"""Text cut short: a post whose last paragraph stops mid-sentence, a heading that ends in a particle.

Both are what a generator leaves when it runs out of room; neither can be repaired without the
writer, so there is no fix.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from editor.core.doctor.context import Context
from editor.core.doctor.model import Finding
from editor.core.doctor.text import ends_sentence

RULES = ("truncated-text",)

# A heading or title does not end in a case particle or a comma; "とは", "では", "まずは" do.
_CUT_HEADING = re.compile(r"(?:[をがへや、，]|(?<![とでにてずれいくた])は|(?<![のも])の)$")
_HEADING_DECOR = re.compile(r"^\s*(?:#+|\*\*|__)\s*|\s*(?:\{[:#][^}]*\}|#+|\*\*|__)\s*$")
_SHORT_CLOSING = 15  # a last paragraph this short is a sign-off ("以上", "Enjoy") not a sentence


def _heading_text(raw: str) -> str:
    previous = None
    while previous != raw:
        previous, raw = raw, _HEADING_DECOR.sub("", raw)
    return raw.strip()


def check(ctx: Context) -> Iterator[Finding]:
    """Findings for a body that ends mid-sentence and for headings or a title cut short."""
    blocks = [b for b in ctx.blocks if b.kind != "marker"]
    if blocks and blocks[-1].kind == "paragraph":
        last = blocks[-1]
        prose = ctx.prose_of(last).strip()
        if len(prose) >= _SHORT_CLOSING and not ends_sentence(prose):
            tail = ctx.text[max(last.start, last.end - 20) : last.end]
            yield ctx.finding(
                RULES[0],
                "ends-mid-sentence",
                "warning",
                last.end - len(tail),
                last.end,
                "The post ends mid-sentence: the last paragraph has no closing punctuation",
                "記事が文の途中で終わっています（最後の段落に句点がありません）",
                tail=tail,
            )
    for block in ctx.blocks:
        if block.kind != "heading":
            continue
        text = _heading_text(ctx.text[block.start : block.end])
        if text.endswith("\ufffd"):
            why = (
                "The heading ends in a broken character (U+FFFD): it was probably cut short",
                "見出しが文字化け（U+FFFD）で終わっています。途中で切れているようです",
            )
        elif _CUT_HEADING.search(text):
            why = (
                f"The heading “{text}” looks cut short (it ends with “{text[-1]}”)",
                f"見出し「{text}」が途中で切れているようです（「{text[-1]}」で終わっています）",
            )
        else:
            continue
        yield ctx.finding(
            RULES[0], "heading-cut", "warning", block.start, block.end, *why, heading=text
        )
    title = ctx.field("title")
    if title is not None and _CUT_HEADING.search(title.value.strip()):
        value = title.value.strip()
        yield ctx.finding(
            RULES[0],
            "title-cut",
            "warning",
            title.value_start,
            title.value_end,
            f"The title looks cut short (it ends with “{value[-1]}”)",
            f"タイトルが途中で切れているようです（「{value[-1]}」で終わっています）",
            title=value,
        )
