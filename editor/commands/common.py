"""What the command line, its commands and the app share: the table of commands, the exit
statuses and the one-line failure.

A leaf: it imports nothing of :mod:`editor.cli`, the commands or the UI, so each of them can
import it and none imports another in a cycle.
"""

from __future__ import annotations

from editor.core.files.reading import StorageError
from editor.core.files.words import WORDS, words

# name -> module under editor.commands; each module has add_parser(parser) and run(args) -> int
COMMANDS: dict[str, str] = {
    "render": "render",
    "new": "new",
    "set": "set",
    "doctor": "doctor",
    "export": "export",
}

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_ERROR = 2


class CliError(Exception):
    """A failure to report as one line on stderr with exit status 2."""


def storage_failure(exc: StorageError, lang: str = "en") -> str:
    """A read or write that failed, in one line: its message and place, in ``lang``."""
    if f"{exc.code}_cli" in WORDS:  # the window's words offer Save As; here there is none
        return words(f"{exc.code}_cli", lang, **exc.params)
    message = exc.message_in(lang)
    if exc.kind == "conflict":
        separator = "。" if lang == "ja" else "; "
        return f"{message}{separator}{words('run_again', lang)}"
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
        raise CliError(f"{label}: “{shown}” is not valid UTF-8 text") from None
