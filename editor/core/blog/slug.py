"""Slugs: readable ASCII from Japanese titles, and checks that keep a slug inside the blog.

Latin words of a title are kept, Japanese is romanised (Hepburn) with pykakasi, which reads
kanji as Japanese rather than as Chinese.  When nothing readable is left, a short stable
``post-<hash>`` is used, so a slug is never empty; the writer can always edit it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from editor.core.words import QT_TRANSLATE_NOOP, Phrase

MAX_LENGTH = 60
# Names Windows refuses for files whatever the extension, and characters it refuses in names.
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9]|conin\$|conout\$)(\..*)?$", re.I)
# Format (U+200B, U+202E, U+FEFF…), private-use, surrogate and unassigned code points, and line
# or paragraph separators: nothing a reader can see or type back.
_INVISIBLE = {"Cf", "Co", "Cs", "Cn", "Zl", "Zp"}
_FORBIDDEN = re.compile(r'[/\\<>:"|?*#%\x00-\x1f\x7f\s]')


class SlugError(ValueError):
    """A slug that cannot be used as a file name inside the blog; the message says why.

    It reads as its English words; ``code`` and ``params`` name the message, :meth:`message`
    words it in English or Japanese.
    """

    def __init__(self, phrase: Phrase, code: str):
        super().__init__(phrase.say("en"))
        self.phrase, self.code, self.params = phrase, code, phrase.params

    def message(self, lang: str = "en") -> str:
        """Why the slug is refused, in English or Japanese (``"ja"``)."""
        return self.phrase.say(lang)

    def message_in(self, lang: str = "en") -> str:
        """The same, named as every other worded error of the core names it."""
        return self.message(lang)


@lru_cache(maxsize=1)
def _kakasi():
    # Loading the dictionaries takes about half a second: only when a Japanese title needs it.
    try:
        import pykakasi
    except ImportError:  # pragma: no cover - pykakasi is a declared dependency
        return None
    return pykakasi.kakasi()


def slugify(title: str) -> str:
    """A readable lowercase ASCII slug for ``title``; never empty, at most 60 characters."""
    text = unicodedata.normalize("NFKC", title)
    # A lost character (U+FFFD) or a control character has no reading; drop it.
    text = "".join(c for c in text if c != "\ufffd" and unicodedata.category(c)[0] != "C")
    slug = _romanised_slug(text)
    if len(slug) > MAX_LENGTH:
        cut = slug[: MAX_LENGTH + 1]
        slug = cut[: cut.rfind("-")] if "-" in cut else slug[:MAX_LENGTH]
    return slug.strip("-") or fallback_slug(title)


def fallback_slug(title: str) -> str:
    """``post-`` and eight hex digits from the title: stable, ASCII, never empty."""
    return "post-" + hashlib.sha1(title.encode("utf-8")).hexdigest()[:8]


def _romanised_slug(text: str) -> str:
    """The slug's words for ``text``, romanising no more of it than the cut can use.

    Romanising takes time that grows faster than the text (8.9 s for 16,000 kanji), and a slug
    keeps 60 characters: the title is romanised from its start, twice as much each round, until
    the words before the last one (which a longer text could read differently) fill the slug.
    At most ``_MAX_ROMANISED`` characters are read, whatever the title's length.
    """
    if text.isascii():
        return _joined([text])  # nothing to romanise: one linear pass
    size = _FIRST_ROMANISED
    while True:
        words = _romanise(text[:size])
        slug = _joined(words)
        if size >= len(text):
            return slug
        if len(_joined(words[:-1])) > MAX_LENGTH or size >= _MAX_ROMANISED:
            return slug
        size *= 2


def _joined(words: list[str]) -> str:
    return re.sub(r"[^a-z0-9]+", "-", " ".join(words).lower()).strip("-")


_FIRST_ROMANISED = 64
_MAX_ROMANISED = 1024


def _romanise(text: str) -> list[str]:
    kakasi = _kakasi()
    if kakasi is None or text.isascii():
        return [text] if text.isascii() else re.findall(r"[A-Za-z0-9]+", text)
    words = []
    for part in kakasi.convert(text):
        original = part["orig"]
        words.append(original if original.isascii() else part["hepburn"])
    return words


def check_slug(slug: str) -> str:
    """``slug`` in NFC if it is safe as a post's file name; raises :class:`SlugError` otherwise.

    NFC, so "café" typed on a Mac (NFD) and elsewhere is one name, not two files side by side.
    Invisible and text-direction characters (U+200B, U+202E…) are refused: a file name that
    looks like another, or reads backwards, is how a post gets lost or a link spoofed.
    """
    if not slug or not slug.strip():
        raise SlugError(Phrase(QT_TRANSLATE_NOOP("slug", "A slug cannot be empty")), "empty")
    slug = unicodedata.normalize("NFC", slug)
    hidden = next((c for c in slug if unicodedata.category(c) in _INVISIBLE), None)
    if hidden is not None:
        name = unicodedata.name(hidden, "unnamed")
        message = QT_TRANSLATE_NOOP(
            "slug",
            "The slug contains an invisible or text-direction character ({char}); use letters, "
            "digits and hyphens",
        )
        raise SlugError(Phrase(message, char=f"U+{ord(hidden):04X} {name}"), "invisible")
    if ".." in slug or slug.startswith("."):
        message = QT_TRANSLATE_NOOP("slug", "“{slug}” cannot start with a dot or contain “..”")
        raise SlugError(Phrase(message, slug=slug), "dot")
    bad = _FORBIDDEN.search(slug)
    if bad:
        if bad.group(0) in "/\\":
            message = QT_TRANSLATE_NOOP(
                "slug", "“{slug}” cannot contain / or \\: a slug is a file name, not a path"
            )
            raise SlugError(Phrase(message, slug=slug), "path")
        if bad.group(0).isspace():
            message = QT_TRANSLATE_NOOP(
                "slug", "“{slug}” cannot contain a space; use letters, digits and hyphens"
            )
            raise SlugError(Phrase(message, slug=slug), "space")
        message = QT_TRANSLATE_NOOP(
            "slug", "“{slug}” cannot contain “{char}”; use letters, digits and hyphens"
        )
        raise SlugError(Phrase(message, slug=slug, char=bad.group(0)), "character")
    if _RESERVED.match(slug):
        message = QT_TRANSLATE_NOOP("slug", "“{slug}” is a reserved file name on Windows")
        raise SlugError(Phrase(message, slug=slug), "reserved")
    if slug.endswith("."):
        message = QT_TRANSLATE_NOOP("slug", "“{slug}” cannot end with a dot")
        raise SlugError(Phrase(message, slug=slug), "trailing_dot")
    if len(slug.encode("utf-8")) > 200:
        message = QT_TRANSLATE_NOOP(
            "slug", "The slug is too long for a file name (over {limit} bytes)"
        )
        raise SlugError(Phrase(message, limit=200), "too_long")
    return slug


def unique_slug(slug: str, taken: Callable[[str], bool]) -> str:
    """``slug``, or ``slug-2``, ``slug-3``… when ``taken(slug)`` says it is in use."""
    if not taken(slug):
        return slug
    number = 2
    while taken(f"{slug}-{number}"):
        number += 1
    return f"{slug}-{number}"
