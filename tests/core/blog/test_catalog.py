"""The catalogue the post browser lists: titles, dates, states, the cache and its updates."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from editor.core.blog import catalog as catalog_module
from editor.core.blog import posts
from editor.core.blog.catalog import Catalog, Filter, doctor_key, select, sort_entries
from editor.core.blog.progress import Cancelled, Progress
from editor.core.doctor import DoctorConfig

JST = dt.timezone(dt.timedelta(hours=9))
SITE = {"timezone": "Asia/Tokyo"}


def write(root: Path, name: str, text: str) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


@pytest.fixture
def blog(tmp_path) -> Path:
    root = tmp_path / "blog"
    write(root, "_config.yml", "timezone: Asia/Tokyo\n")
    write(
        root,
        "_posts/2025-10-20-ai-chip.md",
        "---\ntitle: ＡＩチップ市場の動向\ndate: 2025-10-20 09:00:00 +0900\n"
        "categories: [テクノロジー]\ntags: [半導体, AI]\n---\n本文\n",
    )
    write(root, "_posts/2024-01-02-old.md", "---\ntitle: 古い記事\ntags: 日記 メモ\n---\n")
    write(root, "_posts/2025-11-01-hidden.md", "---\ntitle: 非公開\npublished: false\n---\n")
    write(root, "_posts/2099-01-01-later.md", "---\ntitle: 未来の記事\n---\n")
    write(root, "tech/_posts/2025-09-01-gpu.md", "---\ntitle: GPU入門\n---\n")
    write(root, "_drafts/supply-chain.md", "---\ntitle: 供給網の下書き\n---\n")
    write(root, "_posts/2025-08-01-broken.md", "---\ntitle: [unclosed\n---\n本文\n")
    write(root, "_posts/notes.md", "---\ntitle: not a post\n---\n")
    return root


def by_name(entries) -> dict[str, catalog_module.Entry]:
    return {e.path.name: e for e in entries}


def test_every_post_and_draft_is_listed_with_what_its_front_matter_says(blog):
    entries = by_name(Catalog(blog, SITE).update().entries)
    assert set(entries) == {
        "2025-10-20-ai-chip.md",
        "2024-01-02-old.md",
        "2025-11-01-hidden.md",
        "2099-01-01-later.md",
        "2025-09-01-gpu.md",
        "supply-chain.md",
        "2025-08-01-broken.md",
    }
    chip = entries["2025-10-20-ai-chip.md"]
    assert chip.title == "ＡＩチップ市場の動向"
    assert chip.date == dt.datetime(2025, 10, 20, 9, tzinfo=JST)
    assert chip.categories == ("テクノロジー",) and chip.tags == ("半導体", "AI")
    assert chip.states() == {"published"}
    assert entries["2024-01-02-old.md"].tags == ("日記", "メモ")  # a string is split, as Jekyll
    assert entries["2024-01-02-old.md"].date.date() == dt.date(2024, 1, 2)  # the file's date
    assert entries["2025-09-01-gpu.md"].categories == ("tech",)
    assert entries["2025-11-01-hidden.md"].states() == {"unpublished"}
    assert entries["2099-01-01-later.md"].states() == {"future"}
    assert entries["supply-chain.md"].states() == {"draft"}


def test_a_post_whose_front_matter_cannot_be_read_is_listed_by_its_file_name(blog):
    broken = by_name(Catalog(blog, SITE).update().entries)["2025-08-01-broken.md"]
    assert broken.title == "2025-08-01-broken"
    assert "unreadable" in broken.states()
    assert broken.date.date() == dt.date(2025, 8, 1)


def test_future_follows_now_and_the_sites_future_setting(blog):
    Catalog(blog, SITE).update()
    later = blog / "_posts" / "2099-01-01-later.md"
    after = dt.datetime(2100, 1, 1, tzinfo=JST)
    assert not by_name(Catalog(blog, SITE).cached(after))[later.name].future
    future_site = {**SITE, "future": True}
    assert not by_name(Catalog(blog, future_site).cached())[later.name].future


def test_a_warm_start_reads_no_post_and_a_change_reads_only_that_post(blog, monkeypatch):
    Catalog(blog, SITE).update()
    reads: list[Path] = []
    original = posts.read_metadata_or_none
    monkeypatch.setattr(posts, "read_metadata_or_none", lambda p: reads.append(p) or original(p))
    again = Catalog(blog, SITE)
    assert len(again.cached()) == 7 and reads == []
    update = again.update()
    assert (update.read, len(update.entries), reads) == (0, 7, [])
    post = blog / "_posts" / "2024-01-02-old.md"
    post.write_text("---\ntitle: 書き直した記事\n---\n", "utf-8")
    update = again.update()
    assert reads == [post] and update.read == 1
    assert by_name(update.entries)[post.name].title == "書き直した記事"


def test_a_removed_or_renamed_post_leaves_the_catalogue(blog):
    catalog = Catalog(blog, SITE)
    catalog.update()
    old = blog / "_posts" / "2024-01-02-old.md"
    old.rename(blog / "_posts" / "2024-01-03-old.md")
    names = set(by_name(catalog.update().entries))
    assert "2024-01-03-old.md" in names and "2024-01-02-old.md" not in names


def test_only_the_named_files_are_looked_at(blog, monkeypatch):
    catalog = Catalog(blog, SITE)
    catalog.update()
    for post in (blog / "_posts").glob("*.md"):
        post.write_text(post.read_text("utf-8") + "追記\n", "utf-8")
    stats: list[str] = []
    real_stat = os.stat
    monkeypatch.setattr(os, "stat", lambda p, *a, **k: stats.append(str(p)) or real_stat(p))
    chip = blog / "_posts" / "2025-10-20-ai-chip.md"
    assert catalog.update(only=[chip]).read == 1
    assert {s for s in stats if s.endswith(".md")} == {str(chip)}


def test_a_corrupt_cache_is_rebuilt(blog):
    catalog = Catalog(blog, SITE)
    catalog.update()
    catalog.path.write_bytes(b"not a database at all" * 100)
    for suffix in ("-wal", "-shm"):
        Path(f"{catalog.path}{suffix}").unlink(missing_ok=True)
    assert Catalog(blog, SITE).cached() == []
    assert len(Catalog(blog, SITE).update().entries) == 7


def test_another_time_zone_reads_the_dates_again(blog):
    Catalog(blog, SITE).update()
    utc = Catalog(blog, {"timezone": "UTC"})
    assert utc.cached() == []
    chip = by_name(utc.update().entries)["2025-10-20-ai-chip.md"]
    assert chip.date.utcoffset() == dt.timedelta(0) and chip.date.hour == 0


def test_a_cancelled_update_writes_nothing(blog):
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        Catalog(blog, SITE).update(progress)
    assert Catalog(blog, SITE).cached() == []


def test_filters_fold_width_case_and_kana_and_combine(blog):
    entries = Catalog(blog, SITE).update().entries
    names = lambda wanted: {e.path.name for e in select(entries, wanted)}  # noqa: E731
    assert names(Filter(text="aiチップ")) == {"2025-10-20-ai-chip.md"}  # ＡＩ = ai
    assert names(Filter(text="ちっぷ")) == {"2025-10-20-ai-chip.md"}  # kana folded
    assert names(Filter(text="supply")) == {"supply-chain.md"}  # the file name
    assert names(Filter(category="tech")) == {"2025-09-01-gpu.md"}
    assert names(Filter(tag="メモ")) == {"2024-01-02-old.md"}
    assert names(Filter(year=2024)) == {"2024-01-02-old.md"}
    assert names(Filter(state="draft")) == {"supply-chain.md"}
    assert names(Filter(state="unreadable")) == {"2025-08-01-broken.md"}
    assert names(Filter(text="記事", state="future")) == {"2099-01-01-later.md"}
    chip = blog / "_posts" / "2025-10-20-ai-chip.md"
    assert {e.path for e in select(entries, Filter(state="modified"), {str(chip): "modified"})} == {
        chip
    }


def test_sorting_by_date_newest_first_or_by_title(blog):
    entries = Catalog(blog, SITE).update().entries
    by_date = [e.path.name for e in sort_entries(entries)]
    assert by_date[:2] == ["2099-01-01-later.md", "2025-11-01-hidden.md"]
    assert by_date[-1] == "supply-chain.md"  # a draft without a date comes last
    oldest = [e.path.name for e in sort_entries(entries, "date", reverse=True)]
    assert oldest[0] == "2024-01-02-old.md"
    titles = [e.title for e in sort_entries(entries, "title")]
    assert titles == sorted(titles) and titles[0] == "2025-08-01-broken"


def test_doctor_answers_are_kept_until_the_file_or_the_settings_change(blog):
    catalog = Catalog(blog, SITE)
    catalog.update()
    asked: list[Path] = []
    broken = blog / "_posts" / "2025-08-01-broken.md"
    check = lambda p: asked.append(p) or p == broken  # noqa: E731
    key = doctor_key(DoctorConfig())
    assert catalog.check_doctor(key, check) == 7
    entries = by_name(catalog.cached())
    assert entries[broken.name].doctor_errors is True
    assert "doctor-errors" in entries[broken.name].states()
    assert entries["2024-01-02-old.md"].doctor_errors is False
    asked.clear()
    assert catalog.check_doctor(key, check) == 0 and asked == []
    broken.write_text("---\ntitle: 直した\n---\n本文\n", "utf-8")
    catalog.update()
    assert catalog.check_doctor(key, check) == 1 and asked == [broken]
    other = doctor_key(DoctorConfig(disabled=frozenset({"links", "headings"})))
    assert other == doctor_key(DoctorConfig(disabled=frozenset({"headings", "links"})))
    assert catalog.check_doctor(other, check) == 7


def test_a_cancelled_doctor_check_keeps_the_answers_it_had(blog):
    catalog = Catalog(blog, SITE)
    catalog.update()
    key = doctor_key(DoctorConfig())
    asked: list[Path] = []
    progress = Progress(lambda done, total, label: done == 3 and progress.cancel())
    with pytest.raises(Cancelled):
        catalog.check_doctor(key, lambda p: asked.append(p) or False, progress)
    assert 0 < len(asked) < 7  # stopped at the step after the cancel
    checked = [e for e in catalog.cached() if e.doctor_errors is not None]
    assert {e.path for e in checked} == set(asked)
    assert catalog.check_doctor(key, lambda p: False) == 7 - len(asked)  # only the rest
