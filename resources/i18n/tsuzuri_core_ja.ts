<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>blog</name>
    <message>
        <source>{name} already exists</source>
        <translation>{name} はすでにあります</translation>
    </message>
    <message>
        <source>The post has not been saved yet, so it has no file name</source>
        <translation>記事はまだ保存されていないため、ファイル名がありません</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>{name}: no such file or folder</source>
        <translation>{name}: そのようなファイルやフォルダーはありません</translation>
    </message>
    <message>
        <source>unknown rule {rules} (known: {known})</source>
        <translation>不明なルール {rules} です（使えるルール: {known}）</translation>
    </message>
    <message>
        <source>{blog}: posts not compared with each other yet ({count} posts); open the blog in Tsuzuri once (Blog &gt; Find Similar Posts) to compare them</source>
        <translation>{blog}: 記事どうしはまだ比べていません (記事 {count} 件)。Tsuzuri でブログを一度開いて比べてください (ブログ &gt; 似ている記事を探す)</translation>
    </message>
    <message>
        <source>{blog}: posts not compared with each other ({error})</source>
        <translation>{blog}: 記事どうしを比べられませんでした（{error}）</translation>
    </message>
    <message>
        <source>{name}: not a doctor --json report (nested too deeply)</source>
        <translation>{name}: doctor --json のレポートではありません（入れ子が深すぎます）</translation>
    </message>
    <message>
        <source>{name}: not a doctor --json report ({error})</source>
        <translation>{name}: doctor --json のレポートではありません（{error}）</translation>
    </message>
    <message>
        <source>would fix {total} problem(s) in {files} file(s); nothing written</source>
        <translation>{files} 件のファイルで {total} 件の問題を修正します（書き込みはしません）</translation>
    </message>
    <message>
        <source>({hidden} note(s) not shown; --notes lists them)</source>
        <translation>（ほかに {hidden} 件の注意を省略。--notes で表示）</translation>
    </message>
    <message>
        <source>fixed {total} problem(s) in {files} file(s)</source>
        <translation>{files} 件のファイルで {total} 件の問題を修正しました</translation>
    </message>
    <message>
        <source>{fixable} problem(s) can be fixed safely with --fix (--dry-run shows the change)</source>
        <translation>{fixable} 件は --fix で安全に修正できます（--dry-run で変更を確認）</translation>
    </message>
    <message>
        <source>{error} (see &apos;{prog} --help&apos;)</source>
        <translation>{error}（&apos;{prog} --help&apos; を参照してください）</translation>
    </message>
    <message>
        <source>{name}: {error}</source>
        <translation>{name}: {error}</translation>
    </message>
    <message>
        <source>{label}: “{text}” is not valid UTF-8 text</source>
        <translation>{label}: 「{text}」は正しい UTF-8 のテキストではありません</translation>
    </message>
    <message>
        <source>{repo}: not inside a Jekyll blog (no _config.yml or _posts/)</source>
        <translation>{repo}: Jekyll のブログの中ではありません（_config.yml も _posts/ もありません）</translation>
    </message>
    <message>
        <source>--date: “{value}” is not a date (use YYYY-MM-DD HH:MM +0900)</source>
        <translation>--date: 「{value}」は日付ではありません（YYYY-MM-DD HH:MM +0900 の形で）</translation>
    </message>
    <message>
        <source>--title: the title is empty</source>
        <translation>--title: タイトルが空です</translation>
    </message>
    <message>
        <source>{what} is not used: {error}</source>
        <translation>{what} は使いません: {error}</translation>
    </message>
    <message>
        <source>no such post file: {path}</source>
        <translation>記事のファイルがありません: {path}</translation>
    </message>
    <message>
        <source>no such blog folder: {path}</source>
        <translation>ブログのフォルダーがありません: {path}</translation>
    </message>
    <message>
        <source>the front matter</source>
        <translation>フロントマター</translation>
    </message>
    <message>
        <source>{path}: warning: {text}</source>
        <translation>{path}: 警告: {text}</translation>
    </message>
    <message>
        <source>nothing to set: give KEY=VALUE or --unset KEY</source>
        <translation>設定する項目がありません。KEY=VALUE か --unset KEY を指定してください</translation>
    </message>
    <message>
        <source>{path}: no such post</source>
        <translation>{path}: 記事がありません</translation>
    </message>
    <message>
        <source>“{assignment}”: expected KEY=VALUE</source>
        <translation>「{assignment}」: KEY=VALUE の形で指定してください</translation>
    </message>
    <message>
        <source>{key}: “{value}” is not a whole number</source>
        <translation>{key}: 「{value}」は整数ではありません</translation>
    </message>
    <message>
        <source>{key}: “{value}” is not true or false</source>
        <translation>{key}: 「{value}」は true でも false でもありません</translation>
    </message>
    <message>
        <source>date: “{value}” is not a date (use YYYY-MM-DD HH:MM:SS +0900)</source>
        <translation>date: 「{value}」は日付ではありません（YYYY-MM-DD HH:MM:SS +0900 の形で）</translation>
    </message>
    <message>
        <source>no such stylesheet: {path}</source>
        <translation>そのようなスタイルシートはありません: {path}</translation>
    </message>
    <message>
        <source>an export cannot be written over the post itself</source>
        <translation>書き出しで記事そのものを上書きすることはできません</translation>
    </message>
    <message>
        <source>no such folder for the HTML file: {path}</source>
        <translation>HTML ファイルを書き出すフォルダーがありません: {path}</translation>
    </message>
    <message>
        <source>not a Jekyll blog (no _config.yml or _posts folder): {path}</source>
        <translation>Jekyll のブログではありません (_config.yml も _posts フォルダーもありません): {path}</translation>
    </message>
    <message>
        <source>no blog here: run it inside a Jekyll blog or name one with --repo</source>
        <translation>ここはブログではありません: ブログのフォルダーの中で実行するか、--repo で指定してください</translation>
    </message>
    <message>
        <source>the query is empty</source>
        <translation>検索する文字列が空です</translation>
    </message>
    <message>
        <source>search needs SQLite 3.34 or later; this Python has {version}</source>
        <translation>記事の検索には SQLite 3.34 以降が必要です（この Python のものは {version}）</translation>
    </message>
    <message>
        <source>the search index {path} cannot be used: {error}</source>
        <translation>検索用のインデックス {path} を使えません: {error}</translation>
    </message>
</context>
<context>
    <name>doctor</name>
    <message>
        <source>in the front-matter field “{key}”</source>
        <translation>フロントマターの「{key}」に</translation>
    </message>
    <message>
        <source>in the front matter</source>
        <translation>フロントマターに</translation>
    </message>
    <message>
        <source>in the text</source>
        <translation>本文に</translation>
    </message>
    <message>
        <source>Remove the broken character</source>
        <translation>文字化けした文字を削除する</translation>
    </message>
    <message>
        <source>Broken character (U+FFFD) {where}: text was lost when it was decoded</source>
        <translation>{where}文字化け（U+FFFD）があります。元の文字は失われています</translation>
    </message>
    <message>
        <source>Invisible control character ({codes}) {where}</source>
        <translation>{where}見えない制御文字（{codes}）があります</translation>
    </message>
    <message>
        <source>UTF-8 read as Latin-1</source>
        <translation>UTF-8 を Latin-1 として読んだ</translation>
    </message>
    <message>
        <source>UTF-8 read as Shift_JIS</source>
        <translation>UTF-8 を Shift_JIS として読んだ</translation>
    </message>
    <message>
        <source>Replace the invisible characters with a space</source>
        <translation>見えない制御文字を空白に置き換える</translation>
    </message>
    <message>
        <source>Remove the invisible characters</source>
        <translation>見えない制御文字を削除する</translation>
    </message>
    <message>
        <source>The title ends in a broken character (U+FFFD): it was cut short</source>
        <translation>タイトルが文字化け（U+FFFD）で終わっています。途中で切れています</translation>
    </message>
    <message>
        <source>Replace with “{fixed}”</source>
        <translation>「{fixed}」に置き換える</translation>
    </message>
    <message>
        <source>Garbled text {where} ({how}); it probably read “{fixed}”</source>
        <translation>{where}文字化けがあります（{how}）。元は「{fixed}」と思われます</translation>
    </message>
    <message>
        <source>Garbled text {where} ({how})</source>
        <translation>{where}文字化けがあります（{how}）</translation>
    </message>
    <message>
        <source>No excerpt: lists and feeds will show the start of the body instead</source>
        <translation>抜粋（excerpt）がありません（一覧やフィードには本文の冒頭が表示されます）</translation>
    </message>
    <message>
        <source>The excerpt is {length} characters long; keep it under {limit}</source>
        <translation>抜粋（excerpt）が {length} 文字あります（{limit} 文字以内が目安です）</translation>
    </message>
    <message>
        <source>The excerpt has little in common with the body ({pct}% of its words appear there)</source>
        <translation>抜粋（excerpt）と本文の内容が合っていないようです（共通する語は {pct}%）</translation>
    </message>
    <message>
        <source>{problem}: Jekyll publishes the post under its date; rename the file to {name}</source>
        <translation>{problem}。Jekyll は日付のほうで公開します。ファイル名を {name} に変えてください</translation>
    </message>
    <message>
        <source>{problem}: Jekyll publishes the post under its date</source>
        <translation>{problem}。Jekyll は日付のほうで公開します</translation>
    </message>
    <message>
        <source>The front matter is not valid YAML (line {line}, column {column}): {error}</source>
        <translation>フロントマターの YAML が正しくありません（{line} 行 {column} 列）: {error}</translation>
    </message>
    <message>
        <source>The front matter is not valid YAML: {error}</source>
        <translation>フロントマターの YAML が正しくありません: {error}</translation>
    </message>
    <message>
        <source>Make it a level-{want} heading</source>
        <translation>レベル {want} の見出しにする</translation>
    </message>
    <message>
        <source>Heading level jumps from h{previous} to h{level}</source>
        <translation>見出しのレベルが h{previous} から h{level} に飛んでいます</translation>
    </message>
    <message>
        <source>Link without a target: it leads nowhere</source>
        <translation>リンク先が空です</translation>
    </message>
    <message>
        <source>Image {target} does not exist in the blog</source>
        <translation>画像 {target} がブログの中にありません</translation>
    </message>
    <message>
        <source>Linked file {target} does not exist in the blog</source>
        <translation>リンク先のファイル {target} がブログの中にありません</translation>
    </message>
    <message>
        <source>{tag} {name}: no such post in _posts (the site will not build)</source>
        <translation>{tag} {name} の記事が _posts にありません（サイトを生成できません）</translation>
    </message>
    <message>
        <source>{tag} {name}: no such file in the blog (the site will not build)</source>
        <translation>{tag} {name} のファイルがブログにありません（サイトを生成できません）</translation>
    </message>
    <message>
        <source>Remove the marker</source>
        <translation>印を削除する</translation>
    </message>
    <message>
        <source>The marker {marker} is left at the end of a piece; nothing follows it</source>
        <translation>継ぎ目の印 {marker} が残っています（後に続く文章はありません）</translation>
    </message>
    <message>
        <source>Remove the marker and the repeated text, joining the pieces</source>
        <translation>印と繰り返しを削除して文章をつなげる</translation>
    </message>
    <message>
        <source>The piece after {marker} starts by repeating the last {overlap} characters of the previous piece</source>
        <translation>{marker} の後の部分が、前の部分の末尾 {overlap} 文字を繰り返しています</translation>
    </message>
    <message>
        <source>Drop the repeated piece and the marker</source>
        <translation>繰り返しの部分と印を削除する</translation>
    </message>
    <message>
        <source>The piece after {marker} repeats text already in the post ({pct}% of it)</source>
        <translation>{marker} の後の部分は、既にある文章の繰り返しです（{pct}%）</translation>
    </message>
    <message>
        <source>Keep the complete sentence after the marker</source>
        <translation>印の後の完全な文を残す</translation>
    </message>
    <message>
        <source>The piece after {marker} starts the cut sentence again, slightly reworded ({pct}% similar)</source>
        <translation>{marker} の後の部分が、途切れた文を少し言い換えて書き直しています（類似度 {pct}%）</translation>
    </message>
    <message>
        <source>Remove the marker and join the sentence</source>
        <translation>印を削除して文をつなげる</translation>
    </message>
    <message>
        <source>The text before {marker} stops mid-sentence and continues after it</source>
        <translation>{marker} の前で文が途切れ、後に続いています</translation>
    </message>
    <message>
        <source>The marker {marker} separates two pieces of the text</source>
        <translation>継ぎ目の印 {marker} が文章の間に残っています</translation>
    </message>
    <message>
        <source>Set reading_time to {computed}</source>
        <translation>読了時間（reading_time）を {computed} にする</translation>
    </message>
    <message>
        <source>reading_time says {declared} min but the text reads in about {computed} min ({cjk_chars} Japanese characters at {chars_per_minute}/min, {latin_words} words at {words_per_minute}/min)</source>
        <translation>読了時間（reading_time）は {declared} 分ですが、本文は約 {computed} 分で読めます（日本語 {cjk_chars} 文字を毎分 {chars_per_minute} 字、英単語 {latin_words} 語を毎分 {words_per_minute} 語で計算）</translation>
    </message>
    <message>
        <source>This passage repeats the one on line {line} word for word</source>
        <translation>この文章は {line} 行目と同じ内容の繰り返しです</translation>
    </message>
    <message>
        <source>This sentence repeats the one on line {line} word for word</source>
        <translation>この文は {line} 行目と同じ内容の繰り返しです</translation>
    </message>
    <message>
        <source>This passage nearly repeats the one on line {line} ({pct}% similar)</source>
        <translation>この文章は {line} 行目とほぼ同じです（類似度 {pct}%）</translation>
    </message>
    <message>
        <source>This sentence nearly repeats the one on line {line} ({pct}% similar)</source>
        <translation>この文は {line} 行目とほぼ同じです（類似度 {pct}%）</translation>
    </message>
    <message>
        <source>Remove this copy and keep the one on line {line}</source>
        <translation>こちらを削除し、{line} 行目を残す</translation>
    </message>
    <message>
        <source>Remove one</source>
        <translation>一つ削除する</translation>
    </message>
    <message>
        <source>The particle “{mark}” is written twice</source>
        <translation>助詞「{mark}」が二重になっています</translation>
    </message>
    <message>
        <source>Keep one</source>
        <translation>一つにする</translation>
    </message>
    <message>
        <source>“{mark}” is written twice</source>
        <translation>「{mark}」が二重になっています</translation>
    </message>
    <message>
        <source>This sentence is in plain (da/de aru) style while {count} others are not</source>
        <translation>この文はだ・である調です（他の {count} 文はです・ます調）</translation>
    </message>
    <message>
        <source>This sentence is in polite (desu/masu) style while {count} others are not</source>
        <translation>この文はです・ます調です（他の {count} 文はだ・である調）</translation>
    </message>
    <message>
        <source>Long sentence ({length} characters, limit {limit}): consider splitting it</source>
        <translation>一文が長すぎます（{length} 文字、上限 {limit} 文字）。分けると読みやすくなります</translation>
    </message>
    <message>
        <source>Join the lines</source>
        <translation>行をつなげる</translation>
    </message>
    <message>
        <source>A line break between Japanese characters shows as a space on the page ({count} in this paragraph)</source>
        <translation>日本語の文字の間の改行は、ページ上で空白として表示されます（この段落に {count} 箇所）</translation>
    </message>
    <message>
        <source>Full-width letters or digits “{text}”: half width “{half}” is usual</source>
        <translation>全角英数字「{text}」は半角「{half}」が一般的です</translation>
    </message>
    <message>
        <source>Remove the full-width space</source>
        <translation>全角スペースを取る</translation>
    </message>
    <message>
        <source>Full-width space inside a sentence</source>
        <translation>文中に全角スペースがあります</translation>
    </message>
    <message>
        <source>{message}; it may have read {candidates}</source>
        <translation>{message}。候補: {candidates}</translation>
    </message>
    <message>
        <source>“{text}”</source>
        <translation>「{text}」</translation>
    </message>
    <message>
        <source>{first} or {rest}</source>
        <translation>{first}{rest}</translation>
    </message>
    <message>
        <source>Use “{best}” as the title</source>
        <translation>タイトルを「{best}」にする</translation>
    </message>
    <message>
        <source>The post ends mid-sentence: the last paragraph has no closing punctuation</source>
        <translation>記事が文の途中で終わっています（最後の段落に句点がありません）</translation>
    </message>
    <message>
        <source>The heading ends in a broken character (U+FFFD): it was probably cut short</source>
        <translation>見出しが文字化け（U+FFFD）で終わっています。途中で切れているようです</translation>
    </message>
    <message>
        <source>The heading “{text}” looks cut short (it ends with “{last}”)</source>
        <translation>見出し「{text}」が途中で切れているようです（「{last}」で終わっています）</translation>
    </message>
    <message>
        <source>The title looks cut short: it follows the first line up to “{shared}” and ends in the fragment “{fragment}”</source>
        <translation>タイトルが途中で切れているようです（本文の冒頭と「{shared}」まで同じで、「{fragment}」で途切れています）</translation>
    </message>
    <message>
        <source>The title looks cut short (it ends with “{last}”)</source>
        <translation>タイトルが途中で切れているようです（「{last}」で終わっています）</translation>
    </message>
    <message>
        <source>Write “{text}”</source>
        <translation>「{text}」と書く</translation>
    </message>
    <message>
        <source>“{word}” drops the ら of the potential form: “{right}”</source>
        <translation>ら抜き言葉です: 「{word}」→「{right}」</translation>
    </message>
    <message>
        <source>This paragraph repeats one of “{title}” ({file}, line {line})</source>
        <translation>この段落は別の記事「{title}」（{file} の {line} 行目）の段落と同じです</translation>
    </message>
    <message>
        <source>This paragraph nearly repeats one of “{title}” ({file}, line {line}, {pct}% similar)</source>
        <translation>この段落は別の記事「{title}」（{file} の {line} 行目）の段落とほぼ同じです（類似度 {pct}%）</translation>
    </message>
</context>
<context>
    <name>field</name>
    <message>
        <source>Layout</source>
        <translation>レイアウト</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <source>Slug</source>
        <translation>スラッグ</translation>
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
        <source>Author</source>
        <translation>著者</translation>
    </message>
    <message>
        <source>Excerpt</source>
        <translation>抜粋</translation>
    </message>
    <message>
        <source>Reading time</source>
        <translation>読了時間</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>公開</translation>
    </message>
    <message>
        <source>{label} ({key})</source>
        <translation>{label}（{key}）</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>The front matter is not valid YAML: {error} (line {line}, column {column})</source>
        <translation>フロントマターの YAML が正しくありません: {error}（{line} 行 {column} 列）</translation>
    </message>
    <message>
        <source>“{key}” appears twice (lines {first} and {last}); Jekyll uses the last one</source>
        <translation>「{key}」が 2 回あります（{first} 行と {last} 行）。Jekyll は後の方を使います</translation>
    </message>
    <message>
        <source>The front matter opened on line {line} is never closed: add a line with --- after its last key</source>
        <translation>{line} 行目で始まるフロントマターが閉じられていません。最後のキーの後に --- の行を加えてください</translation>
    </message>
    <message>
        <source>The file has no front matter (--- lines); Jekyll copies it without rendering</source>
        <translation>フロントマター（--- の行）がありません。Jekyll は変換せずにそのままコピーします</translation>
    </message>
    <message>
        <source>The post has no title</source>
        <translation>タイトルがありません</translation>
    </message>
    <message>
        <source>“{value}” is not a date Jekyll can read (use YYYY-MM-DD HH:MM:SS +0900)</source>
        <translation>「{value}」は Jekyll が読める日付ではありません（YYYY-MM-DD HH:MM:SS +0900 の形で）</translation>
    </message>
    <message>
        <source>“{value}” is out of range: dates must fall within the years 0001 to 9999 in every time zone</source>
        <translation>「{value}」は扱える範囲外の日付です。どのタイムゾーンでも 0001 年から 9999 年の間にしてください</translation>
    </message>
    <message>
        <source>“{key}” contains U+FFFD (�): a character was cut or lost</source>
        <translation>「{key}」に U+FFFD（�）があります。文字が途中で切れたか失われています</translation>
    </message>
    <message>
        <source>“{key}” contains the invisible control character {char}</source>
        <translation>「{key}」に見えない制御文字 {char} があります</translation>
    </message>
    <message>
        <source>“{key}” should be a whole number, not “{value}”</source>
        <translation>「{key}」は整数にしてください（今は「{value}」）</translation>
    </message>
    <message>
        <source>“{key}” should be true or false, not “{value}”</source>
        <translation>「{key}」は true か false にしてください（今は「{value}」）</translation>
    </message>
    <message>
        <source>“{key}” should be a list or words separated by spaces</source>
        <translation>「{key}」はリストか、スペース区切りの語にしてください</translation>
    </message>
    <message>
        <source>The title is {length} characters; search results show about {limit}</source>
        <translation>タイトルが {length} 文字あります。検索結果に出るのは {limit} 文字ほどです</translation>
    </message>
    <message>
        <source>The excerpt is {length} characters; search results show about {limit}</source>
        <translation>抜粋が {length} 文字あります。検索結果に出るのは {limit} 文字ほどです</translation>
    </message>
    <message>
        <source>The date {date} differs from the file name&apos;s date {file_date}</source>
        <translation>日付 {date} がファイル名の日付 {file_date} と違います</translation>
    </message>
</context>
<context>
    <name>files</name>
    <message>
        <source>on disk</source>
        <translation>ディスク上の版</translation>
    </message>
    <message>
        <source>in the editor</source>
        <translation>エディターの版</translation>
    </message>
    <message>
        <source>The file no longer exists on disk; all of your text would be saved anew.</source>
        <translation>ファイルはもうディスクにありません。保存すると、すべての文章が新しく書き込まれます。</translation>
    </message>
    <message>
        <source>The two versions differ only in their line endings (Windows or Unix).</source>
        <translation>二つの版の違いは改行コード（Windows か Unix か）だけです。</translation>
    </message>
    <message>
        <source>The file does not exist</source>
        <translation>ファイルがありません</translation>
    </message>
    <message>
        <source>The file is a link to a file that does not exist</source>
        <translation>リンク先のファイルがありません</translation>
    </message>
    <message>
        <source>This is a folder, not a post</source>
        <translation>これはフォルダーで、記事ではありません</translation>
    </message>
    <message>
        <source>This is a special file (a device, pipe or socket), not a text file</source>
        <translation>これは特殊なファイル（デバイス、パイプ、ソケット）で、テキストファイルではありません</translation>
    </message>
    <message>
        <source>The file is too large to open ({size}; the limit is {limit}). It is probably not a post.</source>
        <translation>ファイルが大きすぎて開けません（{size}。上限は {limit}）。記事ではないようです。</translation>
    </message>
    <message>
        <source>The file is saved as UTF-16; Jekyll and Tsuzuri need UTF-8 (re-save it as UTF-8 in the program that wrote it)</source>
        <translation>ファイルが UTF-16 で保存されています。Jekyll と Tsuzuri には UTF-8 が必要です（書いたプログラムで UTF-8 として保存し直してください）</translation>
    </message>
    <message>
        <source>The file contains NUL bytes; it looks like a binary file, not a post</source>
        <translation>ファイルに NUL バイトがあります。記事ではなくバイナリファイルのようです</translation>
    </message>
    <message>
        <source>The file is not valid UTF-8 (byte 0x{byte})</source>
        <translation>ファイルが正しい UTF-8 ではありません（バイト 0x{byte}）</translation>
    </message>
    <message>
        <source>Permission denied: Tsuzuri may not read this file</source>
        <translation>権限がありません: このファイルは読めません</translation>
    </message>
    <message>
        <source>Could not read the file: {reason}</source>
        <translation>ファイルを読めませんでした: {reason}</translation>
    </message>
    <message>
        <source>{name} is outside the blog folder {root}; Tsuzuri only edits the blog&apos;s own files</source>
        <translation>{name} はブログのフォルダー {root} の外にあります。Tsuzuri はブログの中のファイルだけを扱います</translation>
    </message>
    <message>
        <source>{message} (line {line}, column {column})</source>
        <translation>{message}（{line} 行 {column} 列）</translation>
    </message>
    <message>
        <source>This post is very large ({size}); editing and the preview may be slow. Nothing is changed until you save.</source>
        <translation>この記事はとても大きなファイルです（{size}）。編集やプレビューが遅くなることがあります。保存するまでファイルは変わりません。</translation>
    </message>
    <message>
        <source>The post has other hard links; saving replaces the file, so they keep the old text.</source>
        <translation>この記事にはほかのハードリンクがあります。保存するとファイルが置き換わるため、ハードリンクの方は古い内容のままになります。</translation>
    </message>
    <message>
        <source>The post mixes Windows and Unix line endings; each line keeps its own on save.</source>
        <translation>この記事では Windows と Unix の改行が混在しています。保存しても各行の改行はそのまま残ります。</translation>
    </message>
    <message>
        <source>The post was changed by another program since it was opened</source>
        <translation>開いた後で、別のプログラムが記事を変更しました</translation>
    </message>
    <message>
        <source>The post was deleted or renamed by another program since it was opened</source>
        <translation>開いた後で、別のプログラムが記事を削除したか名前を変えました</translation>
    </message>
    <message>
        <source>Cannot save over a folder</source>
        <translation>フォルダーの上には保存できません</translation>
    </message>
    <message>
        <source>Cannot save over a special file</source>
        <translation>特殊なファイルの上には保存できません</translation>
    </message>
    <message>
        <source>The post is marked read-only; use Save As, or confirm to save over it</source>
        <translation>記事は読み取り専用です。名前を付けて保存するか、上書きを確認してください</translation>
    </message>
    <message>
        <source>The post is read-only for you (its permissions do not let you write it); nothing was written</source>
        <translation>記事はあなたには読み取り専用です（権限がなく書き込めません）。何も書き込んでいません</translation>
    </message>
    <message>
        <source>Permission denied: the folder or the post is read-only for you; nothing was written</source>
        <translation>権限がありません: フォルダーか記事が読み取り専用です。何も書き込んでいません</translation>
    </message>
    <message>
        <source>The disk is read-only; nothing was written</source>
        <translation>ディスクが読み取り専用です。何も書き込んでいません</translation>
    </message>
    <message>
        <source>The post&apos;s folder no longer exists; nothing was written</source>
        <translation>記事のフォルダーがなくなりました。何も書き込んでいません</translation>
    </message>
    <message>
        <source>Refusing to replace a non-empty post with an empty one</source>
        <translation>空でない記事を空の内容で置き換えることはしません</translation>
    </message>
    <message>
        <source>A file with this name already exists; it was left as it is</source>
        <translation>同じ名前のファイルがすでにあります。そのままにしてあります</translation>
    </message>
    <message>
        <source>The disk is full; free some space and save again</source>
        <translation>ディスクがいっぱいです。空きを作ってからもう一度保存してください</translation>
    </message>
    <message>
        <source>Permission denied: the folder or the post is read-only — use Save As</source>
        <translation>権限がありません: フォルダーか記事が読み取り専用です。名前を付けて保存してください</translation>
    </message>
    <message>
        <source>The disk is read-only — use Save As</source>
        <translation>ディスクが読み取り専用です。名前を付けて保存してください</translation>
    </message>
    <message>
        <source>The post&apos;s folder no longer exists — use Save As</source>
        <translation>記事のフォルダーがなくなりました。名前を付けて保存してください</translation>
    </message>
    <message>
        <source>The file name is too long for this disk</source>
        <translation>ファイル名がこのディスクには長すぎます</translation>
    </message>
    <message>
        <source>The disk reported an input/output error</source>
        <translation>ディスクが入出力エラーを報告しました</translation>
    </message>
    <message>
        <source>Could not save: {reason}</source>
        <translation>保存できませんでした: {reason}</translation>
    </message>
    <message>
        <source>{reason}. {outcome}</source>
        <translation>{reason}。{outcome}</translation>
    </message>
    <message>
        <source>Your text is still in the editor; the file on disk is unchanged.</source>
        <translation>文章はエディターに残っています。ディスク上のファイルは変わっていません。</translation>
    </message>
    <message>
        <source>The post was not created.</source>
        <translation>記事は作成されませんでした。</translation>
    </message>
    <message>
        <source>nothing was written, run the command again</source>
        <translation>何も書き込んでいません。もう一度実行してください</translation>
    </message>
    <message>
        <source>{message}; {run_again}</source>
        <translation>{message}。{run_again}</translation>
    </message>
</context>
<context>
    <name>git</name>
    <message>
        <source>Tsuzuri runs git with prompts disabled (GIT_TERMINAL_PROMPT=0), so it cannot ask for a user name, password or passphrase: set up a credential helper or an ssh key, or run this once in a terminal.</source>
        <translation>Tsuzuri は入力の問い合わせを無効にして git を実行します (GIT_TERMINAL_PROMPT=0)。ユーザー名・パスワード・パスフレーズは尋ねられないので、認証情報ヘルパーか ssh 鍵を設定するか、一度ターミナルで実行してください。</translation>
    </message>
    <message>
        <source>git is not installed</source>
        <translation>git がインストールされていません</translation>
    </message>
    <message>
        <source>git did not finish within {seconds} seconds and was stopped</source>
        <translation>git が {seconds} 秒以内に終わらなかったので止めました</translation>
    </message>
    <message>
        <source>The blog is not in a git repository.</source>
        <translation>このブログは git リポジトリの中にありません。</translation>
    </message>
    <message>
        <source>git cannot read the blog&apos;s repository.</source>
        <translation>git がブログのリポジトリを読めません。</translation>
    </message>
    <message>
        <source>git status failed.</source>
        <translation>git status に失敗しました。</translation>
    </message>
    <message>
        <source>Add post: {title}</source>
        <translation>記事を追加: {title}</translation>
    </message>
    <message>
        <source>Update post: {title}</source>
        <translation>記事を更新: {title}</translation>
    </message>
    <message>
        <source>The message is empty.</source>
        <translation>コミットメッセージが空です。</translation>
    </message>
    <message>
        <source>The post and its images have no changes to commit.</source>
        <translation>記事とその画像にコミットする変更がありません。</translation>
    </message>
    <message>
        <source>git could not add the post&apos;s files.</source>
        <translation>git が記事のファイルを追加できませんでした。</translation>
    </message>
    <message>
        <source>The commit failed.</source>
        <translation>コミットに失敗しました。</translation>
    </message>
    <message>
        <source>The push failed.</source>
        <translation>プッシュに失敗しました。</translation>
    </message>
    <message>
        <source>The pull failed: this branch and the remote both have commits the other lacks. Tsuzuri pulls only by fast-forward, so a pull never makes a merge commit or leaves conflicts in your posts; merge or rebase in a terminal.</source>
        <translation>プルに失敗しました: このブランチとリモートの両方に、相手にないコミットがあります。Tsuzuri は早送り (fast-forward) でしかプルしないので、プルでマージコミットができたり、記事に競合が残ったりすることはありません。ターミナルでマージかリベースをしてください。</translation>
    </message>
    <message>
        <source>The pull failed.</source>
        <translation>プルに失敗しました。</translation>
    </message>
    <message>
        <source>git cannot find the hooks folder.</source>
        <translation>git がフックのフォルダーを見つけられません。</translation>
    </message>
    <message>
        <source>{path} is a pre-commit hook Tsuzuri did not write; it is left as it is.</source>
        <translation>{path} は Tsuzuri が書いたものではないコミット前のフック (pre-commit) です。そのままにします。</translation>
    </message>
    <message>
        <source>{path} was changed since Tsuzuri wrote it; it is left as it is.</source>
        <translation>{path} は Tsuzuri が書いた後に変更されているため、そのままにしました。</translation>
    </message>
    <message>
        <source>git&apos;s hooks folder {folder} (core.hooksPath) is outside this repository and serves others too; add the check there yourself (see docs/doctor.md).</source>
        <translation>git のフックフォルダー {folder} (core.hooksPath) はこのリポジトリの外にあり、ほかのリポジトリでも使われます。点検はそこへご自身で追加してください (docs/doctor.md を参照)。</translation>
    </message>
    <message>
        <source>No pre-commit check is installed.</source>
        <translation>コミット前の点検はインストールされていません。</translation>
    </message>
</context>
<context>
    <name>images</name>
    <message>
        <source>“{name}” is not an image (PNG, JPEG, GIF, WebP, AVIF or SVG); nothing was copied</source>
        <translation>「{name}」は画像（PNG、JPEG、GIF、WebP、AVIF、SVG）ではありません。何もコピーしていません</translation>
    </message>
    <message>
        <source>The images folder “{pattern}” has an unknown placeholder ({name}); use {{year}}, {{month}}, {{day}} or {{slug}}</source>
        <translation>画像フォルダー「{pattern}」に不明なプレースホルダー（{name}）があります。{{year}}、{{month}}、{{day}}、{{slug}} を使ってください</translation>
    </message>
    <message>
        <source>The images folder “{folder}” must be a folder inside the blog, like assets/images/{{year}}/{{month}}</source>
        <translation>画像フォルダー「{folder}」はブログの中のフォルダーにしてください（例: assets/images/{{year}}/{{month}}）</translation>
    </message>
    <message>
        <source>Jekyll does not publish “{part}” (a name starting with _ or . or ending in ~), so images in “{folder}” would be missing on the site</source>
        <translation>Jekyll は「{part}」（_ や . で始まる名前、~ で終わる名前）を公開しないため、「{folder}」の画像はサイトに表示されません</translation>
    </message>
    <message>
        <source>“{name}” is too large to copy into the blog ({size}; the limit is {limit})</source>
        <translation>「{name}」は大きすぎるためブログにコピーできません（{size}、上限は {limit}）</translation>
    </message>
    <message>
        <source>Could not make the folder “{folder}”: {reason}</source>
        <translation>フォルダー「{folder}」を作成できませんでした: {reason}</translation>
    </message>
    <message>
        <source>No free file name for the image in “{folder}”</source>
        <translation>「{folder}」に画像の空いているファイル名がありません</translation>
    </message>
</context>
<context>
    <name>recovery</name>
    <message>
        <source>the disk is full</source>
        <translation>ディスクがいっぱいです</translation>
    </message>
    <message>
        <source>the folder may not be written to</source>
        <translation>フォルダーに書き込む権限がありません</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>ディスクが読み取り専用です</translation>
    </message>
    <message>
        <source>a file is where the folder should be</source>
        <translation>フォルダーの場所にファイルがあります</translation>
    </message>
    <message>
        <source>the folder is missing</source>
        <translation>フォルダーがありません</translation>
    </message>
    <message>
        <source>the disk reported an error</source>
        <translation>ディスクがエラーを返しました</translation>
    </message>
    <message>
        <source>Unsaved changes cannot be kept for recovery in {folder}: {reason}. Your text is still in the editor; save the post to keep it.</source>
        <translation>未保存の変更を復元用に {folder} へ書き込めません（{reason}）。文章はエディターに残っています。記事を保存してください。</translation>
    </message>
</context>
<context>
    <name>render</name>
    <message>
        <source>Liquid syntax error (line {line}): {problem}</source>
        <translation>Liquid の構文エラー（{line} 行目）: {problem}</translation>
    </message>
    <message>
        <source>Liquid error: Nesting too deep</source>
        <translation>Liquid のエラー: ブロックの入れ子が深すぎます（Nesting too deep）</translation>
    </message>
    <message>
        <source>Liquid tag not understood (line {line}): {tag}</source>
        <translation>プレビューで扱えない Liquid のタグです（{line} 行目）: {tag}</translation>
    </message>
    <message>
        <source>Liquid filter not known to the preview (line {line}): {name}</source>
        <translation>プレビューが知らない Liquid のフィルターです（{line} 行目）: {name}。値はそのまま出力します</translation>
    </message>
    <message>
        <source>Liquid error (line {line}): {why} in {tag}</source>
        <translation>Liquid のエラー（{line} 行目）: {tag}: {why}</translation>
    </message>
    <message>
        <source>Liquid error: {why}</source>
        <translation>Liquid のエラー: {why}</translation>
    </message>
    <message>
        <source>Liquid could not be rendered, shown as written: {error}</source>
        <translation>Liquid を処理できなかったため、書かれたまま表示しています: {error}</translation>
    </message>
    <message>
        <source>Markdown could not be rendered, shown as text: {error}</source>
        <translation>Markdown を変換できなかったため、テキストのまま表示しています: {error}</translation>
    </message>
    <message>
        <source>Invalid date &apos;{date}&apos;: Jekyll does not build a post whose front matter date it cannot read</source>
        <translation>日付「{date}」を Jekyll は読めません。フロントマターの日付が読めない記事はビルドされません</translation>
    </message>
    <message>
        <source>HTML elements with markdown=&quot;1&quot; are nested more than {depth} deep: the preview shows the deeper ones as HTML, without Markdown</source>
        <translation>markdown=&quot;1&quot; の HTML 要素の入れ子が {depth} 段を超えています。プレビューでは深い部分を Markdown として変換せず HTML のまま表示します</translation>
    </message>
    <message>
        <source>Image not found, left out of the export: {src}</source>
        <translation>画像が見つからないため、書き出しから外しました: {src}</translation>
    </message>
    <message>
        <source>Image outside the blog folder, left out of the export: {src}</source>
        <translation>画像がブログのフォルダーの外にあるため、書き出しから外しました: {src}</translation>
    </message>
    <message>
        <source>Not an image file, left out of the export: {src}</source>
        <translation>画像ファイルではないため、書き出しから外しました: {src}</translation>
    </message>
    <message>
        <source>Image could not be read, left out of the export: {src} ({reason})</source>
        <translation>画像を読めなかったため、書き出しから外しました: {src}（{reason}）</translation>
    </message>
    <message>
        <source>A file the stylesheet names could not be put in the export: {src} ({path})</source>
        <translation>スタイルシートが使うファイルを書き出しに含められませんでした: {src}（{path}）</translation>
    </message>
    <message>
        <source>Stylesheet could not be read, the export has no styles from it: {path} ({reason})</source>
        <translation>スタイルシートを読めなかったため、書き出しに含めていません: {path}（{reason}）</translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation>ファイルではなくフォルダーです</translation>
    </message>
    <message>
        <source>it is a device, pipe or socket, not a file</source>
        <translation>ファイルではなく、デバイス、パイプ、ソケットのどれかです</translation>
    </message>
    <message>
        <source>it is too large ({size}; the limit is {limit})</source>
        <translation>大きすぎます（{size}。上限は {limit}）</translation>
    </message>
    <message>
        <source>it holds NUL bytes, so it is not a text file</source>
        <translation>NUL バイトがあり、テキストファイルではありません</translation>
    </message>
</context>
<context>
    <name>search</name>
    <message>
        <source>a ( is not closed</source>
        <translation>「(」が閉じられていません</translation>
    </message>
    <message>
        <source>a ) closes nothing</source>
        <translation>「)」に対応する「(」がありません</translation>
    </message>
    <message>
        <source>a repeat (*, + or ?) follows nothing</source>
        <translation>繰り返し（*、+、?）の前に何もありません</translation>
    </message>
    <message>
        <source>two repeats in a row</source>
        <translation>繰り返しが二つ続いています</translation>
    </message>
    <message>
        <source>a [ is not closed</source>
        <translation>「[」が閉じられていません</translation>
    </message>
    <message>
        <source>a \ at the end escapes nothing</source>
        <translation>末尾の「\」の後に何もありません</translation>
    </message>
    <message>
        <source>{escape} is not an escape Python knows</source>
        <translation>「{escape}」は Python の知らないエスケープです</translation>
    </message>
    <message>
        <source>there is no group {number}</source>
        <translation>グループ {number} はありません</translation>
    </message>
    <message>
        <source>no group is named {name}</source>
        <translation>「{name}」という名前のグループはありません</translation>
    </message>
</context>
<context>
    <name>slug</name>
    <message>
        <source>A slug cannot be empty</source>
        <translation>スラッグを空にすることはできません</translation>
    </message>
    <message>
        <source>The slug contains an invisible or text-direction character ({char}); use letters, digits and hyphens</source>
        <translation>スラッグに見えない文字か文字の向きを変える文字（{char}）があります。英字、数字、ハイフンを使ってください</translation>
    </message>
    <message>
        <source>“{slug}” cannot start with a dot or contain “..”</source>
        <translation>「{slug}」はドットで始めたり「..」を含めたりできません</translation>
    </message>
    <message>
        <source>“{slug}” cannot contain / or \: a slug is a file name, not a path</source>
        <translation>「{slug}」には / や \ を使えません。スラッグはファイル名で、パスではありません</translation>
    </message>
    <message>
        <source>“{slug}” cannot contain a space; use letters, digits and hyphens</source>
        <translation>「{slug}」には空白を使えません。英字、数字、ハイフンを使ってください</translation>
    </message>
    <message>
        <source>“{slug}” cannot contain “{char}”; use letters, digits and hyphens</source>
        <translation>「{slug}」には「{char}」を使えません。英字、数字、ハイフンを使ってください</translation>
    </message>
    <message>
        <source>“{slug}” is a reserved file name on Windows</source>
        <translation>「{slug}」は Windows で予約されたファイル名です</translation>
    </message>
    <message>
        <source>“{slug}” cannot end with a dot</source>
        <translation>「{slug}」はドットで終えることはできません</translation>
    </message>
    <message>
        <source>The slug is too long for a file name (over {limit} bytes)</source>
        <translation>スラッグがファイル名として長すぎます（{limit} バイトを超えています）</translation>
    </message>
</context>
<context>
    <name>taxonomy</name>
    <message>
        <source>The tag “{value}” looks like the blog&apos;s existing “{existing}”</source>
        <translation>タグ「{value}」はブログの既存の「{existing}」とよく似ています</translation>
    </message>
    <message>
        <source>The category “{value}” looks like the blog&apos;s existing “{existing}”</source>
        <translation>カテゴリー「{value}」はブログの既存の「{existing}」とよく似ています</translation>
    </message>
    <message>
        <source>Skipped: the front matter cannot be read ({error})</source>
        <translation>スキップしました: フロントマターを読み取れません（{error}）</translation>
    </message>
    <message>
        <source>Skipped: the category “{value}” is the folder above _posts; move the file</source>
        <translation>スキップしました: カテゴリー「{value}」は _posts の上のフォルダーです。ファイルを移動してください</translation>
    </message>
    <message>
        <source>Skipped: “{key}” is written as words separated by spaces, so “{value}” would become several values; write it as a list first</source>
        <translation>スキップしました: 「{key}」はスペース区切りで書かれているため、「{value}」は複数の値になってしまいます。先にリストとして書いてください</translation>
    </message>
    <message>
        <source>Skipped: the file cannot be read ({error})</source>
        <translation>スキップしました: ファイルを読み取れません（{error}）</translation>
    </message>
    <message>
        <source>Skipped: “{key}” holds something other than a list of words</source>
        <translation>スキップしました: 「{key}」に語のリスト以外のものが入っています</translation>
    </message>
    <message>
        <source>Skipped: renaming here would change other values of “{key}”; edit it by hand</source>
        <translation>スキップしました: ここで名前を変えると「{key}」の他の値も変わってしまいます。手で編集してください</translation>
    </message>
    <message>
        <source>Skipped: the file was changed since the list was made; nothing was written</source>
        <translation>スキップしました: 一覧を作った後にファイルが変更されています。何も書き込んでいません</translation>
    </message>
    <message>
        <source>Skipped: the post is open with unsaved changes; save it and rename again</source>
        <translation>スキップしました: 記事が開かれていて、保存していない変更があります。保存してからもう一度名前を変更してください</translation>
    </message>
    <message>
        <source>Skipped: the file could not be written ({error})</source>
        <translation>スキップしました: ファイルに書き込めませんでした ({error})</translation>
    </message>
    <message>
        <source>The new name is empty</source>
        <translation>新しい名前が空です</translation>
    </message>
    <message>
        <source>The new name is the same as the old one</source>
        <translation>新しい名前が元の名前と同じです</translation>
    </message>
    <message>
        <source>Only categories and tags can be renamed</source>
        <translation>名前を変更できるのはカテゴリーとタグだけです</translation>
    </message>
</context>
<context>
    <name>yaml</name>
    <message>
        <source>_config.yml: {error}</source>
        <translation>_config.yml: {error}</translation>
    </message>
    <message>
        <source>_config.yml must hold &apos;key: value&apos; lines</source>
        <translation>_config.yml は「key: value」の行で書いてください</translation>
    </message>
    <message>
        <source>Fix the front matter first: {error}</source>
        <translation>先にフロントマターを直してください: {error}</translation>
    </message>
    <message>
        <source>Front matter must be &apos;key: value&apos; lines, but it is a list</source>
        <translation>フロントマターは「key: value」の行で書きますが、これはリストです</translation>
    </message>
    <message>
        <source>Front matter must be &apos;key: value&apos; lines, but it is a single value</source>
        <translation>フロントマターは「key: value」の行で書きますが、これは一つの値だけです</translation>
    </message>
    <message>
        <source>Cannot edit &apos;{key}&apos; in place; edit the front matter as text</source>
        <translation>「{key}」はその場で編集できません。フロントマターをテキストとして編集してください</translation>
    </message>
    <message>
        <source>Cannot write this value for &apos;{key}&apos; as YAML</source>
        <translation>「{key}」のこの値は YAML として書けません</translation>
    </message>
    <message>
        <source>Cannot remove &apos;{key}&apos; in place; edit the front matter as text</source>
        <translation>「{key}」はその場で削除できません。フロントマターをテキストとして編集してください</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; appears twice (lines {first} and {last}); remove one in the front matter text first</source>
        <translation>「{key}」が 2 回あります（{first} 行と {last} 行）。先にフロントマターのテキストでどちらかを削除してください</translation>
    </message>
    <message>
        <source>An alias refers to the value that contains it (a cycle)</source>
        <translation>エイリアスが自分を含む値を参照しています（循環しています）</translation>
    </message>
    <message>
        <source>Too many nodes once aliases are expanded (over {limit}); refusing what looks like an alias bomb</source>
        <translation>エイリアスを展開するとノードが多すぎます（{limit} 個を超えます）。エイリアス爆弾のようなので読み込みません</translation>
    </message>
    <message>
        <source>YAML does not allow the control character {char}</source>
        <translation>YAML では制御文字 {char} を使えません</translation>
    </message>
    <message>
        <source>Not valid YAML: {error}</source>
        <translation>正しい YAML ではありません: {error}</translation>
    </message>
    <message>
        <source>The YAML is nested too deeply</source>
        <translation>YAML の入れ子が深すぎます</translation>
    </message>
    <message>
        <source>Not valid YAML</source>
        <translation>正しい YAML ではありません</translation>
    </message>
    <message>
        <source>{error} (YAML does not allow tabs for indentation; use spaces)</source>
        <translation>{error}（YAML ではインデントにタブを使えません。スペースを使ってください）</translation>
    </message>
</context>
</TS>
