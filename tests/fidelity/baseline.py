"""The committed record of which blocks of each post agree with Jekyll; it only moves up.

``baseline.json`` holds, per post (``group/name``), a fingerprint of the post's bytes and the
fingerprints of Jekyll's blocks that the preview wrote the same.  A run *regresses* when a block
recorded there no longer agrees while the post itself is unchanged; ``make test`` fails on that.
``python -m tests.fidelity --update`` records blocks that newly agree and refuses to record a
regression; a post whose bytes changed (or a new post) is recorded afresh, because its blocks are
not the ones measured before.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

BASELINE = Path(__file__).resolve().parent / "baseline.json"


def fingerprint(text: str | bytes) -> str:
    """A short, stable name for a block or a post's bytes."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    return hashlib.sha256(data).hexdigest()[:12]


@dataclass
class Measured:
    """One post as measured now: its key, the fingerprint of its bytes, and its blocks."""

    key: str
    source: str
    agreed: list[str]  # Jekyll's blocks (canonical) the preview wrote the same
    differing: list[str]  # Jekyll's blocks it did not


@dataclass
class Check:
    """How a run compares with the baseline."""

    regressions: list[tuple[str, str]] = field(default_factory=list)  # (post, Jekyll's block)
    # Posts new, edited or gone since recorded, or whose Jekyll output changed (a post that lists
    # site.posts when a post is added; another Jekyll): recorded afresh, not regressions.
    changed: list[str] = field(default_factory=list)
    gained: int = 0  # blocks that agree now and were not recorded


def load(path: Path = BASELINE) -> dict[str, dict]:
    """The recorded posts; empty when there is no baseline yet."""
    if not path.is_file():
        return {}
    return json.loads(path.read_text("utf-8"))["posts"]


def save(posts: dict[str, dict], path: Path = BASELINE) -> None:
    """Write the baseline, one line per post so a change reads well in a diff."""
    lines = [
        f"  {json.dumps(key, ensure_ascii=False)}: {json.dumps(posts[key], sort_keys=True)}"
        for key in sorted(posts)
    ]
    path.write_text('{"posts": {\n' + ",\n".join(lines) + "\n}}\n", "utf-8")


def record(post: Measured) -> dict:
    """The baseline entry for a post as measured."""
    return {"source": post.source, "agreed": sorted(fingerprint(b) for b in post.agreed)}


def check(recorded: dict[str, dict], measured: list[Measured]) -> Check:
    """Regressions (recorded blocks that stopped agreeing), changed posts and gains."""
    result = Check()
    seen = set()
    for post in measured:
        seen.add(post.key)
        entry = recorded.get(post.key)
        if entry is None or entry["source"] != post.source:
            result.changed.append(post.key)
            continue
        before = Counter(entry["agreed"])
        now = Counter(fingerprint(b) for b in post.agreed)
        lost = before - now
        for block in post.differing:
            if lost[fingerprint(block)] > 0:
                lost[fingerprint(block)] -= 1
                result.regressions.append((post.key, block))
        if +lost:  # Jekyll no longer writes a recorded block at all: the page itself changed
            result.changed.append(post.key)
        result.gained += sum((now - before).values())
    result.changed.extend(sorted(set(recorded) - seen))
    return result


def ratchet(recorded: dict[str, dict], measured: list[Measured]) -> dict[str, dict]:
    """The new baseline: gains and changed posts recorded; raises ValueError on a regression."""
    found = check(recorded, measured)
    if found.regressions:
        raise ValueError(describe(found.regressions))
    return {post.key: record(post) for post in measured}


def describe(regressions: list[tuple[str, str]], limit: int = 20) -> str:
    """The regressed blocks, one line each (Jekyll's HTML, shortened)."""
    lines = [f"{len(regressions)} block(s) agreed with Jekyll and no longer do:"]
    for key, block in regressions[:limit]:
        shown = block if len(block) <= 160 else block[:157] + "..."
        lines.append(f"  {key}: {shown}")
    if len(regressions) > limit:
        lines.append(f"  ... and {len(regressions) - limit} more")
    return "\n".join(lines)
