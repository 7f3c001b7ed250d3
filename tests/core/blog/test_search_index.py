"""Search across posts: the index in the cache folder, Japanese substrings of any length,
width folding, incremental updates, a corrupt index rebuilt, two writers at once."""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest

from editor.core.blog.search import SearchIndex, index_path, trigram_supported

pytestmark = pytest.mark.core

SAMPLE = Path(__file__).resolve().parents[3] / "resources" / "sample-blog"
CHIP = "2025-10-20-ai-chip-market.md"
FUND = "2025-10-22-index-fund-basics.md"


@pytest.fixture
def blog(tmp_path: Path) -> Path:
    root = tmp_path / "blog"
    shutil.copytree(SAMPLE, root)
    return root


@pytest.fixture
def index(blog: Path, tmp_path: Path):
    with SearchIndex(blog, index_path(tmp_path / "cache", blog)) as opened:
        opened.update()
        yield opened


def _lines(path: Path) -> list[str]:
    return path.read_text("utf-8").splitlines()


def _check_hits(hits, query_text: str) -> None:
    """Every hit's line is the file's line at that number, and its span holds the match."""
    assert hits
    for hit in hits:
        assert _lines(hit.path)[hit.line - 1] == hit.text
        start, end = hit.span
        assert hit.text[start:end].lower() == query_text.lower()


def test_this_python_has_the_trigram_tokenizer():
    assert trigram_supported()


@pytest.mark.parametrize("query", ["投資", "半導体", "データセンター"])
def test_two_three_and_six_character_japanese_queries_hit(index, blog, query):
    hits = index.search(query)
    _check_hits(hits, query)
    expected = {
        (p.name, n)
        for p in [*(blog / "_posts").glob("*.md"), *(blog / "_drafts").glob("*.md")]
        for n, line in enumerate(_lines(p), 1)
        if query in line and (n > 10 or line.startswith("title:"))
    }
    assert {(h.path.name, h.line) for h in hits} >= {e for e in expected if e[1] > 10}


def test_a_title_hit_is_the_title_line_of_the_file(index, blog):
    hits = [h for h in index.search("データセンター") if h.path.name == CHIP]
    assert hits[0].line == 3
    assert hits[0].text.startswith("title:")
    assert hits[0].title == "AI半導体市場の現在地：データセンター需要はどこまで続くか"


def test_hits_come_newest_post_first_then_by_line(index):
    hits = index.search("投資")
    names = [h.path.name for h in hits]
    assert names.index(FUND) < names.index(CHIP)  # 10-22 before 10-20
    fund_lines = [h.line for h in hits if h.path.name == FUND]
    assert fund_lines == sorted(fund_lines)


def test_full_width_query_finds_half_width_text_and_back(index, blog):
    post = blog / "_posts" / CHIP
    post.write_text(post.read_text("utf-8") + "\nＧＰＵの価格は１０倍になった。\n", "utf-8")
    index.update()
    wide = [h for h in index.search("ＡＩ") if h.path.name == CHIP]
    assert any(h.text[h.span[0] : h.span[1]] == "AI" for h in wide)
    narrow = index.search("gpuの価格")
    assert [h.text[h.span[0] : h.span[1]] for h in narrow] == ["ＧＰＵの価格"]


def test_one_character_query_falls_back_and_still_hits(index):
    hits = index.search("需")
    _check_hits(hits, "需")


def test_an_edited_file_is_read_again_and_a_deleted_one_disappears(index, blog):
    assert index.search("綴り鳥の羽ばたき") == []
    post = blog / "_posts" / FUND
    post.write_text(post.read_text("utf-8") + "\n綴り鳥の羽ばたき\n", "utf-8")
    report = index.update()
    assert report.read == 1
    hits = index.search("綴り鳥の羽ばたき")
    assert [(h.path.name, h.line) for h in hits] == [(FUND, len(_lines(post)))]
    (blog / "_posts" / CHIP).unlink()
    assert index.update().dropped == 1
    assert all(h.path.name != CHIP for h in index.search("半導体"))
    assert index.update().read == 0  # nothing changed: nothing read


def test_a_new_index_object_sees_what_an_earlier_one_stored(index, blog, tmp_path):
    with SearchIndex(blog, index.path) as again:
        assert again.update().read == 0
        assert again.search("半導体")


def test_a_corrupt_index_file_is_rebuilt(blog, tmp_path):
    path = index_path(tmp_path / "cache", blog)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"this is not a database\x00" * 200)
    with SearchIndex(blog, path) as rebuilt:
        assert rebuilt.update().read == 4
        _check_hits(rebuilt.search("半導体"), "半導体")


def test_an_index_corrupted_while_open_is_rebuilt_on_next_use(blog, tmp_path):
    path = tmp_path / "cache" / "x.sqlite"
    opened = SearchIndex(blog, path)
    opened.update()
    opened.close()
    size = path.stat().st_size
    with open(path, "r+b") as f:  # keep the header, wreck the pages
        f.seek(100)
        f.write(os.urandom(size - 100))
    with SearchIndex(blog, path) as again:
        again.update()
        _check_hits(again.search("半導体"), "半導体")


def test_another_database_in_its_place_is_replaced_not_used(blog, tmp_path):
    path = tmp_path / "cache" / "x.sqlite"
    path.parent.mkdir()
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE notes(x)")
    other.commit()
    other.close()
    with SearchIndex(blog, path) as index:
        assert index.update().read == 4


def _two_at_once(opened, work) -> list[Exception]:
    """Run ``work(index)`` in two threads at once, each on its own ``opened()`` index (two
    windows on one file); the exceptions they raised."""
    start = threading.Barrier(2)
    errors = []

    def run():
        try:
            with opened() as index:
                start.wait()
                work(index)
        except Exception as exc:  # noqa: BLE001 - reported to the test
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors


def test_two_writers_at_once_leave_a_sound_index(blog, tmp_path):
    path = tmp_path / "cache" / "x.sqlite"
    for n in range(40):
        (blog / "_posts" / f"2024-01-{n % 28 + 1:02d}-p{n}.md").write_text(
            f"---\ntitle: 記事{n}\n---\n" + "半導体の話\n" * 50, "utf-8"
        )
    SearchIndex(blog, path).close()  # made once; then two connections update it at once
    assert _two_at_once(lambda: SearchIndex(blog, path), lambda index: index.update()) == []
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    db.execute("INSERT INTO fts(fts) VALUES ('integrity-check')")  # raises when out of step
    files = db.execute("SELECT count(*) FROM files").fetchone()[0]
    db.close()
    assert files == 44
    with SearchIndex(blog, path) as index:
        assert {h.path.name for h in index.search("記事39")} == {"2024-01-12-p39.md"}


def test_half_width_katakana_in_a_post_is_found_by_the_full_width_word(index, blog):
    post = blog / "_posts" / CHIP
    post.write_text(post.read_text("utf-8") + "\n初心者向けのｶﾞｲﾄﾞです。\n", "utf-8")
    index.update()
    hits = index.search("ガイド")
    assert [(h.line, h.text[h.span[0] : h.span[1]]) for h in hits] == [(len(_lines(post)), "ｶﾞｲﾄﾞ")]


def test_an_index_corrupted_under_a_search_is_rebuilt_and_answers(index, blog):
    index.search("半導体")
    other = sqlite3.connect(index.path)
    other.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # everything in the main file
    other.close()
    size = index.path.stat().st_size
    with open(index.path, "r+b") as f:  # another program wrecks the file while it is open
        f.seek(4096)
        f.write(b"\xff" * (size - 4096))
    _check_hits(index.search("半導体"), "半導体")


def test_queries_sqlite_or_fts_might_read_as_syntax_keep_the_index(index):
    for query in ("a\x00b", '"半導体', "半導体 OR x", "NEAR(", "*", "%", "_"):
        index.search(query)
    _check_hits(index.search("半導体"), "半導体")


def test_a_post_with_every_piece_of_the_query_but_not_the_query_is_no_hit(index, blog):
    post = blog / "_posts" / "2026-02-01-pieces.md"
    post.write_text("---\ntitle: 部品\n---\n半導体の話。\n導体株の話。\n半導\n体株\n", "utf-8")
    index.update()
    assert index.search("半導体株") == []
    post.write_text(post.read_text("utf-8") + "半導体株が上がった。\n", "utf-8")
    index.update()
    assert [(h.path.name, h.line) for h in index.search("半導体株")] == [(post.name, 8)]


def _vm_steps(index: SearchIndex, query: str) -> int:
    """How many SQLite virtual-machine steps a search takes (counted, not timed)."""
    steps = [0]

    def count() -> int:
        steps[0] += 1
        return 0

    index._db.set_progress_handler(count, 1)  # the connection: only a test looks at it
    try:
        index.search(query)
    finally:
        index._db.set_progress_handler(None, 1)
    return steps[0]


def _generated(root: Path, count: int) -> Path:
    from benchmarks.blog_gen import make_blog

    make_blog(root, count)
    return root


def test_a_two_character_query_no_post_holds_reads_no_post(tmp_path):
    """Short queries are answered from the trigram index, not by scanning the text: the work
    for a pair of characters in no post is the same for 10 posts and for 60."""
    steps = []
    for count in (10, 60):
        root = _generated(tmp_path / f"blog{count}", count)
        with SearchIndex(root, tmp_path / f"{count}.sqlite") as index:
            index.update()
            assert index.search("皆無") == []
            steps.append(_vm_steps(index, "皆無"))
    assert steps[1] <= steps[0] * 1.2 + 50


def test_one_and_two_characters_at_the_very_end_of_a_post_are_found(index, blog):
    post = blog / "_posts" / FUND
    post.write_bytes(post.read_bytes().rstrip() + "\n最後は鴎".encode())
    index.update()
    lines = _lines(post)
    for query in ("は鴎", "鴎"):
        assert [(h.path.name, h.line, h.text) for h in index.search(query)] == [
            (FUND, len(lines), "最後は鴎")
        ]


def test_each_body_is_stored_once(tmp_path):
    root = _generated(tmp_path / "blog", 40)
    path = tmp_path / "x.sqlite"
    with SearchIndex(root, path) as index:
        index.update()
        index._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    posts = sum(p.stat().st_size for p in root.rglob("*.md"))
    assert path.stat().st_size < 1.5 * posts  # the text once, and its trigram lists


def test_a_saved_post_alone_is_read_again(index, blog):
    post = blog / "_posts" / FUND
    post.write_text(post.read_text("utf-8") + "\n綴り鳥の羽ばたき\n", "utf-8")
    other = blog / "_posts" / CHIP
    other.write_text(other.read_text("utf-8") + "\n綴り鳥の羽ばたき\n", "utf-8")
    assert index.update_file(post) is True
    assert [h.path.name for h in index.search("綴り鳥の羽ばたき")] == [FUND]
    post.unlink()
    assert index.update_file(post) is False
    assert index.search("綴り鳥の羽ばたき") == []
    outside = blog / "notes.md"
    outside.write_text("綴り鳥の羽ばたき\n", "utf-8")
    assert index.update_file(outside) is False  # not a post: never indexed
    assert index.search("綴り鳥の羽ばたき") == []


def test_two_windows_saving_the_same_post_at_once_both_succeed(index, blog):
    post = blog / "_posts" / FUND
    post.write_text(post.read_text("utf-8") + "\n綴り鳥の羽ばたき\n", "utf-8")
    results = []

    def save(window):
        for _ in range(5):
            results.append(window.update_file(post))

    assert _two_at_once(lambda: SearchIndex(blog, index.path), save) == []
    assert results == [True] * 10
    assert [h.path.name for h in index.search("綴り鳥の羽ばたき")] == [FUND]


def test_indexing_reports_progress_and_a_cancel_keeps_what_was_finished(blog, tmp_path):
    from editor.core.blog import search as module
    from editor.core.blog.progress import Cancelled, Progress

    for n in range(9):
        (blog / "_posts" / f"2024-02-{n + 1:02d}-p{n}.md").write_text(
            f"---\ntitle: 記事{n}\n---\n綴り鳥{n}\n", "utf-8"
        )
    steps = []
    original = module.BATCH
    module.BATCH = 5
    try:
        with SearchIndex(blog, tmp_path / "x.sqlite") as index:

            def stop_after_the_first_batch(done, total, label):
                steps.append((done, total))
                if done == 5:
                    progress.cancel()

            progress = Progress(stop_after_the_first_batch)
            with pytest.raises(Cancelled):
                index.update(progress)
            # A step per batch of all 13 posts; cancelled while the second batch was written,
            # the work stops at the next step.
            assert steps == [(0, 13), (5, 13)]
            # The two batches of five were written; the third left nothing.
            assert index.update(Progress(lambda *step: steps.append(step[:2]))).read == 13 - 10
            assert steps[2:] == [(0, 3), (3, 3)]
            assert len(index.search("綴り鳥")) == 9
    finally:
        module.BATCH = original


def test_a_rebuilt_index_says_so(blog, tmp_path):
    path = index_path(tmp_path / "cache", blog)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"this is not a database\x00" * 200)
    with SearchIndex(blog, path) as index:
        assert index.update().rebuilt is True
    with SearchIndex(blog, path) as index:
        assert index.update().rebuilt is False
