"""Images copied into the blog: told by their bytes, put where the blog keeps them under a safe
unique name, never over another file, at a URL the preview finds again."""

import datetime as dt
import os
from pathlib import Path
from urllib.parse import unquote

import pytest

from editor.core.blog import images
from editor.core.blog.images import (
    ImageError,
    alt_text,
    check_image,
    file_name,
    image_folder,
    image_in_blog,
    image_kind,
    scaled_size,
    store_image,
)
from editor.core.blog.progress import Cancelled, Progress
from editor.core.files.storage import StorageError
from editor.core.render import RenderContext
from editor.core.render.images import resolve_local

pytestmark = pytest.mark.core

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 40
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4
GIF = b"GIF89a\x01\x00\x01\x00" + b"\x00" * 20
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 30
AVIF = b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf" + b"\x00" * 20
SVG = b'<?xml version="1.0"?>\n<!-- drawn -->\n<svg xmlns="http://www.w3.org/2000/svg"></svg>'


@pytest.mark.parametrize(
    ("data", "kind"),
    [(PNG, "png"), (JPEG, "jpeg"), (GIF, "gif"), (WEBP, "webp"), (AVIF, "avif"), (SVG, "svg")],
)
def test_an_image_is_told_by_its_bytes(data, kind):
    assert image_kind(data) == kind


@pytest.mark.parametrize(
    "data",
    [
        b"just some text, saved as photo.png",
        b"",
        b"%PDF-1.7\n",
        b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic",  # HEIC: browsers do not show it
        b"<html><svg></svg></html>",
        b"<svg " + b"\xff\xfe" * 10,  # starts like SVG, is not text
    ],
)
def test_what_is_not_an_image_is_refused_whatever_its_name(data):
    assert image_kind(data) is None
    with pytest.raises(ImageError) as raised:
        check_image(data, "photo.png")
    assert raised.value.code == "not_image"
    assert raised.value.params == {"name": "photo.png"}
    assert "“photo.png” is not an image" in str(raised.value)
    assert "画像" in raised.value.message_in("ja")


def test_the_folder_follows_the_posts_date_and_slug():
    date = dt.datetime(2025, 3, 9, 23, 30)
    assert image_folder(images.DEFAULT_FOLDER, date, "x") == "assets/images/2025/03"
    assert image_folder("img/{slug}/{day}/", date, "ai-chip") == "img/ai-chip/09"
    assert image_folder("./assets//{year}", date, "x") == "assets/2025"


@pytest.mark.parametrize(
    ("pattern", "code"),
    [
        ("assets/{yaer}", "placeholder"),
        ("assets/{0}", "placeholder"),
        ("assets/{", "placeholder"),
        ("/etc/{year}", "outside"),
        ("../elsewhere", "outside"),
        ("assets/../../x", "outside"),
        ("C:/images", "outside"),
        ("_images/{year}", "unpublished"),
        ("assets/.hidden", "unpublished"),
    ],
)
def test_a_folder_outside_the_blog_or_unpublished_is_refused(pattern, code):
    with pytest.raises(ImageError) as raised:
        image_folder(pattern, dt.date(2025, 1, 1), "x")
    assert raised.value.code == code
    assert raised.value.message_in("ja") != str(raised.value)


@pytest.mark.parametrize(
    ("source", "kind", "name"),
    [
        (None, "png", "image.png"),
        ("Screen Shot 2025-10-20.PNG", "png", "screen-shot-2025-10-20.png"),
        ("東京タワー.jpeg", "jpeg", "toukyou-tawaa.jpeg"),
        ("photo.JPG", "jpeg", "photo.jpg"),
        ("really-a-png.jpg", "png", "really-a-png.png"),  # the bytes decide the extension
        ("！？.gif", "gif", "image.gif"),
        ("../../etc/passwd.svg", "svg", "passwd.svg"),
        ("C:\\Users\\me\\図.webp", "webp", "zu.webp"),
    ],
)
def test_names_are_safe_ascii_from_the_source(source, kind, name):
    assert file_name(source, kind) == name


def test_alt_text_is_the_stem_without_what_would_break_the_brackets():
    assert alt_text("東京タワー.jpg") == "東京タワー"
    assert alt_text(None) == "image"
    assert alt_text("a]b[c\n.png") == "a b c"


def test_large_images_are_offered_a_smaller_size_keeping_the_aspect_ratio():
    assert scaled_size(4032, 3024) == (1600, 1200)
    assert scaled_size(1800, 900, size=3 * 1024 * 1024) == (1600, 800)
    assert scaled_size(1800, 900, size=500_000) is None
    assert scaled_size(1200, 9000, size=9 * 1024 * 1024) is None  # narrow already


def test_store_copies_the_bytes_under_a_unique_name_never_overwriting(tmp_path):
    root = tmp_path / "blog"
    root.mkdir()
    first = store_image(root, {}, "assets/images/2025/10", JPEG, "photo.jpg")
    assert first.path == root / "assets/images/2025/10/photo.jpg"
    assert first.path.read_bytes() == JPEG
    assert first.url == "/assets/images/2025/10/photo.jpg"
    assert first.markdown() == "![photo](/assets/images/2025/10/photo.jpg)"
    second = store_image(root, {}, "assets/images/2025/10", JPEG + b"2", "photo.jpg")
    third = store_image(root, {}, "assets/images/2025/10", JPEG + b"3", "Photo.JPG")
    assert [second.path.name, third.path.name] == ["photo-2.jpg", "photo-3.jpg"]
    assert first.path.read_bytes() == JPEG  # untouched
    assert sorted(os.listdir(first.path.parent)) == ["photo-2.jpg", "photo-3.jpg", "photo.jpg"]


def test_a_refused_image_writes_nothing(tmp_path):
    with pytest.raises(ImageError):
        store_image(tmp_path, {}, "assets/images", b"hello", "fake.png")
    assert not (tmp_path / "assets").exists()


def test_a_folder_linked_outside_the_blog_is_refused(tmp_path):
    root, outside = tmp_path / "blog", tmp_path / "outside"
    root.mkdir()
    outside.mkdir()
    (root / "assets").symlink_to(outside)
    with pytest.raises(StorageError) as raised:
        store_image(root, {}, "assets/images", PNG, None)
    assert raised.value.kind == "outside_blog"
    assert list(outside.iterdir()) == []


def test_a_cancelled_copy_leaves_nothing(tmp_path):
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        store_image(tmp_path, {}, "assets/images", PNG, None, progress)
    assert not any(p.is_file() for p in tmp_path.rglob("*"))


@pytest.mark.parametrize("baseurl", ["", "/blog", "/blog/"])
def test_the_url_resolves_back_to_the_file_as_the_preview_reads_it(tmp_path, baseurl):
    site = {"baseurl": baseurl}
    stored = store_image(tmp_path, site, "assets/画像/2025", PNG, None)
    assert stored.url == baseurl.rstrip("/") + "/assets/%E7%94%BB%E5%83%8F/2025/image.png"
    context = RenderContext(site=site, blog_root=tmp_path, post_path=tmp_path / "_posts/x.md")
    assert resolve_local(unquote(stored.url), context) == stored.path.resolve()


def test_an_oversized_file_is_refused_before_it_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(images, "MAX_IMAGE_BYTES", 100)
    big = tmp_path / "big.png"
    big.write_bytes(PNG + b"\x00" * 200)
    with pytest.raises(ImageError) as raised:
        images.read_image(big)
    assert raised.value.code == "large"


def test_a_device_or_folder_is_not_read_as_an_image(tmp_path):
    folder = tmp_path / "photos"
    folder.mkdir()
    for path in (folder, Path("/dev/null")):
        with pytest.raises(ImageError) as raised:
            images.read_image(path)
        assert raised.value.params == {"name": path.name}
    with pytest.raises(StorageError) as missing:
        images.read_image(tmp_path / "gone.png")
    assert missing.value.kind == "missing"


def test_an_image_already_published_by_the_blog_is_linked_not_copied(tmp_path):
    (tmp_path / "assets/img").mkdir(parents=True)
    (tmp_path / "_site/assets").mkdir(parents=True)
    own = tmp_path / "assets/img/ロゴ.png"
    own.write_bytes(PNG)
    found = image_in_blog(tmp_path, {"baseurl": "/b"}, own)
    assert found is not None
    assert found.markdown() == "![ロゴ](/b/assets/img/%E3%83%AD%E3%82%B4.png)"
    assert image_in_blog(tmp_path, {}, tmp_path / "_site/assets/x.png") is None
    assert image_in_blog(tmp_path / "assets", {}, tmp_path / "elsewhere.png") is None
