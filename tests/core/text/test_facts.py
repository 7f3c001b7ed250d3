"""The facts process reads counts and headings exactly as the core's own functions do."""

from __future__ import annotations

import pytest

from editor.core.text.facts import FactsWorker
from editor.core.text.outline import headings
from editor.core.text.readtime import count_prose

BODY = (
    "## 概要\n\nAI と **GPU** の話です。\n\n```python\nprint('コード')\n```\n\n"
    "見出し\n---\n\n> 引用の文。\n\n<div>\n生のHTML\n</div>\n\n続きを読む\n\n#### 深い見出し\n"
)


@pytest.mark.parametrize("markers", [(), ("続きを読む",)])
def test_the_facts_are_the_counts_and_headings_of_the_text(markers):
    facts = FactsWorker().read(BODY, markers)
    assert facts.count == count_prose(BODY, markers=markers)
    assert facts.headings == headings(BODY)
    assert [h.text for h in facts.headings] == ["概要", "見出し", "深い見出し"]
