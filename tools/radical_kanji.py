"""Print the table of radicals and the kanji that share their glyph in the Japanese faces.

    .venv/bin/python tools/radical_kanji.py

Chromium's PDF writer names a glyph by the lowest code point drawn with it, so a kanji whose
glyph a radical shares comes out as that radical (見 as ⾒).  ``editor/core/render/pdftext.py``
puts the kanji back with ``RADICAL_KANJI``, the string this prints: radical, kanji, radical,
kanji, ... as Noto Sans / Serif / Sans Mono CJK JP (the preview's Japanese faces) draw them.
"""

from __future__ import annotations

import sys

FACES = ("Noto Sans CJK JP", "Noto Serif CJK JP", "Noto Sans Mono CJK JP")
RADICALS = range(0x2E80, 0x2FE0)  # CJK radicals supplement and Kangxi radicals
KANJI = [*range(0x4E00, 0xA000), *range(0x3400, 0x4DC0)]  # unified ideographs (and ext. A)


def main() -> int:
    from PySide6.QtGui import QFont, QGuiApplication, QRawFont

    app = QGuiApplication([sys.argv[0], "-platform", "offscreen"])
    table: dict[int, set[int]] = {}
    for family in FACES:
        for weight in (QFont.Weight.Normal, QFont.Weight.Bold):
            font = QFont(family)
            font.setWeight(weight)
            raw = QRawFont.fromFont(font)
            if raw.familyName() != family:
                print(f"{family} is not installed", file=sys.stderr)
                return 1
            first: dict[int, int] = {}
            for code in KANJI:
                glyph = raw.glyphIndexesForString(chr(code))[0]
                if glyph:
                    first.setdefault(glyph, code)
            for code in RADICALS:
                glyph = raw.glyphIndexesForString(chr(code))[0]
                if glyph and glyph in first:
                    table.setdefault(code, set()).add(first[glyph])
    clashes = {chr(r): "".join(map(chr, k)) for r, k in table.items() if len(k) > 1}
    if clashes:
        print(f"faces disagree: {clashes}", file=sys.stderr)
        return 1
    print("".join(chr(r) + chr(min(k)) for r, k in sorted(table.items())))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
