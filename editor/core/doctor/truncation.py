"""Text cut short: a post whose last paragraph stops mid-sentence, a heading or title cut off.

All are what a generator leaves when it runs out of room.  A cut body or heading cannot be
repaired without the writer, so there is no fix; for a cut title the rule offers the titles a
writer would pick (see :func:`title_candidates`), never the fragment itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from editor.core.doctor.context import Context, Field
from editor.core.doctor.model import Edit, Finding, Fix
from editor.core.doctor.text import PROSE_KINDS, ends_sentence
from editor.core.post.yamlemit import double_quoted
from editor.core.words import QT_TRANSLATE_NOOP, Phrase

RULES = ("truncated-text",)

# A heading or title does not end in a case particle or a comma; "とは", "では", "まずは" do.
_CUT_HEADING = re.compile(r"(?:[をがへや、，]|(?<![とでにてずれいくた])は|(?<![のも])の)$")
_ATTRIBUTES_OPEN = re.compile(r"\{[:#]")
_SHORT_CLOSING = 15  # a last paragraph this short is a sign-off ("以上", "Enjoy") not a sentence
# A title that follows the first line (or heading) this far is taken from it ...
_MIN_SHARED = 8
# ... and one that then breaks off in a fragment this short, after a particle, is cut.
_MAX_FRAGMENT = 3
# "X について詳しく解説します": the subject of an excerpt is what comes before these.
_EXCERPT_SUBJECT = re.compile(
    r"(?:について|に関して|に関する|をご紹介|を紹介|を解説|を分析|を説明|を詳しく|を徹底)"
)
_MIN_SUBJECT = 6


def _heading_text(raw: str) -> str:
    """The words of a heading line: leading and trailing ``#``, ``**``, ``__`` and a closing
    ``{: …}`` or ``{#…}`` attribute list taken off, as many as there are.

    Each step moves an index over the marks it takes off, so a line of ten thousand ``# `` or
    an attribute list that never closes is read once (a ``sub`` in a loop copied the line per
    mark, and its ``[^}]*`` pattern anchored at the end rescanned it from every ``{``).
    """
    start, end = 0, len(raw)
    while True:
        while start < end and raw[start].isspace():
            start += 1
        if raw.startswith(("**", "__"), start, end):
            start += 2
        elif start < end and raw[start] == "#":
            while start < end and raw[start] == "#":
                start += 1
        else:
            break
    while True:
        while end > start and raw[end - 1].isspace():
            end -= 1
        if end - start >= 2 and raw[end - 2 : end] in ("**", "__"):
            end -= 2
        elif end > start and raw[end - 1] == "#":
            while end > start and raw[end - 1] == "#":
                end -= 1
        elif end > start and raw[end - 1] == "}":
            # The list opens after the previous "}", at its first "{:" or "{#".
            opened = _ATTRIBUTES_OPEN.search(
                raw, max(start, raw.rfind("}", start, end - 1) + 1), end - 1
            )
            if opened is None:
                break
            end = opened.start()
        else:
            break
    return raw[start:end].strip()


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _title_sources(ctx: Context) -> list[str]:
    """The body's first line and its first heading, as a writer would copy them into a title."""
    out = []
    first = next((b for b in ctx.blocks if b.kind in PROSE_KINDS), None)
    if first is not None:
        line = ctx.text[first.content_start : first.end].splitlines()[0]
        out.append(_heading_text(line).rstrip("。"))
    heading = next((b for b in ctx.blocks if b.kind == "heading"), None)
    if heading is not None:
        out.append(_heading_text(ctx.text[heading.start : heading.end]))
    return [s for s in out if s]


def _excerpt_subject(ctx: Context) -> str | None:
    """What the excerpt is about: 「Xについて詳細に分析します。」 gives X."""
    excerpt = ctx.field("excerpt")
    if excerpt is None:
        return None
    m = _EXCERPT_SUBJECT.search(excerpt.value)
    if m is None:
        return None
    subject = excerpt.value[: m.start()].strip().rstrip("、,，")
    return subject if len(subject) >= _MIN_SUBJECT else None


def title_candidates(ctx: Context, title: str) -> list[str]:
    """Titles a writer would pick for a cut ``title``, best first (maybe none).

    The body's first line or first heading when the title, broken characters aside, is the
    start of it (it may end in a stray fragment after the point where they part), then the
    subject of the excerpt.
    """
    kept = title.replace("\ufffd", "").strip()
    out = []
    for source in _title_sources(ctx):
        shared = _common_prefix(kept, source)
        if source != kept and shared >= min(len(kept), max(_MIN_SHARED, len(kept) // 2)):
            out.append(source)
    subject = _excerpt_subject(ctx)
    if subject:
        out.append(subject)
    return [c for c in dict.fromkeys(out) if c != title]


def _breaks_off(ctx: Context, title: str) -> tuple[str, str] | None:
    """(shared part, fragment) when ``title`` follows the first line or heading up to a
    particle and then ends in a short fragment (「…は」 then 「の可」): a cut, mangled title."""
    for source in _title_sources(ctx):
        shared = _common_prefix(title, source)
        fragment = title[shared:]
        if (
            shared >= _MIN_SHARED
            and 0 < len(fragment) <= _MAX_FRAGMENT
            and _CUT_HEADING.search(title[:shared])
        ):
            return title[:shared], fragment
    return None


def cut_title_finding(
    ctx: Context,
    rule: str,
    code: str,
    field: Field,
    span: tuple[int, int],
    wording: Phrase,
    **params,
) -> Finding:
    """The finding for a cut title at ``span``: its candidates named in the message and the
    first one as the fix (broken-character and truncated-text both report cut titles)."""
    candidates = title_candidates(ctx, field.value.strip())
    if candidates:
        wording = Phrase(
            QT_TRANSLATE_NOOP("doctor", "{message}; it may have read {candidates}"),
            message=wording,
            candidates=_alternatives(candidates),
        )
    return ctx.finding(
        rule,
        code,
        "warning",
        *span,
        wording,
        _title_fix(ctx, field, candidates),
        candidates=candidates,
        **params,
    )


def _alternatives(texts: list[str]) -> Phrase:
    """“a” or “b” or “c”, each quoted as the language quotes."""
    quoted = [Phrase(QT_TRANSLATE_NOOP("doctor", "“{text}”"), text=text) for text in texts]
    out = quoted[-1]
    for each in reversed(quoted[:-1]):
        out = Phrase(QT_TRANSLATE_NOOP("doctor", "{first} or {rest}"), first=each, rest=out)
    return out


def _title_fix(ctx: Context, field: Field, candidates: list[str]) -> Fix | None:
    """An edit replacing the whole title value (quotes included) by the first candidate."""
    if not candidates:
        return None
    start, end = field.value_start, field.value_end
    text = ctx.text
    if start > 0 and end < len(text) and text[start - 1] in "\"'" and text[end] == text[start - 1]:
        start, end = start - 1, end + 1
    best = candidates[0]
    return Fix(
        (Edit(start, end, double_quoted(best)),),
        False,
        Phrase(QT_TRANSLATE_NOOP("doctor", "Use “{best}” as the title"), best=best),
    )


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
                Phrase(
                    QT_TRANSLATE_NOOP(
                        "doctor",
                        "The post ends mid-sentence: the last paragraph has no closing punctuation",
                    )
                ),
                tail=tail,
            )
    for block in ctx.blocks:
        if block.kind != "heading":
            continue
        text = _heading_text(ctx.text[block.start : block.end])
        if text.endswith("\ufffd"):
            why = Phrase(
                QT_TRANSLATE_NOOP(
                    "doctor",
                    "The heading ends in a broken character (U+FFFD): it was probably cut short",
                )
            )
        elif _CUT_HEADING.search(text):
            why = Phrase(
                QT_TRANSLATE_NOOP(
                    "doctor", "The heading “{text}” looks cut short (it ends with “{last}”)"
                ),
                text=text,
                last=text[-1],
            )
        else:
            continue
        yield ctx.finding(
            RULES[0], "heading-cut", "warning", block.start, block.end, why, heading=text
        )
    title = ctx.field("title")
    if title is None:
        return
    value = title.value.strip()
    if not value or value.endswith("\ufffd"):
        return  # reported once, with the same candidates, by broken-character
    broken = _breaks_off(ctx, value)
    if broken is not None:
        shared, fragment = broken
        wording = Phrase(
            QT_TRANSLATE_NOOP(
                "doctor",
                "The title looks cut short: it follows the first line up to “{shared}” "
                "and ends in the fragment “{fragment}”",
            ),
            shared=shared,
            fragment=fragment,
        )
    elif _CUT_HEADING.search(value):
        wording = Phrase(
            QT_TRANSLATE_NOOP("doctor", "The title looks cut short (it ends with “{last}”)"),
            last=value[-1],
        )
    else:
        return
    span = (title.value_start, title.value_end)
    yield cut_title_finding(ctx, RULES[0], "title-cut", title, span, wording, title=value)
