"""The core's and the command line's messages: worded once, in English in the code and in
Japanese in resources/i18n/tsuzuri_core_ja.ts, and nothing said that the file does not hold."""

from __future__ import annotations

import ast
import copy
import pickle
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from string import Formatter

import pytest

from editor.core.words import QT_TRANSLATE_NOOP, MissingTranslation, Phrase, say
from editor.core.words.catalogue import read_ts, ts_path

pytestmark = pytest.mark.core

ROOT = Path(__file__).resolve().parents[3]
SCANNED = ("editor/core", "editor/commands")
LUPDATE = Path(sys.executable).with_name("pyside6-lupdate")


def _lupdate(target: Path) -> None:
    lupdate = str(LUPDATE) if LUPDATE.exists() else shutil.which("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    done = subprocess.run(
        [lupdate, "-extensions", "py", "-locations", "none", *SCANNED, "-ts", str(target)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr


def test_lupdate_finds_exactly_the_messages_of_the_committed_catalogue(tmp_path):
    """Every marked message is in the .ts, and the .ts holds no message the code dropped."""
    fresh = tmp_path / "fresh.ts"
    _lupdate(fresh)
    found = set(read_ts(fresh))
    committed = set(read_ts(ts_path()))
    assert len(found) > 100
    assert sorted(found - committed) == []  # new, not yet in the committed file
    assert sorted(committed - found) == []  # obsolete: no code says it any more


def test_every_message_has_a_finished_japanese_translation():
    root = ET.parse(ts_path()).getroot()
    assert root.get("language") == "ja"
    unfinished = [
        (context.findtext("name"), message.findtext("source"))
        for context in root.iter("context")
        for message in context.iter("message")
        if message.find("translation").get("type") is not None
        or not (message.findtext("translation") or "").strip()
    ]
    assert unfinished == []


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name is not None}


def test_each_translation_has_the_placeholders_of_its_source():
    mismatched = [
        (context, source, japanese)
        for (context, source), japanese in read_ts(ts_path()).items()
        if _fields(source) != _fields(japanese)
    ]
    assert mismatched == []


def _calls(name: str):
    """Calls of the function ``name`` (not of methods of that name: ``phrase.say(lang)``)."""
    for path in sorted((ROOT / "editor").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == name:
                yield f"{path.relative_to(ROOT)}:{node.lineno}", node


def _literal(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def test_every_marked_message_is_a_literal_lupdate_can_read():
    """No f-string, variable or expression inside QT_TRANSLATE_NOOP: lupdate would collect the
    wrong text (or none) and the Japanese would never be found."""
    calls = list(_calls("QT_TRANSLATE_NOOP"))
    assert len(calls) > 100
    bad = [
        where
        for where, node in calls
        if len(node.args) != 2 or node.keywords or not all(_literal(a) for a in node.args)
    ]
    assert bad == []
    # ... and where lupdate looks for the core's messages (the window has its own catalogue)
    elsewhere = [where for where, _ in calls if not where.startswith((*SCANNED, "editor/ui/"))]
    assert elsewhere == []


def test_say_and_phrase_are_handed_marked_messages_only():
    """``say`` names its context literally and never gets a plain literal as the message (lupdate
    would not see it); a Phrase starts from a marked template, not from words of its own."""
    bad = []
    for where, node in _calls("say"):
        if where.startswith("editor/core/words/"):
            continue  # Phrase.say hands on the context its marked template carries
        if len(node.args) < 2 or not _literal(node.args[0]):
            bad.append(where)
        elif isinstance(node.args[1], ast.Constant | ast.JoinedStr):
            bad.append(where)
    for where, node in _calls("Phrase"):
        if not node.args or isinstance(node.args[0], ast.Constant | ast.JoinedStr):
            bad.append(where)
    assert bad == []


def test_a_message_is_said_in_english_or_japanese_with_its_params():
    source = QT_TRANSLATE_NOOP("files", "Could not save: {reason}")
    assert source == "Could not save: {reason}"
    assert say("files", source, "en", reason="EIO") == "Could not save: EIO"
    assert say("files", source, "ja", reason="EIO") == "保存できませんでした: EIO"


def test_a_phrase_inside_a_phrase_is_said_in_the_same_language():
    reason = Phrase(QT_TRANSLATE_NOOP("recovery", "the disk is full"))
    outer = Phrase(
        QT_TRANSLATE_NOOP(
            "recovery",
            "Unsaved changes cannot be kept for recovery in {folder}: {reason}. "
            "Your text is still in the editor; save the post to keep it.",
        ),
        folder="/f",
        reason=reason,
    )
    assert "the disk is full" in outer.say("en")
    assert "（ディスクがいっぱいです）" in outer.say("ja")
    assert outer == Phrase(outer.source, folder="/f", reason=reason) and len({outer, outer}) == 1


def test_a_copied_or_pickled_finding_is_still_worded():
    """Findings cross to worker processes and get copied; their words must survive it."""
    from editor.core.doctor import diagnose

    (finding,) = [
        f for f in diagnose("---\ntitle: a\n---\n\n本文　です。\n") if f.code == "fullwidth-space"
    ]
    for again in (copy.deepcopy(finding), pickle.loads(pickle.dumps(finding))):
        assert again == finding and again.message("ja") == "文中に全角スペースがあります"


def test_an_unmarked_or_untranslated_message_is_an_error_in_both_languages():
    for lang in ("en", "ja"):
        with pytest.raises(MissingTranslation):
            say("files", "A message nobody marked", lang)
    with pytest.raises(TypeError):
        Phrase("A message nobody marked")
