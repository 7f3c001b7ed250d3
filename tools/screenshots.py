"""Refresh the README's screenshots: run under Xvfb with Japanese fonts installed.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python tools/screenshots.py [en]

Writes docs/images/main-window.png (a sample post), docs/images/main-window-dark.png (the same
in the dark theme), docs/images/find.png (find and replace open
on it), docs/images/tabs.png (three posts in
tabs), docs/images/outline.png (the same post in focus mode, with its outline and the
counts of a selection), docs/images/doctor.png (the messy post from ../shared/corpus/raw, when
it is there, with the doctor's findings), and, on the sample blog with 60 generated posts
beside it, docs/images/browser.png (the post browser filtered by a tag), search.png (search
across posts) and rename.png (a tag renamed across posts, listed first), in the Japanese
interface (``en``: in English, as
main-window-en.png and so on).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    from editor.ui.app import prepare_environment

    prepare_environment()
    from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication([])
    from editor.ui import i18n
    from editor.ui.main_window import MainWindow
    from editor.ui.preview import release_web_profile
    from editor.ui.settings import Settings

    def wait(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    language = "en" if sys.argv[1:] == ["en"] else "ja"
    suffix = "-en" if language == "en" else ""
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["TSUZURI_DATA_DIR"] = str(Path(tmp) / "data")
        from tools.i18n import build

        build(Path(tmp))  # today's translations, whatever .qm the checkout has
        missing = i18n.install(language, Path(tmp))
        if missing:
            print(f"screenshots: missing translations: {', '.join(missing)}", file=sys.stderr)
            return 1
        blog = Path(tmp) / "blog"
        shutil.copytree(ROOT / "resources" / "sample-blog", blog)
        sample = blog / "_posts" / "2025-10-20-ai-chip-market.md"
        shots = [
            (sample, f"main-window{suffix}.png"),
            (sample, f"main-window-dark{suffix}.png"),
            (sample, f"outline{suffix}.png"),
            (sample, f"find{suffix}.png"),
            (sample, f"tabs{suffix}.png"),
        ]
        raw = ROOT.parent / "shared" / "corpus" / "raw" / "2025-10-25-mai-image-1.md"
        if raw.is_file():
            shutil.copyfile(raw, blog / "_posts" / raw.name)
            shots.append((blog / "_posts" / raw.name, f"doctor{suffix}.png"))
        # The workspace shots: the sample blog and 60 generated posts, as a blog of some size.
        from benchmarks.blog_gen import make_blog

        workspace = Path(tmp) / "workspace"
        shutil.copytree(ROOT / "resources" / "sample-blog", workspace)
        make_blog(Path(tmp) / "generated", 60, seed=3)
        for made in sorted((Path(tmp) / "generated" / "_posts").glob("*.md"))[:60]:
            shutil.copyfile(made, workspace / "_posts" / made.name)
        workspace_post = workspace / "_posts" / sample.name
        shots += [
            (workspace_post, f"browser{suffix}.png"),
            (workspace_post, f"search{suffix}.png"),
            (workspace_post, f"rename{suffix}.png"),
        ]
        settings = Settings(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
        for post, name in shots:
            settings.set_value("ui/theme", "dark" if "-dark" in name else "light")
            window = MainWindow(settings)
            window.resize(1400, 900)
            window.open_blog(post.parent.parent)
            if name.startswith("tabs"):  # two more posts open in tabs before this one
                for other in sorted((blog / "_posts").glob("*.md"))[1:3]:
                    window.open_post(other)
            window.open_post(post)
            window.show()
            wait(3000)
            if name.startswith("doctor"):
                window.left_splitter.setSizes([260, 380, 260])
                wait(500)
            if name.startswith("outline"):
                # Focus mode on the paragraph under the second heading, a few words selected.
                window.view.focus_action.setChecked(True)
                cursor = window.editor.textCursor()
                cursor.setPosition(window.editor.toPlainText().index("特に推論"))
                cursor.movePosition(cursor.MoveOperation.Right, cursor.MoveMode.KeepAnchor, 8)
                window.editor.setTextCursor(cursor)
                window.editor.centerCursor()
                wait(1500)
            if name.startswith("find"):
                window.find.open_find(replace=True)
                window.find.bar.find_field.setText("推論")
                window.find.bar.replace_field.setText("インファレンス")
                wait(500)
            if name.startswith(("browser", "search", "rename")):
                window.main_splitter.setSizes([460, 940])
                while window.tasks.running:  # the blog read, indexed and counted
                    wait(200)
            if name.startswith("browser"):
                browser = window.post_list
                browser.tag.setCurrentIndex(max(browser.tag.findData("半導体"), 0))
                wait(500)
            if name.startswith("search"):
                window.search.show_search()
                window.search.panel.query.setText("データセンター")
                window.search.search(immediately=True)
                wait(2000)
            if name.startswith("rename"):
                window.taxonomy.rename_term("tags", "AI")
                dialog = window.taxonomy.dialog
                dialog.new.setText("人工知能")
                dialog.list_button.click()
                while dialog.plan is None:
                    wait(200)
                wait(500)
                target = ROOT / "docs" / "images" / name
                dialog.grab().save(str(target))
                print(f"wrote {target.relative_to(ROOT)}")
                dialog.close()
                for view in window.views():
                    view.document.mark_saved()
                window.close()
                continue
            target = ROOT / "docs" / "images" / name
            window.screen().grabWindow(window.winId()).save(str(target))
            print(f"wrote {target.relative_to(ROOT)}")
            for view in window.views():
                view.document.mark_saved()
            window.view.focus_action.setChecked(False)  # the next shots without focus mode
            window.close()
    release_web_profile()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
