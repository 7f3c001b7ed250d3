"""How often the doctor is right on real posts: precision on a labelled sample, false repeats.

* Precision: the doctor's findings on 20 real posts (a seeded random pick of
  ``../shared/corpus/real``) against labels written by reading each finding
  (``tests/data/doctor/labels_real_sample.json``).  A finding without a label is reported so it
  can be read and labelled before the figure is trusted.
* False repeats: the real posts have no accidental repeats, so every ``repeated-text`` finding
  on them is a false positive; counted per 10,000 characters of post files.

Run: ``python tools/doctor_precision.py``; docs/doctor.md quotes the figures it prints.
"""

from __future__ import annotations

import json
import random
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from editor.core.doctor import diagnose  # noqa: E402

REAL = ROOT.parent / "shared" / "corpus" / "real"
LABELS = ROOT / "tests" / "data" / "doctor" / "labels_real_sample.json"


@dataclass
class Precision:
    """Labelled findings on the sample: right and wrong ones per rule, and unlabelled keys."""

    right: Counter = field(default_factory=Counter)
    wrong: Counter = field(default_factory=Counter)
    unlabelled: list[str] = field(default_factory=list)
    # The same for warnings and errors only: what `tsuzuri doctor` lists without --notes.
    shown_right: int = 0
    shown_wrong: int = 0

    def of(self, rule: str | None = None) -> float:
        """Share of right findings (all rules when ``rule`` is None); 1.0 when there are none."""
        right = self.right[rule] if rule else sum(self.right.values())
        wrong = self.wrong[rule] if rule else sum(self.wrong.values())
        return right / (right + wrong) if right + wrong else 1.0

    def shown(self) -> float:
        """Share of right findings among warnings and errors."""
        total = self.shown_right + self.shown_wrong
        return self.shown_right / total if total else 1.0


def real_posts() -> list[Path]:
    """The real posts of the shared corpus (empty when it is not beside the checkout)."""
    return sorted(REAL.glob("*.md")) if REAL.is_dir() else []


def sample(seed: int, size: int) -> list[Path]:
    """The labelled sample: ``size`` real posts picked with ``random.Random(seed)``."""
    names = sorted(p.name for p in real_posts())
    return [REAL / name for name in sorted(random.Random(seed).sample(names, size))]


def finding_key(name: str, finding) -> str:
    """How a finding is named in the labels: file, line, column, rule, code."""
    return f"{name}:{finding.line}:{finding.column}:{finding.rule}:{finding.code}"


def precision() -> Precision:
    """The current doctor's findings on the sample, counted against the labels."""
    data = json.loads(LABELS.read_text(encoding="utf-8"))
    labels = data["labels"]
    out = Precision()
    for path in sample(data["seed"], data["sample_size"]):
        for finding in diagnose(path.read_text(encoding="utf-8")):
            key = finding_key(path.name, finding)
            if key not in labels:
                out.unlabelled.append(key)
                continue
            right = labels[key][0]
            (out.right if right else out.wrong)[finding.rule] += 1
            if finding.severity != "info":
                out.shown_right += right
                out.shown_wrong += not right
    return out


def false_repeats_per_10k() -> tuple[int, int, float]:
    """(repeat findings, characters, findings per 10,000 characters) over the real posts."""
    findings = chars = 0
    for path in real_posts():
        text = path.read_text(encoding="utf-8")
        chars += len(text)
        findings += sum(1 for f in diagnose(text) if f.rule == "repeated-text")
    return findings, chars, (findings / chars * 10_000 if chars else 0.0)


def main() -> int:
    """Print precision per rule and the false repeats per 10,000 characters."""
    result = precision()
    for rule in sorted(set(result.right) | set(result.wrong)):
        right, wrong = result.right[rule], result.wrong[rule]
        print(f"{rule:<20} {right:>4} right {wrong:>4} wrong  precision {result.of(rule):.0%}")
    print(f"{'all rules':<20} precision {result.of():.0%}")
    print(f"{'warnings and errors':<20} precision {result.shown():.0%}")
    for key in result.unlabelled:
        print(f"unlabelled: {key}")
    findings, chars, rate = false_repeats_per_10k()
    print(
        f"repeated-text on real posts: {findings} in {chars:,} characters = {rate:.2f} per 10,000"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
