<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own strings that Qt's qtbase_ja.qm leaves in English (their mnemonics were added after
     it was translated), so the file dialog is Japanese throughout.  Written by hand: no source of
     ours says them, so tools/i18n.py update leaves this file alone; build compiles it. -->
<TS version="2.1" language="ja_JP">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>場所(&amp;L):</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>ファイルの種類(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;File name:</source>
        <translation>ファイル名(&amp;F):</translation>
    </message>
</context>
</TS>
