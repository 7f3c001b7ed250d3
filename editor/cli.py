"""Command line: ``tsuzuri [PATH]`` opens the editor; subcommands work on posts without a window.

Every subcommand lives in its own module under :mod:`editor.commands` with ``add_parser`` and
``run``; the table of them and the exit statuses are in :mod:`editor.commands.common`.
Errors are one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import multiprocessing
import os
import sys
from collections.abc import Sequence

from editor.commands.common import COMMANDS, EXIT_ERROR, CliError, language, usage_mistake
from editor.core.words import MissingTranslation
from editor.version import __version__


class _Parser(argparse.ArgumentParser):
    """Reports a usage mistake as one line (and exit status 2) instead of a usage block."""

    def error(self, message: str):  # argparse calls this and expects it not to return
        raise usage_mistake(message, self.prog)


def build_parser() -> argparse.ArgumentParser:
    """The parser for ``tsuzuri``; subcommands are added from :data:`COMMANDS`."""
    parser = _Parser(
        prog="tsuzuri",
        description="Tsuzuri, an editor for Jekyll blogs. Without a command, opens the editor "
        "on PATH (a blog folder or a post), or on the bundled sample blog.",
        epilog="Commands: "
        + (", ".join(COMMANDS) if COMMANDS else "none")
        + ". Run 'tsuzuri COMMAND --help' for each.",
    )
    parser.add_argument("--version", action="version", version=f"tsuzuri {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="open a copy of the sample blog offscreen, type into a post, preview and save it, "
        "check the file and exit (0 when every step passed)",
    )
    return parser


def _command_parser(name: str) -> tuple[argparse.ArgumentParser, object]:
    module = importlib.import_module(f"editor.commands.{COMMANDS[name]}")
    parser = _Parser(prog=f"tsuzuri {name}")
    module.add_parser(parser)
    return parser, module


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``tsuzuri`` script; returns the exit status."""
    # The doctor's check of every post and the fingerprints of many posts run in worker
    # processes: a bundled executable must answer as a worker when started as one.
    multiprocessing.freeze_support()
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] in COMMANDS:
            parser, module = _command_parser(args[0])
            return module.run(parser.parse_args(args[1:]))
        parser = build_parser()
        parser.add_argument("path", nargs="?", help="a Jekyll blog folder or a post file")
        options = parser.parse_args(args)
        if options.self_test:
            if options.path is not None:
                raise usage_mistake("--self-test takes no path", parser.prog)
            from editor.ui.selftest import run_self_test  # Qt only for the window's test

            return run_self_test()
        from editor.ui.app import run_app  # Qt is imported only when a window is wanted

        return run_app(options.path)
    except CliError as exc:
        print(f"tsuzuri: {exc.message_in(exc.lang or language())}", file=sys.stderr)
        return EXIT_ERROR
    except MissingTranslation as exc:  # an install without its catalogue: say so, in English
        print(f"tsuzuri: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `tsuzuri search … | head` closed the pipe: nothing to say
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_ERROR
    except OSError as exc:
        print(f"tsuzuri: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return EXIT_ERROR
