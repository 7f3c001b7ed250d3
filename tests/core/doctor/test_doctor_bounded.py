"""The doctor finishes in bounded time on anything: each class of input that once took minutes.

Each input is generated at a size where a quadratic step takes minutes and a linear one well
under a second; the bound is a generous wall time for a slow, shared CI machine.
"""

import random
import time

import pytest

from editor.core.doctor import diagnose

pytestmark = [pytest.mark.core, pytest.mark.timeout(120)]

HEAD = "---\ntitle: 題名\nexcerpt: 段落の話\nreading_time: 3\n---\n\n"
N = 100_000
BOUND_S = 15.0


def _distinct_paragraphs(count: int) -> list[str]:
    rng = random.Random(7)
    kanji = [chr(c) for c in range(0x4E00, 0x4E00 + 2000)]
    return ["".join(rng.choices(kanji, k=30)) + "です。" for _ in range(count)]


def _copies_between(paragraphs: list[str]) -> list[str]:
    """The same sentence again before each paragraph: thousands of copies of one far original."""
    copy = "この一文だけは、記事の中で何度も同じように繰り返されています。"
    return [part for paragraph in paragraphs for part in (copy, paragraph)]


CLASSES = {
    "angle-brackets": lambda: HEAD + "文章" + "<" * N + "\n",
    "open-tags": lambda: HEAD + "文章" + "<a " * N + "\n",
    "square-brackets": lambda: HEAD + "文章" + "[" * N + "\n",
    "paren-links": lambda: HEAD + "文章" + "[a](" * N + "\n",
    "tilde-fences": lambda: HEAD + "~~~\n" * N,
    "backtick-fences": lambda: HEAD + "```\n" * N,
    "nested-brackets": lambda: HEAD + "[" * (N // 2) + "]" * (N // 2) + "\n",
    "liquid-outputs": lambda: HEAD + "{{" * N + "\n",
    "liquid-tags": lambda: HEAD + "{%" * N + "\n",
    "dashes": lambda: HEAD + "文章" + "-" * N + "\n",
    "markers": lambda: HEAD + "\n\n---END---\n\n".join(_distinct_paragraphs(N // 20)) + "\n",
    "same-paragraph-1mb": lambda: (
        HEAD + ("同じ文章がここで何度も繰り返されています。" * 3 + "\n\n") * 8_000
    ),
    "copies-far-apart": lambda: HEAD + "\n\n".join(_copies_between(_distinct_paragraphs(6_000))),
    "long-unpunctuated-paragraph-twice": lambda: (
        HEAD
        + ("あいうえおかきくけこ" * 10_000 + "\n\n") * 2
        + "あいうえおかきくけこ" * 10_000
        + "さ\n"
    ),
    "unclosed-liquid-raw": lambda: HEAD + "{% raw %}文章\n\n" * (N // 5),
    "info-string-fences": lambda: HEAD + "```ruby\n\n" * (N // 5),
    "comments": lambda: HEAD + "文章" + "<!--" * N + "\n",
    # Heading and title decoration stripped one mark at a time; an attribute list never closed.
    "heading-marks": lambda: HEAD + "# " * (N // 3) + "\n",
    "open-attribute-lists": lambda: HEAD + "{:" * (2 * N) + "\n",
    # A sentence ending in a long run of closing marks or blanked markup, then a letter.
    "closing-marks-then-letter": lambda: HEAD + "文です" + "」 " * (N // 2) + "x\n",
    "code-span-then-letter": lambda: HEAD + "文です`" + "a" * N + "`x\n",
}


@pytest.mark.parametrize("name", list(CLASSES))
def test_the_doctor_finishes_quickly_on_generated_input(name):
    text = CLASSES[name]()
    start = time.perf_counter()
    diagnose(text)
    assert time.perf_counter() - start < BOUND_S, name


def test_the_doctor_finishes_quickly_on_a_10mb_front_matter():
    keys = "".join(f"key{i}: 値{i} の説明をここに書きます\n" for i in range(330_000))
    text = "---\ntitle: 題名\n" + keys + "---\n\n本文です。\n"
    assert len(text.encode("utf-8")) > 10_000_000
    start = time.perf_counter()
    diagnose(text)
    assert time.perf_counter() - start < BOUND_S * 3
