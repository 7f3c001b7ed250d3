"""Paragraphs repeated across the blog's posts: fingerprints, the store, pairs, the doctor's rule."""

from __future__ import annotations

import os
import sqlite3

import pytest

from editor.cli import main
from editor.core.blog.overlap import OverlapStore, paragraphs, store_path
from editor.core.blog.progress import Cancelled, Progress
from editor.core.doctor import DoctorConfig, diagnose

pytestmark = pytest.mark.core

SHARED = (
    "半導体の需要はデータセンター向けに伸びており、各社は設備投資の計画を前倒しして"
    "いる。ただし在庫の積み上がりには注意が必要で、価格の下落が利益を圧迫する恐れもある。"
)
# The same paragraph as another writer pasted it: full-width letters and digits, other commas
# and full stops, a space added, one word changed (各社 -> 大手).
SHARED_VARIANT = (
    "半導体の需要はデータセンター向けに伸びており，大手は設備投資の計画を前倒しして"
    "いる． ただし在庫の積み上がりには注意が必要で，価格の下落が利益を圧迫する恐れもある．"
)
FOOTER = (
    "この記事は投資の勧誘を目的としたものではありません。投資の判断はご自身の責任でお願い"
    "いたします。記事の内容は執筆時点の情報に基づいています。"
)
OWN = [
    "朝の散歩で近所の川沿いを歩いた。桜の蕾がふくらみ始めていて、春が近いことを感じる。"
    "ベンチに座って缶コーヒーを飲みながら、しばらく水面を眺めていた。",
    "週末は図書館で古い雑誌を読んだ。昭和の広告には今では見かけない言い回しが多く、"
    "当時の暮らしぶりが伝わってくる。帰りに商店街でコロッケを買った。",
    "新しいキーボードを試している。打鍵感は軽いが、長く書いていると指が疲れにくいのが"
    "ありがたい。配列にはまだ慣れず、記号の位置でよく迷う。",
    "料理の練習として、今週は毎日味噌汁を作ることにした。出汁を昆布と鰹節で取ると、"
    "同じ味噌でも香りがまるで違う。具は豆腐とわかめが定番だ。",
    "旅行の計画を立てている。新幹線で金沢まで行き、兼六園と近江町市場を回る予定だ。"
    "冬の日本海側は天気が変わりやすいので、傘を忘れないようにしたい。",
    "子どもの頃に通った駄菓子屋が閉店すると聞いた。店先の十円ゲームや、くじ付きの"
    "ガムが懐かしい。最後にもう一度だけ寄ってみようと思う。",
]


def _post(root, name, title, paragraphs_, folder="_posts"):
    path = root / folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    body = "\n\n".join(paragraphs_)
    path.write_text(f"---\ntitle: {title}\n---\n\n{body}\n", encoding="utf-8")
    return path


@pytest.fixture
def blog(tmp_path):
    root = tmp_path / "blog"
    root.mkdir()
    (root / "_config.yml").write_text("title: t\n", encoding="utf-8")
    return root


def _store(root):
    store = OverlapStore(root)
    store.update()
    return store


def test_a_pasted_paragraph_with_other_width_and_punctuation_is_found_across_two_posts(blog):
    a = _post(blog, "2025-01-01-chips.md", "半導体の話", [OWN[0], SHARED, OWN[1]])
    b = _post(blog, "2025-02-01-market.md", "市場の話", [OWN[2], "## 見出し", SHARED_VARIANT])
    _post(blog, "2025-03-01-walk.md", "散歩", [OWN[3], OWN[4]])
    with _store(blog) as store:
        shared = store.shared_paragraphs()
        pairs = store.pairs()
    assert [(s.path_a.name, s.line_a, s.path_b.name, s.line_b) for s in shared] == [
        (a.name, 6, b.name, 8)
    ]
    assert 0.55 <= shared[0].similarity < 1.0
    assert [(p.path_a.name, p.path_b.name, p.shared) for p in pairs] == [(a.name, b.name, 1)]
    assert pairs[0].similarity == pytest.approx(1 / 2)  # one of b's two compared paragraphs


def test_a_footer_in_many_posts_is_boilerplate_and_never_flagged(blog):
    paths = [
        _post(blog, f"2025-01-0{n + 1}-p{n}.md", f"記事{n}", [OWN[n], FOOTER]) for n in range(5)
    ]
    with _store(blog) as store:
        assert store.shared_paragraphs() == []
        assert store.pairs() == []
    config = DoctorConfig(only=frozenset({"repeated-across-posts"}))
    text = paths[0].read_text(encoding="utf-8")
    assert diagnose(text, config, blog, paths[0]) == []
    for path in paths[2:]:  # left in two posts only, the same paragraph is a repeat
        path.unlink()
    with _store(blog) as store:
        assert len(store.shared_paragraphs()) == 1
    assert len(diagnose(text, config, blog, paths[0])) == 1


def test_the_doctor_names_the_other_post_and_marks_the_repeated_paragraph(blog):
    other = _post(blog, "2024-12-24-original.md", "最初に書いた記事", [OWN[0], SHARED])
    post = _post(blog, "2025-01-10-copy.md", "写した記事", [OWN[1], SHARED_VARIANT, OWN[2]])
    _store(blog).close()
    text = post.read_text(encoding="utf-8")
    config = DoctorConfig(only=frozenset({"repeated-across-posts"}))
    (finding,) = diagnose(text, config, blog, post)
    assert finding.severity == "warning" and finding.fix is None
    assert text[finding.start : finding.end] == SHARED_VARIANT
    assert finding.line == 7  # the variant's line in the file, front matter counted
    assert finding.params["title"] == "最初に書いた記事"
    assert finding.params["file"] == "_posts/2024-12-24-original.md"
    assert finding.params["other_line"] == 7
    assert "最初に書いた記事" in finding.message("en") and other.name in finding.message("en")
    assert "最初に書いた記事" in finding.message("ja") and "行目" in finding.message("ja")
    # The original is told about the copy too, and the rule can be switched off or made strict.
    (back,) = diagnose(other.read_text(encoding="utf-8"), config, blog, other)
    assert back.params["title"] == "写した記事"
    assert diagnose(text, DoctorConfig(disabled=frozenset({"repeated-across-posts"})), blog, post)
    strict = DoctorConfig(only=config.only, across_similarity=1.0)
    assert diagnose(text, strict, blog, post) == []


def test_without_a_store_or_a_blog_the_rule_finds_nothing(blog):
    _post(blog, "2024-12-24-original.md", "最初", [SHARED])
    post = _post(blog, "2025-01-10-copy.md", "写し", [SHARED])
    text = post.read_text(encoding="utf-8")
    config = DoctorConfig(only=frozenset({"repeated-across-posts"}))
    assert not store_path(blog).exists()
    assert diagnose(text, config, blog, post) == []
    assert diagnose(text, config, None, post) == []


def test_code_headings_lists_and_short_lines_are_not_compared():
    code = "```\n" + SHARED + "\n```"
    text = f"---\ntitle: {SHARED}\n---\n\n# {SHARED}\n\n{code}\n\n- {SHARED}\n\n短い一文です。\n"
    assert paragraphs(text) == []
    quoted = f"---\ntitle: t\n---\n\n> {SHARED}\n"
    assert [p.line for p in paragraphs(quoted)] == [4]


def test_update_reads_only_what_changed_and_a_save_is_seen(blog):
    a = _post(blog, "2025-01-01-a.md", "A", [OWN[0], OWN[1]])
    b = _post(blog, "2025-01-02-b.md", "B", [OWN[2], OWN[3]])
    _post(blog, "2025-01-03-c.md", "C", [OWN[4]])
    with OverlapStore(blog) as store:
        assert store.update() == 3
        assert store.update() == 0
        assert store.shared_paragraphs() == []
        b.write_text(b.read_text(encoding="utf-8") + "\n" + OWN[0] + "\n", encoding="utf-8")
        assert store.update() == 1
        assert [(s.path_a, s.path_b) for s in store.shared_paragraphs()] == [(a, b)]
        a.unlink()
        assert store.update() == 0
        assert store.shared_paragraphs() == []


def test_a_cancelled_update_leaves_the_store_whole_and_the_next_one_finishes(blog):
    for n in range(4):
        _post(blog, f"2025-01-0{n + 1}-p.md", str(n), [OWN[n]])
    progress = Progress(lambda done, total, label: progress.cancel() if done == 1 else None)
    with OverlapStore(blog) as store:
        with pytest.raises(Cancelled):
            store.update(progress)
        assert store.update() == 4


def test_a_corrupt_store_is_made_again(blog):
    _post(blog, "2025-01-01-a.md", "A", [SHARED])
    _post(blog, "2025-01-02-b.md", "B", [SHARED])
    path = store_path(blog)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a database at all" * 100)
    with _store(blog) as store:
        assert len(store.shared_paragraphs()) == 1


def test_a_lookup_costs_the_same_on_a_larger_blog(blog):
    """The doctor's question is answered by fingerprint: unrelated posts add no statements."""
    post = _post(blog, "2025-01-10-copy.md", "写し", [SHARED, OWN[0]])
    _post(blog, "2024-01-01-original.md", "元", [SHARED])

    def statements():
        with _store(blog).__class__(blog, readonly=True) as store:
            count = []
            store._db.set_trace_callback(count.append)
            assert len(store.lookup(paragraphs(post.read_text(encoding="utf-8")), post)) == 1
            return len(count)

    _store(blog).close()
    small = statements()
    for n in range(40):
        filler = "".join(chr(0x4E00 + (n * 977 + i * 131) % 20000) for i in range(80))
        _post(blog, f"2023-02-{n % 28 + 1:02d}-f{n}.md", f"f{n}", [filler])
    _store(blog).close()
    assert statements() == small


def test_the_command_line_doctor_compares_the_posts_of_the_blog(blog, capsys):
    _post(blog, "2024-12-24-original.md", "最初に書いた記事", [OWN[0], SHARED])
    post = _post(blog, "2025-01-10-copy.md", "写した記事", [OWN[1], SHARED_VARIANT])
    assert main(["doctor", str(post), "--rules", "repeated-across-posts"]) == 1
    (line,) = capsys.readouterr().out.splitlines()
    assert line.startswith(f"{post}:7:1: warning repeated-across-posts: ")
    assert "最初に書いた記事" in line and "_posts/2024-12-24-original.md" in line


def test_an_unwritable_cache_is_one_line_and_the_other_rules_still_run(blog, capsys, monkeypatch):
    post = _post(blog, "2025-01-10-copy.md", "写し", [SHARED])
    blocker = blog.parent / "cache-is-a-file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert main(["doctor", str(post)]) in (0, 1)
    err = [line for line in capsys.readouterr().err.splitlines() if "not compared" in line]
    assert len(err) == 1 and err[0].startswith("tsuzuri: ")
    assert not os.path.exists(blocker / "tsuzuri")
    with pytest.raises((OSError, sqlite3.Error)):
        OverlapStore(blog)


def test_listing_pairs_can_be_cancelled_and_moves_the_bar(blog):
    for n in range(4):
        _post(blog, f"2025-01-0{n + 1}-p.md", str(n), [OWN[n], SHARED])
    steps = []

    def on_step(done, total, label):
        steps.append((done, total))
        progress.cancel()  # the writer presses Cancel as soon as the bar appears

    progress = Progress(on_step)
    with _store(blog) as store:
        store.shared_paragraphs(progress=Progress(lambda d, t, _l: steps.append((d, t))))
        assert steps[-1][0] == steps[-1][1] > 0
        steps.clear()
        with pytest.raises(Cancelled):
            store.pairs(progress=progress)


def test_many_changed_posts_are_fingerprinted_by_worker_processes_with_the_same_result(
    blog, tmp_path, monkeypatch
):
    from editor.core.blog import overlap

    for n in range(overlap.PARALLEL_FROM + 6):
        own = [f"{OWN[n % len(OWN)]}この段落は{n}番目の記事だけにある。"]
        _post(blog, f"2025-01-{1 + n % 28:02d}-own-{n}.md", f"記事{n}", own)
    one = _post(blog, "2025-03-01-a.md", "一つ目", [SHARED, OWN[0]])
    two = _post(blog, "2025-03-02-b.md", "二つ目", [OWN[1], SHARED_VARIANT])
    started: list[int] = []
    real_pool = overlap.concurrent.futures.ProcessPoolExecutor
    monkeypatch.setattr(
        overlap.concurrent.futures,
        "ProcessPoolExecutor",
        lambda **kw: started.append(kw["max_workers"]) or real_pool(**kw),
    )
    with OverlapStore(blog, tmp_path / "parallel.sqlite") as store:
        assert store.update() == overlap.PARALLEL_FROM + 8
        parallel = store.lookup(paragraphs(two.read_text("utf-8")), exclude=two)
    monkeypatch.setattr(overlap, "PARALLEL_FROM", 10_000)
    with OverlapStore(blog, tmp_path / "serial.sqlite") as store:
        store.update()
        serial = store.lookup(paragraphs(two.read_text("utf-8")), exclude=two)
    assert len(started) == (1 if (os.cpu_count() or 1) > 1 else 0)
    assert [(r.path, r.line) for r in parallel] == [(r.path, r.line) for r in serial]
    assert [r.path for r in parallel] == [one]


def test_the_command_line_does_not_fingerprint_a_large_blog_from_nothing(blog, capsys, monkeypatch):
    from editor.commands import doctor

    monkeypatch.setattr(doctor, "FIRST_COMPARISON_LIMIT", 1)
    _post(blog, "2024-12-24-original.md", "最初に書いた記事", [OWN[0], SHARED])
    post = _post(blog, "2025-01-10-copy.md", "写した記事", [OWN[1], SHARED_VARIANT])
    assert main(["doctor", str(post), "--rules", "repeated-across-posts"]) == 0
    out, err = capsys.readouterr()
    assert out == "" and "(2 posts)" in err and "Find Similar Posts" in err
    assert not store_path(blog).exists()
    with OverlapStore(blog) as store:  # made once (by the window): then it is kept up to date
        store.update()
    assert main(["doctor", str(post), "--rules", "repeated-across-posts"]) == 1
