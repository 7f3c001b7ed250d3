"""Errors that point at a place in a file."""

from __future__ import annotations

from editor.core.files.words import words
from editor.core.words import Phrase, WordedError


class PositionedError(WordedError):
    """A problem with text, with 1-based ``line`` and ``column`` when known.

    ``message`` is a :class:`~editor.core.words.Phrase` or a parser's own words (see
    :class:`~editor.core.words.WordedError`); ``message_in(lang)`` adds the place.
    """

    def __init__(self, message: str | Phrase, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.line = line
        self.column = column

    def message_in(self, lang: str = "en") -> str:
        """The message with its place, in ``lang`` ("en" or "ja")."""
        message = super().message_in(lang)
        if self.line is None:
            return message
        return words("at_place", lang, message=message, line=self.line, column=self.column)

    def __str__(self) -> str:
        return self.message_in("en")
