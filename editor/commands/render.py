"""``tsuzuri render POST.md [--repo DIR] [--strict]``: print the preview's body HTML for a post.

What the preview could not render as Jekyll would (shown there as a marker) is one warning line
each on stderr; the exit status stays 0 unless ``--strict`` makes it 1.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from editor.commands.common import EXIT_OK, EXIT_PROBLEMS, CliError
from editor.core.blog.posts import find_root
from editor.core.files.storage import StorageError, read_post_file, read_text_file
from editor.core.post.split import split_post
from editor.core.post.yamlload import YamlLoadError, load_yaml
from editor.core.render import RenderContext, render_body
from editor.core.render.context import warning_text


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
        default="ja" if os.environ.get("LANG", "").startswith("ja") else "en",
        help="language of the warnings",
    )


def _load_yaml(text: str, what: str, first_line: int = 1) -> dict:
    """The mapping in ``text``; YAML that cannot be read (alias bombs and too deep nesting
    included) is one line on stderr and an empty mapping, so the body still renders."""
    try:
        data = load_yaml(text, first_line).value if text.strip() else {}
    except YamlLoadError as exc:
        print(f"tsuzuri: {what} is not used: {exc}", file=sys.stderr)
        return {}
    return data if isinstance(data, dict) else {}


def run(args) -> int:
    """Print ``render_body(...).html`` for the post; errors are one line and exit status 2."""
    post = Path(args.post)
    body, context = load_post(post, args.repo)
    result = render_body(body, context)
    sys.stdout.write(result.html)
    print_warnings(post, result.warnings, args.lang)
    return EXIT_PROBLEMS if args.strict and result.warnings else EXIT_OK


def print_warnings(post: Path, warnings: list[str], lang: str) -> None:
    """One line on stderr per warning, in ``lang``."""
    label = "警告" if lang == "ja" else "warning"
    for warning in warnings:
        text = " ".join(warning_text(warning, lang).split())
        print(f"{post}: {label}: {text}", file=sys.stderr)


def load_post(post: Path, repo: str | None) -> tuple[str, RenderContext]:
    """A post's body and what it renders with (its blog's config, its front matter), as the
    window has them; a post or blog that cannot be read is a :class:`CliError`."""
    if not os.path.lexists(post):
        raise CliError(f"no such post file: {post}")
    try:
        text = read_post_file(post).text
    except StorageError as exc:
        raise CliError(f"{post}: {exc}") from None
    if repo:
        site_root: Path | None = Path(repo)
        if not site_root.is_dir():
            raise CliError(f"no such blog folder: {site_root}")
    else:
        site_root = find_root(post)  # the blog's one rule: category folders included
    site = {}
    if site_root is not None and (site_root / "_config.yml").is_file():
        try:
            site = _load_yaml(read_text_file(site_root / "_config.yml"), "_config.yml")
        except StorageError as exc:
            raise CliError(f"_config.yml: {exc}") from None
    source = split_post(text)
    context = RenderContext(
        site=site,
        page=_load_yaml(source.front_matter, "the front matter", 2),
        blog_root=site_root.resolve() if site_root else None,
        post_path=post.resolve(),
    )
    return source.body, context
