"""One rule names a post to the writer: its title, else its file name without the extension."""

from __future__ import annotations

import pytest

from editor.core.blog.catalog import Catalog
from editor.core.blog.overlap import title_of
from editor.core.blog.posts import shown_title

pytestmark = pytest.mark.core


@pytest.mark.parametrize(
    ("title", "shown"),
    [
        ("半導体の話", "半導体の話"),
        (None, "2024-01-01-a"),
        ("", "2024-01-01-a"),
        (" ", "2024-01-01-a"),
    ],
)
def test_the_browser_and_the_doctor_name_a_post_the_same_way(tmp_path, title, shown):
    root = tmp_path / "blog"
    (root / "_posts").mkdir(parents=True)
    front = "" if title is None else f'title: "{title}"\n'
    post = root / "_posts" / "2024-01-01-a.md"
    post.write_text(f"---\n{front}---\n\n本文\n", "utf-8")
    assert shown_title(title, post) == shown
    (entry,) = Catalog(root, {}, tmp_path / "c.sqlite").update().entries
    assert entry.title == shown
    assert title_of(post) == shown
