"""``tsuzuri render POST.md [--repo DIR]``: print the preview's body HTML for a post."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import yaml

from editor.cli import CliError
from editor.core.post import split_post
from editor.core.render import RenderContext, render_body
from editor.core.storage import StorageError, read_post_file, read_text_file


def add_parser(parser) -> None:
    """Arguments of ``tsuzuri render``."""
    parser.description = (
        "Render a post's body to HTML the way the preview shows it (Liquid, then kramdown-"
        "compatible Markdown), and print it."
    )
    parser.add_argument("post", help="the post file (Markdown with front matter)")
    parser.add_argument(
        "--repo",
        help="the Jekyll site folder (default: the folder above the post with _config.yml)",
    )


def find_site(post: Path) -> Path | None:
    """The nearest folder at or above the post's folder that holds a ``_config.yml``."""
    for folder in [post.parent, *post.parent.parents]:
        if (folder / "_config.yml").is_file():
            return folder
    return None


def _load_yaml(text: str, what: str) -> dict:
    try:
        data = yaml.safe_load(text) if text.strip() else {}
    except yaml.YAMLError as exc:
        print(
            f"tsuzuri: {what} is not valid YAML ({exc.__class__.__name__}); ignored",
            file=sys.stderr,
        )
        return {}
    return data if isinstance(data, dict) else {}


def run(args) -> int:
    """Print ``render_body(...).html`` for the post; errors are one line and exit status 2."""
    post = Path(args.post)
    if not os.path.lexists(post):
        raise CliError(f"no such post file: {post}")
    try:
        text = read_post_file(post).text
    except StorageError as exc:
        raise CliError(f"{post}: {exc}") from None
    if args.repo:
        site_root: Path | None = Path(args.repo)
        if not site_root.is_dir():
            raise CliError(f"no such blog folder: {site_root}")
    else:
        site_root = find_site(post.resolve())
    site = {}
    if site_root is not None and (site_root / "_config.yml").is_file():
        try:
            site = _load_yaml(read_text_file(site_root / "_config.yml"), "_config.yml")
        except StorageError as exc:
            raise CliError(f"_config.yml: {exc}") from None
    source = split_post(text)
    context = RenderContext(
        site=site,
        page=_load_yaml(source.front_matter, "the front matter"),
        blog_root=site_root.resolve() if site_root else None,
        post_path=post.resolve(),
    )
    sys.stdout.write(render_body(source.body, context).html)
    return 0
