"""``tsuzuri set``: edit front-matter fields, changing only the lines of the keys set."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from editor.commands.common import (
    EXIT_OK,
    CliError,
    language,
    located,
    require_utf8,
    storage_failure,
)
from editor.core.blog import dates
from editor.core.blog.repository import BlogRepository
from editor.core.files.storage import StorageError
from editor.core.post import fields
from editor.core.post.document import PostDocument
from editor.core.post.frontmatter import FrontMatterError
from editor.core.words import QT_TRANSLATE_NOOP, Phrase

_TRUE = ("true", "yes", "on")
_FALSE = ("false", "no", "off")


def add_parser(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``tsuzuri set``."""
    parser.description = (
        "Set front-matter fields of a post. Only the lines of the keys set change; setting a "
        "value the post already has leaves the file byte-identical. Lists are comma-separated "
        "(tags=AI,投資); reading_time is a number; dates without a zone are in the site's "
        "timezone."
    )
    parser.add_argument("post", help="the post file")
    parser.add_argument("assignments", nargs="*", metavar="KEY=VALUE", help="fields to set")
    parser.add_argument(
        "--unset", action="append", default=[], metavar="KEY", help="remove a field"
    )


def run(args: argparse.Namespace) -> int:
    """Apply every assignment, then write once, atomically; nothing is written on error."""
    path = Path(args.post)
    if not args.assignments and not args.unset:
        message = QT_TRANSLATE_NOOP("cli", "nothing to set: give KEY=VALUE or --unset KEY")
        raise CliError(Phrase(message))
    if not os.path.lexists(path):
        raise CliError(Phrase(QT_TRANSLATE_NOOP("cli", "{path}: no such post"), path=str(path)))
    repo = BlogRepository.find(path)
    try:
        document = PostDocument.load(path, repo.timezone if repo else None)
    except StorageError as exc:
        raise CliError(located(path, exc.message_in(language()))) from None
    try:
        for assignment in args.assignments:
            key, value = _split(assignment)
            document.set_field(key, _typed(key, value, document, repo))
        for key in args.unset:
            require_utf8("--unset", key)
            document.remove_field(key)
    except FrontMatterError as exc:
        raise CliError(located(path, exc.message_in(language()))) from None
    if document.is_modified:
        try:
            # Only into the blog, and only over the version read above: a program that wrote
            # to the post meanwhile keeps its change and we say so.
            document.save(inside=repo.root if repo else None)
        except StorageError as exc:
            raise CliError(located(path, storage_failure(exc, language()))) from None
    return EXIT_OK


def _split(assignment: str) -> tuple[str, str]:
    require_utf8("KEY=VALUE", assignment)
    key, sep, value = assignment.partition("=")
    if not sep or not key.strip():
        message = QT_TRANSLATE_NOOP("cli", "“{assignment}”: expected KEY=VALUE")
        raise CliError(Phrase(message, assignment=assignment))
    return key.strip(), value


def _typed(key: str, value: str, document: PostDocument, repo: BlogRepository | None) -> Any:
    """The value as the field's type (known fields, else the type the post already uses)."""
    old = document.get(key)
    if key in fields.LIST_KEYS or isinstance(old, list):
        return [item.strip() for item in value.split(",") if item.strip()]
    if key in fields.INT_KEYS or (type(old) is int and value.strip().lstrip("-").isdigit()):
        try:
            return int(value)
        except ValueError:
            message = QT_TRANSLATE_NOOP("cli", "{key}: “{value}” is not a whole number")
            raise CliError(Phrase(message, key=key, value=value)) from None
    if key in fields.BOOL_KEYS or isinstance(old, bool):
        word = value.strip().lower()
        if word in _TRUE + _FALSE:
            return word in _TRUE
        message = QT_TRANSLATE_NOOP("cli", "{key}: “{value}” is not true or false")
        raise CliError(Phrase(message, key=key, value=value))
    if key == "date":
        date = dates.parse_date(value, repo.zone if repo else None)
        if date is None:
            message = QT_TRANSLATE_NOOP(
                "cli", "date: “{value}” is not a date (use YYYY-MM-DD HH:MM:SS +0900)"
            )
            raise CliError(Phrase(message, value=value))
        if date.tzinfo is None:  # no blog, so no site zone: this machine's zone
            return date.astimezone()
        return value  # the document reads it in the site's zone and keeps an equal date
    return value
