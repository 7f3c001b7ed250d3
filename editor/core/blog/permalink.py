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

# Jekyll's Utils.slugify modes; any other mode only lowercases.  "default" keeps letters,
# marks and digits; "pretty" also keeps a few URL-safe punctuation characters.
SLUGIFY_MODES = ("raw", "default", "pretty", "ascii", "latin")
_PRETTY_KEEP = frozenset("._~!$&'()+,;=@")
# Ruby's I18n.transliterate for Latin letters that do not decompose into a letter and marks.
_LATIN = {"ß": "ss", "Æ": "AE", "æ": "ae", "Ø": "O", "ø": "o", "Þ": "Th", "þ": "th"}
_LATIN |= {"Đ": "D", "đ": "d", "Ł": "L", "ł": "l", "Œ": "OE", "œ": "oe", "Ð": "D", "ð": "d"}
_SAFE_PATH = re.compile(r"^[a-zA-Z0-9./-]+$")


class PermalinkError(ValueError):
    """A permalink template with a placeholder Jekyll does not know."""


def jekyll_slugify(text: str, mode: str | None = "default", cased: bool = False) -> str:
    """Jekyll's ``Utils.slugify`` (and the ``slugify`` filter) in every mode.

    ``raw`` turns runs of spaces into "-", ``default`` anything but letters, marks and digits,
    ``pretty`` keeps ``._~!$&'()+,;=@`` too, ``ascii`` keeps only ``A-Za-z0-9``, ``latin``
    first drops accents (other scripts become "-"); another mode only lowercases.  One "-"
    is then taken off each end, and the result lowercased unless ``cased``.
    """
    mode = mode or "default"
    if mode not in SLUGIFY_MODES:
        return text if cased else text.lower()
    if mode == "latin":
        text = "".join(_transliterate(char) for char in text)
    if mode == "raw":
        slug = re.sub(r"[ \t\r\n\f\v]+", "-", text)
    elif mode == "ascii":
        slug = re.sub(r"[^A-Za-z0-9]+", "-", text)
    else:
        pretty = mode == "pretty"
        marked = "".join(c if _word_char(c) or pretty and c in _PRETTY_KEEP else "\0" for c in text)
        slug = re.sub("\0+", "-", marked)
    slug = slug.removeprefix("-").removesuffix("-")
    return slug if cased else slug.lower()


def _word_char(char: str) -> bool:
    category = unicodedata.category(char)
    return category[0] in "LM" or category == "Nd"


def _transliterate(char: str) -> str:
    if char.isascii():
        return char
    if char in _LATIN:
        return _LATIN[char]
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    return base if base and base.isascii() else "?"


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
