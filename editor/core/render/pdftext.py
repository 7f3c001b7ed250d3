"""The text inside a PDF the web engine printed: kanji, not the radicals that share their glyphs.

Noto CJK (like most Japanese fonts) draws 見 and the Kangxi radical ⾒ (U+2F92) with one glyph.
Chromium's PDF writer maps each glyph back to the lowest code point that uses it, so the PDF
says ⾒: copying the text, or searching 「見る」, fails in most PDF readers.  This puts the kanji
back in the PDF's ``/ToUnicode`` maps, as an incremental update appended to the file (the
original bytes stay as they are; readers take the newest version of each object).
"""

from __future__ import annotations

import re
import zlib

# Radical, kanji, radical, kanji, ...: each Kangxi radical or CJK radicals supplement character
# and the kanji drawn with the same glyph in Noto Sans / Serif / Sans Mono CJK JP (the preview's
# Japanese faces), as tools/radical_kanji.py prints them.  Not NFKC: it turns ⼾ into 戶, where
# the Japanese glyph is 戸's, and leaves ⻑ (長) alone.
RADICAL_KANJI = (
    "⺂乛⺃乚⺅亻⺉刂⺋㔾⺎兀⺏尣⺐尢⺒巳⺓幺⺔彑⺖忄⺘扌⺙攵⺛旡⺞歺⺟母⺠民⺡氵⺣灬"
    "⺤爫⺦丬⺨犭⺫罒⺭礻⺯糹⺰纟⺱罓⺲罒⺳㓁⺹耂⺺肀⺾艹⻂衤⻃覀⻄西⻅见⻈讠⻉贝⻋车"
    "⻍辶⻐钅⻑長⻒镸⻓长⻖阝⻘青⻙韦⻚页⻛风⻜飞⻟飠⻠饣⻢马⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾"
    "⻫斉⻬齐⻭歯⻮齿⻯竜⻰龙⻲亀⻳龟⼀一⼁丨⼂丶⼃丿⼄乙⼅亅⼆二⼇亠⼈人⼉儿⼊入⼋八"
    "⼌冂⼍冖⼎冫⼏几⼐凵⼑刀⼒力⼓勹⼔匕⼕匚⼖匸⼗十⼘卜⼙卩⼚厂⼛厶⼜又⼝口⼞囗⼟土"
    "⼠士⼡夂⼢夊⼣夕⼤大⼥女⼦子⼧宀⼨寸⼩小⼪尢⼫尸⼭山⼮巛⼯工⼰己⼱巾⼲干⼳幺⼴广"
    "⼵廴⼶廾⼷弋⼸弓⼹彐⼺彡⼻彳⼼心⼽戈⼾戸⼿手⽀支⽁攴⽂文⽃斗⽄斤⽅方⽆无⽇日⽈曰"
    "⽉月⽊木⽋欠⽌止⽍歹⽎殳⽏毋⽐比⽑毛⽒氏⽓气⽔水⽕火⽖爪⽗父⽘爻⽙爿⽚片⽛牙⽜牛"
    "⽝犬⽞玄⽟玉⽠瓜⽡瓦⽢甘⽣生⽤用⽥田⽦疋⽧疒⽨癶⽩白⽪皮⽫皿⽬目⽭矛⽮矢⽯石⽰示"
    "⽱禸⽲禾⽳穴⽴立⽵竹⽶米⽷糸⽸缶⽹网⽺羊⽻羽⽼老⽽而⽾耒⽿耳⾀聿⾁肉⾂臣⾃自⾄至"
    "⾅臼⾆舌⾇舛⾈舟⾉艮⾊色⾋艸⾌虍⾍虫⾎血⾏行⾐衣⾑襾⾒見⾓角⾔言⾕谷⾖豆⾗豕⾘豸"
    "⾙貝⾚赤⾛走⾜足⾝身⾞車⾟辛⾠辰⾡辵⾢邑⾣酉⾤釆⾥里⾦金⾧長⾨門⾩阜⾪隶⾫隹⾬雨"
    "⾭靑⾮非⾯面⾰革⾱韋⾲韭⾳音⾴頁⾵風⾶飛⾷食⾸首⾹香⾺馬⾻骨⾼高⾽髟⾾鬥⾿鬯⿀鬲"
    "⿁鬼⿂魚⿃鳥⿄鹵⿅鹿⿆麥⿇麻⿈黃⿉黍⿊黑⿋黹⿌黽⿍鼎⿎鼓⿏鼠⿐鼻⿑齊⿒齒⿓龍⿔龜"
    "⿕龠"
)
_KANJI = dict(zip(RADICAL_KANJI[::2], RADICAL_KANJI[1::2], strict=True))
# An object's dictionary up to its stream, never reaching into the next object.
_OBJECT = re.compile(rb"(?<!\d)(\d+) 0 obj\s*<<((?:(?!endobj).)*?)>>\s*stream\r?\n", re.S)
_LENGTH = re.compile(rb"/Length (\d+)(?!\s+\d+\s+R)")
_HEX = rb"<([0-9A-Fa-f]+)>"
_BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
_BFRANGE = re.compile(rb"beginbfrange(.*?)endbfrange", re.S)
_PAIR = re.compile(_HEX + rb"\s*" + _HEX)
_RANGE = re.compile(_HEX + rb"\s*" + _HEX + rb"\s*(?:" + _HEX + rb"|\[([^\]]*)\])")
_TRAILER = re.compile(rb"trailer\s*<<(.*)>>\s*startxref\s*(\d+)\s*%%EOF\s*\Z", re.S)


def kanji_for_radicals(pdf: bytes) -> bytes:
    """``pdf`` with every ``/ToUnicode`` map giving the kanji where it gave a radical drawn with
    the kanji's glyph; unchanged when there is none (or the file is not laid out as expected)."""
    trailer = _TRAILER.match(pdf, max(pdf.rfind(b"trailer"), 0))
    if trailer is None:  # a cross-reference stream, or not a whole PDF: leave it alone
        return pdf
    updates: dict[int, bytes] = {}
    for match in _OBJECT.finditer(pdf):
        length = _LENGTH.search(match.group(2))
        if length is None:
            continue
        raw = pdf[match.end() : match.end() + int(length.group(1))]
        if b"/FlateDecode" in match.group(2):
            try:
                raw = zlib.decompress(raw)
            except zlib.error:
                continue
        elif b"/Filter" in match.group(2):
            continue
        if b"begincmap" not in raw:
            continue
        fixed = _fixed_cmap(raw)
        if fixed is not None:
            updates[int(match.group(1))] = fixed
    if not updates:
        return pdf
    return _append_update(pdf, updates, trailer.group(1), int(trailer.group(2)))


def _kanji(text: str) -> str:
    return "".join(_KANJI.get(c, c) for c in text)


def _decode(hexdigits: bytes) -> str:
    return bytes.fromhex(hexdigits.decode("ascii")).decode("utf-16-be", "surrogatepass")


def _fixed_cmap(cmap: bytes) -> bytes | None:
    """The map with radicals replaced (ranges holding one become single entries), or None."""
    mappings: list[tuple[bytes, str]] = []
    for block in _BFCHAR.findall(cmap):
        mappings += [(src, _decode(dst)) for src, dst in _PAIR.findall(block)]
    for block in _BFRANGE.findall(cmap):
        for low, high, dst, array in _RANGE.findall(block):
            codes = range(int(low, 16), int(high, 16) + 1)
            width = len(low)
            if array:
                targets = [_decode(d) for d in re.findall(_HEX, array)]
            else:
                first = _decode(dst)
                targets = [first[:-1] + chr(ord(first[-1]) + i) for i in range(len(codes))]
            mappings += [
                (f"{code:0{width}X}".encode("ascii"), text)
                for code, text in zip(codes, targets, strict=False)
            ]
    if not any(c in _KANJI for _src, text in mappings for c in text):
        return None
    begin = re.search(rb"\d+\s+begin(bfchar|bfrange)", cmap)
    end = cmap.find(b"endcmap")
    if begin is None or end < 0:
        return None
    blocks = []
    for start in range(0, len(mappings), 100):  # at most 100 entries per block
        chunk = mappings[start : start + 100]
        lines = [
            b"<"
            + src
            + b"> <"
            + _kanji(text).encode("utf-16-be", "surrogatepass").hex().upper().encode()
            + b">"
            for src, text in chunk
        ]
        blocks.append(b"%d beginbfchar\n" % len(chunk) + b"\n".join(lines) + b"\nendbfchar\n")
    return cmap[: begin.start()] + b"".join(blocks) + cmap[end:]


def _append_update(pdf: bytes, objects: dict[int, bytes], trailer: bytes, previous: int) -> bytes:
    """An incremental update: the new objects, their cross-references, a trailer to the old."""
    out = bytearray(pdf if pdf.endswith(b"\n") else pdf + b"\n")
    offsets = {}
    for number, data in sorted(objects.items()):
        packed = zlib.compress(data)
        offsets[number] = len(out)
        out += b"%d 0 obj\n<</Filter /FlateDecode\n/Length %d>>\nstream\n" % (number, len(packed))
        out += packed + b"\nendstream\nendobj\n"
    xref = len(out)
    out += b"xref\n"
    for number, offset in offsets.items():
        out += b"%d 1\n%010d 00000 n \n" % (number, offset)
    entries = re.sub(rb"/Prev\s+\d+", b"", trailer).strip()
    out += b"trailer\n<<" + entries + b"\n/Prev %d>>\nstartxref\n%d\n%%%%EOF\n" % (previous, xref)
    return bytes(out)
