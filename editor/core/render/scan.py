"""Searching one text forward from positions that mostly grow, each search reused."""

from __future__ import annotations

import re


class Finder:
    """``pattern.search`` from growing positions: a search is repeated only when needed.

    When an opener has no closer, searching for the closer from each opener runs to the end
    of the text every time, which is quadratic; remembering the last answer (a match, or that
    there is none after a position) keeps it linear.  A smaller position searches again.
    """

    def __init__(self, src: str, pattern: re.Pattern[str]) -> None:
        self.src, self.pattern = src, pattern
        self.found: re.Match[str] | None = None
        self.searched_from = -1

    def next(self, pos: int) -> re.Match[str] | None:
        """The first match starting at or after ``pos``."""
        stale = self.found is not None and self.found.start() < pos
        if self.searched_from < 0 or pos < self.searched_from or stale:
            self.found = self.pattern.search(self.src, pos)
            self.searched_from = pos
        return self.found


def finder(env: dict, key: str, src: str, pattern: re.Pattern[str]) -> Finder:
    """The :class:`Finder` kept in a render's ``env`` under ``key`` for this very ``src``."""
    kept = env.get(key)
    if kept is None or kept.src is not src:
        kept = env[key] = Finder(src, pattern)
    return kept
