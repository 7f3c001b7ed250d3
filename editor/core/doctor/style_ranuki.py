"""ら抜き言葉: 見れる, 来れる, 食べれる for 見られる, 来られる, 食べられる."""

from __future__ import annotations

import re
from collections.abc import Iterator

from editor.core.doctor.context import Context
from editor.core.doctor.model import Edit, Finding, Fix
from editor.core.words import QT_TRANSLATE_NOOP, Phrase

RULES = ("ra-nuki",)
# Ichidan stems and 来; conditionals (見れば) and 出来れ (できれば) are correct and excluded.
_STEMS = (
    "見|来|寝|着|居|似|煮|出|"
    "食べ|起き|決め|考え|信じ|感じ|覚え|答え|続け|受け|借り|降り|生き|落ち|伸び|浴び|閉じ|"
    "教え|調べ|投げ|逃げ|任せ|見せ|助け|比べ|止め|始め|集め|認め|変え|育て|建て|捨て|慣れ|忘れ"
)
_RANUKI = re.compile(f"(?<!出)(?:{_STEMS})(れ)(?:る|ない|ます|ません|た|て|なかった)")


def check(ctx: Context) -> Iterator[Finding]:
    """Suggestions to put back the ら of potential forms."""
    for _, offset, masked in ctx.masked_prose:
        for m in _RANUKI.finditer(masked):
            at = offset + m.start(1)
            word = m.group(0)
            right = word[: m.start(1) - m.start()] + "ら" + word[m.start(1) - m.start() :]
            fix = Fix(
                (Edit(at, at, "ら"),),
                False,
                Phrase(QT_TRANSLATE_NOOP("doctor", "Write “{text}”"), text=right),
            )
            yield ctx.finding(
                RULES[0],
                "ra-nuki",
                "info",
                offset + m.start(),
                offset + m.end(),
                Phrase(
                    QT_TRANSLATE_NOOP(
                        "doctor", "“{word}” drops the ら of the potential form: “{right}”"
                    ),
                    word=word,
                    right=right,
                ),
                fix,
                word=word,
                suggestion=right,
            )
