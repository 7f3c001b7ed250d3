"""Dates, URLs and the post list agree with a real Jekyll build across site time zones.

Each post prints ``page.date``, ``date_to_string``, ``page.url``, a ``post_url`` to a post in a
category folder and the URLs of ``site.posts``; the preview must print the same (needs
``jekyll``).
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest

from editor.core.blog import posts
from editor.core.blog.repository import BlogRepository
from editor.core.render import RenderContext, render_body
from tests.conftest import jekyll_build

pytestmark = [
    pytest.mark.core,
    pytest.mark.jekyll,
    pytest.mark.skipif(shutil.which("jekyll") is None, reason="jekyll is not installed"),
]

FACTS = (
    "ID:{id} ; {{{{ page.date }}}} ; {{{{ page.date | date_to_string }}}} ; {{{{ page.url }}}} ; "
    "{{% post_url 2025-01-02-b %}} ; {{% for p in site.posts %}}{{{{ p.url }}}},{{% endfor %}}\n"
)
POSTS = {
    # Past midnight in Tokyo, still the day before in Los Angeles.
    "_posts/2025-01-01-a.md": "title: a\ndate: 2025-01-01 20:00:00 +0000\n",
    # A category folder post without a date: its file name's date at 00:00 in the site zone.
    "tech/_posts/2025-01-02-b.md": "title: b\n",
    # An unquoted time without a zone is a YAML timestamp, which Ruby reads as UTC.
    "_posts/2025-01-03-c.md": "title: c\ndate: 2025-01-03 01:00:00\n",
    # A quoted one is read in the site's zone.
    "_posts/2025-01-04-d.md": 'title: d\ndate: "2025-01-04 23:30"\ncategories: [日記]\n',
    "_posts/2025-01-05-e.md": "title: e\npublished: false\n",
    "_posts/2099-01-01-f.md": "title: f\n",
    "_posts/notes.md": "title: notes\n",
    "_posts/2025-01-06-g.html": "title: g\ndate: 2025-01-06\n",
    # A day past the month's end in the file name rolls over, as Ruby's Time.parse does.
    "_posts/2025-02-30-roll.md": "title: roll\n",
}


def _facts(text: str) -> dict[str, str]:
    found = re.findall(r"ID:(\S+) ; ([^<\n]*)", html.unescape(re.sub(r"<[^>]+>", "", text)))
    return {key: value.strip() for key, value in found}


def _built_and_ours(tmp_path: Path, zone: str, front_matters: dict, facts: str):
    """What Jekyll prints and what the preview prints for each post's ``facts``, by post."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "_config.yml").write_text(f"timezone: {zone}\n", encoding="utf-8")
    for name, front in front_matters.items():
        path = site / name
        path.parent.mkdir(parents=True, exist_ok=True)
        body = facts.format(id=path.stem.replace(" ", "_"))
        path.write_text(f"---\n{front}---\n{body}", encoding="utf-8")
    out = jekyll_build(site, tmp_path / "out")
    built: dict[str, str] = {}
    for page in out.rglob("*.html"):
        built.update(_facts(page.read_text(encoding="utf-8")))
    repo = BlogRepository(site)
    ours: dict[str, str] = {}
    for path in repo.posts():
        context = RenderContext(
            site=repo.config, page=posts.read_metadata(path), blog_root=site, post_path=path
        )
        body = path.read_text(encoding="utf-8").split("---\n", 2)[2]
        ours.update(_facts(render_body(body, context).html))
    return built, ours


@pytest.mark.parametrize("zone", ["Asia/Tokyo", "UTC", "America/Los_Angeles"])
def test_dates_urls_and_post_list_match_a_real_jekyll_build(tmp_path: Path, zone: str):
    built, ours = _built_and_ours(tmp_path, zone, POSTS, FACTS)
    # Jekyll writes no page for the unpublished and the future post.
    for name in ("2025-01-05-e", "2099-01-01-f"):
        ours.pop(name, None)
    assert "notes" not in built  # _posts/notes.md is no post, and Jekyll skips it
    assert ours == built


VARIABLES = (
    "ID:{id} ; {{{{ page.categories | join: ',' }}}} ; {{{{ page.tags | join: ',' }}}} ; "
    "{{{{ page.title }}}} ; {{{{ page.url }}}} ; {{{{ site.categories | size }}}} ; "
    "{{% for c in site.categories %}}{{{{ c[0] }}}}={{{{ c[1].size }}}}/{{{{ c[1][0].title }}}},"
    "{{% endfor %}} ; {{% for t in site.tags %}}{{{{ t[0] }}}}={{{{ t[1].size }}}},{{% endfor %}} ; "
    "{{{{ page.previous.title }}}}~{{{{ page.next.url }}}}\n"
)
VARIABLE_POSTS = {
    "_posts/2025-01-01-a.md": "title: a\ntags: [AI]\n",
    # Folders above _posts are categories; no title: Jekyll titleizes the slug.
    "tech/_posts/2025-01-02-b.md": "tags: 投資\n",
    "tech/web/_posts/2025-01-03-x.md": "categories: [メモ]\n",
    "_posts/2025-01-04-UPPER_case.md": "category: solo\ntag: single\n",
    "_posts/2025-01-05-Hello World.md": "categories: 日記 tech\n",
    # A category named again by the front matter is listed once (in the URL too).
    "tech/_posts/2025-01-06-dup.md": "title: dup\ncategories: [tech, more]\ntags: [AI, 投資]\n",
    "_posts/2025-01-07-off.md": "title: off\npublished: false\ncategories: [hidden]\n",
}


def test_page_and_site_categories_tags_and_titles_match_a_real_jekyll_build(tmp_path: Path):
    built, ours = _built_and_ours(tmp_path, "Asia/Tokyo", VARIABLE_POSTS, VARIABLES)
    ours.pop("2025-01-07-off", None)
    assert len(built) == 6
    assert ours == built


DATES = (
    "ID:{id} ; {{{{ page.date | date: '%s' }}}} ; {{{{ page.date | date: '%F %H:%M %z' }}}} ; "
    "{{{{ '2025-01-01 20:00:00 +0000' | date: '%F %H:%M %z' }}}} ; "
    "{{{{ '2025-01-01 20:00' | date: '%z %s' }}}} ; {{{{ '2025-01-01' | date: '%s' }}}} ; "
    "{{{{ page.date | date: '%L %N %:z' }}}}\n"
)
DATE_POSTS = {
    "_posts/2025-01-01-a.md": "title: a\ndate: 2025-01-01 20:00:00 +0000\n",
    "_posts/2025-01-02-b.md": "title: b\n",
    "_posts/2025-01-03-c.md": 'title: c\ndate: "2025-01-03 23:30"\n',
}


@pytest.mark.parametrize("zone", ["Asia/Tokyo", "America/Los_Angeles"])
def test_the_date_filter_matches_a_real_jekyll_build(tmp_path: Path, zone: str):
    built, ours = _built_and_ours(tmp_path, zone, DATE_POSTS, DATES)
    assert len(built) == 3
    assert ours == built


SLUG_TEXTS = [
    "Hello, World!",
    "日本語のタイトル 2025",
    "  The _config.yml (file)  ",
    "Café déjà vu — naïve",
    "a--b  c__d",
    "[Jekyll] 4.3: what's new?",
    "Ünïcödé & ß",
]
SLUG_MODES = ["none", "raw", "default", "pretty", "ascii", "latin"]


def test_slugify_modes_match_jekyll(tmp_path: Path):
    from editor.core.blog.permalink import jekyll_slugify

    site = tmp_path / "site"
    site.mkdir()
    lines = []
    for i in range(len(SLUG_TEXTS)):
        for mode in SLUG_MODES:
            lines.append(f'<p>{i}|{mode}|{{{{ page.texts[{i}] | slugify: "{mode}" }}}}|</p>')
    texts = "\n".join(f"  - {json_string(t)}" for t in SLUG_TEXTS)
    (site / "slugs.html").write_text(
        "---\ntexts:\n" + texts + "\n---\n" + "\n".join(lines) + "\n", encoding="utf-8"
    )
    out = jekyll_build(site, tmp_path / "out")
    built = (out / "slugs.html").read_text(encoding="utf-8")
    found = re.findall(r"<p>(\d+)\|(\w+)\|(.*?)\|</p>", built)
    assert len(found) == len(SLUG_TEXTS) * len(SLUG_MODES)
    for i, mode, slug in found:
        ours = jekyll_slugify(SLUG_TEXTS[int(i)], mode=mode)
        assert ours == slug, (SLUG_TEXTS[int(i)], mode)


def json_string(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False)
