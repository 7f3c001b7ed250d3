"""The front-matter keys Tsuzuri knows, their order and their kinds: the one list of them.

The form shows :data:`KNOWN_KEYS` in this order, a key added to a post goes after the nearest
preceding one of them, and a new post's skeleton writes them in the blog's own order.
"""

from __future__ import annotations

from editor.core.words import QT_TRANSLATE_NOOP, Marked, Phrase

# The blog's usual order of the keys the form shows.
KNOWN_KEYS = ("layout", "title", "date", "categories", "tags", "author", "excerpt", "reading_time")
LIST_KEYS = ("categories", "tags")  # a YAML list or Jekyll's space-separated words
INT_KEYS = ("reading_time",)
BOOL_KEYS = ("published",)
# Keys holding sentences: how they are quoted tells how the writer quotes prose.
PROSE_KEYS = ("title", "author", "excerpt", "description", "subtitle", "sub_title")

# The name a writer sees for a key (the form's label, translated once in the core's catalogue).
FIELD_LABELS: dict[str, Marked] = {
    "layout": QT_TRANSLATE_NOOP("field", "Layout"),
    "title": QT_TRANSLATE_NOOP("field", "Title"),
    "slug": QT_TRANSLATE_NOOP("field", "Slug"),
    "date": QT_TRANSLATE_NOOP("field", "Date"),
    "categories": QT_TRANSLATE_NOOP("field", "Categories"),
    "tags": QT_TRANSLATE_NOOP("field", "Tags"),
    "author": QT_TRANSLATE_NOOP("field", "Author"),
    "excerpt": QT_TRANSLATE_NOOP("field", "Excerpt"),
    "reading_time": QT_TRANSLATE_NOOP("field", "Reading time"),
    "published": QT_TRANSLATE_NOOP("field", "Published"),
}


def field_label(key: str) -> Phrase:
    """The form's label of ``key`` (one of :data:`FIELD_LABELS`), to be said in a language."""
    return Phrase(FIELD_LABELS[key])


class _KeyName(Phrase):
    """A key named in a message: as written in the YAML in English, the form's label with the
    key after it in Japanese."""

    __slots__ = ()

    def say(self, lang: str = "en") -> str:
        return str(self.params["key"]) if lang == "en" else super().say(lang)


def key_name(key: str | None) -> Phrase | str | None:
    """``key`` as a message names it: as written in the YAML in English (``excerpt``), the
    form's label with the key after it in Japanese (抜粋（excerpt）); other keys as written."""
    if key not in FIELD_LABELS:
        return key
    return _KeyName(QT_TRANSLATE_NOOP("field", "{label} ({key})"), key=key, label=field_label(key))
