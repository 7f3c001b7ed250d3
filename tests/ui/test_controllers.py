"""The window's controllers work on their own, with the collaborators they are handed."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from tests.ui.conftest import JA_POST

pytestmark = pytest.mark.ui


class _Keeper:
    """Stands in for SafeKeeper: reads posts from disk and records renames."""

    def __init__(self):
        self.moved_to = []

    def read(self, path):
        from editor.core.files.storage import read_post_file

        return read_post_file(path)

    def moved(self, path):
        self.moved_to.append(path)


def test_post_naming_renames_a_saved_post_to_its_typed_slug(qtbot, blog):
    from editor.core.post.document import PostDocument
    from editor.ui.frontmatter_form import FrontMatterForm
    from editor.ui.open_blog import OpenBlog
    from editor.ui.post_naming import PostNaming

    parent = QWidget()
    qtbot.addWidget(parent)
    open_blog = OpenBlog()
    open_blog.open(blog)
    post = (blog / "_posts" / JA_POST).resolve()
    document = PostDocument.from_text(post.read_text(encoding="utf-8"), post, open_blog.timezone)
    form = FrontMatterForm()
    qtbot.addWidget(form)
    keeper = _Keeper()
    naming = PostNaming(open_blog, lambda: document, form, keeper, parent)

    assert not naming.rename_pending
    with qtbot.waitSignal(naming.changed):
        naming.on_slug_edited(" chips-map ")
    assert naming.rename_pending
    messages: dict[str, str] = {}
    naming.show_location(messages)
    assert "2025-10-20-chips-map.md" in messages["slug"]  # the form says the save renames it

    moved = naming.move_to_planned_name(post)
    assert moved.name == "2025-10-20-chips-map.md" and moved.is_file() and not post.exists()
    assert document.path == moved and keeper.moved_to == [moved]
    assert not naming.rename_pending


def test_opening_shows_what_it_read_once_and_asks_only_before_another_blog(qtbot, blog, tmp_path):
    import shutil

    from editor.core.post.document import PostDocument
    from editor.ui.open_blog import OpenBlog
    from editor.ui.opening import Opening
    from editor.ui.post_browser import PostBrowser

    parent = QWidget()
    qtbot.addWidget(parent)
    open_blog = OpenBlog()
    open_blog.open(blog)
    post_list = PostBrowser()
    qtbot.addWidget(post_list)
    post_list.show_blog(blog)
    current = [PostDocument.from_text("")]
    shown, opened_blogs = [], []
    answers = [False, True]

    def show(document, loaded, from_list):
        shown.append((document, loaded, from_list))
        current[0] = document

    def switch_to(path):
        return any(document.path == path for document, _l, _f in shown)

    opening = Opening(
        open_blog,
        lambda: current[0],
        _Keeper().read,
        post_list,
        lambda: answers.pop(0),
        show,
        switch_to,
        opened_blogs.append,
        parent,
    )
    post = blog / "_posts" / JA_POST
    with qtbot.waitSignal(opening.post_opened):
        assert opening.open_post(post)  # nothing to ask: it gets a tab of its own
    ((document, loaded, from_list),) = shown
    assert document.path == post.resolve() and document.text == loaded.text
    assert "AI" in str(document.get("title")) and not from_list
    assert opening.open_post(post)  # already open: its tab comes forward, nothing read again
    assert len(shown) == 1 and answers == [False, True]

    other = tmp_path / "other"
    shutil.copytree(blog, other)
    assert not opening.open_anywhere(other / "_posts" / JA_POST)  # the writer chose to stay
    assert opened_blogs == [] and len(shown) == 1
    assert opening.open_anywhere(other / "_posts" / JA_POST)
    assert opened_blogs == [other.resolve()] and answers == []
