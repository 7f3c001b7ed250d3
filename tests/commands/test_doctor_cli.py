"""``tsuzuri doctor``: exit statuses, output lines, JSON, and --fix touching only what it fixes."""

import json
import shutil
import subprocess
import sys

import pytest

from editor.cli import main
from editor.core.doctor import plan_fixes, unified_diff
from tests.conftest import ROOT, corpus_files

pytestmark = pytest.mark.core

BROKEN = "---\ntitle: 題\nreading_time: 1\n---\n\n文章が途中で\n\n---END---\n\n続きます。\n"
CLEAN = "---\ntitle: 題\nexcerpt: 文章の話\n---\n\n落ち着いた文章です。\n"


def _write(path, text, newline="\n", bom=False):
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.replace("\n", newline).encode("utf-8")
    path.write_bytes(b"\xef\xbb\xbf" + data if bom else data)
    return path


def test_clean_post_exits_zero_and_prints_nothing(tmp_path, capsys):
    post = _write(tmp_path / "clean.md", CLEAN)
    assert main(["doctor", str(post)]) == 0
    assert capsys.readouterr().out == ""


def test_problems_are_listed_as_file_line_column_and_exit_one(tmp_path, capsys):
    post = _write(tmp_path / "broken.md", BROKEN)
    assert main(["doctor", str(post), "--rules", "continuation-marker"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [f"{post}:8:1: error continuation-marker: " + out[0].split(": ", 2)[2]]
    assert main(["doctor", str(post), "--rules", "continuation-marker", "--lang", "ja"]) == 1
    assert "途切れ" in capsys.readouterr().out


def test_fix_changes_only_the_fixed_bytes_and_keeps_crlf_and_bom(tmp_path, capsys):
    post = _write(tmp_path / "crlf.md", BROKEN, newline="\r\n", bom=True)
    assert main(["doctor", str(post), "--fix"]) == 0
    expected = BROKEN.replace("文章が途中で\n\n---END---\n\n続きます。", "文章が途中で続きます。")
    assert post.read_bytes() == b"\xef\xbb\xbf" + expected.replace("\n", "\r\n").encode()
    assert list(tmp_path.iterdir()) == [post]  # no temporary file left behind
    assert main(["doctor", str(post), "--fix"]) == 0
    assert "fixed 0" in capsys.readouterr().err


def test_invalid_utf8_is_one_line_on_stderr_and_exit_two(tmp_path, capsys):
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"---\ntitle: \xff\n---\n")
    good = _write(tmp_path / "good.md", CLEAN)
    assert main(["doctor", str(bad), str(good)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"tsuzuri: {bad}: ") and "UTF-8" in err[0]
    assert main(["doctor", str(tmp_path / "none.md")]) == 2


def test_folders_are_searched_for_posts_and_drafts(tmp_path, capsys):
    _write(tmp_path / "_config.yml", "title: blog\n")
    one = _write(tmp_path / "_posts" / "2024" / "2024-01-01-a.md", BROKEN)
    two = _write(tmp_path / "_drafts" / "b.markdown", BROKEN)
    _write(tmp_path / "_site" / "copy.md", BROKEN)
    _write(tmp_path / "README.md", BROKEN)
    assert main(["doctor", str(tmp_path), "--json", "--rules", "continuation-marker"]) == 1
    document = json.loads(capsys.readouterr().out)
    assert document["version"] == 1
    assert sorted(document["files"]) == sorted([str(one), str(two)])
    finding = document["files"][str(one)]["findings"][0]
    assert {"rule", "code", "severity", "line", "column", "start", "end", "fix"} <= set(finding)
    assert document["summary"]["errors"] == 2


def test_unknown_rule_is_an_error(tmp_path, capsys):
    post = _write(tmp_path / "a.md", CLEAN)
    assert main(["doctor", str(post), "--rules", "no-such-rule"]) == 2
    assert capsys.readouterr().err.startswith("tsuzuri: unknown rule no-such-rule")


def test_a_baseline_hides_what_was_already_there(tmp_path, capsys):
    post = _write(tmp_path / "old.md", "---\ntitle: 題\n---\n\n古い文章をを読みます。\n")
    assert main(["doctor", str(post), "--json", "--notes"]) == 0
    report = tmp_path / "baseline.json"
    report.write_text(capsys.readouterr().out, encoding="utf-8")
    post.write_text("---\ntitle: 題\n---\n\n新しい行がが増えました。\n\n古い文章をを読みます。\n")
    assert main(["doctor", str(post), "--notes", "--baseline", str(report)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1 and ":5:" in out[0] and "doubled-particle" in out[0]
    assert main(["doctor", str(post), "--baseline", str(tmp_path / "none.json")]) == 2


@pytest.mark.parametrize(
    "report",
    ["[" * 100_000 + "]" * 100_000, '{"files": []}'],
    ids=["nested-100k", "files-a-list"],
)
def test_a_baseline_that_is_no_report_is_one_line(tmp_path, capsys, report):
    post = _write(tmp_path / "a.md", CLEAN)
    baseline = tmp_path / "baseline.json"
    baseline.write_text(report, encoding="utf-8")
    assert main(["doctor", str(post), "--baseline", str(baseline)]) == 2
    err = capsys.readouterr().err
    assert (
        err.startswith(f"tsuzuri: {baseline}: not a doctor --json report") and err.count("\n") == 1
    )


RAW = corpus_files("raw")
SUBJECT = "MicrosoftがOpenAIとのパートナーシップを維持しつつも"


@pytest.fixture
def raw_post(tmp_path):
    if not RAW:
        pytest.skip("../shared/corpus/raw is not beside the checkout")
    post = tmp_path / RAW[0].name
    shutil.copyfile(RAW[0], post)
    return post


def test_json_announces_as_safe_exactly_what_fix_applies(raw_post, capsys):
    assert main(["doctor", str(raw_post), "--json"]) == 1
    entry = json.loads(capsys.readouterr().out)["files"][str(raw_post)]
    safe = [f for f in entry["findings"] if f["fix"] and f["fix"]["safe"]]
    assert (entry["to_fix"], entry["to_fix_all"], len(safe)) == (5, 6, 5)
    by_line = {f["line"]: f for f in entry["findings"]}
    assert by_line[34]["fix"]["safe"]  # the exact repeat, applied once the stitch is done
    assert not by_line[72]["fix"]["safe"] and by_line[72]["fix"]["reviewed"]

    assert main(["doctor", str(raw_post), "--fix"]) == 1
    assert "fixed 5 problem(s) in 1 file(s)" in capsys.readouterr().err
    fixed = raw_post.read_text(encoding="utf-8")
    assert SUBJECT in fixed and "---END---" not in fixed


def test_fix_all_applies_the_reviewed_fixes_keeping_the_first_take(raw_post, capsys):
    assert main(["doctor", str(raw_post), "--fix-all"]) == 1
    assert "fixed 6 problem(s) in 1 file(s)" in capsys.readouterr().err
    fixed = raw_post.read_text(encoding="utf-8")
    assert SUBJECT not in fixed
    assert fixed.count("OpenAIとのパートナーシップを維持しつつも、自社で核となる技術") == 1
    assert main(["doctor", str(raw_post), "--json"]) == 1
    entry = json.loads(capsys.readouterr().out)["files"][str(raw_post)]
    assert (entry["to_fix"], entry["to_fix_all"]) == (0, 0)


def test_dry_run_prints_the_diff_and_writes_nothing(raw_post, capsys):
    before = raw_post.read_bytes()
    assert main(["doctor", str(raw_post), "--dry-run"]) == 1
    out, err = capsys.readouterr()
    assert raw_post.read_bytes() == before
    text = before.decode("utf-8")
    assert out == unified_diff(text, plan_fixes(text).after, str(raw_post))
    assert out.startswith(f"--- {raw_post} (before)\n+++ {raw_post} (after)\n")
    assert "-reading_time: 8\n+reading_time: 21\n" in out and "\n----END---\n" in out
    assert err.strip().splitlines()[-1] == "would fix 5 problem(s) in 1 file(s); nothing written"
    assert main(["doctor", str(raw_post), "--dry-run", "--fix-all", "--lang", "ja"]) == 1
    out, err = capsys.readouterr()
    assert f"-{SUBJECT}" in out and raw_post.read_bytes() == before
    assert "6 件の問題を修正します" in err
    assert main(["doctor", str(raw_post), "--dry-run", "--json"]) == 1
    entry = json.loads(capsys.readouterr().out)["files"][str(raw_post)]
    assert entry["diff"] == unified_diff(text, plan_fixes(text).after, str(raw_post))
    assert entry["fixed"] == 0 and raw_post.read_bytes() == before
    clean = _write(raw_post.parent / "clean.md", CLEAN)
    assert main(["doctor", str(clean), "--dry-run"]) == 0
    assert capsys.readouterr().out == ""


def test_a_front_matter_nested_100k_deep_is_a_finding_not_a_crash(tmp_path):
    # libyaml's own composer recurses in C: 100,000 brackets overflowed the stack and killed
    # the process (the window runs the doctor on every post it opens). A child process keeps
    # a crash from taking the test run with it.
    post = _write(
        tmp_path / "deep.md", "---\nx: " + "[" * 100_000 + "]" * 100_000 + "\n---\n本文\n"
    )
    done = subprocess.run(
        [sys.executable, "-m", "editor", "doctor", str(post)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert done.returncode == 1, done.stderr[-300:]
    assert "nested too deeply" in done.stdout and "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("zone", "date", "expected"),
    [
        # 20:00 UTC on the 1st is already the 2nd in Tokyo: Jekyll publishes it on the 2nd.
        ("Asia/Tokyo", "2025-01-01 20:00:00 +0000", "2025-01-02"),
        ("UTC", "2024-03-24 10:00:00 +0000", "2024-03-24"),
    ],
)
def test_a_date_unlike_the_file_names_is_a_finding_that_names_the_rename(
    tmp_path, capsys, zone, date, expected
):
    (tmp_path / "_config.yml").write_text(f"timezone: {zone}\n", "utf-8")
    post = tmp_path / "_posts" / "2025-01-01-hello.md"
    post.parent.mkdir()
    body = "---\ntitle: t\ndate: {date}\n---\n本文です。\n"
    post.write_text(body.format(date=date), "utf-8")
    assert main(["doctor", str(post), "--rules", "date-filename", "--json"]) == 1
    [finding] = json.loads(capsys.readouterr().out)["files"][str(post)]["findings"]
    assert finding["rule"] == "date-filename" and finding["line"] == 3
    assert finding["message_en"].endswith(f"rename the file to {expected}-hello.md")
    assert finding["params"]["rename_to"] == str(post.with_name(f"{expected}-hello.md"))
    assert main(["doctor", str(post), "--rules", "date-filename", "--lang", "ja"]) == 1
    assert f"ファイル名を {expected}-hello.md に" in capsys.readouterr().out
    # A date on the file name's own day in the site's zone, and a draft, are fine.
    post.write_text(body.format(date="2025-01-01 08:00:00 +0900"), "utf-8")
    (tmp_path / "_config.yml").write_text("timezone: Asia/Tokyo\n", "utf-8")
    assert main(["doctor", str(post), "--rules", "date-filename"]) == 0
    draft = tmp_path / "_drafts" / "2025-01-01-draft.md"
    draft.parent.mkdir()
    draft.write_text(body.format(date="2030-05-05 00:00:00 +0900"), "utf-8")
    assert main(["doctor", str(draft), "--rules", "date-filename"]) == 0


def test_doctor_in_japanese_says_what_it_said_before_its_words_moved_to_the_catalogue(
    raw_post, capsys
):
    """The raw corpus post in Japanese: the doctor's findings and summary read as they did when
    each rule held its own Japanese (lines from that version's output)."""
    assert main(["doctor", str(raw_post), "--lang", "ja"]) == 1
    out, err = capsys.readouterr()
    lines = [line.split(": ", 2)[2] for line in out.splitlines()]
    assert "この文は 32 行目と同じ内容の繰り返しです" in lines
    assert "この文章は 58 行目とほぼ同じです（類似度 96%）" in lines
    assert "---END--- の後の部分が、前の部分の末尾 67 文字を繰り返しています" in lines
    assert "継ぎ目の印 ---END--- が残っています（後に続く文章はありません）" in lines
    assert (
        "読了時間（reading_time）は 8 分ですが、本文は約 21 分で読めます（日本語 9585 文字を毎分 500 字、"
        "英単語 226 語を毎分 200 語で計算）"
    ) in lines
    title = next(line for line in lines if line.startswith("タイトルが文字化け"))
    assert title.startswith(
        "タイトルが文字化け（U+FFFD）で終わっています。途中で切れています。候補: 「"
    )
    assert "」「" in title and " or " not in title
    assert err.splitlines() == [
        "（ほかに 12 件の注意を省略。--notes で表示）",
        "5 件は --fix で安全に修正できます（--dry-run で変更を確認）",
    ]
    # The JSON report words every finding in both languages, as the text output does.
    assert main(["doctor", str(raw_post), "--json"]) == 1
    findings = json.loads(capsys.readouterr().out)["files"][str(raw_post)]["findings"]
    shown = [f["message_ja"] for f in findings if f["severity"] != "info"]
    assert shown == lines and all("{" not in f["message_en"] for f in findings)
