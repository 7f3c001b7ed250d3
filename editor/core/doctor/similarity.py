"""Finding exact and near-duplicate sentences without comparing every pair.

Exact copies are found by hashing; near copies by a bottom-k sketch of character trigrams
(a MinHash variant with one hash function), so only sentences sharing a sketch value are compared
with difflib.  crc32 keeps the sketches, and so the findings, the same from run to run.
"""

from __future__ import annotations

import zlib
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher

_SKETCH_SIZE = 8
MAX_POSTING = 64  # trigrams shared by this many sentences say nothing about duplication
_MAX_CANDIDATES = 8
# A "sentence" longer than this is a block without punctuation; difflib is quadratic in its
# length, so such blocks are only matched when they are equal.
MAX_NEAR_LENGTH = 2000
# Sentences with a difflib ratio of 0.85 share well over a third of their trigrams; a looser
# bound keeps recall while skipping most difflib calls.
MIN_RESEMBLANCE = 0.25


@dataclass(frozen=True)
class Match:
    """Unit ``copy`` repeats the earlier unit ``original`` with difflib ratio ``ratio``."""

    copy: int
    original: int
    ratio: float


def similarity(a: str, b: str) -> float:
    """difflib's ratio of two strings (1.0 = identical)."""
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def resemblance(a: list[int], b: list[int]) -> float:
    """Estimated trigram Jaccard similarity from two bottom-k sketches."""
    union = sorted(set(a) | set(b))[:_SKETCH_SIZE]
    shared = set(a) & set(b)
    return sum(1 for v in union if v in shared) / len(union)


def sketch(key: str) -> list[int]:
    """The bottom-k crc32 values of the trigrams of ``key``."""
    grams = {key[i : i + 3] for i in range(max(1, len(key) - 2))}
    return sorted(zlib.crc32(g.encode("utf-8")) for g in grams)[:_SKETCH_SIZE]


def find_matches(
    keys: list[str],
    min_length: int,
    threshold: float,
    near: list[bool] | None = None,
    lengths: list[int] | None = None,
) -> list[Match]:
    """For each key, the earliest earlier key that equals it, else the most similar one.

    Keys shorter than ``min_length`` (or whose ``lengths`` entry is, when given) are ignored; near
    copies need a ratio >= ``threshold`` and are looked for only among keys whose ``near`` flag is
    true (all when ``near`` is None).
    """
    first: dict[str, int] = {}
    sketches: dict[int, list[int]] = {}
    postings: dict[int, list[int]] = {}
    matches = []
    for i, key in enumerate(keys):
        if (lengths[i] if lengths is not None else len(key)) < min_length:
            continue
        if key in first:
            matches.append(Match(i, first[key], 1.0))
            continue
        first[key] = i
        if (near is not None and not near[i]) or len(key) > MAX_NEAR_LENGTH:
            continue
        own = sketch(key)
        sketches[i] = own
        votes: Counter[int] = Counter()
        for value in own:
            posting = postings.get(value)
            if posting and len(posting) <= MAX_POSTING:
                votes.update(posting)
        best: Match | None = None
        matcher = SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(key)  # difflib indexes the second sequence once for all candidates
        for j, _ in votes.most_common(_MAX_CANDIDATES):
            other = keys[j]
            if 2 * min(len(key), len(other)) / (len(key) + len(other)) < threshold:
                continue
            if resemblance(own, sketches[j]) < MIN_RESEMBLANCE:
                continue
            matcher.set_seq1(other)
            # Each bound is at least the ratio: a candidate that cannot reach the threshold, or
            # beat the best so far, is not compared in full (the best found is the same).
            floor = threshold if best is None else max(threshold, best.ratio + 1e-12)
            if matcher.real_quick_ratio() < floor or matcher.quick_ratio() < floor:
                continue
            ratio = matcher.ratio()
            if ratio >= threshold and (best is None or ratio > best.ratio):
                best = Match(i, j, ratio)
        if best is not None:
            matches.append(best)
        for value in own:
            postings.setdefault(value, []).append(i)
    return matches
