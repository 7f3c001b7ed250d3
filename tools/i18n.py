"""The interface's translations: Qt Linguist sources (.ts) in resources/i18n, compiled to .qm.

    python tools/i18n.py update   find every tr() string (pyside6-lupdate), fold in the
                                  translations others left in resources/i18n/incoming/*.tsv,
                                  and list what is still untranslated (exit status 1 then)
    python tools/i18n.py build    compile every resources/i18n/*.ts into a .qm beside it

An incoming .tsv has one line per string: ``context<TAB>source<TAB>translation``, the source
exactly as the literal in the code, a newline written as ``\\n``.  Folded lines are marked
finished and the file is deleted; lines that match no string of the code stay in it.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
INCOMING = I18N / "incoming"
# Each Linguist source and the folders lupdate reads for it.  The core's file is kept by the
# core's catalogue (editor/core); it is refreshed here only when it exists.
SOURCES = {
    "tsuzuri_ja.ts": ("editor/ui",),
    "tsuzuri_core_ja.ts": ("editor/core", "editor/commands"),
}
LUPDATE_OPTIONS = ("-extensions", "py", "-locations", "none", "-no-obsolete", "-silent")


def qt_tool(name: str) -> str:
    """pyside6-lupdate or pyside6-lrelease: beside this Python, else on PATH."""
    beside = Path(sys.executable).parent / f"pyside6-{name}"
    if beside.exists():
        return str(beside)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"i18n: pyside6-{name} not found; run `make setup` first")
    return found


def lupdate(ts: Path, folders: tuple[str, ...]) -> None:
    """Write the strings of ``folders`` into ``ts``, keeping the translations it already has."""
    subprocess.run(
        [qt_tool("lupdate"), *LUPDATE_OPTIONS, *folders, "-ts", str(ts)], check=True, cwd=ROOT
    )


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) -> the message's <translation> element."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            found[(name, message.findtext("source", ""))] = message.find("translation")
    return found


def unfinished(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished, non-empty translation."""
    return [
        key
        for key, translation in messages(ts).items()
        if translation is None
        or translation.get("type") in ("unfinished", "vanished", "obsolete")
        or not (translation.text or "").strip()
    ]


def unescape(text: str) -> str:
    r"""A .tsv field: ``\n``, ``\t`` and ``\\`` stand for a newline, a tab and a backslash."""
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text) and text[i + 1] in "nt\\":
            out.append({"n": "\n", "t": "\t", "\\": "\\"}[text[i + 1]])
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def read_tsv(path: Path) -> list[tuple[int, str, str, str]]:
    """(line number, context, source, translation) of each line; a bad line stops with why."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or not all(parts):
            raise SystemExit(
                f"i18n: {path.name}:{number}: expected context<TAB>source<TAB>translation"
            )
        rows.append((number, parts[0], unescape(parts[1]), unescape(parts[2])))
    return rows


def write_ts(ts: Path, tree: ET.ElementTree) -> None:
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', "utf-8")


def fold(tsv: Path, sources: list[Path]) -> list[str]:
    """Put the translations of ``tsv`` into the .ts files that hold their strings; returns the
    lines that match no string (kept in the .tsv, which is deleted when none is left)."""
    trees = {ts: ET.parse(ts) for ts in sources}
    index = {}
    for ts, tree in trees.items():
        for context in tree.getroot().iter("context"):
            name = context.findtext("name", "")
            for message in context.iter("message"):
                index.setdefault((name, message.findtext("source", "")), (ts, message))
    left, changed = [], set()
    lines = tsv.read_text(encoding="utf-8").splitlines()
    for number, context, source, translation in read_tsv(tsv):
        found = index.get((context, source))
        if found is None:
            left.append(lines[number - 1])
            continue
        ts, message = found
        element = message.find("translation")
        if element is None:
            element = ET.SubElement(message, "translation")
        element.attrib.pop("type", None)
        element.text = translation
        changed.add(ts)
    for ts in changed:
        write_ts(ts, trees[ts])
    if left:
        tsv.write_text("\n".join(left) + "\n", encoding="utf-8")
    else:
        tsv.unlink()
    return left


def update() -> int:
    present = []
    for name, folders in SOURCES.items():
        ts = I18N / name
        if name == "tsuzuri_ja.ts" or ts.exists():
            lupdate(ts, folders)
            present.append(ts)
    for tsv in sorted(INCOMING.glob("*.tsv")):
        left = fold(tsv, present)
        print(
            f"i18n: folded {tsv.name}" + (f"; {len(left)} line(s) match no string" if left else "")
        )
        for line in left:
            print(f"    {line}")
    for ts in present:
        lupdate(ts, SOURCES[ts.name])  # lupdate's own layout again after folding
    status = 0
    for ts in present:
        todo = unfinished(ts)
        if todo:
            status = 1
            print(f"i18n: {ts.relative_to(ROOT)}: {len(todo)} string(s) still untranslated:")
            for context, source in todo:
                print(f"    {context}\t{source!r}")
    return status


def build(out: Path | None = None) -> int:
    """Compile every .ts into a .qm beside it (or into the folder ``out``)."""
    for ts in sorted(I18N.glob("*.ts")):
        qm = ts.with_suffix(".qm") if out is None else Path(out) / ts.with_suffix(".qm").name
        subprocess.run([qt_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("update", "build"))
    args = parser.parse_args(argv)
    return update() if args.command == "update" else build()


if __name__ == "__main__":
    sys.exit(main())
