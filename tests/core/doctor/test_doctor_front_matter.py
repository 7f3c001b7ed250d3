"""A post whose front matter does not parse is an error, so a pre-commit hook stops it."""

import pytest

from editor.cli import main
from editor.core.doctor import diagnose

pytestmark = pytest.mark.core

BROKEN = '---\ntitle: "閉じていない\ntags: [AI\n---\n\n本文です。\n'


def test_unparsable_front_matter_is_an_error_at_its_line():
    findings = [f for f in diagnose(BROKEN) if f.rule == "front-matter"]
    assert len(findings) == 1
    assert findings[0].severity == "error" and 2 <= findings[0].line <= 4
    assert "YAML" in findings[0].message_en


def test_a_valid_post_has_no_front_matter_finding():
    assert not [f for f in diagnose('---\ntitle: "題"\n---\n本文。\n') if f.rule == "front-matter"]


def test_doctor_command_exits_1_on_broken_front_matter(tmp_path, capsys):
    post = tmp_path / "2025-01-01-broken.md"
    post.write_text(BROKEN, encoding="utf-8")
    assert main(["doctor", str(post)]) == 1
    assert "front-matter" in capsys.readouterr().out
