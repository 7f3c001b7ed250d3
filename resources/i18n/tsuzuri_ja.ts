<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>CommitDialog</name>
    <message>
        <source>Commit Post</source>
        <translation>記事をコミット</translation>
    </message>
    <message>
        <source>These files will be committed, and nothing else:</source>
        <translation>コミットするのは次のファイルだけです:</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>メッセージ(&amp;M):</translation>
    </message>
    <message>
        <source>&amp;Commit</source>
        <translation>コミット(&amp;C)</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>“{name}” was deleted or renamed by another program. Keep mine saves your text as “{name}” again.</source>
        <translation>「{name}」は別のプログラムによって削除されたか、名前が変えられました。「自分の版を残す」を選ぶと、あなたの文章を「{name}」として保存し直します。</translation>
    </message>
    <message>
        <source>“{name}” was changed by another program since you opened it. Reload takes their version and drops your unsaved changes; Keep mine keeps your text in the editor and saves it over theirs.</source>
        <translation>「{name}」は開いた後で別のプログラムによって変更されました。「相手の版を読み込み直す」を選ぶと、相手の版に替わり、未保存の変更は破棄されます。「自分の版を残す」を選ぶと、あなたの文章をエディターに残し、相手の版に上書き保存します。</translation>
    </message>
    <message>
        <source>“{name}” was changed by another program since you opened it. Reload takes their version and drops your unsaved changes; Keep mine keeps your text in the editor.</source>
        <translation>「{name}」は開いた後で別のプログラムによって変更されました。「相手の版を読み込み直す」を選ぶと、相手の版に替わり、未保存の変更は破棄されます。「自分の版を残す」を選ぶと、あなたの文章をエディターに残します。</translation>
    </message>
    <message>
        <source>The post changed on disk</source>
        <translation>ディスク上の記事が変更されました</translation>
    </message>
    <message>
        <source>&amp;Reload theirs</source>
        <translation>相手の版を読み込み直す(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Keep mine</source>
        <translation>自分の版を残す(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>比較(&amp;C)</translation>
    </message>
</context>
<context>
    <name>DateTimeField</name>
    <message>
        <source>UTC offset, e.g. +0900 for Japan</source>
        <translation>UTC からの時差（例: 日本は +0900）</translation>
    </message>
    <message>
        <source>“{typed}” is not a UTC offset such as +0900; the date keeps {zone}</source>
        <translation>「{typed}」は +0900 のような UTC からの時差ではありません。日付は {zone} のままです</translation>
    </message>
</context>
<context>
    <name>DoctorController</name>
    <message>
        <source>The doctor stopped: {message}</source>
        <translation>記事の点検が止まりました: {message}</translation>
    </message>
    <message>
        <source>Working out the fixes; yours follows</source>
        <translation>修正を準備しています。終わりしだい続けて適用します</translation>
    </message>
    <message>
        <source>The list is being updated; try again in a moment</source>
        <translation>一覧を更新中です。少し待ってからもう一度お試しください</translation>
    </message>
    <message>
        <source>post (before)</source>
        <translation>記事（修正前）</translation>
    </message>
    <message>
        <source>post (after)</source>
        <translation>記事（修正後）</translation>
    </message>
    <message>
        <source>Nothing to fix safely</source>
        <translation>安全な修正はありません</translation>
    </message>
    <message>
        <source>{line}: {description}</source>
        <translation>{line} 行: {description}</translation>
    </message>
    <message>
        <source>then: {description}</source>
        <translation>続けて: {description}</translation>
    </message>
</context>
<context>
    <name>DoctorPanel</name>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>修正</translation>
    </message>
    <message>
        <source>Fix all safe</source>
        <translation>安全な修正をすべて適用</translation>
    </message>
    <message>
        <source>Fixing…</source>
        <translation>修正中…</translation>
    </message>
    <message>
        <source>safe fix: {description}</source>
        <translation>安全な修正: {description}</translation>
    </message>
    <message>
        <source>fix to review: {description}</source>
        <translation>確認が必要な修正: {description}</translation>
    </message>
    <message>
        <source>suggested fix: {description}</source>
        <translation>修正の提案: {description}</translation>
    </message>
    <message>
        <source>No problems found</source>
        <translation>問題は見つかりません</translation>
    </message>
    <message>
        <source>{count} problem, {safe} safe fix</source>
        <translation>問題 {count} 件（安全な修正 {safe} 件）</translation>
    </message>
    <message>
        <source>{count} problem, {safe} safe fixes</source>
        <translation>問題 {count} 件（安全な修正 {safe} 件）</translation>
    </message>
    <message>
        <source>{count} problems, {safe} safe fix</source>
        <translation>問題 {count} 件（安全な修正 {safe} 件）</translation>
    </message>
    <message>
        <source>{count} problems, {safe} safe fixes</source>
        <translation>問題 {count} 件（安全な修正 {safe} 件）</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>確認中…</translation>
    </message>
    <message>
        <source>{count} so far, checking…</source>
        <translation>問題 {count} 件（確認中…）</translation>
    </message>
</context>
<context>
    <name>DoctorRules</name>
    <message>
        <source>Front matter</source>
        <translation>フロントマター</translation>
    </message>
    <message>
        <source>Continuation markers</source>
        <translation>継ぎ目の印</translation>
    </message>
    <message>
        <source>Repeated text</source>
        <translation>重複した文</translation>
    </message>
    <message>
        <source>Broken characters</source>
        <translation>壊れた文字</translation>
    </message>
    <message>
        <source>Text cut off</source>
        <translation>途切れた文</translation>
    </message>
    <message>
        <source>Reading time</source>
        <translation>読了時間</translation>
    </message>
    <message>
        <source>Excerpt</source>
        <translation>抜粋</translation>
    </message>
    <message>
        <source>Heading levels</source>
        <translation>見出しのレベル</translation>
    </message>
    <message>
        <source>Date and file name</source>
        <translation>日付とファイル名</translation>
    </message>
    <message>
        <source>Empty links</source>
        <translation>空のリンク</translation>
    </message>
    <message>
        <source>Missing link targets</source>
        <translation>リンク先のないリンク</translation>
    </message>
    <message>
        <source>Long sentences</source>
        <translation>長すぎる文</translation>
    </message>
    <message>
        <source>Mixed polite and plain style</source>
        <translation>です・ます調とだ・である調の混在</translation>
    </message>
    <message>
        <source>Doubled particles</source>
        <translation>助詞の重複</translation>
    </message>
    <message>
        <source>Doubled punctuation</source>
        <translation>句読点の重複</translation>
    </message>
    <message>
        <source>Full-width letters and digits</source>
        <translation>全角の英数字</translation>
    </message>
    <message>
        <source>Full-width spaces</source>
        <translation>全角スペース</translation>
    </message>
    <message>
        <source>Ra-nuki words (見れる)</source>
        <translation>ら抜き言葉（見れる）</translation>
    </message>
    <message>
        <source>Line breaks inside Japanese sentences</source>
        <translation>日本語の文中の改行</translation>
    </message>
    <message>
        <source>Repeated from another post</source>
        <translation>別の記事と重複した文</translation>
    </message>
    <message>
        <source>Front matter that Jekyll cannot read or that is missing</source>
        <translation>Jekyll が読めない、またはないフロントマター</translation>
    </message>
    <message>
        <source>Continuation markers left where a text was put together in pieces</source>
        <translation>文章をつないだ所に残った継ぎ目の印</translation>
    </message>
    <message>
        <source>Sentences and passages said twice</source>
        <translation>二度書かれた文や段落（重複した文）</translation>
    </message>
    <message>
        <source>Broken characters: replacement characters, control characters, mojibake</source>
        <translation>壊れた文字（置換文字・制御文字・文字化け）</translation>
    </message>
    <message>
        <source>A text, heading or title that stops mid-sentence</source>
        <translation>文の途中で切れた本文・見出し・タイトル</translation>
    </message>
    <message>
        <source>A reading time that does not match the text</source>
        <translation>本文に合わない読了時間</translation>
    </message>
    <message>
        <source>A missing, too long or unrelated excerpt</source>
        <translation>ない、長すぎる、または本文と関係のない抜粋</translation>
    </message>
    <message>
        <source>Heading levels that skip a level</source>
        <translation>レベルを飛ばした見出し</translation>
    </message>
    <message>
        <source>A date that does not match the file name</source>
        <translation>ファイル名と合わない日付</translation>
    </message>
    <message>
        <source>Links that lead nowhere</source>
        <translation>行き先のないリンク</translation>
    </message>
    <message>
        <source>Links and images to files or posts that do not exist</source>
        <translation>存在しないファイルや記事へのリンクと画像</translation>
    </message>
    <message>
        <source>Very long sentences</source>
        <translation>長すぎる文</translation>
    </message>
    <message>
        <source>です・ます and だ・である mixed in one post</source>
        <translation>です・ます調とだ・である調の混在</translation>
    </message>
    <message>
        <source>The same particle twice in a sentence</source>
        <translation>一文の中で重なった助詞</translation>
    </message>
    <message>
        <source>Punctuation typed twice</source>
        <translation>重なった句読点</translation>
    </message>
    <message>
        <source>Full-width spaces inside sentences</source>
        <translation>文中の全角スペース</translation>
    </message>
    <message>
        <source>ら抜き言葉 (見れる for 見られる)</source>
        <translation>ら抜き言葉（見られる → 見れる）</translation>
    </message>
    <message>
        <source>A line break between Japanese words</source>
        <translation>日本語の途中の改行</translation>
    </message>
    <message>
        <source>Paragraphs that repeat a paragraph of another post of the blog</source>
        <translation>ブログの別の記事の段落と重複した段落</translation>
    </message>
</context>
<context>
    <name>DoctorSettings</name>
    <message>
        <source>Shortest overlap between pieces (characters)</source>
        <translation>継ぎ目の重なりとみなす最短の長さ（文字）</translation>
    </message>
    <message>
        <source>Shortest sentence compared for repeats</source>
        <translation>重複を調べる最短の文（文字）</translation>
    </message>
    <message>
        <source>Near copies from a similarity of</source>
        <translation>ほぼ同じ文とみなす類似度</translation>
    </message>
    <message>
        <source>Safe to remove a copy from a similarity of</source>
        <translation>重複を安全に削除できる類似度</translation>
    </message>
    <message>
        <source>Japanese reading speed (characters a minute)</source>
        <translation>日本語を読む速さ（1 分あたりの文字数）</translation>
    </message>
    <message>
        <source>Latin reading speed (words a minute)</source>
        <translation>英文を読む速さ（1 分あたりの語数）</translation>
    </message>
    <message>
        <source>Reading time tolerance (share)</source>
        <translation>読了時間の許容誤差（割合）</translation>
    </message>
    <message>
        <source>Longest excerpt (characters)</source>
        <translation>抜粋の最大の長さ（文字）</translation>
    </message>
    <message>
        <source>Excerpt words found in the body (share)</source>
        <translation>本文に含まれるべき抜粋の語（割合）</translation>
    </message>
    <message>
        <source>Longest sentence (characters)</source>
        <translation>一文の最大の長さ（文字）</translation>
    </message>
    <message>
        <source>Sentences needed to judge the style</source>
        <translation>文体を判定するのに必要な文の数</translation>
    </message>
    <message>
        <source>Largest share of the other style</source>
        <translation>もう一方の文体の最大の割合</translation>
    </message>
    <message>
        <source>Paragraphs of another post repeated from a similarity of</source>
        <translation>別の記事との重複とみなす段落の類似度</translation>
    </message>
</context>
<context>
    <name>EditActions</name>
    <message>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>やり直し(&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>切り取り(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>コピー(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>貼り付け(&amp;P)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>すべて選択(&amp;A)</translation>
    </message>
</context>
<context>
    <name>EditedPost</name>
    <message>
        <source>New post</source>
        <translation>新しい記事</translation>
    </message>
</context>
<context>
    <name>EditorFonts</name>
    <message>
        <source>Zoom &amp;in</source>
        <translation>拡大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Normal size</source>
        <translation>標準のサイズ(&amp;N)</translation>
    </message>
</context>
<context>
    <name>Exporting</name>
    <message>
        <source>Export as &amp;HTML…</source>
        <translation>HTML として書き出す(&amp;H)…</translation>
    </message>
    <message>
        <source>Export as &amp;PDF…</source>
        <translation>PDF として書き出す(&amp;P)…</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>書き出し(&amp;X)</translation>
    </message>
    <message>
        <source>PDF export needs Qt WebEngine, which is not available here ({reason}). Export as HTML and print that file from a web browser instead.</source>
        <translation>PDF の書き出しには Qt WebEngine が必要ですが、この環境では使えません（{reason}）。代わりに HTML として書き出し、そのファイルをウェブブラウザーから印刷してください。</translation>
    </message>
    <message>
        <source>An export is already under way…</source>
        <translation>書き出しの途中です…</translation>
    </message>
    <message>
        <source>Exporting to PDF: {name}…</source>
        <translation>PDF に書き出しています: {name}…</translation>
    </message>
    <message>
        <source>Exporting to HTML: {name}…</source>
        <translation>HTML に書き出しています: {name}…</translation>
    </message>
    <message>
        <source>The export could not be made: {reason}</source>
        <translation>書き出す内容を作れませんでした: {reason}</translation>
    </message>
    <message>
        <source>The PDF could not be made: {reason}</source>
        <translation>PDF を作成できませんでした: {reason}</translation>
    </message>
    <message>
        <source>the web engine returned no PDF</source>
        <translation>ウェブエンジンから PDF が返されませんでした</translation>
    </message>
    <message>
        <source>An export cannot be written over the post itself.</source>
        <translation>記事そのものに上書きして書き出すことはできません。</translation>
    </message>
    <message>
        <source>The export could not be written to {path}: {reason}</source>
        <translation>{path} に書き出せませんでした: {reason}</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>{path} に書き出しました</translation>
    </message>
    <message>
        <source>1 warning: {first}</source>
        <translation>警告 1 件: {first}</translation>
    </message>
    <message>
        <source>{count} warnings: {first}</source>
        <translation>警告 {count} 件: {first}</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>書き出しに失敗しました</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>置換</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>置換後の文字列</translation>
    </message>
    <message>
        <source>Aa</source>
        <translation>Aa</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>大文字と小文字を区別する</translation>
    </message>
    <message>
        <source>Word</source>
        <translation>単語</translation>
    </message>
    <message>
        <source>Whole word (a run of kana, kanji or Latin letters)</source>
        <translation>単語単位で検索（かな・漢字・英数字のひと続き）</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>正規表現</translation>
    </message>
    <message>
        <source>Ａ/A</source>
        <translation>全角/半角</translation>
    </message>
    <message>
        <source>Ignore full-width and half-width (ＡＩ = AI, ｶﾅ = カナ)</source>
        <translation>全角と半角を区別しない（ＡＩ = AI、ｶﾅ = カナ）</translation>
    </message>
    <message>
        <source>In the preview:</source>
        <translation>プレビュー内:</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>前を検索 (Shift+F3)</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>次を検索 (F3)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>閉じる (Esc)</translation>
    </message>
    <message>
        <source>Replace this match</source>
        <translation>この一致を置換</translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation>すべて置換</translation>
    </message>
    <message>
        <source>Replace every match (one undo step)</source>
        <translation>一致をすべて置換（一度で元に戻せます）</translation>
    </message>
</context>
<context>
    <name>FindController</name>
    <message>
        <source>&amp;Find…</source>
        <translation>検索(&amp;F)…</translation>
    </message>
    <message>
        <source>R&amp;eplace…</source>
        <translation>置換(&amp;E)…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>次を検索(&amp;N)</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>前を検索(&amp;V)</translation>
    </message>
    <message>
        <source>Find &amp;in Preview…</source>
        <translation>プレビュー内を検索(&amp;I)…</translation>
    </message>
    <message>
        <source>No results</source>
        <translation>見つかりません</translation>
    </message>
    <message>
        <source>{current} / {total}</source>
        <translation>{current} / {total} 件</translation>
    </message>
    <message>
        <source>Not a valid regular expression: {reason} (at character {position})</source>
        <translation>正規表現が正しくありません: {reason}（{position} 文字目）</translation>
    </message>
    <message>
        <source>The regular expression takes too long on this text (stopped after {seconds} s)</source>
        <translation>正規表現の処理に時間がかかりすぎるため止めました（{seconds} 秒）</translation>
    </message>
    <message>
        <source>Not a valid replacement: {reason} (at character {position})</source>
        <translation>置換後の文字列が正しくありません: {reason}（{position} 文字目）</translation>
    </message>
    <message>
        <source>Replaced {count} matches</source>
        <translation>{count} 件を置換しました</translation>
    </message>
</context>
<context>
    <name>FixAllDialog</name>
    <message>
        <source>Fix all safe problems</source>
        <translation>安全な修正をすべて適用</translation>
    </message>
    <message>
        <source>{count} safe fix(es) change the post as shown. Nothing is saved until you save; one Undo takes them all back.</source>
        <translation>{count} 件の安全な修正で、記事は次のように変わります。保存するまでファイルは変わりません。「元に戻す」1 回ですべて戻せます。</translation>
    </message>
    <message>
        <source>Apply {count} fix(es)</source>
        <translation>{count} 件を修正</translation>
    </message>
</context>
<context>
    <name>FormBinding</name>
    <message>
        <source>The front matter is not valid YAML (line {line}, column {column}): {reason}. Fix it in the YAML tab; nothing is lost.</source>
        <translation>フロントマターが正しい YAML ではありません（{line} 行 {column} 列）: {reason}。YAML タブで直してください。何も失われていません。</translation>
    </message>
    <message>
        <source>The front matter is not valid YAML: {reason}. Fix it in the YAML tab; nothing is lost.</source>
        <translation>フロントマターが正しい YAML ではありません: {reason}。YAML タブで直してください。何も失われていません。</translation>
    </message>
</context>
<context>
    <name>FormatActions</name>
    <message>
        <source>&amp;Bold</source>
        <translation>太字(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Italic</source>
        <translation>斜体(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation>リンク(&amp;L)</translation>
    </message>
    <message>
        <source>Heading &amp;1</source>
        <translation>見出し 1(&amp;1)</translation>
    </message>
    <message>
        <source>Heading &amp;2</source>
        <translation>見出し 2(&amp;2)</translation>
    </message>
    <message>
        <source>Heading &amp;3</source>
        <translation>見出し 3(&amp;3)</translation>
    </message>
    <message>
        <source>Make the selection bold, or plain again</source>
        <translation>選択範囲を太字にします (太字なら元に戻します)</translation>
    </message>
    <message>
        <source>Make the selection italic, or plain again</source>
        <translation>選択範囲を斜体にします (斜体なら元に戻します)</translation>
    </message>
    <message>
        <source>Link the selection (to the address on the clipboard, if there is one)</source>
        <translation>選択範囲をリンクにします (クリップボードに URL があればその URL へ)</translation>
    </message>
</context>
<context>
    <name>FrontMatterForm</name>
    <message>
        <source>file name part, e.g. ai-chip-market</source>
        <translation>ファイル名の一部（例: ai-chip-market）</translation>
    </message>
    <message>
        <source>comma-separated, e.g. 投資分析, 技術動向</source>
        <translation>読点かカンマで区切る（例: 投資分析、技術動向）</translation>
    </message>
    <message>
        <source>comma-separated, e.g. AI, 半導体</source>
        <translation>読点かカンマで区切る（例: AI、半導体）</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Other fields</source>
        <translation>その他の項目</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>YAML</source>
        <translation>YAML</translation>
    </message>
    <message>
        <source>  (edit them in the YAML tab)</source>
        <translation> （YAML タブで編集してください）</translation>
    </message>
    <message>
        <source>{value} minutes is more than this field shows (up to {limit}); edit it in the YAML tab</source>
        <translation>{value} 分はこの欄で表示できる値（{limit} まで）を超えています。YAML タブで編集してください</translation>
    </message>
</context>
<context>
    <name>GitActions</name>
    <message>
        <source>No blog is open.</source>
        <translation>ブログが開かれていません。</translation>
    </message>
    <message>
        <source>&amp;Commit Post…</source>
        <translation>記事をコミット(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Push</source>
        <translation>プッシュ(&amp;P)</translation>
    </message>
    <message>
        <source>P&amp;ull</source>
        <translation>プル(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Refresh Status</source>
        <translation>状態を更新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Install the Pre-commit Check</source>
        <translation>コミット前の点検をインストール(&amp;I)</translation>
    </message>
    <message>
        <source>Re&amp;move the Pre-commit Check</source>
        <translation>コミット前の点検を削除(&amp;M)</translation>
    </message>
    <message>
        <source>Git status</source>
        <translation>Git の状態</translation>
    </message>
    <message>
        <source>detached at {commit}</source>
        <translation>{commit} で切り離し (detached HEAD)</translation>
    </message>
    <message>
        <source>{branch} (no commits yet)</source>
        <translation>{branch} (まだコミットなし)</translation>
    </message>
    <message>
        <source>modified</source>
        <translation>変更あり</translation>
    </message>
    <message>
        <source>staged, new</source>
        <translation>新規 (ステージ済み)</translation>
    </message>
    <message>
        <source>untracked</source>
        <translation>未追跡</translation>
    </message>
    <message>
        <source>committed</source>
        <translation>コミット済み</translation>
    </message>
    <message>
        <source>Git branch and the state of this post</source>
        <translation>Git のブランチとこの記事の状態</translation>
    </message>
    <message>
        <source>Preparing the commit</source>
        <translation>コミットを準備中</translation>
    </message>
    <message>
        <source>Commit Post</source>
        <translation>記事をコミット</translation>
    </message>
    <message>
        <source>Committing</source>
        <translation>コミット中</translation>
    </message>
    <message>
        <source>Committed: {summary}</source>
        <translation>コミットしました: {summary}</translation>
    </message>
    <message>
        <source>Pushing</source>
        <translation>プッシュ中</translation>
    </message>
    <message>
        <source>Push</source>
        <translation>プッシュ</translation>
    </message>
    <message>
        <source>Pushed.</source>
        <translation>プッシュしました。</translation>
    </message>
    <message>
        <source>Pulling</source>
        <translation>プル中</translation>
    </message>
    <message>
        <source>Pull</source>
        <translation>プル</translation>
    </message>
    <message>
        <source>Pulled.</source>
        <translation>プルしました。</translation>
    </message>
    <message>
        <source>The pre-commit check is installed: {path}</source>
        <translation>コミット前の点検をインストールしました: {path}</translation>
    </message>
    <message>
        <source>The pre-commit check is removed: {path}</source>
        <translation>コミット前の点検を削除しました: {path}</translation>
    </message>
    <message>
        <source>Pre-commit Check</source>
        <translation>コミット前の点検</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About Tsuzuri</source>
        <translation>Tsuzuri について(&amp;A)</translation>
    </message>
    <message>
        <source>A desktop editor for Japanese Jekyll blogs.</source>
        <translation>日本語の Jekyll ブログのためのデスクトップエディター。</translation>
    </message>
    <message>
        <source>Licensed under the MIT licence.</source>
        <translation>MIT ライセンスで配布しています。</translation>
    </message>
    <message>
        <source>About Tsuzuri</source>
        <translation>Tsuzuri について</translation>
    </message>
</context>
<context>
    <name>ImagesController</name>
    <message>
        <source>Insert i&amp;mage…</source>
        <translation>画像を挿入(&amp;M)…</translation>
    </message>
    <message>
        <source>Copy an image into the blog and put it in the post at the cursor</source>
        <translation>画像をブログにコピーし、記事のカーソル位置に挿入します</translation>
    </message>
    <message>
        <source>Image not inserted</source>
        <translation>画像を挿入できませんでした</translation>
    </message>
    <message>
        <source>Images are copied into a blog: open the post&apos;s blog first.</source>
        <translation>画像はブログの中にコピーされます。先に記事のブログを開いてください。</translation>
    </message>
    <message>
        <source>The image was not copied: its post is no longer open</source>
        <translation>画像はコピーしていません: 記事がもう開かれていません</translation>
    </message>
    <message>
        <source>Copying images</source>
        <translation>画像をコピー中</translation>
    </message>
    <message>
        <source>Reading images</source>
        <translation>画像を読み込み中</translation>
    </message>
    <message>
        <source>The image was copied to {path}; its post is no longer open</source>
        <translation>画像を {path} にコピーしましたが、記事がもう開かれていません</translation>
    </message>
    <message>
        <source>Image copied to {path}</source>
        <translation>画像を {path} にコピーしました</translation>
    </message>
    <message>
        <source>{count} images copied to {folder}</source>
        <translation>{count} 枚の画像を {folder} にコピーしました</translation>
    </message>
    <message>
        <source>“{name}”: {reason}</source>
        <translation>「{name}」: {reason}</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>Some of the interface stays in English: {files} not found (run “make translations”)</source>
        <translation>画面の一部が英語のままです: {files} が見つかりません（「make translations」を実行してください）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Open posts</source>
        <translation>開いている記事</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>記事一覧</translation>
    </message>
    <message>
        <source>Similar Posts</source>
        <translation>似ている記事</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation>書式(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Blog</source>
        <translation>ブログ(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Git</source>
        <translation>Git(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Doctor</source>
        <translation>記事の点検(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;New post</source>
        <translation>新しい記事(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Close tab</source>
        <translation>タブを閉じる(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>Open &amp;blog…</source>
        <translation>ブログを開く(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Publish draft</source>
        <translation>下書きを公開(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Rename to match the date</source>
        <translation>日付に合わせて名前を変更(&amp;R)</translation>
    </message>
    <message>
        <source>Ne&amp;xt tab</source>
        <translation>次のタブ(&amp;X)</translation>
    </message>
    <message>
        <source>Pre&amp;vious tab</source>
        <translation>前のタブ(&amp;V)</translation>
    </message>
    <message>
        <source>Fix all &amp;safe problems</source>
        <translation>安全な修正をすべて適用(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Rules</source>
        <translation>規則(&amp;R)</translation>
    </message>
    <message>
        <source>Preview: rendering…</source>
        <translation>プレビュー: 作成中…</translation>
    </message>
    <message>
        <source>The last blog is not there any more: {blog}</source>
        <translation>前回のブログが見つかりません: {blog}</translation>
    </message>
</context>
<context>
    <name>MarkdownEditor</name>
    <message>
        <source>Write the post in Markdown here…</source>
        <translation>ここに記事を Markdown で書きます…</translation>
    </message>
</context>
<context>
    <name>Opening</name>
    <message>
        <source>Cannot open post</source>
        <translation>記事を開けません</translation>
    </message>
    <message>
        <source>{path} is not there.</source>
        <translation>{path} が見つかりません。</translation>
    </message>
    <message>
        <source>Not a Jekyll blog</source>
        <translation>Jekyll のブログではありません</translation>
    </message>
    <message>
        <source>{folder} has no _config.yml or _posts folder.</source>
        <translation>{folder} には _config.yml も _posts フォルダーもありません。</translation>
    </message>
</context>
<context>
    <name>OutlinePanel</name>
    <message>
        <source>Outline</source>
        <translation>アウトライン</translation>
    </message>
    <message>
        <source>The post&apos;s headings; Enter jumps to one</source>
        <translation>記事の見出し。Enter でその見出しへ移動します</translation>
    </message>
</context>
<context>
    <name>PostBrowser</name>
    <message>
        <source>Filter by title, file name, category or tag</source>
        <translation>タイトル・ファイル名・カテゴリー・タグで絞り込み</translation>
    </message>
    <message>
        <source>Filter posts ({shortcut})</source>
        <translation>記事を絞り込む（{shortcut}）</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>カテゴリー</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>タグ</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>すべての状態</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>下書き</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>公開済み</translation>
    </message>
    <message>
        <source>Not published</source>
        <translation>非公開</translation>
    </message>
    <message>
        <source>Future-dated</source>
        <translation>未来の日付</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>変更あり</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新規</translation>
    </message>
    <message>
        <source>Untracked</source>
        <translation>未追跡</translation>
    </message>
    <message>
        <source>Doctor errors</source>
        <translation>点検でエラー</translation>
    </message>
    <message>
        <source>Unreadable</source>
        <translation>読み込めない</translation>
    </message>
    <message>
        <source>Cache folder not usable</source>
        <translation>キャッシュフォルダーを使えません</translation>
    </message>
    <message>
        <source>{folder} cannot be used ({error}); the post list is read into a temporary folder instead, and search and similar posts may not work.</source>
        <translation>{folder} を使えません ({error})。記事一覧は一時フォルダーに読み込みます。記事の検索と似ている記事は動かないことがあります。</translation>
    </message>
    <message>
        <source>Reading posts</source>
        <translation>記事を読み込み中</translation>
    </message>
    <message>
        <source>Checking posts</source>
        <translation>記事を点検中</translation>
    </message>
    <message>
        <source>{shown} of {total} posts</source>
        <translation>{total} 件中 {shown} 件の記事</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>すべてのカテゴリー</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>すべてのタグ</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>すべての年</translation>
    </message>
    <message>
        <source>Rename or merge “{value}”…</source>
        <translation>「{value}」の名前を変更・統合…</translation>
    </message>
    <message>
        <source>&amp;Filter posts</source>
        <translation>記事を絞り込む(&amp;F)</translation>
    </message>
</context>
<context>
    <name>PostNaming</name>
    <message>
        <source>Saving renames the file to {path}</source>
        <translation>保存するとファイル名が {path} に変わります</translation>
    </message>
    <message>
        <source>The post needs a name</source>
        <translation>記事に名前が必要です</translation>
    </message>
    <message>
        <source>Give the post a title (or a slug) before saving it; nothing is lost.</source>
        <translation>保存する前に記事のタイトル（またはスラッグ）を入力してください。何も失われていません。</translation>
    </message>
    <message>
        <source>Cannot name the post</source>
        <translation>記事に名前を付けられません</translation>
    </message>
    <message>
        <source>Could not publish</source>
        <translation>公開できませんでした</translation>
    </message>
    <message>
        <source>Saved, but not renamed</source>
        <translation>保存しましたが、名前は変更していません</translation>
    </message>
    <message>
        <source>Cannot rename</source>
        <translation>名前を変更できません</translation>
    </message>
    <message>
        <source>Only a saved post in _posts/ with a date can be renamed to its date.</source>
        <translation>日付に合わせて名前を変更できるのは、_posts/ に保存済みで日付のある記事だけです。</translation>
    </message>
    <message>
        <source>Could not rename</source>
        <translation>名前を変更できませんでした</translation>
    </message>
    <message>
        <source>Saved and renamed {old} to {new}</source>
        <translation>保存し、{old} の名前を {new} に変更しました</translation>
    </message>
    <message>
        <source>Renamed {old} to {new}</source>
        <translation>{old} の名前を {new} に変更しました</translation>
    </message>
    <message>
        <source>; these posts still link to the old name: {names}</source>
        <translation>。次の記事はまだ古い名前にリンクしています: {names}</translation>
    </message>
</context>
<context>
    <name>PostView</name>
    <message>
        <source>Simple preview: {reason}</source>
        <translation>簡易プレビュー: {reason}</translation>
    </message>
    <message>
        <source>Doctor: checking…</source>
        <translation>点検: 確認中…</translation>
    </message>
    <message>
        <source>Doctor: clean</source>
        <translation>点検: 問題なし</translation>
    </message>
    <message>
        <source>Doctor: {count} problem</source>
        <translation>点検: 問題 {count} 件</translation>
    </message>
    <message>
        <source>Doctor: {count} problems</source>
        <translation>点検: 問題 {count} 件</translation>
    </message>
    <message>
        <source>Preview: {count} warning: {first}</source>
        <translation>プレビュー: 警告 {count} 件: {first}</translation>
    </message>
    <message>
        <source>Preview: {count} warnings: {first}</source>
        <translation>プレビュー: 警告 {count} 件: {first}</translation>
    </message>
    <message>
        <source>The preview could not be rendered: {reason}</source>
        <translation>プレビューを表示できませんでした: {reason}</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>PreviewStyle</name>
    <message>
        <source>Use the blog&apos;s &amp;stylesheet…</source>
        <translation>ブログのスタイルシートを使う(&amp;S)…</translation>
    </message>
    <message>
        <source>Use Tsuzuri&apos;s st&amp;ylesheet</source>
        <translation>Tsuzuri のスタイルシートを使う(&amp;Y)</translation>
    </message>
</context>
<context>
    <name>ProcessService</name>
    <message>
        <source>The worker process stopped.</source>
        <translation>作業用プロセスが止まりました。</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存の変更</translation>
    </message>
    <message>
        <source>“{name}” has unsaved changes.</source>
        <translation>「{name}」には未保存の変更があります。</translation>
    </message>
    <message>
        <source>Save them first?</source>
        <translation>先に保存しますか？</translation>
    </message>
    <message>
        <source>Open post</source>
        <translation>記事を開く</translation>
    </message>
    <message>
        <source>Markdown posts (*.md *.markdown);;All files (*)</source>
        <translation>Markdown の記事 (*.md *.markdown);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Save post as</source>
        <translation>名前を付けて記事を保存</translation>
    </message>
    <message>
        <source>Markdown posts (*.md *.markdown)</source>
        <translation>Markdown の記事 (*.md *.markdown)</translation>
    </message>
    <message>
        <source>Export as PDF</source>
        <translation>PDF として書き出す</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF ファイル (*.pdf)</translation>
    </message>
    <message>
        <source>Export as HTML</source>
        <translation>HTML として書き出す</translation>
    </message>
    <message>
        <source>HTML files (*.html *.htm)</source>
        <translation>HTML ファイル (*.html *.htm)</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>ファイルを置き換えますか？</translation>
    </message>
    <message>
        <source>“{name}” already exists in “{folder}”. Do you want to replace it?</source>
        <translation>「{name}」は「{folder}」にすでにあります。置き換えますか？</translation>
    </message>
    <message>
        <source>Preview stylesheet</source>
        <translation>プレビューのスタイルシート</translation>
    </message>
    <message>
        <source>Stylesheets (*.css)</source>
        <translation>スタイルシート (*.css)</translation>
    </message>
    <message>
        <source>The post is read-only</source>
        <translation>記事は読み取り専用です</translation>
    </message>
    <message>
        <source>“{name}” is marked read-only.</source>
        <translation>「{name}」は読み取り専用になっています。</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>名前を付けて保存(&amp;A)…</translation>
    </message>
    <message>
        <source>Save &amp;over it</source>
        <translation>上書き保存(&amp;O)</translation>
    </message>
    <message>
        <source>Open blog</source>
        <translation>ブログを開く</translation>
    </message>
    <message>
        <source>Save before committing?</source>
        <translation>コミットの前に保存しますか？</translation>
    </message>
    <message>
        <source>“{name}” has unsaved changes. A commit takes the saved file: save it now?</source>
        <translation>「{name}」には未保存の変更があります。コミットされるのは保存されたファイルです。今保存しますか？</translation>
    </message>
    <message>
        <source>Use the existing “{existing}”</source>
        <translation>既存の「{existing}」を使う</translation>
    </message>
    <message>
        <source>Keep “{value}”</source>
        <translation>「{value}」のままにする</translation>
    </message>
    <message>
        <source>A similar value exists</source>
        <translation>よく似た値があります</translation>
    </message>
    <message>
        <source>Insert image</source>
        <translation>画像を挿入</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp *.avif *.svg);;All files (*)</source>
        <translation>画像 (*.png *.jpg *.jpeg *.gif *.webp *.avif *.svg);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Large image</source>
        <translation>大きな画像</translation>
    </message>
    <message>
        <source>“{name}” is {width} × {height} pixels ({weight}).</source>
        <translation>「{name}」は {width} × {height} ピクセル（{weight}）です。</translation>
    </message>
    <message>
        <source>Copy it into the blog scaled down to {width} × {height}? Readers load it faster; your original file is not changed.</source>
        <translation>{width} × {height} に縮小してブログにコピーしますか？ 読者の読み込みが速くなります。元のファイルは変更されません。</translation>
    </message>
    <message>
        <source>&amp;Scale down</source>
        <translation>縮小する(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Keep full size</source>
        <translation>元のサイズのまま(&amp;K)</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>never saved</source>
        <translation>一度も保存されていません</translation>
    </message>
    <message>
        <source>the post was deleted or renamed</source>
        <translation>記事は削除されたか、名前が変えられました</translation>
    </message>
    <message>
        <source>already saved</source>
        <translation>保存済み</translation>
    </message>
    <message>
        <source>the post on disk is as you left it</source>
        <translation>ディスク上の記事は最後に見たときのままです</translation>
    </message>
    <message>
        <source>the post on disk was changed since</source>
        <translation>ディスク上の記事はその後変更されました</translation>
    </message>
    <message>
        <source>New post: {words}</source>
        <translation>新しい記事: {words}</translation>
    </message>
    <message>
        <source>New post</source>
        <translation>新しい記事</translation>
    </message>
    <message>
        <source>Recover unsaved work</source>
        <translation>保存されていない変更を復元</translation>
    </message>
    <message>
        <source>Tsuzuri was not closed properly. This unsaved work was kept; restoring puts it in the editor as unsaved changes, nothing is written until you save.</source>
        <translation>Tsuzuri が正しく終了しませんでした。保存されていない次の変更が残っています。復元するとエディターに未保存の変更として戻ります。保存するまで何も書き込みません。</translation>
    </message>
    <message>
        <source>{count} kept file(s) could not be read; they are left in place.</source>
        <translation>残っていたファイルのうち {count} 件は読めませんでした。そのままにしてあります。</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>復元(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>破棄(&amp;D)</translation>
    </message>
    <message>
        <source>Decide &amp;later</source>
        <translation>後で決める(&amp;L)</translation>
    </message>
</context>
<context>
    <name>RenameDialog</name>
    <message>
        <source>Rename a tag or category</source>
        <translation>タグ・カテゴリーの名前を変更</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>タグ</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>カテゴリー</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>変更前の名前</translation>
    </message>
    <message>
        <source>To</source>
        <translation>新しい名前</translation>
    </message>
    <message>
        <source>List the changes</source>
        <translation>変更を一覧にする</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>変更</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>適用</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>“{value}” is used in {count} posts: the two will be merged</source>
        <translation>「{value}」は {count} 件の記事で使われています。二つは統合されます</translation>
    </message>
    <message>
        <source>Listing the posts to change…</source>
        <translation>変更する記事を一覧にしています…</translation>
    </message>
    <message>
        <source>Cancelled: every file is as it was</source>
        <translation>キャンセルしました。どのファイルも元のままです</translation>
    </message>
    <message>
        <source>{count} posts will change; {skipped} skipped. Nothing is written yet.</source>
        <translation>{count} 件の記事が変更されます。{skipped} 件はスキップします。まだ何も書き込んでいません。</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>元に戻しました</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>変更しました</translation>
    </message>
    <message>
        <source>Undone in {count} posts; {skipped} skipped</source>
        <translation>{count} 件の記事で元に戻しました。{skipped} 件はスキップしました</translation>
    </message>
    <message>
        <source>Renamed in {count} posts; {skipped} skipped</source>
        <translation>{count} 件の記事で名前を変更しました。{skipped} 件はスキップしました</translation>
    </message>
</context>
<context>
    <name>SafeKeeper</name>
    <message>
        <source>Restored unsaved work; it is not saved yet.</source>
        <translation>保存されていない変更を復元しました。まだ保存されていません。</translation>
    </message>
    <message>
        <source>Could not save “{name}”</source>
        <translation>「{name}」を保存できませんでした</translation>
    </message>
    <message>
        <source>The post is gone</source>
        <translation>記事がありません</translation>
    </message>
    <message>
        <source>“{name}” was deleted or renamed by another program. Your text is still in the editor; saving creates the post again.</source>
        <translation>「{name}」は別のプログラムによって削除されたか、名前が変えられました。文章はエディターに残っています。保存すると記事を作り直します。</translation>
    </message>
    <message>
        <source>“{name}” was changed by another program and has been reloaded.</source>
        <translation>「{name}」は別のプログラムによって変更されたため、読み込み直しました。</translation>
    </message>
    <message>
        <source>Cannot reload the post</source>
        <translation>記事を読み込み直せません</translation>
    </message>
    <message>
        <source>Could not create the folder {folder}: {reason}</source>
        <translation>フォルダー {folder} を作れませんでした: {reason}</translation>
    </message>
</context>
<context>
    <name>Saving</name>
    <message>
        <source>Saved {name}</source>
        <translation>{name} を保存しました</translation>
    </message>
    <message>
        <source>The file name keeps its date</source>
        <translation>ファイル名の日付はそのままです</translation>
    </message>
    <message>
        <source>Only a saved draft in _drafts/ can be published</source>
        <translation>公開できるのは _drafts/ に保存済みの下書きだけです</translation>
    </message>
    <message>
        <source>Published as {name}</source>
        <translation>{name} として公開しました</translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <source>&amp;Search across posts…</source>
        <translation>記事を検索(&amp;S)…</translation>
    </message>
    <message>
        <source>Search across posts</source>
        <translation>記事を検索</translation>
    </message>
    <message>
        <source>Search needs SQLite 3.34 or later.</source>
        <translation>記事の検索には SQLite 3.34 以降が必要です。</translation>
    </message>
    <message>
        <source>Indexing posts for search</source>
        <translation>記事の検索インデックスを更新中</translation>
    </message>
    <message>
        <source>Indexing was cancelled: search finds only the posts indexed so far.</source>
        <translation>検索インデックスの更新を中止しました。検索できるのはここまでに取り込んだ記事だけです。</translation>
    </message>
    <message>
        <source>The search index was damaged and has been made again.</source>
        <translation>検索インデックスが壊れていたため、作り直しました。</translation>
    </message>
    <message>
        <source>The search index was made: {count} posts.</source>
        <translation>検索インデックスを作成しました（{count} 件の記事）。</translation>
    </message>
    <message>
        <source>The search index cannot be used: {error}</source>
        <translation>検索インデックスを使えません: {error}</translation>
    </message>
    <message>
        <source>Updating the search index</source>
        <translation>検索インデックスを更新中</translation>
    </message>
    <message>
        <source>The posts are being indexed; the search follows.</source>
        <translation>検索インデックスを更新中です。終わりしだい検索します。</translation>
    </message>
    <message>
        <source>No post holds “{query}”.</source>
        <translation>「{query}」を含む記事はありません。</translation>
    </message>
    <message>
        <source>The first {hits} lines, in {posts} posts</source>
        <translation>{posts} 件の記事の最初の {hits} 行</translation>
    </message>
    <message>
        <source>{hits} lines in {posts} posts</source>
        <translation>{posts} 件の記事の {hits} 行</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search every post and draft</source>
        <translation>すべての記事と下書きを検索</translation>
    </message>
    <message>
        <source>Search across posts</source>
        <translation>記事を検索</translation>
    </message>
    <message>
        <source>Lines that hold the search</source>
        <translation>検索語を含む行</translation>
    </message>
</context>
<context>
    <name>SelfTest</name>
    <message>
        <source>start</source>
        <translation>起動</translation>
    </message>
    <message>
        <source>open the sample post</source>
        <translation>サンプルの記事を開く</translation>
    </message>
    <message>
        <source>preview</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <source>the doctor and the counts</source>
        <translation>記事の点検と文字数</translation>
    </message>
    <message>
        <source>typing</source>
        <translation>入力</translation>
    </message>
    <message>
        <source>preview of the typed text</source>
        <translation>入力した文のプレビュー</translation>
    </message>
    <message>
        <source>save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>check of the saved file</source>
        <translation>保存したファイルの確認</translation>
    </message>
    <message>
        <source>close</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>worker processes</source>
        <translation>作業用プロセス</translation>
    </message>
    <message>
        <source>not done within {seconds} s</source>
        <translation>{seconds} 秒以内に終わりませんでした</translation>
    </message>
    <message>
        <source>{reason} after {seconds} s</source>
        <translation>{seconds} 秒待っても{reason}</translation>
    </message>
    <message>
        <source>Self-test passed in {seconds} s</source>
        <translation>自己診断に合格しました（{seconds} 秒）</translation>
    </message>
    <message>
        <source>self-test failed at {step}: {reason}</source>
        <translation>自己診断が「{step}」で失敗しました: {reason}</translation>
    </message>
    <message>
        <source>the window is open</source>
        <translation>ウィンドウが開きました</translation>
    </message>
    <message>
        <source>the sample blog has no post</source>
        <translation>サンプルのブログに記事がありません</translation>
    </message>
    <message>
        <source>the blog&apos;s posts were not read</source>
        <translation>ブログの記事を読み終えません</translation>
    </message>
    <message>
        <source>QtWebEngine is not available: {reason}</source>
        <translation>QtWebEngine が使えません: {reason}</translation>
    </message>
    <message>
        <source>the sample post has no text to show</source>
        <translation>サンプルの記事に表示する文がありません</translation>
    </message>
    <message>
        <source>the preview does not show “{words}”</source>
        <translation>プレビューに「{words}」が表示されません</translation>
    </message>
    <message>
        <source>the preview was not rendered by the render process</source>
        <translation>プレビューが描画用プロセスで作られていません</translation>
    </message>
    <message>
        <source>the preview shows “{words}”, rendered by the render process (pid {pid})</source>
        <translation>プレビューに「{words}」が表示されました（描画用プロセス pid {pid} が作成）</translation>
    </message>
    <message>
        <source>the doctor did not check the post</source>
        <translation>記事の点検が終わりません</translation>
    </message>
    <message>
        <source>the doctor did not check the posts of the post list</source>
        <translation>記事一覧の記事の点検が終わりません</translation>
    </message>
    <message>
        <source>the counts of the post were not read</source>
        <translation>記事の文字数を数え終えません</translation>
    </message>
    <message>
        <source>the doctor or the counts did not run in a worker process</source>
        <translation>記事の点検か文字数が作業用プロセスで動いていません</translation>
    </message>
    <message>
        <source>the doctor (pid {doctor}), its check of every post and the counts (pid {counts}) answered</source>
        <translation>記事の点検（pid {doctor}）、全記事の点検、文字数（pid {counts}）が答えました</translation>
    </message>
    <message>
        <source>the text pane does not hold what was typed</source>
        <translation>本文欄に入力した文がありません</translation>
    </message>
    <message>
        <source>{count} characters typed</source>
        <translation>{count} 文字を入力しました</translation>
    </message>
    <message>
        <source>the preview does not show the typed text</source>
        <translation>プレビューに入力した文が表示されません</translation>
    </message>
    <message>
        <source>the render process did not render the typed text</source>
        <translation>描画用プロセスが入力した文を描画しません</translation>
    </message>
    <message>
        <source>the preview shows “{words}”</source>
        <translation>プレビューに「{words}」が表示されました</translation>
    </message>
    <message>
        <source>the post was not saved</source>
        <translation>記事を保存できませんでした</translation>
    </message>
    <message>
        <source>the saved file is not UTF-8</source>
        <translation>保存したファイルが UTF-8 ではありません</translation>
    </message>
    <message>
        <source>the front matter changed</source>
        <translation>フロントマターが変わりました</translation>
    </message>
    <message>
        <source>the saved file does not hold the typed text</source>
        <translation>保存したファイルに入力した文がありません</translation>
    </message>
    <message>
        <source>the post&apos;s text changed beyond what was typed</source>
        <translation>入力した文のほかにも記事の本文が変わりました</translation>
    </message>
    <message>
        <source>the typed text is there, the front matter and the rest as they were</source>
        <translation>入力した文があり、フロントマターとほかの部分は元のままです</translation>
    </message>
    <message>
        <source>the window did not close</source>
        <translation>ウィンドウが閉じません</translation>
    </message>
    <message>
        <source>the window&apos;s background work did not stop</source>
        <translation>ウィンドウが実行中の作業が止まりません</translation>
    </message>
    <message>
        <source>the window closed</source>
        <translation>ウィンドウを閉じました</translation>
    </message>
    <message>
        <source>still running: {processes}</source>
        <translation>まだ動いています: {processes}</translation>
    </message>
    <message>
        <source>no worker process is left</source>
        <translation>作業用プロセスは残っていません</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Recent b&amp;logs</source>
        <translation>最近使ったブログ(&amp;L)</translation>
    </message>
    <message>
        <source>Recent pos&amp;ts</source>
        <translation>最近使った記事(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;{number} {name} (not found)</source>
        <translation>&amp;{number} {name}（見つかりません）</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>（まだありません）</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>General</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>エディター</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>記事の点検</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>画像</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>システムに合わせる</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>言語(&amp;L):</translation>
    </message>
    <message>
        <source>A new language applies at the next start.</source>
        <translation>言語の変更は次回の起動から反映されます。</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>ライト</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>ダーク</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>テーマ(&amp;T):</translation>
    </message>
    <message>
        <source>Default ({family})</source>
        <translation>既定（{family}）</translation>
    </message>
    <message>
        <source>&amp;Font:</source>
        <translation>フォント(&amp;F):</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> ポイント</translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation>サイズ(&amp;S):</translation>
    </message>
    <message>
        <source>Sample:</source>
        <translation>見本:</translation>
    </message>
    <message>
        <source>Close brackets 「」『』（）【】 as they are typed</source>
        <translation>「」『』（）【】の閉じかっこを自動で入力する</translation>
    </message>
    <message>
        <source>Continue lists and quotes on Enter; Tab indents list items</source>
        <translation>Enter でリストと引用を続け、Tab でリストの項目を字下げする</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ミリ秒</translation>
    </message>
    <message>
        <source>&amp;Update after a pause in typing of:</source>
        <translation>入力が止まってから更新するまで(&amp;U):</translation>
    </message>
    <message>
        <source>Load remote images and styles for this blog</source>
        <translation>このブログでリモートの画像とスタイルを読み込む</translation>
    </message>
    <message>
        <source>Open a blog to choose this for it.</source>
        <translation>ブログを開くと設定できます。</translation>
    </message>
    <message>
        <source>Rules for this blog</source>
        <translation>このブログで使う規則</translation>
    </message>
    <message>
        <source>Rules (open a blog to keep this choice)</source>
        <translation>規則（ブログを開くと選択が保存されます）</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>規則</translation>
    </message>
    <message>
        <source>What it looks for</source>
        <translation>調べる内容</translation>
    </message>
    <message>
        <source>Thresholds</source>
        <translation>しきい値</translation>
    </message>
    <message>
        <source>Continuation markers (one a line):</source>
        <translation>継ぎ目の印（1 行に 1 つ）:</translation>
    </message>
    <message>
        <source>Relative to the blog&apos;s folder; {year}, {month}, {day} and {slug} are the post&apos;s. With a blog open, this is that blog&apos;s own setting.</source>
        <translation>ブログのフォルダーからの相対パスです。{year}、{month}、{day}、{slug} は記事のものになります。ブログを開いているときは、そのブログだけの設定です。</translation>
    </message>
    <message>
        <source>&amp;Folder for images (in the blog):</source>
        <translation>画像のフォルダー（ブログ内）(&amp;F):</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>ショートカット</translation>
    </message>
</context>
<context>
    <name>SimilarPosts</name>
    <message>
        <source>Find Similar Posts</source>
        <translation>似ている記事を探す</translation>
    </message>
    <message>
        <source>Posts that repeat paragraphs of each other are listed here.</source>
        <translation>互いに段落が重複している記事をここに一覧します。</translation>
    </message>
    <message>
        <source>Similarity</source>
        <translation>類似度</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>重複した段落</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>記事</translation>
    </message>
    <message>
        <source>Similar post</source>
        <translation>似ている記事</translation>
    </message>
    <message>
        <source>Find Si&amp;milar Posts</source>
        <translation>似ている記事を探す(&amp;M)</translation>
    </message>
    <message>
        <source>Open a blog to compare its posts.</source>
        <translation>記事を比べるにはブログを開いてください。</translation>
    </message>
    <message>
        <source>Comparing the posts…</source>
        <translation>記事を比べています…</translation>
    </message>
    <message>
        <source>Comparing posts</source>
        <translation>記事を比較</translation>
    </message>
    <message>
        <source>Updating similar posts</source>
        <translation>似ている記事を更新</translation>
    </message>
    <message>
        <source>The posts could not be compared: {error}</source>
        <translation>記事を比べられませんでした: {error}</translation>
    </message>
    <message>
        <source>Comparing was cancelled.</source>
        <translation>比較を取り消しました。</translation>
    </message>
    <message>
        <source>{pct}%</source>
        <translation>{pct}%</translation>
    </message>
    <message>
        <source>{count} pairs of posts share paragraphs.</source>
        <translation>段落が重複している記事の組が {count} 組あります。</translation>
    </message>
    <message>
        <source>No posts repeat each other.</source>
        <translation>重複している記事はありません。</translation>
    </message>
</context>
<context>
    <name>StatusCounts</name>
    <message>
        <source>Characters of the prose: Japanese characters and punctuation, and each letter and digit of other text. Not counted: spaces, code, markup, addresses and the front matter. The reading time reads Japanese characters and English words apart, as the doctor does.</source>
        <translation>本文の文字数: 日本語の文字と約物、ほかの文字の英字と数字を1字ずつ数えます。空白、コード、記法、URL、フロントマターは数えません。読了時間は記事の点検と同じく、日本語の文字数と英単語の数を別々に読みます。</translation>
    </message>
    <message>
        <source>Words of English (Latin) text</source>
        <translation>英文（ラテン文字）の語数</translation>
    </message>
    <message>
        <source>Reading time, as the blog counts it</source>
        <translation>読了時間（ブログと同じ計算）</translation>
    </message>
    <message>
        <source>Line and column of the cursor</source>
        <translation>カーソルの行と列</translation>
    </message>
    <message>
        <source>Characters in the selection</source>
        <translation>選択範囲の文字数</translation>
    </message>
    <message>
        <source>Characters {count}</source>
        <translation>文字数 {count}</translation>
    </message>
    <message>
        <source>Words {count}</source>
        <translation>語 {count}</translation>
    </message>
    <message>
        <source>{minutes} min read</source>
        <translation>読了 {minutes} 分</translation>
    </message>
    <message>
        <source>Ln {line}, Col {column}</source>
        <translation>行 {line}, 列 {column}</translation>
    </message>
    <message>
        <source>Selected {count} characters</source>
        <translation>選択 {count} 文字</translation>
    </message>
</context>
<context>
    <name>TakesDialog</name>
    <message>
        <source>Compare the two takes</source>
        <translation>二つの版を比べる</translation>
    </message>
    <message>
        <source>Kept (first take)</source>
        <translation>残す（前の版）</translation>
    </message>
    <message>
        <source>Removed (second take)</source>
        <translation>削除する（後の版）</translation>
    </message>
    <message>
        <source>Keep the first take</source>
        <translation>前の版を残す</translation>
    </message>
    <message>
        <source>The second take has words the first one does not. Keep the first take and remove the second?</source>
        <translation>後の版には、前の版にない言葉があります。前の版を残し、後の版を削除しますか？</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>Cancel</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>{title} (+{more})</source>
        <translation>{title}（ほか {more} 件）</translation>
    </message>
</context>
<context>
    <name>TaxonomyController</name>
    <message>
        <source>Counting tags and categories</source>
        <translation>タグとカテゴリーを数えています</translation>
    </message>
    <message>
        <source>&amp;Rename a tag or category…</source>
        <translation>タグ・カテゴリーの名前を変更(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Undo the last rename</source>
        <translation>直前の名前の変更を元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>Listing the posts to change</source>
        <translation>変更する記事を一覧にしています</translation>
    </message>
    <message>
        <source>Renaming across posts</source>
        <translation>記事全体で名前を変更しています</translation>
    </message>
    <message>
        <source>Undoing the rename</source>
        <translation>名前の変更を元に戻しています</translation>
    </message>
</context>
<context>
    <name>TermCompletion</name>
    <message>
        <source>{value} ({count})</source>
        <translation>{value} ({count})</translation>
    </message>
</context>
<context>
    <name>ThemeController</name>
    <message>
        <source>Follow the &amp;system</source>
        <translation>システムに合わせる(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>ライト(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>ダーク(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>テーマ(&amp;T)</translation>
    </message>
</context>
<context>
    <name>ViewModes</name>
    <message>
        <source>&amp;Editor only</source>
        <translation>エディターのみ(&amp;E)</translation>
    </message>
    <message>
        <source>Editor &amp;and preview</source>
        <translation>エディターとプレビュー(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Preview only</source>
        <translation>プレビューのみ(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Focus mode</source>
        <translation>集中モード(&amp;F)</translation>
    </message>
    <message>
        <source>F&amp;ull screen</source>
        <translation>全画面表示(&amp;U)</translation>
    </message>
    <message>
        <source>Show the out&amp;line</source>
        <translation>アウトラインを表示(&amp;L)</translation>
    </message>
    <message>
        <source>Show the si&amp;debar</source>
        <translation>サイドバーを表示(&amp;D)</translation>
    </message>
</context>
<context>
    <name>_PdfJob</name>
    <message>
        <source>it took more than a minute</source>
        <translation>1 分以上かかりました</translation>
    </message>
    <message>
        <source>the page could not be loaded</source>
        <translation>ページを読み込めませんでした</translation>
    </message>
</context>
</TS>
