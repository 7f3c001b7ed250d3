"""The URL Jekyll gives a post: permalink styles, placeholders, slugify and escaping as Jekyll 4.

Mirrors ``Jekyll::URL`` and ``Jekyll::Drops::UrlDrop``: categories are lowercased and joined with
``/``, ``:title`` is the slug in Jekyll's "pretty" mode with case kept, values are
percent-encoded as path components, and repeated slashes collapse.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from urllib.parse import quote

STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}
MARKDOWN_EXTENSIONS = (".md", ".markdown", ".mkdown", ".mkdn", ".mkd")

# Jekyll's Utils.slugify: "default" keeps letters, marks and digits; "pretty" also keeps
# a few URL-safe punctuation characters.
_PRETTY_KEEP = set("._~!$&'()+,;=@")
_SLUGIFY_MODES = ("raw", "default", "pretty", "ascii", "latin")
_SAFE_PATH = re.compile(r"^[a-zA-Z0-9./-]+$")


class PermalinkError(ValueError):
    """A permalink template with a placeholder Jekyll does not know."""


def jekyll_slugify(text: str, mode: str = "default", cased: bool = False) -> str:
    """Jekyll's ``Utils.slugify`` in each of its modes: ``raw``, ``default``, ``pretty``,
    ``ascii`` and ``latin``; any other mode (``none``) only lowercases."""
    if mode not in _SLUGIFY_MODES:
        return text if cased else text.lower()
    if mode == "latin":  # I18n.transliterate: accents dropped, anything else non-ASCII is "?"
        text = unicodedata.normalize("NFKD", text)
        text = "".join("?" if not c.isascii() else c for c in text if not unicodedata.combining(c))
    if mode == "raw":
        slug = re.sub(r"\s+", "-", text)
    elif mode == "ascii":
        slug = re.sub(r"[^A-Za-z0-9]+", "-", text)
    else:
        out = []
        for char in text:
            keep = unicodedata.category(char)[0] in "LM" or unicodedata.category(char) == "Nd"
            if mode == "pretty" and char in _PRETTY_KEEP:
                keep = True
            out.append(char if keep else "-")
        slug = re.sub("-+", "-", "".join(out))
    slug = re.sub("^-|-$", "", slug)
    return slug if cased else slug.lower()


def escape_path(value: str) -> str:
    """Percent-encode a URL path component as Jekyll's ``URL.escape_path`` does."""
    if not value or _SAFE_PATH.match(value):
        return value
    return quote(value, safe="/!$&'()*+,;=:@-._~")


def template_for(permalink: str | None) -> str:
    """The URL template for a ``permalink`` setting (a style name or a pattern)."""
    if not permalink:
        return STYLES["date"]
    return STYLES.get(str(permalink), str(permalink))


def placeholders(
    date: dt.datetime, slug: str, categories: list[str], output_ext: str = ".html"
) -> dict[str, str]:
    """Values for every placeholder Jekyll 4 offers posts."""
    iso_year, iso_week, iso_day = date.isocalendar()
    unique_categories = list(dict.fromkeys(str(c).lower() for c in categories))
    return {
        "collection": "posts",
        "title": jekyll_slugify(slug, mode="pretty", cased=True),
        "slug": jekyll_slugify(slug),
        "name": jekyll_slugify(slug),
        "categories": "/".join(unique_categories),
        "slugified_categories": "/".join(dict.fromkeys(jekyll_slugify(str(c)) for c in categories)),
        "year": f"{date.year:04d}",
        "month": f"{date.month:02d}",
        "day": f"{date.day:02d}",
        "hour": f"{date.hour:02d}",
        "minute": f"{date.minute:02d}",
        "second": f"{date.second:02d}",
        "i_day": str(date.day),
        "i_month": str(date.month),
        "short_year": f"{date.year % 100:02d}",
        "short_month": date.strftime("%b"),
        "long_month": date.strftime("%B"),
        "short_day": date.strftime("%a"),
        "long_day": date.strftime("%A"),
        "y_day": f"{date.timetuple().tm_yday:03d}",
        "week": f"{iso_week:02d}",
        "w_year": str(iso_year),
        "w_day": str(iso_day),
        "output_ext": output_ext,
    }


def generate(template: str, values: dict[str, str]) -> str:
    """Fill a template as ``Jekyll::URL`` does, then clean the result into a site path."""

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        pool = [name, name[:-1]] if name.endswith("_") else [name]
        winner = next((key for key in pool if key in values), None)
        if winner is None:
            raise PermalinkError(f"The permalink has an unknown placeholder “:{name}”")
        value = escape_path(values[winner])
        return value + match.group(0)[len(winner) + 1 :]

    url = re.sub(r":([a-z_]+)", fill, template)
    url = re.sub("/+", "/", url)
    # Jekyll's sanitize_url: no "..", no "./", one leading slash.
    url = ("/" + url).replace("..", "/").replace("./", "")
    return re.sub("/+", "/", url)
