"""``tsuzuri doctor``: exit statuses, output lines, JSON, and --fix touching only what it fixes."""

import json

import pytest

from editor.cli import main

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
