"""What the doctor reports: findings, the fixes they offer and the edits a fix is made of."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from editor.core.text.edits import Edit
from editor.core.words import Phrase

__all__ = ["SEVERITIES", "Edit", "Finding", "Fix"]

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Fix:
    """A repair made of edits that are applied together or not at all.

    ``safe`` fixes are applied by ``--fix`` and :func:`fix_all_safe`; they keep every word of
    the post (:mod:`editor.core.doctor.safety`).  ``reviewed`` fixes drop an alternate take of a
    passage whose own words would be lost: the writer compares both takes first, and
    ``--fix-all`` applies them (keeping the first take).  The others are suggestions the writer
    accepts one by one.
    """

    edits: tuple[Edit, ...]
    safe: bool
    description: Phrase
    reviewed: bool = False

    def __post_init__(self):
        if not isinstance(self.description, Phrase):
            raise TypeError(f"a fix is described by a Phrase, not {self.description!r}")

    def describe(self, lang: str = "en") -> str:
        """What the fix does, in ``lang`` ("ja" or "en")."""
        return self.description.say(lang)

    @property
    def description_en(self) -> str:
        return self.describe("en")

    @property
    def description_ja(self) -> str:
        return self.describe("ja")


@dataclass(frozen=True)
class Finding:
    """One problem: where it is (code points and 1-based line/column), why, and a fix if any.

    ``related`` holds other spans involved, e.g. the first copy of a repeated sentence.
    ``params`` carries the numbers and names the messages were made from, for the window to word
    the message itself; ``wording`` is the message (:class:`~editor.core.words.Phrase`), read in
    a language with :meth:`message`.
    """

    rule: str
    code: str
    severity: str
    line: int
    column: int
    start: int
    end: int
    wording: Phrase
    fix: Fix | None = None
    related: tuple[tuple[int, int], ...] = ()
    params: dict[str, Any] = field(default_factory=dict, compare=False)

    def __post_init__(self):
        if not isinstance(self.wording, Phrase):
            raise TypeError(f"a finding is worded by a Phrase, not {self.wording!r}")

    def message(self, lang: str = "en") -> str:
        """The message in ``lang`` ("ja" or "en")."""
        return self.wording.say(lang)

    @property
    def message_en(self) -> str:
        return self.message("en")

    @property
    def message_ja(self) -> str:
        return self.message("ja")

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict in the stable format documented in docs/doctor.md."""
        fix = None
        if self.fix is not None:
            fix = {
                "safe": self.fix.safe,
                "reviewed": self.fix.reviewed and not self.fix.safe,
                "description_en": self.fix.description_en,
                "description_ja": self.fix.description_ja,
                "edits": [
                    {"start": e.start, "end": e.end, "replacement": e.replacement}
                    for e in self.fix.edits
                ],
            }
        return {
            "rule": self.rule,
            "code": self.code,
            "severity": self.severity,
            "line": self.line,
            "column": self.column,
            "start": self.start,
            "end": self.end,
            "message_en": self.message_en,
            "message_ja": self.message_ja,
            "params": dict(self.params),
            "related": [list(span) for span in self.related],
            "fix": fix,
        }
