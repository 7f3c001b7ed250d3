"""``tsuzuri render POST.md [--repo DIR] [--strict]``: print the preview's body HTML for a post.

What the preview could not render as Jekyll would (shown there as a marker) is one warning line
each on stderr; the exit status stays 0 unless ``--strict`` makes it 1.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from editor.commands.common import EXIT_OK, EXIT_PROBLEMS, CliError, language, located
from editor.core.blog.posts import find_root
from editor.core.files.storage import StorageError, read_post_file, read_text_file
from editor.core.post.split import split_post
from editor.core.post.yamlload import YamlLoadError, load_yaml
from editor.core.render import RenderContext, render_body
from editor.core.render.context import warning_text
from editor.core.words import QT_TRANSLATE_NOOP, Phrase


def add_parser(parser) -> None:
    """Arguments of ``tsuzuri render``."""
    parser.description = (
        "Render a post's body to HTML the way the preview shows it (Liquid, then kramdown-"
        "compatible Markdown), and print it."
    )
    add_post_arguments(
        parser, "exit with status 1 when the preview has warnings (parts it could not render)"
    )


def add_post_arguments(parser, strict_help: str) -> None:
    """``POST``, ``--repo``, ``--strict`` and ``--lang``: a post rendered as the preview does."""
    parser.add_argument("post", help="the post file (Markdown with front matter)")
    parser.add_argument(
        "--repo",
        help="the Jekyll site folder (default: the folder above the post with _config.yml)",
    )
    parser.add_argument("--strict", action="store_true", help=strict_help)
    parser.add_argument(
        "--lang",
        choices=("ja", "en"),
        default=language(),
        help="language of the warnings",
    )


def _load_yaml(text: str, what: Phrase | str, lang: str, first_line: int = 1) -> dict:
    """The mapping in ``text``; YAML that cannot be read (alias bombs and too deep nesting
    included) is one line on stderr and an empty mapping, so the body still renders."""
    try:
        data = load_yaml(text, first_line).value if text.strip() else {}
    except YamlLoadError as exc:
        said = QT_TRANSLATE_NOOP("cli", "{what} is not used: {error}")
        message = Phrase(said, what=what, error=exc.message_in(lang)).say(lang)
        print(f"tsuzuri: {message}", file=sys.stderr)
        return {}
    return data if isinstance(data, dict) else {}


def run(args) -> int:
    """Print ``render_body(...).html`` for the post; errors are one line and exit status 2."""
    post = Path(args.post)
    body, context = load_post(post, args.repo, args.lang)
    result = render_body(body, context)
    sys.stdout.write(result.html)
    print_warnings(post, result.warnings, args.lang)
    return EXIT_PROBLEMS if args.strict and result.warnings else EXIT_OK


def print_warnings(post: Path, warnings: list[str], lang: str) -> None:
    """One line on stderr per warning, in ``lang``."""
    for warning in warnings:
        text = " ".join(warning_text(warning, lang).split())
        said = QT_TRANSLATE_NOOP("cli", "{path}: warning: {text}")
        print(Phrase(said, path=str(post), text=text).say(lang), file=sys.stderr)


def load_post(post: Path, repo: str | None, lang: str) -> tuple[str, RenderContext]:
    """A post's body and what it renders with (its blog's config, its front matter), as the
    window has them; a post or blog that cannot be read is a :class:`CliError`."""
    if not os.path.lexists(post):
        message = QT_TRANSLATE_NOOP("cli", "no such post file: {path}")
        raise CliError(Phrase(message, path=str(post)), lang)
    try:
        text = read_post_file(post).text
    except StorageError as exc:
        raise CliError(located(post, exc.message_in(lang)), lang) from None
    if repo:
        site_root: Path | None = Path(repo)
        if not site_root.is_dir():
            message = QT_TRANSLATE_NOOP("cli", "no such blog folder: {path}")
            raise CliError(Phrase(message, path=str(site_root)), lang)
    else:
        site_root = find_root(post)  # the blog's one rule: category folders included
    site = {}
    if site_root is not None and (site_root / "_config.yml").is_file():
        try:
            site = _load_yaml(read_text_file(site_root / "_config.yml"), "_config.yml", lang)
        except StorageError as exc:
            raise CliError(located("_config.yml", exc.message_in(lang)), lang) from None
    source = split_post(text)
    context = RenderContext(
        site=site,
        page=_load_yaml(
            source.front_matter,
            Phrase(QT_TRANSLATE_NOOP("cli", "the front matter")),
            lang,
            2,
        ),
        blog_root=site_root.resolve() if site_root else None,
        post_path=post.resolve(),
    )
    return source.body, context
