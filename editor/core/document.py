"""PostDocument: the editing model a window binds to (provisional, minimal version)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from editor.core.post import PostSource, split_post


@dataclass(frozen=True)
class FrontMatterError:
    message: str
    line: int | None = None
    column: int | None = None


class PostDocument:
    """A post being edited: its text in parts, the parsed fields and whether it changed."""

    def __init__(self, source: PostSource, path: Path | None = None):
        self.path = path
        self._source = source
        self._fields: dict[str, Any] | None = None
        self._error: FrontMatterError | None = None
        self._parse()

    @classmethod
    def from_text(cls, text: str, path: Path | None = None) -> PostDocument:
        return cls(split_post(text), path)

    @property
    def text(self) -> str:
        return self._source.text

    @property
    def source(self) -> PostSource:
        return self._source

    @property
    def body(self) -> str:
        return self._source.body

    @property
    def fields(self) -> dict[str, Any] | None:
        return self._fields

    @property
    def front_matter_error(self) -> FrontMatterError | None:
        return self._error

    @property
    def front_matter_text(self) -> str:
        return self._source.front_matter

    def body_for_editor(self) -> str:
        return self._source.body.replace("\r\n", "\n").replace("\r", "\n")

    def set_body(self, body: str) -> None:
        if body == self.body_for_editor():
            return
        nl = self._source.newline
        self._source = self._source.with_body(body.replace("\n", nl) if nl != "\n" else body)

    def set_front_matter_text(self, raw: str) -> None:
        self._source = self._source.with_front_matter(raw)
        self._parse()

    def get(self, key: str, default: Any = None) -> Any:
        return (self._fields or {}).get(key, default)

    def set_field(self, key: str, value: Any) -> None:
        if self._fields is not None and self._fields.get(key) == value:
            return
        line = yaml.safe_dump(
            {key: value}, allow_unicode=True, default_flow_style=True, width=10**9
        )
        line = line.strip().removeprefix("{").removesuffix("}") + "\n"
        fm = self.front_matter_text
        pattern = re.compile(rf"^{re.escape(key)}:.*(?:\n|$)", re.M)
        fm = (
            pattern.sub(line.replace("\\", "\\\\"), fm, count=1)
            if pattern.search(fm)
            else fm + line
        )
        self.set_front_matter_text(fm)

    def _parse(self) -> None:
        try:
            data = (
                yaml.safe_load(self._source.front_matter) if self._source.has_front_matter else {}
            )
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            self._fields, self._error = (
                None,
                FrontMatterError(
                    str(exc), mark.line + 2 if mark else None, mark.column + 1 if mark else None
                ),
            )
            return
        if data is None:
            data = {}
        if not isinstance(data, dict):
            self._fields, self._error = None, FrontMatterError("The front matter is not a mapping")
            return
        self._fields, self._error = data, None
