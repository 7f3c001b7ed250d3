"""The sidebar's 「似ている記事」: pairs of posts listed from a worker, a pair opening both posts at
the shared paragraph, and a saved post's paragraphs seen by the doctor of another."""

from __future__ import annotations

from editor.core.blog.overlap import OverlapStore, store_path

SHARED = (
    "半導体の需要はデータセンター向けに伸びており、各社は設備投資の計画を前倒しして"
    "いる。ただし在庫の積み上がりには注意が必要で、価格の下落が利益を圧迫する恐れもある。"
)
VARIANT = SHARED.replace("、", "，").replace("。", "．").replace("各社", "大手")
OWN = (
    "朝の散歩で近所の川沿いを歩いた。桜の蕾がふくらみ始めていて、春が近いことを感じる。"
    "ベンチに座って缶コーヒーを飲みながら、しばらく水面を眺めていた。"
)


def _post(blog, name, title, body):
    path = blog / "_posts" / name
    path.write_text(f"---\ntitle: {title}\n---\n\n{body}\n", encoding="utf-8")
    return path


def test_the_list_shows_the_pair_and_opens_both_posts_at_the_shared_paragraph(
    qtbot, blog, make_window
):
    first = _post(blog, "2020-01-01-chips.md", "半導体の需要", f"{SHARED}\n")
    other = _post(blog, "2020-02-01-copy.md", "写した記事", f"{OWN}\n\n## 見出し\n\n{VARIANT}\n")
    window = make_window(blog)
    similar = window.similar
    assert window.sidebar.indexOf(similar.widget) > 0
    assert similar.action in window.menus["blog"].actions()
    with qtbot.waitSignal(similar.compared, timeout=20000) as done:
        similar.action.trigger()
    assert done.args == [1]
    item = similar.list.topLevelItem(0)
    shown = [item.text(column) for column in range(4)]
    assert shown == ["100%", "1", "半導体の需要", "写した記事"]  # all of the first post's prose
    similar.list.itemActivated.emit(item, 0)
    assert window.document.path == first
    assert window.editor.textCursor().block().text() == SHARED
    paths = [view.path for view in window.views()]
    assert other in paths and first in paths


def test_a_saved_post_is_compared_by_the_doctor_of_another(qtbot, blog, make_window):
    original = _post(blog, "2020-01-01-chips.md", "半導体の需要", f"{SHARED}\n")
    later = _post(blog, "2020-02-01-later.md", "後の記事", f"{OWN}\n")
    window = make_window(blog, later)
    similar = window.similar
    with qtbot.waitSignal(similar.compared, timeout=20000):
        similar.compare()
    assert similar.list.topLevelItemCount() == 0
    # The writer pastes the paragraph and saves: the fingerprints follow the save.
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    window.editor.insertPlainText(f"\n{VARIANT}\n")
    with qtbot.waitSignal(similar.updated, timeout=20000):
        window.saving.save()
    with OverlapStore(blog, readonly=True) as store:
        assert [(s.path_a, s.path_b) for s in store.shared_paragraphs()] == [(original, later)]
    window.doctor.check_again()

    def warned():
        return [f for f in window.doctor.findings if f.rule == "repeated-across-posts"]

    qtbot.waitUntil(lambda: bool(warned()), timeout=20000)
    assert warned()[0].params["title"] == "半導体の需要"


def test_a_save_never_fingerprints_a_blog_not_compared_yet(qtbot, blog, make_window):
    later = _post(blog, "2020-02-01-later.md", "後の記事", f"{OWN}\n")
    window = make_window(blog, later)
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    window.editor.insertPlainText(f"\n{VARIANT}\n")
    with qtbot.waitSignal(window.post_saved, timeout=10000):
        window.saving.save()
    qtbot.waitUntil(lambda: not window.tasks.running, timeout=20000)
    assert not store_path(blog).exists()
