"""A post whose ``date:`` is another day than its file name's: Jekyll publishes it under the front
matter's date, so the file name misleads everyone who looks for the post (and ``post_url``).

The comparison is the blog's own (``fields.validate`` with the site's zone and
``blog.posts.file_date``); the mend is a rename, which is not an edit of the text, so the finding
names the file name the post should have and the window offers File > Rename to match the date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from editor.core.blog import posts
from editor.core.blog.repository import BlogRepository, RepositoryError
from editor.core.doctor.context import Context
from editor.core.doctor.model import Finding
from editor.core.post import fields
from editor.core.post.frontmatter import FrontMatterError, parse
from editor.core.words import QT_TRANSLATE_NOOP, Phrase

RULES = ("date-filename",)


def check(ctx: Context) -> Iterator[Finding]:
    path = ctx.path
    if path is None or posts.is_draft(path) or "_posts" not in path.parts:
        return
    day = posts.file_date(path)
    field = ctx.field("date")
    if day is None or field is None:
        return
    try:
        values = parse(ctx.source.front_matter).values
    except FrontMatterError:
        return  # the front-matter rule reports it
    repository = _repository(ctx)
    zone = repository.timezone if repository is not None else None
    problems = [
        p
        for p in fields.validate({"date": values.get("date")}, zone, day)
        if p.code == "date-filename-mismatch"
    ]
    if not problems:
        return
    problem = problems[0]
    target = None
    if repository is not None:
        try:
            target = repository.rename_target(
                path, date=dt.date.fromisoformat(problem.params["date"])
            )
        except (RepositoryError, ValueError):
            target = None
    if target is not None:
        said = QT_TRANSLATE_NOOP(
            "doctor",
            "{problem}: Jekyll publishes the post under its date; rename the file to {name}",
        )
    else:
        said = QT_TRANSLATE_NOOP("doctor", "{problem}: Jekyll publishes the post under its date")
    wording = Phrase(said, problem=problem.wording, name=target.name if target else "")
    yield ctx.finding(
        RULES[0],
        "mismatch",
        "warning",
        field.value_start,
        field.value_end,
        wording,
        rename_to=str(target) if target is not None else None,
        **problem.params,
    )


def _repository(ctx: Context) -> BlogRepository | None:
    if ctx.blog_root is None:
        return None
    try:
        return BlogRepository(ctx.blog_root)
    except (RepositoryError, OSError, ValueError):
        return None
