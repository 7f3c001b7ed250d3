"""Mixing です・ます and だ・である, judged by sentence endings in prose paragraphs only.

Lists, headings and quotations are left out (a list in a です・ます post is not mixing), and
only endings that are unmistakably one style count, so noun endings and plain verbs say nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from editor.core.doctor.context import Context
from editor.core.doctor.model import Finding
from editor.core.words import QT_TRANSLATE_NOOP, Phrase

RULES = ("mixed-style",)
_TRAILER = "。！？!?．.」』）)】…"
_POLITE = re.compile(
    r"(?:です|ます|でした|ました|ません|でしょう|ましょう|ください)(?:か|ね|よ|よね)?$"
)
_PLAIN = re.compile(r"(?:だ|である|であった|だった|だろう|ではない|のだ)(?:か|ね|よ|よね)?$")
_MIN_MINORITY = 2


def _without_trailer(sentence: str) -> str:
    """``sentence`` without the closing marks and white space it ends with.

    An index walks back over them: a pattern ``[…]+$`` tried from every position is quadratic
    in a long run of marks or blanked markup followed by a letter.
    """
    end = len(sentence)
    while end and (sentence[end - 1] in _TRAILER or sentence[end - 1].isspace()):
        end -= 1
    return sentence[:end]


def check(ctx: Context) -> Iterator[Finding]:
    """Notes on the sentences written in the post's minority style, when it is clearly there."""
    polite, plain = [], []
    for start, end, masked in ctx.sentences:
        sentence = masked.strip()
        if sentence.startswith("「") and sentence.rstrip("。").endswith("」"):
            continue  # a quotation keeps the speaker's style
        core = _without_trailer(sentence)
        if _POLITE.search(core):
            polite.append((start, end))
        elif _PLAIN.search(core):
            plain.append((start, end))
    if len(polite) + len(plain) < ctx.config.style_min_sentences:
        return
    minority, majority = (plain, polite) if len(plain) <= len(polite) else (polite, plain)
    if len(minority) < _MIN_MINORITY:
        return
    is_plain = minority is plain
    if is_plain:
        said = QT_TRANSLATE_NOOP(
            "doctor", "This sentence is in plain (da/de aru) style while {count} others are not"
        )
    else:
        said = QT_TRANSLATE_NOOP(
            "doctor", "This sentence is in polite (desu/masu) style while {count} others are not"
        )
    for start, end in minority:
        yield ctx.finding(
            RULES[0],
            "minority-style",
            "info",
            start,
            end,
            Phrase(said, count=len(majority)),
            minority=len(minority),
            majority=len(majority),
        )
