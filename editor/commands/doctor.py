"""``tsuzuri doctor PATH…``: find (and with ``--fix`` repair) what arrives broken in posts.

Lists problems as ``file:line:column: severity rule: message``; exits 0 when clean, 1 when
problems (errors or warnings) remain, 2 when a file cannot be read.  ``--json`` prints the stable
format described in docs/doctor.md.  ``--fix`` applies the safe fixes, ``--fix-all`` the reviewed
ones too, ``--dry-run`` prints the change as a diff instead of writing it; all of them follow one
plan (:func:`editor.core.doctor.plan_fixes`), so the count announced is the count applied.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from pathlib import Path

from editor.commands.common import (
    EXIT_ERROR,
    EXIT_OK,
    EXIT_PROBLEMS,
    CliError,
    language,
    storage_failure,
)
from editor.core.blog import posts
from editor.core.blog.overlap import OverlapStore, store_path
from editor.core.blog.repository import BlogRepository
from editor.core.doctor import (
    DoctorConfig,
    all_rules,
    announce,
    diagnose,
    fingerprint,
    plan_fixes,
    unified_diff,
)
from editor.core.files.storage import StorageError, atomic_write, read_post_file, read_text_file
from editor.core.words import QT_TRANSLATE_NOOP, Phrase

JSON_VERSION = 1
_POST_SUFFIXES = (".md", ".markdown")
_SKIP_DIRS = {"_site", "node_modules", "vendor", ".git", ".jekyll-cache", ".bundle"}
_FAILING = ("error", "warning")


def add_parser(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``tsuzuri doctor``."""
    parser.description = "Check posts for broken text and fix what is safe to fix."
    parser.add_argument("paths", nargs="+", metavar="PATH", help="post files or blog folders")
    parser.add_argument("--json", action="store_true", help="print findings as JSON")
    parser.add_argument("--fix", action="store_true", help="apply the safe fixes in place")
    parser.add_argument(
        "--fix-all",
        action="store_true",
        help="also apply the reviewed fixes (alternate takes: the first one is kept)",
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="print the change --fix (or --fix-all) would make as a diff; write nothing",
    )
    parser.add_argument("--rules", help="comma-separated rule ids to run (default: all)")
    parser.add_argument(
        "--baseline",
        metavar="FILE",
        help="a --json report of an earlier run: only findings not in it are shown",
    )
    parser.add_argument(
        "--notes", action="store_true", help="also list notes (style suggestions and the like)"
    )
    parser.add_argument(
        "--fail-on",
        choices=("warning", "error"),
        default="warning",
        help="exit 1 when a problem this severe or worse remains (the pre-commit check: error)",
    )
    parser.add_argument(
        "--lang",
        choices=("ja", "en"),
        default=language(),
        help="language of the messages",
    )


def collect_posts(paths: list[str], lang: str | None = None) -> list[Path]:
    """Post files named by ``paths``: files as given, folders searched for Markdown posts.

    A blog folder gives the posts and drafts Jekyll reads (category folders too, see
    :mod:`editor.core.blog.posts`); any other folder is searched entirely.
    """
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_file():
            found.append(path)
        elif os.path.lexists(path) and not path.is_dir():
            found.append(path)  # a pipe, a device, a dangling link: the reader says what it is
        elif path.is_dir() and posts.find_root(path) == path.resolve():
            found += posts.post_files(path)[::-1] + posts.draft_files(path)
        elif path.is_dir():
            for dirpath, dirnames, filenames in os.walk(path):
                dirnames[:] = sorted(d for d in dirnames if d not in _SKIP_DIRS)
                found += [
                    Path(dirpath) / f for f in sorted(filenames) if f.endswith(_POST_SUFFIXES)
                ]
        else:
            message = QT_TRANSLATE_NOOP("cli", "{name}: no such file or folder")
            raise CliError(Phrase(message, name=name), lang)
    return list(dict.fromkeys(found))


def blog_root_of(path: Path) -> Path | None:
    """The nearest folder above ``path`` that looks like a Jekyll blog, if any."""
    return BlogRepository.find_root(path)


def _config(rules: str | None, lang: str | None = None) -> DoctorConfig:
    if not rules:
        return DoctorConfig()
    wanted = {r.strip() for r in rules.split(",") if r.strip()}
    unknown = sorted(wanted - set(all_rules()))
    if unknown:
        message = QT_TRANSLATE_NOOP("cli", "unknown rule {rules} (known: {known})")
        known = ", ".join(all_rules())
        raise CliError(Phrase(message, rules=", ".join(unknown), known=known), lang)
    return DoctorConfig(only=frozenset(wanted))


FIRST_COMPARISON_LIMIT = 1000
"""Above this many posts, the command line does not make a blog's fingerprints from nothing."""


def _fingerprint_blogs(paths: list[Path], lang: str | None) -> None:
    """Bring the paragraph fingerprints of the blogs holding ``paths`` up to date, so the
    "repeated from another post" rule compares with the posts as they are on disk.  A cache that
    cannot be written leaves that rule silent, with one line saying so."""
    for root in dict.fromkeys(r for r in map(blog_root_of, paths) if r is not None):
        if not store_path(root).is_file():
            count = len(posts.post_files(root)) + len(posts.draft_files(root))
            if count > FIRST_COMPARISON_LIMIT:
                # Made once by the window (or here on a smaller blog): a pre-commit check must
                # not spend minutes fingerprinting thousands of posts first.
                said = QT_TRANSLATE_NOOP(
                    "cli",
                    "{blog}: posts not compared with each other yet ({count} posts); open the "
                    "blog in Tsuzuri once (Blog > Find Similar Posts) to compare them",
                )
                print(
                    f"tsuzuri: {Phrase(said, blog=str(root), count=count).say(lang)}",
                    file=sys.stderr,
                )
                continue
        try:
            with OverlapStore(root) as store:
                store.update()
        except (OSError, sqlite3.Error) as exc:
            said = QT_TRANSLATE_NOOP("cli", "{blog}: posts not compared with each other ({error})")
            print(
                f"tsuzuri: {Phrase(said, blog=str(root), error=str(exc)).say(lang)}",
                file=sys.stderr,
            )


def _load_baseline(name: str | None, lang: str | None = None) -> dict[str, set[str]]:
    """Fingerprints per file from an earlier ``--json`` report."""
    if not name:
        return {}
    try:
        document = json.loads(read_text_file(name))  # a FIFO given by mistake cannot hang
        return {
            path: {f["fingerprint"] for f in entry["findings"] if "fingerprint" in f}
            for path, entry in document["files"].items()
        }
    except RecursionError:
        message = QT_TRANSLATE_NOOP("cli", "{name}: not a doctor --json report (nested too deeply)")
        raise CliError(Phrase(message, name=name), lang) from None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        message = QT_TRANSLATE_NOOP("cli", "{name}: not a doctor --json report ({error})")
        raise CliError(Phrase(message, name=name, error=str(exc)), lang) from None


def _check_file(path: Path, config: DoctorConfig, args: argparse.Namespace) -> dict:
    """What the doctor has to say about ``path`` (and, when fixing, what it did).

    ``findings`` are of ``text`` (the fixed text once it was written), with ``safe`` set exactly
    on those ``--fix`` applies; ``to_fix``/``to_fix_all`` are how many fixes ``--fix`` and
    ``--fix-all`` would apply to it now.
    """
    loaded = read_post_file(path)
    text = loaded.text
    root = blog_root_of(path)
    reviewed, dry_run = args.fix_all, args.dry_run
    fixed, diff, would_fix = 0, "", 0
    plan = None
    if args.fix or args.fix_all or dry_run:
        plan = plan_fixes(text, config, root, reviewed=reviewed, path=path)
        would_fix = plan.count
        if dry_run:
            diff = unified_diff(text, plan.after, str(path))
        elif plan.after != text:
            # Only inside the blog, and only over the version read: another program's write
            # made meanwhile is kept (ConflictError) rather than overwritten.
            atomic_write(path, plan.after.encode("utf-8"), loaded.fingerprint, inside=root)
            fixed, text, plan = plan.count, plan.after, None
    findings = diagnose(text, config, root, path)
    safe = plan if plan is not None and not reviewed else plan_fixes(text, config, root, path=path)
    # Only the JSON report says what --fix-all would do; it costs another plan.
    everything = plan_fixes(text, config, root, reviewed=True, path=path) if args.json else safe
    return {
        "text": text,
        "findings": announce(findings, safe),
        "fixed": fixed,
        "to_fix": safe.count,
        "to_fix_all": everything.count,
        "diff": diff,
        "would_fix": would_fix,
    }


def run(args: argparse.Namespace) -> int:
    """Check (and fix) the posts; the exit status says whether problems remain."""
    config = _config(args.rules, args.lang)
    baseline = _load_baseline(args.baseline, args.lang)
    posts = collect_posts(args.paths, args.lang)
    results: dict[str, dict] = {}
    errors: list[dict] = []
    if config.enabled("repeated-across-posts"):
        _fingerprint_blogs(posts, args.lang)
    for path in posts:
        try:
            checked = _check_file(path, config, args)
        except StorageError as exc:
            errors.append(
                {
                    "path": str(path),
                    "message": storage_failure(exc),
                    "message_ja": storage_failure(exc, "ja"),
                }
            )
            continue
        except OSError as exc:
            errors.append({"path": str(path), "message": exc.strerror or str(exc)})
            continue
        findings, text = checked.pop("findings"), checked.pop("text")
        prints = [fingerprint(text, f) for f in findings]
        known = baseline.get(str(path), set())
        kept = [(f, p) for f, p in zip(findings, prints, strict=True) if p not in known]
        results[str(path)] = {
            "findings": [f for f, _ in kept],
            "prints": [p for _, p in kept],
            **checked,
        }
    if args.json:
        _print_json(results, errors, args.dry_run)
    else:
        _print_text(results, errors, args)
    if errors:
        return EXIT_ERROR
    severities = _FAILING if args.fail_on == "warning" else {"error"}
    failing = any(f.severity in severities for r in results.values() for f in r["findings"])
    return EXIT_PROBLEMS if failing else EXIT_OK


def _print_text(results: dict, errors: list[dict], args: argparse.Namespace) -> None:
    lang = args.lang
    for error in errors:
        message = error.get("message_ja") if lang == "ja" else None
        print(f"tsuzuri: {error['path']}: {message or error['message']}", file=sys.stderr)
    if args.dry_run:
        for result in results.values():
            sys.stdout.write(result["diff"])
        total = sum(r["would_fix"] for r in results.values())
        files = sum(1 for r in results.values() if r["would_fix"])
        said = QT_TRANSLATE_NOOP(
            "cli", "would fix {total} problem(s) in {files} file(s); nothing written"
        )
        print(Phrase(said, total=total, files=files).say(lang), file=sys.stderr)
        return
    hidden = 0
    for path, result in results.items():
        for f in result["findings"]:
            if f.severity == "info" and not args.notes:
                hidden += 1  # notes never fail a check; listing them all would drown the rest
                continue
            print(f"{path}:{f.line}:{f.column}: {f.severity} {f.rule}: {f.message(lang)}")
    if hidden:
        said = QT_TRANSLATE_NOOP("cli", "({hidden} note(s) not shown; --notes lists them)")
        print(Phrase(said, hidden=hidden).say(lang), file=sys.stderr)
    if args.fix or args.fix_all:
        total = sum(r["fixed"] for r in results.values())
        files = sum(1 for r in results.values() if r["fixed"])
        said = QT_TRANSLATE_NOOP("cli", "fixed {total} problem(s) in {files} file(s)")
        print(Phrase(said, total=total, files=files).say(lang), file=sys.stderr)
    fixable = sum(r["to_fix"] for r in results.values())
    if fixable:
        said = QT_TRANSLATE_NOOP(
            "cli",
            "{fixable} problem(s) can be fixed safely with --fix (--dry-run shows the change)",
        )
        print(Phrase(said, fixable=fixable).say(lang), file=sys.stderr)


def _print_json(results: dict, errors: list[dict], dry_run: bool) -> None:
    counts = {"error": 0, "warning": 0, "info": 0}
    files = {}
    for path, result in results.items():
        for f in result["findings"]:
            counts[f.severity] += 1
        files[path] = {
            "fixed": result["fixed"],
            "to_fix": result["to_fix"],
            "to_fix_all": result["to_fix_all"],
            **({"diff": result["diff"]} if dry_run else {}),
            "findings": [
                {**f.to_dict(), "fingerprint": p}
                for f, p in zip(result["findings"], result["prints"], strict=True)
            ],
        }
    document = {
        "version": JSON_VERSION,
        "files": files,
        "unreadable": errors,
        "summary": {"files": len(results), **{f"{k}s": v for k, v in counts.items()}},
    }
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
