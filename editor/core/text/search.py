"""Find and replace in a text: every match of a query, and the edits of "replace all".

Options: case-sensitive, whole word, regular expression and width-insensitive.  Width-insensitive
matching folds full-width and half-width forms the NFKC way (ＡＩ = AI, ｶﾀｶﾅ = カタカナ,
ｶﾞ = ガ, １２３ = 123) in both the query and the text, and every span is mapped back to the
original text: spans are always code-point positions in the text as written.

"Whole word" for Japanese: a match may not continue a run of the same script on either side.
``チップ`` is a word in ``AIチップ市場`` (Latin before, kanji after) while ``日本`` is not one in
``日本語``.  ``\\b`` would refuse ``AI`` in ``AIは`` because kana are word characters too.

Nothing here raises for a query the writer typed: a pattern or a replacement that is not valid
is a :class:`SearchProblem` with a code, its parameters and English words (the window shows its
own translation of the code).
"""

from __future__ import annotations

import bisect
import re
import signal
import threading
import time
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from editor.core.text.edits import Edit
from editor.core.words import QT_TRANSLATE_NOOP, Marked, say

# More matches than this are counted as "this many or more"; replace all is never capped.
MAX_MATCHES = 100_000

MESSAGES = {
    "bad-pattern": "The regular expression is not valid: {reason} (at character {position})",
    "bad-replacement": "The replacement is not valid: {reason} (at character {position})",
    "slow-pattern": "The regular expression takes too long on this text: stopped after {seconds} s",
}


@dataclass(frozen=True)
class SearchOptions:
    case_sensitive: bool = False
    whole_word: bool = False
    regex: bool = False
    width_insensitive: bool = False


@dataclass(frozen=True)
class SearchProblem:
    """A query or replacement that cannot be used; ``position`` in params is 1-based."""

    code: str
    params: dict = field(default_factory=dict)

    def message(self) -> str:
        """English words (the window words the code in the writer's language)."""
        return MESSAGES[self.code].format(**self.params)

    def reason(self, lang: str = "en") -> str:
        """What is wrong, in ``lang``: Python's own words (what a writer can search for), after
        their Japanese for the common ones."""
        return explain_reason(str(self.params.get("reason", "")), lang)


# Python's words for the regular-expression mistakes writers make most, and what they mean.
_REASONS: list[tuple[re.Pattern[str], Marked]] = [
    (
        re.compile(r"missing \), unterminated subpattern"),
        QT_TRANSLATE_NOOP("search", "a ( is not closed"),
    ),
    (re.compile(r"unbalanced parenthesis"), QT_TRANSLATE_NOOP("search", "a ) closes nothing")),
    (
        re.compile(r"nothing to repeat"),
        QT_TRANSLATE_NOOP("search", "a repeat (*, + or ?) follows nothing"),
    ),
    (re.compile(r"multiple repeat"), QT_TRANSLATE_NOOP("search", "two repeats in a row")),
    (
        re.compile(r"unterminated character set"),
        QT_TRANSLATE_NOOP("search", "a [ is not closed"),
    ),
    (
        re.compile(r"bad escape \(end of pattern\)"),
        QT_TRANSLATE_NOOP("search", "a \\ at the end escapes nothing"),
    ),
    (
        re.compile(r"bad escape (?P<escape>\\.)"),
        QT_TRANSLATE_NOOP("search", "{escape} is not an escape Python knows"),
    ),
    (
        re.compile(r"invalid group reference (?P<number>\d+)"),
        QT_TRANSLATE_NOOP("search", "there is no group {number}"),
    ),
    (
        re.compile(r"unknown group name '(?P<name>.*)'"),
        QT_TRANSLATE_NOOP("search", "no group is named {name}"),
    ),
]


def explain_reason(reason: str, lang: str = "en") -> str:
    """Python's words for a bad pattern or replacement, in ``lang``: as they are in English; in
    Japanese, what they mean followed by them (kept so the writer can search for them)."""
    if lang == "en":
        return reason
    for pattern, marked in _REASONS:
        found = pattern.fullmatch(reason)
        if found:
            return f"{say('search', marked, lang, **found.groupdict())} ({reason})"
    return reason


@dataclass(frozen=True)
class Found:
    """The matches of a query: ``spans`` in code points of the original text, in order."""

    spans: list[tuple[int, int]]
    problem: SearchProblem | None = None
    truncated: bool = False  # there are more than the limit asked for


@dataclass(frozen=True)
class Replacement:
    """The edits of a replace, in order and not overlapping, or the problem that stops it."""

    edits: list[Edit]
    problem: SearchProblem | None = None


# -- width folding ---------------------------------------------------------------------------

_FOLD_CACHE: dict[str, str] = {}


def _fold_char(ch: str) -> str:
    """NFKC of one character (or one character and its marks), remembered."""
    folded = _FOLD_CACHE.get(ch)
    if folded is None:
        if len(_FOLD_CACHE) > 50_000:
            _FOLD_CACHE.clear()
        folded = _FOLD_CACHE[ch] = unicodedata.normalize("NFKC", ch)
    return folded


# Characters met that fold to themselves and are no mark; and the one-character folds met
# (each entry is a fact about one character, so one table serves every text).
_PLAIN: set[str] = set()
_PLAIN_MAX = 200_000
_WIDTH: dict[int, str] = {}


def _is_mark(ch: str) -> bool:
    """A mark that joins the character before it when folded: combining marks and the
    half-width (semi-)voiced sound marks, which fold to combining ones."""
    return unicodedata.combining(ch) != 0 or ch in "\uff9e\uff9f"


class Folded:
    """A text folded for width-insensitive matching, with the way back to the original.

    The folded text is made of segments: most are one character folded to one character; a
    segment that changes length (``㍻`` -> ``平成``, ``ｶﾞ`` -> ``ガ``) is recorded, and the
    positions between segments map back to the original text.  A position inside a recorded
    segment has no original position (a match may not start or end there).
    """

    def __init__(self, text: str):
        special: list[str] = []
        marks: list[str] = []
        # Most characters fold to themselves and are no mark: a set difference skips them.
        for ch in set(text) - _PLAIN:
            folded = _fold_char(ch)
            if folded != ch:
                _WIDTH[ord(ch)] = folded
            if _is_mark(ch) or (folded and _is_mark(folded[0])):
                marks.append(re.escape(ch))
            elif len(folded) != 1:
                special.append(re.escape(ch))
            elif folded == ch and len(_PLAIN) < _PLAIN_MAX:
                _PLAIN.add(ch)
        table = _WIDTH
        pieces = []
        if marks:  # a character and the marks after it fold together (ｶﾞ -> ガ)
            mark_class = "".join(sorted(marks))
            pieces.append(f"[^{mark_class}]?[{mark_class}]+")
        if special:
            pieces.append(f"[{''.join(sorted(special))}]")
        # (folded start, original start, folded length, original length) of each recorded segment
        self._f_starts: list[int] = []
        self._segments: list[tuple[int, int, int, int]] = []
        if not pieces:
            self.text = text.translate(table) if table else text
            return
        out: list[str] = []
        f_pos = o_pos = 0
        for m in re.finditer("|".join(pieces), text, re.DOTALL):
            start, end = m.span()
            if start > o_pos:
                between = text[o_pos:start].translate(table)
                out.append(between)
                f_pos += len(between)
            segment = m.group()
            folded = _fold_char(segment)
            out.append(folded)
            if len(folded) != len(segment) or len(segment) > 1:
                self._f_starts.append(f_pos)
                self._segments.append((f_pos, start, len(folded), len(segment)))
            f_pos += len(folded)
            o_pos = end
        out.append(text[o_pos:].translate(table))
        self.text = "".join(out)

    def original(self, position: int) -> int | None:
        """The original position of folded ``position``, or None inside a recorded segment."""
        i = bisect.bisect_right(self._f_starts, position) - 1
        if i < 0:
            return position
        f_start, o_start, f_len, o_len = self._segments[i]
        if position == f_start:
            return o_start
        if position < f_start + f_len:
            return None
        return o_start + o_len + (position - f_start - f_len)


def fold_width(text: str) -> str:
    """``text`` with full-width and half-width forms folded (NFKC-style), as matching sees it.

    A text (or a line of it) already in NFKC folds to itself, so only the lines that are not
    pay for folding: the search index folds whole blogs through here.
    """
    if unicodedata.is_normalized("NFKC", text):
        return text
    # A line break never folds with its neighbours (it is no mark, and no mark folds into it).
    return "\n".join(
        line if unicodedata.is_normalized("NFKC", line) else Folded(line).text
        for line in text.split("\n")
    )


# -- whole words -----------------------------------------------------------------------------


def _script(ch: str) -> str | None:
    """The run a character belongs to for "whole word": kana, kanji, Latin letters and digits."""
    code = ord(ch)
    if 0x3041 <= code <= 0x309F:
        return "hiragana"
    if 0x30A0 <= code <= 0x30FF or 0x31F0 <= code <= 0x31FF or 0xFF66 <= code <= 0xFF9F:
        return "katakana"
    if (
        0x3400 <= code <= 0x4DBF
        or 0x4E00 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x3FFFF
        or ch in "々〆"
    ):
        return "kanji"
    if ch.isalnum() or ch == "_":
        return "word"
    return None


def _is_whole_word(text: str, start: int, end: int) -> bool:
    if start == end:
        return True
    before = _script(text[start - 1]) if start > 0 else None
    after = _script(text[end]) if end < len(text) else None
    first, last = _script(text[start]), _script(text[end - 1])
    return (before is None or before != first) and (after is None or after != last)


# -- the query -------------------------------------------------------------------------------


class _Query:
    """A compiled query over one text (folded when width-insensitive)."""

    def __init__(self, pattern: re.Pattern, options: SearchOptions, text: str):
        self.pattern = pattern
        self.options = options
        self.original = text
        self.folded = Folded(text) if options.width_insensitive else None
        self.text = self.folded.text if self.folded else text

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        if self.folded is None:
            return start, end
        o_start = self.folded.original(start)
        o_end = o_start if end == start else self.folded.original(end)
        if o_start is None or o_end is None:
            return None
        return o_start, o_end

    def matches(self, start: int = 0) -> Iterator[tuple[re.Match, tuple[int, int]]]:
        """Accepted matches (whole words, whole segments) with their original spans."""
        text, pos, size = self.text, start, len(self.text)
        whole_word = self.options.whole_word
        search = self.pattern.search
        while pos <= size:
            m = search(text, pos)
            if m is None:
                return
            s, e = m.span()
            span = self.span(s, e)
            if span is None or (whole_word and not _is_whole_word(text, s, e)):
                pos = s + 1
                continue
            yield m, span
            pos = e if e > s else e + 1


def _compile(
    text: str, query: str, options: SearchOptions
) -> tuple[_Query | None, SearchProblem | None]:
    if options.width_insensitive:
        query = _fold_pattern(query) if options.regex else fold_width(query)
    source = query if options.regex else re.escape(query)
    flags = re.MULTILINE | (0 if options.case_sensitive else re.IGNORECASE)
    try:
        pattern = re.compile(source, flags)
    except (re.error, RecursionError, OverflowError) as exc:
        position = getattr(exc, "pos", None)
        reason = getattr(exc, "msg", None) or str(exc)
        return None, SearchProblem(
            "bad-pattern",
            {"reason": reason, "position": (position or 0) + 1, "pattern": query},
        )
    return _Query(pattern, options, text), None


def _fold_pattern(pattern: str) -> str:
    """A regular expression with its full-width and half-width characters folded: a folded
    character is always a literal (``（`` stays a parenthesis to find, not a group)."""
    folded = Folded(pattern)
    if folded.text == pattern:
        return pattern
    out = []
    for piece in _segments(pattern):
        fold = fold_width(piece)
        out.append(piece if fold == piece else re.escape(fold))
    return "".join(out)


def _segments(text: str) -> Iterator[str]:
    """Each character with the marks that follow it."""
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or not _is_mark(text[i]):
            yield text[start:i]
            start = i


def find_all(
    text: str,
    query: str,
    options: SearchOptions = SearchOptions(),
    limit: int = MAX_MATCHES,
    time_limit: float | None = None,
) -> Found:
    """Every match of ``query`` in ``text`` (at most ``limit``): spans in the original text.

    An empty query finds nothing; a regular expression that matches an empty string finds
    those empty spans (``^`` finds the start of every line).  ``time_limit`` (seconds, on the
    main thread) stops a regular expression that backtracks for ever: a ``slow-pattern``
    problem instead of a hung window.
    """
    if not query:
        return Found([])
    compiled, problem = _compile(text, query, options)
    if compiled is None:
        return Found([], problem)
    spans: list[tuple[int, int]] = []
    try:
        with _time_limit(time_limit if options.regex else None):
            for _m, span in compiled.matches():
                if len(spans) >= limit:
                    return Found(spans, truncated=True)
                spans.append(span)
    except _TooSlow:
        return Found([], _slow(time_limit))
    return Found(spans)


def plan_replace_all(
    text: str,
    query: str,
    replacement: str,
    options: SearchOptions = SearchOptions(),
    only_at: int | None = None,
    time_limit: float | None = None,
) -> Replacement:
    """The edits that replace every match (or only the match starting at ``only_at``).

    With regular expressions, ``\\1`` and ``\\g<name>`` in the replacement take the text of a
    group as written in the original text (ＡＩ stays ＡＩ even when matched width-insensitively),
    and ``\\n``, ``\\t`` and ``\\\\`` are a line break, a tab and a backslash, as in Python.
    """
    if not query:
        return Replacement([])
    compiled, problem = _compile(text, query, options)
    if compiled is None:
        return Replacement([], problem)
    template: list[str | int | tuple] = [replacement]
    if options.regex:
        template, problem = _parse_template(replacement, compiled.pattern)
        if problem is not None:
            return Replacement([], problem)
    edits: list[Edit] = []
    start = 0
    if only_at is not None and compiled.folded is None:
        start = only_at
    try:
        with _time_limit(time_limit if options.regex else None):
            for m, span in compiled.matches(start):
                if only_at is not None:
                    if span[0] < only_at:
                        continue
                    if span[0] > only_at:
                        break
                edits.append(Edit(span[0], span[1], _expand(template, m, compiled)))
                if only_at is not None:
                    break
    except _TooSlow:
        return Replacement([], _slow(time_limit))
    return Replacement(edits)


# -- a time limit for regular expressions ----------------------------------------------------


class _TooSlow(Exception):
    pass


def _slow(seconds: float | None) -> SearchProblem:
    return SearchProblem("slow-pattern", {"seconds": f"{seconds or 0:g}"})


@contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    """Interrupt the matching inside after ``seconds``: Python's regular expressions look at
    signals as they backtrack.  Only on the main thread (where signals arrive) and where
    there is an interval timer; an alarm already set (pytest-timeout's) is set again after."""
    if (
        not seconds
        or not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return
    armed = [True]

    def on_alarm(_signum, _frame) -> None:
        if armed[0]:
            raise _TooSlow

    previous = signal.signal(signal.SIGALRM, on_alarm)
    started = time.monotonic()
    old_delay, old_interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        armed[0] = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if old_delay:
            left = max(old_delay - (time.monotonic() - started), 0.001)
            signal.setitimer(signal.ITIMER_REAL, left, old_interval)


# -- replacement templates -------------------------------------------------------------------

_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", "\\": "\\"}
_OCTAL = "01234567"


def _parse_template(
    template: str, pattern: re.Pattern
) -> tuple[list[str | int], SearchProblem | None]:
    """Python's replacement syntax (as ``re.sub``): literal pieces and group numbers."""
    parts: list[str | int] = []
    literal: list[str] = []
    i, size = 0, len(template)

    def problem(reason: str, at: int) -> tuple[list, SearchProblem]:
        return [], SearchProblem(
            "bad-replacement", {"reason": reason, "position": at + 1, "replacement": template}
        )

    def group(number: int, at: int):
        if number > pattern.groups:
            return problem(f"invalid group reference {number}", at)
        if literal:
            parts.append("".join(literal))
            literal.clear()
        parts.append(number)
        return None

    while i < size:
        ch = template[i]
        if ch != "\\":
            literal.append(ch)
            i += 1
            continue
        if i + 1 >= size:
            return problem("bad escape (end of pattern)", i)
        nxt = template[i + 1]
        if nxt == "g":
            if i + 2 >= size or template[i + 2] != "<":
                return problem("missing <", i + 2)
            close = template.find(">", i + 3)
            if close < 0:
                return problem("missing >, unterminated name", i + 3)
            name = template[i + 3 : close]
            if not name:
                return problem("missing group name", i + 3)
            if name.isdecimal() and name.isascii():
                number = int(name)
            elif name.isidentifier():
                if name not in pattern.groupindex:
                    return problem(f"unknown group name '{name}'", i + 3)
                number = pattern.groupindex[name]
            else:
                return problem(f"bad character in group name '{name}'", i + 3)
            failed = group(number, i + 3)
            if failed:
                return failed
            i = close + 1
        elif nxt == "0":
            j = i + 2
            while j < size and j < i + 4 and template[j] in _OCTAL:
                j += 1
            literal.append(chr(int(template[i + 1 : j], 8)))
            i = j
        elif nxt in "123456789":
            j = i + 2
            if j < size and template[j].isdigit() and template[j].isascii():
                if (
                    nxt in _OCTAL
                    and template[j] in _OCTAL
                    and j + 1 < size
                    and template[j + 1] in _OCTAL
                ):
                    value = int(template[i + 1 : j + 2], 8)
                    if value > 0o377:
                        return problem(f"octal escape value \\{template[i + 1 : j + 2]}", i)
                    literal.append(chr(value))
                    i = j + 2
                    continue
                j += 1
            failed = group(int(template[i + 1 : j]), i)
            if failed:
                return failed
            i = j
        elif nxt in _ESCAPES:
            literal.append(_ESCAPES[nxt])
            i += 2
        elif nxt.isascii() and nxt.isalpha():
            return problem(f"bad escape \\{nxt}", i)
        else:
            literal.append(template[i : i + 2])
            i += 2
    if literal:
        parts.append("".join(literal))
    return parts, None


def _expand(template: list, m: re.Match, compiled: _Query) -> str:
    out = []
    for part in template:
        if isinstance(part, str):
            out.append(part)
            continue
        start, end = m.span(part)
        if start < 0:
            continue  # a group that took no part in the match is empty, as in re.sub
        span = compiled.span(start, end)
        out.append(compiled.original[span[0] : span[1]] if span else m.group(part))
    return "".join(out)
