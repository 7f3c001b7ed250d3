"""PostDocument: what a window binds to; saving changes only what the writer changed."""

import datetime as dt

import pytest

from editor.core.post.document import PostDocument
from editor.core.post.frontmatter import FrontMatterError

pytestmark = pytest.mark.core

POST = (
    "---\r\n"
    "layout: post\r\n"
    'title: "題名"\r\n'
    "date: 2025-10-25 08:36:32 +0000\r\n"
    "tags: AI 投資\r\n"
    "---\r\n"
    "\r\n"
    "本文の一行目。\r\n"
    "二行目"
)


def test_untouched_document_is_byte_identical_and_not_modified():
    document = PostDocument.from_text(POST)
    assert document.text == POST
    assert not document.is_modified


def test_body_for_editor_uses_lf_and_unchanged_body_keeps_crlf_bytes():
    document = PostDocument.from_text(POST)
    body = document.body_for_editor()
    assert "\r" not in body
    document.set_body(body)
    assert document.text == POST


def test_edited_body_is_written_in_the_files_line_endings():
    document = PostDocument.from_text(POST)
    document.set_body(document.body_for_editor() + "\n三行目\n")
    assert document.text.endswith("二行目\r\n三行目\r\n")
    assert document.is_modified


def test_mixed_endings_are_kept_on_unchanged_lines():
    text = "---\ntitle: a\n---\none\r\ntwo\nthree\r\nfour\n"
    document = PostDocument.from_text(text)
    document.set_body(document.body_for_editor().replace("three", "THREE"))
    assert document.body == "one\r\ntwo\nTHREE\r\nfour\n"
    document.set_body(document.body_for_editor().replace("two\n", "two\nnew\n"))
    assert document.body == "one\r\ntwo\nnew\nTHREE\r\nfour\n"  # the file is mostly LF


def test_mixed_endings_in_a_large_body_stay_fast_and_exact():
    lines = [f"行{i}" + ("\r\n" if i % 3 else "\n") for i in range(30000)]
    document = PostDocument.from_text("---\ntitle: a\n---\n" + "".join(lines))
    document.set_body(document.body_for_editor().replace("行15000\n", "行15000 追記\n"))
    lines[15000] = "行15000 追記" + lines[15000][-1:]
    assert document.body == "".join(lines)


def test_removing_the_final_newline_is_respected():
    document = PostDocument.from_text("---\ntitle: a\n---\nx\r\ny\r\n")
    document.set_body("x\ny")
    assert document.body == "x\r\ny"


def test_set_field_changes_one_line_and_keeps_crlf():
    document = PostDocument.from_text(POST)
    document.set_field("title", "新しい題名")
    assert document.text == POST.replace('title: "題名"', 'title: "新しい題名"')


def test_space_separated_tags_stay_a_string():
    document = PostDocument.from_text(POST)
    assert document.get_list("tags") == ["AI", "投資"]
    document.set_field("tags", ["AI", "投資", "分析"])
    assert "tags: AI 投資 分析\r\n" in document.text
    document.set_field("tags", ["AI", "two words"])
    assert document.get("tags") == ["AI", "two words"]


def test_date_in_site_zone_keeps_the_posts_form():
    document = PostDocument.from_text(POST, timezone="Asia/Tokyo")
    same = dt.datetime(2025, 10, 25, 17, 36, 32, tzinfo=dt.timezone(dt.timedelta(hours=9)))
    document.set_field("date", same.astimezone(dt.UTC))
    assert document.text == POST
    document.set_field("date", "2025-10-26 09:00")
    assert "date: 2025-10-26 09:00:00 +0900\r\n" in document.text


def test_bare_date_stays_bare_at_midnight_and_times_get_a_zone():
    text = "---\ndate: 2019-06-04\n---\n"
    document = PostDocument.from_text(text, timezone="Asia/Tokyo")
    document.set_field("date", document.get_date())
    assert document.text == text
    document.set_field("date", dt.datetime(2019, 6, 5))
    assert document.text == "---\ndate: 2019-06-05\n---\n"
    document.set_field("date", document.get_date() + dt.timedelta(hours=10))
    assert document.text == "---\ndate: 2019-06-05 10:00:00 +0900\n---\n"


def test_unquoted_zoneless_time_is_utc_as_jekyll_reads_it():
    text = "---\ndate: 2025-01-04 23:30:00\n---\n"
    document = PostDocument.from_text(text, timezone="Asia/Tokyo")
    assert document.get_date() == dt.datetime(2025, 1, 4, 23, 30, tzinfo=dt.UTC)
    document.set_field("date", document.get_date().astimezone(dt.UTC))
    assert document.text == text


def test_broken_front_matter_is_kept_and_reported():
    text = "---\ntitle: [unclosed\n---\n本文\n"
    document = PostDocument.from_text(text)
    assert document.fields is None
    assert document.front_matter_error.line == 3
    assert document.text == text
    assert document.problems()[0].code == "front-matter-syntax"
    with pytest.raises(FrontMatterError, match="Fix the front matter first"):
        document.set_field("title", "x")
    document.set_front_matter_text("title: fixed")
    assert document.text == "---\ntitle: fixed\n---\n本文\n"
    assert document.get("title") == "fixed"


def test_raw_front_matter_from_an_lf_widget_keeps_crlf():
    document = PostDocument.from_text(POST)
    document.set_front_matter_text(document.front_matter_text.replace("\r\n", "\n"))
    assert document.text == POST


def test_post_without_front_matter_gets_delimiters_on_first_field():
    document = PostDocument.from_text("本文だけ\r\n")
    assert document.fields == {}
    assert [p.code for p in document.problems()] == ["missing-title", "no-front-matter"]
    document.set_field("title", "題")
    assert document.text == "---\r\ntitle: 題\r\n---\r\n本文だけ\r\n"


def test_other_keys_are_listed_in_file_order():
    document = PostDocument.from_text(
        "---\ntitle: a\nimage: b.png\nlayout: post\nmermaid: true\n---\n"
    )
    assert document.other_keys() == ["image", "mermaid"]


def test_remove_field_removes_only_its_lines():
    document = PostDocument.from_text(POST)
    document.remove_field("tags")
    assert document.text == POST.replace("tags: AI 投資\r\n", "")


def test_reading_time_and_published_take_their_types():
    document = PostDocument.from_text("---\ntitle: a\n---\n")
    document.set_field("reading_time", "9")
    document.set_field("published", "false")
    assert document.get("reading_time") == 9
    assert document.get("published") is False


def test_file_name_date_mismatch_is_a_warning(tmp_path):
    path = tmp_path / "_posts" / "2025-10-24-x.md"
    document = PostDocument.from_text(POST, path, timezone="Asia/Tokyo")
    codes = {p.code: p for p in document.problems()}
    assert codes["date-filename-mismatch"].params == {
        "date": "2025-10-25",
        "file_date": "2025-10-24",
    }


def test_save_is_atomic_keeps_permissions_and_follows_symlinks(tmp_path):
    real = tmp_path / "real.md"
    real.write_bytes(POST.encode())
    real.chmod(0o640)
    link = tmp_path / "link.md"
    link.symlink_to(real)
    document = PostDocument.load(link)
    document.set_field("title", "保存")
    document.save()
    assert link.is_symlink()
    assert 'title: "保存"\r\n' in real.read_bytes().decode()
    assert real.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.md", "real.md"]
    assert not document.is_modified
