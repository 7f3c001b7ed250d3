"""``tsuzuri doctor PATH…``: find (and with ``--fix`` repair) what arrives broken in posts.

Lists problems as ``file:line:column: severity rule: message``; exits 0 when clean, 1 when
problems (errors or warnings) remain, 2 when a file cannot be read.  ``--json`` prints the stable
format described in docs/doctor.md.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from editor.cli import EXIT_ERROR, EXIT_OK, EXIT_PROBLEMS, CliError
from editor.core.doctor import (
    DoctorConfig,
    Finding,
    all_rules,
    diagnose,
    fingerprint,
    fix_all_safe,
)
from editor.core.post import PostReadError, decode_post
from editor.core.storage import atomic_write

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
        "--lang",
        choices=("ja", "en"),
        default="ja" if os.environ.get("LANG", "").startswith("ja") else "en",
        help="language of the messages",
    )


def collect_posts(paths: list[str]) -> list[Path]:
    """Post files named by ``paths``: files as given, folders searched for Markdown posts.

    A blog folder is searched in ``_posts`` and ``_drafts``; any other folder entirely.
    """
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_file():
            found.append(path)
        elif path.is_dir():
            roots = [path / d for d in ("_posts", "_drafts") if (path / d).is_dir()] or [path]
            for root in roots:
                for dirpath, dirnames, filenames in os.walk(root):
                    dirnames[:] = sorted(d for d in dirnames if d not in _SKIP_DIRS)
                    found += [
                        Path(dirpath) / f for f in sorted(filenames) if f.endswith(_POST_SUFFIXES)
                    ]
        else:
            raise CliError(f"{name}: no such file or folder")
    return list(dict.fromkeys(found))


def blog_root_of(path: Path) -> Path | None:
    """The nearest folder above ``path`` that looks like a Jekyll blog, if any."""
    for folder in path.resolve().parents:
        if (folder / "_config.yml").is_file() or (folder / "_posts").is_dir():
            return folder
    return None


def _config(rules: str | None) -> DoctorConfig:
    if not rules:
        return DoctorConfig()
    wanted = {r.strip() for r in rules.split(",") if r.strip()}
    unknown = sorted(wanted - set(all_rules()))
    if unknown:
        raise CliError(f"unknown rule {', '.join(unknown)} (known: {', '.join(all_rules())})")
    return DoctorConfig(only=frozenset(wanted))


def _load_baseline(name: str | None) -> dict[str, set[str]]:
    """Fingerprints per file from an earlier ``--json`` report."""
    if not name:
        return {}
    try:
        document = json.loads(Path(name).read_text(encoding="utf-8"))
        return {
            path: {f["fingerprint"] for f in entry["findings"] if "fingerprint" in f}
            for path, entry in document["files"].items()
        }
    except RecursionError:
        raise CliError(f"{name}: not a doctor --json report (nested too deeply)") from None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise CliError(f"{name}: not a doctor --json report ({exc})") from None


def _check_file(path: Path, config: DoctorConfig, fix: bool) -> tuple[list[Finding], int, str]:
    """Findings left in ``path``, how many were fixed, and the text they refer to."""
    text = decode_post(path.read_bytes())
    root = blog_root_of(path)
    fixed = 0
    if fix:
        before = diagnose(text, config, root)
        repaired = fix_all_safe(text, config, root)
        if repaired != text:
            atomic_write(path, repaired.encode("utf-8"))
            findings = diagnose(repaired, config, root)
            fixed = max(0, len(before) - len(findings))
            return findings, fixed, repaired
        return before, 0, text
    return diagnose(text, config, root), fixed, text


def run(args: argparse.Namespace) -> int:
    """Check (and fix) the posts; the exit status says whether problems remain."""
    config = _config(args.rules)
    baseline = _load_baseline(args.baseline)
    posts = collect_posts(args.paths)
    results: dict[str, dict] = {}
    errors: list[dict] = []
    for path in posts:
        try:
            findings, fixed, text = _check_file(path, config, args.fix)
        except PostReadError as exc:
            errors.append({"path": str(path), "message": str(exc)})
            continue
        except OSError as exc:
            errors.append({"path": str(path), "message": exc.strerror or str(exc)})
            continue
        prints = [fingerprint(text, f) for f in findings]
        known = baseline.get(str(path), set())
        kept = [(f, p) for f, p in zip(findings, prints, strict=True) if p not in known]
        results[str(path)] = {
            "findings": [f for f, _ in kept],
            "prints": [p for _, p in kept],
            "fixed": fixed,
        }
    if args.json:
        _print_json(results, errors)
    else:
        _print_text(results, errors, args.lang, args.fix, args.notes)
    if errors:
        return EXIT_ERROR
    failing = any(f.severity in _FAILING for r in results.values() for f in r["findings"])
    return EXIT_PROBLEMS if failing else EXIT_OK


def _print_text(results: dict, errors: list[dict], lang: str, fixing: bool, notes: bool) -> None:
    for error in errors:
        print(f"tsuzuri: {error['path']}: {error['message']}", file=sys.stderr)
    hidden = 0
    for path, result in results.items():
        for f in result["findings"]:
            if f.severity == "info" and not notes:
                hidden += 1  # notes never fail a check; listing them all would drown the rest
                continue
            print(f"{path}:{f.line}:{f.column}: {f.severity} {f.rule}: {f.message(lang)}")
    if hidden:
        if lang == "ja":
            print(f"（ほかに {hidden} 件の注意を省略。--notes で表示）", file=sys.stderr)
        else:
            print(f"({hidden} note(s) not shown; --notes lists them)", file=sys.stderr)
    if fixing:
        total = sum(r["fixed"] for r in results.values())
        files = sum(1 for r in results.values() if r["fixed"])
        if lang == "ja":
            print(f"{files} 件のファイルで {total} 件の問題を修正しました", file=sys.stderr)
        else:
            print(f"fixed {total} problem(s) in {files} file(s)", file=sys.stderr)


def _print_json(results: dict, errors: list[dict]) -> None:
    counts = {"error": 0, "warning": 0, "info": 0}
    files = {}
    for path, result in results.items():
        for f in result["findings"]:
            counts[f.severity] += 1
        files[path] = {
            "fixed": result["fixed"],
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
