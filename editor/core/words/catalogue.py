"""Every message of the core and the command line: an English template marked where it is used,
its Japanese in the Qt Linguist file ``resources/i18n/tsuzuri_core_ja.ts``.

A message is written once, in English, as ``QT_TRANSLATE_NOOP("context", "template {param}")``
with a literal context and template (``pyside6-lupdate -extensions py -locations none
-no-obsolete editor/core editor/commands -ts resources/i18n/tsuzuri_core_ja.ts`` collects them;
an f-string would be collected with its ``{expressions}`` and never match).  :func:`say`
returns the template or its Japanese, filled in with the params.  A template that is not in the
file is an error in either language, so a forgotten mark or a missing translation fails a test
rather than showing English in a Japanese run.  Plain Python: the file is read with the standard
library's XML parser, once.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path
from typing import Any

from editor.core.files.bundle import resource_path

LANGUAGES = ("en", "ja")
TS_PARTS = ("i18n", "tsuzuri_core_ja.ts")
# Translations Qt's lrelease would leave out: not (yet) a translation of the current source.
_NOT_FINISHED = ("unfinished", "obsolete", "vanished")


class MissingTranslation(LookupError):
    """A template that ``tsuzuri_core_ja.ts`` does not translate (or was never marked)."""


class Marked(str):
    """An English template that remembers its translation context; equal to the plain text."""

    context: str

    def __new__(cls, context: str, source: str) -> Marked:
        marked = super().__new__(cls, source)
        marked.context = context
        return marked

    def __getnewargs__(self) -> tuple[str, str]:  # copies and pickles keep the context
        return (self.context, str(self))


def QT_TRANSLATE_NOOP(context: str, source: str) -> Marked:  # noqa: N802 - the name lupdate finds
    """Mark ``source`` for translation in ``context``; returns the source as it is."""
    return Marked(context, source)


def ts_path() -> Path:
    """The Japanese catalogue as shipped with Tsuzuri."""
    return resource_path(*TS_PARTS)


def read_ts(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) -> translation of every finished message of a ``.ts`` file ("" when
    there is none yet)."""
    out: dict[tuple[str, str], str] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            done = translation is not None and translation.get("type") not in _NOT_FINISHED
            text = (translation.text or "") if done and translation is not None else ""
            out[(name, message.findtext("source", ""))] = text
    return out


@lru_cache(maxsize=1)
def _catalogue() -> dict[tuple[str, str], str]:
    path = ts_path()
    try:
        return read_ts(path)
    except (OSError, ET.ParseError) as exc:
        raise MissingTranslation(
            f"Tsuzuri's messages cannot be read ({path}: {exc}); reinstall Tsuzuri"
        ) from None


def template(context: str, source: str, lang: str = "en") -> str:
    """``source`` itself in English, its translation in Japanese (``"ja"``)."""
    translation = _catalogue().get((context, source))
    if not translation:
        raise MissingTranslation(
            f"{context}: {source!r} has no Japanese in {'/'.join(TS_PARTS)} (mark it with "
            "QT_TRANSLATE_NOOP, run pyside6-lupdate and translate it)"
        )
    return translation if lang == "ja" else str(source)


def say(context: str, source: str, lang: str = "en", **params: Any) -> str:
    """The message in ``lang`` ("en" or "ja"), its ``{placeholders}`` filled in with ``params``.

    A param that is a :class:`Phrase` is said in the same language.
    """
    filled = {k: v.say(lang) if isinstance(v, Phrase) else v for k, v in params.items()}
    return template(context, source, lang).format(**filled)


class Phrase:
    """A message kept as its marked template and params, worded when it is read in a language.

    ``Phrase(QT_TRANSLATE_NOOP("doctor", "Write “{text}”"), text=half)``.  Equal when the
    template and params are.
    """

    __slots__ = ("source", "_params")

    def __init__(self, source: Marked, /, **params: Any):
        if not isinstance(source, Marked):
            raise TypeError(f"{source!r} is not marked with QT_TRANSLATE_NOOP")
        self.source = source
        self._params = tuple(params.items())

    @property
    def context(self) -> str:
        return self.source.context

    @property
    def params(self) -> dict[str, Any]:
        return dict(self._params)

    def say(self, lang: str = "en") -> str:
        """The message in ``lang`` ("en" or "ja")."""
        return say(self.source.context, self.source, lang, **self.params)

    def __str__(self) -> str:
        return self.say("en")

    def __repr__(self) -> str:
        return f"Phrase({self.context!r}, {str(self.source)!r}, {self.params!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Phrase):
            return NotImplemented
        return (self.context, str(self.source), self._params) == (
            other.context,
            str(other.source),
            other._params,
        )

    def __hash__(self) -> int:
        return hash((self.context, str(self.source), tuple((k, repr(v)) for k, v in self._params)))


class WordedError(ValueError):
    """An error whose message is a :class:`Phrase`, or a plain string: another library's own
    words (a parser's), kept in English as it says them so a writer can search for them.

    It reads as its English words (``message`` and ``str()``); :meth:`message_in` words it in a
    language and :attr:`said` puts it inside another message.
    """

    def __init__(self, message: str | Phrase):
        self.wording = message if isinstance(message, Phrase) else None
        self.message = message.say("en") if isinstance(message, Phrase) else message
        super().__init__(self.message)

    @property
    def said(self) -> Phrase | str:
        """What to put inside another message: the Phrase, or the other library's words."""
        return self.wording if self.wording is not None else self.message

    def message_in(self, lang: str = "en") -> str:
        """The message in ``lang`` ("en" or "ja")."""
        return self.wording.say(lang) if self.wording is not None else self.message
