"""``tsuzuri search QUERY [--repo DIR] [--json] [--limit N]``: the lines of the blog's posts and
drafts that hold QUERY, newest post first.

Prints ``path:line: text`` per matching line (the match marked when stdout is a terminal), or
with ``--json`` a list of objects (path, title, line, text, spans).  Like grep, exits 0 when
something was found, 1 when nothing was, 2 on errors.  The index is kept in
``$XDG_CACHE_HOME/tsuzuri/search/`` (default ``~/.cache``), one file per blog, and brought up to
date before each search (only changed files are read again).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from pathlib import Path

from editor.commands.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    CliError,
    language,
    require_utf8,
)
from editor.core.blog.posts import find_root
from editor.core.blog.repository import BlogRepository
from editor.core.blog.search import Hit, SearchIndex, trigram_supported
from editor.core.files.cache import blog_cache_file
from editor.core.words import QT_TRANSLATE_NOOP, Phrase

_MARK, _UNMARK = "\x1b[1;31m", "\x1b[0m"


def add_parser(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``tsuzuri search``."""
    parser.description = (
        "Search every post and draft of the blog for QUERY (full-width and half-width forms "
        "and letter case are ignored) and print the matching lines, newest post first."
    )
    parser.add_argument("query", metavar="QUERY", help="the text to look for")
    parser.add_argument(
        "--repo", help="the Jekyll site folder (default: the blog around the current folder)"
    )
    parser.add_argument("--json", action="store_true", help="print the hits as JSON")
    parser.add_argument("--limit", type=_positive, metavar="N", help="print at most N lines")
    parser.add_argument(
        "--lang", choices=("ja", "en"), default=language(), help="language of the messages"
    )


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {value!r}")
    return number


def _blog_root(repo: str | None, lang: str) -> Path:
    if repo:
        if not Path(repo).is_dir():
            message = QT_TRANSLATE_NOOP("cli", "no such blog folder: {path}")
            raise CliError(Phrase(message, path=repo), lang)
        root = find_root(Path(repo))
        if root is None:
            message = QT_TRANSLATE_NOOP(
                "cli", "not a Jekyll blog (no _config.yml or _posts folder): {path}"
            )
            raise CliError(Phrase(message, path=repo), lang)
        return root
    root = find_root(Path.cwd())
    if root is None:
        message = QT_TRANSLATE_NOOP(
            "cli", "no blog here: run it inside a Jekyll blog or name one with --repo"
        )
        raise CliError(Phrase(message), lang)
    return root


def run(args) -> int:
    """Print the hits; exit 1 when there are none."""
    lang = args.lang
    require_utf8("QUERY", args.query)
    if not args.query.strip():
        raise CliError(Phrase(QT_TRANSLATE_NOOP("cli", "the query is empty")), lang)
    if not trigram_supported():
        message = QT_TRANSLATE_NOOP(
            "cli", "search needs SQLite 3.34 or later; this Python has {version}"
        )
        raise CliError(Phrase(message, version=sqlite3.sqlite_version), lang)
    repository = BlogRepository(_blog_root(args.repo, lang))
    path = blog_cache_file("search", repository.root)
    try:
        with SearchIndex(repository.root, path, repository.zone) as index:
            index.update()
            hits = index.search(args.query, args.limit)
    except (sqlite3.Error, OSError) as exc:
        message = QT_TRANSLATE_NOOP("cli", "the search index {path} cannot be used: {error}")
        raise CliError(Phrase(message, path=str(path), error=str(exc)), lang) from None
    if args.json:
        print(json.dumps([_as_json(hit) for hit in hits], ensure_ascii=False, indent=2))
    else:
        marked = sys.stdout.isatty()
        for hit in hits:
            print(f"{_shown(hit.path)}:{hit.line}: {_marked(hit) if marked else hit.text}")
    return EXIT_OK if hits else EXIT_PROBLEMS


def _shown(path: Path) -> str:
    """A path as grep would show it: relative to the current folder when inside it."""
    try:
        return str(path.relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _marked(hit: Hit) -> str:
    parts, at = [], 0
    for start, end in hit.spans:
        parts += [hit.text[at:start], _MARK, hit.text[start:end], _UNMARK]
        at = end
    return "".join(parts) + hit.text[at:]


def _as_json(hit: Hit) -> dict:
    return {
        "path": str(hit.path),
        "title": hit.title,
        "line": hit.line,
        "text": hit.text,
        "spans": [list(span) for span in hit.spans],
    }
