"""The front-matter keys Tsuzuri knows, their order and their kinds: the one list of them.

The form shows :data:`KNOWN_KEYS` in this order, a key added to a post goes after the nearest
preceding one of them, and a new post's skeleton writes them in the blog's own order.
"""

from __future__ import annotations

# The blog's usual order of the keys the form shows.
KNOWN_KEYS = ("layout", "title", "date", "categories", "tags", "author", "excerpt", "reading_time")
LIST_KEYS = ("categories", "tags")  # a YAML list or Jekyll's space-separated words
INT_KEYS = ("reading_time",)
BOOL_KEYS = ("published",)
# Keys holding sentences: how they are quoted tells how the writer quotes prose.
PROSE_KEYS = ("title", "author", "excerpt", "description", "subtitle", "sub_title")
