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


def test_tsuzuri_new_writes_the_keys_quoting_and_date_form_the_blog_uses(blog, capsys):
    args = ["new", "--title", "新しい記事", "--repo", str(blog), "--date", "2025-02-01 08:30"]
    assert main(args) == 0
    path = Path(capsys.readouterr().out.strip())
    assert path.read_text(encoding="utf-8") == (
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
    args = ["new", "--title", "A", "--repo", str(tmp_path), "--date", "2025-02-01 08:30:05"]
    assert main(args) == 0
    path = Path(capsys.readouterr().out.strip())
    assert path.read_text(encoding="utf-8") == (
        '---\nlayout: note\ntitle: "A"\ndate: 2025-02-01 08:30:05 +0900\n'
        "categories: []\ntags: []\n---\n\n"
    )
