"""kanji_for_radicals: the text a PDF reader copies is the post's kanji, not look-alike radicals."""

from __future__ import annotations

import re
import zlib

import pytest

from editor.core.render.pdftext import RADICAL_KANJI, kanji_for_radicals

pytestmark = pytest.mark.core


def _pdf(cmap_entries: bytes, compress: bool = True) -> bytes:
    """A small PDF laid out as Chromium writes one: classic cross-references, one ToUnicode."""
    cmap = (
        b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        b"1 begincodespacerange\n<00> <FF>\nendcodespacerange\n"
        + cmap_entries
        + b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"
    )
    stream = zlib.compress(cmap) if compress else cmap
    flt = b"/Filter /FlateDecode\n" if compress else b""
    objects = [
        b"<</Type /Catalog /Pages 2 0 R>>",
        b"<</Type /Pages /Kids [3 0 R] /Count 1>>",
        b"<</Type /Page /Parent 2 0 R /Resources <</Font <</F1 4 0 R>>>>>>",
        b"<</Type /Font /Subtype /Type3 /ToUnicode 5 0 R>>",
        b"<<" + flt + b"/Length %d>>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<</Size 6\n/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _newest_map(pdf: bytes) -> dict[int, str]:
    """Code -> text of the ToUnicode object as a reader sees it: the last xref section's."""
    xref = int(re.findall(rb"startxref\s+(\d+)", pdf)[-1])
    offset = int(re.search(rb"\n5 1\n(\d{10}) 00000 n", pdf[xref:]).group(1))
    assert pdf[offset:].startswith(b"5 0 obj")
    length = int(re.match(rb"5 0 obj\s*<<[^>]*/Length (\d+)", pdf[offset:]).group(1))
    start = pdf.index(b"stream\n", offset) + len(b"stream\n")
    cmap = zlib.decompress(pdf[start : start + length])
    return {
        int(src, 16): bytes.fromhex(dst.decode()).decode("utf-16-be")
        for src, dst in re.findall(rb"<(\w+)>\s*<(\w+)>", cmap.split(b"endcodespacerange")[1])
    }


def test_radicals_become_the_kanji_and_the_original_bytes_stay():
    # 見る 生 用 in Chromium's words: ⾒ る ⽣ ⽤ (the last two as one range), then 長 as ⻑.
    original = _pdf(
        b"2 beginbfchar\n<01> <2F92>\n<02> <308B>\nendbfchar\n"
        b"2 beginbfrange\n<03> <04> <2F63>\n<05> <05> [<2ED1>]\nendbfrange\n"
    )
    fixed = kanji_for_radicals(original)

    assert fixed.startswith(original)  # an incremental update: nothing before it moves
    assert _newest_map(fixed) == {1: "見", 2: "る", 3: "生", 4: "用", 5: "長"}
    trailer = fixed[fixed.rindex(b"trailer") :]
    assert b"/Root 1 0 R" in trailer and b"/Size 6" in trailer
    assert b"/Prev %d" % int(re.findall(rb"startxref\s+(\d+)", original)[-1]) in trailer
    assert fixed.endswith(b"%%EOF\n")


def test_a_pdf_with_only_kanji_or_laid_out_otherwise_is_left_as_it_is():
    plain = _pdf(b"1 beginbfchar\n<01> <898B>\nendbfchar\n")
    assert kanji_for_radicals(plain) == plain
    # No classic trailer (a cross-reference stream): not ours to rewrite.
    streamed = plain[: plain.rindex(b"trailer")] + b"startxref\n9\n%%EOF\n"
    assert kanji_for_radicals(streamed) == streamed
    assert kanji_for_radicals(b"") == b""


def test_an_uncompressed_map_is_fixed_too():
    fixed = kanji_for_radicals(_pdf(b"1 beginbfchar\n<01> <2F92>\nendbfchar\n", compress=False))
    assert _newest_map(fixed) == {1: "見"}


def test_the_table_pairs_each_radical_with_one_kanji():
    pairs = dict(zip(RADICAL_KANJI[::2], RADICAL_KANJI[1::2], strict=True))
    assert len(pairs) == len(RADICAL_KANJI) // 2  # no radical twice
    assert all("\u2e80" <= r <= "\u2fdf" for r in pairs)
    assert all("\u3400" <= k <= "\u9fff" for k in pairs.values())
    assert pairs["⾒"] == "見" and pairs["⼾"] == "戸" and pairs["⻑"] == "長"
