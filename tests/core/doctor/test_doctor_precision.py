"""The precision and false-repeat figures in docs/doctor.md are the ones the doctor has today."""

import re

import pytest

from tests.conftest import ROOT
from tools.doctor_precision import false_repeats_per_10k, precision, real_posts

pytestmark = [
    pytest.mark.core,
    pytest.mark.skipif(not real_posts(), reason="no real posts in the shared corpus"),
]

DOCS = ROOT / "docs" / "doctor.md"


def test_every_finding_on_the_labelled_sample_has_been_read_and_labelled():
    # A rule that starts finding something new on the sample needs its findings read and
    # labelled in tests/data/doctor/labels_real_sample.json before the figure is quoted.
    assert precision().unlabelled == []


def test_the_docs_quote_the_measured_precision_and_false_repeats():
    docs = DOCS.read_text(encoding="utf-8")
    result = precision()
    findings, chars, rate = false_repeats_per_10k()
    quoted = re.search(r"precision on the labelled\s+sample: \*\*(\d+)%\*\*", docs)
    shown = re.search(r"warnings and errors\s+only: \*\*(\d+)%\*\*", docs)
    repeats = re.search(r"\*\*([\d.]+)\*\*\s+per 10,000\s+characters", docs)
    assert quoted and shown and repeats, "docs/doctor.md lost its figures"
    assert int(quoted.group(1)) == round(result.of() * 100)
    assert int(shown.group(1)) == round(result.shown() * 100)
    assert repeats.group(1) == f"{rate:.2f}", (findings, chars)
