"""A post as one standalone HTML file: the preview's body and styles, images inlined, no script.

The body is what :func:`editor.core.render.render_body` gives the preview; its local images are
found the way the preview finds them (:func:`editor.core.render.images.resolve_local`) and
embedded as ``data:`` URIs, so the file opens anywhere (a mail attachment, a browser, the print
to PDF) without the blog beside it.  Remote images stay links to where they are published.
Nothing that runs is kept (``<script>``, ``on*`` handlers, ``javascript:`` URLs) and the page's
own policy forbids scripts as well.  What could not be embedded is a warning, never a failure.
"""

from __future__ import annotations

import base64
import mimetypes
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from editor.core.files.limits import MB
from editor.core.files.reading import StorageError, is_inside, read_regular_file, read_text_file
from editor.core.render import RenderContext, render_body
from editor.core.render.context import RenderWarning
from editor.core.render.images import MISSING_CLASS, REMOTE_CLASS, resolve_local
from editor.core.render.words import unread_reason
from editor.core.text.cjk import KANA

# One image larger than this is left out: a photo straight from a camera is rarely over 30 MB,
# and a file of hundreds of megabytes base64-encoded would make an HTML no browser opens well.
MAX_IMAGE_BYTES = 32 * MB

IMAGE_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".svg": "image/svg+xml",
    ".bmp": "image/bmp",
    ".ico": "image/x-icon",
}

# What a stylesheet may bring along inside the page: its fonts and images.
FONT_TYPES = {".woff2": "font/woff2", ".woff": "font/woff", ".ttf": "font/ttf", ".otf": "font/otf"}

# Scripts are dropped with their content; these elements never run anything else either.
_DROPPED = {"script"}
# Attributes that are only the preview's: where a block starts, the local file, a withheld src.
_PREVIEW_ATTRIBUTES = {"data-source-line", "data-local-src", "data-remote-src"}
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "xlink:href"}
_JAPANESE = re.compile(f"[{KANA}]")
_STYLE_END = re.compile(r"</(style)", re.IGNORECASE)
_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""", re.IGNORECASE)

# On paper (the PDF): the page's full width, and no heading alone at the foot of a page, no
# image, table or code block cut in two.
PRINT_CSS = """@media print {
  body { max-width: none; padding: 0; }
  h1, h2, h3, h4, h5, h6 { break-after: avoid; }
  img, table, pre, blockquote, figure { break-inside: avoid; }
}"""

POLICY = "script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'"


@dataclass(frozen=True)
class Export:
    """A standalone page: its HTML, what could not be embedded (and the render's own warnings),
    and how many images it carries inside."""

    html: str
    warnings: list[str] = field(default_factory=list)
    inlined: int = 0


def export_post(
    body: str,
    context: RenderContext,
    *,
    title: str = "",
    stylesheets: Iterable[Path] = (),
) -> Export:
    """Render a post's body as the preview does and make it a standalone page."""
    result = render_body(body, context)
    page = standalone_html(result.html, context, title=title, stylesheets=stylesheets)
    return Export(page.html, [*result.warnings, *page.warnings], page.inlined)


def standalone_html(
    body_html: str,
    context: RenderContext,
    *,
    title: str = "",
    stylesheets: Iterable[Path] = (),
) -> Export:
    """A complete HTML5 document around ``body_html`` with the stylesheets embedded."""
    rewriter = _Rewriter(context)
    rewriter.feed(body_html)
    rewriter.close()
    styles, warnings = [], list(rewriter.warnings)
    for path in stylesheets:
        try:
            css = read_text_file(path)
        except StorageError as exc:
            warnings.append(
                RenderWarning("export-stylesheet", path=str(path), reason=unread_reason(exc))
            )
            continue
        css = _inline_css_files(css, Path(path), context, warnings)
        # "</style" inside the CSS would end the element early.
        css = _STYLE_END.sub(r"<\\/\1", css)
        styles.append(f"<style>\n{css}\n</style>")
    styles.append(f"<style>\n{PRINT_CSS}\n</style>")
    lang = post_language(context, title + "\n" + rewriter.text())
    lang_attr = f' lang="{escape(lang)}"' if lang else ""
    heading = f'<h1 class="post-title">{escape(title)}</h1>\n' if title else ""
    page = (
        "<!DOCTYPE html>\n"
        f'<html{lang_attr} class="tsuzuri-light">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="Tsuzuri">\n'
        f"<title>{escape(title)}</title>\n" + "\n".join(styles) + "\n</head>\n<body>\n"
        f'<article class="post">\n{heading}<div class="post-content">\n'
        f"{''.join(rewriter.out)}</div>\n</article>\n</body>\n</html>\n"
    )
    return Export(page, warnings, rewriter.inlined)


def post_language(context: RenderContext, text: str) -> str | None:
    """The page's language: the post's or the site's ``lang``, else ``ja`` for Japanese text."""
    for values in (context.page, context.site):
        lang = values.get("lang") if isinstance(values, Mapping) else None
        if isinstance(lang, str) and re.fullmatch(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*", lang):
            return lang
    return "ja" if _JAPANESE.search(text) else None


class _Rewriter(HTMLParser):
    """Copies the body HTML, changing only what a standalone file needs changed."""

    def __init__(self, context: RenderContext):
        super().__init__(convert_charrefs=False)
        self.context = context
        self.out: list[str] = []
        self.warnings: list[str] = []
        self.inlined = 0
        self._text: list[str] = []
        self._skipping = 0
        self._cache: dict[Path, str | None] = {}
        self._site_url = str(context.site.get("url") or "").rstrip("/")

    def text(self) -> str:
        return "".join(self._text)

    # -- parser events -----------------------------------------------------------------------

    def handle_starttag(self, tag, attrs):
        self._tag(tag, attrs, self.get_starttag_text(), closed=False)

    def handle_startendtag(self, tag, attrs):
        self._tag(tag, attrs, self.get_starttag_text(), closed=True)

    def handle_endtag(self, tag):
        if tag in _DROPPED:
            self._skipping = max(0, self._skipping - 1)
            return
        if not self._skipping:
            self.out.append(f"</{tag}>")

    def handle_data(self, data):
        if not self._skipping:
            self.out.append(data)
            self._text.append(data)

    def handle_entityref(self, name):
        if not self._skipping:
            self.out.append(f"&{name};")

    def handle_charref(self, name):
        if not self._skipping:
            self.out.append(f"&#{name};")

    def handle_comment(self, data):
        if not self._skipping:
            self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        pass  # a <!DOCTYPE> inside a body means nothing

    def handle_pi(self, data):
        pass

    def unknown_decl(self, data):
        if not self._skipping:
            self.out.append(f"<![{data}]>")

    # -- tags --------------------------------------------------------------------------------

    def _tag(self, tag: str, attrs: list, original: str, closed: bool) -> None:
        if tag in _DROPPED:
            if not closed:
                self._skipping += 1
            return
        if self._skipping:
            return
        changed = dict(attrs) if tag != "img" else self._image(dict(attrs))
        for name in list(changed):
            value = changed[name]
            if name in _PREVIEW_ATTRIBUTES or name.startswith("on"):
                del changed[name]
            elif name in _URL_ATTRIBUTES and isinstance(value, str):
                changed[name] = self._url(value)
        if list(changed.items()) == [(k, v) for k, v in attrs]:
            self.out.append(original)
            return
        text = "".join(
            f" {name}" if value is None else f' {name}="{escape(value)}"'
            for name, value in changed.items()
        )
        self.out.append(f"<{tag}{text}{' /' if closed else ''}>")

    def _url(self, value: str) -> str:
        stripped = "".join(value.split()).lower()
        if stripped.startswith(("javascript:", "vbscript:")):
            return "#"
        if self._site_url and value.startswith("/") and not value.startswith("//"):
            return self._site_url + value  # where the link leads on the published site
        return value

    def _image(self, attrs: dict) -> dict:
        src = attrs.get("data-remote-src") or attrs.get("src") or ""
        marks = (REMOTE_CLASS, MISSING_CLASS)
        classes = [c for c in (attrs.get("class") or "").split() if c not in marks]
        attrs = {k: v for k, v in attrs.items() if k not in ("class", "srcset")}
        if classes:
            attrs["class"] = " ".join(classes)
        parts = urlsplit(src)
        if not src or parts.scheme in ("http", "https", "data") or src.startswith("//"):
            attrs["src"] = src
            return attrs
        data = self._inline(src, parts)
        if data is None:
            attrs.pop("src", None)
            attrs["class"] = " ".join([*classes, MISSING_CLASS])
        else:
            attrs["src"] = data
            self.inlined += 1
        return attrs

    def _inline(self, src: str, parts) -> str | None:
        """The image as a ``data:`` URI, or None (and a warning) when it cannot be."""
        path: Path | None = None
        if parts.scheme == "file":
            path = Path(unquote(parts.path))
        elif not parts.scheme:
            path = resolve_local(unquote(parts.path), self.context)
        if path is None or self.context.blog_root is None:
            self.warnings.append(RenderWarning("export-image-missing", src=src))
            return None
        if path not in self._cache:
            self._cache[path] = _data_uri(path, Path(self.context.blog_root).resolve())
        data, problem = self._cache[path]
        if problem is not None:
            self.warnings.append(RenderWarning(problem[0], src=src, **problem[1]))
        return data


def _inline_css_files(css: str, path: Path, context: RenderContext, warnings: list) -> str:
    """The stylesheet with the fonts and images it names (next to it, or from the blog's root)
    inside as ``data:`` URIs; one it cannot embed stays as written, with a warning."""
    folder = path.resolve().parent
    root = context.blog_root
    within = Path(root).resolve() if root and is_inside(root, path) else folder

    def inline(match: re.Match) -> str:
        ref = match.group(2).strip()
        parts = urlsplit(ref)
        if parts.scheme or ref.startswith(("//", "#")):
            return match.group(0)
        if ref.startswith("/"):
            target = resolve_local(unquote(parts.path), context)
        else:
            target = (folder / unquote(parts.path)).resolve()
        data = None
        if target is not None:
            data, _problem = _data_uri(target, within, {**IMAGE_TYPES, **FONT_TYPES})
        if data is None:  # missing, outside the blog, or neither a font nor an image
            warnings.append(RenderWarning("export-stylesheet-file", path=str(path), src=ref))
            return match.group(0)
        return f'url("{data}")'

    return _CSS_URL.sub(inline, css)


def _data_uri(
    path: Path, root: Path, types: dict[str, str] = IMAGE_TYPES
) -> tuple[str | None, tuple[str, dict] | None]:
    """An image file of the blog (or a font, with ``types``) as a ``data:`` URI, or the code and
    params of why not."""
    kind = types.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0] or ""
    if not is_inside(root, path):
        return None, ("export-image-outside", {})
    if not path.exists():
        return None, ("export-image-missing", {})
    if kind not in types.values() and not kind.startswith("image/"):
        return None, ("export-image-kind", {})
    try:
        raw, _mtime = read_regular_file(path, MAX_IMAGE_BYTES, inside=root)
    except StorageError as exc:
        return None, ("export-image-unread", {"reason": unread_reason(exc)})
    return f"data:{kind};base64,{base64.b64encode(raw).decode('ascii')}", None
