"""The file name and URL a post will have follow its date and slug."""

import shutil

import pytest

from editor.core.blog.location import current_slug, planned_path, planned_url
from editor.core.blog.repository import BlogRepository
from editor.core.blog.slug import SlugError
from editor.core.post.document import PostDocument
from tests.conftest import ROOT

pytestmark = pytest.mark.core

SAMPLE = ROOT / "resources" / "sample-blog"
POST = "2025-10-20-ai-chip-market.md"


@pytest.fixture
def repo(tmp_path):
    shutil.copytree(SAMPLE, tmp_path / "blog")
    return BlogRepository(tmp_path / "blog")


def test_an_untouched_post_stays_where_it_is(repo):
    path = repo.root / "_posts" / POST
    document = PostDocument.load(path, repo.timezone)
    assert planned_path(repo, document, None) == path
    assert current_slug(repo, document, None) == "ai-chip-market"
    assert (
        planned_url(repo, document, path)
        == "/%E6%8A%80%E8%A1%93%E5%8B%95%E5%90%91/2025/10/20/ai-chip-market.html"
    )


def test_a_new_date_or_slug_moves_the_file(repo):
    path = repo.root / "_posts" / POST
    document = PostDocument.load(path, repo.timezone)
    document.set_field("date", "2025-11-02 23:30:00 +0900")
    assert planned_path(repo, document, "chips").name == "2025-11-02-chips.md"
    # 23:30 in UTC is the next day in Tokyo: the file name uses the site's zone.
    document.set_field("date", "2025-11-02 23:30:00 +0000")
    assert planned_path(repo, document, None).name == "2025-11-03-ai-chip-market.md"


def test_a_new_post_gets_a_readable_slug_from_its_japanese_title(repo):
    document = PostDocument.from_text(
        '---\ntitle: "半導体の未来"\ndate: 2025-12-01 10:00:00 +0900\n---\n', None, repo.timezone
    )
    path = planned_path(repo, document, None)
    assert path.parent == repo.root / "_posts"
    assert path.name.startswith("2025-12-01-") and path.name.isascii()


@pytest.mark.parametrize("slug", ["../escape", "a/b", "/abs", ".git", "con"])
def test_an_unsafe_slug_is_refused(repo, slug):
    document = PostDocument.load(repo.root / "_posts" / POST, repo.timezone)
    with pytest.raises(SlugError):
        planned_path(repo, document, slug)
