"""What the command line, its commands and the app share: the table of commands, the exit
statuses and the one-line failure.

A leaf: it imports nothing of :mod:`editor.cli`, the commands or the UI, so each of them can
import it and none imports another in a cycle.
"""

from __future__ import annotations

import os

from editor.core.files.reading import StorageError
from editor.core.files.words import WORDS, words
from editor.core.words import QT_TRANSLATE_NOOP, Phrase, WordedError

# name -> module under editor.commands; each module has add_parser(parser) and run(args) -> int
COMMANDS: dict[str, str] = {
    "render": "render",
    "new": "new",
    "set": "set",
    "doctor": "doctor",
    "export": "export",
    "search": "search",
}

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_ERROR = 2


class CliError(WordedError):
    """A failure to report as one line on stderr with exit status 2.

    Its message is a :class:`~editor.core.words.Phrase` (or words already said); ``lang`` is
    the language of a command with ``--lang``, else :func:`language` words it.
    """

    def __init__(self, message: str | Phrase, lang: str | None = None):
        super().__init__(message)
        self.lang = lang


def language() -> str:
    """The command line's language: Japanese when the locale says so (``LC_ALL``, then
    ``LC_MESSAGES``, then ``LANG``, as POSIX reads them), else English."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "ja" if value.startswith("ja") else "en"
    return "en"


def usage_mistake(message: str, prog: str) -> CliError:
    """A usage mistake in argparse's own words (kept as it says them) and where to read more."""
    said = QT_TRANSLATE_NOOP("cli", "{error} (see '{prog} --help')")
    return CliError(Phrase(said, error=message, prog=prog))


def located(name: object, error: str | Phrase) -> Phrase:
    """``name: error``, the command line's way of saying which file a failure is about."""
    return Phrase(QT_TRANSLATE_NOOP("cli", "{name}: {error}"), name=str(name), error=error)


def storage_failure(exc: StorageError, lang: str = "en") -> str:
    """A read or write that failed, in one line: its message and place, in ``lang``."""
    if f"{exc.code}_cli" in WORDS:  # the window's words offer Save As; here there is none
        return words(f"{exc.code}_cli", lang, **exc.params)
    message = exc.message_in(lang)
    if exc.kind == "conflict":
        return words("conflict_cli", lang, message=message, run_again=words("run_again", lang))
    return message


def require_utf8(label: str, value: str | None) -> None:
    """Refuse an argument whose bytes are not UTF-8 (Python hands them over as lone
    surrogates), rather than write escapes into a post or fail with a traceback."""
    if value is None:
        return
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        shown = value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        message = QT_TRANSLATE_NOOP("cli", "{label}: “{text}” is not valid UTF-8 text")
        raise CliError(Phrase(message, label=label, text=shown)) from None
