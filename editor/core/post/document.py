"""PostDocument: the editing model a window (or the command line) binds to; no Qt here.

It holds the post's text as parts (:class:`~editor.core.post.split.PostSource`) and only ever
replaces the part that was edited, so an untouched post saves byte-identical and a field edit
changes only that field's lines.  Broken front matter is kept verbatim: the form shows the error,
the raw view still edits the text.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import Path
from typing import Any

from editor.core.blog import dates, posts
from editor.core.files.storage import Fingerprint, atomic_write, read_post_file
from editor.core.post import fields as fieldmod
from editor.core.post import frontmatter
from editor.core.post.frontmatter import FrontMatterError, ParsedFrontMatter
from editor.core.post.split import PostSource, dominant_newline, split_post, unclosed_front_matter
from editor.core.words import QT_TRANSLATE_NOOP, Phrase

_NEWLINE = re.compile(r"\r\n|\r|\n")


class PostDocument:
    """One post being edited: ``text`` is what to save, ``fields`` what the form shows."""

    def __init__(self, source: PostSource, path: Path | None = None, timezone: Any = None):
        self.path = Path(path) if path is not None else None
        self.timezone = timezone  # the site's ``timezone``: dates without a zone are in it
        self._source = source
        self._saved = source
        self._parsed: ParsedFrontMatter | FrontMatterError | None = None
        # The version on disk the text was loaded from or last saved as; None when not known.
        self.fingerprint: Fingerprint | None = None

    @classmethod
    def from_text(cls, text: str, path: Path | str | None = None, timezone: Any = None):
        """A document for a post's full text (nothing is normalised)."""
        return cls(split_post(text), Path(path) if path else None, timezone)

    @classmethod
    def load(cls, path: Path | str, timezone: Any = None) -> PostDocument:
        """Read a post file, remembering which version of it was read (``fingerprint``).

        Raises :class:`~editor.core.files.storage.StorageError` for what is not a regular UTF-8
        text file (binary, UTF-16, a FIFO or device, too large), with line and column when known.
        """
        path = Path(path)
        loaded = read_post_file(path)
        document = cls.from_text(loaded.text, path, timezone)
        document.fingerprint = loaded.fingerprint
        return document

    # -- text ----------------------------------------------------------------------------------
    @property
    def source(self) -> PostSource:
        """The post as its five lossless parts."""
        return self._source

    @property
    def text(self) -> str:
        """The full text to save."""
        return self._source.text

    @property
    def is_modified(self) -> bool:
        """True when the text differs from what was loaded or last marked saved."""
        now, saved = self._source, self._saved
        # Typing asks on every keystroke: compare the parts, not two megabyte concatenations.
        if (now.bom, now.opening, now.front_matter, now.closing) == (
            saved.bom,
            saved.opening,
            saved.front_matter,
            saved.closing,
        ):
            return now.body != saved.body
        return now.text != saved.text

    def mark_saved(self) -> None:
        """Record the current text as the saved one."""
        self._saved = self._source

    def save(self, path: Path | str | None = None, *, inside: Path | str | None = None) -> Path:
        """Write the text to ``path`` (default: where it was loaded) atomically.

        Saving back where it was loaded raises :class:`~editor.core.files.storage.ConflictError`
        when another program changed the file since (nothing is written); with ``inside`` (the
        blog's root), a file whose real location is outside it is refused.
        """
        target = Path(path) if path is not None else self.path
        if target is None:
            raise ValueError("The post has no file name yet")
        expected = self.fingerprint if target == self.path else None
        self.fingerprint = atomic_write(target, self.text.encode("utf-8"), expected, inside=inside)
        self.path = target
        self.mark_saved()
        return target

    # -- body ----------------------------------------------------------------------------------
    @property
    def body(self) -> str:
        """The body exactly as in the file (its own line endings)."""
        return self._source.body

    def body_for_editor(self) -> str:
        """The body with every line ending turned into "\\n", for a text widget."""
        return _NEWLINE.sub("\n", self._source.body)

    def set_body(self, text: str) -> None:
        """Replace the body with ``text`` ("\\n" line endings) in the file's line-ending style.

        Lines that did not change keep their own endings, so mixed endings survive an edit
        elsewhere and a body handed back unchanged leaves the bytes as they were.
        """
        old = self._source.body
        # The file's usual line ending matters only for a body that has none of its own yet.
        default = "\n" if "\n" in old and "\r" not in old else self._source.newline
        self._source = self._source.with_body(_restore_newlines(old, text, default))

    # -- front matter --------------------------------------------------------------------------
    @property
    def has_front_matter(self) -> bool:
        """True when the post starts with a ``---`` block."""
        return self._source.has_front_matter

    @property
    def front_matter_text(self) -> str:
        """The YAML between the delimiters, as written."""
        return self._source.front_matter

    def set_front_matter_text(self, raw: str) -> None:
        """Replace the YAML text as typed in a raw view; broken YAML is kept, never discarded."""
        raw = _restore_newlines(self._source.front_matter, raw, self._newline())
        if raw and not raw.endswith(("\n", "\r")):
            raw += self._newline()  # the closing "---" must stay on a line of its own
        if raw == self._source.front_matter:
            return
        self._source = self._source.with_front_matter(raw)
        self._parsed = None

    def _parse(self) -> ParsedFrontMatter | FrontMatterError:
        if self._parsed is None and unclosed_front_matter(self._source):
            # Not read as front matter, nor as a body to put a second front matter above.
            unclosed = fieldmod.Problem("front-matter-unclosed", None, "error", {"line": 1})
            self._parsed = FrontMatterError(unclosed.wording, 1, 1)
        if self._parsed is None:
            try:
                self._parsed = frontmatter.parse(self._source.front_matter, first_line=2)
            except FrontMatterError as exc:
                self._parsed = exc
        return self._parsed

    @property
    def fields(self) -> dict[str, Any] | None:
        """The parsed values (``{}`` without front matter), ``None`` while the YAML is broken."""
        parsed = self._parse()
        return None if isinstance(parsed, FrontMatterError) else dict(parsed.values)

    @property
    def front_matter_error(self) -> FrontMatterError | None:
        """Why the front matter cannot be read (message, line, column), or ``None``."""
        parsed = self._parse()
        return parsed if isinstance(parsed, FrontMatterError) else None

    def get(self, key: str, default: Any = None) -> Any:
        """One front-matter value (``default`` when absent or while the YAML is broken)."""
        values = self.fields
        return default if values is None else values.get(key, default)

    def get_date(self) -> dt.datetime | None:
        """The ``date`` field as a datetime in the site's zone when it has none of its own."""
        return dates.parse_date(self.get("date"), self.timezone)

    def get_list(self, key: str) -> list[str]:
        """``tags`` or ``categories`` as a list, whichever form the post uses."""
        return fieldmod.as_list(self.get(key))

    def set_field(self, key: str, value: Any) -> None:
        """Set one field, changing only its lines and keeping the form the post used.

        Raises :class:`FrontMatterError` while the front matter is broken.
        """
        values = self._require_values()
        old = values.get(key)
        value = self._typed(key, value, old, key in values)
        parsed = self._parse()
        self._replace_front_matter(
            frontmatter.set_key(
                self._source.front_matter,
                key,
                value,
                newline=self._newline(),
                parsed=parsed if isinstance(parsed, ParsedFrontMatter) else None,
            )
        )

    def remove_field(self, key: str) -> None:
        """Remove one field and only its lines."""
        self._require_values()
        self._replace_front_matter(frontmatter.remove_key(self._source.front_matter, key))

    def other_keys(self) -> list[str]:
        """Keys the form does not show, in file order (shown as they are, never dropped)."""
        return [key for key in self.fields or {} if key not in fieldmod.FORM_KEYS]

    def problems(self) -> list[fieldmod.Problem]:
        """Validation results for the front matter, most serious first."""
        parsed = self._parse()
        if unclosed_front_matter(self._source):
            return [fieldmod.Problem("front-matter-unclosed", None, "error", {"line": 1})]
        if isinstance(parsed, FrontMatterError):
            params = {"error": parsed.said, "line": parsed.line, "column": parsed.column}
            return [fieldmod.Problem("front-matter-syntax", None, "error", params)]
        found = [
            fieldmod.Problem("duplicate-key", key, "warning", {"first": first, "last": last})
            for key, first, last in parsed.duplicates
        ]
        if not self.has_front_matter:
            found.append(fieldmod.Problem("no-front-matter", None, "warning"))
        found += fieldmod.validate(parsed.values, self.timezone, self._file_date())
        return sorted(found, key=lambda problem: fieldmod.SEVERITY_ORDER[problem.severity])

    # -- helpers -------------------------------------------------------------------------------
    def _newline(self) -> str:
        fm = self._source.front_matter
        return dominant_newline(fm) if _NEWLINE.search(fm) else self._source.newline

    def _require_values(self) -> dict[str, Any]:
        parsed = self._parse()
        if isinstance(parsed, FrontMatterError):
            message = QT_TRANSLATE_NOOP("yaml", "Fix the front matter first: {error}")
            raise FrontMatterError(Phrase(message, error=parsed.said), parsed.line, parsed.column)
        return parsed.values

    def _replace_front_matter(self, fm_text: str) -> None:
        if fm_text == self._source.front_matter and self.has_front_matter:
            return
        self._source = self._source.with_front_matter(fm_text)
        self._parsed = None

    def _typed(self, key: str, value: Any, old: Any, present: bool) -> Any:
        """``value`` converted to the field's type and to the form the old value used."""
        if key in fieldmod.LIST_KEYS and isinstance(value, list | tuple):
            return fieldmod.list_value_like(old, list(value)) if present else list(value)
        if key in fieldmod.INT_KEYS and isinstance(value, str) and value.strip().isdigit():
            return int(value)
        if key in fieldmod.BOOL_KEYS and isinstance(value, str):
            return {"true": True, "false": False}.get(value.strip().lower(), value)
        if key == "date":
            return self._date_value(value, old, present)
        return value

    def _date_value(self, value: Any, old: Any, present: bool) -> Any:
        """A date to write: the old value when it is the same moment, else a zoned datetime.

        A naive datetime handed in is taken as the site's local time.  Times are always
        written with their zone, since Jekyll reads an unquoted zoneless time as UTC; a post
        that writes bare dates keeps a bare date while the time is midnight.
        """
        zone = dates.site_zone(self.timezone)
        zoneless = isinstance(value, str) and dates.parse_date(value) is not None
        zoneless = zoneless and dates.parse_date(value).tzinfo is None
        if isinstance(value, str):
            new = dates.parse_date(value, self.timezone)
        elif isinstance(value, dt.datetime) and value.tzinfo is None and zone is not None:
            new, zoneless = value.replace(tzinfo=zone), True
        else:
            new = value
        if not isinstance(new, dt.datetime):
            return value  # not a date: written as typed, and validation says so
        old_parsed = dates.parse_date(old, self.timezone) if present else None
        if old_parsed is not None and old_parsed.tzinfo and new.tzinfo:
            # The same moment stays as written; a zoneless input names no offset to prefer.
            if old_parsed == new and (zoneless or old_parsed.utcoffset() == new.utcoffset()):
                return old
            local = new.astimezone(zone) if zone else new
            if isinstance(old, dt.date | str) and _is_bare_date(old) and local.time() == dt.time(0):
                return local.date()
        return new

    def _file_date(self) -> dt.date | None:
        """The date the file name gives a post in a ``_posts`` folder (see blog/posts.py)."""
        if self.path is None or "_posts" not in self.path.parts[:-1]:
            return None
        return posts.file_date(self.path)


def _is_bare_date(value: Any) -> bool:
    if isinstance(value, dt.datetime):
        return False
    return isinstance(value, dt.date) or bool(re.fullmatch(r"\s*\d{4}-\d{1,2}-\d{1,2}\s*", value))


def _ending(line: str) -> str:
    return line[len(line.rstrip("\r\n")) :]


def _restore_newlines(old: str, new: str, default: str) -> str:
    """``new`` ("\\n" endings) with each unchanged line's old ending and ``default`` elsewhere."""
    # Typing calls this on every keystroke: the common LF-only case must not scan the text
    # with regular expressions ("\r" in text is a fast memchr).
    if "\r" in new:
        new = _NEWLINE.sub("\n", new)
    if "\r" not in old:
        if old == new:
            return old
        return new if default == "\n" or "\n" in old else new.replace("\n", default)
    if _NEWLINE.sub("\n", old) == new:
        return old
    endings = set(_NEWLINE.findall(old))
    if len(endings) == 1:
        return new.replace("\n", endings.pop())
    old_lines = old.splitlines(keepends=True)
    if old_lines and not _ending(old_lines[-1]):
        old_lines.pop()  # the unterminated last line is compared as part of the new text's tail
    old_content = [_NEWLINE.sub("", line) for line in old_lines]
    *new_full, new_partial = new.split("\n")
    # An edit touches a few lines: keep the unchanged head and tail as they are and diff only
    # the middle, which keeps a 1 MB body with mixed endings fast.
    head = 0
    while head < min(len(old_content), len(new_full)) and old_content[head] == new_full[head]:
        head += 1
    tail = 0
    while (
        tail < min(len(old_content), len(new_full)) - head
        and old_content[-1 - tail] == new_full[-1 - tail]
    ):
        tail += 1
    out = old_lines[:head]
    middle_old = old_content[head : len(old_content) - tail]
    middle_new = new_full[head : len(new_full) - tail]
    matcher = difflib.SequenceMatcher(None, middle_old, middle_new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        for offset in range(j2 - j1):
            # An edited line keeps the ending of the line it replaces; only new lines get
            # the file's usual one.
            kept = tag in ("equal", "replace") and offset < i2 - i1
            ending = _ending(old_lines[head + i1 + offset]) if kept else default
            out.append(middle_new[j1 + offset] + ending)
    out += old_lines[len(old_lines) - tail :] if tail else []
    out.append(new_partial)
    return "".join(out)
