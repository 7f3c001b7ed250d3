"""Slugs: readable ASCII for Japanese titles, never empty, never outside the blog folder."""

import re

import pytest

from editor.core.blog.slug import SlugError, check_slug, fallback_slug, slugify, unique_slug

pytestmark = pytest.mark.core


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("HTML と Liquid", "html-to-liquid"),
        ("脚注と属性", "kyakuchuu-to-zokusei"),
        ("Ｈｅｌｌｏ　Ｗｏｒｌｄ", "hello-world"),
        ("Microsoftの「MAI-Image-1」", "microsoft-no-mai-image-1"),
    ],
)
def test_japanese_titles_become_readable_ascii(title, slug):
    assert slugify(title) == slug


@pytest.mark.parametrize("title", ["", "！？", "\ufffd", "   "])
def test_nothing_readable_gives_a_stable_fallback(title):
    slug = slugify(title)
    assert re.fullmatch(r"post-[0-9a-f]{8}", slug)
    assert slug == fallback_slug(title)


def test_long_titles_are_cut_at_a_word_boundary():
    slug = slugify("東京で投資分析を学ぶための最新ニュースと技術動向のまとめ、そして未来への展望")
    assert len(slug) <= 60 and not slug.endswith("-")
    assert slug.startswith("toukyou-de-toushi-bunseki")


def test_replacement_character_is_dropped_from_the_slug():
    assert "ufffd" not in slugify("可\ufffd") and slugify("可\ufffd") == "ka"


@pytest.mark.parametrize(
    ("slug", "words"),
    [
        ("", "empty"),
        ("../etc", "dot"),
        ("a/b", "not a path"),
        ("a\\b", "not a path"),
        ("/abs", "not a path"),
        (".git", "dot"),
        ("con", "reserved"),
        ("LPT1.txt", "reserved"),
        ("a b", "a space"),
        ("a:b", "“:”"),
        ("ok.", "end with a dot"),
        ("x" * 201, "too long"),
    ],
)
def test_unsafe_slugs_are_refused_with_a_reason(slug, words):
    with pytest.raises(SlugError, match=words):
        check_slug(slug)
    assert issubclass(SlugError, ValueError)


@pytest.mark.parametrize(
    ("slug", "japanese"),
    [
        ("", "スラッグを空にすることはできません"),
        ("a b", "「a b」には空白を使えません"),
        ("a:b", "「a:b」には「:」を使えません"),
        ("a/b", "「a/b」には / や \\ を使えません"),
        ("x" * 201, "スラッグがファイル名として長すぎます（200 バイトを超えています）"),
    ],
)
def test_a_refused_slug_says_why_in_japanese_too(slug, japanese):
    with pytest.raises(SlugError) as refused:
        check_slug(slug)
    assert refused.value.message("ja").startswith(japanese)
    assert str(refused.value) == refused.value.message("en") != refused.value.message("ja")


def test_edited_slugs_may_be_japanese_or_mixed():
    assert check_slug("投資-2025") == "投資-2025"


def test_collisions_get_numbered_suffixes():
    taken = {"post", "post-2"}
    assert unique_slug("post", taken.__contains__) == "post-3"
    assert unique_slug("other", taken.__contains__) == "other"
