"""Build the corpus with the real Jekyll, render it with the preview, and score the agreement.

Jekyll runs once, offline, on a temporary site holding every post; each layout is only a marker
comment around ``{{ content }}`` so the post body can be cut out of whichever file Jekyll wrote.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from editor.core.post.split import decode_post, split_post
from tests.conftest import corpus_files
from tests.fidelity.baseline import Measured, fingerprint
from tests.fidelity.compare import Comparison, compare

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CASES = HERE / "cases"

SITE_CONFIG = {
    "title": "テストブログ",
    "description": "プレビューの検証用サイト",
    "url": "https://blog.example.com",
    "baseurl": "",
    "markdown": "kramdown",
    "kramdown": {"input": "GFM"},
    "timezone": "Asia/Tokyo",
    "future": True,
    "defaults": [{"scope": {"path": ""}, "values": {"layout": "post"}}],
}
_MARK = re.compile(r"<!--TSUZURI-BEGIN (.*?)-->\n(.*?)<!--TSUZURI-END-->", re.DOTALL)
_LAYOUT = "<!--TSUZURI-BEGIN {{ page.path }}-->\n{{ content }}<!--TSUZURI-END-->\n"


@dataclass
class PostResult:
    """One post's comparison, with where it came from."""

    name: str
    group: str
    comparison: Comparison
    source: str = ""  # fingerprint of the post's bytes

    def measured(self) -> Measured:
        """The post as the baseline records it."""
        differing = [block for expected, _ in self.comparison.differences for block in expected]
        return Measured(f"{self.group}/{self.name}", self.source, self.comparison.agreed, differing)


def corpus_posts() -> list[tuple[str, Path]]:
    """(group, path) of every post measured: the shared corpus (fidelity, real, raw) plus our
    own cases."""
    posts = [(group, path) for group in ("fidelity", "real", "raw") for path in corpus_files(group)]
    return posts + [("cases", p) for p in sorted(CASES.glob("*.md"))]


def jekyll_available() -> bool:
    """True when a ``jekyll`` command is on PATH."""
    return shutil.which("jekyll") is not None


def _layout_names(posts: list[tuple[str, Path]]) -> set[str]:
    names = {"post", "default", "page"}
    for _, path in posts:
        front = split_post(decode_post(path.read_bytes())).front_matter
        found = re.search(r"^layout:\s*['\"]?([\w-]+)", front, re.MULTILINE)
        if found:
            names.add(found.group(1))
    return names


def make_site(site: Path, posts: list[tuple[str, Path]]) -> None:
    """Write a Jekyll site at ``site`` with the posts, layouts, includes and assets."""
    (site / "_posts").mkdir(parents=True)
    (site / "_layouts").mkdir()
    (site / "_config.yml").write_text(yaml.safe_dump(SITE_CONFIG, allow_unicode=True), "utf-8")
    for name in _layout_names(posts):
        (site / "_layouts" / f"{name}.html").write_text(_LAYOUT, "utf-8")
    for _, path in posts:
        shutil.copyfile(path, site / "_posts" / path.name)
    for extra in ("_includes", "assets"):
        if (CASES / extra).is_dir():
            shutil.copytree(CASES / extra, site / extra)


def build_jekyll(site: Path) -> dict[str, str]:
    """Run ``jekyll build`` on ``site``; returns post file name -> body HTML."""
    dest = site / "_site"
    subprocess.run(
        ["jekyll", "build", "--quiet", "--source", str(site), "--destination", str(dest)],
        check=True,
        capture_output=True,
        cwd=site,
        timeout=300,
    )
    bodies = {}
    for html_file in dest.rglob("*.html"):
        for match in _MARK.finditer(html_file.read_text("utf-8")):
            bodies[Path(match.group(1)).name] = match.group(2)
    return bodies


def render_post(path: Path, site: Path) -> str:
    """The preview's body HTML for a post inside ``site``."""
    from editor.core.render import RenderContext, render_body

    source = split_post(decode_post(path.read_bytes()))
    page = yaml.safe_load(source.front_matter) if source.front_matter.strip() else {}
    context = RenderContext(
        site=SITE_CONFIG,
        page=page if isinstance(page, dict) else {},
        blog_root=site,
        post_path=site / "_posts" / path.name,
    )
    return render_body(source.body, context).html


def measure(jekyll_bodies: dict[str, str], site: Path, posts) -> list[PostResult]:
    """Compare every post's preview with Jekyll's output."""
    results = []
    for group, path in posts:
        expected = jekyll_bodies.get(path.name)
        if expected is None:
            raise RuntimeError(f"Jekyll wrote no page for {path.name}")
        actual = render_post(site / "_posts" / path.name, site)
        source = fingerprint(path.read_bytes())
        results.append(PostResult(path.name, group, compare(expected, actual), source))
    return results


def report(results: list[PostResult]) -> tuple[str, dict]:
    """A printable table and a JSON-ready summary of the results."""
    lines = [f"{'post':<72} {'blocks':>6} {'same':>6} {'score':>7}"]
    for r in results:
        c = r.comparison
        lines.append(
            f"{r.group[:4] + '/' + r.name[:67]:<72} {c.total:>6} {c.matched:>6} {c.score:>7.1%}"
        )
    summary = {"groups": {}, "posts": []}
    for group in sorted({r.group for r in results}) + ["total"]:
        chosen = [r for r in results if group in ("total", r.group)]
        matched = sum(r.comparison.matched for r in chosen)
        total = sum(r.comparison.total for r in chosen)
        score = matched / total if total else 1.0
        summary["groups"][group] = {
            "matched": matched,
            "blocks": total,
            "score": score,
            "posts": len(chosen),
        }
        lines.append(f"{'== ' + group:<72} {total:>6} {matched:>6} {score:>7.1%}")
    for r in results:
        summary["posts"].append(
            {
                "name": r.name,
                "group": r.group,
                "blocks": r.comparison.total,
                "matched": r.comparison.matched,
                "score": r.comparison.score,
                "differences": [
                    {"jekyll": exp, "preview": act} for exp, act in r.comparison.differences
                ],
            }
        )
    summary["score"] = summary["groups"]["total"]["score"]
    summary["measured"] = [r.measured() for r in results]
    return "\n".join(lines), summary


# The corpora rules were tuned on, and the one kept aside to show how the rules generalise.
TUNED = {"cases": "our cases, `tests/fidelity/cases/`", "fidelity": "shared `fidelity/`"}
TUNED["raw"] = "shared `raw/` (the blog's own post)"
UNSEEN = {"real": "shared `real/` (kept aside: rules follow kramdown's spec, not these posts)"}


def figures(summary: dict) -> str:
    """The agreement by corpus as a Markdown table, tuned-on and unseen posts apart."""
    groups = summary["groups"]
    rows = ["| corpus | posts | blocks | same | agreement |", "|---|---:|---:|---:|---:|"]

    def row(label: str, names: list[str]) -> str:
        chosen = [groups[name] for name in names if name in groups]
        posts = sum(g["posts"] for g in chosen)
        blocks = sum(g["blocks"] for g in chosen)
        matched = sum(g["matched"] for g in chosen)
        score = matched / blocks if blocks else 1.0
        return f"| {label} | {posts} | {blocks:,} | {matched:,} | {score:.1%} |"

    rows += [row(label, [name]) for name, label in TUNED.items()]
    rows.append(row("**tuned on, together**", list(TUNED)))
    rows += [row(f"**{label}**", [name]) for name, label in UNSEEN.items()]
    return "\n".join(rows)


def run(out_dir: Path = ROOT / "build") -> dict:
    """Build, render, compare; writes fidelity.txt and fidelity.json under ``out_dir``."""
    posts = corpus_posts()
    with tempfile.TemporaryDirectory(prefix="tsuzuri-fidelity-") as tmp:
        site = Path(tmp) / "site"
        make_site(site, posts)
        results = measure(build_jekyll(site), site, posts)
    table, summary = report(results)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "fidelity.txt").write_text(table + "\n", "utf-8")
    saved = {key: value for key, value in summary.items() if key != "measured"}
    (out_dir / "fidelity.json").write_text(json.dumps(saved, ensure_ascii=False, indent=1), "utf-8")
    summary["table"] = table
    return summary
