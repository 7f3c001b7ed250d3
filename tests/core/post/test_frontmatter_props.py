"""Round trip in every style: loading and saving is byte-identical, one edit touches one key."""

import difflib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.core.post import frontmatter as fm
from editor.core.post.document import PostDocument
from editor.core.post.fields import LIST_KEYS
from editor.core.post.split import decode_post
from tests.conftest import corpus_files

pytestmark = pytest.mark.core

ALL = corpus_files("raw") + corpus_files("fidelity") + corpus_files("real")
KEYS = ["layout", "title", "date", "categories", "tags", "author", "excerpt", "reading_time", "x"]
JAPANESE = "あいうえおかきくけこ日本語投資分析最新技術「」、。ー・ＡＩ"
WORDS = st.text(alphabet="abcxyzABC0123 " + JAPANESE, min_size=1, max_size=12).map(str.strip)
PLAIN = WORDS.filter(lambda w: w and not w[0].isdigit() and w not in ("a", "b"))
ANY_TEXT = st.text(alphabet="ab 日本:#'\"\\-*[],{}&!?" + JAPANESE, max_size=15)


def _double(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _single(text):
    return "'" + text.replace("'", "''") + "'"


@st.composite
def entry(draw, key):
    """One key written in a drawn style, with its value as YAML reads it."""
    kind = draw(
        st.sampled_from(
            ["plain", "double", "single", "int", "flow", "block", "empty"]
            + ["commented", "folded", "nested", "multiflow"]
        )
    )
    if kind == "plain":
        value = draw(PLAIN)
        return [f"{key}: {value}"], value
    if kind == "commented":
        value = draw(PLAIN)
        return [f"{key}: {value}  # メモ"], value
    if kind == "folded":
        first, second = draw(PLAIN), draw(PLAIN)
        return [f"{key}: >-", f"  {first}", f"  {second}"], f"{first} {second}"
    if kind == "nested":
        word = draw(PLAIN)
        return [f"{key}:", f"  name: {word}", "  n: 1"], {"name": word, "n": 1}
    if kind == "multiflow":
        first, second = draw(PLAIN), draw(PLAIN)
        return [f"{key}: [{first},", f"  {second}]"], [first, second]
    if kind == "double":
        value = draw(ANY_TEXT)
        return [f"{key}: {_double(value)}"], value
    if kind == "single":
        value = draw(ANY_TEXT)
        return [f"{key}:   {_single(value)}"], value
    if kind == "int":
        value = draw(st.integers(0, 999))
        return [f"{key}: {value}"], value
    items = draw(st.lists(PLAIN, min_size=1, max_size=4))
    if kind == "flow":
        quote = draw(st.booleans())
        texts = [_double(i) if quote else i for i in items]
        return [f"{key}: [{', '.join(texts)}]"], items
    if kind == "block":
        pad = " " * draw(st.sampled_from([0, 2, 4]))
        return [f"{key}:"] + [f"{pad}- {i}" for i in items], items
    return [f"{key}:"], None


@st.composite
def post(draw):
    """A whole post: front matter in mixed styles, comments, blank lines, a Japanese body."""
    keys = draw(st.lists(st.sampled_from(KEYS), min_size=1, max_size=6, unique=True))
    nl = draw(st.sampled_from(["\n", "\r\n"]))
    lines, values = [], {}
    for key in keys:
        if draw(st.booleans()):
            lines.append(draw(st.sampled_from(["", "# コメント", "#"])))
        key_lines, value = draw(entry(key))
        lines += key_lines
        values[key] = value
    bom = draw(st.sampled_from(["", "\ufeff"]))
    body = draw(st.text(alphabet="本文です。\n#*- ab", max_size=40)).replace("\n", nl)
    text = bom + "---" + nl + nl.join(lines) + nl + "---" + nl + body
    return text, values


def _outside_span_unchanged(old: str, new: str, span: range) -> bool:
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    touched = [(i1, i2) for tag, i1, i2, _j1, _j2 in ops if tag != "equal"]
    return all(span.start <= i1 and i2 <= span.stop for i1, i2 in touched)


FAST = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(post())
def test_load_then_save_is_byte_identical(drawn):
    text, values = drawn
    document = PostDocument.from_text(text)
    assert document.text == text
    assert document.fields == values


@FAST
@given(post(), st.data())
def test_setting_the_same_value_is_byte_identical(drawn, data):
    text, values = drawn
    key = data.draw(st.sampled_from(sorted(values)))
    document = PostDocument.from_text(text)
    document.set_field(key, values[key])
    assert document.text == text


@FAST
@given(post(), st.data())
def test_setting_one_key_changes_only_its_lines(drawn, data):
    text, values = drawn
    key = data.draw(st.sampled_from(sorted(values)))
    value = data.draw(st.one_of(ANY_TEXT, st.lists(WORDS, max_size=3), st.integers(0, 50)))
    document = PostDocument.from_text(text)
    span = fm.key_lines(document.front_matter_text, key)
    document.set_field(key, value)
    if key in LIST_KEYS and isinstance(value, list) and isinstance(values[key], str):
        assert document.get_list(key) == value  # Jekyll's space-separated form is kept
    else:
        assert document.fields[key] == value
    assert {k: v for k, v in document.fields.items() if k != key} == {
        k: v for k, v in values.items() if k != key
    }
    whole = range(span.start + 1, span.stop + 1)  # the file's line 0 is the opening "---"
    assert _outside_span_unchanged(text, document.text, whole)


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_corpus_post_round_trips_and_title_edit_touches_only_title(path):
    text = decode_post(path.read_bytes())
    document = PostDocument.from_text(text, path)
    assert document.text == text
    fields = document.fields
    assert fields is not None
    if "title" in fields:
        document.set_field("title", fields["title"])
        assert document.text == text
    span = fm.key_lines(document.front_matter_text, "title")
    document.set_field("title", "新しい「題名」: テスト #1")
    assert document.get("title") == "新しい「題名」: テスト #1"
    if span is None:  # a new title goes in without touching any other line
        old = text.splitlines(keepends=True)
        new = document.text.splitlines(keepends=True)
        assert [line for line in new if line not in old] == [
            line for line in new if line.startswith("title:")
        ]
    else:
        assert _outside_span_unchanged(text, document.text, range(span.start + 1, span.stop + 1))
    assert document.body == PostDocument.from_text(text).body


@FAST
@given(
    st.sampled_from(["", '"', "'"]),
    st.text(st.characters(exclude_categories=["Cs"]), max_size=30),
)
def test_any_text_value_is_written_so_it_reads_back_exactly(quote, value):
    text = f"layout: post\ntitle: {quote}x{quote}\ntags: [a]\n"
    new = fm.set_key(text, "title", value)
    assert fm.load(new) == {"layout": "post", "title": value, "tags": ["a"]}
    assert new.startswith("layout: post\n") and new.endswith("tags: [a]\n")
    assert all(char in new for char in value if char.isalpha())  # letters as UTF-8, never \u


@FAST
@given(st.lists(st.text(st.characters(exclude_categories=["Cs"]), max_size=8), max_size=4))
def test_any_list_is_written_so_it_reads_back_exactly(items):
    for text in ('tags: ["x"]\nz: 1\n', "tags:\n  - x\nz: 1\n"):
        new = fm.set_key(text, "tags", items)
        assert fm.load(new) == {"tags": items, "z": 1}


LINES = st.lists(
    st.tuples(st.text(alphabet="本文ab #", max_size=6), st.sampled_from(["\n", "\r\n"])),
    max_size=12,
)


@FAST
@given(LINES, st.booleans(), st.data())
def test_body_edits_keep_the_endings_of_lines_not_edited(lines, final, data):
    body = "".join(text + ending for text, ending in lines) + ("末尾" if final else "")
    document = PostDocument.from_text("---\ntitle: a\n---\n" + body)
    editor_text = document.body_for_editor()
    document.set_body(editor_text)
    assert document.body == body
    edited = editor_text.split("\n")
    index = data.draw(st.integers(0, len(edited) - 1))
    edited.insert(index, data.draw(st.sampled_from(["追加", "", "x y"])))
    new_text = "\n".join(edited)
    document.set_body(new_text)
    assert document.body_for_editor() == new_text
    old_lines = body.splitlines(keepends=True)
    new_lines = document.body.splitlines(keepends=True)
    # Trim the common head and tail (difflib's matcher is not minimal on repeated lines).
    head = 0
    while head < min(len(old_lines), len(new_lines)) and old_lines[head] == new_lines[head]:
        head += 1
    tail = 0
    while (
        tail < min(len(old_lines), len(new_lines)) - head
        and old_lines[-1 - tail] == new_lines[-1 - tail]
    ):
        tail += 1
    removed = len(old_lines) - head - tail
    added = len(new_lines) - head - tail
    # One inserted line; the old unterminated last line may gain its ending.
    assert added <= 2 and removed <= 1


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_corpus_every_key_set_and_removed_touches_only_its_lines(path):
    text = decode_post(path.read_bytes())
    base = PostDocument.from_text(text, path)
    for key, value in base.fields.items():
        span = fm.key_lines(base.front_matter_text, key)
        whole = range(span.start + 1, span.stop + 1)
        for change in ("remove", "same", "new"):
            document = PostDocument.from_text(text, path)
            if change == "remove":
                document.remove_field(key)
                assert key not in document.fields
            elif change == "same":
                document.set_field(key, value)
                assert document.text == text
                continue
            else:
                new_value = [*value, "追加"] if isinstance(value, list) else f"{value}・改"
                document.set_field(key, new_value)
            assert _outside_span_unchanged(text, document.text, whole), (key, change)
