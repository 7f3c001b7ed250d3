"""Japanese (CJK) character classes: the one home of these ranges.

Each is a string to put inside ``[...]`` of a regular expression.
"""

from __future__ import annotations

# Hiragana and katakana (with the prolonged sound mark and the middle dot).
KANA = "\u3040-\u30ff"
# Characters a reader reads one by one as Japanese: CJK punctuation, kana (and the katakana
# extension), kanji (with extension A, compatibility forms and the supplementary planes),
# full-width forms and half-width katakana.
CJK = (
    "\u3000-\u303f\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\uff01-\uff9f\U00020000-\U0002fa1f"
)
