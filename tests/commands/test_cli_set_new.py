"""``tsuzuri new`` and ``tsuzuri set`` through editor.cli.main: files, output, exit codes."""

import difflib
import shutil

import pytest

from editor.cli import main
from editor.core.post import frontmatter as fm
from editor.core.post.split import decode_post, split_post
from tests.conftest import corpus_files

pytestmark = pytest.mark.core

ALL = corpus_files("raw") + corpus_files("fidelity") + corpus_files("real")
POST = (
    "---\n"
    "layout: post\n"
    'title: "題名"\n'
    "date: 2025-10-25 08:36:32 +0000\n"
    'tags: ["AI"]\n'
    "reading_time: 8\n"
    "---\n"
    "本文\n"
)


@pytest.fixture
def blog(tmp_path):
    (tmp_path / "_config.yml").write_text("timezone: Asia/Tokyo\n", encoding="utf-8")
    (tmp_path / "_posts").mkdir()
    post = tmp_path / "_posts" / "2025-10-25-post.md"
    post.write_text(POST, encoding="utf-8")
    return tmp_path


def test_new_prints_the_created_path(blog, capsys):
    status = main(["new", "--title", "投資の話", "--repo", str(blog), "--date", "2025-11-01 09:00"])
    out = capsys.readouterr().out.strip()
    assert status == 0
    assert out == str(blog / "_posts" / "2025-11-01-toushi-no-hanashi.md")
    assert "date: 2025-11-01 09:00:00 +0900\n" in (blog / out).read_text(encoding="utf-8")


def test_new_draft(blog, capsys):
    assert main(["new", "--title", "案", "--draft", "--repo", str(blog)]) == 0
    assert capsys.readouterr().out.strip().endswith("_drafts/an.md")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--title", "x", "--date", "someday"], "not a date"),
        (["--title", "x", "--slug", "../x"], "dot"),
        (["--title", " "], "empty"),
    ],
)
def test_new_errors_are_one_line(blog, capsys, args, words):
    assert main(["new", "--repo", str(blog), *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("tsuzuri: ") and words in err and err.count("\n") == 1
    assert list((blog / "_posts").iterdir()) == [blog / "_posts" / "2025-10-25-post.md"]


def test_new_outside_a_blog_fails(tmp_path, capsys):
    assert main(["new", "--title", "x", "--repo", str(tmp_path)]) == 2
    assert "not inside a Jekyll blog" in capsys.readouterr().err


def test_set_changes_only_the_keys_set(blog):
    post = blog / "_posts" / "2025-10-25-post.md"
    status = main(["set", str(post), "tags=AI,投資", "reading_time=9", "excerpt=要約です"])
    assert status == 0
    expected = POST.replace('tags: ["AI"]\n', 'tags: ["AI", "投資"]\nexcerpt: "要約です"\n')
    assert post.read_text(encoding="utf-8") == expected.replace(
        "reading_time: 8", "reading_time: 9"
    )


def test_set_to_the_same_values_leaves_the_file_untouched(blog):
    post = blog / "_posts" / "2025-10-25-post.md"
    before = post.stat().st_mtime_ns
    args = ["title=題名", "tags=AI", "reading_time=8", "date=2025-10-25 17:36:32"]
    assert main(["set", str(post), *args]) == 0
    assert post.read_bytes() == POST.encode()
    assert post.stat().st_mtime_ns == before


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["reading_time=nine"], "not a whole number"),
        (["title=x", "date=tomorrow"], "not a date"),
        (["novalue"], "expected KEY=VALUE"),
        (["published=maybe"], "not true or false"),
    ],
)
def test_set_errors_leave_the_file_untouched(blog, capsys, args, words):
    post = blog / "_posts" / "2025-10-25-post.md"
    assert main(["set", str(post), *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("tsuzuri: ") and words in err and err.count("\n") == 1
    assert post.read_bytes() == POST.encode()


def test_set_on_broken_front_matter_names_the_line(tmp_path, capsys):
    post = tmp_path / "broken.md"
    post.write_text("---\ntitle: [open\n---\n", encoding="utf-8")
    assert main(["set", str(post), "title=x"]) == 2
    assert "line 3" in capsys.readouterr().err
    assert post.read_text(encoding="utf-8") == "---\ntitle: [open\n---\n"


def test_set_missing_file(tmp_path, capsys):
    assert main(["set", str(tmp_path / "nope.md"), "title=x"]) == 2
    assert "no such post" in capsys.readouterr().err


def test_unset_removes_only_that_key(blog):
    post = blog / "_posts" / "2025-10-25-post.md"
    assert main(["set", str(post), "--unset", "reading_time"]) == 0
    assert post.read_text(encoding="utf-8") == POST.replace("reading_time: 8\n", "")


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_set_on_every_corpus_post_changes_only_the_keys_set(tmp_path, path):
    copy = tmp_path / path.name
    shutil.copyfile(path, copy)
    original = decode_post(path.read_bytes())
    fm_text = split_post(original).front_matter
    spans = [fm.key_lines(fm_text, key) for key in ("title", "tags")]
    assert main(["set", str(copy), "title=新しい題: #1", "tags=AI,投資"]) == 0
    new = decode_post(copy.read_bytes())
    old_lines, new_lines = original.splitlines(keepends=True), new.splitlines(keepends=True)
    allowed = {line + 1 for span in spans if span for line in span}  # file line 0 is "---"
    ops = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False).get_opcodes()
    for tag, i1, i2, _j1, _j2 in ops:
        if tag != "equal":
            assert set(range(i1, i2)) <= allowed, (tag, old_lines[i1:i2])
    assert fm.load(split_post(new).front_matter)["title"] == "新しい題: #1"
    assert split_post(new).body == split_post(original).body


EDGE_DATE = "9999-12-31 23:59:59 -2359"  # already in the year 10000 in UTC and in Tokyo


def test_set_a_date_past_year_9999_is_one_line_and_the_file_untouched(blog, capsys):
    post = blog / "_posts" / "2025-10-25-post.md"
    assert main(["set", str(post), f"date={EDGE_DATE}"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("tsuzuri: date: ") and "9999" in err and err.count("\n") == 1
    assert post.read_bytes() == POST.encode()


def test_new_with_a_date_past_year_9999_is_one_line_and_creates_nothing(blog, capsys):
    assert main(["new", "--repo", str(blog), "--title", "x", "--date", EDGE_DATE]) == 2
    err = capsys.readouterr().err
    assert err.startswith("tsuzuri: --date: ") and "9999" in err and err.count("\n") == 1
    assert list((blog / "_posts").iterdir()) == [blog / "_posts" / "2025-10-25-post.md"]


@pytest.mark.parametrize("argument", ["--title", "--slug"])
def test_new_with_an_argument_that_is_not_utf8_is_one_line_and_creates_nothing(
    blog, capsys, argument
):
    # The shell passes bytes; Python hands undecodable ones over as lone surrogates.
    value = b"\xff\xfe\xe6\x8a".decode("utf-8", "surrogateescape")
    args = ["--title", "題", "--slug", "ok", argument, value]
    assert main(["new", "--repo", str(blog), *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"tsuzuri: {argument}: ") and "UTF-8" in err and err.count("\n") == 1
    assert list((blog / "_posts").iterdir()) == [blog / "_posts" / "2025-10-25-post.md"]
    assert not (blog / "_drafts").exists()


def test_set_a_value_that_is_not_utf8_is_one_line_and_the_file_untouched(blog, capsys):
    post = blog / "_posts" / "2025-10-25-post.md"
    value = b"title=\xff\xfe".decode("utf-8", "surrogateescape")
    assert main(["set", str(post), value]) == 2
    err = capsys.readouterr().err
    assert err.startswith("tsuzuri: KEY=VALUE: ") and "UTF-8" in err and err.count("\n") == 1
    assert post.read_bytes() == POST.encode()


@pytest.mark.parametrize("char", ["\x07", "\x7f", "\x9b"])
def test_set_on_front_matter_with_a_control_character_names_its_place(tmp_path, capsys, char):
    post = tmp_path / "bell.md"
    original = f"---\ntitle: 題\nexcerpt: あ{char}い\n---\n本文\n"
    post.write_text(original, encoding="utf-8")
    assert main(["set", str(post), "title=x"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"U+{ord(char):04X}" in err and "line 3, column 11" in err
    assert post.read_text(encoding="utf-8") == original


@pytest.fixture
def japanese(monkeypatch):
    """A writer whose system speaks Japanese."""
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ["set", "{post}"],
            "設定する項目がありません。KEY=VALUE か --unset KEY を指定してください",
        ),
        (
            ["set", "{post}", "published=maybe"],
            "published: 「maybe」は true でも false でもありません",
        ),
        (["set", "{post}", "title"], "「title」: KEY=VALUE の形で指定してください"),
        (
            ["new", "--repo", "{blog}", "--title", "x", "--slug", "a b"],
            "「a b」には空白を使えません。英字、数字、ハイフンを使ってください",
        ),
        (["new", "--repo", "{blog}", "--title", " "], "--title: タイトルが空です"),
        (
            ["new", "--title", "x", "--bogus"],
            "unrecognized arguments: --bogus（'tsuzuri new --help' を参照してください）",
        ),
    ],
)
def test_command_line_errors_follow_a_japanese_locale(blog, capsys, japanese, args, said):
    post = blog / "_posts" / "2025-10-25-post.md"
    filled = [a.format(post=post, blog=blog) for a in args]
    assert main(filled) == 2
    assert capsys.readouterr().err == f"tsuzuri: {said}\n"
    assert post.read_text(encoding="utf-8") == POST


def test_command_line_errors_stay_english_in_an_english_locale(blog, capsys, monkeypatch):
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")  # LC_ALL decides, as for every program
    assert main(["set", str(blog / "_posts" / "2025-10-25-post.md")]) == 2
    assert capsys.readouterr().err == "tsuzuri: nothing to set: give KEY=VALUE or --unset KEY\n"
