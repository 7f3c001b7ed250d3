"""Hostile and odd files opened in the real window: refused with a clear message, or kept intact."""

from __future__ import annotations

import pytest

from tests.ui.conftest import JA_POST, type_text

pytestmark = pytest.mark.ui


def _errors(prompt_log) -> list[str]:
    return [entry[3] for entry in prompt_log if entry[0] == "error"]


def _write(blog, name: str, data: bytes):
    path = blog / "_posts" / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ("---\ntitle: 題\n---\n\n一行目\n二行".encode() + b"\x82\xa0" + b"\n", "line 6"),
        (b"---\ntitle: x\n---\n\x00\x01\x02binary", "binary"),
        ("---\ntitle: 題\n---\n本文\n".encode("utf-16"), "UTF-16"),
        ("本文".encode("shift_jis") * 10, "UTF-8"),
    ],
    ids=["invalid-utf8", "nul-bytes", "utf16", "shift-jis"],
)
def test_undecodable_file_is_refused_with_where_and_left_untouched(
    qtbot, blog, make_window, prompt_log, data, words
):
    good = blog / "_posts" / JA_POST
    window = make_window(blog, good)
    path = _write(blog, "2025-01-01-broken.md", data)
    assert window.open_post(path) is False
    [message] = _errors(prompt_log)
    assert "2025-01-01-broken.md" in message and words in message
    assert window.document.path == good.resolve()  # the open post stays open
    window.save()
    assert path.read_bytes() == data


def test_invalid_utf8_message_names_line_and_column(qtbot, blog, make_window, prompt_log):
    path = _write(blog, "2025-01-01-bad.md", b"---\ntitle: t\n---\nab\xffcd\n")
    window = make_window(blog)
    assert not window.open_post(path)
    assert "line 4, column 3" in _errors(prompt_log)[0]


@pytest.mark.parametrize(
    "front_matter",
    ["- 一\n- 二\n", "ただの文字列\n", "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\n"],
    ids=["list", "scalar", "small-alias-chain"],
)
def test_front_matter_that_is_not_a_mapping_is_shown_and_kept(
    qtbot, blog, make_window, front_matter
):
    text = f"---\n{front_matter}---\n\n本文は無事\n"
    path = _write(blog, "2025-01-01-odd.md", text.encode())
    window = make_window(blog, path)
    if front_matter.startswith("a:"):
        assert window.document.fields is not None  # a few aliases are fine
        return
    assert window.form.error_banner.isVisibleTo(window)
    assert "not valid YAML" in window.form.error_banner.text()
    assert window.form.raw.toPlainText() == front_matter
    assert window.editor.toPlainText() == "\n本文は無事\n"
    type_text(qtbot, window.editor, "追記")
    assert window.save()
    saved = path.read_text(encoding="utf-8")
    assert saved.startswith(f"---\n{front_matter}---\n") and "追記" in saved


def test_yaml_alias_bomb_is_refused_and_text_kept(qtbot, blog, make_window):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    bomb = "\n".join(lines) + "\n"
    path = _write(blog, "2025-01-01-bomb.md", f"---\n{bomb}---\n本文\n".encode())
    window = make_window(blog, path)
    assert "alias bomb" in window.form.error_banner.text()
    assert window.form.raw.toPlainText() == bomb
    assert window.editor.toPlainText() == "本文\n"


def test_duplicate_keys_are_pointed_out_and_kept(qtbot, blog, make_window):
    text = "---\ntitle: 一つ目\ntitle: 二つ目\n---\n本文\n"
    path = _write(blog, "2025-01-01-dup.md", text.encode())
    window = make_window(blog, path)
    assert window.form.title.text() == "二つ目"  # what Jekyll would use
    message = window.form.messages["title"]
    assert message.isVisibleTo(window) and message.text()
    assert window.save()
    assert path.read_text(encoding="utf-8") == text  # nothing changed, nothing rewritten


def test_dashes_in_the_body_stay_in_the_body(qtbot, blog, make_window):
    text = "---\ntitle: 区切り\n---\n前半\n\n---\n\n後半\n---\n"
    path = _write(blog, "2025-01-01-dashes.md", text.encode())
    window = make_window(blog, path)
    assert window.form.title.text() == "区切り"
    assert window.editor.toPlainText() == "前半\n\n---\n\n後半\n---\n"
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    type_text(qtbot, window.editor, "終わり")
    assert window.save()
    assert path.read_text(encoding="utf-8") == text + "終わり"


def test_japanese_file_name_with_spaces_opens_and_saves(qtbot, blog, make_window):
    path = _write(blog, "2025-01-01-日本語 の 記事.md", "---\ntitle: 題\n---\n本文\n".encode())
    window = make_window(blog, path)
    assert window.windowTitle().startswith("2025-01-01-日本語 の 記事.md")
    type_text(qtbot, window.editor, "追記")
    assert window.save()
    assert path.read_text(encoding="utf-8") == "---\ntitle: 題\n---\n追記本文\n"
    assert sorted(p.name for p in path.parent.iterdir() if "日本語" in p.name) == [path.name]


def test_large_post_opens_with_a_warning_and_typing_does_not_render_at_once(
    qtbot, blog, make_window, monkeypatch
):
    from editor.core.files import limits

    # The 50 MB threshold, scaled down so the test stays fast; the code path is the same.
    monkeypatch.setattr(limits.size_warning, "__defaults__", (100_000,))
    line = "大きな投稿の段落。\n\n"
    path = _write(blog, "2025-01-01-large.md", ("---\ntitle: 大\n---\n" + line * 8000).encode())
    window = make_window(blog, path)
    assert "very large" in window.statusBar().currentMessage()
    rendered = []
    window.renderer.finished.connect(rendered.append)
    type_text(qtbot, window.editor, "x")
    assert rendered == []  # debounced and rendered off the UI thread
    qtbot.waitUntil(lambda: bool(rendered), timeout=30000)


def test_a_large_post_follows_the_pane_lazily_and_loses_nothing(
    qtbot, blog, make_window, monkeypatch
):
    from editor.ui import edited_post

    monkeypatch.setattr(edited_post, "LARGE_POST_CHARS", 100)  # any post counts as large
    post = blog / "_posts" / "2025-10-20-ai-chip-market.md"
    # Line endings of its own ("\r\n"): each line's is kept, which the document works out
    # once typing pauses.
    post.write_bytes(post.read_bytes().replace(b"\n", b"\r\n"))
    window = make_window(blog, post)
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    type_text(qtbot, window.editor, "急いで保存")
    assert window.isWindowModified()
    assert window.edited.body_pending  # not copied on every keystroke ...
    window.save()  # ... but a save right away still writes what was typed
    assert post.read_text(encoding="utf-8").rstrip().endswith("急いで保存")
    assert not window.isWindowModified()


@pytest.mark.parametrize(
    "date",
    [
        "9999-12-31 23:59:59 -2359",
        "9999-12-31 23:00:00 +0000",  # fine in UTC, past year 9999 in the blog's Tokyo time
        "0001-01-01 00:00:00 +2300",
        "9999-12-31 23:59:59 -23:59",  # a YAML timestamp, not a string
    ],
)
def test_a_date_out_of_range_shows_its_post_and_a_clear_message(
    qtbot, blog, make_window, prompt_log, date
):
    good = blog / "_posts" / JA_POST
    window = make_window(blog, good)
    text = f"---\ntitle: 遠い未来\ndate: {date}\n---\n本文は無事\n"
    path = _write(blog, "2025-01-01-far.md", text.encode())
    assert window.open_post(path)
    assert window.document.path == path.resolve()
    assert window.form.title.text() == "遠い未来"
    assert window.editor.toPlainText() == "本文は無事\n"
    message = window.form.messages["date"]
    assert message.isVisibleTo(window) and "out of range" in message.text()
    type_text(qtbot, window.editor, "追記")
    assert window.save()
    assert path.read_text(encoding="utf-8") == text.replace("本文は無事", "追記本文は無事")
