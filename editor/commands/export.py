"""``tsuzuri export POST.md --html OUT [--repo DIR] [--css FILE]``: the post as one HTML file.

The file is what File ▸ Export as HTML writes: the preview's body and light stylesheets inside,
local images as ``data:`` URIs, no script.  What could not be embedded (a missing image) is one
warning line each on stderr; the exit status stays 0 unless ``--strict`` makes it 1.  ``-`` as
OUT prints the page.  PDF needs the window's web engine (File ▸ Export as PDF).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from editor.commands.common import EXIT_OK, EXIT_PROBLEMS, CliError, require_utf8, storage_failure
from editor.commands.render import add_post_arguments, load_post, print_warnings
from editor.core.files.storage import StorageError, atomic_write
from editor.core.render.export import export_post
from editor.ui.resources import preview_stylesheets


def add_parser(parser) -> None:
    """Arguments of ``tsuzuri export``."""
    parser.description = (
        "Write a post as one standalone HTML file: the preview's rendering with its styles, "
        "local images inside the file, no script."
    )
    add_post_arguments(
        parser, "exit with status 1 when something could not be embedded or rendered"
    )
    parser.add_argument(
        "--html", required=True, metavar="OUT", help="the HTML file to write (- prints it)"
    )
    parser.add_argument("--css", help="the blog's own stylesheet instead of Tsuzuri's")


def run(args) -> int:
    """Write the standalone page; errors are one line and exit status 2."""
    require_utf8("OUT", args.html)
    post = Path(args.post)
    css = Path(args.css) if args.css else None
    if css is not None and not css.is_file():
        raise CliError(f"no such stylesheet: {css}")
    out = Path(args.html)
    if (
        args.html != "-"
        and os.path.lexists(post)
        and os.path.realpath(out) == os.path.realpath(post)
    ):
        raise CliError(f"{out}: an export cannot be written over the post itself")
    if args.html != "-" and not out.parent.is_dir():
        raise CliError(f"no such folder for the HTML file: {out.parent}")
    body, context = load_post(post, args.repo)
    title = context.page.get("title")
    result = export_post(
        body,
        context,
        title=str(title) if title is not None else "",
        stylesheets=preview_stylesheets(css),
    )
    if args.html == "-":
        sys.stdout.write(result.html)
    else:
        try:
            atomic_write(out, result.html.encode("utf-8"))
        except StorageError as exc:
            raise CliError(f"{out}: {storage_failure(exc, args.lang)}") from None
    print_warnings(post, result.warnings, args.lang)
    return EXIT_PROBLEMS if args.strict and result.warnings else EXIT_OK
