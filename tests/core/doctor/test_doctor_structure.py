"""Heading levels, empty links and link targets that do not exist in the blog."""

import pytest

from editor.core.doctor import DoctorConfig, apply_fixes, diagnose

pytestmark = pytest.mark.core

HEADINGS = DoctorConfig(only=frozenset({"heading-level"}))
LINKS = DoctorConfig(only=frozenset({"empty-link", "missing-target"}))


def test_a_heading_that_skips_a_level_is_reported_with_a_suggestion():
    text = (
        "## 概要\n\n本文。\n\n#### 詳細\n\n### 補足\n\n```\n# not a heading\n##### nor this\n```\n"
    )
    (finding,) = diagnose(text, HEADINGS)
    assert (finding.line, finding.params) == (5, {"previous": 2, "level": 4})
    assert not finding.fix.safe
    assert apply_fixes(text, [finding.fix]).count("### 詳細") == 1


def test_empty_links_are_found_outside_code():
    text = "[]() と [説明]( ) は空です。`[x]()` と ![画像](/a.png) は別。\n\n```\n[y]()\n```\n"
    findings = diagnose(text, LINKS)
    assert [(f.line, f.column, f.params["text"]) for f in findings] == [(1, 1, ""), (1, 8, "説明")]


@pytest.fixture
def blog(tmp_path):
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_posts" / "2024-01-02-hello.md").write_text("---\n---\n", encoding="utf-8")
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "ok.png").write_bytes(b"png")
    return tmp_path


def test_targets_are_checked_against_the_blog_folder(blog):
    text = (
        "![ok](/assets/ok.png) ![no](/assets/missing.png) [page](/about/)\n"
        "[doc]({{ site.baseurl }}/files/none.pdf) [x](https://example.com/a.png)\n"
        "{% post_url 2024-01-02-hello %} {% post_url 2024-09-09-gone %}\n"
    )
    findings = diagnose(text, LINKS, blog_root=blog)
    assert [(f.code, f.params["target"]) for f in findings] == [
        ("missing-file", "/assets/missing.png"),
        ("missing-file", "/files/none.pdf"),
        ("missing-post", "2024-09-09-gone"),
    ]
    assert [f.severity for f in findings] == ["warning", "warning", "error"]
    assert diagnose(text, LINKS) == []  # without a blog folder nothing is looked up
