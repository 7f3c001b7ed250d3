"""Broken characters: U+FFFD, control characters and mojibake, in the body and front matter.

Mojibake is recognised by trying to undo it: UTF-8 bytes read as Latin-1/CP1252 (``Ã©``,
``ã‚``) decode back to UTF-8; UTF-8 read as Shift_JIS leaves a tell-tale density of 縺, 繧, 繝.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator

from editor.core.blog.keys import key_name
from editor.core.doctor.context import Context, Field
from editor.core.doctor.model import Edit, Finding, Fix
from editor.core.doctor.safety import latin
from editor.core.doctor.text import code_spans
from editor.core.doctor.truncation import cut_title_finding
from editor.core.words import QT_TRANSLATE_NOOP, Phrase

RULES = ("broken-character",)

_REPLACEMENT = re.compile("\ufffd+")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\ufeff]+")
_BIDI_MARKS = frozenset("\u061c\u200e\u200f")  # they order right-to-left text; they belong there


def _cp1252_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)  # 0x81, 0x8d, 0x8f, 0x90, 0x9d: Latin-1 keeps them


_CONT = "".join(re.escape(_cp1252_char(b)) for b in range(0x80, 0xC0))
_LATIN_MOJIBAKE = re.compile(
    f"(?:[\u00c2-\u00df][{_CONT}]|[\u00e0-\u00ef][{_CONT}]{{2}}|[\u00f0-\u00f4][{_CONT}]{{3}})+"
)
_SJIS_TELLS = "縺繧繝譁蛻莉菴"
# Tell-tale characters a few characters apart; bounded so long Japanese runs stay linear.
_SJIS_RUN = re.compile(f"[^\\x00-\\x7f\\s]{{0,3}}(?:[{_SJIS_TELLS}][^\\x00-\\x7f\\s]{{0,3}}){{2,}}")


def _undo_latin(run: str) -> str | None:
    try:
        raw = bytes(ord(c) if ord(c) < 256 else c.encode("cp1252")[0] for c in run)
        return raw.decode("utf-8")
    except (UnicodeDecodeError, UnicodeEncodeError, ValueError):
        return None


def _undo_sjis(run: str) -> str | None:
    try:
        fixed = run.encode("cp932").decode("utf-8")
    except (UnicodeDecodeError, UnicodeEncodeError):
        return None
    return fixed if fixed != run else None


def _where(ctx: Context, offset: int) -> Phrase:
    """Words for where ``offset`` is: a front-matter field or the body."""
    if ctx.fm_start <= offset < ctx.fm_end:
        field = ctx.field_at(offset)
        if field is not None:
            return Phrase(
                QT_TRANSLATE_NOOP("doctor", "in the front-matter field “{key}”"),
                key=key_name(field.key),
            )
        return Phrase(QT_TRANSLATE_NOOP("doctor", "in the front matter"))
    return Phrase(QT_TRANSLATE_NOOP("doctor", "in the text"))


def _inside(spans: list[tuple[int, int]]):
    """A test "is this offset inside one of ``spans``" (sorted, not overlapping) by bisection."""
    starts = [s for s, _ in spans]

    def inside(offset: int) -> bool:
        i = bisect_right(starts, offset) - 1
        return i >= 0 and offset < spans[i][1]

    return inside


def check(ctx: Context) -> Iterator[Finding]:
    """Findings for U+FFFD runs, control characters and recognisable mojibake."""
    text = ctx.text
    in_code = _inside([(b.start, b.end) for b in ctx.blocks if b.kind == "code"])
    in_code_or_span = _inside(code_spans(text, ctx.blocks))

    title = ctx.field("title")
    for m in _REPLACEMENT.finditer(text):
        if title is not None and title.value_start <= m.start() and m.end() == title.value_end:
            yield _cut_title(ctx, title, m)
            continue
        where = _where(ctx, m.start())
        fix = Fix(
            (Edit(m.start(), m.end(), ""),),
            False,
            Phrase(QT_TRANSLATE_NOOP("doctor", "Remove the broken character")),
        )
        yield ctx.finding(
            RULES[0],
            "replacement-character",
            "warning",
            m.start(),
            m.end(),
            Phrase(
                QT_TRANSLATE_NOOP(
                    "doctor", "Broken character (U+FFFD) {where}: text was lost when it was decoded"
                ),
                where=where,
            ),
            fix,
            count=len(m.group(0)),
        )
    latin = [
        (m, fixed)
        for m in _LATIN_MOJIBAKE.finditer(text)
        if (fixed := _undo_latin(m.group(0))) is not None and not fixed.isascii()
    ]
    in_mojibake = _inside([g.span() for g, _ in latin])
    for m in _CONTROL.finditer(text):
        if m.group(0) == "\ufeff" and m.start() == 0:
            continue  # a byte-order mark at the start is kept as it is
        if in_mojibake(m.start()):
            continue  # part of mojibake, reported below with its repair
        if set(m.group(0)) <= _BIDI_MARKS and _next_to_rtl(text, m.start(), m.end()):
            continue  # a bidi mark in Hebrew or Arabic text is doing its job
        where = _where(ctx, m.start())
        codes = ", ".join(f"U+{ord(c):04X}" for c in dict.fromkeys(m.group(0)))
        fix = None
        if not in_code_or_span(m.start()):
            fix = _control_fix(text, m.start(), m.end())
        yield ctx.finding(
            RULES[0],
            "control-character",
            "warning",
            m.start(),
            m.end(),
            Phrase(
                QT_TRANSLATE_NOOP("doctor", "Invisible control character ({codes}) {where}"),
                codes=codes,
                where=where,
            ),
            fix,
            characters=codes,
        )
    for m, fixed in latin:
        if in_code(m.start()):
            continue
        yield _mojibake(
            ctx,
            m.start(),
            m.end(),
            fixed,
            Phrase(QT_TRANSLATE_NOOP("doctor", "UTF-8 read as Latin-1")),
        )
    for m in _SJIS_RUN.finditer(text):
        run = m.group(0)
        tells = sum(run.count(c) for c in _SJIS_TELLS)
        if tells < 2 or tells * 5 < len(run) or in_code(m.start()):
            continue
        yield _mojibake(
            ctx,
            m.start(),
            m.end(),
            _undo_sjis(run),
            Phrase(QT_TRANSLATE_NOOP("doctor", "UTF-8 read as Shift_JIS")),
        )


def _next_to_rtl(text: str, start: int, end: int) -> bool:
    """True when a right-to-left letter (Hebrew, Arabic …) stands just before or after."""
    around = text[start - 1 : start] + text[end : end + 1]
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in around)


def _control_fix(text: str, start: int, end: int) -> Fix:
    """Remove the control characters; between two Latin letters or digits ("quick\vbrown") they
    part words, so they become a space."""
    before, after = text[start - 1 : start], text[end : end + 1]
    if latin(before) and latin(after):
        return Fix(
            (Edit(start, end, " "),),
            True,
            Phrase(QT_TRANSLATE_NOOP("doctor", "Replace the invisible characters with a space")),
        )
    return Fix(
        (Edit(start, end, ""),),
        True,
        Phrase(QT_TRANSLATE_NOOP("doctor", "Remove the invisible characters")),
    )


def _cut_title(ctx: Context, title: Field, m: re.Match[str]) -> Finding:
    """A title ending in U+FFFD was cut through a character: deleting it would leave a fragment
    (「…はの可」), so the titles a writer would pick are offered instead."""
    return cut_title_finding(
        ctx,
        RULES[0],
        "replacement-character",
        title,
        m.span(),
        Phrase(
            QT_TRANSLATE_NOOP(
                "doctor", "The title ends in a broken character (U+FFFD): it was cut short"
            )
        ),
        count=len(m.group(0)),
    )


def _mojibake(ctx: Context, start: int, end: int, fixed: str | None, how: Phrase) -> Finding:
    where = _where(ctx, start)
    fix = None
    if fixed:
        fix = Fix(
            (Edit(start, end, fixed),),
            False,
            Phrase(QT_TRANSLATE_NOOP("doctor", "Replace with “{fixed}”"), fixed=fixed),
        )
    return ctx.finding(
        RULES[0],
        "mojibake",
        "warning",
        start,
        end,
        Phrase(
            QT_TRANSLATE_NOOP("doctor", "Garbled text {where} ({how}); it probably read “{fixed}”"),
            where=where,
            how=how,
            fixed=fixed,
        )
        if fixed
        else Phrase(
            QT_TRANSLATE_NOOP("doctor", "Garbled text {where} ({how})"), where=where, how=how
        ),
        fix,
        suggestion=fixed or "",
    )
