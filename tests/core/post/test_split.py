"""Splitting a post into parts is lossless and reading bytes refuses what is not text."""

import pytest

from editor.core.post.split import PostReadError, decode_post, split_post
from tests.conftest import corpus_files

pytestmark = pytest.mark.core

ALL = corpus_files("raw") + corpus_files("fidelity") + corpus_files("real")


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_corpus_posts_split_and_join_to_the_same_text(path):
    text = decode_post(path.read_bytes())
    source = split_post(text)
    assert source.has_front_matter
    assert source.text == text


@pytest.mark.parametrize(
    "text",
    [
        "\ufeff---\r\ntitle: a\r\n---\r\nbody\r\n",
        "---\ntitle: a\n---",
        "no front matter\n",
        "---\nunterminated\n",
        "",
    ],
)
def test_split_keeps_bom_line_endings_and_missing_parts(text):
    assert split_post(text).text == text


def test_body_starts_after_closing_delimiter():
    source = split_post("---\ntitle: 題\n---\n本文\n")
    assert source.front_matter == "title: 題\n"
    assert source.body == "本文\n"
    assert source.body_line_offset == 3


def test_invalid_utf8_names_line_and_column():
    with pytest.raises(PostReadError) as info:
        decode_post("---\ntitle: あ\n---\n本文".encode() + b"\xff\n")
    assert (info.value.line, info.value.column) == (4, 3)
    assert "UTF-8" in str(info.value)


def test_nul_bytes_are_refused_as_binary():
    with pytest.raises(PostReadError, match="binary"):
        decode_post(b"\x89PNG\x00\x00")
