"""A new post starts from the blog's defaults and its own habits, the same in CLI and window."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.cli import main

pytestmark = pytest.mark.core

HABITS = (
    "---\nlayout: article\ntitle: '{title}'\ndate: 2025-01-0{n} 10:00 +0900\ntags: [a]\n"
    "author: 山田\nreading_time: 3\n---\n本文\n"
)


@pytest.fixture
def blog(tmp_path: Path) -> Path:
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_config.yml").write_text("timezone: Asia/Tokyo\n", encoding="utf-8")
    for n in (1, 2, 3):
        post = tmp_path / "_posts" / f"2025-01-0{n}-p{n}.md"
        post.write_text(HABITS.format(title=f"記事 {n}", n=n), encoding="utf-8")
    return tmp_path


def _new(capsys, blog: Path, title: str, date: str) -> str:
    """``tsuzuri new`` in ``blog``; the text of the post it created."""
    assert main(["new", "--title", title, "--repo", str(blog), "--date", date]) == 0
    return Path(capsys.readouterr().out.strip()).read_text(encoding="utf-8")


def test_tsuzuri_new_writes_the_keys_quoting_and_date_form_the_blog_uses(blog, capsys):
    assert _new(capsys, blog, "新しい記事", "2025-02-01 08:30") == (
        "---\nlayout: article\ntitle: '新しい記事'\ndate: 2025-02-01 08:30 +0900\ntags: []\n"
        "author: 山田\nreading_time: 1\n---\n\n"
    )


def test_config_defaults_win_over_habits_and_an_empty_blog_gets_the_plain_skeleton(
    tmp_path, capsys
):
    (tmp_path / "_config.yml").write_text(
        "timezone: Asia/Tokyo\ndefaults:\n  - scope: {path: ''}\n    values: {layout: note}\n",
        encoding="utf-8",
    )
    assert _new(capsys, tmp_path, "A", "2025-02-01 08:30:05") == (
        '---\nlayout: note\ntitle: "A"\ndate: 2025-02-01 08:30:05 +0900\n'
        "categories: []\ntags: []\n---\n\n"
    )
