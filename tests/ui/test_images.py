"""Images into a post: pasted from the clipboard, dropped on the text pane or picked in a dialog,
each copied into the blog and put at the cursor as Markdown the preview shows at once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication

from editor.ui import prompts
from editor.ui.prompts import choose_images as real_choose_images
from editor.ui.prompts import offer_scale_down as real_offer_scale_down
from tests.ui.conftest import JA_POST
from tests.ui.interface_words import english_words, visible_texts

FOLDER = Path("assets/images/2025/10")  # the sample post is dated 2025-10-20 (Asia/Tokyo)
FIRST_LINE_END = "考えます。"


@pytest.fixture
def window(blog, make_window):
    window = make_window(blog, blog / "_posts" / JA_POST)
    _cursor_after(window, FIRST_LINE_END)
    return window


def _cursor_after(window, needle: str) -> None:
    text = window.editor.toPlainText()
    cursor = window.editor.textCursor()
    cursor.setPosition(text.index(needle) + len(needle))
    window.editor.setTextCursor(cursor)


def _line_with(window, needle: str) -> str:
    return next(line for line in window.editor.toPlainText().splitlines() if needle in line)


def _image(width: int, height: int, colour: str = "#3070c0") -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    return image


def _wait_for_text(qtbot, window, needle: str) -> None:
    qtbot.waitUntil(lambda: needle in window.editor.toPlainText(), timeout=15000)


def _drop(window, mime: QMimeData) -> None:
    """A drop on the text pane as Qt delivers it: enter, move, drop at the cursor's place."""
    viewport = window.editor.viewport()
    point = window.editor.cursorRect().center()
    actions = Qt.DropAction.CopyAction
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    for event in (
        QDragEnterEvent(point, actions, mime, buttons, keys),
        QDragMoveEvent(point, actions, mime, buttons, keys),
        QDropEvent(QPointF(point), actions, mime, buttons, keys),
    ):
        QApplication.sendEvent(viewport, event)


def _preview_image(qtbot, window, src_part: str) -> dict:
    """The preview's <img> whose src has ``src_part``, once the page has loaded it."""
    script = (
        "JSON.stringify(Array.from(document.querySelectorAll('#tsuzuri-body img'))"
        f".filter(i => (i.getAttribute('src') || '').includes({json.dumps(src_part)}))"
        ".map(i => ({src: i.getAttribute('src'), cls: i.className, width: i.naturalWidth,"
        " complete: i.complete})))"
    )
    found: list = []

    def loaded() -> bool:
        box: list = []
        window.preview.run_in_page(script, box.append)
        qtbot.waitUntil(lambda: bool(box), timeout=10000)
        images = json.loads(box[0] or "[]")
        if images and images[0]["complete"] and images[0]["width"] > 0:
            found[:] = images
            return True
        return False

    qtbot.waitUntil(loaded, timeout=20000)
    return found[0]


def test_a_pasted_bitmap_becomes_a_png_in_the_blog_and_shows_in_the_preview(
    qtbot, window, blog, prompt_log
):
    before = window.editor.toPlainText()
    QApplication.clipboard().setImage(_image(120, 80))
    window.editor.paste()
    markdown = f"![image](/{FOLDER.as_posix()}/image.png)"
    _wait_for_text(qtbot, window, markdown)

    stored = blog / FOLDER / "image.png"
    assert stored.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert QImage(str(stored)).size().toTuple() == (120, 80)
    # Only the Markdown was added, right after the line's last word; "image" is selected.
    assert window.editor.toPlainText() == before.replace(
        FIRST_LINE_END, FIRST_LINE_END + markdown, 1
    )
    assert window.editor.textCursor().selectedText() == "image"
    assert window.statusBar().currentMessage() == f"Image copied to {FOLDER.as_posix()}/image.png"
    assert prompt_log == []
    if window.preview.uses_webengine:
        shown = _preview_image(qtbot, window, "image.png")
        assert shown["src"] == stored.resolve().as_uri()
        assert shown["width"] == 120
        assert "missing" not in shown["cls"]


def test_a_second_paste_gets_its_own_name(qtbot, window, blog):
    QApplication.clipboard().setImage(_image(10, 10, "red"))
    window.editor.paste()
    _wait_for_text(qtbot, window, "image.png)")
    first = (blog / FOLDER / "image.png").read_bytes()
    QApplication.clipboard().setImage(_image(20, 20, "green"))
    window.editor.paste()
    _wait_for_text(qtbot, window, f"![image](/{FOLDER.as_posix()}/image-2.png)")
    assert (blog / FOLDER / "image.png").read_bytes() == first  # never written over
    assert QImage(str(blog / FOLDER / "image-2.png")).size().toTuple() == (20, 20)


def test_undo_takes_the_inserted_image_out_in_one_step(qtbot, window):
    before = window.editor.toPlainText()
    QApplication.clipboard().setImage(_image(10, 10))
    window.editor.paste()
    _wait_for_text(qtbot, window, "image.png)")
    window.editor.undo()
    assert window.editor.toPlainText() == before


def test_a_dropped_jpeg_keeps_its_format_and_bytes(qtbot, window, blog, tmp_path, prompt_log):
    source = tmp_path / "東京の夜景.JPG"
    assert _image(64, 48).save(str(source), "JPEG")
    data = source.read_bytes()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(source))])
    _drop(window, mime)
    markdown = f"![東京の夜景](/{FOLDER.as_posix()}/toukyou-no-yakei.jpg)"
    _wait_for_text(qtbot, window, markdown)
    assert (blog / FOLDER / "toukyou-no-yakei.jpg").read_bytes() == data
    assert window.editor.textCursor().selectedText() == "東京の夜景"
    assert prompt_log == []


def test_an_image_dropped_from_the_blogs_own_folders_is_linked_not_copied(qtbot, window, blog):
    own = blog / "assets" / "images" / "logo.png"
    own.parent.mkdir(parents=True, exist_ok=True)
    assert _image(16, 16).save(str(own), "PNG")
    before = sorted(p.relative_to(blog) for p in blog.rglob("*"))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(own))])
    _drop(window, mime)
    _wait_for_text(qtbot, window, "![logo](/assets/images/logo.png)")
    assert sorted(p.relative_to(blog) for p in blog.rglob("*")) == before


def test_a_dropped_text_is_dropped_as_text(qtbot, window, blog):
    mime = QMimeData()
    mime.setText("落とした文")
    _drop(window, mime)
    assert "落とした文" in window.editor.toPlainText()
    assert not (blog / "assets/images/2025").exists()


def test_a_png_that_is_really_text_is_refused_and_nothing_changes(
    qtbot, window, blog, tmp_path, prompt_log
):
    fake = tmp_path / "chart.png"
    fake.write_text("これは画像ではありません", encoding="utf-8")
    real = tmp_path / "real.png"
    assert _image(8, 8).save(str(real), "PNG")
    before = window.editor.toPlainText()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(fake)), QUrl.fromLocalFile(str(real))])
    _drop(window, mime)
    qtbot.waitUntil(lambda: any(entry[0] == "error" for entry in prompt_log), timeout=15000)
    _wait_for_text(qtbot, window, "real.png)")  # the real image of the two still goes in
    errors = [entry for entry in prompt_log if entry[0] == "error"]
    assert len(errors) == 1
    assert "“chart.png” is not an image (PNG, JPEG, GIF, WebP, AVIF or SVG)" in errors[0][3]
    assert sorted(p.name for p in (blog / FOLDER).iterdir()) == ["real.png"]
    assert window.editor.toPlainText() == before.replace(
        FIRST_LINE_END, FIRST_LINE_END + f"![real](/{FOLDER.as_posix()}/real.png)", 1
    )


def test_a_file_gone_before_it_was_read_is_named_in_the_message(
    qtbot, window, blog, tmp_path, prompt_log
):
    before = window.editor.toPlainText()
    window.images.insert_files([tmp_path / "消えた写真.jpg"])
    qtbot.waitUntil(lambda: bool(prompt_log), timeout=15000)
    assert prompt_log[0][2:] == ("Image not inserted", "“消えた写真.jpg”: The file does not exist")
    assert window.editor.toPlainText() == before


def test_insert_image_picks_files_in_a_dialog_on_ctrl_shift_i(
    qtbot, window, blog, tmp_path, monkeypatch
):
    picked = tmp_path / "diagram.gif"  # Qt writes no GIF: a 1x1 one by hand
    picked.write_bytes(
        b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00"
        b"\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
    )
    asked: list = []
    monkeypatch.setattr(prompts, "choose_images", lambda *a: asked.append(a) or [picked])
    action = window.images.insert_action
    assert action in window.menus["format"].actions()
    assert action.shortcut().toString() == "Ctrl+Shift+I"
    window.editor.setFocus()
    qtbot.keyClick(
        window.editor,
        Qt.Key.Key_I,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    _wait_for_text(qtbot, window, f"![diagram](/{FOLDER.as_posix()}/diagram.gif)")
    assert asked and asked[0][1] == blog
    assert (blog / FOLDER / "diagram.gif").read_bytes() == picked.read_bytes()


def test_the_blogs_own_folder_setting_decides_where_images_go(qtbot, window, blog, settings):
    settings.set_blog_value(str(blog), "images_folder", "img/{slug}")
    QApplication.clipboard().setImage(_image(10, 10))
    window.editor.paste()
    _wait_for_text(qtbot, window, "![image](/img/ai-chip-market/image.png)")
    assert (blog / "img/ai-chip-market/image.png").is_file()
    assert not (blog / "assets/images/2025").exists()


def test_a_folder_setting_jekyll_would_not_publish_is_refused(
    qtbot, window, blog, settings, prompt_log
):
    settings.set_blog_value(str(blog), "images_folder", "_uploads/{year}")
    before = window.editor.toPlainText()
    QApplication.clipboard().setImage(_image(10, 10))
    window.editor.paste()
    assert [entry[0] for entry in prompt_log] == ["error"]
    assert "Jekyll does not publish “_uploads”" in prompt_log[0][3]
    assert window.editor.toPlainText() == before
    assert not (blog / "_uploads").exists()


@pytest.mark.parametrize("accept", [True, False])
def test_a_large_image_is_offered_a_smaller_copy(
    qtbot, window, blog, tmp_path, monkeypatch, accept
):
    photo = tmp_path / "panorama.png"
    assert _image(2400, 600).save(str(photo), "PNG")
    original = photo.read_bytes()
    offers: list = []
    monkeypatch.setattr(prompts, "offer_scale_down", lambda *a: offers.append(a) or accept)
    window.images.insert_files([photo])
    _wait_for_text(qtbot, window, "panorama.png)")
    assert [offer[1:3] for offer in offers] == [("panorama.png", (2400, 600))]
    assert offers[0][3] == (1600, 400)
    stored = blog / FOLDER / "panorama.png"
    expected = (1600, 400) if accept else (2400, 600)
    assert QImage(str(stored)).size().toTuple() == expected
    assert (stored.read_bytes() == original) is not accept
    assert photo.read_bytes() == original  # the writer's own file is never touched


def test_a_small_image_is_not_asked_about(qtbot, window, blog, tmp_path, prompt_log):
    photo = tmp_path / "icon.png"
    assert _image(64, 64).save(str(photo), "PNG")
    window.images.insert_files([photo])
    _wait_for_text(qtbot, window, "icon.png)")
    assert prompt_log == []


def test_no_blog_no_copy(qtbot, make_window, tmp_path, prompt_log):
    window = make_window()
    window.editor.setPlainText("本文")
    QApplication.clipboard().setImage(_image(10, 10))
    window.editor.paste()
    assert [entry[0] for entry in prompt_log] == ["error"]
    assert "open the post's blog first" in prompt_log[0][3]
    assert window.editor.toPlainText() == "本文"


def test_an_image_whose_post_left_its_tab_is_not_typed_into_another(qtbot, window, blog):
    messages: list = []
    window.images.status_message.connect(messages.append)
    QApplication.clipboard().setImage(_image(10, 10))
    window.editor.paste()
    assert window.close_current_tab()  # before the image was read: the post was untouched
    qtbot.waitUntil(lambda: bool(messages), timeout=15000)
    assert "no longer open" in messages[0]
    assert window.editor.toPlainText() == ""
    assert not (blog / FOLDER).exists()


def test_the_image_dialogs_and_messages_speak_japanese(
    qtbot, language, make_window, blog, tmp_path, monkeypatch, prompt_log
):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    assert language("ja") == []
    window = make_window(blog, blog / "_posts" / JA_POST)
    assert window.images.insert_action.text() == "画像を挿入(&M)…"
    asked: list = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a: asked.append(a) or ([], ""))
    assert real_choose_images(window, blog) == []
    assert asked[0][1] == "画像を挿入" and asked[0][3].startswith("画像 (")
    boxes: list = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: boxes.append(box) or 0)
    assert not real_offer_scale_down(window, "photo.jpg", (4032, 3024), (1600, 1200), "5.1 MB")
    texts = visible_texts(boxes[0]) + [("informative", boxes[0].informativeText())]
    assert english_words(texts, ("photo.jpg", "5.1 MB")) == []
    fake = tmp_path / "chart.png"
    fake.write_text("文字だけ", encoding="utf-8")
    window.images.insert_files([fake])
    qtbot.waitUntil(lambda: bool(prompt_log), timeout=15000)
    assert prompt_log[0][2:] == (
        "画像を挿入できませんでした",
        "「chart.png」は画像（PNG、JPEG、GIF、WebP、AVIF、SVG）ではありません。何もコピーしていません",
    )


def test_cancelling_a_copy_of_several_images_leaves_none_of_them(
    qtbot, window, blog, tmp_path, monkeypatch
):
    from editor.core.blog import images as core

    paths = []
    for name in ("one.png", "two.png", "three.png"):
        paths.append(tmp_path / name)
        assert _image(8, 8).save(str(paths[-1]), "PNG")
    real_store = core.store_image

    def store_then_cancel(*args):
        stored = real_store(*args)
        args[-1].cancel()  # the writer presses Cancel once the first image is in
        return stored

    monkeypatch.setattr(core, "store_image", store_then_cancel)
    before = window.editor.toPlainText()
    # The window's own work on opening the blog (reading, indexing) ends first: only the
    # image tasks are counted.
    qtbot.waitUntil(lambda: not window.tasks.running, timeout=20000)
    ended: list = []
    window.tasks.ended.connect(ended.append)
    window.images.insert_files(paths)
    qtbot.waitUntil(lambda: len(ended) == 2, timeout=15000)  # reading, then copying
    qtbot.waitUntil(lambda: not window.tasks.running, timeout=15000)
    assert not (blog / FOLDER).exists() or list((blog / FOLDER).iterdir()) == []
    assert window.editor.toPlainText() == before


@pytest.mark.xserver
def test_ctrl_v_and_ctrl_shift_i_from_a_real_keyboard(qtbot, window, blog, tmp_path, monkeypatch):
    import os
    import shutil
    import subprocess

    if not os.environ.get("DISPLAY") or os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        pytest.skip("needs a real X server: run under xvfb-run (make test does)")
    if shutil.which("xdotool") is None:
        pytest.skip("xdotool is not installed (make test installs it)")

    def keys(*args: str) -> None:
        subprocess.run(["xdotool", *args], check=True, timeout=30)

    window.activateWindow()
    qtbot.waitExposed(window)
    keys("windowfocus", "--sync", str(int(window.winId())))
    qtbot.waitActive(window)
    window.editor.setFocus()
    qtbot.waitUntil(window.editor.hasFocus)
    QApplication.clipboard().setImage(_image(40, 30))
    keys("key", "ctrl+v")
    _wait_for_text(qtbot, window, f"![image](/{FOLDER.as_posix()}/image.png)")
    picked = tmp_path / "picked.png"
    assert _image(8, 8).save(str(picked), "PNG")
    monkeypatch.setattr(prompts, "choose_images", lambda *a: [picked])
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    keys("key", "ctrl+shift+i")
    _wait_for_text(qtbot, window, f"![picked](/{FOLDER.as_posix()}/picked.png)")


def test_the_settings_say_at_once_why_a_folder_cannot_hold_images(qtbot, window, blog, settings):
    dialog = window.preferences.open()
    qtbot.waitExposed(dialog)
    dialog.images_folder.setText("_uploads/{year}")
    assert dialog.images_problem.text().startswith("Jekyll does not publish “_uploads”")
    dialog.images_folder.setText("img/{yaer}")
    assert "unknown placeholder (yaer)" in dialog.images_problem.text()
    dialog.images_folder.setText("img/{year}")
    assert dialog.images_problem.text() == ""
    dialog.accept()
    assert settings.images_folder(blog) == "img/{year}"


def test_a_copy_with_text_and_a_picture_pastes_the_text(qtbot, window, blog):
    # A spreadsheet's copy: the cells as text and a picture of them.
    from PySide6.QtCore import QMimeData

    data = QMimeData()
    data.setText("銘柄\t株価\n半導体A\t1200")
    data.setImageData(_image(60, 20))
    QApplication.clipboard().setMimeData(data)
    window.editor.paste()
    assert "半導体A\t1200" in window.editor.toPlainText()
    assert "![image]" not in window.editor.toPlainText()
    assert not (blog / FOLDER).exists()


def test_an_image_put_inside_a_link_goes_after_it(qtbot, window, blog):
    editor = window.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    editor.insertPlainText("\n前の画像 ![図](/assets/old.png) の後\n")
    text = editor.toPlainText()
    cursor = editor.textCursor()
    cursor.setPosition(text.index("![図](/assets/old.png)") + 5)  # between ] and (: a drop
    editor.setTextCursor(cursor)
    QApplication.clipboard().setImage(_image(10, 10))
    editor.paste()
    _wait_for_text(qtbot, window, "image.png)")
    assert f"![図](/assets/old.png)![image](/{FOLDER.as_posix()}/image.png) の後" in (
        editor.toPlainText()
    )
