"""``tsuzuri new``: create a post or draft in a Jekyll blog and print its path."""

from __future__ import annotations

import argparse

from editor.commands.common import (
    EXIT_OK,
    CliError,
    language,
    located,
    require_utf8,
    storage_failure,
)
from editor.core.blog import dates
from editor.core.blog.repository import BlogRepository, RepositoryError
from editor.core.blog.slug import SlugError
from editor.core.files.storage import StorageError
from editor.core.words import QT_TRANSLATE_NOOP, Phrase


def add_parser(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``tsuzuri new``."""
    parser.description = (
        "Create a new post in _posts/ (or a draft in _drafts/) with front matter in the "
        "blog's usual order, and print its path."
    )
    parser.add_argument("--title", required=True, help="the post's title (Japanese is fine)")
    parser.add_argument("--draft", action="store_true", help="create a draft in _drafts/")
    parser.add_argument("--repo", default=".", help="the blog folder (default: this folder)")
    parser.add_argument(
        "--date",
        help="YYYY-MM-DD [HH:MM[:SS]] [+ZZZZ]; default now; without a zone, the site's timezone",
    )
    parser.add_argument("--slug", help="the file name's slug (default: made from the title)")


def run(args: argparse.Namespace) -> int:
    """Create the post; errors are raised as :class:`CliError`."""
    repo = BlogRepository.find(args.repo)
    if repo is None:
        message = QT_TRANSLATE_NOOP(
            "cli", "{repo}: not inside a Jekyll blog (no _config.yml or _posts/)"
        )
        raise CliError(Phrase(message, repo=args.repo))
    for option in ("title", "slug", "date"):
        require_utf8(f"--{option}", getattr(args, option))
    date = None
    if args.date:
        date = dates.parse_date(args.date, repo.zone)
        if date is None:
            message = QT_TRANSLATE_NOOP(
                "cli", "--date: “{value}” is not a date (use YYYY-MM-DD HH:MM +0900)"
            )
            raise CliError(Phrase(message, value=args.date))
    if not args.title.strip():
        raise CliError(Phrase(QT_TRANSLATE_NOOP("cli", "--title: the title is empty")))
    try:
        path = repo.new_post(args.title, draft=args.draft, date=date, slug=args.slug)
    except SlugError as exc:
        raise CliError(exc.phrase) from None
    except RepositoryError as exc:
        raise CliError(exc.said) from None
    except StorageError as exc:
        raise CliError(located(exc.filename, storage_failure(exc, language()))) from None
    print(path)
    return EXIT_OK
