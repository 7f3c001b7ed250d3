"""Settings of the doctor: which rules run and the thresholds they use."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DoctorConfig:
    """Frozen settings; every rule can be switched off by its id in ``disabled``.

    ``only``, when not empty, runs just those rules (``tsuzuri doctor --rules``).
    """

    disabled: frozenset[str] = frozenset()
    only: frozenset[str] = frozenset()
    # Continuation markers: lines equal to one of these (spaces around are ignored).
    markers: tuple[str, ...] = ("---END---",)
    # Shortest repeated tail (characters, spaces ignored) taken as an overlap between pieces.
    min_overlap: int = 3
    # Repeated text: sentences shorter than this (characters, spaces ignored) are not compared.
    min_repeat_length: int = 15
    # difflib ratio from which two sentences count as near duplicates ...
    similarity_threshold: float = 0.85
    # ... and from which removing a copy that is part of a repeated run is safe.
    safe_similarity: float = 0.9
    # Reading time.
    chars_per_minute: int = 500
    words_per_minute: int = 200
    reading_time_tolerance: float = 0.25
    # Excerpt.
    excerpt_max_length: int = 160
    excerpt_min_overlap: float = 0.15
    # Style.
    sentence_max_length: int = 100
    style_min_sentences: int = 5
    mixed_style_max_ratio: float = 0.3
    # Repeated from another post: estimated trigram resemblance from which a paragraph nearly
    # repeats one of another post (editor.core.blog.overlap.NEAR; 1.0: only exact repeats).
    across_similarity: float = 0.55

    def enabled(self, rule: str) -> bool:
        """True when ``rule`` should run under these settings."""
        if self.only and rule not in self.only:
            return False
        return rule not in self.disabled
