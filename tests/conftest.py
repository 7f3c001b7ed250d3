"""Shared fixtures: paths to the corpus beside the checkout and to the bundled sample blog."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"

# QtWebEngine needs these before the QApplication exists (pytest-qt creates it lazily).
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu --disable-background-networking")


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path, monkeypatch):
    """Search indexes and other caches go to the test's own folder, never the user's."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def corpus_files(kind: str) -> list[Path]:
    """Posts of ``../shared/corpus/<kind>``; an empty list when the corpus is not beside us."""
    folder = CORPUS / kind
    return (
        sorted(p for p in folder.glob("*.md") if p.name != "SOURCES.md") if folder.is_dir() else []
    )


@pytest.fixture
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside the checkout")
    return CORPUS


def jekyll_build(site: Path, out: Path) -> Path:
    """Build ``site`` into ``out`` with the real ``jekyll`` (tests marked ``jekyll`` only)."""
    import subprocess

    subprocess.run(
        ["jekyll", "build", "-q", "-s", str(site), "-d", str(out)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return out


@pytest.fixture
def git_repos(tmp_path, monkeypatch):
    """(bare remote, clone, the sample blog in the clone's ``site/``): see tests/gitrepos.py."""
    from tests.gitrepos import isolate_git, make_repos

    isolate_git(monkeypatch, tmp_path)
    return make_repos(tmp_path)
