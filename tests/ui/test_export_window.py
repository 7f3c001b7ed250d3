"""File ▸ Export: the current post as a standalone HTML file and as a PDF, as a writer does it."""

from __future__ import annotations

import base64
import re
import zlib

import pytest
from PySide6.QtGui import QKeySequence

from editor.ui import preview, prompts
from tests.ui.conftest import JA_POST, type_text

pytestmark = pytest.mark.ui

# The real dialog, before the tests' seam answers for it.
_CHOOSE_EXPORT_PATH = prompts.choose_export_path


@pytest.fixture
def export_to(monkeypatch, tmp_path):
    """The save dialog answers with a file in ``tmp_path/out``; what it was offered is kept."""
    offered: list[tuple] = []
    out = tmp_path / "out"
    out.mkdir()

    def choose(parent, start, kind, name=None):
        offered.append((start, kind))
        return out / (name or start.name)

    monkeypatch.setattr(prompts, "choose_export_path", choose)
    return out, offered


def _pdf_unicode(data: bytes) -> set[str]:
    """Every character the PDF's ToUnicode maps give its glyphs (what a text extractor reads);
    of an object updated later in the file, only its newest version counts."""
    newest: dict[bytes, bytes] = {}
    for start in re.finditer(rb"(\d+) 0 obj\s*<<[^>]*>>\s*stream\r?\n", data):
        try:
            stream = zlib.decompress(data[start.end() : data.find(b"endstream", start.end())])
        except zlib.error:
            continue
        newest[start.group(1)] = stream

    def text(hexdigits: bytes) -> str:
        return bytes.fromhex(hexdigits.decode()).decode("utf-16-be", "replace")

    found: set[str] = set()
    for cmap in newest.values():
        for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
            found |= {text(dst) for _src, dst in re.findall(rb"<(\w+)>\s*<(\w+)>", block)}
        for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
            for low, high, dst in re.findall(rb"<(\w+)>\s*<(\w+)>\s*<(\w+)>", block):
                first = ord(text(dst)[0])
                found |= {chr(first + i) for i in range(int(high, 16) - int(low, 16) + 1)}
    return found


def _export_menu(window):
    file_menu = window.menus["file"]
    actions = file_menu.actions()
    (entry,) = [a for a in actions if a.menu() and a.menu().objectName() == "exportMenu"]
    # Above Quit, where a writer looks for it.
    assert actions.index(entry) < actions.index(window.quit_action)
    return entry.menu()


def test_export_html_writes_the_post_with_its_headings_and_image_inside(
    make_window, blog, export_to, qtbot
):
    out, offered = export_to
    window = make_window(blog, blog / "_posts" / JA_POST)
    menu = _export_menu(window)
    html_action, pdf_action = menu.actions()
    assert html_action.shortcut() == QKeySequence("Ctrl+Shift+E")
    assert pdf_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)

    with qtbot.waitSignal(window.exporting.exported, timeout=10000) as written:
        html_action.trigger()

    target = out / "ai-chip-market.html"
    assert written.args == [target]
    assert offered[0][0].name == "ai-chip-market.html" and offered[0][1] == "html"
    html = target.read_text(encoding="utf-8")
    assert '<html lang="ja"' in html and '<meta charset="utf-8">' in html
    assert "<title>AI半導体市場の現在地：データセンター需要はどこまで続くか</title>" in html
    for heading in ("需要を押し上げている三つの要因", "数字で見る市場", "供給側の制約"):
        assert re.search(rf"<h2[^>]*>{heading}</h2>", html)
    (src,) = re.findall(r'<img src="([^"]+)"', html)
    chart = (blog / "assets" / "images" / "chart.png").read_bytes()
    assert src == "data:image/png;base64," + base64.b64encode(chart).decode()
    assert "file:" not in html and str(blog) not in html and "<script" not in html
    assert str(target) in window.statusBar().currentMessage()


def test_export_html_takes_what_is_in_the_window_not_what_is_on_disk(
    make_window, blog, export_to, qtbot
):
    out, _offered = export_to
    post = blog / "_posts" / JA_POST
    before = post.read_bytes()
    window = make_window(blog, post)
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    type_text(qtbot, window.editor, "\n\n## 追記した見出し\n\n![なし](/assets/images/none.png)\n")

    with qtbot.waitSignal(window.exporting.exported, timeout=10000):
        window.exporting.html_action.trigger()

    html = (out / "ai-chip-market.html").read_text(encoding="utf-8")
    assert re.search(r"<h2[^>]*>追記した見出し</h2>", html)
    # The missing image is a warning the writer sees, not a failure; the post is untouched.
    message = window.statusBar().currentMessage()
    assert "none.png" in message and "1 warning" in message
    assert post.read_bytes() == before and window.is_modified


def test_a_failed_write_is_told_and_nothing_is_written(
    make_window, blog, export_to, prompt_log, qtbot
):
    out, _offered = export_to
    (out / "ai-chip-market.html").mkdir()  # a folder where the file would go
    window = make_window(blog, blog / "_posts" / JA_POST)

    with qtbot.waitSignal(window.exporting.failed, timeout=10000):
        window.exporting.html_action.trigger()

    errors = [entry for entry in prompt_log if entry[0] == "error"]
    assert len(errors) == 1 and "could not be written" in errors[0][3]
    assert "folder" in errors[0][3]
    assert [p.name for p in out.iterdir()] == ["ai-chip-market.html"]
    assert list((out / "ai-chip-market.html").iterdir()) == []


@pytest.mark.skipif(bool(preview.WEBENGINE_ERROR), reason="needs QtWebEngine")
def test_export_pdf_prints_the_post_with_a_japanese_font_embedded(
    make_window, blog, export_to, qtbot
):
    out, offered = export_to
    window = make_window(blog, blog / "_posts" / JA_POST)

    with qtbot.waitSignal(window.exporting.exported, timeout=60000) as written:
        _export_menu(window).actions()[1].trigger()
        assert window.exporting.busy
        assert "Exporting to PDF" in window.statusBar().currentMessage()

    target = out / "ai-chip-market.pdf"
    assert written.args == [target] and offered[0][1] == "pdf"
    data = target.read_bytes()
    assert data.startswith(b"%PDF-")
    # The Japanese face is inside the file: a subset of Noto CJK, its glyphs embedded (as a
    # font file, or as glyph programs, which is how Chromium embeds CFF fonts such as Noto CJK).
    assert re.search(rb"/FontName\s*/[A-Z]{6}\+Noto(Sans|Serif)(Mono)?CJKjp", data)
    assert b"/FontFile" in data or b"/CharProcs" in data
    assert not window.exporting.busy and window.exporting.pdf_action.isEnabled()
    assert str(target) in window.statusBar().currentMessage()


@pytest.mark.skipif(bool(preview.WEBENGINE_ERROR), reason="needs QtWebEngine")
def test_text_copied_out_of_the_pdf_is_the_posts_kanji_not_look_alike_radicals(
    make_window, blog, export_to, qtbot
):
    """Chromium maps glyphs Noto CJK shares between a kanji and a Kangxi radical (見 and ⾒) to
    the radical, so copying or searching 「見る」 in many PDF readers fails; not in ours."""
    out, _offered = export_to
    window = make_window(blog, blog / "_posts" / JA_POST)
    with qtbot.waitSignal(window.exporting.exported, timeout=60000):
        window.exporting.pdf_action.trigger()
    data = (out / "ai-chip-market.pdf").read_bytes()

    mapped = _pdf_unicode(data)
    assert set("需要を押し上げている三つの要因数字で見る市場供給側の制約生用大") <= mapped
    assert not [c for c in mapped if "\u2e80" <= c <= "\u2fdf"]
    # Still a PDF a reader opens, with the text in place (Qt's own PDF reader, pdfium).
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    assert document.load(str(out / "ai-chip-market.pdf")) == QPdfDocument.Error.None_
    text = "".join(document.getAllText(i).text() for i in range(document.pageCount()))
    assert "数字で見る市場" in text and "まとめ" in text


@pytest.mark.skipif(bool(preview.WEBENGINE_ERROR), reason="needs QtWebEngine")
def test_a_pdf_that_never_comes_is_told_and_the_action_works_again(
    make_window, blog, export_to, prompt_log, monkeypatch, qtbot
):
    from editor.ui import exporting

    out, _offered = export_to
    window = make_window(blog, blog / "_posts" / JA_POST)
    monkeypatch.setattr(exporting, "PDF_TIMEOUT_MS", 0)  # the web engine never answers in time

    with qtbot.waitSignal(window.exporting.failed, timeout=10000):
        window.exporting.pdf_action.trigger()

    (error,) = [entry for entry in prompt_log if entry[0] == "error"]
    assert "The PDF could not be made: it took more than a minute" in error[3]
    assert list(out.iterdir()) == []
    assert window.exporting.pdf_action.isEnabled() and not window.exporting.busy
    qtbot.wait(500)  # a late answer from the engine changes nothing
    assert list(out.iterdir()) == []


def test_without_the_web_engine_pdf_export_says_why_and_what_to_do(
    make_window, blog, export_to, prompt_log, monkeypatch, qtbot
):
    _out, offered = export_to
    window = make_window(blog, blog / "_posts" / JA_POST)
    monkeypatch.setattr(preview, "WEBENGINE_ERROR", "libEGL.so.1: cannot open")

    window.exporting.pdf_action.trigger()

    (error,) = [entry for entry in prompt_log if entry[0] == "error"]
    assert "libEGL.so.1" in error[3] and "Export as HTML" in error[3]
    assert offered == []  # not asked for a file it could not write


def test_a_new_post_is_offered_under_its_titles_slug_and_exports_before_it_is_saved(
    make_window, blog, export_to, qtbot
):
    from editor.core.blog.slug import slugify

    out, offered = export_to
    window = make_window(blog)
    window.new_post()
    window.document.set_field("title", "半導体の話")
    type_text(qtbot, window.editor, "まだ保存していない本文\n")

    with qtbot.waitSignal(window.exporting.exported, timeout=10000) as written:
        window.exporting.html_action.trigger()

    assert offered[0][0].name == slugify("半導体の話") + ".html"
    assert written.args[0].name == offered[0][0].name
    html = written.args[0].read_text(encoding="utf-8")
    assert "<title>半導体の話</title>" in html and "まだ保存していない本文" in html


def test_the_page_is_made_off_the_ui_thread_one_export_at_a_time(
    make_window, blog, export_to, qtbot
):
    out, offered = export_to
    window = make_window(blog, blog / "_posts" / JA_POST)

    with qtbot.waitSignal(window.exporting.exported, timeout=10000):
        assert window.exporting.export_html()
        # Back in the event loop at once; both actions wait for this export to finish.
        assert window.exporting.busy and "Exporting to HTML" in window.statusBar().currentMessage()
        assert not window.exporting.html_action.isEnabled()
        assert not window.exporting.pdf_action.isEnabled()
        assert not window.exporting.export_html()
        assert "already under way" in window.statusBar().currentMessage()

    assert len(offered) == 1 and [p.name for p in out.iterdir()] == ["ai-chip-market.html"]
    assert window.exporting.html_action.isEnabled() and window.exporting.pdf_action.isEnabled()


@pytest.mark.parametrize(
    "kind",
    [
        "html",
        pytest.param(
            "pdf",
            marks=pytest.mark.skipif(bool(preview.WEBENGINE_ERROR), reason="needs QtWebEngine"),
        ),
    ],
)
@pytest.mark.parametrize("replace", [False, True])
def test_a_name_typed_without_its_suffix_asks_before_replacing_the_file(
    make_window, blog, monkeypatch, tmp_path, qtbot, prompt_log, kind, replace
):
    out = tmp_path / "out"
    out.mkdir()
    notes = out / f"notes.{kind}"
    notes.write_text("MY NOTES", encoding="utf-8")
    # A dialog that does not add the suffix: the writer typed "notes", which does not exist,
    # so it asked nothing; "notes.html" (or .pdf) is what would be written.
    monkeypatch.setattr(prompts, "choose_export_path", lambda *a, **k: out / "notes")
    asked = []
    monkeypatch.setattr(
        prompts, "confirm_overwrite", lambda parent, path: asked.append(path) or replace
    )
    window = make_window(blog, blog / "_posts" / JA_POST)
    action = window.exporting.html_action if kind == "html" else window.exporting.pdf_action

    if not replace:
        action.trigger()
        assert asked == [notes]
        assert notes.read_text(encoding="utf-8") == "MY NOTES"
        assert sorted(p.name for p in out.iterdir()) == [notes.name]
        assert not window.exporting.busy and action.isEnabled()
        return
    with qtbot.waitSignal(window.exporting.exported, timeout=60000) as written:
        action.trigger()
    assert asked == [notes] and written.args == [notes]
    assert notes.read_bytes().startswith(b"<!DOCTYPE html>" if kind == "html" else b"%PDF-")


def test_a_new_name_is_not_asked_about(make_window, blog, monkeypatch, export_to, qtbot):
    out, _offered = export_to
    asked = []
    monkeypatch.setattr(prompts, "confirm_overwrite", lambda parent, path: asked.append(path))
    window = make_window(blog, blog / "_posts" / JA_POST)
    with qtbot.waitSignal(window.exporting.exported, timeout=10000):
        window.exporting.html_action.trigger()
    assert asked == [] and (out / "ai-chip-market.html").exists()


@pytest.mark.parametrize(("kind", "suffix"), [("html", ".html"), ("pdf", ".pdf")])
def test_the_export_dialog_adds_the_suffix_itself(monkeypatch, qtbot, tmp_path, kind, suffix):
    # The dialog adds the suffix, so its own "replace it?" question covers the final name.
    from PySide6.QtWidgets import QFileDialog

    def typed_notes(dialog):
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.selectFile("notes")
        return QFileDialog.DialogCode.Accepted

    monkeypatch.setattr(QFileDialog, "exec", typed_notes)
    assert _CHOOSE_EXPORT_PATH(None, tmp_path / f"post{suffix}", kind) == (
        tmp_path / f"notes{suffix}"
    )
