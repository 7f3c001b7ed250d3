"""A post exported as one standalone HTML file: styles and images inside, nothing that runs."""

from __future__ import annotations

import base64
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from editor.core.post.document import PostDocument
from editor.core.post.yamlload import load_yaml
from editor.core.render import RenderContext
from editor.core.render.export import export_post

pytestmark = pytest.mark.core

ROOT = Path(__file__).resolve().parents[3]
SAMPLE = ROOT / "resources" / "sample-blog"
JA_POST = "2025-10-20-ai-chip-market.md"
CSS = [ROOT / "resources" / "preview" / "preview.css"]


class _Page(HTMLParser):
    """What a browser would find in the file: elements with their attributes, and the text."""

    def __init__(self, html: str):
        super().__init__()
        self.elements: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.open: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self.open.append(tag)

    def handle_endtag(self, tag):
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag) :]

    def handle_data(self, data):
        if not self.open or self.open[-1] not in ("style", "script", "title"):
            self.text.append(data)

    def all(self, tag: str) -> list[dict]:
        return [attrs for name, attrs in self.elements if name == tag]


@pytest.fixture
def blog(tmp_path) -> Path:
    target = tmp_path / "blog"
    shutil.copytree(SAMPLE, target)
    return target


def _export(blog: Path, post: Path, body: str | None = None):
    document = PostDocument.load(post)
    site = load_yaml((blog / "_config.yml").read_text(encoding="utf-8")).value
    context = RenderContext(site=site, page=document.fields or {}, blog_root=blog, post_path=post)
    return export_post(
        document.body if body is None else body,
        context,
        title=str(document.get("title") or ""),
        stylesheets=CSS,
    )


def test_the_japanese_sample_post_is_one_file_with_its_text_styles_and_image(blog):
    post = blog / "_posts" / JA_POST
    result = _export(blog, post)
    page = _Page(result.html)

    assert result.html.startswith("<!DOCTYPE html>")
    assert page.all("html")[0]["lang"] == "ja"
    assert {"charset": "utf-8"} in page.all("meta")
    assert "<title>AI半導体市場の現在地：データセンター需要はどこまで続くか</title>" in result.html
    text = "".join(page.text)
    assert "需要を押し上げている三つの要因" in text and "供給側の制約" in text
    assert "過去に例のない伸び" in text
    assert [h for h in page.all("h2") if h.get("id") == "数字で見る市場"]
    # The preview's stylesheet is inside, not linked.
    assert "Noto Sans CJK JP" in result.html and not page.all("link")
    # The chart is in the file itself, byte for byte.
    (image,) = page.all("img")
    kind, data = image["src"].split(",", 1)
    assert kind == "data:image/png;base64"
    assert base64.b64decode(data) == (blog / "assets" / "images" / "chart.png").read_bytes()
    assert image["alt"] == "データセンター投資の推移"
    assert result.inlined == 1 and result.warnings == []
    # Nothing points back at this machine, nothing of the preview's own markup remains.
    assert "file:" not in result.html and str(blog) not in result.html
    assert "data-source-line" not in result.html and "data-local-src" not in result.html
    assert not page.all("script")


def test_a_missing_image_is_a_warning_and_the_rest_still_exports(blog):
    post = blog / "_posts" / JA_POST
    body = "まえがき\n\n![消えた図](/assets/images/gone.png)\n\n![グラフ](../assets/images/chart.png)\n"
    result = _export(blog, post, body)
    page = _Page(result.html)

    assert [w.code for w in result.warnings] == ["export-image-missing"]
    assert "gone.png" in result.warnings[0]
    assert "画像が見つからない" in result.warnings[0].message("ja")
    gone, chart = page.all("img")
    assert "src" not in gone and gone["alt"] == "消えた図"
    assert "tsuzuri-missing-image" in gone["class"].split()
    # A path relative to the post finds the file the preview finds.
    assert chart["src"].startswith("data:image/png;base64,")
    assert "まえがき" in "".join(page.text)
    assert "file:" not in result.html and str(blog) not in result.html


def test_files_outside_the_blog_and_files_that_are_not_images_stay_out(blog, tmp_path):
    (tmp_path / "secret.png").write_bytes(b"\x89PNG private")
    (blog / "notes.txt").write_text("private", encoding="utf-8")
    post = blog / "_posts" / JA_POST
    body = '![a](../../secret.png)\n\n<img src="/notes.txt">\n'
    result = _export(blog, post, body)

    assert [w.code for w in result.warnings] == ["export-image-outside", "export-image-kind"]
    assert "private" not in result.html
    assert base64.b64encode(b"\x89PNG private").decode() not in result.html


def test_remote_images_stay_links_and_nothing_that_runs_is_kept(blog):
    post = blog / "_posts" / JA_POST
    body = (
        "![遠く](https://example.org/a.png)\n\n"
        '<p onclick="steal()">本文</p>\n\n<script>alert("x")</script>\n\n'
        '<a href=" JavaScript:alert(1)">危ない</a> [前の記事](/2025/10/22/index-fund-basics.html)\n'
    )
    result = _export(blog, post, body)
    page = _Page(result.html)

    (image,) = page.all("img")
    assert image["src"] == "https://example.org/a.png"
    assert "tsuzuri-remote-image" not in image.get("class", "")
    assert not page.all("script") and "alert" not in result.html and "steal" not in result.html
    assert not [attrs for _tag, attrs in page.elements if "onclick" in attrs]
    # Site links lead to the published blog; the policy forbids scripts as a second fence.
    hrefs = [a.get("href") for a in page.all("a")]
    assert "https://example.com/2025/10/22/index-fund-basics.html" in hrefs
    policy = [m for m in page.all("meta") if m.get("http-equiv") == "Content-Security-Policy"]
    assert "script-src 'none'" in policy[0]["content"]
    assert "本文" in "".join(page.text)


def test_a_stylesheet_cannot_end_its_own_style_element(blog, tmp_path):
    css = tmp_path / "blog.css"
    css.write_text("p { color: red } </style><script>alert(1)</script>", encoding="utf-8")
    post = blog / "_posts" / JA_POST
    document = PostDocument.load(post)
    context = RenderContext(blog_root=blog, post_path=post)
    result = export_post("本文", context, title="t", stylesheets=[css, tmp_path / "none.css"])

    assert not _Page(result.html).all("script")
    assert "p { color: red }" in result.html
    assert [w.code for w in result.warnings] == ["export-stylesheet"]
    assert document.body  # the post itself is untouched by an export
    assert post.read_bytes() == (SAMPLE / "_posts" / JA_POST).read_bytes()


def test_the_blogs_stylesheet_brings_its_fonts_and_images_inside(blog, tmp_path):
    theme = blog / "assets" / "css"
    (theme / "fonts").mkdir(parents=True)
    (theme / "fonts" / "mincho.woff2").write_bytes(b"wOF2 font bytes")
    (tmp_path / "outside.woff2").write_bytes(b"wOF2 private")
    css = theme / "main.css"
    css.write_text(
        "@font-face { src: url('fonts/mincho.woff2') format('woff2') }\n"
        "body { background: url(/assets/images/chart.png) }\n"
        '.a { background: url(gone.png) } .b { src: url("../../../outside.woff2") }\n'
        ".c { background: url(https://example.org/x.png) } .d { mask: url(#m) }\n",
        encoding="utf-8",
    )
    post = blog / "_posts" / JA_POST
    result = export_post("本文", RenderContext(blog_root=blog, post_path=post), stylesheets=[css])

    font = base64.b64encode(b"wOF2 font bytes").decode()
    chart = base64.b64encode((blog / "assets" / "images" / "chart.png").read_bytes()).decode()
    assert f'url("data:font/woff2;base64,{font}") format' in result.html
    assert f'url("data:image/png;base64,{chart}")' in result.html
    assert "url(https://example.org/x.png)" in result.html and "url(#m)" in result.html
    assert base64.b64encode(b"wOF2 private").decode() not in result.html
    codes = [(w.code, w.params["src"]) for w in result.warnings]
    assert codes == [
        ("export-stylesheet-file", "gone.png"),
        ("export-stylesheet-file", "../../../outside.woff2"),
    ]
    assert "スタイルシート" in result.warnings[0].message("ja")


@pytest.mark.parametrize(
    ("site_lang", "body", "expected"),
    [(None, "Plain English text.", None), ("en-GB", "日本語の本文です。", "en-GB")],
)
def test_the_page_language_is_the_blogs_or_japanese_when_the_post_is(site_lang, body, expected):
    site = {"lang": site_lang} if site_lang else {}
    result = export_post(body, RenderContext(site=site), title="Title")
    tag = re.search(r"<html[^>]*>", result.html).group(0)
    assert (f'lang="{expected}"' in tag) if expected else ("lang=" not in tag)


def _latin_words(text: str, *allowed: str) -> list[str]:
    """Words of Latin letters left in ``text`` once the paths it names are taken out."""
    for name in allowed:
        text = text.replace(name, "")
    return re.findall(r"[A-Za-z]{2,}", text)


def test_an_image_that_cannot_be_read_says_why_in_the_writers_language(blog):
    (blog / "assets" / "images" / "folder.png").mkdir()  # a folder where the image should be
    post = blog / "_posts" / JA_POST
    result = _export(blog, post, "![図](/assets/images/folder.png)\n")

    (warning,) = result.warnings
    assert warning.code == "export-image-unread"
    english, japanese = warning.message("en"), warning.message("ja")
    assert "folder" in english and "post" not in english  # an image is not a post
    assert "フォルダー" in japanese and "記事" not in japanese
    assert _latin_words(japanese, "/assets/images/folder.png") == []


def test_a_stylesheet_that_cannot_be_read_says_why_in_the_writers_language(blog, tmp_path):
    folder = tmp_path / "theme.css"
    folder.mkdir()
    post = blog / "_posts" / JA_POST
    context = RenderContext(blog_root=blog, post_path=post)
    result = export_post("本文", context, title="t", stylesheets=[folder])

    (warning,) = result.warnings
    assert warning.code == "export-stylesheet"
    assert "post" not in warning.message("en")
    japanese = warning.message("ja")
    assert "フォルダー" in japanese and "記事" not in japanese
    assert _latin_words(japanese, str(folder)) == []
